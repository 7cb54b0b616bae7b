// Generates docs/concepts/<id>.md (English) and docs/concepts/zh-CN/<id>.md (Simplified Chinese),
// with an index in each, from the knowledge base. Run with `npm run gen`; test/knowledge.test.ts
// fails when a committed page differs from what this renders.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CONCEPTS, conceptDoc, kindLabel, renderMarkdown, tr, type Lang } from '../server/src/core/knowledge/concepts';
import { archesOf, dockerVerdict, syscallNames, syscallPurpose } from '../server/src/core/knowledge/seccomp';
import DOCKER_PROFILE from '../server/src/core/knowledge/generated/docker-default-seccomp.json';

const INTRO: Record<Lang, string> = {
  en: 'What each isolation mechanism does, what Docker does by default, why it matters and how to see it on a real container. The same text appears in hovers, in **Containment: Explain…** and in `containment explain <topic>`. Generated from `server/src/core/knowledge/concepts/`; [简体中文](zh-CN/README.md).',
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
  lines.push(
    `## ${kindLabel('syscall', lang)}`,
    '',
    `- [${SYSCALLS_PAGE[lang].title}](syscalls.md): ${lang === 'en' ? 'every call in one table: what it does, where it exists, what Docker’s default profile does with it' : '所有调用汇总在一张表中：作用、存在的架构、Docker 默认配置的处理'}`,
    '',
  );
  return lines.join('\n');
}

const SYSCALLS_PAGE: Record<Lang, { title: string; intro: string; head: string; verdict: Record<string, string> }> = {
  en: {
    title: 'System calls',
    intro:
      'Every system call of the x86-64, x86, x32, arm64 and arm kernels, and the others Docker’s default seccomp profile names: what it does in one line, where it exists, and what Docker’s default profile does with it (for a container with Docker’s default capabilities; "conditional" means only with a capability, certain arguments or a kernel version: `containment explain <name>` says which). Link to a call with `syscalls.md#<name>`. Generated from `server/src/core/knowledge/syscallPurposes.json` and `generated/`; [简体中文](zh-CN/syscalls.md).',
    head: '| System call | What it does | Architectures | Docker’s default |',
    verdict: { allowed: 'allowed', conditional: 'conditional', blocked: 'blocked' },
  },
  'zh-CN': {
    title: '系统调用',
    intro:
      'x86-64、x86、x32、arm64 和 arm 内核的全部系统调用，以及 Docker 默认 seccomp 配置文件提到的其他调用：一句话说明作用、存在于哪些架构，以及 Docker 默认配置对它的处理（针对具有 Docker 默认 capability 的容器；“有条件”表示只在具有某个 capability、特定参数或内核版本时放行，`containment explain <名称>` 会说明具体条件）。用 `syscalls.md#<名称>` 链接到某个调用。由 `server/src/core/knowledge/syscallPurposes.json` 和 `generated/` 生成；[English](../syscalls.md)。',
    head: '| 系统调用 | 作用 | 架构 | Docker 默认 |',
    verdict: { allowed: '放行', conditional: '有条件', blocked: '阻止' },
  },
};

/** One table of every system call, each row with a stable anchor (its name). */
export function syscallPage(lang: Lang): string {
  const page = SYSCALLS_PAGE[lang];
  const names = new Set([...syscallNames(), ...DOCKER_PROFILE.syscalls.flatMap((e) => e.names)]);
  const lines = [`# ${page.title}`, '', page.intro, '', page.head, '| --- | --- | --- | --- |'];
  for (const name of [...names].sort()) {
    const purpose = syscallPurpose(name);
    const arches = archesOf(name);
    lines.push(
      `| <a id="${name}"></a>\`${name}\` | ${purpose ? tr(purpose, lang) : ''} | ${arches.length > 0 ? arches.join(', ') : '–'} | ${page.verdict[dockerVerdict(name)]} |`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Every generated file, relative to docs/concepts. */
export function conceptFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const lang of ['en', 'zh-CN'] as const) {
    const dir = lang === 'en' ? '' : 'zh-CN/';
    files.set(`${dir}README.md`, conceptIndex(lang));
    for (const c of ALL_CONCEPTS) files.set(`${dir}${c.id}.md`, conceptPage(c.id, lang));
    files.set(`${dir}syscalls.md`, syscallPage(lang));
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
