// Generates docs/rules/<ID>.md and docs/rules/README.md from rule metadata. Run with `npm run gen`;
// test/registry.test.ts fails when a committed page differs from what this renders.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../server/src/core/rules/registry';
import type { Rule } from '../server/src/core/rules/rule';

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

export function renderRuleDoc(rule: Rule): string {
  const m = rule.meta;
  const lang = FENCE[m.appliesTo[0]] ?? '';
  const lines: string[] = [];
  lines.push(`# ${m.id} ${m.name}: ${m.title}`, '');
  lines.push(`Default severity: **${m.defaultSeverity}**. Applies to: ${m.appliesTo.join(', ')}.`, '');
  lines.push('## Why it matters', '', m.explanation, '');
  lines.push('## What to do', '', m.remediation, '');
  lines.push('## Examples', '');
  m.bad.forEach((ex, i) => {
    const fence = ex.kind ? FENCE[ex.kind] : lang;
    lines.push(`Flagged (${i + 1}):`, '', '```' + fence, ex.bad.trimEnd(), '```', '');
    if (ex.fixed !== undefined) lines.push('After the quick fix:', '', '```' + fence, ex.fixed.trimEnd(), '```', '');
  });
  m.good.forEach((g, i) => {
    const text = typeof g === 'string' ? g : g.text;
    const fence = typeof g === 'string' ? lang : FENCE[g.kind];
    lines.push(`Not flagged (${i + 1}):`, '', '```' + fence, text.trimEnd(), '```', '');
  });
  const peers = Object.entries(m.peers).filter(([, v]) => v && v.length > 0);
  if (peers.length > 0) {
    lines.push('## The same check elsewhere', '');
    for (const [k, v] of peers) lines.push(`- ${PEER_NAMES[k] ?? k}: ${(v as string[]).join(', ')}`);
    lines.push('');
  }
  lines.push('## Turning it off', '');
  // JSON files (daemon.json, seccomp profiles) have no comments, so no inline suppression.
  const jsonOnly = m.appliesTo.every((k) => k === 'daemon' || k === 'seccomp');
  lines.push(
    jsonOnly
      ? `In \`.containment.yaml\`: \`rules: { ${m.id}: off }\`, or in the editor setting \`containment.rules\`. JSON has no comments, so there is no inline suppression for this file kind.`
      : `In \`.containment.yaml\`: \`rules: { ${m.id}: off }\`. For one place: a comment \`# containment-ignore ${m.id}: reason\` on the line above.`,
    '',
  );
  lines.push('## References', '');
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
  mkdirSync(dir, { recursive: true });
  for (const r of ALL_RULES) writeFileSync(join(dir, `${r.meta.id}.md`), renderRuleDoc(r));
  writeFileSync(join(dir, 'README.md'), renderIndex());
}
