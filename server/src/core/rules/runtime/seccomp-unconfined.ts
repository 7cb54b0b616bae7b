// CT2004 seccomp-unconfined: `seccomp:unconfined` / `--security-opt seccomp=unconfined` removes the
// system call filter (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { hitAt, securityOpts } from './util1';

export default runtimeRule(
  {
    id: 'CT2004',
    name: 'seccomp-unconfined',
    title: 'The seccomp system call filter is turned off',
    defaultSeverity: 'error',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'Every request a program makes to the kernel is a system call, and the kernel has several hundred of them. seccomp lets a process install a filter that the kernel runs before each call; Docker installs a default filter in every container that allows the calls ordinary programs use and refuses about 44 others, or allows them only with the capability that goes with them. ' +
      'The refused ones are those a container has no business making and that hold much of the kernel attack surface: creating namespaces (`unshare`, `clone` with namespace flags), `mount`, loading modules and kernels (`init_module`, `kexec_load`), the kernel keyring (`keyctl`, `add_key`), `bpf`, `perf_event_open`, `userfaultfd`, `open_by_handle_at` and more. ' +
      'Several published container escapes, for example CVE-2022-0185 and CVE-2022-0492, start by calling `unshare` to create a user namespace; the default filter stopped them, and `seccomp=unconfined` lets them through. ' +
      'Both separators are understood (`seccomp:unconfined` in Compose, `seccomp=unconfined` on the command line). A custom profile (`seccomp=profile.json`) is not reported here; the profile itself is checked when Containment reads it.',
    remediation:
      "Remove the option so the default profile applies. If the program needs one blocked call, copy Docker's default profile, allow only that call (with argument filters where possible), and use `seccomp=/path/to/profile.json`. Debuggers and tracers usually need `SYS_PTRACE` or `PERFMON`, which open the matching calls in the default profile, rather than no filter at all.",
    references: [
      { title: 'Seccomp security profiles for Docker', url: 'https://docs.docker.com/engine/security/seccomp/' },
      { title: 'seccomp(2)', url: 'https://man7.org/linux/man-pages/man2/seccomp.2.html' },
      { title: 'Compose file reference: security_opt', url: 'https://docs.docker.com/reference/compose-file/services/#security_opt' },
      {
        title: 'CIS Docker Benchmark 5.21: Ensure the default seccomp profile is not disabled',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      kics: ['Default Seccomp Profile Disabled'],
      composeLint: ['CL-0009'],
      cis: ['5.21'],
    },
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp:unconfined\n      - no-new-privileges:true\n',
        fixed: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - no-new-privileges:true\n',
      },
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt: ["seccomp=unconfined", "no-new-privileges:true"]\n',
        fixed: 'services:\n  app:\n    image: example/app:1.0\n    security_opt: ["no-new-privileges:true"]\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run --rm --security-opt seccomp=unconfined example/app:1.0\n',
        fixed: '#!/bin/sh\ndocker run --rm example/app:1.0\n',
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\npodman run --security-opt=seccomp:unconfined example/app:1.0\n',
        fixed: '#!/bin/sh\npodman run example/app:1.0\n',
      },
    ],
    good: [
      // A custom profile is checked when the profile itself is read, not here.
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp:./seccomp/app.json\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --security-opt seccomp=/etc/docker/seccomp/app.json example/app:1.0\n' },
      // KICS reports this one, but it is an SELinux label option with an invalid value, not a seccomp setting.
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - label:seccomp:unconfined\n' },
      { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - "seccomp:${SECCOMP_PROFILE}"\n' },
    ],
  },
  (spec): Hit[] =>
    securityOpts(spec, 'seccomp')
      .filter((o) => o.value.trim().toLowerCase() === 'unconfined')
      .map((o) =>
        hitAt(
          spec,
          o.origin,
          `${o.raw} in ${spec.label} turns off the system call filter, so the container can make calls Docker normally refuses (unshare, mount, keyctl, bpf, userfaultfd…), which many kernel exploits and container escapes start with.`,
          spec.fixer?.removeValue?.(o.origin, `Remove ${o.raw} (Docker's default seccomp profile applies)`),
        ),
      ),
);
