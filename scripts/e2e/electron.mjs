#!/usr/bin/env node
// `npm run test:electron`: the extension-host tests of test/e2e/host/ in desktop VS Code, through
// @vscode/test-electron (the usual way to test a VS Code extension). test-electron downloads
// desktop VS Code at run time (into .e2e/vscode-test/), so this needs a network that reaches
// update.code.visualstudio.com; without it, it stops with the reason and exits 1. Where there is
// no network, `npm run test:host` runs the same suite inside code-server instead.
//
// Environment:
//   CONTAINMENT_VSCODE_VERSION     VS Code version to download ('stable' by default, or e.g. 1.100.3)
//   CONTAINMENT_VSCODE_EXECUTABLE  a desktop VS Code executable already on this machine (no download)
// On Linux without a display, run it under a virtual one: `xvfb-run -a npm run test:electron`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './code-server.mjs';
import { buildHostTests, HOST_TESTS_WORKSPACE } from './build-host-tests.mjs';

const VERSION = process.env.CONTAINMENT_VSCODE_VERSION || 'stable';
const EXECUTABLE = process.env.CONTAINMENT_VSCODE_EXECUTABLE || '';
const CACHE = join(ROOT, '.e2e', 'vscode-test');
const OUT = join(ROOT, 'test-results', 'electron');
const RESULTS = join(OUT, 'results.json');

function fail(why) {
  console.error(`test:electron: ${why}`);
  process.exit(1);
}

let testElectron;
try {
  testElectron = await import('@vscode/test-electron');
} catch (e) {
  fail(
    `@vscode/test-electron is not installed (${e.code ?? e.message}); run \`npm install\` (it is a devDependency). ` +
      'Without desktop VS Code, `npm run test:host` runs the same suite inside code-server.',
  );
}
const { downloadAndUnzipVSCode, runTests } = testElectron;

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn(
    'test:electron: no DISPLAY: desktop VS Code (Electron) needs one; on a headless Linux run `xvfb-run -a npm run test:electron`.',
  );
}

let vscodeExecutablePath = EXECUTABLE;
if (vscodeExecutablePath) {
  if (!existsSync(vscodeExecutablePath)) fail(`CONTAINMENT_VSCODE_EXECUTABLE=${vscodeExecutablePath} does not exist`);
} else {
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version: VERSION, cachePath: CACHE });
  } catch (e) {
    const why = `${e?.message ?? e}`;
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH/.test(why);
    fail(
      `cannot download desktop VS Code (version ${VERSION}) with @vscode/test-electron: ${why}\n` +
        `It fetches VS Code from update.code.visualstudio.com at run time${offline ? ', which this machine cannot reach' : ''}. ` +
        'Run `npm run test:host` to run the same suite inside code-server, or set CONTAINMENT_VSCODE_EXECUTABLE ' +
        'to a desktop VS Code already installed.',
    );
  }
}

// The development extension is the repository itself (dist/), the tests are out/host-tests/.
const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) fail('npm run build failed');
const extensionTestsPath = await buildHostTests();

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const workspace = mkdtempSync(join(tmpdir(), 'containment-electron-ws-'));
cpSync(HOST_TESTS_WORKSPACE, workspace, { recursive: true });
const userData = mkdtempSync(join(tmpdir(), 'containment-electron-ud-'));
let code;
try {
  code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    extensionTestsEnv: { CONTAINMENT_HOST_RESULTS: RESULTS },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', userData],
  });
} catch (e) {
  // runTests rejects with a TestRunFailedError (exit code or signal) when a test fails or VS Code cannot run.
  code = typeof e?.code === 'number' && e.code !== 0 ? e.code : 1;
  console.error(`test:electron: ${e?.message ?? e}`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
}

if (existsSync(RESULTS)) {
  const results = JSON.parse(readFileSync(RESULTS, 'utf8'));
  console.log(
    `host suite in ${results.appName} ${results.vscodeVersion}: ${results.stats.passes} passed, ${results.stats.failures} failed, ` +
      `${results.stats.pending} pending`,
  );
  for (const r of results.tests) console.log(`  ${r.state.padEnd(7)} ${r.fullTitle}${r.error ? `\n${r.error}` : ''}`);
  if (results.error) console.error(`the host suite could not run: ${results.error}`);
  if (results.stats.failures > 0 || results.error) code ||= 1;
} else {
  console.error(`test:electron: no results file ${RESULTS}: the tests did not run`);
  code ||= 1;
}
process.exit(code);
