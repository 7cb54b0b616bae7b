// CT1010 untrusted-packages: package installs that turn off signature verification (apt
// --allow-unauthenticated/--force-yes, apk --allow-untrusted, yum/dnf --nogpgcheck, rpm
// --nosignature, zypper --no-gpg-checks) or repository settings that do the same
// ([trusted=yes], gpgcheck=0). Pure core layer.

import { imageRule, type Hit, type RuleFix } from '../rule';
import { isRun, type ImageModel, type RunInstr, type Word } from '../../model/image';
import { t, type Range, type TextEdit } from '../../types';
import { comparePositions } from '../../text';
import { pkgCommands, type PkgCommand } from './pkgCommands';
import { bare, rangeWithin, removeWordsEdit } from './wordEdit';
import { zh } from './zh';

interface FlagHit {
  words: Word[];
  /** What the option does, completing "<program> <option> …". */
  what: string;
  whatZh: string;
  shown: string;
}

const APT_FLAGS: Record<string, string> = {
  '--allow-unauthenticated': 'installs packages whose signatures apt could not verify',
  '--allow-insecure-repositories': 'accepts unsigned repositories, whose package lists anyone on the network path can forge',
  '--force-yes': 'answers yes to every safety question, including "install these unauthenticated packages?"',
};

const APT_FLAGS_ZH: Record<string, string> = {
  '--allow-unauthenticated': '会安装 apt 无法校验签名的软件包',
  '--allow-insecure-repositories': '会接受未签名的仓库，而网络路径上的任何人都能伪造这些仓库的软件包列表',
  '--force-yes': '会对每个安全提问都回答 yes，包括“要安装这些未经认证的软件包吗？”',
};

const APT_OPTION =
  /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)=["']?(1|true|yes|on)["']?$/i;

function isYes(o: PkgCommand['options'][number]): boolean {
  return o.name === '--yes' || o.name === '--assume-yes' || /^-[a-zA-Z]*y[a-zA-Z]*$/.test(o.name);
}

function flagHits(p: PkgCommand): FlagHit[] {
  const out: FlagHit[] = [];
  for (const o of p.options) {
    const words = o.valueWord ? [o.word, o.valueWord] : [o.word];
    const shown = o.valueWord ? `${o.name} ${o.value ?? ''}` : bare(o.word.value);
    switch (p.manager) {
      case 'apt':
        if (APT_FLAGS[o.name] && o.value === undefined) out.push({ words, what: APT_FLAGS[o.name], whatZh: APT_FLAGS_ZH[o.name], shown });
        else if ((o.name === '-o' || o.name === '--option') && o.value && APT_OPTION.test(o.value))
          out.push({ words, what: "turns off apt's signature checks", whatZh: '会关闭 apt 的签名检查', shown });
        break;
      case 'apk':
        if (o.name === '--allow-untrusted')
          out.push({
            words,
            what: 'installs packages that are not signed by a key in /etc/apk/keys',
            whatZh: '会安装未由 /etc/apk/keys 中的密钥签名的软件包',
            shown,
          });
        break;
      case 'yum':
        if (o.name === '--nogpgcheck')
          out.push({ words, what: 'skips the GPG signature check of every package', whatZh: '会跳过每个软件包的 GPG 签名检查', shown });
        else if (o.name === '--setopt' && o.value && /(^|\.)gpgcheck=["']?(0|false|no|off)["']?$/i.test(o.value))
          out.push({ words, what: 'turns off GPG signature checks', whatZh: '会关闭 GPG 签名检查', shown });
        break;
      case 'zypper':
        if (o.name === '--no-gpg-checks')
          out.push({
            words,
            what: 'goes ahead when GPG signatures are missing or wrong',
            whatZh: '会在 GPG 签名缺失或错误时照样继续执行',
            shown,
          });
        else if ((p.action === 'addrepo' || p.action === 'ar') && (o.name === '-G' || o.name === '--no-gpgcheck'))
          out.push({
            words,
            what: 'adds a repository whose packages are never signature-checked',
            whatZh: '会添加一个其软件包从不检查签名的仓库',
            shown,
          });
        break;
      case 'rpm':
        if (p.action !== 'install') break;
        if (o.name === '--nosignature')
          out.push({ words, what: 'installs the package without checking its signature', whatZh: '会安装软件包而不检查它的签名', shown });
        else if (o.name === '--nodigest')
          out.push({ words, what: 'installs the package without checking its digests', whatZh: '会安装软件包而不检查它的摘要', shown });
        else if (o.name === '--nofiledigest')
          out.push({
            words,
            what: "installs the package without checking its files' digests",
            whatZh: '会安装软件包而不检查其中文件的摘要',
            shown,
          });
        break;
    }
  }
  return out;
}

function fixFor(model: ImageModel, run: RunInstr, p: PkgCommand, h: FlagHit): RuleFix | undefined {
  const doc = model.doc;
  let edit: TextEdit | undefined;
  let title = t(`Remove ${h.shown} (keep signature checks on)`, zh`删除${h.shown}（保持签名检查开启）`);
  if (p.manager === 'apt' && h.shown === '--force-yes' && !p.options.some(isYes)) {
    // --force-yes also answered the install prompt: keep the build non-interactive with -y.
    edit = { range: rangeWithin(doc, h.words[0].range, '--force-yes'), newText: '-y' };
    title = t(
      'Replace --force-yes with -y (answers the prompt, keeps signature checks on)',
      '用 -y 替换 --force-yes（回答安装提示，同时保持签名检查开启）',
    );
  } else edit = removeWordsEdit(doc, run, h.words, model.escapeChar);
  return edit ? { title, edits: [edit], safe: true } : undefined;
}

/** Repository or apt settings written by the RUN script (echo, sed, heredocs) that skip signatures. */
const TEXT_PATTERNS: { re: RegExp; message: (m: string) => string; messageZh: (m: string) => string }[] = [
  {
    re: /\[[^\]\n]*\btrusted=yes\b[^\]\n]*\]/g,
    message: (m) => `The apt source option ${m} makes apt accept this repository without checking its signature.`,
    messageZh: (m) => zh`apt 源选项${m}让 apt 不检查签名就接受这个仓库。`,
  },
  {
    re: /\b(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)\b[ \t]*(=|[ \t])[ \t]*\\?["']?(1|true|yes|on)\b\\?["']?/gi,
    message: (m) => `The apt setting ${m.replace(/\s+/g, ' ')} turns off apt's signature checks for every later install.`,
    messageZh: (m) => zh`apt 设置${m.replace(/\s+/g, ' ')}会为之后的每次安装关闭 apt 的签名检查。`,
  },
  {
    re: /(?<![\w-])gpgcheck[ \t]*=[ \t]*(0|false|no|off)\b/gi,
    message: (m) => `The repository setting ${m.replace(/\s+/g, '')} turns off GPG signature checks for its packages.`,
    messageZh: (m) => zh`仓库设置${m.replace(/\s+/g, '')}会关闭该仓库软件包的 GPG 签名检查。`,
  },
];

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

function textHits(model: ImageModel, run: RunInstr, taken: Range[]): Hit[] {
  const doc = model.doc;
  const start = doc.offsetAt(run.range.start);
  const text = doc.text.slice(start, doc.offsetAt(run.range.end));
  const hits: Hit[] = [];
  for (const { re, message, messageZh } of TEXT_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const range = doc.rangeOf(start + m.index, start + m.index + m[0].length);
      if (doc.lineText(range.start.line).trimStart().startsWith('#')) continue;
      if (taken.some((t) => overlaps(t, range))) continue;
      hits.push({ range, message: t(message(m[0]), messageZh(m[0])) });
      taken.push(range);
    }
  }
  return hits;
}

export default imageRule(
  {
    id: 'CT1010',
    name: 'untrusted-packages',
    title: 'Packages are installed without signature checks',
    defaultSeverity: 'warning',
    appliesTo: ['dockerfile'],
    explanation:
      'Package managers check that every package was signed by the distribution (or by a repository key you added) before they install it. That signature is what stops a compromised mirror, a proxy or anyone on the network path from handing your build a package with a backdoor. ' +
      'Options such as `apt-get --allow-unauthenticated`, `--allow-insecure-repositories` and `--force-yes`, `apk --allow-untrusted`, `yum`/`dnf`/`microdnf --nogpgcheck`, `rpm --nosignature`/`--nodigest` and `zypper --no-gpg-checks`, and repository settings like `[trusted=yes]` or `gpgcheck=0`, switch that check off. ' +
      'Code installed this way runs as root during the build and usually ends up in the image, so the whole container, and anything it can reach, trusts whoever could tamper with the download. ' +
      'Builder stages are checked too: a tampered compiler or library taints everything built with it. ' +
      '`pip --trusted-host` is about TLS, not signatures, and is reported by CT1009 instead.',
    remediation:
      "Remove the option and import the repository's signing key instead: for apt, download the key to `/etc/apt/keyrings/` and reference it with `[signed-by=/etc/apt/keyrings/<name>.gpg]`; for apk, copy the publisher's public key into `/etc/apk/keys/`; for rpm-based images, `rpm --import <key-url>` or set `gpgkey=` in the `.repo` file. " +
      'For a package you built yourself, sign it (`abuild-keygen`, `rpmsign`, `dpkg-sig`) or verify its checksum with `sha256sum -c` before installing it.',
    zh: {
      title: '安装软件包时没有做签名检查',
      explanation:
        '包管理器在安装每个软件包之前，都会检查它是否由发行版（或者由你添加的仓库密钥）签名。正是这个签名，阻止了被攻破的镜像站点、代理或网络路径上的任何人把带后门的软件包交给你的构建。' +
        '`apt-get --allow-unauthenticated`、`--allow-insecure-repositories` 和 `--force-yes`、`apk --allow-untrusted`、`yum`/`dnf`/`microdnf --nogpgcheck`、`rpm --nosignature`/`--nodigest` 和 `zypper --no-gpg-checks` 等选项，以及 `[trusted=yes]` 或 `gpgcheck=0` 这样的仓库设置，会关掉这项检查。' +
        '以这种方式安装的代码在构建期间以 root 运行，并且通常会留在镜像中，于是整个容器，以及它能访问的一切，都得信任任何能篡改下载内容的人。' +
        '构建阶段也会检查：被篡改的编译器或库会污染用它构建出来的一切。' +
        '`pip --trusted-host` 涉及的是 TLS 而不是签名，由 CT1009 报告。',
      remediation:
        '删除该选项，改为导入仓库的签名密钥：对于 apt，把密钥下载到 `/etc/apt/keyrings/`，并用 `[signed-by=/etc/apt/keyrings/<name>.gpg]` 引用它；对于 apk，把发布者的公钥复制到 `/etc/apk/keys/`；对于基于 rpm 的镜像，使用 `rpm --import <key-url>`，或者在 `.repo` 文件中设置 `gpgkey=`。' +
        '对于你自己构建的软件包，给它签名（`abuild-keygen`、`rpmsign`、`dpkg-sig`），或者在安装之前用 `sha256sum -c` 校验它的校验和。',
    },
    references: [
      { title: 'apt-get(8): --allow-unauthenticated and --force-yes', url: 'https://manpages.debian.org/bookworm/apt/apt-get.8.en.html' },
      { title: 'apt-secure(8): archive authentication in apt', url: 'https://manpages.debian.org/bookworm/apt/apt-secure.8.en.html' },
      {
        title: 'sources.list(5): the trusted and signed-by options',
        url: 'https://manpages.debian.org/bookworm/apt/sources.list.5.en.html',
      },
      { title: 'Alpine Linux apk: --allow-untrusted', url: 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper' },
      { title: 'dnf(8) options: --nogpgcheck', url: 'https://dnf.readthedocs.io/en/latest/command_ref.html' },
      { title: 'rpm(8): --nosignature and --nodigest', url: 'https://man7.org/linux/man-pages/man8/rpm.8.html' },
      {
        title: 'CIS Docker Benchmark 4.11: Ensure only verified packages are installed',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      checkov: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'],
      cis: ['4.11'],
    },
    bad: [
      {
        bad:
          'FROM debian:bookworm-slim\n' +
          'RUN apt-get update && \\\n' +
          '    apt-get install -y --allow-unauthenticated \\\n' +
          '      curl ca-certificates \\\n' +
          ' && rm -rf /var/lib/apt/lists/*\n',
        fixed:
          'FROM debian:bookworm-slim\n' +
          'RUN apt-get update && \\\n' +
          '    apt-get install -y \\\n' +
          '      curl ca-certificates \\\n' +
          ' && rm -rf /var/lib/apt/lists/*\n',
      },
      {
        bad: 'FROM debian:bookworm\nRUN apt-get install -y \\\n      --allow-unauthenticated \\\n      nginx\n',
        fixed: 'FROM debian:bookworm\nRUN apt-get install -y \\\n      nginx\n',
      },
      {
        bad: 'FROM alpine:3.20\nCOPY tool.apk /tmp/\nRUN ["apk", "add", "--allow-untrusted", "/tmp/tool.apk"]\n',
        fixed: 'FROM alpine:3.20\nCOPY tool.apk /tmp/\nRUN ["apk", "add", "/tmp/tool.apk"]\n',
      },
      {
        bad: 'FROM rockylinux:9\nRUN <<EOF\ndnf install -y --nogpgcheck https://downloads.example.com/agent-1.4.rpm\ndnf clean all\nEOF\n',
        fixed: 'FROM rockylinux:9\nRUN <<EOF\ndnf install -y https://downloads.example.com/agent-1.4.rpm\ndnf clean all\nEOF\n',
      },
      {
        bad: 'FROM ubuntu:24.04\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y libfoo\n',
        fixed: 'FROM ubuntu:24.04\nRUN apt-get install -y libfoo\n',
      },
      {
        bad: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install --force-yes nginx\n',
        fixed: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y nginx\n',
      },
      {
        bad: 'FROM registry.access.redhat.com/ubi9/ubi\nRUN curl -fsSLO https://example.com/tool.rpm && rpm -ivh --nosignature tool.rpm\n',
        fixed: 'FROM registry.access.redhat.com/ubi9/ubi\nRUN curl -fsSLO https://example.com/tool.rpm && rpm -ivh tool.rpm\n',
      },
      {
        bad: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y --setopt=*.gpgcheck=0 tar gzip && microdnf clean all\n',
        fixed: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar gzip && microdnf clean all\n',
      },
      {
        bad: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive --no-gpg-checks install curl\n',
        fixed: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl\n',
      },
      // Repository settings written by the script have no one-word fix.
      {
        bad: 'FROM debian:bookworm\nRUN echo "deb [trusted=yes] http://repo.example.com/debian ./" > /etc/apt/sources.list.d/example.list\n',
      },
      { bad: "FROM centos:7\nRUN sed -i 's/gpgcheck=1/gpgcheck=0/' /etc/yum.repos.d/*.repo && yum install -y httpd\n" },
      {
        bad: 'FROM debian:bookworm\nRUN echo \'APT::Get::AllowUnauthenticated "true";\' > /etc/apt/apt.conf.d/99insecure\n',
      },
    ],
    good: [
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      // pip --trusted-host is a TLS matter (CT1009), not a signature one.
      'FROM python:3.12-slim\nRUN pip install --trusted-host pypi.example.com requests\n',
      // Text that merely mentions an option: pattern-based peers flag these.
      'FROM rockylinux:9\nRUN echo "never run yum with --nogpgcheck" > /etc/motd\n',
      // Querying with --nosignature installs nothing.
      'FROM rockylinux:9\nRUN rpm -qa --nosignature | sort > /packages.txt\n',
      // repo_gpgcheck covers repository metadata and is off by default on most rpm distributions.
      "FROM rockylinux:9\nRUN printf '[extras]\\nbaseurl=https://repo.example.com/el9\\ngpgcheck=1\\nrepo_gpgcheck=0\\n' > /etc/yum.repos.d/extras.repo\n",
      'FROM rockylinux:9\nRUN dnf install -y --setopt=tsflags=nodocs httpd && dnf clean all\n',
      // A key-pinned source is the right way to add a repository.
      'FROM debian:bookworm\nRUN echo "deb [signed-by=/etc/apt/keyrings/example.gpg] https://repo.example.com/debian ./" > /etc/apt/sources.list.d/example.list\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    for (const run of model.instructions.filter(isRun)) {
      const taken: Range[] = [];
      for (const p of pkgCommands(run)) {
        for (const h of flagHits(p)) {
          const range =
            h.words.length > 1
              ? { start: h.words[0].range.start, end: h.words[h.words.length - 1].range.end }
              : rangeWithin(model.doc, h.words[0].range, bare(h.words[0].value));
          taken.push(range);
          const fix = fixFor(model, run, p, h);
          hits.push({
            range,
            message: t(`\`${p.program} ${h.shown}\` ${h.what}.`, `\`${p.program} ${h.shown}\` ${h.whatZh}。`),
            fixes: fix ? [fix] : [],
          });
        }
      }
      hits.push(...textHits(model, run, taken));
    }
    return hits;
  },
  // Reads each instruction on its own.
  'stage',
);
