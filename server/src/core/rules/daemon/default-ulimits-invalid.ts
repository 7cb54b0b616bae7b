// CT4015 daemon-default-ulimits-invalid: a default ulimit that dockerd accepts at start-up but
// that breaks or silently changes every container (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t } from '../../types';
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
    zh: {
      title: '某个默认 ulimit 格式错误',
      explanation:
        '`default-ulimits` 为每个容器设置资源限制，例如打开文件数（`nofile`）或进程数（`nproc`）。每一项都是一个包含 `Name`、`Soft` 和 `Hard` 的对象，而 dockerd 在启动时对这些都不做检查：错误要到后来才会显现，那时每个新容器都无法启动。' +
        '缺少 `Name` 会让运行时收到一个没有名字的限制（"wrong rlimit value: RLIMIT_: unknown"）；未知的名字也会以同样的方式失败；`Soft` 的值大于 `Hard` 会被内核拒绝；而 `Name` 与键不一致时，实际生效的限制与键名所暗示的不同。' +
        '是否要设置默认 ulimit 取决于你对自己工作负载的判断（CIS 基准中对应的是一项人工检查），所以 Containment 不会要求你设置；它只检查你写下的那些。',
      remediation:
        '把每一项写成 `"nofile": { "Name": "nofile", "Soft": 1024, "Hard": 2048 }` 的形式：两处写同一个名字，使用已知的资源名，并且 Soft 不大于 Hard。',
    },
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
          message: t(
            `The default ulimit "${limit.key}" has no "Name": every new container fails to start ("wrong rlimit value: RLIMIT_: unknown").`,
            `默认 ulimit "${limit.key}" 没有 "Name"：每个新容器都会无法启动（"wrong rlimit value: RLIMIT_: unknown"）。`,
          ),
          fixes: ULIMIT_NAMES.includes(limit.key)
            ? [
                {
                  title: t(`Add "Name": "${limit.key}"`, `添加 "Name": "${limit.key}"`),
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
            message: t(
              `"${n}" is not a ulimit: every new container fails to start. Known names: ${ULIMIT_NAMES.join(', ')}.`,
              `"${n}" 不是 ulimit 的名字：每个新容器都会无法启动。已知的名字有：${ULIMIT_NAMES.join('、')}。`,
            ),
          });
        } else if (n !== limit.key) {
          hits.push({
            range: name.range,
            severity: 'warning',
            message: t(
              `The entry "${limit.key}" sets the "${n}" limit: dockerd applies the Name, not the key.`,
              `条目 "${limit.key}" 设置的是 "${n}" 限制：dockerd 采用的是 Name，而不是键名。`,
            ),
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
            message: t(
              `"Soft" (${soft.raw}) is above "Hard" (${hard.raw}) for "${limit.key}": the kernel refuses it and every new container fails to start.`,
              `"${limit.key}" 的 "Soft"（${soft.raw}）大于 "Hard"（${hard.raw}）：内核会拒绝它，每个新容器都会无法启动。`,
            ),
          });
        }
      }
    }
    return hits;
  },
);
