// The parts of the engine's JSON that Containment reads (engine layer). Field names are the Docker
// Engine API's (Podman's compatible inspect uses the same ones); every field is optional because
// engines of different ages and makes leave different ones out.

export interface RawMount {
  Type?: string;
  Name?: string;
  Source?: string;
  Destination?: string;
  Mode?: string;
  RW?: boolean;
  Propagation?: string;
}

export interface RawHealthcheck {
  Test?: string[] | null;
  Interval?: number;
  Timeout?: number;
  Retries?: number;
}

export interface RawHostConfig {
  Binds?: string[] | null;
  NetworkMode?: string;
  PortBindings?: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null;
  PublishAllPorts?: boolean;
  RestartPolicy?: { Name?: string; MaximumRetryCount?: number };
  CapAdd?: string[] | null;
  CapDrop?: string[] | null;
  CgroupnsMode?: string;
  IpcMode?: string;
  PidMode?: string;
  UTSMode?: string;
  UsernsMode?: string;
  Privileged?: boolean;
  ReadonlyRootfs?: boolean;
  SecurityOpt?: string[] | null;
  Tmpfs?: Record<string, string> | null;
  Memory?: number;
  MemorySwap?: number;
  MemoryReservation?: number;
  NanoCpus?: number;
  CpuShares?: number;
  CpuPeriod?: number;
  CpuQuota?: number;
  CpusetCpus?: string;
  PidsLimit?: number | null;
  Ulimits?: { Name?: string; Soft?: number; Hard?: number }[] | null;
  Devices?: { PathOnHost?: string; PathInContainer?: string; CgroupPermissions?: string }[] | null;
  Sysctls?: Record<string, string> | null;
  CgroupParent?: string;
  LogConfig?: { Type?: string };
  Runtime?: string;
}

export interface RawContainer {
  Id: string;
  Name?: string;
  Created?: string;
  Image?: string;
  State?: { Status?: string; Running?: boolean; Pid?: number; ExitCode?: number; StartedAt?: string };
  AppArmorProfile?: string;
  ProcessLabel?: string;
  MountLabel?: string;
  HostConfig?: RawHostConfig;
  Mounts?: RawMount[] | null;
  Config?: {
    Hostname?: string;
    User?: string;
    Env?: string[] | null;
    Cmd?: string[] | string | null;
    Entrypoint?: string[] | string | null;
    Image?: string;
    Labels?: Record<string, string> | null;
    Healthcheck?: RawHealthcheck | null;
    ExposedPorts?: Record<string, unknown> | null;
  };
  NetworkSettings?: { Ports?: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null };
  /** Podman only: what it computed. */
  EffectiveCaps?: string[] | null;
  BoundingCaps?: string[] | null;
}

export interface RawImage {
  Id?: string;
  RepoTags?: string[] | null;
  Config?: {
    User?: string;
    Healthcheck?: RawHealthcheck | null;
    Env?: string[] | null;
    Cmd?: string[] | null;
    Entrypoint?: string[] | null;
  } | null;
}

export interface RawInfo {
  ServerVersion?: string;
  OperatingSystem?: string;
  OSType?: string;
  KernelVersion?: string;
  CgroupVersion?: string;
  CgroupDriver?: string;
  SecurityOptions?: string[] | null;
  DefaultRuntime?: string;
  LoggingDriver?: string;
  Warnings?: string[] | null;
  /** Podman's `podman info` shape. */
  host?: {
    security?: {
      apparmorEnabled?: boolean;
      selinuxEnabled?: boolean;
      rootless?: boolean;
      seccompEnabled?: boolean;
      seccompProfilePath?: string;
    };
    cgroupVersion?: string;
    cgroupManager?: string;
    kernel?: string;
    os?: string;
  };
  version?: { Version?: string; APIVersion?: string };
}

/** One row of a container list, normalised from `docker ps`, `podman ps` or `GET /containers/json`. */
export interface ListedContainer {
  id: string;
  name: string;
  image: string;
  state: string;
  status: string;
}
