// CT3008 seccomp-unknown-key: a key Docker does not read; its JSON decoder ignores it silently,
// so a misspelt `syscall`, `arg` or `include` does nothing (pure core layer).

import { seccompRule, type Hit } from '../rule';
import type { SeccompModel } from '../../model/seccomp';
import { quote, suggest } from './util';
import { REF } from './refs';

/** Frequent slips beyond spelling distance. */
const ALIASES: Record<string, string> = {
  syscall: 'syscalls',
  rules: 'syscalls',
  default_action: 'defaultAction',
  defaultaction: 'defaultAction',
  arch: 'architectures',
  archs: 'architectures',
  arguments: 'args',
  include: 'includes',
  exclude: 'excludes',
  capabilities: 'caps',
  operator: 'op',
  errno: 'errnoRet',
  defaultErrno: 'defaultErrnoRet',
  value2: 'valueTwo',
  subarchitectures: 'subArchitectures',
  minkernel: 'minKernel',
};

function check(model: SeccompModel): Hit[] {
  return model.unknownKeys.map((k) => {
    const alias = ALIASES[k.value] ?? ALIASES[k.value.toLowerCase()];
    const options = [...new Set([...(alias && k.known.includes(alias) ? [alias] : []), ...suggest(k.value, k.known)])];
    const podman = k.value === 'defaultErrno' || k.value === 'errno' ? ' (Podman reads an errno name here; Docker does not)' : '';
    return {
      range: k.range,
      message: `Docker does not know ${quote(k.value)} in ${k.where}${podman} and ignores it without a word, so it has no effect.${options.length > 0 ? ` Did you mean ${quote(options[0])}?` : ` Known keys here: ${k.known.join(', ')}.`}`,
      fixes: options.map((o) => ({ title: `Rename to ${quote(o)}`, edits: [{ range: k.range, newText: quote(o) }] })),
    };
  });
}

export default seccompRule(
  {
    id: 'CT3008',
    name: 'seccomp-unknown-key',
    title: 'A key Docker ignores',
    defaultSeverity: 'warning',
    appliesTo: ['seccomp'],
    explanation:
      'Docker decodes a profile into fixed fields and skips every key it does not know, without an error or a warning. A misspelt key therefore does nothing at all: `"syscall": [...]` instead of `syscalls` leaves the profile with no rules, `"arg"` instead of `args` drops the argument conditions so the entry applies to every call, and `"include"` instead of `includes` drops the capability condition. ' +
      'Go matches keys without regard to case, so `Names` works, but anything else must be spelt as in the format: `defaultAction`, `defaultErrnoRet`, `architectures`, `archMap`, `syscalls`, `flags`, `listenerPath`, `listenerMetadata`; in an entry `names`, `action`, `errnoRet`, `args`, `includes`, `excludes`, `comment`; in an argument `index`, `value`, `valueTwo`, `op`; in a filter `caps`, `arches`, `minKernel`.',
    remediation:
      "Rename the key to the one you meant (the quick fix offers the closest), or delete it. For notes, use an entry's `comment` field.",
    references: [REF.mobyTypes, REF.spec, REF.dockerDocs],
    peers: {},
    bad: [
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscall": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
        fixed: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["personality"], "action": "SCMP_ACT_ALLOW", "arg": [{ "index": 0, "value": 0, "op": "SCMP_CMP_EQ" }] }]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["personality"], "action": "SCMP_ACT_ALLOW", "args": [{ "index": 0, "value": 0, "op": "SCMP_CMP_EQ" }] }]\n}\n',
      },
    ],
    good: [
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW", "comment": "reading is fine", "Includes": { "caps": ["CAP_SYS_ADMIN"] } }]\n}\n',
    ],
  },
  check,
);
