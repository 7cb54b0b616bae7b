// CT3013 seccomp-misleading-argument-filter: argument conditions that do not do what they seem: a
// masked compare that can never match or always matches, an exact compare on namespace flags that
// other flags get around, conditions runc joins with OR, conditions on clone3's flags (pure core layer).

import { seccompRule, type Hit } from '../rule';
import { isAllowing } from '../../model/seccompEval';
import type { SeccompArg, SeccompModel, SeccompRule } from '../../model/seccomp';
import type { Fix, TextEdit } from '../../types';
import { entryLabel, insertMemberAfter, memberRange } from './util';
import { REF } from './refs';

/** Namespace flags of clone(2): CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET. */
const CLONE_NS = 0x7e020000n;
/** unshare(2) also takes CLONE_NEWTIME. */
const UNSHARE_NS = CLONE_NS | 0x80n;

const BLOCKING = new Set([
  'SCMP_ACT_ERRNO',
  'SCMP_ACT_KILL',
  'SCMP_ACT_KILL_THREAD',
  'SCMP_ACT_KILL_PROCESS',
  'SCMP_ACT_TRAP',
  'SCMP_ACT_TRACE',
]);

function big(v: { raw?: string; value: number } | undefined): bigint {
  if (!v) return 0n;
  try {
    return BigInt(v.raw ?? v.value);
  } catch {
    return BigInt(v.value);
  }
}

function hex(n: bigint): string {
  return `0x${n.toString(16)}`;
}

function singleBit(n: bigint): boolean {
  return n > 0n && (n & (n - 1n)) === 0n;
}

/** The flags argument of a namespace call named in the entry, if this condition compares it. */
function flagsOf(rule: SeccompRule, arg: SeccompArg): { call: string; mask: bigint } | undefined {
  if ((arg.index?.value ?? 0) !== 0) return undefined;
  if (rule.names.some((n) => n.value === 'unshare')) return { call: 'unshare', mask: UNSHARE_NS };
  if (rule.names.some((n) => n.value === 'clone') && !rule.includes?.arches?.some((a) => a.value.startsWith('s390')))
    return { call: 'clone', mask: CLONE_NS };
  return undefined;
}

function setValueTwo(model: SeccompModel, arg: SeccompArg, text: string): TextEdit | undefined {
  if (arg.valueTwo) return { range: arg.valueTwo.range, newText: text };
  if (arg.value) return insertMemberAfter(model.doc, memberRange(arg.value), 'valueTwo', () => text);
  return undefined;
}

function maskedHits(model: SeccompModel, rule: SeccompRule, arg: SeccompArg, where: string): Hit[] {
  const mask = big(arg.value);
  const want = big(arg.valueTwo);
  if (mask === 0n && want === 0n) {
    return [
      {
        range: arg.op!.range,
        message: `${where}: with a mask (\`value\`) of 0, \`(argument & 0) == 0\` holds for every call, so this condition filters nothing. Put the bits to test in \`value\` and what they must equal in \`valueTwo\`.`,
      },
    ];
  }
  if ((want & ~mask) === 0n) return [];
  const fixes: Fix[] = [];
  if (arg.value && arg.valueTwo && (mask & ~want) === 0n) {
    fixes.push({
      title: 'Swap value and valueTwo',
      edits: [
        { range: arg.value.range, newText: arg.valueTwo.raw ?? String(arg.valueTwo.value) },
        { range: arg.valueTwo.range, newText: arg.value.raw ?? String(arg.value.value) },
      ],
    });
  }
  return [
    {
      range: arg.op!.range,
      message: `${where}: SCMP_CMP_MASKED_EQ tests \`(argument & value) == valueTwo\`, and valueTwo (${hex(want)}) has bits the mask (${hex(mask)}) clears, so this condition never matches and the entry never applies${rule.names.some((n) => n.value === 'clone') ? ' (an allow-list then refuses every clone, so programs cannot start threads or processes)' : ''}. Are value and valueTwo swapped?`,
      fixes,
    },
  ];
}

function check(model: SeccompModel): Hit[] {
  const hits: Hit[] = [];
  for (const rule of model.syscalls) {
    const action = rule.action?.value ?? '';
    const byIndex = new Map<number, SeccompArg[]>();
    for (const arg of rule.args) {
      const where = `${entryLabel(rule)}.args[${arg.position}]`;
      const idx = arg.index?.value ?? 0;
      byIndex.set(idx, [...(byIndex.get(idx) ?? []), arg]);
      if (!arg.op) continue;
      const op = arg.op.value;
      if (op === 'SCMP_CMP_MASKED_EQ') hits.push(...maskedHits(model, rule, arg, where));
      const flags = flagsOf(rule, arg);
      const v = big(arg.value);
      if (flags && (v & flags.mask) !== 0n) {
        const single = singleBit(v);
        if (op === 'SCMP_CMP_EQ' && BLOCKING.has(action)) {
          const edit = single ? setValueTwo(model, arg, arg.value?.raw ?? String(v)) : undefined;
          hits.push({
            range: arg.op.range,
            message: `${where}: SCMP_CMP_EQ matches only the exact value ${hex(v)}, so ${flags.call} with that flag plus any other (SIGCHLD, CLONE_FILES…) is not ${action === 'SCMP_ACT_TRACE' ? 'traced' : 'refused'}. To catch a flag whatever else is set, use SCMP_CMP_MASKED_EQ with the flag as both value and valueTwo.`,
            fixes: edit
              ? [
                  {
                    title: 'Use SCMP_CMP_MASKED_EQ with the flag as mask and expected value',
                    edits: [{ range: arg.op.range, newText: '"SCMP_CMP_MASKED_EQ"' }, edit],
                  },
                ]
              : [],
          });
        } else if (op === 'SCMP_CMP_NE' && isAllowing(action)) {
          const edit = single ? setValueTwo(model, arg, '0') : undefined;
          hits.push({
            range: arg.op.range,
            message: `${where}: SCMP_CMP_NE allows every value except exactly ${hex(v)}, so ${flags.call} with that flag plus any other flag is allowed. To allow only calls without the flag, use SCMP_CMP_MASKED_EQ with the flag as value and 0 as valueTwo.`,
            fixes: edit
              ? [
                  {
                    title: 'Use SCMP_CMP_MASKED_EQ with valueTwo 0 (flag not set)',
                    edits: [{ range: arg.op.range, newText: '"SCMP_CMP_MASKED_EQ"' }, edit],
                  },
                ]
              : [],
          });
        }
      }
    }
    if (rule.names.some((n) => n.value === 'clone3') && rule.args.length > 0) {
      hits.push({
        range: rule.args[0].range,
        message: `${entryLabel(rule)}: clone3 receives its flags in a structure in memory, and seccomp only sees the pointer to it, so argument conditions cannot tell which flags a clone3 call uses. Docker makes clone3 fail with ENOSYS instead, so that programs fall back to clone, whose flags can be filtered.`,
      });
    }
    for (const [idx, args] of byIndex) {
      if (args.length < 2) continue;
      hits.push({
        range: args[1].range,
        message: `${entryLabel(rule)} has ${args.length} conditions on argument ${idx}. runc adds conditions that compare the same argument as separate rules, so the entry applies when any one of them matches (OR), not when all do. For a range, use two entries or a single comparison.`,
      });
    }
  }
  return hits;
}

export default seccompRule(
  {
    id: 'CT3013',
    name: 'seccomp-misleading-argument-filter',
    title: 'An argument condition that does not do what it seems to',
    defaultSeverity: 'warning',
    appliesTo: ['seccomp'],
    explanation:
      'Argument conditions let an entry apply only to some calls, for example `clone` only when it does not create namespaces. A few patterns look right and are not: ' +
      '`SCMP_CMP_MASKED_EQ` tests `(argument & value) == valueTwo`; with `value` (the mask) 0 it matches every call, and when `valueTwo` has a bit the mask clears it can never match (the two are often swapped). ' +
      '`SCMP_CMP_EQ` matches one exact number, so a rule meant to refuse `clone(CLONE_NEWUSER)` lets `clone(CLONE_NEWUSER | SIGCHLD)` through, and `SCMP_CMP_NE` in an allow rule has the same hole the other way round. ' +
      'When two conditions of one entry compare the same argument, runc turns them into separate rules, so they are joined with OR instead of AND. And `clone3` passes its flags in memory, where seccomp cannot look, so conditions on its arguments cannot check flags.',
    remediation:
      'To test flags, use `SCMP_CMP_MASKED_EQ` with the flags in `value` and the required result in `valueTwo` (0 for "none of these flags"), as Docker\'s default profile does for `clone` (`value` 2114060288, the namespace flags). Put conditions on the same argument in separate entries. For `clone3`, do what Docker does: `SCMP_ACT_ERRNO` with `errnoRet` 38 (ENOSYS).',
    references: [
      REF.ruleAdd,
      REF.runcFilter,
      REF.defaultProfile,
      { title: 'clone(2): namespace flags', url: 'https://man7.org/linux/man-pages/man2/clone.2.html' },
    ],
    peers: {},
    bad: [
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["clone"], "action": "SCMP_ACT_ALLOW", "args": [{ "index": 0, "value": 0, "valueTwo": 2114060288, "op": "SCMP_CMP_MASKED_EQ" }] }\n  ]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["clone"], "action": "SCMP_ACT_ALLOW", "args": [{ "index": 0, "value": 2114060288, "valueTwo": 0, "op": "SCMP_CMP_MASKED_EQ" }] }\n  ]\n}\n',
      },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "syscalls": [\n    { "names": ["unshare"], "action": "SCMP_ACT_ERRNO", "args": [{ "index": 0, "value": 268435456, "op": "SCMP_CMP_EQ" }] }\n  ]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "syscalls": [\n    { "names": ["unshare"], "action": "SCMP_ACT_ERRNO", "args": [{ "index": 0, "value": 268435456, "valueTwo": 268435456, "op": "SCMP_CMP_MASKED_EQ" }] }\n  ]\n}\n',
      },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    {\n      "names": ["socket"],\n      "action": "SCMP_ACT_ALLOW",\n      "args": [\n        { "index": 0, "value": 1, "op": "SCMP_CMP_GE" },\n        { "index": 0, "value": 10, "op": "SCMP_CMP_LE" }\n      ]\n    }\n  ]\n}\n',
      },
    ],
    good: [
      // Docker's own clone filter: no namespace flags.
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["clone"], "action": "SCMP_ACT_ALLOW", "args": [{ "index": 0, "value": 2114060288, "op": "SCMP_CMP_MASKED_EQ" }] }\n  ]\n}\n',
      '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "syscalls": [\n    { "names": ["unshare"], "action": "SCMP_ACT_ERRNO", "args": [{ "index": 0, "value": 268435456, "valueTwo": 268435456, "op": "SCMP_CMP_MASKED_EQ" }] }\n  ]\n}\n',
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["personality"], "action": "SCMP_ACT_ALLOW", "args": [{ "index": 0, "value": 8, "op": "SCMP_CMP_EQ" }] }\n  ]\n}\n',
    ],
  },
  check,
);
