// CT4001 daemon-unknown-key: a key dockerd does not know (it refuses to start), one it accepts but
// ignores, one that was removed, or one on its way out (pure core layer).

import { daemonRule, type Hit } from '../rule';
import type { JsonProp } from '../../model/daemon';
import {
  closestKey,
  DAEMON_KEY_INFO,
  DAEMON_KEYS,
  FLAT_KEYS,
  IGNORED_KEYS,
  isAcceptedKey,
  PROXY_KEYS,
  REMOVED_KEYS,
} from '../../knowledge/daemonKeys';
import { DOCKERD_REFERENCE } from './daemonUtil';

const REFUSAL = 'dockerd refuses to start ("the following directives don\'t match any configuration option")';

function renameFix(p: JsonProp, to: string) {
  return { title: `Rename "${p.key}" to "${to}"`, edits: [{ range: p.keyRange, newText: JSON.stringify(to) }] };
}

/** Members of an object that dockerd checks as if they were top-level keys (see FLAT_KEYS). */
function checkMembers(parent: JsonProp, hits: Hit[]): void {
  const isProxies = parent.key === 'proxies';
  for (const m of parent.value?.props ?? []) {
    if (isProxies && PROXY_KEYS.includes(m.key)) continue;
    if (isAcceptedKey(m.key)) {
      hits.push({
        range: m.keyRange,
        severity: 'warning',
        message: `"${m.key}" inside "${parent.key}" passes dockerd's check but sets nothing there${isProxies ? `: "proxies" takes ${PROXY_KEYS.map((k) => `"${k}"`).join(', ')}` : ''}.`,
      });
      continue;
    }
    const guess = closestKey(m.key, isProxies ? PROXY_KEYS : DAEMON_KEYS.map((i) => i.key));
    hits.push({
      range: m.keyRange,
      message: `Unknown key "${m.key}" inside "${parent.key}" (dockerd checks the keys of this object as top-level keys): ${REFUSAL}.${guess ? ` Did you mean "${guess}"?` : ''}`,
      fixes: guess ? [{ title: `Rename "${m.key}" to "${guess}"`, edits: [{ range: m.keyRange, newText: JSON.stringify(guess) }] }] : [],
    });
  }
}

export default daemonRule(
  {
    id: 'CT4001',
    name: 'daemon-unknown-key',
    title: 'daemon.json has a key dockerd does not know',
    defaultSeverity: 'error',
    appliesTo: ['daemon'],
    explanation:
      'dockerd checks every key of daemon.json against the options it knows before it starts. One unknown key, even a typo such as `"log-lvel"` or a flag name written in the singular, and the daemon does not start at all: every container on the host stays down until someone reads the daemon log. ' +
      'The file mostly uses the flag names, except that repeatable flags take their plural (`--label` becomes `labels`, `--insecure-registry` becomes `insecure-registries`). A few flag names pass the check but do nothing in the file (the singular `label`, `config-file`), and some keys were removed in later Engine releases (`graph`, `cluster-store`), so a file that worked on an old engine stops one after an upgrade. ' +
      'When a value is an object, dockerd checks the keys inside it instead (only `log-opts`, `runtimes`, `default-ulimits`, `features`, `builder` and a few others are taken as they are). The check is case-sensitive.',
    remediation:
      'Fix the spelling (the quick fix offers the closest known key), use the plural for repeatable flags, move proxy settings into `"proxies"`, and delete removed keys. `dockerd --validate --config-file /etc/docker/daemon.json` (Engine 23.0 and later) runs the same check without starting the daemon.',
    references: [
      DOCKERD_REFERENCE,
      { title: 'Docker daemon configuration overview', url: 'https://docs.docker.com/engine/daemon/' },
      {
        title: 'moby: daemon/config/config.go (findConfigurationConflicts)',
        url: 'https://github.com/moby/moby/blob/master/daemon/config/config.go',
      },
    ],
    peers: {},
    bad: [
      { bad: '{\n  "log-lvel": "info"\n}\n', fixed: '{\n  "log-level": "info"\n}\n' },
      { bad: '{\n  "label": ["env=prod"]\n}\n', fixed: '{\n  "labels": ["env=prod"]\n}\n' },
      { bad: '{\n  "graph": "/srv/docker"\n}\n', fixed: '{\n  "data-root": "/srv/docker"\n}\n' },
      {
        bad: '{\n  "proxies": {\n    "http_proxy": "http://proxy:3128"\n  }\n}\n',
        fixed: '{\n  "proxies": {\n    "http-proxy": "http://proxy:3128"\n  }\n}\n',
      },
      { bad: '{\n  "Debug": true\n}\n', fixed: '{\n  "debug": true\n}\n' },
      {
        bad: '{\n  "containerd-plugin-namespace": "docker-plugins"\n}\n',
        fixed: '{\n  "containerd-plugins-namespace": "docker-plugins"\n}\n',
      },
    ],
    good: [
      '{\n  "log-level": "info",\n  "labels": ["env=prod"],\n  "live-restore": true\n}\n',
      '{\n  "proxies": {\n    "http-proxy": "http://proxy:3128",\n    "no-proxy": "localhost"\n  }\n}\n',
      // Flat objects: their keys are the driver's, not dockerd's.
      '{\n  "log-opts": { "max-size": "10m" },\n  "features": { "containerd-snapshotter": true },\n  "default-ulimits": { "nofile": { "Name": "nofile", "Soft": 1024, "Hard": 2048 } }\n}\n',
      '{}\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    for (const p of model.props) {
      const info = DAEMON_KEY_INFO.get(p.key);
      if (info) {
        if (info.deprecated) hits.push({ range: p.keyRange, severity: 'warning', message: `"${p.key}" is deprecated: ${info.deprecated}` });
        if (p.key === 'proxies' && p.value?.type === 'object') checkMembers(p, hits);
        continue;
      }
      const ignored = IGNORED_KEYS.get(p.key);
      if (ignored) {
        hits.push({
          range: p.keyRange,
          severity: 'warning',
          message: `dockerd accepts "${p.key}" (it is a flag name) but ignores it in daemon.json: ${ignored.reason}.`,
          fixes: ignored.instead ? [renameFix(p, ignored.instead)] : [],
        });
        continue;
      }
      if (isAcceptedKey(p.key)) continue;
      const removed = REMOVED_KEYS.get(p.key);
      if (removed) {
        const target = /use "([a-z-]+)"|spelling is "([a-z-]+)"/.exec(removed.instead);
        const to = target?.[1] ?? target?.[2];
        // Keys removed within the Engine range we cover (20.10 to 28) still work on older engines.
        const inRange = /^2[3-9]\./.test(removed.removed);
        const message =
          removed.removed === 'every release'
            ? `"${p.key}" is not a daemon.json key (dockerd has never accepted this spelling): ${REFUSAL}; ${removed.instead}.`
            : inRange
              ? `"${p.key}" was removed in Engine ${removed.removed}: that release and later ones refuse to start with it; ${removed.instead}.`
              : `"${p.key}" was removed in Engine ${removed.removed}: ${REFUSAL}; ${removed.instead}.`;
        hits.push({
          range: p.keyRange,
          severity: inRange ? 'warning' : undefined,
          message,
          fixes: to ? [renameFix(p, to)] : [{ title: `Remove "${p.key}"`, edits: model.edit.remove(p.key) }],
        });
        continue;
      }
      if (p.value?.type === 'object' && !FLAT_KEYS.has(p.key)) {
        // dockerd flattens the object: it checks the members and never looks at this key itself.
        hits.push({
          range: p.keyRange,
          severity: 'warning',
          message: `"${p.key}" is not a dockerd option; because its value is an object, dockerd checks the keys inside it instead and then ignores it.`,
        });
        checkMembers(p, hits);
        continue;
      }
      const guess = closestKey(p.key);
      hits.push({
        range: p.keyRange,
        message: `Unknown key "${p.key}": ${REFUSAL}.${guess ? ` Did you mean "${guess}"?` : ''}`,
        fixes: guess ? [renameFix(p, guess)] : [],
      });
    }
    return hits;
  },
);
