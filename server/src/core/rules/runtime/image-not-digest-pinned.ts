// CT2028 image-not-digest-pinned: the container image has a version tag but no digest
// (pure core layer). Information only; untagged and :latest images are CT2023.

import { runtimeRule, type Hit } from '../rule';
import { at, imageRefOf } from './util2';

export default runtimeRule(
  {
    id: 'CT2028',
    name: 'image-not-digest-pinned',
    title: 'The container image is pinned by tag but not by digest',
    defaultSeverity: 'info',
    appliesTo: ['compose', 'shell', 'markdown'],
    explanation:
      'A version tag such as `postgres:16.4` is much better than `latest`, but it is still a name: the publisher can push a new image under the same tag (rebuilt for a security fix, or replaced by someone who took over the account), and the next pull silently gets it. ' +
      'A digest (`postgres:16.4@sha256:…`) names the exact image content; Docker verifies the content against it, so what runs is what was reviewed. ' +
      'This is information rather than a warning because digests need tooling to stay current (Renovate, Dependabot), and a pinned digest that nobody updates keeps old vulnerabilities. Turn the rule off (`CT2028: off`) if your process relies on tags. ' +
      'Not reported: images without a tag or on `:latest` (CT2023 reports those), references from a variable, and Compose services that build their own image (when Containment can read their Dockerfile).',
    remediation:
      'Append the digest of the image you tested: `docker buildx imagetools inspect postgres:16.4` (or `docker image inspect --format "{{index .RepoDigests 0}}"` after a pull) prints it; write `image: postgres:16.4@sha256:<digest>`. ' +
      'Keep the tag for readers, and let an update bot raise the digest with each new release.',
    references: [
      {
        title: 'docker image pull reference: pull by digest',
        url: 'https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier',
      },
      { title: 'Compose file reference: image', url: 'https://docs.docker.com/reference/compose-file/services/#image' },
    ],
    peers: {
      composeLint: ['CL-0019'],
    },
    bad: [
      { kind: 'compose', bad: 'services:\n  db:\n    image: postgres:16.4\n' },
      { kind: 'shell', bad: '#!/bin/sh\ndocker run --rm alpine:3.20 echo hello\n' },
    ],
    good: [
      {
        kind: 'compose',
        text: 'services:\n  db:\n    image: postgres:16.4@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d\n',
      },
      // Untagged and :latest are CT2023's, not reported twice.
      { kind: 'compose', text: 'services:\n  db:\n    image: postgres\n' },
      { kind: 'compose', text: 'services:\n  app:\n    image: ${APP_IMAGE}\n' },
    ],
  },
  (spec): Hit[] => {
    const ref = imageRefOf(spec);
    if (!ref || ref.digest || ref.tag === undefined || ref.tag === '' || ref.tag === 'latest') return [];
    return [
      {
        range: at(spec, ref.origin),
        message: `${spec.label} pins ${ref.raw} by tag only; the publisher can move the tag to other content, so add the digest you tested (${ref.raw}@sha256:…) if this must be reproducible.`,
      },
    ];
  },
);
