// CT2026 tmpfs-exec-or-suid: a tmpfs mount asks for `exec` or `suid`, undoing Docker's default
// `nosuid,nodev,noexec` (pure core layer). A plain tmpfs is fine and never reported.

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { at } from './util2';

/** Which of exec/suid a tmpfs ends up with: mount options are applied left to right, the last one wins. */
export function tmpfsGrants(options: string[]): ('exec' | 'suid')[] {
  let exec = false;
  let suid = false;
  for (const raw of options) {
    const o = raw.trim().toLowerCase();
    if (o === 'exec') exec = true;
    else if (o === 'noexec') exec = false;
    else if (o === 'suid') suid = true;
    else if (o === 'nosuid') suid = false;
  }
  return [...(exec ? (['exec'] as const) : []), ...(suid ? (['suid'] as const) : [])];
}

export default runtimeRule(
  {
    id: 'CT2026',
    name: 'tmpfs-exec-or-suid',
    title: 'A tmpfs mount allows executing programs or setuid',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'A tmpfs mount is writable scratch space in memory, usually at /tmp or /run, and often the only writable place in a container with a read-only root filesystem. ' +
      'Docker mounts tmpfs with `nosuid,nodev,noexec` unless told otherwise (measured on a real engine for `--tmpfs`; `--mount type=tmpfs` is `noexec` as well, see moby/moby#35890), so nothing written there can be executed and setuid bits on files there are ignored. ' +
      'That default is what makes the read-only root meaningful: an attacker who can write a file can\'t run it. The options `exec` and `suid` (`--tmpfs /tmp:exec`, `tmpfs: ["/tmp:exec,size=64m"]`) remove that barrier: a downloaded tool or payload can be run straight from /tmp, and with `suid` a setuid binary placed there by a root process inside the container becomes a way back to root for any other user in it. ' +
      'A plain `tmpfs: [/tmp]` or `--tmpfs /tmp` is not reported, nor is `exec` followed by a later `noexec` (the last option wins).',
    remediation:
      'Drop `exec` and `suid` from the tmpfs options. If the application really executes files it writes at run time (some JIT caches, Python packages that extract native libraries), point that one directory at its own small tmpfs with `exec` and keep `/tmp` `noexec`, or move the files into the image at build time.',
    zh: {
      title: 'tmpfs 挂载允许执行程序或 setuid',
      explanation:
        'tmpfs 挂载是位于内存中的可写临时空间，通常在 /tmp 或 /run，在根文件系统只读的容器里往往是唯一可写的地方。' +
        '除非另有指定，Docker 以 `nosuid,nodev,noexec` 挂载 tmpfs（`--tmpfs` 的行为已在真实引擎上实测；`--mount type=tmpfs` 同样是 `noexec`，见 moby/moby#35890），所以写在那里的东西都无法执行，那里的文件上的 setuid 位也会被忽略。' +
        '正是这个默认值让只读根文件系统有了意义：攻击者即使能写文件，也无法运行它。`exec` 和 `suid` 选项（`--tmpfs /tmp:exec`、`tmpfs: ["/tmp:exec,size=64m"]`）拆除了这道屏障：下载的工具或恶意载荷可以直接从 /tmp 运行；有了 `suid`，容器内 root 进程放在那里的 setuid 程序，就成了容器内任何其他用户重新获得 root 的途径。' +
        '普通的 `tmpfs: [/tmp]` 或 `--tmpfs /tmp` 不会被报告，`exec` 之后又跟了 `noexec` 的也不会（以最后一个选项为准）。',
      remediation:
        '从 tmpfs 选项中去掉 `exec` 和 `suid`。如果应用确实要执行它在运行时写入的文件（某些 JIT 缓存、会解压原生库的 Python 包），就为那一个目录单独挂载一个带 `exec` 的小 tmpfs，并保持 `/tmp` 为 `noexec`；或者在构建时就把这些文件放进镜像。',
    },
    references: [
      { title: 'Docker docs: tmpfs mounts', url: 'https://docs.docker.com/engine/storage/tmpfs/' },
      { title: 'docker container run reference: --tmpfs', url: 'https://docs.docker.com/reference/cli/docker/container/run/' },
      { title: 'Compose file reference: tmpfs', url: 'https://docs.docker.com/reference/compose-file/services/#tmpfs' },
      { title: 'mount(8): exec, noexec, suid, nosuid', url: 'https://man7.org/linux/man-pages/man8/mount.8.html' },
      {
        title: 'moby/moby#35890: executables in tmpfs mounts cannot execute (the noexec default)',
        url: 'https://github.com/moby/moby/issues/35890',
      },
    ],
    peers: {
      composeLint: ['CL-0022'],
    },
    bad: [
      { kind: 'compose', bad: 'services:\n  app:\n    image: node:20-slim\n    read_only: true\n    tmpfs:\n      - /tmp:exec,size=64m\n' },
      { kind: 'compose', bad: 'services:\n  app:\n    image: node:20-slim\n    tmpfs: /run:rw,suid\n' },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run -d --read-only --tmpfs /tmp:rw,exec node:20-slim\n' },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  app:\n    image: node:20-slim\n    read_only: true\n    tmpfs:\n      - /tmp\n' },
      { kind: 'compose', text: 'services:\n  app:\n    image: node:20-slim\n    tmpfs:\n      - /tmp:size=64m,mode=1777\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d --read-only --tmpfs /tmp node:20-slim\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d --tmpfs /tmp:rw,noexec,nosuid,size=65536k node:20-slim\n' },
    ],
  },
  (spec): Hit[] => {
    const hits: Hit[] = [];
    for (const m of spec.mounts) {
      if (m.type !== 'tmpfs' || m.unknown) continue;
      const grants = tmpfsGrants(m.options);
      if (grants.length === 0) continue;
      const what = grants.join(' and ');
      const whatZh = grants.join(' 和 ');
      const effect =
        grants.includes('exec') && grants.includes('suid')
          ? t(
              'programs written there can be run and setuid bits on them are honoured',
              '写在那里的程序可以运行，程序上的 setuid 位也会生效',
            )
          : grants.includes('exec')
            ? t('programs written there can be run', '写在那里的程序可以运行')
            : t('setuid bits on files written there are honoured', '写在那里的文件上的 setuid 位会生效');
      hits.push({
        range: at(spec, m.origin),
        message: t(
          `${spec.label} mounts a tmpfs at ${m.target} with ${what}, undoing Docker's noexec/nosuid default: ${effect.en}. Drop ${what} unless the program cannot work without it.`,
          `${spec.label} 在 ${m.target} 挂载了带 ${whatZh} 的 tmpfs，撤销了 Docker 默认的 noexec/nosuid：${effect['zh-CN']}。除非程序离不开它，否则请去掉 ${whatZh}。`,
        ),
      });
    }
    return hits;
  },
);
