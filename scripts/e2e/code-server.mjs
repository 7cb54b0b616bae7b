#!/usr/bin/env node
// Starts a private code-server (VS Code 1.100.3 in the browser) for the end-to-end tests and for
// `npm start`: a free port, its own run folder under .e2e/runs/ (config, user data, extensions,
// log), quiet settings, optionally the packaged .vsix installed first or an unpacked extension
// loaded as a development extension. stop() ends the whole process group, file watcher included.
//
//   import { startCodeServer } from './scripts/e2e/code-server.mjs';
//   const cs = await startCodeServer({ workspace: '/abs/folder', vsix: 'containment.vsix' });
//   ... open cs.url ... ; await cs.stop();
//
// CLI (backs `npm start`):
//   node scripts/e2e/code-server.mjs --workspace examples --vsix containment.vsix [--dev DIR]
//        [--host 127.0.0.1] [--port 0] [--no-trust-prompt]
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const E2E_DIR = join(ROOT, '.e2e');
/** The code-server launcher installed by scripts/e2e/install.sh (overridable for a shared install). */
export const CODE_SERVER_BIN =
  process.env.CONTAINMENT_CODE_SERVER_BIN || join(E2E_DIR, 'code-server', 'node_modules', '.bin', 'code-server');

/** Settings that keep a fresh VS Code quiet: no walkthrough, no telemetry, no gallery look-ups. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
};

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/** The answer of `code-server --version` ("4.100.3 <commit> with Code 1.100.3"), or undefined when absent or broken. */
export function codeServerVersion(bin = CODE_SERVER_BIN) {
  if (!existsSync(bin)) return undefined;
  // --config points at a private file: without it code-server writes ~/.config/code-server/config.yaml.
  const cfg = join(E2E_DIR, 'version-check.yaml');
  mkdirSync(E2E_DIR, { recursive: true });
  if (!existsSync(cfg)) writeFileSync(cfg, 'auth: none\n');
  const r = spawnSync(bin, ['--config', cfg, '--version'], { encoding: 'utf8', timeout: 30_000 });
  return (r.stdout || '').split('\n').find((l) => /^\d+\.\d+\.\d+ /.test(l));
}

/** A port that was free a moment ago (listen on 0, read it, close). */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

function httpStatus(url, timeoutMs = 2_000) {
  return new Promise((res) => {
    const req = request(url, { method: 'GET', timeout: timeoutMs }, (r) => {
      r.resume();
      res(r.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => res(0));
    req.end();
  });
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function newRunDir() {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = join(E2E_DIR, 'runs', `${stamp}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Starts code-server on a free port with a private user-data and extensions folder.
 * @param {object} o
 * @param {string} o.workspace folder to open (made absolute)
 * @param {string} [o.vsix] a .vsix installed with --install-extension before the start
 * @param {string} [o.extensionDevelopmentPath] an unpacked extension loaded as a development extension (through the URL payload)
 * @param {string} [o.extensionTestsPath] a tests module (`run(): Promise<void>`) inside the development extension, run in the extension host
 * @param {object} [o.settings] user settings added to the quiet ones
 * @param {object} [o.env] environment added for code-server (and so the extension host)
 * @param {string} [o.host] bind address, 127.0.0.1 by default
 * @param {number} [o.port] port, a free one by default
 * @param {boolean} [o.disableWorkspaceTrust] start with --disable-workspace-trust (no trust modal)
 * @param {string} [o.runDir] run folder; a new one under .e2e/runs/ by default
 * @param {string} [o.bin] the code-server launcher
 * @returns {Promise<{url: string, baseUrl: string, port: number, runDir: string, userDataDir: string, extensionsDir: string, logFile: string, pid: number, stop: () => Promise<void>}>}
 */
export async function startCodeServer(o) {
  if (!o || !o.workspace) throw new Error('startCodeServer: `workspace` is required');
  const bin = o.bin ?? CODE_SERVER_BIN;
  if (!existsSync(bin))
    throw new Error(`code-server is not installed at ${bin}: run \`npm run e2e:install\` (bash scripts/e2e/install.sh)`);
  const workspace = resolve(o.workspace);
  if (!existsSync(workspace) || !statSync(workspace).isDirectory()) throw new Error(`workspace folder not found: ${workspace}`);
  const host = o.host ?? '127.0.0.1';

  const runDir = o.runDir ? resolve(o.runDir) : newRunDir();
  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = join(runDir, 'extensions');
  const config = join(runDir, 'cs.yaml');
  const logFile = join(runDir, 'code-server.log');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(config, 'auth: none\n');
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...(o.settings ?? {}) }, null, 2) + '\n');
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const env = { ...process.env, ...(o.env ?? {}) };

  if (o.vsix) {
    const vsix = resolve(o.vsix);
    if (!existsSync(vsix)) throw new Error(`VSIX not found: ${vsix} (run \`npm run package\`)`);
    const r = spawnSync(bin, [...common, '--install-extension', vsix], { encoding: 'utf8', env, timeout: 120_000 });
    writeFileSync(logFile, `$ code-server --install-extension ${vsix}\n${r.stdout ?? ''}${r.stderr ?? ''}\n`);
    if (r.status !== 0 || !/successfully installed/i.test(r.stdout ?? '')) {
      throw new Error(`installing ${vsix} failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
    }
  }

  const port = o.port || (await freePort(host));
  const args = [
    ...common,
    '--auth',
    'none',
    '--bind-addr',
    `${host}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
  ];
  if (o.disableWorkspaceTrust) args.push('--disable-workspace-trust');
  const logFd = openSync(logFile, 'a');
  const child = spawn(bin, args, { detached: true, stdio: ['ignore', logFd, logFd], env, cwd: runDir });
  closeSync(logFd);
  let exited = null;
  const exitPromise = new Promise((res) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      res();
    });
    child.on('error', (err) => {
      exited = { code: null, signal: null, err };
      res();
    });
  });
  const pgid = child.pid;

  const stop = async () => {
    if (pgid === undefined || !groupAlive(pgid)) return;
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + STOP_GRACE_MS;
    while (groupAlive(pgid) && Date.now() < deadline) await delay(100);
    if (groupAlive(pgid)) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    await Promise.race([exitPromise, delay(STOP_GRACE_MS)]);
  };

  const baseUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const deadline = Date.now() + (o.readyTimeoutMs ?? READY_TIMEOUT_MS);
  for (;;) {
    if (exited) throw new Error(`code-server exited before it was ready (${JSON.stringify(exited)}); log ${logFile}:\n${tail(logFile)}`);
    if ((await httpStatus(`${baseUrl}/healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `code-server did not answer ${baseUrl}/healthz within ${o.readyTimeoutMs ?? READY_TIMEOUT_MS} ms; log ${logFile}:\n${tail(logFile)}`,
      );
    }
    await delay(200);
  }

  const payload = [];
  const remote = (p) => `vscode-remote://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}${resolve(p)}`;
  if (o.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)]);
  if (o.extensionTestsPath) payload.push(['extensionTestsPath', remote(o.extensionTestsPath)]);
  let url = `${baseUrl}/?folder=${encodeURIComponent(workspace)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  return { url, baseUrl, port, pid: pgid, runDir, userDataDir, extensionsDir, logFile, stop };
}

function parseArgs(argv) {
  const out = { workspace: 'examples', host: '127.0.0.1', port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--workspace') out.workspace = value();
    else if (a === '--vsix') out.vsix = value();
    else if (a === '--dev' || a === '--extensionDevelopmentPath') out.extensionDevelopmentPath = value();
    else if (a === '--host') out.host = value();
    else if (a === '--port') out.port = Number(value());
    else if (a === '--no-trust-prompt') out.disableWorkspaceTrust = true;
    else if (a === '-h' || a === '--help') out.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  return out;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`code-server.mjs: ${e.message}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log(
      'usage: node scripts/e2e/code-server.mjs [--workspace DIR] [--vsix FILE] [--dev EXTENSION_DIR] [--host ADDR] [--port N] [--no-trust-prompt]',
    );
    return;
  }
  const version = codeServerVersion();
  if (!version) {
    console.error(`code-server is not installed (${CODE_SERVER_BIN}): run \`npm run e2e:install\` first.`);
    process.exit(1);
  }
  const t0 = Date.now();
  let cs;
  try {
    cs = await startCodeServer({ ...opts, vsix: opts.vsix && resolve(opts.vsix) });
  } catch (e) {
    console.error(`code-server.mjs: ${e.message}`);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping code-server…');
    await cs.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  console.log(`code-server ${version}`);
  console.log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s; run folder ${cs.runDir} (log: ${cs.logFile})`);
  if (opts.vsix) console.log(`installed ${resolve(opts.vsix)}`);
  console.log(`\nOpen in a browser:\n  ${cs.url}\n`);
  if (opts.host === '127.0.0.1')
    console.log('(bound to 127.0.0.1; to reach it from another machine, forward the port or pass --host 0.0.0.0: there is no password)');
  console.log('Press Ctrl+C to stop.');
  // Stay in the foreground while code-server runs; if it dies on its own, say so and exit non-zero.
  for (;;) {
    await delay(1_000);
    if (!groupAlive(cs.pid) && !stopping) {
      console.error(`code-server stopped on its own; log ${cs.logFile}:\n${tail(cs.logFile)}`);
      process.exit(1);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
