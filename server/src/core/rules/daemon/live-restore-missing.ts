// CT4006 daemon-live-restore-missing: stopping or upgrading dockerd stops every container
// (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { absent, CIS_URL, DOCKER_BENCH, entry, isBool } from './daemonUtil';

export const LIVE_RESTORE_SIDE_EFFECT = 'not compatible with Swarm mode: a node cannot init or join a swarm while it is on';

export default daemonRule(
  {
    id: 'CT4006',
    name: 'daemon-live-restore-missing',
    title: 'Containers stop whenever dockerd stops',
    defaultSeverity: 'info',
    appliesTo: ['daemon'],
    explanation:
      'By default, stopping dockerd (for an upgrade, a configuration change or a crash) stops every container. Administrators then delay security updates of the engine because restarting it means downtime. ' +
      'With `"live-restore": true`, containers keep running while the daemon is away, and the daemon reconnects to them when it comes back, so patching the engine no longer costs an outage. This is about availability more than isolation, which is why the finding is information. ' +
      `Side effect: ${LIVE_RESTORE_SIDE_EFFECT}. Live restore also covers only patch-level upgrades, not jumps between major releases.`,
    remediation:
      'Set `"live-restore": true` and reload the daemon (`systemctl reload docker` or SIGHUP: this key can be changed without a restart). Swarm nodes cannot use it; turn this rule off for them.',
    references: [
      { title: 'Live restore', url: 'https://docs.docker.com/engine/daemon/live-restore/' },
      { title: 'CIS Docker Benchmark v1.6.0 2.15: Ensure live restore is enabled', url: CIS_URL },
      DOCKER_BENCH,
    ],
    peers: { cis: ['2.15 (v1.6.0; 2.13 in v1.2.0)'] },
    bad: [
      { bad: '{\n  "icc": false\n}\n', fixed: '{\n  "icc": false,\n  "live-restore": true\n}\n' },
      { bad: '{\n  "live-restore": false\n}\n', fixed: '{\n  "live-restore": true\n}\n' },
    ],
    good: ['{\n  "live-restore": true\n}\n'],
  },
  (model): Hit[] => {
    const e = entry(model, 'live-restore');
    if (!isBool(model, 'live-restore', false) && !absent(model, 'live-restore')) return [];
    return [
      {
        range: e ? e.valueRange : model.anchor,
        message: e
          ? '"live-restore" is false: stopping or upgrading dockerd stops every container.'
          : '"live-restore" is not set: stopping or upgrading dockerd stops every container.',
        fixes: [
          { title: `Set "live-restore": true (side effect: ${LIVE_RESTORE_SIDE_EFFECT})`, edits: model.edit.set('live-restore', true) },
        ],
      },
    ];
  },
);
