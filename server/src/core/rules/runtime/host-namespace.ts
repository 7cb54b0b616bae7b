// CT2012 host-namespace: the container shares a namespace with the host (pid, network, ipc, uts,
// userns, cgroupns) or joins another container's (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import type { Severity } from '../../types';
import type { NamespaceKind, RuntimeSpec } from '../../model/runtime';
import { hitAt, spelled } from './util1';

interface NamespaceRisk {
  /** The namespace's everyday name. */
  name: string;
  compose: string;
  flag: string;
  host: Severity;
  /** What sharing the host's namespace exposes, completing "so the container …". */
  withHost: string;
  /** What joining another container's namespace shares, completing "so the two …". */
  joined: string;
}

const NAMESPACES: Record<NamespaceKind, NamespaceRisk> = {
  pid: {
    name: 'PID',
    compose: 'pid',
    flag: '--pid',
    host: 'error',
    withHost:
      'sees every host process, reads their command lines and, as the same user, their environment variables (/proc/<pid>/environ), and can signal them',
    joined: "see and signal each other's processes and read each other's /proc/<pid>/environ",
  },
  network: {
    name: 'network',
    compose: 'network_mode',
    flag: '--network',
    host: 'error',
    withHost:
      "uses the host's interfaces, reaches every service that listens only on the host's 127.0.0.1, and opens its ports directly on the host (published ports are ignored)",
    joined: 'share interfaces, IP addresses and localhost: a service one binds to 127.0.0.1 is open to the other',
  },
  ipc: {
    name: 'IPC',
    compose: 'ipc',
    flag: '--ipc',
    host: 'error',
    withHost: "can read and change the host's System V shared memory, semaphores and message queues and its /dev/shm",
    joined: "share System V shared memory, semaphores, message queues and /dev/shm: each can read and change the other's",
  },
  uts: {
    name: 'UTS',
    compose: 'uts',
    flag: '--uts',
    host: 'warning',
    withHost: "sees the host's real hostname and domain name, and could change them for the whole host if it gained SYS_ADMIN",
    joined: 'share a hostname and domain name',
  },
  userns: {
    name: 'user',
    compose: 'userns_mode',
    flag: '--userns',
    host: 'error',
    withHost:
      "is left out of the daemon's user-namespace remapping (userns-remap) where it is enabled: root in the container is then root on the host",
    joined: 'share user ID mappings',
  },
  cgroupns: {
    name: 'cgroup',
    compose: 'cgroup',
    flag: '--cgroupns',
    host: 'warning',
    withHost:
      "sees the host's cgroup tree (in /proc/self/cgroup and a mounted /sys/fs/cgroup), which reveals the host's layout and helps cgroup-based escapes",
    joined: 'share a view of the cgroup tree',
  },
};

function setting(spec: RuntimeSpec, kind: NamespaceKind, raw: string): string {
  const ns = NAMESPACES[kind];
  return spelled(spec, `${ns.compose}: ${raw}`, `${ns.flag}=${raw}`, `${ns.name} namespace mode ${raw}`);
}

export default runtimeRule(
  {
    id: 'CT2012',
    name: 'host-namespace',
    title: 'The container shares a namespace with the host or another container',
    defaultSeverity: 'error',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'Namespaces are what make a container look like a machine of its own (namespaces(7)): the kernel gives it private copies of the process list (PID), the network stack (network), System V IPC and POSIX message queues (IPC), the hostname (UTS), user and group IDs (user) and the cgroup tree (cgroup). Each `host` setting gives one of them back to the host: ' +
      "`pid: host` shows every host process, with their command lines and, for processes of the same user such as root, the environment variables that often hold secrets; with `SYS_PTRACE` it can attach to them. `network_mode: host` puts the container on the host's interfaces: services that trust localhost (databases, admin ports, cloud metadata helpers) are reachable, and firewall rules for published ports do not apply. `ipc: host` shares shared memory with host programs. `userns_mode: host` opts out of userns-remap, the daemon setting that maps container root to an unprivileged host user (on a daemon without it the setting changes nothing yet, but it silently defeats the protection the day it is turned on). These four are errors. " +
      "`uts: host` only shares the hostname, which the container cannot change without `SYS_ADMIN`, and `cgroup: host` shows the host's cgroup paths (it is Docker's default on cgroup v1 hosts, private on cgroup v2): warnings. On SELinux hosts, `pid: host` and `ipc: host` also turn off SELinux separation for the container. " +
      "Joining another container or service's namespace (`network_mode: service:db`, `--pid=container:app`) is information: it is how sidecars work, but the two containers are no longer isolated from each other for that namespace, so the weaker one exposes the other.",
    remediation:
      'Remove the setting so the container gets its own namespace. Instead of host networking, publish the ports the service offers (bound to 127.0.0.1 when only the host needs them) and reach host services through `host.docker.internal` (`extra_hosts: ["host.docker.internal:host-gateway"]`). Monitoring agents that need host processes should get the narrowest view possible, read-only. Share a namespace with another container only with a sidecar you trust as much as the main container.',
    references: [
      { title: 'namespaces(7)', url: 'https://man7.org/linux/man-pages/man7/namespaces.7.html' },
      { title: 'pid_namespaces(7)', url: 'https://man7.org/linux/man-pages/man7/pid_namespaces.7.html' },
      {
        title: 'docker run reference: --pid, --ipc, --uts, --network, --userns, --cgroupns',
        url: 'https://docs.docker.com/reference/cli/docker/container/run/',
      },
      { title: 'Isolate containers with a user namespace', url: 'https://docs.docker.com/engine/security/userns-remap/' },
      { title: 'CIS Docker Benchmark 5.9, 5.15, 5.16, 5.20, 5.30', url: 'https://www.cisecurity.org/benchmark/docker' },
    ],
    peers: {
      kics: ['Host Namespace is Shared', 'Shared Host IPC Namespace', 'Shared Host Network Namespace', 'Shared Host User Namespace'],
      composeLint: ['CL-0008', 'CL-0010'],
      cis: ['5.9', '5.15', '5.16', '5.20', '5.30'],
    },
    bad: [
      { kind: 'compose', bad: 'services:\n  monitor:\n    image: example/monitor:1.0\n    pid: host\n' },
      { kind: 'compose', bad: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: host\n' },
      { kind: 'compose', bad: 'services:\n  app:\n    image: example/app:1.0\n    ipc: "host"\n    userns_mode: host\n' },
      {
        kind: 'compose',
        bad: 'services:\n  db:\n    image: postgres:16\n  sidecar:\n    image: example/proxy:1.0\n    network_mode: service:db\n',
      },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run -d --net=host --pid=host example/agent:1.0\n' },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run --rm --uts=host --cgroupns=host alpine:3.20 hostname\n' },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n' },
      { kind: 'compose', text: 'services:\n  job:\n    image: example/job:1.0\n    network_mode: none\n' },
      // ipc: shareable only lets others join; private and shareable modes keep the host out.
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    ipc: shareable\n    cgroup: private\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --network mynet --pid=private example/app:1.0\n' },
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    network_mode: "${NETWORK_MODE:-bridge}"\n' },
    ],
  },
  (spec): Hit[] => {
    const hits: Hit[] = [];
    for (const kind of Object.keys(NAMESPACES) as NamespaceKind[]) {
      const v = spec.namespaces[kind];
      if (!v || v.unknown) continue;
      const ns = NAMESPACES[kind];
      const { mode, target, raw } = v.value;
      if (mode === 'host') {
        hits.push(
          hitAt(
            spec,
            v.origin,
            `${setting(spec, kind, raw)} in ${spec.label} shares the host's ${ns.name} namespace, so the container ${ns.withHost}.`,
            undefined,
            ns.host,
          ),
        );
      } else if ((mode === 'container' || mode === 'service') && target) {
        hits.push(
          hitAt(
            spec,
            v.origin,
            `${setting(spec, kind, raw)} in ${spec.label} joins the ${ns.name} namespace of ${mode} ${target}, so the two ${ns.joined}.`,
            undefined,
            'info',
          ),
        );
      }
    }
    return hits;
  },
);
