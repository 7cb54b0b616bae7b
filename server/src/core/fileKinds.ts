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

/** Decides the kind from the language id when the editor knows it, else from the file name. */
export function fileKindOf(path: string, languageId?: string): FileKind | undefined {
  if (languageId === 'dockerfile') return 'dockerfile';
  if (isDockerfileName(path)) return 'dockerfile';
  return undefined;
}
