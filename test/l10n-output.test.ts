// Simplified Chinese coverage of what is not a rule: the seccomp comparison with Docker's default,
// `containment inspect`'s text report, and the input problems of the Compose and `docker run`
// parsers. Under zh-CN no text may be the English one, and none may hold English prose outside
// code spans, commands and technical names. The bar is zero gaps; failures list each gap.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../server/src/core/analyze';
import { DOCKER_DEFAULT_PROFILE_TEXT } from '../server/src/core/knowledge/seccomp';
import { parseCompose } from '../server/src/core/parse/compose';
import { parseDockerRuns } from '../server/src/core/parse/dockerRun';
import { parseSeccomp } from '../server/src/core/parse/seccomp';
import { yamlErrorZh } from '../server/src/core/parse/compose/yamlErrors';
import { compareMarkdown } from '../server/src/core/seccompCompare';
import type { Locale } from '../server/src/core/types';
import { inspectText, type InspectOutput } from '../server/src/cli/inspectFormats';
import { inspectContainers } from '../server/src/engine/inspect';
import { snapshotFs } from '../server/src/engine/proc';
import type { RawContainer, RawImage, RawInfo } from '../server/src/engine/raw';
import { seccompCompare, seccompDefault } from '../server/src/lsp/seccomp';
import { FakeClient, fixture, LOCAL_DOCKER, REMOTE_DOCKER, snapshot } from './engine/fakeClient';
import { messageOf, startServer, type TestClient } from './lsp/harness';
import { CJK, gapsOf, TERMS } from './helpers/l10nGaps';

// --- the seccomp comparison ------------------------------------------------------------------

const PROFILES: Record<string, string> = {
  'docker-default.json': DOCKER_DEFAULT_PROFILE_TEXT,
  'allow-list.json': JSON.stringify({
    defaultAction: 'SCMP_ACT_ERRNO',
    defaultErrnoRet: 38,
    syscalls: [
      { names: ['read', 'write', 'mount', 'clone', 'unshare'], action: 'SCMP_ACT_ALLOW' },
      { names: ['personality'], action: 'SCMP_ACT_ALLOW', args: [{ index: 0, value: 8, op: 'SCMP_CMP_EQ' }] },
      { names: ['bpf'], action: 'SCMP_ACT_ALLOW', args: [{ index: 0, value: 0, op: 'SCMP_CMP_EQ' }] },
    ],
  }),
  'deny-list.json': JSON.stringify({
    defaultAction: 'SCMP_ACT_ALLOW',
    archMap: [{ architecture: 'SCMP_ARCH_AARCH64', subArchitectures: ['SCMP_ARCH_ARM'] }],
    syscalls: [{ names: ['chmod', 'fchmod'], action: 'SCMP_ACT_ERRNO' }],
  }),
  'no-default.json': JSON.stringify({ syscalls: [{ names: ['read'], action: 'SCMP_ACT_ALLOW' }] }),
};

/** The lines of a comparison that are prose (headings, paragraphs, table headers and descriptions). */
function proseLines(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\|[ -|]+\|$/.test(l) && !/^(`[^`]+`[,、 ]*)+$/.test(l))
    .map((l) => (l.startsWith('| `') ? l.split(' | ').slice(2).join(' | ') : l));
}

describe('the seccomp comparison in Simplified Chinese', () => {
  test('every heading, paragraph and table cell of the comparison is Chinese (zero gaps)', () => {
    const gaps: string[] = [];
    for (const [name, text] of Object.entries(PROFILES)) {
      const model = parseSeccomp(text);
      const en = new Set(proseLines(compareMarkdown(model, name, 'en')));
      for (const line of new Set(proseLines(compareMarkdown(model, name, 'zh-CN')))) {
        gapsOf(name, line, en.has(line) ? line : undefined, gaps);
      }
    }
    const notProfile = seccompCompare({ text: '{"a": 1}', fileName: 'a.json' }, 'zh-CN');
    for (const line of proseLines(notProfile.markdown)) if (line !== '# a.json') gapsOf('not a profile', line, undefined, gaps);
    gapsOf('default profile source', seccompDefault('zh-CN').source, seccompDefault().source, gaps);
    assert.deepEqual(gaps, [], `${gaps.length} gaps`);
  });

  test('says what it compares, per host, with counts and Docker’s rule for each call', () => {
    const md = compareMarkdown(parseSeccomp(PROFILES['allow-list.json']), 'p.json', 'zh-CN');
    assert.match(md, /^# p\.json 与 Docker 默认 seccomp 配置文件的比较\n/);
    assert.match(
      md,
      /默认动作：此处为 \*\*SCMP_ACT_ERRNO\*\*（errno 38）；Docker 的默认配置文件为 \*\*SCMP_ACT_ERRNO\*\*（errno 1，EPERM）。/,
    );
    assert.match(md, /^## x86-64 主机（SCMP_ARCH_X86_64、SCMP_ARCH_X86、SCMP_ARCH_X32）$/m);
    assert.match(md, /^### 此处允许、Docker 默认拒绝（\d+）$/m);
    assert.match(md, /^\| 系统调用 \| 在此配置文件中的位置 \| Docker 的默认配置文件 \|$/m);
    assert.match(md, /^\| `mount` \| syscalls\[0\] \| Docker 的默认配置文件只在以下情况允许 `mount`：/m);
    assert.match(md, /^\| `bpf` \| syscalls\[2\]（仅部分参数） \|/m);
    assert.match(md, /^### 此处拒绝、Docker 默认允许（\d+）$/m);
    // The same document in English is unchanged by the translation.
    const en = compareMarkdown(parseSeccomp(PROFILES['allow-list.json']), 'p.json');
    assert.match(en, /^# p\.json compared with Docker's default seccomp profile\n/);
    assert.match(en, /^\| `bpf` \| for some arguments, syscalls\[2\] \|/m);
    assert.equal(compareMarkdown(parseSeccomp(PROFILES['allow-list.json']), 'p.json', 'en'), en);
  });
});

// --- containment inspect ---------------------------------------------------------------------

interface Case {
  inspect: string;
  info: string;
  proc?: string;
  image?: string;
  remote?: boolean;
  /** Read /proc/1/status with docker exec (--probe-exec), from this snapshot. */
  exec?: string;
}

/** Every recorded engine, with the /proc snapshots where there are some. */
const CASES: Case[] = [
  { inspect: 'docker20-cgroup1-web.inspect.json', info: 'docker20-cgroup1.info.json', proc: 'docker20-cgroup1-web.proc.json' },
  { inspect: 'docker20-cgroup1-web.inspect.json', info: 'docker20-cgroup1.info.json', remote: true },
  {
    inspect: 'docker20-cgroup1-web.inspect.json',
    info: 'docker20-cgroup1.info.json',
    remote: true,
    exec: 'docker20-cgroup1-web.proc.json',
  },
  { inspect: 'docker20-cgroup1-web.inspect.json', info: 'docker20-cgroup1.info.json', image: 'ctm-busybox.image.json' },
  { inspect: 'cgroup2-worker.inspect.json', info: 'ubuntu-apparmor-cgroup2.info.json', proc: 'cgroup2-worker.proc.json' },
  { inspect: 'privileged.inspect.json', info: 'ubuntu-apparmor-cgroup2.info.json' },
  { inspect: 'apparmor-default.inspect.json', info: 'ubuntu-apparmor-cgroup2.info.json' },
  { inspect: 'apparmor-unconfined.inspect.json', info: 'ubuntu-apparmor-cgroup2.info.json' },
  { inspect: 'selinux-confined.inspect.json', info: 'fedora-selinux.info.json' },
  { inspect: 'selinux-disabled.inspect.json', info: 'rootless.info.json' },
  { inspect: 'custom-seccomp.inspect.json', info: 'docker20-cgroup1.info.json' },
  { inspect: 'podman4-rootless-web.inspect.json', info: 'podman4-rootless.info.json' },
  { inspect: 'privileged.inspect.json', info: 'userns-remap.info.json' },
];

async function inspectOutput(c: Case, locale: Locale, missing: string[] = []): Promise<InspectOutput> {
  const containers = fixture<RawContainer[]>(c.inspect);
  const images = new Map<string, RawImage>();
  if (c.image) images.set(containers[0].Image ?? '', fixture<RawImage[]>(c.image)[0]);
  const exec = c.exec ? snapshot(c.exec).files['/proc/4242/status'] : undefined;
  const client = new FakeClient(c.remote ? REMOTE_DOCKER : LOCAL_DOCKER, fixture<RawInfo>(c.info), containers, images, exec);
  const o = await inspectContainers(client, [containers[0].Id, ...missing], {
    fs: snapshotFs(c.proc ? snapshot(c.proc) : { files: {}, links: {} }),
    assumeLocal: !c.remote,
    probeExec: !!exec,
    locale,
  });
  return { engine: o.engine, reports: o.reports, notes: o.notes, missing: o.missing };
}

/** The lines of the text report a person reads, without the data lines (names, ids, commands). */
function reportLines(text: string): { line: string; finding: boolean }[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\S+ {2}\(/.test(l))
    .map((l) => ({ line: l.replace(/^( *自己查看：).*/, '$1'), finding: /^ {4}(error|warning|info) +CT\d{4}/.test(l) }));
}

describe('containment inspect in Simplified Chinese', () => {
  test('every heading, label, value word and note of the text report is Chinese (zero gaps)', async () => {
    const gaps: string[] = [];
    for (const c of CASES) {
      const where = `${c.inspect} on ${c.info}${c.remote ? ' (remote)' : ''}`;
      const enText = inspectText(await inspectOutput(c, 'en', ['gone']), false, 'en');
      const zhOut = await inspectOutput(c, 'zh-CN', ['gone']);
      const zhText = inspectText(zhOut, false, 'zh-CN');
      const data = dataOf(zhOut);
      for (const { line, finding } of reportLines(zhText)) {
        // Findings are the rules' messages (test/l10n.test.ts covers their wording): they must be Chinese.
        if (finding) {
          if (!CJK.test(line)) gaps.push(`${where}: finding not in Chinese: ${line.trim().slice(0, 100)}`);
          continue;
        }
        // A table row is read cell by cell: a cell of data or technical names may stay as written.
        for (const cell of line.trim().split(/ {2,}/)) {
          const word = /[A-Za-z]{2,}/.exec(englishlessCell(withoutData(cell, data)))?.[0];
          if (word) gaps.push(`${where}: English "${word}" in: ${cell}`);
        }
      }
      assert.ok(!CJK.test(enText), `${where}: Chinese in the English report`);
    }
    assert.deepEqual(gaps, [], `${gaps.length} gaps`);
  });

  test('the report reads in Chinese and keeps its data; English is unchanged', async () => {
    const c = CASES[0];
    const zh = inspectText(await inspectOutput(c, 'zh-CN', ['gone']), false, 'zh-CN');
    assert.match(
      zh,
      /^引擎：docker 20\.10\.24\+dfsg1，通过 CLI \/usr\/bin\/docker，位于 unix:\/\/\/var\/run\/docker\.sock；cgroup v1；安全机制：seccomp$/m,
    );
    assert.match(zh, /^ {2}内核视图：从 \/proc 读取（同一主机）：本地套接字，且 \/proc\/4242\/cgroup 中有该容器的 ID$/m);
    assert.match(zh, /^ {4}namespace +模式 +与宿主机共享 +判定依据$/m);
    assert.match(zh, /^ {4}用户 +（默认） +是 +inode \d+ = 本进程的$/m);
    assert.match(zh, /^ {4}seccomp +过滤（Seccomp: 2），配置文件：Docker 默认$/m);
    assert.match(zh, /^ {4}进程数（pids） +无限制 +1 +cgroup 文件 pids\.max$/m);
    assert.match(zh, /^ {2}备注：在 cgroup v1 主机上，使用宿主机的 cgroup namespace 是 Docker 的默认设置/m);
    assert.match(zh, /^没有容器 gone：它不存在，或已被删除。$/m);
    assert.match(zh, /^1 个容器中共发现 \d+ 个问题（\d+ 个错误，\d+ 个警告，\d+ 个提示）。$/m);
    // Columns line up in a terminal: a CJK character takes two columns.
    const header = /^ {4}namespace +模式 +/m.exec(zh)![0];
    const row = /^ {4}PID +（默认） +/m.exec(zh)![0];
    const cols = (s: string) => [...s].reduce((n, ch) => n + (CJK.test(ch) || /[\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    assert.equal(cols(row), cols(header));

    const en = inspectText(await inspectOutput(c, 'en', ['gone']), false);
    assert.match(
      en,
      /^Engine: docker 20\.10\.24\+dfsg1 via CLI \/usr\/bin\/docker at unix:\/\/\/var\/run\/docker\.sock; cgroup v1; security: seccomp$/m,
    );
    assert.match(en, /^ {2}Namespaces\n {4}namespace +mode +shared with host +how$/m);
    assert.match(en, /^ {4}memory +64 MiB +1\.0 MiB +cgroup memory\.limit_in_bytes$/m);
    assert.match(en, /^No container gone: it does not exist, or it was removed\.$/m);
    assert.ok(!CJK.test(en), 'no Chinese in the English report');
  });

  test('the JSON report keeps its keys and enumerated values; its texts for people follow the locale', async () => {
    const en = (await inspectOutput(CASES[1], 'en')).reports[0];
    const zh = (await inspectOutput(CASES[1], 'zh-CN')).reports[0];
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    assert.equal(zh.seccomp.state, en.seccomp.state);
    assert.deepEqual(
      zh.namespaces.map((n) => [n.name, n.mode, n.sharedWithHost]),
      en.namespaces.map((n) => [n.name, n.mode, n.sharedWithHost]),
    );
    assert.match(zh.kernel.how, /^引擎位于 ssh:\/\/deploy@build-01\.example\.internal，不是本地套接字/);
    assert.equal(zh.namespaces.find((n) => n.name === 'net')?.label, '网络');
    assert.ok(zh.notes.some((n) => /--probe-exec/.test(n) && CJK.test(n)));
  });
});

/** What the engine said, shown as it is: modes, names, volumes, profiles. */
function dataOf(o: InspectOutput): Set<string> {
  const out = new Set<string>();
  for (const r of o.reports) {
    for (const n of r.namespaces) out.add(n.mode);
    for (const m of r.mounts) [m.type, m.source, m.destination].forEach((x) => out.add(x));
    [r.name, r.image, r.state, r.user.configured, r.lsm.apparmor.profile ?? '', r.lsm.selinux.label ?? ''].forEach((x) => out.add(x));
  }
  for (const m of o.missing) out.add(m);
  out.delete('');
  return out;
}

/** A cell without the engine's data in it. */
function withoutData(cell: string, data: Set<string>): string {
  let out = cell;
  for (const d of [...data].sort((a, b) => b.length - a.length)) out = out.split(d).join(' ');
  return out;
}

/** A cell without what may stay as written (code, paths, terms). */
function englishlessCell(cell: string): string {
  return cell
    .replace(/`[^`]*`/g, '')
    .replace(/(^|[\s（(，])--?[a-z][\w-]*/g, '$1 ')
    .replace(/\S*[/\\0-9=_.:@$*&|]\S*/g, '')
    .replace(TERMS, '');
}

// --- parser problems: Compose and docker run ----------------------------------------------------

/** Broken Compose files: YAML syntax the yaml package refuses, and shapes Compose refuses. */
const BROKEN_COMPOSE: Record<string, string> = {
  'tab indentation': 'services:\n\tweb:\n\t\timage: nginx\n',
  'unclosed double quote': 'services:\n  web:\n    image: "nginx\n',
  'unclosed single quote': "services:\n  web:\n    image: 'nginx\n",
  'bad indentation': 'services:\n  web:\n    image: nginx\n   user: root\n',
  'duplicate key': 'services:\n  web:\n    image: nginx\n    image: alpine\n',
  'multi-line implicit key': 'services:\n  web\n  x: 1\n',
  'missing comma in flow': 'services:\n  web:\n    cap_add: [NET_ADMIN SYS_ADMIN\n',
  'invalid escape': 'services:\n  web:\n    image: "ng\\qinx"\n',
  'two anchors': 'x: &a &b 1\nservices:\n  web:\n    image: nginx\n',
  'plain value starting with @': 'services:\n  web:\n    image: @nginx\n',
  'unclosed flow mapping': 'services:\n  web: {image: nginx\n',
  'unclosed flow sequence': 'services:\n  web:\n    cap_add: [NET_ADMIN\n',
  'mapping items out of line': 'services:\n  web:\n    image: nginx\n  - x: 1\n   user: root\n',
  'stray closing brace': 'services: {web: {image: nginx}}}\n',
  'scalar after a quoted value': 'services:\n  web:\n    image: "nginx"x\n',
  'block scalar header': 'services:\n  web:\n    command: |x\n      run\n',
  'empty alias': 'services:\n  web: *\n',
  'sequence on the key line': 'services:\n  web: - x\n',
  'sequence in a mapping': 'services:\n  web:\n    image: nginx\n  - x\n',
  'alias without an anchor': 'services:\n  web: *base\n',
  'alias inside itself': 'services:\n  web: &w\n    extends: *w\n',
  'alias bomb':
    'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n' +
    ['b', 'c', 'd', 'e', 'f'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdef'[i]}`).join(',')}]`).join('\n') +
    '\nservices:\n  web:\n    image: nginx\n',
  'a list at the top': '- web\n- db\n',
  'services as a list': 'services:\n  - web\n',
  'a service as a value': 'services:\n  web: nginx\n',
};

/** Broken shell scripts and Markdown: every way the shell lexer stops early, and a comment ending a command. */
const BROKEN_RUN: Record<string, { text: string; kind: 'shell' | 'markdown' }> = {
  'double quote': { text: 'docker run -e "A=1 nginx\n', kind: 'shell' },
  'single quote': { text: "docker run -e 'A=1 nginx\n", kind: 'shell' },
  "$' quote": { text: "docker run -e $'A=1 nginx\n", kind: 'shell' },
  'command substitution': { text: 'docker run -e A=$(date nginx\n', kind: 'shell' },
  arithmetic: { text: 'docker run -e A=$((1 + 2 nginx\n', kind: 'shell' },
  'parameter expansion': { text: 'docker run -e A=${B nginx\n', kind: 'shell' },
  backtick: { text: 'docker run -e A=`date nginx\n', kind: 'shell' },
  'process substitution': { text: 'docker run --env-file <(env nginx\n', kind: 'shell' },
  'in a Markdown block': { text: '```bash\ndocker run -e "A=1 nginx\n```\n', kind: 'markdown' },
  'a comment ends the command': { text: 'docker run --rm \\\n  # the user\n  --user 1000 nginx\n', kind: 'shell' },
  'a comment ends a podman command': { text: 'podman run --rm \\\n  # the user\n  --user 1000 nginx\n', kind: 'shell' },
  'a comment ends a compose run': { text: 'docker compose run --rm \\\n  # the user\n  --user 1000 web\n', kind: 'shell' },
};

function problemsOf(run: (locale: Locale) => { problems: { message: string }[] }): { en: string[]; zh: string[] } {
  return { en: run('en').problems.map((p) => p.message), zh: run('zh-CN').problems.map((p) => p.message) };
}

describe('Compose and docker run parser problems in Simplified Chinese', () => {
  test('every input problem of a broken Compose file or docker run line is Chinese (zero gaps)', () => {
    const gaps: string[] = [];
    const check = (where: string, { en, zh }: { en: string[]; zh: string[] }) => {
      if (zh.length === 0) gaps.push(`${where}: no problem reported (the test input is not broken)`);
      assert.equal(zh.length, en.length, where);
      zh.forEach((m, i) => gapsOf(where, m, en[i], gaps));
    };
    for (const [name, text] of Object.entries(BROKEN_COMPOSE))
      check(
        `compose, ${name}`,
        problemsOf((l) => parseCompose(text, undefined, l)),
      );
    for (const [name, { text, kind }] of Object.entries(BROKEN_RUN))
      check(
        `${kind}, ${name}`,
        problemsOf((l) => parseDockerRuns(text, kind, l)),
      );
    assert.deepEqual(gaps, [], `${gaps.length} gaps`);
  });

  test('analyze() reports them as CT0002 in the analysis locale', () => {
    const zh = analyze('compose.yaml', BROKEN_COMPOSE['a list at the top'], { locale: 'zh-CN' })!;
    assert.deepEqual(
      zh.findings.filter((f) => f.ruleId === 'CT0002').map((f) => f.message),
      ['Containment 无法读取这个 Compose 文件：它的顶层应该是由 `services:` 这样的键组成的映射，而不是列表或单个值。'],
    );
    const en = analyze('compose.yaml', BROKEN_COMPOSE['a list at the top'])!;
    assert.deepEqual(
      en.findings.filter((f) => f.ruleId === 'CT0002').map((f) => f.message),
      [
        'Containment could not read this Compose file: its top level should be a mapping of keys such as `services:`, not a list or a single value.',
      ],
    );
    const run = analyze('run.sh', BROKEN_RUN['double quote'].text, { locale: 'zh-CN' })!;
    assert.deepEqual(
      run.findings.filter((f) => f.ruleId === 'CT0002').map((f) => f.message),
      ['未闭合的双引号 "：直到脚本结束它都没有闭合，因此 Containment 只读取了这条命令到此为止的部分。'],
    );
    const md = analyze('README.md', BROKEN_RUN['a comment ends the command'].text.replace(/^/, '```sh\n') + '```\n', { locale: 'zh-CN' })!;
    assert.ok(
      md.findings.some(
        (f) =>
          f.message ===
          '这条注释结束了 `docker run` 命令：shell 不会越过注释继续一条命令，因此下面几行的选项不会传给 docker。请把注释移到命令上方。',
      ),
      md.findings.map((f) => f.message).join('\n'),
    );
  });

  test('yaml syntax errors: translated by wording, else by code, never left in English', () => {
    assert.equal(yamlErrorZh('MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line'), '隐式键必须写在同一行上');
    assert.equal(yamlErrorZh('BAD_DQ_ESCAPE', 'Invalid escape sequence \\q'), '无效的转义序列 \\q');
    assert.equal(yamlErrorZh('BAD_INDENT', 'A wording a later yaml version may use'), '缩进不正确');
    assert.equal(yamlErrorZh(undefined, 'Anything'), 'YAML 语法错误');
    const [tab] = problemsOf((l) => parseCompose(BROKEN_COMPOSE['tab indentation'], undefined, l)).zh;
    assert.match(tab, /^Containment 无法读取这个 Compose 文件：\S/);
  });
});

// --- over LSP: the server's locale comes from the client -----------------------------------------

describe('seccomp comparison and parser problems over LSP in Simplified Chinese', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'containment-lsp-l10n-'));
    client = await startServer({ workspaceFolder: dir, initializationOptions: { settings: {}, locale: 'zh-cn' } });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('containment/seccomp.compare and .default answer in the client’s language', async () => {
    const r = await client.rpc.sendRequest<{ isProfile: boolean; markdown: string }>('containment/seccomp.compare', {
      text: PROFILES['allow-list.json'],
      fileName: 'p.json',
    });
    assert.equal(r.isProfile, true);
    assert.match(r.markdown, /^# p\.json 与 Docker 默认 seccomp 配置文件的比较/);
    const d = await client.rpc.sendRequest<{ source: string }>('containment/seccomp.default');
    assert.match(d.source, CJK);
  });

  test('a broken Compose file’s diagnostics are in Chinese', async () => {
    const uri = pathToFileURL(join(dir, 'compose.yaml')).href;
    const diags = await client.open(uri, BROKEN_COMPOSE['a service as a value'], 'dockercompose');
    const problem = diags.find((d) => d.code === 'CT0002');
    assert.equal(problem && messageOf(problem), 'Containment 无法读取这个 Compose 文件：服务 "web" 应该是由设置组成的映射。');
    await client.close(uri);
  });
});
