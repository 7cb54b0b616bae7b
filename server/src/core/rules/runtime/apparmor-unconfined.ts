// CT2005 apparmor-unconfined: `apparmor:unconfined` / `--security-opt apparmor=unconfined` removes the
// AppArmor profile Docker confines containers with (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { hitAt, securityOpts } from './util1';

export default runtimeRule(
  {
    id: 'CT2005',
    name: 'apparmor-unconfined',
    title: 'The AppArmor profile is turned off',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'AppArmor is a Linux Security Module: a set of rules, attached to a program, that the kernel enforces on top of ordinary file permissions and capabilities, even for root. On hosts that use it (Debian, Ubuntu, SUSE), Docker confines every container with a profile called `docker-default`. ' +
      "That profile refuses `mount`, writes to most of `/proc` and `/proc/sys`, access to `/proc/kcore` and `/proc/sysrq-trigger`, writes under `/sys` (except the container's own cgroup), `/sys/firmware` and `/sys/kernel/security`, and tracing or signalling processes outside the container. " +
      'Those rules are a second line behind capabilities and seccomp: when a capability such as `SYS_ADMIN` is added or a kernel interface is mounted, AppArmor is often what still stops the escape (the cgroup `release_agent` escape of CVE-2022-0492 needs `mount`, which the profile denies). `apparmor=unconfined` removes that line. ' +
      'On hosts without AppArmor (Fedora, RHEL and others use SELinux instead) the option changes nothing, but Compose files and scripts travel between hosts. Both separators (`apparmor:unconfined`, `apparmor=unconfined`) are understood; a named custom profile is not reported.',
    remediation:
      "Remove the option so `docker-default` applies. If the program needs something the profile refuses, write a custom profile that allows only that (start from Docker's template), load it with `apparmor_parser`, and name it: `apparmor=my-profile`.",
    references: [
      { title: 'AppArmor security profiles for Docker', url: 'https://docs.docker.com/engine/security/apparmor/' },
      { title: 'Compose file reference: security_opt', url: 'https://docs.docker.com/reference/compose-file/services/#security_opt' },
      { title: 'apparmor(7)', url: 'https://manpages.ubuntu.com/manpages/noble/man7/apparmor.7.html' },
      {
        title: 'CIS Docker Benchmark 5.1: Ensure that, if applicable, an AppArmor profile is enabled',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      composeLint: ['CL-0009'],
      cis: ['5.1'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - no-new-privileges:true\n      - apparmor:unconfined\n',
        fixed: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - no-new-privileges:true\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run -d --security-opt apparmor=unconfined example/app:1.0\n',
        fixed: '#!/bin/sh\ndocker run -d example/app:1.0\n',
      },
      {
        kind: 'markdown',
        bad: '```shell\ndocker run --security-opt=apparmor=unconfined --cap-add SYS_ADMIN example/fuse:1.0\n```\n',
        fixed: '```shell\ndocker run --cap-add SYS_ADMIN example/fuse:1.0\n```\n',
      },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - apparmor:docker-app-profile\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --security-opt apparmor=docker-default example/app:1.0\n' },
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt: ["apparmor=${APPARMOR_PROFILE}"]\n' },
    ],
  },
  (spec): Hit[] =>
    securityOpts(spec, 'apparmor')
      .filter((o) => o.value.trim().toLowerCase() === 'unconfined')
      .map((o) =>
        hitAt(
          spec,
          o.origin,
          `${o.raw} in ${spec.label} removes Docker's AppArmor profile, which on AppArmor hosts refuses mount, writes to /proc and /sys and tracing processes outside the container even for root.`,
          spec.fixer?.removeValue?.(o.origin, `Remove ${o.raw} (Docker's default AppArmor profile applies)`),
        ),
      ),
);
