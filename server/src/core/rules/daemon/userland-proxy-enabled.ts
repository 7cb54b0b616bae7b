// CT4007 daemon-userland-proxy-enabled: a docker-proxy process per published port (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t } from '../../types';
import { absent, CIS_URL, DOCKER_BENCH, entry, isBool } from './daemonUtil';

export const USERLAND_PROXY_SIDE_EFFECT =
  'published ports are then served by NAT rules alone; reaching them through localhost relies on hairpin NAT, which some old kernels and network setups do not support';
export const USERLAND_PROXY_SIDE_EFFECT_ZH =
  '此后发布的端口只由 NAT 规则提供服务；通过 localhost 访问这些端口要依赖 hairpin NAT，而一些旧内核和网络环境不支持它';

export default daemonRule(
  {
    id: 'CT4007',
    name: 'daemon-userland-proxy-enabled',
    title: 'The userland proxy serves published ports',
    defaultSeverity: 'info',
    appliesTo: ['daemon'],
    explanation:
      'For each published port, dockerd starts by default a `docker-proxy` process on the host that relays connections into the container, in addition to the NAT rules it writes. The proxy exists for cases NAT cannot handle (mainly traffic from the host to its own loopback address). ' +
      'Every such process is more code running on the host and listening on a port, and it hides the client address from the container for the connections it relays. The CIS benchmark recommends turning it off where hairpin NAT works, which is the case on current kernels. ' +
      `Side effect: ${USERLAND_PROXY_SIDE_EFFECT}.`,
    remediation:
      'Set `"userland-proxy": false` and restart dockerd, then check that published ports still answer from the host itself (`curl localhost:<port>`) and from outside.',
    zh: {
      title: '由用户态代理为发布的端口提供服务',
      explanation:
        '对于每个发布的端口，dockerd 默认会在宿主机上启动一个 `docker-proxy` 进程，把连接转发到容器中，此外它还会写入 NAT 规则。这个代理是为 NAT 处理不了的情况准备的（主要是宿主机访问自己回环地址的流量）。' +
        '每个这样的进程都意味着宿主机上多运行一份代码、多监听一个端口，而且对于它转发的连接，容器看不到客户端的地址。CIS 基准建议在 hairpin NAT 可用的地方关闭它，而当前的内核都支持 hairpin NAT。' +
        `副作用：${USERLAND_PROXY_SIDE_EFFECT_ZH}。`,
      remediation:
        '设置 `"userland-proxy": false` 并重启 dockerd，然后检查发布的端口从宿主机本身（`curl localhost:<port>`）和从外部是否仍然可以访问。',
    },
    references: [
      { title: 'Packet filtering and firewalls: docker-proxy', url: 'https://docs.docker.com/engine/network/packet-filtering-firewalls/' },
      { title: 'CIS Docker Benchmark v1.6.0 2.16: Ensure Userland Proxy is Disabled', url: CIS_URL },
      DOCKER_BENCH,
    ],
    peers: { cis: ['2.16 (v1.6.0; 2.14 in v1.2.0)'] },
    bad: [
      { bad: '{\n  "icc": false\n}\n', fixed: '{\n  "icc": false,\n  "userland-proxy": false\n}\n' },
      { bad: '{\n  "userland-proxy": true\n}\n', fixed: '{\n  "userland-proxy": false\n}\n' },
    ],
    good: ['{\n  "userland-proxy": false\n}\n'],
  },
  (model): Hit[] => {
    const e = entry(model, 'userland-proxy');
    if (!isBool(model, 'userland-proxy', true) && !absent(model, 'userland-proxy')) return [];
    return [
      {
        range: e ? e.valueRange : model.anchor,
        message: e
          ? t(
              '"userland-proxy" is true: a docker-proxy process relays every published port.',
              '"userland-proxy" 为 true：每个发布的端口都由一个 docker-proxy 进程转发。',
            )
          : t(
              '"userland-proxy" is not set, so it defaults to true: a docker-proxy process relays every published port.',
              '"userland-proxy" 没有设置，因此默认为 true：每个发布的端口都由一个 docker-proxy 进程转发。',
            ),
        fixes: [
          {
            title: t(
              `Set "userland-proxy": false (side effect: ${USERLAND_PROXY_SIDE_EFFECT})`,
              `设置 "userland-proxy": false（副作用：${USERLAND_PROXY_SIDE_EFFECT_ZH}）`,
            ),
            edits: model.edit.set('userland-proxy', false),
          },
        ],
      },
    ];
  },
);
