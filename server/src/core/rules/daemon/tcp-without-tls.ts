// CT4008 daemon-tcp-without-tls: the Engine API listens on TCP without requiring client
// certificates, so whoever reaches the port controls the host (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t, type Localized, type Severity } from '../../types';
import { joinZh, zh } from '../image/zh';
import { CIS_URL, DOCKER_BENCH, entry, isBool, stringValue } from './daemonUtil';

/** A hosts entry that listens on TCP: tcp://… or a bare host:port (dockerd's default scheme). */
export function tcpAddress(host: string): string | undefined {
  const h = host.trim();
  if (h.startsWith('tcp://')) return h.slice(6);
  if (h === '' || h.includes('://')) return undefined;
  return h;
}

/** Loopback only: tcp://127.0.0.1:2375, tcp://localhost:2375, tcp://[::1]:2375. */
function isLoopback(address: string): boolean {
  const host = address.replace(/\/.*$/, '').replace(/:\d*$/, '');
  return /^(127(\.\d{1,3}){3}|localhost|\[::1\])$/i.test(host);
}

export const TLSVERIFY_SIDE_EFFECT = 'clients without a certificate signed by tlscacert lose access';
export const TLSVERIFY_SIDE_EFFECT_ZH = '没有由 tlscacert 签发的证书的客户端将无法再访问';

export default daemonRule(
  {
    id: 'CT4008',
    name: 'daemon-tcp-without-tls',
    title: 'The Docker API listens on TCP without client certificate verification',
    defaultSeverity: 'error',
    appliesTo: ['daemon'],
    explanation:
      "The Engine API is root on the host: anyone who can call it can start a privileged container with the host's root filesystem mounted. On the Unix socket, file permissions decide who may call it. A `tcp://` entry in `hosts` (or a bare `host:port`, which means TCP) opens the same API to the network, and without TLS anybody who reaches the port is in: scanners find exposed port 2375 within hours. " +
      'TLS alone (`"tls": true`) encrypts the traffic but does not check who the client is, and `"tlsverify": false` explicitly turns the check off. Only `"tlsverify": true` with `tlscacert`, `tlscert` and `tlskey` makes dockerd require a client certificate signed by your CA. ' +
      'Binding to 127.0.0.1 narrows the audience to local processes, including containers on the host network, which is still everyone who can run a process on the machine.',
    remediation:
      'Prefer the Unix socket, or SSH (`DOCKER_HOST=ssh://user@host`), which needs no TCP port at all. If TCP is required, create a CA, server and client certificates, and set `"tlsverify": true`, `"tlscacert"`, `"tlscert"` and `"tlskey"`; listen on port 2376 by convention.',
    zh: {
      title: 'Docker API 在 TCP 上监听，却不验证客户端证书',
      explanation:
        'Engine API 就相当于宿主机上的 root：任何能调用它的人都可以启动一个挂载了宿主机根文件系统的特权容器。在 Unix 套接字上，由文件权限决定谁可以调用它。`hosts` 中的 `tcp://` 条目（或者裸写的 `host:port`，它表示 TCP）把同一个 API 开放到网络上，没有 TLS 时，任何能访问该端口的人都可以直接进来：扫描器会在几小时之内找到暴露的 2375 端口。' +
        '单独的 TLS（`"tls": true`）只加密流量，并不检查客户端是谁，而 `"tlsverify": false` 明确关闭了这项检查。只有 `"tlsverify": true` 加上 `tlscacert`、`tlscert` 和 `tlskey`，才能让 dockerd 要求客户端出示由你的 CA 签发的证书。' +
        '绑定到 127.0.0.1 会把能访问的范围缩小到本地进程，其中包括使用宿主机网络的容器，也就是说仍然包括所有能在这台机器上运行进程的人。',
      remediation:
        '优先使用 Unix 套接字或 SSH（`DOCKER_HOST=ssh://user@host`），它们完全不需要 TCP 端口。如果必须使用 TCP，请创建 CA、服务器证书和客户端证书，并设置 `"tlsverify": true`、`"tlscacert"`、`"tlscert"` 和 `"tlskey"`；按照惯例监听 2376 端口。',
    },
    references: [
      { title: 'Protect the Docker daemon socket', url: 'https://docs.docker.com/engine/security/protect-access/' },
      { title: 'dockerd reference: daemon socket option', url: 'https://docs.docker.com/reference/cli/dockerd/#daemon-socket-option' },
      { title: 'CIS Docker Benchmark v1.6.0 2.7: Ensure TLS authentication for Docker daemon is configured', url: CIS_URL },
      DOCKER_BENCH,
    ],
    peers: { cis: ['2.7 (v1.6.0; 2.6 in v1.2.0)'] },
    bad: [
      { bad: '{\n  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"]\n}\n' },
      {
        bad: '{\n  "hosts": ["tcp://0.0.0.0:2376"],\n  "tls": true,\n  "tlscacert": "/etc/docker/ca.pem",\n  "tlscert": "/etc/docker/server.pem",\n  "tlskey": "/etc/docker/server-key.pem"\n}\n',
        fixed:
          '{\n  "hosts": ["tcp://0.0.0.0:2376"],\n  "tls": true,\n  "tlscacert": "/etc/docker/ca.pem",\n  "tlscert": "/etc/docker/server.pem",\n  "tlskey": "/etc/docker/server-key.pem",\n  "tlsverify": true\n}\n',
      },
      { bad: '{\n  "hosts": ["tcp://127.0.0.1:2375"],\n  "tlsverify": false\n}\n' },
      { bad: '{\n  "hosts": [":2375"],\n  "tlsverify": true\n}\n' },
    ],
    good: [
      '{\n  "hosts": ["unix:///var/run/docker.sock", "fd://"]\n}\n',
      '{\n  "hosts": ["tcp://0.0.0.0:2376"],\n  "tlsverify": true,\n  "tlscacert": "/etc/docker/ca.pem",\n  "tlscert": "/etc/docker/server.pem",\n  "tlskey": "/etc/docker/server-key.pem"\n}\n',
      '{\n  "icc": false\n}\n',
    ],
  },
  (model): Hit[] => {
    const hosts = entry(model, 'hosts');
    if (hosts?.json.type !== 'array') return [];
    const certs = ['tlscacert', 'tlscert', 'tlskey'].filter((k) => !stringValue(model, k));
    const verify = isBool(model, 'tlsverify', true);
    const verifyOff = isBool(model, 'tlsverify', false);
    const tls = isBool(model, 'tls', true) || entry(model, 'tlsverify') !== undefined;
    const hits: Hit[] = [];
    for (const item of hosts.json.items ?? []) {
      if (item.type !== 'string') continue;
      const address = tcpAddress(String(item.value));
      if (address === undefined) continue;
      const local = isLoopback(address);
      let message: Localized;
      let severity: Severity = local ? 'warning' : 'error';
      const who = local ? 'any local process (containers on the host network included)' : 'anyone who can reach the port';
      const whoZh = local ? '任何本地进程（包括使用宿主机网络的容器）' : '任何能访问该端口的人';
      if (verify && certs.length === 0) continue;
      if (verify) {
        const quoted = certs.map((c) => `"${c}"`);
        message = t(
          `dockerd listens on ${item.raw} with tlsverify but ${quoted.join(', ')} ${certs.length === 1 ? 'is' : 'are'} not set here: it falls back to ~/.docker/*.pem of the user it runs as. State the certificate paths.`,
          zh`dockerd 在 ${item.raw} 上监听并启用了 tlsverify，但这里没有设置${joinZh(quoted)}：它会退而使用运行它的那个用户的 ~/.docker/*.pem。请写明证书的路径。`,
        );
        severity = 'warning';
      } else if (verifyOff) {
        message = t(
          `dockerd listens on ${item.raw} with "tlsverify": false: the traffic is encrypted but clients are not checked, so ${who} controls the daemon, and with it the host.`,
          `dockerd 在 ${item.raw} 上监听，且 "tlsverify" 为 false：流量虽然加密，但不检查客户端，因此${whoZh}都能控制守护进程，进而控制宿主机。`,
        );
      } else if (tls) {
        message = t(
          `dockerd listens on ${item.raw} with "tls" but without "tlsverify": true: TLS alone does not make every Engine release require client certificates. Set "tlsverify": true.`,
          `dockerd 在 ${item.raw} 上监听，启用了 "tls" 却没有设置 "tlsverify": true：单靠 TLS 并不能让每个 Engine 版本都要求客户端证书。请设置 "tlsverify": true。`,
        );
        severity = 'warning';
      } else {
        message = t(
          `dockerd listens on ${item.raw} without TLS: ${who} controls the daemon without a password, and with it the host (root).`,
          `dockerd 在 ${item.raw} 上监听且没有 TLS：${whoZh}无需任何密码就能控制守护进程，进而以 root 身份控制宿主机。`,
        );
      }
      const canVerify = !verify && certs.length === 0;
      hits.push({
        range: item.range,
        message,
        severity,
        fixes: canVerify
          ? [
              {
                title: t(
                  `Set "tlsverify": true to require client certificates (side effect: ${TLSVERIFY_SIDE_EFFECT})`,
                  `设置 "tlsverify": true，要求客户端出示证书（副作用：${TLSVERIFY_SIDE_EFFECT_ZH}）`,
                ),
                edits: model.edit.set('tlsverify', true),
              },
            ]
          : [],
      });
    }
    return hits;
  },
);
