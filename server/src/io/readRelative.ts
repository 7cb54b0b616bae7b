// Reads files next to an analysed document (a Compose service's `build:` Dockerfile): from an open
// editor buffer when there is one, else from disk, bounded in size (I/O layer shared by the language server and
// the CLI; the CLI passes no open buffers).

import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReadRelative } from '../core/model/runtimeDoc';

const MAX_LINKED_BYTES = 2 * 1024 * 1024;

export function makeReadRelative(documentPath: string, openText?: (uri: string) => string | undefined): ReadRelative {
  return (relativePath: string) => {
    const abs = resolve(dirname(documentPath), relativePath);
    const open = openText?.(pathToFileURL(abs).href);
    if (open !== undefined) return open;
    try {
      // A missing file is the common case (a service without its own Dockerfile next to it): it
      // comes back as undefined, without an ENOENT error being built and thrown.
      const st = statSync(abs, { throwIfNoEntry: false });
      if (!st || !st.isFile() || st.size > MAX_LINKED_BYTES) return undefined;
      return readFileSync(abs, 'utf8');
    } catch {
      return undefined;
    }
  };
}
