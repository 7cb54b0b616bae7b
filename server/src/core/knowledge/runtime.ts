// What each runtime setting does, with its Compose key and `docker run` flag side by side, shown on
// hover in Compose files and on `docker run` lines (pure core layer, data only). Written by us from
// the Docker run and Compose references and the kernel man pages named in each entry.

export interface RuntimeSetting {
  /** Compose key path under a service, e.g. `cap_add`, `deploy.resources.limits.memory`. */
  compose: string[];
  /** `docker run` flags, long form first. */
  flags: string[];
  title: string;
  /** A few sentences: what it does for isolation, the default, what to prefer. */
  body: string;
  url: string;
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
  },
  {
    compose: ['cap_add'],
    flags: ['--cap-add'],
    title: 'Adding capabilities',
    body: "Capabilities split root's power into pieces (capabilities(7)). Docker starts containers with 14 of the 41; `cap_add` grants more. Each added capability is kernel attack surface: SYS_ADMIN alone allows mounts, namespace changes and much more. Add only what the program needs, after dropping ALL.",
    url: `${RUN_REF}#privileged`,
  },
  {
    compose: ['cap_drop'],
    flags: ['--cap-drop'],
    title: 'Dropping capabilities',
    body: 'Removes capabilities from the default 14. `ALL` removes every one; then add back the few the program needs (often none, or NET_BIND_SERVICE to listen below port 1024). Docker applies drops before adds.',
    url: `${RUN_REF}#privileged`,
  },
  {
    compose: ['security_opt'],
    flags: ['--security-opt'],
    title: 'Security options',
    body: '`no-new-privileges:true` stops setuid binaries and file capabilities from granting more privileges; `seccomp=<profile.json>` or `seccomp=unconfined` picks the system call filter; `apparmor=<profile>` and `label=type:…`/`label=disable` set the LSM confinement. Compose accepts `:` and `=` as the separator.',
    url: `${RUN_REF}#security-opt`,
  },
  {
    compose: ['user'],
    flags: ['--user', '-u'],
    title: 'User',
    body: "Runs the container's processes as this user (`name`, `uid` or `uid:gid`), overriding the image's USER. UID 0 is the host's root unless user namespaces remap it. Prefer a fixed non-root UID such as `1001:1001`.",
    url: `${RUN_REF}#user`,
  },
  {
    compose: ['read_only'],
    flags: ['--read-only'],
    title: 'Read-only root filesystem',
    body: "Mounts the container's root filesystem read-only, so an attacker cannot replace binaries or drop tools. Give writable scratch space with `tmpfs: [/tmp]` (`--tmpfs /tmp`), mounted nosuid,nodev,noexec by default, and volumes for data.",
    url: `${RUN_REF}#read-only`,
  },
  {
    compose: ['tmpfs'],
    flags: ['--tmpfs'],
    title: 'tmpfs mounts',
    body: 'An in-memory filesystem at a path, gone when the container stops. Docker mounts it `rw,nosuid,nodev,noexec` unless the options ask for `exec` or `suid`. Pair it with a read-only root filesystem.',
    url: `${RUN_REF}#tmpfs`,
  },
  {
    compose: ['pid'],
    flags: ['--pid'],
    title: 'PID namespace',
    body: "By default a container sees only its own processes (pid_namespaces(7)). `host` shares the host's: the container can list every host process, read their command lines and, with the right capabilities, signal or trace them. `container:<name>` joins another container's.",
    url: `${RUN_REF}#pid`,
  },
  {
    compose: ['network_mode'],
    flags: ['--network', '--net'],
    title: 'Network namespace',
    body: "By default a container gets its own network stack. `host` shares the host's interfaces: services the host binds to 127.0.0.1 become reachable and the container can listen on any host port. `none` gives only loopback; `service:<name>`/`container:<name>` joins another's stack.",
    url: `${RUN_REF}#network`,
  },
  {
    compose: ['ipc'],
    flags: ['--ipc'],
    title: 'IPC namespace',
    body: "Isolates System V IPC and POSIX message queues (ipc_namespaces(7)). `host` lets the container read and write the host's shared memory segments; `shareable`/`container:<name>` share it between containers on purpose.",
    url: `${RUN_REF}#ipc`,
  },
  {
    compose: ['uts'],
    flags: ['--uts'],
    title: 'UTS namespace',
    body: "Isolates the hostname and NIS domain name (uts_namespaces(7)). `host` shares the host's; with CAP_SYS_ADMIN the container could then rename the host.",
    url: `${RUN_REF}#uts`,
  },
  {
    compose: ['userns_mode'],
    flags: ['--userns'],
    title: 'User namespace',
    body: "With the daemon's `userns-remap`, root in the container maps to an unprivileged UID range on the host (user_namespaces(7)). `userns_mode: host` opts this container out, so its root is the host's root again.",
    url: 'https://docs.docker.com/engine/security/userns-remap/',
  },
  {
    compose: ['cgroup'],
    flags: ['--cgroupns'],
    title: 'Cgroup namespace',
    body: "With `private` the container sees its own cgroup as the root of the hierarchy (cgroup_namespaces(7)); `host` shows the host's whole cgroup tree and paths.",
    url: `${RUN_REF}#cgroupns`,
  },
  {
    compose: ['deploy.resources.limits.memory', 'mem_limit'],
    flags: ['--memory', '-m'],
    title: 'Memory limit',
    body: 'The most memory the container may use (memory cgroup). Past it the kernel reclaims, then the OOM killer ends a process in the container instead of starving the host. Without it one container can push the whole host into swap or OOM.',
    url: `${RUN_REF}#memory`,
  },
  {
    compose: ['memswap_limit'],
    flags: ['--memory-swap'],
    title: 'Memory plus swap limit',
    body: 'Memory and swap together. Equal to the memory limit means no swap; `-1` allows unlimited swap.',
    url: 'https://docs.docker.com/engine/containers/resource_constraints/#--memory-swap-details',
  },
  {
    compose: ['deploy.resources.limits.cpus', 'cpus'],
    flags: ['--cpus'],
    title: 'CPU limit',
    body: "How many CPUs' worth of time the container may use per period (CFS quota in the cpu cgroup); past it the container is throttled, not killed. Without a limit a busy container can take every core.",
    url: `${RUN_REF}#cpus`,
  },
  {
    compose: ['cpu_shares'],
    flags: ['--cpu-shares', '-c'],
    title: 'CPU shares',
    body: 'A relative weight (default 1024) used only when CPUs are contended. It is not a limit: an idle host still lets the container use every core.',
    url: 'https://docs.docker.com/engine/containers/resource_constraints/#cpu',
  },
  {
    compose: ['pids_limit', 'deploy.resources.limits.pids'],
    flags: ['--pids-limit'],
    title: 'Process limit',
    body: "The most processes and threads the container may have (pids cgroup). Past it `fork()` fails with EAGAIN, which stops a fork bomb from taking the host's process table.",
    url: `${RUN_REF}#pids-limit`,
  },
  {
    compose: ['ulimits'],
    flags: ['--ulimit'],
    title: 'Resource limits (ulimit)',
    body: 'Per-process limits (setrlimit(2)) such as open files (`nofile`) and processes per user (`nproc`), applied inside the container.',
    url: `${RUN_REF}#ulimit`,
  },
  {
    compose: ['volumes'],
    flags: ['--volume', '-v', '--mount'],
    title: 'Volumes and bind mounts',
    body: 'A bind mount puts a host path into the container; whatever the container can write there, it writes on the host. Never mount the engine socket, `/`, `/etc`, `/proc`, `/sys` or `/var/lib/docker`; add `:ro` where the container only reads. Named volumes are managed by the engine and are the safer default for data.',
    url: 'https://docs.docker.com/engine/storage/bind-mounts/',
  },
  {
    compose: ['devices'],
    flags: ['--device'],
    title: 'Host devices',
    body: 'Makes a host device node available and allowed by the device cgroup. Raw disks, `/dev/mem` or `/dev/kvm` give direct access to host hardware and memory.',
    url: `${RUN_REF}#device`,
  },
  {
    compose: ['ports'],
    flags: ['--publish', '-p'],
    title: 'Published ports',
    body: "Forwards a host port to a container port. Without a host IP Docker binds all interfaces, so the port is reachable from every network the host is on (and Docker's firewall rules bypass ufw/firewalld). Bind to `127.0.0.1:` when only the host needs it.",
    url: `${RUN_REF}#publish`,
  },
  {
    compose: ['sysctls'],
    flags: ['--sysctl'],
    title: 'Kernel parameters (sysctls)',
    body: 'Sets namespaced kernel parameters for the container (net.*, kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*). Docker refuses parameters that are not namespaced, but some namespaced ones still weaken isolation, such as `net.ipv4.conf.all.route_localnet`.',
    url: `${RUN_REF}#sysctl`,
  },
  {
    compose: ['cgroup_parent'],
    flags: ['--cgroup-parent'],
    title: 'Cgroup parent',
    body: "Places the container's cgroup under another parent, whose limits then apply instead of the engine's default hierarchy. Useful for grouping; make sure the parent has limits.",
    url: `${RUN_REF}#cgroup-parent`,
  },
  {
    compose: ['restart', 'deploy.restart_policy'],
    flags: ['--restart'],
    title: 'Restart policy',
    body: '`on-failure:5` restarts a crashing container at most five times; `always` and `unless-stopped` restart forever, which can hide a crash loop or an exploit that keeps retrying.',
    url: `${RUN_REF}#restart`,
  },
  {
    compose: ['healthcheck'],
    flags: ['--health-cmd', '--no-healthcheck'],
    title: 'Health check',
    body: "A command the engine runs inside the container to tell whether it works; an unhealthy container can be replaced by an orchestrator. `disable: true` (`--no-healthcheck`) turns off the image's own check.",
    url: `${COMPOSE_REF}#healthcheck`,
  },
  {
    compose: ['environment'],
    flags: ['--env', '-e'],
    title: 'Environment variables',
    body: 'Visible to every process in the container and to anyone who can `docker inspect` it. Keep secrets out: reference them (`${DB_PASSWORD}`) or use Compose secrets mounted as files under /run/secrets.',
    url: `${COMPOSE_REF}#environment`,
  },
  {
    compose: ['logging'],
    flags: ['--log-driver'],
    title: 'Logging driver',
    body: "`none` discards the container's output, which also removes the trail you need after an incident. Keep a driver and bound its size (`max-size`, `max-file`).",
    url: 'https://docs.docker.com/engine/logging/configure/',
  },
  {
    compose: ['image'],
    flags: [],
    title: 'Image',
    body: 'Without a tag, or with `:latest`, the container runs whatever was pushed last. Pin a version tag, and a digest (`@sha256:…`) for reproducible deployments.',
    url: `${COMPOSE_REF}#image`,
  },
];

export function settingForComposeKey(path: string): RuntimeSetting | undefined {
  return RUNTIME_SETTINGS.find((s) => s.compose.includes(path));
}

export function settingForFlag(flag: string): RuntimeSetting | undefined {
  return RUNTIME_SETTINGS.find((s) => s.flags.includes(flag));
}

/** Markdown for a setting: the explanation and the same setting in the other syntax. */
export function renderSetting(s: RuntimeSetting, from: 'compose' | 'flag'): string {
  const other =
    from === 'compose'
      ? s.flags.length > 0
        ? `\`docker run\`: ${s.flags.map((f) => `\`${f}\``).join(', ')}`
        : ''
      : s.compose.length > 0
        ? `Compose: ${s.compose.map((k) => `\`${k}\``).join(', ')}`
        : '';
  return `**${s.title}**\n\n${s.body}${other ? `\n\n${other}` : ''}\n\n[Reference](${s.url})`;
}
