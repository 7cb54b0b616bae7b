// Helpers the seccomp rules share: spelling suggestions and minimal JSON text edits that keep the
// file's indentation and line endings (pure core layer; not a rule, so the index skips it).

import { charSet, editDistance, setDistance, type CharSet } from '../../editDistance';
import type { TextDoc } from '../../text';
import type { Range, TextEdit } from '../../types';
import type { JVal, SeccompModel, SeccompRule } from '../../model/seccomp';

/** Candidates lowercased and grouped by length, and the answers given so far, per candidate collection. */
interface Prepared {
  byLength: Map<number, { c: string; lower: string; chars: CharSet }[]>;
  answers: Map<string, string[]>;
}
const prepared = new WeakMap<object, Prepared>();

function prepare(candidates: Iterable<string>): Prepared {
  const byLength = new Map<number, { c: string; lower: string; chars: CharSet }[]>();
  for (const c of candidates) {
    const list = byLength.get(c.length) ?? [];
    const lower = c.toLowerCase();
    list.push({ c, lower, chars: charSet(lower) });
    byLength.set(c.length, list);
  }
  return { byLength, answers: new Map() };
}

/**
 * The closest candidates (case-insensitive), nearest first, within a distance that grows with the
 * length. Only candidates of a length within that distance are compared, and a collection passed
 * again (the same Set or array object) reuses its index and answers: a profile may hold tens of
 * thousands of unknown names, each compared with some 500 system calls.
 */
export function suggest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  let p = prepared.get(candidates);
  if (!p) {
    p = prepare(candidates);
    prepared.set(candidates, p);
  }
  const key = `${limit}:${word}`;
  const known = p.answers.get(key);
  if (known) return [...known];
  const w = word.toLowerCase();
  const max = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  const scored: { c: string; d: number }[] = [];
  const chars = charSet(w);
  for (let len = Math.max(0, w.length - max); len <= w.length + max; len++) {
    for (const { c, lower, chars: cs } of p.byLength.get(len) ?? []) {
      if (setDistance(chars, cs) > max) continue;
      const d = editDistance(w, lower, max);
      if (d <= max) scored.push({ c, d });
    }
  }
  const out = scored
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, limit)
    .map((s) => s.c);
  if (p.answers.size >= 10_000) p.answers.clear(); // a long-lived collection (a constant list) keeps a bounded memo
  p.answers.set(key, out);
  return [...out];
}

/** `syscalls[3]`, the way messages and type problems name an entry. */
export function entryLabel(rule: SeccompRule): string {
  return `syscalls[${rule.position}]`;
}

export function quote(s: string): string {
  return JSON.stringify(s);
}

/** The indentation unit the file uses (a tab, or the width of its first indented line), two spaces if none. */
export function indentUnit(doc: TextDoc): string {
  for (let l = 0; l < Math.min(doc.lineCount, 200); l++) {
    const m = /^([ \t]+)\S/.exec(doc.lineText(l));
    if (m) return m[1].startsWith('\t') ? '\t' : m[1];
  }
  return '  ';
}

function isWs(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/**
 * Removes an item of a JSON list or a member of an object with the comma that separates it from
 * its neighbour: the following comma when there is one, else the preceding one.
 */
export function removeWithComma(doc: TextDoc, range: Range): TextEdit {
  const text = doc.text;
  const start = doc.offsetAt(range.start);
  const end = doc.offsetAt(range.end);
  let j = end;
  while (isWs(text[j])) j++;
  if (text[j] === ',') {
    j++;
    while (isWs(text[j])) j++;
    return { range: doc.rangeOf(start, j), newText: '' };
  }
  let i = start - 1;
  while (i >= 0 && isWs(text[i])) i--;
  if (text[i] === ',') return { range: doc.rangeOf(i, end), newText: '' };
  return { range, newText: '' };
}

/** Whether the list's items sit on their own lines (then new items do too). */
function multiline(doc: TextDoc, list: Range, items: Range[]): boolean {
  const first = items[0];
  return first ? first.start.line > list.start.line : list.end.line > list.start.line;
}

/** Adds quoted strings at the end of a JSON list, matching how its items are laid out. */
export function appendToList(doc: TextDoc, list: Range, items: Range[], values: string[]): TextEdit {
  const texts = values.map(quote);
  const last = items[items.length - 1];
  if (!last) return { range: list, newText: `[${texts.join(', ')}]` };
  if (multiline(doc, list, items)) {
    const indent = doc.indentOf(last.start.line);
    return { range: { start: last.end, end: last.end }, newText: texts.map((t) => `,${doc.eol}${indent}${t}`).join('') };
  }
  return { range: { start: last.end, end: last.end }, newText: texts.map((t) => `, ${t}`).join('') };
}

/** A JSON list of strings laid out like the file: one per line under `indent`, or inline. */
export function listText(doc: TextDoc, values: string[], indent: string | undefined): string {
  const texts = values.map(quote);
  if (indent === undefined) return `[${texts.join(', ')}]`;
  const unit = indentUnit(doc);
  return `[${texts.map((t) => `${doc.eol}${indent}${unit}${t}`).join(',')}${doc.eol}${indent}]`;
}

/**
 * Inserts `"key": value` as the member after `after` (a member's range), on its own line when
 * the object is laid out one member per line. `value` is given the member's indentation.
 */
export function insertMemberAfter(doc: TextDoc, after: Range, key: string, value: (indent: string | undefined) => string): TextEdit {
  const ownLine = doc.textIn({ start: { line: after.start.line, character: 0 }, end: after.start }).trim() === '';
  const at = { start: after.end, end: after.end };
  if (!ownLine) return { range: at, newText: `, ${quote(key)}: ${value(undefined)}` };
  const indent = doc.indentOf(after.start.line);
  return { range: at, newText: `,${doc.eol}${indent}${quote(key)}: ${value(indent)}` };
}

/** The range of a whole member, from its key to the end of its value. */
export function memberRange(v: JVal<unknown> | { range: Range; keyRange?: Range }): Range {
  return { start: (v.keyRange ?? v.range).start, end: v.range.end };
}

/** The architectures the profile lists (from `architectures` and every `archMap` entry). */
export function listedArches(model: SeccompModel): string[] {
  const out = new Set<string>();
  for (const a of model.architectures?.value ?? []) out.add(a.value);
  for (const m of model.archMap ?? []) {
    out.add(m.architecture.value);
    for (const s of m.subArchitectures) out.add(s.value);
  }
  return [...out];
}
