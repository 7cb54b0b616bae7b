// CT1018 build-tools-left: compilers, build systems, headers and git installed into the stages
// that form the image and never removed there (pure core layer).

import { imageRule, type Hit } from '../rule';
import { t } from '../../types';
import { isRun, type ImageModel, type RunInstr, type Stage, type Word } from '../../model/image';
import { isInstall, isRemoval, packageName, parsePkgCommand, type PkgCommand } from './pkgCommands';
import { programOf, shellCommands } from './runText';
import { chainInstructions, finalChain, varsAt } from './stageChain';
import { bare, rangeWithin } from './wordEdit';
import { joinZh, zh } from './zh';

const TOOLS: RegExp[] = [
  /^(build-essential|build-base|alpine-sdk)$/,
  /^(gcc|g\+\+|cpp|gfortran|clang|llvm|lld)(-\d+(\.\d+)*)?$/,
  /^gcc-(c\+\+|gfortran)$/,
  /^(make|cmake|cmake3|ninja|ninja-build|meson|autoconf|automake|libtool|pkg-config|pkgconf|pkgconfig|bison|flex)$/,
  /^(golang|go)(-go|-[\d.]+(-go)?)?$/,
  /^(rust|rustc|cargo)$/,
  /^git$/,
  /^(linux-headers|kernel-headers)$/,
  /.-dev$/,
  /.-devel$/,
];

export function isBuildTool(name: string): boolean {
  return TOOLS.some((re) => re.test(name));
}

interface Installed {
  name: string;
  word: Word;
  /** How the word was written when it was a variable: `$buildDeps`. */
  via?: string;
  cmd: PkgCommand;
  /** apk --virtual name the package was installed under. */
  virtual?: string;
}

/** `NAME=value` assignments in a RUN script, for `apt-get install $buildDeps`. */
function scriptVars(run: RunInstr): Map<string, string> {
  const vars = new Map<string, string>();
  const re = /(?:^|[\s;&|(])([A-Za-z_][A-Za-z0-9_]*)=(?:"([^"]*)"|'([^']*)'|([^\s;&|]*))/g;
  for (let m = re.exec(run.script); m; m = re.exec(run.script)) vars.set(m[1], m[2] ?? m[3] ?? m[4] ?? '');
  return vars;
}

/** The package names a word stands for: itself, or the words of the variable it names. */
function namesOf(word: Word, run: RunInstr, stageVars: () => Map<string, string | undefined>): { names: string[]; via?: string } {
  const v = bare(word.value);
  const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(v);
  if (m) {
    const value = scriptVars(run).get(m[1]) ?? stageVars().get(m[1]);
    if (value === undefined) return { names: [] };
    return {
      names: value
        .split(/[\s\\]+/)
        .filter(Boolean)
        .map(packageName),
      via: v,
    };
  }
  if (v.startsWith('$') || v.startsWith('`')) return { names: [] };
  return { names: [packageName(v)] };
}

function globMatch(pattern: string, name: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === name;
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(name);
}

function joinNames(names: string[]): string {
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function listNames(items: Installed[]): string {
  const vias = [...new Set(items.map((i) => i.via))];
  if (vias.length === 1 && vias[0] !== undefined) return `${joinNames([...new Set(items.map((i) => i.name))])} (from ${vias[0]})`;
  return joinNames([...new Set(items.map((i) => (i.via ? `${i.name} (from ${i.via})` : i.name)))]);
}

function listNamesZh(items: Installed[]): string {
  const vias = [...new Set(items.map((i) => i.via))];
  if (vias.length === 1 && vias[0] !== undefined) return zh`${joinZh([...new Set(items.map((i) => i.name))])}（来自${vias[0]}）`;
  return joinZh([...new Set(items.map((i) => (i.via ? zh`${i.name}（来自${i.via}）` : i.name)))]);
}

function check(model: ImageModel, chain: Stage[]): Hit[] {
  let outstanding: Installed[] = [];
  let aptMarkedAuto = false;
  for (const instr of chainInstructions(chain)) {
    if (!isRun(instr)) continue;
    const stageVars = () => varsAt(model, chain, instr);
    for (const sc of shellCommands(instr)) {
      const prog = programOf(sc);
      if (prog?.name === 'apt-mark' && bare(sc.words[prog.index + 1]?.value ?? '') === 'auto') aptMarkedAuto = true;
      const p = parsePkgCommand(instr, sc);
      if (!p) continue;
      if (isInstall(p)) {
        const virtual = p.manager === 'apk' ? p.options.find((o) => o.name === '--virtual' || o.name === '-t')?.value : undefined;
        const groupText = p.packages.map((w) => bare(w.value)).join(' ');
        if ((p.action === 'groupinstall' || /^@/.test(groupText)) && /development[ -]tools/i.test(groupText) && p.packages[0]) {
          const last = p.packages[p.packages.length - 1];
          const span = { value: groupText, range: { start: p.packages[0].range.start, end: last.range.end } };
          outstanding.push({ name: 'Development Tools', word: span, cmd: p });
        }
        for (const w of p.packages) {
          const { names, via } = namesOf(w, instr, stageVars);
          for (const name of names) if (isBuildTool(name)) outstanding.push({ name, word: w, via, cmd: p, virtual });
        }
      } else if (isRemoval(p)) {
        const removed = p.packages.flatMap((w) => namesOf(w, instr, stageVars).names);
        const autoremove =
          p.manager === 'apt' &&
          removed.length === 0 &&
          (p.action === 'autoremove' ||
            p.action === 'autopurge' ||
            p.options.some((o) => o.name === '--auto-remove' || o.name === '--autoremove'));
        outstanding = outstanding.filter((t) => {
          if (removed.some((r) => globMatch(r, t.name) || (t.virtual !== undefined && r === t.virtual))) return false;
          if (p.action === 'groupremove' && t.name === 'Development Tools') return false;
          // After `apt-mark auto`, autoremove takes everything nothing else depends on.
          if (autoremove && aptMarkedAuto && t.cmd.manager === 'apt') return false;
          return true;
        });
      }
    }
  }
  const byCmd = new Map<PkgCommand, Installed[]>();
  for (const t of outstanding) byCmd.set(t.cmd, [...(byCmd.get(t.cmd) ?? []), t]);
  const hits: Hit[] = [];
  for (const [cmd, items] of byCmd) {
    const first = items[0];
    const verb = `${cmd.program} ${cmd.action ?? 'install'}`;
    hits.push({
      range: rangeWithin(model.doc, first.word.range, bare(first.word.value)),
      message: t(
        `\`${verb}\` leaves build tools in the final image that nothing removes: ${listNames(items)}.`,
        `\`${verb}\` 在最终镜像中留下了没有任何命令删除的构建工具：${listNamesZh(items)}。`,
      ),
    });
  }
  return hits;
}

export default imageRule(
  {
    id: 'CT1018',
    name: 'build-tools-left',
    title: 'Build tools stay in the final image',
    defaultSeverity: 'info',
    appliesTo: ['dockerfile'],
    explanation:
      'Compilers (`gcc`, `clang`, `build-essential`, `build-base`), build systems (`make`, `cmake`), language toolchains (`golang`, `rustc`, `cargo`), header packages (`*-dev`, `*-devel`) and `git` are needed to build software, not to run it. Left in the final image, they help whoever gets code execution in the container: with a compiler and headers at hand, an attacker can build a kernel or setuid exploit on the spot, and with `git` or a toolchain fetch and build more tools. They also add hundreds of megabytes and a steady stream of vulnerability reports that have nothing to do with your application. ' +
      'This rule reads the final stage and the stages it builds on; builder stages that are only copied from are meant to hold tools and are not reported. A tool counts as removed when a later command in those stages removes it: `apt-get purge`/`remove` naming it (or the variable it was installed from), `apk del` of the package or of the `--virtual` group it was installed in, `yum`/`dnf remove`. ' +
      '`apt-get autoremove` (or `purge --auto-remove` without package names) only counts after `apt-mark auto`, because apt never autoremoves packages you installed by name. Removing in a later `RUN` takes the tools out of the running container but not out of the lower layer, so the image stays as large.',
    remediation:
      'Use a multi-stage build: install the toolchain and build in a `builder` stage, then start the final stage from a small runtime image and `COPY --from=builder` only the result (the binary, the virtualenv, the `node_modules` built for production). ' +
      'When a build step must happen in the final stage, install, build and remove in the same `RUN`: `apk add --no-cache --virtual .build-deps gcc musl-dev && pip install ... && apk del .build-deps`, or `apt-get install -y --no-install-recommends $buildDeps && ... && apt-get purge -y --auto-remove $buildDeps`.',
    zh: {
      title: '构建工具留在了最终镜像中',
      explanation:
        '编译器（`gcc`、`clang`、`build-essential`、`build-base`）、构建系统（`make`、`cmake`）、语言工具链（`golang`、`rustc`、`cargo`）、头文件软件包（`*-dev`、`*-devel`）和 `git` 是构建软件所需的，而不是运行软件所需的。把它们留在最终镜像中，会帮到任何在容器中获得代码执行能力的人：手边有编译器和头文件，攻击者就能当场编译内核或 setuid 漏洞利用程序；有了 `git` 或工具链，还能获取并编译更多工具。它们还会增加几百 MB 的体积，并带来源源不断、与你的应用毫无关系的漏洞报告。' +
        '本规则读取最终阶段以及它所基于的阶段；只被用来复制文件的构建阶段本来就是放工具的地方，不会被报告。如果这些阶段中后面的某条命令删除了某个工具，该工具就算已删除：点名删除它（或安装它时所用的变量）的 `apt-get purge`/`remove`，删除该软件包或安装它时所在 `--virtual` 组的 `apk del`，`yum`/`dnf remove`。' +
        '`apt-get autoremove`（或不带软件包名的 `purge --auto-remove`）只有在 `apt-mark auto` 之后才算数，因为 apt 从不自动删除你按名称安装的软件包。在后面的 `RUN` 中删除，只会把工具从运行中的容器里去掉，却不会从下层中去掉，所以镜像还是一样大。',
      remediation:
        '使用多阶段构建：在 `builder` 阶段安装工具链并构建，然后从一个小的运行时镜像开始最终阶段，只用 `COPY --from=builder` 复制结果（二进制文件、virtualenv、为生产环境构建的 `node_modules`）。' +
        '如果某个构建步骤必须在最终阶段进行，就在同一个 `RUN` 中安装、构建、删除：`apk add --no-cache --virtual .build-deps gcc musl-dev && pip install ... && apk del .build-deps`，或者 `apt-get install -y --no-install-recommends $buildDeps && ... && apt-get purge -y --auto-remove $buildDeps`。',
    },
    references: [
      { title: 'Multi-stage builds', url: 'https://docs.docker.com/build/building/multi-stage/' },
      {
        title: "Docker build best practices: don't install unnecessary packages",
        url: 'https://docs.docker.com/build/building/best-practices/#dont-install-unnecessary-packages',
      },
      {
        title: 'apk: virtual packages (apk add --virtual)',
        url: 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper#Virtual_Packages',
      },
      {
        title: 'apt-mark(8): automatically and manually installed packages',
        url: 'https://manpages.debian.org/bookworm/apt/apt-mark.8.en.html',
      },
      {
        title: 'CIS Docker Benchmark 4.3: Ensure that unnecessary packages are not installed in the container',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: { cis: ['4.3'] },
    bad: [
      {
        bad:
          'FROM python:3.12-slim\n' +
          'RUN apt-get update \\\n' +
          ' && apt-get install -y --no-install-recommends build-essential libpq-dev \\\n' +
          ' && rm -rf /var/lib/apt/lists/*\n' +
          'COPY requirements.txt .\n' +
          'RUN pip install --no-cache-dir -r requirements.txt\n',
      },
      { bad: 'FROM python:3.12-alpine\nRUN apk add --no-cache gcc musl-dev libffi-dev && pip install cffi\n' },
      // apt never autoremoves packages installed by name.
      { bad: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y build-essential && make -C /src && apt-get autoremove -y\n' },
      { bad: 'FROM rockylinux:9\nRUN dnf install -y gcc make git && dnf clean all\n' },
      { bad: 'FROM centos:7\nRUN yum groupinstall -y "Development Tools"\n' },
      {
        bad: 'FROM ubuntu:24.04\nRUN <<EOF\nset -e\napt-get update\napt-get install -y --no-install-recommends git ca-certificates\ngit clone https://github.com/example/app /app\nEOF\n',
      },
      {
        bad: 'FROM debian:bookworm-slim\nRUN buildDeps="gcc make" && apt-get update && apt-get install -y $buildDeps && make -C /src install\n',
      },
      // The final stage builds on base, so base's packages are in the image.
      { bad: 'FROM golang:1.23 AS base\nRUN apt-get update && apt-get install -y cmake\nFROM base\nCMD ["/app"]\n' },
    ],
    good: [
      'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev \\\n && pip install --no-cache-dir cffi \\\n && apk del .build-deps\n',
      "FROM debian:bookworm-slim\nRUN set -eux; \\\n    buildDeps='gcc libc6-dev make'; \\\n    apt-get update; \\\n    apt-get install -y --no-install-recommends $buildDeps; \\\n    make -C /usr/src/app install; \\\n    apt-get purge -y --auto-remove $buildDeps\n",
      // The pattern of the official images: mark everything automatic, then autoremove.
      'FROM debian:bookworm-slim\nRUN set -eux; \\\n    savedAptMark="$(apt-mark showmanual)"; \\\n    apt-get update; \\\n    apt-get install -y --no-install-recommends gcc libc6-dev; \\\n    make install; \\\n    apt-mark auto \'.*\' > /dev/null; \\\n    apt-mark manual $savedAptMark; \\\n    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false\n',
      // A builder stage is where tools belong.
      'FROM golang:1.23 AS build\nRUN apt-get update && apt-get install -y git make\nRUN make build\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
      'FROM debian:bookworm\nRUN apt-get update && apt-get install -y build-essential\nRUN make -C /src && apt-get purge -y build-essential\n',
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates curl\n',
      'FROM rockylinux:9\nRUN dnf install -y gcc && make && dnf remove -y gcc\n',
      'FROM alpine:3.20\nRUN apk add --no-cache git-lfs udev\n',
    ],
  },
  (model): Hit[] => (model.final ? check(model, finalChain(model)) : []),
);
