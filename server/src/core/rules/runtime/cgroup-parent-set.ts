// CT2021 cgroup-parent-set: the container is placed under a cgroup parent of the user's choosing
// instead of Docker's own (pure core layer).

import { runtimeRule, type Hit } from '../rule';
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
    const fix = spec.fixer?.removeValue?.(cp.origin, `Remove ${key}`);
    return [
      {
        range: at(spec, cp.origin),
        message: `${spec.label} runs under the cgroup parent "${cp.value}" instead of Docker's own hierarchy, so its resource limits and accounting also depend on that parent; confirm it exists on purpose and has limits of its own.`,
        fixes: fix ? [fix] : [],
      },
    ];
  },
);
