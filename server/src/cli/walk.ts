// Finds the files to lint: explicit files, folders walked recursively (by file name), and globs
// (CLI layer: file system access lives here, not in the core).

import { closeSync, existsSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileKindOf, looksLikeSeccomp } from '../core/fileKinds';
import { globToRegExp } from '../core/glob';
import { SKIP_DIRS } from '../io/skipDirs';
import type { Localized } from '../core/types';
import { say } from './usage';

export { globToRegExp };

export function isGlob(arg: string): boolean {
  return /[*?{]/.test(arg);
}

export interface WalkResult {
  files: string[];
  /** Paths that could not be read, in both languages (the CLI prints one). */
  errors: Localized[];
  /** The folders named on the command line (walked by file name and content). */
  folders: string[];
  /** True for paths an ignore glob excludes. */
  isIgnored: (abs: string) => boolean;
}

/** The largest prefix read to tell whether a JSON file is a seccomp profile (`defaultAction` at the top). */
const SNIFF_BYTES = 8192;

/** A JSON file whose name says nothing is linted when its start shows a seccomp profile. */
function sniffsAsSeccomp(abs: string): boolean {
  if (!/\.json$/i.test(abs)) return false;
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return looksLikeSeccomp(buf.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** Expands CLI arguments into files; `ignore` globs are relative to `base`. */
export function collectFiles(args: string[], base: string, ignore: string[], ignoreBase = base): WalkResult {
  const files = new Set<string>();
  const errors: Localized[] = [];
  const folders: string[] = [];
  const ignored = ignore.map(globToRegExp);
  const isIgnored = (abs: string) => {
    const rel = toPosix(relative(ignoreBase, abs));
    return ignored.some((re) => re.test(rel) || re.test(rel + '/'));
  };

  // `ancestors` holds the real paths of the folders above this one: a symbolic link back up the
  // tree is not followed, so a loop cannot repeat files or run for ever.
  const walk = (dir: string, accept: (abs: string) => boolean, ancestors = new Set<string>()) => {
    let real = dir;
    try {
      real = realpathSync(dir);
    } catch {
      // readdirSync below reports the problem
    }
    if (ancestors.has(real)) return;
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch (e) {
      errors.push(say.cannotReadFolder(dir, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
      return;
    }
    ancestors.add(real);
    for (const name of entries.sort()) {
      const abs = join(dir, name);
      let st;
      try {
        st = statSync(abs);
      } catch {
        continue; // a dangling link or a file removed while walking
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name) && !isIgnored(abs)) walk(abs, accept, ancestors);
      } else if (st.isFile() && accept(abs) && !isIgnored(abs)) files.add(abs);
    }
    ancestors.delete(real);
  };

  for (const arg of args.length > 0 ? args : ['.']) {
    if (isGlob(arg)) {
      // The segments before the first wildcard name the folder to walk (so `./**/Dockerfile`,
      // `../app/**` and absolute globs work); the rest is matched against paths below it.
      const parts = toPosix(arg).split('/');
      const firstGlob = parts.findIndex(isGlob);
      const prefix = parts.slice(0, firstGlob).join('/') || (arg.startsWith('/') ? '/' : '.');
      const root = resolve(base, prefix);
      const re = globToRegExp(parts.slice(firstGlob).join('/'));
      if (existsSync(root)) walk(root, (abs) => re.test(toPosix(relative(root, abs))));
      continue;
    }
    const abs = resolve(base, arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      errors.push(say.noSuchPath(arg));
      continue;
    }
    if (st.isDirectory()) {
      folders.push(abs);
      walk(abs, (p) => fileKindOf(p) !== undefined || sniffsAsSeccomp(p));
    } else files.add(abs);
  }
  return { files: [...files], errors, folders, isIgnored };
}
