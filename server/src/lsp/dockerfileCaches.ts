// Incremental analysis state for the Dockerfiles being edited (adapter layer). A Dockerfile gets an
// IncrementalDockerfile (core/incremental.ts: its build stages as read, and what the stage rules
// found in each) when it opens or changes (TextDocuments reports an open as a change too), so
// re-analysing it after a keystroke reads and checks only the stage that changed. Only the few most
// recently edited documents keep one, since it holds about a model's worth of memory; a
// document's goes when it closes.

import { IncrementalDockerfile } from '../core/incremental';

/** How many edited Dockerfiles keep their stages between versions. */
export const EDITED_DOCKERFILES = 3;

export class DockerfileCaches {
  /** By document URI, the least recently edited first. */
  private readonly caches = new Map<string, IncrementalDockerfile>();

  constructor(private readonly max = EDITED_DOCKERFILES) {}

  /** The document (a Dockerfile) opened or changed: it keeps its cache, or gets one, as the most recently edited. */
  edited(uri: string): void {
    const cache = this.caches.get(uri) ?? new IncrementalDockerfile();
    this.caches.delete(uri);
    this.caches.set(uri, cache);
    for (const oldest of this.caches.keys()) {
      if (this.caches.size <= this.max) break;
      this.caches.delete(oldest);
    }
  }

  /** The document's cache, if it is one of the recently edited Dockerfiles. */
  get(uri: string): IncrementalDockerfile | undefined {
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
