// The shared harness of the KICS conformance tests: reads a query folder's positive and negative
// files and expected lines, runs analyze() with the mapped rules, compares, prints a table, and
// fails on regressions. Each corpus (Dockerfile, Compose) supplies its mapping, its known
// differences and how a finding "stands for" an expected line.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { ruleById } from '../../server/src/core/rules/registry';
import type { Finding } from '../../server/src/core/types';

export const CORPUS_ROOT = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'kics');

export interface KnownDifference {
  query: string;
  file: string;
  /** 1-based line, as in KICS's expectations and our printed findings. */
  line: number;
  kind: 'missed' | 'false alarm';
  reason: string;
}

export interface Corpus<C> {
  /** Shown in the describe block and the table heading, e.g. `KICS Dockerfile conformance`. */
  title: string;
  /** The corpus folder (one folder per KICS query). */
  dir: string;
  /** The file name analyze() is given, which decides the file kind. */
  analyseAs: string;
  /** KICS query folder → the Containment rule(s) that cover it. */
  mapping: Record<string, string[]>;
  /** KICS query folder → why Containment does not map it. */
  unmapped: Record<string, string>;
  /** Cases where Containment deliberately disagrees with KICS; a difference that stops happening fails the test. */
  known: KnownDifference[];
  /** What `covers` needs besides the finding: the instructions, the lines… */
  context(text: string, analysis: Analysis): C;
  /** Does a finding stand for the 1-based line KICS expects? */
  covers(f: Finding, line: number, context: C): boolean;
  /** How many files the crash check must at least read (a guard against an empty corpus). */
  minFiles: number;
}

interface Expected {
  /** The positive file the line belongs to, or undefined when KICS does not say and there are several. */
  file?: string;
  line: number;
}

interface Row {
  query: string;
  rules: string;
  status: string;
  expected: number;
  found: number;
  missed: string[];
  falseAlarms: string[];
  known: string[];
  extra: string[];
}

function readExpected(dir: string, positives: string[]): Expected[] {
  const raw = JSON.parse(readFileSync(join(dir, 'positive_expected_result.json'), 'utf8')) as {
    line: number;
    fileName?: string;
    filename?: string;
  }[];
  return raw.map((e) => {
    const named = e.fileName ?? e.filename;
    return { file: named ?? (positives.length === 1 ? positives[0] : undefined), line: e.line };
  });
}

function analyseFile<C>(corpus: Corpus<C>, path: string, ruleIds: string[]): { findings: Finding[]; context: C } {
  const text = readFileSync(path, 'utf8');
  const a = analyze(corpus.analyseAs, text);
  assert.ok(a, `no analysis for ${path}`);
  assert.deepEqual(
    a.findings.filter((f) => f.ruleId === 'CT0001').map((f) => f.message),
    [],
    `a rule crashed on ${path}`,
  );
  return { findings: a.findings.filter((f) => ruleIds.includes(f.ruleId)), context: corpus.context(text, a) };
}

function checkQuery<C>(corpus: Corpus<C>, query: string, ruleIds: string[]): Row {
  const row: Row = {
    query,
    rules: ruleIds.join('+'),
    status: 'ok',
    expected: 0,
    found: 0,
    missed: [],
    falseAlarms: [],
    known: [],
    extra: [],
  };
  const absent = ruleIds.filter((id) => !ruleById(id));
  if (absent.length > 0) {
    row.status = `rule not present (${absent.join(', ')})`;
    return row;
  }
  const isKnown = (file: string, line: number, kind: KnownDifference['kind']) =>
    corpus.known.some((k) => k.query === query && k.file === file && k.line === line && k.kind === kind);
  const dir = join(corpus.dir, query, 'test');
  const files = readdirSync(dir).sort();
  const positives = files.filter((f) => f.startsWith('positive') && f !== 'positive_expected_result.json');
  const negatives = files.filter((f) => f.startsWith('negative'));
  const expected = readExpected(dir, positives);
  row.expected = expected.length;
  const analysed = new Map(positives.map((f) => [f, analyseFile(corpus, join(dir, f), ruleIds)]));
  const used = new Set<Finding>();

  for (const e of expected) {
    let hit = false;
    for (const file of e.file ? [e.file] : positives) {
      const a = analysed.get(file);
      assert.ok(a, `${query}: expected result names ${file}, which is not a positive file here`);
      const covering = a.findings.filter((f) => corpus.covers(f, e.line, a.context));
      covering.forEach((f) => used.add(f));
      if (covering.length > 0) hit = true;
    }
    const where = `${e.file ?? positives.join('|')}:${e.line}`;
    if (hit) row.found++;
    else if (e.file && isKnown(e.file, e.line, 'missed')) row.known.push(`missed ${where}`);
    else row.missed.push(where);
  }
  // Findings on positive files at lines KICS does not list: reported, not failed (a file may hold
  // more than one problem, and KICS lists one line per problem where we may point elsewhere).
  for (const [file, a] of analysed) {
    for (const f of a.findings) if (!used.has(f)) row.extra.push(`${file}:${f.range.start.line + 1} (${f.ruleId})`);
  }
  for (const file of negatives) {
    const a = analyseFile(corpus, join(dir, file), ruleIds);
    for (const line of [...new Set(a.findings.map((f) => f.range.start.line + 1))]) {
      if (isKnown(file, line, 'false alarm')) row.known.push(`false alarm ${file}:${line}`);
      else row.falseAlarms.push(`${file}:${line}`);
    }
  }
  if (row.missed.length > 0 || row.falseAlarms.length > 0) row.status = 'FAIL';
  else if (row.known.length > 0) row.status = 'ok (known differences)';
  return row;
}

function table(rows: Row[]): string {
  const header = ['query', 'rule', 'expected', 'found', 'missed', 'false alarms', 'known diff.', 'status'];
  const cells = rows.map((r) => [
    r.query,
    r.rules,
    String(r.expected),
    String(r.found),
    String(r.missed.length),
    String(r.falseAlarms.length),
    String(r.known.length),
    r.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i >= 2 && i <= 6 ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  const details: string[] = [];
  for (const r of rows) {
    if (r.missed.length) details.push(`  ${r.query}: missed ${r.missed.join(', ')}`);
    if (r.falseAlarms.length) details.push(`  ${r.query}: false alarms ${r.falseAlarms.join(', ')}`);
    for (const k of r.known) details.push(`  ${r.query}: known difference, ${k}`);
    if (r.extra.length) details.push(`  ${r.query}: also reported on positives (not in KICS's list) ${r.extra.join(', ')}`);
  }
  return [...out, ...(details.length ? ['', ...details] : [])].join('\n');
}

/** Registers the conformance tests for one corpus; skips with a printed reason when the corpus is absent. */
export function conformanceSuite<C>(corpus: Corpus<C>): void {
  describe(corpus.title, () => {
    if (!existsSync(corpus.dir)) {
      const why = `the KICS corpus is not at ${corpus.dir} (it is optional: ../shared/corpus exists only beside the project's own checkout)`;
      console.log(`${corpus.title} skipped: ${why}.`);
      test(corpus.title, (t) => t.skip(why));
      return;
    }

    const queries = readdirSync(corpus.dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();

    test('every query in the corpus is either mapped to a rule or listed as unmapped with a reason', () => {
      const undecided = queries.filter((q) => !(q in corpus.mapping) && !(q in corpus.unmapped));
      assert.deepEqual(undecided, [], 'decide for each new KICS query: add it to the mapping or to the unmapped list with a reason');
      const stale = [...Object.keys(corpus.mapping), ...Object.keys(corpus.unmapped)].filter((q) => !queries.includes(q));
      assert.deepEqual(stale, [], 'these entries name queries the corpus does not have');
      assert.deepEqual(
        Object.keys(corpus.mapping).filter((q) => q in corpus.unmapped),
        [],
        'a query is either mapped or unmapped',
      );
      for (const [q, reason] of Object.entries(corpus.unmapped)) assert.ok(reason.length > 10, `${q} needs a reason`);
    });

    test('no rule crashes on any file of the corpus, mapped or not', () => {
      let count = 0;
      const crashes: string[] = [];
      for (const q of queries) {
        const dir = join(corpus.dir, q, 'test');
        for (const f of readdirSync(dir).filter((n) => !n.endsWith('.json'))) {
          const a = analyze(corpus.analyseAs, readFileSync(join(dir, f), 'utf8'));
          count++;
          for (const x of a?.findings ?? []) if (x.ruleId === 'CT0001') crashes.push(`${q}/${f}: ${x.message}`);
        }
      }
      assert.ok(count >= corpus.minFiles, `analysed ${count} files`);
      assert.deepEqual(crashes, []);
    });

    test('mapped queries: every expected line found, no false alarm on negatives', () => {
      const rows = Object.entries(corpus.mapping)
        .filter(([q]) => queries.includes(q))
        .map(([q, rules]) => checkQuery(corpus, q, rules));
      console.log(`\n${corpus.title} (${corpus.dir})\n${table(rows)}\n`);
      console.log(
        `Unmapped (${Object.keys(corpus.unmapped).length} of ${queries.length} queries):\n${Object.entries(corpus.unmapped)
          .map(([q, why]) => `  ${q}: ${why}`)
          .join('\n')}\n`,
      );
      // A known difference that no longer happens is stale: remove it so the list stays true.
      const stale = corpus.known.filter((k) => {
        const row = rows.find((r) => r.query === k.query);
        if (!row || row.status.startsWith('rule not present')) return false;
        return !row.known.includes(`${k.kind} ${k.file}:${k.line}`);
      });
      assert.deepEqual(
        stale.map((k) => `${k.query} ${k.kind} ${k.file}:${k.line}`),
        [],
        'the known differences list cases that no longer differ',
      );
      const failures = rows.filter((r) => r.status === 'FAIL');
      assert.deepEqual(
        failures.map((r) => `${r.query} (${r.rules}): missed [${r.missed.join(', ')}], false alarms [${r.falseAlarms.join(', ')}]`),
        [],
        'regressions against the KICS corpus (see the table above)',
      );
    });
  });
}
