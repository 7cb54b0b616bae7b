#!/usr/bin/env node
// A private Docker engine for the engine tests: installs docker.io and busybox-static with apt
// when they are missing (root, Debian), starts dockerd on a socket under a temporary folder (vfs
// storage, no iptables, no bridge, its own data and exec roots), waits for /_ping, imports a tiny
// busybox image, and stops everything it started by pid. It never touches /var/run/docker.sock.
//
//   node scripts/engine/dockerd.mjs install   install what is missing (skipped when present)
//   node scripts/engine/dockerd.mjs start     start one, print its DOCKER_HOST, stop on Ctrl-C
//
// Tests: `const engine = await startDockerd(); … await engine.stop();`
import { spawn, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  closeSync,
} from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const IMAGE = 'ctm-busybox:1';
const SBIN = ['/usr/sbin', '/usr/bin', '/sbin', '/bin', '/usr/local/sbin', '/usr/local/bin'];

function which(name) {
  for (const dir of [...(process.env.PATH ?? '').split(':'), ...SBIN]) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Finds a statically linked busybox (busybox-static installs /bin/busybox). */
function busyboxPath() {
  for (const p of ['/bin/busybox', '/usr/bin/busybox']) if (existsSync(p)) return p;
  return undefined;
}

/** What is missing for a private engine here; empty when everything is present. */
export function missingParts() {
  const missing = [];
  if (!which('dockerd')) missing.push('dockerd (Debian package docker.io)');
  if (!busyboxPath()) missing.push('busybox (Debian package busybox-static)');
  if (process.platform !== 'linux') missing.push('Linux');
  return missing;
}

/**
 * Installs docker.io and busybox-static with apt when they are missing. Needs root and apt-get;
 * throws with what is missing otherwise. Idempotent.
 */
export function ensureInstalled({ log = (s) => process.stderr.write(`[engine] ${s}\n`) } = {}) {
  const missing = missingParts();
  if (missing.length === 0) {
    log('dockerd and busybox present');
    return;
  }
  if (process.platform !== 'linux') throw new Error('a private dockerd needs Linux');
  if (process.getuid?.() !== 0)
    throw new Error(`missing: ${missing.join(', ')}; install as root: apt-get install -y --no-install-recommends docker.io busybox-static`);
  if (!which('apt-get')) throw new Error(`missing: ${missing.join(', ')}, and apt-get is not available to install them`);
  log(`installing docker.io busybox-static (missing: ${missing.join(', ')})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) throw new Error('apt-get update failed');
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'docker.io', 'busybox-static'], {
    stdio: 'inherit',
    env,
  });
  if (install.status !== 0) throw new Error('apt-get install docker.io busybox-static failed');
  const still = missingParts();
  if (still.length) throw new Error(`still missing after apt-get: ${still.join(', ')}`);
}

/** One HTTP request on a unix socket; resolves with status and body text. */
export function apiCall(socket, method, path, body, { timeoutMs = 30000, contentType = 'application/json' } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const req = request({
      socketPath: socket,
      path,
      method,
      headers: { Host: 'docker', ...(payload ? { 'Content-Type': contentType, 'Content-Length': payload.length } : {}) },
      agent: false,
      timeout: timeoutMs,
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    if (payload) req.write(payload);
    req.end();
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Unmounts whatever dockerd left mounted under dir (netns files, vfs layers), deepest first. */
function unmountUnder(dir) {
  let info = '';
  try {
    info = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return;
  }
  const points = info
    .split('\n')
    .map((l) => l.split(' ')[4])
    .filter((p) => p && (p === dir || p.startsWith(dir + '/')))
    .sort((a, b) => b.length - a.length);
  for (const p of points) spawnSync('umount', ['-l', p], { stdio: 'ignore' });
}

/**
 * Starts a private dockerd. Resolves when /_ping answers OK and the busybox image is imported.
 * Returns { dir, socket, host, pid, image, api(method, path, body), stop() }.
 */
export async function startDockerd({ timeoutMs = 30000, log = () => {} } = {}) {
  const missing = missingParts();
  if (missing.length) throw new Error(`cannot start a private dockerd: missing ${missing.join(', ')}`);
  const dockerd = which('dockerd');
  const dir = mkdtempSync('/tmp/ctm-dockerd-');
  const socket = join(dir, 'docker.sock');
  mkdirSync(join(dir, 'root'));
  mkdirSync(join(dir, 'exec'));
  const logFd = openSync(join(dir, 'dockerd.log'), 'a');
  const args = [
    '--storage-driver=vfs',
    '--iptables=false',
    '--ip-masq=false',
    '--bridge=none',
    '--data-root',
    join(dir, 'root'),
    '--exec-root',
    join(dir, 'exec'),
    '--pidfile',
    join(dir, 'docker.pid'),
    '-H',
    `unix://${socket}`,
  ];
  const child = spawn(dockerd, args, { stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const pid = child.pid;
  let exited = false;
  child.on('exit', () => (exited = true));
  // If the test process ends without calling stop(), do not leave the daemon behind.
  const onExit = () => {
    if (!exited && pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  };
  process.on('exit', onExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    // Remove every container first so their shims exit with them, even when a test failed.
    try {
      const r = await apiCall(socket, 'GET', '/containers/json?all=1', undefined, { timeoutMs: 5000 });
      if (r.status === 200) {
        for (const c of JSON.parse(r.body))
          await apiCall(socket, 'DELETE', `/containers/${c.Id}?force=1&v=1`, undefined, { timeoutMs: 15000 }).catch(() => {});
      }
    } catch {
      // The daemon is already gone or hung: it is killed below.
    }
    const containerdPid = Number(readFileSafe(join(dir, 'exec', 'containerd', 'containerd.pid')) || 0);
    if (pid && !exited) {
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 150 && !exited; i++) await sleep(100);
      if (!exited) process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    }
    // dockerd stops the containerd it started; kill it by its pid only if it is still there.
    if (containerdPid && alive(containerdPid)) {
      try {
        process.kill(containerdPid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    unmountUnder(dir);
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch (e) {
      log(`could not remove ${dir}: ${e.message}`);
    }
  };

  try {
    const started = Date.now();
    for (;;) {
      if (exited) throw new Error(`dockerd exited at start; its log:\n${readFileSafe(join(dir, 'dockerd.log')).slice(-3000)}`);
      try {
        const r = await apiCall(socket, 'GET', '/_ping', undefined, { timeoutMs: 1000 });
        if (r.status === 200 && r.body === 'OK') break;
      } catch {
        // not yet
      }
      if (Date.now() - started > timeoutMs) throw new Error(`dockerd did not answer /_ping within ${timeoutMs} ms`);
      await sleep(100);
    }
    log(`dockerd ${pid} ready in ${Date.now() - started} ms at unix://${socket}`);
    await importBusybox(dir, socket);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    dir,
    socket,
    host: `unix://${socket}`,
    pid,
    image: IMAGE,
    api: (method, path, body) => apiCall(socket, method, path, body),
    stop,
  };
}

function readFileSafe(p) {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}

/** A folder with bin/busybox and a few applet links, imported as ctm-busybox:1 (no registry here). */
async function importBusybox(dir, socket) {
  const root = join(dir, 'image');
  mkdirSync(join(root, 'bin'), { recursive: true });
  copyFileSync(busyboxPath(), join(root, 'bin', 'busybox'));
  for (const applet of ['sh', 'sleep', 'id', 'cat', 'ls', 'ps', 'grep']) symlinkSync('busybox', join(root, 'bin', applet));
  const tar = spawnSync('tar', ['-C', root, '-c', '.'], { maxBuffer: 64 * 1024 * 1024 });
  if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
  const [repo, tag] = IMAGE.split(':');
  const r = await apiCall(socket, 'POST', `/images/create?fromSrc=-&repo=${repo}&tag=${tag}`, tar.stdout, {
    contentType: 'application/x-tar',
  });
  if (r.status !== 200 || /"error"/.test(r.body)) throw new Error(`importing ${IMAGE} failed: HTTP ${r.status} ${r.body.slice(0, 500)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cmd = process.argv[2];
  if (cmd === 'install') {
    try {
      ensureInstalled();
    } catch (e) {
      process.stderr.write(`[engine] ERROR: ${e.message}\n`);
      process.exit(1);
    }
  } else if (cmd === 'start') {
    const engine = await startDockerd({ log: (s) => process.stderr.write(`[engine] ${s}\n`) });
    process.stdout.write(`export DOCKER_HOST=${engine.host}   # dockerd pid ${engine.pid}; Ctrl-C stops it\n`);
    const shutdown = () => void engine.stop().then(() => process.exit(0));
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    // The dockerd child keeps this process alive until a signal stops both.
  } else {
    process.stderr.write('usage: node scripts/engine/dockerd.mjs install|start\n');
    process.exit(2);
  }
}
