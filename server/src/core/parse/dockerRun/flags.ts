// Which options of `docker run`, `podman run` and `docker compose run` take a value, so that the
// image (the first word that is not an option or an option's value) is found correctly
// (pure core layer). Lists checked against docker/cli's container options (Docker 27/28:
// cli/command/container/opts.go, run.go, create.go), podman-run(1) and `docker compose run --help`.

export interface FlagTable {
  /** Long option name (without dashes) → whether it takes a value. */
  long: ReadonlyMap<string, boolean>;
  /** Short letter → long option name. */
  short: ReadonlyMap<string, string>;
  /** Long names that are aliases of another one (`net` → `network`). */
  alias: ReadonlyMap<string, string>;
  /** What an option the table does not know is assumed to do. */
  unknownTakesValue: boolean;
}

/** `docker run` / `docker create` (27.x, 28.x) options that take a value. */
export const DOCKER_RUN_VALUE_FLAGS = [
  'add-host',
  'annotation',
  'attach',
  'blkio-weight',
  'blkio-weight-device',
  'cap-add',
  'cap-drop',
  'cgroup-parent',
  'cgroupns',
  'cidfile',
  'cpu-count',
  'cpu-percent',
  'cpu-period',
  'cpu-quota',
  'cpu-rt-period',
  'cpu-rt-runtime',
  'cpu-shares',
  'cpus',
  'cpuset-cpus',
  'cpuset-mems',
  'detach-keys',
  'device',
  'device-cgroup-rule',
  'device-read-bps',
  'device-read-iops',
  'device-write-bps',
  'device-write-iops',
  'dns',
  'dns-opt',
  'dns-option',
  'dns-search',
  'domainname',
  'entrypoint',
  'env',
  'env-file',
  'expose',
  'gpus',
  'group-add',
  'health-cmd',
  'health-interval',
  'health-retries',
  'health-start-interval',
  'health-start-period',
  'health-timeout',
  'hostname',
  'io-maxbandwidth',
  'io-maxiops',
  'ip',
  'ip6',
  'ipc',
  'isolation',
  'kernel-memory',
  'label',
  'label-file',
  'link',
  'link-local-ip',
  'log-driver',
  'log-opt',
  'mac-address',
  'memory',
  'memory-reservation',
  'memory-swap',
  'memory-swappiness',
  'mount',
  'name',
  'net',
  'net-alias',
  'network',
  'network-alias',
  'oom-score-adj',
  'pid',
  'pids-limit',
  'platform',
  'publish',
  'pull',
  'restart',
  'runtime',
  'security-opt',
  'shm-size',
  'stop-signal',
  'stop-timeout',
  'storage-opt',
  'sysctl',
  'tmpfs',
  'ulimit',
  'user',
  'userns',
  'uts',
  'volume',
  'volume-driver',
  'volumes-from',
  'workdir',
] as const;

/** `docker run` / `docker create` options that take no value (`--rm=false` style is still accepted). */
export const DOCKER_RUN_BOOL_FLAGS = [
  'detach',
  'disable-content-trust',
  'help',
  'init',
  'interactive',
  'no-healthcheck',
  'oom-kill-disable',
  'privileged',
  'publish-all',
  'quiet',
  'read-only',
  'rm',
  'sig-proxy',
  'tty',
  'use-api-socket',
] as const;

const DOCKER_SHORT: Record<string, string> = {
  a: 'attach',
  c: 'cpu-shares',
  d: 'detach',
  e: 'env',
  h: 'hostname',
  i: 'interactive',
  l: 'label',
  m: 'memory',
  p: 'publish',
  P: 'publish-all',
  q: 'quiet',
  t: 'tty',
  u: 'user',
  v: 'volume',
  w: 'workdir',
};

const ALIASES: Record<string, string> = { net: 'network', 'net-alias': 'network-alias', 'dns-opt': 'dns-option' };

function table(value: readonly string[], bool: readonly string[], short: Record<string, string>, unknownTakesValue: boolean): FlagTable {
  const long = new Map<string, boolean>();
  for (const f of value) long.set(f, true);
  for (const f of bool) long.set(f, false);
  return { long, short: new Map(Object.entries(short)), alias: new Map(Object.entries(ALIASES)), unknownTakesValue };
}

/** Docker (and nerdctl, which copies its options): an unknown option is an error there, so assume no value. */
export const DOCKER_RUN = table(DOCKER_RUN_VALUE_FLAGS, DOCKER_RUN_BOOL_FLAGS, DOCKER_SHORT, false);

/** podman run / create: every option takes a value except these (podman-run(1), 5.x). */
const PODMAN_BOOL_FLAGS = [
  'detach',
  'env-host',
  'help',
  'http-proxy',
  'init',
  'interactive',
  'no-healthcheck',
  'no-hosts',
  'oom-kill-disable',
  'passwd',
  'privileged',
  'publish-all',
  'quiet',
  'read-only',
  'read-only-tmpfs',
  'replace',
  'rm',
  'rmi',
  'rootfs',
  'sig-proxy',
  'tls-verify',
  'tty',
  'unsetenv-all',
];
export const PODMAN_RUN = table(DOCKER_RUN_VALUE_FLAGS, PODMAN_BOOL_FLAGS, DOCKER_SHORT, true);

/** `docker compose run` / `docker-compose run` (v1 and v2). */
export const COMPOSE_RUN = table(
  ['env', 'env-from-file', 'label', 'name', 'entrypoint', 'user', 'workdir', 'publish', 'volume', 'cap-add', 'cap-drop', 'pull'],
  [
    'detach',
    'rm',
    'interactive',
    'tty',
    'no-TTY',
    'service-ports',
    'no-deps',
    'use-aliases',
    'build',
    'quiet-pull',
    'remove-orphans',
    'quiet',
    'quiet-build',
    'help',
  ],
  {
    d: 'detach',
    e: 'env',
    i: 'interactive',
    l: 'label',
    p: 'publish',
    P: 'service-ports',
    q: 'quiet',
    t: 'tty',
    T: 'no-TTY',
    u: 'user',
    v: 'volume',
    w: 'workdir',
  },
  false,
);

/** Global options before the subcommand that take a value: `docker -H x run`, `podman --root x run`. */
export const GLOBAL_VALUE_FLAGS: Record<'docker' | 'podman' | 'nerdctl' | 'compose', { long: Set<string>; short: Set<string> }> = {
  docker: {
    long: new Set(['config', 'context', 'host', 'log-level', 'tlscacert', 'tlscert', 'tlskey']),
    short: new Set(['c', 'H', 'l']),
  },
  podman: {
    long: new Set([
      'cdi-spec-dir',
      'cgroup-manager',
      'config',
      'conmon',
      'connection',
      'events-backend',
      'hooks-dir',
      'identity',
      'imagestore',
      'log-level',
      'module',
      'network-cmd-path',
      'network-config-dir',
      'out',
      'root',
      'runroot',
      'runtime',
      'runtime-flag',
      'ssh',
      'storage-driver',
      'storage-opt',
      'tmpdir',
      'url',
      'volumepath',
    ]),
    short: new Set(['c']),
  },
  nerdctl: {
    long: new Set([
      'address',
      'host',
      'namespace',
      'snapshotter',
      'storage-driver',
      'cni-path',
      'cni-netconfpath',
      'data-root',
      'cgroup-manager',
      'host-gateway-ip',
      'hosts-dir',
      'bridge-ip',
    ]),
    short: new Set(['a', 'H', 'n']),
  },
  compose: {
    long: new Set([
      'file',
      'project-name',
      'profile',
      'env-file',
      'project-directory',
      'ansi',
      'progress',
      'parallel',
      'host',
      'context',
      'log-level',
      'tlscacert',
      'tlscert',
      'tlskey',
    ]),
    short: new Set(['f', 'p', 'H', 'c']),
  },
};

/** The long name an option of `tableFor` is known under, or undefined. */
export function canonicalFlag(t: FlagTable, name: string): string {
  return t.alias.get(name) ?? name;
}
