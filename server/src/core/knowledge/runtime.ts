// What each runtime setting does, with its Compose key and `docker run` flag side by side, shown on
// hover in Compose files and on `docker run` lines (pure core layer, data only). Written by us from
// the Docker run and Compose references and the kernel man pages named in each entry.

import type { Locale } from '../types';

export interface RuntimeSetting {
  /** Compose key path under a service, e.g. `cap_add`, `deploy.resources.limits.memory`. */
  compose: string[];
  /** `docker run` flags, long form first. */
  flags: string[];
  title: string;
  /** A few sentences: what it does for isolation, the default, what to prefer. */
  body: string;
  url: string;
  /** The title and body in Simplified Chinese (technical terms keep their names). */
  zh?: { title: string; body: string };
}

const RUN_REF = 'https://docs.docker.com/reference/cli/docker/container/run/';
const COMPOSE_REF = 'https://docs.docker.com/reference/compose-file/services/';

export const RUNTIME_SETTINGS: RuntimeSetting[] = [
  {
    compose: ['privileged'],
    flags: ['--privileged'],
    title: 'Privileged mode',
    body: 'Gives the container every capability, all host devices, no seccomp or AppArmor/SELinux confinement and writable /sys and /proc paths. A privileged container can mount the host disk and load kernel modules: treat it as root on the host. Grant the one capability or device the workload needs instead.',
    url: `${RUN_REF}#privileged`,
    zh: {
      title: '特权模式',
      body: '授予容器所有 capability、所有宿主机设备，不受 seccomp 或 AppArmor/SELinux 约束，/sys 和 /proc 中的路径可写。特权容器可以挂载宿主机磁盘、加载内核模块：应把它视为宿主机上的 root。请改为只授予工作负载需要的那一个 capability 或设备。',
    },
  },
  {
    compose: ['cap_add'],
    flags: ['--cap-add'],
    title: 'Adding capabilities',
    body: "Capabilities split root's power into pieces (capabilities(7)). Docker starts containers with 14 of the 41; `cap_add` grants more. Each added capability is kernel attack surface: SYS_ADMIN alone allows mounts, namespace changes and much more. Add only what the program needs, after dropping ALL.",
    url: `${RUN_REF}#privileged`,
    zh: {
      title: '添加 capability',
      body: 'capability 把 root 的权力拆分成小块（capabilities(7)）。Docker 启动容器时给 41 个中的 14 个；`cap_add` 授予更多。每添加一个 capability 都会增加内核攻击面：仅 SYS_ADMIN 一项就允许挂载、修改 namespace 以及更多操作。先去掉 ALL，再只添加程序需要的。',
    },
  },
  {
    compose: ['cap_drop'],
    flags: ['--cap-drop'],
    title: 'Dropping capabilities',
    body: 'Removes capabilities from the default 14. `ALL` removes every one; then add back the few the program needs (often none, or NET_BIND_SERVICE to listen below port 1024). Docker applies drops before adds.',
    url: `${RUN_REF}#privileged`,
    zh: {
      title: '去掉 capability',
      body: '从默认的 14 个中移除 capability。`ALL` 移除全部；然后只加回程序需要的少数几个（通常一个都不需要，或为监听 1024 以下端口加回 NET_BIND_SERVICE）。Docker 先处理去除，再处理添加。',
    },
  },
  {
    compose: ['security_opt'],
    flags: ['--security-opt'],
    title: 'Security options',
    body: '`no-new-privileges:true` stops setuid binaries and file capabilities from granting more privileges; `seccomp=<profile.json>` or `seccomp=unconfined` picks the system call filter; `apparmor=<profile>` and `label=type:…`/`label=disable` set the LSM confinement. Compose accepts `:` and `=` as the separator.',
    url: `${RUN_REF}#security-opt`,
    zh: {
      title: '安全选项',
      body: '`no-new-privileges:true` 阻止 setuid 程序和文件 capability 提升权限；`seccomp=<profile.json>` 或 `seccomp=unconfined` 选择系统调用过滤器；`apparmor=<profile>` 和 `label=type:…`/`label=disable` 设置 LSM 约束。Compose 接受 `:` 和 `=` 作为分隔符。',
    },
  },
  {
    compose: ['user'],
    flags: ['--user', '-u'],
    title: 'User',
    body: "Runs the container's processes as this user (`name`, `uid` or `uid:gid`), overriding the image's USER. UID 0 is the host's root unless user namespaces remap it. Prefer a fixed non-root UID such as `1001:1001`.",
    url: `${RUN_REF}#user`,
    zh: {
      title: '用户',
      body: '以该用户（`name`、`uid` 或 `uid:gid`）运行容器的进程，覆盖镜像的 USER。除非 user namespace 做了重映射，UID 0 就是宿主机的 root。优先使用固定的非 root UID，例如 `1001:1001`。',
    },
  },
  {
    compose: ['read_only'],
    flags: ['--read-only'],
    title: 'Read-only root filesystem',
    body: "Mounts the container's root filesystem read-only, so an attacker cannot replace binaries or drop tools. Give writable scratch space with `tmpfs: [/tmp]` (`--tmpfs /tmp`), mounted nosuid,nodev,noexec by default, and volumes for data.",
    url: `${RUN_REF}#read-only`,
    zh: {
      title: '只读根文件系统',
      body: '把容器的根文件系统挂载为只读，攻击者就无法替换程序或放置工具。用 `tmpfs: [/tmp]`（`--tmpfs /tmp`）提供可写的临时空间（默认以 nosuid、nodev、noexec 挂载），数据使用卷。',
    },
  },
  {
    compose: ['tmpfs'],
    flags: ['--tmpfs'],
    title: 'tmpfs mounts',
    body: 'An in-memory filesystem at a path, gone when the container stops. Docker mounts it `rw,nosuid,nodev,noexec` unless the options ask for `exec` or `suid`. Pair it with a read-only root filesystem.',
    url: `${RUN_REF}#tmpfs`,
    zh: {
      title: 'tmpfs 挂载',
      body: '挂在某个路径上的内存文件系统，容器停止后即消失。除非选项要求 `exec` 或 `suid`，Docker 以 `rw,nosuid,nodev,noexec` 挂载它。与只读根文件系统搭配使用。',
    },
  },
  {
    compose: ['pid'],
    flags: ['--pid'],
    title: 'PID namespace',
    body: "By default a container sees only its own processes (pid_namespaces(7)). `host` shares the host's: the container can list every host process, read their command lines and, with the right capabilities, signal or trace them. `container:<name>` joins another container's.",
    url: `${RUN_REF}#pid`,
    zh: {
      title: 'PID namespace',
      body: '默认情况下容器只能看到自己的进程（pid_namespaces(7)）。`host` 共享宿主机的：容器可以列出宿主机的每个进程、读取它们的命令行，拥有相应 capability 时还能给它们发信号或跟踪它们。`container:<name>` 加入另一个容器的。',
    },
  },
  {
    compose: ['network_mode'],
    flags: ['--network', '--net'],
    title: 'Network namespace',
    body: "By default a container gets its own network stack. `host` shares the host's interfaces: services the host binds to 127.0.0.1 become reachable and the container can listen on any host port. `none` gives only loopback; `service:<name>`/`container:<name>` joins another's stack.",
    url: `${RUN_REF}#network`,
    zh: {
      title: '网络 namespace',
      body: '默认情况下容器拥有自己的网络栈。`host` 共享宿主机的网卡：宿主机绑定在 127.0.0.1 上的服务变得可以访问，容器可以监听宿主机的任何端口。`none` 只有回环接口；`service:<name>`/`container:<name>` 加入另一个容器的网络栈。',
    },
  },
  {
    compose: ['ipc'],
    flags: ['--ipc'],
    title: 'IPC namespace',
    body: "Isolates System V IPC and POSIX message queues (ipc_namespaces(7)). `host` lets the container read and write the host's shared memory segments; `shareable`/`container:<name>` share it between containers on purpose.",
    url: `${RUN_REF}#ipc`,
    zh: {
      title: 'IPC namespace',
      body: '隔离 System V IPC 和 POSIX 消息队列（ipc_namespaces(7)）。`host` 让容器可以读写宿主机的共享内存段；`shareable`/`container:<name>` 有意在容器之间共享它。',
    },
  },
  {
    compose: ['uts'],
    flags: ['--uts'],
    title: 'UTS namespace',
    body: "Isolates the hostname and NIS domain name (uts_namespaces(7)). `host` shares the host's; with CAP_SYS_ADMIN the container could then rename the host.",
    url: `${RUN_REF}#uts`,
    zh: {
      title: 'UTS namespace',
      body: '隔离主机名和 NIS 域名（uts_namespaces(7)）。`host` 共享宿主机的；此时拥有 CAP_SYS_ADMIN 的容器可以修改宿主机的名字。',
    },
  },
  {
    compose: ['userns_mode'],
    flags: ['--userns'],
    title: 'User namespace',
    body: "With the daemon's `userns-remap`, root in the container maps to an unprivileged UID range on the host (user_namespaces(7)). `userns_mode: host` opts this container out, so its root is the host's root again.",
    url: 'https://docs.docker.com/engine/security/userns-remap/',
    zh: {
      title: 'User namespace',
      body: '守护进程启用 `userns-remap` 后，容器里的 root 映射为宿主机上一段无特权的 UID（user_namespaces(7)）。`userns_mode: host` 让这个容器退出重映射，它的 root 又成了宿主机的 root。',
    },
  },
  {
    compose: ['cgroup'],
    flags: ['--cgroupns'],
    title: 'Cgroup namespace',
    body: "With `private` the container sees its own cgroup as the root of the hierarchy (cgroup_namespaces(7)); `host` shows the host's whole cgroup tree and paths.",
    url: `${RUN_REF}#cgroupns`,
    zh: {
      title: 'Cgroup namespace',
      body: '设为 `private` 时，容器把自己的 cgroup 视为层级的根（cgroup_namespaces(7)）；`host` 会显示宿主机完整的 cgroup 树和路径。',
    },
  },
  {
    compose: ['deploy.resources.limits.memory', 'mem_limit'],
    flags: ['--memory', '-m'],
    title: 'Memory limit',
    body: 'The most memory the container may use (memory cgroup). Past it the kernel reclaims, then the OOM killer ends a process in the container instead of starving the host. Without it one container can push the whole host into swap or OOM.',
    url: `${RUN_REF}#memory`,
    zh: {
      title: '内存上限',
      body: '容器最多可以使用的内存（memory cgroup）。超过后内核先回收内存，然后 OOM killer 结束容器内的一个进程，而不是让宿主机挨饿。没有上限时，一个容器就能把整台宿主机推入换页或 OOM。',
    },
  },
  {
    compose: ['memswap_limit'],
    flags: ['--memory-swap'],
    title: 'Memory plus swap limit',
    body: 'Memory and swap together. Equal to the memory limit means no swap; `-1` allows unlimited swap.',
    url: 'https://docs.docker.com/engine/containers/resource_constraints/#--memory-swap-details',
    zh: { title: '内存加交换区上限', body: '内存与交换区之和。等于内存上限表示不使用交换区；`-1` 表示交换区不限。' },
  },
  {
    compose: ['deploy.resources.limits.cpus', 'cpus'],
    flags: ['--cpus'],
    title: 'CPU limit',
    body: "How many CPUs' worth of time the container may use per period (CFS quota in the cpu cgroup); past it the container is throttled, not killed. Without a limit a busy container can take every core.",
    url: `${RUN_REF}#cpus`,
    zh: {
      title: 'CPU 上限',
      body: '容器每个周期最多可以使用相当于多少个 CPU 的时间（cpu cgroup 中的 CFS 配额）；超过后容器被节流，而不会被杀死。没有上限时，一个繁忙的容器能占满所有核心。',
    },
  },
  {
    compose: ['cpu_shares'],
    flags: ['--cpu-shares', '-c'],
    title: 'CPU shares',
    body: 'A relative weight (default 1024) used only when CPUs are contended. It is not a limit: an idle host still lets the container use every core.',
    url: 'https://docs.docker.com/engine/containers/resource_constraints/#cpu',
    zh: { title: 'CPU 份额', body: '相对权重（默认 1024），只在 CPU 争用时起作用。它不是上限：宿主机空闲时，容器仍能使用所有核心。' },
  },
  {
    compose: ['pids_limit', 'deploy.resources.limits.pids'],
    flags: ['--pids-limit'],
    title: 'Process limit',
    body: "The most processes and threads the container may have (pids cgroup). Past it `fork()` fails with EAGAIN, which stops a fork bomb from taking the host's process table.",
    url: `${RUN_REF}#pids-limit`,
    zh: {
      title: '进程数上限',
      body: '容器最多可以拥有的进程和线程数（pids cgroup）。超过后 `fork()` 以 EAGAIN 失败，从而阻止 fork 炸弹占满宿主机的进程表。',
    },
  },
  {
    compose: ['ulimits'],
    flags: ['--ulimit'],
    title: 'Resource limits (ulimit)',
    body: 'Per-process limits (setrlimit(2)) such as open files (`nofile`) and processes per user (`nproc`), applied inside the container.',
    url: `${RUN_REF}#ulimit`,
    zh: {
      title: '资源限制（ulimit）',
      body: '按进程的限制（setrlimit(2)），例如打开的文件数（`nofile`）和每用户进程数（`nproc`），在容器内生效。',
    },
  },
  {
    compose: ['volumes'],
    flags: ['--volume', '-v', '--mount'],
    title: 'Volumes and bind mounts',
    body: 'A bind mount puts a host path into the container; whatever the container can write there, it writes on the host. Never mount the engine socket, `/`, `/etc`, `/proc`, `/sys` or `/var/lib/docker`; add `:ro` where the container only reads. Named volumes are managed by the engine and are the safer default for data.',
    url: 'https://docs.docker.com/engine/storage/bind-mounts/',
    zh: {
      title: '卷和绑定挂载',
      body: '绑定挂载把宿主机路径放进容器；容器能在那里写什么，就等于在宿主机上写什么。绝不要挂载引擎套接字、`/`、`/etc`、`/proc`、`/sys` 或 `/var/lib/docker`；容器只读取的挂载加上 `:ro`。命名卷由引擎管理，是存放数据更安全的默认选择。',
    },
  },
  {
    compose: ['devices'],
    flags: ['--device'],
    title: 'Host devices',
    body: 'Makes a host device node available and allowed by the device cgroup. Raw disks, `/dev/mem` or `/dev/kvm` give direct access to host hardware and memory.',
    url: `${RUN_REF}#device`,
    zh: {
      title: '宿主机设备',
      body: '让宿主机设备节点在容器中可用，并由设备 cgroup 放行。原始磁盘、`/dev/mem` 或 `/dev/kvm` 会直接暴露宿主机的硬件和内存。',
    },
  },
  {
    compose: ['ports'],
    flags: ['--publish', '-p'],
    title: 'Published ports',
    body: "Forwards a host port to a container port. Without a host IP Docker binds all interfaces, so the port is reachable from every network the host is on (and Docker's firewall rules bypass ufw/firewalld). Bind to `127.0.0.1:` when only the host needs it.",
    url: `${RUN_REF}#publish`,
    zh: {
      title: '发布的端口',
      body: '把宿主机端口转发到容器端口。不指定宿主机 IP 时 Docker 绑定所有网卡，端口从宿主机所在的每个网络都能访问（而且 Docker 的防火墙规则会绕过 ufw/firewalld）。只有宿主机需要访问时，绑定到 `127.0.0.1:`。',
    },
  },
  {
    compose: ['sysctls'],
    flags: ['--sysctl'],
    title: 'Kernel parameters (sysctls)',
    body: 'Sets namespaced kernel parameters for the container (net.*, kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*). Docker refuses parameters that are not namespaced, but some namespaced ones still weaken isolation, such as `net.ipv4.conf.all.route_localnet`.',
    url: `${RUN_REF}#sysctl`,
    zh: {
      title: '内核参数（sysctl）',
      body: '为容器设置带 namespace 的内核参数（net.*、kernel.shm*、kernel.msg*、kernel.sem、fs.mqueue.*）。Docker 会拒绝不带 namespace 的参数，但有些带 namespace 的参数仍会削弱隔离，例如 `net.ipv4.conf.all.route_localnet`。',
    },
  },
  {
    compose: ['cgroup_parent'],
    flags: ['--cgroup-parent'],
    title: 'Cgroup parent',
    body: "Places the container's cgroup under another parent, whose limits then apply instead of the engine's default hierarchy. Useful for grouping; make sure the parent has limits.",
    url: `${RUN_REF}#cgroup-parent`,
    zh: {
      title: 'Cgroup 父级',
      body: '把容器的 cgroup 放到另一个父 cgroup 下，适用的就是该父级的限制，而不是引擎默认的层级。便于分组；请确保父级设有限制。',
    },
  },
  {
    compose: ['restart', 'deploy.restart_policy'],
    flags: ['--restart'],
    title: 'Restart policy',
    body: '`on-failure:5` restarts a crashing container at most five times; `always` and `unless-stopped` restart forever, which can hide a crash loop or an exploit that keeps retrying.',
    url: `${RUN_REF}#restart`,
    zh: {
      title: '重启策略',
      body: '`on-failure:5` 最多把崩溃的容器重启五次；`always` 和 `unless-stopped` 会无限重启，可能掩盖崩溃循环或不断重试的攻击。',
    },
  },
  {
    compose: ['healthcheck'],
    flags: ['--health-cmd', '--no-healthcheck'],
    title: 'Health check',
    body: "A command the engine runs inside the container to tell whether it works; an unhealthy container can be replaced by an orchestrator. `disable: true` (`--no-healthcheck`) turns off the image's own check.",
    url: `${COMPOSE_REF}#healthcheck`,
    zh: {
      title: '健康检查',
      body: '引擎在容器内运行、用来判断它是否正常工作的命令；编排器可以替换不健康的容器。`disable: true`（`--no-healthcheck`）会关闭镜像自带的检查。',
    },
  },
  {
    compose: ['environment'],
    flags: ['--env', '-e'],
    title: 'Environment variables',
    body: 'Visible to every process in the container and to anyone who can `docker inspect` it. Keep secrets out: reference them (`${DB_PASSWORD}`) or use Compose secrets mounted as files under /run/secrets.',
    url: `${COMPOSE_REF}#environment`,
    zh: {
      title: '环境变量',
      body: '容器中的每个进程以及任何能 `docker inspect` 它的人都能看到。不要放密钥：引用变量（`${DB_PASSWORD}`），或使用以文件形式挂载在 /run/secrets 下的 Compose secrets。',
    },
  },
  {
    compose: ['logging'],
    flags: ['--log-driver'],
    title: 'Logging driver',
    body: "`none` discards the container's output, which also removes the trail you need after an incident. Keep a driver and bound its size (`max-size`, `max-file`).",
    url: 'https://docs.docker.com/engine/logging/configure/',
    zh: {
      title: '日志驱动',
      body: '`none` 会丢弃容器的输出，也就抹掉了事后调查所需的痕迹。保留一个日志驱动并限制其大小（`max-size`、`max-file`）。',
    },
  },
  {
    compose: ['image'],
    flags: [],
    title: 'Image',
    body: 'Without a tag, or with `:latest`, the container runs whatever was pushed last. Pin a version tag, and a digest (`@sha256:…`) for reproducible deployments.',
    url: `${COMPOSE_REF}#image`,
    zh: {
      title: '镜像',
      body: '不带标签或使用 `:latest` 时，容器运行的是最后推送的那个版本。固定版本标签，要可复现部署时再加上摘要（`@sha256:…`）。',
    },
  },
];

export function settingForComposeKey(path: string): RuntimeSetting | undefined {
  return RUNTIME_SETTINGS.find((s) => s.compose.includes(path));
}

export function settingForFlag(flag: string): RuntimeSetting | undefined {
  return RUNTIME_SETTINGS.find((s) => s.flags.includes(flag));
}

/** Markdown for a setting: the explanation and the same setting in the other syntax. */
export function renderSetting(s: RuntimeSetting, from: 'compose' | 'flag', lang: Locale = 'en'): string {
  const zh = lang === 'zh-CN' ? s.zh : undefined;
  const colon = zh ? '：' : ': ';
  const other =
    from === 'compose'
      ? s.flags.length > 0
        ? `\`docker run\`${colon}${s.flags.map((f) => `\`${f}\``).join(', ')}`
        : ''
      : s.compose.length > 0
        ? `Compose${colon}${s.compose.map((k) => `\`${k}\``).join(', ')}`
        : '';
  return `**${zh?.title ?? s.title}**\n\n${zh?.body ?? s.body}${other ? `\n\n${other}` : ''}\n\n[${zh ? '参考文档' : 'Reference'}](${s.url})`;
}
