// CT3003 seccomp-invalid-argument: an argument condition runc cannot use: an unknown or missing
// comparison operator, or an argument index outside 0-5 (pure core layer).

import { seccompRule, type Hit } from '../rule';
import { SECCOMP_OPERATORS } from '../../knowledge/seccomp';
import type { SeccompModel } from '../../model/seccomp';
import { entryLabel, quote, suggest } from './util';
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
          message: `${where} has no \`op\`: runc refuses the profile ("not a valid operator"). Add "op": "SCMP_CMP_EQ" or another SCMP_CMP_* comparison.`,
        });
      } else if (!SECCOMP_OPERATORS[arg.op.value]) {
        const options = candidates(arg.op.value);
        hits.push({
          range: arg.op.range,
          message: `${quote(arg.op.value)} is not a comparison runc knows (${where}.op): it refuses the profile.${options.length > 0 ? ` Did you mean ${options[0]}?` : ` Use one of ${OPS.join(', ')}.`}`,
          fixes: options.map((o) => ({ title: `Change to ${o}`, edits: [{ range: arg.op!.range, newText: quote(o) }] })),
        });
      }
      if (arg.index && arg.index.value > 5) {
        hits.push({
          range: arg.index.range,
          message: `A system call has at most six arguments, numbered 0 to 5; index ${arg.index.raw ?? arg.index.value} (${where}) does not exist and runc fails on it.`,
        });
      } else if (!arg.index && arg.op) {
        hits.push({
          range: arg.range,
          message: `${where} has no \`index\`: Docker reads that as 0, so it compares the first argument. Write "index": 0 if that is what you mean.`,
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
