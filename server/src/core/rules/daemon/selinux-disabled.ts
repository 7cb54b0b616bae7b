// CT4014 daemon-selinux-disabled: SELinux labelling of containers is explicitly off (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { entry, isBool } from './daemonUtil';

export const SELINUX_SIDE_EFFECT =
  'on SELinux hosts containers get SELinux labels, and bind mounts may need :z or :Z to stay readable; on hosts without SELinux it does nothing';

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
        message:
          'SELinux support is turned off: on an SELinux host, containers run without their own SELinux labels. (On hosts without SELinux this changes nothing.)',
        fixes: [
          { title: `Set "selinux-enabled": true (side effect: ${SELINUX_SIDE_EFFECT})`, edits: model.edit.set('selinux-enabled', true) },
        ],
      },
    ];
  },
);
