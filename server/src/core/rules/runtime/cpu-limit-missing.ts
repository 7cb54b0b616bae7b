// CT2015 cpu-limit-missing: nothing caps the container's CPU use (pure core layer). CPU shares are
// a relative weight, not a cap, so they do not count.

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { at, atAnchor, hasCpuLimit, limitState, settingName } from './util2';

export default runtimeRule(
  {
    id: 'CT2015',
    name: 'cpu-limit-missing',
    title: 'The container has no CPU limit',
    defaultSeverity: 'info',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'Without a CPU limit a container may use every CPU of the host. A busy loop, a crypto miner dropped in through a vulnerability or a traffic spike then slows every other container and the host itself. ' +
      "Docker caps CPU through the cgroup CPU controller: `cpus` (`--cpus 1.5`) sets a quota of CPU time per period (the CFS bandwidth control behind cgroup v2's `cpu.max`), `cpu_quota` sets the same quota directly, and `cpuset` (`--cpuset-cpus 0,1`) pins the container to some CPUs only; any of them counts as a limit here. " +
      '`cpu_shares` (`--cpu-shares`, cgroup v2 `cpu.weight`) does not: shares only decide who wins while the CPUs are contended, and a container with any share value still takes every idle CPU, so a service with shares alone is still reported (the message says so). The CIS Docker Benchmark control cited below asks for CPU shares as a priority; this rule asks for a cap, which is what protects the other workloads. ' +
      'Running out of CPU slows things down rather than killing them, which is why this rule is information while the memory and PIDs rules are warnings. A value of `0` means "no limit" to Docker and is reported on the value; values from variables (`${CPUS}`) are not reported.',
    remediation:
      'Give the service a ceiling that fits its work: in Compose `deploy.resources.limits.cpus: "1.0"` (or `cpus: 1.0`), on the command line `--cpus 1.0`. Keep `cpu_shares` if you also want a priority between services; it complements the limit. ' +
      'The quick fix adds a CPU limit with a placeholder value to adjust.',
    zh: {
      title: '容器没有 CPU 限制',
      explanation:
        '没有 CPU 限制时，容器可以使用宿主机的所有 CPU。一个忙循环、通过漏洞植入的挖矿程序或者一次流量高峰，都会拖慢其他所有容器和宿主机本身。' +
        'Docker 通过 cgroup 的 CPU 控制器限制 CPU：`cpus`（`--cpus 1.5`）设定每个周期内的 CPU 时间配额（即 cgroup v2 `cpu.max` 背后的 CFS 带宽控制），`cpu_quota` 直接设定同样的配额，`cpuset`（`--cpuset-cpus 0,1`）则把容器限定在部分 CPU 上；在这里，其中任何一个都算作限制。' +
        '`cpu_shares`（`--cpu-shares`，cgroup v2 的 `cpu.weight`）不算：份额只在 CPU 被争抢时决定谁优先，无论份额是多少，容器仍然会占用所有空闲的 CPU，所以只设置了份额的服务仍会被报告（消息中会说明这一点）。下面引用的 CIS Docker Benchmark 控制项要求把 CPU 份额用作优先级；这条规则要求的是上限，真正保护其他工作负载的是上限。' +
        'CPU 不够用只会让程序变慢，而不会让它们被杀死，所以这条规则报告为信息，而内存和 PIDs 规则报告为警告。值 `0` 对 Docker 而言表示“不限制”，会在该值处报告；来自变量的值（`${CPUS}`）不会被报告。',
      remediation:
        '给服务设置一个与其工作量相称的上限：Compose 中用 `deploy.resources.limits.cpus: "1.0"`（或 `cpus: 1.0`），命令行上用 `--cpus 1.0`。如果还想在服务之间设定优先级，可以保留 `cpu_shares`，它与上限互为补充。' +
        '快速修复会添加一个 CPU 限制，其值是需要你调整的占位值。',
    },
    references: [
      { title: 'Docker docs: resource constraints, CPU', url: 'https://docs.docker.com/engine/containers/resource_constraints/#cpu' },
      {
        title: 'Compose file reference: deploy.resources',
        url: 'https://docs.docker.com/reference/compose-file/deploy/#resources',
      },
      {
        title: 'Linux kernel docs: CFS bandwidth control',
        url: 'https://docs.kernel.org/scheduler/sched-bwc.html',
      },
      {
        title: 'CIS Docker Benchmark v1.6.0 5.12: Ensure that CPU priority is set appropriately on containers',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Cpus Not Limited'],
      composeLint: ['CL-0026'],
      cis: ['5.12 (v1.6.0; 5.11 in v1.2.0)'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  api:\n    image: node:20-slim\n    mem_limit: 512m\n',
        fixed:
          'services:\n  api:\n    image: node:20-slim\n    mem_limit: 512m\n    deploy:\n      resources:\n        limits:\n          cpus: "1.0"\n',
      },
      // Shares are a weight, not a cap.
      {
        kind: 'compose',
        bad: 'services:\n  api:\n    image: node:20-slim\n    cpu_shares: 512\n    mem_limit: 512m\n',
        fixed:
          'services:\n  api:\n    image: node:20-slim\n    cpu_shares: 512\n    mem_limit: 512m\n    deploy:\n      resources:\n        limits:\n          cpus: "1.0"\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  api:\n    image: node:20-slim\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n        reservations:\n          cpus: "0.25"\n',
        fixed:
          'services:\n  api:\n    image: node:20-slim\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "1.0"\n        reservations:\n          cpus: "0.25"\n',
      },
      { kind: 'compose', bad: 'services:\n  api:\n    image: node:20-slim\n    cpus: 0\n' },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d --memory 512m --cpu-shares 512 node:20-slim\n',
        fixed: '#!/bin/sh\ndocker run -d --memory 512m --cpu-shares 512 --cpus 1 node:20-slim\n',
      },
    ],
    good: [
      {
        kind: 'compose',
        text: 'services:\n  api:\n    image: node:20-slim\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n',
      },
      { kind: 'compose', text: 'version: "2.4"\nservices:\n  api:\n    image: node:20-slim\n    cpus: 0.25\n' },
      { kind: 'compose', text: 'services:\n  api:\n    image: node:20-slim\n    cpuset: "0,1"\n' },
      { kind: 'compose', text: 'services:\n  api:\n    image: node:20-slim\n    cpus: ${API_CPUS}\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d --cpus=1.5 node:20-slim\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d --cpu-quota 50000 --cpu-period 100000 node:20-slim\n' },
    ],
  },
  (spec): Hit[] => {
    if (hasCpuLimit(spec)) return [];
    const r = spec.resources;
    // A value that says "no limit" is reported where it is written.
    for (const v of [r.cpus, r.cpuQuota]) {
      if (v && limitState(v) === 'unlimited') {
        return [
          {
            range: at(spec, v.origin),
            message: t(
              `${spec.label} sets its CPU limit to ${v.value}, which Docker reads as "no limit": the container may use every CPU of the host. Set a real limit such as 1.0.`,
              `${spec.label} 把 CPU 限制设为 ${v.value}，Docker 把它理解为“不限制”：容器可以使用宿主机的所有 CPU。请设置一个真正的限制，例如 1.0。`,
            ),
          },
        ];
      }
    }
    if (spec.partial) return []; // part of the settings is not visible: absence proves nothing
    const key = settingName(spec, '`deploy.resources.limits.cpus` (or `cpus`)', '`--cpus`');
    const keyZh = settingName(spec, '`deploy.resources.limits.cpus`（或 `cpus`）', '`--cpus`');
    const sharesKey = settingName(spec, 'cpu_shares', '--cpu-shares');
    const known = r.cpuShares && !r.cpuShares.unknown ? r.cpuShares.value : undefined;
    const shares = known !== undefined ? ` Its ${sharesKey} ${known} is only a relative weight while CPUs are contended, not a cap.` : '';
    const sharesZh = known !== undefined ? `它的 ${sharesKey} ${known} 只是 CPU 被争抢时的相对权重，而不是上限。` : '';
    const fix = spec.fixer?.addLimits?.(['cpus']);
    return [
      {
        range: atAnchor(spec),
        message: t(
          `${spec.label} has no CPU limit, so it can take every CPU of the host and slow down everything else on it; set ${key}.${shares}`,
          `${spec.label} 没有 CPU 限制，它可以占用宿主机的所有 CPU，拖慢宿主机上的其他一切；请设置 ${keyZh}。${sharesZh}`,
        ),
        fixes: fix ? [fix] : [],
      },
    ];
  },
);
