// Which language to explain in, from a VS Code display language, the terminal's locale variables
// or a `--lang` value (pure core layer). Apart from the knowledge base's data so that commands that
// only need the language (containment lint) do not load the whole knowledge base.

import type { Lang } from './types';
import { toLocale } from '../../types';

/**
 * The language for a VS Code display language (`vscode.env.language`): `zh-cn`, `zh-hans` (and a
 * bare `zh`) are Simplified Chinese; anything else, Traditional Chinese included, is English.
 */
export function langFromLocale(locale: string | undefined): Lang {
  return toLocale(locale?.trim());
}

/**
 * The language for a terminal, from POSIX locale variables in their order of precedence
 * (LC_ALL, then LC_MESSAGES, then LANG): any `zh_*` locale is Simplified Chinese.
 */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh(?:[_.@-]|$)/i.test(locale) ? 'zh-CN' : 'en';
}

/** `--lang` values: `en`, `zh-CN` in any case, `zh`, `zh_CN`, `zh-Hans`. */
export function parseLang(value: string): Lang | undefined {
  const v = value.trim().toLowerCase().replace(/_/g, '-');
  if (v === 'en' || v.startsWith('en-')) return 'en';
  if (v === 'zh' || v === 'zh-cn' || v === 'zh-hans' || v === 'zh-sg') return 'zh-CN';
  return undefined;
}
