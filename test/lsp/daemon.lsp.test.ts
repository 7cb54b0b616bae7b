// daemon.json over the language server: diagnostics with their codes, a quick fix applied to the
// text and the finding gone, no comment-based "ignore" action (JSON has no comments), hover on a key.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { applyTextEdits, messageOf, startServer, type TestClient } from './harness';

const DAEMON = [
  '{',
  '  "icc": true,',
  '  "log-lvel": "info",',
  '  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"]',
  '}',
  '',
].join('\n');

const hoverText = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : '');

describe('daemon.json over LSP', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'containment-lsp-daemon-'));
    client = await startServer({ workspaceFolder: dir });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('diagnostics: unknown key, icc, tcp without TLS, missing keys on the brace', async () => {
    const uri = pathToFileURL(join(dir, 'etc', 'docker', 'daemon.json')).href;
    const diags = await client.open(uri, DAEMON, 'json');
    const byCode = new Map(diags.map((d) => [String(d.code), d]));
    for (const id of ['CT4001', 'CT4003', 'CT4004', 'CT4005', 'CT4008'])
      assert.ok(byCode.has(id), `${id} among ${[...byCode.keys()].join(' ')}`);
    const unknown = byCode.get('CT4001')!;
    assert.equal(unknown.severity, 1);
    assert.deepEqual(unknown.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 12 } });
    assert.match(messageOf(unknown), /dockerd refuses to start.*Did you mean "log-level"\?/);
    assert.match(unknown.codeDescription?.href ?? '', /docs\/rules\/CT4001\.md$/);
    assert.deepEqual(byCode.get('CT4003')!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    assert.deepEqual(byCode.get('CT4008')!.range, { start: { line: 3, character: 43 }, end: { line: 3, character: 63 } });
    await client.close(uri);
  });

  test('a quick fix applied in sequence: rename the typo, then turn icc off; the JSON stays valid', async () => {
    const uri = pathToFileURL(join(dir, 'fix', 'daemon.json')).href;
    let text = DAEMON;
    let diags = await client.open(uri, text, 'json');
    for (const [id, title] of [
      ['CT4001', /Rename "log-lvel" to "log-level"/],
      ['CT4004', /Set "icc": false \(side effect: containers on the default bridge can no longer reach each other/],
    ] as const) {
      const d = diags.find((x) => x.code === id);
      assert.ok(d, `${id} before its fix`);
      const actions = await client.codeActions(uri, d.range, ['quickfix']);
      assert.ok(!actions.some((a) => /containment-ignore/.test(a.title)), 'no comment-based ignore in JSON');
      const fix = actions.find((a) => title.test(a.title) && a.edit);
      assert.ok(fix, `${id}: a fix among ${actions.map((a) => a.title).join(' | ')}`);
      text = applyTextEdits(text, fix.edit!.changes![uri]);
      JSON.parse(text);
      diags = await client.change(uri, text);
      assert.ok(!diags.some((x) => x.code === id), `${id} gone after "${fix.title}"`);
    }
    assert.equal(text, DAEMON.replace('"log-lvel"', '"log-level"').replace('"icc": true', '"icc": false'));
    await client.close(uri);
  });

  test('hover on a key: description, dockerd flag and the rule that checks it', async () => {
    const uri = pathToFileURL(join(dir, 'hover', 'daemon.json')).href;
    await client.open(uri, DAEMON, 'jsonc');
    const h = await client.hover(uri, 1, 4);
    const md = hoverText(h);
    assert.match(md, /`icc`/);
    assert.match(md, /dockerd flag: `--icc`/);
    assert.match(md, /CT4004 daemon-icc-enabled/);
    assert.deepEqual(h!.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 7 } });
    await client.close(uri);
  });
});

describe('daemon.json over LSP in Simplified Chinese', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'containment-lsp-daemon-zh-'));
    client = await startServer({ workspaceFolder: dir, initializationOptions: { settings: {}, locale: 'zh-cn' } });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the hover, the diagnostics and the quick fixes follow the client locale', async () => {
    const uri = pathToFileURL(join(dir, 'daemon.json')).href;
    const diags = await client.open(uri, DAEMON, 'json');
    const unknown = diags.find((d) => d.code === 'CT4001')!;
    assert.match(messageOf(unknown), /^未知的键 "log-lvel"：dockerd 会拒绝启动.*你是想写 "log-level" 吗？$/);
    const icc = diags.find((d) => d.code === 'CT4004')!;
    const actions = await client.codeActions(uri, icc.range, ['quickfix']);
    assert.ok(
      actions.some((a) => /^设置 "icc": false（副作用：默认网桥上的容器之间将无法再相互访问/.test(a.title)),
      actions.map((a) => a.title).join(' | '),
    );
    const md = hoverText(await client.hover(uri, 1, 4));
    assert.match(md, /\*\*`icc`\*\*（true 或 false）：默认网桥上的容器能否直接相互通信/);
    assert.match(md, /dockerd 参数：`--icc` · 仅限 Linux/);
    assert.match(md, /为什么重要（CT4004 daemon-icc-enabled）/);
    await client.close(uri);
  });
});
