// CT2029 seccomp-profile-missing: `seccomp=./profile.json` names a file that is not there, so
// Docker cannot create the container. analyze() looks for the file (link/seccompLink.ts) and
// records the result in the spec; this rule reads it (pure core layer).

import { runtimeRule, type Hit } from '../rule';
import { hitAt, securityOpts } from './util1';

export default runtimeRule(
  {
    id: 'CT2029',
    name: 'seccomp-profile-missing',
    title: 'The custom seccomp profile does not exist',
    defaultSeverity: 'error',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      '`security_opt: [seccomp=./profile.json]` in Compose, or `--security-opt seccomp=profile.json` on the command line, replaces Docker\'s default system call filter with the profile in that file. The Docker client reads the file when it creates the container; if it is not there, the container is not created ("opening seccomp profile … failed") and nothing runs. ' +
      'Containment looks for relative paths next to the Compose file or script that names them (Compose and the docker CLI resolve them from the directory you run the command in, usually the same one). Absolute paths are not reported when missing, because they usually name a file on the Docker host, and neither are paths in Markdown, where tutorials often name files the reader creates.',
    remediation:
      "Create the profile at that path, or fix the path. To start from Docker's default profile, run the command **Containment: Create a Seccomp Profile from Docker's Default** and allow or remove what your program needs. To use the default profile itself, remove the option.",
    references: [
      { title: 'Seccomp security profiles for Docker', url: 'https://docs.docker.com/engine/security/seccomp/' },
      { title: 'Compose file reference: security_opt', url: 'https://docs.docker.com/reference/compose-file/services/#security_opt' },
      { title: 'docker container run: --security-opt', url: 'https://docs.docker.com/reference/cli/docker/container/run/#security-opt' },
    ],
    peers: {},
    bad: [
      {
        kind: 'compose',
        bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp=./seccomp/app.json\n',
        files: {},
      },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run --security-opt seccomp=profile.json example/app:1.0\n', files: {} },
    ],
    good: [
      {
        kind: 'compose',
        text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp=./seccomp/app.json\n',
        files: { 'seccomp/app.json': '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [] }' },
      },
      // A path on the Docker host cannot be checked from here.
      { kind: 'shell', text: '#!/bin/sh\ndocker run --security-opt seccomp=/etc/docker/seccomp/app.json example/app:1.0\n', files: {} },
      {
        kind: 'compose',
        text: 'services:\n  app:\n    image: example/app:1.0\n    security_opt: ["seccomp=unconfined", "seccomp=builtin"]\n',
        files: {},
      },
    ],
  },
  (spec): Hit[] =>
    securityOpts(spec, 'seccomp')
      .filter((o) => o.profile && !o.profile.exists)
      .map((o) =>
        hitAt(
          spec,
          o.origin,
          `${o.raw} in ${spec.label} names ${o.profile!.path}, which does not exist next to this file: Docker cannot read the profile and does not create the container.`,
        ),
      ),
);
