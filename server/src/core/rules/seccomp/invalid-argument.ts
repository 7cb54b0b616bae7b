// CT3003 seccomp-invalid-argument: an argument condition runc cannot use: an unknown or missing
// comparison operator, or an argument index outside 0-5 (pure core layer).

import { seccompRule, type Hit } from '../rule';
import { SECCOMP_OPERATORS } from '../../knowledge/seccomp';
import type { SeccompModel } from '../../model/seccomp';
import { entryLabel, quote, suggest } from './util';
import { t } from '../../types';
import { zh } from '../image/zh';
import { REF } from './refs';

const OPS = Object.keys(SECCOMP_OPERATORS);

function candidates(value: string): string[] {
  const upper = value.trim().toUpperCase();
  const aliases: Record<string, string> = {
    '==': 'SCMP_CMP_EQ',
    '!=': 'SCMP_CMP_NE',
    '<': 'SCMP_CMP_LT',
    '<=': 'SCMP_CMP_LE',
    '>': 'SCMP_CMP_GT',
    '>=': 'SCMP_CMP_GE',
    '&': 'SCMP_CMP_MASKED_EQ',
  };
  const exact = OPS.filter((o) => o === upper || o === `SCMP_CMP_${upper}`);
  if (aliases[upper]) exact.push(aliases[upper]);
  return [...new Set([...exact, ...suggest(upper, OPS)])];
}

function check(model: SeccompModel): Hit[] {
  const hits: Hit[] = [];
  for (const rule of model.syscalls) {
    for (const arg of rule.args) {
      const where = `${entryLabel(rule)}.args[${arg.position}]`;
      if (!arg.op) {
        hits.push({
          range: arg.range,
          message: t(
            `${where} has no \`op\`: runc refuses the profile ("not a valid operator"). Add "op": "SCMP_CMP_EQ" or another SCMP_CMP_* comparison.`,
            `${where} 没有 \`op\`：runc 会拒绝该配置文件（“not a valid operator”）。请添加 "op": "SCMP_CMP_EQ" 或其他 SCMP_CMP_* 比较方式。`,
          ),
        });
      } else if (!SECCOMP_OPERATORS[arg.op.value]) {
        const options = candidates(arg.op.value);
        hits.push({
          range: arg.op.range,
          message: t(
            `${quote(arg.op.value)} is not a comparison runc knows (${where}.op): it refuses the profile.${options.length > 0 ? ` Did you mean ${options[0]}?` : ` Use one of ${OPS.join(', ')}.`}`,
            zh`${quote(arg.op.value)}不是 runc 认识的比较方式（${where}.op）：runc 会拒绝该配置文件。` +
              (options.length > 0 ? zh`你是不是想写${options[0]}？` : `请使用以下之一：${OPS.join('、')}。`),
          ),
          fixes: options.map((o) => ({ title: t(`Change to ${o}`, zh`改为${o}`), edits: [{ range: arg.op!.range, newText: quote(o) }] })),
        });
      }
      if (arg.index && arg.index.value > 5) {
        hits.push({
          range: arg.index.range,
          message: t(
            `A system call has at most six arguments, numbered 0 to 5; index ${arg.index.raw ?? arg.index.value} (${where}) does not exist and runc fails on it.`,
            `系统调用最多有六个参数，编号为 0 到 5；索引 ${arg.index.raw ?? arg.index.value}（${where}）不存在，runc 会因此失败。`,
          ),
        });
      } else if (!arg.index && arg.op) {
        hits.push({
          range: arg.range,
          message: t(
            `${where} has no \`index\`: Docker reads that as 0, so it compares the first argument. Write "index": 0 if that is what you mean.`,
            `${where} 没有 \`index\`：Docker 会把它当作 0，因此比较的是第一个参数。如果你确实是这个意思，请写上 "index": 0。`,
          ),
          severity: 'info',
        });
      }
    }
  }
  return hits;
}

export default seccompRule(
  {
    id: 'CT3003',
    name: 'seccomp-invalid-argument',
    title: 'An argument condition runc cannot use',
    defaultSeverity: 'error',
    appliesTo: ['seccomp'],
    explanation:
      "An entry can apply only when the call's arguments match conditions listed in `args`. Each condition names an argument by position (`index`, from 0 for the first to 5 for the sixth: system calls have at most six), a number (`value`, and `valueTwo` for masked comparisons) and a comparison (`op`). " +
      'The comparisons are `SCMP_CMP_EQ`, `SCMP_CMP_NE`, `SCMP_CMP_LT`, `SCMP_CMP_LE`, `SCMP_CMP_GT`, `SCMP_CMP_GE` and `SCMP_CMP_MASKED_EQ`. runc refuses any other spelling or a missing `op`, and an index above 5 does not exist: the container does not start. A missing `index` is read as 0, which may not be what was meant.',
    remediation: 'Use one of the comparison names above and an index from 0 to 5. The quick fix offers the closest comparison name.',
    zh: {
      title: 'runc 无法使用的参数条件',
      explanation:
        '条目可以只在调用的参数满足 `args` 中列出的条件时才生效。每个条件按位置指定一个参数（`index`，从第一个参数的 0 到第六个参数的 5：系统调用最多有六个参数）、一个数值（`value`，掩码比较时还有 `valueTwo`）和一种比较方式（`op`）。' +
        '比较方式有 `SCMP_CMP_EQ`、`SCMP_CMP_NE`、`SCMP_CMP_LT`、`SCMP_CMP_LE`、`SCMP_CMP_GT`、`SCMP_CMP_GE` 和 `SCMP_CMP_MASKED_EQ`。runc 会拒绝任何其他拼写或缺失的 `op`，而大于 5 的索引并不存在：容器无法启动。缺失的 `index` 会被当作 0，这未必是本意。',
      remediation: '使用上面列出的比较方式名称之一，索引取 0 到 5。快速修复会给出最接近的比较方式名称。',
    },
    references: [REF.runcConfig, REF.runcFilter, REF.ruleAdd, REF.spec],
    peers: {},
    bad: [
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["personality"], "action": "SCMP_ACT_ALLOW", "args": [{ "index": 0, "value": 0, "op": "SCMP_CMP_EQUAL" }] }\n  ]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["personality"], "action": "SCMP_ACT_ALLOW", "args": [{ "index": 0, "value": 0, "op": "SCMP_CMP_EQ" }] }\n  ]\n}\n',
      },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["socket"], "action": "SCMP_ACT_ALLOW", "args": [{ "index": 6, "value": 2, "op": "SCMP_CMP_EQ" }] }\n  ]\n}\n',
      },
    ],
    good: [
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["socket"], "action": "SCMP_ACT_ALLOW", "args": [{ "index": 0, "value": 40, "op": "SCMP_CMP_NE" }] }\n  ]\n}\n',
    ],
  },
  check,
);
