// CT2018 privileged-host-port: a published host port is below 1024 (pure core layer). Only the
// host side counts: a container listening on port 80 inside its own network namespace is fine.

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { at, describePort, firstPort, usesHostNetwork } from './util2';

export default runtimeRule(
  {
    id: 'CT2018',
    name: 'privileged-host-port',
    title: 'A published host port is a privileged port (below 1024)',
    defaultSeverity: 'info',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'On Linux, ports below 1024 are privileged: only root, or a process with CAP_NET_BIND_SERVICE, may listen on them (the limit is the sysctl `net.ipv4.ip_unprivileged_port_start`, 1024 by default). ' +
      "Clients, firewall rules and colleagues treat them as the host's own system services: 22 is the host's SSH, 53 its DNS, 25 its mail, 80 and 443 its web server. " +
      'Publishing one of them on the host (`"80:8080"`, `-p 443:8443`) hands that well-known service address to a container: a compromised container then answers as the host\'s web or DNS server, and it can take the port before the host service it was meant for. ' +
      'Only the host side matters. The container side (`"8080:80"`) is inside the container\'s own network namespace, where Docker lowers `ip_unprivileged_port_start` to 0 since Docker 20.10, so any process there may bind it without extra privileges; KICS flags that side, this rule does not. ' +
      'A reverse proxy on 80/443 is a normal, deliberate case, which is why this rule is information only: it asks you to confirm the choice, not to change it.',
    remediation:
      'Publish on a high host port (`"8080:80"`) and let a reverse proxy or load balancer own 80/443, or confirm that this container is the intended owner of the port and silence the finding with an ignore comment stating why. ' +
      'With rootless Docker, binding these ports requires lowering `net.ipv4.ip_unprivileged_port_start` on the host for every user, a wider change than the container needs.',
    zh: {
      title: '发布的宿主机端口是特权端口（低于 1024）',
      explanation:
        '在 Linux 上，低于 1024 的端口是特权端口：只有 root 或拥有 CAP_NET_BIND_SERVICE 的进程才能监听它们（这个界限由 sysctl `net.ipv4.ip_unprivileged_port_start` 决定，默认为 1024）。' +
        '客户端、防火墙规则和同事都把它们当作宿主机自己的系统服务：22 是宿主机的 SSH，53 是它的 DNS，25 是它的邮件服务，80 和 443 是它的 Web 服务器。' +
        '在宿主机上发布其中一个端口（`"80:8080"`、`-p 443:8443`），就等于把这个众所周知的服务地址交给了一个容器：被攻破的容器会以宿主机 Web 或 DNS 服务器的身份应答，还可能抢在本应使用这个端口的宿主机服务之前占用它。' +
        '只有宿主机一侧才重要。容器一侧（`"8080:80"`）位于容器自己的网络 namespace 中，从 Docker 20.10 起，Docker 在那里把 `ip_unprivileged_port_start` 降为 0，所以其中任何进程无需额外特权就能绑定它；KICS 会标记这一侧，这条规则不会。' +
        '反向代理使用 80/443 是正常的、有意为之的情况，所以这条规则只报告为信息：它请你确认这个选择，而不是要求你改掉它。',
      remediation:
        '在一个高位的宿主机端口上发布（`"8080:80"`），让反向代理或负载均衡器占用 80/443；或者确认这个容器就是这个端口的预定使用者，再用一条写明原因的忽略注释消除这条报告。' +
        '使用 rootless Docker 时，绑定这些端口需要在宿主机上为所有用户降低 `net.ipv4.ip_unprivileged_port_start`，这个改动的范围比容器所需的更大。',
    },
    references: [
      { title: 'Docker docs: port publishing and mapping', url: 'https://docs.docker.com/engine/network/port-publishing/' },
      { title: 'capabilities(7): CAP_NET_BIND_SERVICE', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
      {
        title: 'Linux kernel docs: ip-sysctl, ip_unprivileged_port_start',
        url: 'https://docs.kernel.org/networking/ip-sysctl.html',
      },
      {
        title: 'moby/moby#41030: default sysctls to allow ping sockets and privileged ports with no capabilities',
        url: 'https://github.com/moby/moby/pull/41030',
      },
      {
        title: 'CIS Docker Benchmark v1.6.0 5.8: Ensure privileged ports are not mapped within containers',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Privileged Ports Mapped In Container'],
      cis: ['5.8 (v1.6.0; 5.7 in v1.2.0)'],
    },
    bad: [
      { kind: 'compose', bad: 'services:\n  proxy:\n    image: caddy:2.8\n    ports:\n      - "127.0.0.1:80:8080"\n' },
      { kind: 'compose', bad: 'services:\n  dns:\n    image: coredns/coredns:1.11.3\n    ports:\n      - "127.0.0.1:53:5353/udp"\n' },
      {
        kind: 'compose',
        bad: 'services:\n  proxy:\n    image: caddy:2.8\n    ports:\n      - target: 8443\n        published: "443"\n        host_ip: 127.0.0.1\n',
      },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run -d -p 127.0.0.1:443:8443 caddy:2.8\n' },
    ],
    good: [
      // The container side is below 1024, the host side is not (KICS reports this one).
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n' },
      // Only a container port: Docker picks a random high host port.
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80"\n' },
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:${HTTP_PORT}:80"\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d -p 127.0.0.1:8443:443 caddy:2.8\n' },
    ],
  },
  (spec): Hit[] => {
    if (usesHostNetwork(spec)) return [];
    const hits: Hit[] = [];
    for (const p of spec.ports) {
      if (p.unknown) continue;
      const n = firstPort(p.hostPort);
      if (n === undefined || n === 0 || n >= 1024) continue;
      const port = describePort(p);
      hits.push({
        range: at(spec, p.origin),
        message: t(
          `${spec.label} publishes ${port.en}, a privileged port below 1024 that clients expect to be the host's own service; use a high host port unless this container is meant to own it.`,
          `${spec.label} 发布了${port['zh-CN']}，这是低于 1024 的特权端口，客户端会以为它是宿主机自己的服务；除非这个容器本就应该占用它，否则请使用高位的宿主机端口。`,
        ),
      });
    }
    return hits;
  },
);
