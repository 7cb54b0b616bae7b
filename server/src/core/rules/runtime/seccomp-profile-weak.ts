// CT2030 seccomp-profile-weak: the custom seccomp profile a container names lets through calls
// Docker's default profile refuses, allows everything it does not list, or is one Docker refuses.
// analyze() reads the profile (link/seccompLink.ts) and records a summary in the spec (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import type { SeccompProfileLink } from '../../model/runtime';
import { hitAt, securityOpts } from './util1';

function list(names: string[], max = 5): string {
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
}

function summary(p: SeccompProfileLink): { text: string; severity: 'warning' | 'info' } | undefined {
  if (p.errors.length > 0) {
    return {
      text: `has ${p.errors.length === 1 ? 'a problem' : `${p.errors.length} problems`} that make Docker refuse it (first: ${p.errors[0]})`,
      severity: 'warning',
    };
  }
  if (p.allowsByDefault) return { text: 'allows every system call it does not list (a deny-list)', severity: 'info' };
  if (p.allowsBeyondDefault.length > 0) {
    return {
      text: `allows ${list(p.allowsBeyondDefault)}, which Docker's default profile blocks or allows only with a capability or argument filter`,
      severity: 'info',
    };
  }
  return undefined;
}

export default runtimeRule(
  {
    id: 'CT2030',
    name: 'seccomp-profile-weak',
    title: "The custom seccomp profile is weaker than Docker's default or is refused",
    defaultSeverity: 'info',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      "A custom seccomp profile (`seccomp=./profile.json`) replaces Docker's default system call filter for that container. When Containment can read the file, it checks it like any profile and sums up here what matters for this container: calls it allows that Docker's default profile refuses or restricts (for example `mount`, `unshare` or `keyctl`), whether it lets through every call it does not list, and whether Docker would refuse it altogether. " +
      'The details, with exact places and fixes, are in the profile itself: open it to see the seccomp findings (CT3001-CT3014). This summary is information, or a warning when Docker would refuse the profile.',
    remediation:
      "Open the profile and address its findings: keep `defaultAction` at `SCMP_ACT_ERRNO`, and allow the calls Docker's default restricts only with the same condition (`includes.caps`, or the default's argument filter).",
    references: [
      { title: 'Seccomp security profiles for Docker', url: 'https://docs.docker.com/engine/security/seccomp/' },
      { title: "Docker's default profile (moby/profiles)", url: 'https://github.com/moby/profiles/blob/main/seccomp/default.json' },
    ],
    peers: {},
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp=./profile.json\n',
        files: {
          'profile.json':
            '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{ "names": ["read", "write", "execve", "exit_group", "mount", "unshare"], "action": "SCMP_ACT_ALLOW" }] }',
        },
      },
      {
        kind: 'shell',
        bad: '#!/bin/sh\ndocker run --security-opt seccomp=profile.json example/app:1.0\n',
        files: {
          'profile.json': '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{ "names": ["reboot"], "action": "SCMP_ACT_ERRNO" }] }',
        },
      },
    ],
    good: [
      {
        kind: 'compose',
        text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp=./profile.json\n',
        files: {
          'profile.json':
            '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{ "names": ["read", "write", "execve", "exit_group"], "action": "SCMP_ACT_ALLOW" }, { "names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": { "caps": ["CAP_SYS_ADMIN"] } }] }',
        },
      },
    ],
  },
  (spec): Hit[] =>
    securityOpts(spec, 'seccomp').flatMap((o) => {
      const s = o.profile?.exists ? summary(o.profile) : undefined;
      return s
        ? [
            hitAt(
              spec,
              o.origin,
              `The seccomp profile ${o.profile!.path} used by ${spec.label} ${s.text}. Open it for details.`,
              undefined,
              s.severity,
            ),
          ]
        : [];
    }),
);
