// CT2028 image-not-digest-pinned: the container image has a version tag but no digest
// (pure core layer). Information only; untagged and :latest images are CT2023.

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
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
      'Not reported: images without a tag or on `:latest` (CT2023 reports those), references from a variable, and Compose services that build their own image (`build:`).',
    remediation:
      'Append the digest of the image you tested: `docker buildx imagetools inspect postgres:16.4` (or `docker image inspect --format "{{index .RepoDigests 0}}"` after a pull) prints it; write `image: postgres:16.4@sha256:<digest>`. ' +
      'Keep the tag for readers, and let an update bot raise the digest with each new release.',
    zh: {
      title: '容器镜像按标签固定，但没有按摘要固定',
      explanation:
        '`postgres:16.4` 这样的版本标签比 `latest` 好得多，但它仍然只是一个名字：发布者可以用同一个标签推送新镜像（为安全修复而重新构建，或者被接管了账号的人替换），下次拉取时就会悄无声息地拿到它。' +
        '摘要（`postgres:16.4@sha256:…`）指向确切的镜像内容；Docker 会用它校验内容，所以运行的就是审查过的那一个。' +
        '这里报告为信息而不是警告，因为摘要需要借助工具（Renovate、Dependabot）才能保持最新，而没人更新的固定摘要会一直保留旧的漏洞。如果你的流程依赖标签，可以关闭这条规则（`CT2028: off`）。' +
        '不会被报告的：没有标签或使用 `:latest` 的镜像（由 CT2023 报告）、来自变量的引用，以及自己构建镜像的 Compose 服务（`build:`）。',
      remediation:
        '在后面加上你测试过的镜像的摘要：`docker buildx imagetools inspect postgres:16.4`（或者拉取后用 `docker image inspect --format "{{index .RepoDigests 0}}"`）可以打印出摘要；写成 `image: postgres:16.4@sha256:<digest>`。' +
        '保留标签方便阅读，并让更新机器人在每次新版本发布时更新摘要。',
    },
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
        message: t(
          `${spec.label} pins ${ref.raw} by tag only; the publisher can move the tag to other content, so add the digest you tested (${ref.raw}@sha256:…) if this must be reproducible.`,
          `${spec.label} 只按标签固定了 ${ref.raw}；发布者可以把这个标签指向别的内容，所以如果这里必须可复现，请加上你测试过的摘要（${ref.raw}@sha256:…）。`,
        ),
      },
    ];
  },
);
