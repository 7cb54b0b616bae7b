// LSP benchmark against a REAL server process (`node dist/server.js --stdio`, build first): for every
// input, 200 one-character edits typed at the input's edit site, each sent as an incremental
// didChange once the previous publishDiagnostics has arrived (so edits are spaced beyond the
// server's 150 ms debounce), timing didChange → publishDiagnostics of that version; then hover and
// code actions (served from the analysis cache); then didChange → hover, where the hover request
// itself runs the analysis (no debounce on that path). Finally 200 documents open at once and the
// server's resident memory, as the process stands and after a full garbage collection (asked for
// through the inspector; needs WebSocket: Node 22, or Node 20 with --experimental-websocket).
// Usage: node scripts/bench/lsp.mjs <inputs.json> <out.json> [--quick] [--memory-only]
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { summarize, round } from './stats.mjs';

const root = join(import.meta.dirname, '..', '..');
const [manifestPath, outPath] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const quick = process.argv.includes('--quick');
const memoryOnly = process.argv.includes('--memory-only');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const EDITS = Number(process.env.BENCH_EDITS ?? (quick ? 40 : 200));
const DEBOUNCE_MS = 150; // server/src/lsp/listen.ts
const LANGUAGE = { dockerfile: 'dockerfile', compose: 'dockercompose', shell: 'shellscript', seccomp: 'json', daemon: 'json' };

function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: round(kb('VmRSS') / 1024, 1), peakMB: round(kb('VmHWM') / 1024, 1) };
  } catch {
    return undefined;
  }
}

/**
 * A full garbage collection in `child` through its inspector (the way DevTools' "collect garbage"
 * does it: V8's low-memory notification), so the RSS read next is what the server keeps, not
 * garbage V8 had no reason to collect yet. Resolves false when it cannot.
 */
/* global WebSocket -- Node 22, or Node 20 with --experimental-websocket */
async function collectGarbage(inspectorUrl) {
  if (!inspectorUrl || typeof WebSocket !== 'function') return false;
  const ws = new WebSocket(inspectorUrl);
  try {
    await new Promise((resolve, reject) => {
      ws.addEventListener('open', resolve);
      ws.addEventListener('error', reject);
    });
    let id = 0;
    const call = (method) =>
      new Promise((resolve) => {
        const mine = ++id;
        const onMessage = (e) => {
          if (JSON.parse(e.data).id !== mine) return;
          ws.removeEventListener('message', onMessage);
          resolve();
        };
        ws.addEventListener('message', onMessage);
        ws.send(JSON.stringify({ id: mine, method }));
      });
    await call('HeapProfiler.enable');
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    return true;
  } catch {
    return false;
  } finally {
    ws.close();
  }
}

async function startServer({ inspect = false } = {}) {
  const args = [...(inspect ? ['--inspect=127.0.0.1:0'] : []), join(root, 'dist', 'server.js'), '--stdio'];
  // dist/server.js loads the server with V8's code cache: a private one, as for the CLI (process.mjs).
  const env = { ...process.env, CONTAINMENT_COMPILE_CACHE: join(root, 'bench', 'results', 'compile-cache') };
  const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', inspect ? 'pipe' : 'inherit'] });
  // The inspector prints its address on stderr; everything else there is passed on.
  let inspectorUrl;
  const inspectorReady = inspect
    ? new Promise((resolve) => {
        const timer = setTimeout(resolve, 5000);
        child.stderr.on('data', (d) => {
          const text = String(d);
          const m = /ws:\/\/\S+/.exec(text);
          if (m && !inspectorUrl) {
            inspectorUrl = m[0];
            clearTimeout(timer);
            resolve();
          }
          if (!/Debugger (listening|attached)|For help, see|Waiting for the debugger/.test(text)) process.stderr.write(d);
        });
      })
    : Promise.resolve();
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map(); // uri → [{ version, resolve }]
  const logs = [];
  rpc.onNotification('textDocument/publishDiagnostics', (p) => {
    const now = performance.now();
    const list = waiters.get(p.uri) ?? [];
    for (const w of [...list]) {
      if (w.version === undefined || p.version === w.version) {
        list.splice(list.indexOf(w), 1);
        w.resolve({ at: now, count: p.diagnostics.length });
      }
    }
  });
  rpc.onNotification('window/logMessage', (m) => logs.push(m.message));
  rpc.onNotification('window/showMessage', (m) => logs.push(m.message));
  rpc.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  rpc.onRequest('client/registerCapability', () => null);
  rpc.listen();
  const published = (uri, version, timeoutMs = 30_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs / 1000} s`)), timeoutMs);
      const list = waiters.get(uri) ?? [];
      list.push({
        version,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
      waiters.set(uri, list);
    });
  const t0 = performance.now();
  await rpc.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
  await rpc.sendNotification('initialized', {});
  const initMs = performance.now() - t0;
  await inspectorReady;
  return { child, rpc, published, logs, initMs, collectGarbage: () => collectGarbage(inspectorUrl) };
}

async function stop(server) {
  try {
    await server.rpc.sendRequest('shutdown');
    await server.rpc.sendNotification('exit');
  } catch {
    // already gone
  }
  server.rpc.dispose();
  await new Promise((r) => (server.child.exitCode !== null ? r() : server.child.once('exit', r)));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function benchInput(server, input) {
  const path = join(root, input.file);
  const uri = pathToFileURL(path).href;
  const text = readFileSync(path, 'utf8');
  const languageId = LANGUAGE[input.kind];
  let version = 1;
  const opened = server.published(uri, 1);
  const t0 = performance.now();
  await server.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  const first = await opened;
  const openMs = first.at - t0;
  const { line, character } = input.edit;
  const publish = [];
  const hover = [];
  const action = [];
  const docRange = { start: { line: 0, character: 0 }, end: { line: input.lines, character: 0 } };
  for (let i = 0; i < EDITS; i++) {
    version++;
    const pos = { line, character: character + i };
    const p = server.published(uri, version);
    const s = performance.now();
    await server.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: pos, end: pos }, text: 'x' }],
    });
    const r = await p;
    publish.push(r.at - s);
    // Served from the analysis of this version (cached by the publish).
    let h = performance.now();
    await server.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } });
    hover.push(performance.now() - h);
    h = performance.now();
    await server.rpc.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: docRange, context: { diagnostics: [] } });
    action.push(performance.now() - h);
  }
  // didChange immediately followed by a hover: the hover runs the analysis of the new version itself.
  const changeHover = [];
  for (let i = 0; i < Math.min(EDITS, 50); i++) {
    version++;
    const pos = { line, character: character + EDITS + i };
    const p = server.published(uri, version);
    const s = performance.now();
    await server.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: pos, end: pos }, text: 'x' }],
    });
    await server.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } });
    changeHover.push(performance.now() - s);
    await p;
  }
  const closed = server.published(uri);
  await server.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await closed;
  const pub = summarize(publish);
  return {
    id: input.id,
    lines: input.lines,
    edits: EDITS,
    openMs: round(openMs),
    findings: first.count,
    changeToPublish: pub,
    changeToPublishMinusDebounce: summarize(publish.map((x) => x - DEBOUNCE_MS)),
    changeToHoverUncached: summarize(changeHover),
    hover: summarize(hover),
    codeAction: summarize(action),
  };
}

/** 200 documents open at once (the typical inputs, 50 each under different names): the server's memory. */
async function manyDocuments(server) {
  await sleep(200);
  const before = rssOf(server.child.pid);
  const typical = manifest.inputs.filter((i) => i.lines <= 1000);
  const waits = [];
  for (let n = 0; n < 200; n++) {
    const input = typical[n % typical.length];
    const text = readFileSync(join(root, input.file), 'utf8');
    const name = input.file.split('/').pop();
    const uri = pathToFileURL(join(root, 'bench', 'results', 'open', String(n), name)).href;
    // The server analyses them one after the other: on a busy machine the last one comes minutes later.
    waits.push(server.published(uri, 1, 600_000));
    await server.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: LANGUAGE[input.kind], version: 1, text },
    });
  }
  await Promise.all(waits);
  await sleep(300);
  const after = rssOf(server.child.pid);
  // What the server keeps, without the garbage of 200 analyses that V8 has not collected yet.
  const collected = await server.collectGarbage();
  await sleep(200);
  const afterGc = collected ? rssOf(server.child.pid) : undefined;
  return { documents: 200, mix: typical.map((i) => i.id), before, after, afterGc };
}

const server = await startServer();
const results = [];
for (const input of memoryOnly ? [] : manifest.inputs) {
  results.push(await benchInput(server, input));
  process.stderr.write(`lsp: ${input.id} done\n`);
}
const logs = server.logs.length;
await stop(server);
// A fresh server, so the documents above do not count.
const fresh = await startServer({ inspect: true });
// A failure here (a timeout on a very busy machine) costs the memory figure, not the rows above.
const memory = await manyDocuments(fresh).catch((e) => ({ documents: 200, mix: [], error: String(e?.message ?? e) }));
await stop(fresh);
writeFileSync(
  outPath,
  JSON.stringify({ debounceMs: DEBOUNCE_MS, initMs: round(server.initMs), inputs: results, memory, serverLogMessages: logs }, null, 2),
);
