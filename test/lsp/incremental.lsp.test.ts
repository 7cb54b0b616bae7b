// The language server re-analyses an edited Dockerfile stage by stage (lsp/dockerfileCaches.ts,
// core/incremental.ts): what it publishes after each edit is what analysing the text afresh gives,
// and quick fixes found in stages it did not read again still apply to the right lines.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/core/analyze';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { IncrementalDockerfile } from '../../server/src/core/incremental';
import { DockerfileCaches } from '../../server/src/lsp/dockerfileCaches';
import { EditedCaches } from '../../server/src/lsp/editedCaches';
import { applyTextEdits, startServer, type TestClient } from './harness';

const STAGES = [
  'ARG BASE=alpine:3.20',
  'FROM ${BASE} AS build',
  'RUN apk add --no-cache curl && curl -k https://example.com/tool -o /usr/local/bin/tool',
  '',
  'FROM build AS test',
  'RUN sudo make test',
  '',
  'FROM debian:12 AS final',
  'COPY --from=build /usr/local/bin/tool /usr/local/bin/tool',
  'RUN apt-get install -y --allow-unauthenticated nginx',
  'ENV BENCH_EDIT=here',
  'USER app',
  '',
].join('\n');

describe('incremental Dockerfile analysis over LSP', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'containment-lsp-inc-'));
    client = await startServer({ workspaceFolder: dir });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('diagnostics after each edit equal a fresh analysis of the text', async () => {
    const path = join(dir, 'Dockerfile');
    const uri = pathToFileURL(path).href;
    const expected = (text: string) => JSON.parse(JSON.stringify(analyze(path, text)?.findings.map(toDiagnostic) ?? [])) as unknown;
    let text = STAGES;
    assert.deepEqual(await client.open(uri, text), expected(text));
    const edits: ((t: string) => string)[] = [
      (t) => t.replace('BENCH_EDIT=here', 'BENCH_EDIT=herex'),
      (t) => t.replace('BENCH_EDIT=herex', 'BENCH_EDIT=herexy'),
      // A stage appears above the others: they move down with their findings.
      (t) => t.replace('FROM build AS test', 'FROM scratch AS extra\nRUN sudo id\n\nFROM build AS test'),
      // The line before a FROM now continues onto it: the two stages are one instruction apart.
      (t) => t.replace('RUN sudo make test\n', 'RUN sudo make test \\\n'),
      (t) => t.replace('RUN sudo make test \\\n', 'RUN sudo make test\n'),
      (t) => t.replace('AS build', 'AS builder'),
      (t) => t.replace('ARG BASE=alpine:3.20', '# escape=`\nARG BASE=ubuntu'),
    ];
    for (const change of edits) {
      text = change(text);
      assert.deepEqual(await client.change(uri, text), expected(text), `after the edit giving:\n${text}`);
    }
    // A quick fix of a stage that was not read again (it moved down) edits the right line.
    const line = text.split('\n').findIndex((l) => l.includes('--allow-unauthenticated'));
    const actions = await client.codeActions(uri, { start: { line, character: 0 }, end: { line, character: 80 } });
    const fix = actions.find((a) => /allow-unauthenticated/.test(a.title));
    assert.ok(fix?.edit?.changes?.[uri], `a fix among ${actions.map((a) => a.title).join(', ')}`);
    const fixed = applyTextEdits(text, fix.edit.changes[uri]);
    assert.match(fixed, /RUN apt-get install -y nginx\n/);
    assert.deepEqual(await client.change(uri, fixed), expected(fixed));
    await client.close(uri);
    // Reopened, it starts afresh.
    assert.deepEqual(await client.open(uri, STAGES), expected(STAGES));
    await client.close(uri);
  });
});

test('only the most recently edited documents keep their state, until they close (EditedCaches)', () => {
  const caches = new EditedCaches(() => ({}), 2);
  caches.edited('a');
  const a = caches.get('a');
  assert.ok(a);
  caches.edited('b');
  caches.edited('a');
  assert.equal(caches.get('a'), a, 'a second edit keeps the same cache');
  caches.edited('c');
  assert.equal(caches.get('b'), undefined, 'the least recently edited one goes');
  assert.equal(caches.size, 2);
  caches.closed('a');
  assert.equal(caches.get('a'), undefined);
  assert.equal(caches.size, 1);
});

test('edited Dockerfiles keep their stages in an IncrementalDockerfile, the 3 most recent of them', () => {
  const caches = new DockerfileCaches();
  for (const uri of ['a', 'b', 'c', 'd']) caches.edited(uri);
  assert.ok(caches.get('d') instanceof IncrementalDockerfile);
  assert.equal(caches.size, 3);
  assert.equal(caches.get('a'), undefined);
});
