// CT1002 root-user: the last USER of the final stage is root (by name or UID 0, with any group)
// (pure core layer).

import { imageRule, type Hit } from '../rule';
import { t } from '../../types';
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
    zh: {
      title: '镜像以 root 身份运行',
      explanation:
        '最终阶段的最后一条 `USER` 决定容器中的进程以谁的身份运行。`USER root`、`USER 0` 和 `USER 0:0` 都表示 UID 0；除非容器引擎使用了用户命名空间，它就是宿主机的 root。' +
        '为了安装软件包而切换到 root 很正常；但一直保持 root，就意味着容器中的每个进程都能修改镜像中的任何文件、加载其 capability 所允许的内核功能，并以 root 身份操作从宿主机挂载进来的任何东西。' +
        '构建阶段不做检查：只有最终阶段会成为镜像。值来自构建参数的 `USER $UID` 不做判断，因为它的值要到构建时才知道。',
      remediation:
        '在需要 root 的指令之后，用 `USER <non-root user>` 结束最终阶段，例如 `USER app` 或 `USER 10001:10001`。如果该阶段为了某个安装步骤切换到了 root，之后要再切换回来。',
    },
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
    const fix = nonRootUserFix(model, stage);
    // A USER inherited from an earlier stage is reported where it is written.
    const via = user.instr.stage !== stage.index ? ' (inherited from an earlier stage)' : '';
    const shown = user.raw === user.resolved ? user.raw : `${user.raw} = ${user.resolved ?? '?'}`;
    return [
      {
        range: user.instr.range,
        message: t(
          `The final stage runs as root (USER ${shown})${via}. Switch to a non-root user after the steps that need root.`,
          `最终阶段以 root 身份运行（USER ${shown}${via ? '，继承自前面的阶段' : ''}）。请在需要 root 的步骤之后切换到非 root 用户。`,
        ),
        fixes: fix ? [fix] : [],
      },
    ];
  },
);
