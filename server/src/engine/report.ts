// The contract between the engine side (server/src/engine) and whoever shows its results: the CLI
// prints these types, the language server returns them to the editor's Containers view and report
// webview. This file has no imports on purpose, so the client can include it (or a copy) as is.
//
// Strings that come from the engine (names, images, labels, mount paths, env names, messages
// that quote them) are untrusted and kept raw here: whoever renders them must escape them.

/** The language-server requests the editor uses (registered in server/src/lsp/containers.ts). */
export const CONTAINERS_LIST = 'containment/containers.list';
export const CONTAINERS_INSPECT = 'containment/containers.inspect';
export const CONTAINERS_AS_DOCKER_RUN = 'containment/containers.asDockerRun';

/** `containment/containers.list` params: `all` includes stopped containers (like `docker ps -a`). */
export interface ListParams {
  all?: boolean;
}

/**
 * `containment/containers.list` result. It never rejects for engine problems: `error` says what
 * went wrong (no engine, access denied…) and `summaries` is then empty. `notes` carries
 * non-fatal remarks (a container removed while it was being listed, a slow image lookup).
 */
export interface ListResult {
  summaries: ContainerSummary[];
  engine?: EngineFacts;
  error?: EngineError;
  notes: string[];
}

/**
 * `containment/containers.inspect` params. The result is a ContainerReport. The request is
 * cancellable (LSP `$/cancelRequest`). On an engine problem it rejects with a JSON-RPC error
 * whose `data` is an EngineError (code `container-gone` when the container no longer exists).
 */
export interface InspectParams {
  /** A container id (full or a unique prefix) or name. */
  id: string;
  /** Also run `docker exec ID cat /proc/1/status` when the engine is on another host. Off unless the user asks. */
  probeExec?: boolean;
}

/** `containment/containers.asDockerRun` params; the result is one `docker run …` line (a string). */
export interface AsDockerRunParams {
  id: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** One line per container in the Containers view. */
export interface ContainerSummary {
  /** Full 64-character id. */
  id: string;
  /** The first 12 characters, as `docker ps` shows it. */
  shortId: string;
  /** Without Docker's leading slash. Untrusted text. */
  name: string;
  /** The image as the container was created with it (`Config.Image`). Untrusted text. */
  image: string;
  /** `running`, `exited`, `paused`, `created`, `restarting`, `removing`, `dead`. */
  state: string;
  /** The engine's human status, such as `Up 5 minutes` or `Exited (0) 2 hours ago`. */
  status: string;
  /** The most severe finding, or `none` when the container has no finding. */
  worstSeverity: Severity | 'none';
  findingCount: number;
  counts: Record<Severity, number>;
}

/** Where a fact came from. */
export type FactSource =
  /** The kernel's view of the container's init process: /proc/PID/status, /proc/PID/ns. */
  | 'proc'
  /** The cgroup files of the container (limits and live usage). */
  | 'cgroup'
  /** The engine's inspect data (what the container was asked to have). */
  | 'inspect'
  /** `docker info`: daemon-wide facts. */
  | 'info'
  /** The image's own config (`docker image inspect`). */
  | 'image'
  /** `docker exec ID cat /proc/1/status`, only when the user asked for it. */
  | 'exec';

/** How a fact was learnt, with a command a person can paste to see it themselves. */
export interface Evidence {
  source: FactSource;
  /** For example `docker inspect -f '{{.HostConfig.PidMode}}' web` or `grep CapEff /proc/1234/status`. */
  command: string;
}

export type EngineErrorCode =
  /** Nothing listens on the socket (daemon stopped) or the socket file is missing. */
  | 'engine-not-running'
  /** The socket exists but this user may not connect (EACCES, or an HTTP 403 from a proxy). */
  | 'permission-denied'
  /** The configured `docker`/`podman` binary was not found and no socket answered either. */
  | 'cli-missing'
  /** The engine's API is older than this tool reads (Engine API < 1.25). */
  | 'engine-too-old'
  | 'timeout'
  | 'cancelled'
  /** The container named in an inspect request does not exist (any more). */
  | 'container-gone'
  /** The engine answered something that could not be read. */
  | 'bad-response'
  /** The language server has no such request (an older server): not an engine problem; only the client makes it. */
  | 'unsupported'
  | 'failed';

export interface EngineError {
  /** Stable: match errors by it, never by their words (which follow the language). */
  code: EngineErrorCode;
  /** One sentence for people, in the client's (or the CLI's) language. */
  message: string;
  /** What to do about it (join the docker group, start the daemon, set DOCKER_HOST…); Markdown code spans for commands, keys and flags. */
  hint?: string;
  /** The raw error (stderr of the CLI, errno), for the output channel. */
  detail?: string;
}

/** Facts about the engine and the daemon, from `docker info` / `GET /info`. */
export interface EngineFacts {
  kind: 'docker' | 'podman';
  /** `cli`: through the `docker`/`podman` binary (the default); `api`: the Engine API on a socket (no CLI found). */
  access: 'cli' | 'api';
  /** The binary used, when access is `cli`. */
  cliPath?: string;
  /** The endpoint: `unix:///var/run/docker.sock`, `tcp://…`, `ssh://…`, `npipe:////./pipe/docker_engine`, or `context NAME`. */
  endpoint: string;
  /** The docker context in use, when the CLI uses one other than `default`. */
  context?: string;
  /** How to call the CLI against this engine in the commands shown with each fact: `docker`, `docker -H unix:///tmp/x.sock`, `podman`. */
  cli: string;
  serverVersion?: string;
  apiVersion?: string;
  os?: string;
  kernelVersion?: string;
  cgroupVersion?: '1' | '2';
  cgroupDriver?: string;
  /** The daemon's security options (`docker info` SecurityOptions), decoded. */
  security: {
    seccomp: boolean;
    /** The daemon's default seccomp profile: `default`, `builtin` or a custom name. */
    seccompProfile?: string;
    apparmor: boolean;
    selinux: boolean;
    /** userns-remap is enabled on the daemon. */
    userns: boolean;
    rootless: boolean;
    /** The daemon creates a private cgroup namespace per container (cgroup v2 default). */
    cgroupns: boolean;
    /** The raw entries, e.g. `name=seccomp,profile=default`. */
    raw: string[];
  };
  defaultRuntime?: string;
  loggingDriver?: string;
  /** The daemon's own warnings (`docker info` Warnings). */
  warnings: string[];
  /**
   * Whether this process can see the engine's containers through /proc: the endpoint is a local
   * socket (a per-container check then confirms it, see ContainerReport.kernel).
   */
  local: boolean;
  evidence: Evidence[];
}

/** Which namespaces are reported, by the kernel's names under /proc/PID/ns. */
export type NamespaceName = 'pid' | 'net' | 'ipc' | 'uts' | 'user' | 'cgroup' | 'mnt';

export interface NamespaceFact {
  name: NamespaceName;
  /** Everyday label: `PID`, `network`, `IPC`, `UTS (hostname)`, `user`, `cgroup`, `mount`. */
  label: string;
  /** The HostConfig mode as the engine reports it (`''` means Docker's default), or `n/a` for mnt. */
  mode: string;
  /** The mode read as: own namespace, the host's, another container's, or none (network). */
  modeKind: 'private' | 'host' | 'container' | 'none' | 'other';
  /** The other container for `container:X`. Untrusted text. */
  target?: string;
  /** Does the container share this namespace with the host? */
  sharedWithHost: 'yes' | 'no' | 'unknown';
  /**
   * How `sharedWithHost` was decided. `inode`: the container's /proc/PID/ns inode compared with
   * this process's own /proc/self/ns (this tool may not read /proc/1/ns, so "the host" means the
   * namespaces this tool runs in, checked against the mode); `mode`: the HostConfig mode alone.
   */
  basis: 'inode' | 'mode';
  /** The container's namespace inode, when /proc was readable. */
  inode?: number;
  /** The inspecting process's own inode for the same namespace. */
  selfInode?: number;
  /** A remark, such as a mode and inode that disagree, or why a default counts as shared. */
  note?: string;
  evidence: Evidence[];
}

export interface CapabilityFacts {
  /** `proc`: decoded from the CapEff/CapPrm/CapBnd masks of /proc/PID/status; `inspect`: computed from CapAdd/CapDrop/Privileged. */
  source: 'proc' | 'inspect' | 'exec';
  /** Names without `CAP_`, in kernel order. */
  effective: string[];
  permitted?: string[];
  bounding: string[];
  /** The masks as the kernel prints them (16 hex digits), when read from /proc. */
  masks?: { effective: string; permitted: string; bounding: string };
  /** Docker's default 14, for the chips. */
  dockerDefault: string[];
  /** In the bounding set but not among Docker's default 14 (highlight these). */
  added: string[];
  /** Among Docker's default 14 but not in the bounding set. */
  dropped: string[];
  /** What the container was created with. Untrusted text. */
  configured: { add: string[]; drop: string[]; privileged: boolean };
  /** For example: a non-root user has an empty effective set although the bounding set is larger. */
  note?: string;
  evidence: Evidence[];
}

export interface SeccompFact {
  /** The kernel's mode from /proc/PID/status `Seccomp:` (0 disabled, 1 strict, 2 filter), when read. */
  kernelMode?: 0 | 1 | 2;
  /** `filter`: a profile is applied; `disabled`: none; `not-available`: the daemon has no seccomp support. */
  state: 'filter' | 'strict' | 'disabled' | 'not-available' | 'unknown';
  /** `default` (the daemon's), `unconfined`, `custom` (a profile given at create time). */
  profile: 'default' | 'unconfined' | 'custom' | 'unknown';
  /** A short description of a custom profile (its defaultAction and rule count), never the whole JSON. */
  profileDetail?: string;
  source: FactSource;
  evidence: Evidence[];
}

export interface NoNewPrivilegesFact {
  enabled: boolean | 'unknown';
  /** The kernel's flag (/proc/PID/status `NoNewPrivs:`), when read. */
  kernel?: 0 | 1;
  source: FactSource;
  evidence: Evidence[];
}

export interface LsmFacts {
  apparmor: {
    /** `not-available` when the daemon reports no AppArmor (an empty profile then means nothing, not "unconfined"). */
    state: 'enforced' | 'unconfined' | 'not-available' | 'unknown';
    /** `AppArmorProfile`, e.g. `docker-default`. */
    profile?: string;
    evidence: Evidence[];
  };
  selinux: {
    state: 'confined' | 'disabled' | 'not-available' | 'unknown';
    /** `ProcessLabel`, e.g. `system_u:system_r:container_t:s0:c1,c2`. */
    label?: string;
    evidence: Evidence[];
  };
}

export interface UserFact {
  /** `Config.User` as the container was created with it; `''` means the image's user. */
  configured: string;
  /** The image's own USER (`docker image inspect` Config.User), when read. */
  imageUser?: string;
  /** Real UID and GID of the init process (/proc/PID/status), when read. */
  uid?: number;
  gid?: number;
  /** Runs as UID 0 inside the container (by the kernel, or by the configured names when /proc was not read). */
  root: boolean | 'unknown';
  /** UID 0 in the container is UID 0 on the host (no user namespace remapping). */
  rootOnHost: boolean | 'unknown';
  source: FactSource;
  evidence: Evidence[];
}

export interface LimitFact {
  resource: 'memory' | 'memory+swap' | 'cpu' | 'cpu-shares' | 'cpuset' | 'pids';
  /** The limit in `unit`; null means no limit. `cpu` is in CPUs (0.5), `cpuset` has none (see `text`). */
  limit: number | null;
  /** Live usage in `unit`, when the cgroup files were readable (memory and pids). */
  usage?: number;
  unit: 'bytes' | 'cpus' | 'pids' | 'shares' | 'cpus-list';
  /** Ready to print: `32 MiB`, `unlimited`, `0.5 CPUs`, `0-1`. */
  text: string;
  usageText?: string;
  /** `cgroup`: read from the cgroup file (the kernel's truth); `inspect`: HostConfig. */
  source: FactSource;
  /** The cgroup file, when read. */
  file?: string;
  evidence: Evidence[];
}

export interface MountFact {
  type: string;
  /** Host path (bind), volume name (volume), empty for tmpfs. Untrusted text. */
  source: string;
  destination: string;
  readOnly: boolean;
  propagation?: string;
  /** Set when a rule flags this mount (engine socket, sensitive host path, shared propagation). */
  sensitive?: { ruleId: string; severity: Severity; reason: string };
}

export interface DeviceFact {
  host: string;
  container: string;
  permissions: string;
}

export interface PortFact {
  containerPort: string;
  protocol: string;
  hostIp?: string;
  hostPort?: string;
}

export interface ReportFinding {
  ruleId: string;
  ruleName?: string;
  /** The rule's title. */
  title?: string;
  severity: Severity;
  /** Names the container; may quote untrusted values (names, paths). */
  message: string;
  /** What to do, in Markdown (the rule's remediation). */
  remediation?: string;
  docsUrl?: string;
}

/** Everything the report shows about one container. */
export interface ContainerReport {
  /** Bumped when a field changes meaning. */
  version: 1;
  id: string;
  shortId: string;
  name: string;
  image: string;
  /** The image id (`sha256:…`). */
  imageId?: string;
  state: string;
  status: string;
  /** Init process id on the engine's host (State.Pid); 0 when not running. */
  pid: number;
  created?: string;
  engine: EngineFacts;
  /**
   * Whether the kernel's view was read. `sameHost` is true only when the endpoint is a local
   * socket, /proc/PID exists and its cgroup names this container's id; `how` says what decided.
   */
  kernel: { sameHost: boolean; how: string };
  namespaces: NamespaceFact[];
  capabilities: CapabilityFacts;
  seccomp: SeccompFact;
  noNewPrivileges: NoNewPrivilegesFact;
  lsm: LsmFacts;
  user: UserFact;
  readOnlyRootfs: { value: boolean; evidence: Evidence[] };
  limits: LimitFact[];
  mounts: MountFact[];
  devices: DeviceFact[];
  ports: PortFact[];
  /** Container labels, raw (untrusted). */
  labels: Record<string, string>;
  /** Names of the environment variables (values are never put in a report). */
  envNames: string[];
  restartPolicy: string;
  logDriver?: string;
  findings: ReportFinding[];
  worstSeverity: Severity | 'none';
  /** Remarks: what could not be read and why, what the options changed. */
  notes: string[];
  /** The commands that show the raw data: `docker inspect NAME`, `cat /proc/PID/status`… */
  evidence: Evidence[];
}
