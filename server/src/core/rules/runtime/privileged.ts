// CT2001 privileged: `privileged: true` / `--privileged` switches off almost every isolation layer a
// container has (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { hitAt, knownTrue, spelled } from './util1';

export default runtimeRule(
  {
    id: 'CT2001',
    name: 'privileged',
    title: 'The container runs privileged',
    defaultSeverity: 'error',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'A container is an ordinary process that the kernel fences in with several independent mechanisms: a reduced capability set (14 of the 41 Linux capabilities), a device cgroup that only lets it open a handful of harmless devices, a seccomp filter that blocks dangerous system calls, an AppArmor or SELinux profile, and read-only or hidden kernel interfaces under `/proc` and `/sys`. ' +
      'Privileged mode removes all of them at once: the container gets every capability, every device node of the host in `/dev`, no seccomp filter, no AppArmor/SELinux confinement and a writable `/sys`. ' +
      "From there, escaping needs no bug at all: mount the host's disk (`mount /dev/sda1 /mnt`), load a kernel module, or write to kernel settings. Unless the daemon remaps users (userns-remap), root in a privileged container is root on the host. " +
      'Privileged mode also overrides `cap_drop`, so dropping capabilities next to it achieves nothing.',
    remediation:
      'Remove `privileged: true` (`--privileged`). Find out what the workload really needs and grant only that: one capability with `cap_add` after `cap_drop: [ALL]`, one device with `devices:` (`--device`), or a custom seccomp profile. Docker-in-Docker can usually use the host engine through a socket proxy, rootless Docker or Sysbox instead.',
    zh: {
      title: '容器以特权模式运行',
      explanation:
        '容器只是一个普通进程，内核用几道相互独立的机制把它围起来：精简的 capability 集合（Linux 全部 41 个 capability 中的 14 个）、只允许打开少数无害设备的设备 cgroup、拦截危险系统调用的 seccomp 过滤器、AppArmor 或 SELinux 配置文件，以及 `/proc` 和 `/sys` 下只读或被隐藏的内核接口。' +
        '特权模式一次性移除所有这些机制：容器获得全部 capability 和宿主机 `/dev` 中的每个设备节点，没有 seccomp 过滤器，不受 AppArmor/SELinux 约束，`/sys` 也变为可写。' +
        '此时逃逸根本不需要任何漏洞：挂载宿主机的磁盘（`mount /dev/sda1 /mnt`）、加载一个内核模块，或者改写内核设置即可。除非守护进程对用户做了重映射（userns-remap），特权容器里的 root 就是宿主机上的 root。' +
        '特权模式还会让 `cap_drop` 失效，所以在它旁边去掉 capability 毫无作用。',
      remediation:
        '删除 `privileged: true`（`--privileged`）。弄清工作负载真正需要什么，只授予那一项：在 `cap_drop: [ALL]` 之后用 `cap_add` 加回一个 capability，用 `devices:`（`--device`）传入一个设备，或者使用自定义的 seccomp 配置文件。Docker-in-Docker 通常可以改用其他方式：通过套接字代理使用宿主机的引擎，或者改用 rootless Docker 或 Sysbox。',
    },
    references: [
      {
        title: 'docker run reference: runtime privilege and Linux capabilities',
        url: 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities',
      },
      { title: 'Compose file reference: privileged', url: 'https://docs.docker.com/reference/compose-file/services/#privileged' },
      { title: 'capabilities(7)', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
      {
        title: 'CIS Docker Benchmark 5.4: Ensure that privileged containers are not used',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Privileged Containers Enabled'],
      composeLint: ['CL-0002'],
      cis: ['5.4'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  builder:\n    image: docker:27-dind\n    privileged: true\n',
        fixed: 'services:\n  builder:\n    image: docker:27-dind\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d --privileged --name dind docker:27-dind\n',
        fixed: '#!/bin/sh\ndocker run -d --name dind docker:27-dind\n',
      },
      {
        kind: 'markdown',
        bad: '# Try it\n\n```console\n$ docker run --rm -it --privileged ubuntu:24.04 bash\n```\n',
        fixed: '# Try it\n\n```console\n$ docker run --rm -it ubuntu:24.04 bash\n```\n',
      },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    privileged: false\n' },
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]\n' },
      // Interpolated: unknown, so not guessed either way.
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    privileged: ${PRIVILEGED:-false}\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --rm --cap-add SYS_PTRACE alpine:3.20 true\n' },
      // The word in the container's command is not a docker flag.
      { kind: 'shell', text: '#!/bin/sh\ndocker run --rm alpine:3.20 echo --privileged\n' },
    ],
  },
  (spec): Hit[] => {
    if (!knownTrue(spec.privileged)) return [];
    const setting = spelled(spec, 'privileged: true', '--privileged', 'Privileged mode');
    const settingZh = spelled(spec, 'privileged: true', '--privileged', '特权模式');
    return [
      hitAt(
        spec,
        spec.privileged?.origin,
        t(
          `${setting} in ${spec.label} switches off capability limits, the device cgroup, seccomp and AppArmor/SELinux at once, so root in the container is effectively root on the host.`,
          `${spec.label} 中的 ${settingZh} 会同时关闭 capability 限制、设备 cgroup、seccomp 和 AppArmor/SELinux，容器里的 root 实际上就是宿主机上的 root。`,
        ),
        spec.fixer?.removePrivileged?.(),
      ),
    ];
  },
);
