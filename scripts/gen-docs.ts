// Generates docs/rules/<ID>.md, docs/rules/zh-CN/<ID>.md (for rules translated into Simplified
// Chinese) and the indexes from rule metadata. Run with `npm run gen`; test/registry.test.ts fails
// when a committed page differs from what this renders.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../server/src/core/rules/registry';
import type { Rule } from '../server/src/core/rules/rule';
import type { Locale } from '../server/src/core/types';

const HEADINGS: Record<Locale, Record<string, string>> = {
  en: {
    severity: 'Default severity',
    applies: 'Applies to',
    why: 'Why it matters',
    what: 'What to do',
    examples: 'Examples',
    flagged: 'Flagged',
    fixed: 'After the quick fix:',
    notFlagged: 'Not flagged',
    elsewhere: 'The same check elsewhere',
    off: 'Turning it off',
    refs: 'References',
    noFiles: 'No file exists at the path it names.',
    beside: 'beside it:',
  },
  'zh-CN': {
    severity: '默认严重级别',
    applies: '适用于',
    why: '为什么重要',
    what: '怎么做',
    examples: '示例',
    flagged: '会被报告',
    fixed: '应用快速修复之后：',
    notFlagged: '不会被报告',
    elsewhere: '其他工具中的同类检查',
    off: '如何关闭',
    refs: '参考资料',
    noFiles: '它引用的路径下没有文件。',
    beside: '（同目录下的文件）：',
  },
};

const PEER_NAMES: Record<string, string> = {
  hadolint: 'hadolint',
  trivy: 'Trivy',
  checkov: 'Checkov',
  kics: 'KICS',
  composeLint: 'compose-lint',
  cis: 'CIS Docker Benchmark',
};

const FENCE: Record<string, string> = {
  dockerfile: 'dockerfile',
  compose: 'yaml',
  shell: 'sh',
  markdown: 'markdown',
  seccomp: 'json',
  daemon: 'json',
};

/** The files an example links to (a Compose file's seccomp profile), shown after it. */
function filesOf(files: Record<string, string> | undefined, h: Record<string, string>): string[] {
  if (!files) return [];
  const entries = Object.entries(files);
  if (entries.length === 0) return [h.noFiles, ''];
  return entries.flatMap(([path, text]) => [
    `\`${path}\` ${h.beside}`,
    '',
    '```' + (path.endsWith('.json') ? 'json' : ''),
    text.trimEnd(),
    '```',
    '',
  ]);
}

export function renderRuleDoc(rule: Rule, locale: Locale = 'en'): string {
  const m = rule.meta;
  const h = HEADINGS[locale];
  const zh = locale === 'zh-CN' ? m.zh : undefined;
  const lang = FENCE[m.appliesTo[0]] ?? '';
  const lines: string[] = [];
  lines.push(`# ${m.id} ${m.name}: ${zh?.title ?? m.title}`, '');
  // Chinese text takes full-width punctuation.
  const [colon, stop] = locale === 'zh-CN' ? ['：', '。'] : [': ', '.'];
  const numbered = (label: string, n: number) => (locale === 'zh-CN' ? `${label}（${n}）：` : `${label} (${n}):`);
  lines.push(
    `${h.severity}${colon}**${m.defaultSeverity}**${stop}${locale === 'zh-CN' ? '' : ' '}${h.applies}${colon}${m.appliesTo.join(', ')}${stop}`,
    '',
  );
  lines.push(`## ${h.why}`, '', zh?.explanation ?? m.explanation, '');
  lines.push(`## ${h.what}`, '', zh?.remediation ?? m.remediation, '');
  lines.push(`## ${h.examples}`, '');
  m.bad.forEach((ex, i) => {
    const fence = ex.kind ? FENCE[ex.kind] : lang;
    lines.push(numbered(h.flagged, i + 1), '', '```' + fence, ex.bad.trimEnd(), '```', '');
    lines.push(...filesOf(ex.files, h));
    if (ex.fixed !== undefined) lines.push(h.fixed, '', '```' + fence, ex.fixed.trimEnd(), '```', '');
  });
  m.good.forEach((g, i) => {
    const text = typeof g === 'string' ? g : g.text;
    const fence = typeof g === 'string' ? lang : FENCE[g.kind];
    lines.push(numbered(h.notFlagged, i + 1), '', '```' + fence, text.trimEnd(), '```', '');
    if (typeof g !== 'string') lines.push(...filesOf(g.files, h));
  });
  const peers = Object.entries(m.peers).filter(([, v]) => v && v.length > 0);
  if (peers.length > 0) {
    lines.push(`## ${h.elsewhere}`, '');
    for (const [k, v] of peers) lines.push(`- ${PEER_NAMES[k] ?? k}${colon}${(v as string[]).join(', ')}`);
    lines.push('');
  }
  lines.push(`## ${h.off}`, '');
  // JSON files (daemon.json, seccomp profiles) have no comments, so no inline suppression.
  const jsonOnly = m.appliesTo.every((k) => k === 'daemon' || k === 'seccomp');
  if (locale === 'zh-CN') {
    lines.push(
      jsonOnly
        ? `在 \`.containment.yaml\` 中写 \`rules: { ${m.id}: off }\`，或在编辑器设置 \`containment.rules\` 中关闭。JSON 没有注释，因此这类文件不支持行内忽略。`
        : `在 \`.containment.yaml\` 中写 \`rules: { ${m.id}: off }\`。只忽略一处：在上一行写注释 \`# containment-ignore ${m.id}: 原因\`。`,
      '',
    );
  } else {
    lines.push(
      jsonOnly
        ? `In \`.containment.yaml\`: \`rules: { ${m.id}: off }\`, or in the editor setting \`containment.rules\`. JSON has no comments, so there is no inline suppression for this file kind.`
        : `In \`.containment.yaml\`: \`rules: { ${m.id}: off }\`. For one place: a comment \`# containment-ignore ${m.id}: reason\` on the line above.`,
      '',
    );
  }
  lines.push(`## ${h.refs}`, '');
  for (const r of m.references) lines.push(`- [${r.title}](${r.url})`);
  lines.push('');
  return lines.join('\n');
}

export function renderIndex(): string {
  const lines = ['# Containment rules', '', '| id | name | severity | title |', '| --- | --- | --- | --- |'];
  for (const r of ALL_RULES)
    lines.push(`| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.name} | ${r.meta.defaultSeverity} | ${r.meta.title} |`);
  lines.push('');
  return lines.join('\n');
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'docs', 'rules');
  mkdirSync(join(dir, 'zh-CN'), { recursive: true });
  for (const r of ALL_RULES) {
    writeFileSync(join(dir, `${r.meta.id}.md`), renderRuleDoc(r));
    if (r.meta.zh) writeFileSync(join(dir, 'zh-CN', `${r.meta.id}.md`), renderRuleDoc(r, 'zh-CN'));
  }
  writeFileSync(join(dir, 'README.md'), renderIndex());
}
