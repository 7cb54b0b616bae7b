// Reports from recorded engine data, for what this machine cannot run: privileged containers,
// AppArmor and SELinux hosts, cgroup v2 (with a /proc and cgroup snapshot), Podman, userns-remap,
// rootless engines and remote hosts. Fixtures: test/fixtures/engine (README there says which are
// recorded and which are written from the documented formats).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_CAPS } from '../../server/src/core/model/capabilities';
import { analyze } from '../../server/src/core/analyze';
import { ruleById } from '../../server/src/core/rules/registry';
import { asDockerRun } from '../../server/src/engine/asDockerRun';
import { inspectContainers } from '../../server/src/engine/inspect';
import { snapshotFs } from '../../server/src/engine/proc';
import type { RawContainer, RawImage, RawInfo } from '../../server/src/engine/raw';
import type { ContainerReport } from '../../server/src/engine/report';
import { FakeClient, fixture, LOCAL_DOCKER, REMOTE_DOCKER, snapshot } from './fakeClient';

const EMPTY_FS = snapshotFs({ files: {}, links: {} });

async function reportOf(
  inspect: string,
  info: string,
  opts: { proc?: string; connection?: typeof LOCAL_DOCKER; image?: string; exec?: string; probeExec?: boolean } = {},
): Promise<{ report: ContainerReport; notes: string[]; client: FakeClient }> {
  const containers = fixture<RawContainer[]>(inspect);
  const images = new Map<string, RawImage>();
  if (opts.image) images.set(containers[0].Image ?? '', fixture<RawImage[]>(opts.image)[0]);
  const client = new FakeClient(opts.connection ?? LOCAL_DOCKER, fixture<RawInfo>(info), containers, images, opts.exec);
  const out = await inspectContainers(client, [containers[0].Id], {
    fs: opts.proc ? snapshotFs(snapshot(opts.proc)) : EMPTY_FS,
    assumeLocal: (opts.connection ?? LOCAL_DOCKER).local,
    probeExec: opts.probeExec,
  });
  assert.equal(out.reports.length, 1);
  return { report: out.reports[0], notes: out.notes, client };
}

const ids = (r: ContainerReport) => r.findings.map((f) => f.ruleId);
const ns = (r: ContainerReport, name: string) => r.namespaces.find((n) => n.name === name)!;
const limit = (r: ContainerReport, resource: string) => r.limits.find((l) => l.resource === resource);

describe('recorded engines: cgroup v1 (this machine kind) and cgroup v2 snapshots', () => {
  it('cgroup v1: limits and usage from the hybrid layout, secrets never in the report', async () => {
    const { report } = await reportOf('docker20-cgroup1-web.inspect.json', 'docker20-cgroup1.info.json', {
      proc: 'docker20-cgroup1-web.proc.json',
      image: 'ctm-busybox.image.json',
    });
    assert.equal(report.kernel.sameHost, true, report.kernel.how);
    assert.equal(report.engine.cgroupVersion, '1');
    assert.deepEqual(limit(report, 'memory'), {
      resource: 'memory',
      limit: 67108864,
      unit: 'bytes',
      text: '64 MiB',
      source: 'cgroup',
      file: `/sys/fs/cgroup/memory/docker/${report.id}/memory.limit_in_bytes`,
      evidence: limit(report, 'memory')!.evidence,
      usage: 1097728,
      usageText: '1.0 MiB',
    });
    assert.equal(limit(report, 'memory+swap')?.limit, 134217728);
    assert.equal(limit(report, 'pids')?.limit, null, 'pids.max "max" is no limit');
    assert.equal(limit(report, 'pids')?.usage, 1);
    assert.equal(limit(report, 'cpu')?.limit, null, 'cfs_quota_us -1 is no limit');
    assert.ok(ids(report).includes('CT2024'), 'a token in the environment is found');
    assert.ok(report.envNames.includes('API_TOKEN'));
    assert.ok(!JSON.stringify(report).includes('s3cr3t-value-123456'), 'env values never reach the report');
    assert.ok(!ids(report).includes('CT2022'), 'on-failure:3 is bounded');
    assert.equal(report.restartPolicy, 'on-failure:3');
    assert.equal(ns(report, 'cgroup').sharedWithHost, 'yes');
    assert.ok(!ids(report).includes('CT2012'), "the host cgroup namespace is Docker's default on cgroup v1");
    assert.equal(report.user.imageUser, '');
    assert.equal(report.labels['com.docker.compose.project'], 'shop');
  });

  it('cgroup v2: memory.max, memory.swap.max, cpu.max and pids from the unified hierarchy; private cgroup namespace', async () => {
    const { report } = await reportOf('cgroup2-worker.inspect.json', 'ubuntu-apparmor-cgroup2.info.json', {
      proc: 'cgroup2-worker.proc.json',
    });
    assert.equal(report.kernel.sameHost, true, report.kernel.how);
    assert.equal(limit(report, 'memory')?.limit, 128 * 1024 * 1024);
    assert.equal(limit(report, 'memory')?.usage, 5 * 1024 * 1024);
    assert.equal(limit(report, 'memory')?.file, `/sys/fs/cgroup/system.slice/docker-${report.id}.scope/memory.max`);
    assert.equal(limit(report, 'memory+swap')?.limit, 256 * 1024 * 1024, 'v2 limits swap alone: memory + swap');
    assert.equal(limit(report, 'cpu')?.limit, 0.5);
    assert.equal(limit(report, 'cpu')?.text, '0.5 CPUs');
    assert.equal(limit(report, 'pids')?.limit, 100);
    assert.equal(limit(report, 'pids')?.usage, 3);
    assert.equal(ns(report, 'cgroup').sharedWithHost, 'no');
    assert.equal(ns(report, 'cgroup').inode, 4026532505);
    assert.equal(ns(report, 'user').sharedWithHost, 'yes');
    assert.deepEqual(report.capabilities.added, ['NET_ADMIN']);
    assert.equal(report.capabilities.masks?.effective, '00000000a80435fb');
    assert.equal(report.capabilities.effective.length, 15);
    const etc = report.mounts.find((m) => m.destination === '/host/etc');
    assert.equal(etc?.sensitive?.ruleId, 'CT2009');
    assert.equal(etc?.readOnly, true);
    assert.ok(ids(report).includes('CT2002'));
    assert.equal(report.lsm.apparmor.state, 'unconfined', 'AppArmor is available here; an empty profile is unconfined');
  });
});

describe('recorded engines: what this machine cannot run', () => {
  it('privileged: every capability, no seccomp, AppArmor unconfined; Docker’s own label=disable is not a finding', async () => {
    const { report } = await reportOf('privileged.inspect.json', 'ubuntu-apparmor-cgroup2.info.json');
    assert.equal(report.kernel.sameHost, false);
    assert.match(report.kernel.how, /\/proc\/4242 does not exist here/);
    assert.equal(report.capabilities.source, 'inspect');
    assert.equal(report.capabilities.bounding.length, ALL_CAPS.length);
    assert.equal(report.capabilities.configured.privileged, true);
    assert.equal(report.seccomp.profile, 'unconfined');
    assert.equal(report.seccomp.state, 'disabled');
    assert.equal(report.lsm.apparmor.state, 'unconfined');
    assert.equal(report.lsm.apparmor.profile, 'unconfined');
    const found = ids(report);
    for (const id of ['CT2001', 'CT2008', 'CT2017', 'CT2022']) assert.ok(found.includes(id), `${id} in ${found.join(' ')}`);
    assert.ok(!found.includes('CT2003'), 'privileged already has every capability');
    assert.ok(!found.includes('CT2006'), 'label=disable is what Docker adds for --privileged');
    assert.equal(report.worstSeverity, 'error');
    assert.deepEqual(
      report.ports.map((p) => `${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.protocol}`),
      ['0.0.0.0:8093->8093/tcp', ':::8093->8093/tcp'],
    );
  });

  it('AppArmor: docker-default is enforced; apparmor=unconfined is reported (CT2005)', async () => {
    const confined = (await reportOf('apparmor-default.inspect.json', 'ubuntu-apparmor-cgroup2.info.json')).report;
    assert.equal(confined.lsm.apparmor.state, 'enforced');
    assert.equal(confined.lsm.apparmor.profile, 'docker-default');
    assert.ok(!ids(confined).includes('CT2005'));
    assert.equal(confined.user.root, false);
    assert.equal(confined.readOnlyRootfs.value, true);
    assert.deepEqual(confined.capabilities.bounding, []);
    const unconfined = (await reportOf('apparmor-unconfined.inspect.json', 'ubuntu-apparmor-cgroup2.info.json')).report;
    assert.equal(unconfined.lsm.apparmor.state, 'unconfined');
    assert.ok(ids(unconfined).includes('CT2005'));
  });

  it('an empty AppArmor profile on a kernel without AppArmor is "not available", not unconfined', async () => {
    const { report } = await reportOf('apparmor-default.inspect.json', 'docker20-cgroup1.info.json');
    assert.equal(report.lsm.apparmor.state, 'not-available');
  });

  it('SELinux: container_t is confined; label=disable is reported (CT2006)', async () => {
    const confined = (await reportOf('selinux-confined.inspect.json', 'fedora-selinux.info.json')).report;
    assert.equal(confined.lsm.selinux.state, 'confined');
    assert.equal(confined.lsm.selinux.label, 'system_u:system_r:container_t:s0:c42,c853');
    assert.equal(confined.lsm.apparmor.state, 'not-available');
    assert.deepEqual(
      confined.mounts.map((m) => [m.type, m.source, m.destination]),
      [['volume', 'pgdata', '/var/lib/postgresql/data']],
    );
    const disabled = (await reportOf('selinux-disabled.inspect.json', 'fedora-selinux.info.json')).report;
    assert.equal(disabled.lsm.selinux.state, 'disabled');
    assert.ok(ids(disabled).includes('CT2006'));
  });

  it('a custom seccomp profile is described, not printed, and not reported as unconfined', async () => {
    const { report } = await reportOf('custom-seccomp.inspect.json', 'docker20-cgroup1.info.json');
    assert.equal(report.seccomp.profile, 'custom');
    assert.equal(report.seccomp.profileDetail, 'custom profile: defaultAction SCMP_ACT_ERRNO, 1 syscall rules');
    assert.ok(!ids(report).includes('CT2004'));
    const line = asDockerRun(fixture<RawContainer[]>('custom-seccomp.inspect.json')[0]);
    assert.match(line, /--security-opt seccomp=\/path\/to\/profile.json/);
  });

  it('Podman (rootless): its own capability lists, namespaces, pids default, journald', async () => {
    const { report } = await reportOf('podman4-rootless-web.inspect.json', 'podman4-rootless.info.json', {
      connection: {
        ...LOCAL_DOCKER,
        kind: 'podman',
        cliPath: '/usr/bin/podman',
        cli: 'podman',
        endpoint: 'unix:///run/user/1000/podman/podman.sock',
      },
    });
    assert.equal(report.engine.kind, 'podman');
    assert.equal(report.engine.security.rootless, true);
    assert.equal(report.engine.security.selinux, true);
    assert.equal(report.engine.cgroupVersion, '2');
    assert.equal(report.name, 'web');
    assert.equal(report.capabilities.source, 'inspect');
    assert.equal(report.capabilities.effective.length, 11);
    assert.deepEqual([...report.capabilities.dropped].sort(), ['AUDIT_WRITE', 'MKNOD', 'NET_RAW']);
    assert.equal(ns(report, 'user').sharedWithHost, 'no', 'rootless: the engine’s own user namespace');
    assert.equal(ns(report, 'net').sharedWithHost, 'no', 'slirp4netns is a network of its own');
    assert.equal(ns(report, 'ipc').sharedWithHost, 'no');
    assert.equal(report.lsm.selinux.state, 'confined');
    assert.equal(report.logDriver, 'journald');
    assert.equal(limit(report, 'pids')?.limit, 2048);
    assert.ok(!ids(report).includes('CT2012'));
    assert.ok(!ids(report).includes('CT2016'), "Podman's default pids limit counts");
    assert.ok(ids(report).includes('CT2017'), 'port 8080 on every interface');
  });

  it('userns-remap: root in the container is not root on the host', async () => {
    const { report } = await reportOf('privileged.inspect.json', 'userns-remap.info.json');
    assert.equal(ns(report, 'user').sharedWithHost, 'no');
    assert.equal(report.user.root, true);
    assert.equal(report.user.rootOnHost, false);
    const rootless = (await reportOf('selinux-disabled.inspect.json', 'rootless.info.json')).report;
    assert.equal(ns(rootless, 'user').modeKind, 'private');
    assert.match(ns(rootless, 'user').note ?? '', /rootless/i);
  });

  it('cgroup namespace host on a cgroup v2 daemon is a choice, and reported', async () => {
    const c = fixture<RawContainer[]>('cgroup2-worker.inspect.json');
    c[0].HostConfig!.CgroupnsMode = 'host';
    const client = new FakeClient(LOCAL_DOCKER, fixture<RawInfo>('ubuntu-apparmor-cgroup2.info.json'), c);
    const { reports } = await inspectContainers(client, [c[0].Id], { fs: EMPTY_FS });
    assert.ok(reports[0].findings.some((f) => f.ruleId === 'CT2012' && /cgroup/.test(f.message)));
  });
});

describe('languages', () => {
  it('findings and rule texts follow the locale (Simplified Chinese where the rule has it)', async () => {
    const c = fixture<RawContainer[]>('privileged.inspect.json');
    const client = new FakeClient(LOCAL_DOCKER, fixture<RawInfo>('ubuntu-apparmor-cgroup2.info.json'), c);
    const en = (await inspectContainers(client, [c[0].Id], { fs: EMPTY_FS })).reports[0];
    const zh = (await inspectContainers(client, [c[0].Id], { fs: EMPTY_FS, locale: 'zh-CN' })).reports[0];
    const pick = (r: ContainerReport) => r.findings.find((f) => f.ruleId === 'CT2001')!;
    assert.equal(pick(en).title, ruleById('CT2001')!.meta.title);
    assert.equal(pick(zh).title, ruleById('CT2001')!.meta.zh?.title ?? ruleById('CT2001')!.meta.title);
    assert.match(pick(zh).title ?? '', /[\u4e00-\u9fff]/, 'a Chinese title');
    assert.match(pick(zh).message, /[\u4e00-\u9fff]/, 'a Chinese message');
    assert.deepEqual(ids(zh), ids(en));
  });
});

describe('engines on another host', () => {
  it('says the kernel view is not readable and uses inspect data', async () => {
    const { report, client } = await reportOf('docker20-cgroup1-web.inspect.json', 'docker20-cgroup1.info.json', {
      connection: REMOTE_DOCKER,
      proc: 'docker20-cgroup1-web.proc.json',
    });
    assert.equal(report.kernel.sameHost, false);
    assert.match(report.kernel.how, /ssh:\/\/deploy@build-01\.example\.internal, not a local socket/);
    assert.equal(report.capabilities.source, 'inspect');
    assert.equal(limit(report, 'memory')?.source, 'inspect');
    assert.equal(limit(report, 'memory')?.limit, 67108864);
    assert.ok(report.notes.some((n) => /--probe-exec/.test(n)));
    assert.deepEqual(client.execCalls, [], 'nothing runs in a container unless asked');
    assert.equal(report.engine.context, 'build-01');
  });

  it('reads /proc/1/status inside the container with docker exec only when asked', async () => {
    const status = snapshot('docker20-cgroup1-web.proc.json').files['/proc/4242/status'];
    const { report, client } = await reportOf('docker20-cgroup1-web.inspect.json', 'docker20-cgroup1.info.json', {
      connection: REMOTE_DOCKER,
      exec: status,
      probeExec: true,
    });
    assert.deepEqual(client.execCalls, [[report.id, 'cat', '/proc/1/status']]);
    assert.equal(report.capabilities.source, 'exec');
    assert.equal(report.capabilities.masks?.effective, '00000000a80425fb');
    assert.equal(report.seccomp.kernelMode, 2);
    assert.equal(report.seccomp.source, 'exec');
    assert.equal(report.user.uid, 0);
    assert.ok(report.notes.some((n) => /docker exec/.test(n)));
  });

  it('a local socket whose PID is another process here (Docker Desktop’s VM) is not the same host', async () => {
    const snap = snapshot('docker20-cgroup1-web.proc.json');
    snap.files['/proc/4242/cgroup'] = '0::/user.slice/user-1000.slice/session-3.scope\n';
    const c = fixture<RawContainer[]>('docker20-cgroup1-web.inspect.json');
    const client = new FakeClient(LOCAL_DOCKER, fixture<RawInfo>('docker20-cgroup1.info.json'), c);
    const { reports } = await inspectContainers(client, [c[0].Id], { fs: snapshotFs(snap), assumeLocal: true });
    assert.equal(reports[0].kernel.sameHost, false);
    assert.match(reports[0].kernel.how, /another process/);
  });
});

describe('docker run lines from recorded containers', () => {
  it('privileged runner: the flags that matter, and the same findings as the container', async () => {
    const c = fixture<RawContainer[]>('privileged.inspect.json')[0];
    const line = asDockerRun(c);
    assert.equal(
      line,
      'docker run -d --name ci-runner --privileged --cgroupns private -v /var/run/docker.sock:/var/run/docker.sock -v /srv/gitlab-runner/config:/etc/gitlab-runner -p 8093:8093 --restart always gitlab/gitlab-runner:v16.11.0 sleep 300',
    );
    const { report } = await reportOf('privileged.inspect.json', 'ubuntu-apparmor-cgroup2.info.json');
    const fromLine = analyze('run.sh', `#!/bin/sh\n${line}\n`)!.findings.map((f) => f.ruleId);
    const live = ids(report);
    for (const id of fromLine) assert.ok(live.includes(id), `${id} from the line is live too`);
  });

  it('never prints environment values', () => {
    const c = fixture<RawContainer[]>('docker20-cgroup1-web.inspect.json')[0];
    const line = asDockerRun(c);
    assert.match(line, / -e API_TOKEN -e MODE /);
    assert.ok(!line.includes('s3cr3t'));
    assert.match(line, /--memory 64m/);
    assert.match(line, /--restart on-failure:3/);
  });
});
