// CT4007 daemon-userland-proxy-enabled: a docker-proxy process per published port (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { absent, CIS_URL, DOCKER_BENCH, entry, isBool } from './daemonUtil';

export const USERLAND_PROXY_SIDE_EFFECT =
  'published ports are then served by NAT rules alone; reaching them through localhost relies on hairpin NAT, which some old kernels and network setups do not support';

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
          ? '"userland-proxy" is true: a docker-proxy process relays every published port.'
          : '"userland-proxy" is not set, so it defaults to true: a docker-proxy process relays every published port.',
        fixes: [
          {
            title: `Set "userland-proxy": false (side effect: ${USERLAND_PROXY_SIDE_EFFECT})`,
            edits: model.edit.set('userland-proxy', false),
          },
        ],
      },
    ];
  },
);
