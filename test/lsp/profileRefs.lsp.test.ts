// JSON files become seccomp profiles in the editor because a Compose file or script names them in
// `seccomp=<path>`: found by the workspace scan (files on disk) and by open documents as typed,
// with diagnostics appearing and going as the references do.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from './harness';

/** Neither the name nor a top-level defaultAction says "seccomp profile". */
const PROFILE = '{\n  "syscalls": [{ "names": ["mount"], "action": "SCMP_ACT_ALLOW" }]\n}\n';

const codes = (d: Diagnostic[]) => d.map((x) => String(x.code)).sort();

describe('profiles named by Compose files and scripts are read as seccomp profiles', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'containment-lsp-refs-'));
    mkdirSync(join(dir, 'app'));
    mkdirSync(join(dir, 'profiles'));
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'profiles', 'api.json'), PROFILE);
    writeFileSync(join(dir, 'profiles', 'hidden.json'), PROFILE);
    writeFileSync(join(dir, 'profiles', 'later.json'), PROFILE);
    writeFileSync(
      join(dir, 'app', 'compose.yaml'),
      'services:\n  api:\n    image: example/api:1.0\n    security_opt: ["seccomp=../profiles/api.json"]\n',
    );
    // Dependencies are not scanned: this reference does not count.
    writeFileSync(join(dir, 'node_modules', 'pkg', 'run.sh'), 'docker run --security-opt seccomp=../../profiles/hidden.json x\n');
    client = await startServer({ workspaceFolder: dir });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Diagnostics of uri once they satisfy `ok`: the first publish may come before the workspace scan ends. */
  async function until(uri: string, first: Promise<Diagnostic[]>, ok: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    let d = await first;
    for (let i = 0; i < 5 && !ok(d); i++) d = await client.nextDiagnostics(uri);
    return d;
  }

  test('a Compose file on disk (not open) names profiles/api.json: it gets seccomp diagnostics', async () => {
    const uri = pathToFileURL(join(dir, 'profiles', 'api.json')).href;
    const diags = await until(uri, client.open(uri, PROFILE, 'json'), (d) => d.length > 0);
    assert.ok(codes(diags).includes('CT3009'), codes(diags).join(' '));
    const hover = await client.hover(uri, 1, 27);
    assert.match(JSON.stringify(hover?.contents ?? ''), /mount/);
  });

  test('a file named only under node_modules, and ordinary JSON, get nothing', async () => {
    for (const name of ['profiles/hidden.json', 'package.json']) {
      const uri = pathToFileURL(join(dir, name)).href;
      assert.deepEqual(await client.open(uri, name === 'package.json' ? '{ "name": "x" }\n' : PROFILE, 'json'), [], name);
      assert.equal(await client.hover(uri, 1, 27), null, name);
    }
  });

  test('an open script as typed adds and removes a reference; the profile follows', async () => {
    const profile = pathToFileURL(join(dir, 'profiles', 'later.json')).href;
    assert.deepEqual(await client.open(profile, PROFILE, 'json'), []);

    const script = pathToFileURL(join(dir, 'deploy.sh')).href;
    const named = client.nextDiagnostics(profile);
    await client.open(script, 'docker run --security-opt seccomp=profiles/later.json example/app:1.0\n', 'shellscript');
    assert.ok(codes(await named).includes('CT3009'));

    const dropped = client.nextDiagnostics(profile);
    await client.change(script, 'docker run example/app:1.0\n');
    assert.deepEqual(await dropped, []);
  });
});

describe('workspace folders added later, and a scan that stops at its bound', () => {
  let dirs: string[] = [];
  const fresh = (prefix: string) => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    dirs = [];
  });

  test('a folder added to the workspace is scanned: a profile its Compose file names gets seccomp diagnostics', async () => {
    const first = fresh('containment-lsp-ws1-');
    const second = fresh('containment-lsp-ws2-');
    writeFileSync(join(second, 'compose.yaml'), 'services:\n  api:\n    image: example/api:1.0\n    security_opt: ["seccomp=api.json"]\n');
    writeFileSync(join(second, 'api.json'), PROFILE);
    const client = await startServer({ workspaceFolder: first, workspaceFolders: true });
    try {
      const uri = pathToFileURL(join(second, 'api.json')).href;
      assert.deepEqual(await client.open(uri, PROFILE, 'json'), [], 'not named by anything in the workspace yet');
      const named = client.nextDiagnostics(uri);
      await client.rpc.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: pathToFileURL(second).href, name: 'second' }], removed: [] },
      });
      let d = await named;
      for (let i = 0; i < 5 && !codes(d).includes('CT3009'); i++) d = await client.nextDiagnostics(uri);
      assert.ok(codes(d).includes('CT3009'), codes(d).join(' '));

      const dropped = client.nextDiagnostics(uri);
      await client.rpc.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [], removed: [{ uri: pathToFileURL(second).href, name: 'second' }] },
      });
      let after = await dropped;
      for (let i = 0; i < 5 && after.length > 0; i++) after = await client.nextDiagnostics(uri);
      assert.deepEqual(after, [], 'the folder is gone from the workspace: nothing names the profile');
    } finally {
      await client.shutdown();
    }
  });

  test('a scan that stops at its bound of folder entries says so in the log', async () => {
    const big = fresh('containment-lsp-big-');
    for (let i = 0; i < 12; i++) writeFileSync(join(big, `f${i}.txt`), 'x\n');
    process.env.CONTAINMENT_SCAN_LIMIT = '5';
    let client: TestClient | undefined;
    try {
      client = await startServer({ workspaceFolder: big });
    } finally {
      delete process.env.CONTAINMENT_SCAN_LIMIT;
    }
    try {
      // The scan runs in the background after `initialized`: open a document and wait for the log.
      await client.open(pathToFileURL(join(big, 'Dockerfile')).href, 'FROM alpine:3.20\n');
      for (let i = 0; i < 50 && !client.logs.some((l) => /stopped after 5 files and folders/.test(l.message)); i++)
        await new Promise((r) => setTimeout(r, 20));
      const warning = client.logs.find((l) => /stopped after 5 files and folders/.test(l.message));
      assert.ok(warning, client.logs.map((l) => l.message).join('\n'));
      assert.equal(warning.type, 2, 'a warning');
    } finally {
      await client.shutdown();
    }
  });

  test('a scan within its bound logs nothing about stopping', async () => {
    const small = fresh('containment-lsp-small-');
    writeFileSync(join(small, 'a.txt'), 'x\n');
    const client = await startServer({ workspaceFolder: small });
    try {
      await client.open(pathToFileURL(join(small, 'Dockerfile')).href, 'FROM alpine:3.20\n');
      await new Promise((r) => setTimeout(r, 100));
      assert.ok(!client.logs.some((l) => /stopped after/.test(l.message)));
    } finally {
      await client.shutdown();
    }
  });
});
