// The CLI's usage text and the words of its errors, in English and Simplified Chinese (CLI layer):
// `containment --help` and each command's `--help`, argument errors, and what the CLI says about
// files it cannot read or write. Commands, options, values and placeholders in `<…|…>` stay as
// written; the language is `--lang`, else the terminal's locale (English when `--lang` is bad).

import { langFromEnv, parseLang } from '../core/knowledge/concepts/lang';
import { inLocale, t, type Locale, type Localized } from '../core/types';

/** Bad arguments: printed in the CLI's language after `containment: `, exit code 2. */
export class UsageError extends Error {
  readonly text: Localized;
  constructor(text: Localized) {
    super(text.en);
    this.name = 'UsageError';
    this.text = text;
  }
}

/**
 * The CLI's language before its options are read, so that errors in them are in it too: a
 * `--lang` anywhere (English when its value is not a language), else LC_ALL, LC_MESSAGES or LANG.
 */
export function cliLang(argv: string[], env: Record<string, string | undefined> = process.env): Locale {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') return (argv[i + 1] !== undefined && parseLang(argv[i + 1])) || 'en';
    if (a.startsWith('--lang=')) return parseLang(a.slice('--lang='.length)) ?? 'en';
  }
  return langFromEnv(env);
}

/** The words of the CLI's errors. */
export const say = {
  needsValue: (option: string) => t(`${option} needs a value`, `${option} 需要一个值`),
  unknownOption: (option: string) => t(`unknown option ${option}`, `未知的选项 ${option}`),
  unknownCommand: (command: string) => t(`unknown command "${command}"`, `未知的命令“${command}”`),
  unknownFormat: (v: string) => t(`unknown format "${v}" (text, json or sarif)`, `未知的格式“${v}”（可用 text、json 或 sarif）`),
  unknownSeverity: (v: string) =>
    t(`unknown severity "${v}" (info, warning or error)`, `未知的严重级别“${v}”（可用 info、warning 或 error）`),
  unknownLanguage: (v: string) => t(`unknown language "${v}" (en or zh-CN)`, `未知的语言“${v}”（可用 en 或 zh-CN）`),
  unknownEngine: (v: string) => t(`unknown engine "${v}" (docker or podman)`, `未知的引擎“${v}”（可用 docker 或 podman）`),
  timeoutSeconds: () => t('--timeout needs a number of seconds', '--timeout 需要一个以秒为单位的正数'),
  cannotReadConfig: (path: string, why: string) => t(`cannot read config ${path}: ${why}`, `无法读取配置文件 ${path}：${why}`),
  configProblems: (path: string) => t(`${path}:`, `${path} 中有问题：`),
  cannotRead: (path: string, why: string) => t(`cannot read ${path}: ${why}`, `无法读取 ${path}：${why}`),
  cannotReadFolder: (path: string, why: string) => t(`cannot read folder ${path}: ${why}`, `无法读取文件夹 ${path}：${why}`),
  noSuchPath: (path: string) => t(`no such file or folder: ${path}`, `没有这个文件或文件夹：${path}`),
  cannotWrite: (path: string, why: string) => t(`cannot write ${path}: ${why}`, `无法写入 ${path}：${why}`),
  noContainer: (ref: string) => t(`no container ${ref}`, `没有容器 ${ref}`),
  internalError: (stack: string) => t(`internal error: ${stack}`, `内部错误：${stack}`),
};

// --- help ----------------------------------------------------------------------------------------

/** Columns a string takes in a terminal: CJK characters and full-width punctuation take two. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

/** One row of a help table: what people type, and what it does (lines broken where they should be). */
type Row = [left: string | Localized, what: Localized];

/** Rows with the descriptions at column `col`; a left part too wide for it gets a line of its own. */
function table(rows: Row[], col: number, lang: Locale): string[] {
  const out: string[] = [];
  for (const [left, what] of rows) {
    const l = inLocale(left, lang);
    const lines = inLocale(what, lang).split('\n');
    if (width(l) <= col - 2) out.push(l + ' '.repeat(col - width(l)) + lines.shift());
    else out.push(l);
    for (const line of lines) out.push(' '.repeat(col) + line);
  }
  return out;
}

const COMMANDS: Record<'lint' | 'inspect' | 'explain' | 'rules' | 'help', Row> = {
  lint: [
    t('  lint [paths or globs…]', '  lint [路径或 glob…]'),
    t(
      'Lint Dockerfiles, Compose files, scripts and Markdown with docker run lines,\nseccomp profiles and daemon.json (folders are searched by file name; default: .)',
      '检查 Dockerfile、Compose 文件、含 docker run 命令的脚本和 Markdown、\nseccomp 配置文件和 daemon.json（文件夹按文件名搜索；默认：.）',
    ),
  ],
  inspect: [
    t('  inspect [names|ids…]', '  inspect [名称|ID…]'),
    t(
      'Report the isolation running containers really have (default: all running)',
      '报告运行中的容器实际得到的隔离（默认：所有运行中的容器）',
    ),
  ],
  explain: [
    t('  explain <topic>', '  explain <主题>'),
    t(
      'Explain a rule (CT1001, no-user), a capability (CAP_SYS_ADMIN), a namespace\n(pid namespace), a cgroup control, a Compose key or docker run flag\n(pids_limit, --pids-limit) or a security option (seccomp, userns-remap)',
      '解释一条规则（CT1001、no-user）、一项 capability（CAP_SYS_ADMIN）、一种 namespace\n（pid namespace）、一种 cgroup 控制、一个 Compose 键或 docker run 选项\n（pids_limit、--pids-limit），或一个安全选项（seccomp、userns-remap）',
    ),
  ],
  rules: ['  rules', t('List all rules', '列出所有规则')],
  help: ['  help', t('Show this help', '显示本帮助')],
};

/** The options `lint` and `inspect` share. */
const OUTPUT_OPTIONS: Row[] = [
  ['  -f, --format <text|json|sarif>', t('Output format (default: text)', '输出格式（默认：text）')],
  [
    '  -s, --severity <info|warning|error>',
    t(
      'Exit 1 when a finding at or above this severity exists (default: warning)',
      '存在这个严重级别或更高级别的问题时以 1 退出（默认：warning）',
    ),
  ],
  [
    t('  -c, --config <file>', '  -c, --config <文件>'),
    t(
      'Config file (default: the nearest .containment.yaml from the working folder up)',
      '配置文件（默认：从工作文件夹往上找到的最近的 .containment.yaml）',
    ),
  ],
  [
    t('  -o, --output <file>', '  -o, --output <文件>'),
    t('Write the report to a file instead of standard output', '把报告写入文件，而不是标准输出'),
  ],
  ['      --no-color', t('Plain text even on a terminal', '即使在终端中也输出纯文本')],
  [
    '      --lang <en|zh-CN>',
    t('Language of messages (default: from LC_ALL, LC_MESSAGES or LANG)', '消息的语言（默认：取自 LC_ALL、LC_MESSAGES 或 LANG）'),
  ],
];

const VERSION_OPTION: Row = ['  -v, --version', t('Print the version', '显示版本号')];

const INSPECT_OPTIONS: Row[] = [
  ['  -a, --all', t('Include stopped containers', '包括已停止的容器')],
  [
    '      --engine <docker|podman>',
    t(
      'The engine CLI to use (default: docker; the Engine API socket when no CLI is installed)',
      '使用的引擎 CLI（默认：docker；没有安装 CLI 时使用 Engine API 套接字）',
    ),
  ],
  [t('      --engine-path <path>', '      --engine-path <路径>'), t('The CLI binary to run', '要运行的 CLI 程序')],
  [
    t('  -H, --host <url>', '  -H, --host <URL>'),
    t(
      'The engine endpoint, as DOCKER_HOST (default: DOCKER_HOST, then the docker context)',
      '引擎的端点，写法同 DOCKER_HOST（默认：DOCKER_HOST，其次是 docker context）',
    ),
  ],
  [
    '      --probe-exec',
    t(
      'When the engine is on another host, read /proc/1/status inside each\ncontainer with docker exec (runs a command in the container)',
      '引擎在另一台主机上时，用 docker exec 在每个容器内读取 /proc/1/status\n（会在容器中运行一条命令）',
    ),
  ],
  [t('      --timeout <seconds>', '      --timeout <秒数>'), t('Per engine call (default: 15)', '每次调用引擎的时限（默认：15）')],
];

const EXPLAIN_LANG: Row = [
  '      --lang <en|zh-CN>',
  t('Language (default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh-CN)', '语言（默认：取自 LC_ALL、LC_MESSAGES 或 LANG；zh_* 即 zh-CN）'),
];

const EXIT_CODES = t(
  'Exit codes: 0 no finding at or above the threshold, 1 findings, 2 usage, I/O or engine error.',
  '退出码：0 表示没有达到阈值的问题，1 表示有问题，2 表示用法、I/O 或引擎错误。',
);

/** `containment --help`, or one command's `--help`, in a language. */
export function helpText(lang: Locale, command?: 'lint' | 'inspect' | 'explain' | 'rules'): string {
  const s = (text: Localized) => inLocale(text, lang);
  const OPTIONS_COL = 35;
  let lines: string[];
  switch (command) {
    case 'lint':
      lines = [
        s(t('Usage: containment lint [paths or globs…] [options]', '用法：containment lint [路径或 glob…] [选项]')),
        '',
        s(COMMANDS.lint[1]),
        '',
        s(t('Options:', '选项：')),
        ...table(OUTPUT_OPTIONS, OPTIONS_COL, lang),
        '',
        s(EXIT_CODES),
      ];
      break;
    case 'inspect':
      lines = [
        s(t('Usage: containment inspect [names|ids…] [options]', '用法：containment inspect [名称|ID…] [选项]')),
        '',
        s(COMMANDS.inspect[1]),
        '',
        s(t('Options:', '选项：')),
        ...table([...INSPECT_OPTIONS, ...OUTPUT_OPTIONS], OPTIONS_COL, lang),
        '',
        s(EXIT_CODES),
      ];
      break;
    case 'explain':
      lines = [
        s(t('Usage: containment explain <topic> [options]', '用法：containment explain <主题> [选项]')),
        '',
        s(COMMANDS.explain[1]),
        '',
        s(t('Options:', '选项：')),
        ...table([EXPLAIN_LANG, OUTPUT_OPTIONS[4]], OPTIONS_COL, lang),
        '',
        s(t('Exit codes: 0 explained, 2 no such topic or a bad option.', '退出码：0 表示已解释，2 表示没有这个主题或选项有误。')),
      ];
      break;
    case 'rules':
      lines = [
        s(t('Usage: containment rules [options]', '用法：containment rules [选项]')),
        '',
        s(t('Lists every rule: its id, name, default severity and title.', '列出每条规则：ID、名称、默认严重级别和标题。')),
        '',
        s(t('Options:', '选项：')),
        ...table([OUTPUT_OPTIONS[5]], OPTIONS_COL, lang),
      ];
      break;
    default:
      lines = [
        s(t('Usage: containment <command> [options]', '用法：containment <命令> [选项]')),
        '',
        s(t('Commands:', '命令：')),
        ...table(Object.values(COMMANDS), 27, lang),
        '',
        s(t('Options for lint:', 'lint 的选项：')),
        ...table([...OUTPUT_OPTIONS, VERSION_OPTION], OPTIONS_COL, lang),
        '',
        s(
          t(
            'Options for inspect (also -f, -s, -c, -o, --no-color, --lang):',
            'inspect 的选项（另有 -f、-s、-c、-o、--no-color、--lang）：',
          ),
        ),
        ...table(INSPECT_OPTIONS, OPTIONS_COL, lang),
        '',
        s(t('Options for explain:', 'explain 的选项：')),
        ...table([EXPLAIN_LANG], OPTIONS_COL, lang),
        '',
        s(EXIT_CODES),
      ];
  }
  return lines.join('\n') + '\n';
}
