// Compose files, shell scripts and Markdown over the language server: the same rule ids for a
// Compose key and its docker run flag, quick fixes applied one after another, hovers.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { applyTextEdits, messageOf, startServer, type TestClient } from './harness';
import { analyze } from '../../server/src/core/analyze';
import { MAX_DIAGNOSTICS } from '../../server/src/lsp/convert';

const COMPOSE = [
  'services:',
  '  api:',
  '    # The API needs the Docker socket for its job runner.',
  '    image: acme/api:1.4',
  '    cap_add:',
  '      - SYS_ADMIN',
  '    ports:',
  '      - "8080:8080"',
  '    volumes:',
  '      - /var/run/docker.sock:/var/run/docker.sock',
  '',
].join('\n');

const codes = (d: Diagnostic[]) => new Set(d.map((x) => String(x.code)));

describe('runtime files over LSP', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'containment-lsp-rt-'));
    client = await startServer({ workspaceFolder: dir });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a Compose key and its docker run flag give the same rule ids', async () => {
    const compose = pathToFileURL(join(dir, 'compose.yaml')).href;
    const script = pathToFileURL(join(dir, 'run.sh')).href;
    const c = codes(await client.open(compose, COMPOSE, 'dockercompose'));
    const s = codes(
      await client.open(
        script,
        'docker run -d --cap-add SYS_ADMIN -p 8080:8080 -v /var/run/docker.sock:/var/run/docker.sock acme/api:1.4\n',
        'shellscript',
      ),
    );
    for (const id of ['CT2002', 'CT2003', 'CT2007', 'CT2008', 'CT2014', 'CT2017']) {
      assert.ok(c.has(id), `${id} in Compose (${[...c].join(' ')})`);
      assert.ok(s.has(id), `${id} in docker run (${[...s].join(' ')})`);
    }
    await client.close(compose);
    await client.close(script);
  });

  test('Compose quick fixes applied one after another keep comments and give valid YAML', async () => {
    const uri = pathToFileURL(join(dir, 'fixes', 'compose.yaml')).href;
    let text = COMPOSE;
    let diags = await client.open(uri, text, 'dockercompose');
    const applied: string[] = [];
    for (const [id, title] of [
      ['CT2003', /Drop all capabilities/],
      ['CT2007', /no-new-privileges/],
      ['CT2014', /limit/i],
      ['CT2017', /127\.0\.0\.1/],
    ] as const) {
      const d = diags.find((x) => x.code === id);
      assert.ok(d, `${id} present before its fix`);
      const actions = await client.codeActions(uri, d.range, ['quickfix']);
      const fix = actions.find((a) => title.test(a.title) && a.edit);
      assert.ok(fix, `${id}: a fix among ${actions.map((a) => a.title).join(' | ')}`);
      text = applyTextEdits(text, fix.edit!.changes![uri]);
      applied.push(fix.title);
      diags = await client.change(uri, text);
      assert.ok(!diags.some((x) => x.code === id), `${id} gone after "${fix.title}"`);
      const parsed = parseDocument(text);
      assert.deepEqual(parsed.errors, [], `valid YAML after "${fix.title}":\n${text}`);
    }
    assert.match(text, /# The API needs the Docker socket for its job runner\./, 'comments survive');
    const service = parseDocument(text).toJS().services.api;
    assert.deepEqual(service.cap_drop, ['ALL']);
    assert.deepEqual(service.cap_add, ['SYS_ADMIN'], 'needed adds are kept');
    assert.ok(service.security_opt.some((o: string) => /no-new-privileges/.test(o)));
    assert.equal(service.ports[0], '127.0.0.1:8080:8080');
    await client.close(uri);
  });

  test('Ctrl+. with the cursor anywhere on a line offers the fixes of every finding on that line', async () => {
    const uri = pathToFileURL(join(dir, 'cursor', 'compose.yaml')).href;
    await client.open(uri, COMPOSE, 'dockercompose');
    // Line 1 is `  api:`; the cursor after the colon is outside the findings' range (the key).
    const end = { line: 1, character: 6 };
    const titles = (await client.codeActions(uri, { start: end, end }, ['quickfix'])).map((a) => a.title);
    assert.ok(
      titles.some((t) => /Drop all capabilities/.test(t)),
      titles.join(' | '),
    );
    await client.close(uri);
  });

  test('ignore comments work in Compose and shell', async () => {
    const uri = pathToFileURL(join(dir, 'ignore', 'compose.yaml')).href;
    const diags = await client.open(uri, COMPOSE, 'dockercompose');
    const d = diags.find((x) => x.code === 'CT2008')!;
    const ignore = (await client.codeActions(uri, d.range, ['quickfix'])).find((a) => a.title.startsWith('Ignore CT2008'))!;
    const text = applyTextEdits(COMPOSE, ignore.edit!.changes![uri]);
    assert.match(text, /\n {6}# containment-ignore CT2008\n {6}- \/var\/run\/docker\.sock/);
    assert.ok(!(await client.change(uri, text)).some((x) => x.code === 'CT2008'));
    await client.close(uri);

    const sh = pathToFileURL(join(dir, 'ignore', 'run.sh')).href;
    const script = '#!/bin/sh\n# containment-ignore CT2001: a CI runner that builds images\ndocker run --privileged \\\n  docker:dind\n';
    assert.ok(!(await client.open(sh, script, 'shellscript')).some((x) => x.code === 'CT2001'));
    await client.close(sh);
  });

  test('Markdown code blocks: docker run lines in bash and console blocks are checked, others are not', async () => {
    const uri = pathToFileURL(join(dir, 'guide.md')).href;
    const md = [
      '# Guide',
      '',
      '```console',
      '$ docker run --rm -it --pid=host alpine:3.20 sh',
      'PID   USER     TIME  COMMAND',
      '```',
      '',
      '```python',
      'os.system("docker run --privileged alpine")',
      '```',
      '',
    ].join('\n');
    const diags = await client.open(uri, md, 'markdown');
    const host = diags.find((x) => x.code === 'CT2012');
    assert.ok(host, 'host PID namespace found in the console block');
    assert.equal(host.range.start.line, 3);
    assert.ok(!diags.some((x) => x.code === 'CT2001'), 'python blocks are not shell');
    await client.close(uri);
  });

  test('hover explains Compose keys and docker run flags with the other syntax and the effective capabilities', async () => {
    const uri = pathToFileURL(join(dir, 'hover', 'compose.yaml')).href;
    await client.open(uri, COMPOSE, 'dockercompose');
    const onKey = (await client.hover(uri, 4, 6))?.contents as { value: string };
    assert.match(onKey.value, /Adding capabilities/);
    assert.match(onKey.value, /`--cap-add`/);
    assert.match(onKey.value, /Effective capabilities of service "api"\*\* \(15\)/);
    const onValue = (await client.hover(uri, 5, 10))?.contents as { value: string };
    assert.match(onValue.value, /CT2002 dangerous-capability/, 'the finding on SYS_ADMIN is explained');
    await client.close(uri);

    const sh = pathToFileURL(join(dir, 'hover', 'run.sh')).href;
    await client.open(sh, 'docker run --pids-limit 100 --cap-drop ALL nginx:1.27\n', 'shellscript');
    const onFlag = (await client.hover(sh, 0, 14))?.contents as { value: string };
    assert.match(onFlag.value, /Process limit/);
    assert.match(onFlag.value, /Compose: `pids_limit`/);
    await client.close(sh);
  });

  test('a Compose service reads its build: Dockerfile, and edits to the Dockerfile refresh the Compose findings', async () => {
    const app = join(dir, 'built');
    mkdirSync(join(app, 'api'), { recursive: true });
    writeFileSync(join(app, 'api', 'Dockerfile'), 'FROM alpine:3.20\nUSER 1001\n');
    const compose = pathToFileURL(join(app, 'compose.yaml')).href;
    const yaml = 'services:\n  api:\n    build: ./api\n';
    assert.ok(
      !(await client.open(compose, yaml, 'dockercompose')).some((x) => x.code === 'CT2019'),
      'a non-root image USER: no root finding',
    );
    const dockerfile = pathToFileURL(join(app, 'api', 'Dockerfile')).href;
    // Opening the Dockerfile refreshes the Compose file once (its text is now read from the buffer).
    const afterOpen = client.nextDiagnostics(compose);
    await client.open(dockerfile, 'FROM alpine:3.20\nUSER 1001\n');
    assert.ok(!(await afterOpen).some((x) => x.code === 'CT2019'));
    const refreshed = client.nextDiagnostics(compose);
    await client.change(dockerfile, 'FROM alpine:3.20\nUSER root\n');
    assert.ok(
      (await refreshed).some((x) => x.code === 'CT2019'),
      'the open Dockerfile buffer now says root',
    );
    await client.close(dockerfile);
    await client.close(compose);
  });

  test('broken YAML gets a clear message and the server keeps serving', async () => {
    const uri = pathToFileURL(join(dir, 'broken', 'compose.yaml')).href;
    const diags = await client.open(uri, 'services:\n  web:\n    image: [unclosed\n', 'dockercompose');
    assert.ok(diags.some((d) => /could not read this Compose file/.test(messageOf(d))));
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefghij'.split('').map(
        (c, i) =>
          `${c}: &${c} [${Array(9)
            .fill('*' + 'abcdefghij'[i])
            .join(', ')}]`,
      ),
      'services:',
      '  web:',
      '    image: *j',
      '',
    ].join('\n');
    const started = Date.now();
    const b = await client.change(uri, bomb);
    assert.ok(Date.now() - started < 5000, 'an alias bomb does not hang the server');
    assert.ok(b.length >= 1);
    await client.close(uri);
  });

  test('past 1,000 findings: errors first, then warnings, in file order, with one note; quick fixes everywhere', async () => {
    const lines = ['#!/bin/sh'];
    for (let i = 0; i < 400; i++) lines.push(`docker run --privileged -p 8${String(i).padStart(3, '0')}:80 alpine:3.20`);
    const text = lines.join('\n') + '\n';
    const uri = pathToFileURL(join(dir, 'many.sh')).href;
    const all = analyze(join(dir, 'many.sh'), text)!.findings;
    const count = (sev: string) => all.filter((f) => f.severity === sev).length;
    assert.deepEqual([count('error'), count('warning'), count('info')], [400, 1600, 1200], 'the input as intended');

    const diags = await client.open(uri, text, 'shellscript');
    assert.equal(diags.length, MAX_DIAGNOSTICS + 1);
    assert.equal(diags[0].code, 'CT0002');
    assert.match(messageOf(diags[0]), /shows 1,000 of the 3,200 findings in this file/);
    const shown = diags.slice(1);
    assert.equal(shown.filter((d) => d.severity === 1).length, 400, 'every error');
    const warnings = shown.filter((d) => d.severity === 2);
    const firstWarnings = all.filter((f) => f.severity === 'warning').slice(0, 600);
    assert.deepEqual(
      warnings.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      firstWarnings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]),
      'then the first warnings in file order',
    );
    assert.equal(shown.filter((d) => d.severity === 3).length, 0);
    for (let i = 1; i < shown.length; i++) assert.ok(shown[i - 1].range.start.line <= shown[i].range.start.line, 'in file order');

    // The last line's warnings are not shown; their quick fixes are still there.
    const last = { start: { line: 400, character: 0 }, end: { line: 400, character: 10 } };
    assert.ok(!shown.some((d) => d.severity === 2 && d.range.start.line === 400));
    const actions = await client.codeActions(uri, last, ['quickfix']);
    assert.ok(
      actions.some((a) => /no-new-privileges/.test(a.title)),
      actions.map((a) => a.title).join(' | '),
    );
    await client.close(uri);
  });
});
