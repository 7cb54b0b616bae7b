// CT2016 pids-limit-missing: the container may create any number of processes (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { at, atAnchor, limitState, settingName } from './util2';

export default runtimeRule(
  {
    id: 'CT2016',
    name: 'pids-limit-missing',
    title: 'The container has no PIDs limit',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'Process IDs are a host-wide resource: every process and thread in every container takes one from the same kernel table (`kernel.pid_max`, and `kernel.threads-max`). ' +
      'A fork bomb such as `:(){ :|:& };:`, or a program that leaks threads, can fill that table from inside one container, after which nothing on the host can start a process: not other containers, not a login shell to repair it. ' +
      'The cgroup PIDs controller (`pids.max`, see cgroups(7)) stops this by failing `fork()` and `clone()` inside the container once it holds the limit, which Docker sets from `pids_limit` / `--pids-limit`. Memory and CPU limits do not help here, because processes are cheap in both. ' +
      'The rule accepts `pids_limit` or `deploy.resources.limits.pids` in Compose and `--pids-limit` on `docker run`. Docker reads `0` and `-1` as "no limit"; those values are reported on the value. Values from variables are not reported.',
    remediation:
      'Set a limit well above what the service normally uses (count with `docker stats` or `ps -eLf | wc -l` inside the container): `pids_limit: 100` in Compose, `--pids-limit 100` on the command line. ' +
      'The quick fix adds a PIDs limit with a placeholder value to adjust.',
    zh: {
      title: '容器没有 PIDs 限制',
      explanation:
        '进程 ID 是整个宿主机共享的资源：每个容器中的每个进程和线程都要从同一张内核表中占用一个（`kernel.pid_max`，以及 `kernel.threads-max`）。' +
        '像 `:(){ :|:& };:` 这样的 fork 炸弹，或者一个泄漏线程的程序，可以从一个容器内部填满这张表，之后宿主机上就再也无法启动任何进程：其他容器不行，用来修复问题的登录 shell 也不行。' +
        'cgroup 的 PIDs 控制器（`pids.max`，见 cgroups(7)）可以阻止这种情况：一旦容器中的进程数达到限制，容器内的 `fork()` 和 `clone()` 就会失败；Docker 根据 `pids_limit` / `--pids-limit` 设置这个限制。内存和 CPU 限制在这里帮不上忙，因为进程在这两方面的开销都很小。' +
        '这条规则接受 Compose 中的 `pids_limit` 或 `deploy.resources.limits.pids`，以及 `docker run` 的 `--pids-limit`。Docker 把 `0` 和 `-1` 理解为“不限制”，这些值会在该值处报告。来自变量的值不会被报告。',
      remediation:
        '设置一个远高于服务平时用量的限制（用 `docker stats` 或在容器内用 `ps -eLf | wc -l` 统计）：Compose 中用 `pids_limit: 100`，命令行上用 `--pids-limit 100`。' +
        '快速修复会添加一个 PIDs 限制，其值是需要你调整的占位值。',
    },
    references: [
      {
        title: 'docker container run reference: --pids-limit',
        url: 'https://docs.docker.com/reference/cli/docker/container/run/',
      },
      { title: 'Compose file reference: pids_limit', url: 'https://docs.docker.com/reference/compose-file/services/#pids_limit' },
      {
        title: 'Linux kernel docs: process number controller',
        url: 'https://docs.kernel.org/admin-guide/cgroup-v1/pids.html',
      },
      { title: 'cgroups(7): control groups', url: 'https://man7.org/linux/man-pages/man7/cgroups.7.html' },
      {
        title: 'CIS Docker Benchmark v1.6.0 5.29: Ensure that the PIDs cgroup limit is used',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Pids Limit Not Set'],
      cis: ['5.29 (v1.6.0; 5.28 in v1.2.0)'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: python:3.12-slim\n    mem_limit: 256m\n    cpus: 0.5\n',
        fixed: 'services:\n  app:\n    image: python:3.12-slim\n    mem_limit: 256m\n    cpus: 0.5\n    pids_limit: 100\n',
      },
      { kind: 'compose', bad: 'version: "2.2"\nservices:\n  app:\n    image: python:3.12-slim\n    pids_limit: -1\n' },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run --rm -it --memory 256m python:3.12-slim\n',
        fixed: '#!/bin/sh\ndocker run --rm -it --memory 256m --pids-limit 100 python:3.12-slim\n',
      },
      { kind: 'markdown', bad: '```console\n$ docker run --pids-limit 0 python:3.12-slim\n```\n' },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  app:\n    image: python:3.12-slim\n    pids_limit: 100\n' },
      {
        kind: 'compose',
        text: 'services:\n  app:\n    image: python:3.12-slim\n    deploy:\n      resources:\n        limits:\n          pids: 100\n',
      },
      { kind: 'compose', text: 'services:\n  app:\n    image: python:3.12-slim\n    pids_limit: ${APP_PIDS}\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --rm --pids-limit=200 python:3.12-slim\n' },
    ],
  },
  (spec): Hit[] => {
    const pids = spec.resources.pidsLimit;
    const state = limitState(pids);
    if (state === 'unknown' || state === 'limited') return [];
    if (state === 'unlimited' && pids) {
      return [
        {
          range: at(spec, pids.origin),
          message: t(
            `${spec.label} sets its PIDs limit to ${pids.value}, which Docker reads as "no limit": a fork bomb inside it can use up the host's process table. Set a real limit such as 100.`,
            `${spec.label} 把 PIDs 限制设为 ${pids.value}，Docker 把它理解为“不限制”：其中的一个 fork 炸弹就能耗尽宿主机的进程表。请设置一个真正的限制，例如 100。`,
          ),
        },
      ];
    }
    if (spec.partial) return []; // part of the settings is not visible: absence proves nothing
    const key = settingName(spec, '`pids_limit`', '`--pids-limit`');
    const fix = spec.fixer?.addLimits?.(['pids']);
    return [
      {
        range: atAnchor(spec),
        message: t(
          `${spec.label} has no PIDs limit, so a fork bomb or thread leak inside it can fill the host's process table and stop every other container from starting processes; set ${key}.`,
          `${spec.label} 没有 PIDs 限制，其中的 fork 炸弹或线程泄漏可以填满宿主机的进程表，让其他所有容器都无法启动进程；请设置 ${key}。`,
        ),
        fixes: fix ? [fix] : [],
      },
    ];
  },
);
