// Every concept, and lookups by what people type (ids, aliases, Compose keys, `docker run` flags,
// capability names, rule ids and names) with suggestions for unknown topics (pure core layer).

import { editDistance } from '../../editDistance';
import { ruleById, ALL_RULES } from '../../rules/registry';
import type { Rule } from '../../rules/rule';
import { CAPABILITY_CONCEPTS } from './capabilities';
import { CGROUP_CONCEPTS } from './cgroups';
import { HOST_CONCEPTS } from './host';
import { NAMESPACE_CONCEPTS } from './namespaces';
import { SECURITY_CONCEPTS } from './security';
import { syscallName } from './syscalls';
import { syscallNames } from '../seccomp';
import type { Concept } from './types';

/** Every concept: overviews and security options first, then namespaces, limits, host access, capabilities. */
export const ALL_CONCEPTS: readonly Concept[] = [
  ...SECURITY_CONCEPTS,
  ...NAMESPACE_CONCEPTS,
  ...CGROUP_CONCEPTS,
  ...HOST_CONCEPTS,
  ...CAPABILITY_CONCEPTS,
];

/**
 * The form every key is compared in: lower case, quotes dropped, runs of spaces, `_` and `-`
 * become one `-`. `pid namespace`, `pid_namespace` and `PID-Namespace` meet; `:Z` and `:z` too;
 * `--pids-limit` becomes `-pids-limit`, still distinct from the Compose key `pids-limit`.
 */
export function normalizeTopic(s: string): string {
  return s
    .trim()
    .replace(/^["'`]+|["'`]+$/g, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');
}

const byId = new Map<string, Concept>();
const byKey = new Map<string, Concept>();
for (const c of ALL_CONCEPTS) byId.set(c.id, c);
// Ids first, then aliases, then flags and Compose keys: the first claim of a key wins, so an alias
// such as `cgroup` (the overview) beats the Compose key `cgroup` (the cgroup namespace mode).
const claim = (key: string, c: Concept) => {
  const k = normalizeTopic(key);
  if (k && !byKey.has(k)) byKey.set(k, c);
};
for (const c of ALL_CONCEPTS) claim(c.id, c);
for (const c of ALL_CONCEPTS) for (const a of c.aliases) claim(a, c);
for (const c of ALL_CONCEPTS) for (const f of c.flags) claim(f, c);
for (const c of ALL_CONCEPTS) for (const k of c.compose) claim(k, c);

export function conceptById(id: string): Concept | undefined {
  return byId.get(id);
}

/** The concept a capability name belongs to (`SYS_ADMIN`, `cap_sys_admin`), if it is a known one. */
export function capabilityConcept(name: string): Concept | undefined {
  const c = byId.get(`cap-${name.trim().toLowerCase().replace(/^cap_/, '').replace(/_/g, '-')}`);
  return c?.capability ? c : undefined;
}

/** The concept that explains a Compose key path under a service (`pids_limit`, `deploy.resources.limits.memory`). */
export function conceptForComposeKey(path: string): Concept | undefined {
  return ALL_CONCEPTS.find((c) => c.compose.includes(path));
}

/** The concept that explains a `docker run` flag as written (`--pids-limit`, `-m`). */
export function conceptForFlag(flag: string): Concept | undefined {
  return ALL_CONCEPTS.find((c) => c.flags.includes(flag));
}

export type Topic = { kind: 'concept'; concept: Concept } | { kind: 'rule'; rule: Rule } | { kind: 'syscall'; name: string };

/** The concept, rule or system call a query names, trying the spellings people use. */
export function findTopic(query: string): Topic | undefined {
  const q = normalizeTopic(query);
  if (!q) return undefined;
  // `_sysctl` would normalise like the flag `--sysctl`: a leading `_` names a system call.
  if (query.trim().startsWith('_')) {
    const name = syscallName(query);
    if (name) return { kind: 'syscall', name };
  }
  // Dashes typed before a flag's name go.
  const undashed = query.trim().startsWith('-') ? q.replace(/^-+/, '') : q;
  const concept = byKey.get(q) ?? byKey.get(undashed);
  if (concept) return { kind: 'concept', concept };
  const rule = ruleById(query.trim());
  if (rule) return { kind: 'rule', rule };
  // `chown` is the system call and `CHOWN` (as Docker writes capabilities) the capability; `unshare(2)` is always the call.
  const call = /[A-Z]/.test(query) && !/\(2?\)\s*$/.test(query) ? undefined : syscallName(query);
  if (call) return { kind: 'syscall', name: call };
  const fallback =
    // A flag without its dashes (`cpuset-cpus`), after system calls: `mount` is the call, `--mount` the flag.
    byKey.get(`-${undashed}`) ??
    // `sys_admin` is `cap-sys-admin`; `cap-sys_admin` typed oddly still lands.
    byKey.get(`cap-${undashed.replace(/^cap-/, '')}`) ??
    // `security_opt: seccomp=unconfined`, `seccomp:unconfined` and friends: the option's name.
    byKey.get(undashed.replace(/[:=].*$/, ''));
  return fallback ? { kind: 'concept', concept: fallback } : undefined;
}

const tokens = (s: string) => new Set(s.split(/[^a-z0-9]+/).filter((t) => t.length > 1 && t !== 'cap'));

export interface Suggestion {
  /** A concept id or a rule id. */
  id: string;
  /** English title, for listing. */
  title: string;
}

/**
 * The closest topics to an unknown query, best first: by edit distance to any key (typos such as
 * `sys_admn`), then by shared words (`memory swap limit`), then by containment (`docker.sock`).
 */
export function suggest(query: string, limit = 5): Suggestion[] {
  const q = normalizeTopic(query).replace(/^-+/, '');
  if (!q) return [];
  const qTokens = tokens(q);
  const scores = new Map<string, { s: Suggestion; score: number }>();
  const consider = (key: string, s: Suggestion) => {
    const k = normalizeTopic(key).replace(/^-+/, '');
    if (!k) return;
    const max = Math.max(1, Math.floor(Math.min(k.length, q.length) / 4));
    const d = editDistance(q, k, max);
    let score = d <= max ? 10 - d : 0;
    const kTokens = [...tokens(k)];
    let shared = 0;
    // Words match with a typo or two (`namspace`, `capabilty`).
    for (const t of qTokens)
      if (
        kTokens.some(
          (w) => editDistance(t, w, Math.floor(Math.min(t.length, w.length) / 4)) <= Math.floor(Math.min(t.length, w.length) / 4),
        )
      )
        shared++;
    if (shared > 0) score = Math.max(score, 4 + (4 * shared) / Math.max(qTokens.size, kTokens.length));
    if (score === 0 && q.length >= 3 && (k.includes(q) || (k.length >= 4 && q.includes(k)))) score = 3;
    if (score === 0) return;
    const old = scores.get(s.id);
    if (!old || old.score < score) scores.set(s.id, { s, score });
  };
  for (const c of ALL_CONCEPTS) {
    const s = { id: c.id, title: c.title.en };
    for (const key of [c.id, ...c.aliases, ...c.flags, ...c.compose]) consider(key, s);
  }
  for (const r of ALL_RULES) {
    const s = { id: r.meta.id, title: `${r.meta.name}: ${r.meta.title}` };
    consider(r.meta.id, s);
    consider(r.meta.name, s);
  }
  for (const name of syscallNames()) consider(name, { id: name, title: `${name} (system call)` });
  return [...scores.values()]
    .sort((a, b) => b.score - a.score || a.s.id.localeCompare(b.s.id))
    .slice(0, limit)
    .map((x) => x.s);
}
