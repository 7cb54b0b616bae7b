// CT2002 dangerous-capability: `cap_add` / `--cap-add` grants a capability beyond Docker's default 14
// that reaches the host kernel, host hardware or host-wide state (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t, type Localized, type Severity } from '../../types';
import type { NamespaceKind, RuntimeSpec } from '../../model/runtime';
import { DOCKER_DEFAULT_CAPS, normalizeCap } from '../../model/capabilities';
import { hitAt, spelled } from './util1';

interface CapRisk {
  severity: Severity;
  /** What the capability lets the container do, completing "it lets the container …" (让容器能够……). */
  allows: Localized;
  /** A shared host namespace that makes the capability reach the host itself, raising it to an error. */
  worseWith?: { ns: NamespaceKind; allows: Localized };
}

/** Capabilities worth a finding when added, with what they allow (capabilities(7), Docker's seccomp profile). */
export const CAP_RISKS: Record<string, CapRisk> = {
  ALL: {
    severity: 'error',
    allows: t(
      'use every Linux capability, which is the capability half of privileged mode',
      '使用全部 Linux capability，相当于特权模式中 capability 的那一半',
    ),
  },
  SYS_ADMIN: {
    severity: 'error',
    allows: t(
      'mount filesystems, create and enter namespaces, use bpf and perf_event_open on older kernels and much more (it is "the new root"; Docker also lifts its seccomp blocks on mount, unshare and setns for it)',
      '挂载文件系统、创建和进入 namespace、在较旧的内核上使用 bpf 和 perf_event_open，以及更多操作（它被称为“新的 root”；Docker 还会因它解除 seccomp 对 mount、unshare 和 setns 的拦截）',
    ),
  },
  SYS_MODULE: {
    severity: 'error',
    allows: t(
      'load and unload kernel modules, which runs any code it likes inside the host kernel',
      '加载和卸载内核模块，也就是在宿主机内核中运行任意代码',
    ),
  },
  SYS_RAWIO: {
    severity: 'error',
    allows: t(
      "use raw I/O ports (iopl, ioperm) and raw memory and disk devices, going around the kernel's own checks",
      '使用原始 I/O 端口（iopl、ioperm）以及原始内存和磁盘设备，绕过内核自身的检查',
    ),
  },
  DAC_READ_SEARCH: {
    severity: 'error',
    allows: t(
      'bypass read permission checks and open files by handle (open_by_handle_at), the call behind the "Shocker" escape that reads any file on a host filesystem',
      '绕过读权限检查并按句柄打开文件（open_by_handle_at），“Shocker”逃逸正是靠这个调用读取宿主机文件系统上的任意文件',
    ),
  },
  BPF: {
    severity: 'error',
    allows: t(
      'load eBPF programs and maps into the kernel, where a verifier bug or a tracing program reaches kernel memory',
      '向内核加载 eBPF 程序和 map，一个校验器漏洞或一个跟踪程序就能触及内核内存',
    ),
  },
  SYS_PTRACE: {
    severity: 'warning',
    allows: t(
      "trace other processes and read or write their memory, regardless of their user and of Yama's ptrace restrictions",
      '跟踪其他进程并读写它们的内存，不论它们属于哪个用户，也不受 Yama 的 ptrace 限制',
    ),
    worseWith: {
      ns: 'pid',
      allows: t(
        'with the host PID namespace that includes injecting code into host processes',
        '加上宿主机的 PID namespace，这就包括向宿主机进程注入代码',
      ),
    },
  },
  NET_ADMIN: {
    severity: 'warning',
    allows: t(
      'reconfigure network interfaces, routes and firewall rules and put interfaces in promiscuous mode',
      '重新配置网络接口、路由和防火墙规则，并把网络接口设为混杂模式',
    ),
    worseWith: {
      ns: 'network',
      allows: t(
        "with the host network namespace those are the host's own interfaces and firewall",
        '在宿主机的网络 namespace 中，这些就是宿主机自己的网络接口和防火墙',
      ),
    },
  },
  SYS_BOOT: {
    severity: 'warning',
    allows: t('call reboot(2), which ends its own PID namespace', '调用 reboot(2)，这会结束它自己的 PID namespace'),
    worseWith: {
      ns: 'pid',
      allows: t('in the host PID namespace it reboots or powers off the host', '在宿主机的 PID namespace 中，它会重启或关闭宿主机'),
    },
  },
  SYS_TIME: {
    severity: 'warning',
    allows: t(
      'set the system clock, which the kernel does not namespace: the host and every container see the change',
      '设置系统时钟，而内核并不按 namespace 隔离时钟：宿主机和每个容器都会看到这一改动',
    ),
  },
  PERFMON: {
    severity: 'warning',
    allows: t(
      'use system-wide performance monitoring (perf_event_open), which observes the kernel and other processes',
      '使用全系统范围的性能监控（perf_event_open），从而观察内核和其他进程',
    ),
  },
  SYSLOG: {
    severity: 'warning',
    allows: t(
      "read and clear the host kernel's log and see kernel addresses, which helps kernel exploits",
      '读取和清空宿主机的内核日志并看到内核地址，这会为内核漏洞利用提供帮助',
    ),
  },
  MAC_ADMIN: {
    severity: 'warning',
    allows: t(
      'change the Mandatory Access Control configuration (AppArmor or Smack policy) that confines containers',
      '修改约束容器的强制访问控制配置（AppArmor 或 Smack 策略）',
    ),
  },
  MAC_OVERRIDE: {
    severity: 'warning',
    allows: t('override Mandatory Access Control (Smack) checks', '绕过强制访问控制（Smack）检查'),
  },
  AUDIT_CONTROL: {
    severity: 'warning',
    allows: t(
      "change or switch off the host kernel's audit rules, erasing the trail of what it does",
      '修改或关闭宿主机内核的审计规则，抹去它所做之事的痕迹',
    ),
  },
  AUDIT_READ: {
    severity: 'info',
    allows: t("read the host's audit events over netlink", '通过 netlink 读取宿主机的审计事件'),
  },
  SYS_RESOURCE: {
    severity: 'info',
    allows: t('exceed resource limits and disk quotas and use space reserved for root', '突破资源限制和磁盘配额，并使用为 root 保留的空间'),
  },
  SYS_NICE: {
    severity: 'info',
    allows: t(
      'raise priorities and use real-time scheduling, which can starve host processes',
      '提高优先级并使用实时调度，可能让宿主机进程得不到 CPU 时间',
    ),
  },
  IPC_LOCK: {
    severity: 'info',
    allows: t(
      'lock memory beyond its memlock limit so it is never swapped, pressing on host memory',
      '锁定超出其 memlock 限制的内存、使其永不被换出，从而挤占宿主机内存',
    ),
  },
  IPC_OWNER: {
    severity: 'info',
    allows: t('bypass permission checks on System V IPC objects', '绕过对 System V IPC 对象的权限检查'),
  },
  LINUX_IMMUTABLE: {
    severity: 'info',
    allows: t('set immutable and append-only flags on files', '给文件设置 immutable（不可修改）和 append-only（只能追加）标志'),
  },
  SYS_PACCT: {
    severity: 'info',
    allows: t('switch process accounting on and off (acct)', '开启和关闭进程记账（acct）'),
  },
  SYS_TTY_CONFIG: {
    severity: 'info',
    allows: t('hang up terminals (vhangup)', '挂断终端（vhangup）'),
  },
  LEASE: {
    severity: 'info',
    allows: t('take leases on files it does not own', '对不属于它的文件设置租约（lease）'),
  },
  WAKE_ALARM: {
    severity: 'info',
    allows: t('set timers that wake the host from suspend', '设置能把宿主机从挂起状态唤醒的定时器'),
  },
  BLOCK_SUSPEND: {
    severity: 'info',
    allows: t('keep the host from suspending', '阻止宿主机进入挂起状态'),
  },
  NET_BROADCAST: {
    severity: 'info',
    allows: t('use broadcast and multicast socket features', '使用套接字的广播和多播功能'),
  },
  CHECKPOINT_RESTORE: {
    severity: 'info',
    allows: t('checkpoint and restore processes and choose the PIDs of new ones', '为进程做检查点和恢复，并指定新进程的 PID'),
  },
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
    zh: {
      title: '添加了能触及宿主机的 capability',
      explanation:
        'Linux 把 root 的权力拆分成约 40 个 capability（capabilities(7)）。Docker 启动容器时只给其中 14 个，足以在容器自己的文件系统里完成普通的 root 任务；它的 seccomp 配置文件则拦截属于其他 capability 的系统调用。' +
        '`cap_add`（`--cap-add`）会授予更多 capability，Docker 还会在 seccomp 过滤器中放开相应的系统调用。大多数额外的 capability 并不局限于容器：内核是对照整个宿主机范围的资源来检查它们的。' +
        '`SYS_ADMIN` 被称为“新的 root”，因为太多操作都以它为门槛：挂载文件系统（包括挂载 cgroup 层级，这是一种经典的逃逸方式）、创建 namespace，在较旧的内核上还有 BPF 和 perf。`SYS_MODULE` 把代码加载进宿主机内核，`SYS_RAWIO` 直接与硬件打交道，`DAC_READ_SEARCH` 按句柄打开宿主机文件（“Shocker”逃逸），`BPF` 向内核加载程序，`ALL` 则授予一切。' +
        '严重级别取决于 capability：能直接通向宿主机的报告为错误；会修改或观察宿主机全局状态的（`SYS_PTRACE`、`NET_ADMIN`、`SYS_BOOT`、`SYS_TIME`、`PERFMON`、`SYSLOG`、`MAC_*`、`AUDIT_CONTROL`）报告为警告，如果容器同时共享了让它们触及宿主机的那个宿主机 namespace（`SYS_PTRACE` 或 `SYS_BOOT` 配合 `pid: host`，`NET_ADMIN` 配合 `network_mode: host`），则升为错误；`SYS_NICE`、`IPC_LOCK` 等次要的报告为信息。' +
        '在 `cap_drop: [ALL]` 之后加回 Docker 默认 14 个中的某一个不会被报告。名字不区分大小写，带不带 `CAP_` 都能识别。特权容器（CT2001）本来就拥有全部 capability；显式添加的仍会被报告，因为去掉特权模式之后它依然存在。',
      remediation:
        '删除这个 capability，或者换成工作负载真正需要的那一小项：一个具体的设备、一个 sysctl、单个文件的绑定挂载、宿主机上的一个辅助程序。确实需要时，先去掉 ALL，让容器只持有这一个，保持默认的 seccomp 和 AppArmor 配置文件开启，并且绝不与宿主机 namespace 同时使用。',
    },
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
      const settingZh = spelled(spec, `cap_add ${name}`, `--cap-add ${name}`, `capability ${name}`);
      const message = t(
        `${setting} in ${spec.label} lets the container ${risk.allows.en}${worse ? `; ${worse.allows.en}` : ''}.`,
        `${spec.label} 中的 ${settingZh} 让容器能够${risk.allows['zh-CN']}${worse ? `；${worse.allows['zh-CN']}` : ''}。`,
      );
      const fix = spec.fixer?.removeValue?.(cap.origin, t(`Remove ${name}`, `删除 ${name}`));
      hits.push(hitAt(spec, cap.origin, message, fix, worse ? 'error' : risk.severity));
    }
    return hits;
  },
);
