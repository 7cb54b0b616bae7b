// CT4009 daemon-insecure-registry: images pulled over plain HTTP or unverified TLS (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t } from '../../types';
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
    zh: {
      title: '某个镜像仓库未经 TLS 验证就被信任',
      explanation:
        'Docker 通过 HTTPS 与镜像仓库通信并检查其证书，以确保你拉取的镜像就是仓库中保存的那个。`insecure-registries` 中的一个条目会为一个镜像仓库（对于 CIDR 条目，则是整个地址范围）关闭这项检查：dockerd 会退回到明文 HTTP，或者接受任何证书。' +
        '这样一来，网络路径上的任何人（共享的 Wi-Fi、被攻破的路由器、DNS 欺骗）都可以塞给宿主机一个别的镜像，而用它创建的容器会拥有你赋予它的一切权限。推送镜像时，凭据也会以同样的方式泄露。' +
        '127.0.0.0/8 中的镜像仓库无论如何都会被 Docker 视为不安全；列出它们不会改变任何东西，只作为提示信息报告。',
      remediation:
        '给镜像仓库配一张证书，可以来自公共 CA，也可以来自你自己的 CA：对于私有 CA，请把它放到每台宿主机的 `/etc/docker/certs.d/<registry>:<port>/ca.crt` 中，而不是在这里列出该镜像仓库。然后删除这个条目。',
    },
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
          message: t(
            `${item.raw} is a loopback address, which Docker treats as insecure anyway; the entry can go.`,
            `${item.raw} 是回环地址，Docker 本来就把它视为不安全的；这个条目可以删除。`,
          ),
        });
        continue;
      }
      hits.push({
        range: item.range,
        message: name.includes('/')
          ? t(
              `Every registry in ${item.raw} is contacted without TLS verification: images and credentials can be swapped or read on the way.`,
              `访问 ${item.raw} 范围内的每个镜像仓库时都不做 TLS 验证：镜像和凭据在传输途中可能被调包或读取。`,
            )
          : t(
              `${item.raw} is contacted without TLS verification: images and credentials can be swapped or read on the way.`,
              `访问 ${item.raw} 时不做 TLS 验证：镜像和凭据在传输途中可能被调包或读取。`,
            ),
      });
    }
    return hits;
  },
);
