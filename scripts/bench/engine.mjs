// Engine benchmark: a private dockerd (scripts/engine/dockerd.mjs: root, docker.io installed), 50
// running containers with varied isolation, then `containment inspect` (all running containers)
// against the docker CLI calls that read the same: `docker ps -q` + one `docker inspect` of every
// id, and 50 separate `docker inspect` calls. Everything it started is removed at the end.
// Writes { skipped: reason } when no engine can be started.
// Usage: node scripts/bench/engine.mjs <inputs.json> <out.json> [--quick]
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { summarize } from './stats.mjs';
import { missingParts, startDockerd } from '../engine/dockerd.mjs';

const root = join(import.meta.dirname, '..', '..');
const outPath = process.argv[3];
const quick = process.argv.includes('--quick');
const CONTAINERS = 50;
const R = quick ? 3 : 7;

function which(bin) {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const missing = missingParts();
const docker = which('docker');
let skipped;
if (process.platform !== 'linux') skipped = 'needs Linux';
else if (process.getuid?.() !== 0) skipped = 'a private dockerd needs root';
else if (missing.length > 0) skipped = `missing ${missing.join(', ')} (node scripts/engine/dockerd.mjs install)`;
else if (!docker) skipped = 'the docker CLI is missing';
if (skipped) {
  writeFileSync(outPath, JSON.stringify({ skipped }, null, 2));
  process.exit(0);
}

const run = (args) =>
  new Promise((resolve) =>
    execFile(args[0], args.slice(1), { cwd: root, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? (err.code ?? 1) : 0, stdout, stderr }),
    ),
  );
const rssFile = join(tmpdir(), `containment-bench-engine-rss-${process.pid}`);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

async function time(args, runs) {
  const walls = [];
  let peak = 0;
  let code;
  for (let i = 0; i < runs; i++) {
    const cmd = TIME ? [TIME, '-f', '%M', '-o', rssFile, ...args] : args;
    const t0 = performance.now();
    const r = await run(cmd);
    walls.push(performance.now() - t0);
    code = r.code;
    if (TIME && existsSync(rssFile)) peak = Math.max(peak, Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024);
  }
  return { ...summarize(walls), peakRssMB: TIME ? Math.round(peak * 10) / 10 : null, exit: code };
}

// The isolation variants of the engine tests (test/engine/live.test.ts): --privileged cannot run here.
const VARIANTS = [
  ['--network', 'none'],
  ['--network', 'none', '--cap-add', 'SYS_ADMIN'],
  ['--network', 'none', '--cap-drop', 'ALL', '--cap-add', 'NET_BIND_SERVICE'],
  ['--network', 'none', '--security-opt', 'seccomp=unconfined'],
  ['--network', 'none', '--security-opt', 'no-new-privileges'],
  ['--pid', 'host', '--network', 'host', '--ipc', 'host'],
  ['--network', 'none', '--read-only', '--memory', '32m', '--pids-limit', '20', '--user', '1001:1001'],
];

const engine = await startDockerd();
const out = { containers: CONTAINERS, runs: R };
try {
  const H = ['-H', engine.host];
  for (let i = 0; i < CONTAINERS; i += 10) {
    const batch = [];
    for (let k = i; k < Math.min(CONTAINERS, i + 10); k++) {
      batch.push(run([docker, ...H, 'run', '-d', '--name', `bench${k}`, ...VARIANTS[k % VARIANTS.length], engine.image, 'sleep', '3600']));
    }
    for (const r of await Promise.all(batch)) if (r.code !== 0) throw new Error(`docker run failed: ${r.stderr}`);
  }
  const ids = (await run([docker, ...H, 'ps', '-q'])).stdout.trim().split('\n').filter(Boolean);
  out.running = ids.length;
  out.ours = await time([process.execPath, 'bin/containment.js', 'inspect', '--no-color', '-H', engine.host], R);
  out.oursJson = await time([process.execPath, 'bin/containment.js', 'inspect', '-f', 'json', '-H', engine.host], R);
  out.dockerPsInspect = await time(['sh', '-c', `${docker} -H ${engine.host} inspect $(${docker} -H ${engine.host} ps -q) > /dev/null`], R);
  const each = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    const t0 = performance.now();
    for (const id of ids) await run([docker, ...H, 'inspect', id]);
    each.push(performance.now() - t0);
  }
  out.dockerInspectEach = summarize(each);
} catch (e) {
  out.error = String(e);
} finally {
  await engine.stop();
  rmSync(rssFile, { force: true });
}
writeFileSync(outPath, JSON.stringify(out, null, 2));
