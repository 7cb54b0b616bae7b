// CT2009 sensitive-host-path: a host system directory (/, /etc, /proc, /sys, /dev, /boot, /root,
// /var/lib/docker, …) is bind-mounted into the container; worse when writable (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t, type Localized, type Severity } from '../../types';
import type { Mount } from '../../model/runtime';
import { bindSource, hitAt, mountOrigin, within } from './util1';
import { zh } from '../image/zh';

interface SensitivePath {
  path: string;
  /** Also matches everything below `path`. */
  subtree: boolean;
  /** What the host keeps there, completing "the container can read …" (容器可以读取……). */
  holds: Localized;
  /** Severity when mounted read-only; undefined: not reported read-only. */
  ro?: Severity;
  /** Severity when writable. */
  rw: Severity;
}

const MODULES = t("the host's kernel modules, code the host kernel loads", '宿主机的内核模块，也就是宿主机内核会加载的代码');
const BINARIES = t('programs and libraries the host runs', '宿主机运行的程序和库');

/** Host locations in the order they are tried: the first match decides. */
export const SENSITIVE_PATHS: SensitivePath[] = [
  {
    path: '/',
    subtree: false,
    holds: t(
      "the host's whole filesystem, with its password hashes, keys and the engine socket under /run",
      '宿主机的整个文件系统，包括其中的密码哈希、密钥和 /run 下的引擎套接字',
    ),
    ro: 'error',
    rw: 'error',
  },
  {
    path: '/etc',
    subtree: true,
    holds: t(
      'host configuration, including password hashes (/etc/shadow), sudoers, SSH host keys and service credentials',
      '宿主机的配置，包括密码哈希（/etc/shadow）、sudoers、SSH 主机密钥和服务凭据',
    ),
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/proc',
    subtree: true,
    holds: t(
      "the host's process and kernel interfaces: other processes' command lines and environment variables, and kernel settings under /proc/sys",
      '宿主机的进程和内核接口：其他进程的命令行和环境变量，以及 /proc/sys 下的内核设置',
    ),
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/sys',
    subtree: true,
    holds: t('kernel, device and cgroup controls of the host', '宿主机的内核、设备和 cgroup 控制接口'),
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/dev',
    subtree: false,
    holds: t("the host's device nodes and its shared memory (/dev/shm)", '宿主机的设备节点及其共享内存（/dev/shm）'),
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/dev/shm',
    subtree: true,
    holds: t("the host's POSIX shared memory, where host programs exchange data", '宿主机的 POSIX 共享内存，宿主机上的程序在这里交换数据'),
    ro: 'warning',
    rw: 'warning',
  },
  ...['/run/systemd', '/var/run/systemd', '/run/dbus', '/var/run/dbus'].map((path): SensitivePath => ({
    path,
    subtree: true,
    holds: t(
      "systemd's and D-Bus's control sockets, through which root in the container can start host services and commands (read-only does not stop socket use)",
      'systemd 和 D-Bus 的控制套接字，容器里的 root 可以通过它们启动宿主机的服务和命令（只读挡不住对套接字的使用）',
    ),
    ro: 'error',
    rw: 'error',
  })),
  {
    path: '/boot',
    subtree: true,
    holds: t(
      'the host kernel and boot loader, which the host runs at its next boot',
      '宿主机的内核和引导加载程序，宿主机下次启动时会运行它们',
    ),
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/root',
    subtree: true,
    holds: t(
      "root's home on the host: SSH keys, shell history, cloud and registry credentials",
      '宿主机上 root 的家目录：SSH 密钥、shell 历史以及云服务和镜像仓库的凭据',
    ),
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/home',
    subtree: false,
    holds: t(
      "every user's home folder on the host, with their SSH keys, credentials and code",
      '宿主机上每个用户的家目录，包括他们的 SSH 密钥、凭据和代码',
    ),
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/var/lib/docker',
    subtree: true,
    holds: t(
      "Docker's storage: every image and every container's filesystem and configuration, including other containers' secrets",
      'Docker 的存储：所有镜像以及每个容器的文件系统和配置，包括其他容器的机密信息',
    ),
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/var/lib/containerd',
    subtree: true,
    holds: t("containerd's storage of images and container filesystems", 'containerd 存放镜像和容器文件系统的存储'),
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/var/lib/containers',
    subtree: true,
    holds: t("Podman's and CRI-O's storage of images and container filesystems", 'Podman 和 CRI-O 存放镜像和容器文件系统的存储'),
    ro: 'warning',
    rw: 'error',
  },
  {
    path: '/var/lib/kubelet',
    subtree: true,
    holds: t(
      "the kubelet's state, including every pod's secrets and service account tokens",
      'kubelet 的状态，包括每个 pod 的 secret 和服务账号令牌',
    ),
    ro: 'warning',
    rw: 'error',
  },
  { path: '/lib/modules', subtree: true, holds: MODULES, ro: 'warning', rw: 'error' },
  { path: '/usr/lib/modules', subtree: true, holds: MODULES, ro: 'warning', rw: 'error' },
  ...['/usr', '/bin', '/sbin', '/lib', '/lib64', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib64', '/usr/local', '/usr/local/bin'].map(
    (path): SensitivePath => ({ path, subtree: false, holds: BINARIES, ro: 'info', rw: 'error' }),
  ),
  { path: '/var/log', subtree: true, holds: t("the host's logs", '宿主机的日志'), rw: 'warning' },
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
const CREDENTIAL_DIRS: Record<string, Localized> = {
  '.ssh': t('SSH keys', 'SSH 密钥'),
  '.aws': t('AWS credentials', 'AWS 凭据'),
  '.kube': t('Kubernetes credentials', 'Kubernetes 凭据'),
  '.docker': t('registry credentials (and possibly a Docker socket)', '镜像仓库凭据（可能还有 Docker 套接字）'),
  '.gnupg': t('GPG keys', 'GPG 密钥'),
  '.azure': t('Azure credentials', 'Azure 凭据'),
  gcloud: t('Google Cloud credentials', 'Google Cloud 凭据'),
};

export interface SensitiveMount {
  path: string;
  /** The listed directory it is in, when the mount is a part of one. */
  under?: string;
  holds: Localized;
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
    zh: {
      title: '敏感的宿主机目录被挂载进容器',
      explanation:
        '绑定挂载让宿主机上的一个目录原样出现在容器里：同样的文件，同样的属主。容器的 mount namespace 本来给它一个独立的文件系统，但在这个位置上不再把两者隔开。' +
        '对普通的数据目录来说，这正是目的所在。但对宿主机的系统目录来说，这等于把这些目录所控制的东西交给了容器：`/etc` 存放密码哈希、sudoers 和服务凭据；`/proc` 和 `/sys` 是活动的内核接口（宿主机上每个进程的环境变量、内核设置、cgroup 和设备控制）；`/boot` 和 `/lib/modules` 存放宿主机内核会加载的代码；`/root`、`/home` 以及 `.ssh`、`.aws`、`.kube`、`.docker` 等凭据目录存放着密钥；`/var/lib/docker`、`/var/lib/containerd` 和 `/var/lib/containers` 存放每个容器的文件系统和配置；`/` 则包含以上全部。' +
        '除非 user namespace 对它做了重映射，否则就文件访问而言，容器里的 root 就是宿主机上的 root，所以可写地挂载这些目录就是一条离开容器的路（添加用户、定时任务或内核模块，替换宿主机上的程序）：这些报告为错误。只读挂载仍会泄露机密：报告为警告。只读的 `/` 仍然报告为错误，因为它包含引擎套接字，而且在 Docker 25 之前，只读绑定挂载之下的其他挂载（例如 `/run`）仍然可写。' +
        '宿主机程序（`/usr`、`/bin`、`/lib`……）只读时报告为信息，可写时报告为错误；宿主机日志（`/var/log`）只在可写时报告，因为只读挂载是日志转发程序的常规做法。`/etc/localtime`、`/etc/timezone`、`/etc/hosts`、`/etc/resolv.conf` 和 CA 证书目录这类无害的只读文件不会被报告，命名卷和相对路径（项目目录）也不会。systemd 和 D-Bus 的控制套接字（`/run/systemd`、`/run/dbus`）即使只读也报告为错误，因为使用套接字并不算写入；`/run` 和 `/var/run` 本身以及引擎套接字由 CT2008 负责。',
      remediation:
        '只挂载程序需要的内容，范围越小越好：挂载单个文件或子目录而不是整个目录，设为只读（`:ro`，长语法中为 `read_only: true`），绝不要可写地挂载宿主机的系统目录。把配置复制进镜像，或者使用 Compose 的 `configs`/`secrets`；只给监控代理它们要读取的那些文件；数据使用命名卷。',
    },
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
      const what = s.under ? `a part of ${s.under}, which holds ${s.holds.en}` : s.holds.en;
      const verbZh = m.readOnly ? '读取' : '读取和修改';
      const whatZh = s.under ? zh`${s.under} 的一部分，该目录存放着${s.holds['zh-CN']}` : s.holds['zh-CN'];
      hits.push(
        hitAt(
          spec,
          mountOrigin(m),
          t(
            `Host path ${s.path} is mounted ${how} into ${spec.label} at ${m.target}, so the container can ${verb} ${what}.`,
            zh`宿主机路径 ${s.path} 以${m.readOnly ? '只读' : '可写'}方式挂载到 ${spec.label} 的 ${m.target}，容器因此可以${verbZh}${whatZh}。`,
          ),
          undefined,
          s.severity,
        ),
      );
    }
    return hits;
  },
);
