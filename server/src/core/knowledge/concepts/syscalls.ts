// System calls as topics of `containment explain` and the Explain view: on which architectures the
// kernel has the call and what Docker's default seccomp profile does with it, in English and
// Simplified Chinese (pure core layer). The facts come from the generated tables behind
// knowledge/seccomp.ts; the English sentence is that module's own.

import {
  archesOf,
  describeDocker,
  dockerRows,
  dockerVerdict,
  DOCKER_DEFAULT_ERRNO,
  ESCAPE_RELEVANT,
  hex,
  isKnownSyscall,
  syscallPurpose,
  type DockerRow,
} from '../seccomp';
import { DOCS, t } from './text';
import type { ConceptReference, Lang, Text } from './types';

/** `unshare`, `unshare(2)`, `unshare()` → `unshare` when it is a system call we know. */
export function syscallName(query: string): string | undefined {
  const name = query
    .trim()
    .replace(/^syscall\s+/i, '')
    .replace(/\((2)?\)$/, '');
  return /^[a-z_][a-z0-9_]*$/.test(name) && isKnownSyscall(name) ? name : undefined;
}

const NS_FLAGS_MASK = 0x7e020000;
const OPS: Record<string, string> = {
  SCMP_CMP_EQ: '等于',
  SCMP_CMP_NE: '不等于',
  SCMP_CMP_LT: '小于',
  SCMP_CMP_LE: '不大于',
  SCMP_CMP_GT: '大于',
  SCMP_CMP_GE: '不小于',
};

/** A row's condition in Chinese, with the same omissions as the English one in knowledge/seccomp.ts. */
function rowZh(r: DockerRow): string {
  const parts: string[] = [];
  if (r.caps) parts.push(`持有 ${r.caps.join(' 和 ')} 时`);
  if (r.args)
    parts.push(
      `${r.args
        .map((a) =>
          a.op === 'SCMP_CMP_MASKED_EQ' && a.value === NS_FLAGS_MASK && a.valueTwo === 0
            ? '其标志不请求新的 namespace'
            : a.op === 'SCMP_CMP_MASKED_EQ'
              ? `参数 ${a.index} 与 ${hex(a.value)} 按位与后等于 ${hex(a.valueTwo)}`
              : `参数 ${a.index} ${OPS[a.op] ?? a.op} ${a.value}`,
        )
        .join('且')} 时`,
    );
  if (r.minKernel) parts.push(`内核版本不低于 ${r.minKernel} 时`);
  if (r.arches && !r.args) parts.push(`在 ${r.arches.join('/')} 主机上`);
  return parts.join('、');
}

function describeDockerZh(name: string): string {
  const rows = dockerRows(name) ?? [];
  const allow = rows.filter((r) => r.action === 'SCMP_ACT_ALLOW');
  const other = rows.filter((r) => r.action !== 'SCMP_ACT_ALLOW');
  if (allow.length === 0) return `Docker 默认的 seccomp 配置阻止 \`${name}\`：它不在允许列表中，调用以 EPERM 失败。`;
  if (allow.some((r) => Object.keys(r).length === 1)) return `Docker 默认的 seccomp 配置放行 \`${name}\`。`;
  let text = `Docker 默认的 seccomp 配置只在以下情况放行 \`${name}\`：${[...new Set(allow.map(rowZh))].join('，或')}`;
  for (const r of other)
    text += `；否则${r.action === 'SCMP_ACT_ERRNO' ? `返回错误 ${r.errnoRet ?? DOCKER_DEFAULT_ERRNO}${r.errnoRet === 38 ? '（ENOSYS，程序会改用其他调用）' : ''}` : `执行 ${r.action}`}`;
  return `${text}。`;
}

export interface SyscallFacts {
  name: string;
  /** What it does, in one line. */
  purpose?: Text;
  /** Architectures of our tables (x86_64, x86, x32, aarch64, arm) whose kernel has it. */
  arches: string[];
  verdict: 'allowed' | 'conditional' | 'blocked';
  /** What Docker's default profile does with it, one sentence per language. */
  docker: Text;
  /** Capabilities that unlock it in Docker's default profile. */
  caps: string[];
  /** One of the calls this project counts as a door to container escapes. */
  escapeRelevant: boolean;
  references: ConceptReference[];
}

export function syscallFacts(name: string): SyscallFacts {
  const rows = dockerRows(name) ?? [];
  return {
    name,
    purpose: syscallPurpose(name),
    arches: archesOf(name),
    verdict: dockerVerdict(name),
    docker: { en: describeDocker(name), 'zh-CN': describeDockerZh(name) },
    caps: [...new Set(rows.filter((r) => r.action === 'SCMP_ACT_ALLOW').flatMap((r) => r.caps ?? []))],
    escapeRelevant: ESCAPE_RELEVANT.has(name),
    references: [{ title: `${name}(2)`, url: `https://man7.org/linux/man-pages/man2/${name}.2.html` }, DOCS.seccomp],
  };
}

/** Section texts of a system call's explanation. */
export function syscallTexts(f: SyscallFacts, lang: Lang): { what: string; why: string; todo: string } {
  const arches = f.arches.length > 0 ? f.arches.join(', ') : undefined;
  const what = t(
    `${f.purpose ? `${f.purpose.en} ` : ''}\`${f.name}\` is a Linux system call${arches ? ` on ${arches}` : ''}${arches ? '' : ' (listed by Docker’s profile for architectures outside our tables)'}. Its manual page has the details; seccomp decides whether a container may make it.`,
    `${f.purpose ? (f.purpose['zh-CN'] ?? f.purpose.en) : ''}\`${f.name}\` 是 Linux 系统调用${arches ? `，存在于 ${f.arches.join('、')}` : '（Docker 的配置为我们的表之外的架构列出了它）'}。详情见手册页；容器能否调用它由 seccomp 决定。`,
  );
  const why = f.escapeRelevant
    ? t(
        'It is one of the calls that open the way to container escapes (namespaces, mounts, kernel code, the keyring, eBPF, perf, userfaultfd, io_uring, handle-based opens, ptrace). A custom profile or `seccomp=unconfined` that allows it beyond Docker’s default weakens isolation.',
        '它属于为容器逃逸打开通道的那类调用（namespace、挂载、内核代码、密钥环、eBPF、perf、userfaultfd、io_uring、基于句柄的打开、ptrace）。自定义配置或 `seccomp=unconfined` 在 Docker 默认配置之外放行它，会削弱隔离。',
      )
    : t(
        'Docker’s default profile treats it as above; a custom profile that blocks a call a program needs makes that program fail with an error, so allow-lists are built from what the program really calls.',
        'Docker 默认配置对它的处理如上；如果自定义配置阻止了程序需要的调用，程序会以错误失败，因此允许列表应依据程序实际发起的调用来编写。',
      );
  const todo =
    f.caps.length > 0
      ? t(
          `If a program needs it, prefer granting ${f.caps.map((c) => `\`${c}\``).join(' or ')} to one container (which also opens it in the default profile) over \`seccomp=unconfined\`, and check what else that capability allows.`,
          `如果程序确实需要它，优先只给一个容器授予 ${f.caps.map((c) => `\`${c}\``).join(' 或 ')}（默认配置也会随之放行它），而不是使用 \`seccomp=unconfined\`，并核实该 capability 还允许了什么。`,
        )
      : f.verdict === 'blocked'
        ? t(
            'If a program really needs it, copy Docker’s default profile and allow just this call, with argument conditions where possible, rather than running unconfined.',
            '如果程序确实需要它，复制 Docker 的默认配置，只放行这一个调用（尽量加上参数条件），而不是以 unconfined 运行。',
          )
        : t('Nothing: the default profile already allows what programs normally need.', '无需处理：默认配置已经放行了程序通常需要的调用。');
  return { what: what[lang] ?? what.en, why: why[lang] ?? why.en, todo: todo[lang] ?? todo.en };
}
