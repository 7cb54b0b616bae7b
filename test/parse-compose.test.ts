// The Compose parser: real-world shapes (anchors and `<<` merges, interpolation, short and long
// syntax, extends, build: Dockerfiles, broken YAML, alias bombs) with exact ranges, and every
// RuntimeFixer edit applied alone and in sequence (re-parsed each time).

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseCompose, composeKeyAt, type ComposeDocModel } from '../server/src/core/parse/compose';
import { parseShortPort, parseShortVolume, joinPath } from '../server/src/core/parse/compose/syntax';
import { applyEdits, TextDoc, range } from '../server/src/core/text';
import { suppressionEdit } from '../server/src/core/suppress';
import { analyze } from '../server/src/core/analyze';
import type { Origin, RuntimeFix, RuntimeSpec } from '../server/src/core/model/runtime';
import { inLocale, type Range } from '../server/src/core/types';

/** The range of the `nth` occurrence of `needle` in `text`. */
function at(text: string, needle: string, nth = 0): Range {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `"${needle}" #${nth} not in text`);
  }
  return new TextDoc(text).rangeOf(i, i + needle.length);
}

function src(o: Origin | undefined): Range | undefined {
  return o?.kind === 'source' ? o.range : undefined;
}

function service(m: ComposeDocModel, name: string): RuntimeSpec {
  const s = m.specs.find((x) => x.label === `service "${name}"`);
  assert.ok(s, `no service ${name}`);
  return s;
}

/** Parses, asserting the YAML has no problems. */
function clean(text: string): ComposeDocModel {
  const m = parseCompose(text);
  assert.deepEqual(m.problems, [], `unexpected problems in:\n${text}`);
  return m;
}

/** Asserts that a text contains a fragment, showing the text when it does not. */
function has(text: string, fragment: string, message?: string): void {
  assert.ok(text.includes(fragment), `${message ?? 'missing fragment'}:\n${fragment}\n--- in ---\n${text}`);
}

function apply(text: string, fix: RuntimeFix | undefined): string {
  assert.ok(fix, 'expected a fix');
  assert.ok(inLocale(fix.title).length > 5);
  return applyEdits(text, fix.edits);
}

describe('services', () => {
  test('with and without a version key; x- fields and top-level keys are not services', () => {
    const withVersion =
      'version: "3.8"\nx-common: &c\n  image: busybox\nservices:\n  web:\n    image: nginx:1.27\n  api:\n    <<: *c\nvolumes:\n  data: {}\n';
    const a = clean(withVersion);
    assert.deepEqual(
      a.specs.map((s) => s.label),
      ['service "web"', 'service "api"'],
    );
    assert.equal(a.kind, 'compose');
    assert.deepEqual(src(service(a, 'web').anchor), range(4, 2, 4, 5));
    assert.equal(service(a, 'web').source, 'compose');
    const noVersion = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n';
    const b = clean(noVersion);
    assert.equal(b.specs.length, 1);
    assert.equal(b.specs[0].privileged?.value, true);
    assert.deepEqual(src(b.specs[0].privileged?.origin), range(3, 16, 3, 20));
    assert.deepEqual(src(b.specs[0].image?.origin), range(2, 11, 2, 21));
  });

  test('an empty file, a file without services and an empty service', () => {
    assert.deepEqual(clean('').specs, []);
    assert.deepEqual(clean('# nothing yet\n').specs, []);
    assert.deepEqual(clean('networks:\n  front: {}\n').specs, []);
    const m = clean('services:\n  web:\n');
    assert.equal(m.specs.length, 1);
    assert.deepEqual(m.specs[0].capAdd, []);
  });

  test('every scalar field, booleans as Compose reads them', () => {
    const text = [
      'services:',
      '  app:',
      '    image: ghcr.io/acme/app:2.1',
      '    user: "0:0"',
      '    privileged: yes',
      '    read_only: "false"',
      '    cgroup_parent: /custom',
      '    restart: unless-stopped',
      '    logging:',
      '      driver: none',
      '',
    ].join('\n');
    const s = clean(text).specs[0];
    assert.equal(s.image?.value, 'ghcr.io/acme/app:2.1');
    assert.equal(s.user?.value, '0:0');
    assert.deepEqual(src(s.user?.origin), at(text, '"0:0"'));
    assert.equal(s.privileged?.value, true);
    assert.equal(s.readOnly?.value, false);
    assert.equal(s.cgroupParent?.value, '/custom');
    assert.equal(s.restart?.value, 'unless-stopped');
    assert.equal(s.logDriver?.value, 'none');
    assert.deepEqual(src(s.logDriver?.origin), at(text, 'none'));
  });

  test('multi-document files: services of every document', () => {
    const m = clean('services:\n  a:\n    image: x\n---\nservices:\n  b:\n    privileged: true\n');
    assert.deepEqual(
      m.specs.map((s) => s.label),
      ['service "a"', 'service "b"'],
    );
    assert.deepEqual(src(m.specs[1].privileged?.origin), range(6, 16, 6, 20));
  });
});

describe('anchors, aliases and merge keys', () => {
  const text = [
    'x-hardening: &hardening',
    '  cap_drop: [ALL]',
    '  security_opt:',
    '    - no-new-privileges:true',
    'x-danger: &danger',
    '  privileged: true',
    '  cap_add: &caps',
    '    - SYS_ADMIN',
    '  user: root',
    'services:',
    '  web:',
    '    <<: [*danger, *hardening]',
    '    user: "1001"',
    '  worker:',
    '    <<: *danger',
    '    cap_add: *caps',
    '  plain:',
    '    image: redis:7',
    '    cap_add:',
    '      - *one',
    'x-one: &one NET_ADMIN',
    '',
  ].join('\n');

  test("a merged value keeps the anchor's origin; the service's own keys win", () => {
    const m = parseCompose(text);
    const web = service(m, 'web');
    assert.equal(web.privileged?.value, true);
    assert.deepEqual(src(web.privileged?.origin), range(5, 14, 5, 18), 'privileged points at the anchor');
    assert.deepEqual(
      web.capAdd.map((c) => [c.value, src(c.origin)]),
      [['SYS_ADMIN', range(7, 6, 7, 15)]],
    );
    assert.deepEqual(
      web.capDrop.map((c) => [c.value, src(c.origin)]),
      [['ALL', range(1, 13, 1, 16)]],
    );
    assert.equal(web.securityOpt[0].kind, 'no-new-privileges');
    assert.deepEqual(src(web.securityOpt[0].origin), range(3, 6, 3, 28));
    assert.equal(web.user?.value, '1001', 'own key wins over the merged one');
    assert.deepEqual(src(web.user?.origin), range(12, 10, 12, 16));
    const worker = service(m, 'worker');
    assert.equal(worker.user?.value, 'root');
    assert.deepEqual(src(worker.user?.origin), range(8, 8, 8, 12));
    assert.deepEqual(src(worker.capAdd[0].origin), range(7, 6, 7, 15), 'an alias list points at the anchored list');
    assert.deepEqual(worker.capDrop, [], '<<: *danger does not bring in hardening');
  });

  test('the first merge source wins over later ones', () => {
    const m = clean('x-a: &a\n  user: a\nx-b: &b\n  user: b\n  image: bimg\nservices:\n  s:\n    <<: [*a, *b]\n');
    assert.equal(m.specs[0].user?.value, 'a');
    assert.equal(m.specs[0].image?.value, 'bimg');
  });

  test('an alias to an anchor defined later is reported, not guessed', () => {
    const m = parseCompose(text);
    assert.equal(service(m, 'plain').capAdd.length, 0);
    assert.ok(m.problems.some((p) => p.message.startsWith('Containment could not read this Compose file: ')));
  });

  test('nested merges and merge keys inside nested mappings', () => {
    const t = [
      'x-log: &log',
      '  driver: none',
      'x-base: &base',
      '  logging:',
      '    <<: *log',
      'x-mid: &mid',
      '  <<: *base',
      '  read_only: true',
      'services:',
      '  s:',
      '    <<: *mid',
      '',
    ].join('\n');
    const s = clean(t).specs[0];
    assert.equal(s.logDriver?.value, 'none');
    assert.deepEqual(src(s.logDriver?.origin), range(1, 10, 1, 14));
    assert.equal(s.readOnly?.value, true);
  });

  test('a service that is an alias of another', () => {
    const m = clean('services:\n  a: &svc\n    image: x\n    privileged: true\n  b: *svc\n');
    assert.equal(m.specs.length, 2);
    assert.deepEqual(src(service(m, 'b').privileged?.origin), src(service(m, 'a').privileged?.origin));
    assert.deepEqual(src(service(m, 'b').anchor), range(4, 2, 4, 3));
  });
});

describe('interpolation', () => {
  test('${VAR}, ${VAR:-default} and $VAR are unknown; $$ is a literal dollar', () => {
    const text = [
      'services:',
      '  app:',
      '    image: ${REGISTRY}/app:${TAG:-latest}',
      '    user: $UID',
      '    privileged: ${PRIV:-false}',
      '    network_mode: ${NET}',
      '    security_opt: ["seccomp:${PROFILE}"]',
      '    ports: ["${PORT}:80", "127.0.0.1:$${X}:80"]',
      '    volumes: ["${DATA:-./data}:/data"]',
      '    environment:',
      '      DB_PASSWORD: ${DB_PASSWORD}',
      '      LITERAL: pa$$word',
      '      - ignored',
      '',
    ].join('\n');
    const m = parseCompose(text.replace('      - ignored\n', ''));
    assert.deepEqual(m.problems, []);
    const s = m.specs[0];
    assert.equal(s.image?.unknown, true);
    assert.equal(s.image?.value, '${REGISTRY}/app:${TAG:-latest}');
    assert.equal(s.user?.unknown, true);
    assert.equal(s.privileged?.unknown, true);
    assert.equal(s.namespaces.network?.unknown, true);
    assert.equal(s.securityOpt[0].unknown, true);
    assert.equal(s.ports[0].unknown, true);
    assert.equal(s.ports[1].unknown, undefined, '$$ is an escaped dollar, not a variable');
    assert.equal(s.mounts[0].unknown, true);
    assert.equal(s.mounts[0].type, 'bind');
    const pw = s.env.find((e) => e.name === 'DB_PASSWORD');
    assert.equal(pw?.unknown, true);
    const lit = s.env.find((e) => e.name === 'LITERAL');
    assert.equal(lit?.unknown, undefined);
    assert.equal(lit?.value, 'pa$word');
  });
});

describe('security options, namespaces and capabilities', () => {
  test('both separators and the bare no-new-privileges', () => {
    const text = [
      'services:',
      '  a:',
      '    security_opt:',
      '      - seccomp:unconfined',
      '      - seccomp=./profile.json',
      '      - apparmor=unconfined',
      '      - label:disable',
      '      - label=type:svirt_apache_t',
      '      - no-new-privileges',
      '      - no-new-privileges:false',
      '    cap_add: [sys_admin, CAP_NET_ADMIN]',
      '    cap_drop: [all]',
      '',
    ].join('\n');
    const s = clean(text).specs[0];
    assert.deepEqual(
      s.securityOpt.map((o) => [o.kind, o.value]),
      [
        ['seccomp', 'unconfined'],
        ['seccomp', './profile.json'],
        ['apparmor', 'unconfined'],
        ['label', 'disable'],
        ['label', 'type:svirt_apache_t'],
        ['no-new-privileges', 'true'],
        ['no-new-privileges', 'false'],
      ],
    );
    assert.deepEqual(src(s.securityOpt[3].origin), at(text, 'label:disable'));
    assert.deepEqual(
      s.capAdd.map((c) => c.value),
      ['sys_admin', 'CAP_NET_ADMIN'],
    );
    assert.deepEqual(src(s.capAdd[1].origin), at(text, 'CAP_NET_ADMIN'));
    assert.equal(s.capDrop[0].value, 'all');
  });

  test('namespace modes: host, service:x, container:x, none, cgroup', () => {
    const text = [
      'services:',
      '  a:',
      '    pid: host',
      '    network_mode: service:vpn',
      '    ipc: container:db',
      '    uts: host',
      '    userns_mode: host',
      '    cgroup: private',
      '  b:',
      '    network_mode: none',
      '    cgroup: host',
      '    ipc: shareable',
      '',
    ].join('\n');
    const m = clean(text);
    const a = service(m, 'a').namespaces;
    assert.deepEqual(a.pid?.value, { mode: 'host', raw: 'host' });
    assert.deepEqual(src(a.pid?.origin), range(2, 9, 2, 13));
    assert.deepEqual(a.network?.value, { mode: 'service', target: 'vpn', raw: 'service:vpn' });
    assert.deepEqual(src(a.network?.origin), range(3, 18, 3, 29));
    assert.deepEqual(a.ipc?.value, { mode: 'container', target: 'db', raw: 'container:db' });
    assert.equal(a.uts?.value.mode, 'host');
    assert.equal(a.userns?.value.mode, 'host');
    assert.equal(a.cgroupns?.value.mode, 'private');
    const b = service(m, 'b').namespaces;
    assert.equal(b.network?.value.mode, 'none');
    assert.equal(b.cgroupns?.value.mode, 'host');
    assert.equal(b.ipc?.value.mode, 'other');
  });
});

describe('resources', () => {
  test('deploy.resources limits and reservations', () => {
    const text = [
      'services:',
      '  a:',
      '    deploy:',
      '      resources:',
      '        limits:',
      '          memory: 256M',
      '          cpus: "0.50"',
      '          pids: 64',
      '        reservations:',
      '          memory: 128M',
      '',
    ].join('\n');
    const r = clean(text).specs[0].resources;
    assert.equal(r.memory?.value, '256M');
    assert.deepEqual(src(r.memory?.origin), range(5, 18, 5, 22));
    assert.equal(r.cpus?.value, '0.50');
    assert.deepEqual(src(r.cpus?.origin), range(6, 16, 6, 22));
    assert.equal(r.pidsLimit?.value, '64');
    assert.equal(r.memoryReservation?.value, '128M');
  });

  test('the older service-level keys, numbers kept as written, ulimits short and long', () => {
    const text = [
      'version: "2.4"',
      'services:',
      '  a:',
      '    mem_limit: 1g',
      '    memswap_limit: 2g',
      '    mem_reservation: 512m',
      '    cpus: 1.0',
      '    cpu_shares: 512',
      '    cpu_quota: 50000',
      '    cpuset: "0,1"',
      '    pids_limit: -1',
      '    ulimits:',
      '      nproc: 65535',
      '      nofile:',
      '        soft: 20000',
      '        hard: 40000',
      '',
    ].join('\n');
    const r = clean(text).specs[0].resources;
    assert.equal(r.memory?.value, '1g');
    assert.equal(r.memorySwap?.value, '2g');
    assert.equal(r.memoryReservation?.value, '512m');
    assert.equal(r.cpus?.value, '1.0', 'the number as written, not 1');
    assert.equal(r.cpuShares?.value, '512');
    assert.equal(r.cpuQuota?.value, '50000');
    assert.equal(r.cpuset?.value, '0,1');
    assert.equal(r.pidsLimit?.value, '-1');
    assert.deepEqual(
      r.ulimits.map((u) => [u.name, u.soft, u.hard, src(u.origin)]),
      [
        ['nproc', '65535', '65535', range(12, 6, 12, 18)],
        ['nofile', '20000', '40000', range(13, 6, 15, 19)],
      ],
    );
  });

  test('deploy limits win over mem_limit when both are set', () => {
    const r = clean('services:\n  a:\n    mem_limit: 1g\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n').specs[0]
      .resources;
    assert.equal(r.memory?.value, '256M');
  });
});

describe('mounts', () => {
  test('short syntax: binds with options, named and anonymous volumes, home, relative and Windows paths', () => {
    const text = [
      'services:',
      '  a:',
      '    volumes:',
      '      - /var/run/docker.sock:/var/run/docker.sock:ro,z',
      '      - data:/var/lib/data',
      '      - /var/cache',
      '      - ~/.aws:/root/.aws:ro',
      '      - ./src:/app:rshared',
      '      - C:\\data:/data',
      '      - "C:\\\\Users:/users:Z"',
      '      - /:/host:rw',
      '',
    ].join('\n');
    const s = clean(text).specs[0];
    const m = s.mounts;
    assert.equal(m.length, 8);
    assert.deepEqual(
      { ...m[0], origin: src(m[0].origin), sourceOrigin: src(m[0].sourceOrigin) },
      {
        type: 'bind',
        source: '/var/run/docker.sock',
        target: '/var/run/docker.sock',
        readOnly: true,
        selinux: 'z',
        options: ['ro', 'z'],
        origin: range(3, 8, 3, 54),
        sourceOrigin: range(3, 8, 3, 28),
      },
    );
    assert.deepEqual([m[1].type, m[1].source, m[1].target, m[1].readOnly], ['volume', 'data', '/var/lib/data', false]);
    assert.deepEqual([m[2].type, m[2].source, m[2].target], ['volume', undefined, '/var/cache']);
    assert.deepEqual([m[3].type, m[3].source, m[3].readOnly], ['bind', '~/.aws', true]);
    assert.deepEqual([m[4].type, m[4].source, m[4].propagation], ['bind', './src', 'rshared']);
    assert.deepEqual([m[5].type, m[5].source, m[5].target], ['bind', 'C:\\data', '/data']);
    assert.deepEqual(src(m[5].sourceOrigin), range(8, 8, 8, 15));
    assert.deepEqual([m[6].type, m[6].source, m[6].target, m[6].selinux], ['bind', 'C:\\Users', '/users', 'Z']);
    assert.deepEqual(src(m[6].sourceOrigin), src(m[6].origin), 'escaped text: the whole scalar');
    assert.deepEqual([m[7].source, m[7].target, m[7].readOnly], ['/', '/host', false]);
  });

  test('long syntax: bind propagation and selinux, read_only, tmpfs options, volume nocopy', () => {
    const text = [
      'services:',
      '  a:',
      '    volumes:',
      '      - type: bind',
      '        source: /etc',
      '        target: /host-etc',
      '        read_only: true',
      '        bind:',
      '          propagation: rshared',
      '          selinux: z',
      '      - type: tmpfs',
      '        target: /scratch',
      '        tmpfs:',
      '          size: 1000000',
      '          mode: 1777',
      '      - {type: volume, source: cache, target: /cache, volume: {nocopy: true}}',
      '',
    ].join('\n');
    const m = clean(text).specs[0].mounts;
    assert.deepEqual(
      { ...m[0], origin: src(m[0].origin), sourceOrigin: src(m[0].sourceOrigin) },
      {
        type: 'bind',
        source: '/etc',
        target: '/host-etc',
        readOnly: true,
        propagation: 'rshared',
        selinux: 'z',
        options: [],
        origin: range(3, 8, 9, 20),
        sourceOrigin: range(4, 16, 4, 20),
      },
    );
    assert.deepEqual([m[1].type, m[1].target, m[1].options], ['tmpfs', '/scratch', ['size=1000000', 'mode=1777']]);
    assert.deepEqual([m[2].type, m[2].source, m[2].options], ['volume', 'cache', ['nocopy']]);
    assert.deepEqual(src(m[2].origin), range(15, 8, 15, 77));
  });

  test('a named volume that binds a host directory is that bind, pointing at its device', () => {
    const text = [
      'services:',
      '  web:',
      '    volumes:',
      '      - etc:/host-etc:ro',
      '      - type: volume',
      '        source: persist',
      '        target: /data',
      '      - plain:/plain',
      'volumes:',
      '  etc:',
      '    driver: local',
      '    driver_opts:',
      '      type: none',
      '      o: bind',
      '      device: /etc',
      '  persist:',
      '    driver: local-persist',
      '    driver_opts:',
      '      mountpoint: ${ROOT}/data',
      '  plain: {}',
      '',
    ].join('\n');
    const m = clean(text).specs[0].mounts;
    assert.deepEqual(
      m.map((x) => [x.type, x.source, x.target, x.readOnly, src(x.origin), src(x.sourceOrigin), x.unknown]),
      [
        ['bind', '/etc', '/host-etc', true, range(3, 8, 3, 24), range(14, 14, 14, 18), undefined],
        ['bind', '${ROOT}/data', '/data', false, range(4, 8, 6, 21), range(18, 18, 18, 30), true],
        ['volume', 'plain', '/plain', false, range(7, 8, 7, 20), range(7, 8, 7, 13), undefined],
      ],
    );
  });

  test('tmpfs as a string and as a list, with options', () => {
    const one = clean('services:\n  a:\n    tmpfs: /run\n').specs[0].mounts;
    assert.deepEqual(
      one.map((m) => [m.type, m.target, m.options, src(m.origin)]),
      [['tmpfs', '/run', [], range(2, 11, 2, 15)]],
    );
    const list = clean('services:\n  a:\n    tmpfs:\n      - /tmp\n      - /run:rw,exec,suid,size=64m\n').specs[0].mounts;
    assert.deepEqual(
      list.map((m) => [m.target, m.options]),
      [
        ['/tmp', []],
        ['/run', ['rw', 'exec', 'suid', 'size=64m']],
      ],
    );
  });

  test('devices short and long', () => {
    const text =
      'services:\n  a:\n    devices:\n      - /dev/ttyUSB0:/dev/ttyUSB0:rwm\n      - source: /dev/kvm\n        target: /dev/kvm\n';
    const d = clean(text).specs[0].devices;
    assert.deepEqual(
      d.map((x) => [x.value, src(x.origin)]),
      [
        ['/dev/ttyUSB0:/dev/ttyUSB0:rwm', range(3, 8, 3, 37)],
        ['/dev/kvm:/dev/kvm', range(4, 8, 5, 24)],
      ],
    );
  });
});

describe('ports', () => {
  test('short syntax: host:container, IP, single port, ranges, protocol, IPv6, numbers', () => {
    const text = [
      'services:',
      '  a:',
      '    ports:',
      '      - "8080:80"',
      '      - "127.0.0.1:8080:80/udp"',
      '      - "80"',
      '      - "9000-9010:9000-9010"',
      '      - "[::1]:8443:443"',
      '      - 3000',
      '      - 0.0.0.0::53/UDP',
      '',
    ].join('\n');
    const p = clean(text).specs[0].ports;
    assert.deepEqual(
      p.map((x) => [x.hostIp, x.hostPort, x.containerPort, x.protocol]),
      [
        [undefined, '8080', '80', 'tcp'],
        ['127.0.0.1', '8080', '80', 'udp'],
        [undefined, undefined, '80', 'tcp'],
        [undefined, '9000-9010', '9000-9010', 'tcp'],
        ['::1', '8443', '443', 'tcp'],
        [undefined, undefined, '3000', 'tcp'],
        ['0.0.0.0', undefined, '53', 'udp'],
      ],
    );
    assert.deepEqual(src(p[0].origin), range(3, 8, 3, 17));
    assert.deepEqual(src(p[5].origin), range(8, 8, 8, 12));
  });

  test('long syntax', () => {
    const text =
      'services:\n  a:\n    ports:\n      - target: 80\n        published: "8080"\n        host_ip: 0.0.0.0\n        protocol: udp\n      - target: 443\n';
    const p = clean(text).specs[0].ports;
    assert.deepEqual(
      p.map((x) => [x.hostIp, x.hostPort, x.containerPort, x.protocol, src(x.origin)]),
      [
        ['0.0.0.0', '8080', '80', 'udp', range(3, 8, 6, 21)],
        [undefined, undefined, '443', 'tcp', range(7, 8, 7, 19)],
      ],
    );
  });

  test('the short-syntax parsers on their own', () => {
    assert.deepEqual(parseShortPort('[::]:80:80'), {
      hostIp: '::',
      hostIpPart: { text: '[::]', start: 0 },
      hostPort: '80',
      containerPort: '80',
      protocol: 'tcp',
    });
    assert.deepEqual(parseShortPort('::1:8080:80')?.hostIp, '::1');
    assert.equal(parseShortPort(''), undefined);
    assert.equal(parseShortVolume('ab:cd:ro:x'), undefined);
    assert.deepEqual(parseShortVolume('${A:-/x}:/y')?.source, { text: '${A:-/x}', start: 0 });
    assert.equal(parseShortPort('${P:-8080}:80')?.hostPort, '${P:-8080}');
    assert.deepEqual(parseShortVolume('c:\\x:/y')?.source, { text: 'c:\\x', start: 0 });
    assert.equal(joinPath('./api', 'Dockerfile'), 'api/Dockerfile');
    assert.equal(joinPath('.', 'Dockerfile'), 'Dockerfile');
    assert.equal(joinPath('../svc/', './docker/Dockerfile.prod'), '../svc/docker/Dockerfile.prod');
    assert.equal(joinPath('a\\b', '../c'), 'a/c');
  });
});

describe('sysctls, environment, restart, healthcheck', () => {
  test('sysctls as a map and as a list', () => {
    const map = clean('services:\n  a:\n    sysctls:\n      net.core.somaxconn: 1024\n      kernel.shm_rmid_forced: 1\n').specs[0].sysctls;
    assert.deepEqual(
      map.map((s) => [s.name, s.value, src(s.origin)]),
      [
        ['net.core.somaxconn', '1024', range(3, 6, 3, 30)],
        ['kernel.shm_rmid_forced', '1', range(4, 6, 4, 31)],
      ],
    );
    const list = clean('services:\n  a:\n    sysctls:\n      - net.ipv4.ip_forward=1\n').specs[0].sysctls;
    assert.deepEqual(
      list.map((s) => [s.name, s.value, src(s.origin)]),
      [['net.ipv4.ip_forward', '1', range(3, 8, 3, 29)]],
    );
  });

  test('environment as a map and as a list, with bare names', () => {
    const map = clean('services:\n  a:\n    environment:\n      API_TOKEN: abc123\n      EMPTY:\n').specs[0].env;
    assert.deepEqual(
      map.map((e) => [e.name, e.value, src(e.origin)]),
      [
        ['API_TOKEN', 'abc123', range(3, 6, 3, 23)],
        ['EMPTY', undefined, range(4, 6, 4, 11)],
      ],
    );
    const list = clean('services:\n  a:\n    environment:\n      - PASSWORD=hunter2\n      - HOME\n      - URL=a=b\n').specs[0].env;
    assert.deepEqual(
      list.map((e) => [e.name, e.value]),
      [
        ['PASSWORD', 'hunter2'],
        ['HOME', undefined],
        ['URL', 'a=b'],
      ],
    );
  });

  test('deploy.restart_policy wins over restart and reads as docker compose maps it', () => {
    const a = clean('services:\n  a:\n    restart: "no"\n    deploy:\n      restart_policy:\n        condition: any\n').specs[0];
    assert.equal(a.restart?.value, 'always');
    assert.deepEqual(src(a.restart?.origin), range(5, 19, 5, 22));
    const b = clean('services:\n  a:\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 3\n')
      .specs[0];
    assert.equal(b.restart?.value, 'on-failure:3');
    const c = clean('services:\n  a:\n    restart: on-failure:5\n').specs[0];
    assert.equal(c.restart?.value, 'on-failure:5');
  });

  test('healthcheck: disabled two ways, present, absent', () => {
    const off = clean('services:\n  a:\n    healthcheck:\n      disable: true\n').specs[0];
    assert.equal(off.healthcheckDisabled?.value, true);
    assert.deepEqual(src(off.healthcheckDisabled?.origin), range(3, 15, 3, 19));
    assert.equal(off.hasHealthcheck, undefined);
    const none = clean('services:\n  a:\n    healthcheck:\n      test: ["NONE"]\n').specs[0];
    assert.equal(none.healthcheckDisabled?.value, true);
    assert.deepEqual(src(none.healthcheckDisabled?.origin), range(3, 12, 3, 20));
    const on = clean('services:\n  a:\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost"]\n      interval: 30s\n')
      .specs[0];
    assert.equal(on.hasHealthcheck, true);
    assert.equal(on.healthcheckDisabled, undefined);
    assert.equal(clean('services:\n  a:\n    image: x\n').specs[0].hasHealthcheck, undefined);
  });
});

describe('extends', () => {
  test('within the file: the base is merged under the service; values keep the base origin', () => {
    const text = [
      'services:',
      '  base:',
      '    image: app:1',
      '    privileged: true',
      '    cap_add: [NET_ADMIN]',
      '    environment:',
      '      A: base',
      '      B: base',
      '  web:',
      '    extends: base',
      '    cap_add: [SYS_TIME]',
      '    environment:',
      '      B: web',
      '  api:',
      '    extends:',
      '      service: web',
      '    privileged: false',
      '',
    ].join('\n');
    const m = clean(text);
    const web = service(m, 'web');
    assert.equal(web.image?.value, 'app:1');
    assert.equal(web.privileged?.value, true);
    assert.deepEqual(src(web.privileged?.origin), range(3, 16, 3, 20));
    assert.deepEqual(
      web.capAdd.map((c) => c.value),
      ['NET_ADMIN', 'SYS_TIME'],
    );
    assert.deepEqual(
      web.env.map((e) => [e.name, e.value]),
      [
        ['A', 'base'],
        ['B', 'web'],
      ],
    );
    assert.deepEqual(src(web.anchor), range(8, 2, 8, 5));
    assert.equal(web.partial, undefined);
    const api = service(m, 'api');
    assert.equal(api.privileged?.value, false, "the service's own key wins");
    assert.deepEqual(
      api.capAdd.map((c) => c.value),
      ['NET_ADMIN', 'SYS_TIME'],
    );
  });

  test('from another file through readRelative; without it the spec is partial', () => {
    const text = 'services:\n  web:\n    extends:\n      file: common/base.yaml\n      service: hardened\n    image: web:1\n';
    const files: Record<string, string> = {
      'common/base.yaml': 'services:\n  hardened:\n    cap_drop: [ALL]\n    read_only: true\n    build: ./img\n',
      'common/img/Dockerfile': 'FROM alpine:3.20\nUSER 10001\n',
    };
    const m = parseCompose(text, (p) => files[p]);
    assert.deepEqual(m.problems, []);
    const web = m.specs[0];
    assert.equal(web.capDrop[0].value, 'ALL');
    assert.deepEqual(src(web.capDrop[0].origin), range(2, 4, 2, 11), 'values from another file point at the extends: value');
    assert.equal(web.readOnly?.value, true);
    assert.equal(web.imageFacts?.user, '10001');
    assert.equal(web.imageFacts?.describedBy, 'common/img/Dockerfile line 2');
    assert.equal(web.image?.value, 'web:1');
    assert.equal(web.fixer?.removeValue?.(web.capDrop[0].origin, 'Remove'), undefined, 'no edit in the other file');
    const broken = parseCompose(text, (p) => (p === 'common/base.yaml' ? 'services:\n  hardened:\n    cap_drop: [ALL\n' : undefined));
    assert.deepEqual(broken.problems, [], "the other file's problems are not this file's");
    assert.equal(broken.specs[0].partial, true, 'a broken base file makes the spec partial');
    const alone = parseCompose(text).specs[0];
    assert.equal(alone.partial, true);
    assert.deepEqual(alone.capDrop, []);
  });

  test('extends cycles and missing bases end', () => {
    const m = clean('services:\n  a:\n    extends: b\n  b:\n    extends: a\n  c:\n    extends: nowhere\n');
    assert.equal(m.specs.length, 3);
    assert.equal(service(m, 'c').partial, true);
  });
});

describe('build: links the Dockerfile', () => {
  const files: Record<string, string> = {
    'api/Dockerfile':
      'FROM node:20-alpine AS build\nRUN npm ci\nFROM node:20-alpine\nHEALTHCHECK CMD wget -q -O- localhost:3000\nUSER node\n',
    'worker/docker/Dockerfile.prod': 'FROM python:3.12-slim\nHEALTHCHECK CMD true\nFROM python:3.12-slim AS final\nUSER 0\n',
    'root/Dockerfile': 'FROM debian:12 AS base\nHEALTHCHECK CMD true\nFROM base\nHEALTHCHECK NONE\n',
    Dockerfile: 'FROM gcr.io/distroless/static-debian12:nonroot\n',
  };
  const read = (p: string) => files[p];
  const text = [
    'services:',
    '  api:',
    '    build: ./api',
    '  worker:',
    '    build:',
    '      context: worker',
    '      dockerfile: ./docker/Dockerfile.prod',
    '  root:',
    '    build: {context: root/}',
    '  here:',
    '    build: .',
    '  missing:',
    '    build: ./nowhere',
    '  inline:',
    '    build:',
    '      context: .',
    '      dockerfile_inline: |',
    '        FROM alpine',
    '        USER app',
    '',
  ].join('\n');

  test('the final USER and HEALTHCHECK, and where they come from', () => {
    const m = parseCompose(text, read);
    assert.deepEqual(m.problems, []);
    assert.deepEqual(service(m, 'api').imageFacts, {
      user: 'node',
      userIsRoot: false,
      hasHealthcheck: true,
      describedBy: 'api/Dockerfile line 5',
    });
    assert.deepEqual(service(m, 'worker').imageFacts, {
      user: '0',
      userIsRoot: true,
      hasHealthcheck: false,
      describedBy: 'worker/docker/Dockerfile.prod line 4',
    });
    assert.deepEqual(service(m, 'root').imageFacts, {
      user: undefined,
      userIsRoot: true,
      hasHealthcheck: false,
      describedBy: 'root/Dockerfile',
    });
    assert.equal(service(m, 'here').imageFacts?.userIsRoot, false, 'distroless nonroot');
    assert.equal(service(m, 'missing').imageFacts, undefined);
    assert.equal(service(m, 'inline').imageFacts?.user, 'app');
  });

  test('without readRelative nothing is read', () => {
    const m = parseCompose(text);
    assert.equal(service(m, 'api').imageFacts, undefined);
    assert.equal(service(m, 'inline').imageFacts?.user, 'app', 'an inline Dockerfile needs no file');
  });
});

describe('input problems', () => {
  test('broken YAML: problems at the error, services that parse are still read', () => {
    const text = 'services:\n  web:\n    image: nginx\n    privileged: true\n  db:\n    image: [x\n  cache:\n    image: redis\n';
    const m = parseCompose(text);
    assert.ok(m.problems.length > 0);
    for (const p of m.problems) {
      assert.equal(p.severity, 'warning');
      assert.match(p.message, /^Containment could not read this Compose file: \S/);
      assert.ok(!p.message.includes('\n'));
    }
    assert.equal(service(m, 'web').privileged?.value, true);
    assert.equal(service(m, 'web').partial, undefined);
  });

  test('duplicate keys are problems; the service with them is partial', () => {
    const text = 'services:\n  web:\n    image: a\n    image: b\n';
    const m = parseCompose(text);
    assert.deepEqual(m.problems, [
      { message: 'Containment could not read this Compose file: Map keys must be unique', range: range(3, 4, 3, 9), severity: 'warning' },
    ]);
    assert.equal(m.specs[0].image?.value, 'a');
    assert.equal(m.specs[0].partial, true);
  });

  test('a top level that is not a mapping, services that are not mappings', () => {
    const list = parseCompose('- a\n- b\n');
    assert.equal(list.specs.length, 0);
    assert.match(list.problems[0].message, /^Containment could not read this Compose file: its top level/);
    assert.deepEqual(list.problems[0].range.start, { line: 0, character: 0 });
    const svc = parseCompose('services:\n  web: nginx\n  db:\n    image: postgres\n');
    assert.deepEqual(
      svc.specs.map((s) => s.label),
      ['service "db"'],
    );
    assert.deepEqual(svc.problems[0].range, range(1, 7, 1, 12));
    const str = parseCompose('services: [web]\n');
    assert.equal(str.problems.length, 1);
  });

  test('an alias bomb is bounded and reported', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    lines.push('services:', '  web:', '    image: nginx', '    cap_add: *j', '    environment: *i');
    const started = Date.now();
    const m = parseCompose(lines.join('\n') + '\n');
    assert.ok(Date.now() - started < 2000, 'bounded time');
    assert.equal(m.problems.length, 1);
    assert.match(m.problems[0].message, /alias bomb/);
    assert.equal(m.specs[0].image?.value, 'nginx');
    assert.equal(m.specs[0].partial, true);
  });

  test('a merge-key bomb is bounded too', () => {
    const lines = ['x0: &x0 {privileged: true}'];
    for (let i = 1; i < 40; i++)
      lines.push(
        `x${i}: &x${i}`,
        `  <<: [${Array(9)
          .fill(`*x${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('services:', '  web:', '    <<: *x39');
    const started = Date.now();
    const m = parseCompose(lines.join('\n') + '\n');
    assert.ok(Date.now() - started < 2000, 'bounded time');
    assert.equal(m.problems.length, 1);
  });

  test('an alias inside the node it names is not followed', () => {
    const m = parseCompose('x: &a [SYS_ADMIN, *a]\nservices:\n  s:\n    cap_add: *a\n');
    assert.equal(m.problems.length, 1);
    assert.deepEqual(
      m.specs[0].capAdd.map((c) => c.value),
      ['SYS_ADMIN'],
    );
  });
});

describe('statements and key paths', () => {
  const text = [
    'services:', // 0
    '  web:', // 1
    '    # containment-ignore CT2001: needed for the demo', // 2
    '    privileged: true', // 3
    '    cap_add:', // 4
    '      - SYS_ADMIN', // 5
    '      - NET_ADMIN', // 6
    '    ports: [', // 7
    '      "80:80",', // 8
    '    ]', // 9
    '    command: |', // 10
    '      echo hi', // 11
    '      echo there', // 12
    '    volumes:', // 13
    '      - type: bind', // 14
    '        source: /', // 15
    '        target: /host', // 16
    '',
  ].join('\n');

  test('statementSpan: a key or item to the end of its value', () => {
    const m = clean(text);
    assert.equal(m.statementSpan(1), 16, 'a service key covers its block');
    assert.equal(m.statementSpan(3), 3);
    assert.equal(m.statementSpan(4), 6);
    assert.equal(m.statementSpan(5), 5);
    assert.equal(m.statementSpan(7), 9, 'a flow list over lines');
    assert.equal(m.statementSpan(10), 12, 'a block scalar');
    assert.equal(m.statementSpan(14), 16, 'a list item mapping');
    assert.equal(m.statementSpan(2), 2, 'a comment line is no statement');
  });

  test('statementStart: the innermost key or item, never inside flow lists or block scalars', () => {
    const m = clean(text);
    assert.equal(m.statementStart(3), 3);
    assert.equal(m.statementStart(6), 6);
    assert.equal(m.statementStart(8), 7);
    assert.equal(m.statementStart(12), 10);
    assert.equal(m.statementStart(15), 15);
    assert.equal(m.statementStart(0), 0);
  });

  test('an ignore comment goes above the statement, indented like it, and the result is valid YAML', () => {
    const m = clean(text);
    const edit = suppressionEdit(m.doc, m.statementStart(5), 'CT2002');
    const out = applyEdits(text, [edit]);
    assert.equal(out.split('\n')[5], '      # containment-ignore CT2002');
    assert.equal(clean(out).specs[0].capAdd.length, 2);
    const again = suppressionEdit(m.doc, m.statementStart(3), 'CT2003');
    assert.equal(applyEdits(text, [again]).split('\n')[2], '    # containment-ignore CT2001 CT2003: needed for the demo');
  });

  test('through analyze(): an ignore comment above a key or above a service covers its block', () => {
    const t = [
      'services:',
      '  a:',
      '    image: x:1',
      '    # containment-ignore CT2001: lab machine',
      '    privileged: true',
      '  # containment-ignore CT2001: lab machine',
      '  b:',
      '    image: y:1',
      '    privileged: true',
      '  c:',
      '    image: z:1',
      '    privileged: true',
      '',
    ].join('\n');
    const a = analyze('compose.yaml', t);
    assert.ok(a);
    assert.deepEqual(
      a.findings.filter((f) => f.ruleId === 'CT2001').map((f) => f.range),
      [range(11, 16, 11, 20)],
    );
  });

  test('keyPathAt: keys, values, list items, through anchors', () => {
    const m = clean(text);
    assert.deepEqual(m.keyPathAt({ line: 4, character: 6 }), {
      path: ['services', 'web', 'cap_add'],
      range: range(4, 4, 4, 11),
      on: 'key',
      text: 'cap_add',
    });
    assert.deepEqual(m.keyPathAt({ line: 6, character: 10 }), {
      path: ['services', 'web', 'cap_add', '1'],
      range: range(6, 8, 6, 17),
      on: 'value',
      text: 'NET_ADMIN',
    });
    assert.deepEqual(m.keyPathAt({ line: 15, character: 10 })?.path, ['services', 'web', 'volumes', '0', 'source']);
    assert.equal(m.keyPathAt({ line: 2, character: 6 }), undefined, 'a comment');
    assert.deepEqual(composeKeyAt(m, { line: 3, character: 17 })?.path, ['services', 'web', 'privileged']);
    assert.equal(m.hoverAt?.({ line: 3, character: 6 }), undefined);
  });
});

describe('fixes', () => {
  const base = [
    '# Production stack',
    'services:',
    '  web:',
    '    image: nginx:1.27 # pinned',
    '    privileged: true',
    '    cap_add:',
    '      - NET_ADMIN',
    '    ports:',
    '      - "8080:80"',
    '      - target: 443',
    '        published: 8443',
    '    user: root',
    '  db:',
    '    image: postgres:16',
    '',
  ].join('\n');

  const web = (t: string) => service(clean(t), 'web');
  const fixer = (t: string) => {
    const f = web(t).fixer;
    assert.ok(f);
    return f;
  };

  test('addCapDropAll: a new key, ALL appended to a block or flow list, cap_add kept', () => {
    const out = apply(base, fixer(base).addCapDropAll?.());
    has(out, '    user: root\n    cap_drop: [ALL]\n  db:');
    has(out, 'cap_add:\n      - NET_ADMIN');
    assert.deepEqual(
      web(out).capDrop.map((c) => c.value),
      ['ALL'],
    );
    const block = 'services:\n  web:\n    cap_drop:\n      - NET_RAW # not needed\n';
    assert.equal(
      apply(block, fixer(block).addCapDropAll?.()),
      'services:\n  web:\n    cap_drop:\n      - NET_RAW # not needed\n      - ALL\n',
    );
    const flow = 'services:\n  web:\n    cap_drop: [NET_RAW]\n';
    assert.equal(apply(flow, fixer(flow).addCapDropAll?.()), 'services:\n  web:\n    cap_drop: [NET_RAW, ALL]\n');
    const empty = 'services:\n  web:\n    cap_drop: []\n';
    assert.equal(apply(empty, fixer(empty).addCapDropAll?.()), 'services:\n  web:\n    cap_drop: [ALL]\n');
    const done = 'services:\n  web:\n    cap_drop: [all]\n';
    assert.equal(fixer(done).addCapDropAll?.(), undefined);
  });

  test('addNoNewPrivileges: into an existing list, a new list, or turning false into true', () => {
    const out = apply(base, fixer(base).addNoNewPrivileges?.());
    has(out, '    user: root\n    security_opt: [no-new-privileges:true]\n');
    const list = 'services:\n  web:\n    security_opt:\n      - apparmor:docker-default\n';
    assert.equal(
      apply(list, fixer(list).addNoNewPrivileges?.()),
      'services:\n  web:\n    security_opt:\n      - apparmor:docker-default\n      - no-new-privileges:true\n',
    );
    const off = "services:\n  web:\n    security_opt: ['no-new-privileges:false']\n";
    assert.equal(apply(off, fixer(off).addNoNewPrivileges?.()), "services:\n  web:\n    security_opt: ['no-new-privileges:true']\n");
    const merged = 'x-sec: &sec\n  security_opt:\n    - seccomp=./profile.json\n    - "label=type:a b"\nservices:\n  web:\n    <<: *sec\n';
    const mergedOut = apply(merged, fixer(merged).addNoNewPrivileges?.());
    assert.ok(mergedOut.endsWith('    <<: *sec\n    security_opt: [seccomp=./profile.json, "label=type:a b", no-new-privileges:true]\n'));
    assert.deepEqual(
      web(mergedOut).securityOpt.map((o) => o.raw),
      ['seccomp=./profile.json', 'label=type:a b', 'no-new-privileges:true'],
      'the merged options are kept',
    );
    const on = 'services:\n  web:\n    security_opt: [no-new-privileges]\n';
    assert.equal(fixer(on).addNoNewPrivileges?.(), undefined);
  });

  test('addReadOnly: read_only with a tmpfs for /tmp unless one exists', () => {
    const out = apply(base, fixer(base).addReadOnly?.());
    has(out, '    user: root\n    read_only: true\n    tmpfs: [/tmp]\n  db:');
    const withTmp = 'services:\n  web:\n    read_only: false\n    tmpfs: /run\n';
    const f = fixer(withTmp).addReadOnly?.();
    assert.equal(f && inLocale(f.title), 'Make the root filesystem read-only (read_only: true)');
    assert.equal(apply(withTmp, f), 'services:\n  web:\n    read_only: true\n    tmpfs: /run\n');
  });

  test('addLimits: a new deploy block, or merged into existing deploy/resources/limits maps', () => {
    const out = apply(base, fixer(base).addLimits?.(['memory', 'cpus', 'pids']));
    has(
      out,
      '    user: root\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "1.0"\n    pids_limit: 100\n  db:',
    );
    const r = web(out).resources;
    assert.deepEqual([r.memory?.value, r.cpus?.value, r.pidsLimit?.value], ['512M', '1.0', '100']);
    const partial =
      'services:\n  web:\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          memory: 1G\n    image: x\n';
    assert.equal(
      apply(partial, fixer(partial).addLimits?.(['memory', 'cpus', 'pids'])),
      'services:\n  web:\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          memory: 1G\n          cpus: "1.0"\n    image: x\n    pids_limit: 100\n',
    );
    const noRes = 'services:\n  web:\n    deploy:\n      replicas: 2\n';
    assert.equal(
      apply(noRes, fixer(noRes).addLimits?.(['memory'])),
      'services:\n  web:\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          memory: 512M\n',
    );
    assert.equal(fixer(partial).addLimits?.(['memory']), undefined, 'nothing missing');
  });

  test('setUser: replaces a root user, or adds one', () => {
    const out = apply(base, fixer(base).setUser?.('1001:1001'));
    has(out, '    user: "1001:1001"\n  db:');
    const db = service(clean(base), 'db').fixer;
    assert.ok(apply(base, db?.setUser?.('1001:1001')).endsWith('    image: postgres:16\n    user: "1001:1001"\n'));
    const single = "services:\n  web:\n    user: 'root'\n";
    assert.equal(apply(single, fixer(single).setUser?.('1001:1001')), "services:\n  web:\n    user: '1001:1001'\n");
  });

  test('bindPortToLocalhost: short syntax gets the IP, long syntax gets host_ip', () => {
    const m = clean(base);
    const s = service(m, 'web');
    const short = apply(base, s.fixer?.bindPortToLocalhost?.(s.ports[0]));
    has(short, '      - "127.0.0.1:8080:80"\n');
    const long = apply(base, s.fixer?.bindPortToLocalhost?.(s.ports[1]));
    has(long, '        published: 8443\n        host_ip: 127.0.0.1\n    user: root');
    const cases: [string, string][] = [
      ['"80"', '"127.0.0.1::80"'],
      ['3000', '"127.0.0.1::3000"'],
      ["'0.0.0.0:53:53/udp'", "'127.0.0.1:53:53/udp'"],
      ['"[::]:8443:443"', '"127.0.0.1:8443:443"'],
    ];
    for (const [before, after] of cases) {
      const t = `services:\n  web:\n    ports:\n      - ${before}\n`;
      const sp = web(t);
      assert.equal(apply(t, sp.fixer?.bindPortToLocalhost?.(sp.ports[0])), `services:\n  web:\n    ports:\n      - ${after}\n`);
    }
    const loop = 'services:\n  web:\n    ports: ["127.0.0.1:80:80"]\n';
    assert.equal(web(loop).fixer?.bindPortToLocalhost?.(web(loop).ports[0]), undefined);
  });

  test('removePrivileged and removeValue: key lines and list items, block and flow', () => {
    const s = web(base);
    const out = apply(base, s.fixer?.removePrivileged?.());
    assert.equal(out, base.replace('    privileged: true\n', ''));
    const onlyItem = apply(base, s.fixer?.removeValue?.(s.capAdd[0].origin, 'Remove NET_ADMIN'));
    has(onlyItem, '    cap_add: []\n    ports:');
    const flow = 'services:\n  web:\n    cap_add: [SYS_ADMIN, NET_ADMIN, SYS_TIME]\n';
    const f = web(flow);
    assert.equal(
      apply(flow, f.fixer?.removeValue?.(f.capAdd[0].origin, 'Remove this value')),
      'services:\n  web:\n    cap_add: [NET_ADMIN, SYS_TIME]\n',
    );
    assert.equal(
      apply(flow, f.fixer?.removeValue?.(f.capAdd[2].origin, 'Remove this value')),
      'services:\n  web:\n    cap_add: [SYS_ADMIN, NET_ADMIN]\n',
    );
    const block = 'services:\n  web:\n    volumes:\n      - /:/host\n      - ./data:/data\n    pid: host\n';
    const b = web(block);
    assert.equal(
      apply(block, b.fixer?.removeValue?.(b.mounts[0].origin, 'Remove this value')),
      'services:\n  web:\n    volumes:\n      - ./data:/data\n    pid: host\n',
    );
    assert.equal(
      apply(block, b.fixer?.removeValue?.(b.namespaces.pid!.origin, 'Remove this value')),
      'services:\n  web:\n    volumes:\n      - /:/host\n      - ./data:/data\n',
    );
    const itemMap = 'services:\n  web:\n    volumes:\n      - type: bind\n        source: /\n        target: /host\n      - data:/data\n';
    const im = web(itemMap);
    assert.equal(
      apply(itemMap, im.fixer?.removeValue?.(im.mounts[0].origin, 'Remove this value')),
      'services:\n  web:\n    volumes:\n      - data:/data\n',
    );
    const live: Origin = { kind: 'live', field: 'HostConfig.Privileged' };
    assert.equal(s.fixer?.removeValue?.(live, 'x'), undefined);
  });

  test('a service whose settings come from an anchor: new keys go into its own map, a removal edits the anchor once', () => {
    const text = [
      'x-app: &app',
      '  image: app:1',
      '  privileged: true',
      '  deploy:',
      '    replicas: 2',
      'services:',
      '  a:',
      '    <<: *app',
      '  b:',
      '    <<: *app',
      '    environment: [X=1]',
      '',
    ].join('\n');
    const m = clean(text);
    const a = service(m, 'a');
    const cap = apply(text, a.fixer?.addCapDropAll?.());
    has(cap, '  a:\n    <<: *app\n    cap_drop: [ALL]\n  b:');
    const lim = apply(text, a.fixer?.addLimits?.(['memory', 'cpus', 'pids']));
    has(lim, '  a:\n    <<: *app\n    mem_limit: 512M\n    cpus: "1.0"\n    pids_limit: 100\n  b:', 'the merged deploy stays untouched');
    const rm = apply(text, a.fixer?.removePrivileged?.());
    assert.ok(!rm.includes('privileged'));
    const after = clean(rm);
    assert.equal(service(after, 'a').privileged, undefined);
    assert.equal(service(after, 'b').privileged, undefined);
  });

  test('a value that is an anchor itself is not deleted (its aliases would break)', () => {
    const text = 'x-p: &priv true\nservices:\n  a:\n    privileged: *priv\n';
    const s = clean(text).specs[0];
    assert.deepEqual(src(s.privileged?.origin), range(0, 11, 0, 15));
    assert.equal(s.fixer?.removePrivileged?.(), undefined);
  });

  test('flow-style services and an empty service', () => {
    const flow = 'services:\n  web: {image: nginx, privileged: true, ports: ["80:80"]}\n';
    let t = flow;
    for (const name of ['addCapDropAll', 'addNoNewPrivileges', 'addReadOnly', 'limits', 'setUser', 'port', 'removePrivileged'] as const) {
      const s = web(t);
      const f = s.fixer!;
      const fix =
        name === 'limits'
          ? f.addLimits?.(['memory', 'cpus', 'pids'])
          : name === 'port'
            ? f.bindPortToLocalhost?.(s.ports[0])
            : name === 'setUser'
              ? f.setUser?.('1001:1001')
              : f[name]?.();
      t = apply(t, fix);
    }
    assert.equal(
      t,
      'services:\n  web: {image: nginx, ports: ["127.0.0.1:80:80"], cap_drop: [ALL], security_opt: [no-new-privileges:true], read_only: true, tmpfs: [/tmp], deploy: {resources: {limits: {memory: 512M, cpus: "1.0"}}}, pids_limit: 100, user: "1001:1001"}\n',
    );
    const empty = 'services:\n  web:\n  db:\n    image: x\n';
    assert.equal(apply(empty, fixer(empty).addCapDropAll?.()), 'services:\n  web:\n    cap_drop: [ALL]\n  db:\n    image: x\n');
  });

  test('every fix in sequence: valid YAML each time, comments kept, expected values', () => {
    let t = base;
    const steps: ((s: RuntimeSpec) => RuntimeFix | undefined)[] = [
      (s) => s.fixer?.addCapDropAll?.(),
      (s) => s.fixer?.addNoNewPrivileges?.(),
      (s) => s.fixer?.addReadOnly?.(),
      (s) => s.fixer?.addLimits?.(['memory', 'cpus', 'pids']),
      (s) => s.fixer?.setUser?.('1001:1001'),
      (s) => s.fixer?.bindPortToLocalhost?.(s.ports[0]),
      (s) => s.fixer?.bindPortToLocalhost?.(s.ports[1]),
      (s) => s.fixer?.removePrivileged?.(),
      (s) => s.fixer?.removeValue?.(s.capAdd[0].origin, 'Remove NET_ADMIN'),
    ];
    for (const step of steps) t = apply(t, step(web(t)));
    const s = web(t);
    assert.equal(s.privileged, undefined);
    assert.deepEqual(
      s.capDrop.map((c) => c.value),
      ['ALL'],
    );
    assert.deepEqual(s.capAdd, []);
    assert.equal(s.securityOpt[0].raw, 'no-new-privileges:true');
    assert.equal(s.readOnly?.value, true);
    assert.equal(s.user?.value, '1001:1001');
    assert.deepEqual(
      s.ports.map((p) => p.hostIp),
      ['127.0.0.1', '127.0.0.1'],
    );
    assert.equal(s.resources.pidsLimit?.value, '100');
    assert.ok(t.startsWith('# Production stack\n'));
    assert.ok(t.includes('image: nginx:1.27 # pinned'));
    assert.equal(service(clean(t), 'db').image?.value, 'postgres:16');
  });

  test('fixes computed on the same text and applied together still give valid YAML', () => {
    const deep =
      'services:\n    web:\n        image: x\n        ports:\n            - target: 80\n              published: 8080\n        deploy:\n            replicas: 2\n';
    const s = web(deep);
    const f = s.fixer!;
    const fixes = [
      f.addLimits?.(['memory', 'cpus', 'pids']),
      f.addCapDropAll?.(),
      f.bindPortToLocalhost?.(s.ports[0]),
      f.addReadOnly?.(),
      f.setUser?.('1001:1001'),
    ];
    for (const order of [fixes, [...fixes].reverse()]) {
      const out = applyEdits(
        deep,
        order.flatMap((x) => x?.edits ?? []),
      );
      const w = web(out);
      assert.equal(w.resources.memory?.value, '512M');
      assert.equal(w.capDrop[0].value, 'ALL');
      assert.equal(w.ports[0].hostIp, '127.0.0.1');
      assert.equal(w.readOnly?.value, true);
      has(out, '\n            replicas: 2\n            resources:\n                limits:\n', 'four-space indentation kept');
    }
  });

  test('CRLF files stay CRLF, in sequence', () => {
    const crlf = base.replace(/\n/g, '\r\n');
    let t = crlf;
    t = apply(t, web(t).fixer?.addLimits?.(['memory', 'pids']));
    t = apply(t, web(t).fixer?.addCapDropAll?.());
    t = apply(t, web(t).fixer?.removePrivileged?.());
    assert.ok(!/[^\r]\n/.test(t), 'every line ends with CRLF');
    const s = web(t);
    assert.equal(s.resources.memory?.value, '512M');
    assert.equal(s.capDrop[0].value, 'ALL');
    assert.equal(s.privileged, undefined);
  });

  test('a file without a final newline', () => {
    const t = 'services:\n  web:\n    image: x';
    assert.equal(apply(t, fixer(t).addReadOnly?.()), 'services:\n  web:\n    image: x\n    read_only: true\n    tmpfs: [/tmp]');
  });

  /** Every adding fix of a service applied alone: each must leave YAML without problems. */
  const eachFix = (t: string): Record<string, string> => {
    const f = fixer(t);
    const fixes: Record<string, RuntimeFix | undefined> = {
      capDrop: f.addCapDropAll?.(),
      nnp: f.addNoNewPrivileges?.(),
      readOnly: f.addReadOnly?.(),
      limits: f.addLimits?.(['memory', 'cpus', 'pids']),
      user: f.setUser?.('1001:1001'),
    };
    const out: Record<string, string> = {};
    for (const [name, fx] of Object.entries(fixes)) {
      out[name] = apply(t, fx);
      clean(out[name]);
    }
    return out;
  };

  test('a key written with no value gets the value where it is, never a second copy (fuzz: pids_limit: twice)', () => {
    const t = 'services:\n  web:\n    image: x\n    cap_drop:\n    security_opt: null\n    pids_limit:\n    read_only: ~\n    user:\n';
    const out = eachFix(t);
    assert.equal(out.capDrop, t.replace('cap_drop:\n', 'cap_drop: [ALL]\n'));
    assert.equal(out.nnp, t.replace('security_opt: null', 'security_opt: [no-new-privileges:true]'));
    assert.equal(out.readOnly, t.replace('read_only: ~', 'read_only: true') + '    tmpfs: [/tmp]\n');
    assert.equal(
      out.limits,
      t.replace('pids_limit:\n', 'pids_limit: 100\n') +
        '    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "1.0"\n',
    );
    assert.equal(out.user, t.replace('user:\n', 'user: "1001:1001"\n'));
    const r = web(out.limits).resources;
    assert.deepEqual([r.memory?.value, r.cpus?.value, r.pidsLimit?.value], ['512M', '1.0', '100']);
    // Nested: an empty limit inside limits, at the very end of the file (the value set in place comes first).
    const nested = 'services:\n  web:\n    deploy:\n      resources:\n        limits:\n          memory:';
    assert.equal(
      eachFix(nested).limits,
      'services:\n  web:\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "1.0"\n    pids_limit: 100',
    );
    // Service-level limits next to a merged deploy block: mem_limit written empty gets its value.
    const merged = 'x-d: &d\n  deploy:\n    replicas: 2\nservices:\n  web:\n    <<: *d\n    mem_limit:\n';
    assert.equal(
      eachFix(merged).limits,
      'x-d: &d\n  deploy:\n    replicas: 2\nservices:\n  web:\n    <<: *d\n    mem_limit: 512M\n    cpus: "1.0"\n    pids_limit: 100\n',
    );
    // An empty value carrying an anchor or a tag is not rewritten.
    const anchored = 'services:\n  web:\n    cap_drop: &drops\n  db:\n    cap_drop: *drops\n';
    assert.equal(fixer(anchored).addCapDropAll?.(), undefined);
  });

  test('a file whose lines end in a lone \\r (a line end for the editor, not for the YAML parser)', () => {
    const t = 'services:\n  web:\n    image: x\r';
    const out = eachFix(t);
    assert.equal(out.capDrop, 'services:\n  web:\n    image: x\r\n    cap_drop: [ALL]');
    assert.equal(out.readOnly, 'services:\n  web:\n    image: x\r\n    read_only: true\n    tmpfs: [/tmp]');
    // A comment that runs on past a lone \r: the new key goes after the whole YAML line, not into the comment.
    const comment = 'services:\n  web:\n    image: x # one\r two\n  db:\n    image: y\n';
    assert.equal(eachFix(comment).capDrop, 'services:\n  web:\n    image: x # one\r two\n    cap_drop: [ALL]\n  db:\n    image: y\n');
    assert.deepEqual(
      web(eachFix(comment).capDrop).capDrop.map((c) => c.value),
      ['ALL'],
    );
    // `read_only:\r` holds the string "\r" for the YAML parser: the new value replaces it, spaced from the colon.
    const glued = 'services:\n  web:\n    cap_drop:\r';
    assert.equal(eachFix(glued).capDrop, 'services:\n  web:\n    cap_drop: [ALL]');
    // Removing the last item of a block list that ends in a lone \r.
    const item = 'services:\n  web:\n    cap_add:\n      - ALL\r';
    const s = web(item);
    assert.equal(apply(item, s.fixer?.removeValue?.(s.capAdd[0].origin, 'Remove ALL')), 'services:\n  web:\n    cap_add: []');
    // Deleting a key line whose neighbour holds a lone \r.
    const del = 'services:\n  web:\n    image: x # a\rb\n    privileged: true\n    user: app\n';
    assert.equal(apply(del, fixer(del).removePrivileged?.()), 'services:\n  web:\n    image: x # a\rb\n    user: app\n');
  });

  test("a mapping whose first key carries an anchor or a tag: new keys at the mapping's column (fuzz)", () => {
    const t = 'services:\n  web:\n    &a image: example/backup:1.0\n    volumes:\n      - /data\n';
    assert.equal(eachFix(t).capDrop, t + '    cap_drop: [ALL]\n');
    const tagged = 'services:\n  web:\n    !!str image: x\n';
    assert.equal(eachFix(tagged).readOnly, tagged + '    read_only: true\n    tmpfs: [/tmp]\n');
    // A key that holds an anchor is not deleted (its aliases would break).
    const anchoredKey = 'services:\n  web:\n    image: x\n    &p privileged: true\n';
    assert.equal(fixer(anchoredKey).removePrivileged?.(), undefined);
  });

  test('a service whose name is written as nothing (`: `) gets no new keys: the parser has no place for it (fuzz)', () => {
    const m = parseCompose('services:\n  web:\n    logging:\n   :');
    const blank = m.specs.find((x) => x.label === 'service ""');
    assert.ok(blank);
    assert.equal(blank.fixer?.addCapDropAll?.(), undefined);
  });

  test('a value written on the lines below its key is replaced from the colon on', () => {
    const t = 'services:\n  web:\n    read_only:\n    - not a map\n    image: x\n';
    assert.equal(eachFix(t).readOnly, 'services:\n  web:\n    read_only: true\n    image: x\n    tmpfs: [/tmp]\n');
  });

  test('services written as flow mappings get flow-style edits (fuzz: services: {web: …})', () => {
    const inline = 'services: {web: {image: x}}\n';
    const out = eachFix(inline);
    assert.equal(out.capDrop, 'services: {web: {image: x, cap_drop: [ALL]}}\n');
    assert.equal(out.limits, 'services: {web: {image: x, deploy: {resources: {limits: {memory: 512M, cpus: "1.0"}}}, pids_limit: 100}}\n');
    // A service with no value, with or without its colon.
    assert.equal(eachFix('services: {web}\n').readOnly, 'services: {web: {read_only: true, tmpfs: [/tmp]}}\n');
    assert.equal(eachFix('services: {web: }\n').capDrop, 'services: {web: {cap_drop: [ALL]} }\n');
    assert.equal(eachFix('services: {web: null}\n').nnp, 'services: {web: {security_opt: [no-new-privileges:true]}}\n');
    // Keys with no value inside a flow mapping: `{cap_drop}` gets its colon, `{deploy}` a flow mapping.
    const keysOnly = 'services: {web: {cap_drop, pids_limit, deploy, user}}\n';
    const k = eachFix(keysOnly);
    assert.equal(k.capDrop, 'services: {web: {cap_drop: [ALL], pids_limit, deploy, user}}\n');
    assert.equal(
      k.limits,
      'services: {web: {cap_drop, pids_limit: 100, deploy: {resources: {limits: {memory: 512M, cpus: "1.0"}}}, user}}\n',
    );
    assert.equal(k.user, 'services: {web: {cap_drop, pids_limit, deploy, user: "1001:1001"}}\n');
    // A flow service inside block services, its limits in a flow mapping.
    // A key with an empty value that is not the last one: the new member goes after its colon.
    assert.equal(eachFix('services: {web: {mem_limit: }}\n').capDrop, 'services: {web: {mem_limit:, cap_drop: [ALL] }}\n');
    const mixed = 'services:\n  web: {image: x, deploy: {resources: {limits: {memory: 1G}}}}\n';
    assert.equal(
      eachFix(mixed).limits,
      'services:\n  web: {image: x, deploy: {resources: {limits: {memory: 1G, cpus: "1.0"}}}, pids_limit: 100}\n',
    );
  });
});
