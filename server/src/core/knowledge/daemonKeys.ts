// The keys of dockerd's configuration file (daemon.json) as data, for Engine 20.10 to 28 (pure
// core layer). Read from moby's sources (cmd/dockerd flags, daemon/config) and Docker's dockerd
// reference; descriptions are ours, in English and Simplified Chinese. Rules CT4001/CT4002 and the
// daemon.json hover use it.

import { editDistance } from '../editDistance';
import { t, type Localized } from '../types';

/**
 * How a value must be written. dockerd decodes the file with Go's encoding/json into typed
 * fields, so a value of another JSON type stops it from starting; `null` leaves the default.
 */
export type DaemonValueKind =
  | 'string'
  | 'boolean'
  /** A whole number written without a fraction or exponent (Go int fields). */
  | 'integer'
  /** An array of strings. */
  | 'strings'
  /** A string, or an array of strings. */
  | 'stringOrStrings'
  /** A size: a string such as "64M" or a number of bytes. */
  | 'bytes'
  /** An object whose values are strings (log-opts). */
  | 'stringMap'
  /** An object of objects of strings (default-network-opts). */
  | 'stringMapMap'
  /** An object whose values are true or false (features). */
  | 'boolMap'
  /** `{ "nofile": { "Name": "nofile", "Soft": 1024, "Hard": 2048 } }` */
  | 'ulimits'
  /** `{ "name": { "path": "...", "runtimeArgs": [...] } }` or `{ "runtimeType": ..., "options": {...} }` */
  | 'runtimes'
  /** `[{ "base": "172.30.0.0/16", "size": 24 }]` */
  | 'addressPools'
  /** `{ "http-proxy": ..., "https-proxy": ..., "no-proxy": ... }` */
  | 'proxies'
  /** Any object (builder settings). */
  | 'object';

export interface DaemonKeyInfo {
  key: string;
  kind: DaemonValueKind;
  /** One line, ours. */
  description: Localized;
  /** The dockerd command-line flag that sets the same thing. */
  flag: string;
  /** Where dockerd knows the key: elsewhere it is an unknown key and dockerd refuses to start. */
  platform: 'linux' | 'all';
  /** The only values dockerd accepts (case as dockerd compares them). */
  values?: string[];
  /** The Engine release that added the key, when later than 20.10: older engines refuse it. */
  since?: string;
  /** Still accepted, but on its way out. */
  deprecated?: Localized;
  /** More to know (shown on hover). */
  note?: Localized;
}

const k = (key: string, kind: DaemonValueKind, description: Localized, extra: Partial<DaemonKeyInfo> = {}): DaemonKeyInfo => ({
  key,
  kind,
  description,
  flag: `--${key}`,
  platform: 'all',
  ...extra,
});

/** Every key dockerd reads from daemon.json, in alphabetical order. */
export const DAEMON_KEYS: readonly DaemonKeyInfo[] = [
  k(
    'allow-direct-routing',
    'boolean',
    t(
      'Lets hosts on the same network reach container addresses directly, bypassing the filter rules that normally block it.',
      '允许同一网络中的主机直接访问容器地址，绕过通常会阻止这种访问的过滤规则。',
    ),
    {
      platform: 'linux',
      since: '28.2',
    },
  ),
  k(
    'allow-nondistributable-artifacts',
    'strings',
    t(
      'Registries to which images with foreign (non-distributable) layers may be pushed in full.',
      '允许完整推送含有外部（不可分发）层的镜像的镜像仓库。',
    ),
    {
      deprecated: t('Deprecated in Engine 28.0; later engines ignore it.', '已在 Engine 28.0 中弃用，之后的版本会忽略它。'),
    },
  ),
  k(
    'api-cors-header',
    'string',
    t(
      'CORS header for the Engine API, which lets web pages in a browser call the daemon.',
      'Engine API 的 CORS 头，让浏览器中的网页能够调用守护进程。',
    ),
    {
      deprecated: t(
        'Deprecated in Engine 27.0 (a browser must never reach the daemon); later engines refuse to start when it has a value.',
        '已在 Engine 27.0 中弃用（浏览器绝不应能访问守护进程）；之后的版本在它有值时会拒绝启动。',
      ),
    },
  ),
  k(
    'authorization-plugins',
    'strings',
    t('Authorization plugins that approve or deny every API request.', '对每个 API 请求做出批准或拒绝的授权插件。'),
    {
      flag: '--authorization-plugin',
    },
  ),
  k(
    'bip',
    'string',
    t(
      'IPv4 address and prefix of the default bridge docker0, such as "192.168.1.1/24".',
      '默认网桥 docker0 的 IPv4 地址和前缀，例如 "192.168.1.1/24"。',
    ),
    { platform: 'linux' },
  ),
  k('bip6', 'string', t('IPv6 address and prefix of the default bridge docker0.', '默认网桥 docker0 的 IPv6 地址和前缀。'), {
    platform: 'linux',
    since: '28',
  }),
  k(
    'bridge',
    'string',
    t(
      'An existing bridge (Linux) or virtual switch (Windows) for the default network; "none" disables it.',
      '默认网络使用的现有网桥（Linux）或虚拟交换机（Windows）；"none" 表示禁用默认网络。',
    ),
  ),
  k(
    'bridge-accept-fwmark',
    'string',
    t('Packets carrying this firewall mark are accepted by the bridge filter rules.', '带有此防火墙标记的数据包会被网桥的过滤规则接受。'),
    {
      platform: 'linux',
      since: '28',
    },
  ),
  k(
    'builder',
    'object',
    t(
      'Settings of the built-in BuildKit builder, such as build cache garbage collection.',
      '内置 BuildKit 构建器的设置，例如构建缓存的垃圾回收。',
    ),
    { flag: '(none)' },
  ),
  k(
    'cdi-spec-dirs',
    'strings',
    t('Folders searched for Container Device Interface specifications.', '搜索容器设备接口（CDI）规范的目录。'),
    {
      flag: '--cdi-spec-dir',
      since: '25.0',
    },
  ),
  k(
    'cgroup-parent',
    'string',
    t(
      'Parent cgroup for every container, instead of the default docker (cgroupfs) or system.slice (systemd).',
      '所有容器的父 cgroup，替代默认的 docker（cgroupfs）或 system.slice（systemd）。',
    ),
    {
      platform: 'linux',
    },
  ),
  k(
    'containerd',
    'string',
    t(
      'Address of an existing containerd to use instead of the one dockerd starts.',
      '要使用的现有 containerd 的地址，代替 dockerd 自己启动的那个。',
    ),
  ),
  k(
    'containerd-namespace',
    'string',
    t('containerd namespace for containers (default "moby").', '容器所用的 containerd 命名空间（默认 "moby"）。'),
  ),
  k(
    'containerd-plugins-namespace',
    'string',
    t('containerd namespace for managed plugins (default "plugins.moby").', '托管插件所用的 containerd 命名空间（默认 "plugins.moby"）。'),
    {
      note: t(
        'dockerd accepts this spelling in the file (it is the flag name), but the field it fills is named `containerd-plugin-namespace`, which the file check refuses; set it with the flag if the value does not take effect.',
        'dockerd 在配置文件中接受这个拼写（它是命令行参数名），但它要填充的字段名为 `containerd-plugin-namespace`，而文件检查会拒绝这个名字；如果该值没有生效，请改用命令行参数设置。',
      ),
    },
  ),
  k(
    'cpu-rt-period',
    'integer',
    t(
      'Real-time CPU period in microseconds for the parent cgroup (cgroup v1 only).',
      '父 cgroup 的实时 CPU 周期，单位为微秒（仅 cgroup v1）。',
    ),
    { platform: 'linux' },
  ),
  k(
    'cpu-rt-runtime',
    'integer',
    t(
      'Real-time CPU runtime in microseconds for the parent cgroup (cgroup v1 only).',
      '父 cgroup 的实时 CPU 运行时间，单位为微秒（仅 cgroup v1）。',
    ),
    { platform: 'linux' },
  ),
  k(
    'cri-containerd',
    'boolean',
    t('Starts the managed containerd with its CRI plugin, for a kubelet.', '启动托管的 containerd 时启用其 CRI 插件，供 kubelet 使用。'),
  ),
  k(
    'data-root',
    'string',
    t(
      'Where images, containers, volumes and networks are stored (default /var/lib/docker).',
      '镜像、容器、卷和网络的存储位置（默认 /var/lib/docker）。',
    ),
  ),
  k('debug', 'boolean', t('Debug mode: the daemon logs at debug level.', '调试模式：守护进程以 debug 级别记录日志。'), {
    flag: '--debug (-D)',
  }),
  k(
    'default-address-pools',
    'addressPools',
    t('Address ranges that new networks get their subnets from.', '新建网络从中分配子网的地址范围。'),
    {
      flag: '--default-address-pool',
      platform: 'linux',
    },
  ),
  k(
    'default-cgroupns-mode',
    'string',
    t(
      "Cgroup namespace of new containers: private (their own) or host (the host's).",
      '新容器的 cgroup 命名空间：private（自己独有）或 host（使用宿主机的）。',
    ),
    {
      platform: 'linux',
      values: ['private', 'host'],
    },
  ),
  k('default-gateway', 'string', t('IPv4 default gateway for containers on the default bridge.', '默认网桥上容器的 IPv4 默认网关。'), {
    platform: 'linux',
  }),
  k('default-gateway-v6', 'string', t('IPv6 default gateway for containers on the default bridge.', '默认网桥上容器的 IPv6 默认网关。'), {
    platform: 'linux',
  }),
  k(
    'default-ipc-mode',
    'string',
    t(
      'IPC namespace of new containers: private, or shareable (other containers may join it).',
      '新容器的 IPC 命名空间：private，或 shareable（其他容器可以加入）。',
    ),
    {
      platform: 'linux',
      values: ['private', 'shareable'],
    },
  ),
  k(
    'default-network-opts',
    'stringMapMap',
    t('Default driver options for new networks, per driver.', '新建网络的默认驱动选项，按驱动分别设置。'),
    {
      flag: '--default-network-opt',
      since: '24.0',
    },
  ),
  k(
    'default-runtime',
    'string',
    t('OCI runtime used when a container does not ask for one (default runc).', '容器未指定运行时时使用的 OCI 运行时（默认 runc）。'),
  ),
  k('default-shm-size', 'bytes', t('Size of /dev/shm in new containers, such as "64M".', '新容器中 /dev/shm 的大小，例如 "64M"。'), {
    platform: 'linux',
  }),
  k(
    'default-ulimits',
    'ulimits',
    t(
      'Resource limits (ulimits) every container starts with unless it sets its own.',
      '每个容器启动时的资源限制（ulimit），容器自己另行设置的除外。',
    ),
    {
      flag: '--default-ulimit',
      platform: 'linux',
    },
  ),
  k('dns', 'strings', t("DNS servers written into containers' resolv.conf.", '写入容器 resolv.conf 的 DNS 服务器。')),
  k('dns-opts', 'strings', t('resolv.conf options for containers.', '容器 resolv.conf 的选项。'), { flag: '--dns-opt' }),
  k('dns-search', 'strings', t('DNS search domains for containers.', '容器的 DNS 搜索域。')),
  k(
    'exec-opts',
    'strings',
    t('Runtime options such as "native.cgroupdriver=systemd".', '运行时选项，例如 "native.cgroupdriver=systemd"。'),
    { flag: '--exec-opt' },
  ),
  k(
    'exec-root',
    'string',
    t('Where the daemon keeps execution state (default /var/run/docker).', '守护进程保存运行状态的位置（默认 /var/run/docker）。'),
  ),
  k('experimental', 'boolean', t('Turns on experimental daemon features.', '启用守护进程的实验性功能。')),
  k(
    'features',
    'boolMap',
    t(
      'Turns named daemon features on or off, such as "containerd-snapshotter".',
      '按名称开启或关闭守护进程的功能，例如 "containerd-snapshotter"。',
    ),
    { flag: '(none)' },
  ),
  k(
    'firewall-backend',
    'string',
    t('Which firewall the daemon programs: iptables or nftables.', '守护进程配置哪种防火墙：iptables 或 nftables。'),
    {
      platform: 'linux',
      values: ['iptables', 'nftables'],
      since: '28',
      note: t('The nftables value is experimental, from Engine 29.0.', 'nftables 这个取值是实验性的，从 Engine 29.0 开始提供。'),
    },
  ),
  k(
    'fixed-cidr',
    'string',
    t(
      "IPv4 subnet (inside the bridge's) from which default-bridge containers get addresses.",
      '默认网桥上的容器从中获取地址的 IPv4 子网（位于网桥的子网之内）。',
    ),
  ),
  k(
    'fixed-cidr-v6',
    'string',
    t('IPv6 subnet from which default-bridge containers get addresses.', '默认网桥上的容器从中获取地址的 IPv6 子网。'),
    { platform: 'linux' },
  ),
  k(
    'group',
    'string',
    t(
      'Group that owns the Unix socket (Linux) or may use the named pipe (Windows).',
      '拥有 Unix 套接字（Linux）或可以使用命名管道（Windows）的用户组。',
    ),
    { flag: '--group (-G)' },
  ),
  k(
    'host-gateway-ip',
    'string',
    t('Address that the special name host-gateway resolves to in --add-host.', '特殊名称 host-gateway 在 --add-host 中解析成的地址。'),
  ),
  k(
    'host-gateway-ips',
    'stringOrStrings',
    t(
      'IPv4 and IPv6 addresses that host-gateway resolves to; replaces host-gateway-ip (do not set both).',
      'host-gateway 解析成的 IPv4 和 IPv6 地址；取代 host-gateway-ip（不要同时设置两者）。',
    ),
    {
      flag: '--host-gateway-ip',
      since: '28.0',
    },
  ),
  k(
    'hosts',
    'strings',
    t(
      'Sockets the daemon listens on: unix://, fd://, tcp://host:port (and npipe:// on Windows).',
      '守护进程监听的套接字：unix://、fd://、tcp://host:port（Windows 上还有 npipe://）。',
    ),
    {
      flag: '--host (-H)',
      note: t(
        "The docker.service unit of most Linux packages already passes -H fd://, and dockerd refuses to start when an option comes from both the command line and the file: with systemd, change the unit's ExecStart in a drop-in (systemctl edit docker) instead.",
        '大多数 Linux 软件包的 docker.service 单元已经传入了 -H fd://，而同一选项同时来自命令行和配置文件时 dockerd 会拒绝启动：使用 systemd 时，请改为在 drop-in 文件中修改该单元的 ExecStart（systemctl edit docker）。',
      ),
    },
  ),
  k(
    'icc',
    'boolean',
    t(
      'Whether containers on the default bridge may talk to each other directly (default true).',
      '默认网桥上的容器能否直接相互通信（默认 true）。',
    ),
    { platform: 'linux' },
  ),
  k(
    'init',
    'boolean',
    t(
      'Runs a small init process as PID 1 in every container, to reap zombies and forward signals.',
      '在每个容器中以 PID 1 运行一个小型 init 进程，用于回收僵尸进程和转发信号。',
    ),
    {
      platform: 'linux',
    },
  ),
  k('init-path', 'string', t('Path of the init binary used by init.', 'init 所用的 init 可执行文件的路径。'), { platform: 'linux' }),
  k(
    'insecure-registries',
    'strings',
    t('Registries contacted over plain HTTP or with unverified TLS.', '通过明文 HTTP 或不验证证书的 TLS 访问的镜像仓库。'),
    { flag: '--insecure-registry' },
  ),
  k(
    'ip',
    'string',
    t(
      'Host address that published ports bind to when a container does not name one (default 0.0.0.0).',
      '容器未指定地址时，发布的端口所绑定的宿主机地址（默认 0.0.0.0）。',
    ),
    {
      platform: 'linux',
    },
  ),
  k(
    'ip-forward',
    'boolean',
    t('Lets the daemon turn on IP forwarding in the kernel (default true).', '允许守护进程在内核中开启 IP 转发（默认 true）。'),
    { platform: 'linux' },
  ),
  k(
    'ip-forward-no-drop',
    'boolean',
    t('Do not set the FORWARD chain policy to DROP when turning on IP forwarding.', '开启 IP 转发时，不把 FORWARD 链的策略设为 DROP。'),
    {
      platform: 'linux',
      since: '28.0',
    },
  ),
  k(
    'ip-masq',
    'boolean',
    t('Masquerades (NATs) traffic leaving the default bridge (default true).', '对离开默认网桥的流量做地址伪装，即 NAT（默认 true）。'),
    { platform: 'linux' },
  ),
  k('ip6tables', 'boolean', t('Lets the daemon add ip6tables rules for IPv6 networks.', '允许守护进程为 IPv6 网络添加 ip6tables 规则。'), {
    platform: 'linux',
  }),
  k(
    'iptables',
    'boolean',
    t(
      'Lets the daemon add iptables rules for networking and port publishing (default true).',
      '允许守护进程为网络和端口发布添加 iptables 规则（默认 true）。',
    ),
    { platform: 'linux' },
  ),
  k('ipv6', 'boolean', t('Turns on IPv6 for the default bridge.', '为默认网桥启用 IPv6。'), { platform: 'linux' }),
  k(
    'labels',
    'strings',
    t(
      'key=value labels describing this daemon (shown by docker info, used by Swarm placement).',
      '描述此守护进程的 key=value 标签（docker info 会显示它们，Swarm 安排任务位置时会用到）。',
    ),
    { flag: '--label' },
  ),
  k(
    'live-restore',
    'boolean',
    t('Keeps containers running while the daemon stops or restarts.', '在守护进程停止或重启期间让容器继续运行。'),
    { platform: 'linux' },
  ),
  k('log-driver', 'string', t('Default logging driver for containers (default json-file).', '容器的默认日志驱动（默认 json-file）。')),
  k('log-format', 'string', t("Format of the daemon's own log: text or json.", '守护进程自身日志的格式：text 或 json。'), {
    values: ['text', 'json'],
    since: '25.0',
  }),
  k('log-level', 'string', t("Level of the daemon's own log (default info).", '守护进程自身日志的级别（默认 info）。'), {
    flag: '--log-level (-l)',
    values: ['debug', 'info', 'warn', 'error', 'fatal', 'panic', 'trace'],
  }),
  k(
    'log-opts',
    'stringMap',
    t(
      'Default options of the logging driver; every value is a string, even numbers ("max-file": "3").',
      '日志驱动的默认选项；每个值都是字符串，数字也不例外（"max-file": "3"）。',
    ),
    {
      flag: '--log-opt',
    },
  ),
  k('max-concurrent-downloads', 'integer', t('Layers downloaded at once per pull (default 3).', '每次拉取时同时下载的层数（默认 3）。')),
  k('max-concurrent-uploads', 'integer', t('Layers uploaded at once per push (default 5).', '每次推送时同时上传的层数（默认 5）。')),
  k(
    'max-download-attempts',
    'integer',
    t('Attempts to download a layer before a pull fails (default 5).', '拉取失败之前下载一个层的尝试次数（默认 5）。'),
  ),
  k('metrics-addr', 'string', t('Address (host:port) of the Prometheus metrics endpoint.', 'Prometheus 指标端点的地址（host:port）。')),
  k('mtu', 'integer', t('MTU of the default bridge network.', '默认网桥网络的 MTU。')),
  k('network-control-plane-mtu', 'integer', t("MTU of Swarm's network control plane traffic.", 'Swarm 网络控制平面流量的 MTU。')),
  k(
    'network-diagnostic-port',
    'integer',
    t(
      'TCP port of the network diagnostic server (an undocumented debugging aid).',
      '网络诊断服务器的 TCP 端口（一个没有文档的调试辅助功能）。',
    ),
  ),
  k(
    'no-new-privileges',
    'boolean',
    t(
      'Sets no-new-privileges on every new container, so setuid programs cannot raise privileges.',
      '为每个新容器设置 no-new-privileges，使 setuid 程序无法提升权限。',
    ),
    {
      platform: 'linux',
    },
  ),
  k(
    'node-generic-resources',
    'strings',
    t('Resources this Swarm node advertises, such as "NVIDIA-GPU=UUID1".', '此 Swarm 节点对外公布的资源，例如 "NVIDIA-GPU=UUID1"。'),
    {
      flag: '--node-generic-resource',
    },
  ),
  k(
    'pidfile',
    'string',
    t(
      'Where the daemon writes its process id (default /var/run/docker.pid).',
      '守护进程写入自身进程 ID 的位置（默认 /var/run/docker.pid）。',
    ),
    { flag: '--pidfile (-p)' },
  ),
  k(
    'proxies',
    'proxies',
    t(
      'HTTP(S) proxies the daemon uses for registries and other outgoing traffic.',
      '守护进程访问镜像仓库及其他出站流量时使用的 HTTP(S) 代理。',
    ),
    {
      flag: '--http-proxy, --https-proxy, --no-proxy',
      since: '23.0',
    },
  ),
  k('raw-logs', 'boolean', t('Full timestamps and no colours in the daemon log.', '守护进程日志使用完整的时间戳，且不带颜色。')),
  k(
    'registry-mirrors',
    'strings',
    t('Pull-through mirrors of Docker Hub, tried before it.', 'Docker Hub 的拉取缓存镜像站，会先于 Docker Hub 尝试。'),
    { flag: '--registry-mirror' },
  ),
  k('rootless', 'boolean', t('Rootless mode; set automatically under RootlessKit.', 'Rootless 模式；在 RootlessKit 下会自动设置。'), {
    platform: 'linux',
  }),
  k(
    'runtimes',
    'runtimes',
    t('Additional OCI runtimes containers may use with --runtime.', '容器可以通过 --runtime 使用的其他 OCI 运行时。'),
    { flag: '--add-runtime', platform: 'linux' },
  ),
  k(
    'seccomp-profile',
    'string',
    t(
      'Path of the seccomp profile for containers that do not name one; "unconfined" turns seccomp off.',
      '未指定 seccomp 配置文件的容器所用配置文件的路径；"unconfined" 表示关闭 seccomp。',
    ),
    {
      platform: 'linux',
    },
  ),
  k(
    'selinux-enabled',
    'boolean',
    t('Gives containers SELinux labels (on hosts where SELinux is enabled).', '为容器分配 SELinux 标签（在启用了 SELinux 的宿主机上）。'),
    { platform: 'linux' },
  ),
  k(
    'shutdown-timeout',
    'integer',
    t('Seconds the daemon waits for containers to stop when it shuts down (default 15).', '守护进程关闭时等待容器停止的秒数（默认 15）。'),
  ),
  k(
    'storage-driver',
    'string',
    t('Storage driver for images and containers, such as overlay2.', '镜像和容器使用的存储驱动，例如 overlay2。'),
    {
      flag: '--storage-driver (-s)',
      platform: 'linux',
    },
  ),
  k('storage-opts', 'strings', t('Options of the storage driver.', '存储驱动的选项。'), { flag: '--storage-opt' }),
  k(
    'swarm-default-advertise-addr',
    'string',
    t('Address or interface Swarm advertises when none is given.', '未指定时 Swarm 对外公布的地址或网络接口。'),
  ),
  k('tls', 'boolean', t('Serves the API over TLS (implied by tlsverify).', '通过 TLS 提供 API（设置 tlsverify 时隐含开启）。')),
  k(
    'tlscacert',
    'string',
    t(
      'CA certificate; with tlsverify, clients must present a certificate signed by it.',
      'CA 证书；启用 tlsverify 时，客户端必须出示由它签发的证书。',
    ),
  ),
  k('tlscert', 'string', t("The daemon's TLS certificate.", '守护进程的 TLS 证书。')),
  k('tlskey', 'string', t("The daemon's TLS private key.", '守护进程的 TLS 私钥。')),
  k(
    'tlsverify',
    'boolean',
    t(
      'Serves the API over TLS and requires client certificates signed by tlscacert.',
      '通过 TLS 提供 API，并要求客户端出示由 tlscacert 签发的证书。',
    ),
  ),
  k(
    'userland-proxy',
    'boolean',
    t(
      'Forwards traffic to published ports with a docker-proxy process instead of only with NAT rules (default true).',
      '用 docker-proxy 进程转发发往已发布端口的流量，而不是只靠 NAT 规则（默认 true）。',
    ),
    {
      platform: 'linux',
    },
  ),
  k('userland-proxy-path', 'string', t('Path of the docker-proxy binary.', 'docker-proxy 可执行文件的路径。'), { platform: 'linux' }),
  k(
    'userns-remap',
    'string',
    t(
      'Runs containers in a user namespace: "default" or user[:group] whose subordinate ids are used.',
      '在用户命名空间中运行容器：取值为 "default"，或者 user[:group]（使用其从属 ID）。',
    ),
    {
      platform: 'linux',
    },
  ),
];

export const DAEMON_KEY_INFO: ReadonlyMap<string, DaemonKeyInfo> = new Map(DAEMON_KEYS.map((i) => [i.key, i]));

/** Members of `proxies`. */
export const PROXY_KEYS: readonly string[] = ['http-proxy', 'https-proxy', 'no-proxy'];

const plural = (name: string) => ({ reason: t(`the file uses the plural "${name}"`, `配置文件中使用复数形式 "${name}"`), instead: name });
const uses = (name: string) => ({ reason: t(`the file uses "${name}"`, `配置文件中使用 "${name}"`), instead: name });
const INSIDE_PROXIES = t('in the file it goes inside "proxies"', '在配置文件中它应放在 "proxies" 里面');
const COMMAND_LINE_ONLY = t('it only makes sense on the command line', '它只在命令行上才有意义');

/**
 * Keys dockerd's check accepts (they are flag names) but that set nothing when written in the
 * file: the file uses the plural name of repeatable flags, and some flags mean nothing there.
 */
export const IGNORED_KEYS: ReadonlyMap<string, { reason: Localized; instead?: string }> = new Map<
  string,
  { reason: Localized; instead?: string }
>([
  ['label', plural('labels')],
  ['dns-opt', plural('dns-opts')],
  ['exec-opt', plural('exec-opts')],
  ['storage-opt', plural('storage-opts')],
  ['log-opt', plural('log-opts')],
  ['insecure-registry', uses('insecure-registries')],
  ['registry-mirror', uses('registry-mirrors')],
  ['authorization-plugin', plural('authorization-plugins')],
  ['default-ulimit', plural('default-ulimits')],
  ['add-runtime', uses('runtimes')],
  ['node-generic-resource', plural('node-generic-resources')],
  ['default-address-pool', plural('default-address-pools')],
  ['default-network-opt', plural('default-network-opts')],
  ['cdi-spec-dir', plural('cdi-spec-dirs')],
  ['host', plural('hosts')],
  ['http-proxy', { reason: INSIDE_PROXIES }],
  ['https-proxy', { reason: INSIDE_PROXIES }],
  ['no-proxy', { reason: INSIDE_PROXIES }],
  ['config-file', { reason: t('the configuration file cannot name another one', '配置文件不能再指定另一个配置文件') }],
  ['validate', { reason: COMMAND_LINE_ONLY }],
  ['version', { reason: COMMAND_LINE_ONLY }],
  [
    'restart',
    {
      reason: t(
        'the daemon-wide --restart was replaced by restart policies per container long ago',
        '守护进程级别的 --restart 早已被每个容器各自的重启策略取代',
      ),
    },
  ],
]);

const CLASSIC_SWARM = t(
  'classic Swarm is gone; use Swarm mode (docker swarm init)',
  '经典 Swarm 已不复存在；请使用 Swarm 模式（docker swarm init）',
);

/** Keys that once existed: dockerd refuses them from the release named. */
export const REMOVED_KEYS: ReadonlyMap<string, { removed: string; instead: Localized }> = new Map([
  ['cluster-store', { removed: '23.0', instead: CLASSIC_SWARM }],
  ['cluster-store-opts', { removed: '23.0', instead: CLASSIC_SWARM }],
  ['cluster-advertise', { removed: '23.0', instead: CLASSIC_SWARM }],
  ['graph', { removed: '23.0', instead: t('use "data-root"', '请改用 "data-root"') }],
  [
    'oom-score-adjust',
    {
      removed: '25.0',
      instead: t('set OOMScoreAdjust in the docker.service unit instead', '请改在 docker.service 单元中设置 OOMScoreAdjust'),
    },
  ],
  [
    'disable-legacy-registry',
    {
      removed: '19.03',
      instead: t('the v1 registry protocol itself is gone; delete the key', 'v1 镜像仓库协议本身已不复存在；请删除这个键'),
    },
  ],
  [
    'containerd-plugin-namespace',
    {
      removed: 'every release',
      instead: t('the accepted spelling is "containerd-plugins-namespace"', '可接受的拼写是 "containerd-plugins-namespace"'),
    },
  ],
]);

/**
 * Object values that dockerd reads as they are. Any other key whose value is an object has that
 * object's members checked as if they were top-level keys (moby's configValuesSet flattens them).
 */
export const FLAT_KEYS: ReadonlySet<string> = new Set([
  'cluster-store-opts',
  'default-network-opts',
  'log-opts',
  'runtimes',
  'default-ulimits',
  'features',
  'builder',
]);

/** Every key dockerd's check accepts, whatever it does with it. */
export function isAcceptedKey(key: string): boolean {
  return DAEMON_KEY_INFO.has(key) || IGNORED_KEYS.has(key) || PROXY_KEYS.includes(key) || key === 'deprecated-key-path';
}

/** Resource names of ulimits (go-units), for default-ulimits. */
export const ULIMIT_NAMES: readonly string[] = [
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
];

/** `logLevel`, `log_level`, `LOG-LEVEL` → `log-level`. */
function normalize(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s.]+/g, '-')
    .toLowerCase();
}

/** The known key closest to a misspelt one, if one is close enough to be a likely typo. */
export function closestKey(key: string, candidates: readonly string[] = DAEMON_KEYS.map((i) => i.key)): string | undefined {
  const n = normalize(key);
  const exact = candidates.find((c) => c === n);
  if (exact) return exact;
  // One edit per four letters (at least one, which also covers a plural or singular slip, the most
  // common mistake). The distance is bounded by that: a file may hold thousands of unknown keys.
  const limit = Math.max(1, Math.floor(n.length / 4));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    const d = editDistance(n, c, limit);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}
