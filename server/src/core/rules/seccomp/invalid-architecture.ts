// CT3004 seccomp-invalid-architecture: an `architectures` or `archMap` value runc does not know
// as an SCMP_ARCH_* name (pure core layer).

import { seccompRule, type Hit } from '../rule';
import { ARCH_ALIASES, SECCOMP_ARCHES } from '../../knowledge/seccomp';
import type { JVal, SeccompModel } from '../../model/seccomp';
import { quote, suggest } from './util';
import { t } from '../../types';
import { zh } from '../image/zh';
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
        ? t(
            `SCMP_ARCH_NATIVE (${where}) is in moby's list of names but runc does not accept it and refuses the profile; name the architecture, e.g. SCMP_ARCH_X86_64.`,
            `SCMP_ARCH_NATIVE（${where}）在 moby 的名称列表中，但 runc 不接受它并会拒绝该配置文件；请写出具体架构，例如 SCMP_ARCH_X86_64。`,
          )
        : t(
            `${quote(v.value)} is not an architecture runc knows (${where}): it refuses the profile ("not a valid arch"). ${options.length > 0 ? `Did you mean ${options[0]}?` : 'Use an SCMP_ARCH_* name such as SCMP_ARCH_X86_64 or SCMP_ARCH_AARCH64.'}`,
            zh`${quote(v.value)}不是 runc 认识的架构（${where}）：runc 会拒绝该配置文件（“not a valid arch”）。` +
              (options.length > 0
                ? zh`你是不是想写${options[0]}？`
                : '请使用 SCMP_ARCH_* 名称，例如 SCMP_ARCH_X86_64 或 SCMP_ARCH_AARCH64。'),
          ),
    fixes: options.map((a) => ({ title: t(`Change to ${a}`, zh`改为${a}`), edits: [{ range: v.range, newText: quote(a) }] })),
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
    zh: {
      title: 'runc 不认识的架构名称',
      explanation:
        '一种处理器可以提供不止一种发出系统调用的方式：x86-64 内核也能运行 32 位 x86 和 x32 程序，每种都有自己的系统调用编号。`architectures`（或主机对应的 `archMap` 条目）用 libseccomp 的名称列出过滤器覆盖其中哪些：`SCMP_ARCH_X86_64`、`SCMP_ARCH_X86`、`SCMP_ARCH_X32`、`SCMP_ARCH_AARCH64`、`SCMP_ARCH_ARM` 等等。' +
        '只要有一个名称不是 runc 认识的，runc 就会拒绝该配置文件，容器因此无法启动。`x86_64`、`amd64` 或 `aarch64` 这类日常名称在这里不被接受（它们用在别处，即 `includes.arches` 中）。',
      remediation: '写 `SCMP_ARCH_*` 名称。快速修复会转换常见写法（`x86_64` → `SCMP_ARCH_X86_64`，`arm64` → `SCMP_ARCH_AARCH64`）。',
    },
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
