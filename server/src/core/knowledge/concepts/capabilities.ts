// Every capability of capabilities(7) for current kernels: what it allows in plain words, whether
// Docker grants it, why people add it, what an attacker does with it and the safer alternative
// (pure core layer, data only). Written by us from capabilities(7), Docker's default capability
// list and seccomp profile (moby), checked by test/knowledge.test.ts.

import { ALL_CAPS } from '../../model/capabilities';
import { DOCS, MAN, t } from './text';
import type { Concept, Risk, Text } from './types';

interface CapEntry {
  name: (typeof ALL_CAPS)[number];
  dockerDefault: boolean;
  risk: Risk;
  since?: string;
  /** Syscalls Docker's default seccomp profile allows only with this capability. */
  seccomp?: string[];
  /** A few words after `CAP_X: ` in the title. */
  tag: Text;
  /** One sentence. */
  summary: Text;
  allows: Text;
  uses: Text;
  abuse: Text;
  instead: Text;
}

const CAPS: CapEntry[] = [
  {
    name: 'CHOWN',
    dockerDefault: true,
    risk: 'medium',
    tag: t('change the owner of any file', '更改任意文件的属主'),
    summary: t(
      'Lets a process change the owner and group of any file, whoever owns it.',
      '允许进程更改任意文件的属主和属组，不论文件原来属于谁。',
    ),
    allows: t(
      'Without it, only root-equivalent processes can give a file to another user, and an ordinary owner can only change the group to one of its own groups. With it, `chown(2)` works on every file the process can reach, including files on volumes and bind mounts.',
      '没有它时，普通文件属主只能把文件的属组改成自己所在的组。有了它，进程可以对能访问到的每个文件调用 `chown(2)`，包括卷和绑定挂载（bind mount）中的文件。',
    ),
    uses: t(
      'Entrypoint scripts that fix the ownership of a data directory or a mounted volume before switching to an unprivileged user; package installs that run at start-up.',
      '入口脚本在切换到非特权用户之前，修正数据目录或挂载卷的属主；在启动时安装软件包。',
    ),
    abuse: t(
      'Take ownership of files it should only read, then change their mode: on a bind-mounted host directory this turns read access into full control of host files.',
      '把本该只读的文件据为己有，再修改权限：如果是绑定挂载的宿主机目录，就把只读访问变成了对宿主机文件的完全控制。',
    ),
    instead: t(
      'Set ownership at build time (`COPY --chown=app:app`, `chown` in a `RUN` step) or create the volume with the right owner, run as that user, and drop the capability.',
      '在构建时设置属主（`COPY --chown=app:app`，或在 `RUN` 步骤中 `chown`），或者创建属主正确的卷，以该用户运行，并去掉这个 capability。',
    ),
  },
  {
    name: 'DAC_OVERRIDE',
    dockerDefault: true,
    risk: 'high',
    tag: t('ignore file permissions', '无视文件权限'),
    summary: t(
      'Lets a process read, write and execute any file regardless of its permission bits and ACLs.',
      '允许进程无视权限位和 ACL，读、写、执行任意文件。',
    ),
    allows: t(
      'DAC (discretionary access control) is the owner/group/other permission bits and ACLs. This capability bypasses them for reading, writing and executing files and for searching directories. It is why root in a container can open a file with mode `0600` that belongs to another user.',
      'DAC（自主访问控制）指属主/属组/其他人的权限位和 ACL。这个 capability 在读、写、执行文件和遍历目录时绕过这些检查。容器里的 root 能打开属于别人、权限为 `0600` 的文件，靠的就是它。',
    ),
    uses: t(
      'Programs that run as root and must touch files owned by other users, such as some init and maintenance scripts.',
      '以 root 运行、需要操作其他用户文件的程序，例如某些初始化和维护脚本。',
    ),
    abuse: t(
      'Read or overwrite any file it can reach: secrets in mounted volumes, other services’ data, and host files under a bind mount, whatever their permissions say.',
      '读取或覆盖能访问到的任何文件：挂载卷中的密钥、其他服务的数据、绑定挂载下的宿主机文件，不管它们的权限如何设置。',
    ),
    instead: t(
      'Run as a non-root user that owns the files it needs, or grant access with group membership; drop the capability.',
      '以拥有所需文件的非 root 用户运行，或通过组成员关系授权；去掉这个 capability。',
    ),
  },
  {
    name: 'DAC_READ_SEARCH',
    dockerDefault: false,
    risk: 'critical',
    seccomp: ['open_by_handle_at'],
    tag: t('read any file, open files by handle', '读取任意文件、按句柄打开文件'),
    summary: t(
      'Lets a process read any file and list any directory, and open files by their kernel handle.',
      '允许进程读取任意文件、列出任意目录，并通过内核文件句柄打开文件。',
    ),
    allows: t(
      'Bypasses read permission checks on files and read and search checks on directories. It also allows `open_by_handle_at(2)`, which opens a file from a handle instead of a path: the handle is not limited to the container’s own mounts.',
      '绕过文件的读权限检查以及目录的读和遍历检查。它还允许 `open_by_handle_at(2)`：通过句柄而不是路径打开文件，而句柄并不局限于容器自己的挂载点。',
    ),
    uses: t('Backup and indexing tools that must read every file.', '需要读取所有文件的备份和索引工具。'),
    abuse: t(
      'The 2014 "shocker" escape used `open_by_handle_at` with this capability to guess handles and read host files such as `/etc/shadow` from inside a container. Even without it, reading every file exposes secrets.',
      '2014 年的“shocker”逃逸就是利用这个 capability 和 `open_by_handle_at` 猜测句柄，从容器内读取 `/etc/shadow` 等宿主机文件。即使不逃逸，能读所有文件也会泄露密钥。',
    ),
    instead: t(
      'Give a backup job read access through group membership or ACLs on what it backs up, or run it on the host.',
      '通过组成员关系或 ACL 让备份任务只读访问需要备份的内容，或在宿主机上运行备份。',
    ),
  },
  {
    name: 'FOWNER',
    dockerDefault: true,
    risk: 'medium',
    tag: t('act as the owner of any file', '以任意文件属主的身份操作'),
    summary: t(
      'Lets a process do what only a file’s owner may do (chmod, timestamps, ACLs) on any file.',
      '允许进程对任意文件执行只有属主才能做的操作（chmod、时间戳、ACL）。',
    ),
    allows: t(
      'Bypasses the checks that require the process to own the file: `chmod`, `utime`, setting ACLs and extended attributes, and deleting other users’ files in sticky directories such as `/tmp`.',
      '绕过“进程必须是文件属主”的检查：`chmod`、`utime`、设置 ACL 和扩展属性，以及在 `/tmp` 这类带粘滞位的目录中删除别人的文件。',
    ),
    uses: t(
      'Tools that restore modes and timestamps on files they did not create, such as archive extraction at start-up.',
      '需要在不是自己创建的文件上恢复权限和时间戳的工具，例如启动时解压归档。',
    ),
    abuse: t(
      'Change the mode of any reachable file: make a host file under a bind mount world-writable, or mark a binary setuid (together with FSETID).',
      '修改任何可访问文件的权限：把绑定挂载下的宿主机文件改成所有人可写，或（配合 FSETID）给程序加上 setuid 位。',
    ),
    instead: t('Set modes at build time and drop the capability.', '在构建时设置好权限，然后去掉这个 capability。'),
  },
  {
    name: 'FSETID',
    dockerDefault: true,
    risk: 'medium',
    tag: t('keep setuid and setgid bits', '保留 setuid 和 setgid 位'),
    summary: t(
      'Lets a process keep set-user-ID and set-group-ID bits when it modifies a file, and set the setgid bit freely.',
      '允许进程在修改文件时保留 set-user-ID 和 set-group-ID 位，并可随意设置 setgid 位。',
    ),
    allows: t(
      'Normally the kernel clears the setuid and setgid bits when a file is written or its owner changes, and refuses a setgid bit for a group the process is not in. This capability turns both protections off.',
      '通常文件被写入或属主变化时，内核会清除 setuid 和 setgid 位，并且不允许为进程不属于的组设置 setgid 位。这个 capability 关闭了这两项保护。',
    ),
    uses: t('Package managers that install setuid or setgid programs at run time.', '在运行时安装 setuid 或 setgid 程序的包管理器。'),
    abuse: t(
      'Create or keep setuid and setgid binaries: a way to hand root to a less privileged process later, especially through shared volumes.',
      '创建或保留 setuid/setgid 程序：这是日后把 root 权限交给低权限进程的一条途径，尤其是通过共享卷。',
    ),
    instead: t(
      'Drop it; set such bits at build time if they are needed at all, and set `no-new-privileges` so setuid bits grant nothing.',
      '去掉它；确实需要这些位时在构建时设置，并启用 `no-new-privileges`，让 setuid 位不再提升权限。',
    ),
  },
  {
    name: 'KILL',
    dockerDefault: true,
    risk: 'low',
    tag: t('signal any process', '向任意进程发信号'),
    summary: t('Lets a process send signals to processes of any user.', '允许进程向任何用户的进程发送信号。'),
    allows: t(
      'Bypasses the rule that a process may only signal processes of the same user (`kill(2)`). Inside the container’s own PID namespace that means the container’s processes only.',
      '绕过“只能向同一用户的进程发信号”的规则（`kill(2)`）。在容器自己的 PID namespace 里，这只涉及容器内的进程。',
    ),
    uses: t(
      'A supervisor running as root that stops workers running as another user.',
      '以 root 运行的进程管理器需要停止以其他用户运行的工作进程。',
    ),
    abuse: t(
      'With `pid: host` it can kill any process on the host, including the container engine and system services.',
      '配合 `pid: host`，它可以杀死宿主机上的任何进程，包括容器引擎和系统服务。',
    ),
    instead: t(
      'Run the supervisor and its workers as the same user, or use `init: true` (`--init`); drop the capability.',
      '让进程管理器和工作进程以同一用户运行，或使用 `init: true`（`--init`）；去掉这个 capability。',
    ),
  },
  {
    name: 'SETGID',
    dockerDefault: true,
    risk: 'medium',
    tag: t('switch to any group', '切换到任意组'),
    summary: t('Lets a process change its group IDs and supplementary groups to any value.', '允许进程把自己的组 ID 和附加组改成任意值。'),
    allows: t(
      'Allows `setgid(2)`, `setgroups(2)` and friends with any group, forging group IDs in credentials passed over UNIX sockets, and writing a group ID map for a user namespace.',
      '允许以任意组调用 `setgid(2)`、`setgroups(2)` 等，在通过 UNIX 套接字传递的凭据中伪造组 ID，以及为 user namespace 写入组 ID 映射。',
    ),
    uses: t(
      'Programs that start as root and switch to a service account: `gosu`, `su-exec`, the nginx and PostgreSQL start-up.',
      '以 root 启动再切换到服务账号的程序：`gosu`、`su-exec`、nginx 和 PostgreSQL 的启动过程。',
    ),
    abuse: t(
      'Join any group, such as the one that owns the Docker socket or a disk device, and use every file that group may use.',
      '加入任意组，例如拥有 Docker 套接字或磁盘设备的组，从而使用该组能用的所有文件。',
    ),
    instead: t(
      'Start the container directly as the target user (`user:` / `--user`) so that nothing has to switch; drop the capability.',
      '直接以目标用户启动容器（`user:` / `--user`），无需切换；去掉这个 capability。',
    ),
  },
  {
    name: 'SETUID',
    dockerDefault: true,
    risk: 'medium',
    tag: t('switch to any user', '切换到任意用户'),
    summary: t('Lets a process change its user IDs to any value.', '允许进程把自己的用户 ID 改成任意值。'),
    allows: t(
      'Allows `setuid(2)`, `setresuid(2)` and friends with any UID, forging user IDs in credentials passed over UNIX sockets, and writing a user ID map for a user namespace.',
      '允许以任意 UID 调用 `setuid(2)`、`setresuid(2)` 等，在通过 UNIX 套接字传递的凭据中伪造用户 ID，以及为 user namespace 写入用户 ID 映射。',
    ),
    uses: t(
      'Entrypoints that drop from root to another user (`gosu`, `su-exec`, `su`, `sudo`), servers that switch user per request.',
      '从 root 降权到其他用户的入口程序（`gosu`、`su-exec`、`su`、`sudo`），以及按请求切换用户的服务。',
    ),
    abuse: t(
      'Become any user, including the owners of files on mounted host paths, and act with their permissions.',
      '变成任意用户，包括挂载进来的宿主机路径上文件的属主，并以他们的权限行事。',
    ),
    instead: t(
      'Start as the target user (`user:` / `--user`); drop the capability. `no-new-privileges` also stops setuid programs from raising privileges.',
      '直接以目标用户启动（`user:` / `--user`）；去掉这个 capability。`no-new-privileges` 也能阻止 setuid 程序提权。',
    ),
  },
  {
    name: 'SETPCAP',
    dockerDefault: true,
    risk: 'low',
    tag: t('manage capability sets', '管理 capability 集合'),
    summary: t(
      'Lets a process move capabilities from its bounding set into its inheritable set and drop them from the bounding set.',
      '允许进程把边界集（bounding set）中的 capability 加入可继承集，或从边界集中移除 capability。',
    ),
    allows: t(
      'Adds any capability of the bounding set to the inheritable set, drops capabilities from the bounding set, and changes the securebits flags. It cannot create a capability the bounding set lacks.',
      '可以把边界集里的任意 capability 加入可继承集，从边界集中移除 capability，并修改 securebits 标志。它无法凭空获得边界集中没有的 capability。',
    ),
    uses: t(
      'Programs that manage their own capability sets, such as `capsh` or some init systems.',
      '自行管理 capability 集合的程序，例如 `capsh` 或某些 init 系统。',
    ),
    abuse: t(
      'Arrange for capabilities to survive `execve` into other programs, keeping privileges alive longer than intended.',
      '让 capability 在 `execve` 其他程序后依然保留，使特权存在得比预期更久。',
    ),
    instead: t('Drop it: almost no application needs it.', '去掉它：几乎没有应用需要。'),
  },
  {
    name: 'LINUX_IMMUTABLE',
    dockerDefault: false,
    risk: 'low',
    tag: t('set immutable and append-only flags', '设置不可变和仅追加标志'),
    summary: t(
      'Lets a process set or clear the immutable and append-only flags of files.',
      '允许进程设置或清除文件的不可变（immutable）和仅追加（append-only）标志。',
    ),
    allows: t(
      'Sets `FS_IMMUTABLE_FL` and `FS_APPEND_FL` (`chattr +i`, `chattr +a`): an immutable file cannot be changed or deleted, even by root, until the flag is cleared.',
      '设置 `FS_IMMUTABLE_FL` 和 `FS_APPEND_FL`（`chattr +i`、`chattr +a`）：带不可变标志的文件在标志清除之前，连 root 也无法修改或删除。',
    ),
    uses: t('Tools that protect log files as append-only.', '把日志文件保护为仅追加的工具。'),
    abuse: t(
      'Remove the protection from files an administrator made immutable, or make files undeletable to hinder clean-up on a mounted host path.',
      '去掉管理员设置的不可变保护，或者让挂载的宿主机路径上的文件无法删除，妨碍清理。',
    ),
    instead: t(
      'Set such flags on the host; mount what must not change read-only.',
      '在宿主机上设置这些标志；不应改动的内容以只读方式挂载。',
    ),
  },
  {
    name: 'NET_BIND_SERVICE',
    dockerDefault: true,
    risk: 'low',
    tag: t('listen on ports below 1024', '监听 1024 以下的端口'),
    summary: t('Lets a process bind a socket to a privileged port (below 1024).', '允许进程把套接字绑定到特权端口（1024 以下）。'),
    allows: t(
      'Binding to ports below 1024 normally needs this capability. Since Docker 20.10 a container with its own network namespace has `net.ipv4.ip_unprivileged_port_start=0`, so any user in it may bind low ports without the capability; with `network_mode: host` the host’s setting applies.',
      '绑定 1024 以下的端口通常需要这个 capability。从 Docker 20.10 起，拥有独立网络 namespace 的容器会设置 `net.ipv4.ip_unprivileged_port_start=0`，容器里任何用户都能绑定低端口而无需它；使用 `network_mode: host` 时则沿用宿主机的设置。',
    ),
    uses: t(
      'Web servers listening on 80 or 443, DNS servers on 53, when the program runs as a non-root user with host networking or on older engines.',
      '以非 root 用户运行、使用宿主机网络或较旧引擎时，需要监听 80/443 的 Web 服务器或监听 53 的 DNS 服务器。',
    ),
    abuse: t(
      'Little on its own network namespace. With `network_mode: host` it can take over a free privileged port on the host and impersonate a system service there.',
      '在自己的网络 namespace 中影响很小。配合 `network_mode: host`，它可以占用宿主机上空闲的特权端口，冒充那里的系统服务。',
    ),
    instead: t(
      'Listen on a port above 1024 and publish it (`ports: ["80:8080"]`). If the binary must bind a low port as non-root with host networking, keep only this capability (`cap_drop: [ALL]`, `cap_add: [NET_BIND_SERVICE]`), or set it on the file at build time (`setcap cap_net_bind_service=+ep`).',
      '监听 1024 以上的端口并发布出去（`ports: ["80:8080"]`）。如果程序必须在宿主机网络下以非 root 绑定低端口，只保留这一个 capability（`cap_drop: [ALL]`、`cap_add: [NET_BIND_SERVICE]`），或在构建时给文件设置（`setcap cap_net_bind_service=+ep`）。',
    ),
  },
  {
    name: 'NET_BROADCAST',
    dockerDefault: false,
    risk: 'low',
    tag: t('broadcast and multicast (unused)', '广播和组播（未使用）'),
    summary: t(
      'Meant for socket broadcasts and listening to multicast; current kernels do not check it.',
      '原意是允许套接字广播和监听组播；当前内核并不检查它。',
    ),
    allows: t(
      'capabilities(7) lists it as unused: the kernel grants broadcast and multicast without it. Adding it changes nothing today.',
      'capabilities(7) 将其标为未使用：内核无需它就允许广播和组播。现在添加它没有任何效果。',
    ),
    uses: t(
      'None in practice; it appears in old compose files copied from examples.',
      '实际上没有；它出现在从示例复制来的旧 Compose 文件中。',
    ),
    abuse: t(
      'None known, but a list of unneeded capabilities hides the ones that matter.',
      '目前没有已知用途，但一堆不需要的 capability 会掩盖真正重要的那几个。',
    ),
    instead: t('Remove it from `cap_add`.', '把它从 `cap_add` 中删掉。'),
  },
  {
    name: 'NET_ADMIN',
    dockerDefault: false,
    risk: 'high',
    tag: t('administer the network stack', '管理网络栈'),
    summary: t(
      'Lets a process reconfigure the network: interfaces, addresses, routes, firewall rules and traffic control.',
      '允许进程重新配置网络：网卡、地址、路由、防火墙规则和流量控制。',
    ),
    allows: t(
      'Configure interfaces and IP addresses, routing tables, iptables/nftables rules, traffic control, promiscuous mode, transparent proxying and privileged socket options. It applies to the network namespace the container is in.',
      '配置网卡和 IP 地址、路由表、iptables/nftables 规则、流量控制、混杂模式、透明代理和特权套接字选项。它作用于容器所在的网络 namespace。',
    ),
    uses: t(
      'VPN clients (WireGuard, OpenVPN), service-mesh sidecars and init containers that install traffic redirection, network diagnostics.',
      'VPN 客户端（WireGuard、OpenVPN）、设置流量重定向的服务网格 sidecar 和 init 容器、网络诊断工具。',
    ),
    abuse: t(
      'In its own namespace: sniff or redirect the container’s traffic and remove its firewall rules. With `network_mode: host`: reconfigure the host’s interfaces, routes and firewall and intercept other containers’ traffic. Many kernel privilege-escalation bugs in netfilter are reachable only with it.',
      '在自己的 namespace 中：嗅探或重定向容器的流量，删除其防火墙规则。配合 `network_mode: host`：重新配置宿主机的网卡、路由和防火墙，截获其他容器的流量。netfilter 中许多内核提权漏洞只有具备它才能触发。',
    ),
    instead: t(
      'Set the network up on the host or with a network plugin; if a sidecar needs it, grant it to that one container only and never together with host networking.',
      '在宿主机上或通过网络插件完成网络配置；如果某个 sidecar 确实需要，只授予那一个容器，并且绝不与宿主机网络同时使用。',
    ),
  },
  {
    name: 'NET_RAW',
    dockerDefault: true,
    risk: 'medium',
    tag: t('raw and packet sockets', '原始套接字和数据包套接字'),
    summary: t(
      'Lets a process open raw and packet sockets and craft arbitrary network packets.',
      '允许进程打开原始（raw）和数据包（packet）套接字，构造任意网络数据包。',
    ),
    allows: t(
      'Use `SOCK_RAW` and `AF_PACKET` sockets, which read and write whole packets below TCP and UDP, and bind to any address for transparent proxying.',
      '使用 `SOCK_RAW` 和 `AF_PACKET` 套接字，在 TCP/UDP 之下读写完整的数据包，并为透明代理绑定任意地址。',
    ),
    uses: t(
      'Old `ping` and `traceroute` builds, `tcpdump`, DHCP clients. Since Docker 20.10 containers also get `net.ipv4.ping_group_range` set, so modern `ping` works without it.',
      '旧版 `ping` 和 `traceroute`、`tcpdump`、DHCP 客户端。从 Docker 20.10 起容器还会设置 `net.ipv4.ping_group_range`，新版 `ping` 不需要它也能工作。',
    ),
    abuse: t(
      'Spoof ARP or DNS answers to other containers on the same bridge network and sniff traffic on its interface; several kernel bugs (for example in `AF_PACKET`) are reachable through these sockets.',
      '在同一桥接网络上向其他容器伪造 ARP 或 DNS 应答，嗅探自己网卡上的流量；若干内核漏洞（例如 `AF_PACKET` 中的）正是通过这类套接字触发的。',
    ),
    instead: t('Drop it: most services never open a raw socket.', '去掉它：大多数服务从不打开原始套接字。'),
  },
  {
    name: 'IPC_LOCK',
    dockerDefault: false,
    risk: 'low',
    tag: t('lock memory', '锁定内存'),
    summary: t(
      'Lets a process lock memory so it is never swapped out, beyond its memlock limit.',
      '允许进程锁定内存、使其不被换出，且不受 memlock 限制约束。',
    ),
    allows: t(
      '`mlock(2)`, `mlockall(2)`, `MAP_LOCKED` and `SHM_LOCK` without the `RLIMIT_MEMLOCK` bound, and huge-page shared memory.',
      '在不受 `RLIMIT_MEMLOCK` 约束的情况下使用 `mlock(2)`、`mlockall(2)`、`MAP_LOCKED` 和 `SHM_LOCK`，以及大页共享内存。',
    ),
    uses: t(
      'Databases and secret managers that keep keys out of swap (Vault, Elasticsearch with `bootstrap.memory_lock`).',
      '需要防止密钥被换出到交换区的数据库和密钥管理器（Vault、启用 `bootstrap.memory_lock` 的 Elasticsearch）。',
    ),
    abuse: t(
      'Pin memory that the kernel can no longer reclaim by swapping, putting pressure on the host (the memory cgroup limit still applies).',
      '锁住内核无法通过换出回收的内存，给宿主机造成压力（内存 cgroup 限制仍然有效）。',
    ),
    instead: t(
      'Raise the limit instead: `ulimits: {memlock: -1}` (`--ulimit memlock=-1`) lets an unprivileged process lock memory, bounded by the memory limit you set.',
      '改为提高限制：`ulimits: {memlock: -1}`（`--ulimit memlock=-1`）让非特权进程也能锁定内存，并受你设置的内存上限约束。',
    ),
  },
  {
    name: 'IPC_OWNER',
    dockerDefault: false,
    risk: 'low',
    tag: t('bypass System V IPC permissions', '绕过 System V IPC 权限'),
    summary: t('Lets a process use any System V IPC object regardless of its permissions.', '允许进程无视权限使用任意 System V IPC 对象。'),
    allows: t(
      'Bypasses permission checks on System V shared memory, semaphores and message queues in the IPC namespace the container is in.',
      '在容器所在的 IPC namespace 中，绕过 System V 共享内存、信号量和消息队列的权限检查。',
    ),
    uses: t('Rare: debugging tools for shared-memory applications.', '很少见：共享内存应用的调试工具。'),
    abuse: t(
      'Read and change other programs’ shared memory; with `ipc: host`, the host’s.',
      '读取和修改其他程序的共享内存；配合 `ipc: host` 则是宿主机的共享内存。',
    ),
    instead: t(
      'Keep a private IPC namespace and give IPC objects the right permissions.',
      '保持私有的 IPC namespace，并给 IPC 对象设置正确的权限。',
    ),
  },
  {
    name: 'SYS_MODULE',
    dockerDefault: false,
    risk: 'critical',
    seccomp: ['delete_module', 'init_module', 'finit_module'],
    tag: t('load kernel modules', '加载内核模块'),
    summary: t(
      'Lets a process load and unload kernel modules: code that runs inside the host kernel.',
      '允许进程加载和卸载内核模块，也就是在宿主机内核中运行的代码。',
    ),
    allows: t(
      '`init_module(2)`, `finit_module(2)` and `delete_module(2)`. Kernel modules are not namespaced: a module loaded from a container runs in the one kernel every container and the host share.',
      '`init_module(2)`、`finit_module(2)` 和 `delete_module(2)`。内核模块没有 namespace 隔离：从容器加载的模块运行在所有容器与宿主机共享的那一个内核中。',
    ),
    uses: t(
      'Driver installer containers (GPU drivers), tools that need a module on old kernels.',
      '驱动安装容器（GPU 驱动），在旧内核上需要某个模块的工具。',
    ),
    abuse: t(
      'Load any code into the host kernel: a rootkit, or simply turning off every isolation mechanism. This is a complete host compromise.',
      '把任意代码加载进宿主机内核：安装 rootkit，或者直接关闭所有隔离机制。这等于完全攻陷宿主机。',
    ),
    instead: t(
      'Load modules on the host (`/etc/modules-load.d/`, your provisioning tool) before the container starts.',
      '在容器启动前于宿主机上加载模块（`/etc/modules-load.d/` 或你的配置管理工具）。',
    ),
  },
  {
    name: 'SYS_RAWIO',
    dockerDefault: false,
    risk: 'critical',
    seccomp: ['iopl', 'ioperm'],
    tag: t('raw access to hardware and memory', '直接访问硬件和内存'),
    summary: t(
      'Lets a process perform raw I/O: I/O ports, physical memory and device-specific operations.',
      '允许进程执行原始 I/O:I/O 端口、物理内存和设备专有操作。',
    ),
    allows: t(
      'I/O port access (`iopl(2)`, `ioperm(2)`), `/dev/mem` and `/proc/kcore` (given the device), model-specific registers, raw SCSI commands and other device operations that bypass the kernel’s abstractions.',
      '访问 I/O 端口（`iopl(2)`、`ioperm(2)`）、`/dev/mem` 和 `/proc/kcore`（前提是有设备节点）、CPU 的 MSR 寄存器、原始 SCSI 命令，以及其他绕过内核抽象的设备操作。',
    ),
    uses: t('Hardware management tools (`smartctl`, RAID utilities), emulators.', '硬件管理工具（`smartctl`、RAID 工具）、模拟器。'),
    abuse: t(
      'Together with a device node, read and write physical memory or whole disks directly, bypassing every file permission and the kernel’s protections.',
      '配合设备节点，可以直接读写物理内存或整块磁盘，绕过所有文件权限和内核保护。',
    ),
    instead: t(
      'Run hardware tools on the host, or pass one device with `devices:` to a tool that does not need raw I/O.',
      '在宿主机上运行硬件工具，或通过 `devices:` 只传入一个设备，交给不需要原始 I/O 的工具。',
    ),
  },
  {
    name: 'SYS_CHROOT',
    dockerDefault: true,
    risk: 'low',
    seccomp: ['chroot'],
    tag: t('use chroot', '使用 chroot'),
    summary: t('Lets a process change its root directory with chroot(2).', '允许进程用 chroot(2) 更改自己的根目录。'),
    allows: t(
      '`chroot(2)` and, together with CAP_SYS_ADMIN, changing mount namespace with `setns(2)`.',
      '`chroot(2)`，以及（配合 CAP_SYS_ADMIN）用 `setns(2)` 切换 mount namespace。',
    ),
    uses: t(
      'Build tools and package scripts that chroot (debootstrap), daemons that chroot themselves for privilege separation (sshd, bind, postfix).',
      '会使用 chroot 的构建工具和软件包脚本（debootstrap），为权限分离而 chroot 自身的守护进程（sshd、bind、postfix）。',
    ),
    abuse: t(
      'Little on its own; chroot is not a security boundary and, combined with other privileges, helps with classic jail-escape tricks.',
      '单独来看影响不大；chroot 不是安全边界，与其他特权结合时可用于经典的 jail 逃逸技巧。',
    ),
    instead: t('Drop it unless the program chroots itself.', '除非程序自己会 chroot，否则去掉它。'),
  },
  {
    name: 'SYS_PTRACE',
    dockerDefault: false,
    risk: 'high',
    seccomp: ['kcmp', 'pidfd_getfd', 'process_madvise', 'process_vm_readv', 'process_vm_writev', 'ptrace'],
    tag: t('trace and inspect any process', '跟踪和检查任意进程'),
    summary: t('Lets a process trace any other process and read or write its memory.', '允许进程跟踪其他任意进程，并读写其内存。'),
    allows: t(
      '`ptrace(2)` on processes of other users, `process_vm_readv(2)`/`process_vm_writev(2)`, `kcmp(2)`, taking file descriptors of other processes (`pidfd_getfd(2)`), and reading their memory through `/proc`.',
      '对其他用户的进程使用 `ptrace(2)`，`process_vm_readv(2)`/`process_vm_writev(2)`、`kcmp(2)`，获取其他进程的文件描述符（`pidfd_getfd(2)`），并通过 `/proc` 读取它们的内存。',
    ),
    uses: t(
      'Debuggers (gdb, delve), `strace`, profilers (py-spy, async-profiler), some APM agents.',
      '调试器（gdb、delve）、`strace`、性能分析器（py-spy、async-profiler）、某些 APM 探针。',
    ),
    abuse: t(
      'Read secrets from and inject code into other processes in the same PID namespace; with `pid: host`, into host processes running as root, which is a known escape. On kernels before 4.8, ptrace could bypass seccomp, which is why Docker’s default profile allows `ptrace` to everyone only on 4.8 and later.',
      '从同一 PID namespace 的其他进程中读取密钥、注入代码；配合 `pid: host` 则可以注入以 root 运行的宿主机进程，这是已知的逃逸方式。在 4.8 之前的内核上 ptrace 可以绕过 seccomp，因此 Docker 默认配置只在 4.8 及以上内核才对所有容器放行 `ptrace`。',
    ),
    instead: t(
      'Debug with a separate, short-lived container that joins the target’s PID namespace (`docker run --pid container:app --cap-add SYS_PTRACE …`); never combine it with `pid: host` in production.',
      '用一个单独的临时容器加入目标的 PID namespace 来调试（`docker run --pid container:app --cap-add SYS_PTRACE …`）；生产环境中绝不要与 `pid: host` 同时使用。',
    ),
  },
  {
    name: 'SYS_PACCT',
    dockerDefault: false,
    risk: 'medium',
    seccomp: ['acct'],
    tag: t('control process accounting', '控制进程记账'),
    summary: t('Lets a process switch the kernel’s process accounting on and off.', '允许进程开启和关闭内核的进程记账功能。'),
    allows: t(
      '`acct(2)`: start or stop writing a record of every process that ends to a file. Accounting is not namespaced.',
      '`acct(2)`：开始或停止把每个结束的进程的记录写入文件。进程记账没有 namespace 隔离。',
    ),
    uses: t('Accounting tools; very rare in containers.', '记账工具；在容器中非常少见。'),
    abuse: t(
      'Turn off the host’s process accounting to hide activity, or fill a file with records.',
      '关闭宿主机的进程记账以隐藏活动，或用记录填满某个文件。',
    ),
    instead: t('Configure accounting on the host.', '在宿主机上配置进程记账。'),
  },
  {
    name: 'SYS_ADMIN',
    dockerDefault: false,
    risk: 'critical',
    seccomp: [
      'bpf',
      'clone',
      'clone3',
      'fanotify_init',
      'fsconfig',
      'fsmount',
      'fsopen',
      'fspick',
      'lookup_dcookie',
      'lsm_get_self_attr',
      'lsm_list_modules',
      'lsm_set_self_attr',
      'mount',
      'mount_setattr',
      'move_mount',
      'open_tree',
      'perf_event_open',
      'quotactl',
      'quotactl_fd',
      'setdomainname',
      'sethostname',
      'setns',
      'syslog',
      'umount',
      'umount2',
      'unshare',
    ],
    tag: t('the catch-all administration capability', '无所不包的管理 capability'),
    summary: t(
      'Lets a process mount filesystems, create and join namespaces and perform dozens of other administrative operations: close to full root.',
      '允许进程挂载文件系统、创建和加入 namespace，以及执行几十种其他管理操作：几乎等同于完整的 root。',
    ),
    allows: t(
      'Among much else: `mount(2)` and `umount(2)`, `pivot_root(2)`, creating namespaces with `unshare(2)`/`clone(2)` and joining them with `setns(2)`, `sethostname(2)`, quotas, swap, privileged `ioctl`s, the `trusted.*` extended attributes, and (before CAP_BPF and CAP_PERFMON existed) BPF and perf events. capabilities(7) calls it overloaded.',
      '包括但不限于：`mount(2)` 和 `umount(2)`、`pivot_root(2)`、用 `unshare(2)`/`clone(2)` 创建 namespace 并用 `setns(2)` 加入、`sethostname(2)`、磁盘配额、交换区、特权 `ioctl`、`trusted.*` 扩展属性，以及（在 CAP_BPF 和 CAP_PERFMON 出现之前的）BPF 和 perf 事件。capabilities(7) 直言它负担过重。',
    ),
    uses: t(
      'FUSE filesystems (sshfs, s3fs), mounting NFS or CIFS inside the container, Docker-in-Docker, systemd in a container, some browser sandboxes.',
      'FUSE 文件系统（sshfs、s3fs）、在容器内挂载 NFS 或 CIFS、Docker-in-Docker、容器中运行 systemd、某些浏览器沙箱。',
    ),
    abuse: t(
      'Mount the host’s disks or the cgroup filesystem (on cgroup v1 the `release_agent` escape, CVE-2022-0492), create namespaces to reach more kernel attack surface, change the hostname of a shared UTS namespace. Treat a container with it as root on the host.',
      '挂载宿主机磁盘或 cgroup 文件系统（cgroup v1 上的 `release_agent` 逃逸，CVE-2022-0492），创建 namespace 以接触更多内核攻击面，修改共享 UTS namespace 的主机名。应把拥有它的容器视为宿主机上的 root。',
    ),
    instead: t(
      'Mount on the host and pass the result as a volume; for FUSE pass `/dev/fuse` and use a rootless FUSE setup; build images with rootless BuildKit or Kaniko instead of Docker-in-Docker; run the service itself instead of systemd.',
      '在宿主机上挂载，再把结果作为卷传入；FUSE 场景传入 `/dev/fuse` 并使用无 root 的 FUSE 方案；用 rootless BuildKit 或 Kaniko 构建镜像，代替 Docker-in-Docker；直接运行服务本身而不是 systemd。',
    ),
  },
  {
    name: 'SYS_BOOT',
    dockerDefault: false,
    risk: 'high',
    seccomp: ['reboot'],
    tag: t('reboot and load a new kernel', '重启和加载新内核'),
    summary: t(
      'Lets a process reboot the system and load a new kernel for later execution.',
      '允许进程重启系统，以及加载新内核以供之后执行。',
    ),
    allows: t(
      '`reboot(2)` and `kexec_load(2)`. In a container’s own PID namespace, `reboot(2)` ends the container’s init instead of the host (pid_namespaces(7)); Docker’s default seccomp profile blocks `kexec_load` regardless.',
      '`reboot(2)` 和 `kexec_load(2)`。在容器自己的 PID namespace 中，`reboot(2)` 结束的是容器的 init 进程而不是宿主机（见 pid_namespaces(7)）；无论如何，Docker 默认的 seccomp 配置都会阻止 `kexec_load`。',
    ),
    uses: t('None in ordinary containers.', '普通容器中没有用途。'),
    abuse: t(
      'With `pid: host` or without seccomp: reboot or power off the host, or boot a kernel of the attacker’s choice.',
      '配合 `pid: host` 或在没有 seccomp 时：重启或关闭宿主机，或启动攻击者选择的内核。',
    ),
    instead: t(
      'Use a restart policy to restart the container; never add this capability.',
      '用重启策略来重启容器；不要添加这个 capability。',
    ),
  },
  {
    name: 'SYS_NICE',
    dockerDefault: false,
    risk: 'medium',
    seccomp: ['get_mempolicy', 'mbind', 'set_mempolicy', 'set_mempolicy_home_node'],
    tag: t('raise priority, real-time scheduling', '提高优先级、实时调度'),
    summary: t(
      'Lets a process raise priorities, use real-time scheduling and set CPU and memory placement of any process.',
      '允许进程提高优先级、使用实时调度，并设置任意进程的 CPU 和内存分布。',
    ),
    allows: t(
      'Lower nice values, real-time policies (`SCHED_FIFO`, `SCHED_RR`), CPU affinity and I/O scheduling class of other processes, and NUMA memory policies (`mbind(2)`, `set_mempolicy(2)`, moving other processes’ pages).',
      '降低 nice 值、使用实时调度策略（`SCHED_FIFO`、`SCHED_RR`）、设置其他进程的 CPU 亲和性和 I/O 调度类别，以及 NUMA 内存策略（`mbind(2)`、`set_mempolicy(2)`、迁移其他进程的内存页）。',
    ),
    uses: t(
      'Real-time audio and video, latency-sensitive trading or telecom software, NUMA-aware databases.',
      '实时音视频、对延迟敏感的交易或电信软件、感知 NUMA 的数据库。',
    ),
    abuse: t(
      'A real-time process that spins preempts normal tasks and can monopolise the CPUs it runs on, starving other containers and host services.',
      '一个空转的实时进程会抢占普通任务，独占它所在的 CPU，让其他容器和宿主机服务得不到调度。',
    ),
    instead: t(
      'Use `cpu_shares`, `cpus` and `cpuset` for priority and placement; when real time is required, allow a bounded priority with `ulimits: {rtprio: …}` instead.',
      '用 `cpu_shares`、`cpus` 和 `cpuset` 控制优先级和 CPU 分布；确实需要实时调度时，改用 `ulimits: {rtprio: …}` 允许有上限的优先级。',
    ),
  },
  {
    name: 'SYS_RESOURCE',
    dockerDefault: false,
    risk: 'medium',
    tag: t('override resource limits', '突破资源限制'),
    summary: t(
      'Lets a process raise its own resource limits and override several kernel limits.',
      '允许进程提高自己的资源限制，并突破若干内核限制。',
    ),
    allows: t(
      'Raise hard limits with `setrlimit(2)`, exceed `RLIMIT_NPROC`, use the ext4 reserved space, override disk quotas, grow pipes and message queues beyond the system limits, and lower its `oom_score_adj` below what was set for it.',
      '用 `setrlimit(2)` 提高硬限制，超过 `RLIMIT_NPROC`，使用 ext4 的保留空间，突破磁盘配额，让管道和消息队列超出系统上限，并把自己的 `oom_score_adj` 调得比设定值更低。',
    ),
    uses: t('Databases and servers that raise their open-file limit at start-up.', '在启动时提高打开文件数上限的数据库和服务器。'),
    abuse: t(
      'Undo the ulimits you set, fill the disk space reserved for root, and make itself the last process the OOM killer picks. Cgroup limits still apply.',
      '撤销你设置的 ulimit，占满为 root 预留的磁盘空间，并让自己成为 OOM killer 最后才选中的进程。cgroup 限制仍然有效。',
    ),
    instead: t(
      'Set the limits the program needs with `ulimits:` (`--ulimit nofile=65536:65536`).',
      '用 `ulimits:`（`--ulimit nofile=65536:65536`）设置程序需要的限制。',
    ),
  },
  {
    name: 'SYS_TIME',
    dockerDefault: false,
    risk: 'high',
    seccomp: ['settimeofday', 'stime', 'clock_settime', 'clock_settime64'],
    tag: t('set the system clock', '设置系统时钟'),
    summary: t(
      'Lets a process set the system clock and the hardware clock, for the whole host.',
      '允许进程设置系统时钟和硬件时钟，影响整台宿主机。',
    ),
    allows: t(
      '`settimeofday(2)`, `clock_settime(2)`, `adjtimex(2)` and the real-time clock. The wall clock is not namespaced: time namespaces only offset the monotonic and boot-time clocks.',
      '`settimeofday(2)`、`clock_settime(2)`、`adjtimex(2)` 以及实时时钟。墙上时钟没有 namespace 隔离：time namespace 只能偏移单调时钟和启动时钟。',
    ),
    uses: t('NTP daemons (chrony, ntpd), which belong on the host.', 'NTP 守护进程（chrony、ntpd），它们应该运行在宿主机上。'),
    abuse: t(
      'Move the clock of the host and every container: break TLS certificate checks, expire or revive tokens, confuse logs and audit trails.',
      '改动宿主机和所有容器的时钟：破坏 TLS 证书校验，让令牌提前过期或“复活”，扰乱日志和审计记录。',
    ),
    instead: t('Synchronise time on the host; containers read the host’s clock.', '在宿主机上同步时间；容器读取的就是宿主机的时钟。'),
  },
  {
    name: 'SYS_TTY_CONFIG',
    dockerDefault: false,
    risk: 'low',
    seccomp: ['vhangup'],
    tag: t('configure terminals', '配置终端'),
    summary: t(
      'Lets a process hang up terminals and use privileged ioctls on virtual consoles.',
      '允许进程挂断终端，并对虚拟控制台使用特权 ioctl。',
    ),
    allows: t(
      '`vhangup(2)` and several privileged `ioctl` operations on virtual terminals.',
      '`vhangup(2)` 以及对虚拟终端的若干特权 `ioctl` 操作。',
    ),
    uses: t('Console and kiosk management; rare.', '控制台和自助终端管理；很少见。'),
    abuse: t(
      'With host terminal devices passed in, interfere with the host’s consoles.',
      '如果传入了宿主机的终端设备，就能干扰宿主机的控制台。',
    ),
    instead: t('Do not add it.', '不要添加它。'),
  },
  {
    name: 'MKNOD',
    dockerDefault: true,
    risk: 'low',
    tag: t('create device files', '创建设备文件'),
    summary: t(
      'Lets a process create special files, such as device nodes, with mknod(2).',
      '允许进程用 mknod(2) 创建特殊文件，例如设备节点。',
    ),
    allows: t(
      'Create block and character device nodes. Opening a device is still checked by the device cgroup, which allows only a short list of harmless devices unless `devices:` or privileged mode adds more.',
      '创建块设备和字符设备节点。打开设备时仍受设备 cgroup 检查，除非 `devices:` 或特权模式放开更多，否则只允许少数无害设备。',
    ),
    uses: t(
      'Package installs that create device nodes, tools that build root filesystems (debootstrap).',
      '会创建设备节点的软件包安装过程，构建根文件系统的工具（debootstrap）。',
    ),
    abuse: t(
      'Create a node for a host disk; harmless while the device cgroup refuses it, dangerous together with extra device rules or privileged mode.',
      '为宿主机磁盘创建设备节点；只要设备 cgroup 拒绝访问就无害，但与额外的设备规则或特权模式结合就很危险。',
    ),
    instead: t(
      'Drop it; pass the specific device the program needs with `devices:`.',
      '去掉它；用 `devices:` 传入程序真正需要的那个设备。',
    ),
  },
  {
    name: 'LEASE',
    dockerDefault: false,
    risk: 'low',
    tag: t('take leases on any file', '对任意文件加租约'),
    summary: t('Lets a process take file leases on files it does not own.', '允许进程对不属于自己的文件加文件租约。'),
    allows: t(
      '`fcntl(F_SETLEASE)` on any file: the holder is told before another process opens or truncates it and may delay that.',
      '对任意文件使用 `fcntl(F_SETLEASE)`：其他进程打开或截断文件前会通知租约持有者，持有者可以推迟该操作。',
    ),
    uses: t('File servers such as Samba.', 'Samba 等文件服务器。'),
    abuse: t('Delay other processes that open shared files on a volume (denial of service).', '拖延其他进程打开卷上共享文件（拒绝服务）。'),
    instead: t('Do not add it unless the container is a file server.', '除非容器是文件服务器，否则不要添加。'),
  },
  {
    name: 'AUDIT_WRITE',
    dockerDefault: true,
    risk: 'low',
    tag: t('write to the kernel audit log', '写入内核审计日志'),
    summary: t('Lets a process write records to the kernel’s audit log.', '允许进程向内核审计日志写入记录。'),
    allows: t(
      'Send user-space audit messages over the audit netlink socket. The audit log is host-wide.',
      '通过审计 netlink 套接字发送用户态审计消息。审计日志是整台宿主机共用的。',
    ),
    uses: t(
      'Login programs using PAM (`sshd`, `su`, `sudo`, `login`), which fail or warn without it.',
      '使用 PAM 的登录程序（`sshd`、`su`、`sudo`、`login`），缺少它会失败或告警。',
    ),
    abuse: t(
      'Flood the host’s audit log or write misleading records to hide activity.',
      '淹没宿主机的审计日志，或写入误导性的记录以掩盖活动。',
    ),
    instead: t(
      'Drop it unless the image runs PAM-based login tools (which a container rarely should).',
      '除非镜像运行基于 PAM 的登录工具（容器很少需要），否则去掉它。',
    ),
  },
  {
    name: 'AUDIT_CONTROL',
    dockerDefault: false,
    risk: 'high',
    tag: t('control kernel auditing', '控制内核审计'),
    summary: t('Lets a process turn kernel auditing on and off and change its rules.', '允许进程开关内核审计并修改其规则。'),
    allows: t(
      'Enable and disable auditing, change audit filter rules, read audit status and rules, for the whole host.',
      '为整台宿主机启用或禁用审计、修改审计过滤规则、读取审计状态和规则。',
    ),
    uses: t('Audit daemons (auditd), which belong on the host.', '审计守护进程（auditd），它们应该运行在宿主机上。'),
    abuse: t(
      'Switch off the host’s auditing or rewrite its rules, so later actions leave no trail.',
      '关闭宿主机审计或改写规则，让之后的操作不留痕迹。',
    ),
    instead: t('Run auditd on the host.', '在宿主机上运行 auditd。'),
  },
  {
    name: 'SETFCAP',
    dockerDefault: true,
    risk: 'medium',
    tag: t('set file capabilities', '设置文件 capability'),
    summary: t('Lets a process attach capabilities to executable files.', '允许进程给可执行文件附加 capability。'),
    allows: t(
      'Write the `security.capability` extended attribute (`setcap`), so that whoever runs the file gets those capabilities, within the bounding set. Since Linux 5.12 it is also needed to map UID 0 when creating a user namespace.',
      '写入 `security.capability` 扩展属性（`setcap`），让运行该文件的人在边界集范围内获得这些 capability。从 Linux 5.12 起，创建 user namespace 时映射 UID 0 也需要它。',
    ),
    uses: t(
      '`setcap` in build steps, for example `setcap cap_net_bind_service=+ep /usr/bin/app`.',
      '构建步骤中的 `setcap`，例如 `setcap cap_net_bind_service=+ep /usr/bin/app`。',
    ),
    abuse: t(
      'Mark a binary so that any user running it gains capabilities: a persistence and escalation path inside the container.',
      '给程序打上标记，让任何运行它的用户获得 capability：这是在容器内长期驻留和提权的途径。',
    ),
    instead: t(
      'Set file capabilities at build time (the layer keeps them) and drop this one at run time; `no-new-privileges` makes file capabilities ineffective.',
      '在构建时设置文件 capability（镜像层会保留），运行时去掉这个 capability；`no-new-privileges` 会让文件 capability 失效。',
    ),
  },
  {
    name: 'MAC_OVERRIDE',
    dockerDefault: false,
    risk: 'medium',
    tag: t('override mandatory access control', '绕过强制访问控制'),
    summary: t(
      'Lets a process override mandatory access control; only the Smack security module uses it.',
      '允许进程绕过强制访问控制；只有 Smack 安全模块使用它。',
    ),
    allows: t(
      'Bypass Smack policy checks. AppArmor and SELinux do not grant anything for it.',
      '绕过 Smack 策略检查。AppArmor 和 SELinux 不会因为它放行任何操作。',
    ),
    uses: t('Rare: Smack-based systems (some embedded Linux distributions).', '很少见：基于 Smack 的系统（某些嵌入式 Linux 发行版）。'),
    abuse: t('On a Smack host, ignore the policy that confines the container.', '在使用 Smack 的宿主机上，无视限制容器的策略。'),
    instead: t('Do not add it.', '不要添加它。'),
  },
  {
    name: 'MAC_ADMIN',
    dockerDefault: false,
    risk: 'high',
    tag: t('administer mandatory access control', '管理强制访问控制'),
    summary: t(
      'Lets a process change the configuration of the mandatory access control system (AppArmor, Smack, SELinux labels).',
      '允许进程修改强制访问控制系统（AppArmor、Smack、SELinux 标签）的配置。',
    ),
    allows: t(
      'Load, replace and remove AppArmor profiles (where securityfs is reachable), change Smack rules, and set SELinux labels the policy does not know.',
      '加载、替换和删除 AppArmor profile（在能访问 securityfs 的情况下），修改 Smack 规则，设置 SELinux 策略不认识的标签。',
    ),
    uses: t('Security agents that manage LSM policy.', '管理 LSM 策略的安全代理。'),
    abuse: t(
      'Replace or unload the profile that confines the container itself, or weaken the host’s policy.',
      '替换或卸载正在约束容器自身的 profile，或削弱宿主机的策略。',
    ),
    instead: t('Manage LSM policy from the host.', '在宿主机上管理 LSM 策略。'),
  },
  {
    name: 'SYSLOG',
    dockerDefault: false,
    risk: 'medium',
    seccomp: ['syslog'],
    tag: t('read and clear the kernel log', '读取和清除内核日志'),
    summary: t('Lets a process read and clear the kernel log and see kernel addresses.', '允许进程读取和清除内核日志，并查看内核地址。'),
    allows: t(
      'Privileged `syslog(2)` operations (reading the ring buffer when `dmesg_restrict` is set, clearing it), and seeing kernel addresses in `/proc` when `kptr_restrict` is 1.',
      '特权 `syslog(2)` 操作（在设置了 `dmesg_restrict` 时读取环形缓冲区，以及清空它），并在 `kptr_restrict` 为 1 时查看 `/proc` 中的内核地址。',
    ),
    uses: t('Log collectors and monitoring agents that read `dmesg`.', '读取 `dmesg` 的日志收集器和监控代理。'),
    abuse: t(
      'Read kernel messages and addresses that help defeat KASLR and exploit kernel bugs; clear the log to hide traces.',
      '读取有助于绕过 KASLR、利用内核漏洞的内核消息和地址；清空日志以掩盖痕迹。',
    ),
    instead: t(
      'Collect kernel logs on the host (journald) and ship them from there.',
      '在宿主机上收集内核日志（journald），再从那里转发。',
    ),
  },
  {
    name: 'WAKE_ALARM',
    dockerDefault: false,
    risk: 'low',
    since: '3.0',
    tag: t('set wake-up alarms', '设置唤醒闹钟'),
    summary: t('Lets a process set timers that wake a suspended system.', '允许进程设置能唤醒挂起系统的定时器。'),
    allows: t(
      'Use `CLOCK_REALTIME_ALARM` and `CLOCK_BOOTTIME_ALARM` timers.',
      '使用 `CLOCK_REALTIME_ALARM` 和 `CLOCK_BOOTTIME_ALARM` 定时器。',
    ),
    uses: t('Power management on embedded and mobile devices.', '嵌入式和移动设备上的电源管理。'),
    abuse: t('Wake a suspended laptop or edge device repeatedly and drain its battery.', '反复唤醒挂起的笔记本或边缘设备，耗尽电池。'),
    instead: t('Do not add it.', '不要添加它。'),
  },
  {
    name: 'BLOCK_SUSPEND',
    dockerDefault: false,
    risk: 'low',
    since: '3.5',
    tag: t('block system suspend', '阻止系统挂起'),
    summary: t('Lets a process keep the system from suspending.', '允许进程阻止系统进入挂起状态。'),
    allows: t(
      'Use `EPOLLWAKEUP` and `/proc/sys/wake_lock`, which hold the system awake.',
      '使用 `EPOLLWAKEUP` 和 `/proc/sys/wake_lock` 让系统保持唤醒。',
    ),
    uses: t('Embedded devices that must finish work before sleeping.', '需要在休眠前完成工作的嵌入式设备。'),
    abuse: t('Keep a laptop or edge device awake and drain its battery.', '让笔记本或边缘设备一直醒着，耗尽电池。'),
    instead: t('Do not add it.', '不要添加它。'),
  },
  {
    name: 'AUDIT_READ',
    dockerDefault: false,
    risk: 'medium',
    since: '3.16',
    tag: t('read the audit log', '读取审计日志'),
    summary: t(
      'Lets a process read the kernel audit log through a multicast netlink socket.',
      '允许进程通过组播 netlink 套接字读取内核审计日志。',
    ),
    allows: t('Subscribe to the host-wide stream of audit records.', '订阅整台宿主机的审计记录流。'),
    uses: t('Audit log shippers and security monitoring agents.', '审计日志转发器和安全监控代理。'),
    abuse: t(
      'Read the audit trail of the host and every container: commands run, logins, file accesses.',
      '读取宿主机和所有容器的审计记录：执行过的命令、登录、文件访问。',
    ),
    instead: t('Ship audit logs from the host.', '从宿主机转发审计日志。'),
  },
  {
    name: 'PERFMON',
    dockerDefault: false,
    risk: 'high',
    since: '5.8',
    seccomp: ['perf_event_open'],
    tag: t('performance monitoring', '性能监控'),
    summary: t(
      'Lets a process use privileged performance monitoring (perf events) and some BPF tracing.',
      '允许进程使用特权性能监控（perf 事件）和部分 BPF 跟踪功能。',
    ),
    allows: t(
      '`perf_event_open(2)` beyond what `perf_event_paranoid` allows, system-wide and kernel events, and (with CAP_BPF) loading tracing BPF programs. It was split out of CAP_SYS_ADMIN in Linux 5.8.',
      '超出 `perf_event_paranoid` 允许范围的 `perf_event_open(2)`、全系统和内核事件，以及（配合 CAP_BPF）加载跟踪类 BPF 程序。它在 Linux 5.8 中从 CAP_SYS_ADMIN 拆分出来。',
    ),
    uses: t('Profilers and observability agents (perf, eBPF-based profilers).', '性能分析器和可观测性代理（perf、基于 eBPF 的分析器）。'),
    abuse: t(
      'Observe other processes, including the host’s, and use side channels; the perf subsystem has had privilege-escalation bugs.',
      '观察包括宿主机在内的其他进程，利用侧信道；perf 子系统曾出现过提权漏洞。',
    ),
    instead: t(
      'Profile from a host-level agent, or grant it only to a dedicated, trusted agent container.',
      '用宿主机层面的代理做性能分析，或只授予专门的、可信的代理容器。',
    ),
  },
  {
    name: 'BPF',
    dockerDefault: false,
    risk: 'critical',
    since: '5.8',
    seccomp: ['bpf'],
    tag: t('privileged BPF operations', '特权 BPF 操作'),
    summary: t(
      'Lets a process load BPF programs and create BPF maps beyond what unprivileged users may.',
      '允许进程加载 BPF 程序、创建 BPF map，超出非特权用户的限制。',
    ),
    allows: t(
      'Privileged `bpf(2)` operations: all map types and most program types; tracing programs also need CAP_PERFMON and networking programs CAP_NET_ADMIN. It was split out of CAP_SYS_ADMIN in Linux 5.8.',
      '特权 `bpf(2)` 操作：所有 map 类型和大多数程序类型；跟踪类程序还需要 CAP_PERFMON，网络类程序还需要 CAP_NET_ADMIN。它在 Linux 5.8 中从 CAP_SYS_ADMIN 拆分出来。',
    ),
    uses: t(
      'eBPF networking (Cilium), observability and security agents (Falco, Tetragon).',
      'eBPF 网络（Cilium）、可观测性和安全代理（Falco、Tetragon）。',
    ),
    abuse: t(
      'With CAP_PERFMON, tracing programs read kernel and process memory across the host; verifier bugs have repeatedly led to kernel privilege escalation.',
      '配合 CAP_PERFMON，跟踪程序可以读取整台宿主机的内核和进程内存；BPF 校验器的漏洞多次导致内核提权。',
    ),
    instead: t(
      'Keep eBPF in a dedicated, audited agent; never give it to application containers.',
      '只在专门的、经过审计的代理中使用 eBPF；绝不授予应用容器。',
    ),
  },
  {
    name: 'CHECKPOINT_RESTORE',
    dockerDefault: false,
    risk: 'medium',
    since: '5.9',
    tag: t('checkpoint and restore processes', '检查点与恢复进程'),
    summary: t(
      'Lets a process do what checkpoint/restore tools need: choose PIDs and read other processes’ mapped files.',
      '允许进程完成检查点/恢复工具需要的操作：指定 PID、读取其他进程映射的文件。',
    ),
    allows: t(
      'Write `/proc/sys/kernel/ns_last_pid`, pick the PID of a new process (`clone3(2)` with `set_tid`), and read `/proc/<pid>/map_files` of other processes.',
      '写入 `/proc/sys/kernel/ns_last_pid`，为新进程指定 PID（`clone3(2)` 的 `set_tid`），读取其他进程的 `/proc/<pid>/map_files`。',
    ),
    uses: t('CRIU running without full root, live migration.', '不以完整 root 运行的 CRIU、热迁移。'),
    abuse: t(
      'Choose PIDs to confuse tools that trust them, and inspect files mapped by other processes.',
      '指定 PID 来迷惑依赖 PID 的工具，查看其他进程映射的文件。',
    ),
    instead: t(
      'Checkpoint from the host (`docker checkpoint` runs CRIU there).',
      '在宿主机上做检查点（`docker checkpoint` 在宿主机上运行 CRIU）。',
    ),
  },
];

const RISK: Record<Risk, Text> = {
  low: t('low', '低'),
  medium: t('medium', '中'),
  high: t('high', '高'),
  critical: t('critical', '极高'),
};

function riskLabel(r: Risk, lang: 'en' | 'zh-CN'): string {
  return RISK[r][lang] ?? RISK[r].en;
}

const code = (names: string[]) => names.map((n) => `\`${n}\``).join(', ');

function capConcept(c: CapEntry): Concept {
  const full = `CAP_${c.name}`;
  const bit = (ALL_CAPS as readonly string[]).indexOf(c.name);
  const since = c.since ? ` (Linux ${c.since})` : '';
  const sinceZh = c.since ? `（Linux ${c.since} 引入）` : '';
  const grant = c.dockerDefault
    ? t(
        `Docker grants \`${c.name}\` to every container: it is one of the 14 default capabilities. \`cap_drop: [ALL]\` (\`--cap-drop ALL\`) or \`cap_drop: [${c.name}]\` removes it.`,
        `Docker 默认授予每个容器 \`${c.name}\`：它是 14 个默认 capability 之一。\`cap_drop: [ALL]\`（\`--cap-drop ALL\`）或 \`cap_drop: [${c.name}]\` 可以去掉它。`,
      )
    : t(
        `Docker does not grant \`${c.name}\`. A container gets it only with \`cap_add: [${c.name}]\` (\`--cap-add ${c.name}\`), \`cap_add: [ALL]\` or \`privileged: true\`.`,
        `Docker 默认不授予 \`${c.name}\`。只有通过 \`cap_add: [${c.name}]\`（\`--cap-add ${c.name}\`）、\`cap_add: [ALL]\` 或 \`privileged: true\`，容器才会获得它。`,
      );
  const seccomp = c.seccomp?.length
    ? t(
        `Docker's default seccomp profile allows ${code(c.seccomp)} only to a container that holds this capability, so adding it also opens those system calls.`,
        `Docker 默认的 seccomp 配置只对持有这个 capability 的容器放行 ${code(c.seccomp)}，因此添加它也会同时开放这些系统调用。`,
      )
    : undefined;
  return {
    id: `cap-${c.name.toLowerCase().replace(/_/g, '-')}`,
    kind: 'capability',
    title: t(`${full}: ${c.tag.en}`, `${full}：${c.tag['zh-CN']}`),
    summary: c.summary,
    sections: {
      what: t(
        `\`${full}\`${since} is one of the 41 capabilities into which Linux divides root's power (capabilities(7)); a process can use it only while it is in its effective set. Risk when granted to a container: **${riskLabel(c.risk, 'en')}**.`,
        `\`${full}\`${sinceZh || ' '}是 Linux 把 root 权力拆分成的 41 个 capability 之一（见 capabilities(7)）；只有当它在进程的有效集（effective set）中时，进程才能使用它。授予容器时的风险：**${riskLabel(c.risk, 'zh-CN')}**。`,
      ),
      effect: c.allows,
      default: seccomp ? t(`${grant.en}\n\n${seccomp.en}`, `${grant['zh-CN']}\n\n${seccomp['zh-CN']}`) : grant,
      why: t(
        `**Common reasons to add it:** ${c.uses.en}\n\n**What an attacker can do with it:** ${c.abuse.en}`,
        `**添加它的常见理由：**${c.uses['zh-CN']}\n\n**攻击者能用它做什么：**${c.abuse['zh-CN']}`,
      ),
      todo: t(
        `${c.instead.en}\n\nStart from \`cap_drop: [ALL]\` (\`--cap-drop ALL\`) and add back only what the program needs.`,
        `${c.instead['zh-CN']}\n\n从 \`cap_drop: [ALL]\`（\`--cap-drop ALL\`）开始，只加回程序真正需要的 capability。`,
      ),
      see: t(
        `What a container was given, and what its first process really holds (\`CapEff\` is a hexadecimal mask; \`${full}\` is bit ${bit}):\n\n$ docker inspect --format '{{.HostConfig.CapAdd}} {{.HostConfig.CapDrop}} {{.HostConfig.Privileged}}' <container>\n$ docker exec <container> grep Cap /proc/1/status\n$ capsh --decode=<CapEff value>`,
        `查看容器被授予了什么，以及它的第一个进程实际持有什么（\`CapEff\` 是十六进制掩码；\`${full}\` 是第 ${bit} 位）：\n\n$ docker inspect --format '{{.HostConfig.CapAdd}} {{.HostConfig.CapDrop}} {{.HostConfig.Privileged}}' <container>\n$ docker exec <container> grep Cap /proc/1/status\n$ capsh --decode=<CapEff value>`,
      ),
    },
    compose: [],
    flags: [],
    // The bare name (`SYS_ADMIN`) is found by lookup.ts, which tells `CHOWN` from the `chown` system call.
    aliases: [full],
    references: [MAN('capabilities', 7), DOCS.runtimePrivilege],
    related: ['capabilities', ...(c.seccomp?.length ? ['seccomp'] : [])],
    capability: {
      name: c.name,
      dockerDefault: c.dockerDefault,
      risk: c.risk,
      ...(c.since ? { since: c.since } : {}),
      seccompUnlocks: c.seccomp ?? [],
    },
  };
}

export const CAPABILITY_CONCEPTS: Concept[] = CAPS.map(capConcept);

export { RISK as RISK_LABELS };
