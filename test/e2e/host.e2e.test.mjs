// Extension-host tests inside code-server: the mocha suite of test/e2e/host/ (vscode API:
// diagnostics, hovers, code actions, commands, settings) runs in the remote extension host of a
// real VS Code 1.100.3 (code-server 4.100.3), with the repository loaded as a development
// extension. code-server's web workbench reads extensionDevelopmentPath and extensionTestsPath from
// the URL payload, so headless Chromium only has to open that URL: the workbench then starts the
// extension host, which runs out/host-tests/index.js. The host suite writes its results as JSON to
// CONTAINMENT_HOST_RESULTS (set on code-server, inherited by the extension host); this file waits
// for it (bounded polling), then reports every host test as a node:test subtest.
//
// Run: `npm run test:host` (install the tools once with `npm run e2e:install`). Logs go to
// test-results/host/. The same host suite runs in desktop VS Code with `npm run test:electron`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CHROMIUM, launchChromium } from './browser.mjs';
import { codeServerVersion, CODE_SERVER_BIN, CODE_SERVER_VERSION, ROOT, startCodeServer } from '../../scripts/e2e/code-server.mjs';
import { buildHostTests, HOST_TESTS_WORKSPACE } from '../../scripts/e2e/build-host-tests.mjs';

const OUT = join(ROOT, 'test-results', 'host');
const RESULTS = join(OUT, 'results.json');
const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
/** From opening the page until the host suite has written its results. */
const RESULTS_TIMEOUT_MS = 180_000;
const PAGE_TIMEOUT_MS = 60_000;

// --- prerequisites: skip with a clear message locally, fail in CI -----------------------------
let chromium;
const missing = [];
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  missing.push('the npm package playwright-core (run `npm install`)');
}
try {
  createRequire(import.meta.url).resolve('mocha');
} catch {
  missing.push('the npm package mocha (run `npm install`)');
}
if (!existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM} (run \`npm run e2e:install\` as root: apt-get install chromium)`);
const csVersion = codeServerVersion();
if (!csVersion || !csVersion.startsWith(`${CODE_SERVER_VERSION} `)) {
  missing.push(`code-server ${CODE_SERVER_VERSION} at ${CODE_SERVER_BIN} (run \`npm run e2e:install\`)`);
}
const skip = missing.length > 0 && !IN_CI ? `extension-host tests skipped: missing ${missing.join('; ')}` : false;
if (skip) console.log(skip);

const LOG = join(OUT, 'runner.log');
function log(line) {
  appendFileSync(LOG, `[${new Date().toISOString()}] ${line}\n`);
}
function readIfExists(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Builds the extension and the host tests, runs them in code-server, returns the parsed results. */
async function runHostSuite() {
  const started = Date.now();
  const since = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  log(`code-server ${csVersion}; chromium ${CHROMIUM}`);

  // The development extension is the repository itself: dist/client.js and dist/server.js.
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  const testsPath = await buildHostTests();
  log(`built extension and host tests (${testsPath}) at ${since()}`);

  const workspace = mkdtempSync(join(tmpdir(), 'containment-host-ws-'));
  cpSync(HOST_TESTS_WORKSPACE, workspace, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'containment-host-chromium-'));
  let cs;
  let context;
  let page;
  let passed = false;
  try {
    cs = await startCodeServer({
      workspace,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: testsPath,
      env: { CONTAINMENT_HOST_RESULTS: RESULTS },
      disableWorkspaceTrust: true,
    });
    log(`code-server up at ${since()}: ${cs.url}`);
    context = await launchChromium(chromium, profile);
    context.setDefaultTimeout(PAGE_TIMEOUT_MS);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => log(`console.${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => log(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => log(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
    await page.goto(cs.url, { timeout: PAGE_TIMEOUT_MS });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
    log(`workbench shown at ${since()}`);

    // The extension host starts once the workbench is up; the suite then runs by itself. Poll for
    // its results file (bounded), clicking the workspace-trust modal away should it ever appear.
    const trust = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Yes, I trust the authors' });
    const deadline = Date.now() + RESULTS_TIMEOUT_MS;
    let lastProgress = '';
    while (!existsSync(RESULTS)) {
      if (Date.now() > deadline) {
        await page.screenshot({ path: join(OUT, 'timeout.png'), animations: 'disabled' }).catch(() => {});
        throw new Error(
          `no host test results in ${RESULTS} after ${RESULTS_TIMEOUT_MS / 1000} s (did the extension host start? see ${OUT}).\n` +
            `host progress:\n${readIfExists(`${RESULTS}.log`) || '(none: the suite never started)'}`,
        );
      }
      if (await trust.isVisible().catch(() => false)) {
        log('workspace trust modal shown: trusting');
        await trust.click().catch(() => {});
      }
      const progress = readIfExists(`${RESULTS}.log`);
      if (progress !== lastProgress) {
        log(`host progress:\n${progress.slice(lastProgress.length).trimEnd()}`);
        lastProgress = progress;
      }
      await delay(250);
    }
    const results = JSON.parse(readFileSync(RESULTS, 'utf8'));
    log(`results at ${since()}: ${JSON.stringify(results.stats)}`);
    await page.screenshot({ path: join(OUT, 'workbench.png'), animations: 'disabled' }).catch(() => {});
    passed = results.stats.failures === 0 && !results.error;
    return { results, wallMs: Date.now() - started };
  } finally {
    await context?.close().catch(() => {});
    await cs?.stop();
    if (cs?.logFile && existsSync(cs.logFile)) copyFileSync(cs.logFile, join(OUT, 'code-server.log'));
    // VS Code's logs hold the extension host's output (and the Containment output channel).
    if (cs?.userDataDir && existsSync(join(cs.userDataDir, 'logs'))) {
      cpSync(join(cs.userDataDir, 'logs'), join(OUT, 'vscode-logs'), { recursive: true });
    }
    rmSync(workspace, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
    if (cs?.runDir && passed) rmSync(cs.runDir, { recursive: true, force: true });
    log(`finished at ${since()}`);
  }
}

describe('Containment extension-host tests (mocha inside code-server)', { skip }, () => {
  test('the host suite runs in the extension host and every host test passes', async (t) => {
    if (missing.length > 0) throw new Error(`CI=true and the extension-host test prerequisites are missing: ${missing.join('; ')}`);
    const { results, wallMs } = await runHostSuite();
    console.log(
      `host suite in ${results.appName} ${results.vscodeVersion} (${results.uiKind}): ${results.stats.passes} passed, ` +
        `${results.stats.failures} failed, ${results.stats.pending} pending in ${(results.durationMs / 1000).toFixed(1)} s ` +
        `(${(wallMs / 1000).toFixed(1)} s with build, code-server and browser start)`,
    );
    for (const r of results.tests) {
      console.log(`  ${r.state.padEnd(7)} ${r.fullTitle}${r.durationMs !== undefined ? ` (${r.durationMs} ms)` : ''}`);
    }
    assert.equal(results.error, undefined, `the host suite could not run: ${results.error}`);
    assert.ok(results.tests.length > 0, 'the host suite ran no test');
    for (const r of results.tests) {
      await t.test(`host: ${r.fullTitle}`, { skip: r.state === 'pending' ? 'pending in mocha' : false }, () => {
        if (r.state === 'failed') assert.fail(`${r.fullTitle} failed in the extension host:\n${r.error}`);
      });
    }
    assert.equal(results.stats.failures, 0, `${results.stats.failures} host test(s) failed (details in ${RESULTS})`);
  });
});
