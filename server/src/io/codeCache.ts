// Loads a bundle with V8's code cache (I/O layer, used by the small entry files in dist/ that start
// the language server and the CLI).
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

import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
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
export function loadWithCodeCache(file: string, { dir, writeAfterMs, parts }: LoadOptions): unknown {
  const nodeModule = Module as unknown as {
    enableCompileCache?: (dir: string) => unknown;
    wrap(source: string): string;
    new (id: string, parent?: unknown): { exports: unknown; filename: string; loaded: boolean };
  };
  const requireHere = Module.createRequire(file);
  if (!dir) return requireHere(file);
  if (typeof nodeModule.enableCompileCache === 'function') {
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

/** Writes the cache atomically and removes the caches of earlier builds of the same bundle; never throws. */
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
  } catch {
    // A read-only or full disk: the next start compiles again.
  }
}
