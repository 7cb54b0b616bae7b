// CT4013 daemon-seccomp-profile-relative: a relative seccomp-profile path depends on dockerd's
// working directory (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t } from '../../types';
import { entry, stringValue } from './daemonUtil';

const SPECIAL = new Set(['', 'builtin', 'unconfined']);

export default daemonRule(
  {
    id: 'CT4013',
    name: 'daemon-seccomp-profile-relative',
    title: 'The daemon-wide seccomp profile is a relative path',
    defaultSeverity: 'warning',
    appliesTo: ['daemon'],
    explanation:
      'dockerd opens `seccomp-profile` as it is written, relative to the daemon\'s working directory, not to daemon.json: under systemd that is `/`, so `"seccomp.json"` means `/seccomp.json`. If the file is not there, dockerd refuses to start. ' +
      'Containment cannot check an absolute path such as `/etc/docker/seccomp.json` from your workspace (it lives on the Docker host), so it only reports relative paths. Run `dockerd --validate` on the host, or look for `opening seccomp profile` in the daemon log, to check the file itself.',
    remediation: 'Write the absolute path of the profile on the Docker host, for example `/etc/docker/seccomp/default.json`.',
    zh: {
      title: '守护进程级别的 seccomp 配置文件是相对路径',
      explanation:
        'dockerd 会按原样打开 `seccomp-profile`，即相对于守护进程的工作目录，而不是相对于 daemon.json：在 systemd 下工作目录是 `/`，所以 `"seccomp.json"` 指的是 `/seccomp.json`。如果文件不在那里，dockerd 会拒绝启动。' +
        'Containment 无法从你的工作区检查 `/etc/docker/seccomp.json` 这样的绝对路径（它位于 Docker 宿主机上），因此只报告相对路径。要检查文件本身，请在宿主机上运行 `dockerd --validate`，或者在守护进程日志中查找 `opening seccomp profile`。',
      remediation: '写出配置文件在 Docker 宿主机上的绝对路径，例如 `/etc/docker/seccomp/default.json`。',
    },
    references: [
      { title: 'Seccomp security profiles for Docker', url: 'https://docs.docker.com/engine/security/seccomp/' },
      { title: 'dockerd reference: --seccomp-profile', url: 'https://docs.docker.com/reference/cli/dockerd/' },
    ],
    peers: {},
    bad: [{ bad: '{\n  "seccomp-profile": "profiles/seccomp.json"\n}\n' }, { bad: '{\n  "seccomp-profile": "./seccomp.json"\n}\n' }],
    good: [
      '{\n  "seccomp-profile": "/etc/docker/seccomp.json"\n}\n',
      '{\n  "seccomp-profile": "C:\\\\ProgramData\\\\docker\\\\seccomp.json"\n}\n',
      '{\n  "seccomp-profile": "unconfined"\n}\n',
    ],
  },
  (model): Hit[] => {
    const e = entry(model, 'seccomp-profile');
    const path = stringValue(model, 'seccomp-profile');
    if (!e || path === undefined || SPECIAL.has(path.trim())) return [];
    if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\')) return [];
    return [
      {
        range: e.valueRange,
        message: t(
          `"${path}" is relative: dockerd opens it from its own working directory (/ under systemd), not next to daemon.json, and refuses to start if it is not there. Use an absolute path.`,
          `"${path}" 是相对路径：dockerd 会从它自己的工作目录（在 systemd 下为 /）打开它，而不是从 daemon.json 所在的目录，文件不在那里时就会拒绝启动。请使用绝对路径。`,
        ),
      },
    ];
  },
);
