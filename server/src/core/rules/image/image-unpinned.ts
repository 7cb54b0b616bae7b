// CT1007 image-unpinned: a stage's base image has no tag or uses :latest (pure core layer).

import { imageRule, type Hit } from '../rule';

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
      const via = from.resolved !== from.image ? ` (${from.image} resolves to ${from.resolved} through the ARG default)` : '';
      const name = [from.registry, from.repository].filter(Boolean).join('/');
      if (from.tag === undefined) {
        hits.push({
          range: from.imageRange,
          message: `The base image ${name}${via} has no tag, so the build takes whatever ${name}:latest is that day; pin a version tag (and ideally a digest).`,
        });
      } else if (from.tag === 'latest') {
        hits.push({
          range: from.imageRange,
          message: `The base image ${name}:latest${via} follows whatever the publisher pushed last; pin a version tag (and ideally a digest).`,
        });
      }
    }
    return hits;
  },
);
