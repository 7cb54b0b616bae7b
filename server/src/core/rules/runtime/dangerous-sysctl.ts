// CT2020 dangerous-sysctl: a sysctl that reaches beyond the container or weakens its network
// isolation (pure core layer). The list is deliberately small; see the explanation.

import type { RuntimeSpec } from '../../model/runtime';
import { runtimeRule, type Hit } from '../rule';
import { t, type Localized } from '../../types';
import { zh } from '../image/zh';
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
const KNOWN_HOST_WIDE: Record<string, Localized> = {
  'kernel.core_pattern': t(
    'a core_pattern starting with | makes the host kernel run that program as root whenever any process crashes, a classic container escape',
    '以 | 开头的 core_pattern 会让宿主机内核在任何进程崩溃时以 root 身份运行那个程序，这是一种经典的容器逃逸方式',
  ),
  'kernel.modprobe': t('the host kernel runs this program as root to load modules', '宿主机内核会以 root 身份运行这个程序来加载模块'),
  'kernel.hotplug': t('the host kernel runs this program as root on device events', '宿主机内核会在发生设备事件时以 root 身份运行这个程序'),
  'kernel.unprivileged_userns_clone': t(
    'it decides whether unprivileged users on the host may create user namespaces',
    '它决定宿主机上的无特权用户能否创建 user namespace',
  ),
  'kernel.kptr_restrict': t(
    'it hides or reveals kernel addresses to every process on the host',
    '它决定对宿主机上的每个进程隐藏还是显示内核地址',
  ),
  'kernel.dmesg_restrict': t('it decides who on the host may read the kernel log', '它决定宿主机上谁可以读取内核日志'),
  'kernel.yama.ptrace_scope': t('it decides which processes on the host may trace others', '它决定宿主机上哪些进程可以跟踪其他进程'),
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
function riskyNetValue(name: string, value: string): Localized | undefined {
  if ((name === 'net.ipv4.ip_forward' || /^net\.ipv4\.conf\.[^.]+\.forwarding$/.test(name)) && isOn(value)) {
    return t(
      'the container routes packets between its networks, so anything that can reach it can reach every network it is attached to, past the separation of Docker networks',
      '容器会在它所连接的网络之间转发数据包，因此任何能访问它的东西都能越过 Docker 网络之间的隔离，到达它所连接的每个网络',
    );
  }
  if (/^net\.ipv6\.conf\.[^.]+\.forwarding$/.test(name) && isOn(value)) {
    return t(
      'the container routes IPv6 packets between its networks, past the separation of Docker networks',
      '容器会在它所连接的网络之间转发 IPv6 数据包，越过 Docker 网络之间的隔离',
    );
  }
  if (/^net\.ipv4\.conf\.[^.]+\.route_localnet$/.test(name) && isOn(value)) {
    return t(
      'packets for 127.0.0.0/8 may arrive from outside the container, so services that listen only on localhost inside it (admin ports, debug endpoints) can become reachable from its networks',
      '发往 127.0.0.0/8 的数据包可能从容器外部到达，因此容器内只监听 localhost 的服务（管理端口、调试端点）可能变得能从它所在的网络访问',
    );
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
    zh: {
      title: 'sysctl 的作用超出了容器，或削弱了容器的网络隔离',
      explanation:
        '内核参数（sysctl，即 /proc/sys 下的文件）大多作用于整个宿主机。只有一部分属于某个 namespace，而 Docker 只允许容器设置这一部分（Compose 中的 `sysctls:`，`docker run` 的 `--sysctl`）：Docker 底层的运行时 runc 在容器拥有自己的 IPC namespace 时接受 IPC 相关的参数（`kernel.msgmax`、`kernel.msgmnb`、`kernel.msgmni`、`kernel.sem`、`kernel.shmall`、`kernel.shmmax`、`kernel.shmmni`、`kernel.shm_rmid_forced`、`fs.mqueue.*`），在拥有自己的网络 namespace 时接受 `net.*`，在拥有自己的 UTS namespace 时接受 `kernel.domainname`，其余一律以 "sysctl … is not in a separate kernel namespace" 拒绝。' +
        '这条规则报告三类设置。' +
        '(1) 不在上述列表中的 sysctl，例如 `vm.max_map_count` 或 `kernel.core_pattern`：它会改变整个宿主机，所以 runc 拒绝启动容器；而接受它的运行时则会把一根作用于整个宿主机的杠杆交给容器。`kernel.core_pattern` 是经典的例子：以 `|` 开头的模式会让宿主机内核在任何进程崩溃时以 root 身份运行某个程序。这类值应在宿主机上、为宿主机而设置。' +
        '(2) 容器与宿主机共享某个 namespace 时，设置属于该 namespace 的 sysctl（`net.*` 配合 `network_mode: host`，IPC 参数配合 `ipc: host`）：这个设置会作用于宿主机，runc 同样会拒绝。' +
        '(3) 少数会削弱容器自身网络隔离的值：`net.ipv4.ip_forward=1`（或 `net.ipv4.conf.*.forwarding=1`、`net.ipv6.conf.*.forwarding=1`）会把容器变成它所连接的各个 Docker 网络之间的路由器；`net.ipv4.conf.*.route_localnet=1` 让发往 127.0.0.0/8 的数据包可以从外部到达，暴露只监听 localhost 的服务（kube-proxy 的 CVE-2020-8558 背后就是这个设置）。VPN 和路由器容器是有意开启转发的；在那里请写明理由并抑制这条报告。' +
        '不会被报告的：普通的调优参数，例如 `net.core.somaxconn`、`net.ipv4.tcp_keepalive_time`、`net.ipv4.ip_unprivileged_port_start=0`（从 20.10 起 Docker 自己就把它设为 0）或共享内存的大小，它们都只作用于容器自己的 namespace。来自变量的值不会被报告。',
      remediation:
        '从容器定义中删除作用于整个宿主机的 sysctl，改在宿主机上设置（`/etc/sysctl.d/`），在那里可以审查它们对其他所有工作负载的影响。' +
        '不要在共享宿主机 namespace 的容器上设置属于该 namespace 的 sysctl；给它一个自己的 namespace，或者在宿主机上设置这个值。' +
        '除非容器本来就被设计为路由器或 VPN 端点，否则保持 forwarding 和 route_localnet 关闭；即使是这种容器，也只把它连接到必须连通的网络。',
    },
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
          message: t(
            `${spec.label} sets ${name}, which is not namespaced: it belongs to the whole host${why ? ` (${why.en})` : ''}, so runc refuses to start the container; set it on the host if the host needs it.`,
            `${spec.label} 设置了 ${name}，但它不受 namespace 隔离：它属于整个宿主机${why ? `（${why['zh-CN']}）` : ''}，所以 runc 会拒绝启动容器；如果宿主机需要，请在宿主机上设置它。`,
          ),
        });
        continue;
      }
      const nsShared =
        (kind === 'net' && shares(spec, 'network')) || (kind === 'ipc' && shares(spec, 'ipc')) || (kind === 'uts' && shares(spec, 'uts'));
      if (nsShared) {
        const mode = kind === 'net' ? 'network' : kind;
        const nsZh = kind === 'net' ? '网络 namespace' : `${kind.toUpperCase()} namespace`;
        hits.push({
          range,
          message: t(
            `${spec.label} sets ${name} while sharing the host's ${mode} namespace, so the setting would change the host itself; runc refuses it. Set it on the host or give the container its own ${mode} namespace.`,
            zh`${spec.label} 在共享宿主机的${nsZh} 的同时设置了 ${name}，这个设置会改变宿主机本身；runc 会拒绝它。请在宿主机上设置它，或者给容器一个自己的${nsZh}。`,
          ),
        });
        continue;
      }
      if (kind === 'net' && !hasInterpolation(s.value)) {
        const risk = riskyNetValue(name, s.value);
        if (risk) {
          const set = `${name}=${s.value.trim()}`;
          hits.push({ range, message: t(`${spec.label} sets ${set}: ${risk.en}.`, `${spec.label} 设置了 ${set}：${risk['zh-CN']}。`) });
        }
      }
    }
    return hits;
  },
);
