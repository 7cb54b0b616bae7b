// Each file kind's parser, loaded when the first file of its kind is analysed (pure core layer).
// esbuild evaluates a module that is reached only through require() when the require() runs, so a
// Dockerfile lint never evaluates the Compose, shell, seccomp or daemon.json parsers nor the
// libraries and tables behind them (yaml, jsonc-parser, the system call tables), and analyze()
// stays synchronous. Modules that every kind needs are imported as usual.
/* eslint-disable @typescript-eslint/no-require-imports */

export const parsers = {
  dockerfile: () => require('./parse/dockerfile') as typeof import('./parse/dockerfile'),
  compose: () => require('./parse/compose') as typeof import('./parse/compose'),
  dockerRun: () => require('./parse/dockerRun') as typeof import('./parse/dockerRun'),
  seccomp: () => require('./parse/seccomp') as typeof import('./parse/seccomp'),
  daemon: () => require('./parse/daemon') as typeof import('./parse/daemon'),
  seccompLink: () => require('./link/seccompLink') as typeof import('./link/seccompLink'),
};
