// Control groups and resource limits: memory (+ swap, reservation), CPU (quota, shares, cpuset),
// PIDs, block I/O, per-process ulimits, and how cgroup v1 and v2 differ (pure core layer, data
// only). Written by us from cgroups(7), the kernel's cgroup v2 documentation and Docker's resource
// constraints page.

import { COMPOSE_REF, DOCS, MAN, t } from './text';
import type { Concept } from './types';

const CGROUP_V2 = { title: 'Linux kernel: Control Group v2', url: 'https://docs.kernel.org/admin-guide/cgroup-v2.html' };

export const CGROUP_CONCEPTS: Concept[] = [
  {
    id: 'cgroups',
    kind: 'cgroup',
    title: t('Control groups (cgroups): how the kernel meters and limits containers', '控制组（cgroup）：内核如何计量和限制容器'),
    summary: t(
      'Cgroups group processes so the kernel can account for and limit the memory, CPU, process count and I/O they use.',
      'cgroup 把进程分组，让内核能够统计并限制它们使用的内存、CPU、进程数和 I/O。',
    ),
    sections: {
      what: t(
        'A control group is a set of processes with controllers attached: `memory`, `cpu`, `cpuset`, `pids`, `io` (`blkio` in v1) and others. Docker puts each container in its own cgroup and writes its limits there. Namespaces decide what a container can see; cgroups decide how much it can use.',
        '控制组是一组进程，上面挂着各种控制器：`memory`、`cpu`、`cpuset`、`pids`、`io`（v1 中为 `blkio`）等。Docker 把每个容器放进自己的 cgroup，并在那里写入限制。namespace 决定容器能看到什么；cgroup 决定它能用多少。',
      ),
      effect: t(
        'There are two versions. **cgroup v1** has one hierarchy per controller (`/sys/fs/cgroup/memory/…`, `/sys/fs/cgroup/cpu/…`) with files such as `memory.limit_in_bytes`. **cgroup v2** has a single unified hierarchy (`/sys/fs/cgroup/…`) with consistent files (`memory.max`, `cpu.max`, `pids.max`, `io.max`), accounts buffered writeback I/O to the right cgroup, and supports safe delegation to rootless engines. Most current distributions boot with v2; Docker supports it since 20.10.',
        'cgroup 有两个版本。**cgroup v1** 每个控制器一棵层级树（`/sys/fs/cgroup/memory/…`、`/sys/fs/cgroup/cpu/…`），文件如 `memory.limit_in_bytes`。**cgroup v2** 只有一棵统一的层级树（`/sys/fs/cgroup/…`），文件命名一致（`memory.max`、`cpu.max`、`pids.max`、`io.max`），能把带缓冲的回写 I/O 记到正确的 cgroup 上，并支持安全地委派给 rootless 引擎。当前大多数发行版默认使用 v2；Docker 从 20.10 起支持它。',
      ),
      default: t(
        'Every container gets its own cgroup (with the systemd driver under `system.slice/docker-<id>.scope`) but **no limits**: it may use all the host’s memory, CPU, PIDs and I/O. `cgroup_parent` (`--cgroup-parent`) places it under another parent whose limits then also apply.',
        '每个容器都有自己的 cgroup（使用 systemd 驱动时位于 `system.slice/docker-<id>.scope` 下），但**没有任何限制**：它可以用光宿主机的全部内存、CPU、PID 和 I/O。`cgroup_parent`（`--cgroup-parent`）把它放到另一个父 cgroup 下，父 cgroup 的限制也会同时生效。',
      ),
      why: t(
        'Without limits one container, through a bug, a leak, a fork bomb or an attack, can starve the host and every other container: a denial of service that isolation was supposed to prevent.',
        '没有限制时，一个容器因为程序缺陷、内存泄漏、fork 炸弹或攻击，就能耗尽宿主机和其他所有容器的资源：这正是隔离本应防止的拒绝服务。',
      ),
      todo: t(
        'Set a memory limit, a CPU limit and a PIDs limit on every service (see `cgroup-memory`, `cgroup-cpu`, `cgroup-pids`); if you use `cgroup_parent`, make sure the parent has limits.',
        '为每个服务设置内存、CPU 和 PID 限制（见 `cgroup-memory`、`cgroup-cpu`、`cgroup-pids`）；如果使用 `cgroup_parent`，确保父 cgroup 设有限制。',
      ),
      see: t(
        "Which version and driver the engine uses, and live usage against the limits (`cgroup2fs` means v2):\n\n$ docker info --format '{{.CgroupVersion}} {{.CgroupDriver}}'\n$ stat -fc %T /sys/fs/cgroup\n$ docker stats --no-stream\n$ docker exec <container> cat /proc/self/cgroup",
        "查看引擎使用的版本和驱动，以及实时用量与限制的对比（`cgroup2fs` 表示 v2）：\n\n$ docker info --format '{{.CgroupVersion}} {{.CgroupDriver}}'\n$ stat -fc %T /sys/fs/cgroup\n$ docker stats --no-stream\n$ docker exec <container> cat /proc/self/cgroup",
      ),
    },
    compose: ['cgroup_parent'],
    flags: ['--cgroup-parent'],
    aliases: [
      'cgroup',
      'control groups',
      'control group',
      'cgroup v1',
      'cgroup v2',
      'cgroupv2',
      'cgroup2',
      'cgroup-v2',
      'cgroup-v1',
      'resource limits',
    ],
    references: [MAN('cgroups', 7), CGROUP_V2, DOCS.resources],
    related: ['cgroup-memory', 'cgroup-cpu', 'cgroup-pids', 'cgroup-io', 'ns-cgroup'],
  },
  {
    id: 'cgroup-memory',
    kind: 'cgroup',
    title: t('Memory limits: memory, swap and reservation', '内存限制：内存、交换区和预留'),
    summary: t(
      'The memory controller caps how much RAM (and swap) a container may use; past the cap the kernel reclaims, then OOM-kills a process in the container.',
      '内存控制器限制容器可用的内存（和交换区）；超过上限时内核先回收内存，然后 OOM kill 容器内的一个进程。',
    ),
    sections: {
      what: t(
        'Three settings: the **limit** (`mem_limit`, `deploy.resources.limits.memory`, `--memory`) is a hard cap; **memory + swap** (`memswap_limit`, `--memory-swap`) caps memory and swap together; the **reservation** (`mem_reservation`, `deploy.resources.reservations.memory`, `--memory-reservation`) is a soft floor the kernel tries to leave the container when the host runs short.',
        '三个设置：**上限**（`mem_limit`、`deploy.resources.limits.memory`、`--memory`）是硬性上限；**内存 + 交换区**（`memswap_limit`、`--memory-swap`）限制内存与交换区之和；**预留**（`mem_reservation`、`deploy.resources.reservations.memory`、`--memory-reservation`）是软性下限，宿主机内存紧张时内核尽量给容器留出这么多。',
      ),
      effect: t(
        'At the limit the kernel first reclaims page cache; when nothing more can be freed the OOM killer ends a process in the container (usually the biggest). If that is PID 1 the container stops with exit code 137 and `State.OOMKilled` is true. `--memory-swap` equal to `--memory` means no swap; unset means as much swap as memory; `-1` means unlimited swap.\n\nIn cgroup v1 the files are `memory.limit_in_bytes`, `memory.memsw.limit_in_bytes` (memory plus swap) and `memory.soft_limit_in_bytes`. In cgroup v2 they are `memory.max`, `memory.swap.max` (swap alone: Docker writes the difference) and `memory.low`; `--memory-swappiness` and `--kernel-memory` have no effect on v2.',
        '到达上限时，内核先回收页缓存；无可回收时，OOM killer 结束容器内的一个进程（通常是占用最大的）。如果那是 PID 1，容器以退出码 137 停止，`State.OOMKilled` 为 true。`--memory-swap` 等于 `--memory` 表示不用交换区；不设置表示交换区与内存一样大；`-1` 表示交换区不限。\n\ncgroup v1 中对应的文件是 `memory.limit_in_bytes`、`memory.memsw.limit_in_bytes`（内存加交换区）和 `memory.soft_limit_in_bytes`。cgroup v2 中是 `memory.max`、`memory.swap.max`（仅交换区：Docker 写入两者之差）和 `memory.low`；`--memory-swappiness` 和 `--kernel-memory` 在 v2 上无效。',
      ),
      default: t(
        'No limit: a container may use all the host’s memory and swap. Compose v2 applies `deploy.resources.limits.memory` with `docker compose up`, not only in Swarm.',
        '没有限制：容器可以用光宿主机的全部内存和交换区。Compose v2 在 `docker compose up` 时也会应用 `deploy.resources.limits.memory`，不仅限于 Swarm。',
      ),
      why: t(
        'Without a limit a leak or an attacker fills the host’s memory, the host swaps, and the kernel’s OOM killer may end any process on the host, including the engine or a database. A limit keeps the damage inside the container. `oom_kill_disable` without a limit is worse: the host has no way out.',
        '没有限制时，内存泄漏或攻击者会占满宿主机内存，宿主机开始换页，内核的 OOM killer 可能结束宿主机上的任何进程，包括容器引擎或数据库。设置上限能把损害控制在容器内。没有上限却设置 `oom_kill_disable` 更糟：宿主机将无路可退。',
      ),
      todo: t(
        'Set a limit a little above the program’s measured peak (`mem_limit: 512m` or `deploy.resources.limits.memory: 512M`), set `memswap_limit` to the same value to forbid swap, and tell runtimes with their own heap (JVM, Node.js) about it.',
        '把上限设为略高于程序实测峰值（`mem_limit: 512m` 或 `deploy.resources.limits.memory: 512M`），把 `memswap_limit` 设为同一值以禁止使用交换区，并告知自带堆管理的运行时（JVM、Node.js）。',
      ),
      see: t(
        "Limits as Docker recorded them (bytes, 0 means none), live usage, OOM kills, and the files inside (cgroup v2):\n\n$ docker inspect --format '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.MemoryReservation}} {{.State.OOMKilled}}' <container>\n$ docker stats --no-stream <container>\n$ docker exec <container> cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory.events",
        "查看 Docker 记录的限制（字节，0 表示无限制）、实时用量、OOM kill 情况，以及容器内的文件（cgroup v2）：\n\n$ docker inspect --format '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.MemoryReservation}} {{.State.OOMKilled}}' <container>\n$ docker stats --no-stream <container>\n$ docker exec <container> cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory.events",
      ),
    },
    compose: [
      'deploy.resources.limits.memory',
      'mem_limit',
      'memswap_limit',
      'mem_reservation',
      'deploy.resources.reservations.memory',
      'mem_swappiness',
      'oom_kill_disable',
    ],
    flags: ['--memory', '-m', '--memory-swap', '--memory-reservation', '--memory-swappiness', '--oom-kill-disable', '--kernel-memory'],
    aliases: [
      'memory',
      'memory limit',
      'mem',
      'swap',
      'memory swap',
      'memory reservation',
      'oom',
      'oom kill',
      'oom killer',
      'OOMKilled',
      'memory.max',
    ],
    references: [
      MAN('cgroups', 7),
      CGROUP_V2,
      { title: 'Docker: memory', url: 'https://docs.docker.com/engine/containers/resource_constraints/#memory' },
    ],
    related: ['cgroups', 'cap-ipc-lock', 'cap-sys-resource'],
  },
  {
    id: 'cgroup-cpu',
    kind: 'cgroup',
    title: t('CPU limits: cpus, CPU shares and cpuset', 'CPU 限制：cpus、CPU 份额和 cpuset'),
    summary: t(
      'The cpu and cpuset controllers cap how much CPU time a container gets, weigh it against others, and pin it to chosen CPUs.',
      'cpu 和 cpuset 控制器限制容器获得的 CPU 时间，按权重与其他容器分配，并把它固定到指定的 CPU 上。',
    ),
    sections: {
      what: t(
        'Three different things: **cpus** (`cpus`, `deploy.resources.limits.cpus`, `--cpus`; or `cpu_quota`/`cpu_period`) is a hard quota of CPU time per period; **CPU shares** (`cpu_shares`, `--cpu-shares`) is a relative weight that only matters when CPUs are contended; **cpuset** (`cpuset`, `--cpuset-cpus`, `--cpuset-mems`) restricts which CPUs and NUMA memory nodes the container may run on.',
        '三种不同的东西：**cpus**（`cpus`、`deploy.resources.limits.cpus`、`--cpus`；或 `cpu_quota`/`cpu_period`）是每个周期 CPU 时间的硬配额；**CPU 份额**（`cpu_shares`、`--cpu-shares`）是相对权重，只在 CPU 争用时起作用；**cpuset**（`cpuset`、`--cpuset-cpus`、`--cpuset-mems`）限制容器能在哪些 CPU 和 NUMA 内存节点上运行。',
      ),
      effect: t(
        'A container that uses up its quota is **throttled**, not killed: its threads wait until the next period (100 ms by default), which shows as latency spikes. `--cpus 1.5` means 150 ms of CPU time per 100 ms, spread over any cores. Shares default to 1024 and only divide CPU time between busy containers.\n\nIn cgroup v1 the files are `cpu.cfs_quota_us`/`cpu.cfs_period_us`, `cpu.shares` and `cpuset.cpus`; in cgroup v2 `cpu.max` (quota and period), `cpu.weight` (shares are converted) and `cpuset.cpus`. Throttling counts are in `cpu.stat` (`nr_throttled`).',
        '用完配额的容器会被**节流**（throttle），而不是被杀死：它的线程要等到下一个周期（默认 100 ms），表现为延迟尖峰。`--cpus 1.5` 表示每 100 ms 可用 150 ms CPU 时间，可分布在任意核心上。份额默认为 1024，只在多个繁忙容器之间分配 CPU 时间。\n\ncgroup v1 中对应 `cpu.cfs_quota_us`/`cpu.cfs_period_us`、`cpu.shares` 和 `cpuset.cpus`；cgroup v2 中是 `cpu.max`（配额和周期）、`cpu.weight`（份额会被换算）和 `cpuset.cpus`。节流次数记录在 `cpu.stat`（`nr_throttled`）中。',
      ),
      default: t(
        'No quota, shares of 1024 and every CPU: a busy container can take all cores.',
        '没有配额，份额为 1024，可以使用所有 CPU：一个繁忙的容器能占满所有核心。',
      ),
      why: t(
        'A runaway loop, a crypto miner or a request flood in one container otherwise slows every service on the host. Shares alone do not prevent that on an idle host and give no guarantee of a ceiling.',
        '否则一个容器中的死循环、挖矿程序或请求洪峰会拖慢宿主机上的所有服务。仅靠份额在空闲宿主机上无法阻止这种情况，也不能保证上限。',
      ),
      todo: t(
        'Set `cpus` (or `deploy.resources.limits.cpus`) to what the service needs at peak; use `cpuset` only to pin latency-critical work; tell runtimes that size thread pools by core count.',
        '把 `cpus`（或 `deploy.resources.limits.cpus`）设为服务峰值所需；只在需要固定延迟敏感任务时使用 `cpuset`；告知那些按核心数设定线程池大小的运行时。',
      ),
      see: t(
        "NanoCpus is the `--cpus` value times 10⁹; inside (cgroup v2), `cpu.max` shows quota and period and `cpu.stat` how often the container was throttled:\n\n$ docker inspect --format '{{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}} {{.HostConfig.CpusetCpus}}' <container>\n$ docker exec <container> cat /sys/fs/cgroup/cpu.max /sys/fs/cgroup/cpu.stat",
        "NanoCpus 是 `--cpus` 的值乘以 10⁹；在容器内（cgroup v2），`cpu.max` 显示配额和周期，`cpu.stat` 显示容器被节流的次数：\n\n$ docker inspect --format '{{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}} {{.HostConfig.CpusetCpus}}' <container>\n$ docker exec <container> cat /sys/fs/cgroup/cpu.max /sys/fs/cgroup/cpu.stat",
      ),
    },
    compose: [
      'deploy.resources.limits.cpus',
      'cpus',
      'cpu_shares',
      'cpu_quota',
      'cpu_period',
      'cpuset',
      'deploy.resources.reservations.cpus',
    ],
    flags: ['--cpus', '--cpu-shares', '-c', '--cpu-quota', '--cpu-period', '--cpuset-cpus', '--cpuset-mems'],
    aliases: ['cpu', 'cpu limit', 'cpu shares', 'cpu quota', 'throttling', 'cpu throttling', 'cpu.max', 'cpu.weight', 'shares'],
    references: [
      MAN('cgroups', 7),
      CGROUP_V2,
      { title: 'Docker: CPU', url: 'https://docs.docker.com/engine/containers/resource_constraints/#cpu' },
    ],
    related: ['cgroups', 'cap-sys-nice'],
  },
  {
    id: 'cgroup-pids',
    kind: 'cgroup',
    title: t('PIDs limit: how many processes and threads', 'PID 限制：进程和线程数量'),
    summary: t(
      'The pids controller caps how many processes and threads a container may have; past it, fork() and clone() fail with EAGAIN.',
      'pids 控制器限制容器可拥有的进程和线程数；超过上限时 fork() 和 clone() 以 EAGAIN 失败。',
    ),
    sections: {
      what: t(
        '`pids_limit` (or `deploy.resources.limits.pids`, `--pids-limit`) sets `pids.max` in the container’s cgroup. Every task counts: processes and each of their threads.',
        '`pids_limit`（或 `deploy.resources.limits.pids`、`--pids-limit`）设置容器 cgroup 中的 `pids.max`。每个任务都计入：进程以及它们的每一个线程。',
      ),
      effect: t(
        'At the limit, creating a process or thread fails with `EAGAIN` ("Resource temporarily unavailable"); nothing is killed, and existing processes keep running. The file is `pids.max` in both cgroup v1 and v2; `pids.events` counts refusals.',
        '到达上限后，创建进程或线程会以 `EAGAIN`（“Resource temporarily unavailable”）失败；不会杀死任何进程，已有进程继续运行。cgroup v1 和 v2 中的文件都是 `pids.max`；`pids.events` 记录被拒绝的次数。',
      ),
      default: t('No limit.', '没有限制。'),
      why: t(
        'A fork bomb or a thread leak in one container otherwise fills the host’s process table, and then nothing on the host, not even an administrator’s shell, can start.',
        '否则一个容器中的 fork 炸弹或线程泄漏会占满宿主机的进程表，之后宿主机上什么都无法启动，连管理员的 shell 也不行。',
      ),
      todo: t(
        'Set a limit well above normal use, for example `pids_limit: 200` for a typical web service; more for thread-heavy runtimes.',
        '设置一个远高于正常用量的上限，例如典型 Web 服务用 `pids_limit: 200`；线程多的运行时设得更高。',
      ),
      see: t(
        "$ docker inspect --format '{{.HostConfig.PidsLimit}}' <container>\n$ docker exec <container> cat /sys/fs/cgroup/pids.current /sys/fs/cgroup/pids.max",
        "$ docker inspect --format '{{.HostConfig.PidsLimit}}' <container>\n$ docker exec <container> cat /sys/fs/cgroup/pids.current /sys/fs/cgroup/pids.max",
      ),
    },
    compose: ['pids_limit', 'deploy.resources.limits.pids'],
    flags: ['--pids-limit'],
    aliases: ['pids', 'pid limit', 'pids limit', 'process limit', 'fork bomb', 'EAGAIN', 'pids.max'],
    references: [
      MAN('cgroups', 7),
      CGROUP_V2,
      { title: 'docker run --pids-limit', url: 'https://docs.docker.com/reference/cli/docker/container/run/#pids-limit' },
    ],
    related: ['cgroups', 'ulimits'],
  },
  {
    id: 'cgroup-io',
    kind: 'cgroup',
    title: t('Block I/O limits: weight and bandwidth', '块 I/O 限制：权重和带宽'),
    summary: t(
      'The io controller (blkio in cgroup v1) weighs and throttles a container’s reads and writes to block devices.',
      'io 控制器（cgroup v1 中为 blkio）为容器对块设备的读写分配权重并进行限速。',
    ),
    sections: {
      what: t(
        'Compose `blkio_config` (`weight`, `weight_device`, `device_read_bps`, `device_write_bps`, `device_read_iops`, `device_write_iops`) and the flags `--blkio-weight`, `--blkio-weight-device`, `--device-read-bps`, `--device-write-bps`, `--device-read-iops`, `--device-write-iops`. A weight (10–1000) divides bandwidth under contention; bps and IOPS values are hard caps per device.',
        'Compose 的 `blkio_config`（`weight`、`weight_device`、`device_read_bps`、`device_write_bps`、`device_read_iops`、`device_write_iops`）以及参数 `--blkio-weight`、`--blkio-weight-device`、`--device-read-bps`、`--device-write-bps`、`--device-read-iops`、`--device-write-iops`。权重（10–1000）在争用时分配带宽；bps 和 IOPS 值是针对每个设备的硬上限。',
      ),
      effect: t(
        'At a cap, I/O waits: the container slows down, nothing fails or is killed. In cgroup v1 (`blkio.throttle.*`) caps apply reliably only to direct I/O, because buffered writes are flushed later on behalf of no particular cgroup; cgroup v2 (`io.max`) attributes writeback to the right cgroup. Weights need a scheduler that supports them (BFQ; `io.bfq.weight` on v2).',
        '到达上限时 I/O 会等待：容器变慢，但不会出错或被杀死。在 cgroup v1（`blkio.throttle.*`）中，上限只对直接 I/O 可靠生效，因为带缓冲的写入稍后才刷盘，不归属任何特定 cgroup；cgroup v2（`io.max`）会把回写记到正确的 cgroup 上。权重需要支持它的 I/O 调度器（BFQ；v2 上为 `io.bfq.weight`）。',
      ),
      default: t('No weight and no bandwidth limits.', '没有权重，也没有带宽限制。'),
      why: t(
        'One container copying or logging heavily can saturate a shared disk and stall databases and the engine itself.',
        '一个大量复制或写日志的容器就能占满共享磁盘，让数据库乃至容器引擎本身停滞。',
      ),
      todo: t(
        'Cap write bandwidth for batch and backup jobs on shared disks (`device_write_bps`), on cgroup v2 hosts where the cap covers buffered writes too.',
        '在共享磁盘上为批处理和备份任务限制写带宽（`device_write_bps`），并在 cgroup v2 宿主机上使用，这样限制也覆盖带缓冲的写入。',
      ),
      see: t(
        "$ docker inspect --format '{{.HostConfig.BlkioWeight}} {{.HostConfig.BlkioDeviceWriteBps}}' <container>\n$ docker exec <container> cat /sys/fs/cgroup/io.max /sys/fs/cgroup/io.stat",
        "$ docker inspect --format '{{.HostConfig.BlkioWeight}} {{.HostConfig.BlkioDeviceWriteBps}}' <container>\n$ docker exec <container> cat /sys/fs/cgroup/io.max /sys/fs/cgroup/io.stat",
      ),
    },
    compose: ['blkio_config'],
    flags: [
      '--blkio-weight',
      '--blkio-weight-device',
      '--device-read-bps',
      '--device-write-bps',
      '--device-read-iops',
      '--device-write-iops',
    ],
    aliases: ['blkio', 'io', 'block io', 'block i/o', 'disk io', 'io limit', 'io.max', 'bps', 'iops'],
    references: [MAN('cgroups', 7), CGROUP_V2, { title: 'Compose: blkio_config', url: `${COMPOSE_REF}#blkio_config` }],
    related: ['cgroups'],
  },
  {
    id: 'ulimits',
    kind: 'cgroup',
    title: t('ulimits: per-process resource limits', 'ulimit：按进程的资源限制'),
    summary: t(
      'Resource limits (setrlimit) bound what each process may use: open files, processes per user, locked memory, core size.',
      '资源限制（setrlimit）约束每个进程可以使用的资源：打开的文件数、每用户进程数、锁定内存、core 文件大小。',
    ),
    sections: {
      what: t(
        '`ulimits:` (`--ulimit nofile=1024:4096`) sets soft and hard rlimits for the container’s first process, which its children inherit. Common ones: `nofile` (open files), `nproc` (processes of the same user), `memlock` (locked memory), `core`, `rtprio`.',
        '`ulimits:`（`--ulimit nofile=1024:4096`）为容器的第一个进程设置软、硬 rlimit，其子进程会继承。常用的有：`nofile`（打开的文件数）、`nproc`（同一用户的进程数）、`memlock`（锁定内存）、`core`、`rtprio`。',
      ),
      effect: t(
        'A process that hits a limit gets an error (`EMFILE` for files, `EAGAIN` for processes); raising a hard limit needs CAP_SYS_RESOURCE. `nproc` counts every process of that UID on the host, across containers, so a PIDs limit is the better per-container bound.',
        '进程达到限制时会收到错误（文件为 `EMFILE`，进程为 `EAGAIN`）；提高硬限制需要 CAP_SYS_RESOURCE。`nproc` 统计的是宿主机上该 UID 的所有进程，跨越各个容器，因此按容器限制时 PID 限制更合适。',
      ),
      default: t(
        'The daemon’s own limits, or `default-ulimits` from daemon.json.',
        '沿用守护进程自身的限制，或 daemon.json 中的 `default-ulimits`。',
      ),
      why: t(
        'Ulimits let a program do what it needs (many connections, locked memory) without extra capabilities such as CAP_SYS_RESOURCE or CAP_IPC_LOCK.',
        'ulimit 让程序无需 CAP_SYS_RESOURCE、CAP_IPC_LOCK 等额外 capability，就能做它需要的事（大量连接、锁定内存）。',
      ),
      todo: t(
        'Raise exactly the limit the program needs with `ulimits:` instead of adding a capability; use `pids_limit` to bound processes per container.',
        '用 `ulimits:` 精确提高程序需要的那个限制，而不是添加 capability；用 `pids_limit` 限制每个容器的进程数。',
      ),
      see: t('$ docker exec <container> cat /proc/1/limits', '$ docker exec <container> cat /proc/1/limits'),
    },
    compose: ['ulimits'],
    flags: ['--ulimit'],
    aliases: ['ulimit', 'rlimit', 'nofile', 'nproc', 'memlock', 'default-ulimits'],
    references: [
      MAN('setrlimit', 2),
      { title: 'docker run --ulimit', url: 'https://docs.docker.com/reference/cli/docker/container/run/#ulimit' },
    ],
    related: ['cgroup-pids', 'cap-sys-resource', 'cap-ipc-lock'],
  },
];
