// CT2003 cap-drop-all-missing: the container keeps Docker's default capabilities because it never
// drops ALL (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { ALL_CAPS, effectiveCaps, normalizeCap } from '../../model/capabilities';
import { hitAt, knownTrue, spelled } from './util1';

export default runtimeRule(
  {
    id: 'CT2003',
    name: 'cap-drop-all-missing',
    title: 'Capabilities are not dropped (no cap_drop: [ALL])',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      "Root's power in Linux is split into capabilities (capabilities(7)), and the kernel checks the one it needs before each privileged operation. Docker starts every container with 14 of them: CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID, SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL and AUDIT_WRITE. " +
      'They are meant for ordinary root work inside the container, yet several help an intruder: DAC_OVERRIDE ignores file permissions, NET_RAW crafts raw packets (ARP and DNS spoofing on the container network), MKNOD creates device nodes, SETUID/SETGID switch to any user, and every kernel bug that needs one of them is in reach. ' +
      'Most programs need none of them when they run as a non-root user, and only one or two (often NET_BIND_SERVICE, or SETUID/SETGID for an entrypoint that drops to another user) when they run as root. ' +
      'Dropping ALL and adding back the few that are needed makes the container hold exactly those: Docker applies `cap_drop` before `cap_add`. Dropping a few by name is better than nothing but still keeps the rest, so only ALL counts here. Privileged containers are left to CT2001, because privileged mode ignores `cap_drop`.',
    remediation:
      'Add `cap_drop: [ALL]` (`--cap-drop ALL`) and then `cap_add` only what the program proves to need: run it, read the `Operation not permitted` errors, and add the one capability each names. The finding lists the capabilities the container holds today.',
    zh: {
      title: '没有去掉 capability（缺少 cap_drop: [ALL]）',
      explanation:
        'Linux 把 root 的权力拆分成一个个 capability（capabilities(7)），内核在每次特权操作之前检查所需的那一个。Docker 启动每个容器时都给它其中 14 个：CHOWN、DAC_OVERRIDE、FSETID、FOWNER、MKNOD、NET_RAW、SETGID、SETUID、SETFCAP、SETPCAP、NET_BIND_SERVICE、SYS_CHROOT、KILL 和 AUDIT_WRITE。' +
        '它们本是为容器内的普通 root 工作准备的，但其中好几个会帮到入侵者：DAC_OVERRIDE 无视文件权限，NET_RAW 能构造原始数据包（在容器网络上做 ARP 和 DNS 欺骗），MKNOD 能创建设备节点，SETUID/SETGID 能切换到任意用户，而且任何需要其中某个 capability 的内核漏洞都变得触手可及。' +
        '大多数程序以非 root 用户运行时一个都不需要；以 root 运行时也只需要一两个（通常是 NET_BIND_SERVICE，或者入口程序要切换到其他用户时需要 SETUID/SETGID）。' +
        '去掉 ALL 再加回需要的几个，容器就恰好只持有这几个：Docker 先应用 `cap_drop`，再应用 `cap_add`。按名字去掉几个聊胜于无，但其余的仍然保留，所以这里只认 ALL。特权容器交给 CT2001 处理，因为特权模式会忽略 `cap_drop`。',
      remediation:
        '添加 `cap_drop: [ALL]`（`--cap-drop ALL`），然后只用 `cap_add` 加回程序确实需要的：运行程序，查看 `Operation not permitted` 错误，每个错误涉及哪个 capability 就加回哪一个。报告中会列出容器当前持有的 capability。',
    },
    references: [
      { title: 'capabilities(7)', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
      {
        title: 'docker run reference: runtime privilege and Linux capabilities',
        url: 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities',
      },
      { title: 'Compose file reference: cap_drop', url: 'https://docs.docker.com/reference/compose-file/services/#cap_drop' },
      {
        title: 'CIS Docker Benchmark 5.3: Ensure that Linux kernel capabilities are restricted within containers',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Container Capabilities Unrestricted'],
      composeLint: ['CL-0006'],
      cis: ['5.3'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  web:\n    image: nginx:1.27\n',
        fixed: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n',
      },
      // Dropping some by name still leaves the rest.
      {
        kind: 'compose',
        bad: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - NET_RAW\n',
        fixed: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - NET_RAW\n      - ALL\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d -p 8080:80 nginx:1.27\n',
        fixed: '#!/bin/sh\ndocker run -d -p 8080:80 --cap-drop ALL nginx:1.27\n',
      },
      {
        kind: 'markdown',
        bad: 'Start it:\n\n```bash\ndocker run --rm --cap-add NET_ADMIN example/vpn:1.0\n```\n',
        fixed: 'Start it:\n\n```bash\ndocker run --rm --cap-add NET_ADMIN --cap-drop ALL example/vpn:1.0\n```\n',
      },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]\n' },
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - all\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --cap-drop=ALL --cap-add=NET_BIND_SERVICE nginx:1.27\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --cap-drop all --user 1001 example/app:1.0\n' },
      // Privileged containers are CT2001's business.
      { kind: 'compose', text: 'services:\n  dind:\n    image: docker:27-dind\n    privileged: true\n' },
      // The drop list comes from a variable: it may well be ALL.
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: ["${DROP_CAPS}"]\n' },
    ],
  },
  (spec): Hit[] => {
    if (knownTrue(spec.privileged)) return [];
    if (spec.capDrop.some((d) => d.unknown || normalizeCap(d.value) === 'ALL')) return [];
    const adds = spec.capAdd.filter((a) => !a.unknown).map((a) => a.value);
    const unknownAdds = spec.capAdd.length - adds.length;
    const caps = effectiveCaps(
      adds,
      spec.capDrop.map((d) => d.value),
    );
    const every = caps.size === ALL_CAPS.length;
    const held = every ? 'every capability' : `${caps.size} capabilities (${[...caps].join(', ')})`;
    const heldZh = every ? '全部 capability' : ` ${caps.size} 个 capability（${[...caps].join('、')}）`;
    const more = unknownAdds > 0 ? `, plus ${unknownAdds === 1 ? 'one' : unknownAdds} from variables` : '';
    const moreZh = unknownAdds > 0 ? `，另有 ${unknownAdds} 个来自变量` : '';
    const drop = spelled(spec, 'cap_drop: [ALL]', '--cap-drop ALL', 'capability drop of ALL');
    const dropZh = spelled(spec, 'cap_drop: [ALL]', '--cap-drop ALL', '去掉全部 capability（ALL）的设置');
    return [
      hitAt(
        spec,
        spec.anchor,
        t(
          `No ${drop} in ${spec.label}, so the container holds ${held}${more}; most programs need none or one of them.`,
          `${spec.label} 中没有 ${dropZh}，因此容器持有${heldZh}${moreZh}；大多数程序一个都不需要，或者只需要其中一个。`,
        ),
        spec.fixer?.addCapDropAll?.(),
      ),
    ];
  },
);
