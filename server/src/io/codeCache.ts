// Loads a bundle with V8's code cache (I/O layer, used by the small entry files in dist/ that start
// the language server and the CLI, and by the extension for the language client library).
//
// Most of a start is V8 compiling the bundle (1.5 to 2.5 MB) and then, one by one, the functions
// that run. The cache holds their bytecode, made once after a run has used them: Node 22 and later
// keep it with module.enableCompileCache(); Node 20 and 21 (VS Code's Electron included) through
// vm.Script's cachedData, which V8 checks (its version, flags and the source's length) and which
// is keyed here by the bundle's path, size, time and inode. It lives in the user's cache folder;
// CONTAINMENT_COMPILE_CACHE names another one, or turns the cache off with 0. A cache that cannot
// be read or written only means compiling as before.
//
// A bundle whose parts load on demand (the CLI's file kinds) may use parts its cache lacks: V8
// then compiles them on every run. The cache records the parts it was made with, and a run that
// used another one writes it again, with everything compiled so far (the parts before, and this one).

import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
// Not `import Module from`: the client bundles this file too, and there esbuild would wrap a
// default import in a helper that copies the module's exports at load (test/client-bundle.test.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
import Module = require('node:module');
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Where the cache goes: $CONTAINMENT_COMPILE_CACHE, else the user's cache folder; undefined for none. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const chosen = env.CONTAINMENT_COMPILE_CACHE;
  if (chosen === '0' || chosen === 'off') return undefined;
  if (chosen) return chosen;
  let home: string | undefined;
  try {
    home = homedir();
  } catch {
    home = undefined;
  }
  const base =
    platform === 'win32'
      ? env.LOCALAPPDATA
      : platform === 'darwin'
        ? home && join(home, 'Library', 'Caches')
        : env.XDG_CACHE_HOME || (home && join(home, '.cache'));
  return base ? join(base, 'containment', 'compile-cache') : undefined;
}

/** FNV-1a, for short file names (node:crypto costs more to load than it would save here). */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

export interface LoadOptions {
  /** The cache folder (codeCacheDir()); undefined loads without a cache. */
  dir: string | undefined;
  /**
   * When to write a new cache: at exit (a command), or this many milliseconds after loading (a
   * server, which may be killed rather than exit), whichever comes first.
   */
  writeAfterMs?: number;
  /**
   * The parts of the bundle this run used, asked at exit (names the bundle chooses; the CLI's are
   * the rule models of the files it analysed). A cache made without one of them is made again.
   */
  parts?: () => readonly string[];
  /**
   * Only this bundle's cache (vm.Script's cachedData), never Node's process-wide compile cache
   * (module.enableCompileCache): in VS Code's extension host, shared with other extensions, that
   * would cache their code too, in Containment's folder.
   */
  thisBundleOnly?: boolean;
}

/** What a cache file starts with: this magic, the parts it was made with (comma-separated), a newline, then V8's data. */
const MAGIC = 'containment-code-cache ';

function splitCacheFile(file: Buffer): { parts: Set<string>; data: Buffer } | undefined {
  const nl = file.indexOf(10);
  if (nl < 0 || nl > 1024 || file.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  const parts = file.toString('latin1', MAGIC.length, nl);
  return { parts: new Set(parts ? parts.split(',') : []), data: file.subarray(nl + 1) };
}

/** Requires a CommonJS bundle as require() would, with V8's code cache when there is one. */
export function loadWithCodeCache(file: string, { dir, writeAfterMs, parts, thisBundleOnly }: LoadOptions): unknown {
  const nodeModule = Module as unknown as {
    enableCompileCache?: (dir: string) => unknown;
    wrap(source: string): string;
    new (id: string, parent?: unknown): { exports: unknown; filename: string; loaded: boolean };
  };
  const requireHere = Module.createRequire(file);
  if (!dir) return requireHere(file);
  if (!thisBundleOnly && typeof nodeModule.enableCompileCache === 'function') {
    try {
      nodeModule.enableCompileCache(dir);
    } catch {
      // No cache: a plain load.
    }
    return requireHere(file);
  }
  const source = readFileSync(file, 'utf8');
  const stat = statSync(file);
  const prefix = `${hash(realpathSync(file))}-`;
  const cacheFile = join(dir, `${prefix}${hash(`${process.version} ${process.arch} ${stat.size} ${stat.mtimeMs} ${stat.ino}`)}.bin`);
  let cached: { parts: Set<string>; data: Buffer } | undefined;
  try {
    cached = splitCacheFile(readFileSync(cacheFile));
  } catch {
    // Not made yet.
  }
  const script = new Script(nodeModule.wrap(source), { filename: file, cachedData: cached?.data });
  const cachedParts = cached && !script.cachedDataRejected ? cached.parts : undefined;
  if (cachedParts) {
    // Used now: the folder keeps the caches used last (see prune).
    try {
      const now = new Date();
      utimesSync(cacheFile, now, now);
    } catch {
      // A read-only folder: nothing to keep track of.
    }
  }
  let written = false;
  // Later, so that the cache also holds the functions the command or the server has run.
  const write = () => {
    if (written) return;
    written = true;
    let now: readonly string[] = [];
    try {
      now = parts?.() ?? [];
    } catch {
      // A bundle that failed to load: what the cache had.
    }
    const used = new Set([...(cachedParts ?? []), ...now]);
    if (cachedParts && used.size === cachedParts.size) return;
    writeCache(dir, prefix, cacheFile, script, [...used].sort());
  };
  if (!cachedParts || parts) process.once('exit', write);
  if (!cachedParts && writeAfterMs !== undefined) setTimeout(write, writeAfterMs).unref();
  const mod = new nodeModule(file, module);
  mod.filename = file;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, requireHere, mod, file, dirname(file));
  mod.loaded = true;
  return mod.exports;
}

/**
 * How many cache files the folder keeps. A bundle's cache is named by its path, so the caches of
 * an extension version replaced by the next one, or of a checkout since deleted, stay behind: past
 * this many (three bundles of some ten installations, 1 to 2 MB each), the least recently used go
 * (a cache's time is set each time it is used).
 */
export const MAX_CACHE_FILES = 30;

/** Removes the least recently used cache files beyond MAX_CACHE_FILES (not `keep`). */
function prune(dir: string, keep: string): void {
  const files: { p: string; at: number }[] = [];
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.bin')) continue;
    const p = join(dir, f);
    try {
      files.push({ p, at: statSync(p).mtimeMs });
    } catch {
      // Removed meanwhile by another process.
    }
  }
  if (files.length <= MAX_CACHE_FILES) return;
  files.sort((a, b) => b.at - a.at);
  for (const { p } of files.slice(MAX_CACHE_FILES)) if (p !== keep) rmSync(p, { force: true });
}

/**
 * Writes the cache atomically, removes the caches of earlier builds of the same bundle and the
 * oldest of other bundles beyond MAX_CACHE_FILES; never throws.
 */
function writeCache(dir: string, prefix: string, cacheFile: string, script: Script, parts: string[]): void {
  try {
    const data = script.createCachedData();
    mkdirSync(dir, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${MAGIC}${parts.join(',')}\n`, 'latin1'), data]));
    renameSync(tmp, cacheFile);
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (f.startsWith(prefix) && p !== cacheFile && !f.endsWith('.tmp')) rmSync(p, { force: true });
    }
    prune(dir, cacheFile);
  } catch {
    // A read-only or full disk: the next start compiles again.
  }
}
