// CT1015 run-security-insecure: `RUN --security=insecure` runs a build step outside BuildKit's
// sandbox, like a privileged container (pure core layer).

import { imageRule, type Hit } from '../rule';
import { isRun } from '../../model/image';
import { removeRunFlagFix } from './runFlagEdit';

export default imageRule(
  {
    id: 'CT1015',
    name: 'run-security-insecure',
    title: 'A build step runs without the sandbox (RUN --security=insecure)',
    defaultSeverity: 'error',
    appliesTo: ['dockerfile'],
    explanation:
      'BuildKit normally runs each `RUN` step in a sandbox much like a default container: a reduced set of capabilities, the default seccomp and AppArmor profiles, and no access to host devices. `RUN --security=insecure` turns all of that off for the step, which then runs like a `--privileged` container: it has every capability, including `CAP_SYS_ADMIN`, can mount filesystems, load kernel features and see host devices. ' +
      'Anything that step executes, including install scripts of the packages it downloads, can take over the build host or the BuildKit daemon and, through them, tamper with every image built there and reach the credentials the builder holds. ' +
      'The builder only allows it when started with the `security.insecure` entitlement (`docker buildx create --buildkitd-flags "--allow-insecure-entitlement security.insecure"` and `docker buildx build --allow security.insecure`), so a Dockerfile that needs it also forces everybody who builds it to weaken their builder.',
    remediation:
      'Remove `--security=insecure` and find what the step really needs: a cache or tmpfs mount (`RUN --mount=type=cache` / `--mount=type=tmpfs`) instead of mounting inside the step, a test that runs in a real container at test time rather than at build time, or a tool that works without privileges (for example `buildah` or `kaniko` style rootless tools instead of nested Docker). ' +
      'If a step truly needs privileges, build that image on an isolated, disposable builder that handles no other project and holds no secrets.',
    references: [
      { title: 'Dockerfile reference: RUN --security', url: 'https://docs.docker.com/reference/dockerfile/#run---security' },
      { title: 'docker buildx build --allow (entitlements)', url: 'https://docs.docker.com/reference/cli/docker/buildx/build/#allow' },
      { title: 'BuildKit daemon configuration: insecure entitlements', url: 'https://docs.docker.com/build/buildkit/configure/' },
    ],
    peers: {},
    bad: [
      {
        bad: '# syntax=docker/dockerfile:1-labs\nFROM ubuntu:24.04\nRUN --security=insecure mount -t tmpfs none /mnt && ./run-tests.sh\n',
        fixed: '# syntax=docker/dockerfile:1-labs\nFROM ubuntu:24.04\nRUN mount -t tmpfs none /mnt && ./run-tests.sh\n',
      },
      {
        bad: 'FROM debian:bookworm AS test\nRUN --mount=type=cache,target=/root/.cache \\\n    --security=insecure \\\n    make check\n',
        fixed: 'FROM debian:bookworm AS test\nRUN --mount=type=cache,target=/root/.cache \\\n    make check\n',
      },
      {
        bad: 'FROM ghcr.io/example/kubernetes-init:v1\nRUN --security=insecure ["/sbin/init", "--log-target=kmsg"]\n',
        fixed: 'FROM ghcr.io/example/kubernetes-init:v1\nRUN ["/sbin/init", "--log-target=kmsg"]\n',
      },
    ],
    good: [
      'FROM alpine:3.20\nRUN --security=sandbox make test\n',
      'FROM alpine:3.20\nRUN --network=none --mount=type=tmpfs,target=/tmp make test\n',
      // The text after the flags is the command, not a RUN flag.
      'FROM alpine:3.20\nRUN echo "--security=insecure is not used here"\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    for (const run of model.instructions.filter(isRun)) {
      const flag = run.security;
      if (!flag || flag.value?.toLowerCase() !== 'insecure') continue;
      const fix = removeRunFlagFix(
        model,
        run,
        flag,
        'Remove --security=insecure (the step runs sandboxed again; it fails if it really needed privileges)',
      );
      hits.push({
        range: flag.range,
        message: 'RUN --security=insecure runs this build step outside the sandbox with every capability, like a privileged container.',
        fixes: fix ? [fix] : [],
      });
    }
    return hits;
  },
);
