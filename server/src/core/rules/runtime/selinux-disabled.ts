// CT2006 selinux-disabled: `label:disable` / `--security-opt label=disable` (or an unconfined SELinux
// type) turns off SELinux confinement of the container (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { hitAt, securityOpts } from './util1';

/** SELinux types that run a container unconfined: container-selinux's "super privileged container" type. */
const UNCONFINED_TYPES = ['spc_t'];

export default runtimeRule(
  {
    id: 'CT2006',
    name: 'selinux-disabled',
    title: 'SELinux confinement is turned off',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'SELinux is the Linux Security Module used by Fedora, RHEL, CentOS Stream and their relatives. It labels every process and file, and a policy decides which labels may touch which, regardless of user IDs and capabilities. ' +
      "On those hosts Docker and Podman run containers as the `container_t` type with a unique category pair (for example `s0:c123,c456`), so a container can only use files labelled for containers, and not files labelled for another container or for the host: a container that escapes its mount namespace, or that is given a host directory, still cannot read `/etc/shadow` or another container's data. " +
      '`label=disable` (`label:disable` in Compose) turns that separation off: the container then runs as `spc_t`, the "super privileged container" type, which the policy leaves unconfined. Asking for that type directly (`label=type:spc_t`) has the same effect. Either way the policy no longer separates the container from the host. ' +
      'On hosts without SELinux (most Debian and Ubuntu systems) the option changes nothing, but the files travel. Other label options (`label=level:s0:c100,c200`, `label=type:my_container_t`) are not reported.',
    remediation:
      'Remove the option. If a bind-mounted host directory is unreadable because of its label, relabel it for the container with the `:z` (shared) or `:Z` (private) mount option, never for system directories such as `/home` or `/usr`. If the program needs more than `container_t` allows, write a small policy module (for example with udica) and use `label=type:<your_type>`.',
    references: [
      { title: 'docker run reference: --security-opt', url: 'https://docs.docker.com/reference/cli/docker/container/run/#security-opt' },
      { title: 'Compose file reference: security_opt', url: 'https://docs.docker.com/reference/compose-file/services/#security_opt' },
      { title: 'selinux(8)', url: 'https://man7.org/linux/man-pages/man8/selinux.8.html' },
      {
        title: 'CIS Docker Benchmark 5.2: Ensure that, if applicable, SELinux security options are set',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      composeLint: ['CL-0009'],
      cis: ['5.2'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - label:disable\n      - no-new-privileges:true\n',
        fixed: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - no-new-privileges:true\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt: [label=type:spc_t, no-new-privileges:true]\n',
        fixed: 'services:\n  app:\n    image: example/app:1.0\n    security_opt: [no-new-privileges:true]\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\npodman run --rm --security-opt label=disable -v /srv/data:/data example/app:1.0\n',
        fixed: '#!/bin/sh\npodman run --rm -v /srv/data:/data example/app:1.0\n',
      },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - label:level:s0:c100,c200\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run -v /srv/data:/data:Z example/app:1.0\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --security-opt label=type:svirt_apache_t example/app:1.0\n' },
    ],
  },
  (spec): Hit[] => {
    const hits: Hit[] = [];
    for (const o of securityOpts(spec, 'label')) {
      const value = o.value.trim().toLowerCase();
      const type = /^type:(.*)$/.exec(value)?.[1];
      if (value === 'disable') {
        hits.push(
          hitAt(
            spec,
            o.origin,
            `${o.raw} in ${spec.label} runs the container unconfined (as spc_t) instead of container_t, so on SELinux hosts the policy no longer keeps it away from host files and other containers' data.`,
            spec.fixer?.removeValue?.(o.origin, `Remove ${o.raw} (the container gets its SELinux label again)`),
          ),
        );
      } else if (type !== undefined && UNCONFINED_TYPES.includes(type)) {
        hits.push(
          hitAt(
            spec,
            o.origin,
            `${o.raw} in ${spec.label} runs the container as the unconfined SELinux type ${type}, so on SELinux hosts the policy no longer keeps it away from host files and other containers' data.`,
            spec.fixer?.removeValue?.(o.origin, `Remove ${o.raw} (the container gets the confined container_t type again)`),
          ),
        );
      }
    }
    return hits;
  },
);
