// CT2019 runs-as-root: the container's processes run as UID 0, either because the service says so
// or because it says nothing and the image it builds runs as root (pure core layer).

import { runtimeRule, type Hit } from '../rule';
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
          message: `${spec.label} sets user "${spec.user.value}", so its processes run as root (UID 0): a process that escapes the container, or writes to a mounted host path, does so as root on the host. Use a non-root UID such as 1001:1001.`,
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
          message: `${spec.label} sets no user and its image (${facts.describedBy}) never sets USER, so the container runs as root; set ${key} or add a non-root USER to the Dockerfile.`,
          fixes: setUser(),
        },
      ];
    }
    if (facts.userIsRoot === true || (facts.userIsRoot === undefined && isRootUser(facts.user))) {
      return [
        {
          range: atAnchor(spec),
          message: `${spec.label} sets no user and its image runs as USER ${facts.user} (${facts.describedBy}), which is root; set ${key} or change the Dockerfile's USER to a non-root user.`,
          fixes: setUser(),
        },
      ];
    }
    return [];
  },
);
