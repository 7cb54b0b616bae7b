// What the server keeps per open document: findings and statement lines for every document, whole
// analyses (models) for the last few only; hovers and ignore comments still work on the others.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/core/analyze';
import { DocumentCache, RECENT_ANALYSES, retain } from '../../server/src/lsp/documentCache';
import { applyTextEdits, startServer, type TestClient } from './harness';

const SCRIPT = ['#!/bin/sh', 'docker run -d \\', '  --cap-add SYS_ADMIN \\', '  --privileged \\', '  acme/api:1.4', ''].join('\n');

const DOCKERFILE = ['FROM node:20', 'RUN apt-get update && \\', '    apt-get install -y curl', 'CMD ["node", "server.js"]', ''].join('\n');

describe('DocumentCache', () => {
  test('keeps results for every document and whole analyses for the most recent only', () => {
    const cache = new DocumentCache(2);
    const a = analyze('run.sh', SCRIPT)!;
    for (const uri of ['a', 'b', 'c']) cache.set(uri, 1, a);
    assert.equal(cache.analysis('a', 1), undefined, 'the oldest analysis is dropped');
    assert.equal(cache.analysis('b', 1), a);
    assert.equal(cache.analysis('c', 2), undefined, 'another version is not served');
    for (const uri of ['a', 'b', 'c']) assert.equal(cache.entry(uri)?.result?.findings, a.findings);
    cache.set('d', 1, a);
    assert.equal(cache.analysis('b', 1), a, 'a hover makes an analysis recent');
    assert.equal(cache.analysis('c', 1), undefined);
    cache.delete('b');
    assert.equal(cache.entry('b'), undefined);
    assert.equal(cache.analysis('b', 1), undefined);
    cache.set('e', 1, undefined);
    assert.deepEqual(cache.entry('e'), { version: 1, result: undefined }, 'a file of no known kind is remembered as such');
    cache.clear();
    assert.equal(cache.entry('a'), undefined);
  });

  test('statement lines come from the model and are kept without it', () => {
    const sh = analyze('run.sh', SCRIPT)!;
    const r = retain(sh);
    const privileged = sh.findings.find((f) => f.ruleId === 'CT2001')!;
    assert.equal(privileged.range.start.line, 3);
    assert.equal(r.statementLine(3), 1, 'a continued docker run line starts at `docker`');
    assert.equal(r.statementLine(0), 0);
    const df = analyze('Dockerfile', DOCKERFILE)!;
    const rd = retain(df);
    for (const f of df.findings) {
      const instr =
        df.model?.kind === 'dockerfile'
          ? df.model.image.instructions.find((i) => i.range.start.line <= f.range.start.line && i.range.end.line >= f.range.start.line)
          : undefined;
      assert.equal(rd.statementLine(f.range.start.line), instr?.range.start.line ?? f.range.start.line);
    }
    assert.equal('model' in r, false, 'the kept result holds no model');
  });
});

describe('documents whose model was dropped, over LSP', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'containment-lsp-cache-'));
    client = await startServer({ workspaceFolder: dir });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('hover and the ignore fix work on a document analysed before many others', async () => {
    const first = pathToFileURL(join(dir, 'first', 'run.sh')).href;
    const diags = await client.open(first, SCRIPT, 'shellscript');
    for (let n = 0; n < RECENT_ANALYSES + 2; n++) await client.open(pathToFileURL(join(dir, String(n), 'Dockerfile')).href, DOCKERFILE);

    const hover = await client.hover(first, 2, 5);
    const markdown = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(markdown, /Adding capabilities/);
    assert.match(markdown, /Effective capabilities/);

    // Evict it again, then ask for the ignore comment of the finding on the continuation line.
    for (let n = 0; n < RECENT_ANALYSES + 1; n++) await client.close(pathToFileURL(join(dir, String(n), 'Dockerfile')).href);
    for (let n = 10; n < 10 + RECENT_ANALYSES + 1; n++)
      await client.open(pathToFileURL(join(dir, String(n), 'Dockerfile')).href, DOCKERFILE);
    const d = diags.find((x) => x.code === 'CT2001')!;
    const ignore = (await client.codeActions(first, d.range, ['quickfix'])).find((a) => a.title.startsWith('Ignore CT2001'))!;
    assert.match(applyTextEdits(SCRIPT, ignore.edit!.changes![first]), /^#!\/bin\/sh\n# containment-ignore CT2001\ndocker run -d/);
  });
});
