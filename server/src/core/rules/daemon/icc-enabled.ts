// CT4004 daemon-icc-enabled: containers on the default bridge can reach each other on every port
// (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { absent, CIS_URL, DOCKER_BENCH, entry, isBool, stringValue } from './daemonUtil';

export const ICC_SIDE_EFFECT =
  'containers on the default bridge can no longer reach each other; containers that need to talk must share a user-defined network';

export default daemonRule(
  {
    id: 'CT4004',
    name: 'daemon-icc-enabled',
    title: 'Inter-container communication is allowed on the default bridge',
    defaultSeverity: 'warning',
    appliesTo: ['daemon'],
    explanation:
      'Every container started without `--network` joins the default bridge, `docker0`. With `icc` at its default (`true`), all of them can open connections to each other on any port, whether or not the ports were published: one compromised container can probe and attack every unrelated neighbour on the host. ' +
      '`"icc": false` makes dockerd add a firewall rule that drops traffic between containers on the default bridge. User-defined networks are not affected: containers that belong together should share a network of their own, which is also how Compose connects services. ' +
      `Side effect of turning it off: ${ICC_SIDE_EFFECT}.`,
    remediation:
      'Set `"icc": false`, then put containers that need to talk on a user-defined network (`docker network create app`, or Compose, which creates one per project). Legacy `--link` still opens the specific ports between linked containers.',
    references: [
      {
        title: 'Bridge network driver: differences between user-defined and default bridges',
        url: 'https://docs.docker.com/engine/network/drivers/bridge/',
      },
      {
        title: 'CIS Docker Benchmark v1.6.0 2.2: Ensure network traffic is restricted between containers on the default bridge',
        url: CIS_URL,
      },
      DOCKER_BENCH,
    ],
    peers: { cis: ['2.2 (v1.6.0; 2.1 in v1.2.0)'] },
    bad: [
      { bad: '{\n  "icc": true\n}\n', fixed: '{\n  "icc": false\n}\n' },
      { bad: '{\n    "log-level": "info"\n}\n', fixed: '{\n    "log-level": "info",\n    "icc": false\n}\n' },
      { bad: '{"debug": false}', fixed: '{"debug": false, "icc": false}' },
    ],
    good: [
      '{\n  "icc": false\n}\n',
      // No default bridge at all: nothing to restrict.
      '{\n  "bridge": "none"\n}\n',
    ],
  },
  (model): Hit[] => {
    if (stringValue(model, 'bridge') === 'none') return [];
    const e = entry(model, 'icc');
    if (!isBool(model, 'icc', true) && !absent(model, 'icc')) return [];
    return [
      {
        range: e ? e.valueRange : model.anchor,
        message: e
          ? '"icc" is true: every container on the default bridge can connect to every other one on any port.'
          : '"icc" is not set, so it defaults to true: every container on the default bridge can connect to every other one on any port.',
        fixes: [{ title: `Set "icc": false (side effect: ${ICC_SIDE_EFFECT})`, edits: model.edit.set('icc', false) }],
      },
    ];
  },
);
