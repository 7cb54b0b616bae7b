// CT2018 privileged-host-port: a published host port is below 1024 (pure core layer). Only the
// host side counts: a container listening on port 80 inside its own network namespace is fine.

import { runtimeRule, type Hit } from '../rule';
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
      hits.push({
        range: at(spec, p.origin),
        message: `${spec.label} publishes ${describePort(p)}, a privileged port below 1024 that clients expect to be the host's own service; use a high host port unless this container is meant to own it.`,
      });
    }
    return hits;
  },
);
