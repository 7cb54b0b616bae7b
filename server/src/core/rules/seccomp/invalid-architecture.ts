// CT3004 seccomp-invalid-architecture: an `architectures` or `archMap` value runc does not know
// as an SCMP_ARCH_* name (pure core layer).

import { seccompRule, type Hit } from '../rule';
import { ARCH_ALIASES, SECCOMP_ARCHES } from '../../knowledge/seccomp';
import type { JVal, SeccompModel } from '../../model/seccomp';
import { quote, suggest } from './util';
import { REF } from './refs';

const ARCHES = Object.keys(SECCOMP_ARCHES);

function candidates(value: string): string[] {
  const v = value.trim();
  const out: string[] = [];
  if (SECCOMP_ARCHES[v.toUpperCase()]) out.push(v.toUpperCase());
  if (SECCOMP_ARCHES[`SCMP_ARCH_${v.toUpperCase()}`]) out.push(`SCMP_ARCH_${v.toUpperCase()}`);
  const alias = ARCH_ALIASES[v.toLowerCase().replace(/^scmp_arch_/, '')];
  if (alias) out.push(alias);
  return [...new Set([...out, ...suggest(v.toUpperCase(), ARCHES)])];
}

function hitFor(v: JVal<string>, where: string): Hit | undefined {
  if (SECCOMP_ARCHES[v.value]) return undefined;
  const options = candidates(v.value);
  return {
    range: v.range,
    message:
      v.value === 'SCMP_ARCH_NATIVE'
        ? `SCMP_ARCH_NATIVE (${where}) is in moby's list of names but runc does not accept it and refuses the profile; name the architecture, e.g. SCMP_ARCH_X86_64.`
        : `${quote(v.value)} is not an architecture runc knows (${where}): it refuses the profile ("not a valid arch"). ${options.length > 0 ? `Did you mean ${options[0]}?` : 'Use an SCMP_ARCH_* name such as SCMP_ARCH_X86_64 or SCMP_ARCH_AARCH64.'}`,
    fixes: options.map((a) => ({ title: `Change to ${a}`, edits: [{ range: v.range, newText: quote(a) }] })),
  };
}

function check(model: SeccompModel): Hit[] {
  const hits: (Hit | undefined)[] = [];
  model.architectures?.value.forEach((a, i) => hits.push(hitFor(a, `architectures[${i}]`)));
  model.archMap?.forEach((m, i) => {
    hits.push(hitFor(m.architecture, `archMap[${i}].architecture`));
    m.subArchitectures.forEach((s, j) => hits.push(hitFor(s, `archMap[${i}].subArchitectures[${j}]`)));
  });
  return hits.filter((h): h is Hit => !!h);
}

export default seccompRule(
  {
    id: 'CT3004',
    name: 'seccomp-invalid-architecture',
    title: 'An architecture name runc does not know',
    defaultSeverity: 'error',
    appliesTo: ['seccomp'],
    explanation:
      "A processor can offer more than one way to make system calls: an x86-64 kernel also runs 32-bit x86 and x32 programs, each with its own numbering of the calls. `architectures` (or the `archMap` entry for the host) lists which of these the filter covers, with libseccomp's names: `SCMP_ARCH_X86_64`, `SCMP_ARCH_X86`, `SCMP_ARCH_X32`, `SCMP_ARCH_AARCH64`, `SCMP_ARCH_ARM` and so on. " +
      'runc refuses the profile when a name is not one it knows, so the container does not start. Everyday names such as `x86_64`, `amd64` or `aarch64` are not accepted here (they are used elsewhere, in `includes.arches`).',
    remediation:
      'Write the `SCMP_ARCH_*` name. The quick fix maps common spellings (`x86_64` → `SCMP_ARCH_X86_64`, `arm64` → `SCMP_ARCH_AARCH64`).',
    references: [REF.runcConfig, REF.mobyTypes, REF.dockerDocs],
    peers: {},
    bad: [
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["x86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "archMap": [{ "architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARMHF"] }],\n  "syscalls": []\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "archMap": [{ "architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"] }],\n  "syscalls": []\n}\n',
      },
    ],
    good: ['{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"],\n  "syscalls": []\n}\n'],
  },
  check,
);
