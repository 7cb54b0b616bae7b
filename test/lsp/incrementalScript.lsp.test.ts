// The language server re-analyses an edited shell script or Markdown file command by command
// (lsp/scriptCaches.ts, core/incrementalScript.ts): what it publishes after each edit is what
// analysing the text afresh gives, and quick fixes of commands it did not read again (moved down
// by lines added above) still apply to the right lines.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/core/analyze';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { IncrementalScript } from '../../server/src/core/incrementalScript';
import { ScriptCaches } from '../../server/src/lsp/scriptCaches';
import { applyTextEdits, startServer, type TestClient } from './harness';

const SCRIPT = [
  '#!/usr/bin/env bash',
  'set -eu',
  'BENCH_EDIT=here',
  '',
  'docker run --rm --privileged -v /var/run/docker.sock:/var/run/docker.sock alpine id',
  'docker run -d \\',
  '  --cap-add SYS_ADMIN \\',
  '  --name web \\',
  '  nginx:1.27',
  'echo "done: $(docker run --rm alpine date)"',
  'docker run --read-only --memory 1g --pids-limit 100 --cap-drop ALL busybox',
  '',
].join('\n');

const MARKDOWN = [
  '# Run it',
  '',
  '```sh',
  'docker run --privileged alpine',
  '```',
  '',
  'Then:',
  '',
  '```console',
  '$ docker run --network host nginx',
  '```',
  '',
].join('\n');

describe('incremental script analysis over LSP', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'containment-lsp-inc-sh-'));
    client = await startServer({ workspaceFolder: dir });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  const expected = (path: string, text: string) =>
    JSON.parse(JSON.stringify(analyze(path, text)?.findings.map(toDiagnostic) ?? [])) as unknown;

  test('diagnostics after each edit of a script equal a fresh analysis of the text', async () => {
    const path = join(dir, 'deploy.sh');
    const uri = pathToFileURL(path).href;
    let text = SCRIPT;
    assert.deepEqual(await client.open(uri, text, 'shellscript'), expected(path, text));
    const edits: ((t: string) => string)[] = [
      (t) => t.replace('BENCH_EDIT=here', 'BENCH_EDIT=herex'),
      (t) => t.replace('BENCH_EDIT=herex', 'BENCH_EDIT=herexy'),
      // Lines above every command: they move down with their findings.
      (t) => t.replace('set -eu\n', 'set -eu\n\n\n'),
      (t) => t.replace('--name web', '--name web2 --network host'),
      // An open quote swallows the rest of the script, then closes again.
      (t) => t.replace('BENCH_EDIT=herexy', 'BENCH_EDIT="herexy'),
      (t) => t.replace('BENCH_EDIT="herexy', 'BENCH_EDIT=herexy'),
      (t) => t.replace('docker run -d', '# containment-ignore all\ndocker run -d'),
    ];
    for (const change of edits) {
      text = change(text);
      assert.deepEqual(await client.change(uri, text), expected(path, text), `after the edit giving:\n${text}`);
    }
    // A quick fix of a command that was not read again (it moved down) edits the right line.
    const line = text.split('\n').findIndex((l) => l.includes('--read-only --memory'));
    const actions = await client.codeActions(uri, { start: { line, character: 0 }, end: { line, character: 80 } });
    const fix = actions.find((a) => /no-new-privileges/.test(a.title) && !/containment-ignore/.test(a.title));
    assert.ok(fix?.edit?.changes?.[uri], `a fix among ${actions.map((a) => a.title).join(', ')}`);
    const fixed = applyTextEdits(text, fix.edit.changes[uri]);
    assert.equal(fixed.split('\n')[line], text.split('\n')[line].replace(' busybox', ' --security-opt no-new-privileges busybox'));
    assert.deepEqual(await client.change(uri, fixed), expected(path, fixed));
    await client.close(uri);
    // Reopened, it starts afresh.
    assert.deepEqual(await client.open(uri, SCRIPT, 'shellscript'), expected(path, SCRIPT));
    await client.close(uri);
  });

  test('diagnostics after each edit of a Markdown file equal a fresh analysis of the text', async () => {
    const path = join(dir, 'README.md');
    const uri = pathToFileURL(path).href;
    let text = MARKDOWN;
    assert.deepEqual(await client.open(uri, text, 'markdown'), expected(path, text));
    const edits: ((t: string) => string)[] = [
      (t) => t.replace('Then:', 'Then run:'),
      (t) => t.replace('# Run it\n', '# Run it\n\nSome text.\n'),
      (t) => t.replace('--network host', '--network host --privileged'),
      // The first block loses its closing fence: it runs on into the second.
      (t) => t.replace('alpine\n```\n', 'alpine\n'),
    ];
    for (const change of edits) {
      text = change(text);
      assert.deepEqual(await client.change(uri, text), expected(path, text), `after the edit giving:\n${text}`);
    }
    await client.close(uri);
  });
});

test('edited scripts and Markdown files keep their parts in an IncrementalScript, the 3 most recent of them', () => {
  // The most-recently-edited bookkeeping itself (EditedCaches) is tested in incremental.lsp.test.ts.
  const caches = new ScriptCaches();
  for (const uri of ['a', 'b', 'c', 'd']) caches.edited(uri);
  assert.ok(caches.get('d') instanceof IncrementalScript);
  assert.equal(caches.size, 3);
  assert.equal(caches.get('a'), undefined);
});
