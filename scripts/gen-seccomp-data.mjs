#!/usr/bin/env node
// Copies Docker's default seccomp profile (as published by moby/profiles, Apache-2.0) into
// server/src/core/knowledge/generated/ with its licence, and derives a compact table of what the
// profile does with each system call. Usage: node scripts/gen-seccomp-data.mjs [profile.json]
// (default ../shared/data/docker-default-seccomp.json, beside the repository). Output is committed.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'docker-default-seccomp.json'));
const licence = join(dirname(input), 'LICENSE.moby-profiles');
const outDir = join(root, 'server/src/core/knowledge/generated');

if (!existsSync(input)) throw new Error(`no profile at ${input}`);
if (!existsSync(licence)) throw new Error(`the profile's licence must sit beside it: ${licence}`);
const text = readFileSync(input, 'utf8');
const profile = JSON.parse(text);

mkdirSync(outDir, { recursive: true });
/** Copies byte for byte; the copy is writable even when the source is read-only. */
function copy(from, to) {
  if (existsSync(to)) chmodSync(to, 0o644);
  writeFileSync(to, readFileSync(from), { mode: 0o644 });
}
// Byte for byte, as published: the "create a profile" command writes exactly this text.
copy(input, join(outDir, 'docker-default-seccomp.json'));
copy(licence, join(outDir, 'LICENSE.moby-profiles'));

/**
 * One row per way the profile treats a name: its action and the conditions under which Docker
 * keeps the entry (moby drops an entry when a condition fails, see profiles/seccomp in moby).
 */
function rowOf(entry) {
  const row = { action: entry.action };
  if (entry.errnoRet !== undefined) row.errnoRet = entry.errnoRet;
  if (entry.includes?.caps?.length) row.caps = entry.includes.caps;
  if (entry.includes?.arches?.length) row.arches = entry.includes.arches;
  if (entry.includes?.minKernel) row.minKernel = entry.includes.minKernel;
  if (entry.excludes?.caps?.length) row.unlessCaps = entry.excludes.caps;
  if (entry.excludes?.arches?.length) row.exceptArches = entry.excludes.arches;
  if (entry.args?.length) row.args = entry.args.map((a) => ({ index: a.index, op: a.op, value: a.value, valueTwo: a.valueTwo ?? 0 }));
  return row;
}

/** A word for the common cases, so readers of the table need not interpret rows. */
function summaryOf(rows) {
  const allows = rows.filter((r) => r.action === 'SCMP_ACT_ALLOW');
  const plain = (r) => !r.caps && !r.arches && !r.minKernel && !r.unlessCaps && !r.exceptArches && !r.args;
  if (allows.some(plain)) return 'allowed';
  const kinds = new Set();
  for (const r of allows) {
    if (r.caps) kinds.add('capability');
    if (r.args) kinds.add('arguments');
    if (r.minKernel) kinds.add('kernel');
    if (r.arches) kinds.add('arch');
  }
  return kinds.size > 0 ? `allowed-with-${[...kinds].sort().join('-or-')}` : 'blocked';
}

const byName = new Map();
for (const entry of profile.syscalls ?? []) {
  const names = entry.names ?? (entry.name ? [entry.name] : []);
  for (const name of names) {
    const rows = byName.get(name) ?? [];
    rows.push(rowOf(entry));
    byName.set(name, rows);
  }
}

const table = {
  source: 'moby/profiles seccomp/default.json (Apache-2.0, see LICENSE.moby-profiles), via scripts/gen-seccomp-data.mjs',
  defaultAction: profile.defaultAction,
  defaultErrnoRet: profile.defaultErrnoRet ?? null,
  archMap: Object.fromEntries((profile.archMap ?? []).map((a) => [a.architecture, a.subArchitectures ?? []])),
  syscalls: Object.fromEntries(
    [...byName.keys()].sort().map((name) => [name, { summary: summaryOf(byName.get(name)), rows: byName.get(name) }]),
  ),
};
writeFileSync(join(outDir, 'docker-seccomp-table.json'), JSON.stringify(table, null, 1) + '\n');

const counts = {};
for (const v of Object.values(table.syscalls)) counts[v.summary] = (counts[v.summary] ?? 0) + 1;
console.log(
  `docker-seccomp-table.json: ${byName.size} names (${Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')})`,
);
