// CT4017 daemon-log-driver: container logs are turned off, or kept without a size limit
// (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t } from '../../types';
import { absent, CIS_URL, entry, stringValue } from './daemonUtil';

export const LOG_ROTATION_SIDE_EFFECT = 'applies to containers created afterwards; older log lines beyond 3 files of 10 MB are deleted';
export const LOG_ROTATION_SIDE_EFFECT_ZH = '对之后创建的容器生效；超出 3 个 10 MB 文件的旧日志行会被删除';

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
    zh: {
      title: '容器日志被关闭，或者无限制地增长',
      explanation:
        '默认的日志驱动 `json-file` 会永远保留容器打印的所有内容：除非 `log-opts` 另有设置，否则 Docker 不会轮转这些文件。一个输出很多或者怀有恶意的容器可以写满宿主机的磁盘，这会让其他所有容器停止运行，往往连宿主机本身也会停摆，因此无限制的日志是绕过你在别处设置的资源隔离的一条路。' +
        '`local` 驱动默认会轮转日志，远程驱动（`syslog`、`journald`、`fluentd`、`gelf`、`awslogs` 等）则把日志发送到别处。`"log-driver": "none"` 是相反的错误：完全没有容器日志，出事之后便无从调查。' +
        '日志发往何处由你决定（CIS 基准要求集中式的远程日志）；这条规则只检查日志是否存在、是否有上限。',
      remediation:
        '对 `json-file` 设置 `"log-opts": { "max-size": "10m", "max-file": "3" }`，或者使用 `"log-driver": "local"`，或者使用远程驱动。保持容器日志开启（`none` 只用于在别处记录日志的容器，并且按容器单独设置）。',
    },
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
          message: t(
            'Container logs are turned off ("log-driver": "none"): nothing is left to investigate after an incident.',
            '容器日志被关闭（"log-driver": "none"）：出事之后没有任何记录可供调查。',
          ),
        },
      ];
    }
    const jsonFile = driver === 'json-file' || (driver === undefined && absent(model, 'log-driver')) || driver === '';
    if (!jsonFile) return [];
    const opts = entry(model, 'log-opts');
    if (opts && opts.json.type !== 'object' && opts.type !== 'null') return [];
    const hasMaxSize = opts?.json.props?.some((p) => p.key === 'max-size');
    if (hasMaxSize || (model.partial && !opts)) return [];
    const title = t(
      `Limit json-file logs to 3 files of 10 MB (side effect: ${LOG_ROTATION_SIDE_EFFECT})`,
      `将 json-file 日志限制为 3 个 10 MB 的文件（副作用：${LOG_ROTATION_SIDE_EFFECT_ZH}）`,
    );
    const edits =
      opts?.json.type === 'object'
        ? model.edit.setPath(['log-opts', 'max-size'], '10m')
        : model.edit.set('log-opts', { 'max-size': '10m', 'max-file': '3' });
    return [
      {
        range: driverEntry?.valueRange ?? opts?.keyRange ?? model.anchor,
        message: t(
          'Container logs use json-file without "max-size": they grow until the disk is full, and a full disk stops every container on the host.',
          '容器日志使用 json-file 且没有设置 "max-size"：日志会一直增长到磁盘写满，而磁盘写满会让宿主机上的所有容器停止运行。',
        ),
        fixes: [
          {
            title:
              opts?.json.type === 'object'
                ? t(
                    'Add "max-size": "10m" to "log-opts" (side effect: applies to containers created afterwards; older log lines beyond the limit are deleted)',
                    '在 "log-opts" 中添加 "max-size": "10m"（副作用：对之后创建的容器生效；超出限制的旧日志行会被删除）',
                  )
                : title,
            edits,
          },
        ],
      },
    ];
  },
);
