// CT1014 copy-whole-stage-root: `COPY --from=<stage or image> / <dest>` copies a whole root
// filesystem into the image, with its users, setuid programs, toolchains and leftover secrets
// (pure core layer). Only the stages that form the image are read.

import { imageRule, type Hit } from '../rule';
import { t } from '../../types';
import type { ImageModel } from '../../model/image';
import { chainInstructions, finalChain } from './stageChain';
import { bare, rangeWithin } from './wordEdit';
import { zh } from './zh';

/** Sources that mean "everything": with --from, relative paths start at the source's root. */
const WHOLE = new Set(['/', '/.', '.', './', '/*', '*', './*', '//', '/./']);

function clean(value: string): string {
  return bare(
    value
      .replace(/^\[\s*/, '')
      .replace(/\s*,?\s*\]?$/, '')
      .replace(/,$/, ''),
  );
}

function fromWhat(model: ImageModel, from: string): { en: string; zh: string } {
  const lower = from.toLowerCase();
  const stage = /^\d+$/.test(from) ? model.stages[Number(from)] : model.stages.find((s) => s.name === lower);
  return stage
    ? { en: `stage ${stage.name ?? stage.index}`, zh: zh`阶段${stage.name ?? stage.index}` }
    : { en: `image ${from}`, zh: zh`镜像${from}` };
}

export default imageRule(
  {
    id: 'CT1014',
    name: 'copy-whole-stage-root',
    title: 'COPY --from copies a whole filesystem',
    defaultSeverity: 'warning',
    appliesTo: ['dockerfile'],
    explanation:
      "Multi-stage builds keep compilers, package caches, credentials and test data in a builder stage and copy only the result into a small final image. `COPY --from=build / /` (or `/`, `.` or `*` as the source, since `--from` paths start at the source's root) undoes that: the final image receives the builder's entire filesystem. " +
      "That includes its `/etc/passwd` and `/etc/group` (users and groups you did not plan for, possibly with a root shell), every setuid and setgid program the builder's distribution ships, its compilers and package managers (tools an attacker can use after getting in), and any secret that a build step wrote to disk: tokens in `~/.npmrc`, `~/.netrc`, `.git-credentials`, SSH keys, cloud credentials. " +
      "Copying the whole root of a foreign image (`COPY --from=alpine:3.20 / /`) also replaces the final stage's own files without any of the checks a package manager would do. " +
      'Flattening an image this way on purpose is sometimes done to squash layers; then make sure the source stage holds nothing you would not ship, and suppress this finding with a reason. Only the final stage and the stages it builds on are checked.',
    remediation:
      'Copy only what the application needs, path by path: `COPY --from=build /out/app /app`, `COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/`. ' +
      'Make the builder install into a dedicated prefix (`make install DESTDIR=/out`, `pip install --prefix=/install`, `go build -o /out/app`) and copy that directory. Keep secrets out of every layer with `RUN --mount=type=secret`.',
    zh: {
      title: 'COPY --from 复制了整个文件系统',
      explanation:
        '多阶段构建把编译器、软件包缓存、凭据和测试数据留在构建阶段，只把结果复制到小巧的最终镜像中。`COPY --from=build / /`（或以 `/`、`.`、`*` 作为源，因为 `--from` 的路径从源的根目录开始）恰恰抵消了这一点：最终镜像会得到构建阶段的整个文件系统。' +
        '其中包括它的 `/etc/passwd` 和 `/etc/group`（你没有计划过的用户和组，可能带有 root shell）、构建阶段所用发行版自带的每个 setuid 和 setgid 程序、它的编译器和包管理器（攻击者进来之后可以利用的工具），以及构建步骤写到磁盘上的任何机密：`~/.npmrc`、`~/.netrc`、`.git-credentials` 中的令牌、SSH 密钥、云凭据。' +
        '复制外部镜像的整个根目录（`COPY --from=alpine:3.20 / /`）还会替换最终阶段自己的文件，却不做包管理器会做的任何检查。' +
        '有时会有意用这种方式把镜像扁平化，以合并层；这时要确保源阶段中没有任何你不愿发布的东西，并注明理由后抑制这条报告。只检查最终阶段以及它所基于的阶段。',
      remediation:
        '逐个路径地只复制应用需要的东西：`COPY --from=build /out/app /app`、`COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/`。' +
        '让构建阶段安装到专用的前缀目录（`make install DESTDIR=/out`、`pip install --prefix=/install`、`go build -o /out/app`），然后复制那个目录。用 `RUN --mount=type=secret` 让机密不进入任何层。',
    },
    references: [
      { title: 'Multi-stage builds', url: 'https://docs.docker.com/build/building/multi-stage/' },
      { title: 'Dockerfile reference: COPY --from', url: 'https://docs.docker.com/reference/dockerfile/#copy---from' },
      { title: 'Build secrets', url: 'https://docs.docker.com/build/building/secrets/' },
    ],
    peers: {},
    bad: [
      {
        bad: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/app\n\nFROM alpine:3.20\nCOPY --from=build / /\nUSER 1000\nENTRYPOINT ["/out/app"]\n',
      },
      { bad: 'FROM node:20 AS deps\nRUN npm ci\nFROM node:20-slim\nCOPY --from=deps . /rootfs\n' },
      { bad: 'FROM scratch\nCOPY --from=docker.io/library/busybox:1.36 / /\n' },
      { bad: 'FROM debian:bookworm AS build\nRUN make install\nFROM debian:bookworm-slim\nCOPY --from=build ["/", "/"]\n' },
      { bad: 'FROM alpine:3.20\nRUN apk add --no-cache build-base\nFROM alpine:3.20\nCOPY --from=0 /* /\n' },
      {
        bad: 'FROM python:3.12 AS build\nRUN pip install --prefix=/install -r requirements.txt\nFROM python:3.12-slim\nCOPY --link --from=build \\\n     / /\n',
      },
    ],
    good: [
      'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
      'FROM alpine:3.20 AS certs\nRUN apk add --no-cache ca-certificates\nFROM scratch\nCOPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n',
      'FROM python:3.12 AS build\nRUN pip install --prefix=/install flask\nFROM python:3.12-slim\nCOPY --from=build /install/ /usr/local/\n',
      // Copying the build context is not copying another filesystem.
      'FROM alpine:3.20\nCOPY . /app\n',
      // A stage that is not part of the image.
      'FROM alpine:3.20 AS build\nRUN apk add --no-cache build-base\nFROM scratch AS export\nCOPY --from=build / /\nFROM alpine:3.20\nCOPY --from=build /usr/bin/make /usr/bin/make\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    for (const instr of chainInstructions(finalChain(model))) {
      if (instr.keyword !== 'COPY') continue;
      const from = instr.flags.find((f) => f.name === 'from')?.value;
      if (!from || instr.args.length < 2) continue;
      const sources = instr.args.slice(0, -1);
      const dest = clean(instr.args[instr.args.length - 1].value);
      for (const s of sources) {
        const src = clean(s.value);
        if (!WHOLE.has(src)) continue;
        const what = fromWhat(model, from);
        hits.push({
          range: rangeWithin(model.doc, s.range, src),
          message: t(
            `COPY --from=${from} ${src} ${dest} copies the whole filesystem of ${what.en} into ${dest === '/' ? 'the image' : dest}, with its users, setuid programs, tools and any secrets left in it.`,
            zh`COPY --from=${from} ${src} ${dest} 会把${what.zh}的整个文件系统复制到${dest === '/' ? '镜像' : dest}中，连同其中的用户、setuid 程序、工具以及遗留在里面的任何机密。`,
          ),
        });
      }
    }
    return hits;
  },
);
