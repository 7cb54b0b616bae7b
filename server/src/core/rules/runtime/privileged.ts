// CT2001 privileged: `privileged: true` / `--privileged` switches off almost every isolation layer a
// container has (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { hitAt, knownTrue, spelled } from './util1';

export default runtimeRule(
  {
    id: 'CT2001',
    name: 'privileged',
    title: 'The container runs privileged',
    defaultSeverity: 'error',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'A container is an ordinary process that the kernel fences in with several independent mechanisms: a reduced capability set (14 of the 41 Linux capabilities), a device cgroup that only lets it open a handful of harmless devices, a seccomp filter that blocks dangerous system calls, an AppArmor or SELinux profile, and read-only or hidden kernel interfaces under `/proc` and `/sys`. ' +
      'Privileged mode removes all of them at once: the container gets every capability, every device node of the host in `/dev`, no seccomp filter, no AppArmor/SELinux confinement and a writable `/sys`. ' +
      "From there, escaping needs no bug at all: mount the host's disk (`mount /dev/sda1 /mnt`), load a kernel module, or write to kernel settings. Unless the daemon remaps users (userns-remap), root in a privileged container is root on the host. " +
      'Privileged mode also overrides `cap_drop`, so dropping capabilities next to it achieves nothing.',
    remediation:
      'Remove `privileged: true` (`--privileged`). Find out what the workload really needs and grant only that: one capability with `cap_add` after `cap_drop: [ALL]`, one device with `devices:` (`--device`), or a custom seccomp profile. Docker-in-Docker can usually use the host engine through a socket proxy, rootless Docker or Sysbox instead.',
    references: [
      {
        title: 'docker run reference: runtime privilege and Linux capabilities',
        url: 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities',
      },
      { title: 'Compose file reference: privileged', url: 'https://docs.docker.com/reference/compose-file/services/#privileged' },
      { title: 'capabilities(7)', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
      {
        title: 'CIS Docker Benchmark 5.4: Ensure that privileged containers are not used',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Privileged Containers Enabled'],
      composeLint: ['CL-0002'],
      cis: ['5.4'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  builder:\n    image: docker:27-dind\n    privileged: true\n',
        fixed: 'services:\n  builder:\n    image: docker:27-dind\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d --privileged --name dind docker:27-dind\n',
        fixed: '#!/bin/sh\ndocker run -d --name dind docker:27-dind\n',
      },
      {
        kind: 'markdown',
        bad: '# Try it\n\n```console\n$ docker run --rm -it --privileged ubuntu:24.04 bash\n```\n',
        fixed: '# Try it\n\n```console\n$ docker run --rm -it ubuntu:24.04 bash\n```\n',
      },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    privileged: false\n' },
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]\n' },
      // Interpolated: unknown, so not guessed either way.
      { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    privileged: ${PRIVILEGED:-false}\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --rm --cap-add SYS_PTRACE alpine:3.20 true\n' },
      // The word in the container's command is not a docker flag.
      { kind: 'shell', text: '#!/bin/sh\ndocker run --rm alpine:3.20 echo --privileged\n' },
    ],
  },
  (spec): Hit[] => {
    if (!knownTrue(spec.privileged)) return [];
    const setting = spelled(spec, 'privileged: true', '--privileged', 'Privileged mode');
    return [
      hitAt(
        spec,
        spec.privileged?.origin,
        `${setting} in ${spec.label} switches off capability limits, the device cgroup, seccomp and AppArmor/SELinux at once, so root in the container is effectively root on the host.`,
        spec.fixer?.removePrivileged?.(),
      ),
    ];
  },
);
