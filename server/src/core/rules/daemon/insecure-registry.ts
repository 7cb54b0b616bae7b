// CT4009 daemon-insecure-registry: images pulled over plain HTTP or unverified TLS (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { CIS_URL, DOCKER_BENCH, entry } from './daemonUtil';

/** Docker already treats registries in 127.0.0.0/8 as insecure, whatever the file says. */
function isLoopback(registry: string): boolean {
  return /^(127(\.\d{1,3}){3}(\/\d+)?|127\.0\.0\.0\/8)(:\d+)?$/.test(registry);
}

export default daemonRule(
  {
    id: 'CT4009',
    name: 'daemon-insecure-registry',
    title: 'A registry is trusted without TLS verification',
    defaultSeverity: 'warning',
    appliesTo: ['daemon'],
    explanation:
      'Docker talks to registries over HTTPS and checks their certificate, so that the image you pull is the one the registry holds. An entry in `insecure-registries` turns that off for one registry (or a whole address range, for a CIDR entry): dockerd falls back to plain HTTP or accepts any certificate. ' +
      'Anyone on the network path (a shared Wi-Fi, a compromised router, a DNS spoof) can then hand the host a different image, and the container built from it runs with whatever privileges you give it. Pushes leak credentials the same way. ' +
      'Registries in 127.0.0.0/8 are treated as insecure by Docker anyway; listing them changes nothing and is reported as information only.',
    remediation:
      'Give the registry a certificate, from a public CA or your own: for a private CA, put it in `/etc/docker/certs.d/<registry>:<port>/ca.crt` on each host instead of listing the registry here. Then remove the entry.',
    references: [
      { title: 'Test an insecure registry', url: 'https://distribution.github.io/distribution/about/insecure/' },
      { title: 'Verify repository client with certificates', url: 'https://docs.docker.com/engine/security/certificates/' },
      { title: 'CIS Docker Benchmark v1.6.0 2.5: Ensure insecure registries are not used', url: CIS_URL },
      DOCKER_BENCH,
    ],
    peers: { cis: ['2.5 (v1.6.0; 2.4 in v1.2.0)'] },
    bad: [
      { bad: '{\n  "insecure-registries": ["registry.internal:5000"]\n}\n' },
      { bad: '{\n  "insecure-registries": ["10.0.0.0/8"]\n}\n' },
    ],
    good: ['{\n  "insecure-registries": []\n}\n', '{\n  "registry-mirrors": ["https://mirror.example.com"]\n}\n'],
  },
  (model): Hit[] => {
    const e = entry(model, 'insecure-registries');
    if (e?.json.type !== 'array') return [];
    const hits: Hit[] = [];
    for (const item of e.json.items ?? []) {
      if (item.type !== 'string') continue;
      const name = String(item.value);
      if (isLoopback(name)) {
        hits.push({
          range: item.range,
          severity: 'info',
          message: `${item.raw} is a loopback address, which Docker treats as insecure anyway; the entry can go.`,
        });
        continue;
      }
      hits.push({
        range: item.range,
        message: name.includes('/')
          ? `Every registry in ${item.raw} is contacted without TLS verification: images and credentials can be swapped or read on the way.`
          : `${item.raw} is contacted without TLS verification: images and credentials can be swapped or read on the way.`,
      });
    }
    return hits;
  },
);
