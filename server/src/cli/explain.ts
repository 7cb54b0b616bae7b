// `containment explain <topic>`: the knowledge base's full text in the terminal, in English or
// Simplified Chinese, for what people type (rule ids and names, capabilities, namespaces, cgroup
// controls, Compose keys, `docker run` flags, security options). CLI layer: arguments, locale,
// terminal width and exit codes; the text comes from core/knowledge/concepts.

import { findConcept, langFromEnv, parseLang, renderText, suggest, type Lang } from '../core/knowledge/concepts';
import { inLocale, t } from '../core/types';
import { helpText } from './usage';

const EXIT_OK = 0;
const EXIT_USAGE = 2;

export interface Terminal {
  /** Standard output is a terminal: wrap to its width and embolden headings. */
  isTTY: boolean;
  columns?: number;
  env: Record<string, string | undefined>;
}

const processTerminal = (): Terminal => ({ isTTY: !!process.stdout.isTTY, columns: process.stdout.columns, env: process.env });

const USAGE = t(
  'explain needs a topic, e.g. `containment explain CT1001`, `containment explain CAP_SYS_ADMIN` or `containment explain pid namespace`',
  'explain 需要一个主题，例如 `containment explain CT1001`、`containment explain CAP_SYS_ADMIN` 或 `containment explain pid namespace`',
);

/**
 * Prints the explanation of a topic and returns the exit code: 0 when found, 2 for a missing or
 * unknown topic (with the closest topics on standard error) or a bad `--lang`.
 */
export function explainCommand(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  term: Terminal = processTerminal(),
): number {
  let lang: Lang | undefined;
  let color = term.isTTY && !term.env.NO_COLOR;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a === '--lang' ? argv[++i] : a.slice('--lang='.length);
      lang = v === undefined ? undefined : parseLang(v);
      if (!lang) {
        // Which language to say this in is what is wrong: English.
        err(`containment: --lang takes en or zh-CN${v === undefined ? '' : `, not "${v}"`}\n`);
        return EXIT_USAGE;
      }
    } else if (a === '--no-color') color = false;
    else if (a === '--color') color = true;
    // A flag is a topic too (`containment explain --pids-limit`): only our own options are options.
    else words.push(a);
  }
  const language = lang ?? langFromEnv(term.env);
  const topic = words.join(' ').trim();
  if (topic === '--help' || topic === '-h') {
    out(helpText(language, 'explain'));
    return EXIT_OK;
  }
  if (!topic) {
    err(`containment: ${inLocale(USAGE, language)}\n`);
    return EXIT_USAGE;
  }
  const doc = findConcept(topic, language);
  if (!doc) {
    const close = suggest(topic);
    const names = close.map((s) => (/^CT\d{4}$/.test(s.id) ? `${s.id} (${s.title.split(':')[0]})` : s.id));
    const text =
      names.length > 0
        ? t(`no topic "${topic}". Did you mean: ${names.join(', ')}?`, `没有主题“${topic}”。你要找的是不是：${names.join('、')}？`)
        : t(
            `no topic "${topic}". Run \`containment rules\` to list the rules, or try a capability (CAP_SYS_ADMIN), a namespace (pid namespace), a Compose key or a docker run flag.`,
            `没有主题“${topic}”。运行 \`containment rules\` 可以列出所有规则；也可以试试一项 capability（CAP_SYS_ADMIN）、一种 namespace（pid namespace）、一个 Compose 键或一个 docker run 选项。`,
          );
    err(`containment: ${inLocale(text, language)}\n`);
    return EXIT_USAGE;
  }
  // Piped output keeps each paragraph on one line, for other tools to wrap or search.
  const width = term.isTTY ? Math.min(Math.max(term.columns ?? 80, 40), 100) : Number.MAX_SAFE_INTEGER;
  out(renderText(doc, width, color ? (s) => `\x1b[1m${s}\x1b[22m` : undefined));
  return EXIT_OK;
}
