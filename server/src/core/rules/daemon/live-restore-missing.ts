// CT4006 daemon-live-restore-missing: stopping or upgrading dockerd stops every container
// (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t } from '../../types';
import { absent, CIS_URL, DOCKER_BENCH, entry, isBool } from './daemonUtil';

export const LIVE_RESTORE_SIDE_EFFECT = 'not compatible with Swarm mode: a node cannot init or join a swarm while it is on';
export const LIVE_RESTORE_SIDE_EFFECT_ZH = '与 Swarm 模式不兼容：开启期间，节点无法初始化或加入 swarm';

export default daemonRule(
  {
    id: 'CT4006',
    name: 'daemon-live-restore-missing',
    title: 'Containers stop whenever dockerd stops',
    defaultSeverity: 'info',
    appliesTo: ['daemon'],
    explanation:
      'By default, stopping dockerd (for an upgrade, a configuration change or a crash) stops every container. Administrators then delay security updates of the engine because restarting it means downtime. ' +
      'With `"live-restore": true`, containers keep running while the daemon is away, and the daemon reconnects to them when it comes back, so patching the engine no longer costs an outage. This is about availability more than isolation, which is why the finding is information. ' +
      `Side effect: ${LIVE_RESTORE_SIDE_EFFECT}. Live restore also covers only patch-level upgrades, not jumps between major releases.`,
    remediation:
      'Set `"live-restore": true` and reload the daemon (`systemctl reload docker` or SIGHUP: this key can be changed without a restart). Swarm nodes cannot use it; turn this rule off for them.',
    zh: {
      title: 'dockerd 一停止，容器就随之停止',
      explanation:
        '默认情况下，停止 dockerd（无论是为了升级、修改配置，还是因为崩溃）会停止所有容器。于是管理员会推迟引擎的安全更新，因为重启引擎就意味着停机。' +
        '设置 `"live-restore": true` 后，守护进程不在时容器继续运行，守护进程恢复后会重新连接这些容器，因此给引擎打补丁不再需要停机。这更多关乎可用性而非隔离，所以该发现只是提示信息。' +
        `副作用：${LIVE_RESTORE_SIDE_EFFECT_ZH}。实时恢复也只适用于补丁级别的升级，不适用于跨主版本的升级。`,
      remediation:
        '设置 `"live-restore": true` 并重新加载守护进程（`systemctl reload docker` 或发送 SIGHUP：修改这个键不需要重启）。Swarm 节点不能使用它，请为这些节点关闭这条规则。',
    },
    references: [
      { title: 'Live restore', url: 'https://docs.docker.com/engine/daemon/live-restore/' },
      { title: 'CIS Docker Benchmark v1.6.0 2.15: Ensure live restore is enabled', url: CIS_URL },
      DOCKER_BENCH,
    ],
    peers: { cis: ['2.15 (v1.6.0; 2.13 in v1.2.0)'] },
    bad: [
      { bad: '{\n  "icc": false\n}\n', fixed: '{\n  "icc": false,\n  "live-restore": true\n}\n' },
      { bad: '{\n  "live-restore": false\n}\n', fixed: '{\n  "live-restore": true\n}\n' },
    ],
    good: ['{\n  "live-restore": true\n}\n'],
  },
  (model): Hit[] => {
    const e = entry(model, 'live-restore');
    if (!isBool(model, 'live-restore', false) && !absent(model, 'live-restore')) return [];
    return [
      {
        range: e ? e.valueRange : model.anchor,
        message: e
          ? t(
              '"live-restore" is false: stopping or upgrading dockerd stops every container.',
              '"live-restore" 为 false：停止或升级 dockerd 会停止所有容器。',
            )
          : t(
              '"live-restore" is not set: stopping or upgrading dockerd stops every container.',
              '"live-restore" 没有设置：停止或升级 dockerd 会停止所有容器。',
            ),
        fixes: [
          {
            title: t(
              `Set "live-restore": true (side effect: ${LIVE_RESTORE_SIDE_EFFECT})`,
              `设置 "live-restore": true（副作用：${LIVE_RESTORE_SIDE_EFFECT_ZH}）`,
            ),
            edits: model.edit.set('live-restore', true),
          },
        ],
      },
    ];
  },
);
