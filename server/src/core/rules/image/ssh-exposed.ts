// CT1012 ssh-exposed: the image exposes port 22, installs an SSH server or starts one
// (pure core layer). Only the stages that form the image are read.

import { imageRule, type Hit } from '../rule';
import { t } from '../../types';
import { isRun, type ImageModel, type Instr, type Stage } from '../../model/image';
import { pkgCommands, isInstall, packageName } from './pkgCommands';
import { programOf, shellCommands } from './runText';
import { chainInstructions, finalChain, resolveWord } from './stageChain';
import { bare, rangeWithin } from './wordEdit';
import { zh } from './zh';

/** Packages that install an SSH daemon, per manager. `openssh` is the server only on Alpine. */
const SERVER_PACKAGES: Record<string, RegExp> = {
  apt: /^(openssh-server|ssh|dropbear|dropbear-bin|tinysshd)$/,
  apk: /^(openssh|openssh-server|openssh-server-pam|dropbear)$/,
  yum: /^(openssh-server|dropbear)$/,
  zypper: /^(openssh-server|openssh|dropbear)$/,
  rpm: /^$/,
};

/** Does an EXPOSE value (`22`, `22/tcp`, `20-25`, `22/udp`) include port 22? */
export function exposesPort22(value: string): boolean {
  for (const part of value.split(/\s+/)) {
    const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(part);
    if (!m) continue;
    const lo = Number(m[1]);
    const hi = m[2] !== undefined ? Number(m[2]) : lo;
    if (lo <= 22 && 22 <= hi) return true;
  }
  return false;
}

function exposeHits(model: ImageModel, chain: Stage[], instr: Instr): Hit[] {
  const hits: Hit[] = [];
  for (const a of instr.args) {
    const resolved = resolveWord(model, chain, instr, a.value);
    if (resolved === undefined || !exposesPort22(resolved)) continue;
    const via = resolved !== a.value ? ` (= ${resolved})` : '';
    const viaZh = resolved !== a.value ? `（= ${resolved}）` : '';
    const exact = /^22(\/(tcp|udp))?$/i.test(resolved);
    const what = exact ? 'declares the SSH port' : 'includes the SSH port 22';
    hits.push({
      range: a.range,
      message: t(
        `EXPOSE ${a.value}${via} ${what}: containers should be entered with \`docker exec\`, not through an SSH server.`,
        zh`EXPOSE ${a.value}${viaZh}${exact ? '声明了 SSH 端口' : '包含了 SSH 端口 22'}：进入容器应该用 \`docker exec\`，而不是通过 SSH 服务器。`,
      ),
    });
  }
  return hits;
}

/** Words of CMD/ENTRYPOINT (or a RUN command) that start an SSH daemon. */
const DAEMONS = /^(sshd|dropbear|tinysshd)$/;

function startHits(model: ImageModel, instr: Instr): Hit[] {
  const hits: Hit[] = [];
  for (const a of instr.args) {
    const v = bare(a.value.replace(/^\[|[,\]]+$/g, '').trim());
    const name = v.split('/').pop() ?? v;
    if (DAEMONS.test(name)) {
      hits.push({
        range: rangeWithin(model.doc, a.range, v),
        message: t(
          `${instr.keyword} starts the SSH daemon ${v}: the container runs a remote login service next to (or instead of) its application.`,
          zh`${instr.keyword} 启动了 SSH 守护进程${v}：容器在其应用之外（或代替其应用）运行了一个远程登录服务。`,
        ),
      });
      break;
    }
  }
  const text = instr.args.map((a) => bare(a.value.replace(/^\[|[,\]]+$/g, '').trim())).join(' ');
  if (hits.length === 0 && /\b(service|rc-service)\s+sshd?\s+(start|restart)\b|\/etc\/init\.d\/sshd?\s+start\b/.test(text)) {
    const at = instr.args.find((a) =>
      /^(service|rc-service|\/etc\/init\.d\/sshd?)$/.test(bare(a.value.replace(/^\[|[,\]]+$/g, '').trim())),
    );
    hits.push({
      range: at ? rangeWithin(model.doc, at.range, bare(at.value.replace(/^\[|[,\]]+$/g, '').trim())) : instr.range,
      message: t(
        `${instr.keyword} starts the SSH service: the container runs a remote login service next to its application.`,
        `${instr.keyword} 启动了 SSH 服务：容器在其应用之外运行了一个远程登录服务。`,
      ),
    });
  }
  return hits;
}

export default imageRule(
  {
    id: 'CT1012',
    name: 'ssh-exposed',
    title: 'The image runs or exposes an SSH server',
    defaultSeverity: 'warning',
    appliesTo: ['dockerfile'],
    explanation:
      'An SSH server inside a container is a second way in that bypasses how containers are meant to be managed. It needs host keys and credentials baked into the image or managed by hand, it usually runs as root, it listens on the network for password or key guessing, and it gives whoever logs in an interactive shell with everything the container can reach. ' +
      '`docker exec` (or `kubectl exec`) already gives operators a shell that is authenticated and audited by the engine, and works only for people allowed to talk to it. ' +
      "This rule reports `EXPOSE 22` (also `22/tcp`, port ranges that contain 22, and variables whose value is 22), installing an SSH server package (`openssh-server`, Debian's `ssh` meta-package, Alpine's `openssh`, `dropbear`), and `CMD`/`ENTRYPOINT` lines or enabled services that start `sshd`. " +
      'Only the final stage and the stages it builds on are read; an SSH client (`openssh-client`) for fetching private Git repositories is fine.',
    remediation:
      'Remove the SSH server and `EXPOSE 22`. Use `docker exec -it <container> sh` to get a shell, `docker cp` to move files, and a debug sidecar or `docker debug` for images without a shell. ' +
      'If the product really is an SSH endpoint (a Git or SFTP server), run it on an unprivileged port as a non-root user with key-only authentication, and suppress this finding with a reason.',
    zh: {
      title: '镜像运行或暴露了 SSH 服务器',
      explanation:
        '容器内的 SSH 服务器是第二个入口，它绕开了容器本应采用的管理方式。它需要打进镜像或手工管理的主机密钥和凭据，通常以 root 运行，在网络上监听，任人猜测密码或密钥，并给登录者一个交互式 shell，能访问容器所能访问的一切。' +
        '`docker exec`（或 `kubectl exec`）已经能给运维人员提供 shell，这个 shell 由容器引擎认证和审计，并且只有获准与引擎通信的人才能使用。' +
        '本规则报告 `EXPOSE 22`（也包括 `22/tcp`、包含 22 的端口范围，以及值为 22 的变量）、安装 SSH 服务器软件包（`openssh-server`、Debian 的 `ssh` 元软件包、Alpine 的 `openssh`、`dropbear`），以及启动 `sshd` 的 `CMD`/`ENTRYPOINT` 行或被启用的服务。' +
        '只读取最终阶段以及它所基于的阶段；用来获取私有 Git 仓库的 SSH 客户端（`openssh-client`）没有问题。',
      remediation:
        '删除 SSH 服务器和 `EXPOSE 22`。用 `docker exec -it <container> sh` 获取 shell，用 `docker cp` 传输文件；对于没有 shell 的镜像，使用调试 sidecar 或 `docker debug`。' +
        '如果产品本身就是一个 SSH 端点（Git 或 SFTP 服务器），就以非 root 用户在非特权端口上运行它，只允许密钥认证，并注明理由后抑制这条报告。',
    },
    references: [
      { title: 'docker container exec', url: 'https://docs.docker.com/reference/cli/docker/container/exec/' },
      { title: 'Dockerfile reference: EXPOSE', url: 'https://docs.docker.com/reference/dockerfile/#expose' },
      {
        title: 'CIS Docker Benchmark 5.7 (5.6 before v1.6): Ensure sshd is not run within containers',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      trivy: ['DS004'],
      checkov: ['CKV_DOCKER_1'],
      kics: ['Exposing Port 22 (SSH)'],
      cis: ['5.7'],
    },
    bad: [
      { bad: 'FROM nginx:1.27\nEXPOSE 3000 80 443 22\nCMD ["nginx", "-g", "daemon off;"]\n' },
      { bad: 'FROM alpine:3.20\nEXPOSE 22/tcp\n' },
      { bad: 'FROM alpine:3.20\nEXPOSE 20-25\n' },
      { bad: 'FROM debian:bookworm-slim\nARG SSH_PORT=22\nEXPOSE ${SSH_PORT}\n' },
      {
        bad:
          'FROM ubuntu:24.04\n' +
          'RUN apt-get update && \\\n' +
          '    apt-get install -y --no-install-recommends \\\n' +
          '      openssh-server sudo \\\n' +
          ' && mkdir /var/run/sshd\n' +
          'CMD ["/usr/sbin/sshd", "-D"]\n',
      },
      { bad: 'FROM alpine:3.20\nRUN apk add --no-cache openssh && ssh-keygen -A\n' },
      { bad: 'FROM rockylinux:9\nRUN dnf install -y openssh-server && systemctl enable sshd\nCMD ["/sbin/init"]\n' },
      { bad: 'FROM debian:bookworm\nCOPY start.sh /start.sh\nENTRYPOINT service ssh start && exec /start.sh\n' },
      // EXPOSE in a stage the final stage builds on is part of the image.
      { bad: 'FROM alpine:3.20 AS base\nEXPOSE 22\nFROM base\nCMD ["sh"]\n' },
    ],
    good: [
      'FROM alpine:3.20\nEXPOSE 8022 2222 220\n',
      'FROM node:20-slim\nEXPOSE 8000-8100\n',
      // An SSH client for private dependencies is not a server.
      'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-client git\n',
      // A builder stage that is only copied from is not the image (EXPOSE-anywhere peers flag it).
      'FROM alpine:3.20 AS tools\nEXPOSE 22\nRUN apk add --no-cache openssh\nFROM alpine:3.20\nCOPY --from=tools /usr/bin/ssh-keygen /usr/bin/\n',
      // On rpm distributions "openssh" is the common part, not the server.
      'FROM rockylinux:9\nRUN dnf install -y openssh openssh-clients\n',
      'FROM alpine:3.20\nARG PORT\nEXPOSE $PORT\n',
      'FROM alpine:3.20\nCMD ["ssh", "-V"]\n',
    ],
  },
  (model): Hit[] => {
    const chain = finalChain(model);
    const hits: Hit[] = [];
    for (const instr of chainInstructions(chain)) {
      if (instr.keyword === 'EXPOSE') hits.push(...exposeHits(model, chain, instr));
      else if (instr.keyword === 'CMD' || instr.keyword === 'ENTRYPOINT') hits.push(...startHits(model, instr));
      else if (isRun(instr)) {
        for (const p of pkgCommands(instr)) {
          if (!isInstall(p)) continue;
          for (const w of p.packages) {
            const name = packageName(w.value);
            if (!SERVER_PACKAGES[p.manager].test(name)) continue;
            hits.push({
              range: rangeWithin(model.doc, w.range, name),
              message: t(
                `\`${p.program} ${p.action ?? 'install'} ${name}\` installs an SSH server into the image.`,
                `\`${p.program} ${p.action ?? 'install'} ${name}\` 会把 SSH 服务器安装进镜像。`,
              ),
            });
          }
        }
        for (const cmd of shellCommands(instr)) {
          const prog = programOf(cmd);
          if (!prog) continue;
          const rest = cmd.words.slice(prog.index + 1).map((w) => bare(w.value));
          const enables =
            (prog.name === 'systemctl' && rest[0] === 'enable' && rest.slice(1).some((s) => /^sshd?(\.service)?$/.test(s))) ||
            (prog.name === 'rc-update' && rest[0] === 'add' && rest[1] === 'sshd');
          if (enables) {
            hits.push({
              range: { start: cmd.words[prog.index].range.start, end: cmd.words[cmd.words.length - 1].range.end },
              message: t(
                `\`${bare(cmd.words[prog.index].value)} ${rest.join(' ')}\` starts the SSH daemon whenever the container boots an init system.`,
                `\`${bare(cmd.words[prog.index].value)} ${rest.join(' ')}\` 让容器每次启动 init 系统时都会启动 SSH 守护进程。`,
              ),
            });
          }
        }
      }
    }
    return hits;
  },
);
