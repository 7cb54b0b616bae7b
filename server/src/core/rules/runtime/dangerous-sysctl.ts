// CT2020 dangerous-sysctl: a sysctl that reaches beyond the container or weakens its network
// isolation (pure core layer). The list is deliberately small; see the explanation.

import type { RuntimeSpec } from '../../model/runtime';
import { runtimeRule, type Hit } from '../rule';
import { at, hasInterpolation } from './util2';

/** IPC-namespace sysctls runc accepts when the container has its own IPC namespace (plus fs.mqueue.*). */
const IPC_SYSCTLS = new Set([
  'kernel.msgmax',
  'kernel.msgmnb',
  'kernel.msgmni',
  'kernel.sem',
  'kernel.shmall',
  'kernel.shmmax',
  'kernel.shmmni',
  'kernel.shm_rmid_forced',
]);

/** Host-wide settings that are well-known escape or takeover paths when they can be changed. */
const KNOWN_HOST_WIDE: Record<string, string> = {
  'kernel.core_pattern':
    'a core_pattern starting with | makes the host kernel run that program as root whenever any process crashes, a classic container escape',
  'kernel.modprobe': 'the host kernel runs this program as root to load modules',
  'kernel.hotplug': 'the host kernel runs this program as root on device events',
  'kernel.unprivileged_userns_clone': 'it decides whether unprivileged users on the host may create user namespaces',
  'kernel.kptr_restrict': 'it hides or reveals kernel addresses to every process on the host',
  'kernel.dmesg_restrict': 'it decides who on the host may read the kernel log',
  'kernel.yama.ptrace_scope': 'it decides which processes on the host may trace others',
};

/** Sysctls that runc lets a container set in its own namespaces, as runc's validator decides. */
function namespacedKind(name: string): 'ipc' | 'net' | 'uts' | undefined {
  if (IPC_SYSCTLS.has(name) || name.startsWith('fs.mqueue.')) return 'ipc';
  if (name.startsWith('net.')) return 'net';
  if (name === 'kernel.domainname' || name === 'kernel.hostname') return 'uts';
  return undefined;
}

function isOn(value: string): boolean {
  return /^\s*1\s*$/.test(value);
}

/** Risky values of namespaced network sysctls: what each one opens up. */
function riskyNetValue(name: string, value: string): string | undefined {
  if ((name === 'net.ipv4.ip_forward' || /^net\.ipv4\.conf\.[^.]+\.forwarding$/.test(name)) && isOn(value)) {
    return 'the container routes packets between its networks, so anything that can reach it can reach every network it is attached to, past the separation of Docker networks';
  }
  if (/^net\.ipv6\.conf\.[^.]+\.forwarding$/.test(name) && isOn(value)) {
    return 'the container routes IPv6 packets between its networks, past the separation of Docker networks';
  }
  if (/^net\.ipv4\.conf\.[^.]+\.route_localnet$/.test(name) && isOn(value)) {
    return 'packets for 127.0.0.0/8 may arrive from outside the container, so services that listen only on localhost inside it (admin ports, debug endpoints) can become reachable from its networks';
  }
  return undefined;
}

function shares(spec: RuntimeSpec, ns: 'network' | 'ipc' | 'uts'): boolean {
  const v = spec.namespaces[ns];
  return !!v && !v.unknown && v.value.mode === 'host';
}

export default runtimeRule(
  {
    id: 'CT2020',
    name: 'dangerous-sysctl',
    title: 'A sysctl reaches beyond the container or weakens its network isolation',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'Kernel parameters (sysctls, the files under /proc/sys) are mostly host-wide. Only some belong to a namespace, and those are the only ones Docker lets a container set (`sysctls:` in Compose, `--sysctl` on `docker run`): runc, the runtime under Docker, accepts the IPC ones (`kernel.msgmax`, `kernel.msgmnb`, `kernel.msgmni`, `kernel.sem`, `kernel.shmall`, `kernel.shmmax`, `kernel.shmmni`, `kernel.shm_rmid_forced`, `fs.mqueue.*`) when the container has its own IPC namespace, `net.*` when it has its own network namespace, and `kernel.domainname` with its own UTS namespace, and refuses everything else with "sysctl … is not in a separate kernel namespace". ' +
      'The rule reports three kinds of setting. ' +
      '(1) A sysctl outside that list, such as `vm.max_map_count` or `kernel.core_pattern`: it would change the whole host, so runc refuses to start the container, and a runtime that accepted it would hand the container a host-wide lever. `kernel.core_pattern` is the classic example: a pattern starting with `|` makes the host kernel run a program as root when any process crashes. Set such values on the host, for the host. ' +
      '(2) A namespaced sysctl while the container shares that namespace with the host (`net.*` with `network_mode: host`, an IPC sysctl with `ipc: host`): the setting would apply to the host, and runc refuses it as well. ' +
      "(3) A few values that weaken the container's own network isolation: `net.ipv4.ip_forward=1` (or `net.ipv4.conf.*.forwarding=1`, `net.ipv6.conf.*.forwarding=1`) turns the container into a router between the Docker networks it is attached to, and `net.ipv4.conf.*.route_localnet=1` lets packets for 127.0.0.0/8 arrive from outside, exposing services that listen only on localhost (the setting behind CVE-2020-8558 in kube-proxy). VPN and router containers set forwarding on purpose; suppress the finding there with a reason. " +
      "Not reported: ordinary tuning such as `net.core.somaxconn`, `net.ipv4.tcp_keepalive_time`, `net.ipv4.ip_unprivileged_port_start=0` (Docker sets it to 0 itself since 20.10) or the shared-memory sizes, which stay inside the container's namespaces. Values from variables are not reported.",
    remediation:
      'Remove host-wide sysctls from the container definition and set them on the host (`/etc/sysctl.d/`), where their effect on every other workload can be reviewed. ' +
      'Do not set namespaced sysctls on a container that shares the host namespace; give it its own namespace or set the value on the host. ' +
      'Keep forwarding and route_localnet off unless the container is a router or VPN endpoint by design, and then attach it only to the networks it must connect.',
    references: [
      { title: 'docker container run reference: --sysctl', url: 'https://docs.docker.com/reference/cli/docker/container/run/' },
      { title: 'Compose file reference: sysctls', url: 'https://docs.docker.com/reference/compose-file/services/#sysctls' },
      {
        title: 'runc: the sysctl validation (libcontainer/configs/validate)',
        url: 'https://github.com/opencontainers/runc/blob/main/libcontainer/configs/validate/validator.go',
      },
      { title: 'core(5): piping core dumps to a program', url: 'https://man7.org/linux/man-pages/man5/core.5.html' },
      { title: 'Linux kernel docs: ip-sysctl', url: 'https://docs.kernel.org/networking/ip-sysctl.html' },
      { title: 'CVE-2020-8558: route_localnet and localhost services', url: 'https://github.com/kubernetes/kubernetes/issues/92315' },
    ],
    peers: {},
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  search:\n    image: elasticsearch:8.15.0\n    sysctls:\n      - vm.max_map_count=262144\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  vpn:\n    image: qmcgaw/gluetun:v3.39\n    sysctls:\n      net.ipv4.ip_forward: 1\n      net.ipv4.conf.all.src_valid_mark: 1\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  edge:\n    image: nginx:1.27\n    network_mode: host\n    sysctls:\n      - net.core.somaxconn=4096\n',
      },
      { kind: 'shell', bad: "#!/bin/sh\ndocker run -d --sysctl 'kernel.core_pattern=|/tmp/x' alpine:3.20 sleep 1d\n" },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run -d --sysctl net.ipv4.conf.all.route_localnet=1 nginx:1.27\n' },
    ],
    good: [
      {
        kind: 'compose',
        text: 'services:\n  api:\n    image: node:20-slim\n    sysctls:\n      net.core.somaxconn: 1024\n      net.ipv4.tcp_keepalive_time: 600\n',
      },
      {
        kind: 'compose',
        text: 'services:\n  db:\n    image: postgres:16\n    sysctls:\n      - kernel.shmmax=1073741824\n      - kernel.sem=250 32000 100 128\n',
      },
      { kind: 'compose', text: 'services:\n  vpn:\n    image: qmcgaw/gluetun:v3.39\n    sysctls:\n      - net.ipv4.ip_forward=0\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d --sysctl net.ipv4.ip_unprivileged_port_start=0 nginx:1.27\n' },
    ],
  },
  (spec): Hit[] => {
    const hits: Hit[] = [];
    for (const s of spec.sysctls) {
      // `net/ipv4/ip_forward` is the /proc/sys path of the same setting.
      const name = s.name.trim().replace(/\//g, '.');
      if (name === '' || hasInterpolation(name)) continue;
      const kind = namespacedKind(name);
      const range = at(spec, s.origin);
      if (!kind) {
        const why = KNOWN_HOST_WIDE[name];
        hits.push({
          range,
          message: `${spec.label} sets ${name}, which is not namespaced: it belongs to the whole host${why ? ` (${why})` : ''}, so runc refuses to start the container; set it on the host if the host needs it.`,
        });
        continue;
      }
      const nsShared =
        (kind === 'net' && shares(spec, 'network')) || (kind === 'ipc' && shares(spec, 'ipc')) || (kind === 'uts' && shares(spec, 'uts'));
      if (nsShared) {
        const mode = kind === 'net' ? 'network' : kind;
        hits.push({
          range,
          message: `${spec.label} sets ${name} while sharing the host's ${mode} namespace, so the setting would change the host itself; runc refuses it. Set it on the host or give the container its own ${mode} namespace.`,
        });
        continue;
      }
      if (kind === 'net' && !hasInterpolation(s.value)) {
        const risk = riskyNetValue(name, s.value);
        if (risk) hits.push({ range, message: `${spec.label} sets ${name}=${s.value.trim()}: ${risk}.` });
      }
    }
    return hits;
  },
);
