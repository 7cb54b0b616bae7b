// CT4010 daemon-experimental-enabled: experimental daemon features are on (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { CIS_URL, DOCKER_BENCH, entry, isBool } from './daemonUtil';

export default daemonRule(
  {
    id: 'CT4010',
    name: 'daemon-experimental-enabled',
    title: 'Experimental daemon features are enabled',
    defaultSeverity: 'info',
    appliesTo: ['daemon'],
    explanation:
      '`"experimental": true` exposes daemon features that are still being designed: they may change or disappear between releases, and they have had less review and testing than the rest of the engine. ' +
      'On a production host that is more attack surface with less scrutiny, and a dependency on behaviour nobody promised to keep. On a development machine it may be exactly what you want, hence information rather than a warning.',
    remediation:
      'Set `"experimental": false` (or remove the key) on production hosts, after checking that nothing you run needs an experimental feature. Side effect: experimental features you rely on stop working.',
    references: [
      { title: 'dockerd reference: enabling experimental features', url: 'https://docs.docker.com/reference/cli/dockerd/#description' },
      { title: 'CIS Docker Benchmark v1.6.0 2.18: Ensure that experimental features are not implemented in production', url: CIS_URL },
      DOCKER_BENCH,
    ],
    peers: { cis: ['2.18 (v1.6.0; 2.16 in v1.2.0)'] },
    bad: [{ bad: '{\n  "experimental": true\n}\n', fixed: '{\n  "experimental": false\n}\n' }],
    good: ['{\n  "experimental": false\n}\n', '{}\n'],
  },
  (model): Hit[] => {
    const e = entry(model, 'experimental');
    if (!e || !isBool(model, 'experimental', true)) return [];
    return [
      {
        range: e.valueRange,
        message: 'Experimental daemon features are on: less tested code, and behaviour that may change between releases.',
        fixes: [
          {
            title: 'Set "experimental": false (side effect: experimental features you rely on stop working)',
            edits: model.edit.set('experimental', false),
          },
        ],
      },
    ];
  },
);
