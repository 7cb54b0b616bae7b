// CT2007 no-new-privileges-missing: without `no-new-privileges:true`, setuid binaries and file
// capabilities can raise a process's privileges inside the container (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { hitAt, securityOpts, spelled } from './util1';

/** Go's strconv.ParseBool, which Docker uses for this option; undefined for anything else (Docker refuses it). */
function parseBool(v: string): boolean | undefined {
  const b = v.trim();
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(b)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(b)) return false;
  return undefined;
}

export default runtimeRule(
  {
    id: 'CT2007',
    name: 'no-new-privileges-missing',
    title: 'no-new-privileges is not set',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      "A process normally gains privileges when it runs a program marked setuid or setgid (`su`, `sudo`, `passwd`, `mount`, `ping` on some images) or one with file capabilities: the kernel switches it to the file owner's user or adds the capabilities during `execve`. " +
      'Inside a container that means a non-root process can become root, or an unprivileged user can regain capabilities, through any such program the image happens to contain. ' +
      "`no-new-privileges` sets the kernel's `no_new_privs` flag (prctl(2), PR_SET_NO_NEW_PRIVS) on the container's first process; it is inherited by every child and cannot be cleared, and `execve` then never grants more than the caller already had: setuid bits and file capabilities are ignored, and AppArmor or SELinux can only switch to a more restrictive profile. " +
      'It costs nothing for programs that do not rely on setuid helpers. Docker leaves it off unless the option is given or the daemon sets it for all containers (`"no-new-privileges": true` in daemon.json, which a file cannot show). `no-new-privileges:false` says explicitly to leave it off and is reported the same way.',
    remediation:
      'Add `security_opt: ["no-new-privileges:true"]` (`--security-opt no-new-privileges`). If the program really switches users through a setuid helper, drop privileges in the entrypoint with `setpriv`, `gosu` or `su-exec` instead (they need no setuid bit), or run as the target user from the start with `user:`.',
    zh: {
      title: '没有设置 no-new-privileges',
      explanation:
        '进程运行带有 setuid 或 setgid 标记的程序（`su`、`sudo`、`passwd`、`mount`，某些镜像中的 `ping`）或带有文件 capability 的程序时，通常会获得特权：内核在 `execve` 时把它切换为文件属主的用户，或者给它加上这些 capability。' +
        '在容器里，这意味着只要镜像中恰好有这样的程序，非 root 进程就能借它变成 root，无特权的用户也能借它重新获得 capability。' +
        '`no-new-privileges` 在容器的第一个进程上设置内核的 `no_new_privs` 标志（prctl(2)，PR_SET_NO_NEW_PRIVS）；每个子进程都会继承这个标志，而且无法清除。此后 `execve` 绝不会授予超出调用者已有的权限：setuid 位和文件 capability 都被忽略，AppArmor 或 SELinux 也只能切换到更严格的配置。' +
        '对不依赖 setuid 辅助程序的程序来说，它没有任何代价。除非给出了这个选项，或者守护进程为所有容器设置了它（daemon.json 中的 `"no-new-privileges": true`，这从被检查的文件里看不出来），否则 Docker 不会开启它。`no-new-privileges:false` 明确表示不开启，同样会被报告。',
      remediation:
        '添加 `security_opt: ["no-new-privileges:true"]`（`--security-opt no-new-privileges`）。如果程序确实要通过 setuid 辅助程序切换用户，就改为在入口程序中用 `setpriv`、`gosu` 或 `su-exec` 降低权限（它们不需要 setuid 位），或者用 `user:` 从一开始就以目标用户运行。',
    },
    references: [
      { title: 'docker run reference: --security-opt', url: 'https://docs.docker.com/reference/cli/docker/container/run/#security-opt' },
      { title: 'Compose file reference: security_opt', url: 'https://docs.docker.com/reference/compose-file/services/#security_opt' },
      { title: 'Linux kernel documentation: No New Privileges Flag', url: 'https://docs.kernel.org/userspace-api/no_new_privs.html' },
      { title: 'prctl(2): PR_SET_NO_NEW_PRIVS', url: 'https://man7.org/linux/man-pages/man2/prctl.2.html' },
      {
        title: 'CIS Docker Benchmark 5.25: Ensure that the container is restricted from acquiring additional privileges',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['No New Privileges Not Set'],
      composeLint: ['CL-0003'],
      cis: ['5.25'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n',
        fixed: 'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    security_opt: [no-new-privileges:true]\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:false\n',
        fixed: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - apparmor:docker-default\n',
        fixed:
          'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - apparmor:docker-default\n      - no-new-privileges:true\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d --name web nginx:1.27\n',
        fixed: '#!/bin/sh\ndocker run -d --name web --security-opt no-new-privileges nginx:1.27\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d --security-opt no-new-privileges=false nginx:1.27\n',
        fixed: '#!/bin/sh\ndocker run -d --security-opt no-new-privileges nginx:1.27\n',
      },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n' },
      {
        kind: 'compose',
        text: 'services:\n  web:\n    image: nginx:1.27\n    security_opt: ["no-new-privileges=true", "seccomp=./profile.json"]\n',
      },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --security-opt no-new-privileges nginx:1.27\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --security-opt=no-new-privileges:true nginx:1.27\n' },
      // Decided by a variable: unknown, not guessed.
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - "no-new-privileges:${NNP:-true}"\n' },
    ],
  },
  (spec): Hit[] => {
    if (spec.securityOpt.some((o) => o.unknown && (o.kind === 'no-new-privileges' || o.kind === 'other'))) return [];
    const opts = securityOpts(spec, 'no-new-privileges');
    // Docker applies the options in order, so the last one decides.
    const last = opts[opts.length - 1];
    if (last) {
      const on = parseBool(last.value);
      if (on !== false) return []; // true, or a value Docker refuses (the container does not start).
      return [
        hitAt(
          spec,
          last.origin,
          t(
            `${last.raw} in ${spec.label} explicitly leaves no-new-privileges off, so setuid programs and file capabilities in the image can still raise a process's privileges.`,
            `${spec.label} 中的 ${last.raw} 明确让 no-new-privileges 保持关闭，镜像中的 setuid 程序和文件 capability 仍然可以提升进程的权限。`,
          ),
          spec.fixer?.addNoNewPrivileges?.(),
        ),
      ];
    }
    const add = spelled(spec, 'no-new-privileges:true', '--security-opt no-new-privileges', 'no-new-privileges');
    return [
      hitAt(
        spec,
        spec.anchor,
        t(
          `No ${add} in ${spec.label}, so setuid programs (su, sudo…) and file capabilities in the image can raise a process's privileges inside the container.`,
          `${spec.label} 中没有 ${add}，镜像中的 setuid 程序（su、sudo……）和文件 capability 可以在容器内提升进程的权限。`,
        ),
        spec.fixer?.addNoNewPrivileges?.(),
      ),
    ];
  },
);
