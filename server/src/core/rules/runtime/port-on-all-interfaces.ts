// CT2017 port-on-all-interfaces: a published port listens on every host address (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { at, describePort, isWildcardIp, normalizeHostIp, usesHostNetwork } from './util2';

export default runtimeRule(
  {
    id: 'CT2017',
    name: 'port-on-all-interfaces',
    title: 'A published port listens on all host interfaces',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'Publishing a port (`ports:` in Compose, `-p` on `docker run`) makes Docker forward traffic from the host to the container. Without a host address, `8080:80` means `0.0.0.0:8080:80` and `[::]:8080:80`: every interface of the host, including the ones facing the internet or the office network. ' +
      'Docker installs its own packet-filtering rules for published ports, and on many hosts they are evaluated before the host firewall: a `ufw deny 8080` or a firewalld zone does not stop the traffic. A database, admin panel or debug port that was meant for the machine itself ends up reachable by anyone who can reach the machine. ' +
      'A port given with only the container side (`- "5432"`, `-p 5432`) is published on a random host port, also on every interface, and is reported too. `-P` (`--publish-all`) publishes every port the image EXPOSEs that way; which ports those are is not visible from the command line, so it is reported as information. ' +
      'Ports of a service that uses the host network (`network_mode: host`) are not published at all and are not reported; ports whose address comes from a variable are not reported either. ' +
      'The daemon setting `"ip"` in daemon.json can change the default address; this rule cannot see it and assumes the default.',
    remediation:
      'Bind ports that only local clients or a reverse proxy on the same host need to the loopback address: `"127.0.0.1:8080:80"` (and `"[::1]:8080:80"` for IPv6), `-p 127.0.0.1:8080:80`. ' +
      'Better still, do not publish internal services at all: containers on the same Compose network reach each other by service name without `ports:`. ' +
      'For a port that must be public, bind it to the one external address and put TLS and authentication in front of it. The quick fix binds the port to 127.0.0.1.',
    references: [
      { title: 'Docker docs: port publishing and mapping', url: 'https://docs.docker.com/engine/network/port-publishing/' },
      {
        title: 'Docker docs: packet filtering and firewalls',
        url: 'https://docs.docker.com/engine/network/packet-filtering-firewalls/',
      },
      { title: 'Compose file reference: ports', url: 'https://docs.docker.com/reference/compose-file/services/#ports' },
      {
        title: 'CIS Docker Benchmark v1.6.0 5.14: Ensure that incoming container traffic is bound to a specific host interface',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Container Traffic Not Bound To Host Interface'],
      composeLint: ['CL-0005'],
      cis: ['5.14 (v1.6.0; 5.13 in v1.2.0)'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n',
        fixed: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: "8080"\n        host_ip: 0.0.0.0\n',
        fixed:
          'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: "8080"\n        host_ip: 127.0.0.1\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "[::]:8443:443"\n',
        fixed: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8443:443"\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d -p 8080:80 nginx:1.27\n',
        fixed: '#!/bin/sh\ndocker run -d -p 127.0.0.1:8080:80 nginx:1.27\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d --publish 0.0.0.0:6379:6379 redis:7.4\n',
        fixed: '#!/bin/sh\ndocker run -d --publish 127.0.0.1:6379:6379 redis:7.4\n',
      },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run -d -P nginx:1.27\n' },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n' },
      {
        kind: 'compose',
        text: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: "8080"\n        host_ip: 127.0.0.1\n',
      },
      {
        kind: 'compose',
        text: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "[::1]:8080:80"\n      - "192.168.1.10:443:443"\n',
      },
      // `expose` does not publish anything.
      { kind: 'compose', text: 'services:\n  api:\n    image: node:20-slim\n    expose:\n      - "3000"\n' },
      // With the host network there is nothing to publish (Docker ignores ports:).
      {
        kind: 'compose',
        text: 'services:\n  agent:\n    image: prom/node-exporter:v1.8.2\n    network_mode: host\n    ports:\n      - "9100:9100"\n',
      },
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "${BIND_ADDR}:8080:80"\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d -p 127.0.0.1:8080:80 nginx:1.27\n' },
    ],
  },
  (spec): Hit[] => {
    if (usesHostNetwork(spec)) return [];
    const hits: Hit[] = [];
    for (const p of spec.ports) {
      if (p.unknown || !isWildcardIp(p.hostIp)) continue;
      if (p.containerPort === '*') {
        // `-P`: every port the image EXPOSEs, each on a random host port. What is exposed is not
        // visible here, so this is information rather than a warning, and there is no edit to offer.
        hits.push({
          range: at(spec, p.origin),
          severity: 'info',
          message: `${spec.label} publishes every port its image EXPOSEs (-P) on random host ports on every host interface; publish the ports you need with -p 127.0.0.1:<host>:<container> instead.`,
        });
        continue;
      }
      const where = normalizeHostIp(p.hostIp) === '' ? 'every host interface' : `every host interface (${p.hostIp})`;
      const fix = spec.fixer?.bindPortToLocalhost?.(p);
      hits.push({
        range: at(spec, p.origin),
        message: `${spec.label} publishes ${describePort(p)} on ${where}, so anyone who can reach this machine can connect, even past a host firewall such as ufw; bind it to 127.0.0.1 unless it must be public.`,
        fixes: fix ? [fix] : [],
      });
    }
    return hits;
  },
);
