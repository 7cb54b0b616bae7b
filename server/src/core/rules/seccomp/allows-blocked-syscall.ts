// CT3009 seccomp-allows-blocked-syscall: the profile lets a container with Docker's default
// capabilities make a call that Docker's default profile refuses, or allows it without the
// capability, argument or kernel condition Docker puts on it (pure core layer).

import { seccompRule, type Hit } from '../rule';
import { defaultAllows, wideningsOf, type Widening } from '../../model/seccompEval';
import { ESCAPE_RELEVANT, HOST_ARCHES, describeDocker, describeDockerZh, isKnownSyscall } from '../../knowledge/seccomp';
import { t, type Localized } from '../../types';
import type { SeccompModel } from '../../model/seccomp';
import { REF } from './refs';

const WHY: Record<string, string> = {
  unshare: 'creating a user namespace gives the process every capability inside it, the first step of many kernel exploits',
  clone: 'namespace flags create new namespaces, including user namespaces that grant capabilities inside them',
  clone3: "seccomp cannot read clone3's flags (they are in memory), so it cannot be limited to calls without namespace flags",
  setns: 'it joins other namespaces',
  mount: 'inside a new user namespace, mounts reach kernel filesystem code most containers never touch',
  keyctl: 'the kernel keyring is not namespaced, so keys are shared with the host',
  add_key: 'the kernel keyring is not namespaced, so keys are shared with the host',
  request_key: 'the kernel keyring is not namespaced, so keys are shared with the host',
  bpf: 'eBPF programs run inside the kernel',
  userfaultfd: 'it lets a process pause the kernel in the middle of a copy, a common exploit technique',
  perf_event_open: 'performance counters can leak kernel addresses and have had many bugs',
  ptrace: 'before Linux 4.8, ptrace could be used to get around seccomp',
  open_by_handle_at: 'it was used to read host files from a container (the "shocker" escape)',
  kexec_load: 'it loads a new kernel',
  kexec_file_load: 'it loads a new kernel',
  init_module: 'it loads kernel code',
  finit_module: 'it loads kernel code',
  io_uring_setup: "io_uring runs work in the kernel outside seccomp's view and has had many exploitable bugs",
};

const KEYRING_ZH = '内核密钥环没有命名空间隔离，密钥与宿主机共享';
const KERNEL_ZH = '它会加载新的内核';
const MODULE_ZH = '它会加载内核代码';
const WHY_ZH: Record<string, string> = {
  unshare: '创建用户命名空间会让进程在其中拥有全部权能，这是许多内核漏洞利用的第一步',
  clone: '命名空间 flags 会创建新的命名空间，包括在其中授予权能的用户命名空间',
  clone3: 'seccomp 无法读取 clone3 的 flags（它们在内存中），所以无法把它限制为不带命名空间 flags 的调用',
  setns: '它会加入其他命名空间',
  mount: '在新的用户命名空间中，挂载会触及大多数容器从不使用的内核文件系统代码',
  keyctl: KEYRING_ZH,
  add_key: KEYRING_ZH,
  request_key: KEYRING_ZH,
  bpf: 'eBPF 程序在内核中运行',
  userfaultfd: '它能让进程在内核复制数据的中途让内核暂停，这是一种常见的漏洞利用手法',
  perf_event_open: '性能计数器可能泄露内核地址，并且出过很多漏洞',
  ptrace: '在 Linux 4.8 之前，ptrace 可以用来绕过 seccomp',
  open_by_handle_at: '它曾被用来从容器中读取宿主机文件（即“shocker”逃逸）',
  kexec_load: KERNEL_ZH,
  kexec_file_load: KERNEL_ZH,
  init_module: MODULE_ZH,
  finit_module: MODULE_ZH,
  io_uring_setup: 'io_uring 在 seccomp 看不到的地方于内核中执行工作，并且出过很多可被利用的漏洞',
};

function whyZh(name: string): string {
  if (WHY_ZH[name]) return `：${WHY_ZH[name]}`;
  if (name.startsWith('io_uring')) return `：${WHY_ZH.io_uring_setup}`;
  return '';
}

function why(name: string): string {
  if (WHY[name]) return `: ${WHY[name]}`;
  if (name.startsWith('io_uring')) return `: ${WHY.io_uring_setup}`;
  return '';
}

function message(w: Widening, hosts: number): Localized {
  const how = w.here.verdict === 'conditional' ? 'lets some calls to' : 'allows';
  const on = hosts > 1 ? ` on ${HOST_ARCHES[w.host].label}` : '';
  const onZh = hosts > 1 ? `在 ${HOST_ARCHES[w.host].labelZh}上` : '';
  const howZh = w.here.verdict === 'conditional' ? `允许部分 \`${w.name}\` 调用` : `允许 \`${w.name}\``;
  return t(
    `This profile ${how} \`${w.name}\`${on}. ${describeDocker(w.name)}${ESCAPE_RELEVANT.has(w.name) ? ` That matters${why(w.name)}.` : ''}`,
    `该配置文件${onZh}${howZh}。${describeDockerZh(w.name)}${ESCAPE_RELEVANT.has(w.name) ? `这一点很重要${whyZh(w.name)}。` : ''}`,
  );
}

function check(model: SeccompModel): Hit[] {
  if (defaultAllows(model)) return []; // a deny-list: seccomp-default-allow reports what it leaves open
  const widenings = wideningsOf(model);
  const hosts = new Set(widenings.map((w) => w.host)).size;
  const seen = new Set<string>();
  const hits: Hit[] = [];
  for (const w of widenings) {
    const n = w.here.name;
    // Unknown names are seccomp-unknown-syscall's business.
    if (!n || seen.has(w.name) || !isKnownSyscall(w.name)) continue;
    seen.add(w.name);
    hits.push({ range: n.range, message: message(w, hosts), severity: ESCAPE_RELEVANT.has(w.name) ? 'warning' : 'info' });
  }
  return hits;
}

export default seccompRule(
  {
    id: 'CT3009',
    name: 'seccomp-allows-blocked-syscall',
    title: "Allows a system call Docker's default profile blocks or restricts",
    defaultSeverity: 'warning',
    appliesTo: ['seccomp'],
    explanation:
      "Docker's default profile is the result of years of review: it allows about 360 system calls and refuses the rest. Some it refuses outright (`keyctl`, `add_key`, `userfaultfd`, `kexec_load`, `io_uring_setup`…); others it allows only when the container was given the capability that goes with them (`mount`, `unshare`, `setns`, `bpf` need CAP_SYS_ADMIN or CAP_BPF; `ptrace` needs CAP_SYS_PTRACE on kernels before 4.8), or only with safe arguments (`clone` without namespace flags, `socket` without AF_VSOCK, a few `personality` values). " +
      'A custom profile that allows such a call for every container reopens what the default closed. The ones that matter most are those that reach kernel code most containers never use or that change namespaces: many container escapes (for example CVE-2022-0185 and CVE-2022-0492) start by calling `unshare` to create a user namespace. ' +
      "This rule compares the profile with Docker's default for a container with Docker's default capabilities on a current kernel, per host architecture the profile covers; each message says what the default does with the call. Warnings are for calls in the escape-relevant list; other differences are information.",
    remediation:
      'Remove the call from the allow-list, or keep the same condition Docker uses: `"includes": { "caps": ["CAP_SYS_ADMIN"] }` so it is allowed only in containers started with that capability, or the argument filter from the default profile (for `clone`, a `SCMP_CMP_MASKED_EQ` that refuses namespace flags). If the program really needs the call, say why in the entry\'s `comment` and turn this rule off for the file.',
    zh: {
      title: '允许了 Docker 默认配置文件拦截或限制的系统调用',
      explanation:
        'Docker 的默认配置文件是多年审查的成果：它允许大约 360 个系统调用，拒绝其余调用。有些调用被直接拒绝（`keyctl`、`add_key`、`userfaultfd`、`kexec_load`、`io_uring_setup`……）；另一些只有在容器被授予相应权能时才允许（`mount`、`unshare`、`setns`、`bpf` 需要 CAP_SYS_ADMIN 或 CAP_BPF；在 4.8 之前的内核上，`ptrace` 需要 CAP_SYS_PTRACE），或者只允许安全的参数（不带命名空间 flags 的 `clone`、不带 AF_VSOCK 的 `socket`、少数几个 `personality` 取值）。' +
        '自定义配置文件如果对所有容器都允许这样的调用，就会重新打开默认配置文件关上的门。最要紧的是那些会触及大多数容器从不使用的内核代码、或会改变命名空间的调用：许多容器逃逸（例如 CVE-2022-0185 和 CVE-2022-0492）都是从调用 `unshare` 创建用户命名空间开始的。' +
        '本规则针对配置文件覆盖的每种主机架构，把配置文件与 Docker 默认配置文件进行比较，前提是容器具有 Docker 的默认权能、运行在当前版本的内核上；每条消息都会说明默认配置文件如何处理该调用。属于逃逸相关列表的调用报告为警告，其他差异报告为信息。',
      remediation:
        '把该调用从允许列表中删除，或者保留与 Docker 相同的条件：`"includes": { "caps": ["CAP_SYS_ADMIN"] }` 使它只在以该权能启动的容器中被允许，或者使用默认配置文件中的参数过滤器（对 `clone` 来说，是一个拒绝命名空间 flags 的 `SCMP_CMP_MASKED_EQ`）。如果程序确实需要该调用，请在条目的 `comment` 中说明原因，并对该文件关闭本规则。',
    },
    references: [REF.dockerDocs, REF.defaultProfile, REF.mobyLoad, REF.man],
    peers: {},
    bad: [
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],\n  "syscalls": [{ "names": ["read", "write", "mount", "unshare"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],\n  "syscalls": [{ "names": ["keyctl"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      },
    ],
    good: [
      // The same gate as Docker's default: only for containers started with CAP_SYS_ADMIN.
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],\n  "syscalls": [\n    { "names": ["read", "write"], "action": "SCMP_ACT_ALLOW" },\n    { "names": ["mount", "umount2"], "action": "SCMP_ACT_ALLOW", "includes": { "caps": ["CAP_SYS_ADMIN"] } }\n  ]\n}\n',
      // clone without namespace flags, as Docker's default allows it.
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],\n  "syscalls": [{ "names": ["clone"], "action": "SCMP_ACT_ALLOW", "args": [{ "index": 0, "value": 2114060288, "op": "SCMP_CMP_MASKED_EQ" }] }]\n}\n',
    ],
  },
  check,
);
