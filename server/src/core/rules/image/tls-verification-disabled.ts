// CT1009 tls-verification-disabled: a download tool, package manager or runtime is told not to
// check TLS certificates, by a flag, a config setting or an environment variable (pure core layer).

import { isRun, type Word } from '../../model/image';
import { t, type Range } from '../../types';
import { imageRule, type Hit, type RuleFix } from '../rule';
import { kvPairs, unquote } from './kvPairs';
import { bare, deleteWordEdit, innerRange, programAt, runCommands, spanOf, type ScanCommand, type ScanWord } from './runScan';
import { zh } from './zh';

interface EnvSwitch {
  names: string[];
  off: (value: string) => boolean;
  what: string;
  whatZh: string;
}

/** Environment variables that turn certificate checks off, and the values that do it. */
const ENV_SWITCHES: EnvSwitch[] = [
  {
    names: ['NODE_TLS_REJECT_UNAUTHORIZED'],
    off: (v) => v === '0',
    what: 'turns off certificate checks for every HTTPS connection Node.js makes (npm and yarn included)',
    whatZh: '会关闭 Node.js 发起的每个 HTTPS 连接的证书检查（包括 npm 和 yarn）',
  },
  {
    names: ['GIT_SSL_NO_VERIFY'],
    off: () => true,
    what: 'makes git skip HTTPS certificate checks (git only looks at whether it is set, so even 0, false or an empty value turns checks off)',
    whatZh: '会让 git 跳过 HTTPS 证书检查（git 只看它是否被设置，所以即使是 0、false 或空值也会关闭检查）',
  },
  {
    names: ['PYTHONHTTPSVERIFY'],
    off: (v) => v === '0',
    what: "turns off HTTPS certificate checks in Python's standard library (on Python builds that honour it, as PEP 493 describes)",
    whatZh: '会关闭 Python 标准库中的 HTTPS 证书检查（在遵循该变量的 Python 构建上，如 PEP 493 所述）',
  },
  {
    names: ['NPM_CONFIG_STRICT_SSL', 'npm_config_strict_ssl'],
    off: (v) => /^false$/i.test(v),
    what: "turns off npm's registry certificate checks",
    whatZh: '会关闭 npm 对 registry 证书的检查',
  },
  {
    names: ['YARN_ENABLE_STRICT_SSL'],
    off: (v) => /^(false|0)$/i.test(v),
    what: "turns off Yarn's registry certificate checks",
    whatZh: '会关闭 Yarn 对 registry 证书的检查',
  },
  {
    names: ['PIP_TRUSTED_HOST'],
    off: (v) => v.trim() !== '',
    what: 'makes pip accept the listed hosts without a valid certificate, or over plain HTTP',
    whatZh: '会让 pip 接受所列的主机，即使它们没有有效证书或使用明文 HTTP',
  },
  {
    names: ['GOINSECURE'],
    off: (v) => v.trim() !== '',
    what: 'lets the go command fetch the listed modules over plain HTTP or without certificate checks',
    whatZh: '会让 go 命令通过明文 HTTP 或在不检查证书的情况下获取所列的模块',
  },
];

function envSwitch(name: string): EnvSwitch | undefined {
  return ENV_SWITCHES.find((s) => s.names.includes(name));
}

/** curl's one-letter options that take no value: `k` may follow them in a group such as `-fsSLk`. */
const CURL_NOARG = new Set('fsSLkIivO#lnNRgGjJ0123456pqBMVZ'.split(''));

interface TextPattern {
  re: RegExp;
  message: string;
  messageZh: string;
}

/** Settings written on a command line or into a config file (heredoc bodies included). */
const TEXT_PATTERNS: TextPattern[] = [
  {
    re: /\bhttp\.(?:\S+\.)?sslverify["']?(?:\s+|\s*=\s*)["']?(?:false|0|no|off)\b/i,
    message: "git's http.sslVerify is turned off: git does not check HTTPS certificates, so the code it fetches can be swapped in transit.",
    messageZh: 'git 的 http.sslVerify 被关闭：git 不检查 HTTPS 证书，因此它获取的代码可能在传输途中被调包。',
  },
  {
    re: /(?:^|[\s"'])(?:--)?strict[-_]ssl["']?(?:\s+|\s*=\s*)["']?false\b/i,
    message: "npm's strict-ssl setting is turned off: registry certificates are not checked, so packages can be swapped in transit.",
    messageZh: 'npm 的 strict-ssl 设置被关闭：不检查 registry 证书，因此软件包可能在传输途中被调包。',
  },
  {
    re: /--no-strict-ssl\b/,
    message: 'npm runs with --no-strict-ssl: registry certificates are not checked, so packages can be swapped in transit.',
    messageZh: 'npm 以 --no-strict-ssl 运行：不检查 registry 证书，因此软件包可能在传输途中被调包。',
  },
  {
    re: /\benableStrictSsl["']?(?:\s+|\s*[=:]\s*)["']?false\b/,
    message: "Yarn's enableStrictSsl is turned off: registry certificates are not checked, so packages can be swapped in transit.",
    messageZh: 'Yarn 的 enableStrictSsl 被关闭：不检查 registry 证书，因此软件包可能在传输途中被调包。',
  },
  {
    re: /\bsslverify\s*=\s*["']?(?:0|false|no|off)\b/i,
    message:
      'sslverify is turned off for a package repository: its certificate is not checked, so packages and metadata can be swapped in transit.',
    messageZh: '某个软件包仓库的 sslverify 被关闭：不检查它的证书，因此软件包和元数据可能在传输途中被调包。',
  },
  {
    re: /Acquire::https::(?:\S+::)?Verify-(?:Peer|Host)["']?\s*(?:=\s*|\s+)?["']?false/i,
    message:
      "APT's HTTPS certificate checks (Acquire::https::Verify-Peer/Verify-Host) are turned off: packages and package lists can be swapped in transit.",
    messageZh: 'APT 的 HTTPS 证书检查（Acquire::https::Verify-Peer/Verify-Host）被关闭：软件包和软件包列表可能在传输途中被调包。',
  },
  {
    re: /\bssl_verify["']?(?:\s+|\s*[=:]\s*)["']?(?:false|no|0)\b/i,
    message: "conda's ssl_verify is turned off: channel certificates are not checked, so packages can be swapped in transit.",
    messageZh: 'conda 的 ssl_verify 被关闭：不检查 channel 的证书，因此软件包可能在传输途中被调包。',
  },
  {
    re: /(?:^|[\s.])trusted-host(?:\s*=\s*|\s+)\S/,
    message:
      'pip is configured to trust a host (trusted-host): pip then accepts it without a valid certificate or over plain HTTP, so packages can be swapped in transit.',
    messageZh:
      'pip 被配置为信任某个主机（trusted-host）：此后即使该主机没有有效证书或使用明文 HTTP，pip 也会接受它，因此软件包可能在传输途中被调包。',
  },
  {
    re: /(?:^|\s)["']?insecure["']?\s.*\.curlrc\b/,
    message: 'insecure is written to a .curlrc: every later curl call skips certificate checks, so downloads can be swapped in transit.',
    messageZh: 'insecure 被写入了 .curlrc：之后每次调用 curl 都会跳过证书检查，因此下载的内容可能在传输途中被调包。',
  },
  {
    re: /\bcheck_certificate\s*=\s*["']?off\b.*\.?wgetrc\b/i,
    message:
      'check_certificate = off is written to a wgetrc: every later wget call skips certificate checks, so downloads can be swapped in transit.',
    messageZh: 'check_certificate = off 被写入了 wgetrc：之后每次调用 wget 都会跳过证书检查，因此下载的内容可能在传输途中被调包。',
  },
];

/**
 * A word of every match of TEXT_PATTERNS holds one of these (a match never spans the blank
 * between words, and taking quotes off a word or a backslash before a quote cannot make one), so
 * commands without them are not joined and searched.
 */
const TEXT_KEYS = /ssl|verify|trusted-host|insecure|check_certificate/i;

/** Flags of other tools that switch certificate checks off and can simply be removed. */
const OTHER_FLAGS: {
  re: RegExp;
  programs?: RegExp;
  message: (flag: string, program: string) => string;
  messageZh: (flag: string, program: string) => string;
}[] = [
  {
    re: /^--insecure-skip-tls-verify(=true)?$/,
    message: (f, p) => `${p} runs with ${f}: the server's certificate is not checked, so anyone on the network path can impersonate it.`,
    messageZh: (f, p) => zh`${p}以${f}运行：不检查服务器的证书，因此网络路径上的任何人都能冒充它。`,
  },
  {
    re: /^--([a-z]+-)?tls-verify=false$/,
    message: (f, p) => `${p} runs with ${f}: the registry's certificate is not checked, so images can be swapped in transit.`,
    messageZh: (f, p) => zh`${p}以${f}运行：不检查镜像仓库的证书，因此镜像可能在传输途中被调包。`,
  },
  {
    re: /^--no-verify-ssl$/,
    programs: /^aws$/,
    message: (f, p) => `${p} runs with ${f}: the endpoint's certificate is not checked, so data and credentials can be intercepted.`,
    messageZh: (f, p) => zh`${p}以${f}运行：不检查端点的证书，因此数据和凭据可能被截获。`,
  },
  {
    re: /^--insecure$/,
    programs: /^(conda|mamba|micromamba)$/,
    message: (f, p) => `${p} runs with ${f}: channel certificates are not checked, so packages can be swapped in transit.`,
    messageZh: (f, p) => zh`${p}以${f}运行：不检查 channel 的证书，因此软件包可能在传输途中被调包。`,
  },
];

function removeFix(model: Parameters<typeof deleteWordEdit>[0], w: ScanWord, flag: string, tool: string, toolZh = tool): RuleFix {
  return {
    title: t(`Remove ${flag} so ${tool} verifies certificates`, zh`删除${flag}，让${toolZh}校验证书`),
    edits: [deleteWordEdit(model, w)],
    safe: true,
  };
}

/** Maps a match in the space-joined words back to the words it covers. */
function matchRange(words: Word[], starts: number[], from: number, to: number): Range {
  let a = 0;
  let b = 0;
  for (let i = 0; i < words.length; i++) {
    if (starts[i] <= from) a = i;
    if (starts[i] < to) b = i;
  }
  return spanOf(words[a], words[b]);
}

export default imageRule(
  {
    id: 'CT1009',
    name: 'tls-verification-disabled',
    title: 'TLS certificate verification is turned off',
    defaultSeverity: 'error',
    appliesTo: ['dockerfile'],
    explanation:
      "HTTPS protects a download only because the client checks the server's certificate. Turn that check off and anyone between the build machine and the server (a proxy, a Wi-Fi network, a compromised router or DNS answer) can answer in the server's place and hand over whatever they like: a modified package, a script, a tarball. " +
      "In a Dockerfile that content becomes part of the image and usually runs as root during the build, so a disabled check is a direct path for someone else's code into your container. " +
      "The rule reports the common ways of turning checks off: `curl -k`/`--insecure` (also inside option groups such as `-fsSLk`), `wget --no-check-certificate`, `pip --trusted-host` and `trusted-host` in pip's configuration, `npm`/`yarn` `strict-ssl false`, `git config http.sslVerify false` and `git -c http.sslVerify=false`, `sslverify=0` for yum/dnf, APT's `Verify-Peer false`, conda's `ssl_verify false`, `--insecure-skip-tls-verify` and `--tls-verify=false`, and the environment variables `NODE_TLS_REJECT_UNAUTHORIZED=0`, `GIT_SSL_NO_VERIFY` (any value), `PYTHONHTTPSVERIFY=0`, `NPM_CONFIG_STRICT_SSL=false`, `PIP_TRUSTED_HOST` and `GOINSECURE`, whether set with `ENV`, as an `ARG` default or inline in a `RUN` step. " +
      'Set with `ENV`, such a variable also stays in the image, so the application that runs later skips certificate checks too. ' +
      'Words inside quoted text that is only printed (`echo "never use curl -k"`) are not reported.',
    remediation:
      "Remove the switch. If the build fails afterwards, fix the cause instead of the symptom: install `ca-certificates`, or add your company's proxy or private CA certificate to the image (`COPY corp-ca.crt /usr/local/share/ca-certificates/` then `update-ca-certificates`) and point tools at it (`SSL_CERT_FILE`, `NODE_EXTRA_CA_CERTS`, `PIP_CERT`, `npm config set cafile`). " +
      'For a build-only CA, use a secret or a build stage so it does not stay in the final image. The quick fix removes `-k`, `--insecure` and `--no-check-certificate` where they are a plain flag.',
    zh: {
      title: 'TLS 证书校验被关闭',
      explanation:
        'HTTPS 之所以能保护下载，只是因为客户端会检查服务器的证书。关掉这项检查，构建机器与服务器之间的任何人（代理、Wi-Fi 网络、被攻破的路由器或被篡改的 DNS 应答）都能冒充服务器应答，随意交出任何东西：被修改的软件包、脚本、tar 包。' +
        '在 Dockerfile 中，这些内容会成为镜像的一部分，并且通常在构建期间以 root 运行，所以关闭检查就是给别人的代码进入你的容器开了一条直路。' +
        '本规则报告关闭检查的常见方式：`curl -k`/`--insecure`（也包括 `-fsSLk` 这样的选项组中的）、`wget --no-check-certificate`、`pip --trusted-host` 和 pip 配置中的 `trusted-host`、`npm`/`yarn` 的 `strict-ssl false`、`git config http.sslVerify false` 和 `git -c http.sslVerify=false`、yum/dnf 的 `sslverify=0`、APT 的 `Verify-Peer false`、conda 的 `ssl_verify false`、`--insecure-skip-tls-verify` 和 `--tls-verify=false`，以及环境变量 `NODE_TLS_REJECT_UNAUTHORIZED=0`、`GIT_SSL_NO_VERIFY`（任何值）、`PYTHONHTTPSVERIFY=0`、`NPM_CONFIG_STRICT_SSL=false`、`PIP_TRUSTED_HOST` 和 `GOINSECURE`，无论它们是用 `ENV` 设置、作为 `ARG` 的默认值，还是在 `RUN` 步骤中内联设置。' +
        '用 `ENV` 设置的这类变量还会留在镜像中，所以之后运行的应用也会跳过证书检查。' +
        '只是被打印出来的引号内文本中的词（`echo "never use curl -k"`）不会被报告。',
      remediation:
        '删除这个开关。如果之后构建失败，要修复原因而不是掩盖症状：安装 `ca-certificates`，或者把公司代理或私有 CA 的证书加入镜像（`COPY corp-ca.crt /usr/local/share/ca-certificates/`，然后 `update-ca-certificates`），并让各个工具使用它（`SSL_CERT_FILE`、`NODE_EXTRA_CA_CERTS`、`PIP_CERT`、`npm config set cafile`）。' +
        '对于只在构建时使用的 CA，通过 secret 或构建阶段提供，让它不留在最终镜像中。快速修复会在 `-k`、`--insecure` 和 `--no-check-certificate` 作为普通的独立选项出现时删除它们。',
    },
    references: [
      { title: 'curl manual: -k, --insecure', url: 'https://curl.se/docs/manpage.html#-k' },
      {
        title: 'GNU Wget manual: HTTPS (SSL/TLS) options',
        url: 'https://www.gnu.org/software/wget/manual/wget.html#HTTPS-_0028SSL_002fTLS_0029-Options',
      },
      { title: 'pip documentation: --trusted-host', url: 'https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host' },
      { title: 'npm config: strict-ssl', url: 'https://docs.npmjs.com/cli/using-npm/config#strict-ssl' },
      { title: 'git-config: http.sslVerify', url: 'https://git-scm.com/docs/git-config#Documentation/git-config.txt-httpsslVerify' },
      { title: 'Node.js: NODE_TLS_REJECT_UNAUTHORIZED', url: 'https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue' },
      {
        title: 'CIS Docker Benchmark 4.11: Ensure only verified packages are installed',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      checkov: [
        'CKV2_DOCKER_2',
        'CKV2_DOCKER_3',
        'CKV2_DOCKER_4',
        'CKV2_DOCKER_5',
        'CKV2_DOCKER_6',
        'CKV2_DOCKER_12',
        'CKV2_DOCKER_13',
        'CKV2_DOCKER_14',
        'CKV2_DOCKER_15',
        'CKV2_DOCKER_16',
        'CKV2_DOCKER_18',
      ],
      cis: ['4.11'],
    },
    bad: [
      {
        bad: 'FROM debian:bookworm-slim\nRUN curl -k https://example.com/tool.tar.gz -o /tmp/tool.tar.gz\n',
        fixed: 'FROM debian:bookworm-slim\nRUN curl https://example.com/tool.tar.gz -o /tmp/tool.tar.gz\n',
      },
      {
        bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl \\\n && curl -fsSL --insecure https://example.com/key.asc -o /etc/apt/keyrings/example.asc\n',
        fixed:
          'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl \\\n && curl -fsSL https://example.com/key.asc -o /etc/apt/keyrings/example.asc\n',
      },
      {
        bad: 'FROM alpine:3.20\nRUN wget --no-check-certificate -qO /tmp/app.zip https://example.com/app.zip\n',
        fixed: 'FROM alpine:3.20\nRUN wget -qO /tmp/app.zip https://example.com/app.zip\n',
      },
      {
        bad: 'FROM alpine:3.20\nRUN ["curl", "-k", "-o", "/tmp/x", "https://example.com/x"]\n',
        fixed: 'FROM alpine:3.20\nRUN ["curl", "-o", "/tmp/x", "https://example.com/x"]\n',
      },
      {
        bad: 'FROM alpine:3.20\nRUN curl -fsSLk https://example.com/install.sh -o /tmp/install.sh\n',
        fixed: 'FROM alpine:3.20\nRUN curl -fsSL https://example.com/install.sh -o /tmp/install.sh\n',
      },
      {
        bad: 'FROM python:3.12-slim\nRUN pip install --trusted-host pypi.internal.example.com --index-url http://pypi.internal.example.com/simple flask\n',
      },
      { bad: 'FROM node:20-slim\nRUN npm config set strict-ssl false && npm ci\n' },
      { bad: 'FROM node:20-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n' },
      { bad: 'FROM node:20-slim\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n' },
      { bad: 'FROM alpine/git:2.45.2\nRUN git config --global http.sslVerify false && git clone https://git.example.com/app.git\n' },
      { bad: 'FROM alpine/git:2.45.2\nENV GIT_SSL_NO_VERIFY=false\n' },
      { bad: 'FROM python:3.12-slim\nARG PYTHONHTTPSVERIFY=0\nRUN pip download flask\n' },
      { bad: 'FROM rockylinux:9\nRUN <<EOF\ncat >> /etc/yum.conf <<CONF\nsslverify=0\nCONF\ndnf install -y git\nEOF\n' },
    ],
    good: [
      'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/tool.tar.gz -o /tmp/tool.tar.gz\n',
      // -K reads a config file; k after an option that takes a value belongs to that value.
      'FROM debian:bookworm-slim\nRUN curl -K /etc/curl.conf https://example.com/ && curl -fsSLo k8s.tgz https://example.com/k8s.tgz\n',
      'FROM alpine:3.20\nRUN wget -qO- https://example.com/a.tgz | tar -xzkf - -C /opt\n',
      // Text that is only printed (a plain text search for "curl … -k" reports it).
      'FROM alpine:3.20\nRUN echo "never run curl -k or pip --trusted-host" > /etc/motd\n',
      'FROM node:20-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\nRUN npm config set strict-ssl true\n',
      'FROM alpine/git:2.45.2\nRUN git config --global http.sslVerify true\nARG GIT_SSL_NO_VERIFY\n',
      // Trusting a private CA is the fix, not the problem.
      // Only RUN steps fetch what goes into the image; a health check of the container's own self-signed endpoint does not.
      'FROM nginx:1.27\nHEALTHCHECK CMD curl -kfs https://localhost:8443/healthz || exit 1\n',
      'FROM node:20-slim\nCOPY corp-ca.crt /usr/local/share/ca-certificates/corp-ca.crt\nRUN update-ca-certificates\nENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-ca.crt\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    const seen = new Set<string>();
    const push = (h: Hit) => {
      const key = `${h.range.start.line}:${h.range.start.character}`;
      if (seen.has(key)) return;
      seen.add(key);
      hits.push(h);
    };

    for (const instr of model.instructions) {
      if (instr.keyword === 'ENV' || instr.keyword === 'ARG') {
        for (const pair of kvPairs(instr, model.escapeChar)) {
          const sw = envSwitch(pair.name);
          if (!sw || pair.value === undefined || !sw.off(pair.value)) continue;
          const stays =
            instr.keyword === 'ENV' ? '; set with ENV it stays in the image, so the application skips the checks at run time too' : '';
          const set = `${instr.keyword} ${pair.name}${pair.raw ? `=${pair.raw}` : ''}`;
          const staysZh = instr.keyword === 'ENV' ? '；它是用 ENV 设置的，会留在镜像中，所以应用在运行时也会跳过这些检查' : '';
          push({ range: pair.range, message: t(`${set} ${sw.what}${stays}.`, zh`${set}${sw.whatZh}${staysZh}。`) });
        }
      }
      if (!isRun(instr)) continue;
      for (const cmd of runCommands(model, instr)) checkCommand(model, cmd, push);
    }
    return hits;
  },
  // Reads each instruction on its own.
  'stage',
);

/** Programs whose arguments are text, not flags: `echo "never use curl -k"`. */
const PRINTERS = /^(echo|printf)$/;

function checkCommand(model: Parameters<typeof deleteWordEdit>[0], cmd: ScanCommand, push: (h: Hit) => void): void {
  const words = cmd.words;
  const p = programAt(words);
  const program = p?.name ?? '';

  // Inline variables: `NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci`, `export GIT_SSL_NO_VERIFY=1`.
  for (const w of words) {
    if (!w.value.includes('=')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(bare(w.value));
    if (!m) continue;
    const sw = envSwitch(m[1]);
    if (sw && sw.off(unquote(m[2])))
      push({
        range: innerRange(w),
        message: t(`${m[1]}=${unquote(m[2])} in this RUN step ${sw.what}.`, zh`这个 RUN 步骤中的${m[1]}=${unquote(m[2])}${sw.whatZh}。`),
      });
  }

  if (p && !PRINTERS.test(program)) {
    for (let i = p.index + 1; i < words.length; i++) {
      const w = words[i];
      const v = w.value;
      if (/^["']/.test(v)) continue; // quoted text is data, not a flag
      if (!v.startsWith('-')) continue; // every option below starts with a dash
      if (program === 'curl') {
        if (v === '-k' || v === '--insecure' || v === '--proxy-insecure') {
          const what =
            v === '--proxy-insecure'
              ? "--proxy-insecure: the proxy's TLS certificate is not verified"
              : `${v}${v === '-k' ? ' (--insecure)' : ' (-k)'}: TLS certificates are not verified`;
          const whatZh =
            v === '--proxy-insecure'
              ? '--proxy-insecure 运行：不校验代理的 TLS 证书'
              : `${v}${v === '-k' ? '（--insecure）' : '（-k）'}运行：不校验 TLS 证书`;
          push({
            range: innerRange(w),
            message: t(
              `curl runs with ${what}, so anyone on the network path can change what is downloaded.`,
              `curl 以 ${whatZh}，因此网络路径上的任何人都能篡改下载的内容。`,
            ),
            fixes: [removeFix(model, w, v, 'curl')],
          });
          continue;
        }
        const group = /^-([A-Za-z0-9#]+)$/.exec(v);
        if (group && group[1].includes('k')) {
          const letters = group[1];
          const k = letters.indexOf('k');
          if ([...letters.slice(0, k)].every((c) => CURL_NOARG.has(c))) {
            const r = innerRange(w);
            const exact = r.start.line === r.end.line && r.end.character - r.start.character === v.length && !w.exec;
            const fixes: RuleFix[] = [];
            if (exact) {
              const at = { line: r.start.line, character: r.start.character + 1 + k };
              fixes.push({
                title: t('Remove k (--insecure) so curl verifies certificates', '删除 k（--insecure），让 curl 校验证书'),
                edits: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, newText: '' }],
                safe: true,
              });
            }
            push({
              range: r,
              message: t(
                `curl runs with -k (--insecure, in ${v}): TLS certificates are not verified, so anyone on the network path can change what is downloaded.`,
                zh`curl 以 -k（--insecure，位于${v}中）运行：不校验 TLS 证书，因此网络路径上的任何人都能篡改下载的内容。`,
              ),
              fixes,
            });
          }
          continue;
        }
      }
      if (program === 'wget' && v === '--no-check-certificate') {
        push({
          range: innerRange(w),
          message: t(
            "wget runs with --no-check-certificate: the server's TLS certificate is not checked, so anyone on the network path can change what is downloaded.",
            'wget 以 --no-check-certificate 运行：不检查服务器的 TLS 证书，因此网络路径上的任何人都能篡改下载的内容。',
          ),
          fixes: [removeFix(model, w, v, 'wget')],
        });
        continue;
      }
      if (
        v === '--trusted-host' ||
        v.startsWith('--trusted-host=') ||
        v === '--allow-insecure-host' ||
        v.startsWith('--allow-insecure-host=')
      ) {
        const host = v.includes('=') ? v.slice(v.indexOf('=') + 1) : bare(words[i + 1]?.value ?? '');
        const flag = v.split('=')[0];
        const tool = /^(pip|python|py$)/.test(program) || program === '' ? 'pip' : program;
        push({
          range: innerRange(w),
          message: t(
            `${tool} runs with ${flag}${host ? ` ${host}` : ''}: that host is then accepted without a valid certificate, or over plain HTTP, so packages can be swapped in transit.`,
            zh`${tool}以${flag}${host ? ` ${host}` : ''}运行：此后即使该主机没有有效证书或使用明文 HTTP 也会被接受，因此软件包可能在传输途中被调包。`,
          ),
        });
        continue;
      }
      for (const f of OTHER_FLAGS) {
        if (!f.re.test(v) || (f.programs && !f.programs.test(program))) continue;
        push({
          range: innerRange(w),
          message: t(f.message(v, program || 'This command'), f.messageZh(v, program || '这条命令')),
          fixes: [removeFix(model, w, v, program || 'the command', program || '该命令')],
        });
      }
    }
  }

  // Settings in the command's text: git/npm/yarn/conda config, yum/dnf, APT, .curlrc, pip.conf.
  // These count in echo/printf too, since that is how config files are usually written.
  if (!words.some((w) => TEXT_KEYS.test(w.value))) return;
  const starts: number[] = [];
  let joined = '';
  for (const w of words) {
    starts.push(joined.length);
    joined += `${bare(w.value).replace(/\\(["'])/g, '$1')} `;
  }
  for (const pat of TEXT_PATTERNS) {
    const m = pat.re.exec(joined);
    if (!m) continue;
    const lead = /^[\s"']*/.exec(m[0])?.[0].length ?? 0;
    push({ range: matchRange(words, starts, m.index + lead, m.index + m[0].length), message: t(pat.message, pat.messageZh) });
  }
}
