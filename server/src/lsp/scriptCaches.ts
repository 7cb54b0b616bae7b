// Incremental analysis state for the shell scripts and Markdown files being edited (adapter layer).
// Such a document gets an IncrementalScript (core/incrementalScript.ts: its parts as read, and what
// the runtime rules found in each) when it opens or changes, so re-analysing it after a keystroke
// reads and checks only the commands whose lines changed. As for Dockerfiles (dockerfileCaches.ts),
// only the few most recently edited documents keep one; a document's goes when it closes.

import { IncrementalScript } from '../core/incrementalScript';

/** How many edited scripts and Markdown files keep their parts between versions. */
export const EDITED_SCRIPTS = 3;

export class ScriptCaches {
  /** By document URI, the least recently edited first. */
  private readonly caches = new Map<string, IncrementalScript>();

  constructor(private readonly max = EDITED_SCRIPTS) {}

  /** The document opened or changed: it keeps its cache, or gets one, as the most recently edited. */
  edited(uri: string): void {
    const cache = this.caches.get(uri) ?? new IncrementalScript();
    this.caches.delete(uri);
    this.caches.set(uri, cache);
    for (const oldest of this.caches.keys()) {
      if (this.caches.size <= this.max) break;
      this.caches.delete(oldest);
    }
  }

  /** The document's cache, if it is one of the recently edited scripts or Markdown files. */
  get(uri: string): IncrementalScript | undefined {
    return this.caches.get(uri);
  }

  /** The document closed: its cache goes. */
  closed(uri: string): void {
    this.caches.delete(uri);
  }

  get size(): number {
    return this.caches.size;
  }
}
