// Incremental analysis state for the few documents being edited (adapter layer), one kind of state
// per kind of document (dockerfileCaches.ts, scriptCaches.ts). A document gets its state when it
// opens or changes (TextDocuments reports an open as a change too); only the most recently edited
// documents keep one, since each holds about a model's worth of memory; a document's goes when it
// closes.

/** How many edited documents of one kind keep their state between versions, unless told otherwise. */
export const EDITED_DOCUMENTS = 3;

export class EditedCaches<T> {
  /** By document URI, the least recently edited first. */
  private readonly caches = new Map<string, T>();

  constructor(
    private readonly make: () => T,
    private readonly max = EDITED_DOCUMENTS,
  ) {}

  /** The document opened or changed: it keeps its state, or gets one, as the most recently edited. */
  edited(uri: string): void {
    const cache = this.caches.get(uri) ?? this.make();
    this.caches.delete(uri);
    this.caches.set(uri, cache);
    for (const oldest of this.caches.keys()) {
      if (this.caches.size <= this.max) break;
      this.caches.delete(oldest);
    }
  }

  /** The document's state, if it is one of the recently edited documents. */
  get(uri: string): T | undefined {
    return this.caches.get(uri);
  }

  /** The document closed: its state goes. */
  closed(uri: string): void {
    this.caches.delete(uri);
  }

  get size(): number {
    return this.caches.size;
  }
}
