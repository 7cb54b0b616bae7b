// CT1011 world-writable-or-setuid: chmod (and install -m, mkdir -m, COPY/ADD --chmod) that makes
// files writable by everyone or adds setuid/setgid bits, in the stages that form the image
// (pure core layer).

import { imageRule, type Hit } from '../rule';
import { t, type Localized } from '../../types';
import { isRun, type ImageModel, type Word } from '../../model/image';
import { programOf, shellCommands, type ShellCommand } from './runText';
import { finalChain, chainInstructions } from './stageChain';
import { bare, rangeWithin } from './wordEdit';
import { joinZh, zh } from './zh';

export interface ModeEffect {
  worldWritable: boolean;
  setuid: boolean;
  setgid: boolean;
  sticky: boolean;
}

/** What a chmod mode (octal or symbolic) adds; undefined when it cannot be read. */
export function modeEffect(mode: string): ModeEffect | undefined {
  if (/^[0-7]{1,5}$/.test(mode)) {
    const n = parseInt(mode, 8);
    return { worldWritable: (n & 0o002) !== 0, setuid: (n & 0o4000) !== 0, setgid: (n & 0o2000) !== 0, sticky: (n & 0o1000) !== 0 };
  }
  const effect: ModeEffect = { worldWritable: false, setuid: false, setgid: false, sticky: false };
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)((?:[-+=][rwxXstugo]*)+)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1];
    for (const op of m[2].match(/[-+=][rwxXstugo]*/g) ?? []) {
      if (op[0] === '-') continue;
      const perms = op.slice(1);
      // With no "who", the umask (022 in builds) masks w for group and others, but not s or t.
      if (perms.includes('w') && /[oa]/.test(who)) effect.worldWritable = true;
      if (perms.includes('s')) {
        if (who === '' || /[ua]/.test(who)) effect.setuid = true;
        if (who === '' || /[ga]/.test(who)) effect.setgid = true;
      }
      if (perms.includes('t') && (who === '' || /[oa]/.test(who))) effect.sticky = true;
    }
  }
  return effect;
}

interface ModeUse {
  /** The command as the user would recognise it: `chmod -R 777`. */
  command: string;
  mode: string;
  modeWord: Word;
  paths: string[];
  recursive: boolean;
}

const CHMOD_OPTION = /^-([Rvcf]+|-(recursive|verbose|changes|silent|quiet|preserve-root|no-preserve-root))$/;

function chmodUse(cmd: ShellCommand, index: number): ModeUse | undefined {
  let recursive = false;
  let modeWord: Word | undefined;
  const paths: string[] = [];
  for (const w of cmd.words.slice(index + 1)) {
    const v = bare(w.value);
    if (v.startsWith('--reference')) return undefined; // copies another file's mode: unknown here
    // GNU chmod accepts options before and after the mode.
    if (CHMOD_OPTION.test(v)) {
      if (/^-[a-zA-Z]*R/.test(v) || v === '--recursive') recursive = true;
      continue;
    }
    if (!modeWord) modeWord = w;
    else paths.push(v);
  }
  if (!modeWord) return undefined;
  return { command: `chmod${recursive ? ' -R' : ''} ${bare(modeWord.value)}`, mode: bare(modeWord.value), modeWord, paths, recursive };
}

/** `install -m 4755 src dst` and `mkdir -m 777 dir`. */
function modeOptionUse(program: string, cmd: ShellCommand, index: number): ModeUse | undefined {
  const words = cmd.words.slice(index + 1);
  let mode: string | undefined;
  let modeWord: Word | undefined;
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const v = bare(words[i].value);
    if ((v === '-m' || v === '--mode') && i + 1 < words.length) {
      modeWord = words[i + 1];
      mode = bare(modeWord.value);
      i++;
    } else if (/^--mode=/.test(v)) {
      modeWord = words[i];
      mode = v.slice('--mode='.length);
    } else if (/^-m\S/.test(v)) {
      modeWord = words[i];
      mode = v.slice(2);
    } else if (!v.startsWith('-')) rest.push(v);
  }
  if (!mode || !modeWord) return undefined;
  // install copies sources to the last argument; mkdir creates each argument.
  const paths = program === 'install' ? rest.slice(-1) : rest;
  return { command: `${program} -m ${mode}`, mode, modeWord, paths, recursive: false };
}

function describePaths(paths: string[]): string {
  if (paths.length === 0) return 'the target';
  if (paths.length === 1) return paths[0];
  return `${paths.slice(0, -1).join(', ')} and ${paths[paths.length - 1]}`;
}

function describePathsZh(paths: string[]): string {
  return paths.length === 0 ? '目标' : joinZh(paths);
}

function messageFor(use: ModeUse, e: ModeEffect): Localized | undefined {
  const target = describePaths(use.paths);
  const targetZh = describePathsZh(use.paths);
  const ww = e.worldWritable && !e.sticky;
  const bits = [e.setuid ? 'setuid' : '', e.setgid ? 'setgid' : ''].filter(Boolean).join(' and ');
  if (!ww && !bits) return undefined;
  const parts: string[] = [];
  const partsZh: string[] = [];
  if (ww) {
    parts.push(
      use.recursive
        ? `makes ${target} and everything under it writable by every user in the container`
        : `makes ${target} writable by every user in the container`,
    );
    partsZh.push(use.recursive ? zh`让${targetZh}及其下的所有内容对容器中的每个用户都可写` : zh`让${targetZh}对容器中的每个用户都可写`);
  }
  if (bits) {
    const several = use.paths.length > 1;
    const runsAs = e.setuid
      ? `${several ? 'run as their owners' : 'runs as its owner'} (usually root)`
      : several
        ? "run with their groups' privileges"
        : "runs with its group's privileges";
    parts.push(`sets the ${bits} bit${e.setuid && e.setgid ? 's' : ''}, so ${target} ${runsAs} whoever starts it`);
    const bitsZh = [e.setuid ? 'setuid' : '', e.setgid ? 'setgid' : ''].filter(Boolean).join(' 和 ');
    const runsAsZh = e.setuid ? '以其属主（通常是 root）的身份运行' : '以其属组的权限运行';
    partsZh.push(zh`设置了${bitsZh}位，因此无论谁启动${targetZh}，${use.paths.length > 1 ? '它们' : '它'}都${runsAsZh}`);
  }
  return t(`\`${use.command}\` ${parts.join(' and ')}.`, `\`${use.command}\` ${partsZh.join('，并且')}。`);
}

export default imageRule(
  {
    id: 'CT1011',
    name: 'world-writable-or-setuid',
    title: 'Files are made world-writable or setuid/setgid',
    defaultSeverity: 'warning',
    appliesTo: ['dockerfile'],
    explanation:
      'Two kinds of permission change weaken the boundary between users inside a container. ' +
      '**World-writable** files and directories (`chmod 777`, `666`, `a+w`, `o+w`) can be changed by any process, whatever user it runs as: a compromised low-privilege process can then replace a program, a script or a configuration file that a more privileged process (or the next container started from a mounted volume) will run. `chmod -R 777` does this to a whole tree at once. ' +
      "**setuid and setgid** bits (`u+s`, `g+s`, `+s`, `4755`, `2755`, `6755`) make a program run with its owner's or group's identity instead of the caller's. A setuid-root binary is exactly how an unprivileged user in a container becomes root again: any bug or feature in it that runs other code (a shell escape, a library loaded from a writable path) hands out root, undoing the image's non-root `USER`. " +
      'Running containers with `no-new-privileges` (`docker run --security-opt no-new-privileges`, Compose `security_opt: [no-new-privileges:true]`) stops setuid and setgid bits from granting anything, and is worth setting anyway; removing the bits from the image protects people who run it without that option. ' +
      'Directories with the sticky bit (`chmod 1777 /tmp`, `a+rwxt`) are the standard shared temporary directory and are not reported. Only the stages that form the image are checked (the final stage and the stages it builds on).',
    remediation:
      'Give files to the user that needs them instead of opening them to everyone: `COPY --chown=app:app`, `RUN chown -R app:app /data && chmod -R u+rwX,go-w /data`, or `chmod 755`/`644`. ' +
      'For a program that needs one privileged operation, grant a file capability (`setcap cap_net_bind_service=+ep /app`) or change the design so it does not need root, rather than setting setuid. To strip setuid/setgid bits the base image ships, add `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true` near the end of the final stage, and run containers with `no-new-privileges`.',
    zh: {
      title: '文件被设为所有人可写或 setuid/setgid',
      explanation:
        '有两类权限修改会削弱容器内用户之间的边界。' +
        '**所有人可写**的文件和目录（`chmod 777`、`666`、`a+w`、`o+w`）可以被任何进程修改，无论它以哪个用户运行：于是一个被攻破的低权限进程就能替换某个程序、脚本或配置文件，而这些东西会被更高权限的进程（或者下一个挂载同一个卷启动的容器）运行。`chmod -R 777` 一次就对整棵目录树这样做。' +
        '**setuid 和 setgid** 位（`u+s`、`g+s`、`+s`、`4755`、`2755`、`6755`）让程序以其属主或属组的身份运行，而不是以调用者的身份运行。容器中的非特权用户正是借助 setuid-root 程序重新变成 root 的：程序中任何能运行其他代码的漏洞或功能（shell 逃逸、从可写路径加载的库）都会交出 root，使镜像的非 root `USER` 失去作用。' +
        '以 `no-new-privileges` 运行容器（`docker run --security-opt no-new-privileges`，Compose 中的 `security_opt: [no-new-privileges:true]`）可以让 setuid 和 setgid 位不再授予任何权限，无论如何都值得设置；而从镜像中去掉这些位，则能保护那些运行镜像时没有使用该选项的人。' +
        '带粘滞位的目录（`chmod 1777 /tmp`、`a+rwxt`）是标准的共享临时目录，不会被报告。只检查构成镜像的阶段（最终阶段以及它所基于的阶段）。',
      remediation:
        '把文件交给需要它们的用户，而不是向所有人开放：`COPY --chown=app:app`、`RUN chown -R app:app /data && chmod -R u+rwX,go-w /data`，或者 `chmod 755`/`644`。' +
        '对于只需要一项特权操作的程序，授予文件 capability（`setcap cap_net_bind_service=+ep /app`），或者修改设计让它不需要 root，而不是设置 setuid。要去掉基础镜像自带的 setuid/setgid 位，在最终阶段接近末尾处加上 `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true`，并以 `no-new-privileges` 运行容器。',
    },
    references: [
      { title: 'chmod(1)', url: 'https://man7.org/linux/man-pages/man1/chmod.1.html' },
      { title: 'inode(7): the set-user-ID, set-group-ID and sticky bits', url: 'https://man7.org/linux/man-pages/man7/inode.7.html' },
      {
        title: 'Docker run reference: --security-opt no-new-privileges',
        url: 'https://docs.docker.com/reference/cli/docker/container/run/#security-opt',
      },
      { title: 'Linux kernel: no_new_privs', url: 'https://docs.kernel.org/userspace-api/no_new_privs.html' },
      {
        title: 'CIS Docker Benchmark 4.8: Ensure setuid and setgid permissions are removed',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: { cis: ['4.8'] },
    bad: [
      { bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && \\\n    chmod -R 777 /app\nUSER node\nCMD ["node", "server.js"]\n' },
      {
        bad: 'FROM debian:bookworm-slim\nCOPY tool /usr/local/bin/tool\nRUN chown root:root /usr/local/bin/tool && chmod u+s /usr/local/bin/tool\nUSER 1000\n',
      },
      { bad: 'FROM alpine:3.20\nRUN chmod 4755 /usr/local/bin/helper\n' },
      { bad: 'FROM alpine:3.20\nRUN <<EOF\nset -e\nmkdir -p /var/spool/jobs\nchmod a+rwx /var/spool/jobs\nEOF\n' },
      { bad: 'FROM debian:bookworm\nRUN ["chmod", "6755", "/usr/bin/newtool"]\n' },
      { bad: 'FROM alpine:3.20\nCOPY --chmod=777 entrypoint.sh /entrypoint.sh\n' },
      { bad: 'FROM alpine:3.20\nRUN install -m 4755 helper /usr/local/bin/helper\n' },
      { bad: 'FROM python:3.12-slim\nRUN mkdir -m 777 /data\n' },
      { bad: 'FROM alpine:3.20\nRUN chmod o+w /etc/app.conf\n' },
      // The final stage builds on base, so base's files are in the image.
      { bad: 'FROM alpine:3.20 AS base\nRUN chmod g+s /usr/bin/report\nFROM base\nUSER 1000\n' },
    ],
    good: [
      'FROM alpine:3.20\nRUN chmod 755 /usr/local/bin/tool && chmod -R go-w /app\n',
      // The standard shared temporary directory: world-writable with the sticky bit.
      'FROM debian:bookworm\nRUN mkdir -p /scratch && chmod 1777 /scratch\n',
      'FROM alpine:3.20\nRUN chmod a+rwxt /shared\n',
      // Removing setuid bits is the remedy, not the problem.
      'FROM debian:bookworm\nRUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true\n',
      // chmod +w with no "who" is masked by the umask (022): only the owner gains write.
      'FROM alpine:3.20\nRUN chmod +w /app/config.yaml && chmod +x /entrypoint.sh\n',
      // A builder stage that is only copied from does not become the image.
      'FROM golang:1.23 AS build\nRUN chmod -R 777 /go/pkg\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
      'FROM alpine:3.20\nCOPY --chmod=755 entrypoint.sh /entrypoint.sh\n',
      'FROM alpine:3.20\nRUN echo "chmod 777 is a bad idea" > /notes.txt\n',
    ],
  },
  (model: ImageModel): Hit[] => {
    const hits: Hit[] = [];
    const doc = model.doc;
    for (const instr of chainInstructions(finalChain(model))) {
      if ((instr.keyword === 'COPY' || instr.keyword === 'ADD') && instr.flags.some((f) => f.name === 'chmod')) {
        const flag = instr.flags.find((f) => f.name === 'chmod');
        const e = flag?.value ? modeEffect(flag.value) : undefined;
        if (!flag?.value || !e) continue;
        const dest = instr.args.length > 0 ? bare(instr.args[instr.args.length - 1].value) : '';
        const msg = messageFor(
          {
            command: `${instr.keyword} --chmod=${flag.value}`,
            mode: flag.value,
            modeWord: { value: flag.value, range: flag.range },
            paths: dest ? [dest] : [],
            recursive: false,
          },
          e,
        );
        if (msg) hits.push({ range: flag.valueRange ?? flag.range, message: msg });
        continue;
      }
      if (!isRun(instr)) continue;
      for (const cmd of shellCommands(instr)) {
        const prog = programOf(cmd);
        if (!prog) continue;
        const use =
          prog.name === 'chmod'
            ? chmodUse(cmd, prog.index)
            : prog.name === 'install' || prog.name === 'mkdir'
              ? modeOptionUse(prog.name, cmd, prog.index)
              : undefined;
        if (!use) continue;
        const e = modeEffect(use.mode);
        const msg = e && messageFor(use, e);
        if (msg) hits.push({ range: rangeWithin(doc, use.modeWord.range, use.mode), message: msg });
      }
    }
    return hits;
  },
);
