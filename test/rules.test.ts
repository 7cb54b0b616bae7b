// Data-driven rule tests: every rule's own bad examples must fire (and its first fix must give the
// documented text), every good example must stay silent. Adding a rule adds its tests here.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_RULES } from '../server/src/core/rules/registry';
import { analyze } from '../server/src/core/analyze';
import { applyEdits } from '../server/src/core/text';
import type { FileKind } from '../server/src/core/types';

const PATH_FOR: Record<FileKind, string> = {
  dockerfile: 'Dockerfile',
  compose: 'compose.yaml',
  shell: 'run.sh',
  markdown: 'README.md',
  seccomp: 'seccomp.json',
  daemon: 'daemon.json',
};

/** Examples with `files` follow links: a missing file is missing, others are read from the example. */
function readerOf(files: Record<string, string> | undefined) {
  return files ? (p: string) => files[p.replace(/^\.\//, '')] : undefined;
}

function findingsOf(ruleId: string, kind: FileKind, text: string, files?: Record<string, string>) {
  const a = analyze(PATH_FOR[kind], text, { readRelative: readerOf(files) });
  assert.ok(a, `no analysis for ${kind}`);
  return a.findings.filter((f) => f.ruleId === ruleId);
}

for (const rule of ALL_RULES) {
  const { meta } = rule;
  const kind = meta.appliesTo[0];
  describe(`${meta.id} ${meta.name}`, () => {
    meta.bad.forEach((ex, i) => {
      test(`fires on bad example ${i + 1}`, () => {
        const found = findingsOf(meta.id, ex.kind ?? kind, ex.bad, ex.files);
        assert.ok(found.length > 0, `expected ${meta.id} on:\n${ex.bad}`);
        for (const f of found) {
          assert.ok(f.message.length > 10, 'message is a sentence');
          assert.ok(f.range.start.line >= 0 && f.range.end.line >= f.range.start.line, 'range is ordered');
        }
        if (ex.fixed !== undefined) {
          const fix = found[0].fixes[0];
          assert.ok(fix, `${meta.id} example ${i + 1} documents a fixed text but the finding has no fix`);
          const fixedText = applyEdits(ex.bad, fix.edits);
          assert.equal(fixedText, ex.fixed);
          assert.equal(findingsOf(meta.id, ex.kind ?? kind, fixedText, ex.files).length, 0, 'the fix makes the finding go away');
        }
      });
    });
    meta.good.forEach((good, i) => {
      const text = typeof good === 'string' ? good : good.text;
      const goodKind = typeof good === 'string' ? kind : good.kind;
      test(`stays silent on good example ${i + 1}`, () => {
        assert.deepEqual(
          findingsOf(meta.id, goodKind, text, typeof good === 'string' ? undefined : good.files).map((f) => f.message),
          [],
        );
      });
    });
  });
}
