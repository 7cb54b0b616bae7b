// CT2004 seccomp-unconfined: `seccomp:unconfined` / `--security-opt seccomp=unconfined` removes the
// system call filter (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { hitAt, securityOpts } from './util1';

export default runtimeRule(
  {
    id: 'CT2004',
    name: 'seccomp-unconfined',
    title: 'The seccomp system call filter is turned off',
    defaultSeverity: 'error',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'Every request a program makes to the kernel is a system call, and the kernel has several hundred of them. seccomp lets a process install a filter that the kernel runs before each call; Docker installs a default filter in every container that allows the calls ordinary programs use and refuses about 44 others, or allows them only with the capability that goes with them. ' +
      'The refused ones are those a container has no business making and that hold much of the kernel attack surface: creating namespaces (`unshare`, `clone` with namespace flags), `mount`, loading modules and kernels (`init_module`, `kexec_load`), the kernel keyring (`keyctl`, `add_key`), `bpf`, `perf_event_open`, `userfaultfd`, `open_by_handle_at` and more. ' +
      'Several published container escapes, for example CVE-2022-0185 and CVE-2022-0492, start by calling `unshare` to create a user namespace; the default filter stopped them, and `seccomp=unconfined` lets them through. ' +
      'Both separators are understood (`seccomp:unconfined` in Compose, `seccomp=unconfined` on the command line). A custom profile (`seccomp=profile.json`) is not reported here; the profile itself is checked when Containment reads it.',
    remediation:
      "Remove the option so the default profile applies. If the program needs one blocked call, copy Docker's default profile, allow only that call (with argument filters where possible), and use `seccomp=/path/to/profile.json`. Debuggers and tracers usually need `SYS_PTRACE` or `PERFMON`, which open the matching calls in the default profile, rather than no filter at all.",
    zh: {
      title: 'seccomp 系统调用过滤器被关闭',
      explanation:
        '程序向内核发出的每个请求都是一次系统调用，内核有几百个系统调用。seccomp 让进程安装一个过滤器，内核在每次调用之前先运行它；Docker 在每个容器里都安装一个默认过滤器，放行普通程序会用到的调用，拒绝另外约 44 个，或者只在容器持有对应的 capability 时才放行它们。' +
        '被拒绝的是容器本不该发出、又集中了内核大部分攻击面的调用：创建 namespace（`unshare`、带 namespace 标志的 `clone`）、`mount`、加载模块和内核（`init_module`、`kexec_load`）、内核密钥环（`keyctl`、`add_key`）、`bpf`、`perf_event_open`、`userfaultfd`、`open_by_handle_at` 等等。' +
        '好几个公开的容器逃逸（例如 CVE-2022-0185 和 CVE-2022-0492）都是从调用 `unshare` 创建 user namespace 开始的；默认过滤器挡住了它们，而 `seccomp=unconfined` 会放它们通过。' +
        '两种分隔符都能识别（Compose 中的 `seccomp:unconfined`，命令行上的 `seccomp=unconfined`）。自定义配置文件（`seccomp=profile.json`）不在这里报告；Containment 读取该配置文件时会检查它本身。',
      remediation:
        '删除这个选项，让默认配置文件生效。如果程序需要某个被拦截的调用，就复制 Docker 的默认配置文件，只放行那一个调用（尽可能加上参数过滤），然后使用 `seccomp=/path/to/profile.json`。调试器和跟踪工具通常需要的是 `SYS_PTRACE` 或 `PERFMON`（默认配置文件会为它们放开相应的调用），而不是完全不要过滤器。',
    },
    references: [
      { title: 'Seccomp security profiles for Docker', url: 'https://docs.docker.com/engine/security/seccomp/' },
      { title: 'seccomp(2)', url: 'https://man7.org/linux/man-pages/man2/seccomp.2.html' },
      { title: 'Compose file reference: security_opt', url: 'https://docs.docker.com/reference/compose-file/services/#security_opt' },
      {
        title: 'CIS Docker Benchmark 5.21: Ensure the default seccomp profile is not disabled',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Default Seccomp Profile Disabled'],
      composeLint: ['CL-0009'],
      cis: ['5.21'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp:unconfined\n      - no-new-privileges:true\n',
        fixed: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - no-new-privileges:true\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt: ["seccomp=unconfined", "no-new-privileges:true"]\n',
        fixed: 'services:\n  app:\n    image: example/app:1.0\n    security_opt: ["no-new-privileges:true"]\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run --rm --security-opt seccomp=unconfined example/app:1.0\n',
        fixed: '#!/bin/sh\ndocker run --rm example/app:1.0\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\npodman run --security-opt=seccomp:unconfined example/app:1.0\n',
        fixed: '#!/bin/sh\npodman run example/app:1.0\n',
      },
    ],
    good: [
      // A custom profile is checked when the profile itself is read, not here.
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp:./seccomp/app.json\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --security-opt seccomp=/etc/docker/seccomp/app.json example/app:1.0\n' },
      // KICS reports this one, but it is an SELinux label option with an invalid value, not a seccomp setting.
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - label:seccomp:unconfined\n' },
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - "seccomp:${SECCOMP_PROFILE}"\n' },
    ],
  },
  (spec): Hit[] =>
    securityOpts(spec, 'seccomp')
      .filter((o) => o.value.trim().toLowerCase() === 'unconfined')
      .map((o) =>
        hitAt(
          spec,
          o.origin,
          t(
            `${o.raw} in ${spec.label} turns off the system call filter, so the container can make calls Docker normally refuses (unshare, mount, keyctl, bpf, userfaultfd…), which many kernel exploits and container escapes start with.`,
            `${spec.label} 中的 ${o.raw} 关闭了系统调用过滤器，容器因此可以发出 Docker 通常会拒绝的调用（unshare、mount、keyctl、bpf、userfaultfd……），许多内核漏洞利用和容器逃逸正是从这些调用开始的。`,
          ),
          spec.fixer?.removeValue?.(
            o.origin,
            t(`Remove ${o.raw} (Docker's default seccomp profile applies)`, `删除 ${o.raw}（改用 Docker 的默认 seccomp 配置文件）`),
          ),
        ),
      ),
);
