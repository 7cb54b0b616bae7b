// CT2015 cpu-limit-missing: nothing caps the container's CPU use (pure core layer). CPU shares are
// a relative weight, not a cap, so they do not count.

import { runtimeRule, type Hit } from '../rule';
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
            message: `${spec.label} sets its CPU limit to ${v.value}, which Docker reads as "no limit": the container may use every CPU of the host. Set a real limit such as 1.0.`,
          },
        ];
      }
    }
    if (spec.partial) return []; // part of the settings is not visible: absence proves nothing
    const key = settingName(spec, '`deploy.resources.limits.cpus` (or `cpus`)', '`--cpus`');
    const shares =
      r.cpuShares && !r.cpuShares.unknown
        ? ` Its ${settingName(spec, 'cpu_shares', '--cpu-shares')} ${r.cpuShares.value} is only a relative weight while CPUs are contended, not a cap.`
        : '';
    const fix = spec.fixer?.addLimits?.(['cpus']);
    return [
      {
        range: atAnchor(spec),
        message: `${spec.label} has no CPU limit, so it can take every CPU of the host and slow down everything else on it; set ${key}.${shares}`,
        fixes: fix ? [fix] : [],
      },
    ];
  },
);
