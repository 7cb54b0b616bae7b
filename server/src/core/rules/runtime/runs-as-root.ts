// CT2019 runs-as-root: the container's processes run as UID 0, either because the service says so
// or because it says nothing and the image it builds runs as root (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
import { at, atAnchor, isRootUser, settingName } from './util2';

export default runtimeRule(
  {
    id: 'CT2019',
    name: 'runs-as-root',
    title: 'The container runs as root',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'Root inside a container is UID 0, the same UID 0 as root on the host unless the daemon remaps users with user namespaces (`userns-remap`). ' +
      'The other isolation layers (capabilities, seccomp, AppArmor/SELinux, the read-only root) then stand between that process and the host alone. A root process can write anywhere a mounted host path allows, read files owned by root in volumes, and turns any kernel or runtime escape bug into root on the host. ' +
      'The rule reports two cases. First, an explicit root user: `user: root`, `user: "0"`, `user: "0:0"`, `--user root`, `-u 0:1000` (the user part decides; a root group alone is not reported). ' +
      "Second, no user at all when Containment can see the image: for a Compose service with `build:`, it reads the Dockerfile's final stage, and when that stage ends without a USER, or with a root USER, the container runs as root; the message names the Dockerfile line. " +
      'When the image cannot be seen (a pulled image such as `nginx:1.27`, or a `docker run` line), the rule says nothing, because many images set a non-root USER themselves; an image that sets a non-root USER and a service that does not override it are fine. A user that comes from a variable (`${UID}`) is not reported.',
    remediation:
      'Run as an unprivileged user: `user: "1001:1001"` in Compose, `--user 1001:1001` on `docker run`, with files the process writes owned by that UID (a volume, or `tmpfs` for scratch space). ' +
      'Better, set `USER` in the Dockerfile so the image is safe wherever it runs, and drop the override. If the process needs root only to bind a low port or change ownership at start, grant that one capability or do it at build time instead. ' +
      'The quick fix sets `user: "1001:1001"` (`--user 1001:1001`); check that the image works with that UID.',
    zh: {
      title: '容器以 root 身份运行',
      explanation:
        '容器里的 root 是 UID 0；除非守护进程用 user namespace 重映射了用户（`userns-remap`），否则它与宿主机上 root 的 UID 0 是同一个。' +
        '这时，挡在这个进程和宿主机之间的就只剩其他隔离层（capability、seccomp、AppArmor/SELinux、只读根文件系统）。root 进程可以写入挂载的宿主机路径所允许的任何地方，读取卷中属于 root 的文件，并且会把任何内核或运行时逃逸漏洞变成宿主机上的 root 权限。' +
        '这条规则报告两种情况。第一，显式指定的 root 用户：`user: root`、`user: "0"`、`user: "0:0"`、`--user root`、`-u 0:1000`（由用户部分决定；只有组是 root 不会被报告）。' +
        '第二，Containment 能看到镜像、却完全没有指定用户：对于带有 `build:` 的 Compose 服务，它会读取 Dockerfile 的最后一个阶段，如果该阶段结束时没有 USER，或者 USER 是 root，容器就以 root 运行；消息中会指出 Dockerfile 的对应行。' +
        '看不到镜像时（例如拉取的 `nginx:1.27` 这类镜像，或者一行 `docker run` 命令），这条规则不报告，因为许多镜像自己设置了非 root 的 USER；镜像设置了非 root 的 USER、服务又没有覆盖它，就没有问题。来自变量的用户（`${UID}`）不会被报告。',
      remediation:
        '以无特权用户运行：Compose 中用 `user: "1001:1001"`，`docker run` 用 `--user 1001:1001`，并让进程要写入的文件属于这个 UID（一个卷，或者用 `tmpfs` 作临时空间）。' +
        '更好的做法是在 Dockerfile 中设置 `USER`，让镜像无论在哪里运行都是安全的，然后去掉覆盖设置。如果进程需要 root 只是为了绑定低位端口或在启动时修改属主，那就只授予那一个 capability，或者改在构建时完成。' +
        '快速修复会设置 `user: "1001:1001"`（`--user 1001:1001`）；请确认镜像在这个 UID 下能正常工作。',
    },
    references: [
      { title: 'docker container run reference: --user', url: 'https://docs.docker.com/reference/cli/docker/container/run/' },
      { title: 'Compose file reference: user', url: 'https://docs.docker.com/reference/compose-file/services/#user' },
      {
        title: 'Docker docs: isolate containers with a user namespace',
        url: 'https://docs.docker.com/engine/security/userns-remap/',
      },
      { title: 'user_namespaces(7)', url: 'https://man7.org/linux/man-pages/man7/user_namespaces.7.html' },
      {
        title: 'CIS Docker Benchmark 4.1: Ensure that a user for the container has been created',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      composeLint: ['CL-0018'],
      cis: ['4.1'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: node:20-slim\n    user: root\n',
        fixed: 'services:\n  app:\n    image: node:20-slim\n    user: "1001:1001"\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: node:20-slim\n    user: "0:0"\n',
        fixed: 'services:\n  app:\n    image: node:20-slim\n    user: "1001:1001"\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run --rm -u 0 node:20-slim node -v\n',
        fixed: '#!/bin/sh\ndocker run --rm -u 1001:1001 node:20-slim node -v\n',
      },
      {
        kind: 'markdown',
        bad: 'Run the tool as root:\n\n```bash\ndocker run --rm --user=root:root alpine:3.20 id\n```\n',
        fixed: 'Run the tool as root:\n\n```bash\ndocker run --rm --user=1001:1001 alpine:3.20 id\n```\n',
      },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  app:\n    image: node:20-slim\n    user: "1001:1001"\n' },
      { kind: 'compose', text: 'services:\n  app:\n    image: node:20-slim\n    user: node\n' },
      // The image cannot be seen from here: no finding (it may set USER itself).
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n' },
      { kind: 'compose', text: 'services:\n  app:\n    image: node:20-slim\n    user: "${UID}:${GID}"\n' },
      // A root group alone is not root.
      { kind: 'compose', text: 'services:\n  app:\n    image: node:20-slim\n    user: "1001:0"\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --rm -u 1001:1001 node:20-slim node -v\n' },
    ],
  },
  (spec): Hit[] => {
    const setUser = () => {
      const fix = spec.fixer?.setUser?.('1001:1001');
      return fix ? [fix] : [];
    };
    const key = settingName(spec, '`user:`', '`--user`');
    if (spec.user) {
      if (spec.user.unknown || !isRootUser(spec.user.value)) return [];
      return [
        {
          range: at(spec, spec.user.origin),
          message: t(
            `${spec.label} sets user "${spec.user.value}", so its processes run as root (UID 0): a process that escapes the container, or writes to a mounted host path, does so as root on the host. Use a non-root UID such as 1001:1001.`,
            `${spec.label} 设置了用户 "${spec.user.value}"，因此其进程以 root（UID 0）身份运行：逃出容器或写入挂载的宿主机路径的进程，在宿主机上也是以 root 身份这样做的。请使用非 root 的 UID，例如 1001:1001。`,
          ),
          fixes: setUser(),
        },
      ];
    }
    const facts = spec.imageFacts;
    if (!facts || spec.partial) return [];
    if (facts.user === undefined) {
      return [
        {
          range: atAnchor(spec),
          message: t(
            `${spec.label} sets no user and its image (${facts.describedBy}) never sets USER, so the container runs as root; set ${key} or add a non-root USER to the Dockerfile.`,
            `${spec.label} 没有设置用户，它的镜像（${facts.describedBy}）也从未设置 USER，因此容器以 root 身份运行；请设置 ${key}，或者在 Dockerfile 中添加非 root 的 USER。`,
          ),
          fixes: setUser(),
        },
      ];
    }
    if (facts.userIsRoot === true || (facts.userIsRoot === undefined && isRootUser(facts.user))) {
      return [
        {
          range: atAnchor(spec),
          message: t(
            `${spec.label} sets no user and its image runs as USER ${facts.user} (${facts.describedBy}), which is root; set ${key} or change the Dockerfile's USER to a non-root user.`,
            `${spec.label} 没有设置用户，而它的镜像以 USER ${facts.user}（${facts.describedBy}）运行，这就是 root；请设置 ${key}，或者把 Dockerfile 的 USER 改为非 root 用户。`,
          ),
          fixes: setUser(),
        },
      ];
    }
    return [];
  },
);
