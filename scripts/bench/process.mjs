// Whole-process benchmark: `node bin/containment.js lint` on each input and on the corpus, the peers'
// command lines on the same files, and `node -e 0` for scale. Wall time from spawn to exit; peak
// RSS from GNU time (/usr/bin/time, `apt-get install -y time`) when it is there. `containment` keeps
// V8's code cache of its bundle (bin/containment.js): here in a private folder, made by one run
// before the timed ones, and the typical Dockerfile is also timed without it.
// Usage: node scripts/bench/process.mjs <inputs.json> <out.json> [--quick]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { summarize } from './stats.mjs';

const root = join(import.meta.dirname, '..', '..');
const [manifestPath, outPath] = process.argv.slice(2);
const quick = process.argv.includes('--quick');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const node = process.execPath;
const rssFile = join(tmpdir(), `containment-bench-rss-${process.pid}`);

/**
 * Runs argv `runs` times; returns wall-time stats (ms), the largest peak RSS (MB) and, with GNU
 * time, the median CPU time (user + system, ms): steadier than wall time on a loaded machine.
 */
function time(argv, runs, env = process.env) {
  const walls = [];
  let peak = 0;
  const cpu = [];
  let status;
  for (let i = 0; i < runs; i++) {
    const cmd = TIME ? [TIME, '-f', '%M %U %S', '-o', rssFile, ...argv] : argv;
    const t0 = performance.now();
    const r = spawnSync(cmd[0], cmd.slice(1), { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    walls.push(performance.now() - t0);
    status = r.status;
    if (TIME && existsSync(rssFile)) {
      const [kb, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      peak = Math.max(peak, kb / 1024);
      cpu.push((user + sys) * 1000);
    }
  }
  const cpuMs = cpu.length > 0 ? summarize(cpu).median : null;
  return { ...summarize(walls), peakRssMB: TIME ? Math.round(peak * 10) / 10 : null, cpuMs, exit: status };
}

/**
 * What dclint says when it did not lint a file: it reports a failure to read one (a YAML error,
 * the yaml package's alias limit) as a problem of rule `unknown-error`, so a time measured on
 * such a file is not a lint. Runs the command once more and returns that line, or undefined.
 */
function dclintFailure(argv) {
  const r = spawnSync(argv[0], argv.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = `${r.stdout}\n${r.stderr}`.split('\n').find((l) => /\bunknown-error\s*$/.test(l));
  return line?.trim().replace(/\s+unknown-error$/, '');
}

/** Runs one command per file (a peer that lints one file per process): total wall time. */
function timeEach(files, argvOf) {
  let total = 0;
  let peak = 0;
  for (const f of files) {
    const r = time(argvOf(f), 1);
    total += r.median;
    peak = Math.max(peak, r.peakRssMB ?? 0);
  }
  return { total: Math.round(total), processes: files.length, peakRssMB: TIME ? peak : null };
}

const R = quick ? 3 : 10;
const cli = [node, 'bin/containment.js', 'lint', '--no-color'];
const compileCache = join(root, 'bench', 'results', 'compile-cache');
rmSync(compileCache, { recursive: true, force: true });
process.env.CONTAINMENT_COMPILE_CACHE = compileCache;
spawnSync(cli[0], [...cli.slice(1), manifest.inputs[0].file], { cwd: root, stdio: 'ignore' });
const dfu = existsSync(join(root, 'node_modules/dockerfile-utils/bin/dockerfile-utils'))
  ? [node, 'node_modules/dockerfile-utils/bin/dockerfile-utils', 'lint']
  : undefined;
const dclint = existsSync(join(root, 'node_modules/dclint/bin/dclint.cjs')) ? [node, 'node_modules/dclint/bin/dclint.cjs'] : undefined;

const out = { gnuTime: !!TIME, runs: R, nodeStart: time([node, '-e', '0'], R), inputs: [], corpus: {} };
for (const input of manifest.inputs) {
  const row = { id: input.id, ours: time([...cli, input.file], R) };
  if (input.id === 'dockerfile-30') row.oursNoCodeCache = time([...cli, input.file], R, { ...process.env, CONTAINMENT_COMPILE_CACHE: '0' });
  if (input.kind === 'dockerfile' && dfu) row.peer = { name: 'dockerfile-utils lint', ...time([...dfu, input.file], R) };
  if (input.kind === 'compose' && dclint)
    row.peer = { name: 'dclint', ...time([...dclint, input.file], quick ? 2 : 5), failed: dclintFailure([...dclint, input.file]) };
  out.inputs.push(row);
  process.stderr.write(`process: ${input.id} done\n`);
}
const cc = manifest.corpus?.compose ?? [];
const cd = manifest.corpus?.dockerfile ?? [];
if (cc.length > 0) {
  out.corpus.compose = { files: cc.length, ours: time([...cli, 'bench/results/inputs/corpus-compose'], R) };
  if (dclint)
    out.corpus.compose.peer = {
      name: 'dclint (all files in one process)',
      ...time([...dclint, ...cc], quick ? 1 : 3),
      failed: dclintFailure([...dclint, ...cc]),
    };
}
if (cd.length > 0) {
  out.corpus.dockerfile = { files: cd.length, ours: time([...cli, 'bench/results/inputs/corpus-dockerfile'], R) };
  // dockerfile-utils lints one file per process.
  if (dfu) out.corpus.dockerfile.peer = { name: 'dockerfile-utils lint (one process per file)', ...timeEach(cd, (f) => [...dfu, f]) };
}
if (cc.length + cd.length > 0)
  out.corpus.all = {
    files: cc.length + cd.length,
    ours: time([...cli, 'bench/results/inputs/corpus-compose', 'bench/results/inputs/corpus-dockerfile'], R),
  };
rmSync(rssFile, { force: true });
writeFileSync(outPath, JSON.stringify(out, null, 2));
