// CT1001 no-user: the final stage never sets USER, so the container runs as the base image's user,
// which is root for almost every base image (pure core layer).

import { imageRule, type Hit } from '../rule';
import { t } from '../../types';
import { nonRootUserFix } from './userFix';
import { zh } from './zh';

export default imageRule(
  {
    id: 'CT1001',
    name: 'no-user',
    title: 'The image never switches to a non-root user',
    defaultSeverity: 'warning',
    appliesTo: ['dockerfile'],
    explanation:
      "Without a `USER` instruction in the final stage (or in a stage it builds on), processes in the container run as the base image's default user, which for nearly every base image is root (UID 0). " +
      'Root in a container is the same UID 0 as root on the host unless user namespaces are enabled: a process that escapes through a kernel or runtime bug, or that reaches a mounted host path, acts as root on the host. ' +
      'Only the final stage matters; builder stages may run as root. Images built `FROM scratch` or from distroless bases are still flagged, because their default user is also root unless a nonroot variant is used.',
    remediation:
      'Create an unprivileged user in the final stage after the package installs and switch to it with `USER`, before `CMD`/`ENTRYPOINT`. Alpine: `RUN addgroup -S app && adduser -S -G app -H app`; Debian/Ubuntu: `RUN groupadd --system app && useradd --system --gid app --no-create-home app`; distroless: `USER nonroot:nonroot`; scratch: a numeric `USER 10001:10001`.',
    zh: {
      title: '镜像从未切换到非 root 用户',
      explanation:
        '如果最终阶段（或它所基于的阶段）中没有 `USER` 指令，容器中的进程就以基础镜像的默认用户运行，而几乎所有基础镜像的默认用户都是 root（UID 0）。' +
        '除非启用了用户命名空间，容器中的 root 与宿主机上的 root 是同一个 UID 0：借助内核或运行时漏洞逃逸出来的进程，或者能访问挂载进来的宿主机路径的进程，在宿主机上就是以 root 身份行事。' +
        '只有最终阶段才要紧，构建阶段可以以 root 运行。基于 `FROM scratch` 或 distroless 基础镜像构建的镜像同样会被报告，因为除非使用 nonroot 变体，它们的默认用户也是 root。',
      remediation:
        '在最终阶段安装完软件包之后创建一个非特权用户，并在 `CMD`/`ENTRYPOINT` 之前用 `USER` 切换到它。Alpine：`RUN addgroup -S app && adduser -S -G app -H app`；Debian/Ubuntu：`RUN groupadd --system app && useradd --system --gid app --no-create-home app`；distroless：`USER nonroot:nonroot`；scratch：使用数字形式的 `USER 10001:10001`。',
    },
    references: [
      { title: 'Dockerfile reference: USER', url: 'https://docs.docker.com/reference/dockerfile/#user' },
      { title: 'Docker build best practices: USER', url: 'https://docs.docker.com/build/building/best-practices/#user' },
      {
        title: 'CIS Docker Benchmark 4.1: Ensure that a user for the container has been created',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      trivy: ['DS002'],
      checkov: ['CKV_DOCKER_3'],
      kics: ['Missing User Instruction'],
      cis: ['4.1'],
    },
    bad: [
      {
        bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD ["curl", "--version"]\n',
        fixed:
          'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN addgroup -S app && adduser -S -G app -H app\nUSER app\nCMD ["curl", "--version"]\n',
      },
      {
        bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates\nENTRYPOINT ["/bin/sh"]\n',
        fixed:
          'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\nENTRYPOINT ["/bin/sh"]\n',
      },
      {
        bad: 'FROM golang:1.23 AS build\nUSER builder\nRUN go build -o /app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nCMD ["/app"]\n',
        fixed:
          'FROM golang:1.23 AS build\nUSER builder\nRUN go build -o /app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nUSER nonroot:nonroot\nCMD ["/app"]\n',
      },
      { bad: 'FROM scratch\nCOPY app /app\n', fixed: 'FROM scratch\nCOPY app /app\nUSER 10001:10001\n' },
    ],
    good: [
      'FROM alpine:3.20\nUSER 1001\nCMD ["sh"]\n',
      // Only the final stage matters: a root builder is fine.
      'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /src /src\nUSER node\nCMD ["node", "/src/index.js"]\n',
      // A stage that builds on another inherits its USER.
      'FROM alpine:3.20 AS base\nUSER 1001\nFROM base\nCMD ["sh"]\n',
      // The user comes from a build argument: unknown, so not flagged here.
      'FROM alpine:3.20\nARG UID\nUSER $UID\n',
    ],
  },
  (model): Hit[] => {
    const stage = model.final;
    if (!stage || stage.effectiveUser) return [];
    const fix = nonRootUserFix(model, stage);
    return [
      {
        range: stage.from.instr.range,
        message: t(
          `The final stage never sets USER, so the container runs as ${stage.from.isScratch ? 'UID 0' : `the base image's default user (root for ${stage.from.image || 'this image'} unless it says otherwise)`}. Add a non-root USER.`,
          stage.from.isScratch
            ? '最终阶段从未设置 USER，因此容器以 UID 0 运行。请添加一个非 root 的 USER。'
            : zh`最终阶段从未设置 USER，因此容器以基础镜像的默认用户运行（除非${stage.from.image || '该镜像'}另有设置，否则就是 root）。请添加一个非 root 的 USER。`,
        ),
        fixes: fix ? [fix] : [],
      },
    ];
  },
);
