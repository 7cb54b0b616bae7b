#!/usr/bin/env node
// Writes server/src/core/knowledge/generated/syscalls.json: the system call names of each
// architecture a Docker seccomp profile names, read from Debian's linux-libc-dev headers and
// cross-checked with libseccomp's `scmp_sys_resolver` (Debian package `seccomp`) when installed.
// Run by hand when the headers change: `node scripts/gen-syscalls.mjs`; the output is committed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'server/src/core/knowledge/generated');
const INCLUDE = '/usr/include';
const X86_ASM = `${INCLUDE}/x86_64-linux-gnu/asm`;

/** `#define __NR_<name> <anything>` lines of a header, names only. */
function namesFromDefines(text) {
  const names = new Set();
  for (const m of text.matchAll(/^#define __NR_([a-z0-9_]+)\s+\S/gm)) {
    if (m[1] === 'syscalls' || m[1] === 'arch_specific_syscall') continue;
    names.add(m[1]);
  }
  return names;
}

function readHeader(path) {
  if (!existsSync(path)) return undefined;
  return namesFromDefines(readFileSync(path, 'utf8'));
}

/**
 * aarch64 has no header of its own on an x86_64 machine: its table is asm-generic/unistd.h with
 * the switches arch/arm64/include/uapi/asm/unistd.h sets before including it (Linux 6.1). The C
 * preprocessor evaluates the header's #if blocks exactly as the kernel build does.
 */
const ARM64_WANTS = [
  '__ARCH_WANT_RENAMEAT',
  '__ARCH_WANT_NEW_STAT',
  '__ARCH_WANT_SET_GET_RLIMIT',
  '__ARCH_WANT_TIME32_SYSCALLS',
  '__ARCH_WANT_SYS_CLONE3',
  '__ARCH_WANT_MEMFD_SECRET',
];

function genericTable(wants, bitsPerLong) {
  const src = `${wants.map((w) => `#define ${w}`).join('\n')}\n#include <asm-generic/unistd.h>\n`;
  // asm/bitsperlong.h decides __BITS_PER_LONG from the compiler's target; pass it explicitly.
  const r = spawnSync('cpp', ['-dM', '-P', `-D__BITS_PER_LONG=${bitsPerLong}`, '-'], { input: src, encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`cpp failed (install gcc/cpp): ${r.error?.message ?? r.stderr}`);
  }
  return namesFromDefines(r.stdout);
}

/**
 * System calls added after Linux 6.1 (the headers of Debian 12), numbered in the kernel's shared
 * table scripts/syscall.tbl and arch/x86/entry/syscalls/syscall_64.tbl. Listed here so that a
 * profile naming a recent call is not told it is misspelt; `abi` says which tables have it.
 */
const NEWER_THAN_HEADERS = [
  { name: 'cachestat', since: '6.5', abi: 'common' },
  { name: 'fchmodat2', since: '6.6', abi: 'common' },
  { name: 'map_shadow_stack', since: '6.6', abi: 'x86_64' },
  { name: 'futex_wake', since: '6.7', abi: 'common' },
  { name: 'futex_wait', since: '6.7', abi: 'common' },
  { name: 'futex_requeue', since: '6.7', abi: 'common' },
  { name: 'statmount', since: '6.8', abi: 'common' },
  { name: 'listmount', since: '6.8', abi: 'common' },
  { name: 'lsm_get_self_attr', since: '6.8', abi: 'common' },
  { name: 'lsm_set_self_attr', since: '6.8', abi: 'common' },
  { name: 'lsm_list_modules', since: '6.8', abi: 'common' },
  { name: 'mseal', since: '6.10', abi: 'common' },
  { name: 'uretprobe', since: '6.11', abi: 'x86_64' },
  { name: 'setxattrat', since: '6.13', abi: 'common' },
  { name: 'getxattrat', since: '6.13', abi: 'common' },
  { name: 'listxattrat', since: '6.13', abi: 'common' },
  { name: 'removexattrat', since: '6.13', abi: 'common' },
  { name: 'open_tree_attr', since: '6.15', abi: 'common' },
  { name: 'file_getattr', since: '6.17', abi: 'common' },
  { name: 'file_setattr', since: '6.17', abi: 'common' },
];

// ---- read the headers ------------------------------------------------------------------------

const tables = {};
const sources = {};
const x8664 = readHeader(`${X86_ASM}/unistd_64.h`);
if (!x8664) throw new Error(`${X86_ASM}/unistd_64.h not found: apt-get install linux-libc-dev`);
tables.x86_64 = x8664;
sources.x86_64 = 'asm/unistd_64.h';
const x86 = readHeader(`${X86_ASM}/unistd_32.h`);
if (x86) {
  tables.x86 = x86;
  sources.x86 = 'asm/unistd_32.h';
}
const x32 = readHeader(`${X86_ASM}/unistd_x32.h`);
if (x32) {
  tables.x32 = x32;
  sources.x32 = 'asm/unistd_x32.h';
}
tables.aarch64 = genericTable(ARM64_WANTS, 64);
sources.aarch64 = 'asm-generic/unistd.h (arm64 switches)';

const headerVersion = (() => {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'linux-libc-dev'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();

// ---- cross-check with libseccomp --------------------------------------------------------------

function hasResolver() {
  const r = spawnSync('scmp_sys_resolver', ['-a', 'x86_64', 'read'], { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

/** Number → name for a range of numbers, in one shell loop per architecture (fast enough). */
function namesByNumber(arch, numbers) {
  const script = `for n in ${numbers.join(' ')}; do scmp_sys_resolver -a ${arch} $n; done`;
  const out = execFileSync('sh', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return new Set(
    out
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^[a-z0-9_]+$/.test(l) && l !== 'UNKNOWN'),
  );
}

/** Name → number for many names at once; a negative number means libseccomp does not know it there. */
function resolvesOn(arch, names) {
  const list = [...names];
  const script = `for n in ${list.join(' ')}; do echo "$n $(scmp_sys_resolver -a ${arch} $n)"; done`;
  const out = execFileSync('sh', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const known = new Set();
  for (const line of out.split('\n')) {
    const [name, num] = line.trim().split(/\s+/);
    if (name && num !== undefined && Number(num) >= 0) known.add(name);
  }
  return known;
}

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const report = [];
let resolverVersion = 'not installed';
if (hasResolver()) {
  try {
    resolverVersion = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'seccomp'], { encoding: 'utf8' }).trim();
  } catch {
    resolverVersion = 'installed';
  }
  for (const arch of Object.keys(tables)) {
    const known = resolvesOn(arch, tables[arch]);
    const notInLibseccomp = [...tables[arch]].filter((n) => !known.has(n)).sort();
    const base = arch === 'x32' ? 0x40000000 : 0;
    const fromLib = namesByNumber(
      arch,
      range(0, 600).map((n) => base + n),
    );
    const notInHeaders = [...fromLib].filter((n) => !tables[arch].has(n)).sort();
    report.push({ arch, notInLibseccomp, notInHeaders });
  }
  // 32-bit ARM (SCMP_ARCH_ARM, the sub-architecture Docker adds on aarch64) has no header on an
  // x86_64 machine; libseccomp's table is the source. Its private calls sit at 0xf0001 and up.
  tables.arm = namesByNumber('arm', [...range(0, 600), ...range(0xf0000, 0xf0010)]);
  sources.arm = 'libseccomp (scmp_sys_resolver -a arm)';
}

for (const { name, abi } of NEWER_THAN_HEADERS) {
  for (const arch of Object.keys(tables)) {
    if (abi === 'common' || abi === arch) tables[arch].add(name);
  }
}

// ---- write ------------------------------------------------------------------------------------

mkdirSync(outDir, { recursive: true });
const json = {};
for (const arch of Object.keys(tables)) json[arch] = [...tables[arch]].sort();
writeFileSync(join(outDir, 'syscalls.json'), JSON.stringify(json, null, 1) + '\n');

const lines = [];
lines.push(`linux-libc-dev ${headerVersion}; scmp_sys_resolver (seccomp) ${resolverVersion}.`, '');
for (const arch of Object.keys(json)) lines.push(`- \`${arch}\`: ${json[arch].length} names, from ${sources[arch]}`);
lines.push('');
lines.push(`Added by hand as newer than the headers (${NEWER_THAN_HEADERS.map((n) => `${n.name} ${n.since}`).join(', ')}).`);
for (const r of report) {
  lines.push('');
  lines.push(`Cross-check \`${r.arch}\`: in the headers but unknown to libseccomp: ${r.notInLibseccomp.join(', ') || 'none'}.`);
  lines.push(`Known to libseccomp (numbers 0-600) but not in the headers: ${r.notInHeaders.join(', ') || 'none'}.`);
}
writeFileSync(join(outDir, 'syscalls.sources.md'), lines.join('\n') + '\n');
console.log(lines.join('\n'));
