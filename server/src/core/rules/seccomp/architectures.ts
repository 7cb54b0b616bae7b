// CT3007 seccomp-architectures: the filter does not cover the ABIs Docker covers on the host (no
// list, an empty list, x86-64 without its 32-bit ABIs), or names both `architectures` and
// `archMap`, which Docker refuses (pure core layer).

import { seccompRule, type Hit, type RuleFix } from '../rule';
import { HOST_ARCHES, type HostArch } from '../../knowledge/seccomp';
import type { SeccompModel } from '../../model/seccomp';
import { t } from '../../types';
import { joinZh, zh } from '../image/zh';
import { appendToList, insertMemberAfter, listText, memberRange, removeWithComma } from './util';
import { REF } from './refs';

/** Which host the listed architectures point at: aarch64 when they name AArch64 or ARM only, else x86-64 first. */
function hostOrder(listed: string[]): HostArch[] {
  const arm = listed.some((a) => a === 'SCMP_ARCH_AARCH64' || a === 'SCMP_ARCH_ARM');
  const x86 = listed.some((a) => a.startsWith('SCMP_ARCH_X'));
  return arm && !x86 ? ['aarch64', 'x86_64'] : ['x86_64', 'aarch64'];
}

function addFixes(model: SeccompModel, hosts: HostArch[]): RuleFix[] {
  const fixes: RuleFix[] = [];
  for (const host of hosts) {
    const set = [...HOST_ARCHES[host].scmp];
    const title = t(
      `Add the architectures Docker covers on ${HOST_ARCHES[host].label} (${set.join(', ')})`,
      `添加 Docker 在 ${HOST_ARCHES[host].labelZh}上覆盖的架构（${set.join('、')}）`,
    );
    if (model.architectures) {
      fixes.push({ title, edits: [{ range: model.architectures.range, newText: listText(model.doc, set, undefined) }] });
    } else if (model.defaultActionMember) {
      fixes.push({
        title,
        edits: [insertMemberAfter(model.doc, model.defaultActionMember, 'architectures', (indent) => listText(model.doc, set, indent))],
      });
    }
  }
  return fixes;
}

function check(model: SeccompModel): Hit[] {
  if (!model.objectRange) return [];
  const arches = model.architectures;
  const hasMap = (model.archMap?.length ?? 0) > 0;
  if (arches && arches.value.length > 0 && hasMap) {
    return [
      {
        range: arches.keyRange ?? arches.range,
        message: t(
          "The profile has both `architectures` and `archMap`: Docker refuses it (\"use either 'architectures' or 'archMap'\"). Keep `archMap`, which picks the ABIs per host, and remove `architectures`.",
          "该配置文件同时有 `architectures` 和 `archMap`：Docker 会拒绝它（“use either 'architectures' or 'archMap'”）。请保留按主机选择 ABI 的 `archMap`，删除 `architectures`。",
        ),
        severity: 'error',
        fixes: [
          {
            title: t('Remove "architectures" (keep "archMap")', '删除 "architectures"（保留 "archMap"）'),
            edits: [removeWithComma(model.doc, memberRange(arches))],
          },
        ],
      },
    ];
  }
  if (hasMap) {
    const hits: Hit[] = [];
    for (const m of model.archMap ?? []) {
      const host = (Object.keys(HOST_ARCHES) as HostArch[]).find((h) => HOST_ARCHES[h].scmp[0] === m.architecture.value);
      if (!host) continue;
      const have = new Set(m.subArchitectures.map((s) => s.value));
      const missing = HOST_ARCHES[host].scmp.slice(1).filter((a) => !have.has(a));
      if (missing.length === 0) continue;
      hits.push({
        range: m.architecture.range,
        message: t(
          `On ${HOST_ARCHES[host].label} this archMap entry does not cover ${missing.join(' and ')}: calls made through ${missing.length > 1 ? 'those ABIs' : 'that ABI'} get libseccomp's bad-architecture action (the calling thread is killed) instead of your rules. Docker's default covers them.`,
          zh`在${HOST_ARCHES[host].labelZh}上，这个 archMap 条目没有覆盖${joinZh(missing)}：通过${missing.length > 1 ? '这些' : '这个'} ABI 发出的调用不会经过你的规则，而是受到 libseccomp 的错误架构动作处理（发出调用的线程会被杀死）。Docker 的默认配置文件覆盖了它们。`,
        ),
        severity: 'info',
      });
    }
    return hits;
  }
  if (!arches) {
    if (!model.defaultAction) return [];
    return [
      {
        range: model.defaultAction.range,
        message: t(
          "The profile lists no architectures, so the filter covers only the host's own ABI: on x86-64, 32-bit x86 and x32 programs have their calls handled by libseccomp's bad-architecture action (the thread is killed) instead of your rules. Docker's default covers SCMP_ARCH_X86_64, SCMP_ARCH_X86 and SCMP_ARCH_X32 on x86-64 hosts.",
          '该配置文件没有列出任何架构，因此过滤器只覆盖主机自身的 ABI：在 x86-64 上，32 位 x86 和 x32 程序的调用不会经过你的规则，而是由 libseccomp 的错误架构动作处理（线程会被杀死）。Docker 的默认配置文件在 x86-64 主机上覆盖 SCMP_ARCH_X86_64、SCMP_ARCH_X86 和 SCMP_ARCH_X32。',
        ),
        severity: 'info',
        fixes: addFixes(model, ['x86_64', 'aarch64']),
      },
    ];
  }
  if (arches.value.length === 0) {
    return [
      {
        range: arches.range,
        message: t(
          "An empty `architectures` list is the same as none: the filter covers only the host's own ABI, and 32-bit calls get the bad-architecture action (the thread is killed). List the architectures Docker covers.",
          '空的 `architectures` 列表等于没有列表：过滤器只覆盖主机自身的 ABI，32 位调用会受到错误架构动作处理（线程会被杀死）。请列出 Docker 覆盖的架构。',
        ),
        severity: 'warning',
        fixes: addFixes(model, ['x86_64', 'aarch64']),
      },
    ];
  }
  const listed = arches.value.map((a) => a.value);
  const hits: Hit[] = [];
  for (const host of hostOrder(listed)) {
    const set = HOST_ARCHES[host].scmp;
    if (!listed.includes(set[0])) continue;
    const missing = set.slice(1).filter((a) => !listed.includes(a));
    if (missing.length === 0) continue;
    hits.push({
      range: arches.value.find((a) => a.value === set[0])?.range ?? arches.range,
      message: t(
        `On ${HOST_ARCHES[host].label} Docker also covers ${missing.join(' and ')}; without ${missing.length > 1 ? 'them' : 'it'}, calls made through ${missing.length > 1 ? 'those ABIs' : 'that ABI'} get libseccomp's bad-architecture action (the thread is killed) instead of your rules.`,
        zh`在${HOST_ARCHES[host].labelZh}上，Docker 还覆盖${joinZh(missing)}；缺少${missing.length > 1 ? '它们' : '它'}时，通过${missing.length > 1 ? '这些' : '这个'} ABI 发出的调用不会经过你的规则，而是受到 libseccomp 的错误架构动作处理（线程会被杀死）。`,
      ),
      severity: 'info',
      fixes: [
        {
          title: t(`Add ${missing.join(', ')}`, `添加 ${missing.join('、')}`),
          edits: [
            appendToList(
              model.doc,
              arches.range,
              arches.value.map((a) => a.range),
              missing,
            ),
          ],
        },
      ],
    });
  }
  return hits;
}

export default seccompRule(
  {
    id: 'CT3007',
    name: 'seccomp-architectures',
    title: 'The filter does not cover the ABIs Docker covers',
    defaultSeverity: 'warning',
    appliesTo: ['seccomp'],
    explanation:
      "System calls are numbered per ABI: an x86-64 Linux kernel also accepts calls from 32-bit x86 and x32 programs, with different numbers, and a 64-bit ARM kernel accepts 32-bit ARM calls. The kernel filter checks the ABI of each call first; the profile's `architectures` (or the host's `archMap` entry) says which ABIs it has rules for. " +
      "A call through an ABI that is not covered never reaches your rules: libseccomp's bad-architecture action applies, which kills the calling thread, so a 32-bit helper program crashes instead of getting an error. Docker's default profile covers SCMP_ARCH_X86_64, SCMP_ARCH_X86 and SCMP_ARCH_X32 on x86-64 hosts and SCMP_ARCH_AARCH64 and SCMP_ARCH_ARM on 64-bit ARM. " +
      "No list, or an empty one, means the host's own ABI only. A profile with both `architectures` and `archMap` is refused by Docker.",
    remediation:
      'List the ABIs for your hosts, as Docker does: `"architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"]` on x86-64, or use an `archMap` like the default profile\'s for profiles shared between x86-64 and ARM hosts. The quick fix adds them.',
    zh: {
      title: '过滤器没有覆盖 Docker 所覆盖的 ABI',
      explanation:
        '系统调用按 ABI 编号：x86-64 的 Linux 内核也接受来自 32 位 x86 和 x32 程序的调用（编号不同），64 位 ARM 内核也接受 32 位 ARM 的调用。内核过滤器首先检查每个调用的 ABI；配置文件的 `architectures`（或主机对应的 `archMap` 条目）说明它为哪些 ABI 编写了规则。' +
        '通过未覆盖的 ABI 发出的调用永远不会到达你的规则：此时适用 libseccomp 的错误架构动作，它会杀死发出调用的线程，于是 32 位辅助程序会崩溃，而不是得到一个错误。Docker 的默认配置文件在 x86-64 主机上覆盖 SCMP_ARCH_X86_64、SCMP_ARCH_X86 和 SCMP_ARCH_X32，在 64 位 ARM 上覆盖 SCMP_ARCH_AARCH64 和 SCMP_ARCH_ARM。' +
        '没有列表或列表为空，都表示只覆盖主机自身的 ABI。同时含有 `architectures` 和 `archMap` 的配置文件会被 Docker 拒绝。',
      remediation:
        '像 Docker 那样为你的主机列出 ABI：在 x86-64 上使用 `"architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"]`；对于在 x86-64 和 ARM 主机之间共用的配置文件，可以使用与默认配置文件类似的 `archMap`。快速修复会添加这些架构。',
    },
    references: [REF.mobyLoad, REF.dockerDocs, REF.defaultProfile, REF.man],
    peers: {},
    bad: [
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": [],\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": [\n    "SCMP_ARCH_X86_64",\n    "SCMP_ARCH_X86",\n    "SCMP_ARCH_X32"\n  ],\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      },
      {
        bad: '{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_X86_64"], "syscalls": [{"names": ["accept"], "action": "SCMP_ACT_ALLOW"}]}\n',
        fixed:
          '{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"], "syscalls": [{"names": ["accept"], "action": "SCMP_ACT_ALLOW"}]}\n',
      },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_AARCH64"],\n  "archMap": [{ "architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"] }],\n  "syscalls": []\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "archMap": [{ "architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"] }],\n  "syscalls": []\n}\n',
      },
    ],
    good: [
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],\n  "syscalls": []\n}\n',
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"],\n  "syscalls": []\n}\n',
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "archMap": [{ "architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86", "SCMP_ARCH_X32"] }],\n  "syscalls": []\n}\n',
    ],
  },
  check,
);
