// Each file kind's parser, loaded when the first file of its kind is analysed (pure core layer).
// esbuild evaluates a module that is reached only through require() when the require() runs, so a
// Dockerfile lint never evaluates the Compose, shell, seccomp or daemon.json parsers nor the
// libraries and tables behind them (yaml, jsonc-parser, the system call tables), and analyze()
// stays synchronous. Modules that every kind needs are imported as usual.
/* eslint-disable @typescript-eslint/no-require-imports */

/**
 * The module, required once: in the bundle each require() of a module written as ESM makes a new
 * CommonJS view of it, copying every export (a few per cent of analysing a small file).
 */
function once<T>(load: () => T): () => T {
  let module: T | undefined;
  return () => (module ??= load());
}

export const parsers = {
  dockerfile: once(() => require('./parse/dockerfile') as typeof import('./parse/dockerfile')),
  compose: once(() => require('./parse/compose') as typeof import('./parse/compose')),
  dockerRun: once(() => require('./parse/dockerRun') as typeof import('./parse/dockerRun')),
  seccomp: once(() => require('./parse/seccomp') as typeof import('./parse/seccomp')),
  daemon: once(() => require('./parse/daemon') as typeof import('./parse/daemon')),
  seccompLink: once(() => require('./link/seccompLink') as typeof import('./link/seccompLink')),
};
