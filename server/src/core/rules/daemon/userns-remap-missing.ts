// CT4003 daemon-userns-remap-missing: containers share the host's user ids, so root in a container
// is root on the host (pure core layer).

import { daemonRule, type Hit } from '../rule';
import { t } from '../../types';
import { absent, CIS_URL, DOCKER_BENCH, entry, isBool, stringValue } from './daemonUtil';

/** The fix title and the docs say the same thing about what turning it on changes. */
export const USERNS_SIDE_EFFECT =
  'dockerd then keeps images, containers and volumes in a new, empty area owned by a remapped user id, so existing ones seem gone until the key is removed; bind-mounted host files show up owned by nobody, and --privileged or host namespaces need --userns=host';
export const USERNS_SIDE_EFFECT_ZH =
  'dockerd 随后会把镜像、容器和卷保存在一个新的空区域中，该区域归一个重映射后的用户 ID 所有，因此在删除这个键之前，原有的镜像、容器和卷看起来都不见了；绑定挂载的宿主机文件会显示为属于 nobody；--privileged 或使用宿主机命名空间的容器需要加上 --userns=host';

export default daemonRule(
  {
    id: 'CT4003',
    name: 'daemon-userns-remap-missing',
    title: 'User namespace remapping is off',
    defaultSeverity: 'warning',
    appliesTo: ['daemon'],
    explanation:
      'Without `userns-remap`, user id 0 inside a container is user id 0 on the host. The other isolation layers (capabilities, seccomp, AppArmor or SELinux) keep that root in check, but a container that escapes through a kernel or runtime bug, or that reaches a mounted host path, acts as the real root. ' +
      'With `"userns-remap": "default"`, dockerd creates a user called `dockremap` and runs every container in a user namespace: root inside is mapped to an unprivileged range of ids taken from /etc/subuid and /etc/subgid, so an escape lands as a nobody on the host. ' +
      `Turning it on is not free: ${USERNS_SIDE_EFFECT}. Rootless mode (\`"rootless": true\`) reaches the same goal differently and is not flagged.`,
    remediation:
      'Add `"userns-remap": "default"` (or a user of your own, `"user:group"`, with ranges in /etc/subuid and /etc/subgid), restart dockerd, then pull or rebuild the images you need. Containers that truly need host privileges can opt out with `--userns=host`.',
    zh: {
      title: '用户命名空间重映射未开启',
      explanation:
        '没有 `userns-remap` 时，容器内的用户 ID 0 就是宿主机上的用户 ID 0。其他隔离层（capability、seccomp、AppArmor 或 SELinux）会约束这个 root，但借助内核或运行时漏洞逃逸出来的容器，或者能访问挂载进来的宿主机路径的容器，就是以真正的 root 身份行事。' +
        '设置 `"userns-remap": "default"` 后，dockerd 会创建一个名为 `dockremap` 的用户，并让每个容器都在用户命名空间中运行：容器内的 root 被映射到取自 /etc/subuid 和 /etc/subgid 的一段非特权 ID 范围，因此逃逸出来的进程在宿主机上只是一个没有任何特权的用户。' +
        `开启它是有代价的：${USERNS_SIDE_EFFECT_ZH}。Rootless 模式（\`"rootless": true\`）用另一种方式达到同样的目的，不会被报告。`,
      remediation:
        '添加 `"userns-remap": "default"`（或者使用你自己的用户 `"user:group"`，并在 /etc/subuid 和 /etc/subgid 中为它分配 ID 范围），重启 dockerd，然后重新拉取或重新构建所需的镜像。确实需要宿主机特权的容器可以用 `--userns=host` 退出重映射。',
    },
    references: [
      { title: 'Isolate containers with a user namespace', url: 'https://docs.docker.com/engine/security/userns-remap/' },
      { title: 'CIS Docker Benchmark v1.6.0 2.9: Enable user namespace support', url: CIS_URL },
      DOCKER_BENCH,
    ],
    peers: { cis: ['2.9 (v1.6.0; 2.8 in v1.2.0)'] },
    bad: [
      { bad: '{\n  "live-restore": true\n}\n', fixed: '{\n  "live-restore": true,\n  "userns-remap": "default"\n}\n' },
      { bad: '{\n  "userns-remap": ""\n}\n', fixed: '{\n  "userns-remap": "default"\n}\n' },
      { bad: '{}\n', fixed: '{\n  "userns-remap": "default"\n}\n' },
    ],
    good: [
      '{\n  "userns-remap": "default"\n}\n',
      '{\n  "userns-remap": "dockremap:dockremap"\n}\n',
      // Rootless mode maps ids through RootlessKit instead.
      '{\n  "rootless": true\n}\n',
      // Broken JSON: the key may be in the part that could not be read.
      '{\n  "debug": true,,\n  "userns-remap": "default"\n}\n',
    ],
  },
  (model): Hit[] => {
    if (isBool(model, 'rootless', true)) return [];
    const e = entry(model, 'userns-remap');
    const empty = stringValue(model, 'userns-remap') === '';
    if (!absent(model, 'userns-remap') && !empty) return [];
    if (!e && model.partial) return [];
    return [
      {
        range: e && empty ? e.valueRange : model.anchor,
        message: empty
          ? t(
              '"userns-remap" is empty, so user namespaces are off: root in a container is root on the host.',
              '"userns-remap" 为空，因此用户命名空间处于关闭状态：容器里的 root 就是宿主机上的 root。',
            )
          : t(
              'User namespace remapping is off ("userns-remap" is not set): root in a container is root on the host.',
              '用户命名空间重映射未开启（没有设置 "userns-remap"）：容器里的 root 就是宿主机上的 root。',
            ),
        fixes: [
          {
            title: t(
              `Set "userns-remap": "default" (side effect: ${USERNS_SIDE_EFFECT})`,
              `设置 "userns-remap": "default"（副作用：${USERNS_SIDE_EFFECT_ZH}）`,
            ),
            edits: model.edit.set('userns-remap', 'default'),
          },
        ],
      },
    ];
  },
);
