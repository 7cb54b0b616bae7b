// CT2022 restart-policy-unbounded: the container is restarted forever, with no retry bound
// (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { at, settingName } from './util2';

/** How a restart policy value reads: unbounded (and why), or fine. */
export function restartBound(raw: string): { unbounded: false } | { unbounded: true; policy: string } {
  const v = raw
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (v === '' || v === 'no' || v === 'none' || v === 'false') return { unbounded: false };
  if (v === 'always' || v === 'unless-stopped' || v === 'any') return { unbounded: true, policy: v };
  const m = /^on-failure(?::\s*(-?\d+))?$/.exec(v);
  if (m) {
    const n = m[1] === undefined ? 0 : Number(m[1]);
    return n > 0 ? { unbounded: false } : { unbounded: true, policy: v };
  }
  return { unbounded: false };
}

export default runtimeRule(
  {
    id: 'CT2022',
    name: 'restart-policy-unbounded',
    title: 'The restart policy retries forever',
    defaultSeverity: 'info',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'A restart policy brings a container back after it exits. `always`, `unless-stopped` and `on-failure` without a count (Compose `deploy.restart_policy` with condition `any` or `on-failure` and no `max_attempts`) do so forever. ' +
      'A container that crashes on start, or one an attacker crashes on purpose with a bad input, then restarts without end (Docker waits longer between attempts, doubling the delay from 100 ms, but never gives up): each start costs the host CPU, disk and log space, repeats whatever the entry point does at start (migrations, downloads, licence calls), and gives an exploit that only works some of the time as many attempts as it needs. ' +
      'A retry bound such as `on-failure:5` keeps the benefit for transient failures and stops after a few tries, leaving the container stopped where monitoring sees it. ' +
      "Long-running services that must come back after a host reboot often use `unless-stopped` on purpose; that is why this is information. Docker's default (`no`) and a bounded `on-failure:N` are not reported, nor is a value from a variable.",
    remediation:
      'Use `restart: on-failure:5` in Compose or `--restart on-failure:5` on `docker run`; with `deploy.restart_policy`, set `max_attempts: 5` (and a `window`). ' +
      'Let monitoring or an orchestrator decide what happens after the retries run out, rather than restarting forever.',
    zh: {
      title: '重启策略会无限重试',
      explanation:
        '重启策略会在容器退出后把它重新拉起。`always`、`unless-stopped` 以及不带次数的 `on-failure`（Compose 中 condition 为 `any` 或 `on-failure`、又没有 `max_attempts` 的 `deploy.restart_policy`）会永远这样做。' +
        '于是，启动时就崩溃的容器，或者被攻击者用恶意输入故意弄崩溃的容器，会无休止地重启（Docker 会拉长每次尝试之间的间隔，从 100 毫秒起每次翻倍，但从不放弃）：每次启动都要消耗宿主机的 CPU、磁盘和日志空间，重复入口程序在启动时所做的一切（数据迁移、下载、许可证调用），还让只是偶尔才能成功的漏洞利用要多少次尝试就有多少次。' +
        '`on-failure:5` 这样的重试上限保留了应对临时故障的好处，并在尝试几次后停止，让容器停在那里，被监控看到。' +
        '必须在宿主机重启后恢复的长期运行服务常常有意使用 `unless-stopped`，所以这里报告为信息。Docker 的默认值（`no`）和有上限的 `on-failure:N` 不会被报告，来自变量的值也不会。',
      remediation:
        'Compose 中使用 `restart: on-failure:5`，`docker run` 使用 `--restart on-failure:5`；使用 `deploy.restart_policy` 时，设置 `max_attempts: 5`（以及一个 `window`）。' +
        '重试用完之后怎么办，交给监控或编排系统决定，而不是永远重启下去。',
    },
    references: [
      {
        title: 'Docker docs: start containers automatically (restart policies)',
        url: 'https://docs.docker.com/engine/containers/start-containers-automatically/',
      },
      { title: 'Compose file reference: restart', url: 'https://docs.docker.com/reference/compose-file/services/#restart' },
      {
        title: 'Compose deploy specification: restart_policy',
        url: 'https://docs.docker.com/reference/compose-file/deploy/#restart_policy',
      },
      {
        title: "CIS Docker Benchmark v1.6.0 5.15: Ensure that the 'on-failure' container restart policy is set to '5'",
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Restart Policy On Failure Not Set To 5'],
      cis: ['5.15 (v1.6.0; 5.14 in v1.2.0)'],
    },
    bad: [
      { kind: 'compose', bad: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n' },
      { kind: 'compose', bad: 'services:\n  worker:\n    image: python:3.12-slim\n    restart: on-failure\n' },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run -d --restart unless-stopped nginx:1.27\n' },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  worker:\n    image: python:3.12-slim\n    restart: on-failure:5\n' },
      { kind: 'compose', text: 'services:\n  worker:\n    image: python:3.12-slim\n    restart: "no"\n' },
      { kind: 'compose', text: 'services:\n  worker:\n    image: python:3.12-slim\n    restart: ${RESTART_POLICY}\n' },
      // KICS wants exactly 5; any bound is fine here.
      { kind: 'compose', text: 'services:\n  worker:\n    image: python:3.12-slim\n    restart: on-failure:3\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d --restart=on-failure:5 nginx:1.27\n' },
    ],
  },
  (spec): Hit[] => {
    const r = spec.restart;
    if (!r || r.unknown) return [];
    const b = restartBound(r.value);
    if (!b.unbounded) return [];
    const key = settingName(spec, 'restart: on-failure:5', '--restart on-failure:5');
    const what = b.policy.startsWith('on-failure')
      ? t('is restarted after every failure with no retry count', '每次失败后都会重启，没有重试次数上限')
      : b.policy === 'unless-stopped'
        ? t(
            'is restarted every time it exits unless someone stopped it (unless-stopped)',
            '每次退出都会重启，除非有人停止了它（unless-stopped）',
          )
        : t('is restarted every time it exits (always)', '每次退出都会重启（always）');
    return [
      {
        range: at(spec, r.origin),
        message: t(
          `${spec.label} ${what.en}, so a container that keeps crashing, or is crashed on purpose, comes back forever; bound the retries with ${key}.`,
          `${spec.label} ${what['zh-CN']}，因此不断崩溃或被故意弄崩溃的容器会永远重新启动；请用 ${key} 限制重试次数。`,
        ),
      },
    ];
  },
);
