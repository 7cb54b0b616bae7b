// CT1002 root-user: the last USER of the final stage is root (by name or UID 0, with any group)
// (pure core layer).

import { imageRule, type Hit } from '../rule';
import { nonRootUserFix } from './userFix';

export default imageRule(
  {
    id: 'CT1002',
    name: 'root-user',
    title: 'The image runs as root',
    defaultSeverity: 'warning',
    appliesTo: ['dockerfile'],
    explanation:
      "The last `USER` of the final stage decides who the container's processes run as. `USER root`, `USER 0` and `USER 0:0` all mean UID 0, which is the host's root unless the engine uses user namespaces. " +
      'Switching to root to install packages is normal; leaving it that way means every process in the container can change any file in the image, load kernel features its capabilities allow, and act as root on anything mounted from the host. ' +
      'Builder stages are not checked: only the final stage becomes the image. `USER $UID` with a value from a build argument is left alone, since its value is only known at build time.',
    remediation:
      'End the final stage with `USER <non-root user>` after the instructions that need root, for example `USER app` or `USER 10001:10001`. If the stage switched to root for an install step, switch back afterwards.',
    references: [
      { title: 'Dockerfile reference: USER', url: 'https://docs.docker.com/reference/dockerfile/#user' },
      { title: 'CIS Docker Benchmark 4.1', url: 'https://www.cisecurity.org/benchmark/docker' },
    ],
    peers: {
      hadolint: ['DL3002'],
      trivy: ['DS002'],
      checkov: ['CKV_DOCKER_8'],
      kics: ["Last User Is 'root'"],
      cis: ['4.1'],
    },
    bad: [
      {
        bad: 'FROM alpine:3.20\nUSER root\nCMD ["sh"]\n',
        fixed: 'FROM alpine:3.20\nUSER root\nRUN addgroup -S app && adduser -S -G app -H app\nUSER app\nCMD ["sh"]\n',
      },
      {
        bad: 'FROM debian:bookworm\nUSER app\nUSER root\nRUN apt-get update\nCMD ["bash"]\n',
        fixed: 'FROM debian:bookworm\nUSER app\nUSER root\nRUN apt-get update\nUSER app\nCMD ["bash"]\n',
      },
      { bad: 'FROM alpine:3.20\nUSER 0:0\n' },
      { bad: 'FROM alpine:3.20\nARG RUNAS=root\nUSER ${RUNAS}\n' },
    ],
    good: [
      'FROM alpine:3.20\nUSER root\nRUN apk add curl\nUSER app\n',
      'FROM debian:bookworm AS build\nUSER root\nFROM debian:bookworm\nUSER 1000\n',
      'FROM alpine:3.20\nARG UID\nUSER $UID\n',
      'FROM alpine:3.20\nUSER 1000:0\n',
    ],
  },
  (model): Hit[] => {
    const stage = model.final;
    const user = stage?.effectiveUser;
    if (!stage || !user || user.isRoot !== true) return [];
    // A USER inherited from an earlier stage is reported where it is written.
    const via = user.instr.stage !== stage.index ? ' (inherited from an earlier stage)' : '';
    const shown = user.raw === user.resolved ? user.raw : `${user.raw} = ${user.resolved ?? '?'}`;
    return [
      {
        range: user.instr.range,
        message: `The final stage runs as root (USER ${shown})${via}. Switch to a non-root user after the steps that need root.`,
        fixes: [nonRootUserFix(model, stage)],
      },
    ];
  },
);
