// Simplified Chinese coverage of what the terminal and the Containers view say besides reports:
// the container engine's errors with their hints (every kind, from every place that makes one),
// the CLI's usage text and argument errors, and `.containment.yaml` problems. Under zh-CN no text
// may be the English one, and none may hold English prose outside code spans, commands and
// technical names; what the engine itself said is quoted as it is. The bar is zero gaps; failures
// list each gap. English output is checked by the engine, CLI and config tests.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConfig } from '../server/src/core/config';
import { connect, type EngineOptions } from '../server/src/engine/client';
import {
  cancelled,
  classifyCliError,
  classifySocketError,
  cliTimedOut,
  containerGone,
  EngineFailure,
  notRunning,
  permissionDenied,
  timedOut,
  toEngineError,
  tooOld,
} from '../server/src/engine/errors';
import type { EngineError } from '../server/src/engine/report';
import type { InspectOutput } from '../server/src/cli/inspectFormats';
import { runCli } from '../server/src/engine/transport';
import { CJK, gapsOf } from './helpers/l10nGaps';
import { startServer, type TestClient } from './lsp/harness';

// --- engine errors -----------------------------------------------------------------------------

/** One engine error, and what in it is the engine's or the system's own words (kept as they are). */
interface ErrorCase {
  where: string;
  error: EngineFailure;
  data?: string[];
}

/** What the docker and podman CLIs print when they fail (the classifier's inputs). */
const CLI_STDERR: string[] = [
  'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/json": dial unix /var/run/docker.sock: connect: permission denied',
  'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
  'error during connect: this error may indicate that the docker daemon is not running: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/containers/json": open //./pipe/docker_engine: The system cannot find the file specified.',
  'dial unix /run/user/1000/docker.sock: connect: no such file or directory',
  'Error response from daemon: client version 1.43 is too new. Maximum supported API version is 1.24',
  'Error response from daemon: minimum supported API version is 1.40',
  'error during request: context deadline exceeded',
  'Error: No such object: web-1',
  'Error: no container with name or ID "web" found: no such container',
  'Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`',
  'Error response from daemon: forbidden by socket proxy policy',
  'something nobody has seen before',
  '',
];

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/** The failure a promise or a call rejects with. */
async function failureOf(p: Promise<unknown> | (() => unknown)): Promise<EngineFailure> {
  try {
    await (typeof p === 'function' ? Promise.resolve().then(p) : p);
  } catch (e) {
    assert.ok(e instanceof EngineFailure, String(e));
    return e;
  }
  assert.fail('no failure');
}

/** A fake Engine API on a unix socket answering each path with a chosen status and body. */
async function httpEngine(
  routes: Record<string, { status: number; body?: string; version?: string }>,
): Promise<{ host: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ctm-l10n-engine-'));
  const socket = join(dir, 'docker.sock');
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0].replace(/^\/v\d+\.\d+/, '');
    const route = routes[`${req.method} ${path}`] ?? (path === '/_ping' ? { status: 200, body: 'OK' } : { status: 404, body: '{}' });
    res.writeHead(route.status, { 'Content-Type': 'application/json', 'Api-Version': route.version ?? '1.41' });
    res.end(route.body ?? '');
  });
  await new Promise<void>((r) => server.listen(socket, r));
  return {
    host: `unix://${socket}`,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every kind of engine error, made where the engine code makes it. */
async function engineErrorCases(): Promise<ErrorCase[]> {
  const ep = 'unix:///var/run/docker.sock';
  const cases: ErrorCase[] = [
    { where: 'permission denied', error: permissionDenied(ep) },
    { where: 'not running', error: notRunning(ep) },
    { where: 'no socket', error: notRunning(ep, undefined, true) },
    { where: 'timeout', error: timedOut('docker info', 15_000) },
    { where: 'timeout (fraction of a second)', error: timedOut('GET /containers/json', 400) },
    { where: 'the CLI timed out', error: cliTimedOut() },
    { where: 'cancelled', error: cancelled() },
    { where: 'too old', error: tooOld('1.24') },
    { where: 'too old (version unknown)', error: tooOld(undefined) },
    { where: 'container gone', error: containerGone('web-1') },
  ];
  for (const stderr of CLI_STDERR)
    cases.push({
      where: `docker CLI said "${stderr.slice(0, 40)}"`,
      error: classifyCliError(stderr, ep, 1),
      data: [stderr.split('\n')[0]],
    });
  for (const [code, message] of [
    ['ENOENT', 'connect ENOENT /var/run/docker.sock'],
    ['ECONNREFUSED', 'connect ECONNREFUSED /var/run/docker.sock'],
    ['EACCES', 'connect EACCES /var/run/docker.sock'],
    ['EHOSTUNREACH', 'connect EHOSTUNREACH 10.0.0.5:2375 - Local (0.0.0.0:0)'],
  ])
    cases.push({ where: `socket ${code}`, error: classifySocketError(errno(code, message), ep), data: [message] });

  // The CLI transport: a binary that is missing, one that cannot run, one that hangs, one that prints too much.
  const dir = mkdtempSync(join(tmpdir(), 'ctm-l10n-cli-'));
  try {
    const notExecutable = join(dir, 'docker');
    writeFileSync(notExecutable, '#!/bin/sh\n');
    chmodSync(notExecutable, 0o644);
    const limits = { timeoutMs: 10_000, maxBytes: 1 << 20, what: 'docker info' };
    cases.push({ where: 'CLI missing', error: await failureOf(runCli(join(dir, 'nope'), [], process.env, limits)) });
    cases.push({ where: 'CLI not executable', error: await failureOf(runCli(notExecutable, [], process.env, limits)) });
    cases.push({
      where: 'CLI hangs',
      error: await failureOf(runCli(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], process.env, { ...limits, timeoutMs: 300 })),
    });
    cases.push({
      where: 'CLI prints too much',
      error: await failureOf(
        runCli(process.execPath, ['-e', 'process.stdout.write("x".repeat(100000))'], process.env, { ...limits, maxBytes: 1000 }),
      ),
    });
    const ac = new AbortController();
    ac.abort();
    cases.push({
      where: 'CLI call cancelled',
      error: await failureOf(runCli(process.execPath, [], process.env, { ...limits, signal: ac.signal })),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // connect(): a configured CLI that does not exist; an ssh:// endpoint without a CLI.
  cases.push({ where: 'configured CLI missing', error: await failureOf(() => connect({ cliPath: '/nonexistent/docker' })) });
  cases.push({
    where: 'ssh without a CLI',
    error: await failureOf(() => connect({ host: 'ssh://me@far.example', env: { PATH: '/nonexistent' } })),
  });

  // The API transport against engines that answer badly.
  const api = async (
    where: string,
    routes: Parameters<typeof httpEngine>[0],
    call: (o: EngineOptions) => Promise<unknown>,
    extra: Partial<EngineOptions> = {},
  ) => {
    const e = await httpEngine(routes);
    try {
      cases.push({ where, error: await failureOf(call({ host: e.host, forceApi: true, timeoutMs: 5000, ...extra })) });
    } finally {
      await e.close();
    }
  };
  const info = (o: EngineOptions) => connect(o).info();
  await api('API /_ping fails', { 'GET /_ping': { status: 500, body: 'down' } }, info);
  await api('API too old', { 'GET /_ping': { status: 200, body: 'OK', version: '1.24' } }, info);
  await api('API /info fails', { 'GET /info': { status: 500, body: '{}' } }, info);
  await api('API /info not JSON', { 'GET /info': { status: 200, body: '{"this is": not json' } }, info);
  await api('API /info too large', { 'GET /info': { status: 200, body: JSON.stringify({ x: 'x'.repeat(5000) }) } }, info, {
    maxBytes: 1000,
  });
  await api('API forbidden', { 'GET /info': { status: 403, body: '{"message":"forbidden"}' } }, info);
  await api('API list fails', { 'GET /containers/json': { status: 500, body: '{}' } }, (o) => connect(o).list(true));
  await api('API inspect fails', { 'GET /containers/web/json': { status: 500, body: '{}' } }, (o) => connect(o).inspect(['web']));
  await api('API exec: no container', { 'POST /containers/web/exec': { status: 404, body: '{}' } }, (o) =>
    connect(o).exec('web', ['true']),
  );
  await api('API exec create fails', { 'POST /containers/web/exec': { status: 500, body: '{}' } }, (o) => connect(o).exec('web', ['true']));
  await api(
    'API exec start fails',
    { 'POST /containers/web/exec': { status: 201, body: '{"Id":"abc"}' }, 'POST /exec/abc/start': { status: 500, body: '{}' } },
    (o) => connect(o).exec('web', ['true']),
  );
  return cases;
}

/** A text without the engine's own words in it. */
function withoutData(text: string, data: string[] = []): string {
  let out = text;
  for (const d of [...data].filter(Boolean).sort((a, b) => b.length - a.length)) out = out.split(d).join(' ');
  return out;
}

describe('engine errors in Simplified Chinese', () => {
  let cases: ErrorCase[] = [];
  before(async () => {
    cases = await engineErrorCases();
  });

  test('every kind of engine error, and its hint, is Chinese under zh-CN (zero gaps)', () => {
    const gaps: string[] = [];
    const kinds = new Set<string>();
    for (const { where, error, data } of cases) {
      const en = error.in('en');
      const zh = error.in('zh-CN');
      kinds.add(zh.code);
      assert.equal(zh.code, en.code, `${where}: the code does not depend on the language`);
      assert.equal(zh.detail, en.detail, `${where}: the raw detail is the engine's`);
      assert.equal(!!zh.hint, !!en.hint, `${where}: a hint in both languages or neither`);
      assert.ok(!CJK.test(en.message + (en.hint ?? '')), `${where}: Chinese in English: ${en.message}`);
      gapsOf(`${where} (${zh.code})`, withoutData(zh.message, data), withoutData(en.message, data), gaps);
      if (zh.hint && en.hint) gapsOf(`${where} (${zh.code}) hint`, zh.hint, en.hint, gaps);
    }
    assert.deepEqual(gaps, [], `${gaps.length} gaps`);
    // Every code an engine error can have was made at least once (`unsupported` is the client's).
    const all: EngineError['code'][] = [
      'engine-not-running',
      'permission-denied',
      'cli-missing',
      'engine-too-old',
      'timeout',
      'cancelled',
      'container-gone',
      'bad-response',
      'failed',
    ];
    assert.deepEqual(
      all.filter((c) => !kinds.has(c)),
      [],
    );
  });

  test('reads naturally, keeps commands and keys as written, and English is unchanged', () => {
    const ep = 'unix:///var/run/docker.sock';
    assert.deepEqual(permissionDenied(ep).in('zh-CN'), {
      code: 'permission-denied',
      message: '访问位于 unix:///var/run/docker.sock 的容器引擎被拒绝。',
      hint:
        '请管理员把你加入 `docker` 组（然后重新登录），或者使用有自己套接字的 rootless 引擎（DOCKER_HOST=unix://$XDG_RUNTIME_DIR/docker.sock），' +
        '或者把 `containment.engine.host` / `--host` 指向你有权使用的套接字。',
    });
    assert.equal(permissionDenied(ep).in('en').message, 'Access to the container engine at unix:///var/run/docker.sock was denied.');
    assert.equal(
      notRunning(ep, undefined, true).in('zh-CN').message,
      'unix:///var/run/docker.sock 处没有容器引擎的套接字：引擎没有运行，或者它在别处监听。',
    );
    assert.equal(timedOut('docker info', 400).in('zh-CN').message, '容器引擎没有在 0.4 秒内响应 docker info。');
    assert.equal(timedOut('docker info', 400).in('en').message, 'The container engine did not answer docker info within 0.4 s.');
    // What the engine said is quoted as it is.
    assert.equal(
      classifyCliError('Error: No such object: web-1', ep, 1).in('zh-CN').message,
      '该容器不存在，或已被删除（引擎的原话：Error: No such object: web-1）。',
    );
    // Errors that are not ours become `failed`, in the language asked for; English is the default.
    assert.equal(toEngineError(new Error('boom'), 'zh-CN').message, '对引擎的请求失败：boom');
    assert.equal(toEngineError(new Error('boom')).message, 'The engine request failed: boom');
    assert.equal(toEngineError(Object.assign(new Error('x'), { name: 'AbortError' }), 'zh-CN').code, 'cancelled');
  });

  test('the CLI prints the engine error in the --lang language', async () => {
    const { runAsync } = await import('../server/src/cli/main');
    let err = '';
    const code = await runAsync(
      ['inspect', '--host', 'unix:///nonexistent/docker.sock', '--timeout', '5', '--lang', 'zh-CN'],
      '/',
      () => {},
      (s) => void (err += s),
    );
    assert.equal(code, 2);
    assert.match(
      err,
      /^containment: unix:\/\/\/nonexistent\/docker\.sock 处没有容器引擎的套接字：引擎没有运行，或者它在别处监听。\n {2}请启动引擎/,
    );
  });
});

describe('engine errors over LSP follow the client’s language', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'containment-lsp-l10n-engine-'));
    client = await startServer({
      workspaceFolder: dir,
      initializationOptions: { settings: { engine: { host: 'unix:///nonexistent/docker.sock' } }, locale: 'zh-cn' },
      settings: { engine: { host: 'unix:///nonexistent/docker.sock' } },
    });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('containers.list reports the error in Chinese, with its stable code', async () => {
    const r = await client.rpc.sendRequest<{ error?: EngineError }>('containment/containers.list', { all: true });
    assert.equal(r.error?.code, 'engine-not-running', JSON.stringify(r.error));
    assert.match(r.error?.message ?? '', /^unix:\/\/\/nonexistent\/docker\.sock 处没有容器引擎的套接字/);
    assert.match(r.error?.hint ?? '', /^请启动引擎/);
  });

  test('containers.inspect rejects with the error in Chinese as its data', async () => {
    await assert.rejects(
      client.rpc.sendRequest('containment/containers.inspect', { id: 'web' }),
      (e: { data?: EngineError; message?: string }) => {
        assert.equal(e.data?.code, 'engine-not-running');
        assert.match(e.message ?? '', CJK);
        return true;
      },
    );
  });
});

// --- .containment.yaml problems ------------------------------------------------------------------

/** Config files with every problem parseConfig reports: YAML it cannot read, and shapes it refuses. */
const BROKEN_CONFIGS: Record<string, string> = {
  'unclosed flow sequence': 'rules: [\n',
  'duplicate key': 'rules: {}\nrules: {}\n',
  'tab indentation': 'rules:\n\tCT1001: off\n',
  'invalid escape': 'ignore: ["a\\qb"]\n',
  'alias bomb': [
    'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
    ...['b', 'c', 'd', 'e'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcd'[i]}`).join(',')}]`),
  ].join('\n'),
  'alias without an anchor': 'rules: *nope\n',
  'a list at the top': '- rules\n',
  'a scalar at the top': 'rules\n',
  'unknown key': 'colour: red\n',
  'rules as a list': 'rules: [CT1001]\n',
  'a severity that does not exist': 'rules:\n  CT1001: loud\n  no-user: 3\n',
  'ignore as a string': 'ignore: vendor/**\n',
  'ignore with numbers': 'ignore: [1, 2]\n',
};

describe('.containment.yaml problems in Simplified Chinese', () => {
  test('every problem of a broken config file is Chinese under zh-CN (zero gaps)', () => {
    const gaps: string[] = [];
    for (const [name, text] of Object.entries(BROKEN_CONFIGS)) {
      const en = parseConfig(text).problems.map((p) => p.message);
      const zh = parseConfig(text, 'zh-CN').problems.map((p) => p.message);
      if (zh.length === 0) gaps.push(`${name}: no problem reported (the test input is not broken)`);
      assert.equal(zh.length, en.length, name);
      zh.forEach((m, i) => gapsOf(`config, ${name}`, m, en[i], gaps));
    }
    assert.deepEqual(gaps, [], `${gaps.length} gaps`);
  });

  test('keys and values stay as written; YAML errors say where; English is unchanged', () => {
    assert.deepEqual(
      parseConfig(BROKEN_CONFIGS['a severity that does not exist'], 'zh-CN').problems.map((p) => p.message),
      [
        '规则 `CT1001`：`loud` 不是 off、info、warning、error 中的任何一个',
        '规则 `no-user`：`3` 不是 off、info、warning、error 中的任何一个',
      ],
    );
    assert.deepEqual(parseConfig('colour: red\n', 'zh-CN').problems, [{ message: '未知的键 `colour`（应为 `rules` 或 `ignore`）' }]);
    assert.deepEqual(parseConfig('rules: [\n', 'zh-CN').problems, [
      { message: '无法解析：第 2 行第 1 列：块集合中的流式序列必须有足够的缩进，并以 ] 结尾' },
    ]);
    assert.deepEqual(parseConfig('colour: red\n').problems, [{ message: 'unknown key `colour` (expected `rules` or `ignore`)' }]);
    assert.match(parseConfig('rules: [\n').problems[0].message, /^cannot parse: Flow sequence in block collection/);
  });

  test('the editor’s warning about a broken config file is in the client’s language, without backticks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'containment-lsp-l10n-config-'));
    writeFileSync(join(dir, '.containment.yaml'), 'colour: red\n');
    const client = await startServer({ workspaceFolder: dir, initializationOptions: { settings: {}, locale: 'zh-cn' } });
    try {
      const shown = new Promise<string>((resolve) =>
        // showWarningMessage is a request (it may offer actions): answer it with none.
        client.rpc.onRequest('window/showMessageRequest', (p: { message: string }) => {
          resolve(p.message);
          return null;
        }),
      );
      await client.open(pathToFileURL(join(dir, 'Dockerfile')).href, 'FROM alpine:3.20\n');
      assert.equal(await shown, `Containment：${join(dir, '.containment.yaml')} 中有问题：未知的键 colour（应为 rules 或 ignore）`);
    } finally {
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// --- the CLI's usage text and argument errors ----------------------------------------------------

interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process under a terminal locale (LC_ALL), as `containment` does. */
async function cliIn(locale: string, cwd: string, argv: string[]): Promise<CliRun> {
  const { runAsync } = await import('../server/src/cli/main');
  const saved = process.env.LC_ALL;
  process.env.LC_ALL = locale;
  let out = '';
  let err = '';
  try {
    const code = await runAsync(
      argv,
      cwd,
      (s) => void (out += s),
      (s) => void (err += s),
    );
    return { code, out, err };
  } finally {
    if (saved === undefined) delete process.env.LC_ALL;
    else process.env.LC_ALL = saved;
  }
}

/** The lines of a help text a person reads: what follows the commands and options in the left column. */
function helpProse(text: string): string[] {
  return text
    .split('\n')
    .map((l) =>
      l
        .replace(/^ {2}(?:-\w, )?--?[\w-]+(?: <[^>]+>)?/, '')
        .replace(/^ {6}--[\w-]+(?: <[^>]+>)?/, '')
        .replace(/^ {2}(?:lint|inspect|explain|rules|help)(?: \[[^\]]+\]| <[^>]+>)?/, '')
        .trim(),
    )
    .filter((l) => l !== '');
}

/** The CLI's error lines, without `containment: ` and without what the user typed or the system said. */
function errorLines(err: string, data: string[] = []): string[] {
  return err
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => withoutData(l.replace(/^containment: /, ''), data));
}

describe('the CLI’s usage text and argument errors in Simplified Chinese', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'containment-cli-l10n-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\nUSER app\n');
    writeFileSync(join(dir, 'broken.yaml'), 'colour: red\nrules:\n  CT1001: loud\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('containment --help and every command’s --help are Chinese under a zh locale (zero gaps)', async () => {
    const gaps: string[] = [];
    const lines: [string, string[]][] = [
      ['--help', ['--help']],
      ['help', ['help']],
      ['help lint', ['help', 'lint']],
      ['lint --help', ['lint', '--help']],
      ['inspect --help', ['inspect', '--help']],
      ['inspect -h', ['inspect', '-h']],
      ['explain --help', ['explain', '--help']],
      ['rules --help', ['rules', '--help']],
    ];
    for (const [name, argv] of lines) {
      const zh = await cliIn('zh_CN.UTF-8', dir, argv);
      const en = await cliIn('C.UTF-8', dir, argv);
      assert.equal(zh.code, 0, `${name}: ${zh.err}`);
      assert.equal(zh.err, '', name);
      const english = new Set(helpProse(en.out));
      for (const line of helpProse(zh.out)) gapsOf(name, line, english.has(line) ? line : undefined, gaps);
      assert.ok(!CJK.test(en.out), `${name}: Chinese in the English help`);
    }
    assert.deepEqual(gaps, [], `${gaps.length} gaps`);
  });

  test('every argument and usage error is Chinese under a zh locale (zero gaps)', async () => {
    const readError = (() => {
      try {
        readFileSync(join(dir, 'nope.yaml'));
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    const writeError = (() => {
      try {
        writeFileSync(join(dir, 'no-such-folder', 'out.txt'), '');
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    const cases: { argv: string[]; data?: string[] }[] = [
      { argv: ['lint', '--bogus'] },
      { argv: ['lint', '--format', 'xml'] },
      { argv: ['lint', '--format=yaml'] },
      { argv: ['lint', '--severity', 'fatal'] },
      { argv: ['lint', '--format'] },
      { argv: ['lint', '--output'] },
      { argv: ['lint', 'nope/Dockerfile'] },
      { argv: ['lint', '--config', 'nope.yaml'], data: [readError] },
      { argv: ['lint', '--config', 'broken.yaml'] },
      { argv: ['lint', '-o', 'no-such-folder/out.txt', 'Dockerfile'], data: [writeError] },
      { argv: ['inspect', '--engine', 'rkt'] },
      { argv: ['inspect', '--timeout', 'soon'] },
      { argv: ['inspect', '--bogus'] },
      { argv: ['inspect', '--host'] },
      { argv: ['inspect', '--config', 'broken.yaml'] },
      { argv: ['rules', '--bogus'] },
      { argv: ['rules', 'extra'] },
      { argv: ['explain'] },
      { argv: ['explain', 'zzzz-nothing'] },
      { argv: ['explain', 'no-usr'] },
      { argv: ['frobnicate'] },
    ];
    const gaps: string[] = [];
    for (const { argv, data } of cases) {
      const name = argv.join(' ');
      const zh = await cliIn('zh_CN.UTF-8', dir, argv);
      const en = await cliIn('C.UTF-8', dir, argv);
      assert.equal(zh.code, 2, `${name}: exit code`);
      assert.equal(en.code, 2, `${name}: exit code in English`);
      const enLines = errorLines(en.err, data);
      const zhLines = errorLines(zh.err, data);
      if (zhLines.length === 0) gaps.push(`${name}: no error printed`);
      // `frobnicate` prints the help after the error; the help is checked above.
      const first = argv[0] === 'frobnicate' ? 1 : zhLines.length;
      zhLines.slice(0, first).forEach((l, i) => gapsOf(name, l, enLines[i], gaps));
      assert.ok(!CJK.test(en.err), `${name}: Chinese in English: ${en.err}`);
    }
    assert.deepEqual(gaps, [], `${gaps.length} gaps`);
  });

  test('every word the CLI has for errors is translated', async () => {
    const { say } = await import('../server/src/cli/usage');
    const gaps: string[] = [];
    for (const [name, make] of Object.entries(say)) {
      const text = make('x1', 'ENOENT');
      gapsOf(`say.${name}`, text['zh-CN'], text.en, gaps);
    }
    assert.deepEqual(gaps, [], `${gaps.length} gaps`);
  });

  test('--lang wins over the locale, reads naturally, and keeps options as written; a bad --lang is English', async () => {
    const bogus = await cliIn('C.UTF-8', dir, ['lint', '--lang', 'zh-CN', '--format', 'xml']);
    assert.equal(bogus.err, 'containment: 未知的格式“xml”（可用 text、json 或 sarif）\n');
    const missing = await cliIn('C.UTF-8', dir, ['lint', '--lang=zh-CN', '--severity']);
    assert.equal(missing.err, 'containment: --severity 需要一个值\n');
    const english = await cliIn('zh_CN.UTF-8', dir, ['lint', '--lang', 'en', '--bogus']);
    assert.equal(english.err, 'containment: unknown option --bogus\n');
    const badLang = await cliIn('zh_CN.UTF-8', dir, ['lint', '--lang', 'fr']);
    assert.equal(badLang.err, 'containment: unknown language "fr" (en or zh-CN)\n');
    const config = await cliIn('zh_CN.UTF-8', dir, ['lint', '--config', 'broken.yaml']);
    assert.equal(
      config.err,
      `containment: ${join(dir, 'broken.yaml')} 中有问题：\n  未知的键 \`colour\`（应为 \`rules\` 或 \`ignore\`）\n  规则 \`CT1001\`：\`loud\` 不是 off、info、warning、error 中的任何一个\n`,
    );
    const help = await cliIn('zh_CN.UTF-8', dir, ['--help']);
    assert.match(help.out, /^用法：containment <命令> \[选项\]\n\n命令：\n {2}lint \[路径或 glob…\] {6}检查 Dockerfile、/);
    assert.match(
      help.out,
      /^ {2}-s, --severity <info\|warning\|error>\n {35}存在这个严重级别或更高级别的问题时以 1 退出（默认：warning）$/m,
    );
    // The option column lines up in a terminal: a CJK character takes two columns.
    assert.match(help.out, /^ {2}-c, --config <文件> {14}配置文件/m);
    const rules = await cliIn('zh_CN.UTF-8', dir, ['rules']);
    const { ruleById } = await import('../server/src/core/rules/registry');
    assert.ok(
      rules.out.includes(`CT1001  no-user${' '.repeat(21)} warning  ${ruleById('CT1001')!.meta.zh!.title}\n`),
      rules.out.slice(0, 200),
    );
    // SARIF's notifications follow the language too.
    const { inspectSarif } = await import('../server/src/cli/inspectFormats');
    const o = { engine: {} as InspectOutput['engine'], reports: [], notes: [], missing: ['gone'] };
    assert.match(inspectSarif(o, 'zh-CN'), /"text": "没有容器 gone。"/);
    assert.match(inspectSarif(o), /"text": "No container gone\."/);
    // English is unchanged.
    const enHelp = await cliIn('C.UTF-8', dir, ['--help']);
    assert.match(enHelp.out, /^Usage: containment <command> \[options\]\n\nCommands:\n {2}lint \[paths or globs…\] {3}Lint Dockerfiles/);
    const enLint = await cliIn('C.UTF-8', dir, ['lint', '--help']);
    assert.match(enLint.out, /^Usage: containment lint \[paths or globs…\] \[options\]\n/);
  });
});
