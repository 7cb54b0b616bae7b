// Helpers for the runtime rules CT2001-CT2013: how a setting is spelled in the spec's own syntax,
// known-value tests, and host path arithmetic for mounts (pure core layer).

import type { Severity, Text } from '../../types';
import type { Hit, RuleFix } from '../rule';
import { rangeOf, type Mount, type Origin, type RuntimeSpec, type SecurityOpt, type Val } from '../../model/runtime';

/** A setting as the reader wrote it: the Compose key, the `docker run` flag, or the live container's field. */
export function spelled(spec: RuntimeSpec, compose: string, run: string, live: string = compose): string {
  return spec.source === 'compose' ? compose : spec.source === 'docker-run' ? run : live;
}

/** True only for a value that is known (not interpolated) and true. */
export function knownTrue(v: Val<boolean> | undefined): boolean {
  return v !== undefined && !v.unknown && v.value === true;
}

/** A hit at a value's origin (falling back to the spec's anchor for live values). */
export function hitAt(spec: RuntimeSpec, origin: Origin | undefined, message: Text, fix?: RuleFix, severity?: Severity): Hit {
  const hit: Hit = { range: rangeOf(origin, spec.anchor), message, fixes: fix ? [fix] : [] };
  if (severity) hit.severity = severity;
  return hit;
}

/**
 * Normalises an absolute host path: `//` collapsed, `.` segments dropped, `..` resolved, no trailing
 * slash (`/` stays `/`). Relative paths, `~`, named volumes and Windows paths give undefined: they are
 * not host system paths as written.
 */
export function hostPath(source: string | undefined): string | undefined {
  if (!source || !source.startsWith('/')) return undefined;
  const parts: string[] = [];
  for (const seg of source.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/** The host path a bind mount exposes; undefined for volumes, tmpfs, relative or interpolated sources. */
export function bindSource(m: Mount): string | undefined {
  if (m.unknown || m.type !== 'bind') return undefined;
  return hostPath(m.source);
}

/** `path` is `root` or inside it. */
export function within(path: string, root: string): boolean {
  return path === root || (root === '/' ? path.startsWith('/') : path.startsWith(root + '/'));
}

/** Where a mount's finding goes: the source path itself when the parser knows its range. */
export function mountOrigin(m: Mount): Origin {
  return m.sourceOrigin ?? m.origin;
}

/** `a`, `a and b`, `a, b and c`. */
export function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The known (not interpolated) security options of one kind, in the order written. */
export function securityOpts(spec: RuntimeSpec, kind: SecurityOpt['kind']): SecurityOpt[] {
  return spec.securityOpt.filter((o) => o.kind === kind && !o.unknown);
}
