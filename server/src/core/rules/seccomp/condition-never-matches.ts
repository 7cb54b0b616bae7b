// CT3014 seccomp-condition-never-matches: an `includes`/`excludes` value moby can never match: an
// architecture not in libseccomp's native spelling, a capability without `CAP_` in capitals or
// unknown to the kernel (pure core layer).

import { seccompRule, type Hit } from '../rule';
import { NATIVE_ARCHES, nativeArchFor } from '../../knowledge/seccomp';
import { ALL_CAPS } from '../../model/capabilities';
import type { JVal, SeccompFilter, SeccompModel } from '../../model/seccomp';
import { entryLabel, quote, suggest } from './util';
import { t } from '../../types';
import { zh } from '../image/zh';
import { REF } from './refs';

const CAP_NAMES = ALL_CAPS.map((c) => `CAP_${c}`);

function effect(kind: 'includes' | 'excludes'): string {
  return kind === 'includes' ? 'so this entry is never used' : 'so this exclusion never applies and the entry is always used';
}

function effectZh(kind: 'includes' | 'excludes'): string {
  return kind === 'includes' ? '因此这个条目永远不会被使用' : '因此这个排除条件永远不会生效，条目总是会被使用';
}

function archHit(v: JVal<string>, kind: 'includes' | 'excludes', where: string): Hit | undefined {
  if (NATIVE_ARCHES.has(v.value)) return undefined;
  const native = nativeArchFor(v.value) ?? nativeArchFor(v.value.replace(/^scmp_arch_/i, ''));
  const options = native ? [native] : suggest(v.value, NATIVE_ARCHES);
  return {
    range: v.range,
    message: t(
      `${quote(v.value)} in ${where}.arches never matches: moby compares these with the host's architecture in libseccomp's spelling (amd64, arm64, x86, x32, arm, s390x, ppc64le, riscv64…), not SCMP_ARCH_* names, ${effect(kind)}.${options.length > 0 ? ` Did you mean ${quote(options[0])}?` : ''}`,
      zh`${where}.arches 中的${quote(v.value)}永远不会匹配：moby 用 libseccomp 的写法（amd64、arm64、x86、x32、arm、s390x、ppc64le、riscv64……）而不是 SCMP_ARCH_* 名称与主机架构进行比较，${effectZh(kind)}。` +
        (options.length > 0 ? zh`你是不是想写${quote(options[0])}？` : ''),
    ),
    fixes: options.map((o) => ({ title: t(`Change to ${quote(o)}`, zh`改为${quote(o)}`), edits: [{ range: v.range, newText: quote(o) }] })),
  };
}

function capHit(v: JVal<string>, kind: 'includes' | 'excludes', where: string): Hit | undefined {
  if (CAP_NAMES.includes(v.value)) return undefined;
  const upper = v.value.trim().toUpperCase();
  const normal = upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
  const options = CAP_NAMES.includes(normal) ? [normal] : suggest(normal, CAP_NAMES);
  return {
    range: v.range,
    message: t(
      `${quote(v.value)} in ${where}.caps never matches: moby compares it with the container's capabilities written like CAP_SYS_ADMIN (capitals, with the CAP_ prefix), ${effect(kind)}.${options.length > 0 ? ` Did you mean ${options[0]}?` : ''}`,
      zh`${where}.caps 中的${quote(v.value)}永远不会匹配：moby 把它与写成 CAP_SYS_ADMIN 形式（大写，带 CAP_ 前缀）的容器权能进行比较，${effectZh(kind)}。` +
        (options.length > 0 ? zh`你是不是想写${options[0]}？` : ''),
    ),
    fixes: options.map((o) => ({ title: t(`Change to ${o}`, zh`改为${o}`), edits: [{ range: v.range, newText: quote(o) }] })),
  };
}

function filterHits(f: SeccompFilter | undefined, kind: 'includes' | 'excludes', where: string): Hit[] {
  if (!f) return [];
  const out: (Hit | undefined)[] = [];
  for (const a of f.arches ?? []) out.push(archHit(a, kind, `${where}.${kind}`));
  for (const c of f.caps ?? []) out.push(capHit(c, kind, `${where}.${kind}`));
  return out.filter((h): h is Hit => !!h);
}

function check(model: SeccompModel): Hit[] {
  return model.syscalls.flatMap((r) => [
    ...filterHits(r.includes, 'includes', entryLabel(r)),
    ...filterHits(r.excludes, 'excludes', entryLabel(r)),
  ]);
}

export default seccompRule(
  {
    id: 'CT3014',
    name: 'seccomp-condition-never-matches',
    title: 'A capability or architecture condition that can never match',
    defaultSeverity: 'warning',
    appliesTo: ['seccomp'],
    explanation:
      "`includes` and `excludes` make Docker keep or drop an entry depending on the container: `caps` are compared with the container's capabilities, `arches` with the host's architecture. Docker compares the strings exactly, and each list has its own spelling: capabilities as `CAP_SYS_ADMIN` (capitals, with the prefix), architectures in libseccomp's native names such as `amd64`, `arm64`, `x86`, `s390x` (not the `SCMP_ARCH_*` names used in `architectures`). " +
      'Any other spelling never matches, without an error: an entry meant for containers with `SYS_ADMIN` is never used, and an exclusion such as `"excludes": { "arches": ["SCMP_ARCH_S390X"] }` never applies, so the entry is used everywhere.',
    remediation:
      'Write capabilities as `CAP_` + the kernel name in capitals and architectures in the native spelling. The quick fix corrects both.',
    zh: {
      title: '永远不会匹配的权能或架构条件',
      explanation:
        '`includes` 和 `excludes` 让 Docker 根据容器的情况保留或丢弃一个条目：`caps` 与容器的权能比较，`arches` 与主机的架构比较。Docker 按字符串精确比较，而且每个列表有自己的写法：权能写成 `CAP_SYS_ADMIN`（大写，带前缀），架构使用 libseccomp 的原生名称，例如 `amd64`、`arm64`、`x86`、`s390x`（而不是 `architectures` 中使用的 `SCMP_ARCH_*` 名称）。' +
        '任何其他写法都永远不会匹配，而且不会报错：本想用于具有 `SYS_ADMIN` 的容器的条目永远不会被使用，而像 `"excludes": { "arches": ["SCMP_ARCH_S390X"] }` 这样的排除条件永远不会生效，于是该条目在所有地方都会被使用。',
      remediation: '权能写成 `CAP_` 加上大写的内核名称，架构使用原生写法。快速修复会同时改正这两种情况。',
    },
    references: [
      REF.mobyLoad,
      REF.defaultProfile,
      { title: 'capabilities(7)', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
    ],
    peers: {},
    bad: [
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": { "caps": ["SYS_ADMIN"] } }]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": { "caps": ["CAP_SYS_ADMIN"] } }]\n}\n',
      },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["arch_prctl"], "action": "SCMP_ACT_ALLOW", "includes": { "arches": ["SCMP_ARCH_X86_64"] } }]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["arch_prctl"], "action": "SCMP_ACT_ALLOW", "includes": { "arches": ["amd64"] } }]\n}\n',
      },
    ],
    good: [
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["arch_prctl"], "action": "SCMP_ACT_ALLOW", "includes": { "arches": ["amd64", "x32"], "caps": ["CAP_SYS_ADMIN"] } }]\n}\n',
    ],
  },
  check,
);
