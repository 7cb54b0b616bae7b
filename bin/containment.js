#!/usr/bin/env node
// The `containment` command: runs the bundled CLI (build it with `npm run build`).
//
// Start-up is most of a typical lint: V8 compiles the 1.5 MB bundle, then the functions a lint
// runs, on every start. So the command keeps V8's code cache for the bundle (made after the first
// run, so it holds the functions that run used) in the user's cache folder: Node 22 and later do it
// with module.enableCompileCache(), Node 20 and 21 through vm.Script's cachedData, checked by V8
// (its version and flags) and keyed by the bundle's path, size and time. CONTAINMENT_COMPILE_CACHE
// names another folder, or turns the cache off with 0.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('containment: dist/cli.js is missing; run `npm run build` in ' + path.join(__dirname, '..') + '\n');
  process.exit(2);
}
const m = load(cli, cacheDir());
// `inspect` and `explain` load their modules asynchronously; the other commands are synchronous.
Promise.resolve(m.runAsync ? m.runAsync(process.argv.slice(2)) : m.run(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});

/** Where the code cache goes: $CONTAINMENT_COMPILE_CACHE, else the user's cache folder; undefined for none. */
function cacheDir() {
  const env = process.env.CONTAINMENT_COMPILE_CACHE;
  if (env === '0' || env === 'off') return undefined;
  if (env) return env;
  const home = require('node:os').homedir();
  const base = process.platform === 'win32' ? process.env.LOCALAPPDATA : process.env.XDG_CACHE_HOME || (home && path.join(home, '.cache'));
  return base ? path.join(base, 'containment', 'compile-cache') : undefined;
}

/** FNV-1a, for short file names (node:crypto costs more to load than this saves). */
function hash(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Loads a CommonJS file as require() would, with V8's code cache from `dir` when there is one. */
function load(file, dir) {
  const Module = require('node:module');
  if (!dir) return require(file);
  if (typeof Module.enableCompileCache === 'function') {
    try {
      Module.enableCompileCache(dir);
    } catch {
      // No cache: a plain load.
    }
    return require(file);
  }
  const vm = require('node:vm');
  const source = fs.readFileSync(file, 'utf8');
  const stat = fs.statSync(file);
  const prefix = `cli-${hash(fs.realpathSync(file))}-`;
  const cacheFile = path.join(dir, `${prefix}${hash(`${process.version} ${process.arch} ${stat.size} ${stat.mtimeMs} ${stat.ino}`)}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // Not made yet.
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // After the command, so the cache also holds the functions it compiled.
    process.once('exit', () => writeCache(dir, prefix, cacheFile, script));
  }
  const mod = new Module(file, module);
  mod.filename = file;
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

/** Writes the cache atomically and removes the caches of earlier builds of the same bundle; never fails the command. */
function writeCache(dir, prefix, cacheFile, script) {
  try {
    const data = script.createCachedData();
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, cacheFile);
    for (const f of fs.readdirSync(dir)) {
      if (f.startsWith(prefix) && path.join(dir, f) !== cacheFile && !f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true });
    }
  } catch {
    // A read-only or full disk: the next run compiles again.
  }
}
