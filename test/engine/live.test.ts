// The engine side on a REAL Docker engine (a private dockerd from scripts/engine/dockerd.mjs):
// containers started with real `docker run` lines, and the reports checked against what the
// kernel says (/proc/PID/status, namespace links, cgroup files, read here independently), the
// findings against those of the same `docker run` line, the CLI, the language-server requests,
// and the faults a real engine can produce. In CI a missing engine fails; elsewhere it skips.

import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { analyze } from '../../server/src/core/analyze';
import { DOCKER_DEFAULT_CAPS } from '../../server/src/core/model/capabilities';
import { connect, shellQuote, type EngineClient } from '../../server/src/engine/client';
import { inspectAll, inspectContainers, listContainers } from '../../server/src/engine/inspect';
import { asDockerRun } from '../../server/src/engine/asDockerRun';
import type { ContainerReport, EngineError, ListResult } from '../../server/src/engine/report';
import { runAsync, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../../server/src/cli/main';
import { startServer, type TestClient } from '../lsp/harness';
import { dockerCli, inCi, startPrivateEngine, type EngineStart } from './privateEngine';
import { sarifValidator } from './sarif';

const XSS = '<img src=x onerror=alert(1)>';

/** The containers, as the `docker run` options that make them (image and command are added). */
function cases(socket: string): Record<string, string[]> {
  return {
    sysadmin: ['--network', 'none', '--cap-add', 'SYS_ADMIN'],
    dropall: ['--network', 'none', '--cap-drop', 'ALL', '--cap-add', 'NET_BIND_SERVICE'],
    unconfined: ['--network', 'none', '--security-opt', 'seccomp=unconfined'],
    nnp: ['--network', 'none', '--security-opt', 'no-new-privileges'],
    hostns: ['--pid', 'host', '--network', 'host', '--ipc', 'host'],
    limited: ['--network', 'none', '--read-only', '--memory', '32m', '--pids-limit', '20', '--user', '1001:1001'],
    socket: ['--network', 'none', '-v', `${socket}:/var/run/docker.sock`, '--label', `note=${XSS}`],
  };
}

/** Reads what the kernel says, independently of server/src/engine/proc.ts. */
function kernelStatus(pid: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1).trim();
  }
  return out;
}

/** Docker's default 14 as a CapEff mask (bits of capabilities(7)), written out by hand. */
const DEFAULT_MASK =
  (1n << 0n) | // CHOWN
  (1n << 1n) | // DAC_OVERRIDE
  (1n << 3n) | // FOWNER
  (1n << 4n) | // FSETID
  (1n << 5n) | // KILL
  (1n << 6n) | // SETGID
  (1n << 7n) | // SETUID
  (1n << 8n) | // SETPCAP
  (1n << 10n) | // NET_BIND_SERVICE
  (1n << 13n) | // NET_RAW
  (1n << 18n) | // SYS_CHROOT
  (1n << 27n) | // MKNOD
  (1n << 29n) | // AUDIT_WRITE
  (1n << 31n); // SETFCAP
const SYS_ADMIN_BIT = 1n << 21n;
const NET_BIND_SERVICE_BIT = 1n << 10n;

const ruleIds = (ids: string[]) => [...new Set(ids)].sort();

/** Rule ids for a `docker run` line, through the same analyze() the editor uses on shell scripts. */
function runLineIds(line: string): string[] {
  const a = analyze('run.sh', `#!/bin/sh\n${line}\n`);
  assert.ok(a, 'a shell script is analysed');
  return ruleIds(a.findings.map((f) => f.ruleId));
}

/** Findings a live container may add to its `docker run` line: what only the image config tells. */
const LIVE_ONLY = new Set(['CT2019', 'CT2027']);

function execFile(bin: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('live containers on a real engine', { timeout: 180_000 }, () => {
  let start: EngineStart = { skip: 'not started' };
  let docker = '';
  let client: EngineClient;
  const lines = new Map<string, string>();
  const reports = new Map<string, ContainerReport>();
  let inspectMs = 0;

  before(async () => {
    start = await startPrivateEngine();
    const engine = start.engine;
    if (!engine) return;
    const cli = dockerCli();
    if (!cli) {
      if (inCi) throw new Error('the docker CLI (installed with docker.io) is missing');
      start = { skip: 'the docker CLI is missing (it comes with docker.io)' };
      await engine.stop();
      return;
    }
    docker = cli;
    const made = await Promise.all(
      Object.entries(cases(engine.socket)).map(async ([name, opts]) => {
        const words = ['run', '-d', '--name', name, ...opts, engine.image, 'sleep', '300'];
        lines.set(name, `docker ${words.map(shellQuote).join(' ')}`);
        return { name, r: await execFile(docker, ['-H', engine.host, ...words]) };
      }),
    );
    for (const { name, r } of made) assert.equal(r.code, 0, `docker run ${name}: ${r.stderr}`);
    client = connect({ host: engine.host });
    const t0 = Date.now();
    const out = await inspectContainers(client, [...lines.keys()]);
    inspectMs = Date.now() - t0;
    for (const r of out.reports) reports.set(r.name, r);
  });

  after(async () => {
    await start.engine?.stop();
  });

  /** The engine, or a skip with the reason. */
  const need = (t: TestContext) => {
    if (!start.engine) t.skip(start.skip);
    return start.engine;
  };
  const report = (name: string) => {
    const r = reports.get(name);
    assert.ok(r, `a report for ${name}`);
    return r;
  };

  it('reports every container, with the kernel view read on this host', (t) => {
    if (!need(t)) return;
    assert.deepEqual([...reports.keys()].sort(), [...lines.keys()].sort());
    for (const r of reports.values()) {
      assert.equal(r.kernel.sameHost, true, `${r.name}: ${r.kernel.how}`);
      assert.equal(r.state, 'running');
      assert.ok(r.pid > 0);
      assert.equal(r.engine.access, 'cli');
      assert.equal(r.engine.endpoint, start.engine!.host);
      assert.equal(
        r.engine.cgroupVersion,
        readFileSafe('/proc/self/mountinfo').includes(' - cgroup2 ') && !readFileSafe('/proc/self/mountinfo').includes(' - cgroup cgroup ')
          ? '2'
          : '1',
      );
      assert.equal(r.engine.security.seccomp, true);
    }
    t.diagnostic(`inspect of ${reports.size} containers with /proc enrichment: ${inspectMs} ms`);
  });

  it('decodes the capability masks the kernel shows, against Docker’s default 14', (t) => {
    if (!need(t)) return;
    for (const r of reports.values()) {
      const k = kernelStatus(r.pid);
      assert.equal(r.capabilities.source, 'proc');
      assert.equal(r.capabilities.masks?.effective, k.CapEff, r.name);
      assert.equal(r.capabilities.masks?.bounding, k.CapBnd, r.name);
      assert.equal(r.capabilities.masks?.permitted, k.CapPrm, r.name);
    }
    const eff = (name: string) => BigInt(`0x${kernelStatus(report(name).pid).CapEff}`);
    assert.equal(eff('sysadmin'), DEFAULT_MASK | SYS_ADMIN_BIT);
    assert.deepEqual(report('sysadmin').capabilities.added, ['SYS_ADMIN']);
    assert.ok(report('sysadmin').capabilities.effective.includes('SYS_ADMIN'));
    assert.equal(eff('dropall'), NET_BIND_SERVICE_BIT);
    assert.deepEqual(report('dropall').capabilities.effective, ['NET_BIND_SERVICE']);
    assert.equal(report('dropall').capabilities.dropped.length, 13);
    assert.equal(eff('nnp'), DEFAULT_MASK);
    assert.deepEqual([...report('nnp').capabilities.effective].sort(), [...DOCKER_DEFAULT_CAPS].sort());
    // UID 1001: the kernel clears the effective set; the bounding set is still the default 14.
    assert.equal(eff('limited'), 0n);
    assert.deepEqual(report('limited').capabilities.effective, []);
    assert.deepEqual([...report('limited').capabilities.bounding].sort(), [...DOCKER_DEFAULT_CAPS].sort());
    assert.match(report('limited').capabilities.note ?? '', /not root/);
  });

  it('reads the seccomp mode and no-new-privileges from the kernel', (t) => {
    if (!need(t)) return;
    for (const r of reports.values()) {
      const k = kernelStatus(r.pid);
      assert.equal(String(r.seccomp.kernelMode), k.Seccomp, r.name);
      assert.equal(String(r.noNewPrivileges.kernel), k.NoNewPrivs, r.name);
    }
    assert.equal(report('unconfined').seccomp.kernelMode, 0);
    assert.equal(report('unconfined').seccomp.state, 'disabled');
    assert.equal(report('unconfined').seccomp.profile, 'unconfined');
    assert.equal(report('sysadmin').seccomp.kernelMode, 2);
    assert.equal(report('sysadmin').seccomp.state, 'filter');
    assert.equal(report('sysadmin').seccomp.profile, 'default');
    assert.equal(report('nnp').noNewPrivileges.enabled, true);
    assert.equal(report('nnp').noNewPrivileges.kernel, 1);
    assert.equal(report('sysadmin').noNewPrivileges.enabled, false);
    // No AppArmor or SELinux in this kernel: "not available", never "unconfined".
    assert.equal(report('sysadmin').lsm.apparmor.state, 'not-available');
    assert.equal(report('sysadmin').lsm.selinux.state, 'not-available');
  });

  it('compares namespace inodes with this process’s own: equal for host modes, different otherwise', (t) => {
    if (!need(t)) return;
    const self = (ns: string) => readlinkSync(`/proc/self/ns/${ns}`);
    for (const r of reports.values()) {
      for (const ns of ['pid', 'net', 'ipc', 'uts', 'mnt'] as const) {
        const fact = r.namespaces.find((n) => n.name === ns);
        assert.ok(fact);
        assert.equal(fact.basis, 'inode');
        const theirs = readlinkSync(`/proc/${r.pid}/ns/${ns}`);
        assert.equal(`${ns}:[${fact.inode}]`, theirs, `${r.name} ${ns}`);
        const shared = theirs === self(ns);
        assert.equal(fact.sharedWithHost, shared ? 'yes' : 'no', `${r.name} ${ns}`);
        const hostMode = r.name === 'hostns' && ['pid', 'net', 'ipc'].includes(ns);
        assert.equal(shared, hostMode, `${r.name} ${ns} shared`);
      }
      // No userns-remap: the user namespace is the host's, and root inside is root outside.
      assert.equal(r.namespaces.find((n) => n.name === 'user')?.sharedWithHost, 'yes');
    }
    assert.equal(report('sysadmin').user.rootOnHost, true);
    assert.equal(
      report('hostns').namespaces.find((n) => n.name === 'pid')?.evidence[0].command,
      `docker -H ${start.engine!.host} inspect -f '{{.HostConfig.PidMode}}' hostns`,
    );
  });

  it('reads memory and pids limits and usage from the cgroup files', (t) => {
    if (!need(t)) return;
    const limited = report('limited');
    const mem = limited.limits.find((l) => l.resource === 'memory');
    assert.ok(mem?.file, 'memory read from a cgroup file');
    assert.equal(mem.source, 'cgroup');
    assert.equal(mem.limit, 32 * 1024 * 1024);
    assert.equal(Number(readFileSync(mem.file, 'utf8').trim() === 'max' ? NaN : readFileSync(mem.file, 'utf8').trim()), 32 * 1024 * 1024);
    assert.ok((mem.usage ?? 0) > 0, 'live memory usage');
    assert.equal(mem.text, '32 MiB');
    const pids = limited.limits.find((l) => l.resource === 'pids');
    assert.ok(pids?.file);
    assert.equal(pids.limit, 20);
    assert.equal(readFileSync(pids.file, 'utf8').trim(), '20');
    assert.ok((pids.usage ?? 0) >= 1, 'at least the init process');
    for (const name of ['sysadmin', 'nnp']) {
      assert.equal(report(name).limits.find((l) => l.resource === 'memory')?.limit, null, name);
      assert.equal(report(name).limits.find((l) => l.resource === 'pids')?.limit, null, name);
    }
    assert.equal(limited.user.uid, 1001);
    assert.equal(limited.user.gid, 1001);
    assert.equal(limited.user.root, false);
    assert.equal(limited.readOnlyRootfs.value, true);
    assert.equal(report('sysadmin').user.uid, 0);
  });

  it('flags the engine socket mount and keeps labels raw', (t) => {
    if (!need(t)) return;
    const r = report('socket');
    const m = r.mounts.find((x) => x.destination === '/var/run/docker.sock');
    assert.equal(m?.sensitive?.ruleId, 'CT2008');
    assert.equal(r.labels.note, XSS);
    assert.ok(r.findings.some((f) => f.ruleId === 'CT2008' && f.severity === 'error' && f.docsUrl?.endsWith('CT2008.md')));
  });

  it('fires the same rules as the docker run line that made each container', (t) => {
    if (!need(t)) return;
    for (const [name, line] of lines) {
      const live = ruleIds(report(name).findings.map((f) => f.ruleId));
      const run = runLineIds(line);
      for (const id of run) assert.ok(live.includes(id), `${name}: ${id} fires for \`${line}\` but not live (${live.join(' ')})`);
      for (const id of live) assert.ok(run.includes(id) || LIVE_ONLY.has(id), `${name}: ${id} fires live but not for \`${line}\``);
    }
    const has = (name: string, id: string) => report(name).findings.some((f) => f.ruleId === id);
    assert.ok(has('sysadmin', 'CT2002'));
    assert.ok(has('unconfined', 'CT2004'));
    assert.ok(has('socket', 'CT2008'));
    assert.equal(report('hostns').findings.filter((f) => f.ruleId === 'CT2012').length, 3);
    assert.ok(!has('dropall', 'CT2003'));
    assert.ok(!has('nnp', 'CT2007'));
    assert.ok(!has('limited', 'CT2014') && !has('limited', 'CT2016') && !has('limited', 'CT2013') && !has('limited', 'CT2019'));
    // Docker adds label=disable for --pid host; it is not a finding of its own.
    assert.ok(!has('hostns', 'CT2006'));
  });

  it('renders each container as a docker run line with the same findings', async (t) => {
    const engine = need(t);
    if (!engine) return;
    const { found } = await client.inspect([...lines.keys()]);
    for (const c of found) {
      const name = (c.Name ?? '').slice(1);
      const again = asDockerRun(c);
      assert.deepEqual(runLineIds(again), runLineIds(lines.get(name)!), `${name}: ${again}`);
    }
  });

  it('containment inspect: text, JSON and SARIF, exit code by worst finding', async (t) => {
    const engine = need(t);
    if (!engine) return;
    const cli = async (...argv: string[]) => {
      let out = '';
      let err = '';
      const code = await runAsync(
        ['inspect', '--host', engine.host, '--no-color', ...argv],
        engine.dir,
        (s) => void (out += s),
        (s) => void (err += s),
      );
      return { code, out, err };
    };
    const text = await cli('sysadmin', 'limited');
    assert.equal(text.code, EXIT_FINDINGS, text.err);
    assert.match(text.out, /^sysadmin {2}\(/m);
    assert.match(text.out, /Namespaces\n {4}namespace +mode +shared with host +how/);
    assert.match(text.out, /added to the default 14 +SYS_ADMIN/);
    assert.match(text.out, /memory +32 MiB +\d/);
    assert.match(text.out, /error +CT2002 /);

    const json = await cli('--format', 'json', 'socket');
    const parsed = JSON.parse(json.out) as { containers: ContainerReport[] };
    assert.equal(parsed.containers[0].labels.note, XSS, 'labels are raw in JSON');

    const sarif = await cli('--format', 'sarif', '--all');
    const log = JSON.parse(sarif.out) as { runs: { results: { locations: { logicalLocations: { fullyQualifiedName: string }[] }[] }[] }[] };
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    const names = new Set(log.runs[0].results.map((r) => r.locations[0].logicalLocations[0].fullyQualifiedName));
    for (const n of lines.keys()) assert.ok(names.has(`container/${n}`), n);

    assert.equal((await cli('--severity', 'error', 'dropall')).code, EXIT_OK);
    const zh = await cli('--lang', 'zh-CN', '--format', 'json', 'sysadmin');
    const zhReport = (JSON.parse(zh.out) as { containers: ContainerReport[] }).containers[0];
    assert.match(zhReport.findings.find((f) => f.ruleId === 'CT2002')?.message ?? '', /[\u4e00-\u9fff]/, 'findings in Simplified Chinese');
    const gone = await cli('no-such-container');
    assert.equal(gone.code, EXIT_USAGE);
    assert.match(gone.err, /no container no-such-container/);
  });

  it('the bundled `containment inspect` runs as a real process and exits with its code', async (t) => {
    const engine = need(t);
    if (!engine) return;
    // A private bundle (never dist/, which other tests and builds use), started through bin/.
    const dir = mkdtempSync('/tmp/ctm-cli-bundle-');
    try {
      const script = '../../scripts/build.mjs';
      const build = (await import(script)) as { bundle: (o: { outdir: string; logLevel: string }) => Promise<void> };
      await build.bundle({ outdir: join(dir, 'dist'), logLevel: 'silent' });
      mkdirSync(join(dir, 'bin'));
      copyFileSync(join(__dirname, '..', '..', 'bin', 'containment.js'), join(dir, 'bin', 'containment.js'));
      const bin = join(dir, 'bin', 'containment.js');
      const started = Date.now();
      const r = await execFile(process.execPath, [bin, 'inspect', '--host', engine.host, '--format', 'json', 'sysadmin', 'dropall']);
      const ms = Date.now() - started;
      assert.equal(r.code, EXIT_FINDINGS, r.stderr);
      const parsed = JSON.parse(r.stdout) as { containers: ContainerReport[] };
      assert.deepEqual(parsed.containers.map((c) => c.name).sort(), ['dropall', 'sysadmin']);
      t.diagnostic(`node bin/containment.js inspect (2 containers, JSON) as a process: ${ms} ms`);
      const down = await execFile(process.execPath, [bin, 'inspect', '--host', 'unix:///nonexistent/docker.sock']);
      assert.equal(down.code, EXIT_USAGE);
      assert.match(down.stderr, /No container engine socket/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves the editor: containers.list, containers.inspect, containers.asDockerRun', async (t) => {
    const engine = need(t);
    if (!engine) return;
    const settings = { engine: { host: engine.host } };
    // Initialization options apply at once; the settings pulled later say the same.
    const server: TestClient = await startServer({ settings, initializationOptions: { settings } });
    try {
      const list = await server.rpc.sendRequest<ListResult>('containment/containers.list', { all: true });
      assert.equal(list.error, undefined);
      assert.deepEqual(list.summaries.map((s) => s.name).sort(), [...lines.keys()].sort());
      const sysadmin = list.summaries.find((s) => s.name === 'sysadmin');
      assert.equal(sysadmin?.worstSeverity, 'error');
      assert.equal(sysadmin?.findingCount, report('sysadmin').findings.length);
      const r = await server.rpc.sendRequest<ContainerReport>('containment/containers.inspect', { id: sysadmin.id });
      assert.equal(r.name, 'sysadmin');
      assert.deepEqual(r.capabilities.added, ['SYS_ADMIN']);
      const line = await server.rpc.sendRequest<string>('containment/containers.asDockerRun', { id: 'sysadmin' });
      assert.match(line, /^docker -H \S+ run -d --name sysadmin .*--cap-add SYS_ADMIN/);
      await assert.rejects(
        server.rpc.sendRequest('containment/containers.inspect', { id: 'nope' }),
        (e: { data?: EngineError }) => e.data?.code === 'container-gone',
      );
    } finally {
      await server.shutdown();
    }
  });

  it('follows the current docker context when neither --host nor DOCKER_HOST is set', async (t) => {
    const engine = need(t);
    if (!engine) return;
    // A private CLI configuration folder, so the user's ~/.docker is never touched.
    const config = mkdtempSync('/tmp/ctm-docker-config-');
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_CONFIG: config };
      delete env.DOCKER_HOST;
      delete env.DOCKER_CONTEXT;
      const created = spawnSync(docker, ['context', 'create', 'ctm-test', '--docker', `host=${engine.host}`], { env, encoding: 'utf8' });
      assert.equal(created.status, 0, created.stderr);
      const viaEnv = connect({ env: { ...env, DOCKER_CONTEXT: 'ctm-test' } });
      const out = await inspectContainers(viaEnv, ['sysadmin']);
      assert.equal(out.engine.endpoint, engine.host);
      assert.equal(out.engine.context, 'ctm-test');
      assert.equal(out.reports[0].kernel.sameHost, true);
      const used = spawnSync(docker, ['context', 'use', 'ctm-test'], { env, encoding: 'utf8' });
      assert.equal(used.status, 0, used.stderr);
      const current = await listContainers(connect({ env }), false);
      assert.equal(current.error, undefined, JSON.stringify(current.error));
      assert.equal(current.engine?.context, 'ctm-test');
      assert.equal(current.summaries.length, lines.size);
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });

  it('runs the exec probe only through an explicit call, over the CLI and the API', async (t) => {
    const engine = need(t);
    if (!engine) return;
    for (const forceApi of [false, true]) {
      const status = await connect({ host: engine.host, forceApi }).exec('nnp', ['cat', '/proc/1/status']);
      assert.match(status, /^NoNewPrivs:\s+1$/m, forceApi ? 'API' : 'CLI');
      assert.match(status, /^CapEff:\s+00000000a80425fb$/m);
    }
  });

  it('falls back to the Engine API when no CLI is on PATH, with the same reports', async (t) => {
    const engine = need(t);
    if (!engine) return;
    const api = connect({ host: engine.host, env: { ...process.env, PATH: '/nonexistent' } });
    assert.equal(api.connection.access, 'api');
    const out = await inspectContainers(api, [...lines.keys()]);
    assert.ok(out.notes.some((n) => /No docker CLI/.test(n)));
    for (const r of out.reports) {
      const viaCli = report(r.name);
      assert.deepEqual(
        r.findings.map((f) => f.ruleId),
        viaCli.findings.map((f) => f.ruleId),
        r.name,
      );
      assert.deepEqual(r.capabilities.effective, viaCli.capabilities.effective, r.name);
      assert.deepEqual(
        r.namespaces.map((n) => n.sharedWithHost),
        viaCli.namespaces.map((n) => n.sharedWithHost),
        r.name,
      );
      assert.equal(r.engine.access, 'api');
    }
  });

  it('skips a container removed between list and inspect, and says so', async (t) => {
    const engine = need(t);
    if (!engine) return;
    const created = await execFile(docker, [
      '-H',
      engine.host,
      'create',
      '--name',
      'shortlived',
      '--network',
      'none',
      engine.image,
      'sleep',
      '1',
    ]);
    assert.equal(created.code, 0, created.stderr);
    const real = connect({ host: engine.host });
    // The engine removes the container right after it was listed, as a user or Compose would.
    const racing: EngineClient = Object.create(real) as EngineClient;
    racing.list = async (all, signal) => {
      const listed = await real.list(all, signal);
      const r = await engine.api('DELETE', '/containers/shortlived?force=1');
      assert.equal(r.status, 204);
      return listed;
    };
    const summary = await listContainers(racing, true);
    assert.equal(summary.error, undefined);
    assert.ok(!summary.summaries.some((s) => s.name === 'shortlived'));
    assert.ok(
      summary.notes.some((n) => /removed while it was being listed/.test(n)),
      summary.notes.join('\n'),
    );
    assert.equal(summary.summaries.length, lines.size);

    const again = await execFile(docker, [
      '-H',
      engine.host,
      'create',
      '--name',
      'shortlived',
      '--network',
      'none',
      engine.image,
      'sleep',
      '1',
    ]);
    assert.equal(again.code, 0, again.stderr);
    const full = await inspectAll(racing, true);
    assert.equal(full.reports.length, lines.size);
    assert.ok(full.notes.some((n) => /removed while it was being listed/.test(n)));
  });

  it('says access is denied, and what to do, to a user outside the docker group', async (t) => {
    const engine = need(t);
    if (!engine) return;
    if (process.getuid?.() !== 0) return t.skip('needs root to run a probe as another user');
    // A real EACCES: the probe runs as nobody (65534), and the socket is root:docker 0660. The probe
    // is bundled into nobody's own folder, so it runs wherever the checkout is (a CI checkout in a
    // 0700 folder is not readable by nobody).
    const home = mkdtempSync('/tmp/ctm-nobody-');
    const probe = join(home, 'probe.js');
    buildSync({
      stdin: {
        contents:
          `import { connect } from './server/src/engine/client';\n` +
          `import { listContainers } from './server/src/engine/inspect';\n` +
          `void (async () => {\n` +
          `  const cli = await listContainers(connect({ host: process.argv[2] }), true);\n` +
          `  const api = await listContainers(connect({ host: process.argv[2], forceApi: true }), true);\n` +
          `  process.stdout.write(JSON.stringify({ cli: cli.error, api: api.error }));\n` +
          `})();\n`,
        resolveDir: join(__dirname, '..', '..'),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      // As scripts/build.mjs: ES module builds first (jsonc-parser's UMD build requires files at run time).
      mainFields: ['module', 'main'],
      outfile: probe,
      logLevel: 'silent',
    });
    chownSync(home, 65534, 65534);
    chownSync(probe, 65534, 65534);
    try {
      const r = spawnSync(process.execPath, [probe, engine.host], {
        uid: 65534,
        gid: 65534,
        cwd: home,
        env: { PATH: process.env.PATH, HOME: home },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(r.status, 0, r.stderr);
      const { cli, api } = JSON.parse(r.stdout) as { cli?: EngineError; api?: EngineError };
      assert.equal(api?.code, 'permission-denied', JSON.stringify(api));
      assert.match(api?.hint ?? '', /docker. group/);
      assert.equal(cli?.code, 'permission-denied', JSON.stringify(cli));
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('measures inspect --all against the raw docker inspect', async (t) => {
    const engine = need(t);
    if (!engine) return;
    const ids = (await execFile(docker, ['-H', engine.host, 'ps', '-q', '--no-trunc'])).stdout.trim().split('\n');
    const t0 = Date.now();
    const raw = await execFile(docker, ['-H', engine.host, 'inspect', ...ids]);
    const rawMs = Date.now() - t0;
    assert.equal(raw.code, 0);
    const t1 = Date.now();
    const all = await inspectAll(connect({ host: engine.host }), false);
    const oursMs = Date.now() - t1;
    const t2 = Date.now();
    await inspectAll(connect({ host: engine.host, forceApi: true }), false);
    const apiMs = Date.now() - t2;
    assert.equal(all.reports.length, ids.length);
    t.diagnostic(
      `${ids.length} containers: docker inspect ${rawMs} ms; inspect --all via CLI ${oursMs} ms, via API ${apiMs} ms (list, info, inspect, image inspect, /proc, rules)`,
    );
    assert.ok(oursMs < 10_000);
  });

  it('reports a stopped engine as not running, and nothing hangs', async (t) => {
    const engine = need(t);
    if (!engine) return;
    await engine.stop();
    for (const forceApi of [false, true]) {
      const r = await listContainers(connect({ host: engine.host, forceApi, timeoutMs: 5000 }), true);
      assert.equal(r.error?.code, 'engine-not-running', JSON.stringify(r.error));
      assert.match(r.error?.message ?? '', /No container engine socket|not running/);
    }
    // A stale socket file left behind (the daemon crashed): connection refused.
    const stale = mkdtempSync('/tmp/ctm-stale-');
    try {
      writeFileSync(join(stale, 'docker.sock'), '');
      const r = await listContainers(connect({ host: `unix://${join(stale, 'docker.sock')}`, forceApi: true, timeoutMs: 5000 }), true);
      assert.equal(r.error?.code, 'engine-not-running', JSON.stringify(r.error));
    } finally {
      rmSync(stale, { recursive: true, force: true });
    }
  });
});

function readFileSafe(p: string): string {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}
