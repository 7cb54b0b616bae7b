// Runtime rules CT2014–CT2028 on hand-built RuntimeSpecs: what fires, where it is reported (the
// value's origin, or the spec's anchor for something missing), which fixes are asked for, and what
// stays silent (unknown values, partial specs, images that cannot be seen).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inLocale } from '../server/src/core/types';
import { ruleById } from '../server/src/core/rules/registry';
import type { RuntimeRule } from '../server/src/core/rules/rule';
import { emptySpec, type Origin, type Port, type RuntimeFixer, type RuntimeSpec, type Val } from '../server/src/core/model/runtime';
import type { Fix, Range } from '../server/src/core/types';
import { meansUnlimited, firstPort, isRootUser, isWildcardIp, splitImage, hasInterpolation } from '../server/src/core/rules/runtime/util2';
import { restartBound } from '../server/src/core/rules/runtime/restart-policy-unbounded';
import { tmpfsGrants } from '../server/src/core/rules/runtime/tmpfs-exec-or-suid';
import { analyze } from '../server/src/core/analyze';

function r(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function src(line: number, start = 4, end = 10): Origin {
  return { kind: 'source', range: r(line, start, end) };
}

const ANCHOR = src(1, 2, 5);

function compose(): RuntimeSpec {
  return emptySpec('service "web"', 'compose', ANCHOR);
}

function dockerRun(): RuntimeSpec {
  return emptySpec('docker run nginx:1.27', 'docker-run', ANCHOR);
}

function val<T>(value: T, line = 5, unknown = false): Val<T> {
  return { value, origin: src(line), unknown };
}

/** A fixer that records what the rules ask for. */
function recordingFixer(): { fixer: RuntimeFixer; calls: string[] } {
  const calls: string[] = [];
  const fix = (title: string): Fix => ({ title, edits: [] });
  const fixer: RuntimeFixer = {
    addLimits: (which) => (calls.push(`addLimits:${which.join(',')}`), fix('limits')),
    setUser: (u) => (calls.push(`setUser:${u}`), fix('user')),
    bindPortToLocalhost: (p) => (calls.push(`bind:${p.hostPort ?? ''}:${p.containerPort}`), fix('bind')),
    removeValue: (_o, title) => (calls.push(`remove:${inLocale(title)}`), fix(inLocale(title))),
  };
  return { fixer, calls };
}

function rule(id: string): RuntimeRule {
  const rl = ruleById(id);
  assert.ok(rl && rl.model === 'runtime', `${id} is a runtime rule`);
  return rl;
}

/** The rule's hits with messages and fix titles in English, as the analyzer gives them by default. */
function check(id: string, spec: RuntimeSpec) {
  return rule(id)
    .check(spec)
    .map((h) => ({ ...h, message: inLocale(h.message), fixes: h.fixes?.map((f) => ({ ...f, title: inLocale(f.title) })) }));
}

function port(p: Partial<Port>, line = 7): Port {
  return { containerPort: '80', protocol: 'tcp', origin: src(line), ...p };
}

// Helpers ---------------------------------------------------------------------------------------

void test('values Docker reads as "no limit"', () => {
  for (const v of ['0', '0m', '0.0', '-1', '0b', ' 0 ']) assert.ok(meansUnlimited(v), v);
  for (const v of ['512m', '1g', '0.5', '100', '1']) assert.ok(!meansUnlimited(v), v);
});

void test('ports, users, images and interpolation', () => {
  assert.equal(firstPort('8080'), 8080);
  assert.equal(firstPort('90-9091'), 90);
  assert.equal(firstPort('53/udp'), 53);
  assert.equal(firstPort(''), undefined);
  assert.equal(firstPort('${PORT}'), undefined);
  for (const ip of [undefined, '', '0.0.0.0', '::', '[::]']) assert.ok(isWildcardIp(ip), String(ip));
  for (const ip of ['127.0.0.1', '[::1]', '::1', '192.168.1.10']) assert.ok(!isWildcardIp(ip), ip);
  for (const u of ['root', '0', '0:0', 'root:staff', '0:1000', '000']) assert.ok(isRootUser(u), u);
  for (const u of ['1001', '1001:0', 'node', 'rootless', '10']) assert.ok(!isRootUser(u), u);
  assert.deepEqual(splitImage('registry.example.com:5000/team/app'), {
    registry: 'registry.example.com:5000',
    repository: 'team/app',
    tag: undefined,
    digest: undefined,
  });
  assert.equal(splitImage('postgres:16@sha256:abc').digest, 'sha256:abc');
  assert.ok(hasInterpolation('${X}'));
  assert.ok(hasInterpolation('pre-$X'));
  assert.ok(!hasInterpolation('price $$5'));
  assert.ok(!hasInterpolation('plain'));
});

void test('restart policies: which are unbounded', () => {
  for (const v of ['always', 'unless-stopped', 'on-failure', 'on-failure:0', 'any', 'ALWAYS']) assert.ok(restartBound(v).unbounded, v);
  for (const v of ['no', '"no"', 'none', 'on-failure:5', 'on-failure:1', '']) assert.ok(!restartBound(v).unbounded, v);
});

void test('tmpfs options: the last exec/noexec and suid/nosuid wins', () => {
  assert.deepEqual(tmpfsGrants([]), []);
  assert.deepEqual(tmpfsGrants(['rw', 'size=64m']), []);
  assert.deepEqual(tmpfsGrants(['exec']), ['exec']);
  assert.deepEqual(tmpfsGrants(['EXEC', 'suid']), ['exec', 'suid']);
  assert.deepEqual(tmpfsGrants(['exec', 'noexec']), []);
  assert.deepEqual(tmpfsGrants(['noexec', 'exec']), ['exec']);
  assert.deepEqual(tmpfsGrants(['nosuid', 'nodev', 'noexec']), []);
});

// CT2014 memory -----------------------------------------------------------------------------------

void test('CT2014: missing memory limit is reported at the anchor and the fix adds every missing limit', () => {
  const s = compose();
  const { fixer, calls } = recordingFixer();
  s.fixer = fixer;
  const hits = check('CT2014', s);
  assert.equal(hits.length, 1);
  assert.deepEqual(hits[0].range, ANCHOR.kind === 'source' ? ANCHOR.range : undefined);
  assert.match(hits[0].message, /^service "web" has no memory limit/);
  assert.match(hits[0].message, /deploy\.resources\.limits\.memory/);
  assert.deepEqual(calls, ['addLimits:memory,cpus,pids']);
  assert.equal(hits[0].fixes?.length, 1);
});

void test('CT2014: the fix adds only the limits that are missing', () => {
  const s = compose();
  s.resources.pidsLimit = val('100');
  s.resources.cpuShares = val('512');
  const { fixer, calls } = recordingFixer();
  s.fixer = fixer;
  check('CT2014', s);
  assert.deepEqual(calls, ['addLimits:memory,cpus']);
});

void test('CT2014: a docker run line names the flag; no fixer, no fix', () => {
  const hits = check('CT2014', dockerRun());
  assert.equal(hits.length, 1);
  assert.match(hits[0].message, /^docker run nginx:1\.27 has no memory limit.*--memory/);
  assert.deepEqual(hits[0].fixes, []);
});

void test('CT2014: a real limit, an unknown value or a partial spec are silent; 0 is reported on the value', () => {
  const s = compose();
  s.resources.memory = val('512m');
  assert.deepEqual(check('CT2014', s), []);
  s.resources.memory = val('${MEM}', 5, true);
  assert.deepEqual(check('CT2014', s), []);
  const p = compose();
  p.partial = true;
  assert.deepEqual(check('CT2014', p), []);
  const z = compose();
  z.resources.memory = val('0', 9);
  const hits = check('CT2014', z);
  assert.equal(hits.length, 1);
  assert.deepEqual(hits[0].range, r(9, 4, 10));
  assert.match(hits[0].message, /sets its memory limit to 0, which Docker reads as "no limit"/);
});

void test('CT2014: a reservation is not a limit', () => {
  const s = compose();
  s.resources.memoryReservation = val('128m');
  assert.equal(check('CT2014', s).length, 1);
});

void test('CT2014: a live container falls back to the anchor, then the file start', () => {
  const live = emptySpec('container web-1', 'live', { kind: 'live', field: 'Name' });
  const hits = check('CT2014', live);
  assert.equal(hits.length, 1);
  assert.deepEqual(hits[0].range, r(0, 0, 0));
  assert.match(hits[0].message, /--memory/);
});

// CT2015 cpu ----------------------------------------------------------------------------------------

void test('CT2015: no CPU cap; shares alone are named as a weight, not a cap', () => {
  const s = compose();
  const { fixer, calls } = recordingFixer();
  s.fixer = fixer;
  let hits = check('CT2015', s);
  assert.equal(hits.length, 1);
  assert.deepEqual(calls, ['addLimits:cpus']);
  assert.doesNotMatch(hits[0].message, /weight/);
  s.resources.cpuShares = val('512');
  hits = check('CT2015', s);
  assert.equal(hits.length, 1);
  assert.match(hits[0].message, /cpu_shares 512 is only a relative weight/);
});

void test('CT2015: cpus, cpu_quota or a cpuset each count as a cap; unknown values are silent', () => {
  for (const set of [
    (s: RuntimeSpec) => (s.resources.cpus = val('0.5')),
    (s: RuntimeSpec) => (s.resources.cpuQuota = val('50000')),
    (s: RuntimeSpec) => (s.resources.cpuset = val('0,1')),
    (s: RuntimeSpec) => (s.resources.cpus = val('${CPUS}', 5, true)),
  ]) {
    const s = compose();
    set(s);
    assert.deepEqual(check('CT2015', s), []);
  }
});

void test('CT2015: cpus 0 is reported on the value', () => {
  const s = dockerRun();
  s.resources.cpus = val('0', 3);
  const hits = check('CT2015', s);
  assert.equal(hits.length, 1);
  assert.deepEqual(hits[0].range, r(3, 4, 10));
});

// CT2016 pids ---------------------------------------------------------------------------------------

void test('CT2016: missing, -1 and 0 are reported; a limit or unknown is not', () => {
  const s = compose();
  const { fixer, calls } = recordingFixer();
  s.fixer = fixer;
  assert.equal(check('CT2016', s).length, 1);
  assert.deepEqual(calls, ['addLimits:pids']);
  for (const v of ['-1', '0']) {
    const t = compose();
    t.resources.pidsLimit = val(v, 12);
    const hits = check('CT2016', t);
    assert.equal(hits.length, 1, v);
    assert.deepEqual(hits[0].range, r(12, 4, 10));
    assert.match(hits[0].message, /no limit/);
  }
  const ok = compose();
  ok.resources.pidsLimit = val('200');
  assert.deepEqual(check('CT2016', ok), []);
  ok.resources.pidsLimit = val('${P}', 5, true);
  assert.deepEqual(check('CT2016', ok), []);
});

// CT2017 ports on all interfaces ----------------------------------------------------------------------

void test('CT2017: every wildcard port is reported at its own origin with a bind fix', () => {
  const s = compose();
  const { fixer, calls } = recordingFixer();
  s.fixer = fixer;
  s.ports.push(
    port({ hostPort: '8080', containerPort: '80' }, 7),
    port({ hostIp: '127.0.0.1', hostPort: '8443', containerPort: '443' }, 8),
    port({ hostIp: '0.0.0.0', hostPort: '6379', containerPort: '6379' }, 9),
    port({ hostIp: '[::]', hostPort: '53', containerPort: '53', protocol: 'udp' }, 10),
    port({ containerPort: '5432' }, 11),
    port({ hostIp: '${ADDR}', hostPort: '1', containerPort: '1', unknown: true }, 12),
  );
  const hits = check('CT2017', s);
  assert.deepEqual(
    hits.map((h) => h.range.start.line),
    [7, 9, 10, 11],
  );
  assert.match(hits[0].message, /publishes host port 8080 \(container port 80\) on every host interface/);
  assert.match(hits[2].message, /container port 53\/udp/);
  assert.match(hits[3].message, /a random host port/);
  assert.deepEqual(calls, ['bind:8080:80', 'bind:6379:6379', 'bind:53:53', 'bind::5432']);
});

void test('CT2017: -P is information with no fix', () => {
  const s = dockerRun();
  const { fixer, calls } = recordingFixer();
  s.fixer = fixer;
  s.ports.push(port({ containerPort: '*' }, 2));
  const hits = check('CT2017', s);
  assert.equal(hits.length, 1);
  assert.equal(hits[0].severity, 'info');
  assert.match(hits[0].message, /every port its image EXPOSEs \(-P\)/);
  assert.deepEqual(calls, []);
  assert.deepEqual(check('CT2018', s), []);
});

void test('CT2017 and CT2018: ports with the host network are not published and not reported', () => {
  const s = compose();
  s.namespaces.network = val({ mode: 'host', raw: 'host' });
  s.ports.push(port({ hostPort: '80' }));
  assert.deepEqual(check('CT2017', s), []);
  assert.deepEqual(check('CT2018', s), []);
});

// CT2018 privileged host ports ------------------------------------------------------------------------

void test('CT2018: only the host side below 1024 counts', () => {
  const s = dockerRun();
  s.ports.push(
    port({ hostIp: '127.0.0.1', hostPort: '80', containerPort: '8080' }, 3),
    port({ hostPort: '8080', containerPort: '80' }, 4),
    port({ hostPort: '90-9091', containerPort: '8080-8081' }, 5),
    port({ containerPort: '22' }, 6),
    port({ hostPort: '1024', containerPort: '1024' }, 7),
    port({ hostPort: '${P}', containerPort: '80', unknown: true }, 8),
  );
  const hits = check('CT2018', s);
  assert.deepEqual(
    hits.map((h) => h.range.start.line),
    [3, 5],
  );
  assert.match(hits[0].message, /host port 80 \(container port 8080\), a privileged port below 1024/);
});

// CT2019 runs as root ----------------------------------------------------------------------------------

void test('CT2019: an explicit root user is reported at the value with a setUser fix', () => {
  for (const u of ['root', '0', '0:0', 'root:root']) {
    const s = compose();
    const { fixer, calls } = recordingFixer();
    s.fixer = fixer;
    s.user = val(u, 4);
    const hits = check('CT2019', s);
    assert.equal(hits.length, 1, u);
    assert.deepEqual(hits[0].range, r(4, 4, 10));
    assert.match(hits[0].message, new RegExp(`sets user "${u}", so its processes run as root`));
    assert.deepEqual(calls, ['setUser:1001:1001']);
  }
});

void test('CT2019: a non-root or unknown user is silent, even when the image is root', () => {
  for (const u of [val('1001:1001'), val('node'), val('${UID}', 5, true), val('1001:0')]) {
    const s = compose();
    s.user = u;
    s.imageFacts = { hasHealthcheck: false, describedBy: 'Dockerfile:1' };
    assert.deepEqual(check('CT2019', s), [], u.value);
  }
});

void test('CT2019: no user and an image we cannot see is silent', () => {
  assert.deepEqual(check('CT2019', compose()), []);
  assert.deepEqual(check('CT2019', dockerRun()), []);
});

void test('CT2019: no user and a root image is reported at the anchor and names the Dockerfile', () => {
  const s = compose();
  s.imageFacts = { hasHealthcheck: true, describedBy: 'api/Dockerfile' };
  let hits = check('CT2019', s);
  assert.equal(hits.length, 1);
  assert.deepEqual(hits[0].range, r(1, 2, 5));
  assert.match(hits[0].message, /sets no user and its image \(api\/Dockerfile\) never sets USER/);
  s.imageFacts = { user: 'root', userIsRoot: true, hasHealthcheck: true, describedBy: 'api/Dockerfile:7' };
  hits = check('CT2019', s);
  assert.equal(hits.length, 1);
  assert.match(hits[0].message, /USER root \(api\/Dockerfile:7\), which is root/);
  s.imageFacts = { user: '0:0', hasHealthcheck: true, describedBy: 'api/Dockerfile:7' };
  assert.equal(check('CT2019', s).length, 1);
});

void test('CT2019: a non-root or unknown image user is silent; so is a partial spec', () => {
  const s = compose();
  s.imageFacts = { user: 'app', userIsRoot: false, hasHealthcheck: true, describedBy: 'Dockerfile:9' };
  assert.deepEqual(check('CT2019', s), []);
  s.imageFacts = { user: '$APP_UID', hasHealthcheck: true, describedBy: 'Dockerfile:9' };
  assert.deepEqual(check('CT2019', s), []);
  const p = compose();
  p.partial = true;
  p.imageFacts = { hasHealthcheck: true, describedBy: 'Dockerfile' };
  assert.deepEqual(check('CT2019', p), []);
});

// CT2020 sysctls -----------------------------------------------------------------------------------------

void test('CT2020: host-wide sysctls, sysctls in a shared namespace, forwarding and route_localnet', () => {
  const s = compose();
  const sys = (name: string, value: string, line: number) => s.sysctls.push({ name, value, origin: src(line) });
  sys('vm.max_map_count', '262144', 3);
  sys('kernel.core_pattern', '|/tmp/x', 4);
  sys('net.ipv4.ip_forward', '1', 5);
  sys('net.ipv4.conf.all.route_localnet', '1', 6);
  sys('net.ipv6.conf.all.forwarding', '1', 7);
  sys('net.core.somaxconn', '1024', 8);
  sys('kernel.shmmax', '1073741824', 9);
  sys('net.ipv4.ip_forward', '0', 10);
  sys('fs.mqueue.msg_max', '100', 11);
  sys('net.ipv4.ip_unprivileged_port_start', '0', 12);
  sys('kernel.domainname', 'example.com', 13);
  sys('net.ipv4.conf.all.forwarding', '${FWD}', 14);
  const hits = check('CT2020', s);
  assert.deepEqual(
    hits.map((h) => h.range.start.line),
    [3, 4, 5, 6, 7],
  );
  assert.match(hits[0].message, /vm\.max_map_count, which is not namespaced/);
  assert.match(hits[1].message, /core_pattern starting with \|/);
  assert.match(hits[2].message, /routes packets between its networks/);
  assert.match(hits[3].message, /127\.0\.0\.0\/8/);
});

void test('CT2020: namespaced sysctls while sharing the host namespace', () => {
  const s = compose();
  s.namespaces.network = val({ mode: 'host', raw: 'host' });
  s.namespaces.ipc = val({ mode: 'host', raw: 'host' });
  s.sysctls.push({ name: 'net.core.somaxconn', value: '4096', origin: src(3) });
  s.sysctls.push({ name: 'kernel.sem', value: '250 32000 100 128', origin: src(4) });
  const hits = check('CT2020', s);
  assert.equal(hits.length, 2);
  assert.match(hits[0].message, /sharing the host's network namespace/);
  assert.match(hits[1].message, /sharing the host's ipc namespace/);
  // Joining another container's namespace is not the host's.
  const t = compose();
  t.namespaces.network = val({ mode: 'container', target: 'vpn', raw: 'container:vpn' });
  t.sysctls.push({ name: 'net.core.somaxconn', value: '4096', origin: src(3) });
  assert.deepEqual(check('CT2020', t), []);
});

// CT2021 cgroup parent ------------------------------------------------------------------------------------

void test('CT2021: a cgroup parent is reported at the value with a removal fix; empty or unknown is silent', () => {
  const s = compose();
  const { fixer, calls } = recordingFixer();
  s.fixer = fixer;
  s.cgroupParent = val('batch-jobs', 6);
  const hits = check('CT2021', s);
  assert.equal(hits.length, 1);
  assert.deepEqual(hits[0].range, r(6, 4, 10));
  assert.match(hits[0].message, /cgroup parent "batch-jobs"/);
  assert.deepEqual(calls, ['remove:Remove cgroup_parent']);
  s.cgroupParent = val('', 6);
  assert.deepEqual(check('CT2021', s), []);
  s.cgroupParent = val('${P}', 6, true);
  assert.deepEqual(check('CT2021', s), []);
});

// CT2022 restart --------------------------------------------------------------------------------------------

void test('CT2022: unbounded restart policies are reported at the value', () => {
  const s = dockerRun();
  s.restart = val('always', 2);
  let hits = check('CT2022', s);
  assert.equal(hits.length, 1);
  assert.match(hits[0].message, /is restarted every time it exits \(always\).*--restart on-failure:5/);
  s.restart = val('on-failure', 2);
  hits = check('CT2022', s);
  assert.match(hits[0].message, /after every failure with no retry count/);
  s.restart = val('on-failure:5', 2);
  assert.deepEqual(check('CT2022', s), []);
  s.restart = val('${R}', 2, true);
  assert.deepEqual(check('CT2022', s), []);
  assert.deepEqual(check('CT2022', compose()), []);
});

// CT2023 / CT2028 images --------------------------------------------------------------------------------------

void test('CT2023 and CT2028 split the image cases between them', () => {
  const cases: [string, string[]][] = [
    ['postgres', ['CT2023']],
    ['postgres:latest', ['CT2023']],
    ['registry.example.com:5000/team/app', ['CT2023']],
    ['postgres:16.4', ['CT2028']],
    ['postgres:16.4@sha256:beef', []],
    ['postgres@sha256:beef', []],
    ['postgres:latest@sha256:beef', []],
  ];
  for (const [image, want] of cases) {
    const s = compose();
    s.image = val(image, 3);
    const got = ['CT2023', 'CT2028'].filter((id) => check(id, s).length > 0);
    assert.deepEqual(got, want, image);
  }
});

void test('CT2023: unknown images and services that build their image are skipped', () => {
  const s = compose();
  s.image = val('${IMAGE}', 3, true);
  assert.deepEqual(check('CT2023', s), []);
  s.image = val('app:${TAG}', 3);
  assert.deepEqual(check('CT2023', s), []);
  const b = compose();
  b.image = val('myapp', 3);
  b.builds = src(2);
  b.imageFacts = { hasHealthcheck: false, describedBy: 'Dockerfile' };
  assert.deepEqual(check('CT2023', b), []);
  assert.deepEqual(check('CT2028', b), []);
  const hits = check('CT2023', Object.assign(compose(), { image: val('redis', 4) }));
  assert.deepEqual(hits[0].range, r(4, 4, 10));
  assert.match(hits[0].message, /uses the image redis without a tag/);
});

// CT2024 secrets -----------------------------------------------------------------------------------------------

void test('CT2024: credential names with literal values, known formats, fallbacks', () => {
  const s = compose();
  const env = (name: string, value: string | undefined, line: number, unknown = false) =>
    s.env.push({ name, value, origin: src(line), unknown });
  env('POSTGRES_PASSWORD', 'hunter2', 3);
  env('DATABASE_URL', 'postgres://app:s3cr3t@db/app', 4);
  env('NOTIFY', 'ghp_0123456789abcdefghijABCDEFGHIJ012345', 5);
  env('MYSQL_ROOT_PASSWORD', '${MYSQL_ROOT_PASSWORD:-changeme}', 6, true);
  env('DB_PASSWORD', '${DB_PASSWORD}', 7, true);
  env('DB_PASSWORD_FILE', '/run/secrets/db', 8);
  env('API_TOKEN', undefined, 9);
  env('PASSWORD_MIN_LENGTH', '12', 10);
  env('MYSQL_ALLOW_EMPTY_PASSWORD', 'yes', 11);
  env('DATABASE_URL', 'postgres://app:${DB_PASSWORD}@db/app', 12, true);
  env('SECRET', '$SECRET', 13);
  env('API_KEY', '', 14);
  env('ADMIN_PASSWORD', '${ADMIN_PASSWORD:?required}', 15, true);
  const hits = check('CT2024', s);
  assert.deepEqual(
    hits.map((h) => h.range.start.line),
    [3, 4, 5, 6],
  );
  assert.match(hits[0].message, /sets POSTGRES_PASSWORD to a password written in plain text/);
  assert.match(hits[1].message, /URL with a password/);
  assert.match(hits[2].message, /GitHub token/);
  assert.match(hits[3].message, /fall back to a literal password/);
});

// CT2025 logging --------------------------------------------------------------------------------------------------

void test('CT2025: driver none is reported at the value', () => {
  const s = compose();
  s.logDriver = val('none', 6);
  const hits = check('CT2025', s);
  assert.equal(hits.length, 1);
  assert.deepEqual(hits[0].range, r(6, 4, 10));
  assert.match(hits[0].message, /logging\.driver: none/);
  s.logDriver = val('json-file', 6);
  assert.deepEqual(check('CT2025', s), []);
  s.logDriver = val('${D}', 6, true);
  assert.deepEqual(check('CT2025', s), []);
});

// CT2026 tmpfs ------------------------------------------------------------------------------------------------------

void test('CT2026: only tmpfs mounts asking for exec or suid', () => {
  const s = dockerRun();
  const mount = (type: 'tmpfs' | 'bind', target: string, options: string[], line: number) =>
    s.mounts.push({ type, target, options, readOnly: false, origin: src(line) });
  mount('tmpfs', '/tmp', [], 2);
  mount('tmpfs', '/run', ['rw', 'exec'], 3);
  mount('tmpfs', '/var/tmp', ['suid', 'exec'], 4);
  mount('tmpfs', '/cache', ['exec', 'noexec'], 5);
  mount('bind', '/data', ['exec'], 6);
  const hits = check('CT2026', s);
  assert.deepEqual(
    hits.map((h) => h.range.start.line),
    [3, 4],
  );
  assert.match(hits[0].message, /tmpfs at \/run with exec.*can be run/);
  assert.match(hits[1].message, /with exec and suid/);
});

// CT2027 healthcheck -----------------------------------------------------------------------------------------------

void test('CT2027: a disabled check is reported at the value, and says when it hides the image one', () => {
  const s = compose();
  s.healthcheckDisabled = val(true, 8);
  let hits = check('CT2027', s);
  assert.equal(hits.length, 1);
  assert.deepEqual(hits[0].range, r(8, 4, 10));
  assert.match(hits[0].message, /turns its health check off, so/);
  s.imageFacts = { hasHealthcheck: true, describedBy: 'Dockerfile:12', user: 'app', userIsRoot: false };
  hits = check('CT2027', s);
  assert.match(hits[0].message, /including the one its image defines \(Dockerfile\)/);
  const d = dockerRun();
  d.healthcheckDisabled = val(true, 2);
  assert.match(check('CT2027', d)[0].message, /--no-healthcheck/);
});

void test('CT2027: missing everywhere is reported only when the image is seen', () => {
  const s = compose();
  assert.deepEqual(check('CT2027', s), []);
  s.imageFacts = { hasHealthcheck: false, describedBy: 'web/Dockerfile' };
  const hits = check('CT2027', s);
  assert.equal(hits.length, 1);
  assert.deepEqual(hits[0].range, r(1, 2, 5));
  assert.match(hits[0].message, /neither does its image \(web\/Dockerfile\)/);
  s.hasHealthcheck = true;
  assert.deepEqual(check('CT2027', s), []);
  const i = compose();
  i.imageFacts = { hasHealthcheck: true, describedBy: 'Dockerfile' };
  assert.deepEqual(check('CT2027', i), []);
  const p = compose();
  p.partial = true;
  p.imageFacts = { hasHealthcheck: false, describedBy: 'Dockerfile' };
  assert.deepEqual(check('CT2027', p), []);
});

// Every rule of this set --------------------------------------------------------------------------------------------

void test('CT2014–CT2028: each applies to Compose, shell and Markdown and shows both forms', () => {
  for (let n = 14; n <= 28; n++) {
    const id = `CT20${n}`;
    const m = rule(id).meta;
    assert.deepEqual(m.appliesTo, ['compose', 'shell', 'markdown'], id);
    assert.ok(
      m.bad.some((b) => b.kind === 'compose'),
      `${id} has a Compose example`,
    );
    assert.ok(
      m.bad.some((b) => b.kind === 'shell' || b.kind === 'markdown'),
      `${id} has a docker run example`,
    );
  }
});

// Through the real parsers -------------------------------------------------------------------------------------------

function findingsOf(path: string, text: string, ids: string[], readRelative?: (p: string) => string | undefined) {
  const a = analyze(path, text, readRelative ? { readRelative } : {});
  assert.ok(a);
  return a.findings.filter((f) => ids.includes(f.ruleId)).map((f) => `${f.ruleId}@${f.range.start.line + 1}`);
}

void test('build: Dockerfiles inform CT2019 and CT2027; an overriding service or an unreadable Dockerfile is silent', () => {
  const files: Record<string, string> = {
    'api/Dockerfile': 'FROM node:20-slim\nRUN npm ci\nCMD ["node","index.js"]\n',
    'web/Dockerfile': 'FROM nginx:1.27\nUSER 101\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
    'root/Dockerfile': 'FROM alpine:3.20\nUSER root\n',
  };
  const text =
    'services:\n  api:\n    build: ./api\n  web:\n    build:\n      context: web\n  root:\n    build: root\n' +
    '  over:\n    build: ./api\n    user: "1001"\n    healthcheck:\n      test: ["CMD", "true"]\n  missing:\n    build: ./nope\n';
  const read = (p: string) => files[p.replace(/^\.\//, '')];
  assert.deepEqual(findingsOf('compose.yaml', text, ['CT2019', 'CT2027'], read), ['CT2019@2', 'CT2027@2', 'CT2019@7', 'CT2027@7']);
  const a = analyze('compose.yaml', text, { readRelative: read });
  const root = a?.findings.filter((f) => f.ruleId === 'CT2019' && f.range.start.line === 6) ?? [];
  assert.match(root[0].message, /runs as USER root \(root\/Dockerfile line 2\)/);
  const hc = a?.findings.filter((f) => f.ruleId === 'CT2027' && f.range.start.line === 6) ?? [];
  assert.match(hc[0].message, /neither does its image \(root\/Dockerfile\)/);
  // Without a way to read files, nothing is known about the images.
  assert.deepEqual(findingsOf('compose.yaml', text, ['CT2019', 'CT2027']), []);
});

void test('the same rule fires for a Compose key and its docker run flag', () => {
  const pairs: [string, string, string][] = [
    ['CT2017', 'services:\n  w:\n    image: nginx:1.27\n    ports: ["8080:80"]\n', 'docker run -p 8080:80 nginx:1.27\n'],
    [
      'CT2018',
      'services:\n  w:\n    image: nginx:1.27\n    ports: ["127.0.0.1:80:8080"]\n',
      'docker run -p 127.0.0.1:80:8080 nginx:1.27\n',
    ],
    ['CT2019', 'services:\n  w:\n    image: nginx:1.27\n    user: "0"\n', 'docker run --user 0 nginx:1.27\n'],
    [
      'CT2020',
      'services:\n  w:\n    image: nginx:1.27\n    sysctls: [vm.swappiness=10]\n',
      'docker run --sysctl vm.swappiness=10 nginx:1.27\n',
    ],
    ['CT2021', 'services:\n  w:\n    image: nginx:1.27\n    cgroup_parent: x\n', 'docker run --cgroup-parent x nginx:1.27\n'],
    ['CT2022', 'services:\n  w:\n    image: nginx:1.27\n    restart: always\n', 'docker run --restart always nginx:1.27\n'],
    [
      'CT2024',
      'services:\n  w:\n    image: nginx:1.27\n    environment: [DB_PASSWORD=hunter2]\n',
      'docker run -e DB_PASSWORD=hunter2 nginx:1.27\n',
    ],
    ['CT2025', 'services:\n  w:\n    image: nginx:1.27\n    logging: {driver: none}\n', 'docker run --log-driver none nginx:1.27\n'],
    ['CT2026', 'services:\n  w:\n    image: nginx:1.27\n    tmpfs: ["/tmp:exec"]\n', 'docker run --tmpfs /tmp:exec nginx:1.27\n'],
    ['CT2027', 'services:\n  w:\n    image: nginx:1.27\n    healthcheck: {disable: true}\n', 'docker run --no-healthcheck nginx:1.27\n'],
  ];
  for (const [id, yaml, sh] of pairs) {
    assert.equal(findingsOf('compose.yaml', yaml, [id]).length, 1, `${id} in Compose`);
    assert.equal(findingsOf('run.sh', sh, [id]).length, 1, `${id} on docker run`);
    assert.equal(findingsOf('README.md', '```sh\n' + sh + '```\n', [id]).length, 1, `${id} in Markdown`);
  }
});

void test('limits through deploy, the older keys, anchors and merge keys', () => {
  const ids = ['CT2014', 'CT2015', 'CT2016'];
  const merged =
    'x-limits: &limits\n  mem_limit: 256m\n  cpus: 0.5\n  pids_limit: 100\nservices:\n  a:\n    <<: *limits\n    image: nginx:1.27\n  b:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits: {memory: 1G, cpus: "2", pids: 50}\n';
  assert.deepEqual(findingsOf('compose.yaml', merged, ids), []);
  // `docker compose run` shows only part of a service: nothing is reported as missing.
  assert.deepEqual(findingsOf('run.sh', 'docker compose run --rm web\n', ids), []);
});
