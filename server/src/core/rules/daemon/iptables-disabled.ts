// CT4016 daemon-iptables-disabled: dockerd does not manage the firewall for containers (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { CIS_URL, DOCKER_BENCH, entry, isBool } from './daemonUtil';

export const IPTABLES_SIDE_EFFECT = 'dockerd adds its own NAT and filter rules; review firewall rules you wrote by hand for containers';

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
        message:
          '"iptables" is false: dockerd writes no isolation rules, so networks are not isolated and "icc" has no effect unless you keep equivalent rules by hand.',
        fixes: [{ title: `Set "iptables": true (side effect: ${IPTABLES_SIDE_EFFECT})`, edits: model.edit.set('iptables', true) }],
      },
    ];
  },
);
