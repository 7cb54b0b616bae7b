// Follows `seccomp=<profile.json>` from Compose services and `docker run` lines to the profile and
// records in the RuntimeSpec whether it exists and what it lets through, so the runtime rules
// (CT2029, CT2030) stay pure readers of the spec (pure core layer: reading is the caller's
// readRelative, analysing the profile is the caller's callback).

import { ESCAPE_RELEVANT, isKnownSyscall } from '../knowledge/seccomp';
import { defaultAllows, wideningsOf } from '../model/seccompEval';
import type { ReadRelative, RuntimeDocModel } from '../model/runtimeDoc';
import type { SeccompModel } from '../model/seccomp';
import type { SecurityOpt } from '../model/runtime';
import { profilePath } from './profilePaths';
import type { Finding } from '../types';

export { profilePath, referencedProfiles } from './profilePaths';

/** Analyses a profile's text as a seccomp file (analyze() passes itself, without link following). */
export type AnalyzeProfile = (text: string) => { findings: Finding[]; model?: { kind: string; seccomp?: SeccompModel } } | undefined;

function isRelative(path: string): boolean {
  return !path.startsWith('/') && !path.startsWith('~') && !/^[A-Za-z]:[\\/]/.test(path);
}

/**
 * Fills `profile` on each seccomp security option whose profile could be looked for. A missing
 * file is recorded only for relative paths in Compose files and scripts: an absolute path usually
 * names a file on the Docker host, and Markdown tutorials often show paths the reader creates.
 */
export function linkSeccompProfiles(doc: RuntimeDocModel, read: ReadRelative, analyzeProfile: AnalyzeProfile): void {
  const cache = new Map<string, SecurityOpt['profile'] | null>();
  for (const spec of doc.specs) {
    for (const opt of spec.securityOpt) {
      const path = profilePath(opt);
      if (!path) continue;
      if (!cache.has(path)) cache.set(path, follow(path, read, analyzeProfile, doc.kind !== 'markdown') ?? null);
      const link = cache.get(path);
      if (link) opt.profile = link;
    }
  }
}

function follow(
  path: string,
  read: ReadRelative,
  analyzeProfile: AnalyzeProfile,
  reportMissing: boolean,
): SecurityOpt['profile'] | undefined {
  const text = read(path);
  if (text === undefined) {
    return reportMissing && isRelative(path)
      ? { path, exists: false, allowsBeyondDefault: [], allowsByDefault: false, errors: [] }
      : undefined;
  }
  const analysis = analyzeProfile(text);
  const model = analysis?.model?.seccomp;
  const errors = (analysis?.findings ?? []).filter((f) => f.severity === 'error').map((f) => f.message);
  if (!model) return { path, exists: true, allowsBeyondDefault: [], allowsByDefault: false, errors };
  const allowsByDefault = defaultAllows(model);
  const names = allowsByDefault ? [] : [...new Set(wideningsOf(model).map((w) => w.name))].filter(isKnownSyscall);
  // The calls that matter most first, so a short message names them.
  names.sort((a, b) => Number(ESCAPE_RELEVANT.has(b)) - Number(ESCAPE_RELEVANT.has(a)));
  return { path, exists: true, allowsBeyondDefault: names, allowsByDefault, errors };
}
