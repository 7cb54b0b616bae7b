// Engine faults, on a fake Engine API socket and with the real docker CLI where it is installed:
// no engine, a slow engine (timeouts, cancellation, also through the language server), a socket
// proxy that forbids, an engine too old, garbage, oversized answers, a missing CLI, and 200
// containers. Nothing here may hang: every call has a short timeout.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { connect } from '../../server/src/engine/client';
import { findExecutable, parseEndpoint } from '../../server/src/engine/transport';
import { classifyCliError, EngineFailure } from '../../server/src/engine/errors';
import { inspectAll, inspectContainers, listContainers } from '../../server/src/engine/inspect';
import type { RawContainer, RawImage, RawInfo } from '../../server/src/engine/raw';
import type { ListResult } from '../../server/src/engine/report';
import { runAsync, EXIT_USAGE } from '../../server/src/cli/main';
import { startServer } from '../lsp/harness';
import { fixture } from './fakeClient';
import { manyContainers, startFakeEngine, type FakeEngine } from './fakeEngine';

const web = () => fixture<RawContainer[]>('docker20-cgroup1-web.inspect.json')[0];
const info = () => fixture<RawInfo>('docker20-cgroup1.info.json');
const hasDocker = !!findExecutable('docker');
const transports = [{ forceApi: true, name: 'Engine API' }, ...(hasDocker ? [{ forceApi: false, name: 'docker CLI' }] : [])];

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    assert.ok(e instanceof EngineFailure, String(e));
    return e.code;
  }
}

describe('error messages from the docker and podman CLIs are classified', () => {
  const cases: [string, string][] = [
    [
      'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/json": dial unix /var/run/docker.sock: connect: permission denied',
      'permission-denied',
    ],
    ['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', 'engine-not-running'],
    [
      'error during connect: this error may indicate that the docker daemon is not running: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/containers/json": open //./pipe/docker_engine: The system cannot find the file specified.',
      'engine-not-running',
    ],
    ['Error response from daemon: client version 1.43 is too new. Maximum supported API version is 1.24', 'engine-too-old'],
    ['Error: No such object: web-1', 'container-gone'],
    ['Error: no container with name or ID "web" found: no such container', 'container-gone'],
    [
      'Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`',
      'engine-not-running',
    ],
    ['Error response from daemon: forbidden by socket proxy policy', 'permission-denied'],
    ['something nobody has seen before', 'failed'],
  ];
  for (const [stderr, code] of cases) {
    it(`${code}: ${stderr.slice(0, 60)}…`, () => {
      const f = classifyCliError(stderr, 'unix:///var/run/docker.sock', 1);
      assert.equal(f.code, code);
      assert.ok(f.info.message.length > 0);
      if (code === 'permission-denied') assert.match(f.info.hint ?? '', /docker. group.*DOCKER_HOST/s);
    });
  }
});

describe('no engine, no CLI', () => {
  it('a missing socket is "not running", naming the socket', async () => {
    const dir = mkdtempSync('/tmp/ctm-nosock-');
    try {
      for (const t of transports) {
        const r = await listContainers(connect({ host: `unix://${dir}/docker.sock`, forceApi: t.forceApi, timeoutMs: 5000 }), true);
        assert.equal(r.error?.code, 'engine-not-running', `${t.name}: ${JSON.stringify(r.error)}`);
        assert.match(r.error?.message ?? '', /No container engine socket at unix:\/\/.*docker\.sock/, t.name);
        assert.ok(r.error?.hint);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a configured CLI that does not exist is "cli-missing"; an ssh:// host without a CLI too', async () => {
    assert.equal(await codeOf(Promise.resolve().then(() => connect({ cliPath: '/nonexistent/docker' }))), 'cli-missing');
    assert.equal(
      await codeOf(Promise.resolve().then(() => connect({ host: 'ssh://me@far.example', env: { PATH: '/nonexistent' } }))),
      'cli-missing',
    );
  });

  it('reads endpoints as DOCKER_HOST writes them, Windows named pipes included', () => {
    assert.deepEqual(parseEndpoint('unix:///var/run/docker.sock'), {
      socketPath: '/var/run/docker.sock',
      display: 'unix:///var/run/docker.sock',
    });
    assert.deepEqual(parseEndpoint('npipe:////./pipe/docker_engine'), {
      socketPath: '\\\\.\\pipe\\docker_engine',
      display: 'npipe:////./pipe/docker_engine',
    });
    assert.deepEqual(parseEndpoint('tcp://127.0.0.1:2375'), { hostname: '127.0.0.1', port: 2375, display: 'tcp://127.0.0.1:2375' });
    assert.deepEqual(parseEndpoint('tcp://[::1]:2375'), { hostname: '::1', port: 2375, display: 'tcp://[::1]:2375' });
    assert.equal(parseEndpoint('ssh://me@far.example'), undefined, 'ssh needs the CLI');
    assert.equal(
      connect({ env: { PATH: '/nonexistent', DOCKER_HOST: 'unix:///run/x.sock' } }).connection.endpoint,
      'unix:///run/x.sock',
      'DOCKER_HOST without a CLI',
    );
  });

  it('a TLS endpoint without a CLI says the CLI is needed', async () => {
    const code = await codeOf(
      Promise.resolve().then(() => connect({ env: { PATH: '/nonexistent', DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS_VERIFY: '1' } })),
    );
    assert.equal(code, 'cli-missing');
  });

  it('the CLI exits 2 with the classified message', async () => {
    let err = '';
    const code = await runAsync(
      ['inspect', '--host', 'unix:///nonexistent/docker.sock', '--timeout', '5'],
      '/',
      () => {},
      (s) => void (err += s),
    );
    assert.equal(code, EXIT_USAGE);
    assert.match(err, /^containment: No container engine socket at unix:\/\/\/nonexistent\/docker.sock/);
    assert.match(err, /Start the engine/);
  });
});

describe('a fake engine', () => {
  let engine: FakeEngine | undefined;
  after(async () => {
    await engine?.close();
  });
  const use = async (opts: Parameters<typeof startFakeEngine>[0]) => {
    await engine?.close();
    engine = await startFakeEngine(opts);
    return engine;
  };

  for (const t of transports) {
    it(`that never answers times out (${t.name}) and nothing hangs`, async () => {
      const e = await use({ mode: 'hang' });
      const started = Date.now();
      const r = await listContainers(connect({ host: e.host, forceApi: t.forceApi, timeoutMs: 400 }), true);
      const ms = Date.now() - started;
      assert.equal(r.error?.code, 'timeout', JSON.stringify(r.error));
      assert.match(r.error?.message ?? '', /did not answer .* within 0\.4 s/);
      assert.ok(ms < 3000, `gave up after ${ms} ms`);
    });

    it(`can be cancelled while it does not answer (${t.name})`, async () => {
      const e = await use({ mode: 'hang' });
      const ac = new AbortController();
      const started = Date.now();
      setTimeout(() => ac.abort(), 150);
      const code = await codeOf(
        inspectContainers(connect({ host: e.host, forceApi: t.forceApi, timeoutMs: 10_000 }), ['web-1'], { signal: ac.signal }),
      );
      assert.equal(code, 'cancelled');
      assert.ok(Date.now() - started < 3000);
    });

    it(`behind a socket proxy that forbids is "permission denied" (${t.name})`, async () => {
      const e = await use({ mode: 'forbidden' });
      const r = await listContainers(connect({ host: e.host, forceApi: t.forceApi, timeoutMs: 5000 }), true);
      assert.equal(r.error?.code, 'permission-denied', JSON.stringify(r.error));
    });
  }

  it('answering garbage is a bad response, not a crash', async () => {
    const e = await use({ mode: 'garbage' });
    const r = await listContainers(connect({ host: e.host, forceApi: true, timeoutMs: 5000 }), true);
    assert.equal(r.error?.code, 'bad-response', JSON.stringify(r.error));
  });

  it('too old for the fields the report reads is "engine too old"', async () => {
    const e = await use({ apiVersion: '1.24', info: info(), containers: [web()] });
    const r = await listContainers(connect({ host: e.host, forceApi: true, timeoutMs: 5000 }), true);
    assert.equal(r.error?.code, 'engine-too-old', JSON.stringify(r.error));
    assert.match(r.error?.message ?? '', /1\.24/);
  });

  it('an answer larger than the bound is refused', async () => {
    const e = await use({ info: info(), containers: manyContainers(web(), 20) });
    const r = await listContainers(connect({ host: e.host, forceApi: true, timeoutMs: 5000, maxBytes: 4096 }), true);
    assert.equal(r.error?.code, 'bad-response', JSON.stringify(r.error));
    assert.match(r.error?.message ?? '', /more than 4096 bytes/);
  });

  for (const t of transports) {
    it(`with 200 containers: one list, batched inspects, every summary (${t.name})`, async (tc) => {
      const containers = manyContainers(web(), 200);
      const e = await use({ info: info(), containers, images: fixture<RawImage[]>('ctm-busybox.image.json') });
      const client = connect({ host: e.host, forceApi: t.forceApi, timeoutMs: 30_000 });
      const started = Date.now();
      const list: ListResult = await listContainers(client, true);
      const listMs = Date.now() - started;
      assert.equal(list.error, undefined, JSON.stringify(list.error));
      assert.equal(list.summaries.length, 200);
      const base = Math.min(...list.summaries.map((s) => s.findingCount));
      assert.equal(list.summaries.filter((s) => s.findingCount === base + 1).length, 67, 'every third adds SYS_ADMIN (CT2002)');
      const t2 = Date.now();
      const all = await inspectAll(client, true);
      const allMs = Date.now() - t2;
      assert.equal(all.reports.length, 200);
      assert.equal(e.requests.filter((r) => r.endsWith('/containers/json')).length, 2, 'one list per call');
      tc.diagnostic(`200 containers (${t.name}): containers.list ${listMs} ms, inspect --all ${allMs} ms`);
      assert.ok(listMs < 15_000 && allMs < 15_000);
    });
  }

  it('a request the editor cancels is answered "cancelled" by the language server', async () => {
    const e = await use({ mode: 'hang' });
    const settings = { engine: { host: e.host } };
    const server = await startServer({ settings, initializationOptions: { settings } });
    try {
      const source = new CancellationTokenSource();
      const pending = server.rpc.sendRequest('containment/containers.inspect', { id: 'web-1' }, source.token);
      setTimeout(() => source.cancel(), 200);
      await assert.rejects(pending, (err: { code?: number }) => err.code === -32800);
      // The list request reports engine problems in its result instead of failing.
      const fast = { engine: { host: 'unix:///nonexistent/docker.sock' } };
      await server.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { containment: fast } });
      const server2 = await startServer({ settings: fast, initializationOptions: { settings: fast } });
      try {
        const list = await server2.rpc.sendRequest<ListResult>('containment/containers.list', {});
        assert.equal(list.error?.code, 'engine-not-running');
        assert.deepEqual(list.summaries, []);
      } finally {
        await server2.shutdown();
      }
    } finally {
      await server.shutdown();
    }
  });
});

describe('before each: the fixtures the faults use are readable', () => {
  before(() => assert.ok(web().Id.length === 64));
  it('has a 64-character id', () => assert.equal(web().Id.length, 64));
});
