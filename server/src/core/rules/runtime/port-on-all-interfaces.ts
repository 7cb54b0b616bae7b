// CT2017 port-on-all-interfaces: a published port listens on every host address (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
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
    zh: {
      title: '发布的端口监听在宿主机的所有网络接口上',
      explanation:
        '发布端口（Compose 中的 `ports:`，`docker run` 的 `-p`）会让 Docker 把流量从宿主机转发到容器。不写宿主机地址时，`8080:80` 就是 `0.0.0.0:8080:80` 和 `[::]:8080:80`：宿主机的每个网络接口，包括面向互联网或办公网络的接口。' +
        'Docker 会为发布的端口安装自己的包过滤规则，在很多宿主机上，这些规则先于宿主机防火墙生效：`ufw deny 8080` 或 firewalld 的 zone 都挡不住这些流量。原本只打算给本机使用的数据库、管理面板或调试端口，最终对任何能访问这台机器的人都敞开了。' +
        '只写了容器一侧的端口（`- "5432"`、`-p 5432`）会被发布到一个随机的宿主机端口上，同样在所有网络接口上，也会被报告。`-P`（`--publish-all`）以这种方式发布镜像 EXPOSE 的每个端口；具体是哪些端口从命令行上看不出来，所以报告为信息。' +
        '使用宿主机网络（`network_mode: host`）的服务，其端口根本不会被发布，也不会被报告；地址来自变量的端口同样不会被报告。' +
        'daemon.json 中的守护进程设置 `"ip"` 可以改变默认地址；这条规则看不到它，按默认值处理。',
      remediation:
        '只有本机客户端或同一宿主机上的反向代理需要访问的端口，应绑定到回环地址：`"127.0.0.1:8080:80"`（IPv6 用 `"[::1]:8080:80"`），`-p 127.0.0.1:8080:80`。' +
        '更好的做法是根本不发布内部服务：同一个 Compose 网络上的容器无需 `ports:` 就能通过服务名互相访问。' +
        '对于必须公开的端口，把它绑定到那一个对外地址上，并在前面加上 TLS 和身份验证。快速修复会把端口绑定到 127.0.0.1。',
    },
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
          message: t(
            `${spec.label} publishes every port its image EXPOSEs (-P) on random host ports on every host interface; publish the ports you need with -p 127.0.0.1:<host>:<container> instead.`,
            `${spec.label} 把镜像 EXPOSE 的每个端口（-P）发布到宿主机所有网络接口的随机端口上；请改用 -p 127.0.0.1:<host>:<container> 只发布你需要的端口。`,
          ),
        });
        continue;
      }
      const bare = normalizeHostIp(p.hostIp) === '';
      const where = bare ? 'every host interface' : `every host interface (${p.hostIp})`;
      const whereZh = bare ? '宿主机的所有网络接口' : `宿主机的所有网络接口（${p.hostIp}）`;
      const port = describePort(p);
      const fix = spec.fixer?.bindPortToLocalhost?.(p);
      hits.push({
        range: at(spec, p.origin),
        message: t(
          `${spec.label} publishes ${port.en} on ${where}, so anyone who can reach this machine can connect, even past a host firewall such as ufw; bind it to 127.0.0.1 unless it must be public.`,
          `${spec.label} 在${whereZh}上发布了${port['zh-CN']}，任何能访问这台机器的人都能连接，甚至能绕过 ufw 之类的宿主机防火墙；除非必须公开，否则请把它绑定到 127.0.0.1。`,
        ),
        fixes: fix ? [fix] : [],
      });
    }
    return hits;
  },
);
