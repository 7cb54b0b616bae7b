// CT3011 seccomp-duplicate-syscall: a call listed in several unconditional entries. With different
// actions only one takes effect (runc skips an entry whose action is the default; libseccomp
// keeps the first rule for a call without argument conditions); with the same action the
// entries can be merged (pure core layer).

import { seccompRule, type Hit, type RuleFix } from '../rule';
import type { JVal, SeccompModel, SeccompRule } from '../../model/seccomp';
import { appendToList, entryLabel, removeWithComma } from './util';
import { t } from '../../types';
import { REF } from './refs';

function actionKey(rule: SeccompRule): string {
  const a = rule.action?.value ?? '';
  if (a === 'SCMP_ACT_ERRNO' || a === 'SCMP_ACT_TRACE') return `${a}(${rule.errnoRet?.value ?? 1})`;
  return a === 'SCMP_ACT_KILL' ? 'SCMP_ACT_KILL_THREAD' : a;
}

function defaultKey(model: SeccompModel): string {
  const a = model.defaultAction?.value ?? '';
  if (a === 'SCMP_ACT_ERRNO' || a === 'SCMP_ACT_TRACE') return `${a}(${model.defaultErrnoRet?.value ?? 1})`;
  return a === 'SCMP_ACT_KILL' ? 'SCMP_ACT_KILL_THREAD' : a;
}

/** The entry's conditions as text without spaces, so two entries with the same conditions compare equal. */
function conditions(model: SeccompModel, rule: SeccompRule): string {
  const t = (r: { range: import('../../types').Range } | undefined) => (r ? model.doc.textIn(r.range).replace(/\s+/g, '') : '');
  return `${t(rule.includes)}|${t(rule.excludes)}`;
}

function label(rule: SeccompRule): string {
  return `${entryLabel(rule)} (${rule.action?.value ?? 'no action'})`;
}

function labelZh(rule: SeccompRule): string {
  return `${entryLabel(rule)}（${rule.action?.value ?? '没有动作'}）`;
}

/** Removes one name from an entry; an entry left without names is removed whole. */
function removeName(model: SeccompModel, rule: SeccompRule, name: JVal<string>, title: RuleFix['title']): RuleFix {
  const onlyOne = rule.names.length === 1 && !rule.legacyName;
  return { title, edits: [removeWithComma(model.doc, onlyOne ? rule.range : name.range)] };
}

function check(model: SeccompModel): Hit[] {
  const hits: Hit[] = [];
  const plain = model.syscalls.filter((r) => r.action && r.args.length === 0 && !r.legacyName);
  const dflt = defaultKey(model);
  const byName = new Map<string, { rule: SeccompRule; name: JVal<string> }[]>();
  for (const rule of plain) {
    for (const name of rule.names) {
      const list = byName.get(name.value) ?? [];
      list.push({ rule, name });
      byName.set(name.value, list);
    }
  }
  const merged = new Set<string>();
  // Each entry's conditions once, and per call the first entry for each conditions (all of it), so
  // that a call named in thousands of entries costs no more than thousands of lookups.
  const condOf = new Map<SeccompRule, string>();
  const cond = (rule: SeccompRule) => {
    let c = condOf.get(rule);
    if (c === undefined) condOf.set(rule, (c = conditions(model, rule)));
    return c;
  };
  for (const [name, uses] of byName) {
    if (uses.length < 2) continue; // named once: nothing to compare
    const firstByCond = new Map<string, (typeof uses)[number]>();
    const effectiveByCond = new Map<string, (typeof uses)[number]>();
    for (const u of uses) if (actionKey(u.rule) !== dflt && !effectiveByCond.has(cond(u.rule))) effectiveByCond.set(cond(u.rule), u);
    for (let i = 0; i < uses.length; i++) {
      const later = uses[i];
      const earlier = firstByCond.get(cond(later.rule));
      if (!earlier) {
        firstByCond.set(cond(later.rule), later);
        continue;
      }
      if (earlier.rule === later.rule) {
        hits.push({
          range: later.name.range,
          message: t(
            `\`${name}\` is listed twice in ${entryLabel(later.rule)}.`,
            `\`${name}\` 在 ${entryLabel(later.rule)} 中列出了两次。`,
          ),
          severity: 'info',
          fixes: [
            {
              title: t(`Remove the second "${name}"`, `删除第二个 "${name}"`),
              edits: [removeWithComma(model.doc, later.name.range)],
              safe: true,
            },
          ],
        });
        continue;
      }
      if (actionKey(earlier.rule) === actionKey(later.rule)) {
        const pair = `${earlier.rule.position}-${later.rule.position}`;
        if (merged.has(pair)) continue;
        merged.add(pair);
        const earlierNames = new Set(earlier.rule.names.map((e) => e.value));
        const shared = later.rule.names.filter((n) => earlierNames.has(n.value)).map((n) => `\`${n.value}\``);
        const fixes: RuleFix[] = [];
        const mergeable =
          !later.rule.includes && !later.rule.excludes && !later.rule.errnoRet && !later.rule.comment && earlier.rule.namesList;
        if (mergeable && earlier.rule.namesList) {
          const extra = [...new Set(later.rule.names.map((n) => n.value).filter((v) => !earlierNames.has(v)))];
          const edits = [removeWithComma(model.doc, later.rule.range)];
          if (extra.length > 0)
            edits.unshift(
              appendToList(
                model.doc,
                earlier.rule.namesList.range,
                earlier.rule.names.map((n) => n.range),
                extra,
              ),
            );
          fixes.push({
            title: t(
              `Merge ${entryLabel(later.rule)} into ${entryLabel(earlier.rule)}`,
              `把 ${entryLabel(later.rule)} 合并到 ${entryLabel(earlier.rule)}`,
            ),
            edits,
            safe: true,
          });
        }
        fixes.push({
          ...removeName(
            model,
            later.rule,
            later.name,
            t(`Remove "${name}" from ${entryLabel(later.rule)}`, `从 ${entryLabel(later.rule)} 中删除 "${name}"`),
          ),
          safe: true,
        });
        hits.push({
          range: later.name.range,
          message: t(
            `${shared.join(', ')} ${shared.length > 1 ? 'are' : 'is'} already in ${entryLabel(earlier.rule)} with the same action; one entry is enough.`,
            `${shared.join('、')} 已经以相同的动作出现在 ${entryLabel(earlier.rule)} 中；一个条目就够了。`,
          ),
          severity: 'info',
          fixes,
        });
        continue;
      }
      // Different actions: find which one runc and libseccomp actually use.
      const effective = effectiveByCond.get(cond(later.rule));
      const loser = effective === later ? earlier : later;
      const why =
        actionKey(loser.rule) === dflt
          ? `runc skips ${label(loser.rule)} because its action is the default action`
          : `libseccomp keeps the first rule it is given for a call without argument conditions, which is ${label(effective?.rule ?? earlier.rule)}`;
      const whyZh =
        actionKey(loser.rule) === dflt
          ? `runc 会跳过 ${labelZh(loser.rule)}，因为它的动作就是默认动作`
          : `对于没有参数条件的调用，libseccomp 保留它收到的第一条规则，也就是 ${labelZh(effective?.rule ?? earlier.rule)}`;
      const gets = effective?.rule.action?.value ?? model.defaultAction?.value;
      hits.push({
        range: loser.name.range,
        message: t(
          `\`${name}\` is in ${label(earlier.rule)} and in ${label(later.rule)} with a different action, and only one can apply: ${why}. The call gets ${effective?.rule.action?.value ?? model.defaultAction?.value ?? 'the default action'}; remove the other so the file says what happens.`,
          `\`${name}\` 出现在 ${labelZh(earlier.rule)} 和 ${labelZh(later.rule)} 中，动作不同，而只有一个能生效：${whyZh}。该调用得到的是${gets ? ` ${gets}` : '默认动作'}；请删除另一个，让文件如实说明会发生什么。`,
        ),
        fixes: [
          removeName(
            model,
            loser.rule,
            loser.name,
            t(
              `Remove "${name}" from ${entryLabel(loser.rule)} (it has no effect)`,
              `从 ${entryLabel(loser.rule)} 中删除 "${name}"（它不起作用）`,
            ),
          ),
        ],
      });
    }
  }
  return hits;
}

export default seccompRule(
  {
    id: 'CT3011',
    name: 'seccomp-duplicate-syscall',
    title: 'A system call listed in several entries',
    defaultSeverity: 'warning',
    appliesTo: ['seccomp'],
    explanation:
      'The kernel filter gives each system call one action (unless argument conditions tell calls apart). When a profile names the same call in two entries without argument conditions and with different actions, only one of them is used, and which one is not obvious from the file: runc skips an entry whose action equals `defaultAction`, and for the rest libseccomp keeps the first rule it receives and silently drops later ones (measured with libseccomp 2.5.4). ' +
      'A profile that says `mount` is allowed in one entry and refused in another therefore does one of the two without telling you. The same call listed twice with the same action is harmless but makes the profile harder to review.',
    remediation:
      'Keep each call in one entry. The quick fix removes the entry that has no effect, so the file says what happens; check that the remaining action is the one you want. Calls listed twice with the same action can be merged into one entry.',
    zh: {
      title: '在多个条目中列出的系统调用',
      explanation:
        '内核过滤器为每个系统调用只给出一个动作（除非参数条件把调用区分开）。当配置文件在两个都没有参数条件、动作又不同的条目中列出同一个调用时，只有其中一个会被使用，而从文件上看不出是哪一个：runc 会跳过动作等于 `defaultAction` 的条目，对其余条目，libseccomp 保留它收到的第一条规则，并悄悄丢弃后面的规则（用 libseccomp 2.5.4 测得）。' +
        '因此，一个在某个条目中说允许 `mount`、在另一个条目中说拒绝它的配置文件，只会执行两者之一，却不会告诉你是哪一个。同一个调用以相同的动作列出两次虽然无害，但会让配置文件更难审查。',
      remediation:
        '让每个调用只出现在一个条目中。快速修复会删除不起作用的那个条目，让文件如实说明会发生什么；请确认剩下的动作正是你想要的。以相同动作列出两次的调用可以合并到一个条目中。',
    },
    references: [REF.runcFilter, REF.ruleAdd, REF.dockerDocs],
    peers: {},
    bad: [
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["read", "mount"], "action": "SCMP_ACT_ALLOW" },\n    { "names": ["mount"], "action": "SCMP_ACT_KILL_PROCESS" }\n  ]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["read", "mount"], "action": "SCMP_ACT_ALLOW" }\n  ]\n}\n',
      },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["read", "write"], "action": "SCMP_ACT_ALLOW" },\n    { "names": ["write", "close"], "action": "SCMP_ACT_ALLOW" }\n  ]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["read", "write", "close"], "action": "SCMP_ACT_ALLOW" }\n  ]\n}\n',
      },
    ],
    good: [
      // Different conditions: the entries apply to different containers.
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["bpf"], "action": "SCMP_ACT_ALLOW", "includes": { "caps": ["CAP_SYS_ADMIN"] } },\n    { "names": ["bpf"], "action": "SCMP_ACT_ALLOW", "includes": { "caps": ["CAP_BPF"] } }\n  ]\n}\n',
      // Argument conditions tell the calls apart.
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["personality"], "action": "SCMP_ACT_ALLOW", "args": [{ "index": 0, "value": 0, "op": "SCMP_CMP_EQ" }] },\n    { "names": ["personality"], "action": "SCMP_ACT_ALLOW", "args": [{ "index": 0, "value": 8, "op": "SCMP_CMP_EQ" }] }\n  ]\n}\n',
    ],
  },
  check,
);
