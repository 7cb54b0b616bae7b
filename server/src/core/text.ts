// Text utilities for the pure core: line tables, offsets and ranges, end-of-line detection.

import type { Position, Range } from './types';

/** A document's text with a precomputed line table, shared by parsers, rules and fixes. */
export class TextDoc {
  readonly text: string;
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];
  /** The line ending the file mostly uses; fixes insert this one. */
  readonly eol: '\n' | '\r\n';

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    let crlf = 0;
    let lf = 0;
    if (!text.includes('\r')) {
      // Only \n line ends (most files): the native search is much faster than a loop over characters.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.text = text;
      this.lineStarts = starts;
      this.eol = '\n';
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        starts.push(i + 1);
        if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
        else lf++;
      } else if (c === 13 && text.charCodeAt(i + 1) !== 10) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    this.eol = crlf > lf ? '\r\n' : '\n';
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line's text without its line ending. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line], this.lineTextEnd(line));
  }

  /** The offset where a line's text ends (before its line ending); `line` must be in range. */
  private lineTextEnd(line: number): number {
    const start = this.lineStarts[line];
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }

  /** The line of the last lookup: parsers and rules mostly ask for offsets in document order. */
  private lastLine = 0;

  /** The line an offset (already clamped to the text) is on: the last one's or the next, else a binary search of the line table. */
  private lineOf(o: number): number {
    const starts = this.lineStarts;
    const last = this.lastLine;
    if (starts[last] <= o) {
      if (last + 1 >= starts.length || o < starts[last + 1]) return last;
      if (last + 2 >= starts.length || o < starts[last + 2]) return (this.lastLine = last + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return (this.lastLine = lo);
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.lineStarts[pos.line];
    return start + Math.max(0, Math.min(pos.character, this.lineTextEnd(pos.line) - start));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    // An offset inside a line ending (the \n of a \r\n) is the end of the line's text: LSP has no position there.
    return { line, character: Math.min(o, this.lineTextEnd(line)) - this.lineStarts[line] };
  }

  /** `offsetAt(positionAt(offset))` without building the position: the offset clamped to the text and out of line endings. */
  normalOffset(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    return Math.min(o, this.lineTextEnd(this.lineOf(o)));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  textIn(range: Range): string {
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** Leading white space of a line, for fixes that keep indentation. */
  indentOf(line: number): string {
    return /^[ \t]*/.exec(this.lineText(line))?.[0] ?? '';
  }

  /** The whole line as a range, without its line ending. */
  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lineText(line).length } };
  }
}

/**
 * For a document's statements given as line spans, the first line of the innermost one (the one
 * that starts last) holding each line, or the line itself when none does. The table is made in
 * one pass: the language server asks for every line that has a finding.
 */
export function statementStarts(spans: Iterable<{ first: number; last: number }>, lineCount: number): (line: number) => number {
  const startOf = new Int32Array(lineCount).fill(-1);
  for (const s of spans) {
    const last = Math.min(s.last, lineCount - 1);
    for (let l = Math.max(s.first, 0); l <= last; l++) if (s.first > startOf[l]) startOf[l] = s.first;
  }
  return (line) => (line >= 0 && line < lineCount && startOf[line] >= 0 ? startOf[line] : line);
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

export function containsPosition(r: Range, p: Position): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Apply non-overlapping edits to a text (used by tests, the CLI's --fix and "fix all"). */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const doc = new TextDoc(text);
  // Applied from the end backwards; inserts at the same offset keep their order in the array, as LSP requires.
  const sorted = edits
    .map((e, index) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText, index }))
    .sort((a, b) => b.start - a.start || b.end - a.end || b.index - a.index);
  let out = text;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const e of sorted) {
    if (e.end > lastStart) continue; // overlapping edit: keep the later one only
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}
