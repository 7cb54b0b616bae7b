// End-to-end: the Containers view and the isolation report in a real VS Code (code-server 4.100.3 =
// VS Code 1.100.3, the packaged containment.vsix) against a REAL engine: a private dockerd started
// by scripts/engine/dockerd.mjs, whose DOCKER_HOST is set on code-server (the extension host and
// the language server inherit it). Containers are created through the Engine API with
// `--cap-add SYS_ADMIN --pid host` and a label that tries to inject HTML, and the suite asserts
// what a person sees: the view, the report webview (namespaces, capability chips, findings, the
// label as text), the light and high contrast themes, "Show as docker run", the drift against the
// workspace's Compose file, then the empty state (containers removed) and an error state (the
// engine stopped: DOCKER_HOST names a socket that no longer exists).
//
// Run: `npm run package && node --test test/e2e/containers.e2e.test.mjs` (or `npm run test:e2e`).
// Needs root (dockerd), Chromium and code-server (`npm run e2e:install`). Screenshots 30-… go to
// test-results/e2e/ beside the other suite's; the log is test-results/e2e/containers.log.
// Every wait polls (locator.waitFor or a bounded poll); nothing sleeps.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CHROMIUM, launchChromium } from './browser.mjs';
import { codeServerVersion, CODE_SERVER_BIN, CODE_SERVER_VERSION, ROOT, startCodeServer } from '../../scripts/e2e/code-server.mjs';
import { missingParts, startDockerd } from '../../scripts/engine/dockerd.mjs';

const VSIX = process.env.CONTAINMENT_VSIX || join(ROOT, 'containment.vsix');
const OUT = join(ROOT, 'test-results', 'e2e');
const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const WAIT = 45_000;
const FIRST_WAIT = 90_000;
const HOSTILE_LABEL = '<img src=x onerror=alert(1)>';

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
if (!csVersion || !csVersion.startsWith(`${CODE_SERVER_VERSION} `))
  missing.push(`code-server ${CODE_SERVER_VERSION} at ${CODE_SERVER_BIN} (run \`npm run e2e:install\`)`);
for (const m of missingParts()) missing.push(`${m} for a private engine (run \`node scripts/engine/dockerd.mjs install\` as root)`);
if (process.getuid?.() !== 0) missing.push('root, to start a private dockerd');
const skip = missing.length > 0 && !IN_CI ? `Containers view end-to-end tests skipped: missing ${missing.join('; ')}` : false;
if (skip) console.log(skip);

// --- logging, screenshots, polling -------------------------------------------------------------
const LOG = join(OUT, 'containers.log');
let failed = false;
function log(line) {
  appendFileSync(LOG, `[${new Date().toISOString()}] ${line}\n`);
}
async function shot(page, name) {
  const file = join(OUT, `${name}.png`);
  try {
    await page.screenshot({ path: file, animations: 'disabled' });
    log(`screenshot ${file}`);
  } catch (e) {
    log(`screenshot ${file} failed: ${e.message}`);
  }
}
async function step(page, name, fn) {
  const t0 = Date.now();
  log(`--- ${name}`);
  try {
    await fn();
    log(`--- ${name}: passed in ${Date.now() - t0} ms`);
  } catch (e) {
    failed = true;
    log(`--- ${name}: FAILED after ${Date.now() - t0} ms: ${e.stack ?? e}`);
    await shot(page, `3x-${name}-FAILED`);
    try {
      log(`notifications:\n  ${(await page.locator('.notifications-toasts .notification-toast').allInnerTexts()).join('\n  ')}`);
      log(`containers pane:\n${await page.locator(PANE).innerText({ timeout: 2_000 })}`);
    } catch {
      /* the page may be gone */
    }
    throw e;
  }
}
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
const text = (s) => (s ?? '').replace(/\u00a0/g, ' ');

// --- VS Code selectors (measured on VS Code 1.100.3) -------------------------------------------
/** The Containers view's pane (its id is the view id). */
const PANE = '.pane:has([id="workbench.view.extension.containment"]), [id="workbench.view.extension.containment"]';
const ROWS = `[id="workbench.view.extension.containment"] .monaco-list-row`;
const WELCOME = `[id="workbench.view.extension.containment"] .welcome-view-content`;

/**
 * The report webview's document. VS Code 1.100 hosts each webview in an
 * `<iframe class="webview ready" src=".../index.html?id=…&extensionId=containment.containment…">`
 * whose document holds a second `<iframe id="active-frame">` with the extension's HTML (a pending
 * `#pending-frame` replaces it on each update). The extensionId in the outer src tells our report
 * apart from the Markdown preview's webview.
 */
function reportFrame(page) {
  return page.frameLocator('iframe.webview.ready[src*="extensionId=containment.containment"]').frameLocator('#active-frame');
}
function markdownFrame(page) {
  return page.frameLocator('iframe.webview.ready[src*="extensionId=vscode.markdown-language-features"]').frameLocator('#active-frame');
}

async function runCommand(page, title) {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  // A quick input that is still closing (the previous command's) would swallow the text.
  const closed = await widget.waitFor({ state: 'hidden', timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (!closed) {
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
  }
  // F1 can be lost while a webview holds the focus: press it again (bounded) until the palette shows.
  await poll('the Command Palette to open', async () => {
    await page.keyboard.press('F1');
    return input.waitFor({ state: 'visible', timeout: 3_000 }).then(
      () => true,
      () => false,
    );
  });
  await input.fill(`>${title}`);
  await focusRow(page, title);
  await page.keyboard.press('Enter');
}

/** Moves the quick input's focus to the row whose label is exactly `label` (other rows may match the filter first). */
async function focusRow(page, label) {
  await page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: label }).first().waitFor({ state: 'visible' });
  await poll(`the quick input to focus "${label}"`, async () => {
    const focused = text(
      await page.locator('.quick-input-list .monaco-list-row.focused .label-name').first().innerText({ timeout: 1_000 }),
    ).trim();
    if (focused === label) return true;
    await page.keyboard.press('ArrowDown');
    return false;
  });
}

/** Picks the row of the open quick pick whose label is exactly `label`. */
async function pickQuick(page, label) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(label);
  await focusRow(page, label);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

async function errorToasts(page) {
  return page
    .locator('.notifications-toasts .notification-toast')
    .filter({ has: page.locator('.codicon-error') })
    .allInnerTexts();
}

async function setTheme(page, name) {
  await runCommand(page, 'Preferences: Color Theme');
  await pickQuick(page, name);
}

// --- the engine ----------------------------------------------------------------------------------
async function createContainer(engine, name, body) {
  const r = await engine.api('POST', `/containers/create?name=${encodeURIComponent(name)}`, body);
  assert.equal(r.status, 201, `creating ${name}: HTTP ${r.status} ${r.body}`);
  const { Id } = JSON.parse(r.body);
  const s = await engine.api('POST', `/containers/${Id}/start`);
  assert.ok(s.status === 204 || s.status === 304, `starting ${name}: HTTP ${s.status} ${s.body}`);
  return Id;
}

describe('Containers view and isolation report (code-server, packaged .vsix, real dockerd)', { skip }, () => {
  let engine;
  let cs;
  let context;
  let page;
  let workspace;
  let profile;
  const started = Date.now();

  before(async () => {
    if (missing.length > 0) throw new Error(`CI=true and the prerequisites are missing: ${missing.join('; ')}`);
    if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: build it first with \`npm run package\``);
    mkdirSync(OUT, { recursive: true });
    // Only this suite's files: the other suite's screenshots in the same folder stay.
    for (const f of readdirSync(OUT)) if (/^3\d-|^3x-|^containers\.log$/.test(f)) rmSync(join(OUT, f), { force: true });
    failed = true;

    engine = await startDockerd({ log });
    log(`dockerd ${engine.pid} at ${engine.host}; image ${engine.image}`);

    // The workspace holds the Compose file that (mostly) describes the "evil" container.
    workspace = mkdtempSync(join(tmpdir(), 'containment-e2e-ct-'));
    const project = basename(workspace).toLowerCase();
    writeFileSync(
      join(workspace, 'compose.yaml'),
      `services:\n  web:\n    image: ${engine.image}\n    command: ["sleep", "3600"]\n    network_mode: none\n    cap_drop: [ALL]\n    read_only: true\n    labels:\n      evil: "${HOSTILE_LABEL}"\n`,
    );
    await createContainer(engine, 'ctm-evil', {
      Image: engine.image,
      Cmd: ['sleep', '3600'],
      Labels: {
        evil: HOSTILE_LABEL,
        'com.docker.compose.project': project,
        'com.docker.compose.service': 'web',
        'com.docker.compose.project.config_files': join(workspace, 'compose.yaml'),
        'com.docker.compose.project.working_dir': workspace,
      },
      HostConfig: { CapAdd: ['SYS_ADMIN'], PidMode: 'host', NetworkMode: 'none' },
    });
    await createContainer(engine, 'ctm-calm', {
      Image: engine.image,
      Cmd: ['sleep', '3600'],
      User: '1001:1001',
      HostConfig: {
        CapDrop: ['ALL'],
        ReadonlyRootfs: true,
        Memory: 32 * 1024 * 1024,
        PidsLimit: 20,
        NanoCpus: 500_000_000,
        SecurityOpt: ['no-new-privileges'],
        NetworkMode: 'none',
      },
    });
    log('containers ctm-evil and ctm-calm started');

    cs = await startCodeServer({ workspace, vsix: VSIX, env: { DOCKER_HOST: engine.host } });
    log(`code-server up at ${cs.url} after ${Date.now() - started} ms`);
    profile = mkdtempSync(join(tmpdir(), 'containment-e2e-ct-chromium-'));
    context = await launchChromium(chromium, profile);
    context.setDefaultTimeout(WAIT);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => log(`console.${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => log(`pageerror: ${e.message}`));
    await page.goto(cs.url, { timeout: FIRST_WAIT });
    failed = false;
  });

  after(async () => {
    await context?.close().catch(() => {});
    await cs?.stop();
    if (cs?.logFile && existsSync(cs.logFile)) copyFileSync(cs.logFile, join(OUT, 'containers-code-server.log'));
    if (cs?.userDataDir && existsSync(join(cs.userDataDir, 'logs')))
      cpSync(join(cs.userDataDir, 'logs'), join(OUT, 'containers-vscode-logs'), { recursive: true });
    await engine?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    if (cs?.runDir && !failed) rmSync(cs.runDir, { recursive: true, force: true });
    if (profile) rmSync(profile, { recursive: true, force: true });
    log(`suite finished after ${Date.now() - started} ms`);
  });

  test('a. the Containers view lists the running containers with their isolation summary', async () => {
    await step(page, 'workbench', async () => {
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: FIRST_WAIT });
      const trust = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Yes, I trust the authors' });
      await trust.waitFor({ state: 'visible', timeout: FIRST_WAIT });
      await trust.click();
      await page.locator('[id="status.workspaceTrust"]').waitFor({ state: 'detached' });
    });
    await step(page, 'containers-view', async () => {
      // The activity bar entry of the "Containment" view container.
      await page.locator('.activitybar .action-item a.action-label[aria-label^="Containment"]').first().click();
      const evil = page.locator(ROWS, { hasText: 'ctm-evil' });
      await evil.first().waitFor({ state: 'visible', timeout: FIRST_WAIT });
      // The description fills in once the report behind it was read (host pid, +SYS_ADMIN).
      await poll('the ctm-evil row to show its summary', async () => {
        const t = text(await evil.first().innerText({ timeout: 1_000 }));
        return /findings/.test(t) && /host pid/.test(t) && /\+SYS_ADMIN/.test(t) && t;
      });
      const row = text(await evil.first().innerText());
      log(`ctm-evil row: ${JSON.stringify(row)}`);
      assert.match(row, /ctm-busybox:1/);
      assert.equal(await evil.first().locator('.codicon-error').count(), 1, 'the worst finding is an error: red error icon');
      await page.locator(ROWS, { hasText: 'ctm-calm' }).first().waitFor({ state: 'visible' });
      // A wider sidebar (drag its edge) and the container's details expanded, for the screenshot.
      const box = await page.locator('.part.sidebar').boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width + 260, box.y + box.height / 2, { steps: 5 });
        await page.mouse.up();
      }
      await evil.first().locator('.monaco-tl-twistie').click();
      await page.locator(ROWS, { hasText: 'Shared with the host' }).first().waitFor({ state: 'visible' });
      await page.locator(ROWS, { hasText: 'Capabilities added' }).first().waitFor({ state: 'visible' });
      await shot(page, '30-containers-view');
    });
  });

  test('b. the report shows namespaces, capabilities, findings, and the hostile label as text', async () => {
    await step(page, 'report', async () => {
      await page.locator(ROWS, { hasText: 'ctm-evil' }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: 'Isolation: ctm-evil' }).waitFor({ state: 'visible' });
      const frame = reportFrame(page);
      await frame.locator('h1', { hasText: 'ctm-evil' }).waitFor({ state: 'visible', timeout: FIRST_WAIT });
      await frame.locator('.host-box .ns.shared[data-ns="pid"]').waitFor({ state: 'visible' });
      await frame.locator('.container-box .ns[data-ns="net"]').waitFor({ state: 'visible' });
      await frame.locator('.chip.added[data-cap="SYS_ADMIN"]').waitFor({ state: 'visible' });
      await frame.locator('.chip[data-cap="CHOWN"]').waitFor({ state: 'visible' });
      await frame.locator('li.finding[data-rule-id="CT2002"]').waitFor({ state: 'visible' });
      const finding = text(await frame.locator('li.finding[data-rule-id="CT2002"]').innerText());
      log(`CT2002: ${JSON.stringify(finding)}`);
      assert.match(finding, /SYS_ADMIN/);
      // The label is shown as text: the literal "<img" string is visible, and no img element exists.
      const label = frame.locator('#more td code', { hasText: HOSTILE_LABEL });
      await label.waitFor({ state: 'visible' });
      assert.equal(text(await label.innerText()), HOSTILE_LABEL);
      await poll('the report frame to have no img element', async () => (await frame.locator('img').count()) === 0);
      await shot(page, '31-report');
      await frame.locator('#findings').scrollIntoViewIfNeeded();
      await shot(page, '32-report-findings');
      assert.deepEqual(await errorToasts(page), []);
    });
    await step(page, 'report-buttons', async () => {
      // A copy button posts its command to the extension, which puts it on the clipboard.
      const frame = reportFrame(page);
      await frame.locator('#more .cmd button.copy').first().click();
      await page.locator('.statusbar-item', { hasText: 'Copied:' }).first().waitFor({ state: 'visible' });
      // A rule link opens the rule's bundled documentation.
      await frame.locator('li.finding[data-rule-id="CT2002"] a.rule').click();
      await page.locator('.tabs-container .tab.active', { hasText: /CT2002/ }).waitFor({ state: 'visible' });
      await markdownFrame(page).locator('h1', { hasText: 'CT2002' }).first().waitFor({ state: 'visible' });
      // Closed again, so that the drift preview of test f is the only Markdown preview.
      await runCommand(page, 'View: Close Editor');
      await page.locator('.tabs-container .tab', { hasText: /CT2002/ }).waitFor({ state: 'detached' });
      await page.locator('.tabs-container .tab', { hasText: 'Isolation: ctm-evil' }).click();
      await reportFrame(page).locator('h1', { hasText: 'ctm-evil' }).waitFor({ state: 'visible' });
      assert.deepEqual(await errorToasts(page), []);
    });
  });

  test('c. the report follows the dark and high contrast themes', async () => {
    await step(page, 'report-themes', async () => {
      // code-server starts in Light Modern: the report was just seen in it.
      const frame = reportFrame(page);
      await setTheme(page, 'Dark Modern');
      await frame.locator('body.vscode-dark').waitFor({ state: 'attached' });
      await frame.locator('h1', { hasText: 'ctm-evil' }).scrollIntoViewIfNeeded();
      await shot(page, '33-report-dark');
      await setTheme(page, 'Dark High Contrast');
      await frame.locator('body.vscode-high-contrast').waitFor({ state: 'attached' });
      await shot(page, '34-report-high-contrast');
      await setTheme(page, 'Light Modern');
      await frame.locator('body.vscode-light').waitFor({ state: 'attached' });
    });
  });

  test('d. Inspect Container Isolation… picks a container and shows its limits with usage bars', async () => {
    await step(page, 'inspect-command', async () => {
      await runCommand(page, 'Containment: Inspect Container Isolation…');
      await pickQuick(page, 'ctm-calm');
      await page.locator('.tabs-container .tab.active', { hasText: 'Isolation: ctm-calm' }).waitFor({ state: 'visible' });
      const frame = reportFrame(page);
      await frame.locator('h1', { hasText: 'ctm-calm' }).waitFor({ state: 'visible', timeout: FIRST_WAIT });
      const memory = frame.locator('.limit[data-resource="memory"]');
      await memory.waitFor({ state: 'visible' });
      assert.match(text(await memory.innerText()), /32 MiB/);
      await frame.locator('.limit[data-resource="pids"] svg.bar').waitFor({ state: 'visible' });
      await frame.locator('.chip.dropped[data-cap="CHOWN"]').waitFor({ state: 'visible' });
      await frame.locator('#limits').scrollIntoViewIfNeeded();
      await shot(page, '35-report-limits');
    });
  });

  test('e. Show as docker run opens the equivalent command line', async () => {
    await step(page, 'as-docker-run', async () => {
      await runCommand(page, 'Containment: Show as docker run');
      await pickQuick(page, 'ctm-evil');
      const line = page.locator('.editor-group-container.active .monaco-editor .view-line').filter({ hasText: /docker/ });
      await line.first().waitFor({ state: 'visible' });
      const all = text((await page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText()).replace(/\n/g, ' '));
      log(`docker run: ${JSON.stringify(all)}`);
      assert.match(all, /--cap-add[ =]SYS_ADMIN/);
      assert.match(all, /--pid[ =]host/);
      await shot(page, '36-docker-run');
    });
  });

  test('f. Compare with Compose Service shows the drift from the workspace Compose file', async () => {
    await step(page, 'compare', async () => {
      await runCommand(page, 'Containment: Compare with Compose Service');
      await pickQuick(page, 'ctm-evil');
      const frame = markdownFrame(page);
      await frame.locator('h1', { hasText: 'Drift' }).waitFor({ state: 'visible', timeout: FIRST_WAIT });
      const body = text(await frame.locator('body').innerText());
      log(`drift: ${JSON.stringify(body.slice(0, 2000))}`);
      assert.match(body, /The running container has what the Compose file does not say/);
      assert.match(body, /SYS_ADMIN/);
      assert.match(body, /pid/);
      assert.match(body, /Matched by: the container’s Compose labels/);
      await shot(page, '37-drift');
    });
  });

  test('g. the empty state, then an error state when the engine is gone', async () => {
    await step(page, 'empty-state', async () => {
      for (const name of ['ctm-evil', 'ctm-calm']) {
        const r = await engine.api('DELETE', `/containers/${name}?force=1`);
        assert.ok(r.status === 204, `removing ${name}: HTTP ${r.status} ${r.body}`);
      }
      await runCommand(page, 'Containment: Refresh Containers');
      const welcome = page.locator(WELCOME, { hasText: 'No running containers.' });
      await welcome.waitFor({ state: 'visible' });
      await page.locator(WELCOME).getByRole('button', { name: 'Retry' }).waitFor({ state: 'visible' });
      assert.equal(await page.locator(ROWS).count(), 0);
      await shot(page, '38-empty');
    });
    await step(page, 'error-state', async () => {
      // Stopping the engine removes its socket: DOCKER_HOST now names a socket that does not exist.
      await engine.stop();
      await runCommand(page, 'Containment: Refresh Containers');
      await page.locator(WELCOME, { hasText: 'The container engine is not running' }).waitFor({ state: 'visible' });
      const welcome = page.locator(WELCOME);
      for (const button of ['Retry', 'Engine Settings', 'Show Output'])
        await welcome.getByRole('button', { name: button }).waitFor({ state: 'visible' });
      log(`welcome: ${JSON.stringify(text(await welcome.innerText()))}`);
      assert.deepEqual(await errorToasts(page), [], 'engine problems are not error toasts');
      await shot(page, '39-error');
    });
  });

  test('h. without an engine, every Containers command run from the palette says why, never as an error', async () => {
    // The engine was stopped in g. Commands that need a container ask for one with a quick pick,
    // which cannot list anything: a warning names the problem instead.
    const commands = [
      ['Containment: Inspect Container Isolation…', true],
      ['Containment: Open Report', true],
      ['Containment: Show as docker run', true],
      ['Containment: Compare with Compose Service', true],
      ['Containment: Refresh Containers', false],
    ];
    for (const [title, warns] of commands) {
      await step(page, `no-engine-${title.replace(/\W+/g, '-')}`, async () => {
        // The focus leaves the Markdown preview (a webview takes it back from the palette, which then closes).
        await page.locator(WELCOME).locator('p').first().click();
        await runCommand(page, 'Notifications: Clear All Notifications');
        await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached' });
        await runCommand(page, title);
        if (warns) {
          const toast = page.locator('.notifications-toasts .notification-toast.notification-fade-in-done', { hasText: 'Containment:' });
          await toast.first().waitFor({ state: 'visible' });
          assert.equal(await toast.first().locator('.codicon-warning').count(), 1, `"${title}" warns`);
          log(`${title}: ${JSON.stringify(text(await toast.first().innerText()))}`);
        } else {
          await page.locator(WELCOME, { hasText: 'The container engine is not running' }).waitFor({ state: 'visible' });
        }
        assert.deepEqual(await errorToasts(page), [], `"${title}" showed an error`);
      });
    }
    await shot(page, '3a-no-engine-command');
  });
});
