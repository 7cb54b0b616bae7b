// CT2025 logging-disabled: the container's output is thrown away (`logging.driver: none`,
// `--log-driver none`) (pure core layer).

import { runtimeRule, type Hit } from '../rule';
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
        message: `${spec.label} turns its logs off with ${key}, so nothing it prints is kept: an attack or a crash in it leaves no trace to investigate. Use the default driver or a bounded one such as local.`,
      },
    ];
  },
);
