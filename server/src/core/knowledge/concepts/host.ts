// Ways a container reaches into the host: bind mounts and sockets, devices, and kernel parameters
// (pure core layer, data only). Written by us from Docker's storage and run references and the
// kernel documentation of namespaced sysctls.

import { DOCS, MAN, RUN_REF, t } from './text';
import type { Concept } from './types';

export const HOST_CONCEPTS: Concept[] = [
  {
    id: 'bind-mounts',
    kind: 'host',
    title: t('Bind mounts: host paths inside the container', '绑定挂载：容器里的宿主机路径'),
    summary: t(
      'A bind mount makes a host file or directory appear inside the container; what the container can write there, it writes on the host.',
      '绑定挂载让宿主机上的文件或目录出现在容器里；容器能在那里写什么，就等于在宿主机上写什么。',
    ),
    sections: {
      what: t(
        '`volumes:` entries whose source is a path (`./data:/data`, `/var/run/docker.sock:/var/run/docker.sock`), `-v /host:/ctr` and `--mount type=bind,…`. Named volumes (`data:/data`) are managed by the engine instead.',
        '源为路径的 `volumes:` 条目（`./data:/data`、`/var/run/docker.sock:/var/run/docker.sock`）、`-v /host:/ctr` 和 `--mount type=bind,…`。命名卷（`data:/data`）则由引擎管理。',
      ),
      effect: t(
        'The mount punches through the mount namespace: permissions are checked with the container’s UID, so container root is host root there. `:ro` (`readonly: true`) makes it read-only; `bind.propagation` decides whether later mounts cross over.',
        '挂载会穿透 mount namespace：权限按容器中的 UID 检查，所以在那里容器的 root 就是宿主机的 root。`:ro`（`readonly: true`）使其只读；`bind.propagation` 决定之后的挂载是否会传递过去。',
      ),
      default: t('Nothing from the host is mounted unless you ask.', '除非你要求，否则不会挂载任何宿主机内容。'),
      why: t(
        'Mounting the Docker socket gives full control of the engine, which is root on the host. Mounting `/`, `/etc`, `/root`, `/proc`, `/sys`, `/dev`, `/boot` or `/var/lib/docker` lets the container read secrets or change the host; writable is worse than read-only.',
        '挂载 Docker 套接字就等于完全控制引擎，也就是宿主机的 root。挂载 `/`、`/etc`、`/root`、`/proc`、`/sys`、`/dev`、`/boot` 或 `/var/lib/docker`，容器就能读取密钥或修改宿主机；可写比只读更糟。',
      ),
      todo: t(
        'Mount only what the program needs, read-only where it only reads; use named volumes for data; never mount the engine socket into an application container (use a socket proxy that allows only the calls needed, if you must).',
        '只挂载程序需要的内容，只读的就加 `:ro`；数据使用命名卷；绝不要把引擎套接字挂载进应用容器（确有需要时，使用只放行必要调用的套接字代理）。',
      ),
      see: t("$ docker inspect --format '{{json .Mounts}}' <container>", "$ docker inspect --format '{{json .Mounts}}' <container>"),
    },
    compose: ['volumes'],
    flags: ['--volume', '-v', '--mount'],
    aliases: ['bind mount', 'volume', 'volumes', 'docker.sock', 'docker socket', '/var/run/docker.sock'],
    references: [
      DOCS.bindMounts,
      { title: 'Docker: protect the Docker daemon socket', url: 'https://docs.docker.com/engine/security/protect-access/' },
    ],
    related: ['ns-mnt', 'read-only-rootfs', 'selinux'],
  },
  {
    id: 'devices',
    kind: 'host',
    title: t('Devices: host hardware inside the container', '设备：容器里的宿主机硬件'),
    summary: t(
      'Passing a device gives the container a host device node and lets the device cgroup allow access to it.',
      '传入设备会给容器一个宿主机设备节点，并让设备 cgroup 放行对它的访问。',
    ),
    sections: {
      what: t(
        '`devices:` (`--device /dev/fuse`, optionally `:/dev/x:rwm` permissions) creates the node in the container and allows it; `device_cgroup_rules` (`--device-cgroup-rule`) allows classes of devices by major and minor number.',
        '`devices:`（`--device /dev/fuse`，可附带 `:/dev/x:rwm` 权限）在容器中创建设备节点并放行；`device_cgroup_rules`（`--device-cgroup-rule`）按主、次设备号放行一类设备。',
      ),
      effect: t(
        'The device cgroup (cgroup v1 `devices` controller, a BPF program on v2) decides which device nodes may be opened; by default only a small set such as `/dev/null`, `/dev/zero`, `/dev/random` and the container’s terminal.',
        '设备 cgroup（cgroup v1 的 `devices` 控制器，v2 上是一个 BPF 程序）决定哪些设备节点可以打开；默认只允许少数几个，例如 `/dev/null`、`/dev/zero`、`/dev/random` 和容器的终端。',
      ),
      default: t('No host devices.', '没有宿主机设备。'),
      why: t(
        'A raw disk (`/dev/sda`) exposes every file on it regardless of permissions; `/dev/mem` and `/dev/kmem` expose memory; `/dev/kvm`, GPUs and USB devices add driver attack surface.',
        '原始磁盘（`/dev/sda`）会无视权限暴露其中的所有文件；`/dev/mem` 和 `/dev/kmem` 暴露内存；`/dev/kvm`、GPU 和 USB 设备增加了驱动层面的攻击面。',
      ),
      todo: t(
        'Pass only the device the program needs, with the narrowest permissions (`r` or `rw` without `m`).',
        '只传入程序需要的设备，并使用最窄的权限（`r` 或 `rw`，不带 `m`）。',
      ),
      see: t(
        "$ docker inspect --format '{{json .HostConfig.Devices}}' <container>\n$ docker exec <container> ls -l /dev",
        "$ docker inspect --format '{{json .HostConfig.Devices}}' <container>\n$ docker exec <container> ls -l /dev",
      ),
    },
    compose: ['devices', 'device_cgroup_rules'],
    flags: ['--device', '--device-cgroup-rule'],
    aliases: ['device', 'host devices', 'device cgroup', '/dev'],
    references: [{ title: 'docker run --device', url: `${RUN_REF}#device` }, MAN('cgroups', 7)],
    related: ['cap-mknod', 'cap-sys-rawio', 'privileged'],
  },
  {
    id: 'sysctls',
    kind: 'host',
    title: t('Sysctls: kernel parameters for one container', 'sysctl：单个容器的内核参数'),
    summary: t(
      'Sets namespaced kernel parameters for a container, such as network settings in its own network namespace.',
      '为容器设置带 namespace 的内核参数，例如它自己网络 namespace 中的网络设置。',
    ),
    sections: {
      what: t(
        '`sysctls:` (`--sysctl net.ipv4.ip_forward=1`) writes `/proc/sys` values when the container starts.',
        '`sysctls:`（`--sysctl net.ipv4.ip_forward=1`）在容器启动时写入 `/proc/sys` 中的值。',
      ),
      effect: t(
        'Only parameters that belong to a namespace are accepted: `net.*` (not with host networking), `kernel.shm*`, `kernel.msg*`, `kernel.sem`, `fs.mqueue.*`. Docker refuses the others because they would change the whole host.',
        '只接受属于某个 namespace 的参数：`net.*`（使用宿主机网络时不行）、`kernel.shm*`、`kernel.msg*`、`kernel.sem`、`fs.mqueue.*`。Docker 会拒绝其他参数，因为它们会改变整台宿主机。',
      ),
      default: t(
        'The kernel’s defaults, plus `net.ipv4.ip_unprivileged_port_start=0` and `net.ipv4.ping_group_range` for containers with their own network namespace (Docker 20.10 and later).',
        '内核默认值，另外对于有独立网络 namespace 的容器，还会设置 `net.ipv4.ip_unprivileged_port_start=0` 和 `net.ipv4.ping_group_range`（Docker 20.10 及以上）。',
      ),
      why: t(
        'Namespaced does not mean harmless: `net.ipv4.conf.all.route_localnet=1` lets traffic reach services bound to 127.0.0.1, and forwarding settings can turn a container into a router between networks.',
        '带 namespace 不等于无害：`net.ipv4.conf.all.route_localnet=1` 会让流量能够到达绑定在 127.0.0.1 上的服务，转发相关设置则可能把容器变成网络之间的路由器。',
      ),
      todo: t(
        'Set only the parameters the program needs and review `net.*` changes like firewall rules.',
        '只设置程序需要的参数，并像审查防火墙规则一样审查 `net.*` 的改动。',
      ),
      see: t(
        "$ docker inspect --format '{{json .HostConfig.Sysctls}}' <container>\n$ docker exec <container> sysctl net.ipv4.ip_unprivileged_port_start",
        "$ docker inspect --format '{{json .HostConfig.Sysctls}}' <container>\n$ docker exec <container> sysctl net.ipv4.ip_unprivileged_port_start",
      ),
    },
    compose: ['sysctls'],
    flags: ['--sysctl'],
    aliases: ['sysctl', 'kernel parameters', '/proc/sys', 'route_localnet'],
    references: [{ title: 'docker run --sysctl', url: `${RUN_REF}#sysctl` }, MAN('sysctl', 8), DOCS.compose],
    related: ['ns-net', 'ns-ipc'],
  },
];
