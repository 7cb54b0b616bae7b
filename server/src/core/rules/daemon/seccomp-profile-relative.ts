// CT4013 daemon-seccomp-profile-relative: a relative seccomp-profile path depends on dockerd's
// working directory (pure core layer).

import { daemonRule, type Hit } from '../rule';
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
        message: `"${path}" is relative: dockerd opens it from its own working directory (/ under systemd), not next to daemon.json, and refuses to start if it is not there. Use an absolute path.`,
      },
    ];
  },
);
