// CT4014 daemon-selinux-disabled: SELinux labelling of containers is explicitly off (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t } from '../../types';
import { entry, isBool } from './daemonUtil';

export const SELINUX_SIDE_EFFECT =
  'on SELinux hosts containers get SELinux labels, and bind mounts may need :z or :Z to stay readable; on hosts without SELinux it does nothing';
export const SELINUX_SIDE_EFFECT_ZH =
  '在 SELinux 宿主机上，容器会获得 SELinux 标签，绑定挂载可能需要加上 :z 或 :Z 才能保持可读；在没有 SELinux 的宿主机上它不起任何作用';

export default daemonRule(
  {
    id: 'CT4014',
    name: 'daemon-selinux-disabled',
    title: 'SELinux support is explicitly turned off',
    defaultSeverity: 'info',
    appliesTo: ['daemon'],
    explanation:
      'On hosts that run SELinux (Fedora, RHEL, CentOS Stream, Rocky, Alma and their relatives), `"selinux-enabled": true` gives every container its own SELinux label, so a process that escapes the other layers still cannot touch files labelled for the host or for another container. ' +
      'Writing `"selinux-enabled": false` turns that layer off. The key means nothing on hosts without SELinux (Debian, Ubuntu and most others, where AppArmor plays this role), so this finding is only information: turn the rule off if your hosts do not use SELinux.',
    remediation:
      'On SELinux hosts, set `"selinux-enabled": true` and relabel bind mounts that containers must read (`-v /data:/data:Z` for one container, `:z` for several). Elsewhere, remove the key.',
    zh: {
      title: 'SELinux 支持被明确关闭',
      explanation:
        '在运行 SELinux 的宿主机上（Fedora、RHEL、CentOS Stream、Rocky、Alma 及其衍生发行版），`"selinux-enabled": true` 会给每个容器分配各自的 SELinux 标签，这样即使某个进程突破了其他隔离层，也仍然无法触碰标记为属于宿主机或其他容器的文件。' +
        '写上 `"selinux-enabled": false` 就关闭了这一层。在没有 SELinux 的宿主机上（Debian、Ubuntu 以及其他大多数发行版，在那里由 AppArmor 承担这一角色），这个键没有任何意义，所以该发现只是提示信息：如果你的宿主机不使用 SELinux，请关闭这条规则。',
      remediation:
        '在 SELinux 宿主机上，设置 `"selinux-enabled": true`，并为容器必须读取的绑定挂载重新打标签（单个容器用 `-v /data:/data:Z`，多个容器共享用 `:z`）。在其他宿主机上，删除这个键。',
    },
    references: [
      { title: 'dockerd reference: --selinux-enabled', url: 'https://docs.docker.com/reference/cli/dockerd/' },
      {
        title: 'Bind mounts: configure the SELinux label',
        url: 'https://docs.docker.com/engine/storage/bind-mounts/#configure-the-selinux-label',
      },
    ],
    peers: {},
    bad: [{ bad: '{\n  "selinux-enabled": false\n}\n', fixed: '{\n  "selinux-enabled": true\n}\n' }],
    good: ['{\n  "selinux-enabled": true\n}\n', '{}\n'],
  },
  (model): Hit[] => {
    const e = entry(model, 'selinux-enabled');
    if (!e || !isBool(model, 'selinux-enabled', false)) return [];
    return [
      {
        range: e.valueRange,
        message: t(
          'SELinux support is turned off: on an SELinux host, containers run without their own SELinux labels. (On hosts without SELinux this changes nothing.)',
          'SELinux 支持已关闭：在 SELinux 宿主机上，容器运行时没有各自的 SELinux 标签。（在没有 SELinux 的宿主机上，这不会改变任何东西。）',
        ),
        fixes: [
          {
            title: t(
              `Set "selinux-enabled": true (side effect: ${SELINUX_SIDE_EFFECT})`,
              `设置 "selinux-enabled": true（副作用：${SELINUX_SIDE_EFFECT_ZH}）`,
            ),
            edits: model.edit.set('selinux-enabled', true),
          },
        ],
      },
    ];
  },
);
