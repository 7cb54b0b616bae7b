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
