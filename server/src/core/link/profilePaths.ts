// The seccomp profile paths that Compose services and `docker run` lines name in
// `seccomp=<path>` (pure core layer). Apart from seccompLink.ts so that finding them loads none of
// the system call tables that following them needs (the CLI asks for every file it lints).

import type { RuntimeDocModel } from '../model/runtimeDoc';
import type { SecurityOpt } from '../model/runtime';

/** `unconfined`, Docker's `builtin`, inline JSON and values with variables are not paths to follow. */
export function profilePath(opt: SecurityOpt): string | undefined {
  if (opt.kind !== 'seccomp' || opt.unknown) return undefined;
  const v = opt.value.trim();
  if (v === '' || /^(unconfined|builtin|default)$/i.test(v) || v.startsWith('{') || v.includes('$')) return undefined;
  return v;
}

/**
 * The seccomp profile paths that a Compose file, script or Markdown file names, as written
 * (relative to that file unless absolute), once each: the editor and the CLI treat those JSON
 * files as seccomp profiles whatever their names.
 */
export function referencedProfiles(doc: Pick<RuntimeDocModel, 'specs'>): string[] {
  const paths = new Set<string>();
  for (const spec of doc.specs) {
    for (const opt of spec.securityOpt) {
      const path = profilePath(opt);
      if (path) paths.add(path);
    }
  }
  return [...paths];
}
