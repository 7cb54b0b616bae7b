// CT2023 container-image-unpinned: the container's image has no tag or uses :latest (pure core layer).
// The Dockerfile counterpart is CT1007; digest pinning as information is CT2028.

import { runtimeRule, type Hit } from '../rule';
import { at, imageRefOf } from './util2';

export default runtimeRule(
  {
    id: 'CT2023',
    name: 'container-image-unpinned',
    title: 'The container image has no tag or uses :latest',
    defaultSeverity: 'warning',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'An image reference without a tag means `:latest`, and `:latest` is just a name the publisher moves to each new build. ' +
      'The same Compose file or `docker run` line then starts different software from one pull to the next: another operating system release, another default user, other setuid programs and shells, and nobody reviewed the change. ' +
      "If the publisher's account or registry is compromised, a moving tag is also how the change reaches your hosts. " +
      'The rule skips images pinned by digest (`@sha256:…`, fixed whatever the tag says), references that come from a variable (`${IMAGE}`), and Compose services that build their own image (`build:`), where `image:` names the result rather than something to pull. (Containment recognises such a service when it can read its Dockerfile; a `build:` whose Dockerfile it cannot read is, for now, treated like a pulled image.) ' +
      'A registry with a port (`registry.example.com:5000/team/app`) is not mistaken for a tag. A tag that is pinned but not by digest is reported separately, as information, by CT2028.',
    remediation:
      'Name a specific version: `image: postgres:16.4` rather than `postgres` or `postgres:latest`, `docker run redis:7.4.1` rather than `docker run redis`. ' +
      'For deployments that must be reproducible, add the digest as well (`postgres:16.4@sha256:<digest>`) and let a tool such as Renovate or Dependabot keep it current.',
    references: [
      { title: 'Compose file reference: image', url: 'https://docs.docker.com/reference/compose-file/services/#image' },
      {
        title: 'docker image pull reference: pull by digest',
        url: 'https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier',
      },
      {
        title: 'Docker build best practices: pin base image versions',
        url: 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions',
      },
    ],
    peers: {
      composeLint: ['CL-0004'],
    },
    bad: [
      { kind: 'compose', bad: 'services:\n  db:\n    image: postgres\n' },
      { kind: 'compose', bad: 'services:\n  cache:\n    image: docker.io/library/redis:latest\n' },
      { kind: 'compose', bad: 'services:\n  app:\n    image: registry.example.com:5000/team/app\n' },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run -d -p 127.0.0.1:8080:80 nginx\n' },
      { kind: 'markdown', bad: 'Try it:\n\n```console\n$ docker run --rm -it ubuntu:latest bash\n```\n' },
    ],
    good: [
      { kind: 'compose', text: 'services:\n  db:\n    image: postgres:16.4\n' },
      {
        kind: 'compose',
        text: 'services:\n  db:\n    image: postgres@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d\n',
      },
      { kind: 'compose', text: 'services:\n  app:\n    image: ${APP_IMAGE}\n' },
      { kind: 'compose', text: 'services:\n  app:\n    build: .\n' },
      { kind: 'shell', text: '#!/bin/sh\ndocker run --rm alpine:3.20 echo hello\n' },
    ],
  },
  (spec): Hit[] => {
    const ref = imageRefOf(spec);
    if (!ref || ref.digest) return [];
    const name = [ref.registry, ref.repository].filter(Boolean).join('/');
    if (ref.tag === undefined) {
      return [
        {
          range: at(spec, ref.origin),
          message: `${spec.label} uses the image ${name} without a tag, so each pull may start different software (whatever ${name}:latest is that day); pin a version tag.`,
        },
      ];
    }
    if (ref.tag === 'latest') {
      return [
        {
          range: at(spec, ref.origin),
          message: `${spec.label} uses ${name}:latest, which follows whatever the publisher pushed last; pin a version tag.`,
        },
      ];
    }
    return [];
  },
);
