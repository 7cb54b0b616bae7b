// CT4010 daemon-experimental-enabled: experimental daemon features are on (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t } from '../../types';
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
    zh: {
      title: '守护进程的实验性功能已启用',
      explanation:
        '`"experimental": true` 会开放仍在设计中的守护进程功能：它们可能在版本之间发生变化或消失，所经过的审查和测试也比引擎的其余部分少。' +
        '在生产宿主机上，这意味着更大的攻击面、更少的审视，以及对无人承诺会保留的行为的依赖。在开发机器上，这也许正是你想要的，所以这里只是提示信息，而不是警告。',
      remediation:
        '在生产宿主机上设置 `"experimental": false`（或删除这个键），前提是确认你运行的东西都不需要实验性功能。副作用：你所依赖的实验性功能将停止工作。',
    },
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
        message: t(
          'Experimental daemon features are on: less tested code, and behaviour that may change between releases.',
          '守护进程的实验性功能已开启：这些代码经过的测试较少，行为也可能在版本之间发生变化。',
        ),
        fixes: [
          {
            title: t(
              'Set "experimental": false (side effect: experimental features you rely on stop working)',
              '设置 "experimental": false（副作用：你所依赖的实验性功能将停止工作）',
            ),
            edits: model.edit.set('experimental', false),
          },
        ],
      },
    ];
  },
);
