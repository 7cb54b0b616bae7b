// Explanations over the language server: a capability under the cursor in a Compose value, a
// `docker run` argument and a Dockerfile RUN line; links from settings to concepts; the language
// the client sends at start-up; and the requests behind "Containment: Explain…".

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from './harness';

const COMPOSE = [
  'services:',
  '  api:',
  '    image: acme/api:1.4',
  '    cap_add:',
  '      - SYS_ADMIN',
  '    pids_limit: 100',
  '    pid: host',
  '    security_opt:',
  '      - seccomp:unconfined',
  '',
].join('\n');
const SCRIPT = 'docker run --cap-drop ALL --cap-add NET_BIND_SERVICE --pids-limit 50 --security-opt label=disable acme/api:1.4\n';
const DOCKERFILE = ['FROM debian:12-slim', 'RUN setcap cap_net_bind_service=+ep /usr/bin/app', 'USER 1001', ''].join('\n');

const text = (h: Hover | null) => {
  if (!h) return '';
  const c = h.contents;
  return typeof c === 'string' ? c : Array.isArray(c) ? c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n') : c.value;
};

/** The column of the first occurrence of `needle` on `line` of `src`, plus an offset into it. */
function at(src: string, line: number, needle: string, into = 1): [number, number] {
  const col = src.split('\n')[line].indexOf(needle);
  assert.ok(col >= 0, `"${needle}" on line ${line}`);
  return [line, col + into];
}

describe('explanations over LSP (English)', () => {
  let client: TestClient;
  let dir: string;
  let compose: string;
  let script: string;
  let dockerfile: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'containment-lsp-kb-'));
    client = await startServer({ workspaceFolder: dir, initializationOptions: { settings: {}, locale: 'en' } });
    compose = pathToFileURL(join(dir, 'compose.yaml')).href;
    script = pathToFileURL(join(dir, 'run.sh')).href;
    dockerfile = pathToFileURL(join(dir, 'Dockerfile')).href;
    await client.open(compose, COMPOSE, 'dockercompose');
    await client.open(script, SCRIPT, 'shellscript');
    await client.open(dockerfile, DOCKERFILE, 'dockerfile');
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a capability in cap_add explains that capability, with the finding there', async () => {
    const h = await client.hover(compose, ...at(COMPOSE, 4, 'SYS_ADMIN', 4));
    const md = text(h);
    assert.match(md, /\*\*CAP_SYS_ADMIN: the catch-all administration capability\*\*/);
    assert.match(md, /Granted by Docker by default: \*\*no\*\* · risk: \*\*critical\*\*/);
    assert.match(md, /\[Full explanation\]\(https:\/\/[^)]*docs\/concepts\/cap-sys-admin\.md\)/);
    assert.match(md, /CT2002/, 'the dangerous-capability finding follows');
    const col = COMPOSE.split('\n')[4].indexOf('SYS_ADMIN');
    assert.deepEqual(h!.range, { start: { line: 4, character: col }, end: { line: 4, character: col + 'SYS_ADMIN'.length } });
  });

  test('the cap_add key keeps the setting hover and links to the capabilities concept', async () => {
    const md = text(await client.hover(compose, ...at(COMPOSE, 3, 'cap_add')));
    assert.match(md, /Adding capabilities/);
    assert.match(md, /Effective capabilities/);
    assert.match(md, /Learn more: \[Linux capabilities[^\]]*\]\([^)]*docs\/concepts\/capabilities\.md\)/);
  });

  test('namespace and cgroup keys link to their concept', async () => {
    assert.match(text(await client.hover(compose, ...at(COMPOSE, 6, 'pid'))), /Learn more: \[PID namespace[^\]]*\]\([^)]*ns-pid\.md\)/);
    assert.match(
      text(await client.hover(compose, ...at(COMPOSE, 5, 'pids_limit'))),
      /Learn more: \[PIDs limit[^\]]*\]\([^)]*cgroup-pids\.md\)/,
    );
    assert.match(
      text(await client.hover(script, ...at(SCRIPT, 0, '--pids-limit', 3))),
      /Learn more: \[PIDs limit[^\]]*\]\([^)]*cgroup-pids\.md\)/,
    );
  });

  test('the argument of --cap-add explains the capability; the flag itself explains the setting', async () => {
    const value = text(await client.hover(script, ...at(SCRIPT, 0, 'NET_BIND_SERVICE', 2)));
    assert.match(value, /\*\*CAP_NET_BIND_SERVICE: listen on ports below 1024\*\*/);
    assert.match(value, /Granted by Docker by default: \*\*yes\*\* · risk: \*\*low\*\*/);
    const flag = text(await client.hover(script, ...at(SCRIPT, 0, '--cap-add', 3)));
    assert.match(flag, /Adding capabilities/);
    assert.doesNotMatch(flag, /CAP_NET_BIND_SERVICE:/);
    // ALL is not a capability: the flag's hover.
    assert.match(text(await client.hover(script, ...at(SCRIPT, 0, 'ALL', 1))), /Dropping capabilities/);
  });

  test('a security option explains the mechanism it sets; the flag itself explains the setting', async () => {
    assert.match(
      text(await client.hover(compose, ...at(COMPOSE, 8, 'seccomp', 2))),
      /^\*\*seccomp: filtering system calls\*\*[\s\S]*docs\/concepts\/seccomp\.md/,
    );
    assert.match(text(await client.hover(script, ...at(SCRIPT, 0, 'label=disable', 3))), /^\*\*SELinux labels/);
    assert.match(text(await client.hover(script, ...at(SCRIPT, 0, '--security-opt', 3))), /^\*\*Security options\*\*/);
  });

  test('a CAP_ name in a Dockerfile RUN line explains the capability', async () => {
    const h = await client.hover(dockerfile, ...at(DOCKERFILE, 1, 'cap_net_bind_service', 5));
    assert.match(text(h), /\*\*CAP_NET_BIND_SERVICE: listen on ports below 1024\*\*/);
    const col = DOCKERFILE.split('\n')[1].indexOf('cap_net_bind_service');
    assert.deepEqual(h!.range!.start, { line: 1, character: col });
    // The RUN keyword keeps its own hover.
    assert.match(text(await client.hover(dockerfile, 1, 1)), /RUN: a build step/);
  });

  test('containment/concepts.list and concepts.get serve the Explain view', async () => {
    const list =
      await client.rpc.sendRequest<{ id: string; kind: string; title: string; keywords: string[] }[]>('containment/concepts.list');
    assert.ok(list.some((c) => c.id === 'cap-sys-admin' && c.kind === 'capability' && c.keywords.includes('CAP_SYS_ADMIN')));
    assert.ok(list.some((c) => c.id === 'ns-pid' && c.keywords.includes('--pid')));
    assert.ok(list.some((c) => c.id === 'CT1001' && c.kind === 'rule'));
    const unshare = list.find((c) => c.id === 'unshare') as { kind: string; summary?: string } | undefined;
    assert.equal(unshare?.kind, 'syscall');
    assert.match(unshare.summary ?? '', /new namespaces/, 'a system call is listed with its purpose');
    const call = await client.rpc.sendRequest<{ id: string; markdown: string } | null>('containment/concepts.get', { id: 'unshare' });
    assert.match(call?.markdown ?? '', /Move the calling process into new namespaces[\s\S]*syscalls\.md#unshare/);
    const doc = await client.rpc.sendRequest<{ id: string; title: string; markdown: string } | null>('containment/concepts.get', {
      id: 'pid namespace',
    });
    assert.equal(doc?.id, 'ns-pid');
    assert.match(doc.markdown, /^# PID namespace/);
    assert.match(doc.markdown, /## See it for yourself/);
    const rule = await client.rpc.sendRequest<{ id: string } | null>('containment/concepts.get', { id: 'no-user' });
    assert.equal(rule?.id, 'CT1001');
    assert.equal(await client.rpc.sendRequest('containment/concepts.get', { id: 'no such topic' }), null);
    assert.equal(await client.rpc.sendRequest('containment/concepts.get', {}), null);
    const zh = await client.rpc.sendRequest<{ markdown: string } | null>('containment/concepts.get', { id: 'ns-pid', lang: 'zh-CN' });
    assert.match(zh!.markdown, /## 动手查看/);
  });
});

describe('explanations over LSP (Simplified Chinese from the client locale)', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'containment-lsp-kb-zh-'));
    client = await startServer({ workspaceFolder: dir, initializationOptions: { settings: {}, locale: 'zh-cn' } });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('hovers and the topic list follow the display language', async () => {
    const compose = pathToFileURL(join(dir, 'compose.yaml')).href;
    await client.open(compose, COMPOSE, 'dockercompose');
    const md = text(await client.hover(compose, ...at(COMPOSE, 4, 'SYS_ADMIN', 4)));
    assert.match(md, /\*\*CAP_SYS_ADMIN：无所不包的管理 capability\*\*/);
    assert.match(md, /Docker 默认授予：\*\*否\*\* · 风险：\*\*极高\*\*/);
    assert.match(md, /\[完整说明\]\([^)]*docs\/concepts\/zh-CN\/cap-sys-admin\.md\)/);
    assert.match(text(await client.hover(compose, ...at(COMPOSE, 6, 'pid'))), /深入了解：\[PID namespace：容器能看到哪些进程\]/);
    const limit = text(await client.hover(compose, ...at(COMPOSE, 5, 'pids_limit')));
    assert.match(limit, /^\*\*进程数上限\*\*/);
    assert.match(limit, /`docker run`：`--pids-limit`/);
    const dockerfile = pathToFileURL(join(dir, 'Dockerfile')).href;
    await client.open(dockerfile, DOCKERFILE, 'dockerfile');
    assert.match(text(await client.hover(dockerfile, 2, 1)), /\*\*USER：容器以谁的身份运行\*\*[\s\S]*Dockerfile 参考文档/);
    const list = await client.rpc.sendRequest<{ id: string; title: string; kindLabel: string }[]>('containment/concepts.list');
    assert.equal(list.find((c) => c.id === 'ns-pid')?.kindLabel, 'Namespace');
    assert.equal(list.find((c) => c.id === 'cgroups')?.kindLabel, '资源限制（cgroup）');
  });

  test('the rule list for "Show Rule Documentation" has titles in the display language', async () => {
    const rules = await client.rpc.sendRequest<{ id: string; name: string; title: string }[]>('containment/rules');
    const ct1001 = rules.find((r) => r.id === 'CT1001');
    assert.equal(ct1001?.name, 'no-user');
    assert.match(ct1001?.title ?? '', /[\u4e00-\u9fff]/, ct1001?.title);
    const english = rules.filter((r) => !/[\u4e00-\u9fff]/.test(r.title)).map((r) => r.id);
    assert.deepEqual(english, [], 'rules listed with an English title');
  });
});

describe('locale sources', () => {
  test('zh-Hans is Simplified Chinese; zh-tw (Traditional) falls back to English', async () => {
    for (const [locale, expected] of [
      ['zh-Hans', /无所不包/],
      ['zh-tw', /catch-all/],
    ] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'containment-lsp-kb-loc-'));
      const client = await startServer({ workspaceFolder: dir, initializationOptions: { locale } });
      const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
      await client.open(uri, 'FROM alpine:3.20\n# needs CAP_SYS_ADMIN for fuse\nUSER 1001\n');
      assert.match(text(await client.hover(uri, 1, 10)), expected);
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
