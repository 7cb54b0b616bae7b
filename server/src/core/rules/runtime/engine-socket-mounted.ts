// CT2008 engine-socket-mounted: the Docker (or Podman, containerd, CRI-O) API socket, or a folder
// holding it, is mounted into the container (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import type { Mount } from '../../model/runtime';
import { hitAt, hostPath, mountOrigin } from './util1';

/** Socket file names and the API each one serves. */
const SOCKETS: Record<string, string> = {
  'docker.sock': 'the Docker Engine API',
  'podman.sock': 'the Podman API',
  'containerd.sock': "containerd's API",
  'crio.sock': "CRI-O's API",
  'cri-dockerd.sock': "cri-dockerd's API",
};

/** Folders that hold an engine socket on common hosts (`/var/run` is a link to `/run`). */
const SOCKET_DIRS: { re: RegExp; holds: string }[] = [
  { re: /^\/(var\/)?run$/, holds: 'the Docker socket and every other runtime socket of the host' },
  { re: /^\/(var\/)?run\/(podman|containerd|crio|docker)$/, holds: 'a container runtime socket' },
  { re: /^\/(var\/)?run\/user(\/\d+)?$/, holds: 'the rootless Docker and Podman sockets of host users' },
  { re: /^\/(var\/)?run\/user\/\d+\/(podman|docker)$/, holds: "a user's rootless engine socket" },
];

/** What an engine socket mount exposes, or undefined when the mount is something else. */
export function engineSocket(m: Mount): { source: string; exposes: string } | undefined {
  if (m.unknown || !m.source) return undefined;
  if (m.type === 'npipe') {
    return /docker_engine/i.test(m.source) ? { source: m.source, exposes: 'the Docker Engine API (Windows named pipe)' } : undefined;
  }
  if (m.type !== 'bind') return undefined;
  const base = m.source.replace(/\/+$/, '').split('/').pop() ?? '';
  const api = SOCKETS[base];
  if (api) return { source: m.source, exposes: api };
  const path = hostPath(m.source);
  if (!path) return undefined;
  const dir = SOCKET_DIRS.find((d) => d.re.test(path));
  return dir ? { source: m.source, exposes: `the folder that holds ${dir.holds}` } : undefined;
}

export default runtimeRule(
  {
    id: 'CT2008',
    name: 'engine-socket-mounted',
    title: "The container engine's API socket is mounted into the container",
    defaultSeverity: 'error',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      "The Docker daemon (and Podman, containerd and CRI-O) takes orders through a Unix socket such as `/var/run/docker.sock`. Whoever can connect to it can do anything the daemon can, and the daemon runs as root: start a new container with `--privileged`, `--pid=host` and the host's `/` mounted, and they are root on the host. No exploit is needed; this is the API working as designed. " +
      'Mounting the socket into a container therefore hands host root to every process in it, and to anyone who compromises the app or a dependency. ' +
      'Read-only (`:ro`) does not help: the read-only flag stops changes to the socket file, but using the API is not a change to the file: the container connects to the socket and sends requests over that connection, which a read-only mount still allows. ' +
      'The same holds for the folders that contain the socket (`/run`, `/var/run`, `/run/user/<uid>` for rootless engines), which are reported too, and for the socket at any path, such as a Docker Desktop or rootless `docker.sock` under a home folder. A mount of the whole host `/` also contains it; that is reported by CT2009.',
    remediation:
      'Remove the mount. Tools that only need to read container state (dashboards, log shippers, Traefik) can go through a filtering socket proxy that allows only the read-only endpoints they use. CI jobs that build images can use rootless BuildKit or a remote builder; Docker-in-Docker with its own daemon (rootless where possible) keeps the host engine out of reach. If the socket must be shared, treat the container as part of the host: minimal, trusted image, no other exposure.',
    references: [
      {
        title: 'Docker Engine security: Docker daemon attack surface',
        url: 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface',
      },
      { title: 'Protect the Docker daemon socket', url: 'https://docs.docker.com/engine/security/protect-access/' },
      { title: 'unix(7): pathname sockets', url: 'https://man7.org/linux/man-pages/man7/unix.7.html' },
      {
        title: 'CIS Docker Benchmark 5.31: Ensure that the Docker socket is not mounted inside any containers',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Docker Socket Mounted In Container'],
      composeLint: ['CL-0001'],
      cis: ['5.31'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  agent:\n    image: example/agent:1.0\n    volumes:\n      - type: bind\n        source: /run/podman/podman.sock\n        target: /var/run/docker.sock\n',
      },
      { kind: 'compose', bad: 'services:\n  watcher:\n    image: example/watcher:1.0\n    volumes:\n      - /var/run:/host/run\n' },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run -d -v /var/run/docker.sock:/var/run/docker.sock portainer/portainer-ce:2.21.0\n' },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run --rm --mount type=bind,source=/run/containerd/containerd.sock,target=/run/containerd/containerd.sock,readonly example/ctr:1.0\n',
      },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./site:/usr/share/nginx/html:ro\n' },
      // A socket the app itself creates in a volume shared with a sidecar is not an engine socket.
      {
        kind: 'compose',
        text: 'services:\n  app:\n    image: example/app:1.0\n    volumes:\n      - sockets:/run/app\nvolumes:\n  sockets: {}\n',
      },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -v /srv/app/run:/run/app example/app:1.0\n' },
      // Another program's socket folder under /run is not an engine socket.
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    volumes:\n      - /run/mysqld:/run/mysqld\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --tmpfs /run example/app:1.0\n' },
    ],
  },
  (spec): Hit[] => {
    const hits: Hit[] = [];
    for (const m of spec.mounts) {
      const sock = engineSocket(m);
      if (!sock) continue;
      const ro = m.readOnly ? ' (read-only, which does not stop API calls over the socket)' : '';
      hits.push(
        hitAt(
          spec,
          mountOrigin(m),
          `${sock.source} is mounted into ${spec.label}${ro}, giving it ${sock.exposes}: anything in the container can start a privileged container with the host's / mounted, which is root on the host.`,
        ),
      );
    }
    return hits;
  },
);
