// CT4011 daemon-log-level: the daemon logs at another level than info (pure core layer).

import { daemonRule, type Hit } from '../rule';
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
        message: '"debug": true makes the daemon log at debug level: large volumes, possibly sensitive request details.',
        fixes: [{ title: 'Set "debug": false (only the log level changes)', edits: model.edit.set('debug', false), safe: true }],
      });
    }
    const level = stringValue(model, 'log-level');
    const e = entry(model, 'log-level');
    if (e && level && level.toLowerCase() !== 'info') {
      const verbose = VERBOSE.has(level.toLowerCase());
      hits.push({
        range: e.valueRange,
        message: verbose
          ? `The daemon logs at "${level}": large volumes, possibly sensitive request details. Use "info" outside troubleshooting.`
          : `The daemon logs at "${level}": the routine events an investigation needs are not recorded. Use "info".`,
        fixes: [{ title: 'Set "log-level": "info" (only the log level changes)', edits: model.edit.set('log-level', 'info'), safe: true }],
      });
    }
    return hits;
  },
);
