// Entry point of the extension-host tests: VS Code loads this module (extensionTestsPath) inside
// the extension host and awaits run(), as @vscode/test-electron expects. The same module runs in
// code-server (test/e2e/host.e2e.test.mjs loads it through the workbench URL payload) and in
// desktop VS Code (`npm run test:electron`, scripts/e2e/electron.mjs).
//
// In code-server the result cannot come back as an exit code (the browser owns the window), so the
// results are written as JSON to the file named by CONTAINMENT_HOST_RESULTS (set on the
// code-server process, whose environment the extension host inherits). Progress lines go to the
// same path + ".log" while the suite runs, so a hung test can be named.
//
// Built by scripts/e2e/build-host-tests.mjs into out/host-tests/ (inside the extension development
// folder: code-server runs tests only from there). mocha is not bundled: it is required from the
// repository's node_modules, which Node's resolution finds from out/host-tests/.
import { appendFileSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export const RESULTS_ENV = 'CONTAINMENT_HOST_RESULTS';

interface TestResult {
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

interface Results {
  vscodeVersion: string;
  appName: string;
  uiKind: string;
  startedAt: string;
  durationMs: number;
  stats: { tests: number; passes: number; failures: number; pending: number };
  tests: TestResult[];
  /** Set when the suite could not run at all (load error, crash). */
  error?: string;
}

function resultsFile(): string {
  return process.env[RESULTS_ENV] || join(__dirname, 'results.json');
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

/** Collects every test's outcome (hook failures included) and writes the JSON file at the end. */
function fileReporter(file: string, started: number) {
  const tests: TestResult[] = [];
  const progress = `${file}.log`;
  const note = (line: string) => {
    try {
      appendFileSync(progress, `[${new Date().toISOString()}] ${line}\n`);
    } catch {
      /* progress is best effort */
    }
    console.log(`[containment host tests] ${line}`);
  };
  const { EVENT_TEST_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;

  return class ContainmentFileReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      runner.on(EVENT_TEST_BEGIN, (t) => note(`start ${t.fullTitle()}`));
      runner.on(EVENT_TEST_PASS, (t) => {
        tests.push({ title: t.title, fullTitle: t.fullTitle(), state: 'passed', durationMs: t.duration });
        note(`passed ${t.fullTitle()} (${t.duration ?? 0} ms)`);
      });
      runner.on(EVENT_TEST_FAIL, (t, err) => {
        // A failing hook is reported under the hook's title ('"before all" hook for …').
        tests.push({ title: t.title, fullTitle: t.fullTitle(), state: 'failed', durationMs: t.duration, error: errorText(err) });
        note(`FAILED ${t.fullTitle()}: ${errorText(err)}`);
      });
      runner.on(EVENT_TEST_PENDING, (t) => {
        tests.push({ title: t.title, fullTitle: t.fullTitle(), state: 'pending' });
        note(`pending ${t.fullTitle()}`);
      });
      runner.once(EVENT_RUN_END, () => {
        writeResults(file, started, tests);
        note(
          `done: ${tests.filter((t) => t.state === 'passed').length} passed, ${tests.filter((t) => t.state === 'failed').length} failed`,
        );
      });
    }
  };
}

function writeResults(file: string, started: number, tests: TestResult[], error?: string): void {
  const results: Results = {
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    stats: {
      tests: tests.length,
      passes: tests.filter((t) => t.state === 'passed').length,
      failures: tests.filter((t) => t.state === 'failed').length + (error ? 1 : 0),
      pending: tests.filter((t) => t.state === 'pending').length,
    },
    tests,
    ...(error ? { error } : {}),
  };
  mkdirSync(dirname(file), { recursive: true });
  // Written to a temporary name and renamed, so a reader polling for the file never sees half of it.
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(results, null, 2) + '\n');
  renameSync(tmp, file);
}

export async function run(): Promise<void> {
  const started = Date.now();
  const file = resultsFile();
  let failures: number;
  try {
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: fileReporter(file, started) });
    const suiteDir = join(__dirname, 'suite');
    const files = readdirSync(suiteDir)
      .filter((f) => f.endsWith('.test.js'))
      .sort();
    if (files.length === 0) throw new Error(`no *.test.js files in ${suiteDir}: build with scripts/e2e/build-host-tests.mjs`);
    for (const f of files) mocha.addFile(join(suiteDir, f));
    failures = await new Promise<number>((resolve) => mocha.run(resolve));
  } catch (e) {
    // A failure before mocha's end event (a suite file that does not load) still leaves a results file.
    writeResults(file, started, [], errorText(e));
    throw e;
  }
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed; results in ${file}`);
}
