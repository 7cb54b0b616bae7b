// CT2014 memory-limit-missing: the container has no memory limit, or one that means "no limit"
// (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { at, atAnchor, limitState, missingLimits, settingName } from './util2';

export default runtimeRule(
  {
    id: 'CT2014',
    name: 'memory-limit-missing',
    title: 'The container has no memory limit',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      "Containers share the host's memory. Docker puts each one in its own memory cgroup, but unless a limit is set that cgroup may grow until the whole host runs out (cgroups(7), the `memory.max` control of cgroup v2). " +
      "A memory leak, a burst of requests or a deliberate allocation loop in one container then makes the kernel's out-of-memory killer pick victims across the host: other containers, the Docker daemon, sshd. " +
      'With a limit, the kernel reclaims and, if that fails, kills processes inside the offending container only, so the damage stays in the container that caused it. ' +
      'The rule accepts `deploy.resources.limits.memory` or `mem_limit` in Compose and `-m`/`--memory` on `docker run`. A value of `0` means "no limit" to Docker and is reported on the value. ' +
      'A `mem_reservation` (`--memory-reservation`) is a soft target the kernel reclaims towards under pressure, not a ceiling, so it does not count. A value that comes from an unset-at-lint-time variable (`${MEM_LIMIT}`) is not reported.',
    remediation:
      'Measure what the service needs (`docker stats`) and set a ceiling with headroom: in Compose `deploy.resources.limits.memory: 512M` (or `mem_limit: 512m`), on the command line `--memory 512m`. ' +
      'The quick fix adds the memory limit, plus CPU and PIDs limits when those are missing as well, with placeholder values to adjust.',
    zh: {
      title: '容器没有内存限制',
      explanation:
        '容器共享宿主机的内存。Docker 把每个容器放进它自己的内存 cgroup，但除非设置了限制，这个 cgroup 可以一直增长，直到整个宿主机的内存耗尽（cgroups(7)，cgroup v2 的 `memory.max` 控制项）。' +
        '于是，一个容器中的内存泄漏、突发的大量请求或者蓄意的分配循环，会让内核的 OOM killer 在整个宿主机范围内挑选牺牲者：其他容器、Docker 守护进程、sshd。' +
        '有了限制，内核会先回收内存，回收失败时只杀死出问题的那个容器里的进程，损害就被限制在肇事的容器之内。' +
        '这条规则接受 Compose 中的 `deploy.resources.limits.memory` 或 `mem_limit`，以及 `docker run` 的 `-m`/`--memory`。值 `0` 对 Docker 而言表示“不限制”，会在该值处报告。' +
        '`mem_reservation`（`--memory-reservation`）是内核在内存紧张时回收所趋向的软目标，而不是上限，所以不算数。来自检查时尚未设置的变量（`${MEM_LIMIT}`）的值不会被报告。',
      remediation:
        '测量服务实际需要多少内存（`docker stats`），再设置一个留有余量的上限：Compose 中用 `deploy.resources.limits.memory: 512M`（或 `mem_limit: 512m`），命令行上用 `--memory 512m`。' +
        '快速修复会添加内存限制；如果 CPU 和 PIDs 限制也缺失，会一并添加，所用的都是需要你调整的占位值。',
    },
    references: [
      {
        title: 'Docker docs: resource constraints, memory',
        url: 'https://docs.docker.com/engine/containers/resource_constraints/#memory',
      },
      {
        title: 'Compose file reference: deploy.resources',
        url: 'https://docs.docker.com/reference/compose-file/deploy/#resources',
      },
      { title: 'cgroups(7): control groups', url: 'https://man7.org/linux/man-pages/man7/cgroups.7.html' },
      {
        title: 'CIS Docker Benchmark v1.6.0 5.11: Ensure that the memory usage for containers is limited',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Memory Not Limited'],
      composeLint: ['CL-0026'],
      cis: ['5.11 (v1.6.0; 5.10 in v1.2.0)'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n',
        fixed:
          'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "1.0"\n    pids_limit: 100\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  cache:\n    image: redis:7.4\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n        reservations:\n          memory: 128M\n',
        fixed:
          'services:\n  cache:\n    image: redis:7.4\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n          memory: 512M\n        reservations:\n          memory: 128M\n    pids_limit: 100\n',
      },
      { kind: 'compose', bad: 'services:\n  worker:\n    image: python:3.12-slim\n    mem_limit: 0\n' },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d --name web nginx:1.27\n',
        fixed: '#!/bin/sh\ndocker run -d --name web --memory 512m --cpus 1 --pids-limit 100 nginx:1.27\n',
      },
      {
        kind: 'markdown',
        bad: 'Start it:\n\n```sh\ndocker run -d --cpus 1 --pids-limit 100 redis:7.4\n```\n',
        fixed: 'Start it:\n\n```sh\ndocker run -d --cpus 1 --pids-limit 100 --memory 512m redis:7.4\n```\n',
      },
    ],
    good: [
      {
        kind: 'compose',
        text: 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n',
      },
      { kind: 'compose', text: 'version: "2.4"\nservices:\n  web:\n    image: nginx:1.27\n    mem_limit: 512m\n' },
      // Limits shared through an anchor and a merge key.
      {
        kind: 'compose',
        text: 'x-limits: &limits\n  mem_limit: 256m\nservices:\n  a:\n    <<: *limits\n    image: nginx:1.27\n  b:\n    <<: *limits\n    image: redis:7.4\n',
      },
      // The value comes from the environment: unknown here, so not reported.
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    mem_limit: ${WEB_MEMORY:-512m}\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d -m 512m nginx:1.27\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d --memory=1g --name db postgres:16\n' },
    ],
  },
  (spec): Hit[] => {
    const mem = spec.resources.memory;
    const state = limitState(mem);
    if (state === 'unknown' || state === 'limited') return [];
    const key = settingName(spec, '`deploy.resources.limits.memory` (or `mem_limit`)', '`--memory`');
    const keyZh = settingName(spec, '`deploy.resources.limits.memory`（或 `mem_limit`）', '`--memory`');
    if (state === 'unlimited' && mem) {
      return [
        {
          range: at(spec, mem.origin),
          message: t(
            `${spec.label} sets its memory limit to ${mem.value}, which Docker reads as "no limit": one process can use all of the host's memory. Set a real ceiling such as 512m.`,
            `${spec.label} 把内存限制设为 ${mem.value}，Docker 把它理解为“不限制”：一个进程就能用光宿主机的全部内存。请设置一个真正的上限，例如 512m。`,
          ),
        },
      ];
    }
    if (spec.partial) return []; // part of the settings is not visible: absence proves nothing
    const fix = spec.fixer?.addLimits?.(['memory', ...missingLimits(spec).filter((l) => l !== 'memory')]);
    return [
      {
        range: atAnchor(spec),
        message: t(
          `${spec.label} has no memory limit, so one runaway or hostile process in it can exhaust the host's memory and make the kernel kill processes in other containers; set ${key}.`,
          `${spec.label} 没有内存限制，其中一个失控或恶意的进程就能耗尽宿主机的内存，并让内核杀死其他容器中的进程；请设置 ${keyZh}。`,
        ),
        fixes: fix ? [fix] : [],
      },
    ];
  },
);
