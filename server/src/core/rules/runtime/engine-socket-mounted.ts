// CT2008 engine-socket-mounted: the Docker (or Podman, containerd, CRI-O) API socket, or a folder
// holding it, is mounted into the container (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import type { Mount } from '../../model/runtime';
import { t, type Localized } from '../../types';
import { hitAt, hostPath, mountOrigin } from './util1';
import { zh } from '../image/zh';

/** Socket file names and the API each one serves. */
const SOCKETS: Record<string, Localized> = {
  'docker.sock': t('the Docker Engine API', 'Docker Engine API'),
  'podman.sock': t('the Podman API', 'Podman API'),
  'containerd.sock': t("containerd's API", 'containerd 的 API'),
  'crio.sock': t("CRI-O's API", 'CRI-O 的 API'),
  'cri-dockerd.sock': t("cri-dockerd's API", 'cri-dockerd 的 API'),
};

/** Folders that hold an engine socket on common hosts (`/var/run` is a link to `/run`). */
const SOCKET_DIRS: { re: RegExp; holds: Localized }[] = [
  {
    re: /^\/(var\/)?run$/,
    holds: t('the Docker socket and every other runtime socket of the host', '宿主机的 Docker 套接字和其他所有运行时套接字'),
  },
  { re: /^\/(var\/)?run\/(podman|containerd|crio|docker)$/, holds: t('a container runtime socket', '容器运行时套接字') },
  {
    re: /^\/(var\/)?run\/user(\/\d+)?$/,
    holds: t('the rootless Docker and Podman sockets of host users', '宿主机用户的 rootless Docker 和 Podman 套接字'),
  },
  { re: /^\/(var\/)?run\/user\/\d+\/(podman|docker)$/, holds: t("a user's rootless engine socket", '某个用户的 rootless 引擎套接字') },
];

/** What an engine socket mount exposes, or undefined when the mount is something else. */
export function engineSocket(m: Mount): { source: string; exposes: Localized } | undefined {
  if (m.unknown || !m.source) return undefined;
  if (m.type === 'npipe') {
    return /docker_engine/i.test(m.source)
      ? { source: m.source, exposes: t('the Docker Engine API (Windows named pipe)', 'Docker Engine API（Windows 命名管道）') }
      : undefined;
  }
  if (m.type !== 'bind') return undefined;
  const base = m.source.replace(/\/+$/, '').split('/').pop() ?? '';
  const api = SOCKETS[base];
  if (api) return { source: m.source, exposes: api };
  const path = hostPath(m.source);
  if (!path) return undefined;
  const dir = SOCKET_DIRS.find((d) => d.re.test(path));
  return dir ? { source: m.source, exposes: t(`the folder that holds ${dir.holds.en}`, `存放${dir.holds['zh-CN']}的目录`) } : undefined;
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
    zh: {
      title: '容器引擎的 API 套接字被挂载进容器',
      explanation:
        'Docker 守护进程（以及 Podman、containerd 和 CRI-O）通过 `/var/run/docker.sock` 这样的 Unix 套接字接收指令。谁能连上它，谁就能做守护进程能做的任何事，而守护进程以 root 身份运行：用 `--privileged`、`--pid=host` 启动一个挂载了宿主机 `/` 的新容器，就成了宿主机上的 root。这不需要任何漏洞利用，API 本来就是这样设计的。' +
        '因此，把套接字挂载进容器，就等于把宿主机的 root 权限交给容器里的每个进程，也交给任何攻破了应用或其某个依赖的人。' +
        '只读（`:ro`）也无济于事：只读标志阻止的是对套接字文件本身的修改，而使用 API 并不修改这个文件：容器连接到套接字，再通过这个连接发送请求，只读挂载仍然允许这样做。' +
        '包含套接字的目录（`/run`、`/var/run`，rootless 引擎的 `/run/user/<uid>`）同样如此，也会被报告；位于任意路径的套接字也一样，例如家目录下 Docker Desktop 或 rootless 引擎的 `docker.sock`。挂载整个宿主机 `/` 同样包含它，这种情况由 CT2009 报告。',
      remediation:
        '删除这个挂载。只需读取容器状态的工具（仪表盘、日志转发程序、Traefik）可以经过一个过滤型套接字代理，只放行它们用到的只读端点。构建镜像的 CI 任务可以使用 rootless BuildKit 或远程构建器；使用自己守护进程的 Docker-in-Docker（尽可能 rootless）能让宿主机引擎保持在触及范围之外。如果必须共享套接字，就把这个容器当作宿主机的一部分来对待：使用最小化的可信镜像，不做任何其他暴露。',
    },
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
      const roZh = m.readOnly ? '（只读，但这挡不住通过套接字发出的 API 调用）' : '';
      hits.push(
        hitAt(
          spec,
          mountOrigin(m),
          t(
            `${sock.source} is mounted into ${spec.label}${ro}, giving it ${sock.exposes.en}: anything in the container can start a privileged container with the host's / mounted, which is root on the host.`,
            zh`${sock.source} 被挂载进 ${spec.label}${roZh}，使它能访问${sock.exposes['zh-CN']}：容器里的任何程序都能启动一个挂载了宿主机 / 的特权容器，也就等于成了宿主机上的 root。`,
          ),
        ),
      );
    }
    return hits;
  },
);
