// The keys of dockerd's configuration file (daemon.json) as data, for Engine 20.10 to 28 (pure
// core layer). Read from moby's sources (cmd/dockerd flags, daemon/config) and Docker's dockerd
// reference; descriptions are ours. Rules CT4001/CT4002 and the daemon.json hover use it.

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
  description: string;
  /** The dockerd command-line flag that sets the same thing. */
  flag: string;
  /** Where dockerd knows the key: elsewhere it is an unknown key and dockerd refuses to start. */
  platform: 'linux' | 'all';
  /** The only values dockerd accepts (case as dockerd compares them). */
  values?: string[];
  /** The Engine release that added the key, when later than 20.10: older engines refuse it. */
  since?: string;
  /** Still accepted, but on its way out. */
  deprecated?: string;
  /** More to know (shown on hover). */
  note?: string;
}

const k = (key: string, kind: DaemonValueKind, description: string, extra: Partial<DaemonKeyInfo> = {}): DaemonKeyInfo => ({
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
    'Lets hosts on the same network reach container addresses directly, bypassing the filter rules that normally block it.',
    {
      platform: 'linux',
      since: '28.2',
    },
  ),
  k(
    'allow-nondistributable-artifacts',
    'strings',
    'Registries to which images with foreign (non-distributable) layers may be pushed in full.',
    {
      deprecated: 'Deprecated in Engine 28.0; later engines ignore it.',
    },
  ),
  k('api-cors-header', 'string', 'CORS header for the Engine API, which lets web pages in a browser call the daemon.', {
    deprecated: 'Deprecated in Engine 27.0 (a browser must never reach the daemon); later engines refuse to start when it has a value.',
  }),
  k('authorization-plugins', 'strings', 'Authorization plugins that approve or deny every API request.', {
    flag: '--authorization-plugin',
  }),
  k('bip', 'string', 'IPv4 address and prefix of the default bridge docker0, such as "192.168.1.1/24".', { platform: 'linux' }),
  k('bip6', 'string', 'IPv6 address and prefix of the default bridge docker0.', { platform: 'linux', since: '28' }),
  k('bridge', 'string', 'An existing bridge (Linux) or virtual switch (Windows) for the default network; "none" disables it.'),
  k('bridge-accept-fwmark', 'string', 'Packets carrying this firewall mark are accepted by the bridge filter rules.', {
    platform: 'linux',
    since: '28',
  }),
  k('builder', 'object', 'Settings of the built-in BuildKit builder, such as build cache garbage collection.', { flag: '(none)' }),
  k('cdi-spec-dirs', 'strings', 'Folders searched for Container Device Interface specifications.', {
    flag: '--cdi-spec-dir',
    since: '25.0',
  }),
  k('cgroup-parent', 'string', 'Parent cgroup for every container, instead of the default docker (cgroupfs) or system.slice (systemd).', {
    platform: 'linux',
  }),
  k('containerd', 'string', 'Address of an existing containerd to use instead of the one dockerd starts.'),
  k('containerd-namespace', 'string', 'containerd namespace for containers (default "moby").'),
  k('containerd-plugins-namespace', 'string', 'containerd namespace for managed plugins (default "plugins.moby").', {
    note: 'dockerd accepts this spelling in the file (it is the flag name), but the field it fills is named `containerd-plugin-namespace`, which the file check refuses; set it with the flag if the value does not take effect.',
  }),
  k('cpu-rt-period', 'integer', 'Real-time CPU period in microseconds for the parent cgroup (cgroup v1 only).', { platform: 'linux' }),
  k('cpu-rt-runtime', 'integer', 'Real-time CPU runtime in microseconds for the parent cgroup (cgroup v1 only).', { platform: 'linux' }),
  k('cri-containerd', 'boolean', 'Starts the managed containerd with its CRI plugin, for a kubelet.'),
  k('data-root', 'string', 'Where images, containers, volumes and networks are stored (default /var/lib/docker).'),
  k('debug', 'boolean', 'Debug mode: the daemon logs at debug level.', { flag: '--debug (-D)' }),
  k('default-address-pools', 'addressPools', 'Address ranges that new networks get their subnets from.', {
    flag: '--default-address-pool',
    platform: 'linux',
  }),
  k('default-cgroupns-mode', 'string', "Cgroup namespace of new containers: private (their own) or host (the host's).", {
    platform: 'linux',
    values: ['private', 'host'],
  }),
  k('default-gateway', 'string', 'IPv4 default gateway for containers on the default bridge.', { platform: 'linux' }),
  k('default-gateway-v6', 'string', 'IPv6 default gateway for containers on the default bridge.', { platform: 'linux' }),
  k('default-ipc-mode', 'string', 'IPC namespace of new containers: private, or shareable (other containers may join it).', {
    platform: 'linux',
    values: ['private', 'shareable'],
  }),
  k('default-network-opts', 'stringMapMap', 'Default driver options for new networks, per driver.', {
    flag: '--default-network-opt',
    since: '24.0',
  }),
  k('default-runtime', 'string', 'OCI runtime used when a container does not ask for one (default runc).'),
  k('default-shm-size', 'bytes', 'Size of /dev/shm in new containers, such as "64M".', { platform: 'linux' }),
  k('default-ulimits', 'ulimits', 'Resource limits (ulimits) every container starts with unless it sets its own.', {
    flag: '--default-ulimit',
    platform: 'linux',
  }),
  k('dns', 'strings', "DNS servers written into containers' resolv.conf."),
  k('dns-opts', 'strings', 'resolv.conf options for containers.', { flag: '--dns-opt' }),
  k('dns-search', 'strings', 'DNS search domains for containers.'),
  k('exec-opts', 'strings', 'Runtime options such as "native.cgroupdriver=systemd".', { flag: '--exec-opt' }),
  k('exec-root', 'string', 'Where the daemon keeps execution state (default /var/run/docker).'),
  k('experimental', 'boolean', 'Turns on experimental daemon features.'),
  k('features', 'boolMap', 'Turns named daemon features on or off, such as "containerd-snapshotter".', { flag: '(none)' }),
  k('firewall-backend', 'string', 'Which firewall the daemon programs: iptables or nftables.', {
    platform: 'linux',
    values: ['iptables', 'nftables'],
    since: '28',
    note: 'The nftables value is experimental, from Engine 29.0.',
  }),
  k('fixed-cidr', 'string', "IPv4 subnet (inside the bridge's) from which default-bridge containers get addresses."),
  k('fixed-cidr-v6', 'string', 'IPv6 subnet from which default-bridge containers get addresses.', { platform: 'linux' }),
  k('group', 'string', 'Group that owns the Unix socket (Linux) or may use the named pipe (Windows).', { flag: '--group (-G)' }),
  k('host-gateway-ip', 'string', 'Address that the special name host-gateway resolves to in --add-host.'),
  k(
    'host-gateway-ips',
    'stringOrStrings',
    'IPv4 and IPv6 addresses that host-gateway resolves to; replaces host-gateway-ip (do not set both).',
    {
      flag: '--host-gateway-ip',
      since: '28.0',
    },
  ),
  k('hosts', 'strings', 'Sockets the daemon listens on: unix://, fd://, tcp://host:port (and npipe:// on Windows).', {
    flag: '--host (-H)',
    note: "The docker.service unit of most Linux packages already passes -H fd://, and dockerd refuses to start when an option comes from both the command line and the file: with systemd, change the unit's ExecStart in a drop-in (systemctl edit docker) instead.",
  }),
  k('icc', 'boolean', 'Whether containers on the default bridge may talk to each other directly (default true).', { platform: 'linux' }),
  k('init', 'boolean', 'Runs a small init process as PID 1 in every container, to reap zombies and forward signals.', {
    platform: 'linux',
  }),
  k('init-path', 'string', 'Path of the init binary used by init.', { platform: 'linux' }),
  k('insecure-registries', 'strings', 'Registries contacted over plain HTTP or with unverified TLS.', { flag: '--insecure-registry' }),
  k('ip', 'string', 'Host address that published ports bind to when a container does not name one (default 0.0.0.0).', {
    platform: 'linux',
  }),
  k('ip-forward', 'boolean', 'Lets the daemon turn on IP forwarding in the kernel (default true).', { platform: 'linux' }),
  k('ip-forward-no-drop', 'boolean', 'Do not set the FORWARD chain policy to DROP when turning on IP forwarding.', {
    platform: 'linux',
    since: '28.0',
  }),
  k('ip-masq', 'boolean', 'Masquerades (NATs) traffic leaving the default bridge (default true).', { platform: 'linux' }),
  k('ip6tables', 'boolean', 'Lets the daemon add ip6tables rules for IPv6 networks.', { platform: 'linux' }),
  k('iptables', 'boolean', 'Lets the daemon add iptables rules for networking and port publishing (default true).', { platform: 'linux' }),
  k('ipv6', 'boolean', 'Turns on IPv6 for the default bridge.', { platform: 'linux' }),
  k('labels', 'strings', 'key=value labels describing this daemon (shown by docker info, used by Swarm placement).', { flag: '--label' }),
  k('live-restore', 'boolean', 'Keeps containers running while the daemon stops or restarts.', { platform: 'linux' }),
  k('log-driver', 'string', 'Default logging driver for containers (default json-file).'),
  k('log-format', 'string', "Format of the daemon's own log: text or json.", { values: ['text', 'json'], since: '25.0' }),
  k('log-level', 'string', "Level of the daemon's own log (default info).", {
    flag: '--log-level (-l)',
    values: ['debug', 'info', 'warn', 'error', 'fatal', 'panic', 'trace'],
  }),
  k('log-opts', 'stringMap', 'Default options of the logging driver; every value is a string, even numbers ("max-file": "3").', {
    flag: '--log-opt',
  }),
  k('max-concurrent-downloads', 'integer', 'Layers downloaded at once per pull (default 3).'),
  k('max-concurrent-uploads', 'integer', 'Layers uploaded at once per push (default 5).'),
  k('max-download-attempts', 'integer', 'Attempts to download a layer before a pull fails (default 5).'),
  k('metrics-addr', 'string', 'Address (host:port) of the Prometheus metrics endpoint.'),
  k('mtu', 'integer', 'MTU of the default bridge network.'),
  k('network-control-plane-mtu', 'integer', "MTU of Swarm's network control plane traffic."),
  k('network-diagnostic-port', 'integer', 'TCP port of the network diagnostic server (an undocumented debugging aid).'),
  k('no-new-privileges', 'boolean', 'Sets no-new-privileges on every new container, so setuid programs cannot raise privileges.', {
    platform: 'linux',
  }),
  k('node-generic-resources', 'strings', 'Resources this Swarm node advertises, such as "NVIDIA-GPU=UUID1".', {
    flag: '--node-generic-resource',
  }),
  k('pidfile', 'string', 'Where the daemon writes its process id (default /var/run/docker.pid).', { flag: '--pidfile (-p)' }),
  k('proxies', 'proxies', 'HTTP(S) proxies the daemon uses for registries and other outgoing traffic.', {
    flag: '--http-proxy, --https-proxy, --no-proxy',
    since: '23.0',
  }),
  k('raw-logs', 'boolean', 'Full timestamps and no colours in the daemon log.'),
  k('registry-mirrors', 'strings', 'Pull-through mirrors of Docker Hub, tried before it.', { flag: '--registry-mirror' }),
  k('rootless', 'boolean', 'Rootless mode; set automatically under RootlessKit.', { platform: 'linux' }),
  k('runtimes', 'runtimes', 'Additional OCI runtimes containers may use with --runtime.', { flag: '--add-runtime', platform: 'linux' }),
  k('seccomp-profile', 'string', 'Path of the seccomp profile for containers that do not name one; "unconfined" turns seccomp off.', {
    platform: 'linux',
  }),
  k('selinux-enabled', 'boolean', 'Gives containers SELinux labels (on hosts where SELinux is enabled).', { platform: 'linux' }),
  k('shutdown-timeout', 'integer', 'Seconds the daemon waits for containers to stop when it shuts down (default 15).'),
  k('storage-driver', 'string', 'Storage driver for images and containers, such as overlay2.', {
    flag: '--storage-driver (-s)',
    platform: 'linux',
  }),
  k('storage-opts', 'strings', 'Options of the storage driver.', { flag: '--storage-opt' }),
  k('swarm-default-advertise-addr', 'string', 'Address or interface Swarm advertises when none is given.'),
  k('tls', 'boolean', 'Serves the API over TLS (implied by tlsverify).'),
  k('tlscacert', 'string', 'CA certificate; with tlsverify, clients must present a certificate signed by it.'),
  k('tlscert', 'string', "The daemon's TLS certificate."),
  k('tlskey', 'string', "The daemon's TLS private key."),
  k('tlsverify', 'boolean', 'Serves the API over TLS and requires client certificates signed by tlscacert.'),
  k(
    'userland-proxy',
    'boolean',
    'Forwards traffic to published ports with a docker-proxy process instead of only with NAT rules (default true).',
    {
      platform: 'linux',
    },
  ),
  k('userland-proxy-path', 'string', 'Path of the docker-proxy binary.', { platform: 'linux' }),
  k('userns-remap', 'string', 'Runs containers in a user namespace: "default" or user[:group] whose subordinate ids are used.', {
    platform: 'linux',
  }),
];

export const DAEMON_KEY_INFO: ReadonlyMap<string, DaemonKeyInfo> = new Map(DAEMON_KEYS.map((i) => [i.key, i]));

/** Members of `proxies`. */
export const PROXY_KEYS: readonly string[] = ['http-proxy', 'https-proxy', 'no-proxy'];

/**
 * Keys dockerd's check accepts (they are flag names) but that set nothing when written in the
 * file: the file uses the plural name of repeatable flags, and some flags mean nothing there.
 */
export const IGNORED_KEYS: ReadonlyMap<string, { reason: string; instead?: string }> = new Map([
  ['label', { reason: 'the file uses the plural "labels"', instead: 'labels' }],
  ['dns-opt', { reason: 'the file uses the plural "dns-opts"', instead: 'dns-opts' }],
  ['exec-opt', { reason: 'the file uses the plural "exec-opts"', instead: 'exec-opts' }],
  ['storage-opt', { reason: 'the file uses the plural "storage-opts"', instead: 'storage-opts' }],
  ['log-opt', { reason: 'the file uses the plural "log-opts"', instead: 'log-opts' }],
  ['insecure-registry', { reason: 'the file uses "insecure-registries"', instead: 'insecure-registries' }],
  ['registry-mirror', { reason: 'the file uses "registry-mirrors"', instead: 'registry-mirrors' }],
  ['authorization-plugin', { reason: 'the file uses the plural "authorization-plugins"', instead: 'authorization-plugins' }],
  ['default-ulimit', { reason: 'the file uses the plural "default-ulimits"', instead: 'default-ulimits' }],
  ['add-runtime', { reason: 'the file uses "runtimes"', instead: 'runtimes' }],
  ['node-generic-resource', { reason: 'the file uses the plural "node-generic-resources"', instead: 'node-generic-resources' }],
  ['default-address-pool', { reason: 'the file uses the plural "default-address-pools"', instead: 'default-address-pools' }],
  ['default-network-opt', { reason: 'the file uses the plural "default-network-opts"', instead: 'default-network-opts' }],
  ['cdi-spec-dir', { reason: 'the file uses the plural "cdi-spec-dirs"', instead: 'cdi-spec-dirs' }],
  ['host', { reason: 'the file uses the plural "hosts"', instead: 'hosts' }],
  ['http-proxy', { reason: 'in the file it goes inside "proxies"' }],
  ['https-proxy', { reason: 'in the file it goes inside "proxies"' }],
  ['no-proxy', { reason: 'in the file it goes inside "proxies"' }],
  ['config-file', { reason: 'the configuration file cannot name another one' }],
  ['validate', { reason: 'it only makes sense on the command line' }],
  ['version', { reason: 'it only makes sense on the command line' }],
  ['restart', { reason: 'the daemon-wide --restart was replaced by restart policies per container long ago' }],
]);

/** Keys that once existed: dockerd refuses them from the release named. */
export const REMOVED_KEYS: ReadonlyMap<string, { removed: string; instead: string }> = new Map([
  ['cluster-store', { removed: '23.0', instead: 'classic Swarm is gone; use Swarm mode (docker swarm init)' }],
  ['cluster-store-opts', { removed: '23.0', instead: 'classic Swarm is gone; use Swarm mode (docker swarm init)' }],
  ['cluster-advertise', { removed: '23.0', instead: 'classic Swarm is gone; use Swarm mode (docker swarm init)' }],
  ['graph', { removed: '23.0', instead: 'use "data-root"' }],
  ['oom-score-adjust', { removed: '25.0', instead: 'set OOMScoreAdjust in the docker.service unit instead' }],
  ['disable-legacy-registry', { removed: '19.03', instead: 'the v1 registry protocol itself is gone; delete the key' }],
  ['containerd-plugin-namespace', { removed: 'every release', instead: 'the accepted spelling is "containerd-plugins-namespace"' }],
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

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

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
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = distance(n, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  // A plural or singular slip is the most common mistake; otherwise allow one edit per four letters.
  if (best && (bestD <= Math.max(1, Math.floor(n.length / 4)) || best === `${n}s` || `${best}s` === n)) return best;
  return undefined;
}
