// Security options and privilege: capabilities as a whole, privileged mode, the container's user,
// seccomp, AppArmor, SELinux labels, no-new-privileges, a read-only root filesystem, user namespace
// remapping and rootless mode (pure core layer, data only). Written by us from the kernel man pages
// (capabilities(7), seccomp(2), prctl(2), user_namespaces(7)), Docker's security documentation and
// Docker's default seccomp profile.

import { DOCS, MAN, RUN_REF, t } from './text';
import type { Concept } from './types';

export const SECURITY_CONCEPTS: Concept[] = [
  {
    id: 'capabilities',
    kind: 'security',
    title: t('Linux capabilities: root’s power in 41 pieces', 'Linux capability：把 root 的权力拆成 41 份'),
    summary: t(
      'Capabilities split root’s privileges into 41 units that can be granted one by one; Docker gives a container 14 of them by default.',
      'capability 把 root 的特权拆分成 41 个可以单独授予的单元；Docker 默认给容器其中 14 个。',
    ),
    sections: {
      what: t(
        'Instead of "root can do anything", the kernel checks a specific capability for each privileged operation: CAP_NET_BIND_SERVICE to bind port 80, CAP_SYS_ADMIN to mount, and so on. Each thread has several sets: **bounding** (the most it can ever have), **permitted**, **effective** (what is checked), **inheritable** and **ambient**.',
        '内核不再是“root 无所不能”，而是针对每种特权操作检查一个具体的 capability：绑定 80 端口要 CAP_NET_BIND_SERVICE，挂载要 CAP_SYS_ADMIN，等等。每个线程有几个集合：**边界集**（bounding，最多能拥有的）、**许可集**（permitted）、**有效集**（effective，实际被检查的）、**可继承集**（inheritable）和 **环境集**（ambient）。',
      ),
      effect: t(
        '`cap_add` (`--cap-add`) and `cap_drop` (`--cap-drop`) change the set a container’s processes start with; names are accepted with or without `CAP_` and in any case, and `ALL` means every capability. Docker applies the drops first, then the adds, so `cap_drop: [ALL]` with `cap_add: [NET_BIND_SERVICE]` leaves exactly one. A process running as a non-root user starts with an empty effective set but can still gain capabilities from the bounding set through setuid or file-capability binaries.',
        '`cap_add`（`--cap-add`）和 `cap_drop`（`--cap-drop`）改变容器进程启动时拥有的集合；名字可带或不带 `CAP_`，大小写均可，`ALL` 表示全部。Docker 先处理去除、再处理添加，因此 `cap_drop: [ALL]` 加 `cap_add: [NET_BIND_SERVICE]` 恰好只剩一个。以非 root 用户运行的进程启动时有效集为空，但仍可通过 setuid 程序或带文件 capability 的程序从边界集中获得 capability。',
      ),
      default: t(
        'Docker grants 14: CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID, SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL, AUDIT_WRITE. `privileged: true` grants all 41.',
        'Docker 默认授予 14 个：CHOWN、DAC_OVERRIDE、FSETID、FOWNER、MKNOD、NET_RAW、SETGID、SETUID、SETFCAP、SETPCAP、NET_BIND_SERVICE、SYS_CHROOT、KILL、AUDIT_WRITE。`privileged: true` 会授予全部 41 个。',
      ),
      why: t(
        'Each capability is kernel attack surface and a step toward the host: most container escapes need one that is not in the default set (SYS_ADMIN, SYS_MODULE, SYS_PTRACE, DAC_READ_SEARCH, …), and even the default ones let root in the container ignore file permissions.',
        '每个 capability 都是内核攻击面，也是通向宿主机的一步：大多数容器逃逸都需要某个不在默认集合中的 capability（SYS_ADMIN、SYS_MODULE、SYS_PTRACE、DAC_READ_SEARCH 等），而即便是默认的那些，也让容器里的 root 可以无视文件权限。',
      ),
      todo: t(
        'Drop all and add back only what the program needs (often nothing):\n\n- Compose: `cap_drop: [ALL]`, then `cap_add: [NET_BIND_SERVICE]` if needed\n- docker run: `--cap-drop ALL --cap-add NET_BIND_SERVICE`\n\nRun as a non-root user and set `no-new-privileges` so setuid binaries cannot regain what you dropped.',
        '全部去掉，只加回程序需要的（通常一个都不需要）：\n\n- Compose：`cap_drop: [ALL]`，需要时再 `cap_add: [NET_BIND_SERVICE]`\n- docker run：`--cap-drop ALL --cap-add NET_BIND_SERVICE`\n\n以非 root 用户运行，并设置 `no-new-privileges`，让 setuid 程序无法重新获得你去掉的 capability。',
      ),
      see: t(
        "What the container was given, and the masks its first process holds, decoded:\n\n$ docker inspect --format '{{.HostConfig.CapAdd}} {{.HostConfig.CapDrop}}' <container>\n$ docker exec <container> grep Cap /proc/1/status\n$ capsh --decode=00000000a80425fb\n\n`00000000a80425fb` is Docker’s default set of 14.",
        "查看容器被授予的内容，以及其第一个进程持有的掩码并解码：\n\n$ docker inspect --format '{{.HostConfig.CapAdd}} {{.HostConfig.CapDrop}}' <container>\n$ docker exec <container> grep Cap /proc/1/status\n$ capsh --decode=00000000a80425fb\n\n`00000000a80425fb` 就是 Docker 默认的 14 个 capability。",
      ),
    },
    compose: ['cap_add', 'cap_drop'],
    flags: ['--cap-add', '--cap-drop'],
    aliases: ['capability', 'caps', 'linux capabilities', 'cap drop all', 'default capabilities', 'capsh'],
    references: [MAN('capabilities', 7), DOCS.runtimePrivilege],
    related: ['cap-sys-admin', 'cap-net-bind-service', 'no-new-privileges', 'privileged'],
  },
  {
    id: 'privileged',
    kind: 'security',
    title: t('Privileged mode: turning isolation off', '特权模式：关闭隔离'),
    summary: t(
      'A privileged container gets every capability and every host device, and no seccomp, AppArmor or SELinux confinement.',
      '特权容器拥有全部 capability 和所有宿主机设备，并且不受 seccomp、AppArmor 或 SELinux 约束。',
    ),
    sections: {
      what: t(
        '`privileged: true` (`--privileged`) is a switch that removes most of the protections Docker applies, for containers that need to act like the host (Docker-in-Docker, some system tools).',
        '`privileged: true`（`--privileged`）是一个开关，移除 Docker 施加的大部分保护，用于需要像宿主机一样行事的容器（Docker-in-Docker、某些系统工具）。',
      ),
      effect: t(
        'All 41 capabilities; every host device in `/dev` and a device cgroup that allows them all; seccomp and AppArmor unconfined and SELinux labelling off; `/proc` and `/sys` paths that are normally masked or read-only become writable. Namespaces remain, but they no longer hold anything back.',
        '拥有全部 41 个 capability；`/dev` 中的所有宿主机设备，设备 cgroup 全部放行；seccomp 和 AppArmor 不再约束，SELinux 标签关闭；通常被屏蔽或只读的 `/proc` 和 `/sys` 路径变为可写。namespace 仍在，但已经挡不住什么了。',
      ),
      default: t('Off.', '默认关闭。'),
      why: t(
        'A privileged container can mount the host’s disk (`mount /dev/sda1 /mnt`), load kernel modules and write to the host’s kernel settings: treat it as root on the host.',
        '特权容器可以挂载宿主机磁盘（`mount /dev/sda1 /mnt`）、加载内核模块、改写宿主机内核设置：应把它视为宿主机上的 root。',
      ),
      todo: t(
        'Remove `privileged` and grant the one capability (`cap_add`) or device (`devices:`) the workload needs; for building images use rootless BuildKit; for Docker-in-Docker consider rootless Docker or Sysbox.',
        '去掉 `privileged`，只授予工作负载需要的那一个 capability（`cap_add`）或设备（`devices:`）；构建镜像用 rootless BuildKit；Docker-in-Docker 可考虑 rootless Docker 或 Sysbox。',
      ),
      see: t(
        "A privileged container’s effective capability mask has all 41 bits set (`000001ffffffffff`) and it sees the host’s devices:\n\n$ docker inspect --format '{{.HostConfig.Privileged}}' <container>\n$ docker exec <container> grep CapEff /proc/1/status\n$ docker exec <container> ls /dev",
        "特权容器的有效 capability 掩码 41 位全部置位（`000001ffffffffff`），并且能看到宿主机的设备：\n\n$ docker inspect --format '{{.HostConfig.Privileged}}' <container>\n$ docker exec <container> grep CapEff /proc/1/status\n$ docker exec <container> ls /dev",
      ),
    },
    compose: ['privileged'],
    flags: ['--privileged'],
    aliases: ['privileged mode', 'privileged container', 'privileged: true'],
    references: [DOCS.runtimePrivilege, MAN('capabilities', 7)],
    related: ['capabilities', 'devices', 'seccomp', 'apparmor'],
  },
  {
    id: 'non-root-user',
    kind: 'security',
    title: t('The container’s user: root or not', '容器的用户：是不是 root'),
    summary: t(
      'Which user the container’s processes run as; without user namespaces, UID 0 in a container is UID 0 on the host.',
      '容器进程以哪个用户运行；没有 user namespace 时，容器中的 UID 0 就是宿主机上的 UID 0。',
    ),
    sections: {
      what: t(
        'The user comes from the image’s last `USER` instruction, overridden by `user:` in Compose or `--user` (`-u`) on `docker run`, as a name, a UID, or `UID:GID`.',
        '用户来自镜像中最后一条 `USER` 指令，可被 Compose 中的 `user:` 或 `docker run` 的 `--user`（`-u`）覆盖，取值可以是用户名、UID 或 `UID:GID`。',
      ),
      effect: t(
        'Root in the container holds Docker’s default capabilities in its effective set, so it ignores file permissions (DAC_OVERRIDE), changes owners (CHOWN) and so on; a non-root user starts with none. Files it writes to bind mounts are owned by that UID on the host.',
        '容器中的 root 在有效集中持有 Docker 的默认 capability，因此能无视文件权限（DAC_OVERRIDE）、修改属主（CHOWN）等；非 root 用户启动时一个也没有。它写入绑定挂载的文件在宿主机上属于该 UID。',
      ),
      default: t(
        'The image’s user; most base images do not set one, so the default is root (UID 0), which is the host’s root unless the daemon uses `userns-remap` or rootless mode.',
        '使用镜像的用户；大多数基础镜像没有设置，因此默认是 root（UID 0），除非守护进程使用 `userns-remap` 或 rootless 模式，否则它就是宿主机的 root。',
      ),
      why: t(
        'Every escape bug is worse when the process is already root: a kernel bug, a writable host mount or a leaked socket turns directly into root on the host. As a non-root user, an attacker must first find a privilege escalation.',
        '进程本身就是 root 时，每个逃逸漏洞的后果都更严重：一个内核漏洞、一个可写的宿主机挂载或一个泄露的套接字，就能直接变成宿主机上的 root。以非 root 用户运行时，攻击者必须先找到提权途径。',
      ),
      todo: t(
        'Create a user in the Dockerfile and end with `USER 1001:1001` (or the image’s own non-root user, such as `node` or distroless `nonroot`); in Compose set `user: "1001:1001"` when the image does not.',
        '在 Dockerfile 中创建用户，并以 `USER 1001:1001` 结尾（或使用镜像自带的非 root 用户，如 `node` 或 distroless 的 `nonroot`）；镜像没有设置时，在 Compose 中设置 `user: "1001:1001"`。',
      ),
      see: t(
        "$ docker exec <container> id\n$ docker inspect --format '{{.Config.User}}' <container>\n$ ps -o user,pid,cmd -p $(docker inspect --format '{{.State.Pid}}' <container>)",
        "$ docker exec <container> id\n$ docker inspect --format '{{.Config.User}}' <container>\n$ ps -o user,pid,cmd -p $(docker inspect --format '{{.State.Pid}}' <container>)",
      ),
    },
    compose: ['user'],
    flags: ['--user', '-u'],
    aliases: ['user', 'USER', 'root', 'run as root', 'root user', 'non-root', 'nonroot', 'uid 0'],
    references: [
      { title: 'Dockerfile reference: USER', url: 'https://docs.docker.com/reference/dockerfile/#user' },
      { title: 'docker run --user', url: `${RUN_REF}#user` },
    ],
    related: ['ns-user', 'userns-remap', 'capabilities'],
  },
  {
    id: 'security-opt',
    kind: 'security',
    title: t('Security options (security_opt)', '安全选项（security_opt）'),
    summary: t(
      '`security_opt` (`--security-opt`) chooses the seccomp profile, the AppArmor profile, the SELinux label and no-new-privileges for a container.',
      '`security_opt`（`--security-opt`）为容器选择 seccomp 配置、AppArmor profile、SELinux 标签以及 no-new-privileges。',
    ),
    sections: {
      what: t(
        'A list of `key=value` options (Compose also accepts `key:value`):\n\n- `seccomp=<profile.json>` or `seccomp=unconfined`\n- `apparmor=<profile>` or `apparmor=unconfined`\n- `label=type:…`, `label=level:…`, `label=user:…`, `label=role:…`, `label=disable`\n- `no-new-privileges` (or `no-new-privileges=true`)\n- `systempaths=unconfined`, which unmasks the paths Docker hides in `/proc` and `/sys`',
        '一组 `key=value` 选项（Compose 也接受 `key:value`）：\n\n- `seccomp=<profile.json>` 或 `seccomp=unconfined`\n- `apparmor=<profile>` 或 `apparmor=unconfined`\n- `label=type:…`、`label=level:…`、`label=user:…`、`label=role:…`、`label=disable`\n- `no-new-privileges`（或 `no-new-privileges=true`）\n- `systempaths=unconfined`：取消 Docker 对 `/proc` 和 `/sys` 中路径的屏蔽',
      ),
      effect: t(
        'Each option tightens or loosens one layer: seccomp filters system calls, AppArmor and SELinux confine file and resource access, no-new-privileges stops privilege gains on `execve`.',
        '每个选项收紧或放松一层防护：seccomp 过滤系统调用，AppArmor 和 SELinux 约束文件和资源访问，no-new-privileges 阻止 `execve` 时获得更多特权。',
      ),
      default: t(
        'Docker’s default seccomp profile, the `docker-default` AppArmor profile where AppArmor is enabled, SELinux labels where the daemon has SELinux enabled, and no-new-privileges off.',
        'Docker 默认的 seccomp 配置；在启用了 AppArmor 的系统上使用 `docker-default` AppArmor profile；守护进程启用 SELinux 时使用 SELinux 标签；no-new-privileges 默认关闭。',
      ),
      why: t(
        'The `unconfined` and `disable` values each remove a layer that stops real escapes; `no-new-privileges` is a cheap layer most services can add.',
        '`unconfined` 和 `disable` 每个都会拆掉一层能阻止真实逃逸的防护；`no-new-privileges` 则是大多数服务都能轻松加上的一层。',
      ),
      todo: t(
        'Add `no-new-privileges:true`; keep the default seccomp and AppArmor profiles, or write a narrower custom profile instead of `unconfined`.',
        '加上 `no-new-privileges:true`；保留默认的 seccomp 和 AppArmor 配置，需要时编写更严格的自定义配置，而不是使用 `unconfined`。',
      ),
      see: t(
        "$ docker inspect --format '{{.HostConfig.SecurityOpt}}' <container>\n$ docker info --format '{{.SecurityOptions}}'",
        "$ docker inspect --format '{{.HostConfig.SecurityOpt}}' <container>\n$ docker info --format '{{.SecurityOptions}}'",
      ),
    },
    compose: ['security_opt'],
    flags: ['--security-opt'],
    aliases: ['security options', 'security option', 'systempaths=unconfined', 'systempaths'],
    references: [{ title: 'docker run --security-opt', url: `${RUN_REF}#security-opt` }, DOCS.security],
    related: ['seccomp', 'apparmor', 'selinux', 'no-new-privileges'],
  },
  {
    id: 'seccomp',
    kind: 'security',
    title: t('seccomp: filtering system calls', 'seccomp：过滤系统调用'),
    summary: t(
      'A seccomp filter decides, for every system call a process makes, whether the kernel runs it, refuses it with an error, or kills the process.',
      'seccomp 过滤器针对进程发起的每个系统调用，决定内核是执行它、以错误拒绝它，还是杀死进程。',
    ),
    sections: {
      what: t(
        'seccomp (secure computing, `seccomp(2)`) in filter mode attaches a small BPF program to a process. The program sees the system call number, the architecture and the argument values (not memory they point to) and returns an action. Filters are inherited by children and can only be made stricter.',
        'seccomp（secure computing，`seccomp(2)`）在过滤模式下给进程附加一个小型 BPF 程序。该程序能看到系统调用号、架构和参数值（而不是参数指向的内存），并返回一个动作。过滤器会被子进程继承，而且只能变得更严格。',
      ),
      effect: t(
        'Docker profiles are JSON: a `defaultAction`, `architectures`, and `syscalls` entries with `names`, an `action`, optional `args` conditions and `includes`/`excludes` (by capability, architecture or kernel version). Actions:\n\n- `SCMP_ACT_ALLOW`: run the call\n- `SCMP_ACT_ERRNO`: fail it with an error number (`errnoRet`, EPERM by default)\n- `SCMP_ACT_KILL_PROCESS`, `SCMP_ACT_KILL_THREAD` (`SCMP_ACT_KILL`): kill\n- `SCMP_ACT_TRAP`: send SIGSYS\n- `SCMP_ACT_TRACE`: let a ptrace tracer decide\n- `SCMP_ACT_LOG`: allow and log\n- `SCMP_ACT_NOTIFY`: ask a user-space agent (`listenerPath`)',
        'Docker 的配置是 JSON：一个 `defaultAction`、`architectures`，以及若干 `syscalls` 条目，每个条目有 `names`、一个 `action`、可选的 `args` 条件和 `includes`/`excludes`（按 capability、架构或内核版本）。动作包括：\n\n- `SCMP_ACT_ALLOW`：执行该调用\n- `SCMP_ACT_ERRNO`：以错误号失败（`errnoRet`，默认为 EPERM）\n- `SCMP_ACT_KILL_PROCESS`、`SCMP_ACT_KILL_THREAD`（`SCMP_ACT_KILL`）：杀死\n- `SCMP_ACT_TRAP`：发送 SIGSYS\n- `SCMP_ACT_TRACE`：交给 ptrace 跟踪者决定\n- `SCMP_ACT_LOG`：放行并记录\n- `SCMP_ACT_NOTIFY`：询问用户态代理（`listenerPath`）',
      ),
      default: t(
        'Docker applies its default profile to every container that is not privileged. It is an allow-list: `defaultAction` is `SCMP_ACT_ERRNO`, and about 360 system calls are allowed. Blocked for every container are, among others, `kexec_load`, `add_key`/`keyctl`, `userfaultfd` and the `io_uring_*` calls; `mount`, `unshare`, `setns`, `init_module`, `bpf` and `perf_event_open` are allowed only with the matching capability, and `clone` only without namespace flags. `security_opt: [seccomp:unconfined]` (`--security-opt seccomp=unconfined`) turns filtering off; `seccomp=<file.json>` uses your profile.',
        'Docker 对每个非特权容器应用其默认配置。它是一个允许列表：`defaultAction` 为 `SCMP_ACT_ERRNO`，大约放行 360 个系统调用。对所有容器都阻止的包括 `kexec_load`、`add_key`/`keyctl`、`userfaultfd` 以及 `io_uring_*` 系列；`mount`、`unshare`、`setns`、`init_module`、`bpf` 和 `perf_event_open` 只有持有相应 capability 时才放行，`clone` 只在不带 namespace 标志时放行。`security_opt: [seccomp:unconfined]`（`--security-opt seccomp=unconfined`）关闭过滤；`seccomp=<file.json>` 使用你自己的配置。',
      ),
      why: t(
        'Most kernel privilege-escalation bugs are reached through a handful of rarely used system calls. The default profile closes many of them for every container at almost no cost; running unconfined reopens them.',
        '大多数内核提权漏洞都是通过少数几个很少使用的系统调用触发的。默认配置几乎零成本地为每个容器关闭了其中许多；不加约束地运行则会重新打开它们。',
      ),
      todo: t(
        'Keep the default profile. If a program needs one more call, copy Docker’s default and allow just that call, rather than `unconfined`; with a custom profile keep `SCMP_ACT_ERRNO` as the default action.',
        '保留默认配置。如果程序还需要某个系统调用，复制 Docker 的默认配置并只放行那一个调用，而不是使用 `unconfined`；自定义配置中保持 `SCMP_ACT_ERRNO` 作为默认动作。',
      ),
      see: t(
        "`Seccomp: 2` means a filter is active (0 means none):\n\n$ docker exec <container> grep Seccomp /proc/1/status\n$ docker inspect --format '{{.HostConfig.SecurityOpt}}' <container>\n$ docker info --format '{{.SecurityOptions}}'",
        "`Seccomp: 2` 表示过滤器生效（0 表示没有）：\n\n$ docker exec <container> grep Seccomp /proc/1/status\n$ docker inspect --format '{{.HostConfig.SecurityOpt}}' <container>\n$ docker info --format '{{.SecurityOptions}}'",
      ),
    },
    compose: [],
    flags: [],
    aliases: [
      'seccomp profile',
      'seccomp=unconfined',
      'seccomp:unconfined',
      'seccomp unconfined',
      'seccomp-profile',
      'syscall filter',
      'SCMP_ACT_ALLOW',
      'SCMP_ACT_ERRNO',
      'SCMP_ACT_KILL',
      'SCMP_ACT_KILL_PROCESS',
      'SCMP_ACT_KILL_THREAD',
      'SCMP_ACT_TRAP',
      'SCMP_ACT_TRACE',
      'SCMP_ACT_LOG',
      'SCMP_ACT_NOTIFY',
      'defaultAction',
    ],
    references: [
      MAN('seccomp', 2),
      DOCS.seccomp,
      { title: 'moby/profiles: default seccomp profile', url: 'https://github.com/moby/profiles/blob/main/seccomp/default.json' },
    ],
    related: ['security-opt', 'cap-sys-admin', 'capabilities'],
  },
  {
    id: 'apparmor',
    kind: 'security',
    title: t('AppArmor: confining a container by path', 'AppArmor：按路径约束容器'),
    summary: t(
      'AppArmor is a Linux security module that confines a program to the files, capabilities and operations its profile allows.',
      'AppArmor 是一个 Linux 安全模块，把程序限制在其 profile 允许的文件、capability 和操作之内。',
    ),
    sections: {
      what: t(
        'A profile is a set of rules loaded into the kernel (`apparmor_parser`), mainly by path: which files may be read, written or executed, whether mounts, ptrace or signals are allowed. It applies in addition to permissions and capabilities: both must allow an operation.',
        'profile 是一组加载到内核中的规则（`apparmor_parser`），主要按路径描述：哪些文件可读、可写、可执行，是否允许挂载、ptrace 或发信号。它叠加在权限和 capability 之上：操作必须两者都允许。',
      ),
      effect: t(
        'Docker’s `docker-default` profile denies writing to most of `/proc` and `/sys`, mounting, and tracing or signalling processes outside the profile, even for root with extra capabilities.',
        'Docker 的 `docker-default` profile 禁止写入 `/proc` 和 `/sys` 的大部分内容、禁止挂载、禁止跟踪或向 profile 之外的进程发信号，即使是拥有额外 capability 的 root 也一样。',
      ),
      default: t(
        'On hosts with AppArmor enabled (Ubuntu, Debian, SUSE), Docker loads `docker-default` and applies it to every non-privileged container. `security_opt: [apparmor:unconfined]` (`--security-opt apparmor=unconfined`) removes it; `apparmor=<name>` applies a profile you loaded on the host. Privileged containers run unconfined.',
        '在启用了 AppArmor 的宿主机上（Ubuntu、Debian、SUSE），Docker 会加载 `docker-default` 并应用于每个非特权容器。`security_opt: [apparmor:unconfined]`（`--security-opt apparmor=unconfined`）会去掉它；`apparmor=<name>` 应用你在宿主机上加载的 profile。特权容器不受约束。',
      ),
      why: t(
        'Several escapes that rely on writing to `/proc` or `/sys` or on mounting are stopped by `docker-default` even when a container has CAP_SYS_ADMIN.',
        '即使容器拥有 CAP_SYS_ADMIN，若干依赖写 `/proc`、`/sys` 或挂载的逃逸方式仍会被 `docker-default` 阻止。',
      ),
      todo: t(
        'Keep `docker-default`; if a program needs more, write a custom profile that starts from it (tools such as bane help) and load it on every host, instead of `unconfined`.',
        '保留 `docker-default`；如果程序需要更多权限，以它为起点编写自定义 profile（可借助 bane 等工具），并在每台宿主机上加载，而不是使用 `unconfined`。',
      ),
      see: t(
        "Inside the container the current profile shows as `docker-default (enforce)`:\n\n$ docker inspect --format '{{.AppArmorProfile}}' <container>\n$ docker exec <container> cat /proc/1/attr/current\n$ sudo aa-status",
        "在容器内，当前 profile 显示为 `docker-default (enforce)`：\n\n$ docker inspect --format '{{.AppArmorProfile}}' <container>\n$ docker exec <container> cat /proc/1/attr/current\n$ sudo aa-status",
      ),
    },
    compose: [],
    flags: [],
    aliases: ['apparmor profile', 'docker-default', 'apparmor=unconfined', 'apparmor:unconfined', 'apparmor unconfined', 'aa-status'],
    references: [DOCS.apparmor, { title: 'AppArmor documentation', url: 'https://gitlab.com/apparmor/apparmor/-/wikis/Documentation' }],
    related: ['security-opt', 'selinux', 'seccomp'],
  },
  {
    id: 'selinux',
    kind: 'security',
    title: t('SELinux labels: confining a container by type and category', 'SELinux 标签：按类型和类别约束容器'),
    summary: t(
      'On SELinux hosts each container runs with a label that decides which files and processes it may touch, and keeps containers apart from each other.',
      '在 SELinux 宿主机上，每个容器都带着一个标签运行，标签决定它可以接触哪些文件和进程，并把各个容器彼此隔开。',
    ),
    sections: {
      what: t(
        'SELinux is a Linux security module that labels every process and file (`user:role:type:level`) and allows an access only if the policy allows that pair of labels. Container processes run as type `container_t`, their files are `container_file_t`, and each container gets unique MCS categories (such as `s0:c123,c456`).',
        'SELinux 是一个 Linux 安全模块，给每个进程和文件打上标签（`user:role:type:level`），只有当策略允许这对标签时才放行访问。容器进程以 `container_t` 类型运行，其文件为 `container_file_t`，每个容器还会获得唯一的 MCS 类别（例如 `s0:c123,c456`）。',
      ),
      effect: t(
        'A container cannot read host files or another container’s files, even as root, unless their labels allow it. Options: `label=type:<type>`, `label=level:<level>`, `label=user:…`, `label=role:…` set parts of the label; `label=disable` turns labelling off for the container. On volumes, `:z` relabels the content with a shared label every container may use and `:Z` with a private label only this container may use.',
        '除非标签允许，容器即使是 root 也无法读取宿主机文件或其他容器的文件。选项：`label=type:<type>`、`label=level:<level>`、`label=user:…`、`label=role:…` 设置标签的各个部分；`label=disable` 为该容器关闭标签。对卷而言，`:z` 把内容重新标记为所有容器都能用的共享标签，`:Z` 则标记为只有本容器能用的私有标签。',
      ),
      default: t(
        'Applies when the host runs SELinux in enforcing mode and the daemon has `selinux-enabled: true` (the default on Fedora and RHEL packages). Docker does not relabel volumes unless you add `:z` or `:Z`.',
        '当宿主机以 enforcing 模式运行 SELinux 且守护进程设置了 `selinux-enabled: true`（Fedora 和 RHEL 软件包的默认值）时生效。除非加上 `:z` 或 `:Z`，Docker 不会重新标记卷。',
      ),
      why: t(
        'SELinux stopped several runtime escapes (including the 2019 runc overwrite, CVE-2019-5736) on hosts that enforced it. `label=disable` or the super-privileged type `spc_t` gives that up. `:Z` on a system directory such as `/home` or `/usr` relabels it for one container and can break the host.',
        '在强制启用 SELinux 的宿主机上，它阻止了多个运行时逃逸（包括 2019 年的 runc 覆盖漏洞 CVE-2019-5736）。`label=disable` 或超级特权类型 `spc_t` 会放弃这层保护。对 `/home`、`/usr` 这样的系统目录使用 `:Z`，会把它们重新标记为只属于一个容器，可能导致宿主机出问题。',
      ),
      todo: t(
        'Keep labelling on; use `:z`/`:Z` only on directories that belong to the containers; if a container needs more access, add a policy module rather than `label=disable`.',
        '保持标签开启；只对属于容器的目录使用 `:z`/`:Z`；容器需要更多访问时，添加策略模块，而不是 `label=disable`。',
      ),
      see: t(
        "$ docker inspect --format '{{.ProcessLabel}} {{.MountLabel}}' <container>\n$ ps -eZ | grep container_t\n$ ls -Z <host directory>\n$ getenforce",
        "$ docker inspect --format '{{.ProcessLabel}} {{.MountLabel}}' <container>\n$ ps -eZ | grep container_t\n$ ls -Z <host directory>\n$ getenforce",
      ),
    },
    compose: [],
    flags: [],
    aliases: [
      'selinux label',
      'label',
      'label=disable',
      'label:disable',
      'label=type',
      'label:type',
      'label=level',
      ':z',
      ':Z',
      'z',
      'relabel',
      'selinux-enabled',
      'container_t',
      'spc_t',
    ],
    references: [
      { title: 'docker run --security-opt', url: `${RUN_REF}#security-opt` },
      {
        title: 'Docker: bind mounts and SELinux labels',
        url: 'https://docs.docker.com/engine/storage/bind-mounts/#configure-the-selinux-label',
      },
    ],
    related: ['security-opt', 'apparmor', 'bind-mounts'],
  },
  {
    id: 'no-new-privileges',
    kind: 'security',
    title: t('no-new-privileges: no privilege gains on exec', 'no-new-privileges:exec 时不再获得特权'),
    summary: t(
      'With no-new-privileges set, running a setuid program or a binary with file capabilities grants nothing.',
      '设置 no-new-privileges 后，运行 setuid 程序或带文件 capability 的程序不会获得任何特权。',
    ),
    sections: {
      what: t(
        'The kernel’s `no_new_privs` bit (`prctl(PR_SET_NO_NEW_PRIVS)`), set on the container’s first process and inherited by every child. Once set it cannot be cleared.',
        '内核的 `no_new_privs` 位（`prctl(PR_SET_NO_NEW_PRIVS)`），设置在容器的第一个进程上，并被所有子进程继承。一旦设置就无法清除。',
      ),
      effect: t(
        '`execve` no longer honours setuid and setgid bits or file capabilities, and security modules will not switch to a more privileged domain. `sudo`, `su` and setuid `ping` stop working.',
        '`execve` 不再理会 setuid、setgid 位和文件 capability，安全模块也不会切换到更高特权的域。`sudo`、`su` 和 setuid 的 `ping` 将不能工作。',
      ),
      default: t(
        'Off, unless daemon.json sets `"no-new-privileges": true`. Turn it on with `security_opt: [no-new-privileges:true]` (`--security-opt no-new-privileges`).',
        '默认关闭，除非 daemon.json 中设置了 `"no-new-privileges": true`。用 `security_opt: [no-new-privileges:true]`（`--security-opt no-new-privileges`）开启。',
      ),
      why: t(
        'A process that runs as a non-root user, or with capabilities dropped, can otherwise get them back through a setuid binary left in the image. The bit closes that path for good.',
        '否则以非 root 用户运行或已去掉 capability 的进程，仍可能通过镜像中遗留的 setuid 程序重新获得特权。这个位永久关闭了这条路。',
      ),
      todo: t(
        'Add `no-new-privileges:true` to every service that does not need `sudo` or `su` (almost all), or set it daemon-wide.',
        '为每个不需要 `sudo` 或 `su` 的服务（几乎全部）加上 `no-new-privileges:true`，或在守护进程层面统一设置。',
      ),
      see: t(
        '`NoNewPrivs: 1` means it is set:\n\n$ docker exec <container> grep NoNewPrivs /proc/1/status',
        '`NoNewPrivs: 1` 表示已设置：\n\n$ docker exec <container> grep NoNewPrivs /proc/1/status',
      ),
    },
    compose: [],
    flags: [],
    aliases: ['no_new_privs', 'nnp', 'no-new-privileges:true', 'no-new-privileges=true', 'PR_SET_NO_NEW_PRIVS', 'no new privileges'],
    references: [MAN('prctl', 2), { title: 'docker run --security-opt', url: `${RUN_REF}#security-opt` }],
    related: ['security-opt', 'capabilities', 'cap-setuid'],
  },
  {
    id: 'read-only-rootfs',
    kind: 'security',
    title: t('Read-only root filesystem with tmpfs', '只读根文件系统配合 tmpfs'),
    summary: t(
      'Mounts the container’s root filesystem read-only, so nothing can change the image’s files at run time; tmpfs and volumes provide the writable places.',
      '把容器的根文件系统挂载为只读，运行时任何东西都无法修改镜像中的文件；可写位置由 tmpfs 和卷提供。',
    ),
    sections: {
      what: t(
        '`read_only: true` (`--read-only`) mounts the root filesystem read-only. `tmpfs: [/tmp]` (`--tmpfs /tmp`) adds an in-memory filesystem for scratch files, gone when the container stops.',
        '`read_only: true`（`--read-only`）把根文件系统挂载为只读。`tmpfs: [/tmp]`（`--tmpfs /tmp`）为临时文件提供一个内存文件系统，容器停止后即消失。',
      ),
      effect: t(
        'Writes outside volumes and tmpfs fail with "Read-only file system". Docker mounts tmpfs `rw,nosuid,nodev,noexec` unless the options ask for `exec` or `suid`; its size counts against the memory limit.',
        '卷和 tmpfs 之外的写入会以“Read-only file system”失败。除非选项要求 `exec` 或 `suid`，Docker 以 `rw,nosuid,nodev,noexec` 方式挂载 tmpfs；其大小计入内存限制。',
      ),
      default: t('The root filesystem is writable (a copy-on-write layer per container).', '根文件系统可写（每个容器一个写时复制层）。'),
      why: t(
        'An attacker who gets code execution cannot replace binaries, install tools or plant persistence in the image’s files, and the container stays identical to the image you scanned.',
        '即使攻击者获得了代码执行能力，也无法替换程序、安装工具或在镜像文件中植入持久化后门，容器也始终与你扫描过的镜像保持一致。',
      ),
      todo: t(
        'Set `read_only: true`, add `tmpfs` for the paths the program writes to (`/tmp`, `/run`, cache directories) and volumes for data. `docker diff` on a running container lists the paths it writes.',
        '设置 `read_only: true`，为程序要写入的路径（`/tmp`、`/run`、缓存目录）添加 `tmpfs`，数据使用卷。对运行中的容器执行 `docker diff` 可以列出它写入的路径。',
      ),
      see: t(
        "$ docker inspect --format '{{.HostConfig.ReadonlyRootfs}} {{json .HostConfig.Tmpfs}}' <container>\n$ docker diff <container>",
        "$ docker inspect --format '{{.HostConfig.ReadonlyRootfs}} {{json .HostConfig.Tmpfs}}' <container>\n$ docker diff <container>",
      ),
    },
    compose: ['read_only', 'tmpfs'],
    flags: ['--read-only', '--tmpfs'],
    aliases: ['read-only', 'readonly', 'read only root', 'read-only root filesystem', 'readonly rootfs', 'read_only: true', 'tmpfs mount'],
    references: [{ title: 'docker run --read-only', url: `${RUN_REF}#read-only` }, DOCS.tmpfs],
    related: ['bind-mounts', 'cgroup-memory'],
  },
  {
    id: 'userns-remap',
    kind: 'security',
    title: t('userns-remap: container root as an unprivileged host user', 'userns-remap：让容器 root 成为宿主机上的普通用户'),
    summary: t(
      'A daemon setting that runs every container in a user namespace, mapping its UIDs to a range of unprivileged UIDs on the host.',
      '一个守护进程设置：让每个容器都运行在 user namespace 中，把容器的 UID 映射到宿主机上一段无特权的 UID 范围。',
    ),
    sections: {
      what: t(
        'In daemon.json, `"userns-remap": "default"` (or a user name) makes dockerd create a user namespace for each container. With `default` it creates the user `dockremap`, and the ranges come from `/etc/subuid` and `/etc/subgid` (for example `dockremap:165536:65536`).',
        '在 daemon.json 中设置 `"userns-remap": "default"`（或某个用户名），dockerd 就会为每个容器创建 user namespace。使用 `default` 时会创建用户 `dockremap`，映射范围来自 `/etc/subuid` 和 `/etc/subgid`（例如 `dockremap:165536:65536`）。',
      ),
      effect: t(
        'UID 0 in a container is UID 165536 on the host, UID 1 is 165537, and so on. Images and volumes live under a separate directory (`/var/lib/docker/165536.165536/`); host files owned by root appear as `nobody` inside. All containers share the same mapping.',
        '容器中的 UID 0 在宿主机上是 UID 165536，UID 1 是 165537，依此类推。镜像和卷存放在单独的目录下（`/var/lib/docker/165536.165536/`）；宿主机上属于 root 的文件在容器内显示为 `nobody`。所有容器共用同一个映射。',
      ),
      default: t(
        'Off. When it is on, `userns_mode: host` (`--userns host`) opts one container out; `privileged`, `pid: host` and `network_mode: host` need that opt-out.',
        '默认关闭。开启后，`userns_mode: host`（`--userns host`）可让单个容器退出；`privileged`、`pid: host` 和 `network_mode: host` 需要这样退出才能使用。',
      ),
      why: t(
        'It turns "escaped as root" into "escaped as an unprivileged UID that owns nothing on the host", the strongest single defence against container escapes on a rootful engine.',
        '它把“以 root 身份逃逸”变成“以一个在宿主机上一无所有的普通 UID 逃逸”，是 rootful 引擎上抵御容器逃逸最有力的单项措施。',
      ),
      todo: t(
        'Enable it on new hosts; existing images and volumes are not visible under the new mapping, and bind-mounted files need ownership in the remapped range (`chown 165536:165536`).',
        '在新宿主机上启用它；已有的镜像和卷在新映射下不可见，绑定挂载的文件需要把属主改到重映射范围内（`chown 165536:165536`）。',
      ),
      see: t(
        "With remapping on, `SecurityOptions` lists `name=userns` and the mapping inside is not `0 0 4294967295`:\n\n$ docker info --format '{{.SecurityOptions}}'\n$ grep dockremap /etc/subuid /etc/subgid\n$ docker exec <container> cat /proc/self/uid_map",
        "开启重映射后，`SecurityOptions` 中会出现 `name=userns`，容器内的映射也不再是 `0 0 4294967295`：\n\n$ docker info --format '{{.SecurityOptions}}'\n$ grep dockremap /etc/subuid /etc/subgid\n$ docker exec <container> cat /proc/self/uid_map",
      ),
    },
    compose: [],
    flags: [],
    aliases: ['userns remap', 'userns_remap', 'user namespace remapping', 'subuid', 'subgid', '/etc/subuid', '/etc/subgid', 'dockremap'],
    references: [DOCS.userns, MAN('user_namespaces', 7), MAN('subuid', 5)],
    related: ['ns-user', 'rootless', 'non-root-user'],
  },
  {
    id: 'rootless',
    kind: 'security',
    title: t('Rootless mode: the engine itself without root', 'Rootless 模式：引擎本身也不用 root'),
    summary: t(
      'Rootless mode runs the Docker daemon and its containers as an ordinary user, inside a user namespace.',
      'Rootless 模式以普通用户身份、在 user namespace 中运行 Docker 守护进程及其容器。',
    ),
    sections: {
      what: t(
        'dockerd runs under RootlessKit in a user namespace owned by an unprivileged user. It needs `newuidmap`/`newgidmap` (the `uidmap` package) and at least 65,536 subordinate IDs for that user in `/etc/subuid` and `/etc/subgid`; the socket is `$XDG_RUNTIME_DIR/docker.sock`.',
        'dockerd 在 RootlessKit 下运行于一个由普通用户拥有的 user namespace 中。它需要 `newuidmap`/`newgidmap`（`uidmap` 软件包），以及 `/etc/subuid` 和 `/etc/subgid` 中为该用户分配的至少 65,536 个从属 ID；套接字位于 `$XDG_RUNTIME_DIR/docker.sock`。',
      ),
      effect: t(
        'Root in a container, and the daemon itself, have only that user’s privileges on the host. Differences: networking goes through a user-space stack (slirp4netns or pasta), ports below 1024 need `net.ipv4.ip_unprivileged_port_start` lowered, resource limits need cgroup v2 with systemd delegation, and AppArmor profiles are not applied.',
        '容器中的 root 以及守护进程本身，在宿主机上都只有该用户的权限。区别在于：网络经过用户态协议栈（slirp4netns 或 pasta）；1024 以下的端口需要调低 `net.ipv4.ip_unprivileged_port_start`；资源限制需要 cgroup v2 并由 systemd 委派；AppArmor profile 不会被应用。',
      ),
      default: t(
        'Docker installs a rootful daemon; rootless mode is set up per user with `dockerd-rootless-setuptool.sh install`.',
        'Docker 默认安装 rootful 守护进程；rootless 模式需要为每个用户用 `dockerd-rootless-setuptool.sh install` 单独设置。',
      ),
      why: t(
        'A bug in the daemon or the runtime, or access to the Docker socket, no longer means root on the host; the socket is owned by the user rather than a `docker` group that equals root.',
        '守护进程或运行时中的漏洞，或者对 Docker 套接字的访问，都不再意味着宿主机 root；套接字归该用户所有，而不是等同于 root 的 `docker` 组。',
      ),
      todo: t(
        'Use it on developer machines and CI runners where its limits are acceptable; otherwise enable `userns-remap` on the rootful daemon.',
        '在能接受其限制的开发机和 CI 执行器上使用它；否则在 rootful 守护进程上启用 `userns-remap`。',
      ),
      see: t(
        "`SecurityOptions` lists `name=rootless`:\n\n$ docker info --format '{{.SecurityOptions}}'\n$ docker context ls",
        "`SecurityOptions` 中会出现 `name=rootless`：\n\n$ docker info --format '{{.SecurityOptions}}'\n$ docker context ls",
      ),
    },
    compose: [],
    flags: [],
    aliases: ['rootless mode', 'rootless docker', 'rootlesskit', 'dockerd-rootless', 'dockerd-rootless-setuptool.sh'],
    references: [DOCS.rootless, MAN('user_namespaces', 7)],
    related: ['userns-remap', 'ns-user'],
  },
];
