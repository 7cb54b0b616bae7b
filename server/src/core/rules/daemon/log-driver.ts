// CT4017 daemon-log-driver: container logs are turned off, or kept without a size limit
// (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { absent, CIS_URL, entry, stringValue } from './daemonUtil';

export const LOG_ROTATION_SIDE_EFFECT = 'applies to containers created afterwards; older log lines beyond 3 files of 10 MB are deleted';

export default daemonRule(
  {
    id: 'CT4017',
    name: 'daemon-log-driver',
    title: 'Container logs are off or grow without limit',
    defaultSeverity: 'info',
    appliesTo: ['daemon'],
    explanation:
      "The default logging driver, `json-file`, keeps everything a container prints, forever: Docker does not rotate these files unless `log-opts` says so. A noisy or hostile container can fill the host's disk, which stops every other container and often the host itself, so unbounded logs are a way out of the resource isolation you set elsewhere. " +
      'The `local` driver rotates by default, and remote drivers (`syslog`, `journald`, `fluentd`, `gelf`, `awslogs`, ...) send logs away. `"log-driver": "none"` is the opposite mistake: no container logs at all, so nothing is left to investigate after an incident. ' +
      'Where logs go is your choice (the CIS benchmark asks for centralised, remote logging); this rule only checks that they exist and are bounded.',
    remediation:
      'Set `"log-opts": { "max-size": "10m", "max-file": "3" }` for `json-file`, or use `"log-driver": "local"`, or a remote driver. Keep container logs on (`none` only for containers that log elsewhere, set per container).',
    references: [
      { title: 'Configure logging drivers', url: 'https://docs.docker.com/engine/logging/configure/' },
      { title: 'JSON File logging driver: log rotation options', url: 'https://docs.docker.com/engine/logging/drivers/json-file/' },
      { title: 'CIS Docker Benchmark v1.6.0 2.13: Ensure centralized and remote logging is configured (related)', url: CIS_URL },
    ],
    peers: {},
    bad: [
      {
        bad: '{\n  "icc": false\n}\n',
        fixed: '{\n  "icc": false,\n  "log-opts": {\n    "max-size": "10m",\n    "max-file": "3"\n  }\n}\n',
      },
      {
        bad: '{\n  "log-driver": "json-file",\n  "log-opts": {\n    "labels": "app"\n  }\n}\n',
        fixed: '{\n  "log-driver": "json-file",\n  "log-opts": {\n    "labels": "app",\n    "max-size": "10m"\n  }\n}\n',
      },
      { bad: '{\n  "log-driver": "none"\n}\n' },
    ],
    good: [
      '{\n  "log-opts": { "max-size": "10m", "max-file": "3" }\n}\n',
      '{\n  "log-driver": "local"\n}\n',
      '{\n  "log-driver": "journald"\n}\n',
    ],
  },
  (model): Hit[] => {
    const driverEntry = entry(model, 'log-driver');
    const driver = stringValue(model, 'log-driver');
    if (driver === 'none' && driverEntry) {
      return [
        {
          range: driverEntry.valueRange,
          severity: 'warning',
          message: 'Container logs are turned off ("log-driver": "none"): nothing is left to investigate after an incident.',
        },
      ];
    }
    const jsonFile = driver === 'json-file' || (driver === undefined && absent(model, 'log-driver')) || driver === '';
    if (!jsonFile) return [];
    const opts = entry(model, 'log-opts');
    if (opts && opts.json.type !== 'object' && opts.type !== 'null') return [];
    const hasMaxSize = opts?.json.props?.some((p) => p.key === 'max-size');
    if (hasMaxSize || (model.partial && !opts)) return [];
    const title = `Limit json-file logs to 3 files of 10 MB (side effect: ${LOG_ROTATION_SIDE_EFFECT})`;
    const edits =
      opts?.json.type === 'object'
        ? model.edit.setPath(['log-opts', 'max-size'], '10m')
        : model.edit.set('log-opts', { 'max-size': '10m', 'max-file': '3' });
    return [
      {
        range: driverEntry?.valueRange ?? opts?.keyRange ?? model.anchor,
        message:
          'Container logs use json-file without "max-size": they grow until the disk is full, and a full disk stops every container on the host.',
        fixes: [
          {
            title:
              opts?.json.type === 'object'
                ? 'Add "max-size": "10m" to "log-opts" (side effect: applies to containers created afterwards; older log lines beyond the limit are deleted)'
                : title,
            edits,
          },
        ],
      },
    ];
  },
);
