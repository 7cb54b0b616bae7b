#!/usr/bin/env node
// Runs node's test runner over test/**/*.test.ts with tsx, excluding the end-to-end suites
// (they have their own commands). Pass a substring to run only matching files.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = join(import.meta.dirname, '..');
const filter = process.argv[2];
const files = [];
(function walk(dir) {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) {
      if (f === 'e2e' || f === 'fixtures' || f === 'node_modules') continue;
      walk(p);
    } else if (f.endsWith('.test.ts') && (!filter || p.includes(filter))) files.push(relative(root, p));
  }
})(join(root, 'test'));
files.sort();
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
