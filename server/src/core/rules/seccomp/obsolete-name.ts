// CT3006 seccomp-obsolete-name: an entry uses the old single `name` field instead of the `names`
// list, or both, which Docker refuses (pure core layer).

import { seccompRule, type Hit } from '../rule';
import type { SeccompModel } from '../../model/seccomp';
import { appendToList, entryLabel, memberRange, quote, removeWithComma } from './util';
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
        message: `${entryLabel(rule)} has both \`name\` and \`names\`: Docker refuses the profile ("use either 'name' or 'names'"). Move ${raw} into \`names\`.`,
        severity: 'error',
        fixes: [{ title: already ? `Remove "name" (${raw} is already in "names")` : `Move ${raw} into "names"`, edits, safe: true }],
      });
      continue;
    }
    hits.push({
      range: legacy.keyRange,
      message: `\`name\` is the obsolete single-name form (${entryLabel(rule)}); Docker still converts it, but other tools and runtimes read only \`names\`, and an entry cannot have both. Write "names": [${raw}].`,
      fixes: [
        {
          title: `Change to "names": [${raw}]`,
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
