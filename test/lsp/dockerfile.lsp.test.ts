// The language server end to end over JSON-RPC: diagnostics, quick fixes applied to the text,
// hovers, settings and suppression comments, on Dockerfiles.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyTextEdits, messageOf, startServer, type TestClient } from './harness';

const BAD = ['FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'USER root', 'CMD ["node", "index.js"]', ''].join('\n');

describe('Dockerfile over LSP', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'containment-lsp-'));
    client = await startServer({ workspaceFolder: dir });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('publishes diagnostics with source, code and a documentation link', async () => {
    const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
    const diags = await client.open(uri, BAD);
    const root = diags.find((d) => d.code === 'CT1002');
    assert.ok(root, `CT1002 among ${diags.map((d) => d.code).join(', ')}`);
    assert.equal(root.source, 'Containment');
    assert.equal(root.severity, 2);
    assert.deepEqual(root.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 9 } });
    assert.match(root.codeDescription?.href ?? '', /docs\/rules\/CT1002\.md$/);
    assert.equal((root.data as { ruleId: string }).ruleId, 'CT1002');
    await client.close(uri);
  });

  test('the non-root USER quick fix edits the text and the finding goes away', async () => {
    const uri = pathToFileURL(join(dir, 'a', 'Dockerfile')).href;
    const diags = await client.open(uri, BAD);
    const d = diags.find((x) => x.code === 'CT1002')!;
    const actions = await client.codeActions(uri, d.range, ['quickfix']);
    const fix = actions.find((a) => /non-root user "node"/.test(a.title));
    assert.ok(fix, `titles: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    const fixed = applyTextEdits(BAD, fix.edit!.changes![uri]);
    assert.equal(fixed, BAD.replace('USER root\n', 'USER root\nUSER node\n'));
    const after = await client.change(uri, fixed);
    assert.equal(after.filter((x) => x.code === 'CT1002').length, 0);
    await client.close(uri);
  });

  test('"ignore this rule here" inserts a comment that silences the finding', async () => {
    const uri = pathToFileURL(join(dir, 'b', 'Dockerfile')).href;
    const diags = await client.open(uri, BAD);
    const d = diags.find((x) => x.code === 'CT1002')!;
    const actions = await client.codeActions(uri, d.range, ['quickfix']);
    const ignore = actions.find((a) => a.title.startsWith('Ignore CT1002'));
    assert.ok(ignore);
    const fixed = applyTextEdits(BAD, ignore.edit!.changes![uri]);
    assert.match(fixed, /# containment-ignore CT1002\nUSER root/);
    const after = await client.change(uri, fixed);
    assert.equal(after.filter((x) => x.code === 'CT1002').length, 0);
    const docs = actions.find((a) => a.title === 'Show documentation for CT1002');
    assert.deepEqual(docs?.command?.arguments, ['CT1002']);
    await client.close(uri);
  });

  test('hover explains instructions and findings', async () => {
    const uri = pathToFileURL(join(dir, 'c', 'Dockerfile')).href;
    await client.open(uri, BAD);
    const onUser = await client.hover(uri, 4, 1);
    const md = (onUser?.contents as { value: string }).value;
    assert.match(md, /USER: who the container runs as/);
    assert.match(md, /CT1002 root-user/, 'the finding on this line is explained too');
    const onRunFlag = await client.hover(uri, 3, 1);
    assert.match((onRunFlag?.contents as { value: string }).value, /RUN: a build step/);
    assert.equal(await client.hover(uri, 1, 10), null, 'nothing to say on a plain WORKDIR path');
    await client.close(uri);
  });

  test('a rule turned off in settings disappears; turned on again it is back', async () => {
    const uri = pathToFileURL(join(dir, 'd', 'Dockerfile')).href;
    const first = await client.open(uri, BAD);
    assert.ok(first.some((x) => x.code === 'CT1002'));
    const [off] = await client.setSettings({ rules: { CT1002: 'off' } });
    assert.ok(!off.some((x) => x.code === 'CT1002'));
    const [asError] = await client.setSettings({ rules: { 'root-user': 'error' } });
    assert.equal(asError.find((x) => x.code === 'CT1002')?.severity, 1);
    await client.setSettings({});
    await client.close(uri);
  });

  test('.containment.yaml next to the file sets severities', async () => {
    const sub = join(dir, 'with-config');
    rmSync(sub, { recursive: true, force: true });
    writeFileSync(join(dir, '.containment.yaml'), 'rules:\n  CT1002: info\n');
    const uri = pathToFileURL(join(dir, 'e', 'Dockerfile')).href;
    const diags = await client.open(uri, BAD);
    assert.equal(diags.find((x) => x.code === 'CT1002')?.severity, 3);
    rmSync(join(dir, '.containment.yaml'));
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(dir, '.containment.yaml')).href, type: 3 }],
    });
    const again = await client.nextDiagnostics(uri);
    assert.equal(again.find((x) => x.code === 'CT1002')?.severity, 2);
    await client.close(uri);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = pathToFileURL(join(dir, 'f', 'Dockerfile')).href;
    await client.open(uri, BAD);
    assert.deepEqual(await client.close(uri), []);
  });

  test('binary data and huge files get one clear message, and the server keeps serving', async () => {
    const bin = pathToFileURL(join(dir, 'g', 'Dockerfile')).href;
    const d = await client.open(bin, 'FROM alpine\n\u0000\u0001\u0002binary');
    assert.equal(d.length, 1);
    assert.match(messageOf(d[0]), /binary data/);
    const big = pathToFileURL(join(dir, 'h', 'Dockerfile')).href;
    const huge = 'FROM alpine:3.20\n' + 'RUN echo 0123456789012345678901234567890123456789\n'.repeat(60000);
    const dd = await client.open(big, huge);
    assert.equal(dd.length, 1);
    assert.match(messageOf(dd[0]), /MB/);
    const ok = pathToFileURL(join(dir, 'i', 'Dockerfile')).href;
    assert.ok((await client.open(ok, BAD)).some((x) => x.code === 'CT1002'));
    for (const u of [bin, big, ok]) await client.close(u);
  });
});

describe('when the server analyses', () => {
  // A debounce far longer than any test: what publishes, publishes without waiting for it.
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'containment-lsp-'));
    client = await startServer({ workspaceFolder: dir, debounceMs: 600_000 });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an opened document is analysed at once, not after the typing delay', async () => {
    // The first may coincide with the analysis of every open document that follows the server's
    // start (settings pulled); the second comes after it.
    for (const name of ['first', 'second']) {
      const uri = pathToFileURL(join(dir, name, 'Dockerfile')).href;
      const diags = await client.open(uri, BAD);
      assert.ok(
        diags.some((d) => d.code === 'CT1002'),
        `${name}: CT1002 among ${diags.map((d) => d.code).join(', ')}`,
      );
      await client.close(uri);
    }
  });

  test('an edit waits for the typing delay; a save analyses the edited text at once', async () => {
    const uri = pathToFileURL(join(dir, 'b', 'Dockerfile')).href;
    await client.open(uri, BAD);
    const next = client.change(uri, BAD.replace('USER root', 'USER node'));
    let early = false;
    void next.then(() => (early = true));
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(early, false, 'the edit was analysed before the typing delay');
    await client.rpc.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const diags = await next;
    assert.ok(!diags.some((d) => d.code === 'CT1002'), `CT1002 should be gone after USER node: ${diags.map((d) => d.code).join(', ')}`);
    await client.close(uri);
  });
});

test('a client that never answers the settings request still gets diagnostics', async () => {
  // The server holds its first analyses back until the settings arrive, for two seconds at most.
  const dir = mkdtempSync(join(tmpdir(), 'containment-lsp-'));
  const client = await startServer({ workspaceFolder: dir, neverAnswerConfiguration: true });
  try {
    const diags = await client.open(pathToFileURL(join(dir, 'Dockerfile')).href, BAD);
    assert.ok(
      diags.some((d) => d.code === 'CT1002'),
      `CT1002 among ${diags.map((d) => d.code).join(', ')}`,
    );
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});
