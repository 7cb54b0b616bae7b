// Which JSON documents the language server treats as seccomp profiles because a Compose file, a
// script or a Markdown file in the workspace names them (`seccomp=<path>`): the references of open
// documents (as typed) win over those found by scanning the workspace folders on disk (LSP layer).

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { profilesReferencedIn, scanProfileReferences } from '../io/profileRefs';

export class ProfileReferences {
  /** Referencing file → profiles, from the open document's latest analysis. */
  private readonly open = new Map<string, string[]>();
  /** Referencing file → profiles, from the workspace scan and from files read again on close. */
  private readonly disk = new Map<string, string[]>();
  private known = new Set<string>();
  private generation = 0;

  /** True when some Compose file, script or Markdown file names this absolute path as a seccomp profile. */
  has(path: string): boolean {
    return this.known.has(resolve(path));
  }

  /** Records an open document's references; true when the set of referenced profiles changed. */
  setOpen(file: string, profiles: string[]): boolean {
    const before = this.open.get(file);
    if (before && sameList(before, profiles)) return false;
    if (!before && profiles.length === 0 && !this.disk.has(file)) return false;
    this.open.set(file, profiles);
    return this.rebuild();
  }

  /** The document closed: what counts now is the file on disk. Resolves to true when that changed the set. */
  async closed(file: string): Promise<boolean> {
    if (!this.open.delete(file)) return false;
    return this.fromDisk(file);
  }

  /** A file changed, appeared or vanished on disk; an open document's references still win. */
  async changedOnDisk(file: string): Promise<boolean> {
    return this.fromDisk(file);
  }

  private async fromDisk(file: string): Promise<boolean> {
    try {
      const found = profilesReferencedIn(file, await readFile(file, 'utf8'));
      if (found.length > 0) this.disk.set(file, found);
      else this.disk.delete(file);
    } catch {
      this.disk.delete(file);
    }
    return this.rebuild();
  }

  /**
   * Scans the workspace folders (again); a newer scan supersedes an older one still running.
   * `changed`: the set of named profiles changed; `truncated`: the scan stopped at its bound of
   * folder entries, so files further on were not read (`maxEntries`, for tests).
   */
  async scan(roots: string[], maxEntries?: number): Promise<{ changed: boolean; truncated: boolean }> {
    const generation = ++this.generation;
    const result = await scanProfileReferences(roots, { cancelled: () => generation !== this.generation, maxEntries });
    if (generation !== this.generation) return { changed: false, truncated: false };
    this.disk.clear();
    for (const [file, profiles] of result.references) this.disk.set(file, profiles);
    return { changed: this.rebuild(), truncated: result.truncated };
  }

  private rebuild(): boolean {
    const next = new Set<string>();
    for (const [file, profiles] of this.disk) if (!this.open.has(file)) for (const p of profiles) next.add(p);
    for (const profiles of this.open.values()) for (const p of profiles) next.add(p);
    const changed = next.size !== this.known.size || [...next].some((p) => !this.known.has(p));
    this.known = next;
    return changed;
  }
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
