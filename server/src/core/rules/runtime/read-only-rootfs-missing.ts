// CT2013 read-only-rootfs-missing: the container's root filesystem is writable (no `read_only: true` /
// `--read-only`) (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { hitAt, spelled } from './util1';

export default runtimeRule(
  {
    id: 'CT2013',
    name: 'read-only-rootfs-missing',
    title: 'The root filesystem is writable',
    defaultSeverity: 'info',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      "A container's root filesystem is the image's layers with a thin writable layer on top, so by default every file in it can be changed by a process with the right permissions, and root in the container has them. " +
      "Someone who gets code running in the container can then replace the application's own files, drop and run tools, or edit configuration so the change survives until the container is recreated. " +
      "`read_only: true` (`--read-only`) mounts the root filesystem read-only. The program still writes where it must through explicit mounts: `tmpfs` for scratch space such as `/tmp` or `/run` (Docker mounts tmpfs `nosuid,nodev,noexec` by default) and volumes for data. It also makes the container's writes visible in the Compose file, and keeps the image what was tested. " +
      'It is a hardening step rather than a hole, hence information: many images write somewhere at startup, and making them read-only needs a short trial. `read_only: false` is reported the same way.',
    remediation:
      'Add `read_only: true` with `tmpfs: [/tmp]` (`--read-only --tmpfs /tmp`), start the container, and add a tmpfs or volume for each path it fails to write (`docker diff <container>` on a writable run lists them).',
    references: [
      { title: 'docker run reference: --read-only', url: 'https://docs.docker.com/reference/cli/docker/container/run/#read-only' },
      { title: 'Compose file reference: read_only', url: 'https://docs.docker.com/reference/compose-file/services/#read_only' },
      {
        title: "CIS Docker Benchmark 5.12: Ensure that the container's root filesystem is mounted as read only",
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      composeLint: ['CL-0007'],
      cis: ['5.12'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  web:\n    image: nginx:1.27\n',
        fixed: 'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs: [/tmp]\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  web:\n    image: nginx:1.27\n    read_only: false\n',
        fixed: 'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs: [/tmp]\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d -p 8080:80 nginx:1.27\n',
        fixed: '#!/bin/sh\ndocker run -d -p 8080:80 --read-only --tmpfs /tmp nginx:1.27\n',
      },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs:\n      - /tmp\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -d --read-only --tmpfs /tmp nginx:1.27\n' },
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    read_only: ${READ_ONLY:-true}\n' },
    ],
  },
  (spec): Hit[] => {
    const ro = spec.readOnly;
    if (ro?.unknown || ro?.value === true) return [];
    const fix = spec.fixer?.addReadOnly?.();
    if (ro) {
      return [
        hitAt(
          spec,
          ro.origin,
          `${spelled(spec, 'read_only: false', '--read-only=false', 'A writable root filesystem')} in ${spec.label} leaves the root filesystem writable, so code running in the container can replace programs, drop tools and change configuration.`,
          fix,
        ),
      ];
    }
    return [
      hitAt(
        spec,
        spec.anchor,
        `No ${spelled(spec, 'read_only: true', '--read-only', 'read-only root filesystem')} in ${spec.label}, so code running in the container can replace programs, drop tools and change configuration anywhere in its filesystem.`,
        fix,
      ),
    ];
  },
);
