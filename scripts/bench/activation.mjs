// Activation benchmark: the packaged containment.vsix in a real VS Code (code-server 4.100.3 from
// scripts/e2e/code-server.mjs, driven by headless Debian Chromium through playwright-core), with the
// activation time read from VS Code itself:
//   - "Developer: Show Running Extensions": the Containment row's "Activation: N ms", which VS Code
//     computes as code loading + the activate() call (until it returns its promise);
//   - "Developer: Startup Performance": the "Extension Activation Stats" row of
//     containment.containment, the same times split into Load Code, Call Activate and Finish
//     Activate (until the promise activate() returned resolves), with the activation event.
// Two scenarios; every load is a fresh code-server (new user data, the VSIX installed) and a fresh
// Chromium profile:
//   - open (the budget's figure): a folder holding a Dockerfile and notes.txt; notes.txt is opened
//     first (Emmet activates on any language), then, once the Running Extensions list has stopped
//     changing (start-up activations over), the Dockerfile: Containment activates alone, on
//     onLanguage:dockerfile;
//   - startup: test/e2e/workspace (compose.yaml, scripts, a seccomp profile), where Containment
//     activates on workspaceContains while VS Code starts, beside Git, GitHub and the rest, all in
//     the one extension host process.
// Each load waits for a Containment squiggle in the Dockerfile (the language server works) before
// reading the views. Plain Node's require() of the same dist/client.js is timed too
// (require-client.mjs), to tell the bundle's own loading cost from the extension host's.
// code-server and Chromium are stopped whatever happens. Screenshots and, on failure, logs go to
// bench/results/activation/.
//
// Usage: node scripts/bench/activation.mjs [<inputs.json> <out.json>] [--quick] [--runs N] [--scenario open|startup]
//   (alone, it writes bench/results/activation.json and prints its table and budget line);
//   5 loads of `open` and 3 of `startup` (--quick: 2 and 1; --runs N: N of each; --scenario: that one only)
//   CONTAINMENT_VSIX=path overrides containment.vsix; without code-server, Chromium or
//   playwright-core the part is skipped with the reason (a failure when CI is set).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, launchChromium } from '../../test/e2e/browser.mjs';
import { CODE_SERVER_BIN, CODE_SERVER_VERSION, ROOT, codeServerVersion, startCodeServer } from '../e2e/code-server.mjs';
import { round, summarize } from './stats.mjs';

export const BUDGET_MS = 50;
const EXTENSION_ID = 'containment.containment';
const OUT_DIR = join(ROOT, 'bench', 'results', 'activation');
const WORKSPACE_TEMPLATE = join(ROOT, 'test', 'e2e', 'workspace');
const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
/** Per-wait timeout: the machine has 2 cores, often shared with test runs. */
const WAIT = 90_000;
/** How long the Running Extensions list must stay unchanged before the workbench counts as settled. */
const SETTLE_MS = 2_000;

const nbsp = /\u00a0/g;
const text = (s) => (s ?? '').replace(nbsp, ' ');

/** What is missing to run the benchmark (empty when everything is there). */
async function missingParts() {
  const missing = [];
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    missing.push('the npm package playwright-core (`npm install`)');
  }
  if (!existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM} (\`npm run e2e:install\` as root)`);
  const version = codeServerVersion();
  if (!version || !version.startsWith(`${CODE_SERVER_VERSION} `))
    missing.push(`code-server ${CODE_SERVER_VERSION} at ${CODE_SERVER_BIN} (\`npm run e2e:install\`)`);
  return { missing, chromium, version };
}

/** Polls `check` until it returns a truthy value or `timeout` ms pass. */
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
    await delay(200);
  }
}

/** Runs a Command Palette entry by its exact title (the focused row must be it before Enter). */
async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await poll(`"${title}" to be the focused palette entry`, async () => {
    const focused = text(
      await page.locator('.quick-input-list .monaco-list-row.focused .label-name').first().innerText({ timeout: 1_000 }),
    );
    if (focused.trim() === title) return true;
    if (focused) await page.keyboard.press('ArrowDown');
    return false;
  });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The rows of "Developer: Show Running Extensions" (name and activation text), opening it first. */
async function runningExtensions(page) {
  await runCommand(page, 'Developer: Show Running Extensions');
  const rows = page.locator('.runtime-extensions-editor .monaco-list-row');
  await rows.first().waitFor({ state: 'visible' });
  return rows.evaluateAll((els) =>
    els.map((e) => ({
      name: e.querySelector('.name')?.textContent ?? '',
      activation: e.querySelector('.activation-time')?.textContent ?? '',
    })),
  );
}

/** "Activation: 12ms" / "Startup Activation: 12ms" → { ms: 12, startup }; "Activating..." → undefined. */
function parseActivation(s) {
  const m = /^(Startup )?Activation: (\d+)ms$/.exec(text(s).trim());
  return m ? { ms: Number(m[2]), startup: !!m[1] } : undefined;
}

/** The Containment row of the Running Extensions view once it shows a time (polled: it re-renders). */
async function containmentRow(page) {
  return poll('the Containment row of Running Extensions to show an activation time', async () => {
    const rows = await runningExtensions(page);
    const row = rows.find((r) => r.name.trim() === 'Containment');
    return row && parseActivation(row.activation) ? { row, rows } : false;
  });
}

/**
 * The containment.containment row of "Extension Activation Stats" in "Developer: Startup
 * Performance" (a markdown table in a read-only editor: found with the Find widget, which scrolls
 * it into the DOM). Returns { eager, loadCode, callActivate, finishActivate, event, by }.
 */
async function perfStatsRow(page) {
  await runCommand(page, 'Developer: Startup Performance');
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-line');
  await lines.filter({ hasText: 'System Info' }).first().waitFor({ state: 'visible' });
  return poll('the containment.containment row of Extension Activation Stats', async () => {
    await page.keyboard.press('Control+F');
    const find = page.locator('.editor-group-container.active .find-widget textarea, .editor-group-container.active .find-widget input');
    await find.first().waitFor({ state: 'visible' });
    await find.first().fill(`| ${EXTENSION_ID} `);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    for (const l of await lines.allInnerTexts()) {
      const cells = text(l)
        .split('|')
        .map((c) => c.trim());
      // | Extension | Eager | Load Code | Call Activate | Finish Activate | Event | By |
      if (cells[1] === EXTENSION_ID && /^(true|false)$/.test(cells[2]))
        return {
          eager: cells[2] === 'true',
          loadCode: Number(cells[3]),
          callActivate: Number(cells[4]),
          finishActivate: Number(cells[5]),
          event: cells[6],
          by: cells[7],
        };
    }
    return false;
  });
}

/**
 * Waits until the Running Extensions list (extension names and times) has not changed for
 * SETTLE_MS: VS Code's start-up activations (git, GitHub, onStartupFinished ones) are over.
 */
async function settle(page) {
  let last = '';
  let since = Date.now();
  await poll('the start-up activations to settle', async () => {
    const now = JSON.stringify(await runningExtensions(page));
    if (now !== last) {
      last = now;
      since = Date.now();
      return false;
    }
    return Date.now() - since >= SETTLE_MS;
  });
}

async function screenshot(page, name) {
  try {
    await page.screenshot({ path: join(OUT_DIR, `${name}.png`), animations: 'disabled' });
  } catch {
    /* the page may be gone */
  }
}

/**
 * One load: a fresh code-server (user data, extensions: the VSIX installed), a fresh Chromium
 * profile, the workbench opened on a copy of the workspace; returns what VS Code reports.
 */
async function oneRun({ chromium, name, run, workspaceFiles, vsix }) {
  const workspace = mkdtempSync(join(tmpdir(), `containment-bench-activation-${name}-`));
  if (workspaceFiles)
    for (const [f, content] of Object.entries(workspaceFiles))
      writeFileSync(join(workspace, f), content ?? readFileSync(join(WORKSPACE_TEMPLATE, f)));
  else cpSync(WORKSPACE_TEMPLATE, workspace, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'containment-bench-chromium-'));
  const tag = `${name}-${run}`;
  let cs;
  let context;
  let page;
  let failed = true;
  const cleanup = async () => {
    await context?.close().catch(() => {});
    await cs?.stop();
  };
  active.add(cleanup);
  try {
    const t0 = Date.now();
    cs = await startCodeServer({ workspace, vsix, disableWorkspaceTrust: true });
    context = await launchChromium(chromium, profile);
    context.setDefaultTimeout(WAIT);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(cs.url, { timeout: WAIT });
    const explorerRow = (file) =>
      page.locator('.explorer-folders-view .monaco-list-row .label-name', { hasText: new RegExp(`^${file.replace('.', '\\.')}$`) }).first();
    await explorerRow('Dockerfile').waitFor();
    let before = [];
    if (name === 'open') {
      // A first file activates what starts on any language (Emmet's bare "onLanguage"), so that
      // Containment is the only extension the Dockerfile activates; then start-up must be over.
      await explorerRow('notes.txt').click();
      await page.locator('.tabs-container .tab.active .label-name', { hasText: 'notes.txt' }).waitFor();
      await settle(page);
      before = await runningExtensions(page);
      const early = before.find((r) => r.name.trim() === 'Containment');
      if (early) throw new Error(`Containment was active before the Dockerfile was opened (${early.activation})`);
    } else {
      await containmentRow(page); // activated by workspaceContains, before any file is opened
    }
    await explorerRow('Dockerfile').click();
    const opened = Date.now();
    await page
      .locator('.editor-group-container.active .monaco-editor .squiggly-warning')
      .first()
      .waitFor({ state: 'visible', timeout: WAIT });
    const firstSquiggleMs = Date.now() - opened;
    await screenshot(page, `${tag}-squiggles`);
    const { row, rows } = await containmentRow(page);
    await screenshot(page, `${tag}-running-extensions`);
    const stats = await perfStatsRow(page);
    await screenshot(page, `${tag}-startup-performance`);
    failed = false;
    const act = parseActivation(row.activation);
    const others = rows.filter((o) => o.name.trim() !== 'Containment');
    return {
      run,
      activationMs: act.ms,
      shownAs: text(row.activation).trim(),
      ...stats,
      firstSquiggleMs,
      // Extensions that were not active before the Dockerfile opened (open scenario) and so loaded
      // in the same extension host at the same time as Containment.
      activatedWithIt: name === 'open' ? others.filter((o) => !before.some((b) => b.name === o.name)).map((o) => o.name.trim()) : undefined,
      others: others.map((o) => `${o.name.trim()}: ${text(o.activation).trim()}`),
      loadAverage: round(loadavg()[0], 2),
      wallMs: Date.now() - t0,
    };
  } catch (e) {
    if (page) await screenshot(page, `${tag}-FAILED`);
    throw e;
  } finally {
    await cleanup();
    active.delete(cleanup);
    if (cs?.logFile && existsSync(cs.logFile)) cpSync(cs.logFile, join(OUT_DIR, `${tag}-code-server.log`));
    if (failed && cs?.userDataDir && existsSync(join(cs.userDataDir, 'logs')))
      cpSync(join(cs.userDataDir, 'logs'), join(OUT_DIR, `${tag}-vscode-logs`), { recursive: true });
    if (cs?.runDir) rmSync(cs.runDir, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Cleanups of the scenario under way, run on SIGINT/SIGTERM too. */
const active = new Set();

/** require() of the VSIX's dist/client.js in plain Node, `n` times (a process each). */
function plainRequire(clientJs, n) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench', 'require-client.mjs'), clientJs], { encoding: 'utf8' });
    if (r.status !== 0) return { error: (r.stderr || '').trim().split('\n').slice(-3).join(' ') };
    samples.push(Number(r.stdout.trim()));
  }
  return summarize(samples);
}

/** Extracts extension/dist/client.js from the VSIX into `dir` (the bytes VS Code loads). */
function clientFromVsix(vsix, dir) {
  const r = spawnSync('unzip', ['-o', '-q', vsix, 'extension/dist/client.js', '-d', dir], { encoding: 'utf8' });
  const file = join(dir, 'extension', 'dist', 'client.js');
  return r.status === 0 && existsSync(file) ? file : undefined;
}

/** Newest modification time under `dir` (ms), for the stale-VSIX warning. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Measures both scenarios. `runs`: loads per scenario, { open, startup }. Returns what
 * activation.json holds: { skipped } or { error } when it could not run.
 */
export async function measureActivation({ runs, log = console.log }) {
  const { missing, chromium, version } = await missingParts();
  const vsix = resolve(process.env.CONTAINMENT_VSIX || join(ROOT, 'containment.vsix'));
  if (!existsSync(vsix)) missing.push(`${vsix} (\`npm run package\` builds it)`);
  if (missing.length) {
    const reason = `missing ${missing.join('; ')}`;
    if (IN_CI) return { error: `CI is set and the activation benchmark's prerequisites are missing: ${reason}` };
    return { skipped: reason };
  }
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const vsixStat = statSync(vsix);
  const stale = newest(join(ROOT, 'client', 'src')) > vsixStat.mtimeMs;
  if (stale) log(`  warning: ${vsix} is older than client/src: run \`npm run package\` to measure the current client`);
  const out = {
    codeServer: version,
    chromium: spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout?.trim(),
    vsix: { path: vsix, bytes: vsixStat.size, modified: vsixStat.mtime.toISOString(), olderThanClientSources: stale },
    budgetMs: BUDGET_MS,
    runsPerScenario: runs,
  };
  const tmp = mkdtempSync(join(tmpdir(), 'containment-bench-vsix-'));
  try {
    const clientJs = clientFromVsix(vsix, tmp);
    if (clientJs) {
      out.vsix.clientJsBytes = statSync(clientJs).size;
      out.plainNodeRequire = plainRequire(clientJs, (runs.open ?? 0) + (runs.startup ?? 0));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  out.scenarios = {};
  const scenarios = [
    {
      name: 'open',
      workspaceFiles: { Dockerfile: undefined, 'notes.txt': 'Opened first, so that the Dockerfile activates Containment alone.\n' },
    },
    { name: 'startup', workspaceFiles: undefined },
  ];
  for (const s of scenarios) {
    if (!runs[s.name]) continue;
    log(
      `  ${s.name}: ${s.workspaceFiles ? 'a folder with a Dockerfile and notes.txt; notes.txt opened, then the Dockerfile once start-up is over' : 'test/e2e/workspace, Containment activating at start-up'}`,
    );
    const rs = [];
    try {
      for (let run = 1; run <= runs[s.name]; run++) {
        const r = await oneRun({ chromium, ...s, run, vsix });
        rs.push(r);
        log(
          `    ${run}/${runs[s.name]}: ${r.shownAs} = load code ${r.loadCode} + call activate ${r.callActivate} (finish activate ${r.finishActivate}); ` +
            `${r.event}${r.activatedWithIt?.length ? `, with ${r.activatedWithIt.join(', ')}` : ''}; first squiggle ${r.firstSquiggleMs} ms after opening; load average ${r.loadAverage}`,
        );
      }
      out.scenarios[s.name] = summarizeRuns(rs);
    } catch (e) {
      log(`    failed: ${e.message.split('\n')[0]}`);
      out.scenarios[s.name] = { error: e.message.split('\n')[0], ...(rs.length ? summarizeRuns(rs) : {}) };
    }
  }
  return out;
}

/** Median activation of the built-in extensions seen in the same windows, for scale: { name: ms }. */
function builtIns(rs) {
  const by = {};
  for (const r of rs)
    for (const o of r.others) {
      const m = /^(.*): (?:Startup )?Activation: (\d+)ms$/.exec(o);
      if (m) (by[m[1]] ??= []).push(Number(m[2]));
    }
  return Object.fromEntries(Object.entries(by).map(([k, v]) => [k, summarize(v).median]));
}

function summarizeRuns(rs) {
  return {
    activation: summarize(rs.map((r) => r.activationMs)),
    loadCode: summarize(rs.map((r) => r.loadCode)),
    callActivate: summarize(rs.map((r) => r.callActivate)),
    finishActivate: summarize(rs.map((r) => r.finishActivate)),
    firstSquiggle: summarize(rs.map((r) => r.firstSquiggleMs)),
    events: [...new Set(rs.map((r) => r.event))],
    builtIns: builtIns(rs),
    runs: rs,
  };
}

/** Table rows and the budget verdict, for run.mjs and for a run of this part alone. */
export function describe(a) {
  if (!a) return { lines: [], budget: { pass: undefined, detail: 'not run' } };
  if (a.skipped)
    return { lines: [`Extension activation: skipped (${a.skipped}).`], budget: { pass: undefined, detail: `skipped: ${a.skipped}` } };
  if (a.error) return { lines: [`Extension activation: failed (${a.error}).`], budget: { pass: undefined, detail: a.error } };
  const r = (x) => Math.round(x);
  const f = (s) => (s && s.n ? `${r(s.median)} (${r(s.min)}–${r(s.max)})` : '–');
  const lines = [
    `Extension activation in VS Code ${a.codeServer?.split(' with Code ')[1] ?? ''} (code-server, ${a.chromium ?? 'Chromium'}); ms as VS Code reports them, median (min–max) over ${Object.entries(
      a.runsPerScenario,
    )
      .map(([k, n]) => `${n} loads (${k})`)
      .join(' and ')}`,
    `client.js ${a.vsix.clientJsBytes ? `${Math.round(a.vsix.clientJsBytes / 1024)} KB` : '?'} in ${a.vsix.path.replace(`${ROOT}/`, '')} (${Math.round(a.vsix.bytes / 1024)} KB, ${a.vsix.modified})${a.vsix.olderThanClientSources ? ' — OLDER than client/src' : ''}`,
  ];
  const head = [
    'scenario',
    'event',
    'Activation (Running Extensions)',
    'Load Code',
    'Call Activate',
    'Finish Activate',
    'first squiggle after opening',
  ];
  const rows = Object.entries(a.scenarios).map(([k, s]) => [
    k + (s.error ? ' (FAILED)' : ''),
    (s.events ?? []).map((e) => e.replace(/^(workspaceContains):.*/, '$1:…')).join(', ') || '–',
    f(s.activation),
    f(s.loadCode),
    f(s.callActivate),
    f(s.finishActivate),
    f(s.firstSquiggle),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  lines.push(head.map((h, i) => h.padEnd(widths[i])).join('  '));
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) lines.push(r.map((c, i) => String(c).padEnd(widths[i])).join('  '));
  for (const [k, s] of Object.entries(a.scenarios)) {
    const b = Object.entries(s.builtIns ?? {}).filter(([n]) => ['Git', 'GitHub', 'Emmet', 'Merge Conflict'].includes(n));
    if (b.length)
      lines.push(`Built-in extensions in the same windows (${k}; median ms, for scale): ${b.map(([n, ms]) => `${n} ${ms}`).join(', ')}.`);
  }
  if (a.plainNodeRequire && !a.plainNodeRequire.error)
    lines.push(
      `require() of that client.js in plain Node (vscode stubbed): ${f(a.plainNodeRequire)} ms over ${a.plainNodeRequire.n} processes.`,
    );
  const open = a.scenarios.open;
  // A .vsix older than the client's sources says nothing about the current client: no verdict.
  const budget =
    open?.activation?.n > 0
      ? {
          pass: a.vsix.olderThanClientSources ? undefined : open.activation.median < BUDGET_MS,
          detail: `${a.vsix.olderThanClientSources ? 'measured on a .vsix OLDER than client/src, no verdict (run `npm run package` first): ' : ''}${r(open.activation.median)} ms median on opening a Dockerfile (${r(open.activation.min)}–${r(open.activation.max)}; load code ${r(open.loadCode.median)}, call activate ${r(open.callActivate.median)}); at start-up beside the built-in extensions ${f(a.scenarios.startup?.activation)}`,
        }
      : { pass: undefined, detail: open?.error ?? 'no measurement' };
  return { lines, budget };
}

async function main() {
  const args = process.argv.slice(2);
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs' && args[i - 1] !== '--scenario');
  const quick = args.includes('--quick');
  const runsArg = args.indexOf('--runs');
  const n = runsArg >= 0 ? Number(args[runsArg + 1]) : undefined;
  const all = n ? { open: n, startup: n } : quick ? { open: 2, startup: 1 } : { open: 5, startup: 3 };
  const scenarioArg = args.indexOf('--scenario');
  const only = scenarioArg >= 0 ? args[scenarioArg + 1] : undefined;
  if (only !== undefined && !(only in all)) throw new Error(`--scenario: open or startup, not ${only}`);
  const runs = only ? { [only]: all[only] } : all;
  const outPath = positional[1] ?? join(ROOT, 'bench', 'results', 'activation.json');
  const alone = positional.length < 2;
  let stopping = false;
  const onSignal = async (sig) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${sig}: stopping code-server and Chromium…`);
    for (const c of active) await c();
    process.exit(130);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, onSignal);
  const a = await measureActivation({ runs });
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(outPath, JSON.stringify(a, null, 2));
  if (!alone && a.skipped) console.log(`Extension activation: skipped (${a.skipped}).`);
  if (alone) {
    const d = describe(a);
    console.log(`\n${d.lines.join('\n')}`);
    const verdict = d.budget.pass === undefined ? 'N/A ' : d.budget.pass ? 'PASS' : 'FAIL';
    console.log(`\n${verdict}  extension activation < ${BUDGET_MS} ms: ${d.budget.detail}`);
    console.log(`Written: ${outPath.replace(`${ROOT}/`, '')}${a.scenarios ? `; screenshots in ${OUT_DIR.replace(`${ROOT}/`, '')}/` : ''}`);
  }
  if (a.error) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
