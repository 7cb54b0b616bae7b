// CT1006 pipe-to-shell: a RUN step downloads a script and runs it in the same breath
// (`curl … | sh`, `bash <(curl …)`, `sh -c "$(curl …)"`), with nothing checking what it ran
// (pure core layer).

import { isRun, type Word } from '../../model/image';
import { imageRule, type Hit } from '../rule';
import { t } from '../../types';
import { bare, programAt, programName, runCommands, spanOf, type ScanCommand } from './runScan';
import { zh } from './zh';

const DOWNLOADERS = new Set(['curl', 'wget', 'fetch']);
const SHELL = /^(sh|bash|dash|ash|zsh|ksh|mksh|fish)$/;
const PYTHON = /^(python[0-9.]*|pypy[0-9.]*)$/;
const OTHER = /^(perl|ruby|node|nodejs|php[0-9.]*|pwsh|powershell|lua[0-9.]*)$/;

function isInterpreter(name: string): boolean {
  return SHELL.test(name) || PYTHON.test(name) || OTHER.test(name);
}

/** Options after which an interpreter runs the next argument as code instead of reading stdin. */
function inlineCodeOption(name: string, opt: string): boolean {
  if (SHELL.test(name)) return /^-[a-zA-Z]*c[a-zA-Z]*$/.test(opt);
  if (PYTHON.test(name)) return /^-[a-zA-Z]*[cm]$/.test(opt);
  return /^-[a-zA-Z]*[eEr]$/.test(opt) || opt === '--eval' || opt === '--print' || opt === '-p' || opt === '-Command' || opt === '-c';
}

/** Options that take the next word as their value (so it is not a script file name). */
function optionWithValue(name: string, opt: string): boolean {
  if (SHELL.test(name)) return /^[-+][oO]$/.test(opt) || opt === '--rcfile' || opt === '--init-file';
  if (PYTHON.test(name)) return opt === '-W' || opt === '-X';
  return opt === '-r' || opt === '--require' || opt === '-I';
}

/**
 * Whether the interpreter at `index` runs what it reads on stdin: no inline code (`-c`), no
 * module (`-m`) and no script file before `-`, `/dev/stdin`, `-s` or the end of the command.
 * `curl … | python3 -c 'import json,sys; …'` reads the download as data, and is not reported.
 */
function runsStdin(words: Word[], index: number, name: string): boolean {
  for (let i = index + 1; i < words.length; i++) {
    const v = bare(words[i].value);
    if (v === '-' || v === '/dev/stdin') return true;
    if (v === '--') return i + 1 >= words.length;
    if (/^[<>]/.test(v) || /^\d?>/.test(v)) return true; // redirections end the operands
    if (v.startsWith('-') || v.startsWith('+')) {
      if (SHELL.test(name) && /^-[a-zA-Z]*s[a-zA-Z]*$/.test(v)) return true;
      if (inlineCodeOption(name, v)) return false;
      if (optionWithValue(name, v)) i++;
      continue;
    }
    return false; // a script file: stdin is its data
  }
  return true;
}

/** The word that closes a substitution opened at `from` (`…)` or `` …` ``), else `from` itself. */
function closing(words: Word[], from: number, close: string): Word {
  for (let i = from; i < words.length; i++) if (bare(words[i].value).endsWith(close)) return words[i];
  return words[from];
}

/** The downloader a substitution word starts with: `<(curl`, `"$(wget`, `` `curl`` → `curl`. */
function substituted(words: Word[], i: number, opener: RegExp): string | undefined {
  const v = words[i].value.replace(/^["']+/, '');
  const m = opener.exec(v);
  if (!m) return undefined;
  const rest = v.slice(m[0].length);
  const p = rest === '' ? programAt(words, i + 1) : programAt([{ value: rest, range: words[i].range }, ...words.slice(i + 1)]);
  const name = p?.name;
  return name && DOWNLOADERS.has(name) ? name : undefined;
}

function pipelines(cmds: ScanCommand[], hits: Hit[]): void {
  for (let c = 0; c < cmds.length; c++) {
    const cmd = cmds[c];
    const dl = programAt(cmd.words);
    if (!dl || !DOWNLOADERS.has(dl.name) || cmd.next !== '|') continue;
    for (let d = c + 1; d < cmds.length; d++) {
      const target = cmds[d];
      const p = programAt(target.words);
      if (p && isInterpreter(p.name) && runsStdin(target.words, p.index, p.name)) {
        const sudo = target.words.slice(0, p.index).some((w) => programName(w.value) === 'sudo');
        hits.push({
          range: spanOf(cmd.words[dl.index], target.words[p.index]),
          message: t(
            `The output of ${dl.name} is piped into ${sudo ? 'sudo ' : ''}${p.name}: the downloaded script runs as it arrives, with no checksum or signature check, so whoever controls the server or the connection decides what runs in the build.`,
            zh`${dl.name} 的输出通过管道交给${sudo ? 'sudo ' : ''}${p.name}：下载的脚本一到达就运行，没有校验和或签名检查，因此控制服务器或连接的人决定了构建中运行什么。`,
          ),
        });
        break;
      }
      if (target.next !== '|') break;
    }
  }
}

function substitutions(cmd: ScanCommand, hits: Hit[]): void {
  const words = cmd.words;
  const p = programAt(words);
  if (!p) return;
  const runner = p.name === 'eval' || p.name === 'source' || p.name === '.' || isInterpreter(p.name);
  if (!runner) return;
  for (let i = p.index + 1; i < words.length; i++) {
    // bash <(curl …), source <(wget -qO- …), sh < <(curl …)
    const proc = substituted(words, i, /^<\(/);
    if (proc) {
      hits.push({
        range: spanOf(words[p.index], closing(words, i, ')')),
        message: t(
          `${p.name} runs the output of ${proc} through process substitution: the downloaded script runs as it arrives, with no checksum or signature check.`,
          zh`${p.name} 通过进程替换运行${proc}的输出：下载的脚本一到达就运行，没有校验和或签名检查。`,
        ),
      });
      return;
    }
    // sh -c "$(curl …)", eval "$(wget -qO- …)", python3 -c "$(curl …)"
    const prev = bare(words[i - 1].value);
    const asCode = p.name === 'eval' || (i - 1 > p.index && inlineCodeOption(p.name, prev));
    const cmdSub = asCode ? (substituted(words, i, /^\$\(/) ?? substituted(words, i, /^`/)) : undefined;
    if (cmdSub) {
      const backtick = /^["']*`/.test(words[i].value);
      hits.push({
        range: spanOf(words[p.index], closing(words, i, backtick ? '`' : ')')),
        message: t(
          `${p.name} runs the text that ${cmdSub} downloads (command substitution): the script runs as it arrives, with no checksum or signature check.`,
          zh`${p.name} 运行${cmdSub}下载的文本（命令替换）：脚本一到达就运行，没有校验和或签名检查。`,
        ),
      });
      return;
    }
  }
}

export default imageRule(
  {
    id: 'CT1006',
    name: 'pipe-to-shell',
    title: 'A downloaded script is piped straight into a shell',
    defaultSeverity: 'warning',
    appliesTo: ['dockerfile'],
    explanation:
      '`curl https://… | sh` (and its relatives `wget -O- … | bash`, `bash <(curl …)`, `sh -c "$(curl …)"`) runs whatever the server sends, the moment it arrives. ' +
      'Nothing checks that it is the script the author reviewed: a compromised server, CDN or GitHub account, a redirect, or anyone on the network path (if TLS is not verified) can change it, and the change goes unnoticed because the script is never stored. ' +
      'Build steps run as root unless `USER` says otherwise, so the script can install anything into the image; a server can even send a different script to `curl` than to a browser. ' +
      'A script that is cut off mid-download can also run half of itself. ' +
      'The rule follows pipelines (`curl … | tee x | sh`), `sudo`, `env` and `VAR=value` prefixes, `sh -c "…"` and the exec form. ' +
      'It does not report an interpreter that reads the download as data: `curl … | python3 -c "import json,sys; …"` runs inline code, not the download, and `curl … | tar -xz` unpacks rather than runs. ' +
      "Note that hadolint's DL4006 (set `pipefail`) is a different matter: it makes a failed download fail the step, but the script still runs unverified.",
    remediation:
      'Download to a file, check it, then run it: ' +
      '`RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh && echo "<sha256>  /tmp/install.sh" | sha256sum -c - && sh /tmp/install.sh && rm /tmp/install.sh`. ' +
      "Better still, install the tool from the distribution's package manager, copy it from an official image (`COPY --from=…`), or fetch a release archive with `ADD --checksum=sha256:…`. " +
      'Pin the script to a version or commit rather than a moving `main` or `latest` URL, and verify a signature where the publisher provides one.',
    zh: {
      title: '下载的脚本被直接通过管道交给 shell 运行',
      explanation:
        '`curl https://… | sh`（以及它的同类 `wget -O- … | bash`、`bash <(curl …)`、`sh -c "$(curl …)"`）会在服务器发来的内容到达的那一刻运行它，无论那是什么。' +
        '没有任何东西检查它是不是作者审查过的那个脚本：失陷的服务器、CDN 或 GitHub 账号、一次重定向，或者网络路径上的任何人（如果不校验 TLS）都能修改它，而且由于脚本从未被保存下来，这种修改不会被察觉。' +
        '除非 `USER` 另有指定，构建步骤以 root 运行，所以脚本可以往镜像里安装任何东西；服务器甚至可以发给 `curl` 一个与发给浏览器不同的脚本。' +
        '下载到一半被截断的脚本还可能只运行一半。' +
        '本规则会跟踪管道（`curl … | tee x | sh`）、`sudo`、`env` 和 `VAR=value` 前缀、`sh -c "…"` 以及 exec 形式。' +
        '把下载内容当作数据读取的解释器不会被报告：`curl … | python3 -c "import json,sys; …"` 运行的是内联代码而不是下载内容，`curl … | tar -xz` 是解包而不是运行。' +
        '注意 hadolint 的 DL4006（设置 `pipefail`）是另一回事：它让下载失败时该步骤也失败，但脚本仍然未经校验就运行。',
      remediation:
        '先下载到文件，校验之后再运行：' +
        '`RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh && echo "<sha256>  /tmp/install.sh" | sha256sum -c - && sh /tmp/install.sh && rm /tmp/install.sh`。' +
        '更好的做法是通过发行版的包管理器安装该工具、从官方镜像中复制它（`COPY --from=…`），或者用 `ADD --checksum=sha256:…` 获取发布归档。' +
        '把脚本固定到某个版本或提交，而不是会变动的 `main` 或 `latest` URL；发布者提供签名时要校验签名。',
    },
    references: [
      { title: 'Docker build best practices: using pipes', url: 'https://docs.docker.com/build/building/best-practices/#using-pipes' },
      { title: 'Dockerfile reference: ADD --checksum', url: 'https://docs.docker.com/reference/dockerfile/#add---checksum' },
      { title: 'sha256sum(1): checking a file against a known digest', url: 'https://man7.org/linux/man-pages/man1/sha256sum.1.html' },
      {
        title: 'CIS Docker Benchmark 4.11: Ensure only verified packages are installed',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      cis: ['4.11'],
    },
    bad: [
      { bad: 'FROM debian:bookworm\nRUN curl -fsSL https://get.docker.com | sh\n' },
      { bad: "FROM rust:1.81\nRUN curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y\n" },
      {
        bad: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y wget \\\n    && wget -qO- https://deb.nodesource.com/setup_20.x \\\n     | sudo -E bash - \\\n    && apt-get install -y nodejs\n',
      },
      { bad: 'FROM python:3.12-slim\nRUN curl -sSL https://install.python-poetry.org | python3 -\n' },
      { bad: 'FROM debian:bookworm\nRUN bash <(curl -fsSL https://example.com/setup.sh)\n' },
      {
        bad: 'FROM debian:bookworm\nRUN /bin/bash -c "$(curl -fsSL https://raw.githubusercontent.com/Homebrew/install/HEAD/install.sh)"\n',
      },
      { bad: 'FROM alpine:3.20\nRUN ["/bin/sh", "-c", "wget -O - https://example.com/install.sh | sh"]\n' },
      { bad: 'FROM debian:bookworm\nRUN <<EOF\nset -eu\ncurl -fsSL https://example.com/install.sh | tee /tmp/install.log | bash\nEOF\n' },
    ],
    good: [
      'FROM debian:bookworm\nRUN curl -fsSLo /tmp/install.sh https://example.com/v1.2.3/install.sh \\\n && echo "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh && rm /tmp/install.sh\n',
      // The download is data for inline code, not the code itself.
      'FROM python:3.12-slim\nRUN curl -fsSL https://api.github.com/repos/cli/cli/releases/latest | python3 -c "import json,sys; print(json.load(sys.stdin)[\'tag_name\'])"\n',
      'FROM alpine:3.20\nRUN wget -qO- https://example.com/tool-1.2.3.tar.gz | tar -xz -C /usr/local/bin\n',
      'FROM alpine:3.20\nRUN curl -fsSL https://example.com/data.json | jq -r .version > /VERSION\n',
      // Only text that mentions the pattern.
      'FROM alpine:3.20\nRUN echo "never run curl https://example.com | sh" > /etc/motd\n',
      'FROM debian:bookworm\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    for (const run of model.instructions.filter(isRun)) {
      const cmds = runCommands(model, run);
      pipelines(cmds, hits);
      for (const cmd of cmds) substitutions(cmd, hits);
    }
    return hits;
  },
  // Reads each instruction on its own.
  'stage',
);
