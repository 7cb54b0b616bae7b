// CT4008 daemon-tcp-without-tls: the Engine API listens on TCP without requiring client
// certificates, so whoever reaches the port controls the host (pure core layer).

import { daemonRule, type Hit } from '../rule';
import type { Severity } from '../../types';
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
      let message: string;
      let severity: Severity = local ? 'warning' : 'error';
      const who = local ? 'any local process (containers on the host network included)' : 'anyone who can reach the port';
      if (verify && certs.length === 0) continue;
      if (verify) {
        message = `dockerd listens on ${item.raw} with tlsverify but ${certs.map((c) => `"${c}"`).join(', ')} ${certs.length === 1 ? 'is' : 'are'} not set here: it falls back to ~/.docker/*.pem of the user it runs as. State the certificate paths.`;
        severity = 'warning';
      } else if (verifyOff) {
        message = `dockerd listens on ${item.raw} with "tlsverify": false: the traffic is encrypted but clients are not checked, so ${who} controls the daemon, and with it the host.`;
      } else if (tls) {
        message = `dockerd listens on ${item.raw} with "tls" but without "tlsverify": true: TLS alone does not make every Engine release require client certificates. Set "tlsverify": true.`;
        severity = 'warning';
      } else {
        message = `dockerd listens on ${item.raw} without TLS: ${who} controls the daemon without a password, and with it the host (root).`;
      }
      const canVerify = !verify && certs.length === 0;
      hits.push({
        range: item.range,
        message,
        severity,
        fixes: canVerify
          ? [
              {
                title: `Set "tlsverify": true to require client certificates (side effect: ${TLSVERIFY_SIDE_EFFECT})`,
                edits: model.edit.set('tlsverify', true),
              },
            ]
          : [],
      });
    }
    return hits;
  },
);
