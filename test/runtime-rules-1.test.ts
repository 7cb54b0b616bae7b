// Runtime rules CT2001-CT2013 on hand-built RuntimeSpecs: the model alone decides, whatever parser
// produced it. Exact ranges, per-hit severities, unknown values, the fixer calls and the messages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRuntime } from '../server/src/core/analyze';
import {
  emptySpec,
  parseNamespaceMode,
  parseSecurityOpt,
  type Mount,
  type Origin,
  type RuntimeFixer,
  type RuntimeSpec,
  type Val,
} from '../server/src/core/model/runtime';
import { inLocale, type Finding, type Fix, type Range, type SeveritySetting } from '../server/src/core/types';
import { hostPath, within } from '../server/src/core/rules/runtime/util1';

function r(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}

function at(line: number, from = 4, to = 10): Extract<Origin, { kind: 'source' }> {
  return { kind: 'source', range: r(line, from, to) };
}

const ANCHOR = at(1, 2, 5);

function val<T>(value: T, line: number, unknown = false): Val<T> {
  return unknown ? { value, origin: at(line), unknown } : { value, origin: at(line) };
}

/** A fixer that records what the rules asked for. */
function recordingFixer(): { fixer: RuntimeFixer; calls: string[] } {
  const calls: string[] = [];
  const fix = (title: string): Fix => ({ title, edits: [] });
  const fixer: RuntimeFixer = {
    addCapDropAll: () => (calls.push('addCapDropAll'), fix('Drop ALL')),
    addNoNewPrivileges: () => (calls.push('addNoNewPrivileges'), fix('Add no-new-privileges')),
    addReadOnly: () => (calls.push('addReadOnly'), fix('Add read_only')),
    removePrivileged: () => (calls.push('removePrivileged'), fix('Remove privileged')),
    removeValue: (origin, title) => (
      calls.push(`removeValue ${origin.kind === 'source' ? origin.range.start.line : '?'} ${inLocale(title)}`),
      fix(inLocale(title))
    ),
  };
  return { fixer, calls };
}

function spec(edit: (s: RuntimeSpec) => void = () => {}, source: RuntimeSpec['source'] = 'compose'): RuntimeSpec {
  const s = emptySpec(source === 'compose' ? 'service "web"' : 'docker run nginx:1.27', source, ANCHOR);
  // A spec that is otherwise hardened, so each test sees only the rule it is about.
  s.capDrop = [val('ALL', 20)];
  s.securityOpt = [parseSecurityOpt('no-new-privileges:true', at(21))];
  s.readOnly = val(true, 22);
  edit(s);
  return s;
}

function run(id: string, s: RuntimeSpec, severities?: Record<string, SeveritySetting>[]): Finding[] {
  return analyzeRuntime(s, severities ? { severities } : {}).filter((f) => f.ruleId === id);
}

function bind(source: string, target: string, line: number, extra: Partial<Mount> = {}): Mount {
  return {
    type: 'bind',
    source,
    target,
    readOnly: false,
    options: [],
    origin: at(line, 6, 30),
    sourceOrigin: at(line, 8, 8 + source.length),
    ...extra,
  };
}

void test('the hardened baseline spec has no CT2001-CT2013 findings', () => {
  const ids = analyzeRuntime(spec()).map((f) => f.ruleId);
  assert.deepEqual(
    ids.filter((id) => /^CT20(0\d|1[0-3])$/.test(id)),
    [],
  );
});

// CT2001 privileged --------------------------------------------------------------------------------

void test('CT2001 reports privileged: true at its value, with the remove fix', () => {
  const { fixer, calls } = recordingFixer();
  const f = run(
    'CT2001',
    spec((s) => {
      s.privileged = val(true, 3);
      s.fixer = fixer;
    }),
  );
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].range, at(3).range);
  assert.equal(f[0].severity, 'error');
  assert.match(f[0].message, /^privileged: true in service "web" /);
  assert.equal(f[0].fixes[0].title, 'Remove privileged');
  assert.deepEqual(calls, ['removePrivileged']);
});

void test('CT2001 names the flag on docker run lines, and skips false and unknown values', () => {
  const f = run(
    'CT2001',
    spec((s) => (s.privileged = val(true, 0)), 'docker-run'),
  );
  assert.match(f[0].message, /^--privileged in docker run nginx:1\.27 /);
  assert.deepEqual(f[0].fixes, []);
  assert.equal(
    run(
      'CT2001',
      spec((s) => (s.privileged = val(false, 3))),
    ).length,
    0,
  );
  assert.equal(
    run(
      'CT2001',
      spec((s) => (s.privileged = val(true, 3, true))),
    ).length,
    0,
  );
});

// CT2002 dangerous-capability -------------------------------------------------------------------

void test('CT2002 reports each dangerous capability at its own origin, in any spelling', () => {
  const { fixer, calls } = recordingFixer();
  const f = run(
    'CT2002',
    spec((s) => {
      s.capAdd = [val('cap_sys_admin', 4), val('NET_BIND_SERVICE', 5), val('Sys_Module', 6)];
      s.fixer = fixer;
    }),
  );
  assert.equal(f.length, 2);
  assert.deepEqual(
    f.map((x) => x.range.start.line),
    [4, 6],
  );
  assert.match(f[0].message, /^cap_add SYS_ADMIN in service "web" lets the container mount filesystems/);
  assert.match(f[0].message, /the new root/);
  assert.match(f[1].message, /kernel modules/);
  assert.deepEqual(
    f.map((x) => x.severity),
    ['error', 'error'],
  );
  assert.deepEqual(calls, ['removeValue 4 Remove SYS_ADMIN', 'removeValue 6 Remove SYS_MODULE']);
});

void test('CT2002: drop ALL then add NET_BIND_SERVICE is fine; typos and interpolated names are skipped', () => {
  assert.equal(
    run(
      'CT2002',
      spec((s) => (s.capAdd = [val('NET_BIND_SERVICE', 4)])),
    ).length,
    0,
  );
  assert.equal(
    run(
      'CT2002',
      spec((s) => (s.capAdd = [val('SYS_ADMN', 4), val('SYS_ADMIN', 5, true)])),
    ).length,
    0,
  );
});

void test('CT2002 severities follow the capability and the namespaces it is combined with', () => {
  const sev = (cap: string, edit: (s: RuntimeSpec) => void = () => {}) =>
    run(
      'CT2002',
      spec((s) => {
        s.capAdd = [val(cap, 4)];
        edit(s);
      }),
    ).map((f) => f.severity);
  assert.deepEqual(sev('ALL'), ['error']);
  assert.deepEqual(sev('CAP_BPF'), ['error']);
  assert.deepEqual(sev('SYS_PTRACE'), ['warning']);
  assert.deepEqual(
    sev('SYS_PTRACE', (s) => (s.namespaces.pid = val(parseNamespaceMode('host'), 7))),
    ['error'],
  );
  assert.deepEqual(sev('NET_ADMIN'), ['warning']);
  assert.deepEqual(
    sev('NET_ADMIN', (s) => (s.namespaces.network = val(parseNamespaceMode('host'), 7))),
    ['error'],
  );
  // An interpolated namespace is unknown: no escalation.
  assert.deepEqual(
    sev('SYS_BOOT', (s) => (s.namespaces.pid = val(parseNamespaceMode('host'), 7, true))),
    ['warning'],
  );
  assert.deepEqual(sev('SYS_NICE'), ['info']);
  const boot = run(
    'CT2002',
    spec((s) => {
      s.capAdd = [val('SYS_BOOT', 4)];
      s.namespaces.pid = val(parseNamespaceMode('host'), 7);
    }),
  );
  assert.match(boot[0].message, /reboots or powers off the host/);
});

void test('CT2002 still reports explicit adds on a privileged container', () => {
  const f = run(
    'CT2002',
    spec((s) => {
      s.privileged = val(true, 3);
      s.capAdd = [val('SYS_ADMIN', 4)];
    }),
  );
  assert.equal(f.length, 1);
});

// CT2003 cap-drop-all-missing ---------------------------------------------------------------------

void test('CT2003 reports at the anchor and lists the effective capabilities', () => {
  const { fixer, calls } = recordingFixer();
  const f = run(
    'CT2003',
    spec((s) => {
      s.capDrop = [];
      s.fixer = fixer;
    }),
  );
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].range, r(1, 2, 5));
  assert.equal(f[0].severity, 'warning');
  assert.match(
    f[0].message,
    /^No cap_drop: \[ALL\] in service "web", so the container holds 14 capabilities \(CHOWN, DAC_OVERRIDE, .*AUDIT_WRITE\)/,
  );
  assert.deepEqual(calls, ['addCapDropAll']);
});

void test('CT2003 applies drops and adds to the set it names', () => {
  const f = run(
    'CT2003',
    spec((s) => {
      s.capDrop = [val('NET_RAW', 20), val('cap_mknod', 21)];
      s.capAdd = [val('SYS_PTRACE', 22), val('${X}', 23, true)];
    }, 'docker-run'),
  );
  assert.match(f[0].message, /^No --cap-drop ALL in docker run nginx:1\.27, so the container holds 13 capabilities/);
  assert.doesNotMatch(f[0].message, /NET_RAW|MKNOD/);
  assert.match(f[0].message, /SYS_PTRACE/);
  assert.match(f[0].message, /plus one from variables/);
  const all = run(
    'CT2003',
    spec((s) => {
      s.capDrop = [];
      s.capAdd = [val('ALL', 22)];
    }),
  );
  assert.match(all[0].message, /holds every capability/);
});

void test('CT2003 is silent for drop ALL in any case, privileged containers and interpolated drops', () => {
  assert.equal(
    run(
      'CT2003',
      spec((s) => (s.capDrop = [val('all', 20)])),
    ).length,
    0,
  );
  assert.equal(
    run(
      'CT2003',
      spec((s) => (s.capDrop = [val('CAP_ALL', 20)])),
    ).length,
    0,
  );
  assert.equal(
    run(
      'CT2003',
      spec((s) => {
        s.capDrop = [];
        s.privileged = val(true, 3);
      }),
    ).length,
    0,
  );
  assert.equal(
    run(
      'CT2003',
      spec((s) => (s.capDrop = [val('${DROP}', 20, true)])),
    ).length,
    0,
  );
});

// CT2004-CT2006 security options ---------------------------------------------------------------------

function withOpts(...raws: (string | [string, boolean])[]): RuntimeSpec {
  return spec((s) => {
    s.securityOpt = [
      ...s.securityOpt,
      ...raws.map((x, i) => (typeof x === 'string' ? parseSecurityOpt(x, at(30 + i)) : parseSecurityOpt(x[0], at(30 + i), x[1]))),
    ];
  });
}

void test('CT2004 understands both separators and reports at the option', () => {
  const f = run('CT2004', withOpts('seccomp:unconfined', 'seccomp=unconfined'));
  assert.deepEqual(
    f.map((x) => [x.range.start.line, x.severity]),
    [
      [30, 'error'],
      [31, 'error'],
    ],
  );
  assert.match(f[0].message, /^seccomp:unconfined in service "web" turns off the system call filter/);
});

void test('CT2004 leaves custom profiles, label options and unknown values alone', () => {
  assert.equal(run('CT2004', withOpts('seccomp=./profile.json', 'label:seccomp:unconfined', ['seccomp:${P}', true])).length, 0);
});

void test('CT2004 offers to remove the option', () => {
  const { fixer, calls } = recordingFixer();
  const s = withOpts('seccomp:unconfined');
  s.fixer = fixer;
  run('CT2004', s);
  assert.deepEqual(calls, ["removeValue 30 Remove seccomp:unconfined (Docker's default seccomp profile applies)"]);
});

void test('CT2005 reports apparmor unconfined with either separator, not named profiles', () => {
  const f = run('CT2005', withOpts('apparmor:unconfined', 'apparmor=unconfined', 'apparmor=my-profile'));
  assert.deepEqual(
    f.map((x) => [x.range.start.line, x.severity]),
    [
      [30, 'warning'],
      [31, 'warning'],
    ],
  );
});

void test('CT2006 reports label disable and the spc_t type, not other labels', () => {
  const f = run('CT2006', withOpts('label:disable', 'label=disable', 'label=type:spc_t', 'label=level:s0:c1,c2', 'label=type:container_t'));
  assert.deepEqual(
    f.map((x) => x.range.start.line),
    [30, 31, 32],
  );
  assert.match(f[2].message, /unconfined SELinux type spc_t/);
});

// CT2007 no-new-privileges-missing --------------------------------------------------------------------

void test('CT2007 reports a missing option at the anchor with the add fix', () => {
  const { fixer, calls } = recordingFixer();
  const f = run(
    'CT2007',
    spec((s) => {
      s.securityOpt = [];
      s.fixer = fixer;
    }),
  );
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].range, r(1, 2, 5));
  assert.match(f[0].message, /^No no-new-privileges:true in service "web"/);
  assert.deepEqual(calls, ['addNoNewPrivileges']);
});

void test('CT2007 reports an explicit false at the option and says so', () => {
  const f = run(
    'CT2007',
    spec((s) => (s.securityOpt = [parseSecurityOpt('no-new-privileges:false', at(9))]), 'docker-run'),
  );
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].range, at(9).range);
  assert.match(f[0].message, /explicitly leaves no-new-privileges off/);
});

void test('CT2007: the last option wins; the bare flag and Go booleans count; unknown values are skipped', () => {
  const opts = (...raws: string[]) => spec((s) => (s.securityOpt = raws.map((x, i) => parseSecurityOpt(x, at(9 + i)))));
  assert.equal(run('CT2007', opts('no-new-privileges')).length, 0);
  assert.equal(run('CT2007', opts('no-new-privileges=1')).length, 0);
  assert.equal(run('CT2007', opts('no-new-privileges:false', 'no-new-privileges:true')).length, 0);
  assert.deepEqual(
    run('CT2007', opts('no-new-privileges:true', 'no-new-privileges=False')).map((f) => f.range.start.line),
    [10],
  );
  assert.equal(
    run(
      'CT2007',
      spec((s) => (s.securityOpt = [parseSecurityOpt('no-new-privileges:${NNP}', at(9), true)])),
    ).length,
    0,
  );
  assert.equal(
    run(
      'CT2007',
      spec((s) => (s.securityOpt = [parseSecurityOpt('${SECURITY_OPT}', at(9), true)])),
    ).length,
    0,
  );
});

// CT2008 engine-socket-mounted --------------------------------------------------------------------------

void test('CT2008 reports engine sockets and their folders at the source path', () => {
  const sources = [
    '/var/run/docker.sock',
    '/run/docker.sock',
    '/home/dev/.docker/run/docker.sock',
    '/run/user/1000/docker.sock',
    '/run/podman/podman.sock',
    '/run/user/1000/podman/podman.sock',
    '/run/containerd/containerd.sock',
    '/var/run/crio/crio.sock',
    '/var/run',
    '/run/',
    '/run/user/1000',
    '/run/containerd',
  ];
  const f = run(
    'CT2008',
    spec((s) => (s.mounts = sources.map((src, i) => bind(src, '/x', 40 + i)))),
  );
  assert.deepEqual(
    f.map((x) => x.range),
    sources.map((src, i) => r(40 + i, 8, 8 + src.length)),
  );
  assert.ok(f.every((x) => x.severity === 'error'));
  assert.match(f[0].message, /^\/var\/run\/docker\.sock is mounted into service "web", giving it the Docker Engine API/);
});

void test('CT2008 says read-only does not help, covers named pipes, and falls back to the mount range', () => {
  const ro = bind('/var/run/docker.sock', '/var/run/docker.sock', 40, { readOnly: true, sourceOrigin: undefined });
  const pipe: Mount = {
    type: 'npipe',
    source: '\\\\.\\pipe\\docker_engine',
    target: '\\\\.\\pipe\\docker_engine',
    readOnly: false,
    options: [],
    origin: at(41),
  };
  const f = run(
    'CT2008',
    spec((s) => (s.mounts = [ro, pipe])),
  );
  assert.equal(f.length, 2);
  assert.match(f[0].message, /read-only, which does not stop API calls/);
  assert.deepEqual(f[0].range, r(40, 6, 30));
  assert.match(f[1].message, /Windows named pipe/);
});

void test('CT2008 ignores other sockets, volumes, tmpfs and unknown sources', () => {
  const vol: Mount = { type: 'volume', source: 'docker.sock', target: '/x', readOnly: false, options: [], origin: at(41) };
  const tmp: Mount = { type: 'tmpfs', target: '/run', readOnly: false, options: [], origin: at(42) };
  const f = run(
    'CT2008',
    spec((s) => (s.mounts = [bind('/run/app', '/run/app', 40), vol, tmp, bind('${SOCK}', '/var/run/docker.sock', 43, { unknown: true })])),
  );
  assert.deepEqual(f, []);
});

// CT2009 sensitive-host-path -----------------------------------------------------------------------------

function sensitive(source: string, readOnly = false, extra: Partial<Mount> = {}): Finding[] {
  return run(
    'CT2009',
    spec((s) => (s.mounts = [bind(source, '/host', 40, { readOnly, ...extra })])),
  );
}

void test('CT2009 severity: writable is an error, read-only a warning, and / always an error', () => {
  const sev = (src: string, ro = false) => sensitive(src, ro).map((f) => f.severity);
  assert.deepEqual(sev('/etc'), ['error']);
  assert.deepEqual(sev('/etc', true), ['warning']);
  assert.deepEqual(sev('/etc/ssh/', true), ['warning']);
  assert.deepEqual(sev('/proc/sys', true), ['warning']);
  assert.deepEqual(sev('/sys/fs/cgroup', true), ['warning']);
  assert.deepEqual(sev('/dev'), ['error']);
  assert.deepEqual(sev('/boot/grub'), ['error']);
  assert.deepEqual(sev('/root/.bashrc', true), ['warning']);
  assert.deepEqual(sev('/var/lib/docker/containers', true), ['warning']);
  assert.deepEqual(sev('/lib/modules', true), ['warning']);
  assert.deepEqual(sev('/'), ['error']);
  assert.deepEqual(sev('/', true), ['error']);
  assert.deepEqual(sev('/usr', true), ['info']);
  assert.deepEqual(sev('/usr'), ['error']);
  assert.deepEqual(sev('/var/log'), ['warning']);
  assert.deepEqual(sev('/var/log', true), []);
  assert.deepEqual(sev('/run/dbus/system_bus_socket', true), ['error']);
  assert.deepEqual(sev('/var/run/systemd/private', true), ['error']);
  assert.deepEqual(sev('/dev/shm'), ['warning']);
});

void test('CT2009 normalises paths and reports at the source', () => {
  const f = sensitive('/srv/../etc//');
  assert.equal(f.length, 1);
  assert.match(
    f[0].message,
    /^Host path \/etc is mounted writable into service "web" at \/host, so the container can read and change host configuration/,
  );
  assert.deepEqual(f[0].range, r(40, 8, 8 + '/srv/../etc//'.length));
});

void test('CT2009 recognises credential folders anywhere, also under ~', () => {
  const f = sensitive('~/.ssh', true);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.match(f[0].message, /can read SSH keys/);
  assert.equal(sensitive('/home/ci/.config/gcloud')[0].severity, 'error');
  assert.equal(sensitive('./gcloud').length, 0);
});

void test('CT2009 leaves harmless read-only files, project folders, volumes and unknown sources alone', () => {
  assert.deepEqual(sensitive('/etc/localtime', true), []);
  assert.deepEqual(sensitive('/etc/ssl/certs/ca-certificates.crt', true), []);
  assert.equal(sensitive('/etc/localtime').length, 1, 'writable is still reported');
  assert.deepEqual(sensitive('./etc'), []);
  assert.deepEqual(sensitive('/home/dev/project'), []);
  assert.deepEqual(sensitive('/srv/data'), []);
  assert.deepEqual(sensitive('/etc', false, { unknown: true }), []);
  assert.deepEqual(sensitive('/etc', false, { type: 'volume' }), []);
  assert.equal(sensitive('/home').length, 1);
});

void test('CT2009: a configured severity applies to every hit', () => {
  const s = spec((x) => (x.mounts = [bind('/etc', '/a', 40), bind('/usr', '/b', 41, { readOnly: true })]));
  assert.deepEqual(
    run('CT2009', s).map((f) => f.severity),
    ['error', 'info'],
  );
  assert.deepEqual(
    run('CT2009', s, [{ 'sensitive-host-path': 'warning' }]).map((f) => f.severity),
    ['warning', 'warning'],
  );
});

// CT2010 shared-mount-propagation ------------------------------------------------------------------------

void test('CT2010 reports shared and rshared, not slave modes', () => {
  const f = run(
    'CT2010',
    spec(
      (s) =>
        (s.mounts = [
          bind('/mnt/a', '/a', 40, { propagation: 'rshared' }),
          bind('/mnt/b', '/b', 41, { propagation: 'Shared' }),
          bind('/mnt/c', '/c', 42, { propagation: 'rslave' }),
          bind('${DATA}', '/d', 43, { propagation: 'shared', unknown: true }),
          bind('/mnt/e', '/e', 44, { propagation: '${PROPAGATION}', unknown: true }),
        ]),
    ),
  );
  // An interpolated source does not hide a literal propagation; an interpolated propagation is unknown.
  assert.deepEqual(
    f.map((x) => [x.range, x.severity]),
    [
      [r(40, 6, 30), 'warning'],
      [r(41, 6, 30), 'warning'],
      [r(43, 6, 30), 'warning'],
    ],
  );
  assert.match(f[0].message, /^The mount at \/a in service "web" uses rshared propagation/);
});

// CT2011 host-device -------------------------------------------------------------------------------------------

void test('CT2011 grades devices and reads the permissions', () => {
  const f = run(
    'CT2011',
    spec(
      (s) =>
        (s.devices = [
          val('/dev/sda:/dev/xvda:rwm', 40),
          val('/dev/nvme0n1p2', 41),
          val('/dev/mem', 42),
          val('/dev/kvm', 43),
          val('/dev/net/tun', 44),
          val('/dev/ttyUSB0:r', 45),
          val('/dev/weird0', 46),
          val('nvidia.com/gpu=all', 47),
          val('${DEV}', 48, true),
        ]),
    ),
  );
  assert.deepEqual(
    f.map((x) => [x.range.start.line, x.severity]),
    [
      [40, 'error'],
      [41, 'error'],
      [42, 'error'],
      [43, 'warning'],
      [44, 'info'],
      [45, 'info'],
      [46, 'warning'],
      [47, 'info'],
    ],
  );
  assert.match(f[0].message, /^Host device \/dev\/sda is passed into service "web", giving it a raw host disk/);
  assert.match(f[5].message, /passed read-only into/);
  assert.match(f[7].message, /^CDI device nvidia\.com\/gpu=all/);
});

// CT2012 host-namespace --------------------------------------------------------------------------------------

void test('CT2012 grades host namespaces and names what sharing exposes', () => {
  const f = run(
    'CT2012',
    spec((s) => {
      s.namespaces = {
        pid: val(parseNamespaceMode('host'), 40),
        network: val(parseNamespaceMode('host'), 41),
        ipc: val(parseNamespaceMode('host'), 42),
        uts: val(parseNamespaceMode('host'), 43),
        userns: val(parseNamespaceMode('host'), 44),
        cgroupns: val(parseNamespaceMode('host'), 45),
      };
    }),
  );
  assert.deepEqual(
    f.map((x) => [x.range.start.line, x.severity]),
    [
      [40, 'error'],
      [41, 'error'],
      [42, 'error'],
      [43, 'warning'],
      [44, 'error'],
      [45, 'warning'],
    ],
  );
  assert.match(f[0].message, /^pid: host in service "web" shares the host's PID namespace, so the container sees every host process/);
  assert.match(f[0].message, /\/proc\/<pid>\/environ/);
  assert.match(f[1].message, /^network_mode: host .*127\.0\.0\.1/);
  assert.match(f[4].message, /^userns_mode: host .*userns-remap/);
  assert.match(f[5].message, /^cgroup: host /);
});

void test('CT2012 reports joining another container as information, with flag spelling on docker run', () => {
  const f = run(
    'CT2012',
    spec((s) => {
      s.namespaces = {
        network: val(parseNamespaceMode('container:db'), 40),
        pid: val(parseNamespaceMode('service:app'), 41),
        ipc: val(parseNamespaceMode('shareable'), 42),
        uts: val(parseNamespaceMode('host'), 43, true),
      };
    }, 'docker-run'),
  );
  assert.deepEqual(
    f.map((x) => [x.range.start.line, x.severity]),
    [
      [41, 'info'],
      [40, 'info'],
    ],
  );
  assert.match(f[1].message, /^--network=container:db in docker run nginx:1\.27 joins the network namespace of container db/);
  assert.equal(
    run(
      'CT2012',
      spec((s) => (s.namespaces = { network: val(parseNamespaceMode('none'), 40) })),
    ).length,
    0,
  );
});

// CT2013 read-only-rootfs-missing ----------------------------------------------------------------------------

void test('CT2013 reports a missing read_only at the anchor and an explicit false at its value', () => {
  const { fixer, calls } = recordingFixer();
  const missing = run(
    'CT2013',
    spec((s) => {
      s.readOnly = undefined;
      s.fixer = fixer;
    }),
  );
  assert.deepEqual(
    missing.map((f) => [f.range, f.severity]),
    [[r(1, 2, 5), 'info']],
  );
  assert.match(missing[0].message, /^No read_only: true in service "web"/);
  const off = run(
    'CT2013',
    spec((s) => (s.readOnly = val(false, 9)), 'docker-run'),
  );
  assert.deepEqual(off[0].range, at(9).range);
  assert.match(off[0].message, /^--read-only=false in docker run/);
  assert.deepEqual(calls, ['addReadOnly']);
  assert.equal(
    run(
      'CT2013',
      spec((s) => (s.readOnly = val(true, 9, true))),
    ).length,
    0,
  );
  assert.equal(
    run(
      'CT2013',
      spec((s) => (s.readOnly = val(false, 9, true))),
    ).length,
    0,
  );
});

// Live containers and helpers ---------------------------------------------------------------------------------

void test('live values report at the anchor and use neutral wording', () => {
  const live: Origin = { kind: 'live', field: 'HostConfig.Privileged' };
  const s = emptySpec('container web-1', 'live', { kind: 'live', field: 'Name' });
  s.privileged = { value: true, origin: live };
  const f = analyzeRuntime(s).filter((x) => x.ruleId === 'CT2001');
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].range, r(0, 0, 0));
  assert.match(f[0].message, /^Privileged mode in container web-1 /);
});

void test('hostPath and within', () => {
  assert.equal(hostPath('/'), '/');
  assert.equal(hostPath('//etc/./ssh/'), '/etc/ssh');
  assert.equal(hostPath('/a/../../b'), '/b');
  assert.equal(hostPath('./etc'), undefined);
  assert.equal(hostPath('~/x'), undefined);
  assert.equal(hostPath('C:\\data'), undefined);
  assert.ok(within('/etc/ssh', '/etc'));
  assert.ok(!within('/etcetera', '/etc'));
  assert.ok(within('/x', '/'));
});
