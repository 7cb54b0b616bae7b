// CT2021 cgroup-parent-set: the container is placed under a cgroup parent of the user's choosing
// instead of Docker's own (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { at, settingName } from './util2';

export default runtimeRule(
  {
    id: 'CT2021',
    name: 'cgroup-parent-set',
    title: 'The container is placed under a custom cgroup parent',
    defaultSeverity: 'info',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      "Docker creates each container's cgroup (the kernel object that carries its memory, CPU and PIDs limits and its device rules, see cgroups(7)) under a parent it manages: `/docker` with the cgroupfs driver, `system.slice` with systemd. " +
      "`cgroup_parent` (`--cgroup-parent`) moves the container under another parent. Limits are hierarchical: the container is then also bound by that parent's limits, and shares them with whatever else lives there, and the tools and reviews that watch Docker's own hierarchy no longer see it. " +
      'A parent that is shared with host services, has no limits, or is controlled by another team quietly changes what the container may consume. There are good reasons (a dedicated slice for a group of containers with a common budget), which is why this is information: confirm that the parent exists on purpose and is limited. ' +
      "An empty value is Docker's default and is not reported, nor is a value that comes from a variable.",
    remediation:
      'Remove `cgroup_parent` (`--cgroup-parent`) unless the container must share a budget with others; if it must, make sure the parent slice or cgroup has its own memory, CPU and PIDs limits and is managed alongside the containers (for example a systemd slice unit with `MemoryMax=` and `TasksMax=`).',
    zh: {
      title: '容器被放在自定义的父 cgroup 之下',
      explanation:
        'Docker 把每个容器的 cgroup（承载其内存、CPU 和 PIDs 限制以及设备规则的内核对象，见 cgroups(7)）创建在它所管理的父 cgroup 之下：使用 cgroupfs 驱动时是 `/docker`，使用 systemd 时是 `system.slice`。' +
        '`cgroup_parent`（`--cgroup-parent`）把容器移到另一个父 cgroup 之下。限制是分层的：容器因此也受那个父 cgroup 的限制约束，并与其下的其他一切共享这些限制；而那些盯着 Docker 自己层级的工具和审查也就再也看不到它。' +
        '如果父 cgroup 与宿主机服务共用、没有任何限制，或者由另一个团队控制，就会悄无声息地改变容器能消耗多少资源。这样做也有正当理由（为一组共享预算的容器专门设置一个 slice），所以这里报告为信息：请确认这个父 cgroup 是有意设置的，并且设有限制。' +
        '空值是 Docker 的默认值，不会被报告；来自变量的值也不会。',
      remediation:
        '除非容器必须与其他容器共享预算，否则删除 `cgroup_parent`（`--cgroup-parent`）；如果必须共享，请确保父 slice 或 cgroup 自己设有内存、CPU 和 PIDs 限制，并与容器一起管理（例如一个带有 `MemoryMax=` 和 `TasksMax=` 的 systemd slice 单元）。',
    },
    references: [
      {
        title: 'docker container run reference: --cgroup-parent',
        url: 'https://docs.docker.com/reference/cli/docker/container/run/',
      },
      { title: 'Compose file reference: cgroup_parent', url: 'https://docs.docker.com/reference/compose-file/services/#cgroup_parent' },
      { title: 'cgroups(7): control groups', url: 'https://man7.org/linux/man-pages/man7/cgroups.7.html' },
      {
        title: 'CIS Docker Benchmark v1.6.0 5.25: Ensure that cgroup usage is confirmed',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Cgroup Not Default'],
      cis: ['5.25 (v1.6.0; 5.24 in v1.2.0)'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  batch:\n    image: python:3.12-slim\n    cgroup_parent: batch-jobs\n',
        fixed: 'services:\n  batch:\n    image: python:3.12-slim\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d --cgroup-parent=/custom-parent python:3.12-slim\n',
        fixed: '#!/bin/sh\ndocker run -d python:3.12-slim\n',
      },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  batch:\n    image: python:3.12-slim\n' },
      { kind: 'compose', text: 'services:\n  batch:\n    image: python:3.12-slim\n    cgroup_parent: ${BATCH_PARENT}\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d python:3.12-slim\n' },
    ],
  },
  (spec): Hit[] => {
    const cp = spec.cgroupParent;
    if (!cp || cp.unknown || cp.value.trim() === '') return [];
    const key = settingName(spec, 'cgroup_parent', '--cgroup-parent');
    const fix = spec.fixer?.removeValue?.(cp.origin, t(`Remove ${key}`, `删除 ${key}`));
    return [
      {
        range: at(spec, cp.origin),
        message: t(
          `${spec.label} runs under the cgroup parent "${cp.value}" instead of Docker's own hierarchy, so its resource limits and accounting also depend on that parent; confirm it exists on purpose and has limits of its own.`,
          `${spec.label} 运行在父 cgroup "${cp.value}" 之下，而不是 Docker 自己的层级中，因此它的资源限制和计量也取决于这个父 cgroup；请确认它是有意设置的，并且自己设有限制。`,
        ),
        fixes: fix ? [fix] : [],
      },
    ];
  },
);
