// CT3013 seccomp-misleading-argument-filter: argument conditions that do not do what they seem: a
// masked compare that can never match or always matches, an exact compare on namespace flags that
// other flags get around, conditions runc joins with OR, conditions on clone3's flags (pure core layer).

import { seccompRule, type Hit, type RuleFix } from '../rule';
import { isAllowing } from '../../model/seccompEval';
import type { SeccompArg, SeccompModel, SeccompRule } from '../../model/seccomp';
import type { TextEdit } from '../../types';
import { entryLabel, insertMemberAfter, memberRange } from './util';
import { t } from '../../types';
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
        message: t(
          `${where}: with a mask (\`value\`) of 0, \`(argument & 0) == 0\` holds for every call, so this condition filters nothing. Put the bits to test in \`value\` and what they must equal in \`valueTwo\`.`,
          `${where}：掩码（\`value\`）为 0 时，\`(argument & 0) == 0\` 对每个调用都成立，所以这个条件什么也过滤不了。请把要检测的位放在 \`value\` 中，把这些位应等于的值放在 \`valueTwo\` 中。`,
        ),
      },
    ];
  }
  if ((want & ~mask) === 0n) return [];
  const fixes: RuleFix[] = [];
  if (arg.value && arg.valueTwo && (mask & ~want) === 0n) {
    fixes.push({
      title: t('Swap value and valueTwo', '交换 value 和 valueTwo'),
      edits: [
        { range: arg.value.range, newText: arg.valueTwo.raw ?? String(arg.valueTwo.value) },
        { range: arg.valueTwo.range, newText: arg.value.raw ?? String(arg.value.value) },
      ],
    });
  }
  return [
    {
      range: arg.op!.range,
      message: t(
        `${where}: SCMP_CMP_MASKED_EQ tests \`(argument & value) == valueTwo\`, and valueTwo (${hex(want)}) has bits the mask (${hex(mask)}) clears, so this condition never matches and the entry never applies${rule.names.some((n) => n.value === 'clone') ? ' (an allow-list then refuses every clone, so programs cannot start threads or processes)' : ''}. Are value and valueTwo swapped?`,
        `${where}：SCMP_CMP_MASKED_EQ 检测的是 \`(argument & value) == valueTwo\`，而 valueTwo（${hex(want)}）中有被掩码（${hex(mask)}）清除的位，所以这个条件永远不会匹配，这个条目也永远不会生效${rule.names.some((n) => n.value === 'clone') ? '（于是允许列表会拒绝所有 clone 调用，程序无法创建线程或进程）' : ''}。是不是把 value 和 valueTwo 写反了？`,
      ),
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
            message: t(
              `${where}: SCMP_CMP_EQ matches only the exact value ${hex(v)}, so ${flags.call} with that flag plus any other (SIGCHLD, CLONE_FILES…) is not ${action === 'SCMP_ACT_TRACE' ? 'traced' : 'refused'}. To catch a flag whatever else is set, use SCMP_CMP_MASKED_EQ with the flag as both value and valueTwo.`,
              `${where}：SCMP_CMP_EQ 只匹配恰好等于 ${hex(v)} 的值，所以带有该标志外加任何其他标志（SIGCHLD、CLONE_FILES……）的 ${flags.call} 调用不会被${action === 'SCMP_ACT_TRACE' ? '跟踪' : '拒绝'}。要不管其他位如何都能捕获该标志，请使用 SCMP_CMP_MASKED_EQ，并把该标志同时作为 value 和 valueTwo。`,
            ),
            fixes: edit
              ? [
                  {
                    title: t(
                      'Use SCMP_CMP_MASKED_EQ with the flag as mask and expected value',
                      '使用 SCMP_CMP_MASKED_EQ，以该标志作为掩码和期望值',
                    ),
                    edits: [{ range: arg.op.range, newText: '"SCMP_CMP_MASKED_EQ"' }, edit],
                  },
                ]
              : [],
          });
        } else if (op === 'SCMP_CMP_NE' && isAllowing(action)) {
          const edit = single ? setValueTwo(model, arg, '0') : undefined;
          hits.push({
            range: arg.op.range,
            message: t(
              `${where}: SCMP_CMP_NE allows every value except exactly ${hex(v)}, so ${flags.call} with that flag plus any other flag is allowed. To allow only calls without the flag, use SCMP_CMP_MASKED_EQ with the flag as value and 0 as valueTwo.`,
              `${where}：SCMP_CMP_NE 允许除恰好等于 ${hex(v)} 之外的所有值，所以带有该标志外加任何其他标志的 ${flags.call} 调用都会被允许。要只允许不带该标志的调用，请使用 SCMP_CMP_MASKED_EQ，以该标志作为 value、以 0 作为 valueTwo。`,
            ),
            fixes: edit
              ? [
                  {
                    title: t(
                      'Use SCMP_CMP_MASKED_EQ with valueTwo 0 (flag not set)',
                      '使用 SCMP_CMP_MASKED_EQ，valueTwo 为 0（标志未设置）',
                    ),
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
        message: t(
          `${entryLabel(rule)}: clone3 receives its flags in a structure in memory, and seccomp only sees the pointer to it, so argument conditions cannot tell which flags a clone3 call uses. Docker makes clone3 fail with ENOSYS instead, so that programs fall back to clone, whose flags can be filtered.`,
          `${entryLabel(rule)}：clone3 通过内存中的结构体接收 flags，而 seccomp 只能看到指向它的指针，所以参数条件无法分辨 clone3 调用使用了哪些 flags。Docker 的做法是让 clone3 以 ENOSYS 失败，使程序退回到 flags 可以被过滤的 clone。`,
        ),
      });
    }
    for (const [idx, args] of byIndex) {
      if (args.length < 2) continue;
      hits.push({
        range: args[1].range,
        message: t(
          `${entryLabel(rule)} has ${args.length} conditions on argument ${idx}. runc adds conditions that compare the same argument as separate rules, so the entry applies when any one of them matches (OR), not when all do. For a range, use two entries or a single comparison.`,
          `${entryLabel(rule)} 对参数 ${idx} 有 ${args.length} 个条件。runc 会把比较同一参数的条件作为各自独立的规则添加，所以只要其中任何一个匹配，条目就会生效（或），而不是全部匹配才生效。如需表示一个范围，请使用两个条目或单个比较。`,
        ),
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
    zh: {
      title: '效果与表面不符的参数条件',
      explanation:
        '参数条件可以让条目只对部分调用生效，例如只对不创建命名空间的 `clone` 生效。有几种写法看似正确，实则不然：' +
        '`SCMP_CMP_MASKED_EQ` 检测的是 `(argument & value) == valueTwo`；当 `value`（掩码）为 0 时它匹配所有调用，而当 `valueTwo` 中有被掩码清除的位时它永远不会匹配（两者常常被写反）。' +
        '`SCMP_CMP_EQ` 只匹配一个确切的数值，所以一条本想拒绝 `clone(CLONE_NEWUSER)` 的规则会放过 `clone(CLONE_NEWUSER | SIGCHLD)`；允许规则中的 `SCMP_CMP_NE` 则从反方向留下了同样的漏洞。' +
        '当同一条目的两个条件比较同一个参数时，runc 会把它们变成各自独立的规则，于是它们之间是“或”而不是“与”的关系。此外，`clone3` 通过内存传递 flags，而 seccomp 看不到内存，所以针对其参数的条件无法检查 flags。',
      remediation:
        '要检测标志位，请使用 `SCMP_CMP_MASKED_EQ`，把标志放在 `value` 中，把要求的结果放在 `valueTwo` 中（“这些标志都没有设置”时为 0），就像 Docker 的默认配置文件对 `clone` 所做的那样（`value` 为 2114060288，即各命名空间标志）。把针对同一参数的条件放在不同的条目中。对于 `clone3`，照 Docker 的做法：使用 `SCMP_ACT_ERRNO`，`errnoRet` 为 38（ENOSYS）。',
    },
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
