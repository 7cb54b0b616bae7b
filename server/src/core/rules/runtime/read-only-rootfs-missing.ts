// CT2013 read-only-rootfs-missing: the container's root filesystem is writable (no `read_only: true` /
// `--read-only`) (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
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
    zh: {
      title: '根文件系统可写',
      explanation:
        '容器的根文件系统是镜像的各层再加上一层薄薄的可写层，所以默认情况下，其中每个文件都能被拥有相应权限的进程修改，而容器里的 root 就拥有这些权限。' +
        '于是，能在容器里运行代码的人就可以替换应用自己的文件、放入并运行工具，或者修改配置，这些改动会一直保留到容器被重新创建为止。' +
        '`read_only: true`（`--read-only`）以只读方式挂载根文件系统。程序仍然可以通过显式的挂载写入必须写的地方：`/tmp` 或 `/run` 这类临时空间用 `tmpfs`（Docker 默认以 `nosuid,nodev,noexec` 挂载 tmpfs），数据用卷。它还让容器会往哪里写在 Compose 文件中一目了然，并让镜像保持测试时的样子。' +
        '这是一项加固措施而不是漏洞，所以报告为信息：许多镜像在启动时会往某处写入，改为只读需要先简单试运行一下。`read_only: false` 也以同样方式报告。',
      remediation:
        '添加 `read_only: true` 和 `tmpfs: [/tmp]`（`--read-only --tmpfs /tmp`），启动容器，再为每个写入失败的路径添加一个 tmpfs 或卷（以可写方式运行时，`docker diff <container>` 会列出这些路径）。',
    },
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
          t(
            `${spelled(spec, 'read_only: false', '--read-only=false', 'A writable root filesystem')} in ${spec.label} leaves the root filesystem writable, so code running in the container can replace programs, drop tools and change configuration.`,
            `${spec.label} 中的 ${spelled(spec, 'read_only: false', '--read-only=false', '可写根文件系统设置')} 让根文件系统保持可写，容器里运行的代码可以替换程序、放入工具、修改配置。`,
          ),
          fix,
        ),
      ];
    }
    return [
      hitAt(
        spec,
        spec.anchor,
        t(
          `No ${spelled(spec, 'read_only: true', '--read-only', 'read-only root filesystem')} in ${spec.label}, so code running in the container can replace programs, drop tools and change configuration anywhere in its filesystem.`,
          `${spec.label} 中没有 ${spelled(spec, 'read_only: true', '--read-only', '只读根文件系统设置')}，容器里运行的代码可以在其文件系统的任何位置替换程序、放入工具、修改配置。`,
        ),
        fix,
      ),
    ];
  },
);
