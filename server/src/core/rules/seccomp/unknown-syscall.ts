// CT3010 seccomp-unknown-syscall: a name that is not a system call (usually a typo), which runc
// skips without a word, or a call that does not exist on any architecture the profile covers
// (pure core layer).

import { seccompRule, type Hit } from '../rule';
import { SECCOMP_ARCHES, archesOf, isKnownSyscall, syscallNames, tablesFor, dockerListedNames } from '../../knowledge/seccomp';
import type { SeccompModel } from '../../model/seccomp';
import { entryLabel, listedArches, quote, suggest } from './util';
import { t } from '../../types';
import { zh } from '../image/zh';
import { REF } from './refs';

/** Did-you-mean candidates per set of tables, built when a name is first unknown and kept (suggest() indexes them once). */
const candidateSets = new Map<string, Set<string>>();

function candidatesFor(tables: string[] | undefined): Set<string> {
  const key = tables ? tables.join(',') : '*';
  let c = candidateSets.get(key);
  if (!c) candidateSets.set(key, (c = new Set([...syscallNames(tables), ...(tables ? [] : dockerListedNames())])));
  return c;
}

function check(model: SeccompModel): Hit[] {
  const listed = listedArches(model).filter((a) => SECCOMP_ARCHES[a]);
  // Only when every listed architecture has a table can "not on these architectures" be said.
  const tables = listed.length > 0 && listed.every((a) => SECCOMP_ARCHES[a].table) ? tablesFor(listed) : undefined;
  let candidates: Set<string> | undefined;
  const hits: Hit[] = [];
  for (const rule of model.syscalls) {
    const natives = new Set(rule.includes?.arches?.map((a) => a.value) ?? []);
    for (const n of rule.names) {
      const name = n.value;
      if (name.trim() === '' || name !== name.trim()) continue; // seccomp-invalid-value
      if (!isKnownSyscall(name)) {
        candidates ??= candidatesFor(tables);
        const options = suggest(name, candidates);
        hits.push({
          range: n.range,
          message: t(
            `${quote(name)} is not a Linux system call on any architecture Containment knows (${entryLabel(rule)}): runc skips unknown names without a message, so this entry does nothing for it.${options.length > 0 ? ` Did you mean ${options.map((o) => `\`${o}\``).join(' or ')}?` : ''}`,
            zh`${quote(name)}在 Containment 知道的任何架构上都不是 Linux 系统调用（${entryLabel(rule)}）：runc 会不加提示地跳过未知名称，因此这个条目对它不起任何作用。` +
              (options.length > 0 ? zh`你是不是想写${options.map((o) => `\`${o}\``).join(' 或 ')}？` : ''),
          ),
          fixes: options.map((o) => ({
            title: t(`Change to ${quote(o)}`, zh`改为${quote(o)}`),
            edits: [{ range: n.range, newText: quote(o) }],
          })),
        });
        continue;
      }
      // An entry limited to other hosts (includes.arches) may name their calls.
      if (!tables || natives.size > 0) continue;
      const on = archesOf(name);
      if (on.some((a) => tables.includes(a))) continue;
      hits.push({
        range: n.range,
        message: t(
          `\`${name}\` exists on ${on.join(', ') || 'other architectures'} but not on ${listed.join(', ')}, the architectures this profile covers: it is skipped there (${entryLabel(rule)}).`,
          `\`${name}\` 存在于 ${on.join('、') || '其他架构'} 上，但不存在于该配置文件覆盖的架构 ${listed.join('、')} 上：在这些架构上它会被跳过（${entryLabel(rule)}）。`,
        ),
        severity: 'info',
      });
    }
  }
  return hits;
}

export default seccompRule(
  {
    id: 'CT3010',
    name: 'seccomp-unknown-syscall',
    title: 'A system call name that does not exist',
    defaultSeverity: 'warning',
    appliesTo: ['seccomp'],
    explanation:
      'runc turns each name into the number the kernel uses, per architecture, with libseccomp. When a name does not resolve, runc assumes the call is just missing on this kernel and skips it without a word: a typo such as `acept` or `mmap_2` is silently ignored. ' +
      'In an allow-list the program then fails with "operation not permitted" on the call you meant to allow; in a deny-list the call you meant to block stays allowed. ' +
      "Names are checked against the system call tables of x86-64, 32-bit x86, x32, 64-bit and 32-bit ARM (from the Linux headers and libseccomp) and the names Docker's default profile uses for other architectures. A call that exists only on architectures the profile does not cover is reported as information.",
    remediation:
      'Correct the name (the quick fix offers the closest real system calls), or remove it. `man 2 syscalls` lists the calls of your architecture.',
    zh: {
      title: '不存在的系统调用名称',
      explanation:
        'runc 借助 libseccomp 把每个名称按架构转换成内核使用的编号。当某个名称无法解析时，runc 会认为这个调用只是在当前内核上不存在，于是一声不响地跳过它：像 `acept` 或 `mmap_2` 这样的拼写错误会被悄悄忽略。' +
        '在允许列表中，程序随后会在你本想允许的调用上以“operation not permitted”失败；在拒绝列表中，你本想拦截的调用仍然被允许。' +
        '名称会对照 x86-64、32 位 x86、x32、64 位和 32 位 ARM 的系统调用表（来自 Linux 头文件和 libseccomp），以及 Docker 默认配置文件用于其他架构的名称进行检查。只存在于配置文件未覆盖的架构上的调用会报告为信息。',
      remediation: '改正名称（快速修复会给出最接近的真实系统调用），或者删除它。`man 2 syscalls` 列出了你所用架构的系统调用。',
    },
    references: [
      REF.runcFilter,
      { title: 'syscalls(2): the list of Linux system calls', url: 'https://man7.org/linux/man-pages/man2/syscalls.2.html' },
      REF.dockerDocs,
    ],
    peers: {},
    bad: [
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],\n  "syscalls": [{ "names": ["read", "acept", "write"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],\n  "syscalls": [{ "names": ["read", "accept", "write"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "syscalls": [{ "names": ["unshare", "keyctrl"], "action": "SCMP_ACT_ERRNO" }]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "syscalls": [{ "names": ["unshare", "keyctl"], "action": "SCMP_ACT_ERRNO" }]\n}\n',
      },
    ],
    good: [
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],\n  "syscalls": [{ "names": ["read", "write", "socketcall", "mmap2", "arch_prctl"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      // Calls of other architectures in an entry limited to them.
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64"],\n  "syscalls": [{ "names": ["s390_pci_mmio_read"], "action": "SCMP_ACT_ALLOW", "includes": { "arches": ["s390x"] } }]\n}\n',
      // Calls newer than the Linux 6.1 headers.
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["cachestat", "mseal", "futex_waitv", "listmount"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
    ],
  },
  check,
);
