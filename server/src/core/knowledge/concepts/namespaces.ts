// The eight Linux namespaces: what each isolates, what sharing it with the host means, the Compose
// key and `docker run` flag, and how to see it (pure core layer, data only). Written by us from
// namespaces(7) and the per-type man pages, and Docker's run reference.

import { DOCS, MAN, t } from './text';
import type { Concept, Text } from './types';

interface NsEntry {
  type: 'pid' | 'net' | 'mnt' | 'uts' | 'ipc' | 'user' | 'cgroup' | 'time';
  /** The man page: pid_namespaces, network_namespaces, … */
  man: string;
  /** `docker inspect` field under HostConfig, when Docker has a setting, and what its values mean. */
  inspect?: { field: string; values: Text };
  compose: string[];
  flags: string[];
  aliases: string[];
  related: string[];
  title: Text;
  summary: Text;
  what: Text;
  effect: Text;
  default: Text;
  why: Text;
  todo: Text;
  /** Extra commands or notes before the common ones. */
  see?: Text;
}

const NS: NsEntry[] = [
  {
    type: 'pid',
    man: 'pid_namespaces',
    inspect: {
      field: 'PidMode',
      values: t(
        'empty means its own namespace; `host` or `container:<id>` means a shared one',
        '为空表示独立的 namespace；`host` 或 `container:<id>` 表示共享的',
      ),
    },
    compose: ['pid'],
    flags: ['--pid'],
    aliases: ['pid namespace', 'pidns', 'pid-ns', 'CLONE_NEWPID'],
    related: ['cap-kill', 'cap-sys-ptrace', 'namespaces'],
    title: t('PID namespace: which processes a container can see', 'PID namespace：容器能看到哪些进程'),
    summary: t(
      'Gives a container its own process ID numbering, so it sees and signals only its own processes.',
      '为容器提供独立的进程 ID 编号，使它只能看到和发信号给自己的进程。',
    ),
    what: t(
      'A PID namespace is a separate tree of process IDs. The first process in it is PID 1 (the container’s init); processes outside it do not appear in its `/proc` and cannot be addressed by PID.',
      'PID namespace 是一棵独立的进程 ID 树。其中的第一个进程是 PID 1（容器的 init）；namespace 之外的进程不会出现在它的 `/proc` 中，也无法通过 PID 访问。',
    ),
    effect: t(
      'It isolates which processes can be listed, signalled (`kill`) and traced (`ptrace`). When PID 1 of the namespace exits, the kernel kills every other process in it, and `reboot(2)` inside ends the namespace instead of rebooting the host.',
      '它隔离了哪些进程可以被列出、发信号（`kill`）和跟踪（`ptrace`）。namespace 的 PID 1 退出时，内核会杀死其中所有其他进程；在其中调用 `reboot(2)` 只会结束这个 namespace，而不会重启宿主机。',
    ),
    default: t(
      'Every container gets its own PID namespace. `pid: host` (`--pid host`) shares the host’s; `pid: "container:<name>"` (`--pid container:<name>`) or `pid: "service:<name>"` joins another container’s.',
      '每个容器都有自己的 PID namespace。`pid: host`（`--pid host`）共享宿主机的；`pid: "container:<name>"`（`--pid container:<name>`）或 `pid: "service:<name>"` 加入另一个容器的。',
    ),
    why: t(
      'Sharing the host’s PID namespace lets the container list every host process and read their command lines (often with passwords), and, with the default CAP_KILL as root, signal them: it can stop the engine or any service. With CAP_SYS_PTRACE it can inject code into host processes, a known escape.',
      '共享宿主机的 PID namespace 后，容器可以列出宿主机的所有进程并读取它们的命令行（常常带着密码）；以 root 身份加上默认的 CAP_KILL，还能给它们发信号，停止容器引擎或任何服务。再有 CAP_SYS_PTRACE 就能向宿主机进程注入代码，这是已知的逃逸方式。',
    ),
    todo: t(
      'Keep the default private namespace. Monitoring agents that need host processes belong on the host or in a dedicated, trusted agent container; to debug one container, join its namespace (`--pid container:<name>`) rather than the host’s.',
      '保持默认的私有 namespace。需要查看宿主机进程的监控代理应运行在宿主机上或专门的可信代理容器中；调试某个容器时，加入它的 namespace（`--pid container:<name>`）而不是宿主机的。',
    ),
    see: t(
      'Inside a container with its own PID namespace, `ps` shows only the container’s processes and PID 1 is its entrypoint:\n\n$ docker exec <container> ps -e',
      '在拥有独立 PID namespace 的容器中，`ps` 只显示容器的进程，PID 1 是它的入口程序：\n\n$ docker exec <container> ps -e',
    ),
  },
  {
    type: 'net',
    man: 'network_namespaces',
    inspect: {
      field: 'NetworkMode',
      values: t(
        "`bridge`, `default`, `none` or a network's name means its own namespace (`none`: loopback only); `host` or `container:<id>` means a shared one",
        '`bridge`、`default`、`none` 或网络名称表示独立的 namespace（`none` 只有回环接口）；`host` 或 `container:<id>` 表示共享的',
      ),
    },
    compose: ['network_mode'],
    flags: ['--network', '--net'],
    aliases: ['network namespace', 'net namespace', 'netns', 'net-ns', 'CLONE_NEWNET', 'host network'],
    related: ['cap-net-admin', 'cap-net-raw', 'namespaces'],
    title: t('Network namespace: the container’s own network stack', '网络 namespace：容器自己的网络栈'),
    summary: t(
      'Gives a container its own interfaces, addresses, routes, firewall rules and ports.',
      '为容器提供独立的网卡、地址、路由、防火墙规则和端口。',
    ),
    what: t(
      'A network namespace is a complete copy of the network stack: interfaces, IP addresses, routing tables, netfilter rules, the port space, `/proc/sys/net`, and abstract UNIX domain sockets.',
      '网络 namespace 是一整套独立的网络栈：网卡、IP 地址、路由表、netfilter 规则、端口空间、`/proc/sys/net`，以及抽象 UNIX 域套接字。',
    ),
    effect: t(
      'It isolates what the container can reach and listen on. Docker connects a container’s namespace to a bridge through a virtual Ethernet pair and publishes ports with NAT rules on the host.',
      '它隔离了容器能访问什么、能监听什么。Docker 通过一对虚拟以太网设备把容器的 namespace 接到网桥上，并在宿主机上用 NAT 规则发布端口。',
    ),
    default: t(
      'Each container gets its own namespace on the `bridge` network (Compose: on the project’s network). `network_mode: host` (`--network host`) shares the host’s; `none` gives only loopback; `container:<name>` or `service:<name>` joins another container’s.',
      '每个容器都在 `bridge` 网络上拥有自己的 namespace（Compose 中是项目的网络）。`network_mode: host`（`--network host`）共享宿主机的；`none` 只有回环接口；`container:<name>` 或 `service:<name>` 加入另一个容器的。',
    ),
    why: t(
      'With the host’s namespace, services the host binds to 127.0.0.1 (databases, admin APIs) become reachable, the container can listen on any host port, and it can connect to the host’s abstract UNIX sockets (CVE-2020-15257 reached containerd this way). With CAP_NET_ADMIN it can reconfigure the host’s network.',
      '使用宿主机的 namespace 后，宿主机绑定在 127.0.0.1 上的服务（数据库、管理 API）变得可以访问，容器可以监听宿主机的任何端口，还能连接宿主机的抽象 UNIX 套接字（CVE-2020-15257 就是这样接触到 containerd 的）。再有 CAP_NET_ADMIN 就能重新配置宿主机的网络。',
    ),
    todo: t(
      'Use a user-defined network and publish only the ports you need, bound to `127.0.0.1` when only the host uses them; use `network_mode: none` for jobs that need no network.',
      '使用自定义网络，只发布需要的端口，只给宿主机用时绑定到 `127.0.0.1`；不需要网络的任务使用 `network_mode: none`。',
    ),
    see: t(
      'Inside, the interfaces and the ports in use are the container’s own:\n\n$ docker exec <container> ip addr\n$ docker exec <container> cat /proc/net/tcp',
      '在容器内看到的网卡和已用端口都属于容器自己：\n\n$ docker exec <container> ip addr\n$ docker exec <container> cat /proc/net/tcp',
    ),
  },
  {
    type: 'mnt',
    man: 'mount_namespaces',
    compose: [],
    flags: [],
    aliases: ['mount namespace', 'mnt namespace', 'mntns', 'mount-ns', 'CLONE_NEWNS', 'mount propagation'],
    related: ['bind-mounts', 'read-only-rootfs', 'namespaces'],
    title: t('Mount namespace: the container’s own filesystem tree', 'Mount namespace：容器自己的文件系统树'),
    summary: t(
      'Gives a container its own list of mounts, so its root filesystem and volumes are invisible to the host’s tree and the other way round.',
      '为容器提供独立的挂载列表，使它的根文件系统和卷与宿主机的目录树互不可见。',
    ),
    what: t(
      'A mount namespace holds its own set of mount points. Docker creates one per container, mounts the image layers as its root filesystem, adds `/proc`, `/sys`, `/dev` and your volumes, then switches the container into it with `pivot_root`.',
      'mount namespace 拥有自己的一组挂载点。Docker 为每个容器创建一个，把镜像层挂载为根文件系统，加上 `/proc`、`/sys`、`/dev` 和你的卷，再用 `pivot_root` 让容器进入其中。',
    ),
    effect: t(
      'It isolates which files the container can see by path. Only what is mounted into it is reachable; mount propagation (`private`, `rslave`, `rshared`) decides whether later mounts on one side appear on the other.',
      '它隔离了容器按路径能看到的文件。只有挂载进来的内容才能访问；挂载传播（`private`、`rslave`、`rshared`）决定一侧后来的挂载是否会出现在另一侧。',
    ),
    default: t(
      'Every container has its own mount namespace; Docker has no option to share the host’s. Bind mounts are the holes in it: `volumes:` (`-v`, `--mount`) put host paths inside, and `bind.propagation: rshared` makes mounts flow between host and container.',
      '每个容器都有自己的 mount namespace；Docker 没有共享宿主机 mount namespace 的选项。绑定挂载就是它上面的“洞”：`volumes:`（`-v`、`--mount`）把宿主机路径放进容器，`bind.propagation: rshared` 让挂载在宿主机和容器之间传播。',
    ),
    why: t(
      'The namespace is only as strong as what you mount into it: mounting `/`, `/etc`, `/var/run/docker.sock` or `/proc` gives the host away regardless. With CAP_SYS_ADMIN a process can mount more filesystems inside it.',
      '这个 namespace 的强度取决于你往里挂载了什么：挂载 `/`、`/etc`、`/var/run/docker.sock` 或 `/proc`，无论如何都等于交出了宿主机。拥有 CAP_SYS_ADMIN 的进程还能在其中挂载更多文件系统。',
    ),
    todo: t(
      'Mount only the paths the program needs, read-only (`:ro`) where it only reads, with the default `private`/`rprivate` propagation; prefer named volumes for data.',
      '只挂载程序需要的路径，只读的加上 `:ro`，保持默认的 `private`/`rprivate` 传播方式；数据优先使用命名卷。',
    ),
    see: t(
      "The container’s mounts, as Docker recorded them and as the kernel sees them:\n\n$ docker inspect --format '{{json .Mounts}}' <container>\n$ docker exec <container> cat /proc/self/mountinfo",
      "容器的挂载，分别从 Docker 的记录和内核的视角查看：\n\n$ docker inspect --format '{{json .Mounts}}' <container>\n$ docker exec <container> cat /proc/self/mountinfo",
    ),
  },
  {
    type: 'uts',
    man: 'uts_namespaces',
    inspect: {
      field: 'UTSMode',
      values: t("empty means its own namespace; `host` means the host's", '为空表示独立的 namespace；`host` 表示宿主机的'),
    },
    compose: ['uts'],
    flags: ['--uts'],
    aliases: ['uts namespace', 'utsns', 'uts-ns', 'hostname namespace', 'CLONE_NEWUTS'],
    related: ['cap-sys-admin', 'namespaces'],
    title: t('UTS namespace: the container’s own hostname', 'UTS namespace：容器自己的主机名'),
    summary: t('Gives a container its own hostname and NIS domain name.', '为容器提供独立的主机名和 NIS 域名。'),
    what: t(
      'A UTS namespace holds the two identifiers that `uname(2)` reports as nodename and domainname. The name comes from the old "UNIX Time-sharing System" structure.',
      'UTS namespace 保存 `uname(2)` 报告的 nodename 和 domainname 两个标识。名字来自旧的“UNIX Time-sharing System”结构。',
    ),
    effect: t(
      'It isolates the hostname: Docker sets it to the container ID or to `hostname:` (`--hostname`), and `sethostname(2)` inside changes only the container’s.',
      '它隔离主机名：Docker 把它设为容器 ID 或 `hostname:`（`--hostname`）的值，在容器内调用 `sethostname(2)` 只改变容器自己的主机名。',
    ),
    default: t(
      'Every container gets its own. `uts: host` (`--uts host`) shares the host’s.',
      '每个容器都有自己的 UTS namespace。`uts: host`（`--uts host`）共享宿主机的。',
    ),
    why: t(
      'Sharing it is low risk by itself, but a container with CAP_SYS_ADMIN could then rename the host, which confuses logs, monitoring and clustering software.',
      '单独共享它风险不大，但如果容器还有 CAP_SYS_ADMIN，就能修改宿主机的主机名，扰乱日志、监控和集群软件。',
    ),
    todo: t(
      'Keep the default; set a name with `hostname:` if the program needs one.',
      '保持默认；如果程序需要特定名字，用 `hostname:` 设置。',
    ),
    see: t('$ docker exec <container> hostname', '$ docker exec <container> hostname'),
  },
  {
    type: 'ipc',
    man: 'ipc_namespaces',
    inspect: {
      field: 'IpcMode',
      values: t(
        '`private` or `shareable` means its own namespace; `host` or `container:<id>` means a shared one',
        '`private` 或 `shareable` 表示独立的 namespace；`host` 或 `container:<id>` 表示共享的',
      ),
    },
    compose: ['ipc'],
    flags: ['--ipc'],
    aliases: ['ipc namespace', 'ipcns', 'ipc-ns', 'shared memory', 'CLONE_NEWIPC'],
    related: ['cap-ipc-owner', 'cap-ipc-lock', 'namespaces'],
    title: t('IPC namespace: System V IPC and POSIX message queues', 'IPC namespace:System V IPC 和 POSIX 消息队列'),
    summary: t(
      'Gives a container its own System V shared memory, semaphores and message queues, and POSIX message queues.',
      '为容器提供独立的 System V 共享内存、信号量、消息队列，以及 POSIX 消息队列。',
    ),
    what: t(
      'An IPC namespace holds the IPC objects that are named by key or ID rather than by path, and the `kernel.shm*`, `kernel.msg*` and `kernel.sem` limits that go with them. Docker also gives each container its own `/dev/shm` (64 MB unless `shm_size:` says otherwise).',
      'IPC namespace 保存那些通过键或 ID（而不是路径）命名的 IPC 对象，以及与之相关的 `kernel.shm*`、`kernel.msg*` 和 `kernel.sem` 限制。Docker 还为每个容器提供独立的 `/dev/shm`（默认 64 MB，可用 `shm_size:` 修改）。',
    ),
    effect: t('It isolates which shared memory segments and queues a process can attach to.', '它隔离了进程能附加到哪些共享内存段和队列。'),
    default: t(
      'Each container gets its own namespace (`private`, or `shareable` so that others may join, depending on the daemon’s `default-ipc-mode`). `ipc: host` (`--ipc host`) shares the host’s; `ipc: "container:<name>"` or `"service:<name>"` joins another container’s.',
      '每个容器都有自己的 namespace（`private`，或允许其他容器加入的 `shareable`，取决于守护进程的 `default-ipc-mode`）。`ipc: host`（`--ipc host`）共享宿主机的；`ipc: "container:<name>"` 或 `"service:<name>"` 加入另一个容器的。',
    ),
    why: t(
      'With the host’s namespace the container can read and write shared memory of host programs (databases, X servers, some message brokers) and exhaust the host’s IPC limits.',
      '共享宿主机的 namespace 后，容器可以读写宿主机程序（数据库、X 服务器、某些消息中间件）的共享内存，并耗尽宿主机的 IPC 限额。',
    ),
    todo: t(
      'Keep the default; when two containers must share memory on purpose, make one `shareable` and join it with `container:<name>` instead of using the host’s.',
      '保持默认；两个容器确实需要共享内存时，让其中一个设为 `shareable`，另一个用 `container:<name>` 加入，而不是使用宿主机的。',
    ),
    see: t('$ docker exec <container> ipcs', '$ docker exec <container> ipcs'),
  },
  {
    type: 'user',
    man: 'user_namespaces',
    inspect: {
      field: 'UsernsMode',
      values: t(
        "empty means the daemon's default (remapped with `userns-remap`, else the host's); `host` opts out of remapping",
        '为空表示沿用守护进程的默认设置（启用 `userns-remap` 时重映射，否则使用宿主机的）；`host` 表示退出重映射',
      ),
    },
    compose: ['userns_mode'],
    flags: ['--userns'],
    aliases: ['user namespace', 'userns', 'user-ns', 'uid mapping', 'uid_map', 'CLONE_NEWUSER'],
    related: ['userns-remap', 'rootless', 'non-root-user', 'namespaces'],
    title: t('User namespace: root inside, unprivileged outside', 'User namespace：容器内是 root，容器外无特权'),
    summary: t(
      'Maps user and group IDs inside a container to other IDs on the host, so root in the container can be an unprivileged user on the host.',
      '把容器内的用户和组 ID 映射为宿主机上的其他 ID，使容器里的 root 在宿主机上可以只是普通用户。',
    ),
    what: t(
      'A user namespace has its own UID and GID mapping (`/proc/<pid>/uid_map`, `gid_map`) and its own capabilities: a process can hold every capability inside its user namespace while having none over resources the host’s namespace owns.',
      'user namespace 有自己的 UID 和 GID 映射（`/proc/<pid>/uid_map`、`gid_map`）和自己的 capability：进程可以在自己的 user namespace 内拥有全部 capability，而对宿主机 namespace 拥有的资源毫无权限。',
    ),
    effect: t(
      'It isolates identities and privileges. A file written by container root on a bind mount belongs, on the host, to the mapped UID (for example 100000), and a kernel check for "root" in the host’s namespace fails.',
      '它隔离身份和特权。容器内 root 在绑定挂载上写入的文件，在宿主机上属于映射后的 UID（例如 100000）；内核在宿主机 namespace 中做的“是否 root”检查会失败。',
    ),
    default: t(
      'Docker does not use a user namespace unless the daemon runs with `userns-remap` (or in rootless mode): container root is the host’s root, limited only by capabilities, seccomp and the LSM. With remapping on, `userns_mode: host` (`--userns host`) opts one container out.',
      '除非守护进程启用了 `userns-remap`（或以 rootless 模式运行），Docker 不使用 user namespace：容器里的 root 就是宿主机的 root，只受 capability、seccomp 和 LSM 约束。启用重映射后，`userns_mode: host`（`--userns host`）可让单个容器退出重映射。',
    ),
    why: t(
      'Most container escapes end with the attacker as root on the host; with a user namespace they end as an unprivileged UID that owns nothing. It is the single strongest layer against escapes.',
      '大多数容器逃逸的结局是攻击者成为宿主机上的 root；有了 user namespace，结局只是一个什么也不拥有的普通 UID。它是抵御逃逸最有力的一层。',
    ),
    todo: t(
      'Enable `userns-remap` in daemon.json or use rootless mode; do not set `userns_mode: host` unless the container needs host-level privileges (and then review why).',
      '在 daemon.json 中启用 `userns-remap` 或使用 rootless 模式；除非容器需要宿主机级别的特权（并且要复核原因），不要设置 `userns_mode: host`。',
    ),
    see: t(
      "The mapping `0 0 4294967295` means no remapping: container root is host root.\n\n$ docker exec <container> cat /proc/self/uid_map\n$ docker info --format '{{.SecurityOptions}}'",
      "映射为 `0 0 4294967295` 表示没有重映射：容器的 root 就是宿主机的 root。\n\n$ docker exec <container> cat /proc/self/uid_map\n$ docker info --format '{{.SecurityOptions}}'",
    ),
  },
  {
    type: 'cgroup',
    man: 'cgroup_namespaces',
    inspect: {
      field: 'CgroupnsMode',
      values: t("`private` means its own namespace; `host` means the host's", '`private` 表示独立的 namespace；`host` 表示宿主机的'),
    },
    compose: ['cgroup'],
    flags: ['--cgroupns'],
    aliases: ['cgroup namespace', 'cgroupns', 'cgroup-ns', 'CLONE_NEWCGROUP'],
    related: ['cgroups', 'namespaces'],
    title: t('Cgroup namespace: the container’s view of the cgroup tree', 'Cgroup namespace：容器看到的 cgroup 树'),
    summary: t(
      'Makes a container see its own cgroup as the root of the cgroup hierarchy.',
      '让容器把自己所在的 cgroup 视为 cgroup 层级的根。',
    ),
    what: t(
      'A cgroup namespace virtualises `/proc/<pid>/cgroup` and the cgroup filesystem’s root: paths are shown relative to the cgroup the namespace was created in.',
      'cgroup namespace 虚拟化了 `/proc/<pid>/cgroup` 和 cgroup 文件系统的根：路径相对于创建 namespace 时所在的 cgroup 显示。',
    ),
    effect: t(
      'It hides the host’s cgroup layout (other containers’ IDs, service names) from the container. It does not change limits: those come from the cgroup itself.',
      '它向容器隐藏宿主机的 cgroup 布局（其他容器的 ID、服务名）。它不改变资源限制，限制来自 cgroup 本身。',
    ),
    default: t(
      '`private` on hosts with cgroup v2 and `host` on cgroup v1 (the daemon’s `default-cgroupns-mode`). `cgroup: host` (`--cgroupns host`) or `cgroup: private` picks one.',
      '在 cgroup v2 的宿主机上默认为 `private`，在 cgroup v1 上为 `host`（由守护进程的 `default-cgroupns-mode` 决定）。`cgroup: host`（`--cgroupns host`）或 `cgroup: private` 可指定其一。',
    ),
    why: t(
      'With the host’s view a container learns about the host and its neighbours, and tools inside may try to manage cgroups that are not theirs; combined with a writable cgroup mount and CAP_SYS_ADMIN this was part of known escapes.',
      '使用宿主机视角时，容器能了解宿主机及相邻容器的信息，容器内的工具也可能去管理不属于自己的 cgroup；与可写的 cgroup 挂载和 CAP_SYS_ADMIN 结合，这曾是已知逃逸的一部分。',
    ),
    todo: t('Prefer `private` (the default on cgroup v2).', '优先使用 `private`（cgroup v2 上的默认值）。'),
    see: t(
      'With a private namespace the container’s own cgroup shows as `0::/`:\n\n$ docker exec <container> cat /proc/self/cgroup',
      '使用私有 namespace 时，容器自己的 cgroup 显示为 `0::/`：\n\n$ docker exec <container> cat /proc/self/cgroup',
    ),
  },
  {
    type: 'time',
    man: 'time_namespaces',
    compose: [],
    flags: [],
    aliases: ['time namespace', 'timens', 'time-ns', 'CLONE_NEWTIME'],
    related: ['cap-sys-time', 'namespaces'],
    title: t('Time namespace: per-container monotonic and boot clocks', 'Time namespace：每个容器独立的单调时钟和启动时钟'),
    summary: t(
      'Lets a group of processes see different values of the monotonic and boot-time clocks (Linux 5.6 and later).',
      '让一组进程看到不同的单调时钟和启动时钟数值（Linux 5.6 及以上）。',
    ),
    what: t(
      'A time namespace holds offsets for `CLOCK_MONOTONIC` and `CLOCK_BOOTTIME`, mainly so that a checkpointed container restored on another machine sees its clocks continue. The wall clock (`CLOCK_REALTIME`) is not namespaced at all.',
      'time namespace 保存 `CLOCK_MONOTONIC` 和 `CLOCK_BOOTTIME` 的偏移量，主要用于让在另一台机器上恢复的容器看到时钟连续运行。墙上时钟（`CLOCK_REALTIME`）完全没有 namespace 隔离。',
    ),
    effect: t(
      'It isolates only uptime-style clocks; setting the date and time still changes it for the whole host.',
      '它只隔离类似开机时长的时钟；修改日期和时间仍然会影响整台宿主机。',
    ),
    default: t(
      'Docker and Compose have no setting for it: containers share the host’s time namespace.',
      'Docker 和 Compose 没有相关设置：容器共享宿主机的 time namespace。',
    ),
    why: t(
      'Because the wall clock is shared, a container with CAP_SYS_TIME changes the time for the host and every other container; a time namespace does not prevent that.',
      '由于墙上时钟是共享的，拥有 CAP_SYS_TIME 的容器会改变宿主机和所有其他容器的时间；time namespace 无法阻止这一点。',
    ),
    todo: t('Never add CAP_SYS_TIME; synchronise time on the host.', '不要添加 CAP_SYS_TIME；在宿主机上同步时间。'),
    see: t('$ docker exec <container> cat /proc/self/timens_offsets', '$ docker exec <container> cat /proc/self/timens_offsets'),
  },
];

function nsConcept(n: NsEntry): Concept {
  const inspect = n.inspect
    ? t(
        `Docker's setting for this container: \`docker inspect --format '{{.HostConfig.${n.inspect.field}}}' <container>\` (${n.inspect.values.en}).`,
        `Docker 为该容器记录的设置：\`docker inspect --format '{{.HostConfig.${n.inspect.field}}}' <container>\`（${n.inspect.values['zh-CN']}）。`,
      )
    : undefined;
  const common = t(
    `Two processes share a namespace when \`/proc/<pid>/ns/${n.type}\` points at the same inode; compare the container's first process with the host's:\n\n$ sudo readlink /proc/1/ns/${n.type} /proc/$(docker inspect --format '{{.State.Pid}}' <container>)/ns/${n.type}\n$ sudo lsns -t ${n.type}`,
    `当两个进程的 \`/proc/<pid>/ns/${n.type}\` 指向同一个 inode 时，它们共享同一个 namespace；比较容器第一个进程和宿主机的：\n\n$ sudo readlink /proc/1/ns/${n.type} /proc/$(docker inspect --format '{{.State.Pid}}' <container>)/ns/${n.type}\n$ sudo lsns -t ${n.type}`,
  );
  const parts = (lang: 'en' | 'zh-CN') => [n.see?.[lang], inspect?.[lang], common[lang]].filter((s): s is string => !!s).join('\n\n');
  return {
    id: `ns-${n.type}`,
    kind: 'namespace',
    title: n.title,
    summary: n.summary,
    sections: {
      what: n.what,
      effect: n.effect,
      default: n.default,
      why: n.why,
      todo: n.todo,
      see: { en: parts('en'), 'zh-CN': parts('zh-CN') },
    },
    compose: n.compose,
    flags: n.flags,
    aliases: [...n.aliases, `${n.type} namespace`, `${n.type}-namespace`, `${n.type}_namespace`],
    references: [MAN('namespaces', 7), MAN(n.man, 7), MAN('lsns', 8), ...(n.inspect ? [DOCS.run] : [])],
    related: n.related,
  };
}

const OVERVIEW: Concept = {
  id: 'namespaces',
  kind: 'namespace',
  title: t('Namespaces: what a container can see', 'Namespace：容器能看到什么'),
  summary: t(
    'Namespaces give a group of processes its own view of one kind of system resource; a container is a set of processes in new namespaces.',
    'namespace 让一组进程拥有某类系统资源的独立视图；容器就是一组运行在新 namespace 中的进程。',
  ),
  sections: {
    what: t(
      'Linux has eight kinds: **pid** (process IDs), **net** (network stack), **mnt** (mounts), **uts** (hostname), **ipc** (System V IPC, POSIX queues), **user** (user and group IDs, capabilities), **cgroup** (cgroup root) and **time** (monotonic and boot clocks). A process is in exactly one namespace of each kind; `clone(2)` and `unshare(2)` create new ones and `setns(2)` joins existing ones.',
      'Linux 共有八种：**pid**（进程 ID）、**net**（网络栈）、**mnt**（挂载）、**uts**（主机名）、**ipc**（System V IPC、POSIX 消息队列）、**user**（用户和组 ID、capability）、**cgroup**（cgroup 根）和 **time**（单调时钟和启动时钟）。每个进程在每一种中恰好属于一个 namespace；`clone(2)` 和 `unshare(2)` 创建新的 namespace，`setns(2)` 加入已有的。',
    ),
    effect: t(
      'They isolate what a container can see and name, not how much it can use (that is cgroups) nor what it is allowed to do (capabilities, seccomp, LSMs). All containers still share one kernel.',
      'namespace 隔离的是容器能看到和引用什么，而不是它能用多少（那是 cgroup 的事），也不是它被允许做什么（capability、seccomp、LSM）。所有容器仍然共享同一个内核。',
    ),
    default: t(
      'Docker creates new pid, net, mnt, uts and ipc namespaces for every container, and a cgroup namespace on cgroup v2 hosts. It uses a user namespace only with `userns-remap` or rootless mode, and never a time namespace. `pid`, `network_mode`, `ipc`, `uts`, `userns_mode` and `cgroup` (`--pid`, `--network`, `--ipc`, `--uts`, `--userns`, `--cgroupns`) share the host’s or another container’s instead.',
      'Docker 为每个容器创建新的 pid、net、mnt、uts 和 ipc namespace，在 cgroup v2 宿主机上还会创建 cgroup namespace。只有启用 `userns-remap` 或 rootless 模式时才使用 user namespace，从不使用 time namespace。`pid`、`network_mode`、`ipc`、`uts`、`userns_mode` 和 `cgroup`（`--pid`、`--network`、`--ipc`、`--uts`、`--userns`、`--cgroupns`）可以改为共享宿主机或其他容器的 namespace。',
    ),
    why: t(
      'Each namespace shared with the host removes one wall: the host’s processes, network services, shared memory or identities become reachable from the container.',
      '每与宿主机共享一种 namespace，就拆掉一面墙：宿主机的进程、网络服务、共享内存或身份都会变得可以从容器中触及。',
    ),
    todo: t(
      'Keep Docker’s defaults; share a namespace with another container (`container:<name>`) rather than with the host when two containers must cooperate; turn on user namespaces with `userns-remap` or rootless mode.',
      '保持 Docker 的默认设置；两个容器需要协作时，与另一个容器共享 namespace（`container:<name>`）而不是与宿主机共享；通过 `userns-remap` 或 rootless 模式启用 user namespace。',
    ),
    see: t(
      "Each entry in `/proc/<pid>/ns` is a namespace, named by type and inode; equal inodes mean a shared namespace:\n\n$ sudo ls -l /proc/$(docker inspect --format '{{.State.Pid}}' <container>)/ns\n$ sudo lsns",
      "`/proc/<pid>/ns` 中的每一项就是一个 namespace，以类型和 inode 命名；inode 相同表示共享同一个 namespace：\n\n$ sudo ls -l /proc/$(docker inspect --format '{{.State.Pid}}' <container>)/ns\n$ sudo lsns",
    ),
  },
  compose: [],
  flags: [],
  aliases: ['namespace', 'linux namespaces', 'ns', 'lsns', '/proc/pid/ns'],
  references: [MAN('namespaces', 7), MAN('lsns', 8), DOCS.run],
  related: ['ns-pid', 'ns-net', 'ns-mnt', 'ns-uts', 'ns-ipc', 'ns-user', 'ns-cgroup', 'ns-time', 'cgroups'],
};

export const NAMESPACE_CONCEPTS: Concept[] = [OVERVIEW, ...NS.map(nsConcept)];
