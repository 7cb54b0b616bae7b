// CT4016 daemon-iptables-disabled: dockerd does not manage the firewall for containers (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t } from '../../types';
import { CIS_URL, DOCKER_BENCH, entry, isBool } from './daemonUtil';

export const IPTABLES_SIDE_EFFECT = 'dockerd adds its own NAT and filter rules; review firewall rules you wrote by hand for containers';
export const IPTABLES_SIDE_EFFECT_ZH = 'dockerd 会添加它自己的 NAT 和过滤规则；请检查你为容器手工编写的防火墙规则';

export default daemonRule(
  {
    id: 'CT4016',
    name: 'daemon-iptables-disabled',
    title: 'dockerd may not manage firewall rules',
    defaultSeverity: 'warning',
    appliesTo: ['daemon'],
    explanation:
      'dockerd writes the firewall rules that make container networking behave as documented: NAT for published ports, isolation between networks, `icc: false`, and since Engine 28 the rules that drop traffic to unpublished container ports. ' +
      'With `"iptables": false` none of that happens. Unless someone maintains equivalent rules by hand, networks are no longer isolated from each other, `icc` has no effect, and a change to a container\'s ports is not reflected in the firewall. ' +
      'The same key also covers nftables when that backend is selected.',
    remediation: 'Remove the key or set `"iptables": true`, and put your own rules in the `DOCKER-USER` chain, which dockerd leaves alone.',
    zh: {
      title: '不允许 dockerd 管理防火墙规则',
      explanation:
        'dockerd 会写入让容器网络按文档所述方式工作的防火墙规则：为发布的端口做 NAT、隔离不同的网络、实现 `icc: false`，并且从 Engine 28 起，还会丢弃发往容器未发布端口的流量。' +
        '设置 `"iptables": false` 后，这些都不会发生。除非有人手工维护等效的规则，否则各个网络之间不再相互隔离，`icc` 不起作用，容器端口的变化也不会反映到防火墙中。' +
        '选用 nftables 后端时，同一个键也同样管着 nftables。',
      remediation: '删除这个键或设置 `"iptables": true`，并把你自己的规则放进 `DOCKER-USER` 链，dockerd 不会改动这条链。',
    },
    references: [
      { title: 'Packet filtering and firewalls', url: 'https://docs.docker.com/engine/network/packet-filtering-firewalls/' },
      { title: 'CIS Docker Benchmark v1.6.0 2.4: Ensure Docker is allowed to make changes to iptables', url: CIS_URL },
      DOCKER_BENCH,
    ],
    peers: { cis: ['2.4 (v1.6.0; 2.3 in v1.2.0)'] },
    bad: [{ bad: '{\n  "iptables": false\n}\n', fixed: '{\n  "iptables": true\n}\n' }],
    good: ['{\n  "iptables": true\n}\n', '{}\n'],
  },
  (model): Hit[] => {
    const e = entry(model, 'iptables');
    if (!e || !isBool(model, 'iptables', false)) return [];
    return [
      {
        range: e.valueRange,
        message: t(
          '"iptables" is false: dockerd writes no isolation rules, so networks are not isolated and "icc" has no effect unless you keep equivalent rules by hand.',
          '"iptables" 为 false：dockerd 不写入任何隔离规则，因此除非你手工维护等效的规则，否则网络之间没有隔离，"icc" 也不起作用。',
        ),
        fixes: [
          {
            title: t(
              `Set "iptables": true (side effect: ${IPTABLES_SIDE_EFFECT})`,
              `设置 "iptables": true（副作用：${IPTABLES_SIDE_EFFECT_ZH}）`,
            ),
            edits: model.edit.set('iptables', true),
          },
        ],
      },
    ];
  },
);
