// CT2012 host-namespace: the container shares a namespace with the host (pid, network, ipc, uts,
// userns, cgroupns) or joins another container's (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t, type Localized, type Severity } from '../../types';
import type { NamespaceKind, RuntimeSpec } from '../../model/runtime';
import { hitAt, spelled } from './util1';
import { zh } from '../image/zh';

interface NamespaceRisk {
  /** The namespace's everyday name, in both languages. */
  name: Localized;
  compose: string;
  flag: string;
  host: Severity;
  /** What sharing the host's namespace exposes, completing "so the container …" (容器因此……). */
  withHost: Localized;
  /** What joining another container's namespace shares, completing "so the two …" (两者因此……). */
  joined: Localized;
}

const NAMESPACES: Record<NamespaceKind, NamespaceRisk> = {
  pid: {
    name: t('PID', 'PID'),
    compose: 'pid',
    flag: '--pid',
    host: 'error',
    withHost: t(
      'sees every host process, reads their command lines and, as the same user, their environment variables (/proc/<pid>/environ), and can signal them',
      '能看到宿主机的每个进程并读取它们的命令行，以同一用户身份还能读取它们的环境变量（/proc/<pid>/environ），并能向它们发送信号',
    ),
    joined: t(
      "see and signal each other's processes and read each other's /proc/<pid>/environ",
      '能看到对方的进程、向其发送信号，并读取对方的 /proc/<pid>/environ',
    ),
  },
  network: {
    name: t('network', '网络'),
    compose: 'network_mode',
    flag: '--network',
    host: 'error',
    withHost: t(
      "uses the host's interfaces, reaches every service that listens only on the host's 127.0.0.1, and opens its ports directly on the host (published ports are ignored)",
      '使用宿主机的网络接口，能访问宿主机上每个只监听 127.0.0.1 的服务，并直接在宿主机上打开端口（端口发布设置会被忽略）',
    ),
    joined: t(
      'share interfaces, IP addresses and localhost: a service one binds to 127.0.0.1 is open to the other',
      '共享网络接口、IP 地址和 localhost：一方绑定在 127.0.0.1 上的服务对另一方是开放的',
    ),
  },
  ipc: {
    name: t('IPC', 'IPC'),
    compose: 'ipc',
    flag: '--ipc',
    host: 'error',
    withHost: t(
      "can read and change the host's System V shared memory, semaphores and message queues and its /dev/shm",
      '能读取和修改宿主机的 System V 共享内存、信号量、消息队列以及它的 /dev/shm',
    ),
    joined: t(
      "share System V shared memory, semaphores, message queues and /dev/shm: each can read and change the other's",
      '共享 System V 共享内存、信号量、消息队列和 /dev/shm：双方都能读取和修改对方的这些资源',
    ),
  },
  uts: {
    name: t('UTS', 'UTS'),
    compose: 'uts',
    flag: '--uts',
    host: 'warning',
    withHost: t(
      "sees the host's real hostname and domain name, and could change them for the whole host if it gained SYS_ADMIN",
      '能看到宿主机真实的主机名和域名，一旦获得 SYS_ADMIN，还能为整个宿主机修改它们',
    ),
    joined: t('share a hostname and domain name', '共享同一个主机名和域名'),
  },
  userns: {
    name: t('user', 'user'),
    compose: 'userns_mode',
    flag: '--userns',
    host: 'error',
    withHost: t(
      "is left out of the daemon's user-namespace remapping (userns-remap) where it is enabled: root in the container is then root on the host",
      '被排除在守护进程的 user namespace 重映射（userns-remap，如果已启用）之外：容器里的 root 于是就是宿主机上的 root',
    ),
    joined: t('share user ID mappings', '共享用户 ID 映射'),
  },
  cgroupns: {
    name: t('cgroup', 'cgroup'),
    compose: 'cgroup',
    flag: '--cgroupns',
    host: 'warning',
    withHost: t(
      "sees the host's cgroup tree (in /proc/self/cgroup and a mounted /sys/fs/cgroup), which reveals the host's layout and helps cgroup-based escapes",
      '能看到宿主机的 cgroup 树（在 /proc/self/cgroup 和挂载的 /sys/fs/cgroup 中），这会暴露宿主机的布局，并为基于 cgroup 的逃逸提供帮助',
    ),
    joined: t('share a view of the cgroup tree', '共享同一份 cgroup 树视图'),
  },
};

function setting(spec: RuntimeSpec, kind: NamespaceKind, raw: string): Localized {
  const ns = NAMESPACES[kind];
  return t(
    spelled(spec, `${ns.compose}: ${raw}`, `${ns.flag}=${raw}`, `${ns.name.en} namespace mode ${raw}`),
    spelled(spec, `${ns.compose}: ${raw}`, `${ns.flag}=${raw}`, `${ns.name['zh-CN']} namespace 模式 ${raw}`),
  );
}

export default runtimeRule(
  {
    id: 'CT2012',
    name: 'host-namespace',
    title: 'The container shares a namespace with the host or another container',
    defaultSeverity: 'error',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'Namespaces are what make a container look like a machine of its own (namespaces(7)): the kernel gives it private copies of the process list (PID), the network stack (network), System V IPC and POSIX message queues (IPC), the hostname (UTS), user and group IDs (user) and the cgroup tree (cgroup). Each `host` setting gives one of them back to the host: ' +
      "`pid: host` shows every host process, with their command lines and, for processes of the same user such as root, the environment variables that often hold secrets; with `SYS_PTRACE` it can attach to them. `network_mode: host` puts the container on the host's interfaces: services that trust localhost (databases, admin ports, cloud metadata helpers) are reachable, and firewall rules for published ports do not apply. `ipc: host` shares shared memory with host programs. `userns_mode: host` opts out of userns-remap, the daemon setting that maps container root to an unprivileged host user (on a daemon without it the setting changes nothing yet, but it silently defeats the protection the day it is turned on). These four are errors. " +
      "`uts: host` only shares the hostname, which the container cannot change without `SYS_ADMIN`, and `cgroup: host` shows the host's cgroup paths (it is Docker's default on cgroup v1 hosts, private on cgroup v2): warnings. On SELinux hosts, `pid: host` and `ipc: host` also turn off SELinux separation for the container. " +
      "Joining another container or service's namespace (`network_mode: service:db`, `--pid=container:app`) is information: it is how sidecars work, but the two containers are no longer isolated from each other for that namespace, so the weaker one exposes the other.",
    remediation:
      'Remove the setting so the container gets its own namespace. Instead of host networking, publish the ports the service offers (bound to 127.0.0.1 when only the host needs them) and reach host services through `host.docker.internal` (`extra_hosts: ["host.docker.internal:host-gateway"]`). Monitoring agents that need host processes should get the narrowest view possible, read-only. Share a namespace with another container only with a sidecar you trust as much as the main container.',
    zh: {
      title: '容器与宿主机或另一个容器共享 namespace',
      explanation:
        'namespace 让容器看起来像一台独立的机器（namespaces(7)）：内核为它提供私有的进程列表（PID）、网络栈（network）、System V IPC 和 POSIX 消息队列（IPC）、主机名（UTS）、用户和组 ID（user）以及 cgroup 树（cgroup）。每个 `host` 设置都把其中一项交还给宿主机：' +
        '`pid: host` 会显示宿主机的每个进程及其命令行；对于同一用户（例如 root）的进程，还会显示常常带有机密的环境变量；有了 `SYS_PTRACE`，还能附加（attach）到这些进程上。`network_mode: host` 把容器放到宿主机的网络接口上：信任 localhost 的服务（数据库、管理端口、云元数据辅助程序）变得可以访问，针对发布端口的防火墙规则也不再适用。`ipc: host` 与宿主机上的程序共享共享内存。`userns_mode: host` 退出 userns-remap，即把容器的 root 映射为宿主机上无特权用户的守护进程设置（守护进程没有启用它时，这个设置暂时不起作用，但一旦启用，它会悄无声息地让这项保护失效）。这四项报告为错误。' +
        '`uts: host` 只共享主机名，而没有 `SYS_ADMIN` 的容器无法修改主机名；`cgroup: host` 会显示宿主机的 cgroup 路径（在 cgroup v1 宿主机上这是 Docker 的默认值，在 cgroup v2 上默认为 private）：这两项报告为警告。在 SELinux 宿主机上，`pid: host` 和 `ipc: host` 还会关闭容器的 SELinux 隔离。' +
        '加入另一个容器或服务的 namespace（`network_mode: service:db`、`--pid=container:app`）报告为信息：sidecar 就是这样工作的，但两个容器在这个 namespace 上不再相互隔离，较弱的一方会连带暴露另一方。',
      remediation:
        '删除这个设置，让容器拥有自己的 namespace。不要使用宿主机网络，而是发布服务提供的端口（只有宿主机需要访问时绑定到 127.0.0.1），并通过 `host.docker.internal`（`extra_hosts: ["host.docker.internal:host-gateway"]`）访问宿主机上的服务。需要查看宿主机进程的监控代理应只获得尽可能窄的只读视图。只与你像信任主容器一样信任的 sidecar 共享 namespace。',
    },
    references: [
      { title: 'namespaces(7)', url: 'https://man7.org/linux/man-pages/man7/namespaces.7.html' },
      { title: 'pid_namespaces(7)', url: 'https://man7.org/linux/man-pages/man7/pid_namespaces.7.html' },
      {
        title: 'docker run reference: --pid, --ipc, --uts, --network, --userns, --cgroupns',
        url: 'https://docs.docker.com/reference/cli/docker/container/run/',
      },
      { title: 'Isolate containers with a user namespace', url: 'https://docs.docker.com/engine/security/userns-remap/' },
      { title: 'CIS Docker Benchmark 5.9, 5.15, 5.16, 5.20, 5.30', url: 'https://www.cisecurity.org/benchmark/docker' },
    ],
    peers: {
      kics: ['Host Namespace is Shared', 'Shared Host IPC Namespace', 'Shared Host Network Namespace', 'Shared Host User Namespace'],
      composeLint: ['CL-0008', 'CL-0010'],
      cis: ['5.9', '5.15', '5.16', '5.20', '5.30'],
    },
    bad: [
      { kind: 'compose', bad: 'services:\n  monitor:\n    image: example/monitor:1.0\n    pid: host\n' },
      { kind: 'compose', bad: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: host\n' },
      { kind: 'compose', bad: 'services:\n  app:\n    image: example/app:1.0\n    ipc: "host"\n    userns_mode: host\n' },
      {
        kind: 'compose',
        bad: 'services:\n  db:\n    image: postgres:16\n  sidecar:\n    image: example/proxy:1.0\n    network_mode: service:db\n',
      },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run -d --net=host --pid=host example/agent:1.0\n' },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run --rm --uts=host --cgroupns=host alpine:3.20 hostname\n' },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n' },
      { kind: 'compose', text: 'services:\n  job:\n    image: example/job:1.0\n    network_mode: none\n' },
      // ipc: shareable only lets others join; private and shareable modes keep the host out.
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    ipc: shareable\n    cgroup: private\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --network mynet --pid=private example/app:1.0\n' },
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    network_mode: "${NETWORK_MODE:-bridge}"\n' },
    ],
  },
  (spec): Hit[] => {
    const hits: Hit[] = [];
    for (const kind of Object.keys(NAMESPACES) as NamespaceKind[]) {
      const v = spec.namespaces[kind];
      if (!v || v.unknown) continue;
      const ns = NAMESPACES[kind];
      const { mode, target, raw } = v.value;
      if (mode === 'host') {
        hits.push(
          hitAt(
            spec,
            v.origin,
            t(
              `${setting(spec, kind, raw).en} in ${spec.label} shares the host's ${ns.name.en} namespace, so the container ${ns.withHost.en}.`,
              zh`${spec.label} 中的 ${setting(spec, kind, raw)['zh-CN']} 共享了宿主机的${ns.name['zh-CN']} namespace，容器因此${ns.withHost['zh-CN']}。`,
            ),
            undefined,
            ns.host,
          ),
        );
      } else if ((mode === 'container' || mode === 'service') && target) {
        hits.push(
          hitAt(
            spec,
            v.origin,
            t(
              `${setting(spec, kind, raw).en} in ${spec.label} joins the ${ns.name.en} namespace of ${mode} ${target}, so the two ${ns.joined.en}.`,
              zh`${spec.label} 中的 ${setting(spec, kind, raw)['zh-CN']} 加入了${mode === 'container' ? '容器' : '服务'} ${target} 的${ns.name['zh-CN']} namespace，两者因此${ns.joined['zh-CN']}。`,
            ),
            undefined,
            'info',
          ),
        );
      }
    }
    return hits;
  },
);
