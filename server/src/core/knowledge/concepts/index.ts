// The knowledge base's entry point: isolation concepts in English and Simplified Chinese, looked up
// by what people type and rendered for the CLI, the editor and the docs (pure core layer).

import { findTopic } from './lookup';
import { topicDoc, type TopicDoc } from './render';
import type { Lang } from './types';
import { toLocale } from '../../types';

export * from './lookup';
export * from './render';
export * from './types';

/**
 * The full document for what someone typed (a concept id or alias, a capability, a namespace, a
 * Compose key or flag, a rule id or name), in a language; undefined when nothing matches (see
 * `suggest`).
 */
export function findConcept(query: string, lang: Lang = 'en'): TopicDoc | undefined {
  const topic = findTopic(query);
  return topic ? topicDoc(topic, lang) : undefined;
}

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
