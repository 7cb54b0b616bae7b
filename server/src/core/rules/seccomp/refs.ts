// References the seccomp rules cite (pure core layer; data, not a rule).

import type { Reference } from '../../types';

export const REF = {
  dockerDocs: { title: 'Seccomp security profiles for Docker', url: 'https://docs.docker.com/engine/security/seccomp/' },
  man: { title: 'seccomp(2)', url: 'https://man7.org/linux/man-pages/man2/seccomp.2.html' },
  ruleAdd: { title: 'seccomp_rule_add(3): comparison operators', url: 'https://man7.org/linux/man-pages/man3/seccomp_rule_add.3.html' },
  mobyLoad: {
    title: 'moby profiles/seccomp: how Docker reads a profile',
    url: 'https://github.com/moby/moby/blob/master/profiles/seccomp/seccomp_linux.go',
  },
  mobyTypes: {
    title: 'moby profiles/seccomp: the profile format',
    url: 'https://github.com/moby/moby/blob/master/profiles/seccomp/seccomp.go',
  },
  runcConfig: {
    title: 'runc libcontainer/seccomp/config.go: accepted actions, operators, architectures and flags',
    url: 'https://github.com/opencontainers/runc/blob/main/libcontainer/seccomp/config.go',
  },
  runcFilter: {
    title: 'runc libcontainer/seccomp/seccomp_linux.go: how rules become the kernel filter',
    url: 'https://github.com/opencontainers/runc/blob/main/libcontainer/seccomp/seccomp_linux.go',
  },
  spec: { title: 'OCI runtime spec: seccomp', url: 'https://github.com/opencontainers/runtime-spec/blob/main/config-linux.md#seccomp' },
  defaultProfile: {
    title: "Docker's default profile (moby/profiles)",
    url: 'https://github.com/moby/profiles/blob/main/seccomp/default.json',
  },
} satisfies Record<string, Reference>;
