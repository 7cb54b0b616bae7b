// CT4015 daemon-default-ulimits-invalid: a default ulimit that dockerd accepts at start-up but
// that breaks or silently changes every container (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { ULIMIT_NAMES } from '../../knowledge/daemonKeys';
import { entry } from './daemonUtil';

export default daemonRule(
  {
    id: 'CT4015',
    name: 'daemon-default-ulimits-invalid',
    title: 'A default ulimit is malformed',
    defaultSeverity: 'error',
    appliesTo: ['daemon'],
    explanation:
      '`default-ulimits` gives every container resource limits such as the number of open files (`nofile`) or processes (`nproc`). Each entry is an object with `Name`, `Soft` and `Hard`, and dockerd checks none of it when it starts: the mistakes show up later, when every new container fails to start. ' +
      'A missing `Name` gives the runtime a limit without a name ("wrong rlimit value: RLIMIT_: unknown"); an unknown name fails the same way; a `Soft` value above `Hard` is refused by the kernel; and a `Name` that differs from the key applies a different limit than the key suggests. ' +
      'Whether to set default ulimits at all is a judgement about your workloads (the CIS benchmark item is a manual one), so Containment does not ask for them; it checks the ones you write.',
    remediation:
      'Write each entry as `"nofile": { "Name": "nofile", "Soft": 1024, "Hard": 2048 }`: the same name twice, a known resource name, and Soft not above Hard.',
    references: [
      {
        title: 'dockerd reference: default ulimit settings',
        url: 'https://docs.docker.com/reference/cli/dockerd/#default-ulimit-settings',
      },
      { title: 'moby issue 40245: no ulimit validation in daemon.json', url: 'https://github.com/moby/moby/issues/40245' },
      { title: 'docker/for-linux issue 450: RLIMIT_: unknown', url: 'https://github.com/docker/for-linux/issues/450' },
    ],
    peers: {},
    bad: [
      {
        bad: '{\n  "default-ulimits": {\n    "nofile": {\n      "Soft": 1024,\n      "Hard": 2048\n    }\n  }\n}\n',
        fixed:
          '{\n  "default-ulimits": {\n    "nofile": {\n      "Soft": 1024,\n      "Hard": 2048,\n      "Name": "nofile"\n    }\n  }\n}\n',
      },
      { bad: '{\n  "default-ulimits": {\n    "nofile": { "Name": "nofile", "Soft": 4096, "Hard": 1024 }\n  }\n}\n' },
      { bad: '{\n  "default-ulimits": {\n    "openfiles": { "Name": "openfiles", "Soft": 1024, "Hard": 1024 }\n  }\n}\n' },
    ],
    good: [
      '{\n  "default-ulimits": {\n    "nofile": { "Name": "nofile", "Soft": 1024, "Hard": 2048 },\n    "nproc": { "Name": "nproc", "Soft": -1, "Hard": -1 }\n  }\n}\n',
      '{}\n',
    ],
  },
  (model): Hit[] => {
    const e = entry(model, 'default-ulimits');
    if (e?.json.type !== 'object') return [];
    const hits: Hit[] = [];
    for (const limit of e.json.props ?? []) {
      const v = limit.value;
      if (v?.type !== 'object') continue;
      const field = (n: string) => v.props?.find((p) => p.key === n)?.value;
      const name = field('Name');
      const soft = field('Soft');
      const hard = field('Hard');
      if (!name || name.type === 'null') {
        hits.push({
          range: limit.keyRange,
          message: `The default ulimit "${limit.key}" has no "Name": every new container fails to start ("wrong rlimit value: RLIMIT_: unknown").`,
          fixes: ULIMIT_NAMES.includes(limit.key)
            ? [
                {
                  title: `Add "Name": "${limit.key}"`,
                  edits: model.edit.setPath(['default-ulimits', limit.key, 'Name'], limit.key),
                  safe: true,
                },
              ]
            : [],
        });
      } else if (name.type === 'string') {
        const n = String(name.value);
        if (!ULIMIT_NAMES.includes(n)) {
          hits.push({
            range: name.range,
            message: `"${n}" is not a ulimit: every new container fails to start. Known names: ${ULIMIT_NAMES.join(', ')}.`,
          });
        } else if (n !== limit.key) {
          hits.push({
            range: name.range,
            severity: 'warning',
            message: `The entry "${limit.key}" sets the "${n}" limit: dockerd applies the Name, not the key.`,
          });
        }
      }
      if (soft?.type === 'number' && hard?.type === 'number') {
        const s = soft.value as number;
        const h = hard.value as number;
        // -1 means unlimited.
        if (h !== -1 && (s === -1 || s > h)) {
          hits.push({
            range: soft.range,
            message: `"Soft" (${soft.raw}) is above "Hard" (${hard.raw}) for "${limit.key}": the kernel refuses it and every new container fails to start.`,
          });
        }
      }
    }
    return hits;
  },
);
