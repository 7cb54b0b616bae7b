// CT2025 logging-disabled: the container's output is thrown away (`logging.driver: none`,
// `--log-driver none`) (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { at, settingName } from './util2';

export default runtimeRule(
  {
    id: 'CT2025',
    name: 'logging-disabled',
    title: "The container's logs are turned off",
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      "Docker collects what a container writes to stdout and stderr through a logging driver (`json-file` unless the daemon is configured otherwise; `local`, journald, syslog, fluentd and others exist). With the `none` driver that output is discarded: `docker logs` shows nothing and nothing reaches the host's log collection. " +
      'Logs are how an intrusion is noticed and reconstructed afterwards: the exploit attempt in an access log, the unexpected command, the crash before a restart. A container without them is the one place an attacker leaves no trace, and an incident there cannot be investigated. ' +
      'If the concern is disk space, the `local` driver or `json-file` with `max-size`/`max-file` bound it without losing the logs. Values from variables are not reported.',
    remediation:
      'Remove `driver: none` (or `--log-driver none`) to get the daemon\'s default, or choose a driver that keeps logs within bounds: `logging: { driver: local, options: { max-size: "10m", max-file: "3" } }`, `--log-driver local --log-opt max-size=10m`. ' +
      'To keep logs off the host, ship them to a central collector (journald, syslog, fluentd, gelf) instead of dropping them.',
    zh: {
      title: '容器的日志被关闭',
      explanation:
        'Docker 通过日志驱动收集容器写到 stdout 和 stderr 的内容（除非守护进程另有配置，默认是 `json-file`；此外还有 `local`、journald、syslog、fluentd 等）。使用 `none` 驱动时，这些输出会被丢弃：`docker logs` 什么也不显示，也没有任何内容进入宿主机的日志收集。' +
        '日志是发现入侵、事后还原经过的依据：访问日志里的漏洞利用尝试、意料之外的命令、重启之前的崩溃。没有日志的容器是攻击者唯一不留痕迹的地方，那里发生的事件也无从调查。' +
        '如果担心的是磁盘空间，`local` 驱动或带 `max-size`/`max-file` 的 `json-file` 可以限制占用，又不会丢失日志。来自变量的值不会被报告。',
      remediation:
        '删除 `driver: none`（或 `--log-driver none`）以使用守护进程的默认驱动，或者选择一个能把日志控制在一定范围内的驱动：`logging: { driver: local, options: { max-size: "10m", max-file: "3" } }`，`--log-driver local --log-opt max-size=10m`。' +
        '如果不想把日志留在宿主机上，就把它们发送到集中的收集器（journald、syslog、fluentd、gelf），而不是丢弃它们。',
    },
    references: [
      { title: 'Docker docs: configure logging drivers', url: 'https://docs.docker.com/engine/logging/configure/' },
      { title: 'Compose file reference: logging', url: 'https://docs.docker.com/reference/compose-file/services/#logging' },
      { title: 'Docker docs: local file logging driver', url: 'https://docs.docker.com/engine/logging/drivers/local/' },
    ],
    peers: {
      composeLint: ['CL-0014'],
    },
    bad: [
      { kind: 'compose', bad: 'services:\n  app:\n    image: node:20-slim\n    logging:\n      driver: none\n' },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run -d --log-driver=none node:20-slim\n' },
    ],
    good: [
      {
        kind: 'compose',
        text: 'services:\n  app:\n    image: node:20-slim\n    logging:\n      driver: local\n      options:\n        max-size: "10m"\n',
      },
      { kind: 'compose', text: 'services:\n  app:\n    image: node:20-slim\n    logging:\n      driver: ${LOG_DRIVER}\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d --log-driver journald node:20-slim\n' },
    ],
  },
  (spec): Hit[] => {
    const d = spec.logDriver;
    if (!d || d.unknown || d.value.trim().toLowerCase() !== 'none') return [];
    const key = settingName(spec, '`logging.driver: none`', '`--log-driver none`');
    return [
      {
        range: at(spec, d.origin),
        message: t(
          `${spec.label} turns its logs off with ${key}, so nothing it prints is kept: an attack or a crash in it leaves no trace to investigate. Use the default driver or a bounded one such as local.`,
          `${spec.label} 用 ${key} 关闭了日志，它输出的任何内容都不会保留：其中发生的攻击或崩溃不会留下可供调查的痕迹。请使用默认驱动，或者 local 这类有容量上限的驱动。`,
        ),
      },
    ];
  },
);
