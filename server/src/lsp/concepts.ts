// Custom requests behind "Containment: Explain…": the list of topics (concepts, rules, system calls) and one
// topic's full text as Markdown, in the language the client asked for at start-up (adapter layer).

import type { Connection } from 'vscode-languageserver/node';
import { ALL_RULES } from '../core/rules/registry';
import { syscallNames, syscallPurpose } from '../core/knowledge/seccomp';
import {
  ALL_CONCEPTS,
  findConcept,
  kindLabel,
  normalizeTopic,
  parseLang,
  renderMarkdown,
  tr,
  type ConceptKind,
  type Lang,
} from '../core/knowledge/concepts';

export interface ConceptListItem {
  /** What `containment/concepts.get` takes: a concept id, a rule id or a system call name. */
  id: string;
  kind: ConceptKind | 'rule' | 'syscall';
  /** The kind as a heading, in the list's language. */
  kindLabel: string;
  title: string;
  summary: string;
  /** Words to match in a quick pick besides the title (aliases, Compose keys, flags, rule name). */
  keywords: string[];
}

export interface ConceptDocument {
  id: string;
  title: string;
  markdown: string;
}

/** Spellings for matching, without the variants that differ only in `_`, `-` or spaces (`pid-namespace`, `pid_namespace`). */
function keywords(words: string[]): string[] {
  const seen = new Set<string>();
  return words.filter((w) => {
    const k = normalizeTopic(w);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A language a request asks for, else the server's. */
const langOf = (p: { lang?: unknown } | undefined, fallback: Lang): Lang =>
  (typeof p?.lang === 'string' ? parseLang(p.lang) : undefined) ?? fallback;

export function conceptList(lang: Lang): ConceptListItem[] {
  return [
    ...ALL_CONCEPTS.map((c) => ({
      id: c.id,
      kind: c.kind,
      kindLabel: kindLabel(c.kind, lang),
      title: tr(c.title, lang),
      summary: tr(c.summary, lang),
      keywords: keywords([...c.compose, ...c.flags, ...c.aliases]),
    })),
    ...ALL_RULES.map((r) => ({
      id: r.meta.id,
      kind: 'rule' as const,
      kindLabel: kindLabel('rule', lang),
      title: `${r.meta.id} ${r.meta.name}: ${r.meta.title}`,
      summary: r.meta.title,
      keywords: [r.meta.name],
    })),
    ...[...syscallNames()].sort().map((name) => ({
      id: name,
      kind: 'syscall' as const,
      kindLabel: kindLabel('syscall', lang),
      title: name,
      summary: tr(syscallPurpose(name) ?? { en: '' }, lang),
      keywords: [],
    })),
  ];
}

/** A topic's Markdown; related topics link to `<id>.md` beside it, which the client resolves the same way. */
export function conceptDocument(topic: string, lang: Lang): ConceptDocument | null {
  const doc = findConcept(topic, lang);
  return doc ? { id: doc.id, title: doc.title, markdown: renderMarkdown(doc) } : null;
}

export function registerConcepts(connection: Connection, lang: () => Lang): void {
  connection.onRequest('containment/concepts.list', (p?: { lang?: string }) => conceptList(langOf(p, lang())));
  connection.onRequest('containment/concepts.get', (p?: { id?: string; lang?: string }) =>
    typeof p?.id === 'string' ? conceptDocument(p.id, langOf(p, lang())) : null,
  );
}
