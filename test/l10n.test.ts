// Simplified Chinese coverage of the rules: every rule's title, explanation and remediation, and
// every message and quick-fix title its examples produce. The bar is zero gaps; the failure lists
// each gap so it can be translated.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_RULES } from '../server/src/core/rules/registry';
import { analyze } from '../server/src/core/analyze';
import type { FileKind } from '../server/src/core/types';

const PATH_FOR: Record<FileKind, string> = {
  dockerfile: 'Dockerfile',
  compose: 'compose.yaml',
  shell: 'run.sh',
  markdown: 'README.md',
  seccomp: 'seccomp.json',
  daemon: 'daemon.json',
};

const CJK = /[\u4e00-\u9fff]/;

test('every rule has its title, explanation and remediation in Simplified Chinese', () => {
  const gaps: string[] = [];
  for (const { meta } of ALL_RULES) {
    if (!meta.zh) gaps.push(`${meta.id}: no zh metadata`);
    else
      for (const key of ['title', 'explanation', 'remediation'] as const) if (!CJK.test(meta.zh[key])) gaps.push(`${meta.id}: zh.${key}`);
  }
  assert.deepEqual(gaps, [], `${gaps.length} gaps`);
});

test('every message and quick-fix title a rule produces on its examples is translated', () => {
  const gaps = new Set<string>();
  for (const { meta } of ALL_RULES) {
    for (const ex of meta.bad) {
      const kind = ex.kind ?? meta.appliesTo[0];
      const files = ex.files;
      const readRelative = files ? (p: string) => files[p.replace(/^\.\//, '')] : undefined;
      const a = analyze(PATH_FOR[kind], ex.bad, { locale: 'zh-CN', readRelative });
      for (const f of a?.findings.filter((x) => x.ruleId === meta.id) ?? []) {
        if (!CJK.test(f.message)) gaps.add(`${meta.id} message: ${f.message.slice(0, 80)}`);
        for (const fix of f.fixes) if (!CJK.test(fix.title)) gaps.add(`${meta.id} fix title: ${fix.title}`);
      }
    }
  }
  assert.deepEqual([...gaps], [], `${gaps.size} gaps`);
});

test('English stays the default and the fallback', () => {
  const a = analyze('Dockerfile', 'FROM alpine:3.20\nUSER root\n');
  const f = a?.findings.find((x) => x.ruleId === 'CT1002');
  assert.ok(f && !CJK.test(f.message));
});
