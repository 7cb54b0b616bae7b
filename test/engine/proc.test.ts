// The kernel-format readers of server/src/engine/proc.ts: capability masks (against the kernel's
// own numbering), /proc/PID/status, /proc/PID/cgroup and mountinfo for cgroup v1 and v2.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { ALL_CAPS } from '../../server/src/core/model/capabilities';
import {
  cgroupDir,
  cgroupNumber,
  decodeCaps,
  nsInode,
  parseCgroupFile,
  parseCgroupMounts,
  parseStatus,
} from '../../server/src/engine/proc';

describe('capability masks', () => {
  it('ALL_CAPS is in the kernel’s bit order (capabilities(7) numbers)', () => {
    // Spot checks from capabilities(7), then the whole list against the kernel header when installed.
    const bit = (name: string) => (ALL_CAPS as readonly string[]).indexOf(name);
    assert.equal(bit('CHOWN'), 0);
    assert.equal(bit('NET_BIND_SERVICE'), 10);
    assert.equal(bit('NET_RAW'), 13);
    assert.equal(bit('SYS_ADMIN'), 21);
    assert.equal(bit('MKNOD'), 27);
    assert.equal(bit('SETFCAP'), 31);
    assert.equal(bit('MAC_OVERRIDE'), 32);
    assert.equal(bit('PERFMON'), 38);
    assert.equal(bit('BPF'), 39);
    assert.equal(bit('CHECKPOINT_RESTORE'), 40);
    const header = '/usr/include/linux/capability.h';
    if (existsSync(header)) {
      const text = readFileSync(header, 'utf8');
      for (const m of text.matchAll(/^#define CAP_([A-Z_]+)\s+(\d+)\s*$/gm)) {
        if (m[1] === 'LAST_CAP') continue;
        assert.equal(bit(m[1]), Number(m[2]), `CAP_${m[1]}`);
      }
    }
  });

  it('decodes masks as /proc prints them', () => {
    // Docker's default 14 plus SYS_ADMIN, as a container with --cap-add SYS_ADMIN shows.
    assert.deepEqual(decodeCaps('00000000a82425fb'), [
      'CHOWN',
      'DAC_OVERRIDE',
      'FOWNER',
      'FSETID',
      'KILL',
      'SETGID',
      'SETUID',
      'SETPCAP',
      'NET_BIND_SERVICE',
      'NET_RAW',
      'SYS_CHROOT',
      'SYS_ADMIN',
      'MKNOD',
      'AUDIT_WRITE',
      'SETFCAP',
    ]);
    assert.deepEqual(decodeCaps('0000000000000400'), ['NET_BIND_SERVICE']);
    assert.deepEqual(decodeCaps('0000000000000000'), []);
    assert.equal(decodeCaps('000001ffffffffff').length, 41);
    // A bit beyond the kernels this table knows is kept, not dropped.
    assert.deepEqual(decodeCaps('0000040000000000'), ['CAP_42']);
  });
});

describe('/proc files', () => {
  it('reads status fields', () => {
    const s = parseStatus(
      'Name:\tsleep\nUid:\t1001\t1001\t1001\t1001\nGid:\t1001\t1001\t1001\t1001\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t0000000000000400\nNoNewPrivs:\t1\nSeccomp:\t0\n',
    );
    assert.deepEqual(s, {
      uid: [1001, 1001, 1001, 1001],
      gid: [1001, 1001, 1001, 1001],
      capPrm: '0000000000000000',
      capEff: '0000000000000000',
      capBnd: '0000000000000400',
      noNewPrivs: 1,
      seccomp: 0,
    });
    assert.equal(nsInode('net:[4026531833]'), 4026531833);
    assert.equal(nsInode(undefined), undefined);
  });

  it('finds the cgroup v1 directories in the hybrid layout', () => {
    const id = 'ab'.repeat(32);
    const lines = parseCgroupFile(
      `9:name=systemd:/docker/${id}\n8:pids:/docker/${id}\n4:memory:/docker/${id}\n2:cpu,cpuacct:/docker/${id}\n0::/docker/${id}\n`,
    );
    const mounts = parseCgroupMounts(
      '30 25 0:40 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct\n' +
        '33 25 0:43 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n' +
        '37 25 0:47 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids\n' +
        '39 25 0:49 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd\n' +
        '40 25 0:50 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n',
    );
    assert.deepEqual(cgroupDir(lines, mounts, 'memory'), { dir: `/sys/fs/cgroup/memory/docker/${id}`, version: 1 });
    assert.deepEqual(cgroupDir(lines, mounts, 'cpu'), { dir: `/sys/fs/cgroup/cpu,cpuacct/docker/${id}`, version: 1 });
    assert.deepEqual(cgroupDir(lines, mounts, 'pids'), { dir: `/sys/fs/cgroup/pids/docker/${id}`, version: 1 });
  });

  it('finds the cgroup v2 directory, with a mount root and escaped mount points', () => {
    const lines = parseCgroupFile('0::/system.slice/docker-abc.scope\n');
    const plain = parseCgroupMounts('35 24 0:30 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n');
    assert.deepEqual(cgroupDir(lines, plain, 'memory'), { dir: '/sys/fs/cgroup/system.slice/docker-abc.scope', version: 2 });
    // Inside a container with its own cgroup namespace the mount's root is a sub-tree.
    const nested = parseCgroupMounts('35 24 0:30 /system.slice /mnt/my\\040cgroups rw - cgroup2 cgroup2 rw\n');
    assert.deepEqual(cgroupDir(lines, nested, 'memory'), { dir: '/mnt/my cgroups/docker-abc.scope', version: 2 });
  });

  it('reads "no limit" the ways the kernel writes it', () => {
    assert.equal(cgroupNumber('max\n'), null);
    assert.equal(cgroupNumber('-1'), null);
    assert.equal(cgroupNumber('9223372036854771712\n'), null, 'cgroup v1 unlimited memory');
    assert.equal(cgroupNumber('33554432\n'), 33554432);
    assert.equal(cgroupNumber('garbage'), undefined);
    assert.equal(cgroupNumber(undefined), undefined);
  });
});
