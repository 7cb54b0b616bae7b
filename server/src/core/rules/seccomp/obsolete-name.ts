// CT3006 seccomp-obsolete-name: an entry uses the old single `name` field instead of the `names`
// list, or both, which Docker refuses (pure core layer).

import { seccompRule, type Hit } from '../rule';
import type { SeccompModel } from '../../model/seccomp';
import { appendToList, entryLabel, memberRange, quote, removeWithComma } from './util';
import { t } from '../../types';
import { zh } from '../image/zh';
import { REF } from './refs';

function check(model: SeccompModel): Hit[] {
  const hits: Hit[] = [];
  for (const rule of model.syscalls) {
    const legacy = rule.legacyName;
    if (!legacy?.keyRange) continue;
    const raw = legacy.raw ?? quote(legacy.value);
    if (rule.namesList) {
      // The parser adds the legacy name to `names` with the same range object: tell them apart by it.
      const others = rule.names.filter((n) => n.range !== legacy.range);
      const already = others.some((n) => n.value === legacy.value);
      const edits = [removeWithComma(model.doc, memberRange(legacy))];
      if (!already)
        edits.push(
          appendToList(
            model.doc,
            rule.namesList.range,
            others.map((n) => n.range),
            [legacy.value],
          ),
        );
      hits.push({
        range: legacy.keyRange,
        message: t(
          `${entryLabel(rule)} has both \`name\` and \`names\`: Docker refuses the profile ("use either 'name' or 'names'"). Move ${raw} into \`names\`.`,
          zh`${entryLabel(rule)} 同时有 \`name\` 和 \`names\`：Docker 会拒绝该配置文件（“use either 'name' or 'names'”）。请把${raw}移入 \`names\`。`,
        ),
        severity: 'error',
        fixes: [
          {
            title: already
              ? t(`Remove "name" (${raw} is already in "names")`, zh`删除 "name"（${raw}已在 "names" 中）`)
              : t(`Move ${raw} into "names"`, zh`把${raw}移入 "names"`),
            edits,
            safe: true,
          },
        ],
      });
      continue;
    }
    hits.push({
      range: legacy.keyRange,
      message: t(
        `\`name\` is the obsolete single-name form (${entryLabel(rule)}); Docker still converts it, but other tools and runtimes read only \`names\`, and an entry cannot have both. Write "names": [${raw}].`,
        `\`name\` 是已过时的单名称写法（${entryLabel(rule)}）；Docker 仍会转换它，但其他工具和运行时只读取 \`names\`，而且一个条目不能同时有两者。请写成 "names": [${raw}]。`,
      ),
      fixes: [
        {
          title: t(`Change to "names": [${raw}]`, `改为 "names": [${raw}]`),
          edits: [
            { range: legacy.keyRange, newText: '"names"' },
            { range: legacy.range, newText: `[${raw}]` },
          ],
          safe: true,
        },
      ],
    });
  }
  return hits;
}

export default seccompRule(
  {
    id: 'CT3006',
    name: 'seccomp-obsolete-name',
    title: 'The obsolete `name` field instead of `names`',
    defaultSeverity: 'warning',
    appliesTo: ['seccomp'],
    explanation:
      'Early Docker profiles gave each entry a single system call in `name`. Since Docker 1.13 an entry lists any number of calls in `names`, and the OCI runtime specification knows only `names`. ' +
      'Docker still converts `name` into a one-item `names` list, so old profiles keep working there, but other tools that read profiles ignore it, and an entry with both `name` and `names` makes Docker refuse the whole profile.',
    remediation: 'Replace `"name": "x"` with `"names": ["x"]`; with both fields, move the name into the list. The quick fix does either.',
    zh: {
      title: '使用了过时的 `name` 字段而不是 `names`',
      explanation:
        '早期的 Docker 配置文件在每个条目的 `name` 中只写一个系统调用。从 Docker 1.13 开始，一个条目可以在 `names` 中列出任意数量的调用，而 OCI 运行时规范只认识 `names`。' +
        'Docker 仍会把 `name` 转换成只有一项的 `names` 列表，所以旧配置文件在 Docker 中还能用，但其他读取配置文件的工具会忽略它；而同时有 `name` 和 `names` 的条目会让 Docker 拒绝整个配置文件。',
      remediation: '把 `"name": "x"` 改成 `"names": ["x"]`；如果两个字段都有，就把该名称移入列表。快速修复可以完成这两种修改。',
    },
    references: [REF.mobyLoad, REF.mobyTypes, REF.spec],
    peers: {},
    bad: [
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "name": "accept", "action": "SCMP_ACT_ALLOW" }]\n}\n',
        fixed: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["accept"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "name": "accept", "names": ["read", "write"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["read", "write", "accept"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      },
    ],
    good: ['{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["accept"], "action": "SCMP_ACT_ALLOW" }]\n}\n'],
  },
  check,
);
