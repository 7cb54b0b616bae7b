// Every rule is complete: unique id and name, metadata filled in, docs generated and fresh.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES, ruleById } from '../server/src/core/rules/registry';
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
