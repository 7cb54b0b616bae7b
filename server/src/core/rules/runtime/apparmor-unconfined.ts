// CT2005 apparmor-unconfined: `apparmor:unconfined` / `--security-opt apparmor=unconfined` removes the
// AppArmor profile Docker confines containers with (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { hitAt, securityOpts } from './util1';

export default runtimeRule(
  {
    id: 'CT2005',
    name: 'apparmor-unconfined',
    title: 'The AppArmor profile is turned off',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'AppArmor is a Linux Security Module: a set of rules, attached to a program, that the kernel enforces on top of ordinary file permissions and capabilities, even for root. On hosts that use it (Debian, Ubuntu, SUSE), Docker confines every container with a profile called `docker-default`. ' +
      "That profile refuses `mount`, writes to most of `/proc` and `/proc/sys`, access to `/proc/kcore` and `/proc/sysrq-trigger`, writes under `/sys` (except the container's own cgroup), `/sys/firmware` and `/sys/kernel/security`, and tracing or signalling processes outside the container. " +
      'Those rules are a second line behind capabilities and seccomp: when a capability such as `SYS_ADMIN` is added or a kernel interface is mounted, AppArmor is often what still stops the escape (the cgroup `release_agent` escape of CVE-2022-0492 needs `mount`, which the profile denies). `apparmor=unconfined` removes that line. ' +
      'On hosts without AppArmor (Fedora, RHEL and others use SELinux instead) the option changes nothing, but Compose files and scripts travel between hosts. Both separators (`apparmor:unconfined`, `apparmor=unconfined`) are understood; a named custom profile is not reported.',
    remediation:
      "Remove the option so `docker-default` applies. If the program needs something the profile refuses, write a custom profile that allows only that (start from Docker's template), load it with `apparmor_parser`, and name it: `apparmor=my-profile`.",
    zh: {
      title: 'AppArmor 配置文件被关闭',
      explanation:
        'AppArmor 是一种 Linux 安全模块：一组附加在程序上的规则，内核在普通文件权限和 capability 之外强制执行它们，对 root 也不例外。在使用它的宿主机上（Debian、Ubuntu、SUSE），Docker 用一个名为 `docker-default` 的配置文件约束每个容器。' +
        '这个配置文件拒绝 `mount`、对 `/proc` 和 `/proc/sys` 大部分内容的写入、对 `/proc/kcore` 和 `/proc/sysrq-trigger` 的访问、对 `/sys` 下（容器自己的 cgroup 除外）以及 `/sys/firmware` 和 `/sys/kernel/security` 的写入，还拒绝跟踪容器外的进程或向它们发送信号。' +
        '这些规则是 capability 和 seccomp 之后的第二道防线：当添加了 `SYS_ADMIN` 之类的 capability 或挂载了某个内核接口时，往往是 AppArmor 还在阻止逃逸（CVE-2022-0492 的 cgroup `release_agent` 逃逸需要 `mount`，而这个配置文件拒绝它）。`apparmor=unconfined` 拆掉了这道防线。' +
        '在没有 AppArmor 的宿主机上（Fedora、RHEL 等改用 SELinux），这个选项不起作用，但 Compose 文件和脚本会在不同宿主机之间流转。两种分隔符（`apparmor:unconfined`、`apparmor=unconfined`）都能识别；指定名字的自定义配置文件不会被报告。',
      remediation:
        '删除这个选项，让 `docker-default` 生效。如果程序需要这个配置文件拒绝的某项操作，就编写一个只放行这一项的自定义配置文件（以 Docker 的模板为起点），用 `apparmor_parser` 加载，再通过名字指定它：`apparmor=my-profile`。',
    },
    references: [
      { title: 'AppArmor security profiles for Docker', url: 'https://docs.docker.com/engine/security/apparmor/' },
      { title: 'Compose file reference: security_opt', url: 'https://docs.docker.com/reference/compose-file/services/#security_opt' },
      { title: 'apparmor(7)', url: 'https://manpages.ubuntu.com/manpages/noble/man7/apparmor.7.html' },
      {
        title: 'CIS Docker Benchmark 5.1: Ensure that, if applicable, an AppArmor profile is enabled',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      composeLint: ['CL-0009'],
      cis: ['5.1'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - no-new-privileges:true\n      - apparmor:unconfined\n',
        fixed: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - no-new-privileges:true\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d --security-opt apparmor=unconfined example/app:1.0\n',
        fixed: '#!/bin/sh\ndocker run -d example/app:1.0\n',
      },
      {
        kind: 'markdown',
        bad: '```shell\ndocker run --security-opt=apparmor=unconfined --cap-add SYS_ADMIN example/fuse:1.0\n```\n',
        fixed: '```shell\ndocker run --cap-add SYS_ADMIN example/fuse:1.0\n```\n',
      },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - apparmor:docker-app-profile\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --security-opt apparmor=docker-default example/app:1.0\n' },
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt: ["apparmor=${APPARMOR_PROFILE}"]\n' },
    ],
  },
  (spec): Hit[] =>
    securityOpts(spec, 'apparmor')
      .filter((o) => o.value.trim().toLowerCase() === 'unconfined')
      .map((o) =>
        hitAt(
          spec,
          o.origin,
          t(
            `${o.raw} in ${spec.label} removes Docker's AppArmor profile, which on AppArmor hosts refuses mount, writes to /proc and /sys and tracing processes outside the container even for root.`,
            `${spec.label} 中的 ${o.raw} 去掉了 Docker 的 AppArmor 配置文件；在启用 AppArmor 的宿主机上，这个配置文件即使对 root 也会拒绝 mount、对 /proc 和 /sys 的写入以及跟踪容器外的进程。`,
          ),
          spec.fixer?.removeValue?.(
            o.origin,
            t(`Remove ${o.raw} (Docker's default AppArmor profile applies)`, `删除 ${o.raw}（改用 Docker 的默认 AppArmor 配置文件）`),
          ),
        ),
      ),
);
