// The bundled language server as VS Code starts it: a separate Node process speaking LSP over
// stdio, and the bundled CLI through bin/containment.js. Catches what in-process tests cannot: a
// dependency esbuild bundles wrongly, a module that fails to load (or to load later, for the CLI's
// commands imported on demand), a crash at start, a broken code cache. Builds a private copy so it
// never races other tests over dist/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { MAX_CACHE_FILES } from '../server/src/io/codeCache';

let dir: string;
let server: ChildProcess;
let rpc: MessageConnection;
let stderr = '';
const published = new Map<string, (d: Diagnostic[]) => void>();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'containment-bundle-'));
  // A path in a variable: the build script is plain JavaScript without type declarations.
  const script = '../scripts/build.mjs';
  const build = (await import(script)) as { bundle: (o: { outdir: string; logLevel: string }) => Promise<void> };
  await build.bundle({ outdir: join(dir, 'dist'), logLevel: 'silent' });
  // dist/server.js loads dist/server-main.js with a code cache: a private one here.
  server = spawn(process.execPath, [join(dir, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, CONTAINMENT_COMPILE_CACHE: join(dir, 'server-cache') },
  });
  server.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  rpc = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.get(p.uri)?.(p.diagnostics));
  rpc.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  rpc.onRequest('client/registerCapability', () => null);
  rpc.listen();
  await rpc.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await rpc.sendNotification('initialized', {});
});

after(async () => {
  try {
    await rpc.sendRequest('shutdown');
    await rpc.sendNotification('exit');
  } catch {
    // The process may already be gone; it is killed below either way.
  }
  rpc.dispose();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function diagnostics(name: string, languageId: string, text: string): Promise<string[]> {
  const uri = `file://${join(dir, 'ws', name)}`;
  const got = new Promise<Diagnostic[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${name} within 10 s; server stderr:\n${stderr}`)), 10_000);
    published.set(uri, (d) => {
      clearTimeout(timer);
      resolve(d);
    });
  });
  await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return (await got).map((d) => String(d.code));
}

test('the bundled server starts and analyses every file kind', async () => {
  assert.ok((await diagnostics('Dockerfile', 'dockerfile', 'FROM alpine:3.20\nUSER root\n')).includes('CT1002'));
  assert.ok(
    (await diagnostics('compose.yaml', 'dockercompose', 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n')).includes(
      'CT2001',
    ),
  );
  assert.ok((await diagnostics('run.sh', 'shellscript', 'docker run --privileged nginx:1.27\n')).includes('CT2001'));
  assert.ok((await diagnostics('daemon.json', 'json', '{}\n')).length > 0, 'daemon.json findings');
  const seccomp = await diagnostics('seccomp.json', 'json', '{"defaultAction": "SCMP_ACT_ALLOW"}\n');
  assert.ok(seccomp.length > 0, 'seccomp findings');
  assert.equal(server.exitCode, null, `the server is still running; stderr:\n${stderr}`);
});

test('the bundled CLI keeps a code cache and loads inspect and explain on demand', () => {
  // bin/containment.js next to the private build, as in the repository.
  mkdirSync(join(dir, 'bin'), { recursive: true });
  copyFileSync(join(import.meta.dirname, '..', 'bin', 'containment.js'), join(dir, 'bin', 'containment.js'));
  mkdirSync(join(dir, 'ws'), { recursive: true });
  writeFileSync(join(dir, 'ws', 'Dockerfile'), 'FROM alpine:3.20\nUSER root\n');
  const cache = join(dir, 'compile-cache');
  const exec = (env: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'containment.js'), ...args], {
      cwd: join(dir, 'ws'),
      encoding: 'utf8',
      env: { ...process.env, CONTAINMENT_COMPILE_CACHE: env, NO_COLOR: '1' },
      timeout: 60_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const lint = () => exec(cache, 'lint', 'Dockerfile');
  const first = lint();
  assert.equal(first.code, 1, first.err);
  assert.match(first.out, /CT1002/);
  assert.equal(first.err, '');
  assert.ok(readdirSync(cache).length > 0, 'the first run writes the cache');
  assert.deepEqual(lint(), first, 'the same result from the cache');

  // Node 20 and 21: one file per bundle, rewritten when V8 rejects it (Node 22 keeps its own layout).
  if (typeof (Module as { enableCompileCache?: unknown }).enableCompileCache !== 'function') {
    const [file] = readdirSync(cache);
    const size = statSync(join(cache, file)).size;
    writeFileSync(join(cache, file), 'not a code cache');
    assert.deepEqual(lint(), first, 'a broken cache is ignored');
    assert.ok(statSync(join(cache, file)).size > size / 2, 'and made again');
    assert.deepEqual(readdirSync(cache), [file]);
  }

  assert.deepEqual(exec('0', 'lint', 'Dockerfile'), first, 'CONTAINMENT_COMPILE_CACHE=0 runs without a cache');

  // Caches left by other installations (an older extension version, a deleted checkout): past
  // MAX_CACHE_FILES the least recently used go when a cache is written.
  if (typeof (Module as { enableCompileCache?: unknown }).enableCompileCache !== 'function') {
    const crowded = join(dir, 'crowded-cache');
    mkdirSync(crowded, { recursive: true });
    for (let i = 0; i < MAX_CACHE_FILES + 10; i++) {
      const f = join(crowded, `old${String(i).padStart(2, '0')}-x.bin`);
      writeFileSync(f, 'left by another installation');
      const t = new Date(Date.UTC(2020, 0, 1 + i));
      utimesSync(f, t, t);
    }
    assert.deepEqual(exec(crowded, 'lint', 'Dockerfile'), first);
    const left = readdirSync(crowded).sort();
    assert.equal(left.length, MAX_CACHE_FILES, left.join(', '));
    assert.ok(!left.includes('old00-x.bin') && !left.includes('old10-x.bin'), 'the least recently used went');
    assert.ok(left.includes(`old${MAX_CACHE_FILES + 9}-x.bin`), 'the most recent stayed');
    assert.equal(left.filter((f) => !f.startsWith('old')).length, 1, 'the new cache is kept');
  }

  // Each file kind's parser and rules are loaded when its first file is analysed
  // (core/parsers.ts, rules/index.generated.ts): every kind in one process, after a Dockerfile.
  mkdirSync(join(dir, 'ws', 'kinds'), { recursive: true });
  writeFileSync(join(dir, 'ws', 'kinds', 'compose.yaml'), 'services:\n  app:\n    image: alpine:3.20\n    privileged: true\n');
  writeFileSync(join(dir, 'ws', 'kinds', 'run.sh'), '#!/bin/sh\ndocker run --privileged alpine:3.20\n');
  writeFileSync(join(dir, 'ws', 'kinds', 'seccomp.json'), '{"defaultAction": "SCMP_ACT_ALLOW"}\n');
  writeFileSync(join(dir, 'ws', 'kinds', 'daemon.json'), '{}\n');
  const nodeKeepsCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
  const cacheHead = () => {
    const [file] = readdirSync(cache);
    return { head: readFileSync(join(cache, file), 'latin1').split('\n', 1)[0], size: statSync(join(cache, file)).size };
  };
  const before = nodeKeepsCache ? undefined : cacheHead();
  for (const env of [cache, '0']) {
    const all = exec(env, 'lint', 'Dockerfile', 'kinds');
    assert.equal(all.code, 1, all.err);
    const fired = (file: string) =>
      [...all.out.matchAll(new RegExp(`^\\s*${file}:\\d+:\\d+\\s+\\w+\\s+(CT\\d{4})`, 'gm'))].map((m) => m[1]);
    assert.ok(fired('Dockerfile').includes('CT1002'), all.out);
    assert.ok(fired('kinds/compose.yaml').includes('CT2001'), all.out);
    assert.ok(fired('kinds/run.sh').includes('CT2001'), all.out);
    assert.ok(fired('kinds/seccomp.json').includes('CT3001'), all.out);
    assert.ok(
      fired('kinds/daemon.json').some((id) => id.startsWith('CT40')),
      all.out,
    );
  }
  if (before) {
    // The cache made by a Dockerfile lint is made again, larger, once a run used the other kinds;
    // a run that uses nothing new leaves it as it is.
    assert.deepEqual(before.head, 'containment-code-cache image');
    const after = cacheHead();
    assert.equal(after.head, 'containment-code-cache daemon,image,runtime,seccomp');
    assert.ok(after.size > before.size, `${after.size} > ${before.size}`);
    exec(cache, 'lint', 'kinds');
    assert.deepEqual(cacheHead(), after);
  }

  const explain = exec(cache, 'explain', 'CAP_SYS_ADMIN');
  assert.equal(explain.code, 0, explain.err);
  assert.match(explain.out, /SYS_ADMIN/);
  const inspect = exec(cache, 'inspect', '--engine-path', join(dir, 'no-such-docker'), '--host', 'unix:///no/such/docker.sock');
  assert.equal(inspect.code, 2);
  assert.match(inspect.err, /^containment: /);
  assert.doesNotMatch(inspect.err, /internal error/);
});
