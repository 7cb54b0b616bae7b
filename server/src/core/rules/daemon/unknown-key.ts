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
import { t } from '../../types';
import { DOCKERD_REFERENCE } from './daemonUtil';

const REFUSAL = 'dockerd refuses to start ("the following directives don\'t match any configuration option")';
/** dockerd's own words stay in English: they are what the daemon log shows. */
const REFUSAL_ZH = 'dockerd 会拒绝启动（"the following directives don\'t match any configuration option"）';

function renameTitle(from: string, to: string) {
  return t(`Rename "${from}" to "${to}"`, `将 "${from}" 重命名为 "${to}"`);
}

function renameFix(p: JsonProp, to: string) {
  return { title: renameTitle(p.key, to), edits: [{ range: p.keyRange, newText: JSON.stringify(to) }] };
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
        message: t(
          `"${m.key}" inside "${parent.key}" passes dockerd's check but sets nothing there${isProxies ? `: "proxies" takes ${PROXY_KEYS.map((k) => `"${k}"`).join(', ')}` : ''}.`,
          `"${m.key}" 位于 "${parent.key}" 内部时能通过 dockerd 的检查，但在那里不会设置任何东西${isProxies ? `："proxies" 接受的是 ${PROXY_KEYS.map((k) => `"${k}"`).join('、')}` : ''}。`,
        ),
      });
      continue;
    }
    const guess = closestKey(m.key, isProxies ? PROXY_KEYS : DAEMON_KEYS.map((i) => i.key));
    hits.push({
      range: m.keyRange,
      message: t(
        `Unknown key "${m.key}" inside "${parent.key}" (dockerd checks the keys of this object as top-level keys): ${REFUSAL}.${guess ? ` Did you mean "${guess}"?` : ''}`,
        `"${parent.key}" 中有未知的键 "${m.key}"（dockerd 把这个对象的键当作顶层键来检查）：${REFUSAL_ZH}。${guess ? `你是想写 "${guess}" 吗？` : ''}`,
      ),
      // Not renamed to a key the object already has: it would be there twice.
      fixes:
        guess && !parent.value?.props?.some((o) => o.key === guess)
          ? [{ title: renameTitle(m.key, guess), edits: [{ range: m.keyRange, newText: JSON.stringify(guess) }] }]
          : [],
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
    zh: {
      title: 'daemon.json 中有 dockerd 不认识的键',
      explanation:
        'dockerd 在启动之前会把 daemon.json 的每个键与它认识的选项逐一核对。只要有一个未知的键，哪怕只是 `"log-lvel"` 这样的拼写错误，或是把命令行参数名写成了单数，守护进程就完全无法启动：在有人去查看守护进程日志之前，宿主机上的所有容器都无法运行。' +
        '这个文件基本沿用命令行参数的名字，但可重复的参数要用复数形式（`--label` 变成 `labels`，`--insecure-registry` 变成 `insecure-registries`）。有少数参数名能通过检查，但写在文件中不起任何作用（单数的 `label`、`config-file`）；还有一些键在后来的 Engine 版本中被移除了（`graph`、`cluster-store`），因此在旧版引擎上正常工作的文件，升级之后会让引擎无法启动。' +
        '当某个值是对象时，dockerd 会改为检查对象内部的键（只有 `log-opts`、`runtimes`、`default-ulimits`、`features`、`builder` 等少数几个会被原样接受）。这项检查区分大小写。',
      remediation:
        '修正拼写（快速修复会给出最接近的已知键），可重复的参数使用复数形式，把代理设置移到 `"proxies"` 中，并删除已被移除的键。`dockerd --validate --config-file /etc/docker/daemon.json`（Engine 23.0 及更高版本）可以在不启动守护进程的情况下执行同样的检查。',
    },
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
    // A key the file already sets is not a rename target (dockerd would read the key twice): the
    // misspelt copy is removed instead.
    const present = new Set(model.props.map((p) => p.key));
    const renameOrRemove = (p: JsonProp, to: string) =>
      present.has(to) ? { title: t(`Remove "${p.key}"`, `删除 "${p.key}"`), edits: model.edit.remove(p.key) } : renameFix(p, to);
    for (const p of model.props) {
      const info = DAEMON_KEY_INFO.get(p.key);
      if (info) {
        if (info.deprecated)
          hits.push({
            range: p.keyRange,
            severity: 'warning',
            message: t(`"${p.key}" is deprecated: ${info.deprecated.en}`, `"${p.key}"：${info.deprecated['zh-CN']}`),
          });
        if (p.key === 'proxies' && p.value?.type === 'object') checkMembers(p, hits);
        continue;
      }
      const ignored = IGNORED_KEYS.get(p.key);
      if (ignored) {
        hits.push({
          range: p.keyRange,
          severity: 'warning',
          message: t(
            `dockerd accepts "${p.key}" (it is a flag name) but ignores it in daemon.json: ${ignored.reason.en}.`,
            `dockerd 接受 "${p.key}"（它是一个命令行参数名），但在 daemon.json 中会忽略它：${ignored.reason['zh-CN']}。`,
          ),
          fixes: ignored.instead ? [renameOrRemove(p, ignored.instead)] : [],
        });
        continue;
      }
      if (isAcceptedKey(p.key)) continue;
      const removed = REMOVED_KEYS.get(p.key);
      if (removed) {
        const target = /use "([a-z-]+)"|spelling is "([a-z-]+)"/.exec(removed.instead.en);
        const to = target?.[1] ?? target?.[2];
        // Keys removed within the Engine range we cover (20.10 to 28) still work on older engines.
        const inRange = /^2[3-9]\./.test(removed.removed);
        const instead = removed.instead;
        const message =
          removed.removed === 'every release'
            ? t(
                `"${p.key}" is not a daemon.json key (dockerd has never accepted this spelling): ${REFUSAL}; ${instead.en}.`,
                `"${p.key}" 不是 daemon.json 的键（dockerd 从未接受过这个拼写）：${REFUSAL_ZH}；${instead['zh-CN']}。`,
              )
            : inRange
              ? t(
                  `"${p.key}" was removed in Engine ${removed.removed}: that release and later ones refuse to start with it; ${instead.en}.`,
                  `"${p.key}" 已在 Engine ${removed.removed} 中移除：该版本及之后的版本遇到它会拒绝启动；${instead['zh-CN']}。`,
                )
              : t(
                  `"${p.key}" was removed in Engine ${removed.removed}: ${REFUSAL}; ${instead.en}.`,
                  `"${p.key}" 已在 Engine ${removed.removed} 中移除：${REFUSAL_ZH}；${instead['zh-CN']}。`,
                );
        hits.push({
          range: p.keyRange,
          severity: inRange ? 'warning' : undefined,
          message,
          fixes: to ? [renameOrRemove(p, to)] : [{ title: t(`Remove "${p.key}"`, `删除 "${p.key}"`), edits: model.edit.remove(p.key) }],
        });
        continue;
      }
      if (p.value?.type === 'object' && !FLAT_KEYS.has(p.key)) {
        // dockerd flattens the object: it checks the members and never looks at this key itself.
        hits.push({
          range: p.keyRange,
          severity: 'warning',
          message: t(
            `"${p.key}" is not a dockerd option; because its value is an object, dockerd checks the keys inside it instead and then ignores it.`,
            `"${p.key}" 不是 dockerd 的选项；由于它的值是一个对象，dockerd 会改为检查其中的键，然后忽略它本身。`,
          ),
        });
        checkMembers(p, hits);
        continue;
      }
      const guess = closestKey(p.key);
      hits.push({
        range: p.keyRange,
        message: t(
          `Unknown key "${p.key}": ${REFUSAL}.${guess ? ` Did you mean "${guess}"?` : ''}`,
          `未知的键 "${p.key}"：${REFUSAL_ZH}。${guess ? `你是想写 "${guess}" 吗？` : ''}`,
        ),
        fixes: guess ? [renameOrRemove(p, guess)] : [],
      });
    }
    return hits;
  },
);
