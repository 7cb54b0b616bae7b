// Helpers shared by the Dockerfile rule tests: findings of one rule, exact ranges, applied fixes.

import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/text';
import type { Finding, Range } from '../../server/src/core/types';

/** Findings of a Dockerfile text, of one rule when an id is given. */
export function findings(text: string, ruleId?: string): Finding[] {
  const a = analyze('Dockerfile', text);
  assert.ok(a);
  return ruleId ? a.findings.filter((f) => f.ruleId === ruleId) : a.findings;
}

/** The single finding of a rule (fails when there are none or several). */
export function only(text: string, ruleId: string): Finding {
  const f = findings(text, ruleId);
  assert.equal(f.length, 1, `expected one ${ruleId} finding, got: ${f.map((x) => x.message).join(' | ')}`);
  return f[0];
}

export function r(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

/** The text a range covers, for readable assertions. */
export function covered(text: string, range: Range): string {
  const lines = text.split(/\r?\n/);
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [
    lines[range.start.line].slice(range.start.character),
    ...lines.slice(range.start.line + 1, range.end.line),
    lines[range.end.line].slice(0, range.end.character),
  ].join('\n');
}

/** The text after applying a finding's first fix. */
export function fixed(text: string, f: Finding): string {
  assert.ok(f.fixes[0], `${f.ruleId} has a fix`);
  return applyEdits(text, f.fixes[0].edits);
}
