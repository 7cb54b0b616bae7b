// CT2010 shared-mount-propagation: a bind mount with shared or rshared propagation lets mounts cross
// between the container and the host (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { hitAt } from './util1';

export default runtimeRule(
  {
    id: 'CT2010',
    name: 'shared-mount-propagation',
    title: 'A mount uses shared propagation',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      "Each container has its own mount namespace: what it mounts or unmounts stays inside it. Mount propagation (mount_namespaces(7)) is the exception a bind mount can ask for. With `private` (Docker's default, `rprivate`) nothing crosses. With `slave`/`rslave`, mounts made on the host under the folder later appear in the container, but not the other way round. " +
      'With `shared`/`rshared` both directions propagate: a filesystem mounted by the container under that folder appears on the host, and host mounts appear in the container. A container that can mount (for example with `SYS_ADMIN`) can then cover a host directory with content of its choosing, and a container that cannot still receives whatever the host later mounts there, such as a newly attached disk. ' +
      'The host side must itself be a shared mount for this to work, which is why the setting is rare outside storage plugins and nested engines. `slave`/`rslave` are not reported, because nothing the container mounts reaches the host (KICS reports them too). The source path does not matter here, so a source from a variable is still checked.',
    remediation:
      "Remove the propagation option (or use `rprivate`). If the container must see mounts the host makes later (a storage or backup agent), use `rslave`, which does not let the container's mounts reach the host.",
    zh: {
      title: '挂载使用了 shared 传播模式',
      explanation:
        '每个容器都有自己的 mount namespace：它挂载或卸载的东西都留在内部。挂载传播（mount_namespaces(7)）是绑定挂载可以申请的例外。使用 `private`（Docker 的默认值是 `rprivate`）时什么都不会穿过。使用 `slave`/`rslave` 时，之后在宿主机上该目录下进行的挂载会出现在容器中，反过来则不会。' +
        '使用 `shared`/`rshared` 时两个方向都会传播：容器在该目录下挂载的文件系统会出现在宿主机上，宿主机的挂载也会出现在容器中。能够挂载的容器（例如拥有 `SYS_ADMIN`）就可以用自己选定的内容盖住宿主机上的目录；不能挂载的容器也仍会收到宿主机之后在那里挂载的任何东西，例如新接入的磁盘。' +
        '要让它生效，宿主机一侧本身也必须是 shared 挂载，所以除了存储插件和嵌套引擎之外，这个设置很少见。`slave`/`rslave` 不会被报告，因为容器挂载的任何东西都不会到达宿主机（KICS 也会报告它们）。这里与源路径无关，所以源路径来自变量时仍会检查。',
      remediation:
        '删除传播选项（或者使用 `rprivate`）。如果容器必须看到宿主机之后进行的挂载（存储或备份代理），就使用 `rslave`，它不会让容器的挂载到达宿主机。',
    },
    references: [
      {
        title: 'Bind propagation (Docker documentation)',
        url: 'https://docs.docker.com/engine/storage/bind-mounts/#configure-bind-propagation',
      },
      { title: 'mount_namespaces(7): shared subtrees', url: 'https://man7.org/linux/man-pages/man7/mount_namespaces.7.html' },
      {
        title: 'CIS Docker Benchmark 5.19: Ensure mount propagation mode is not set to shared',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Volume Mounted In Multiple Containers'],
      composeLint: ['CL-0017'],
      cis: ['5.19'],
    },
    bad: [
      { kind: 'compose', bad: 'services:\n  storage:\n    image: example/storage:1.0\n    volumes:\n      - /mnt/data:/data:rshared\n' },
      {
        kind: 'compose',
        bad: 'services:\n  storage:\n    image: example/storage:1.0\n    volumes:\n      - type: bind\n        source: ${DATA_DIR:-/mnt/data}\n        target: /data\n        bind:\n          propagation: shared\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d --mount type=bind,source=/mnt/data,target=/data,bind-propagation=rshared example/storage:1.0\n',
      },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  backup:\n    image: example/backup:1.0\n    volumes:\n      - /mnt/data:/data:ro,rslave\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -v /mnt/data:/data:rprivate example/app:1.0\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -v /mnt/data:/data example/app:1.0\n' },
    ],
  },
  (spec): Hit[] => {
    const hits: Hit[] = [];
    for (const m of spec.mounts) {
      // The propagation is read even when the source path comes from a variable: only its own text matters.
      if (!m.propagation || m.propagation.includes('$')) continue;
      const p = m.propagation.trim().toLowerCase();
      if (p !== 'shared' && p !== 'rshared') continue;
      hits.push(
        hitAt(
          spec,
          m.origin,
          t(
            `The mount at ${m.target} in ${spec.label} uses ${p} propagation, so mounts made inside the container under it appear on the host and host mounts appear in the container.`,
            `${spec.label} 中位于 ${m.target} 的挂载使用 ${p} 传播模式，容器内在其下进行的挂载会出现在宿主机上，宿主机的挂载也会出现在容器中。`,
          ),
        ),
      );
    }
    return hits;
  },
);
