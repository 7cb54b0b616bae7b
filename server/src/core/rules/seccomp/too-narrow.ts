// CT3012 seccomp-too-narrow: an allow-list so short that no program can start or run under it:
// execve, exit_group, memory allocation, signal return… are not allowed (pure core layer).

import { seccompRule, type Hit } from '../rule';
import { defaultAllows, defaultContainer, evaluate, hostsOf } from '../../model/seccompEval';
import type { HostArch } from '../../knowledge/seccomp';
import type { SeccompModel } from '../../model/seccomp';
import { REF } from './refs';

/** Groups of calls of which at least one must be allowed, with what breaks without them. */
const ESSENTIALS: { anyOf: string[]; why: string; hosts?: HostArch[] }[] = [
  {
    anyOf: ['execve', 'execveat'],
    why: 'the container cannot start at all: runc starts its program with execve after installing the filter',
  },
  { anyOf: ['exit_group', 'exit'], why: 'programs cannot exit normally' },
  { anyOf: ['brk', 'mmap', 'mmap2'], why: 'programs cannot get memory' },
  { anyOf: ['mprotect'], why: 'the dynamic loader cannot protect relocated memory and stops' },
  { anyOf: ['rt_sigreturn', 'sigreturn'], why: 'returning from any signal handler kills the program' },
  { anyOf: ['arch_prctl'], why: 'C libraries on x86-64 cannot set up thread-local storage', hosts: ['x86_64'] },
];

function check(model: SeccompModel): Hit[] {
  if (!model.defaultAction || defaultAllows(model)) return [];
  const hosts = hostsOf(model);
  if (hosts.length === 0) return [];
  const missing: string[] = [];
  for (const group of ESSENTIALS) {
    const relevant = hosts.filter((h) => !group.hosts || group.hosts.includes(h));
    if (relevant.length === 0) continue;
    // Conditional rules count as allowed: the profile may well allow the call where it matters.
    const allowed = relevant.every((h) => group.anyOf.some((n) => evaluate(model, n, defaultContainer(h)).verdict !== 'blocked'));
    if (!allowed) missing.push(`${group.anyOf.join('/')} (${group.why})`);
  }
  if (missing.length === 0) return [];
  return [
    {
      range: model.defaultAction.range,
      message: `Under this allow-list most programs cannot run. Not allowed: ${missing.join('; ')}. Start from Docker's default profile and remove what you do not need, rather than building up from nothing.`,
    },
  ];
}

export default seccompRule(
  {
    id: 'CT3012',
    name: 'seccomp-too-narrow',
    title: 'An allow-list too short for any program to run',
    defaultSeverity: 'warning',
    appliesTo: ['seccomp'],
    explanation:
      'Even the smallest program makes a handful of system calls before its first line of code runs: the runtime starts it with `execve`, the C library and dynamic loader map memory (`brk`, `mmap`, `mprotect`), set up thread-local storage (`arch_prctl` on x86-64), and every program eventually calls `exit_group`. Signal handlers return through `rt_sigreturn`. ' +
      'runc installs the filter just before it starts the container\'s program, so an allow-list without `execve` stops the container from starting at all, and one without the others makes programs crash in ways that are hard to trace back to the profile ("operation not permitted" from the loader, or a silent kill). ' +
      'Rules that allow a call only with some arguments or capabilities count as allowing it here.',
    remediation:
      "Start from Docker's default profile (the command **Containment: Create a Seccomp Profile from Docker's Default** writes it) and remove the calls your program does not need, testing as you go. To learn which calls a program makes, run it under `strace -f` or with a `SCMP_ACT_LOG` profile in a test environment.",
    references: [REF.dockerDocs, REF.man, REF.runcFilter],
    peers: {},
    bad: [
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],\n  "syscalls": [{ "names": ["accept", "read", "write"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      },
      { bad: '{ "defaultAction": "SCMP_ACT_KILL_PROCESS", "syscalls": [] }\n' },
    ],
    good: [
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],\n  "syscalls": [\n    {\n      "names": ["execve", "exit_group", "exit", "brk", "mmap", "mprotect", "munmap", "rt_sigreturn", "arch_prctl", "read", "write", "close"],\n      "action": "SCMP_ACT_ALLOW"\n    }\n  ]\n}\n',
      // A deny-list is reported by seccomp-default-allow, not here.
      '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{ "names": ["mount"], "action": "SCMP_ACT_ERRNO" }] }\n',
    ],
  },
  check,
);
