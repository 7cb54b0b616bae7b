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

export interface KindOptions {
  /** Extra YAML paths the user maps to Compose (glob-matched by the adapter, passed as a predicate). */
  isMappedCompose?: (path: string) => boolean;
}

/** Decides the kind from the file name first, then the editor's language id. */
export function fileKindOf(path: string, languageId?: string, opts: KindOptions = {}): FileKind | undefined {
  if (languageId === 'dockerfile' || isDockerfileName(path)) return 'dockerfile';
  if (languageId === 'dockercompose' || isComposeName(path) || opts.isMappedCompose?.(path)) return 'compose';
  if (languageId === 'shellscript' || isShellName(path)) return 'shell';
  if (languageId === 'markdown' || isMarkdownName(path)) return 'markdown';
  return undefined;
}
