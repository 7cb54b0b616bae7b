// CT3012 seccomp-too-narrow: an allow-list so short that no program can start or run under it:
// execve, exit_group, memory allocation, signal return… are not allowed (pure core layer).

import { seccompRule, type Hit } from '../rule';
import { defaultAllows, defaultContainer, evaluate, hostsOf } from '../../model/seccompEval';
import type { HostArch } from '../../knowledge/seccomp';
import type { SeccompModel } from '../../model/seccomp';
import { t } from '../../types';
import { zh } from '../image/zh';
import { REF } from './refs';

/** Groups of calls of which at least one must be allowed, with what breaks without them. */
const ESSENTIALS: { anyOf: string[]; why: string; whyZh: string; hosts?: HostArch[] }[] = [
  {
    anyOf: ['execve', 'execveat'],
    why: 'the container cannot start at all: runc starts its program with execve after installing the filter',
    whyZh: '容器根本无法启动：runc 在安装过滤器之后用 execve 启动容器的程序',
  },
  { anyOf: ['exit_group', 'exit'], why: 'programs cannot exit normally', whyZh: '程序无法正常退出' },
  { anyOf: ['brk', 'mmap', 'mmap2'], why: 'programs cannot get memory', whyZh: '程序无法获取内存' },
  {
    anyOf: ['mprotect'],
    why: 'the dynamic loader cannot protect relocated memory and stops',
    whyZh: '动态加载器无法保护重定位后的内存，会停止运行',
  },
  {
    anyOf: ['rt_sigreturn', 'sigreturn'],
    why: 'returning from any signal handler kills the program',
    whyZh: '从任何信号处理函数返回都会杀死程序',
  },
  {
    anyOf: ['arch_prctl'],
    why: 'C libraries on x86-64 cannot set up thread-local storage',
    whyZh: 'x86-64 上的 C 库无法设置线程局部存储',
    hosts: ['x86_64'],
  },
];

function check(model: SeccompModel): Hit[] {
  if (!model.defaultAction || defaultAllows(model)) return [];
  const hosts = hostsOf(model);
  if (hosts.length === 0) return [];
  const missing: string[] = [];
  const missingZh: string[] = [];
  for (const group of ESSENTIALS) {
    const relevant = hosts.filter((h) => !group.hosts || group.hosts.includes(h));
    if (relevant.length === 0) continue;
    // Conditional rules count as allowed: the profile may well allow the call where it matters.
    const allowed = relevant.every((h) => group.anyOf.some((n) => evaluate(model, n, defaultContainer(h)).verdict !== 'blocked'));
    if (!allowed) {
      missing.push(`${group.anyOf.join('/')} (${group.why})`);
      missingZh.push(`${group.anyOf.join('/')}（${group.whyZh}）`);
    }
  }
  if (missing.length === 0) return [];
  return [
    {
      range: model.defaultAction.range,
      message: t(
        `Under this allow-list most programs cannot run. Not allowed: ${missing.join('; ')}. Start from Docker's default profile and remove what you do not need, rather than building up from nothing.`,
        zh`在这个允许列表下，大多数程序都无法运行。未被允许的调用：${missingZh.join('；')}。请从 Docker 的默认配置文件出发，删除你不需要的调用，而不是从零开始逐个添加。`,
      ),
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
    zh: {
      title: '允许列表太短，任何程序都无法运行',
      explanation:
        '即使是最小的程序，在第一行代码运行之前也要发出若干系统调用：运行时用 `execve` 启动它，C 库和动态加载器要映射内存（`brk`、`mmap`、`mprotect`）、设置线程局部存储（x86-64 上的 `arch_prctl`），而每个程序最终都会调用 `exit_group`。信号处理函数通过 `rt_sigreturn` 返回。' +
        'runc 在启动容器的程序之前才安装过滤器，所以没有 `execve` 的允许列表会让容器根本无法启动；缺少其他调用则会让程序以难以追溯到配置文件的方式崩溃（加载器报出“operation not permitted”，或者被悄无声息地杀死）。' +
        '只在特定参数或权能下才允许某个调用的规则，在这里也算作允许了该调用。',
      remediation:
        "从 Docker 的默认配置文件出发（命令 **Containment: Create a Seccomp Profile from Docker's Default** 会生成它），删除你的程序不需要的调用，边删边测试。要了解程序会发出哪些调用，可以在测试环境中用 `strace -f` 运行它，或使用 `SCMP_ACT_LOG` 配置文件运行它。",
    },
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
