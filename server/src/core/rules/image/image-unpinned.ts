// CT1007 image-unpinned: a stage's base image has no tag or uses :latest (pure core layer).

import { imageRule, type Hit } from '../rule';
import { t } from '../../types';
import { zh } from './zh';

export default imageRule(
  {
    id: 'CT1007',
    name: 'image-unpinned',
    title: 'The base image has no tag or uses :latest',
    defaultSeverity: 'warning',
    appliesTo: ['dockerfile'],
    explanation:
      'A base image without a tag means `:latest`, and `:latest` is only a name the publisher moves to each new build. ' +
      'The same Dockerfile then builds on a different operating system release, a different language runtime or a different default user from one day to the next, and nobody reviews that change. ' +
      "For isolation this matters twice: a new base can change who processes run as and what is installed (setuid programs, shells, package managers), and if the publisher's account or registry is compromised, a moving tag is how the change reaches your build. " +
      "The rule looks at every stage's `FROM`. It follows `FROM $BASE` through the default of the global `ARG` (an `ARG` without a default is unknown and not reported), and it skips `FROM scratch`, references to earlier stages (`FROM build`, also when the name comes from an ARG), and images pinned by digest (`@sha256:…`), which are fixed whatever their tag says. " +
      'A registry with a port (`registry.example.com:5000/team/base`) is not mistaken for a tag.',
    remediation:
      'Name a specific version: `FROM node:20.17-bookworm-slim` rather than `FROM node` or `FROM node:latest`. ' +
      'For builds that must be reproducible, add the digest as well: `FROM node:20.17-bookworm-slim@sha256:<digest>` (a tool such as Renovate or Dependabot can keep digests up to date). ' +
      'If the image comes from a build argument, give the `ARG` a pinned default: `ARG BASE=python:3.12-slim`.',
    zh: {
      title: '基础镜像没有标签或使用了 :latest',
      explanation:
        '没有标签的基础镜像就是 `:latest`，而 `:latest` 只是发布者在每次新构建后都会移动的一个名称。' +
        '于是同一个 Dockerfile 今天和明天可能基于不同的操作系统版本、不同的语言运行时或不同的默认用户来构建，而没有人审查这种变化。' +
        '对隔离来说，这一点有双重影响：新的基础镜像可能改变进程以谁的身份运行、装了什么（setuid 程序、shell、包管理器）；而如果发布者的账号或镜像仓库被攻破，会移动的标签正是这种改动进入你的构建的途径。' +
        '本规则检查每个阶段的 `FROM`。它会通过全局 `ARG` 的默认值跟踪 `FROM $BASE`（没有默认值的 `ARG` 视为未知，不报告），并跳过 `FROM scratch`、对前面阶段的引用（`FROM build`，名称来自 ARG 时也一样），以及按摘要固定的镜像（`@sha256:…`）：无论标签写的是什么，这些镜像都是固定的。' +
        '带端口的镜像仓库地址（`registry.example.com:5000/team/base`）不会被误认为标签。',
      remediation:
        '写明具体版本：用 `FROM node:20.17-bookworm-slim`，而不是 `FROM node` 或 `FROM node:latest`。' +
        '对于必须可复现的构建，再加上摘要：`FROM node:20.17-bookworm-slim@sha256:<digest>`（Renovate 或 Dependabot 之类的工具可以让摘要保持最新）。' +
        '如果镜像来自构建参数，就给 `ARG` 一个固定版本的默认值：`ARG BASE=python:3.12-slim`。',
    },
    references: [
      { title: 'Dockerfile reference: FROM', url: 'https://docs.docker.com/reference/dockerfile/#from' },
      {
        title: 'Docker build best practices: pin base image versions',
        url: 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions',
      },
      {
        title: 'Dockerfile reference: how ARG and FROM interact',
        url: 'https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact',
      },
      {
        title: 'CIS Docker Benchmark 4.2: Ensure that containers use only trusted base images',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      hadolint: ['DL3006', 'DL3007'],
      trivy: ['DS001'],
      checkov: ['CKV_DOCKER_7'],
      kics: ['Image Version Not Explicit', "Image Version Using 'latest'"],
    },
    bad: [
      { bad: 'FROM ubuntu\nRUN apt-get update\n' },
      { bad: 'FROM node:latest AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs20-debian12:nonroot\nCOPY --from=build /app /app\n' },
      { bad: 'ARG BASE=python\nFROM $BASE\nRUN pip install flask\n' },
      { bad: 'ARG TAG=latest\nFROM alpine:${TAG}\n' },
      {
        bad: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM registry.example.com:5000/team/runtime\nCOPY --from=build /out /app\n',
      },
      { bad: 'FROM docker.io/library/nginx:latest\n' },
    ],
    good: [
      'FROM node:20.17-bookworm-slim\n',
      'FROM alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d\n',
      // A digest pins the image even when the tag is latest or missing.
      'FROM alpine@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d\n',
      // scratch is not an image (Checkov's CKV_DOCKER_7 reports it).
      'FROM golang:1.23 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n',
      // Stage references, also through an ARG (hadolint's DL3006 reports FROM base-${FLAVOR}).
      'ARG FLAVOR=alpine\nFROM node:20-alpine AS base-alpine\nFROM node:20-bookworm AS base-debian\nFROM base-${FLAVOR}\nRUN npm ci\n',
      'FROM python:3.12-slim AS builder\nFROM builder\n',
      // The image comes from a build argument without a default: unknown until build time.
      'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n',
      'ARG PY=3.12\nFROM python:${PY}-slim\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    for (const stage of model.stages) {
      const from = stage.from;
      if (from.stageRef !== undefined || from.isScratch || from.resolved === undefined || from.digest) continue;
      if (from.resolved === '' || from.tag === '') continue; // not a valid reference; the builder will say so
      const resolvedVia = from.resolved !== from.image;
      const via = resolvedVia ? ` (${from.image} resolves to ${from.resolved} through the ARG default)` : '';
      const viaZh = resolvedVia ? zh`（通过 ARG 的默认值，${from.image}解析为${from.resolved}）` : '';
      const name = [from.registry, from.repository].filter(Boolean).join('/');
      if (from.tag === undefined) {
        hits.push({
          range: from.imageRange,
          message: t(
            `The base image ${name}${via} has no tag, so the build takes whatever ${name}:latest is that day; pin a version tag (and ideally a digest).`,
            zh`基础镜像${name}${viaZh}没有标签，因此构建会用上当天的${name}:latest，不管它是什么；请固定一个版本标签（最好再加上摘要）。`,
          ),
        });
      } else if (from.tag === 'latest') {
        hits.push({
          range: from.imageRange,
          message: t(
            `The base image ${name}:latest${via} follows whatever the publisher pushed last; pin a version tag (and ideally a digest).`,
            zh`基础镜像${name}:latest${viaZh}跟随发布者最近一次推送的内容；请固定一个版本标签（最好再加上摘要）。`,
          ),
        });
      }
    }
    return hits;
  },
);
