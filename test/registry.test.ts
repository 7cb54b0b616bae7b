// Every rule is complete: unique id and name, metadata filled in, docs generated and fresh.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ALL_RULES, allRules, ruleById, rulesOf } from '../server/src/core/rules/registry';
import { renderRuleDoc } from '../scripts/gen-docs';

const root = join(__dirname, '..');

test('rule ids and names are unique and well formed', () => {
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const r of ALL_RULES) {
    assert.match(r.meta.id, /^CT\d{4}$/);
    assert.match(r.meta.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!ids.has(r.meta.id), `duplicate id ${r.meta.id}`);
    assert.ok(!names.has(r.meta.name), `duplicate name ${r.meta.name}`);
    ids.add(r.meta.id);
    names.add(r.meta.name);
    assert.equal(ruleById(r.meta.id), r);
    assert.equal(ruleById(r.meta.name), r);
  }
  assert.ok(ALL_RULES.length >= 2);
});

test("each model's rules load apart, and an id's first digit names its model", () => {
  // ruleById loads only the model an id names (rules/ruleSets.ts): a rule filed under another
  // model's folder would not be found by its id.
  const digit = { image: '1', runtime: '2', seccomp: '3', daemon: '4' } as const;
  for (const model of ['image', 'runtime', 'seccomp', 'daemon'] as const) {
    const rules = rulesOf(model);
    assert.ok(rules.length > 0, model);
    assert.deepEqual(
      rules,
      ALL_RULES.filter((r) => r.model === model),
      `${model}: the same rules, in the same order`,
    );
    for (const r of rules) assert.equal(r.meta.id[2], digit[model], `${r.meta.id} reads the ${model} model`);
  }
  assert.equal(allRules(), ALL_RULES);
  assert.deepEqual(
    ALL_RULES.map((r) => r.meta.id),
    ALL_RULES.map((r) => r.meta.id).sort(),
  );
});

test("ruleById: ids and names in any case; nothing for the tool's own ids and unknown keys", () => {
  assert.equal(ruleById('ct1001'), ruleById('CT1001'));
  assert.equal(ruleById('No-User')?.meta.id, 'CT1001');
  for (const key of ['CT0001', 'CT0002', 'CT9999', 'CT1999', 'no-such-rule', '', 'DL3002']) assert.equal(ruleById(key), undefined, key);
});

test('the rule index is generated from the rule files and not stale', () => {
  const r = spawnSync(process.execPath, [join(root, 'scripts/gen-rule-index.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('every rule has explanation, remediation, references and examples both ways', () => {
  for (const r of ALL_RULES) {
    const m = r.meta;
    assert.ok(m.title.length > 5, `${m.id} title`);
    assert.ok(m.explanation.length > 80, `${m.id} explanation is substantial`);
    assert.ok(m.remediation.length > 20, `${m.id} remediation`);
    assert.ok(m.references.length > 0, `${m.id} references`);
    for (const ref of m.references) assert.match(ref.url, /^https:\/\//, `${m.id} reference url`);
    assert.ok(m.bad.length > 0, `${m.id} has examples that fire`);
    assert.ok(m.good.length > 0, `${m.id} has examples that do not fire`);
  }
});

test('docs/rules is generated from the metadata and not stale', () => {
  for (const r of ALL_RULES) {
    const file = join(root, 'docs/rules', `${r.meta.id}.md`);
    assert.ok(existsSync(file), `docs/rules/${r.meta.id}.md exists (run npm run gen)`);
    assert.equal(readFileSync(file, 'utf8'), renderRuleDoc(r), `docs/rules/${r.meta.id}.md is stale (run npm run gen)`);
    if (!r.meta.zh) continue;
    const zh = join(root, 'docs/rules/zh-CN', `${r.meta.id}.md`);
    assert.ok(existsSync(zh), `docs/rules/zh-CN/${r.meta.id}.md exists (run npm run gen)`);
    assert.equal(readFileSync(zh, 'utf8'), renderRuleDoc(r, 'zh-CN'), `docs/rules/zh-CN/${r.meta.id}.md is stale (run npm run gen)`);
  }
});
