// The fix-all source action (`source.fixAll.containment`, what `editor.codeActionsOnSave` runs):
// every safe fix in one edit, none overlapping another, over the language server; and its choice
// of fixes against the pairwise definition on random ranges.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, startServer } from './harness';
import { FIX_ALL_KIND, safeFixEdits } from '../../server/src/lsp/codeActions';
import type { Finding } from '../../server/src/core/types';

const DOCKERFILE = [
  'FROM alpine:3.20',
  'ADD config.json /etc/app/',
  'RUN curl -k https://example.com/x -o /x && wget --no-check-certificate https://example.com/y',
  'ADD run.sh /usr/local/bin/',
  'USER 1000',
  '',
].join('\n');

test('fix-all applies every safe fix of a Dockerfile in one edit, and only those', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'containment-fixall-'));
  const client = await startServer({ workspaceFolder: dir });
  try {
    const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
    const before = await client.open(uri, DOCKERFILE);
    assert.deepEqual(before.map((d) => d.code).sort(), ['CT1004', 'CT1004', 'CT1009', 'CT1009', 'CT1013']);
    const whole = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
    const actions = await client.codeActions(uri, whole, [FIX_ALL_KIND]);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, FIX_ALL_KIND);
    const fixed = applyTextEdits(DOCKERFILE, actions[0].edit!.changes![uri]);
    assert.equal(
      fixed,
      [
        'FROM alpine:3.20',
        'COPY config.json /etc/app/',
        'RUN curl https://example.com/x -o /x && wget https://example.com/y',
        'COPY run.sh /usr/local/bin/',
        'USER 1000',
        '',
      ].join('\n'),
    );
    const after = await client.change(uri, fixed);
    assert.deepEqual(
      after.map((d) => d.code),
      ['CT1013'],
      'only the HEALTHCHECK finding is left: its fix is not a safe one',
    );
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The definition: a fix is taken when none of its edits touches an edit taken before it (ranges closed). */
function pairwise(findings: Finding[]): TextEdit[] {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
  const overlaps = (a: Range, b: Range) => !before(a.end, b.start) && !before(b.end, a.start);
  const taken: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe);
    if (!fix) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(t.range, e.range)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

test('the fixes fix-all takes are those the pairwise definition takes, on random ranges', () => {
  let seed = 11;
  // The high bits of a linear congruential generator (its low bits repeat with a short period).
  const next = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
  // Short ranges on few lines, often empty (insertions), so that ranges often just touch.
  const range = (): Range => {
    const line = next(4);
    const character = next(12);
    const end = next(3) === 0 ? character : character + 1 + next(3);
    return next(8) === 0
      ? { start: { line, character }, end: { line: line + 1, character: next(12) } }
      : { start: { line, character }, end: { line, character: end } };
  };
  for (let round = 0; round < 1000; round++) {
    const findings: Finding[] = Array.from({ length: 1 + next(25) }, (_, i) => ({
      ruleId: `CT${1000 + i}`,
      severity: 'warning',
      message: '',
      range: range(),
      fixes: [
        { title: 'unsafe', edits: [{ range: range(), newText: 'u' }] },
        ...(next(4) > 0
          ? [{ title: `safe ${i}`, safe: true, edits: Array.from({ length: 1 + next(3) }, () => ({ range: range(), newText: `${i}` })) }]
          : []),
      ],
    }));
    assert.deepEqual(safeFixEdits({ findings }), pairwise(findings), `round ${round}`);
  }
});

test('fix-all edge cases: ranges that touch meet; two edits of one fix that overlap count as their union', () => {
  const r = (l1: number, c1: number, l2: number, c2: number): Range => ({
    start: { line: l1, character: c1 },
    end: { line: l2, character: c2 },
  });
  const safe = (...ranges: Range[]): Finding => ({
    ruleId: 'CT1004',
    severity: 'warning',
    message: '',
    range: ranges[0],
    fixes: [{ title: 'safe', safe: true, edits: ranges.map((range) => ({ range, newText: 'x' })) }],
  });
  const taken = (...findings: Finding[]) => safeFixEdits({ findings }).map((e) => e.range);
  assert.deepEqual(taken(safe(r(0, 3, 0, 5)), safe(r(0, 1, 0, 3))), [r(0, 3, 0, 5)], 'ends where a taken one starts');
  assert.deepEqual(taken(safe(r(0, 1, 0, 3)), safe(r(0, 3, 0, 5))), [r(0, 1, 0, 3)], 'starts where a taken one ends');
  assert.deepEqual(taken(safe(r(0, 3, 0, 3)), safe(r(0, 3, 0, 3))), [r(0, 3, 0, 3)], 'two insertions at one point');
  assert.deepEqual(taken(safe(r(0, 1, 0, 3)), safe(r(0, 4, 0, 4))), [r(0, 1, 0, 3), r(0, 4, 0, 4)], 'apart by one character');
  assert.deepEqual(
    taken(safe(r(0, 1, 0, 6), r(0, 2, 0, 3)), safe(r(0, 6, 0, 7))),
    [r(0, 1, 0, 6), r(0, 2, 0, 3)],
    'touches the first edit of a fix whose second lies inside it',
  );
  assert.deepEqual(taken(safe(r(0, 1, 1, 0)), safe(r(0, 9, 0, 9)), safe(r(1, 1, 1, 2))), [r(0, 1, 1, 0), r(1, 1, 1, 2)], 'across lines');
});
