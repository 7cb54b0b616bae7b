// Drift between a running container and its Compose service: the pure comparison
// (server/src/core/model/drift.ts) on a Compose file parsed by the core parser and an inspect
// record read by the engine's liveSpec, the service matching by labels, and the Markdown view.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCompose } from '../server/src/core/parse/compose';
import { compareSpecs, parseBytes } from '../server/src/core/model/drift';
import { liveSpec } from '../server/src/engine/toSpec';
import type { RawContainer } from '../server/src/engine/raw';
import { matchService } from '../server/src/lsp/drift';
import { renderDrift } from '../client/src/containers/renderDrift';

const COMPOSE = `services:
  web:
    image: example/web:1.2
    user: "1000"
    cap_drop: [ALL]
    cap_add: [NET_BIND_SERVICE]
    read_only: true
    mem_limit: 256m
    pids_limit: 100
    security_opt:
      - no-new-privileges:true
    ports:
      - "127.0.0.1:8080:80"
    volumes:
      - ./site:/usr/share/site:ro
      - data:/var/lib/data
    tmpfs: /tmp
volumes:
  data: {}
`;

/** The container `docker compose up` would create from COMPOSE, in /srv/shop (project "shop"). */
function container(): RawContainer {
  return {
    Id: 'f'.repeat(64),
    Name: '/shop-web-1',
    Image: 'sha256:abc',
    State: { Status: 'running', Running: true, Pid: 100 },
    Config: {
      Image: 'example/web:1.2',
      User: '1000',
      Labels: {
        'com.docker.compose.project': 'shop',
        'com.docker.compose.service': 'web',
        'com.docker.compose.project.config_files': '/srv/shop/compose.yaml',
        'com.docker.compose.project.working_dir': '/srv/shop',
      },
    },
    HostConfig: {
      NetworkMode: 'shop_default',
      CapAdd: ['NET_BIND_SERVICE'],
      CapDrop: ['ALL'],
      ReadonlyRootfs: true,
      Memory: 268435456,
      MemorySwap: 536870912,
      PidsLimit: 100,
      SecurityOpt: ['no-new-privileges:true'],
      PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] },
      Tmpfs: { '/tmp': '' },
      IpcMode: 'private',
      CgroupnsMode: 'host',
    },
    Mounts: [
      { Type: 'bind', Source: '/srv/shop/site', Destination: '/usr/share/site', RW: false, Mode: 'ro', Propagation: 'rprivate' },
      {
        Type: 'volume',
        Name: 'shop_data',
        Source: '/var/lib/docker/volumes/shop_data/_data',
        Destination: '/var/lib/data',
        RW: true,
        Mode: 'z',
      },
    ],
  };
}

function composeSpec(text = COMPOSE) {
  const spec = parseCompose(text).specs.find((s) => s.label === 'service "web"');
  assert.ok(spec);
  return spec;
}

const OPTS = { project: 'shop', resolveSource: (s: string) => (s.startsWith('/') ? s : `/srv/shop/${s.replace(/^\.\//, '')}`) };

test('a container created from its Compose service has no drift', () => {
  const d = compareSpecs(liveSpec(container(), { cgroupVersion: '1' }), composeSpec(), OPTS);
  assert.deepEqual(d.items, []);
  assert.deepEqual(d.same, [
    'image',
    'capabilities',
    'privileged',
    'user',
    'namespaces',
    'limits',
    'read-only',
    'mounts',
    'ports',
    'security',
    'devices',
  ]);
});

test('what the running container has and the Compose file does not say, and the reverse', () => {
  const c = container();
  const h = c.HostConfig!;
  h.CapAdd = ['NET_BIND_SERVICE', 'SYS_ADMIN'];
  h.PidMode = 'host';
  h.ReadonlyRootfs = false;
  h.Memory = 536870912;
  h.MemorySwap = 1073741824;
  h.PidsLimit = 0;
  h.SecurityOpt = ['seccomp=unconfined'];
  h.PortBindings = { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }], '9000/tcp': [{ HostIp: '', HostPort: '9000' }] };
  c.Config!.User = '';
  c.Mounts!.push({ Type: 'bind', Source: '/var/run/docker.sock', Destination: '/var/run/docker.sock', RW: true });
  const d = compareSpecs(liveSpec(c, { cgroupVersion: '1' }), composeSpec(), OPTS);
  const by = (setting: string) =>
    d.items.filter((i) => i.setting === setting).map(({ kind, running, compose }) => ({ kind, running, compose }));
  assert.deepEqual(by('capability'), [{ kind: 'running-only', running: 'SYS_ADMIN', compose: undefined }]);
  assert.deepEqual(by('pid'), [{ kind: 'different', running: 'host', compose: 'private' }]);
  assert.deepEqual(by('read_only'), [{ kind: 'compose-only', running: 'false', compose: 'true' }]);
  assert.deepEqual(by('memory'), [{ kind: 'different', running: '512 MiB', compose: '256 MiB' }]);
  assert.deepEqual(by('pids_limit'), [{ kind: 'compose-only', running: undefined, compose: '100' }]);
  assert.deepEqual(by('user'), [{ kind: 'different', running: 'root', compose: '1000' }]);
  assert.deepEqual(by('security_opt seccomp'), [{ kind: 'running-only', running: 'unconfined', compose: "the daemon's default profile" }]);
  assert.deepEqual(by('security_opt no-new-privileges'), [{ kind: 'compose-only', running: 'false', compose: 'true' }]);
  assert.deepEqual(by('ports 80/tcp'), [{ kind: 'different', running: '8080', compose: '127.0.0.1:8080' }]);
  assert.deepEqual(by('ports 9000/tcp'), [{ kind: 'running-only', running: '9000', compose: undefined }]);
  assert.deepEqual(by('volumes /var/run/docker.sock'), [
    { kind: 'running-only', running: 'bind /var/run/docker.sock', compose: undefined },
  ]);
  assert.equal(by('memswap_limit').length, 0, "Docker's doubled swap is not drift");
  // Compose lines point at the values (zero-based): read_only is on line 6.
  assert.equal(d.items.find((i) => i.setting === 'read_only')?.line, 6);
  assert.ok(!d.same.includes('capabilities'));
  assert.ok(d.same.includes('devices'));
});

test('interpolated Compose values are not compared; byte sizes are normalised', () => {
  const d = compareSpecs(
    liveSpec(container(), { cgroupVersion: '1' }),
    composeSpec(COMPOSE.replace('user: "1000"', 'user: "${UID}"')),
    OPTS,
  );
  assert.deepEqual(d.items, []);
  assert.match(d.notes.join('\n'), /user depends on a variable/);
  assert.equal(parseBytes('256m'), 268435456);
  assert.equal(parseBytes('1.5GB'), 1610612736);
  assert.equal(parseBytes('1048576'), 1048576);
  assert.equal(parseBytes('lots'), undefined);
});

test('the Compose service is found by the container labels, else by image, else the user chooses', () => {
  const labels = container().Config!.Labels!;
  const files = new Map([
    ['/srv/shop/compose.yaml', new Set(['web', 'db'])],
    ['/srv/other/compose.yaml', new Set(['web'])],
  ]);
  assert.deepEqual(matchService(labels, 'example/web:1.2', files, new Map()), {
    file: '/srv/shop/compose.yaml',
    service: 'web',
    matchedBy: 'labels',
  });
  const noFiles = matchService(
    {
      ...labels,
      'com.docker.compose.project.config_files': '',
      'com.docker.compose.project.working_dir': '/elsewhere',
      'com.docker.compose.project': 'x',
    },
    '',
    files,
    new Map(),
  );
  assert.ok('reason' in noFiles);
  assert.deepEqual(
    noFiles.candidates.map((c) => c.file),
    ['/srv/shop/compose.yaml', '/srv/other/compose.yaml'],
  );
  const images = new Map([
    ['/srv/shop/compose.yaml\nweb', 'example/web:1.2'],
    ['/srv/shop/compose.yaml\ndb', 'postgres:16'],
  ]);
  assert.deepEqual(matchService({}, 'postgres:16', files, images), { file: '/srv/shop/compose.yaml', service: 'db', matchedBy: 'image' });
  const none = matchService({}, 'nginx', files, images);
  assert.ok('reason' in none && none.candidates.length === 3);
});

test('the drift view escapes container values in Markdown', () => {
  const md = renderDrift({
    kind: 'drift',
    container: 'evil`name',
    image: '<img src=x onerror=alert(1)>',
    composeFile: '/ws/compose.yaml',
    service: 'web',
    matchedBy: 'labels',
    items: [
      { aspect: 'mounts', setting: 'volumes /x', kind: 'running-only', running: 'bind /[a](javascript:alert(1))' },
      { aspect: 'user', setting: 'user', kind: 'different', running: 'root|x', compose: '1000', line: 3 },
    ],
    same: ['ports'],
    notes: ['<script>alert(1)</script>'],
  });
  assert.doesNotMatch(md, /<img|<script/);
  assert.match(md, /&lt;img src=x onerror=alert\\\(1\\\)\\>/);
  assert.match(md, /`bind \/\[a\]\(javascript:alert\(1\)\)`/, 'inside a code span the link is literal');
  assert.match(md, /\| user \(compose\\\.yaml:4\) \| root\\\|x \| 1000 \|/);
  assert.match(md, /The running container has what the Compose file does not say/);
  assert.match(md, /Container: `evil'name`/);
});

test('in Simplified Chinese: notes, the words among values and the reasons to choose a service; settings stay Compose keys', () => {
  const CJK = /[\u4e00-\u9fff]/;
  const c = container();
  c.HostConfig!.PidMode = 'host';
  c.HostConfig!.SecurityOpt = ['seccomp=unconfined'];
  c.Mounts!.push({ Type: 'volume', Name: 'a'.repeat(64), Source: '/x', Destination: '/cache', RW: true });
  const zh = { ...OPTS, locale: 'zh-CN' as const };
  const d = compareSpecs(liveSpec(c, { cgroupVersion: '1' }), composeSpec(COMPOSE.replace('user: "1000"', 'user: "${UID}"')), zh);
  const by = (setting: string) => d.items.find((i) => i.setting === setting);
  assert.deepEqual([by('pid')?.running, by('pid')?.compose], ['host', '私有']);
  assert.equal(by('security_opt seccomp')?.compose, '守护进程的默认配置文件');
  assert.equal(by('volumes /cache')?.running, '匿名卷');
  assert.ok(d.notes.length >= 2 && d.notes.every((n) => CJK.test(n)), d.notes.join(' | '));
  assert.match(d.notes.join('\n'), /user 取决于 Compose 文件中的变量/);
  // The same comparison in English is unchanged.
  const en = compareSpecs(liveSpec(c, { cgroupVersion: '1' }), composeSpec(), OPTS);
  assert.equal(en.items.find((i) => i.setting === 'pid')?.compose, 'private');
  const none = matchService({}, 'nginx', new Map([['/srv/shop/compose.yaml', new Set(['web'])]]), new Map(), 'zh-CN');
  assert.ok('reason' in none && none.reason === '该容器没有 Compose 标签。');
});
