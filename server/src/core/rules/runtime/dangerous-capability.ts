// CT2002 dangerous-capability: `cap_add` / `--cap-add` grants a capability beyond Docker's default 14
// that reaches the host kernel, host hardware or host-wide state (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import type { Severity } from '../../types';
import type { NamespaceKind, RuntimeSpec } from '../../model/runtime';
import { DOCKER_DEFAULT_CAPS, normalizeCap } from '../../model/capabilities';
import { hitAt, spelled } from './util1';

interface CapRisk {
  severity: Severity;
  /** What the capability lets the container do, completing "it lets the container …". */
  allows: string;
  /** A shared host namespace that makes the capability reach the host itself, raising it to an error. */
  worseWith?: { ns: NamespaceKind; allows: string };
}

/** Capabilities worth a finding when added, with what they allow (capabilities(7), Docker's seccomp profile). */
export const CAP_RISKS: Record<string, CapRisk> = {
  ALL: {
    severity: 'error',
    allows: 'use every Linux capability, which is the capability half of privileged mode',
  },
  SYS_ADMIN: {
    severity: 'error',
    allows:
      'mount filesystems, create and enter namespaces, use bpf and perf_event_open on older kernels and much more (it is "the new root"; Docker also lifts its seccomp blocks on mount, unshare and setns for it)',
  },
  SYS_MODULE: {
    severity: 'error',
    allows: 'load and unload kernel modules, which runs any code it likes inside the host kernel',
  },
  SYS_RAWIO: {
    severity: 'error',
    allows: "use raw I/O ports (iopl, ioperm) and raw memory and disk devices, going around the kernel's own checks",
  },
  DAC_READ_SEARCH: {
    severity: 'error',
    allows:
      'bypass read permission checks and open files by handle (open_by_handle_at), the call behind the "Shocker" escape that reads any file on a host filesystem',
  },
  BPF: {
    severity: 'error',
    allows: 'load eBPF programs and maps into the kernel, where a verifier bug or a tracing program reaches kernel memory',
  },
  SYS_PTRACE: {
    severity: 'warning',
    allows: "trace other processes and read or write their memory, regardless of their user and of Yama's ptrace restrictions",
    worseWith: { ns: 'pid', allows: 'with the host PID namespace that includes injecting code into host processes' },
  },
  NET_ADMIN: {
    severity: 'warning',
    allows: 'reconfigure network interfaces, routes and firewall rules and put interfaces in promiscuous mode',
    worseWith: { ns: 'network', allows: "with the host network namespace those are the host's own interfaces and firewall" },
  },
  SYS_BOOT: {
    severity: 'warning',
    allows: 'call reboot(2), which ends its own PID namespace',
    worseWith: { ns: 'pid', allows: 'in the host PID namespace it reboots or powers off the host' },
  },
  SYS_TIME: {
    severity: 'warning',
    allows: 'set the system clock, which the kernel does not namespace: the host and every container see the change',
  },
  PERFMON: {
    severity: 'warning',
    allows: 'use system-wide performance monitoring (perf_event_open), which observes the kernel and other processes',
  },
  SYSLOG: {
    severity: 'warning',
    allows: "read and clear the host kernel's log and see kernel addresses, which helps kernel exploits",
  },
  MAC_ADMIN: {
    severity: 'warning',
    allows: 'change the Mandatory Access Control configuration (AppArmor or Smack policy) that confines containers',
  },
  MAC_OVERRIDE: {
    severity: 'warning',
    allows: 'override Mandatory Access Control (Smack) checks',
  },
  AUDIT_CONTROL: {
    severity: 'warning',
    allows: "change or switch off the host kernel's audit rules, erasing the trail of what it does",
  },
  AUDIT_READ: { severity: 'info', allows: "read the host's audit events over netlink" },
  SYS_RESOURCE: { severity: 'info', allows: 'exceed resource limits and disk quotas and use space reserved for root' },
  SYS_NICE: { severity: 'info', allows: 'raise priorities and use real-time scheduling, which can starve host processes' },
  IPC_LOCK: { severity: 'info', allows: 'lock memory beyond its memlock limit so it is never swapped, pressing on host memory' },
  IPC_OWNER: { severity: 'info', allows: 'bypass permission checks on System V IPC objects' },
  LINUX_IMMUTABLE: { severity: 'info', allows: 'set immutable and append-only flags on files' },
  SYS_PACCT: { severity: 'info', allows: 'switch process accounting on and off (acct)' },
  SYS_TTY_CONFIG: { severity: 'info', allows: 'hang up terminals (vhangup)' },
  LEASE: { severity: 'info', allows: 'take leases on files it does not own' },
  WAKE_ALARM: { severity: 'info', allows: 'set timers that wake the host from suspend' },
  BLOCK_SUSPEND: { severity: 'info', allows: 'keep the host from suspending' },
  NET_BROADCAST: { severity: 'info', allows: 'use broadcast and multicast socket features' },
  CHECKPOINT_RESTORE: { severity: 'info', allows: 'checkpoint and restore processes and choose the PIDs of new ones' },
};

function sharesHost(spec: RuntimeSpec, ns: NamespaceKind): boolean {
  const v = spec.namespaces[ns];
  return v !== undefined && !v.unknown && v.value.mode === 'host';
}

export default runtimeRule(
  {
    id: 'CT2002',
    name: 'dangerous-capability',
    title: 'A capability that reaches the host is added',
    defaultSeverity: 'error',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      "Linux splits root's power into about 40 capabilities (capabilities(7)). Docker starts a container with 14 of them, enough for ordinary root tasks inside its own filesystem, and its seccomp profile blocks the system calls that belong to the others. " +
      '`cap_add` (`--cap-add`) hands out more, and Docker also opens the matching system calls in its seccomp filter. Most of the extra capabilities are not limited to the container: the kernel checks them against host-wide resources. ' +
      '`SYS_ADMIN` is called "the new root" because so much is gated on it: mounting filesystems (including a cgroup hierarchy, a classic escape), creating namespaces, and on older kernels BPF and perf. `SYS_MODULE` loads code into the host kernel, `SYS_RAWIO` talks to hardware directly, `DAC_READ_SEARCH` opens host files by handle (the "Shocker" escape), `BPF` loads programs into the kernel, and `ALL` grants everything. ' +
      'Severity follows the capability: errors for those that lead to the host directly; warnings for those that change or observe host-wide state (`SYS_PTRACE`, `NET_ADMIN`, `SYS_BOOT`, `SYS_TIME`, `PERFMON`, `SYSLOG`, `MAC_*`, `AUDIT_CONTROL`), which become errors when the container also shares the host namespace that makes them reach the host (`SYS_PTRACE` or `SYS_BOOT` with `pid: host`, `NET_ADMIN` with `network_mode: host`); information for minor ones such as `SYS_NICE` or `IPC_LOCK`. ' +
      "Adding back one of Docker's default 14 after `cap_drop: [ALL]` is not reported. Names are matched in any case, with or without `CAP_`. A privileged container (CT2001) has every capability anyway; an explicit add is still reported, because it stays once privileged mode is removed.",
    remediation:
      'Remove the capability, or replace it with the narrow thing the workload needs: a specific device, a sysctl, a bind of one file, a helper on the host. When it is truly needed, drop ALL first so the container holds only that one, keep the default seccomp and AppArmor profiles on, and never combine it with host namespaces.',
    references: [
      { title: 'capabilities(7)', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
      {
        title: 'docker run reference: runtime privilege and Linux capabilities',
        url: 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities',
      },
      { title: "Docker's default seccomp profile", url: 'https://docs.docker.com/engine/security/seccomp/' },
      {
        title: 'CIS Docker Benchmark 5.3: Ensure that Linux kernel capabilities are restricted within containers',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Container Capabilities Unrestricted'],
      composeLint: ['CL-0011', 'CL-0024', 'CL-0027', 'CL-0028', 'CL-0029', 'CL-0030'],
      cis: ['5.3'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  fuse:\n    image: example/sshfs:1.0\n    cap_drop: [ALL]\n    cap_add:\n      - SYS_ADMIN\n      - SETUID\n',
        fixed: 'services:\n  fuse:\n    image: example/sshfs:1.0\n    cap_drop: [ALL]\n    cap_add:\n      - SETUID\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  debug:\n    image: example/app:1.0\n    pid: host\n    cap_add: [cap_sys_ptrace, NET_BIND_SERVICE]\n',
        fixed: 'services:\n  debug:\n    image: example/app:1.0\n    pid: host\n    cap_add: [NET_BIND_SERVICE]\n',
      },
      { kind: 'compose', bad: 'services:\n  all:\n    image: alpine:3.20\n    cap_add: [ALL]\n' },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d --cap-add=SYS_ADMIN --device /dev/fuse example/sshfs:1.0\n',
        fixed: '#!/bin/sh\ndocker run -d --device /dev/fuse example/sshfs:1.0\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run --rm --cap-add CAP_BPF --cap-add perfmon example/tracer:1.0\n',
      },
      {
        kind: 'markdown',
        bad: '```sh\ndocker run --cap-add=SYS_MODULE example/driver-loader:1.0\n```\n',
        fixed: '```sh\ndocker run example/driver-loader:1.0\n```\n',
      },
    ],
    good: [
      // Drop everything, then add back one default capability: the usual hardened pattern.
      { kind: 'shell', text: '#!/bin/sh\ndocker run --cap-drop=ALL --cap-add=NET_BIND_SERVICE nginx:1.27\n' },
      {
        kind: 'compose',
        text: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [CHOWN, SETUID, SETGID, NET_BIND_SERVICE]\n',
      },
      // Dropping a capability is never a problem.
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [NET_RAW, SYS_ADMIN]\n' },
      // Interpolated: unknown, not guessed.
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    cap_add: ["${EXTRA_CAP}"]\n' },
    ],
  },
  (spec): Hit[] => {
    const hits: Hit[] = [];
    for (const cap of spec.capAdd) {
      if (cap.unknown) continue;
      const name = normalizeCap(cap.value);
      if ((DOCKER_DEFAULT_CAPS as readonly string[]).includes(name)) continue;
      const risk = CAP_RISKS[name];
      if (!risk) continue;
      const worse = risk.worseWith && sharesHost(spec, risk.worseWith.ns) ? risk.worseWith : undefined;
      const setting = spelled(spec, `cap_add ${name}`, `--cap-add ${name}`, `Capability ${name}`);
      const message = `${setting} in ${spec.label} lets the container ${risk.allows}${worse ? `; ${worse.allows}` : ''}.`;
      hits.push(hitAt(spec, cap.origin, message, spec.fixer?.removeValue?.(cap.origin, `Remove ${name}`), worse ? 'error' : risk.severity));
    }
    return hits;
  },
);
