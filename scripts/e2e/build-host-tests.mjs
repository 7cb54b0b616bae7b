#!/usr/bin/env node
// Builds the extension-host tests (test/e2e/host/) with esbuild into out/host-tests/: index.js (the
// extensionTestsPath module exporting run()) and suite/*.test.js. The output must lie inside the
// extension development folder (the repository root): code-server runs the tests only from there.
// `vscode` is provided by the extension host; mocha is left external and required at run time
// from the repository's node_modules.
//
//   node scripts/e2e/build-host-tests.mjs [--typecheck]
// --typecheck also runs `tsc -p test/e2e/host/tsconfig.json --noEmit` (the root `tsc -b` covers it too).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { ROOT } from './code-server.mjs';

export const HOST_TESTS_SRC = join(ROOT, 'test', 'e2e', 'host');
export const HOST_TESTS_OUT = join(ROOT, 'out', 'host-tests');
/** The module VS Code loads as extensionTestsPath. */
export const HOST_TESTS_ENTRY = join(HOST_TESTS_OUT, 'index.js');
/** The workspace the host tests expect (copied to a temporary folder before each run). */
export const HOST_TESTS_WORKSPACE = join(HOST_TESTS_SRC, 'workspace');

export async function buildHostTests({ typecheck = false } = {}) {
  if (typecheck) {
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(HOST_TESTS_SRC, 'tsconfig.json'), '--noEmit'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error('type errors in test/e2e/host (tsc -p test/e2e/host/tsconfig.json --noEmit)');
  }
  const suites = readdirSync(join(HOST_TESTS_SRC, 'suite'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(HOST_TESTS_SRC, 'suite', f));
  rmSync(HOST_TESTS_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [join(HOST_TESTS_SRC, 'index.ts'), ...suites],
    outdir: HOST_TESTS_OUT,
    outbase: HOST_TESTS_SRC,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return HOST_TESTS_ENTRY;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const t0 = Date.now();
  await buildHostTests({ typecheck: process.argv.includes('--typecheck') });
  console.log(`extension-host tests built into ${HOST_TESTS_OUT} in ${Date.now() - t0} ms`);
}
