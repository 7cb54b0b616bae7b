// CT2006 selinux-disabled: `label:disable` / `--security-opt label=disable` (or an unconfined SELinux
// type) turns off SELinux confinement of the container (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { hitAt, securityOpts } from './util1';

/** SELinux types that run a container unconfined: container-selinux's "super privileged container" type. */
const UNCONFINED_TYPES = ['spc_t'];

export default runtimeRule(
  {
    id: 'CT2006',
    name: 'selinux-disabled',
    title: 'SELinux confinement is turned off',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'SELinux is the Linux Security Module used by Fedora, RHEL, CentOS Stream and their relatives. It labels every process and file, and a policy decides which labels may touch which, regardless of user IDs and capabilities. ' +
      "On those hosts Docker and Podman run containers as the `container_t` type with a unique category pair (for example `s0:c123,c456`), so a container can only use files labelled for containers, and not files labelled for another container or for the host: a container that escapes its mount namespace, or that is given a host directory, still cannot read `/etc/shadow` or another container's data. " +
      '`label=disable` (`label:disable` in Compose) turns that separation off: the container then runs as `spc_t`, the "super privileged container" type, which the policy leaves unconfined. Asking for that type directly (`label=type:spc_t`) has the same effect. Either way the policy no longer separates the container from the host. ' +
      'On hosts without SELinux (most Debian and Ubuntu systems) the option changes nothing, but the files travel. Other label options (`label=level:s0:c100,c200`, `label=type:my_container_t`) are not reported.',
    remediation:
      'Remove the option. If a bind-mounted host directory is unreadable because of its label, relabel it for the container with the `:z` (shared) or `:Z` (private) mount option, never for system directories such as `/home` or `/usr`. If the program needs more than `container_t` allows, write a small policy module (for example with udica) and use `label=type:<your_type>`.',
    zh: {
      title: 'SELinux 约束被关闭',
      explanation:
        'SELinux 是 Fedora、RHEL、CentOS Stream 及其衍生发行版使用的 Linux 安全模块。它给每个进程和文件打上标签，由策略决定哪些标签可以访问哪些标签，与用户 ID 和 capability 无关。' +
        '在这些宿主机上，Docker 和 Podman 以 `container_t` 类型加上一对唯一的类别（例如 `s0:c123,c456`）运行容器，因此容器只能使用标记给容器的文件，而不能使用标记给其他容器或宿主机的文件：即使容器逃出了自己的 mount namespace，或者被传入了一个宿主机目录，它仍然读不到 `/etc/shadow` 或其他容器的数据。' +
        '`label=disable`（Compose 中写作 `label:disable`）会关闭这种隔离：容器改以 `spc_t`（“超级特权容器”类型）运行，策略对它不加约束。直接要求这个类型（`label=type:spc_t`）效果相同。无论哪种方式，策略都不再把容器与宿主机隔开。' +
        '在没有 SELinux 的宿主机上（大多数 Debian 和 Ubuntu 系统），这个选项不起作用，但文件会被带到别的宿主机上。其他 label 选项（`label=level:s0:c100,c200`、`label=type:my_container_t`）不会被报告。',
      remediation:
        '删除这个选项。如果绑定挂载的宿主机目录因为标签问题无法读取，就用 `:z`（共享）或 `:Z`（私有）挂载选项为容器重新打标签，但绝不要对 `/home`、`/usr` 这样的系统目录这样做。如果程序需要超出 `container_t` 允许的权限，就编写一个小的策略模块（例如借助 udica），然后使用 `label=type:<your_type>`。',
    },
    references: [
      { title: 'docker run reference: --security-opt', url: 'https://docs.docker.com/reference/cli/docker/container/run/#security-opt' },
      { title: 'Compose file reference: security_opt', url: 'https://docs.docker.com/reference/compose-file/services/#security_opt' },
      { title: 'selinux(8)', url: 'https://man7.org/linux/man-pages/man8/selinux.8.html' },
      {
        title: 'CIS Docker Benchmark 5.2: Ensure that, if applicable, SELinux security options are set',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      composeLint: ['CL-0009'],
      cis: ['5.2'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - label:disable\n      - no-new-privileges:true\n',
        fixed: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - no-new-privileges:true\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt: [label=type:spc_t, no-new-privileges:true]\n',
        fixed: 'services:\n  app:\n    image: example/app:1.0\n    security_opt: [no-new-privileges:true]\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\npodman run --rm --security-opt label=disable -v /srv/data:/data example/app:1.0\n',
        fixed: '#!/bin/sh\npodman run --rm -v /srv/data:/data example/app:1.0\n',
      },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - label:level:s0:c100,c200\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -v /srv/data:/data:Z example/app:1.0\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --security-opt label=type:svirt_apache_t example/app:1.0\n' },
    ],
  },
  (spec): Hit[] => {
    const hits: Hit[] = [];
    for (const o of securityOpts(spec, 'label')) {
      const value = o.value.trim().toLowerCase();
      const type = /^type:(.*)$/.exec(value)?.[1];
      if (value === 'disable') {
        hits.push(
          hitAt(
            spec,
            o.origin,
            t(
              `${o.raw} in ${spec.label} runs the container unconfined (as spc_t) instead of container_t, so on SELinux hosts the policy no longer keeps it away from host files and other containers' data.`,
              `${spec.label} 中的 ${o.raw} 让容器以不受约束的 spc_t 而不是 container_t 运行，因此在 SELinux 宿主机上，策略不再阻止它接触宿主机文件和其他容器的数据。`,
            ),
            spec.fixer?.removeValue?.(
              o.origin,
              t(`Remove ${o.raw} (the container gets its SELinux label again)`, `删除 ${o.raw}（容器重新获得自己的 SELinux 标签）`),
            ),
          ),
        );
      } else if (type !== undefined && UNCONFINED_TYPES.includes(type)) {
        hits.push(
          hitAt(
            spec,
            o.origin,
            t(
              `${o.raw} in ${spec.label} runs the container as the unconfined SELinux type ${type}, so on SELinux hosts the policy no longer keeps it away from host files and other containers' data.`,
              `${spec.label} 中的 ${o.raw} 让容器以不受约束的 SELinux 类型 ${type} 运行，因此在 SELinux 宿主机上，策略不再阻止它接触宿主机文件和其他容器的数据。`,
            ),
            spec.fixer?.removeValue?.(
              o.origin,
              t(
                `Remove ${o.raw} (the container gets the confined container_t type again)`,
                `删除 ${o.raw}（容器重新获得受约束的 container_t 类型）`,
              ),
            ),
          ),
        );
      }
    }
    return hits;
  },
);
