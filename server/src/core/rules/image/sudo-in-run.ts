// CT1003 sudo-in-run: a RUN step runs a command through sudo (pure core layer).

import { isRun } from '../../model/image';
import { imageRule, type Hit } from '../rule';
import { t } from '../../types';
import { bare, innerRange, programAt, programName, runCommands } from './runScan';
import { zh } from './zh';

export default imageRule(
  {
    id: 'CT1003',
    name: 'sudo-in-run',
    title: 'sudo is used in a RUN step',
    defaultSeverity: 'warning',
    appliesTo: ['dockerfile'],
    explanation:
      "Every `RUN` step already runs as the stage's current `USER`, which is root unless the Dockerfile changed it, so `sudo` adds nothing the builder cannot do with `USER root`. " +
      'What it does add is a problem for isolation: for a non-interactive build to use sudo, the image has to ship the setuid-root `sudo` program together with a sudoers rule (usually `NOPASSWD`) for the build user. ' +
      'That user is typically also the user the container runs as, so any process in the running container, including one an attacker controls, can become root again with one command, which undoes the point of a non-root `USER`. ' +
      'sudo also behaves differently depending on its configuration (a `requiretty` default, a cleaned environment, a different `PATH`), which makes builds fragile. ' +
      'Only the command words of a step count: installing the `sudo` package, adding a user to the `sudo` group or editing `/etc/sudoers` is not reported by this rule, and neither is the word in comments or quoted text.',
    remediation:
      'Switch users with `USER` instead: put `USER root` before the steps that need root and `USER <app user>` after them, and drop `sudo` from the commands. ' +
      'If an entrypoint script has to start as root and then drop privileges, use a tool made for that, such as `gosu`, `su-exec` or `setpriv`, rather than sudo. ' +
      'If nothing in the image needs sudo at run time, do not install it.',
    zh: {
      title: 'RUN 步骤中使用了 sudo',
      explanation:
        '每个 `RUN` 步骤本来就以该阶段当前的 `USER` 运行，除非 Dockerfile 改过，否则就是 root，所以 `sudo` 能做的事，构建器用 `USER root` 都能做到。' +
        '它带来的反而是隔离上的问题：为了让非交互式构建能使用 sudo，镜像必须带上 setuid-root 的 `sudo` 程序，以及为构建用户准备的一条 sudoers 规则（通常是 `NOPASSWD`）。' +
        '这个用户通常也是容器运行时所用的用户，于是运行中的容器里的任何进程，包括被攻击者控制的进程，都能用一条命令重新变成 root，这就让非 root 的 `USER` 失去了意义。' +
        'sudo 的行为还取决于它的配置（默认的 `requiretty`、被清理过的环境变量、不同的 `PATH`），这会让构建变得脆弱。' +
        '只有步骤中的命令词才算数：安装 `sudo` 软件包、把用户加入 `sudo` 组或编辑 `/etc/sudoers` 都不会被本规则报告，注释或引号内文本中出现的这个词也不会。',
      remediation:
        '改用 `USER` 切换用户：在需要 root 的步骤之前写 `USER root`，之后写 `USER <app user>`，并从命令中去掉 `sudo`。' +
        '如果入口脚本必须先以 root 启动、再降低权限，请使用专门为此设计的工具，例如 `gosu`、`su-exec` 或 `setpriv`，而不是 sudo。' +
        '如果镜像中没有任何东西在运行时需要 sudo，就不要安装它。',
    },
    references: [
      { title: 'Dockerfile reference: USER', url: 'https://docs.docker.com/reference/dockerfile/#user' },
      { title: 'Docker build best practices: USER (avoid sudo)', url: 'https://docs.docker.com/build/building/best-practices/#user' },
      { title: 'gosu: a simple setuid/setgid alternative to sudo for containers', url: 'https://github.com/tianon/gosu' },
      { title: 'sudoers(5) manual', url: 'https://www.sudo.ws/docs/man/sudoers.man/' },
    ],
    peers: {
      hadolint: ['DL3004'],
      trivy: ['DS010'],
      checkov: ['CKV2_DOCKER_1'],
      kics: ['Run Using Sudo'],
    },
    bad: [
      { bad: 'FROM ubuntu:24.04\nUSER app\nRUN sudo apt-get update && sudo apt-get install -y curl\n' },
      {
        bad: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends sudo \\\n    && sudo -u app mkdir -p /home/app/.cache\n',
      },
      { bad: 'FROM alpine:3.20\nRUN ["sudo", "apk", "add", "--no-cache", "git"]\n' },
      { bad: 'FROM alpine:3.20\nRUN <<EOF\nset -e\nsudo chown -R app:app /srv\nEOF\n' },
      { bad: 'FROM fedora:40\nRUN curl -fsSLo /tmp/tool.rpm https://example.com/tool.rpm; sudo -E dnf install -y /tmp/tool.rpm\n' },
      { bad: 'FROM debian:bookworm\nRUN env DEBIAN_FRONTEND=noninteractive sudo apt-get install -y git\n' },
      { bad: 'FROM debian:bookworm\nRUN bash -c "sudo make install"\n' },
    ],
    good: [
      'FROM debian:bookworm\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends git\nUSER app\n',
      // Installing the package or configuring sudoers is not running sudo (a plain " sudo " text search flags these).
      'FROM debian:bookworm\nRUN apt-get update && apt-get install -y sudo curl\n',
      'FROM debian:bookworm\nRUN useradd -m app && usermod -aG sudo app\n',
      "FROM debian:bookworm\nRUN echo 'app ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/app && chmod 0440 /etc/sudoers.d/app\n",
      'FROM alpine:3.20\nRUN apk add --no-cache su-exec\nENTRYPOINT ["su-exec", "app", "/usr/local/bin/server"]\n',
      'FROM debian:bookworm\nRUN echo "do not use sudo here" \\\n# sudo in a comment line is dropped by the builder\n    && true\n',
      'FROM debian:bookworm\nRUN <<EOF\n# sudo is not needed: this step already runs as root\napt-get update\nEOF\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    for (const run of model.instructions.filter(isRun)) {
      for (const cmd of runCommands(model, run)) {
        let from = 0;
        while (from < cmd.words.length) {
          // Find the first program word without stepping over sudo, so the sudo word itself is seen.
          const p = programAt(cmd.words, from, false);
          if (!p) break;
          const w = cmd.words[p.index];
          if (programName(w.value) !== 'sudo' && programName(w.value) !== 'doas') break;
          const tool = programName(w.value);
          const rest = programAt(cmd.words, p.index, true);
          const target = rest ? bare(cmd.words[rest.index].value) : undefined;
          const what = target ? ` to run ${target}` : '';
          hits.push({
            range: innerRange(w),
            message: t(
              `This RUN step uses ${tool}${what}: build steps already run as the stage's USER, and keeping ${tool} usable in the image lets a non-root user become root again. Use USER root for the step instead.`,
              zh`这个 RUN 步骤使用${tool}${target ? zh`来运行${target}` : ''}：构建步骤本来就以该阶段的 USER 运行，而让${tool}在镜像中保持可用，会让非 root 用户能重新变成 root。请改为对这个步骤使用 USER root。`,
            ),
          });
          from = p.index + 1;
        }
      }
    }
    return hits;
  },
  // Reads each instruction on its own.
  'stage',
);
