// CT4003 daemon-userns-remap-missing: containers share the host's user ids, so root in a container
// is root on the host (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { absent, CIS_URL, DOCKER_BENCH, entry, isBool, stringValue } from './daemonUtil';

/** The fix title and the docs say the same thing about what turning it on changes. */
export const USERNS_SIDE_EFFECT =
  'dockerd then keeps images, containers and volumes in a new, empty area owned by a remapped user id, so existing ones seem gone until the key is removed; bind-mounted host files show up owned by nobody, and --privileged or host namespaces need --userns=host';

export default daemonRule(
  {
    id: 'CT4003',
    name: 'daemon-userns-remap-missing',
    title: 'User namespace remapping is off',
    defaultSeverity: 'warning',
    appliesTo: ['daemon'],
    explanation:
      'Without `userns-remap`, user id 0 inside a container is user id 0 on the host. The other isolation layers (capabilities, seccomp, AppArmor or SELinux) keep that root in check, but a container that escapes through a kernel or runtime bug, or that reaches a mounted host path, acts as the real root. ' +
      'With `"userns-remap": "default"`, dockerd creates a user called `dockremap` and runs every container in a user namespace: root inside is mapped to an unprivileged range of ids taken from /etc/subuid and /etc/subgid, so an escape lands as a nobody on the host. ' +
      `Turning it on is not free: ${USERNS_SIDE_EFFECT}. Rootless mode (\`"rootless": true\`) reaches the same goal differently and is not flagged.`,
    remediation:
      'Add `"userns-remap": "default"` (or a user of your own, `"user:group"`, with ranges in /etc/subuid and /etc/subgid), restart dockerd, then pull or rebuild the images you need. Containers that truly need host privileges can opt out with `--userns=host`.',
    references: [
      { title: 'Isolate containers with a user namespace', url: 'https://docs.docker.com/engine/security/userns-remap/' },
      { title: 'CIS Docker Benchmark v1.6.0 2.9: Enable user namespace support', url: CIS_URL },
      DOCKER_BENCH,
    ],
    peers: { cis: ['2.9 (v1.6.0; 2.8 in v1.2.0)'] },
    bad: [
      { bad: '{\n  "live-restore": true\n}\n', fixed: '{\n  "live-restore": true,\n  "userns-remap": "default"\n}\n' },
      { bad: '{\n  "userns-remap": ""\n}\n', fixed: '{\n  "userns-remap": "default"\n}\n' },
      { bad: '{}\n', fixed: '{\n  "userns-remap": "default"\n}\n' },
    ],
    good: [
      '{\n  "userns-remap": "default"\n}\n',
      '{\n  "userns-remap": "dockremap:dockremap"\n}\n',
      // Rootless mode maps ids through RootlessKit instead.
      '{\n  "rootless": true\n}\n',
      // Broken JSON: the key may be in the part that could not be read.
      '{\n  "debug": true,,\n  "userns-remap": "default"\n}\n',
    ],
  },
  (model): Hit[] => {
    if (isBool(model, 'rootless', true)) return [];
    const e = entry(model, 'userns-remap');
    const empty = stringValue(model, 'userns-remap') === '';
    if (!absent(model, 'userns-remap') && !empty) return [];
    if (!e && model.partial) return [];
    return [
      {
        range: e && empty ? e.valueRange : model.anchor,
        message: empty
          ? '"userns-remap" is empty, so user namespaces are off: root in a container is root on the host.'
          : 'User namespace remapping is off ("userns-remap" is not set): root in a container is root on the host.',
        fixes: [
          { title: `Set "userns-remap": "default" (side effect: ${USERNS_SIDE_EFFECT})`, edits: model.edit.set('userns-remap', 'default') },
        ],
      },
    ];
  },
);
