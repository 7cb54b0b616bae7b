// CT4005 daemon-no-new-privileges-missing: containers may gain privileges through setuid and
// setgid programs unless each one asks otherwise (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { absent, CIS_URL, DOCKER_BENCH, entry, isBool } from './daemonUtil';

export const NNP_SIDE_EFFECT =
  'setuid and setgid programs such as sudo, su or a setuid ping no longer gain privileges inside containers, and SELinux cannot move a container process to a more privileged domain';

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
          ? '"no-new-privileges" is false: processes in containers can gain privileges through setuid programs unless each container opts out.'
          : '"no-new-privileges" is not set: processes in containers can gain privileges through setuid programs unless each container opts out.',
        fixes: [
          { title: `Set "no-new-privileges": true (side effect: ${NNP_SIDE_EFFECT})`, edits: model.edit.set('no-new-privileges', true) },
        ],
      },
    ];
  },
);
