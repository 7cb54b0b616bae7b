// `containment explain <topic>`: the knowledge base's full text in the terminal, in English or
// Simplified Chinese, for what people type (rule ids and names, capabilities, namespaces, cgroup
// controls, Compose keys, `docker run` flags, security options). CLI layer: arguments, locale,
// terminal width and exit codes; the text comes from core/knowledge/concepts.

import { findConcept, langFromEnv, parseLang, renderText, suggest, type Lang } from '../core/knowledge/concepts';

const EXIT_OK = 0;
const EXIT_USAGE = 2;

export interface Terminal {
  /** Standard output is a terminal: wrap to its width and embolden headings. */
  isTTY: boolean;
  columns?: number;
  env: Record<string, string | undefined>;
}

const processTerminal = (): Terminal => ({ isTTY: !!process.stdout.isTTY, columns: process.stdout.columns, env: process.env });

const USAGE =
  'containment: explain needs a topic, e.g. `containment explain CT1001`, `containment explain CAP_SYS_ADMIN` or `containment explain pid namespace`\n';

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
        err(`containment: --lang takes en or zh-CN${v === undefined ? '' : `, not "${v}"`}\n`);
        return EXIT_USAGE;
      }
    } else if (a === '--no-color') color = false;
    else if (a === '--color') color = true;
    // A flag is a topic too (`containment explain --pids-limit`): only our own options are options.
    else words.push(a);
  }
  const topic = words.join(' ').trim();
  if (!topic) {
    err(USAGE);
    return EXIT_USAGE;
  }
  const doc = findConcept(topic, lang ?? langFromEnv(term.env));
  if (!doc) {
    const close = suggest(topic);
    const names = close.map((s) => (/^CT\d{4}$/.test(s.id) ? `${s.id} (${s.title.split(':')[0]})` : s.id));
    err(
      `containment: no topic "${topic}".${names.length > 0 ? ` Did you mean: ${names.join(', ')}?` : ' Run `containment rules` to list the rules, or try a capability (CAP_SYS_ADMIN), a namespace (pid namespace), a Compose key or a docker run flag.'}\n`,
    );
    return EXIT_USAGE;
  }
  // Piped output keeps each paragraph on one line, for other tools to wrap or search.
  const width = term.isTTY ? Math.min(Math.max(term.columns ?? 80, 40), 100) : Number.MAX_SAFE_INTEGER;
  out(renderText(doc, width, color ? (s) => `\x1b[1m${s}\x1b[22m` : undefined));
  return EXIT_OK;
}
