// End-to-end: the packaged containment.vsix installed into a real VS Code (code-server 4.100.3 =
// VS Code 1.100.3), driven through headless Debian Chromium with playwright-core, asserting what a
// person sees. One code-server and one browser for the whole file; the tests run in order and
// build on each other (the quick fix of test c changes the Dockerfile that test a opened).
//
// Run: `npm run package && npm run test:e2e` (install the tools once with `npm run e2e:install`).
// Screenshots (one per step, numbered) and page/code-server logs go to test-results/e2e/.
// Every wait polls (locator.waitFor or a bounded poll of a condition); nothing sleeps.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CHROMIUM, launchChromium } from './browser.mjs';
import { codeServerVersion, CODE_SERVER_BIN, CODE_SERVER_VERSION, ROOT, startCodeServer } from '../../scripts/e2e/code-server.mjs';

const VSIX = process.env.CONTAINMENT_VSIX || join(ROOT, 'containment.vsix');
const WORKSPACE_TEMPLATE = join(ROOT, 'test', 'e2e', 'workspace');
const OUT = join(ROOT, 'test-results', 'e2e');
const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
/** Per-wait timeout: generous, since two cores shared with other work can be slow. */
const WAIT = 45_000;
/** The first diagnostics also wait for the extension to activate and the language server to start. */
const FIRST_WAIT = 60_000;

// --- prerequisites: skip with a clear message locally, fail in CI -----------------------------
let chromium;
const missing = [];
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  missing.push('the npm package playwright-core (run `npm install`)');
}
if (!existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM} (run \`npm run e2e:install\` as root: apt-get install chromium)`);
const csVersion = codeServerVersion();
if (!csVersion || !csVersion.startsWith(`${CODE_SERVER_VERSION} `)) {
  missing.push(`code-server ${CODE_SERVER_VERSION} at ${CODE_SERVER_BIN} (run \`npm run e2e:install\`)`);
}
const skip = missing.length > 0 && !IN_CI ? `end-to-end tests skipped: missing ${missing.join('; ')}` : false;
if (skip) console.log(skip);

// --- logging and screenshots --------------------------------------------------------------------
const LOG = join(OUT, 'page.log');
let shotNo = 0;
let anyStepFailed = false;
function log(line) {
  appendFileSync(LOG, `[${new Date().toISOString()}] ${line}\n`);
}
async function shot(page, name) {
  shotNo += 1;
  const file = join(OUT, `${String(shotNo).padStart(2, '0')}-${name}.png`);
  try {
    await page.screenshot({ path: file, animations: 'disabled' });
    log(`screenshot ${file}`);
  } catch (e) {
    log(`screenshot ${file} failed: ${e.message}`);
  }
}
/** Runs a test body; on failure keeps a screenshot of the moment and the text of the panels. */
async function step(page, name, fn) {
  const t0 = Date.now();
  log(`--- ${name}`);
  try {
    await fn();
    log(`--- ${name}: passed in ${Date.now() - t0} ms`);
  } catch (e) {
    anyStepFailed = true;
    log(`--- ${name}: FAILED after ${Date.now() - t0} ms: ${e.stack ?? e}`);
    await shot(page, `${name}-FAILED`);
    try {
      log(`problems rows:\n  ${(await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).join('\n  ')}`);
      log(`notifications:\n  ${(await page.locator('.notifications-toasts .notification-toast').allInnerTexts()).join('\n  ')}`);
    } catch {
      /* the page may be gone */
    }
    throw e;
  }
}

/** Polls `check` (which returns a truthy value when satisfied) until it holds or `timeout` ms pass. */
async function poll(what, check, timeout = WAIT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeout} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`,
      );
    await delay(250);
  }
}

// --- VS Code helpers (selectors measured on VS Code 1.100.3, see the e2e note) -------------------
const nbsp = /\u00a0/g;
const text = (s) => s.replace(nbsp, ' ');

/**
 * Opens a workspace file with Quick Open (Ctrl+P): types the name, moves the keyboard focus to the
 * row whose file name is exactly `name` (other files contain it: worker.Dockerfile), presses Enter
 * and waits for its tab. The result list re-renders as file search results arrive, so a wrong pick
 * is detected by the active tab and retried (bounded).
 */
async function openFile(page, name) {
  const exact = new RegExp(`^${escapeRe(name)}$`);
  const activeTab = page.locator('.tabs-container .tab.active .label-name', { hasText: exact });
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    const focusedName = page.locator('.quick-input-list .monaco-list-row.focused .label-name').first();
    await poll(`Quick Open to focus the row "${name}"`, async () => {
      const t = text(await focusedName.innerText({ timeout: 1_000 }).catch(() => '')).trim();
      if (exact.test(t)) return true;
      if (t) await page.keyboard.press('ArrowDown');
      return false;
    });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    try {
      await activeTab.waitFor({ state: 'visible', timeout: attempt < 3 ? 10_000 : WAIT });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      log(`openFile(${name}): attempt ${attempt} opened another file; retrying`);
    }
  }
}
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** The visible line of the active editor whose text matches `re` (spaces come back as U+00A0). */
function editorLine(page, re) {
  return page
    .locator('.editor-group-container.active .monaco-editor .view-line')
    .filter({ hasText: new RegExp(re.source.replace(/ /g, '[ \\u00a0]'), re.flags) });
}
/** Problems panel rows of marker entries that mention `ruleId` (the row shows `Containment(CT1001)`). */
function problemRows(page, ruleId) {
  return page.locator('.markers-panel .monaco-list-row').filter({ hasText: ruleId });
}
async function ensureProblemsOpen(page) {
  if (await page.locator('.markers-panel').isVisible()) return;
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible' });
}
/**
 * Opens the quick-fix menu on the active editor's line matching `lineRe` and applies the action whose
 * title matches `actionRe`.
 *
 * In 1 of 25 runs here (and in a CI run) VS Code answered Ctrl+. on `web:`, right after the first
 * quick fix on compose.yaml, with "No code actions available", although the server had that
 * version's findings and Problems showed them. VS Code 1.100 shows that message, with an empty
 * list, when its own request is cancelled under it (its token is cancelled when the document's
 * text or the set of code-action providers changes while it asks); what changed here is not known
 * (a server-side log over 16 runs never caught it). As a user would, the menu is asked for again,
 * at most twice, each time logged with a screenshot, so a server that really offers nothing still
 * fails the step.
 */
async function applyQuickFix(page, lineRe, actionRe, name) {
  const line = editorLine(page, lineRe).first();
  const rows = page.locator('.action-widget .monaco-list-row');
  const noActions = page.locator('.monaco-editor-overlaymessage', { hasText: /No code actions available/ });
  for (let attempt = 1; ; attempt++) {
    await line.waitFor({ state: 'visible' });
    await line.click();
    log(`quick fix ${actionRe}: cursor at ${await cursorPosition(page)}`);
    await page.keyboard.press('Control+.');
    const outcome = await poll(`a quick fix matching ${actionRe}`, async () => {
      const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      if (labels.some((l) => actionRe.test(l))) return labels;
      return attempt < 3 && (await noActions.isVisible()) ? 'none' : false;
    }).catch(async (e) => {
      log(
        `quick fix ${actionRe} not offered; cursor at ${await cursorPosition(page)}; menu rows ${JSON.stringify(await rows.allInnerTexts().catch(() => []))}`,
      );
      throw e;
    });
    if (outcome !== 'none') break;
    log(`quick fix ${actionRe}: VS Code said "No code actions available" (attempt ${attempt}); asking again`);
    await shot(page, `${name}-no-actions-${attempt}`);
    await page.keyboard.press('Escape');
    await noActions.waitFor({ state: 'hidden' }).catch(() => {});
  }
  log(`quick fixes: ${JSON.stringify(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))))}`);
  // Move the keyboard focus to the wanted action (a click is intercepted by .context-view-pointerBlock).
  for (let i = 0; i < 30; i++) {
    const focused = await page
      .locator('.action-widget .monaco-list-row.focused')
      .first()
      .getAttribute('aria-label', { timeout: WAIT })
      .catch(() => '');
    if (actionRe.test(focused ?? '')) break;
    await page.keyboard.press('ArrowDown');
    await poll('the quick-fix focus to move', async () => {
      const now = await page
        .locator('.action-widget .monaco-list-row.focused')
        .first()
        .getAttribute('aria-label', { timeout: 1_000 })
        .catch(() => '');
      return now !== focused;
    });
  }
  const focused = await page.locator('.action-widget .monaco-list-row.focused').first().getAttribute('aria-label');
  assert.match(focused ?? '', actionRe, `could not focus the quick fix ${actionRe}`);
  await shot(page, name);
  await page.keyboard.press('Enter');
  await page.locator('.action-widget').waitFor({ state: 'hidden' });
}
/** The status bar's cursor position ("Ln 3, Col 7"), for the log. */
async function cursorPosition(page) {
  return page
    .locator('[id="status.editor.selection"]')
    .innerText({ timeout: 2_000 })
    .then(text)
    .catch(() => 'unknown');
}
/** Error toasts currently shown. */
async function errorToasts(page) {
  return page
    .locator('.notifications-toasts .notification-toast')
    .filter({ has: page.locator('.codicon-error') })
    .allInnerTexts();
}

// --- the suite ----------------------------------------------------------------------------------
describe('Containment in VS Code (code-server, packaged .vsix)', { skip }, () => {
  let cs;
  let context;
  let page;
  let workspace;
  let profile;
  const started = Date.now();

  before(async () => {
    if (missing.length > 0) throw new Error(`CI=true and the end-to-end prerequisites are missing: ${missing.join('; ')}`);
    if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: build it first with \`npm run package\`, then run \`npm run test:e2e\``);
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    anyStepFailed = true; // until the start-up below has succeeded
    log(`code-server ${csVersion}; chromium ${CHROMIUM}; vsix ${VSIX}`);

    workspace = mkdtempSync(join(tmpdir(), 'containment-e2e-ws-'));
    cpSync(WORKSPACE_TEMPLATE, workspace, { recursive: true });

    cs = await startCodeServer({ workspace, vsix: VSIX });
    log(`code-server up at ${cs.url} after ${Date.now() - started} ms; run folder ${cs.runDir}`);

    profile = mkdtempSync(join(tmpdir(), 'containment-e2e-chromium-'));
    context = await launchChromium(chromium, profile);
    context.setDefaultTimeout(WAIT);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => log(`console.${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => log(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => log(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400) log(`response ${r.status()}: ${r.url()}`);
    });
    await page.goto(cs.url, { timeout: FIRST_WAIT });
    log(`page loaded after ${Date.now() - started} ms`);
    anyStepFailed = false;
  });

  after(async () => {
    await context?.close().catch(() => {});
    await cs?.stop();
    if (cs?.logFile && existsSync(cs.logFile)) copyFileSync(cs.logFile, join(OUT, 'code-server.log'));
    // The extension host's and the Containment output channel's logs, for diagnosis.
    if (cs?.userDataDir) {
      const logs = join(cs.userDataDir, 'logs');
      if (existsSync(logs)) cpSync(logs, join(OUT, 'vscode-logs'), { recursive: true });
    }
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    // The run folder (user data, extensions) is kept only when something failed; its logs are copied above.
    if (cs?.runDir && !anyStepFailed) rmSync(cs.runDir, { recursive: true, force: true });
    if (profile) rmSync(profile, { recursive: true, force: true });
    log(`suite finished after ${Date.now() - started} ms`);
  });

  test('a. the Dockerfile shows Containment warnings as squiggles and in Problems', async () => {
    await step(page, 'workbench', async () => {
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: FIRST_WAIT });
      const trust = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Yes, I trust the authors' });
      await trust.waitFor({ state: 'visible', timeout: FIRST_WAIT });
      await shot(page, 'trust-prompt');
      await trust.click();
      await page.locator('[id="status.workspaceTrust"]').waitFor({ state: 'detached' });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'Dockerfile' }).first().waitFor({ state: 'visible' });
      log(`workbench ready after ${Date.now() - started} ms`);
      await shot(page, 'workbench');
    });
    await step(page, 'dockerfile-squiggles', async () => {
      await openFile(page, 'Dockerfile');
      await editorLine(page, /^FROM node:latest$/).waitFor();
      await page
        .locator('.editor-group-container.active .monaco-editor .squiggly-warning')
        .first()
        .waitFor({ state: 'visible', timeout: FIRST_WAIT });
      log(`first squiggle after ${Date.now() - started} ms`);
      await shot(page, 'dockerfile-squiggles');
    });
    await step(page, 'problems', async () => {
      await ensureProblemsOpen(page);
      const row = problemRows(page, 'CT1001').first();
      await row.waitFor({ state: 'visible' });
      const rowText = text(await row.innerText());
      log(`CT1001 row: ${JSON.stringify(rowText)}`);
      assert.match(rowText, /Containment/, 'the Problems row names Containment as the source');
      assert.match(rowText, /CT1001/, 'the Problems row shows the rule id as the code');
      assert.match(rowText, /USER/, 'the message talks about USER');
      assert.match((await page.locator('#status\\.problems').getAttribute('aria-label')) ?? '', /Warnings: [1-9]/);
      await shot(page, 'problems');
    });
  });

  test('b. hovering a finding explains the rule', async () => {
    await step(page, 'hover-finding', async () => {
      const from = editorLine(page, /^FROM node:latest$/).first();
      await from
        .locator('span span', { hasText: /latest/ })
        .first()
        .hover();
      const hover = page.locator('.monaco-hover', { hasText: 'CT1001' }).filter({ hasText: /What to do|no-user/ });
      await hover.first().waitFor({ state: 'visible' });
      const hoverText = text(await hover.first().innerText());
      log(`hover: ${JSON.stringify(hoverText)}`);
      assert.match(hoverText, /root/i, 'the explanation says why: root');
      await shot(page, 'hover-finding');
      await page.mouse.move(5, 450);
      await hover.first().waitFor({ state: 'hidden' });
    });
    await step(page, 'hover-instruction', async () => {
      const run = editorLine(page, /^RUN sudo npm ci/).first();
      await run.locator('span span', { hasText: /^RUN$/ }).first().hover();
      const hover = page.locator('.monaco-hover', { hasText: /RUN/ }).filter({ hasText: /Dockerfile reference/ });
      await hover.first().waitFor({ state: 'visible' });
      log(`hover: ${JSON.stringify(text(await hover.first().innerText()))}`);
      await shot(page, 'hover-instruction');
      await page.mouse.move(5, 450);
      await hover.first().waitFor({ state: 'hidden' });
    });
  });

  test('c. the "non-root user" quick fix adds USER and the warning goes away', async () => {
    await step(page, 'quick-fix-user', async () => {
      await applyQuickFix(page, /^FROM node:latest$/, /non-root user/, 'quick-fix-user-menu');
      await editorLine(page, /^USER \S+/)
        .first()
        .waitFor({ state: 'visible' });
      await ensureProblemsOpen(page);
      await problemRows(page, 'CT1001').first().waitFor({ state: 'detached' });
      await poll('the USER line on disk', () => /^USER \S+/m.test(readFileSync(join(workspace, 'Dockerfile'), 'utf8')));
      const onDisk = readFileSync(join(workspace, 'Dockerfile'), 'utf8');
      log(`Dockerfile after the fix:\n${onDisk}`);
      assert.match(onDisk, /^USER node\nCMD \["node", "server.js"\]$/m, 'USER goes right before CMD');
      await shot(page, 'quick-fix-user-applied');
    });
  });

  test('d. "Ignore this rule" inserts a containment-ignore comment and the finding goes away', async () => {
    await step(page, 'quick-fix-ignore', async () => {
      await openFile(page, 'worker.Dockerfile');
      await editorLine(page, /^USER root$/).waitFor();
      await ensureProblemsOpen(page);
      await problemRows(page, 'CT1002').first().waitFor({ state: 'visible', timeout: FIRST_WAIT });
      await shot(page, 'worker-root-user');
      await applyQuickFix(page, /^USER root$/, /^Ignore CT1002/, 'quick-fix-ignore-menu');
      await editorLine(page, /^# containment-ignore CT1002/)
        .first()
        .waitFor({ state: 'visible' });
      await problemRows(page, 'CT1002').first().waitFor({ state: 'detached' });
      await poll('the ignore comment on disk', () =>
        /^# containment-ignore CT1002.*\nUSER root$/m.test(readFileSync(join(workspace, 'worker.Dockerfile'), 'utf8')),
      );
      await shot(page, 'quick-fix-ignore-applied');
    });
  });

  test('e. settings take effect: a severity set before the start, and a rule turned off while running', async () => {
    // Settings come from the workspace's .vscode/settings.json, written on disk: the template
    // sets CT1002 to "error" before the start (checks the settings the server starts with); this
    // test then turns CT1002 and CT1003 off by rewriting the file (checks a change while running:
    // VS Code's file watcher sees it, the client forwards it through
    // synchronize.configurationSection and the server re-analyses the open files). That is the
    // simplest robust way, measured: rewriting the *user* settings.json on disk is not noticed by
    // code-server (the change only shows when the file is reopened), and typing JSON into the
    // settings editor fights auto-closing brackets and auto-indentation.
    await step(page, 'settings-severity-at-start', async () => {
      await openFile(page, 'tools.Dockerfile');
      await editorLine(page, /^USER 0$/).waitFor();
      await ensureProblemsOpen(page);
      await problemRows(page, 'CT1002').first().waitFor({ state: 'visible', timeout: FIRST_WAIT });
      await page.locator('.editor-group-container.active .monaco-editor .squiggly-error').first().waitFor({ state: 'visible' });
      assert.match(
        (await problemRows(page, 'CT1002').first().getAttribute('aria-label')) ?? '',
        /^Error/,
        'CT1002 is an error, as .vscode/settings.json says',
      );
      await shot(page, 'settings-severity-at-start');
    });
    await step(page, 'settings-rule-off', async () => {
      // CT1003 (sudo in RUN) is still reported for the Dockerfile, which stays open in its tab.
      await problemRows(page, 'CT1003').first().waitFor({ state: 'visible' });
      const file = join(workspace, '.vscode', 'settings.json');
      const settings = JSON.parse(readFileSync(file, 'utf8'));
      settings['containment.rules'] = { ...settings['containment.rules'], CT1002: 'off', CT1003: 'off' };
      writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
      await problemRows(page, 'CT1002').first().waitFor({ state: 'detached' });
      await problemRows(page, 'CT1003').first().waitFor({ state: 'detached' });
      await page.locator('.editor-group-container.active .monaco-editor .squiggly-error').first().waitFor({ state: 'detached' });
      await shot(page, 'settings-rule-off');
    });
  });

  test('g. Compose and docker run: hovers explain capabilities, keys and flags; "drop all capabilities" and "add limits" fix the service', async () => {
    await step(page, 'compose-open', async () => {
      await openFile(page, 'compose.yaml');
      await editorLine(page, /^ +- SYS_ADMIN$/)
        .first()
        .waitFor({ state: 'visible' });
      await ensureProblemsOpen(page);
      for (const id of ['CT2002', 'CT2003', 'CT2014'])
        await problemRows(page, id).first().waitFor({ state: 'visible', timeout: FIRST_WAIT });
      await shot(page, 'compose-findings');
    });
    await step(page, 'hover-capability', async () => {
      await editorLine(page, /^ +- SYS_ADMIN$/)
        .first()
        .locator('span span', { hasText: /SYS_ADMIN/ })
        .first()
        .hover();
      const hover = page.locator('.monaco-hover', { hasText: /SYS_ADMIN/ }).filter({ hasText: /mount|namespace/i });
      await hover.first().waitFor({ state: 'visible' });
      log(`hover: ${JSON.stringify(text(await hover.first().innerText()))}`);
      await shot(page, 'hover-capability');
      await page.mouse.move(5, 450);
      await hover.first().waitFor({ state: 'hidden' });
    });
    await step(page, 'hover-compose-key', async () => {
      await editorLine(page, /^ +cap_add:$/)
        .first()
        .locator('span span', { hasText: /cap_add/ })
        .first()
        .hover();
      const hover = page.locator('.monaco-hover', { hasText: /Effective capabilities/ });
      await hover.first().waitFor({ state: 'visible' });
      const hoverText = text(await hover.first().innerText());
      log(`hover: ${JSON.stringify(hoverText)}`);
      assert.match(hoverText, /--cap-add/, 'the hover names the docker run flag too');
      await shot(page, 'hover-compose-key');
      await page.mouse.move(5, 450);
      await hover.first().waitFor({ state: 'hidden' });
    });
    await step(page, 'quick-fix-drop-all', async () => {
      await applyQuickFix(page, /^ {2}web:$/, /Drop all capabilities/, 'quick-fix-drop-all-menu');
      await editorLine(page, /^ +cap_drop:/)
        .first()
        .waitFor({ state: 'visible' });
      await problemRows(page, 'CT2003').first().waitFor({ state: 'detached' });
      await shot(page, 'quick-fix-drop-all-applied');
    });
    await step(page, 'quick-fix-limits', async () => {
      await applyQuickFix(page, /^ {2}web:$/, /Add resource limits/, 'quick-fix-limits-menu');
      await editorLine(page, /^ +pids_limit: 100$/)
        .first()
        .waitFor({ state: 'visible' });
      await problemRows(page, 'CT2014').first().waitFor({ state: 'detached' });
      await poll('the limits on disk', () =>
        /memory: 512M[\s\S]*pids_limit: 100/.test(readFileSync(join(workspace, 'compose.yaml'), 'utf8')),
      );
      const onDisk = readFileSync(join(workspace, 'compose.yaml'), 'utf8');
      log(`compose.yaml after the fixes:\n${onDisk}`);
      assert.match(onDisk, /^# The shop's services\./m, 'the comment is kept');
      assert.match(onDisk, /cap_add:\n +- SYS_ADMIN/, 'the needed capability is kept');
      await shot(page, 'quick-fix-limits-applied');
    });
    await step(page, 'hover-docker-run-flag', async () => {
      await openFile(page, 'run-dev.sh');
      const line = editorLine(page, /^docker run -d/).first();
      await line.waitFor({ state: 'visible' });
      await line
        .locator('span', { hasText: /--pids-limit/ })
        .last()
        .hover();
      const hover = page.locator('.monaco-hover', { hasText: /Process limit/ });
      await hover.first().waitFor({ state: 'visible' });
      assert.match(text(await hover.first().innerText()), /pids_limit/, 'the hover names the Compose key too');
      await shot(page, 'hover-docker-run-flag');
      await page.mouse.move(5, 450);
      await hover.first().waitFor({ state: 'hidden' });
    });
  });

  test('h. a JSON profile named only by a script on disk (seccomp=profiles/worker.json) is checked as a seccomp profile and fixed', async () => {
    await step(page, 'referenced-profile', async () => {
      // Neither its name nor its content (no defaultAction) says "seccomp profile": run-worker.sh,
      // never opened, names it, and the server's workspace scan found that.
      await openFile(page, 'worker.json');
      await editorLine(page, /^ +"syscalls": \[$/)
        .first()
        .waitFor({ state: 'visible' });
      await ensureProblemsOpen(page);
      for (const id of ['CT3002', 'CT3009']) await problemRows(page, id).first().waitFor({ state: 'visible', timeout: FIRST_WAIT });
      log(`CT3009 row: ${JSON.stringify(text(await problemRows(page, 'CT3009').first().innerText()))}`);
      await shot(page, 'referenced-profile');
    });
    await step(page, 'referenced-profile-fix', async () => {
      // A just-opened file: the first Ctrl+. can come back empty (seen once in CI, "No code actions
      // available", while the lightbulb then showed them); ask again, bounded, before applying.
      const rows = page.locator('.action-widget .monaco-list-row');
      for (let attempt = 1; ; attempt++) {
        await editorLine(page, /^\{$/).first().click();
        await page.keyboard.press('Control+.');
        const seen = await poll(
          'the defaultAction quick fix',
          async () =>
            (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).some((l) => /defaultAction/.test(l)),
          8_000,
        ).catch(() => false);
        await page.keyboard.press('Escape');
        if (seen) break;
        if (attempt >= 4) throw new Error('no defaultAction quick fix after 4 tries');
        log(`referenced-profile-fix: attempt ${attempt} found no quick fix; asking again`);
        await delay(1_000);
      }
      await page.locator('.action-widget').waitFor({ state: 'hidden' });
      await applyQuickFix(page, /^\{$/, /defaultAction/, 'referenced-profile-fix-menu');
      await editorLine(page, /"defaultAction": "SCMP_ACT_ERRNO"/)
        .first()
        .waitFor({ state: 'visible' });
      await problemRows(page, 'CT3002').first().waitFor({ state: 'detached' });
      await shot(page, 'referenced-profile-fixed');
    });
  });

  test('f. every contributed command runs from the Command Palette without an error', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    // Titles are `%key%` placeholders resolved from package.nls.json (the workbench runs in English).
    const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
    const resolve = (s) => (typeof s === 'string' ? s.replace(/^%(.+)%$/, (m, k) => nls[k] ?? m) : s);
    const commands = pkg.contributes?.commands ?? [];
    assert.ok(commands.length > 0, 'package.json contributes commands');
    for (const c of commands) {
      const title = c.category ? `${resolve(c.category)}: ${resolve(c.title)}` : resolve(c.title);
      await step(page, `command-${c.command}`, async () => {
        const input = page.locator('.quick-input-widget .quick-input-box input');
        // A quick input the previous command left closing (or a file it just opened taking the
        // focus) can swallow the palette's first keystrokes: close what is open, then retry a
        // bounded number of times until the palette takes the command's title.
        for (let attempt = 1; ; attempt++) {
          if (await page.locator('.quick-input-widget').isVisible()) {
            await page.keyboard.press('Escape');
            await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
          }
          await page.keyboard.press('F1');
          await input.waitFor({ state: 'visible' });
          try {
            await input.fill(`>${title}`, { timeout: attempt < 3 ? 10_000 : WAIT });
            break;
          } catch (e) {
            if (attempt >= 3) throw e;
            log(`palette: attempt ${attempt} for "${title}" could not type; retrying`);
          }
        }
        const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: title }) });
        await row.first().waitFor({ state: 'visible' });
        await poll(`"${title}" to be the focused palette entry`, async () =>
          text((await page.locator('.quick-input-list .monaco-list-row.focused').first().innerText({ timeout: 1_000 })) ?? '').includes(
            title,
          ),
        );
        await page.keyboard.press('Enter');
        await afterCommand(page, c.command);
        const errors = await errorToasts(page);
        assert.deepEqual(errors, [], `"${title}" showed an error`);
        await shot(page, `command-${c.command}`);
      });
    }
    // Commands run in order in the workbench and the extension host; the last one's visible effect
    // is the barrier after which an error of any earlier one would be on screen.
    await step(page, 'commands-no-errors', async () => {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible' });
      await input.fill('>Containment: Show Output');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Containment: Show Output' }).first().waitFor();
      await page.keyboard.press('Enter');
      await outputShowsContainment(page);
      assert.deepEqual(await errorToasts(page), []);
      await shot(page, 'commands-done');
    });
  });
});

async function outputShowsContainment(page) {
  // The Output panel with the Containment channel selected.
  await poll('the Output panel on the Containment channel', async () => {
    const panel = page.locator('.part.panel .composite.title, .part.panel');
    if (!(await panel.first().isVisible())) return false;
    const sel = page.locator('.part.panel select.monaco-select-box');
    const values = await sel.evaluateAll((els) => els.map((e) => e.options[e.selectedIndex]?.text ?? ''));
    return values.some((v) => /Containment/.test(v));
  });
}

/** Waits for the visible effect of a command run from the palette, and closes what it opened. */
async function afterCommand(page, command) {
  await page
    .locator('.quick-input-widget')
    .waitFor({ state: 'hidden' })
    .catch(() => {});
  switch (command) {
    case 'containment.showRuleDoc': {
      // No id given: a quick pick of the rules; take CT1001 and expect its doc in a Markdown preview.
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible' });
      await input.fill('CT1001');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'CT1001' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: /CT1001/ }).waitFor({ state: 'visible' });
      // The preview is a webview: an iframe holding the active-frame iframe with the rendered doc.
      await page
        .frameLocator('iframe.webview.ready')
        .frameLocator('#active-frame')
        .locator('h1', { hasText: 'CT1001' })
        .first()
        .waitFor({ state: 'visible' });
      break;
    }
    case 'containment.explain': {
      // No topic given: a quick pick of concepts and rules; take CAP_SYS_ADMIN and expect its explanation in a Markdown preview.
      const input = page.locator('.quick-input-widget .quick-input-box input');
      // The previous command's Markdown preview can take the focus as it finishes loading, which
      // closes a quick pick (seen once in a run): run the command once more when it did not stay.
      for (let attempt = 1; ; attempt++) {
        const shown = await input.waitFor({ state: 'visible', timeout: attempt < 3 ? 15_000 : WAIT }).then(
          () => true,
          () => false,
        );
        if (shown && /Explain/.test((await input.getAttribute('aria-label')) ?? '')) break;
        if (attempt >= 3) throw new Error('the Explain quick pick did not show');
        log(`containment.explain: attempt ${attempt}: no quick pick on screen; running the command again`);
        await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible' });
        await input.fill('>Containment: Explain');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Containment: Explain…' }).first().waitFor();
        await poll('"Containment: Explain…" to be the focused palette entry', async () =>
          text((await page.locator('.quick-input-list .monaco-list-row.focused').first().innerText({ timeout: 1_000 })) ?? '').includes(
            'Containment: Explain…',
          ),
        );
        await page.keyboard.press('Enter');
      }
      await input.fill('CAP_SYS_ADMIN');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'CAP_SYS_ADMIN' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: /cap-sys-admin/ }).waitFor({ state: 'visible' });
      await page
        .locator('iframe.webview.ready')
        .filter({ visible: true })
        .first()
        .contentFrame()
        .frameLocator('#active-frame')
        .locator('h1', { hasText: 'CAP_SYS_ADMIN' })
        .first()
        .waitFor({ state: 'visible' });
      break;
    }
    case 'containment.restartServer': {
      await page
        .locator('.notifications-toasts .notification-toast.notification-fade-in-done', { hasText: 'language server restarted' })
        .waitFor({ state: 'visible' });
      // The restarted server answers: a hover on the USER instruction that test c added.
      await openFile(page, 'Dockerfile');
      await editorLine(page, /^USER node$/)
        .first()
        .locator('span span', { hasText: /^USER$/ })
        .first()
        .hover();
      const hover = page.locator('.monaco-hover', { hasText: /USER/ }).filter({ hasText: /Dockerfile reference/ });
      await hover.first().waitFor({ state: 'visible' });
      await page.mouse.move(5, 450);
      await hover.first().waitFor({ state: 'hidden' });
      break;
    }
    case 'containment.showOutput':
      await outputShowsContainment(page);
      break;
    default:
      log(`no specific check for ${command}: the final barrier checks that it showed no error`);
  }
}
