// CT3009 seccomp-allows-blocked-syscall: the profile lets a container with Docker's default
// capabilities make a call that Docker's default profile refuses, or allows it without the
// capability, argument or kernel condition Docker puts on it (pure core layer).

import { seccompRule, type Hit } from '../rule';
import { defaultAllows, wideningsOf, type Widening } from '../../model/seccompEval';
import { ESCAPE_RELEVANT, HOST_ARCHES, describeDocker, isKnownSyscall } from '../../knowledge/seccomp';
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

function why(name: string): string {
  if (WHY[name]) return `: ${WHY[name]}`;
  if (name.startsWith('io_uring')) return `: ${WHY.io_uring_setup}`;
  return '';
}

function message(w: Widening, hosts: number): string {
  const how = w.here.verdict === 'conditional' ? 'lets some calls to' : 'allows';
  const on = hosts > 1 ? ` on ${HOST_ARCHES[w.host].label}` : '';
  return `This profile ${how} \`${w.name}\`${on}. ${describeDocker(w.name)}${ESCAPE_RELEVANT.has(w.name) ? ` That matters${why(w.name)}.` : ''}`;
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
