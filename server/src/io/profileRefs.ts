// Which JSON files are seccomp profiles because a Compose file, a script or a Markdown file names
// them in `seccomp=<path>` (I/O layer shared by the language server and the CLI): the references of
// one file, resolved against its folder, and a bounded, asynchronous scan of workspace folders.

// fs.promises rather than node:fs/promises: Node loads it on first use, and the CLI, which imports
// this module for profilesReferencedBy, never scans.
import { promises as fsp } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyze, type Analysis } from '../core/analyze';
import { fileKindOf } from '../core/fileKinds';
import { referencedProfiles } from '../core/link/profilePaths';
import { SKIP_DIRS } from './skipDirs';

/** Files larger than this are not read by the scan (the analysis caps files at 2 MB too). */
const MAX_SCANNED_BYTES = 2 * 1024 * 1024;

/** Absolute paths of the profiles an analysed Compose file, script or Markdown file names. */
export function profilesReferencedBy(filePath: string, analysis: Analysis | undefined): string[] {
  if (analysis?.model?.kind !== 'runtime') return [];
  return referencedProfiles(analysis.model.runtime).map((p) => resolve(dirname(filePath), p));
}

/** The same for a file's text, analysed without following links (cheap: most files never mention seccomp). */
export function profilesReferencedIn(filePath: string, text: string): string[] {
  if (!/seccomp/i.test(text)) return [];
  const kind = fileKindOf(filePath);
  if (kind !== 'compose' && kind !== 'shell' && kind !== 'markdown') return [];
  return profilesReferencedBy(filePath, analyze(filePath, text));
}

/** How many entries (files and folders) a scan visits at most, unless told otherwise. */
export const SCAN_MAX_ENTRIES = 20_000;

export interface ScanOptions {
  /** Stop after visiting this many entries (files and folders) in all: a huge tree is scanned in part. */
  maxEntries?: number;
  /** Asked between files; the scan stops when it returns true. */
  cancelled?: () => boolean;
}

export interface ScanResult {
  /** Referencing file → the absolute profile paths it names. */
  references: Map<string, string[]>;
  /** True when the scan stopped at `maxEntries`. */
  truncated: boolean;
}

/**
 * Walks the folders (skipping dependencies and VCS data) and collects the seccomp profile paths
 * that Compose files, scripts and Markdown files name. Unreadable entries are passed over; the
 * scan never throws.
 */
export async function scanProfileReferences(roots: string[], opts: ScanOptions = {}): Promise<ScanResult> {
  const maxEntries = opts.maxEntries ?? SCAN_MAX_ENTRIES;
  const references = new Map<string, string[]>();
  let visited = 0;
  const queue = [...roots];
  while (queue.length > 0) {
    const dir = queue.shift() as string;
    let entries;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (opts.cancelled?.()) return { references, truncated: false };
      if (++visited > maxEntries) return { references, truncated: true };
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) queue.push(abs);
        continue;
      }
      if (!entry.isFile()) continue;
      const kind = fileKindOf(abs);
      if (kind !== 'compose' && kind !== 'shell' && kind !== 'markdown') continue;
      try {
        if ((await fsp.stat(abs)).size > MAX_SCANNED_BYTES) continue;
        const found = profilesReferencedIn(abs, await fsp.readFile(abs, 'utf8'));
        if (found.length > 0) references.set(abs, found);
      } catch {
        // removed or unreadable while scanning
      }
    }
  }
  return { references, truncated: false };
}
