// CT2023 container-image-unpinned: the container's image has no tag or uses :latest (pure core layer).
// The Dockerfile counterpart is CT1007; digest pinning as information is CT2028.

import { runtimeRule, type Hit } from '../rule';
import { t } from '../../types';
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
      'The rule skips images pinned by digest (`@sha256:…`, fixed whatever the tag says), references that come from a variable (`${IMAGE}`), and Compose services that build their own image (`build:`), where `image:` names the result rather than something to pull. ' +
      'A registry with a port (`registry.example.com:5000/team/app`) is not mistaken for a tag. A tag that is pinned but not by digest is reported separately, as information, by CT2028.',
    remediation:
      'Name a specific version: `image: postgres:16.4` rather than `postgres` or `postgres:latest`, `docker run redis:7.4.1` rather than `docker run redis`. ' +
      'For deployments that must be reproducible, add the digest as well (`postgres:16.4@sha256:<digest>`) and let a tool such as Renovate or Dependabot keep it current.',
    zh: {
      title: '容器镜像没有标签或使用 :latest',
      explanation:
        '不带标签的镜像引用就表示 `:latest`，而 `:latest` 只是发布者每次新构建时都会移过去的一个名字。' +
        '于是，同一个 Compose 文件或同一行 `docker run`，每次拉取后启动的可能是不同的软件：另一个操作系统版本、另一个默认用户、另一批 setuid 程序和 shell，而没有人审查过这些变化。' +
        '如果发布者的账号或镜像仓库被攻破，这个会移动的标签也正是恶意改动到达你的宿主机的途径。' +
        '这条规则会跳过按摘要固定的镜像（`@sha256:…`，无论标签写的是什么，内容都是固定的）、来自变量的引用（`${IMAGE}`），以及自己构建镜像的 Compose 服务（`build:`），这类服务的 `image:` 指的是构建结果，而不是要拉取的东西。' +
        '带端口的镜像仓库地址（`registry.example.com:5000/team/app`）不会被误认为标签。已经固定了标签、但没有按摘要固定的情况由 CT2028 另行报告为信息。',
      remediation:
        '指定一个具体版本：用 `image: postgres:16.4` 而不是 `postgres` 或 `postgres:latest`，用 `docker run redis:7.4.1` 而不是 `docker run redis`。' +
        '对于必须可复现的部署，再加上摘要（`postgres:16.4@sha256:<digest>`），并让 Renovate 或 Dependabot 之类的工具保持它的更新。',
    },
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
          message: t(
            `${spec.label} uses the image ${name} without a tag, so each pull may start different software (whatever ${name}:latest is that day); pin a version tag.`,
            `${spec.label} 使用的镜像 ${name} 没有标签，每次拉取启动的都可能是不同的软件（当天的 ${name}:latest 是什么就是什么）；请固定一个版本标签。`,
          ),
        },
      ];
    }
    if (ref.tag === 'latest') {
      return [
        {
          range: at(spec, ref.origin),
          message: t(
            `${spec.label} uses ${name}:latest, which follows whatever the publisher pushed last; pin a version tag.`,
            `${spec.label} 使用 ${name}:latest，它跟随发布者最近一次推送的内容；请固定一个版本标签。`,
          ),
        },
      ];
    }
    return [];
  },
);
