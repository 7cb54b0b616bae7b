// CT4005 daemon-no-new-privileges-missing: containers may gain privileges through setuid and
// setgid programs unless each one asks otherwise (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t } from '../../types';
import { absent, CIS_URL, DOCKER_BENCH, entry, isBool } from './daemonUtil';

export const NNP_SIDE_EFFECT =
  'setuid and setgid programs such as sudo, su or a setuid ping no longer gain privileges inside containers, and SELinux cannot move a container process to a more privileged domain';
export const NNP_SIDE_EFFECT_ZH =
  'sudo、su 或带 setuid 位的 ping 这类 setuid 和 setgid 程序在容器内将无法再获得特权，SELinux 也无法再把容器进程切换到特权更高的域';

export default daemonRule(
  {
    id: 'CT4005',
    name: 'daemon-no-new-privileges-missing',
    title: 'no-new-privileges is not the default for containers',
    defaultSeverity: 'warning',
    appliesTo: ['daemon'],
    explanation:
      "Linux lets a process gain privileges by running a setuid or setgid program, or one with file capabilities: that is how `sudo` or `su` become root. Inside a container, such a program is a ready-made step from an unprivileged user to root. The kernel's `no_new_privs` flag closes that step for a process and all its children. " +
      'Each container can ask for it (`--security-opt no-new-privileges`, or `security_opt` in Compose), but a daemon-wide `"no-new-privileges": true` makes it the default for every new container, so nobody has to remember it. ' +
      `Side effect: ${NNP_SIDE_EFFECT}.`,
    remediation:
      'Set `"no-new-privileges": true` and restart dockerd (existing containers keep their setting until they are re-created). An image that needs a setuid program at run time should drop that need rather than the protection.',
    zh: {
      title: 'no-new-privileges 不是容器的默认设置',
      explanation:
        'Linux 允许进程通过运行 setuid 或 setgid 程序，或者带有文件 capability 的程序来获得特权：`sudo` 和 `su` 就是这样变成 root 的。在容器内，这样的程序就是从非特权用户变成 root 的现成台阶。内核的 `no_new_privs` 标志可以为一个进程及其所有子进程堵住这一步。' +
        '每个容器都可以单独要求开启它（`--security-opt no-new-privileges`，或 Compose 中的 `security_opt`），而守护进程级别的 `"no-new-privileges": true` 会让它成为所有新容器的默认设置，谁都不必再记着去加。' +
        `副作用：${NNP_SIDE_EFFECT_ZH}。`,
      remediation:
        '设置 `"no-new-privileges": true` 并重启 dockerd（已有的容器在重新创建之前保持原来的设置）。如果镜像在运行时需要某个 setuid 程序，应当去掉的是这种需要，而不是这项保护。',
    },
    references: [
      {
        title: 'docker run: --security-opt no-new-privileges',
        url: 'https://docs.docker.com/reference/cli/docker/container/run/#security-opt',
      },
      { title: 'Linux kernel: no_new_privs', url: 'https://docs.kernel.org/userspace-api/no_new_privs.html' },
      { title: 'CIS Docker Benchmark v1.6.0 2.14: Ensure containers are restricted from acquiring new privileges', url: CIS_URL },
      DOCKER_BENCH,
    ],
    peers: { cis: ['2.14 (v1.6.0; 2.17 in v1.2.0)'] },
    bad: [
      { bad: '{\n  "icc": false\n}\n', fixed: '{\n  "icc": false,\n  "no-new-privileges": true\n}\n' },
      { bad: '{\n  "no-new-privileges": false\n}\n', fixed: '{\n  "no-new-privileges": true\n}\n' },
    ],
    good: ['{\n  "no-new-privileges": true\n}\n', '{\n  "icc": false,\n  "no-new-privileges": true\n}\n'],
  },
  (model): Hit[] => {
    const e = entry(model, 'no-new-privileges');
    if (!isBool(model, 'no-new-privileges', false) && !absent(model, 'no-new-privileges')) return [];
    return [
      {
        range: e ? e.valueRange : model.anchor,
        message: e
          ? t(
              '"no-new-privileges" is false: processes in containers can gain privileges through setuid programs unless each container opts in (`--security-opt no-new-privileges`).',
              '"no-new-privileges" 为 false：除非每个容器都自行开启了 no-new-privileges，否则容器中的进程可以通过 setuid 程序获得特权。',
            )
          : t(
              '"no-new-privileges" is not set: processes in containers can gain privileges through setuid programs unless each container opts in (`--security-opt no-new-privileges`).',
              '"no-new-privileges" 没有设置：除非每个容器都自行开启了 no-new-privileges，否则容器中的进程可以通过 setuid 程序获得特权。',
            ),
        fixes: [
          {
            title: t(
              `Set "no-new-privileges": true (side effect: ${NNP_SIDE_EFFECT})`,
              `设置 "no-new-privileges": true（副作用：${NNP_SIDE_EFFECT_ZH}）`,
            ),
            edits: model.edit.set('no-new-privileges', true),
          },
        ],
      },
    ];
  },
);
