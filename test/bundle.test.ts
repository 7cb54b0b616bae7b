// The bundled language server as VS Code starts it: a separate Node process speaking LSP over
// stdio. Catches what in-process tests cannot: a dependency esbuild bundles wrongly, a module that
// fails to load, a crash at start. Builds a private copy so it never races other tests over dist/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

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
  server = spawn(process.execPath, [join(dir, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
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
