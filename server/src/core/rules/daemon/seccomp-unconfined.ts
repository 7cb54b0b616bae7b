// CT4012 daemon-seccomp-unconfined: seccomp is off for every container that does not name a
// profile (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { CIS_URL, entry, stringValue } from './daemonUtil';

export const SECCOMP_DEFAULT_SIDE_EFFECT =
  'programs that need a system call Docker\'s default profile blocks will fail with "operation not permitted"';

export default daemonRule(
  {
    id: 'CT4012',
    name: 'daemon-seccomp-unconfined',
    title: 'seccomp is turned off for every container',
    defaultSeverity: 'error',
    appliesTo: ['daemon'],
    explanation:
      "seccomp filters the system calls a container may make. Docker's default profile blocks more than forty that ordinary programs never need but exploits love (`keyctl`, `bpf`, `userfaultfd`, `kexec_load`, and `clone`/`unshare` with namespace flags without CAP_SYS_ADMIN), which has turned several kernel vulnerabilities into non-events for containers. " +
      '`"seccomp-profile": "unconfined"` in daemon.json removes that filter from every container that does not ask for a profile itself: the whole kernel interface is open to all of them. ' +
      'It is the daemon-wide form of `--security-opt seccomp=unconfined`, with a much larger reach.',
    remediation:
      "Remove the key so containers get Docker's default profile, or point it at a custom profile (an absolute path) built from the default. A single container that needs more can get its own profile with `--security-opt seccomp=<file>`.",
    references: [
      { title: 'Seccomp security profiles for Docker', url: 'https://docs.docker.com/engine/security/seccomp/' },
      {
        title: 'CIS Docker Benchmark v1.6.0 2.17: Ensure that a daemon-wide custom seccomp profile is applied if appropriate',
        url: CIS_URL,
      },
    ],
    peers: { cis: ['2.17 (v1.6.0; 2.15 in v1.2.0)'] },
    bad: [{ bad: '{\n  "icc": false,\n  "seccomp-profile": "unconfined"\n}\n', fixed: '{\n  "icc": false\n}\n' }],
    good: ['{\n  "seccomp-profile": "/etc/docker/seccomp.json"\n}\n', '{\n  "seccomp-profile": "builtin"\n}\n', '{}\n'],
  },
  (model): Hit[] => {
    const e = entry(model, 'seccomp-profile');
    if (!e || stringValue(model, 'seccomp-profile') !== 'unconfined') return [];
    return [
      {
        range: e.valueRange,
        message:
          'seccomp is off for every container that does not name a profile: the whole system call interface of the kernel is open to them.',
        fixes: [
          {
            title: `Remove "seccomp-profile" so containers get Docker's default profile (side effect: ${SECCOMP_DEFAULT_SIDE_EFFECT})`,
            edits: model.edit.remove('seccomp-profile'),
          },
        ],
      },
    ];
  },
);
