// CT2009 sensitive-host-path: a host system directory (/, /etc, /proc, /sys, /dev, /boot, /root,
// /var/lib/docker, …) is bind-mounted into the container; worse when writable (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import type { Severity } from '../../types';
import type { Mount } from '../../model/runtime';
import { bindSource, hitAt, mountOrigin, within } from './util1';

interface SensitivePath {
  path: string;
  /** Also matches everything below `path`. */
  subtree: boolean;
  /** What the host keeps there, completing "the container can read …". */
  holds: string;
  /** Severity when mounted read-only; undefined: not reported read-only. */
  ro?: Severity;
  /** Severity when writable. */
  rw: Severity;
}

const BINARIES = 'programs and libraries the host runs';

/** Host locations in the order they are tried: the first match decides. */
export const SENSITIVE_PATHS: SensitivePath[] = [
  {
    path: '/',
    subtree: false,
    holds: "the host's whole filesystem, with its password hashes, keys and the engine socket under /run",
    ro: 'error',
    rw: 'error',
  },
  {
    path: '/etc',
    subtree: true,
    holds: 'host configuration, including password hashes (/etc/shadow), sudoers, SSH host keys and service credentials',
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/proc',
    subtree: true,
    holds:
      "the host's process and kernel interfaces: other processes' command lines and environment variables, and kernel settings under /proc/sys",
    ro: 'warning',
    rw: 'error',
  },
  { path: '/sys', subtree: true, holds: 'kernel, device and cgroup controls of the host', ro: 'warning', rw: 'error' },
  { path: '/dev', subtree: false, holds: "the host's device nodes and its shared memory (/dev/shm)", ro: 'warning', rw: 'error' },
  {
    path: '/dev/shm',
    subtree: true,
    holds: "the host's POSIX shared memory, where host programs exchange data",
    ro: 'warning',
    rw: 'warning',
  },
  ...['/run/systemd', '/var/run/systemd', '/run/dbus', '/var/run/dbus'].map((path): SensitivePath => ({
    path,
    subtree: true,
    holds:
      "systemd's and D-Bus's control sockets, through which root in the container can start host services and commands (read-only does not stop socket use)",
    ro: 'error',
    rw: 'error',
  })),
  {
    path: '/boot',
    subtree: true,
    holds: 'the host kernel and boot loader, which the host runs at its next boot',
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/root',
    subtree: true,
    holds: "root's home on the host: SSH keys, shell history, cloud and registry credentials",
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/home',
    subtree: false,
    holds: "every user's home folder on the host, with their SSH keys, credentials and code",
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/var/lib/docker',
    subtree: true,
    holds: "Docker's storage: every image and every container's filesystem and configuration, including other containers' secrets",
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/var/lib/containerd',
    subtree: true,
    holds: "containerd's storage of images and container filesystems",
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/var/lib/containers',
    subtree: true,
    holds: "Podman's and CRI-O's storage of images and container filesystems",
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/var/lib/kubelet',
    subtree: true,
    holds: "the kubelet's state, including every pod's secrets and service account tokens",
    ro: 'warning',
    rw: 'error',
  },
  { path: '/lib/modules', subtree: true, holds: "the host's kernel modules, code the host kernel loads", ro: 'warning', rw: 'error' },
  { path: '/usr/lib/modules', subtree: true, holds: "the host's kernel modules, code the host kernel loads", ro: 'warning', rw: 'error' },
  ...['/usr', '/bin', '/sbin', '/lib', '/lib64', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib64', '/usr/local', '/usr/local/bin'].map(
    (path): SensitivePath => ({ path, subtree: false, holds: BINARIES, ro: 'info', rw: 'error' }),
  ),
  { path: '/var/log', subtree: true, holds: "the host's logs", rw: 'warning' },
];

/** Read-only binds that expose nothing secret and are common for good reasons (time zone, name resolution, CA certificates). */
const HARMLESS_READ_ONLY = [
  '/etc/localtime',
  '/etc/timezone',
  '/etc/machine-id',
  '/etc/hostname',
  '/etc/hosts',
  '/etc/resolv.conf',
  '/etc/os-release',
  '/etc/passwd',
  '/etc/group',
  '/etc/ssl/certs',
  '/etc/pki/ca-trust',
  '/etc/pki/tls/certs',
  '/etc/ca-certificates',
];

/** Folders of credentials, wherever they are (a home folder, /root, a CI runner's workspace). */
const CREDENTIAL_DIRS: Record<string, string> = {
  '.ssh': 'SSH keys',
  '.aws': 'AWS credentials',
  '.kube': 'Kubernetes credentials',
  '.docker': 'registry credentials (and possibly a Docker socket)',
  '.gnupg': 'GPG keys',
  '.azure': 'Azure credentials',
  gcloud: 'Google Cloud credentials',
};

export interface SensitiveMount {
  path: string;
  /** The listed directory it is in, when the mount is a part of one. */
  under?: string;
  holds: string;
  severity: Severity;
}

/** What a mount exposes of the host, or undefined when it is not a sensitive host path. */
export function sensitiveMount(m: Mount): SensitiveMount | undefined {
  if (m.unknown || m.type !== 'bind' || !m.source) return undefined;
  const raw = m.source.replace(/\/+$/, '');
  // Credential folders are recognised at any path, also `~/.ssh` and relative paths.
  const segs = raw.split('/');
  const last = segs[segs.length - 1];
  const cred = last === 'gcloud' ? (segs[segs.length - 2] === '.config' ? CREDENTIAL_DIRS.gcloud : undefined) : CREDENTIAL_DIRS[last];
  if (cred) return { path: m.source, holds: cred, severity: m.readOnly ? 'warning' : 'error' };
  const path = bindSource(m);
  if (!path) return undefined;
  if (m.readOnly && HARMLESS_READ_ONLY.some((h) => within(path, h))) return undefined;
  const entry = SENSITIVE_PATHS.find((p) => (p.subtree ? within(path, p.path) : path === p.path));
  if (!entry) return undefined;
  const severity = m.readOnly ? entry.ro : entry.rw;
  if (!severity) return undefined;
  return path === entry.path ? { path, holds: entry.holds, severity } : { path, under: entry.path, holds: entry.holds, severity };
}

export default runtimeRule(
  {
    id: 'CT2009',
    name: 'sensitive-host-path',
    title: 'A sensitive host directory is mounted into the container',
    defaultSeverity: 'error',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      "A bind mount makes a host folder appear inside the container as it is: same files, same owners. The container's mount namespace, which normally gives it a filesystem of its own, no longer separates the two there. " +
      "For ordinary data folders that is the point. For the host's system folders it hands the container what those folders control: `/etc` holds password hashes, sudoers and service credentials; `/proc` and `/sys` are live kernel interfaces (environment variables of every host process, kernel settings, cgroup and device controls); `/boot` and `/lib/modules` hold code the host kernel loads; `/root`, `/home` and credential folders such as `.ssh`, `.aws`, `.kube` and `.docker` hold keys; `/var/lib/docker`, `/var/lib/containerd` and `/var/lib/containers` hold every container's filesystem and configuration; `/` holds all of it. " +
      'Root in a container is root on the host for file access unless user namespaces remap it, so a writable mount of these folders is a way out of the container (add a user, a cron job, a kernel module, replace a host binary): those are errors. Read-only still discloses secrets: warnings. A read-only `/` stays an error, because it includes the engine socket, and before Docker 25 the mounts under a read-only bind (such as `/run`) stayed writable. ' +
      "Host programs (`/usr`, `/bin`, `/lib`…) are information when read-only and errors when writable; host logs (`/var/log`) are only reported when writable, since read-only is the normal log-shipper setup. Harmless read-only files such as `/etc/localtime`, `/etc/timezone`, `/etc/hosts`, `/etc/resolv.conf` and CA certificate folders are not reported, nor are named volumes and relative paths (project folders). The control sockets of systemd and D-Bus (`/run/systemd`, `/run/dbus`) are errors even read-only, because using a socket is not a write; `/run` and `/var/run` themselves, and engine sockets, are CT2008's business.",
    remediation:
      "Mount only what the program needs, as narrowly as possible: one file or subfolder instead of the whole directory, read-only (`:ro`, `read_only: true` in the long syntax), and never the host's system folders writable. Copy configuration into the image or use Compose `configs`/`secrets`; give monitoring agents the specific files they read; use named volumes for data.",
    references: [
      { title: 'Bind mounts (Docker documentation)', url: 'https://docs.docker.com/engine/storage/bind-mounts/' },
      { title: 'mount_namespaces(7)', url: 'https://man7.org/linux/man-pages/man7/mount_namespaces.7.html' },
      { title: 'proc(5)', url: 'https://man7.org/linux/man-pages/man5/proc.5.html' },
      {
        title: 'CIS Docker Benchmark 5.5: Ensure sensitive host system directories are not mounted on containers',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Volume Has Sensitive Host Directory'],
      composeLint: ['CL-0013', 'CL-0025'],
      cis: ['5.5'],
    },
    bad: [
      { kind: 'compose', bad: 'services:\n  backup:\n    image: example/backup:1.0\n    volumes:\n      - /:/host\n' },
      { kind: 'compose', bad: 'services:\n  agent:\n    image: example/agent:1.0\n    volumes:\n      - /etc:/host/etc:ro\n' },
      {
        kind: 'compose',
        bad: 'services:\n  exporter:\n    image: example/exporter:1.0\n    volumes:\n      - type: bind\n        source: /proc\n        target: /host/proc\n        read_only: true\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  updater:\n    image: example/updater:1.0\n    volumes:\n      - /run/dbus/system_bus_socket:/run/dbus/system_bus_socket:ro\n',
      },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run -d -v /var/lib/docker:/var/lib/docker example/cleaner:1.0\n' },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run --rm -v ~/.ssh:/root/.ssh:ro example/deploy:1.0\n' },
      { kind: 'markdown', bad: '```console\n$ docker run --rm -it -v /etc/shadow:/tmp/shadow alpine:3.20 cat /tmp/shadow\n```\n' },
    ],
    good: [
      // Time zone and name resolution files, read-only: common and harmless.
      {
        kind: 'compose',
        text: 'services:\n  app:\n    image: example/app:1.0\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n      - /etc/timezone:/etc/timezone:ro\n',
      },
      // Named volumes and project folders are not host system paths.
      {
        kind: 'compose',
        text: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n      - ./init:/docker-entrypoint-initdb.d:ro\nvolumes:\n  pgdata: {}\n',
      },
      // An anonymous volume at a container path (KICS reports this one, but nothing of the host is mounted).
      { kind: 'compose', text: 'services:\n  backup:\n    image: example/backup:1.0\n    volumes:\n      - /var/lib/backup/data\n' },
      // Log shippers read host logs read-only.
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d -v /var/log:/var/log:ro example/shipper:1.0\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -v /srv/www:/usr/share/nginx/html:ro nginx:1.27\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -v "$DATA_DIR:/data" example/app:1.0\n' },
    ],
  },
  (spec): Hit[] => {
    const hits: Hit[] = [];
    for (const m of spec.mounts) {
      const s = sensitiveMount(m);
      if (!s) continue;
      const how = m.readOnly ? 'read-only' : 'writable';
      const verb = m.readOnly ? 'read' : 'read and change';
      hits.push(
        hitAt(
          spec,
          mountOrigin(m),
          `Host path ${s.path} is mounted ${how} into ${spec.label} at ${m.target}, so the container can ${verb} ${s.under ? `a part of ${s.under}, which holds ${s.holds}` : s.holds}.`,
          undefined,
          s.severity,
        ),
      );
    }
    return hits;
  },
);
