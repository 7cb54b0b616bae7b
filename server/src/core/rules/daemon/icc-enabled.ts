// CT4004 daemon-icc-enabled: containers on the default bridge can reach each other on every port
// (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t } from '../../types';
import { absent, CIS_URL, DOCKER_BENCH, entry, isBool, stringValue } from './daemonUtil';

export const ICC_SIDE_EFFECT =
  'containers on the default bridge can no longer reach each other; containers that need to talk must share a user-defined network';
export const ICC_SIDE_EFFECT_ZH = '默认网桥上的容器之间将无法再相互访问；需要通信的容器必须加入同一个用户自定义网络';

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
    zh: {
      title: '默认网桥上允许容器间通信',
      explanation:
        '每个启动时没有指定 `--network` 的容器都会加入默认网桥 `docker0`。`icc` 为默认值（`true`）时，这些容器可以在任意端口上相互建立连接，不管端口是否已发布：一个被攻破的容器可以探测并攻击宿主机上所有毫不相干的邻居。' +
        '`"icc": false` 让 dockerd 添加一条防火墙规则，丢弃默认网桥上容器之间的流量。用户自定义网络不受影响：彼此相关的容器应当共享一个属于它们自己的网络，Compose 也正是这样连接各个服务的。' +
        `关闭它的副作用：${ICC_SIDE_EFFECT_ZH}。`,
      remediation:
        '设置 `"icc": false`，然后把需要通信的容器放到一个用户自定义网络中（`docker network create app`，或者使用 Compose，它会为每个项目创建一个网络）。旧式的 `--link` 仍然会在被链接的容器之间打开指定的端口。',
    },
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
          ? t(
              '"icc" is true: every container on the default bridge can connect to every other one on any port.',
              '"icc" 为 true：默认网桥上的每个容器都能在任意端口上连接其他所有容器。',
            )
          : t(
              '"icc" is not set, so it defaults to true: every container on the default bridge can connect to every other one on any port.',
              '"icc" 没有设置，因此默认为 true：默认网桥上的每个容器都能在任意端口上连接其他所有容器。',
            ),
        fixes: [
          {
            title: t(`Set "icc": false (side effect: ${ICC_SIDE_EFFECT})`, `设置 "icc": false（副作用：${ICC_SIDE_EFFECT_ZH}）`),
            edits: model.edit.set('icc', false),
          },
        ],
      },
    ];
  },
);
