// What seccomp profile values mean and what Docker's default profile does with each system call
// (pure core layer, data and lookups). The tables are generated into knowledge/generated/ by
// scripts/gen-seccomp-data.mjs and scripts/gen-syscalls.mjs; the words are ours, checked against
// seccomp(2), Docker's seccomp documentation and the moby and runc sources named in each entry.

import SYSCALLS from './generated/syscalls.json';
import DOCKER_TABLE from './generated/docker-seccomp-table.json';
import DOCKER_PROFILE from './generated/docker-default-seccomp.json';
import PURPOSES from './syscallPurposes.json';
import { DOCKER_DEFAULT_CAPS } from '../model/capabilities';

/** One way Docker's default profile treats a name (see docker-seccomp-table.json). */
export interface DockerRow {
  action: string;
  errnoRet?: number;
  caps?: string[];
  arches?: string[];
  minKernel?: string;
  unlessCaps?: string[];
  exceptArches?: string[];
  args?: { index: number; op: string; value: number; valueTwo: number }[];
}

export const DOCKER_DEFAULT_FILE_NAME = 'docker-default-seccomp.json';

/**
 * Docker's default profile exactly as published (tab-indented, no final newline): the generated
 * copy is re-serialised from the bundled JSON, which test/seccomp.test.ts checks byte for byte.
 */
export const DOCKER_DEFAULT_PROFILE_TEXT: string = JSON.stringify(DOCKER_PROFILE, null, '\t');

export const SECCOMP_DOCS = 'https://docs.docker.com/engine/security/seccomp/';
export const SECCOMP_MAN = 'https://man7.org/linux/man-pages/man2/seccomp.2.html';

/** The actions runc accepts (libcontainer/seccomp/config.go), with what each does to a matching call. */
export const SECCOMP_ACTIONS: Record<string, string> = {
  SCMP_ACT_ALLOW: 'The call runs normally.',
  SCMP_ACT_ERRNO:
    'The call is not run and fails with an error number: `errnoRet` (or `defaultErrnoRet` for the default action), else EPERM (1). Programs see an ordinary error and can carry on.',
  SCMP_ACT_KILL:
    'The kernel kills the thread that made the call (runc treats it as SCMP_ACT_KILL_THREAD). Other threads keep running, which can leave a process half-alive.',
  SCMP_ACT_KILL_THREAD: 'The kernel kills the thread that made the call; other threads of the process keep running.',
  SCMP_ACT_KILL_PROCESS: 'The kernel kills the whole process that made the call (Linux 4.14 and later).',
  SCMP_ACT_TRAP: 'The call is not run; the thread receives SIGSYS, which a signal handler can use to emulate the call.',
  SCMP_ACT_TRACE:
    'A ptrace tracer that asked for seccomp events decides; with no tracer (the usual case in a container) the call fails with ENOSYS.',
  SCMP_ACT_LOG: 'The call runs normally and is written to the kernel audit log (Linux 4.14 and later). It confines nothing.',
  SCMP_ACT_NOTIFY:
    'The call waits while a user-space agent listening on `listenerPath` decides what happens (Linux 5.0 and later; runc needs libseccomp 2.5). runc refuses it as the default action and for `write`.',
};

/** SECCOMP_ACTIONS in Simplified Chinese. */
export const SECCOMP_ACTIONS_ZH: Record<string, string> = {
  SCMP_ACT_ALLOW: '调用正常执行。',
  SCMP_ACT_ERRNO:
    '调用不会执行，而是返回一个错误号：`errnoRet`（默认动作则为 `defaultErrnoRet`），否则为 EPERM（1）。程序看到的是一个普通错误，可以继续运行。',
  SCMP_ACT_KILL: '内核杀死发出调用的线程（runc 把它当作 SCMP_ACT_KILL_THREAD）。其他线程继续运行，可能使进程处于半死不活的状态。',
  SCMP_ACT_KILL_THREAD: '内核杀死发出调用的线程；该进程的其他线程继续运行。',
  SCMP_ACT_KILL_PROCESS: '内核杀死发出调用的整个进程（Linux 4.14 及以后）。',
  SCMP_ACT_TRAP: '调用不会执行；线程收到 SIGSYS 信号，信号处理函数可以借此模拟该调用。',
  SCMP_ACT_TRACE: '由请求了 seccomp 事件的 ptrace 跟踪器决定；如果没有跟踪器（容器中的常见情况），调用以 ENOSYS 失败。',
  SCMP_ACT_LOG: '调用正常执行，并被写入内核审计日志（Linux 4.14 及以后）。它不做任何限制。',
  SCMP_ACT_NOTIFY:
    '调用会等待监听 `listenerPath` 的用户态代理程序决定如何处理（Linux 5.0 及以后；runc 需要 libseccomp 2.5）。runc 不接受把它用作默认动作或用于 `write`。',
};

/** Actions that let the call run. NOTIFY delegates the decision, so it counts as "may run". */
export const ALLOWING_ACTIONS = new Set(['SCMP_ACT_ALLOW', 'SCMP_ACT_LOG', 'SCMP_ACT_NOTIFY']);

/** The comparison operators runc accepts, with the test each applies to the argument. */
export const SECCOMP_OPERATORS: Record<string, string> = {
  SCMP_CMP_NE: 'matches when the argument is not equal to `value`',
  SCMP_CMP_LT: 'matches when the argument is less than `value`',
  SCMP_CMP_LE: 'matches when the argument is less than or equal to `value`',
  SCMP_CMP_EQ: 'matches when the argument equals `value` exactly',
  SCMP_CMP_GE: 'matches when the argument is greater than or equal to `value`',
  SCMP_CMP_GT: 'matches when the argument is greater than `value`',
  SCMP_CMP_MASKED_EQ:
    'matches when `(argument & value) == valueTwo`: `value` is the mask of bits to look at and `valueTwo` what those bits must be',
};

/** SECCOMP_OPERATORS in Simplified Chinese. */
export const SECCOMP_OPERATORS_ZH: Record<string, string> = {
  SCMP_CMP_NE: '在参数不等于 `value` 时匹配',
  SCMP_CMP_LT: '在参数小于 `value` 时匹配',
  SCMP_CMP_LE: '在参数小于或等于 `value` 时匹配',
  SCMP_CMP_EQ: '在参数恰好等于 `value` 时匹配',
  SCMP_CMP_GE: '在参数大于或等于 `value` 时匹配',
  SCMP_CMP_GT: '在参数大于 `value` 时匹配',
  SCMP_CMP_MASKED_EQ: '在 `(argument & value) == valueTwo` 时匹配：`value` 是要检查的位的掩码，`valueTwo` 是这些位必须等于的值',
};

/**
 * `SCMP_ARCH_*` names runc accepts (ConvertStringToArch), the name moby compares with
 * `includes.arches`/`excludes.arches` (the host's native architecture, e.g. `amd64`), and the key
 * of our syscall table when we have one.
 */
export const SECCOMP_ARCHES: Record<string, { native: string; table?: keyof typeof SYSCALLS; label: string }> = {
  SCMP_ARCH_X86_64: { native: 'amd64', table: 'x86_64', label: 'x86-64' },
  SCMP_ARCH_X86: { native: 'x86', table: 'x86', label: '32-bit x86' },
  SCMP_ARCH_X32: { native: 'x32', table: 'x32', label: 'x32 (32-bit pointers on x86-64)' },
  SCMP_ARCH_AARCH64: { native: 'arm64', table: 'aarch64', label: '64-bit ARM' },
  SCMP_ARCH_ARM: { native: 'arm', table: 'arm', label: '32-bit ARM' },
  SCMP_ARCH_MIPS: { native: 'mips', label: 'MIPS' },
  SCMP_ARCH_MIPS64: { native: 'mips64', label: 'MIPS64' },
  SCMP_ARCH_MIPS64N32: { native: 'mips64n32', label: 'MIPS64 n32' },
  SCMP_ARCH_MIPSEL: { native: 'mipsel', label: 'MIPS little-endian' },
  SCMP_ARCH_MIPSEL64: { native: 'mipsel64', label: 'MIPS64 little-endian' },
  SCMP_ARCH_MIPSEL64N32: { native: 'mipsel64n32', label: 'MIPS64 n32 little-endian' },
  SCMP_ARCH_PPC: { native: 'ppc', label: 'PowerPC' },
  SCMP_ARCH_PPC64: { native: 'ppc64', label: 'PowerPC 64' },
  SCMP_ARCH_PPC64LE: { native: 'ppc64le', label: 'PowerPC 64 little-endian' },
  SCMP_ARCH_RISCV64: { native: 'riscv64', label: 'RISC-V 64' },
  SCMP_ARCH_S390: { native: 's390', label: 's390' },
  SCMP_ARCH_S390X: { native: 's390x', label: 's390x (IBM Z)' },
  SCMP_ARCH_LOONGARCH64: { native: 'loong64', label: 'LoongArch 64' },
};

/**
 * Names `includes.arches`/`excludes.arches` can match: moby compares them with the host's native
 * architecture in libseccomp's spelling (moby profiles/seccomp, goToNative), plus spellings
 * Docker's own default profile uses.
 */
export const NATIVE_ARCHES = new Set([...Object.values(SECCOMP_ARCHES).map((a) => a.native), 'mipsle', 'mips3l64n32']);

/** Common spellings people use for an architecture, mapped to the `SCMP_ARCH_*` name. */
export const ARCH_ALIASES: Record<string, string> = {
  x86_64: 'SCMP_ARCH_X86_64',
  amd64: 'SCMP_ARCH_X86_64',
  x64: 'SCMP_ARCH_X86_64',
  i386: 'SCMP_ARCH_X86',
  i686: 'SCMP_ARCH_X86',
  x86: 'SCMP_ARCH_X86',
  x32: 'SCMP_ARCH_X32',
  aarch64: 'SCMP_ARCH_AARCH64',
  arm64: 'SCMP_ARCH_AARCH64',
  arm: 'SCMP_ARCH_ARM',
  armhf: 'SCMP_ARCH_ARM',
  riscv64: 'SCMP_ARCH_RISCV64',
  s390x: 'SCMP_ARCH_S390X',
  ppc64le: 'SCMP_ARCH_PPC64LE',
};

/** The native name for an `SCMP_ARCH_*` name or a common alias (`x86_64` → `amd64`). */
export function nativeArchFor(name: string): string | undefined {
  const upper = name.toUpperCase();
  const scmp = SECCOMP_ARCHES[upper] ? upper : (ARCH_ALIASES[name.toLowerCase()] ?? undefined);
  return scmp ? SECCOMP_ARCHES[scmp].native : undefined;
}

/** The filter flags runc knows (libcontainer/seccomp/config.go); others make it refuse the profile. */
export const SECCOMP_FLAGS: Record<string, string> = {
  SECCOMP_FILTER_FLAG_TSYNC: 'Install the filter on every thread at once. runc accepts it and ignores it: it always does this.',
  SECCOMP_FILTER_FLAG_LOG: 'Log every action other than SCMP_ACT_ALLOW to the audit log.',
  SECCOMP_FILTER_FLAG_SPEC_ALLOW:
    'Leave the Speculative Store Bypass mitigation off for the container. runc sets this flag by default when `flags` is absent; an explicit `"flags": []` keeps the mitigation on.',
};

/** SECCOMP_FLAGS in Simplified Chinese. */
export const SECCOMP_FLAGS_ZH: Record<string, string> = {
  SECCOMP_FILTER_FLAG_TSYNC: '一次性在所有线程上安装过滤器。runc 接受并忽略它：runc 总是这样做。',
  SECCOMP_FILTER_FLAG_LOG: '把除 SCMP_ACT_ALLOW 之外的所有动作记录到审计日志。',
  SECCOMP_FILTER_FLAG_SPEC_ALLOW:
    '为容器关闭 Speculative Store Bypass 缓解措施。没有 `flags` 时 runc 默认设置这个标志；显式写出 `"flags": []` 可以保持缓解措施开启。',
};

/** The architectures Docker expects per host (moby's archMap in its default profile). */
export const HOST_ARCHES = {
  x86_64: { scmp: ['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32'], native: 'amd64', label: 'x86-64 hosts', labelZh: 'x86-64 主机' },
  aarch64: { scmp: ['SCMP_ARCH_AARCH64', 'SCMP_ARCH_ARM'], native: 'arm64', label: '64-bit ARM hosts', labelZh: '64 位 ARM 主机' },
} as const;
export type HostArch = keyof typeof HOST_ARCHES;

/** What each profile key does, for hovers. Keys that appear at several levels share a text. */
export const SECCOMP_KEY_DOCS: Record<string, string> = {
  defaultAction:
    "What happens to every system call no entry of `syscalls` matches. An allow-list profile (Docker's default) uses `SCMP_ACT_ERRNO` here and lists what may run; `SCMP_ACT_ALLOW` makes a deny-list, which lets through every call it forgot, including calls added to the kernel later.",
  defaultErrnoRet:
    'The error number a call refused by `defaultAction: SCMP_ACT_ERRNO` (or TRACE) returns. Docker\'s default uses 1 (EPERM). Some programs treat ENOSYS (38) as "not supported, fall back", which is friendlier for new calls.',
  architectures:
    "The system call ABIs the filter covers, as `SCMP_ARCH_*` names. Calls made through an ABI that is not listed get libseccomp's bad-architecture action instead of your rules. On x86-64 hosts Docker covers SCMP_ARCH_X86_64, SCMP_ARCH_X86 and SCMP_ARCH_X32. Do not combine with `archMap`.",
  archMap:
    "Per host architecture, the sub-architectures to cover (Docker's default profile uses this). moby picks the entry whose `architecture` is the host's and covers it plus its `subArchitectures`. Do not combine with `architectures`.",
  architecture: 'The host architecture this `archMap` entry applies to, as an `SCMP_ARCH_*` name.',
  subArchitectures: 'The extra ABIs covered on that host, e.g. SCMP_ARCH_X86 and SCMP_ARCH_X32 on x86-64.',
  syscalls:
    'The rules: each entry names system calls and the action for them, optionally only for some arguments (`args`), capabilities, architectures or kernels (`includes`/`excludes`). runc adds them in order; for the same call without arguments, libseccomp keeps the first rule it was given.',
  names:
    'The system calls this entry applies to, by name. A name the kernel does not know on an architecture is skipped there without any message, so a typo silently does nothing.',
  name: 'The obsolete single-name form of `names`. Docker still reads it, but not together with `names` in the same entry; write `"names": ["…"]`.',
  action: 'What happens when the entry matches: one of the `SCMP_ACT_*` actions.',
  errnoRet: 'For `SCMP_ACT_ERRNO` (and TRACE): the error number the call returns instead of EPERM (1).',
  args: "Conditions on the call's arguments (at most six, numbered 0-5). All conditions must match, except that runc adds conditions comparing the same argument as separate rules, which then match when any one does.",
  index: 'Which argument to compare, from 0 (the first) to 5.',
  value: 'The number the argument is compared with; for SCMP_CMP_MASKED_EQ, the mask of bits to look at.',
  valueTwo: 'Only for SCMP_CMP_MASKED_EQ: what the masked bits must equal.',
  op: 'The comparison: SCMP_CMP_EQ, NE, LT, LE, GT, GE or MASKED_EQ.',
  comment: 'A note for people; Docker ignores it. JSON has no comments, so this is the place for them.',
  includes:
    'The entry is used only when all of these hold: the container has every capability in `caps`, the host architecture is in `arches`, and the kernel is at least `minKernel`.',
  excludes: 'The entry is dropped when any of these holds: the container has one of `caps`, or the host architecture is in `arches`.',
  caps: "Capabilities, written with the `CAP_` prefix in capitals (CAP_SYS_ADMIN), compared with the container's bounding set.",
  arches:
    "Host architectures in libseccomp's native spelling (amd64, arm64, x86, x32, arm, s390x, ppc64le, riscv64…), not SCMP_ARCH_* names.",
  minKernel: 'The lowest kernel version, as "<major>.<minor>" (e.g. "4.8"), for which the entry is used.',
  flags: 'Filter flags passed to seccomp(2): SECCOMP_FILTER_FLAG_TSYNC, SECCOMP_FILTER_FLAG_LOG, SECCOMP_FILTER_FLAG_SPEC_ALLOW.',
  listenerPath: 'The Unix socket of the agent that decides calls whose action is SCMP_ACT_NOTIFY.',
  listenerMetadata: 'Free text passed to the `listenerPath` agent along with the container state.',
};

/** SECCOMP_KEY_DOCS in Simplified Chinese. */
export const SECCOMP_KEY_DOCS_ZH: Record<string, string> = {
  defaultAction:
    '`syscalls` 中没有任何条目匹配的系统调用会怎样处理。允许列表式的配置文件（Docker 的默认配置文件）在这里使用 `SCMP_ACT_ERRNO`，并列出允许执行的调用；`SCMP_ACT_ALLOW` 则构成拒绝列表，会放过所有被遗漏的调用，包括以后内核新增的调用。',
  defaultErrnoRet:
    '被 `defaultAction: SCMP_ACT_ERRNO`（或 TRACE）拒绝的调用返回的错误号。Docker 的默认配置文件使用 1（EPERM）。有些程序把 ENOSYS（38）当作“不支持，改用其他方式”，这对新调用更友好。',
  architectures:
    '过滤器覆盖的系统调用 ABI，以 `SCMP_ARCH_*` 名称表示。通过未列出的 ABI 发出的调用不经过你的规则，而是受到 libseccomp 的错误架构动作处理。在 x86-64 主机上，Docker 覆盖 SCMP_ARCH_X86_64、SCMP_ARCH_X86 和 SCMP_ARCH_X32。不要与 `archMap` 同时使用。',
  archMap:
    '按主机架构列出要覆盖的子架构（Docker 的默认配置文件使用这种写法）。moby 选出 `architecture` 与主机相同的条目，覆盖它以及它的 `subArchitectures`。不要与 `architectures` 同时使用。',
  architecture: '这个 `archMap` 条目适用的主机架构，以 `SCMP_ARCH_*` 名称表示。',
  subArchitectures: '在该主机上额外覆盖的 ABI，例如 x86-64 上的 SCMP_ARCH_X86 和 SCMP_ARCH_X32。',
  syscalls:
    '规则：每个条目列出系统调用及对它们的动作，还可以只针对某些参数（`args`）、权能、架构或内核（`includes`/`excludes`）。runc 按顺序添加它们；对于没有参数条件的同一个调用，libseccomp 保留它收到的第一条规则。',
  names: '这个条目适用的系统调用名称。内核在某个架构上不认识的名称会在该架构上被跳过，不会有任何提示，所以拼写错误会悄无声息地不起作用。',
  name: '`names` 的过时单名称写法。Docker 仍会读取它，但不能与同一条目中的 `names` 同时使用；请写成 `"names": ["…"]`。',
  action: '条目匹配时的处理方式：`SCMP_ACT_*` 动作之一。',
  errnoRet: '用于 `SCMP_ACT_ERRNO`（以及 TRACE）：调用返回的错误号，代替 EPERM（1）。',
  args: '对调用参数的条件（最多六个，编号 0-5）。所有条件都必须匹配；但比较同一参数的条件会被 runc 作为各自独立的规则添加，此时只要其中任何一个匹配即可。',
  index: '要比较哪个参数，从 0（第一个）到 5。',
  value: '与参数比较的数值；对于 SCMP_CMP_MASKED_EQ，是要检查的位的掩码。',
  valueTwo: '仅用于 SCMP_CMP_MASKED_EQ：掩码后的位必须等于的值。',
  op: '比较方式：SCMP_CMP_EQ、NE、LT、LE、GT、GE 或 MASKED_EQ。',
  comment: '写给人看的备注；Docker 会忽略它。JSON 没有注释，所以备注写在这里。',
  includes: '只有在以下条件全部成立时才使用该条目：容器拥有 `caps` 中的每个权能，主机架构在 `arches` 中，并且内核版本不低于 `minKernel`。',
  excludes: '只要以下任一条件成立就丢弃该条目：容器拥有 `caps` 中的某个权能，或者主机架构在 `arches` 中。',
  caps: '权能，以大写并带 `CAP_` 前缀的形式书写（CAP_SYS_ADMIN），与容器的边界集进行比较。',
  arches: '以 libseccomp 原生写法表示的主机架构（amd64、arm64、x86、x32、arm、s390x、ppc64le、riscv64……），而不是 SCMP_ARCH_* 名称。',
  minKernel: '使用该条目的最低内核版本，格式为 "<major>.<minor>"（例如 "4.8"）。',
  flags: '传给 seccomp(2) 的过滤器标志：SECCOMP_FILTER_FLAG_TSYNC、SECCOMP_FILTER_FLAG_LOG、SECCOMP_FILTER_FLAG_SPEC_ALLOW。',
  listenerPath: '负责决定动作为 SCMP_ACT_NOTIFY 的调用的代理程序的 Unix 套接字。',
  listenerMetadata: '与容器状态一起传给 `listenerPath` 代理程序的自由文本。',
};

const TABLES = SYSCALLS as Record<string, readonly string[]>;
const DOCKER = DOCKER_TABLE as unknown as {
  defaultAction: string;
  defaultErrnoRet: number | null;
  syscalls: Record<string, { summary: string; rows: DockerRow[] }>;
};

/**
 * Each call's architectures, built once on first use (not at import: a Dockerfile's analysis never
 * asks): rules ask for hundreds of names per analysis.
 */
let archesByName: Map<string, string[]> | undefined;

/** Architectures (our table keys: x86_64, x86, x32, aarch64, arm) whose kernel has the call. */
export function archesOf(name: string): string[] {
  if (!archesByName) {
    archesByName = new Map();
    for (const [arch, names] of Object.entries(TABLES)) {
      for (const n of names) archesByName.set(n, [...(archesByName.get(n) ?? []), arch]);
    }
  }
  return archesByName.get(name) ?? [];
}

/** The table keys we have, for the `SCMP_ARCH_*` names given (those without a table are skipped). */
export function tablesFor(scmpArches: string[]): string[] {
  return [...new Set(scmpArches.map((a) => SECCOMP_ARCHES[a]?.table).filter((t): t is keyof typeof SYSCALLS => !!t))];
}

/** syscallNames' answers by the tables asked for (a handful of combinations), built on first use. */
const namesByTables = new Map<string, ReadonlySet<string>>();

/** The calls of the given tables (all when none are given); the same set is returned each time, not to be changed. */
export function syscallNames(tables?: string[]): ReadonlySet<string> {
  const key = tables ? tables.join(',') : '*';
  let out = namesByTables.get(key);
  if (!out) {
    const set = new Set<string>();
    for (const [arch, names] of Object.entries(TABLES)) if (!tables || tables.includes(arch)) for (const n of names) set.add(n);
    namesByTables.set(key, (out = set));
  }
  return out;
}

/** A system call of some architecture: in our tables, or named by Docker's default profile (which covers more architectures). */
/**
 * What a system call does, in one line of English and of Simplified Chinese: written by this project
 * and checked against the man pages (section 2) and the kernel, for every name of our tables and
 * those Docker's default profile lists (syscallPurposes.json; a test keeps it complete).
 */
export function syscallPurpose(name: string): { en: string; 'zh-CN': string } | undefined {
  return Object.prototype.hasOwnProperty.call(PURPOSES, name)
    ? (PURPOSES as Record<string, { en: string; 'zh-CN': string }>)[name]
    : undefined;
}

export function isKnownSyscall(name: string): boolean {
  return archesOf(name).length > 0 || name in DOCKER.syscalls;
}

export function dockerRows(name: string): DockerRow[] | undefined {
  return DOCKER.syscalls[name]?.rows;
}

export const DOCKER_DEFAULT_ACTION = DOCKER.defaultAction;
export const DOCKER_DEFAULT_ERRNO = DOCKER.defaultErrnoRet ?? 1;

/** All names Docker's default profile lists. */
export function dockerListedNames(): string[] {
  return Object.keys(DOCKER.syscalls);
}

const NS_FLAGS_MASK = 0x7e020000;

function describeArgs(args: NonNullable<DockerRow['args']>): string {
  return args
    .map((a) => {
      if (a.op === 'SCMP_CMP_MASKED_EQ' && a.value === NS_FLAGS_MASK && a.valueTwo === 0) return 'its flags ask for no new namespace';
      if (a.op === 'SCMP_CMP_MASKED_EQ') return `argument ${a.index} masked with ${hex(a.value)} equals ${hex(a.valueTwo)}`;
      const word =
        {
          SCMP_CMP_EQ: 'is',
          SCMP_CMP_NE: 'is not',
          SCMP_CMP_LT: 'is below',
          SCMP_CMP_LE: 'is at most',
          SCMP_CMP_GT: 'is above',
          SCMP_CMP_GE: 'is at least',
        }[a.op] ?? a.op;
      return `argument ${a.index} ${word} ${a.value}`;
    })
    .join(' and ');
}

export function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

/**
 * A row's condition in words. Architecture splits of an argument filter (clone's flags are the
 * second argument on s390) and "unless it has the capability" beside a row granting that
 * capability say nothing a reader needs, so they are left out.
 */
function describeRow(r: DockerRow): string {
  const parts: string[] = [];
  if (r.caps) parts.push(`with ${r.caps.join(' and ')}`);
  if (r.args) parts.push(`when ${describeArgs(r.args)}`);
  if (r.minKernel) parts.push(`from kernel ${r.minKernel}`);
  if (r.arches && !r.args) parts.push(`on ${r.arches.join('/')} hosts`);
  return parts.join(' ');
}

function describeArgsZh(args: NonNullable<DockerRow['args']>): string {
  return args
    .map((a) => {
      if (a.op === 'SCMP_CMP_MASKED_EQ' && a.value === NS_FLAGS_MASK && a.valueTwo === 0) return '它的 flags 不要求创建新的命名空间';
      if (a.op === 'SCMP_CMP_MASKED_EQ') return `参数 ${a.index} 与 ${hex(a.value)} 按位与后等于 ${hex(a.valueTwo)}`;
      const word =
        {
          SCMP_CMP_EQ: '等于',
          SCMP_CMP_NE: '不等于',
          SCMP_CMP_LT: '小于',
          SCMP_CMP_LE: '不大于',
          SCMP_CMP_GT: '大于',
          SCMP_CMP_GE: '不小于',
        }[a.op] ?? a.op;
      return `参数 ${a.index} ${word} ${a.value}`;
    })
    .join('并且');
}

/** describeRow in Simplified Chinese. */
function describeRowZh(r: DockerRow): string {
  const parts: string[] = [];
  if (r.caps) parts.push(`具有 ${r.caps.join(' 和 ')} 时`);
  if (r.args) parts.push(`${describeArgsZh(r.args)}时`);
  if (r.minKernel) parts.push(`内核版本不低于 ${r.minKernel} 时`);
  if (r.arches && !r.args) parts.push(`在 ${r.arches.join('/')} 主机上`);
  return parts.join('、');
}

/** Whether Docker's default profile lets the call run, and how. */
export type DockerVerdict = 'allowed' | 'conditional' | 'blocked';

export function dockerVerdict(name: string): DockerVerdict {
  const rows = dockerRows(name)?.filter((r) => r.action === 'SCMP_ACT_ALLOW') ?? [];
  if (rows.length === 0) return 'blocked';
  return rows.some((r) => Object.keys(r).length === 1) ? 'allowed' : 'conditional';
}

/** One sentence: what Docker's default profile does with the call. */
export function describeDocker(name: string): string {
  const rows = dockerRows(name) ?? [];
  const allow = rows.filter((r) => r.action === 'SCMP_ACT_ALLOW');
  const other = rows.filter((r) => r.action !== 'SCMP_ACT_ALLOW');
  if (allow.length === 0) {
    return `Docker's default profile blocks \`${name}\`: it is not on its allow-list, so the call fails with EPERM.`;
  }
  if (allow.some((r) => Object.keys(r).length === 1)) return `Docker's default profile allows \`${name}\`.`;
  let text = `Docker's default profile allows \`${name}\` only ${[...new Set(allow.map(describeRow))].join(', or ')}`;
  for (const r of other) {
    text += `; otherwise it ${r.action === 'SCMP_ACT_ERRNO' ? `returns error ${r.errnoRet ?? DOCKER_DEFAULT_ERRNO}${r.errnoRet === 38 ? ' (ENOSYS, so programs fall back to another call)' : ''}` : `applies ${r.action}`}`;
  }
  return `${text}.`;
}

/** describeDocker in Simplified Chinese. */
export function describeDockerZh(name: string): string {
  const rows = dockerRows(name) ?? [];
  const allow = rows.filter((r) => r.action === 'SCMP_ACT_ALLOW');
  const other = rows.filter((r) => r.action !== 'SCMP_ACT_ALLOW');
  if (allow.length === 0) {
    return `Docker 的默认配置文件拦截 \`${name}\`：它不在允许列表中，因此调用会以 EPERM 失败。`;
  }
  if (allow.some((r) => Object.keys(r).length === 1)) return `Docker 的默认配置文件允许 \`${name}\`。`;
  let text = `Docker 的默认配置文件只在以下情况允许 \`${name}\`：${[...new Set(allow.map(describeRowZh))].join('，或')}`;
  for (const r of other) {
    text += `；否则${r.action === 'SCMP_ACT_ERRNO' ? `返回错误 ${r.errnoRet ?? DOCKER_DEFAULT_ERRNO}${r.errnoRet === 38 ? '（ENOSYS，程序会改用其他调用）' : ''}` : `执行 ${r.action}`}`;
  }
  return `${text}。`;
}

/**
 * The calls this project treats as the door to container escapes when a profile allows them
 * beyond Docker's default: namespace creation and joining, mounts, kernel code loading, the
 * keyring, eBPF, perf, userfaultfd, io_uring, handle-based opens and ptrace. From design.md and
 * Docker's list of significant blocked calls.
 */
export const ESCAPE_RELEVANT = new Set([
  'mount',
  'umount',
  'umount2',
  'unshare',
  'setns',
  'pivot_root',
  'clone',
  'clone3',
  'kexec_load',
  'kexec_file_load',
  'bpf',
  'perf_event_open',
  'keyctl',
  'add_key',
  'request_key',
  'userfaultfd',
  'ptrace',
  'process_vm_readv',
  'process_vm_writev',
  'open_by_handle_at',
  'name_to_handle_at',
  'init_module',
  'finit_module',
  'delete_module',
  'create_module',
  'io_uring_setup',
  'io_uring_enter',
  'io_uring_register',
  'fsopen',
  'fsmount',
  'fsconfig',
  'fspick',
  'move_mount',
  'open_tree',
  'mount_setattr',
  'iopl',
  'ioperm',
  'swapon',
  'swapoff',
  'reboot',
]);

/** The CAP_ names of Docker's default capability set, for "gated behind a capability the container already has". */
export const DOCKER_DEFAULT_CAP_NAMES: ReadonlySet<string> = new Set(DOCKER_DEFAULT_CAPS.map((c) => `CAP_${c}`));
