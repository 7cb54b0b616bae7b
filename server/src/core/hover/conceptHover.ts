// Hover pieces from the knowledge base: a capability name under the cursor (a `CAP_*` word
// anywhere, or a bare name where a capability is expected) and a link from a setting to its
// concept (pure core layer).

import {
  capabilityHover,
  conceptForComposeKey,
  conceptForFlag,
  conceptLink,
  conceptUrl,
  findTopic,
  tr,
  type Lang,
} from '../knowledge/concepts';
import type { TextDoc } from '../text';
import type { Position, Range } from '../types';
import type { HoverResult } from './dockerfileHover';

/** The identifier-like word (letters, digits, `_`) at a position, with its range. */
export function wordAt(doc: TextDoc, pos: Position): { text: string; range: Range } | undefined {
  const line = doc.lineText(pos.line);
  const re = /[A-Za-z0-9_]+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const start = m.index;
    const end = start + m[0].length;
    if (pos.character >= start && pos.character <= end)
      return { text: m[0], range: { start: { line: pos.line, character: start }, end: { line: pos.line, character: end } } };
    if (start > pos.character) break;
  }
  return undefined;
}

/**
 * The explanation of the capability named at a position: any `CAP_*` word (`CAP_SYS_ADMIN`,
 * `cap_net_bind_service=+ep` in a RUN line), and, when `bare` says a capability is expected
 * there (a `cap_add` value, a `--cap-drop` argument), a name without the prefix (`SYS_ADMIN`).
 */
export function capabilityHoverAt(doc: TextDoc, pos: Position, lang: Lang, bare = false): HoverResult | undefined {
  const w = wordAt(doc, pos);
  if (!w || (!bare && !/^cap_/i.test(w.text))) return undefined;
  const markdown = capabilityHover(w.text, lang);
  return markdown ? { markdown, range: w.range } : undefined;
}

/** "Learn more" under a Compose key's or a flag's hover, when a concept explains it in full. */
export function settingConceptLink(from: 'compose' | 'flag', keys: string[], lang: Lang): string | undefined {
  for (const k of keys) {
    const c = from === 'compose' ? conceptForComposeKey(k) : conceptForFlag(k);
    if (c) return conceptLink(c, lang);
  }
  return undefined;
}

const FULL_TEXT = { en: 'Full explanation', 'zh-CN': '完整说明' } as const;

/**
 * A `security_opt` value (`seccomp:unconfined`, `label=type:spc_t`, `no-new-privileges:true`):
 * the concept of the option it sets, shortly, with a link to the full text.
 */
export function securityOptionHover(value: string, range: Range, lang: Lang): HoverResult | undefined {
  const topic = findTopic(value);
  if (topic?.kind !== 'concept') return undefined;
  const c = topic.concept;
  return {
    markdown: `**${tr(c.title, lang)}**\n\n${tr(c.summary, lang)}\n\n[${FULL_TEXT[lang]}](${conceptUrl(c.id, lang)})`,
    range,
  };
}
