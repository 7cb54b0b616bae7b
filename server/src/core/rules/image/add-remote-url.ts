// CT1005 add-remote-url: ADD downloads from a URL or a Git repository without pinning what it gets
// (pure core layer).

import { imageRule, type Hit } from '../rule';
import { t } from '../../types';
import { addSources } from './addSources';
import { innerRange } from './runScan';
import { zh } from './zh';

/** The ref a Git source asks for: `#ref[:subdir]` or `?ref=…`; undefined for the default branch. */
function gitRef(src: string): string | undefined {
  const hash = src.indexOf('#');
  if (hash >= 0) return src.slice(hash + 1).split(':')[0] || undefined;
  const m = /[?&](?:ref|tag|branch|commit)=([^&#]+)/.exec(src);
  return m ? m[1] : undefined;
}

const COMMIT = /^([0-9a-f]{40}|[0-9a-f]{64})$/i;

function shorten(src: string): string {
  return src.length > 72 ? `${src.slice(0, 69)}…` : src;
}

export default imageRule(
  {
    id: 'CT1005',
    name: 'add-remote-url',
    title: 'ADD downloads from a URL without verifying it',
    defaultSeverity: 'warning',
    appliesTo: ['dockerfile'],
    explanation:
      '`ADD https://…` and `ADD <git repository>` fetch content from the network at build time and put it straight into the image. ' +
      'Without a checksum nothing checks what arrived: the file behind a URL can be replaced on the server, by a compromised mirror or CDN, or by anyone on the path when the URL is plain `http://`; a branch or tag of a Git repository can be moved to another commit. ' +
      'The same Dockerfile then builds a different image on a different day, and a supply-chain attacker only has to change the remote file to get code into your image, which often runs as root. ' +
      'A download is reported unless the instruction has `--checksum=sha256:…`. A Git source is reported unless it has `--checksum` or asks for a full commit hash (`#<40 hex digits>`), which names exactly one tree. ' +
      'Sources written entirely as a variable (`ADD $URL /x`) are not judged.',
    remediation:
      'Pin the content: `ADD --checksum=sha256:<digest> https://example.com/tool-1.2.3.tar.gz /tmp/` (the build fails if the file changes), or download in a `RUN` step and check it there: ' +
      '`RUN curl -fsSLo /tmp/tool.tgz https://example.com/tool-1.2.3.tar.gz && echo "<sha256>  /tmp/tool.tgz" | sha256sum -c -`. ' +
      'For Git sources, use a full commit hash as the ref (`ADD https://github.com/org/repo.git#<commit> /src`) or add `--checksum=<commit>`. ' +
      'Prefer `https://` URLs, versioned file names, and signatures where the publisher offers them.',
    zh: {
      title: 'ADD 从 URL 下载内容却不做校验',
      explanation:
        '`ADD https://…` 和 `ADD <git repository>` 在构建时从网络获取内容，并直接放进镜像。' +
        '没有校验和，就没有任何东西检查收到的是什么：URL 背后的文件可能在服务器上被替换，可能被失陷的镜像站点或 CDN 替换，当 URL 是明文 `http://` 时，网络路径上的任何人都能替换它；Git 仓库的分支或标签也可能被移到另一个提交上。' +
        '于是同一个 Dockerfile 在不同的日子会构建出不同的镜像，供应链攻击者只需修改远程文件，就能把代码放进你的镜像，而这些代码往往以 root 运行。' +
        '下载会被报告，除非指令带有 `--checksum=sha256:…`。Git 源会被报告，除非它带有 `--checksum`，或者请求的是完整的提交哈希（`#<40 hex digits>`），它只对应唯一的一棵树。' +
        '完全写成变量的源（`ADD $URL /x`）不做判断。',
      remediation:
        '固定内容：`ADD --checksum=sha256:<digest> https://example.com/tool-1.2.3.tar.gz /tmp/`（文件一旦变化，构建就会失败），或者在 `RUN` 步骤中下载并在那里校验：' +
        '`RUN curl -fsSLo /tmp/tool.tgz https://example.com/tool-1.2.3.tar.gz && echo "<sha256>  /tmp/tool.tgz" | sha256sum -c -`。' +
        '对于 Git 源，用完整的提交哈希作为 ref（`ADD https://github.com/org/repo.git#<commit> /src`），或者加上 `--checksum=<commit>`。' +
        '优先使用 `https://` URL 和带版本号的文件名，发布者提供签名时也要校验签名。',
    },
    references: [
      { title: 'Dockerfile reference: ADD --checksum', url: 'https://docs.docker.com/reference/dockerfile/#add---checksum' },
      {
        title: 'Dockerfile reference: ADD (URLs and Git repositories as sources)',
        url: 'https://docs.docker.com/reference/dockerfile/#add',
      },
      { title: 'Docker build best practices: ADD or COPY', url: 'https://docs.docker.com/build/building/best-practices/#add-or-copy' },
      {
        title: 'CIS Docker Benchmark 4.9 (COPY instead of ADD) and 4.11 (verified packages only)',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      checkov: ['CKV_DOCKER_4'],
      kics: ['Curl or Wget Instead of Add'],
      cis: ['4.9', '4.11'],
    },
    bad: [
      { bad: 'FROM debian:bookworm-slim\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\nRUN chmod +x /tini\n' },
      { bad: 'FROM alpine:3.20\nADD http://downloads.example.com/agent/agent-linux-amd64.tar.gz /opt/\n' },
      {
        bad: 'FROM alpine:3.20\nADD --chown=app:app https://raw.githubusercontent.com/example/tools/main/install.sh /usr/local/bin/install.sh\n',
      },
      { bad: 'FROM golang:1.23\nADD https://github.com/moby/buildkit.git#v0.16.0 /src/buildkit\n' },
      { bad: 'FROM golang:1.23\nADD --keep-git-dir=true git@github.com:example/private-lib.git /src/lib\n' },
      { bad: 'FROM alpine:3.20\nADD ["https://example.com/config/app.yaml", "/etc/app/app.yaml"]\n' },
      { bad: 'FROM alpine:3.20\nARG VERSION=1.4.2\nADD https://example.com/releases/v${VERSION}/tool.tgz \\\n    /tmp/tool.tgz\n' },
    ],
    good: [
      'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://mirrors.edge.kernel.org/pub/linux/kernel/Historic/linux-0.01.tar.gz /\n',
      'FROM golang:1.23\nADD https://github.com/moby/buildkit.git#d0f33a0ee2fb6d8bfa1b4b2b4d1e0eb2b18a1a4c /src/buildkit\n',
      'FROM golang:1.23\nADD --checksum=d0f33a0ee2fb6d8bfa1b4b2b4d1e0eb2b18a1a4c https://github.com/moby/buildkit.git#v0.16.0 /src/buildkit\n',
      // Local files are CT1004's business.
      'FROM alpine:3.20\nADD rootfs.tar.gz /\n',
      'FROM alpine:3.20\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool-1.2.3.tgz \\\n && echo "0f343b0931126a20f133d67c2b018a3b4a0f1e9e5e2b1c6b1d1f0d0a4b2b3c4d  /tmp/tool.tgz" | sha256sum -c -\n',
      'FROM alpine:3.20\nARG URL\nADD $URL /opt/\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ADD') continue;
      const checksum = instr.flags.some((f) => f.name === 'checksum' && (f.value ?? '') !== '');
      if (checksum) continue;
      for (const src of addSources(model, instr)) {
        if (src.kind === 'http') {
          const plain = /^(http|ftp):\/\//i.test(src.value);
          const scheme = src.value.split(':')[0].toUpperCase();
          hits.push({
            range: innerRange(src.word),
            message: plain
              ? t(
                  `ADD downloads ${shorten(src.value)} over plain ${scheme} and without --checksum: anyone on the network path, or whoever controls the server, decides what goes into the image.`,
                  zh`ADD 通过明文${scheme}下载${shorten(src.value)}，而且没有 --checksum：网络路径上的任何人，或者控制服务器的人，都能决定什么内容进入镜像。`,
                )
              : t(
                  `ADD downloads ${shorten(src.value)} without --checksum: if the file changes on the server or a mirror, the build silently takes the new content.`,
                  zh`ADD 下载${shorten(src.value)}时没有使用 --checksum：如果服务器或镜像站点上的文件变了，构建会悄无声息地用上新内容。`,
                ),
          });
        } else if (src.kind === 'git') {
          const ref = gitRef(src.value);
          if (ref && COMMIT.test(ref)) continue;
          const repo = shorten(src.value.split('#')[0]);
          hits.push({
            range: innerRange(src.word),
            message: t(
              `ADD fetches the Git repository ${repo} at ${ref ? `"${ref}"` : 'its default branch'}, a name that can be moved to other commits, and nothing checks what arrives; use a full commit hash or --checksum.`,
              zh`ADD 获取 Git 仓库${repo}的${ref ? `"${ref}"` : '默认分支'}，这个名称可以被移到其他提交上，而且没有任何东西检查收到的内容；请使用完整的提交哈希或 --checksum。`,
            ),
          });
        }
      }
    }
    return hits;
  },
  // Reads each instruction on its own.
  'stage',
);
