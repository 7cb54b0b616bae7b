// CT4011 daemon-log-level: the daemon logs at another level than info (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t } from '../../types';
import { CIS_URL, DOCKER_BENCH, entry, isBool, stringValue } from './daemonUtil';

const VERBOSE = new Set(['debug', 'trace']);

export default daemonRule(
  {
    id: 'CT4011',
    name: 'daemon-log-level',
    title: "The daemon's log level is not info",
    defaultSeverity: 'info',
    appliesTo: ['daemon'],
    explanation:
      "The daemon's own log is where you find out what happened: which containers started, what failed, who pulled what. At `info`, the default, it records those events without flooding the journal. " +
      '`debug` (also turned on by `"debug": true`) and `trace` write large volumes, including request details that may be sensitive, and are meant for a troubleshooting session. `warn`, `error`, `fatal` and `panic` drop the routine events an investigation needs.',
    remediation:
      'Remove `log-level` or set it to `"info"`, and turn `debug` off once the troubleshooting is done. Changing the log level changes nothing else.',
    zh: {
      title: '守护进程的日志级别不是 info',
      explanation:
        '守护进程自己的日志是你了解发生了什么的地方：哪些容器启动了，什么出了错，谁拉取了什么。在默认的 `info` 级别下，它会记录这些事件，又不至于淹没系统日志。' +
        '`debug`（`"debug": true` 也会开启它）和 `trace` 会写入大量内容，其中包括可能敏感的请求细节，它们是为排查问题准备的。`warn`、`error`、`fatal` 和 `panic` 则会丢掉调查所需的常规事件。',
      remediation: '删除 `log-level` 或把它设为 `"info"`，排查结束后关闭 `debug`。修改日志级别不会改变其他任何东西。',
    },
    references: [
      { title: 'Configure the daemon log level', url: 'https://docs.docker.com/engine/daemon/logs/' },
      { title: "CIS Docker Benchmark v1.6.0 2.3: Ensure the logging level is set to 'info'", url: CIS_URL },
      DOCKER_BENCH,
    ],
    peers: { cis: ['2.3 (v1.6.0; 2.2 in v1.2.0)'] },
    bad: [
      { bad: '{\n  "log-level": "debug"\n}\n', fixed: '{\n  "log-level": "info"\n}\n' },
      { bad: '{\n  "log-level": "error"\n}\n', fixed: '{\n  "log-level": "info"\n}\n' },
      { bad: '{\n  "debug": true\n}\n', fixed: '{\n  "debug": false\n}\n' },
    ],
    good: ['{\n  "log-level": "info"\n}\n', '{\n  "log-level": ""\n}\n', '{\n  "log-level": "INFO",\n  "debug": false\n}\n'],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    const debug = entry(model, 'debug');
    if (debug && isBool(model, 'debug', true)) {
      hits.push({
        range: debug.valueRange,
        message: t(
          '"debug": true makes the daemon log at debug level: large volumes, possibly sensitive request details.',
          '"debug": true 让守护进程以 debug 级别记录日志：数据量大，还可能包含敏感的请求细节。',
        ),
        fixes: [
          {
            title: t('Set "debug": false (only the log level changes)', '设置 "debug": false（只改变日志级别）'),
            edits: model.edit.set('debug', false),
            safe: true,
          },
        ],
      });
    }
    const level = stringValue(model, 'log-level');
    const e = entry(model, 'log-level');
    if (e && level && level.toLowerCase() !== 'info') {
      const verbose = VERBOSE.has(level.toLowerCase());
      hits.push({
        range: e.valueRange,
        message: verbose
          ? t(
              `The daemon logs at "${level}": large volumes, possibly sensitive request details. Use "info" outside troubleshooting.`,
              `守护进程以 "${level}" 级别记录日志：数据量大，还可能包含敏感的请求细节。排查问题以外请使用 "info"。`,
            )
          : t(
              `The daemon logs at "${level}": the routine events an investigation needs are not recorded. Use "info".`,
              `守护进程以 "${level}" 级别记录日志：调查所需的常规事件不会被记录下来。请使用 "info"。`,
            ),
        fixes: [
          {
            title: t('Set "log-level": "info" (only the log level changes)', '设置 "log-level": "info"（只改变日志级别）'),
            edits: model.edit.set('log-level', 'info'),
            safe: true,
          },
        ],
      });
    }
    return hits;
  },
);
