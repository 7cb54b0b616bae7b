#!/usr/bin/env node
// `npm test`: every check CI runs, in order, each step named. All steps run even when one fails,
// so one run shows everything that is wrong; the exit code is non-zero when any step failed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const npx = (bin, ...args) => [join(root, 'node_modules', '.bin', bin), args];
const steps = [
  ['generated rule index is fresh', process.execPath, ['scripts/gen-rule-index.mjs', '--check']],
  ['type-check (tsc -b)', ...npx('tsc', '-b')],
  ['lint (eslint)', ...npx('eslint', '.')],
  ['format (prettier --check)', ...npx('prettier', '--check', '.')],
  // The engine tests start a private dockerd; outside CI a missing engine makes them skip with a message.
  [
    'install the container engine for the engine tests (docker.io, busybox-static; skipped when present)',
    process.execPath,
    ['scripts/engine/dockerd.mjs', 'install'],
    { optionalOutsideCi: true },
  ],
  ['unit, LSP, CLI, engine and conformance tests', process.execPath, ['scripts/run-tests.mjs']],
  ['package the extension (.vsix)', 'npm', ['run', '--silent', 'package']],
  // Outside CI a machine may not allow installing (no root): the e2e suite then skips with a message.
  [
    'install the end-to-end tools (code-server, Chromium; skipped when present)',
    'bash',
    ['scripts/e2e/install.sh'],
    { optionalOutsideCi: true },
  ],
  ['end-to-end tests in VS Code (code-server + Chromium)', 'npm', ['run', '--silent', 'test:e2e']],
];

const only = process.argv.slice(2);
const failed = [];
const inCi = process.env.CI === 'true' || process.env.CI === '1';
for (const [name, cmd, args, opts = {}] of steps) {
  if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
  const started = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0 && opts.optionalOutsideCi && !inCi) {
    process.stdout.write(`=== not available here (${secs} s): ${name}; the suites that need it will say they skipped\n`);
  } else if (r.status !== 0) {
    failed.push(name);
    process.stdout.write(`=== FAILED: ${name} (${secs} s)\n`);
  } else process.stdout.write(`=== ok: ${name} (${secs} s)\n`);
}
if (failed.length > 0) {
  process.stdout.write(`\n${failed.length} step(s) failed:\n${failed.map((f) => `  - ${f}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('\nAll steps passed.\n');
