// Which kind of file a path is, by name and language id (pure core layer).

import type { FileKind } from './types';

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** True for Dockerfile, Dockerfile.*, *.dockerfile, Containerfile, Containerfile.* (any case). */
export function isDockerfileName(path: string): boolean {
  const b = baseName(path).toLowerCase();
  return (
    b === 'dockerfile' ||
    b.startsWith('dockerfile.') ||
    b.endsWith('.dockerfile') ||
    b === 'containerfile' ||
    b.startsWith('containerfile.')
  );
}

/** compose.yaml, docker-compose.yml, compose.prod.yaml, docker-compose.override.yml, … */
export function isComposeName(path: string): boolean {
  return /^(docker-)?compose(\.[^/\\]+)?\.ya?ml$/i.test(baseName(path));
}

export function isShellName(path: string): boolean {
  return /\.(sh|bash)$/i.test(baseName(path));
}

export function isMarkdownName(path: string): boolean {
  return /\.(md|markdown)$/i.test(baseName(path));
}

/** daemon.json, by name (Docker reads /etc/docker/daemon.json, rootless ~/.config/docker/daemon.json). */
export function isDaemonName(path: string): boolean {
  return /^daemon\.json$/i.test(baseName(path));
}

/** A JSON file whose name says it is a seccomp profile. */
export function isSeccompName(path: string): boolean {
  return /seccomp/i.test(baseName(path)) && /\.json$/i.test(baseName(path));
}

/** A JSON text whose top level has `defaultAction` is a seccomp profile whatever its name (a cheap look at the start). */
export function looksLikeSeccomp(text: string): boolean {
  return /^\s*\{[\s\S]{0,4096}?"defaultAction"\s*:/.test(text.slice(0, 8192));
}

export interface KindOptions {
  /** Extra YAML paths the user maps to Compose (glob-matched by the adapter, passed as a predicate). */
  isMappedCompose?: (path: string) => boolean;
  /** Extra JSON paths the user maps to daemon.json or seccomp profiles, or that a Compose file references. */
  isMappedDaemon?: (path: string) => boolean;
  isMappedSeccomp?: (path: string) => boolean;
  /** The file's text, so JSON with a top-level `defaultAction` is recognised as a seccomp profile. */
  text?: string;
}

/** Decides the kind from the file name first, then the editor's language id. */
export function fileKindOf(path: string, languageId?: string, opts: KindOptions = {}): FileKind | undefined {
  if (languageId === 'dockerfile' || isDockerfileName(path)) return 'dockerfile';
  if (languageId === 'dockercompose' || isComposeName(path) || opts.isMappedCompose?.(path)) return 'compose';
  if (languageId === 'shellscript' || isShellName(path)) return 'shell';
  if (languageId === 'markdown' || isMarkdownName(path)) return 'markdown';
  if (isDaemonName(path) || opts.isMappedDaemon?.(path)) return 'daemon';
  if (isSeccompName(path) || opts.isMappedSeccomp?.(path)) return 'seccomp';
  const json = languageId === 'json' || languageId === 'jsonc' || /\.json$/i.test(baseName(path));
  if (json && opts.text !== undefined && looksLikeSeccomp(opts.text)) return 'seccomp';
  return undefined;
}
