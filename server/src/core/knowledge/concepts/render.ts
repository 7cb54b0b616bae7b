// One document shape for every topic (a concept or a rule), in a chosen language, and two ways to
// print it: Markdown (docs/concepts, the editor's Explain view) and plain text wrapped for a
// terminal (the CLI). Hovers take short pieces from the same data (pure core layer).

import { docUrl, DOCS_BASE } from '../../rules/rule';
import type { Rule } from '../../rules/rule';
import { capabilityConcept, conceptById, type Topic } from './lookup';
import { syscallFacts, syscallTexts } from './syscalls';
import { RISK_LABELS } from './capabilities';
import {
  SECTION_KEYS,
  type Concept,
  type ConceptKind,
  type ConceptReference,
  type Lang,
  type Risk,
  type SectionKey,
  type Text,
} from './types';

/** Where the full text of a concept lives on the web (the generated docs/concepts pages). */
export const CONCEPT_DOCS_BASE = DOCS_BASE.replace(/rules\/$/, 'concepts/');

export function conceptUrl(id: string, lang: Lang): string {
  return lang === 'zh-CN' ? `${CONCEPT_DOCS_BASE}zh-CN/${id}.md` : `${CONCEPT_DOCS_BASE}${id}.md`;
}

/** A text in the language asked for; English when the translation is missing. */
export function tr(text: Text, lang: Lang): string {
  return text[lang] ?? text.en;
}

const L = {
  what: { en: 'What it is', 'zh-CN': '是什么' },
  effect: {
    capability: { en: 'What it allows', 'zh-CN': '允许做什么' },
    namespace: { en: 'What it isolates', 'zh-CN': '隔离什么' },
    cgroup: { en: 'What it limits, and what happens at the limit', 'zh-CN': '限制什么，到达上限时会怎样' },
    security: { en: 'What it does', 'zh-CN': '作用' },
    host: { en: 'What it does', 'zh-CN': '作用' },
  },
  default: { en: "Docker's default", 'zh-CN': 'Docker 的默认行为' },
  why: { en: 'Why it matters', 'zh-CN': '为什么重要' },
  todo: { en: 'What to do', 'zh-CN': '怎么做' },
  see: { en: 'See it for yourself', 'zh-CN': '动手查看' },
  references: { en: 'References', 'zh-CN': '参考资料' },
  related: { en: 'Related topics', 'zh-CN': '相关主题' },
  compose: { en: 'Compose', 'zh-CN': 'Compose' },
  flags: { en: 'docker run', 'zh-CN': 'docker run' },
  fullText: { en: 'Full explanation', 'zh-CN': '完整说明' },
  learnMore: { en: 'Learn more', 'zh-CN': '深入了解' },
  dockerDefault: { en: 'Granted by Docker by default', 'zh-CN': 'Docker 默认授予' },
  yes: { en: 'yes', 'zh-CN': '是' },
  no: { en: 'no', 'zh-CN': '否' },
  risk: { en: 'risk', 'zh-CN': '风险' },
  rule: { en: 'Rule', 'zh-CN': '规则' },
  severity: { en: 'default severity', 'zh-CN': '默认严重级别' },
  appliesTo: { en: 'applies to', 'zh-CN': '适用于' },
  ruleDocs: { en: 'Rule documentation', 'zh-CN': '规则文档' },
  colon: { en: ': ', 'zh-CN': '：' },
  arches: { en: 'Architectures', 'zh-CN': '架构' },
  dockerDefaultSeccomp: { en: "Docker's default seccomp profile", 'zh-CN': 'Docker 默认 seccomp 配置' },
  verdict: {
    allowed: { en: 'allowed', 'zh-CN': '放行' },
    conditional: { en: 'allowed only under conditions', 'zh-CN': '有条件放行' },
    blocked: { en: 'blocked', 'zh-CN': '阻止' },
  },
  untranslated: {
    en: '',
    'zh-CN': '此规则的说明尚未翻译成中文，以下为英文原文。',
  },
} as const;

const KIND: Record<ConceptKind | 'rule' | 'syscall', { en: string; 'zh-CN': string }> = {
  security: { en: 'Security options and privilege', 'zh-CN': '安全选项与特权' },
  namespace: { en: 'Namespaces', 'zh-CN': 'Namespace' },
  cgroup: { en: 'Resource limits (cgroups)', 'zh-CN': '资源限制（cgroup）' },
  host: { en: 'Host access', 'zh-CN': '宿主机访问' },
  capability: { en: 'Capabilities', 'zh-CN': 'Capability' },
  rule: { en: 'Rules', 'zh-CN': '规则' },
  syscall: { en: 'System calls', 'zh-CN': '系统调用' },
};

export function kindLabel(kind: ConceptKind | 'rule' | 'syscall', lang: Lang): string {
  return KIND[kind][lang];
}

export interface TopicSection {
  key: SectionKey | 'rule';
  heading: string;
  /** Light Markdown: see `Text` in types.ts. */
  body: string;
}

/** A concept or rule in one language, ready to print. */
export interface TopicDoc {
  id: string;
  kind: ConceptKind | 'rule' | 'syscall';
  lang: Lang;
  title: string;
  summary: string;
  /** Short facts shown under the summary: the Compose keys and flags, the rule's severity. */
  facts: string[];
  /** A note shown before the sections (an untranslated rule). */
  note?: string;
  sections: TopicSection[];
  references: ConceptReference[];
  related: { id: string; title: string }[];
}

const codeList = (xs: string[]) => xs.map((x) => `\`${x}\``).join(', ');

function capabilityFacts(dockerDefault: boolean, risk: Risk, lang: Lang): string {
  const c = L.colon[lang];
  return `${L.dockerDefault[lang]}${c}**${dockerDefault ? L.yes[lang] : L.no[lang]}** · ${L.risk[lang]}${c}**${tr(RISK_LABELS[risk], lang)}**`;
}

export function conceptDoc(c: Concept, lang: Lang): TopicDoc {
  const facts: string[] = [];
  if (c.compose.length > 0) facts.push(`${L.compose[lang]}${L.colon[lang]}${codeList(c.compose)}`);
  if (c.flags.length > 0) facts.push(`${L.flags[lang]}${L.colon[lang]}${codeList(c.flags)}`);
  if (c.capability) {
    const cap = c.capability;
    facts.push(capabilityFacts(cap.dockerDefault, cap.risk, lang));
  }
  return {
    id: c.id,
    kind: c.kind,
    lang,
    title: tr(c.title, lang),
    summary: tr(c.summary, lang),
    facts,
    sections: SECTION_KEYS.map((key) => ({
      key,
      heading: key === 'effect' ? L.effect[c.kind][lang] : L[key][lang],
      body: tr(c.sections[key], lang),
    })),
    references: c.references,
    related: c.related.map((id) => {
      const r = conceptById(id);
      return { id, title: r ? tr(r.title, lang) : id };
    }),
  };
}

/** A rule's own explanation, from its metadata (`meta.zh` in Simplified Chinese; English where that is missing). */
export function ruleDoc(rule: Rule, lang: Lang): TopicDoc {
  const m = rule.meta;
  const zh = lang === 'zh-CN' ? m.zh : undefined;
  const title = zh?.title ?? m.title;
  return {
    id: m.id,
    kind: 'rule',
    lang,
    title: `${m.id} ${m.name}: ${title}`,
    summary: title,
    facts: [
      `${L.rule[lang]} ${m.id} · ${L.severity[lang]}${L.colon[lang]}**${m.defaultSeverity}** · ${L.appliesTo[lang]}${L.colon[lang]}${m.appliesTo.join(', ')}`,
    ],
    ...(L.untranslated[lang] && !zh ? { note: L.untranslated[lang] } : {}),
    sections: [
      { key: 'why', heading: L.why[lang], body: zh?.explanation ?? m.explanation },
      { key: 'todo', heading: L.todo[lang], body: zh?.remediation ?? m.remediation },
    ],
    references: [{ title: L.ruleDocs[lang], url: docUrl(m.id) }, ...m.references],
    related: [],
  };
}

/** A system call: where it exists and what Docker's default seccomp profile does with it. */
export function syscallDoc(name: string, lang: Lang): TopicDoc {
  const f = syscallFacts(name);
  const text = syscallTexts(f, lang);
  const c = L.colon[lang];
  return {
    id: name,
    kind: 'syscall',
    lang,
    title: lang === 'zh-CN' ? `${name}（系统调用）` : `${name} (system call)`,
    summary: tr(f.docker, lang),
    facts: [
      `${L.arches[lang]}${c}${f.arches.length > 0 ? f.arches.join(lang === 'zh-CN' ? '、' : ', ') : '—'}`,
      `${L.dockerDefaultSeccomp[lang]}${c}**${L.verdict[f.verdict][lang]}**`,
    ],
    sections: [
      { key: 'what', heading: L.what[lang], body: text.what },
      { key: 'default', heading: L.default[lang], body: tr(f.docker, lang) },
      { key: 'why', heading: L.why[lang], body: text.why },
      { key: 'todo', heading: L.todo[lang], body: text.todo },
    ],
    // The generated table of every call (docs/concepts/syscalls.md) has an anchor per name.
    references: [
      ...f.references,
      { title: lang === 'zh-CN' ? '所有系统调用' : 'All system calls', url: `${conceptUrl('syscalls', lang)}#${name}` },
    ],
    related: ['seccomp', ...f.caps.map((cap) => capabilityConcept(cap)?.id).filter((id): id is string => !!id)].map((id) => ({
      id,
      title: tr(conceptById(id)!.title, lang),
    })),
  };
}

export function topicDoc(topic: Topic, lang: Lang): TopicDoc {
  if (topic.kind === 'concept') return conceptDoc(topic.concept, lang);
  return topic.kind === 'rule' ? ruleDoc(topic.rule, lang) : syscallDoc(topic.name, lang);
}

type Block = { kind: 'para'; text: string } | { kind: 'list'; items: string[] } | { kind: 'commands'; lines: string[] };

/** Splits light Markdown into paragraphs, lists and command blocks. */
export function blocks(body: string): Block[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p): Block => {
      const lines = p.split('\n').map((l) => l.trim());
      if (lines.every((l) => l.startsWith('$ '))) return { kind: 'commands', lines };
      if (lines.every((l) => l.startsWith('- '))) return { kind: 'list', items: lines.map((l) => l.slice(2)) };
      return { kind: 'para', text: lines.join(' ') };
    });
}

/**
 * Markdown for a document. `link` gives the target of a related topic (`cap-sys-admin.md` in
 * docs/concepts, the same relative name in the editor's virtual documents).
 */
export function renderMarkdown(doc: TopicDoc, link: (id: string) => string = (id) => `${id}.md`): string {
  const out: string[] = [`# ${doc.title}`, '', doc.summary, ''];
  if (doc.facts.length > 0) out.push(doc.facts.join('  \n'), '');
  if (doc.note) out.push(`> ${doc.note}`, '');
  for (const s of doc.sections) {
    out.push(`## ${s.heading}`, '');
    for (const b of blocks(s.body)) {
      if (b.kind === 'para') out.push(b.text, '');
      else if (b.kind === 'list') out.push(...b.items.map((i) => `- ${i}`), '');
      else out.push('```console', ...b.lines, '```', '');
    }
  }
  if (doc.related.length > 0) {
    out.push(`## ${L.related[doc.lang]}`, '');
    for (const r of doc.related) out.push(`- [${r.title}](${link(r.id)})`);
    out.push('');
  }
  out.push(`## ${L.references[doc.lang]}`, '');
  for (const r of doc.references) out.push(`- [${r.title}](${r.url})`);
  out.push('');
  return out.join('\n');
}

/** Display width of one code point: East Asian wide and full-width characters take two columns. */
function cpWidth(cp: number): number {
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += cpWidth(ch.codePointAt(0)!);
  return w;
}

/** Punctuation that must not start a line in Chinese text: it stays with the character before it. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】’”…·％,.;:?!)%']);

/**
 * Wraps text to a width in display columns. Latin words break at spaces; wide characters may
 * break anywhere except before closing punctuation. Words longer than a line are not split.
 */
export function wrap(text: string, width: number, indent = '', hanging = indent): string[] {
  const tokens =
    text.match(
      /\s+|[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+/g,
    ) ?? [];
  // Chinese closing punctuation hangs at the end of a line: keep two columns free for it.
  const reserve = /[\u3000-\u9fff\uff00-\uffef]/.test(text) ? 2 : 0;
  const lines: string[] = [];
  let line = indent;
  let lineWidth = displayWidth(indent);
  let base = lineWidth;
  let space = false;
  for (const tok of tokens) {
    if (/^\s+$/.test(tok)) {
      space = lineWidth > base;
      continue;
    }
    const w = displayWidth(tok);
    const add = (space ? 1 : 0) + w;
    if (lineWidth + add > width - reserve && lineWidth > base && !NO_LINE_START.has(tok)) {
      lines.push(line.trimEnd());
      line = hanging;
      lineWidth = displayWidth(hanging);
      base = lineWidth;
      space = false;
    }
    line += (space ? ' ' : '') + tok;
    lineWidth += (space ? 1 : 0) + w;
    space = false;
  }
  if (lineWidth > base || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Han characters (not CJK punctuation, which needs no space next to Latin text). */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * Inline Markdown as plain text: code spans and bold lose their marks, links show their address.
 * A code span touching a Chinese character gets a space, as Chinese technical writing spaces
 * Latin terms (`设置 cap_drop 后`), since the marks that set it apart are gone.
 */
export function plain(s: string): string {
  return s
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, (_m, code: string, at: number, all: string) => {
      const before = at > 0 && HAN.test(all[at - 1]) ? ' ' : '';
      const after = HAN.test(all[at + code.length + 2] ?? '') ? ' ' : '';
      return `${before}${code}${after}`;
    });
}

/**
 * Plain text for a terminal: headings, paragraphs wrapped to `width` columns (Chinese included),
 * commands indented and never wrapped, no Markdown marks. `bold` decorates headings (ANSI on a TTY).
 */
export function renderText(doc: TopicDoc, width = 80, bold: (s: string) => string = (s) => s): string {
  const w = Math.max(40, width);
  const out: string[] = [bold(plain(doc.title)), ...wrap(plain(doc.summary), w)];
  if (doc.facts.length > 0) {
    out.push('');
    for (const f of doc.facts) out.push(...wrap(plain(f), w, '', '  '));
  }
  if (doc.note) out.push('', ...wrap(doc.note, w));
  const section = (heading: string, body: string[]) => out.push('', bold(heading), ...body);
  for (const s of doc.sections) {
    const body: string[] = [];
    for (const b of blocks(s.body)) {
      if (body.length > 0) body.push('');
      if (b.kind === 'para') body.push(...wrap(plain(b.text), w, '  '));
      else if (b.kind === 'list') for (const i of b.items) body.push(...wrap(plain(i), w, '  - ', '    '));
      else body.push(...b.lines.map((l) => `    ${l}`));
    }
    section(s.heading, body);
  }
  if (doc.related.length > 0)
    section(
      L.related[doc.lang],
      doc.related.flatMap((r) => wrap(`${r.id}: ${plain(r.title)}`, w, '  - ', '    ')),
    );
  section(
    L.references[doc.lang],
    doc.references.map((r) => `  - ${r.title}: ${r.url}`),
  );
  return out.join('\n') + '\n';
}

/** Hover Markdown for a capability name: what it allows, whether Docker grants it, the risk, a link to the full text. */
export function capabilityHover(name: string, lang: Lang = 'en'): string | undefined {
  const c = capabilityConcept(name);
  if (!c?.capability) return undefined;
  const cap = c.capability;
  return [
    `**${tr(c.title, lang)}**`,
    tr(c.summary, lang),
    capabilityFacts(cap.dockerDefault, cap.risk, lang),
    `[${L.fullText[lang]}](${conceptUrl(c.id, lang)})`,
  ].join('\n\n');
}

/** One line linking a hover to a concept's full text. */
export function conceptLink(c: Concept, lang: Lang = 'en'): string {
  return `${L.learnMore[lang]}${L.colon[lang]}[${tr(c.title, lang)}](${conceptUrl(c.id, lang)})`;
}
