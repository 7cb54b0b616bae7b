// Generates docs/concepts/<id>.md (English) and docs/concepts/zh-CN/<id>.md (Simplified Chinese),
// with an index in each, from the knowledge base. Run with `npm run gen`; test/knowledge.test.ts
// fails when a committed page differs from what this renders.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CONCEPTS, conceptDoc, kindLabel, renderMarkdown, tr, type Lang } from '../server/src/core/knowledge/concepts';

const INTRO: Record<Lang, string> = {
  en: 'What each isolation mechanism does，what Docker does by default，why it matters and how to see it on a real container. The same text appears in hovers，in **Containment: 解释…** and in `containment explain <topic>`. Generated from `server/src/core/knowledge/concepts/`；[简体中文](zh-CN/README.md).',
  'zh-CN':
    '每种隔离机制的作用、Docker 的默认行为、为什么重要，以及如何在真实容器上查看。同样的内容也出现在悬停提示、**Containment: 解释…** 和 `containment explain <topic>` 中。由 `server/src/core/knowledge/concepts/` 生成；[English](../README.md)。',
};

const TITLE: Record<Lang, string> = { en: 'Container isolation concepts', 'zh-CN': '容器隔离概念' };

export function conceptPage(id: string, lang: Lang): string {
  const c = ALL_CONCEPTS.find((x) => x.id === id);
  if (!c) throw new Error(`no concept ${id}`);
  return renderMarkdown(conceptDoc(c, lang));
}

export function conceptIndex(lang: Lang): string {
  const lines = [`# ${TITLE[lang]}`, '', INTRO[lang], ''];
  let kind: string | undefined;
  for (const c of ALL_CONCEPTS) {
    if (c.kind !== kind) {
      kind = c.kind;
      lines.push(`## ${kindLabel(c.kind, lang)}`, '');
    }
    lines.push(`- [${tr(c.title, lang)}](${c.id}.md): ${tr(c.summary, lang)}`);
    const next = ALL_CONCEPTS[ALL_CONCEPTS.indexOf(c) + 1];
    if (!next || next.kind !== kind) lines.push('');
  }
  return lines.join('\n');
}

/** Every generated file, relative to docs/concepts. */
export function conceptFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const lang of ['en', 'zh-CN'] as const) {
    const dir = lang === 'en' ? '' : 'zh-CN/';
    files.set(`${dir}README.md`, conceptIndex(lang));
    for (const c of ALL_CONCEPTS) files.set(`${dir}${c.id}.md`, conceptPage(c.id, lang));
  }
  return files;
}

if (require.main === module) {
  const root = join(__dirname, '..', 'docs', 'concepts');
  const files = conceptFiles();
  for (const sub of ['', 'zh-CN']) {
    const dir = join(root, sub);
    mkdirSync(dir, { recursive: true });
    // Pages of concepts that no longer exist would otherwise linger.
    for (const f of readdirSync(dir)) if (f.endsWith('.md') && !files.has(sub ? `${sub}/${f}` : f)) rmSync(join(dir, f));
  }
  for (const [rel, text] of files) writeFileSync(join(root, rel), text);
  console.log(`docs/concepts: ${files.size} pages`);
}
