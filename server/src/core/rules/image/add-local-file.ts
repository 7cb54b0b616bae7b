// CT1004 add-local-file: ADD copies local files or directories, which COPY does with fewer
// surprises (pure core layer). Fix: replace the ADD keyword with COPY.

import { t } from '../../types';
import { imageRule, type Hit, type RuleFix } from '../rule';
import { addSources } from './addSources';
import { zh } from './zh';

/** ADD flags COPY does not have: with one of them, ADD is not "COPY with another name". */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default imageRule(
  {
    id: 'CT1004',
    name: 'add-local-file',
    title: 'ADD is used where COPY does the same',
    defaultSeverity: 'warning',
    appliesTo: ['dockerfile'],
    explanation:
      '`ADD` and `COPY` both copy files from the build context, but `ADD` also does two things on its own: it downloads URLs and Git repositories, and it unpacks local tar archives into the destination. ' +
      'For plain files and directories those extra behaviours are hidden traps: a later change of the source (a path that becomes a URL, a file that happens to be a tar archive) silently changes what lands in the image, and unpacking means files from inside an archive, with the paths, owners and permissions the archive chose, are written into the image without anyone reviewing them. ' +
      '`COPY` does exactly one thing, so a reader can tell what the step adds to the image. ' +
      "This rule only reports `ADD` when every source is local and is not an archive. The builder decides whether to unpack by looking at the file's content, so any source whose name ends in `.tar`, `.tgz`, `.tar.gz`, `.tar.bz2`, `.tbz2`, `.tar.xz`, `.txz` or `.tar.zst`, or is a `.gz`, `.bz2`, `.xz` or `.zst` file that could be a compressed tar, is left alone because ADD may be used on purpose to extract it. " +
      'URLs and Git sources are left to CT1005 (add-remote-url). An `ADD` with `--checksum`, `--keep-git-dir` or `--unpack`, flags only ADD has, is not reported either, and neither is a source that is a variable (`ADD $SRC /app`), whose value is unknown here.',
    remediation:
      'Write `COPY` instead of `ADD` for local files and directories; flags such as `--chown`, `--chmod`, `--link` and `--exclude` work the same with COPY. The quick fix replaces the keyword and keeps everything else. ' +
      'Keep `ADD` only where its extra behaviour is wanted: to unpack a local tar archive, or to download with `--checksum`.',
    zh: {
      title: '在 COPY 就能完成的地方使用了 ADD',
      explanation:
        '`ADD` 和 `COPY` 都从构建上下文复制文件，但 `ADD` 还会自行做两件事：下载 URL 和 Git 仓库，以及把本地 tar 归档解包到目标位置。' +
        '对于普通文件和目录，这些额外行为是隐藏的陷阱：源一旦改变（某个路径变成了 URL，某个文件恰好是 tar 归档），进入镜像的内容就会悄无声息地改变；而解包意味着归档里的文件连同归档所定的路径、属主和权限，未经任何人审查就被写入镜像。' +
        '`COPY` 只做一件事，所以读者能看出这一步往镜像里加了什么。' +
        '本规则只在每个源都是本地的、且不是归档时才报告 `ADD`。构建器根据文件内容决定是否解包，因此名称以 `.tar`、`.tgz`、`.tar.gz`、`.tar.bz2`、`.tbz2`、`.tar.xz`、`.txz` 或 `.tar.zst` 结尾的源，以及可能是压缩 tar 的 `.gz`、`.bz2`、`.xz` 或 `.zst` 文件，都不做报告，因为使用 ADD 可能正是为了解包它。' +
        'URL 和 Git 源交给 CT1005（add-remote-url）。带有 `--checksum`、`--keep-git-dir` 或 `--unpack`（只有 ADD 才有的选项）的 `ADD` 也不报告；源是变量的（`ADD $SRC /app`）同样不报告，因为这里无法知道它的值。',
      remediation:
        '对本地文件和目录，用 `COPY` 代替 `ADD`；`--chown`、`--chmod`、`--link` 和 `--exclude` 等选项在 COPY 中用法相同。快速修复会替换关键字，其余内容保持不变。' +
        '只在确实需要 `ADD` 的额外行为时才保留它：解包本地 tar 归档，或配合 `--checksum` 下载。',
    },
    references: [
      { title: 'Dockerfile reference: ADD', url: 'https://docs.docker.com/reference/dockerfile/#add' },
      { title: 'Dockerfile reference: COPY', url: 'https://docs.docker.com/reference/dockerfile/#copy' },
      { title: 'Docker build best practices: ADD or COPY', url: 'https://docs.docker.com/build/building/best-practices/#add-or-copy' },
      {
        title: 'CIS Docker Benchmark 4.9: Ensure that COPY is used instead of ADD in Dockerfiles',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      hadolint: ['DL3020'],
      trivy: ['DS005'],
      checkov: ['CKV_DOCKER_4'],
      kics: ['Add Instead of Copy'],
      cis: ['4.9'],
    },
    bad: [
      {
        bad: 'FROM node:20-slim\nWORKDIR /app\nADD package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n',
        fixed: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n',
      },
      {
        bad: 'FROM nginx:1.27\nADD --chown=101:101 --chmod=644 nginx.conf /etc/nginx/nginx.conf\n',
        fixed: 'FROM nginx:1.27\nCOPY --chown=101:101 --chmod=644 nginx.conf /etc/nginx/nginx.conf\n',
      },
      {
        bad: 'FROM python:3.12-slim\nADD ["requirements.txt", "/srv/app/"]\n',
        fixed: 'FROM python:3.12-slim\nCOPY ["requirements.txt", "/srv/app/"]\n',
      },
      {
        bad: 'FROM alpine:3.20\nADD \\\n    config/ \\\n    /etc/myapp/\n',
        fixed: 'FROM alpine:3.20\nCOPY \\\n    config/ \\\n    /etc/myapp/\n',
      },
      { bad: 'FROM alpine:3.20\nadd entrypoint.sh /usr/local/bin/\n', fixed: 'FROM alpine:3.20\ncopy entrypoint.sh /usr/local/bin/\n' },
      { bad: 'FROM alpine:3.20\nADD <<EOF /etc/motd\nWelcome\nEOF\n', fixed: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nWelcome\nEOF\n' },
    ],
    good: [
      'FROM node:20-slim\nCOPY . /app\n',
      // Archives are unpacked by ADD: that is what ADD is for (Trivy and KICS look only for ".tar" and flag .tgz).
      'FROM scratch\nADD rootfs.tar.xz /\n',
      'FROM scratch\nADD alpine-minirootfs-3.20.3-x86_64.tgz /\n',
      'FROM debian:bookworm-slim\nADD ["vendor.tar.gz", "/opt/vendor/"]\n',
      // Remote sources are CT1005's business (hadolint's DL3020 reports Git URLs as local files).
      'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.16.0 /src\n',
      'FROM alpine:3.20\nADD git@github.com:example/private-repo.git /src\n',
      'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://mirrors.edge.kernel.org/pub/linux/kernel/Historic/linux-0.01.tar.gz /\n',
      // A variable source is unknown here.
      'FROM alpine:3.20\nARG SRC=dist\nADD $SRC /srv\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ADD') continue;
      if (instr.flags.some((f) => ADD_ONLY_FLAGS.has(f.name))) continue;
      const sources = addSources(model, instr);
      if (sources.length === 0 || !sources.every((s) => s.kind === 'local' || s.kind === 'heredoc')) continue;
      const written = model.doc.textIn(instr.keywordRange);
      const copy = written === written.toLowerCase() ? 'copy' : 'COPY';
      const fix: RuleFix = {
        title: t(`Use ${copy} instead of ${written}`, `用 ${copy} 代替 ${written}`),
        edits: [{ range: instr.keywordRange, newText: copy }],
        safe: true,
      };
      const shown = sources.map((s) => s.value).join(' ');
      const inline = sources.every((s) => s.kind === 'heredoc');
      const what = inline ? 'inline content' : `local ${sources.length > 1 ? 'sources' : 'source'} ${shown}`;
      hits.push({
        range: instr.keywordRange,
        message: t(
          `ADD copies ${what}, which COPY does without ADD's hidden URL download and archive unpacking; use COPY.`,
          zh`ADD 复制的是${inline ? '内联内容' : zh`本地源${shown}`}，这件事 COPY 也能做，而且没有 ADD 暗含的 URL 下载和归档解包；请使用 COPY。`,
        ),
        fixes: [fix],
      });
    }
    return hits;
  },
  // Reads each instruction on its own.
  'stage',
);
