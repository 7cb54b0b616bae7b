// Minimal text edits on a YAML file (pure core layer): insert keys into a mapping, items into a
// list, replace a value, delete a key or an item. Block and flow styles are both handled (inside a
// flow collection every edit is written in flow style); new lines use the file's line ending, the
// mapping's own indentation and the file's indentation unit.
//
// Lines here are the YAML parser's lines: only `\n` (or `\r\n`) ends one. A lone `\r` ends a line
// for the editor (TextDoc, LSP) but not for the `yaml` package, which reads it as part of the
// scalar or comment it is in; edits placed by TextDoc lines would land inside that line.

import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { TextEdit } from '../../types';
import { asNode, rangeTuple, type Placement, type YNode, type YPair, type YamlView } from './yamlView';
import type { Structure } from './structure';

/** A key to insert, with a scalar text (already quoted as needed) or nested keys. */
export interface KV {
  key: string;
  value: string | KV[];
}

/** Text that can stand as a plain scalar inside `[…]`; anything else is double-quoted. */
export function flowScalar(text: string): string {
  if (/^[A-Za-z0-9_./~=+-][^,[\]{}#&*!|>'"%@`\s]*$/.test(text) && !/:$/.test(text)) return text;
  return JSON.stringify(text);
}

/** How many nested blocks detectUnit reads at most. */
const UNIT_SAMPLE = 200;

export class Editor {
  private unitMemo?: number;
  /** Offset of the first character of each YAML line (after each `\n`). */
  private readonly yamlLineStarts: number[];

  constructor(
    private readonly view: YamlView,
    private readonly structure: Structure,
  ) {
    const text = view.doc.text;
    this.yamlLineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.yamlLineStarts.push(i + 1);
  }

  /** Spaces per nesting level, as the file indents (found when a fix first writes a nested block). */
  get unit(): number {
    return (this.unitMemo ??= this.detectUnit());
  }

  private get eol(): string {
    return this.view.doc.eol;
  }

  /** The YAML line holding an offset. */
  private line(offset: number): number {
    const starts = this.yamlLineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private get lineCount(): number {
    return this.yamlLineStarts.length;
  }

  private lineStart(line: number): number {
    return this.yamlLineStarts[line];
  }

  /** The offset of a YAML line's line ending (its `\n`, or the `\r` of its `\r\n`), or the end of the text. */
  private lineEnd(line: number): number {
    const text = this.view.text;
    if (line + 1 >= this.yamlLineStarts.length) return text.length;
    const nl = this.yamlLineStarts[line + 1] - 1;
    return nl > this.yamlLineStarts[line] && text[nl - 1] === '\r' ? nl - 1 : nl;
  }

  private lineText(line: number): string {
    return this.view.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** Column of an offset on its YAML line (YAML indentation counts from there). */
  private col(offset: number): number {
    return offset - this.lineStart(this.line(offset));
  }

  private edit(start: number, end: number, newText: string): TextEdit {
    return { range: this.view.doc.rangeOf(start, end), newText };
  }

  /**
   * The most common step between a key and its nested block mapping's keys, among the first
   * `UNIT_SAMPLE` nested blocks in the file (a file indents one way throughout; a large one need
   * not be read to the end); 2 when the file has none.
   */
  private detectUnit(): number {
    const counts = new Map<number, number>();
    let seen = 0;
    const walk = (n: YNode | null) => {
      if (!n || seen >= UNIT_SAMPLE) return;
      if (isMap(n)) {
        for (const p of n.items) {
          const k = asNode(p.key);
          const v = asNode(p.value);
          if (k && v && !n.flow && (isMap(v) || isSeq(v)) && !v.flow && v.items.length > 0) {
            const first = v.items[0];
            const childStart = isMap(v) ? this.pairStart(first as YPair) : this.structure.dashBefore(asNode(first) ?? v);
            const d = this.col(childStart) - this.col(this.keyStart(k));
            if (d > 0 && this.line(childStart) > this.line(rangeTuple(k)[0])) {
              counts.set(d, (counts.get(d) ?? 0) + 1);
              seen++;
            }
          }
          walk(v);
        }
      } else if (isSeq(n)) for (const it of n.items) walk(asNode(it));
    };
    for (const d of this.view.documents) walk(asNode(d.contents));
    let best = 2;
    let bestCount = 0;
    for (const [d, c] of counts) if (c > bestCount || (c === bestCount && d < best)) [best, bestCount] = [d, c];
    return best;
  }

  renderBlock(kvs: KV[], indent: string): string[] {
    const lines: string[] = [];
    for (const kv of kvs) {
      if (typeof kv.value === 'string') lines.push(`${indent}${kv.key}: ${kv.value}`);
      else {
        lines.push(`${indent}${kv.key}:`);
        lines.push(...this.renderBlock(kv.value, indent + ' '.repeat(this.unit)));
      }
    }
    return lines;
  }

  renderFlow(kvs: KV[]): string {
    return kvs.map((kv) => `${kv.key}: ${typeof kv.value === 'string' ? kv.value : `{${this.renderFlow(kv.value)}}`}`).join(', ');
  }

  /** Offset just after the last character of the YAML line holding `offset`. */
  private lineEndOf(offset: number): number {
    return this.lineEnd(this.line(offset));
  }

  /** The offset right after a flow collection's closing bracket, and whether it is there. */
  private flowClose(n: YAMLMap | YAMLSeq): number | undefined {
    const end = this.view.contentEnd(n);
    const close = n.flow ? this.view.text[end - 1] : undefined;
    return close === (isMap(n) ? '}' : ']') ? end - 1 : undefined;
  }

  /**
   * The end of a node's text as the YAML parser reads it. A scalar's own end, not its range trimmed
   * of white space: the `yaml` package keeps a lone `\r` in the scalar (`null\r` is a string), and
   * an edit that replaced all but that `\r` would leave it glued to the new value.
   */
  private valueEnd(n: YNode): number {
    if (isAlias(n) || (isScalar(n) && n.type !== 'BLOCK_LITERAL' && n.type !== 'BLOCK_FOLDED')) return rangeTuple(n)[1];
    // A block collection ends where its last scalar does, lone `\r` included.
    const text = this.view.text;
    let end = this.view.contentEnd(n);
    for (let i = end; i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r'); i++) {
      if (text[i] !== '\r') continue;
      if (text[i + 1] === '\n') break;
      end = i + 1;
    }
    return end;
  }

  /** The end of a pair's text: its value, or the colon of a key written with none (`{mem_limit: }`). */
  private pairEnd(p: YPair): number {
    const k = asNode(p.key);
    const v = asNode(p.value);
    if (v && !this.view.isEmptyText(v)) return this.valueEnd(v);
    if (!k) return 0;
    const colon = this.colonAfter(k);
    return colon === undefined ? this.valueEnd(k) : colon + 1;
  }

  /**
   * Where a key starts as written: before the anchors and tags in front of it (`&a image:`), whose
   * first character is the mapping's column. The parser's range of the key (and of a mapping that
   * begins with it) starts after them.
   */
  private keyStart(k: YNode): number {
    const text = this.view.text;
    let start = rangeTuple(k)[0];
    for (;;) {
      let i = start;
      while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
      let j = i;
      while (j > 0 && !/[\s{}[\],]/.test(text[j - 1])) j--;
      if (j === i || i === start || (text[j] !== '&' && text[j] !== '!')) return start;
      start = j;
    }
  }

  private pairStart(p: YPair): number {
    const k = asNode(p.key);
    return k ? this.keyStart(k) : 0;
  }

  /**
   * Adds keys at the end of a mapping written in this file. `nextLine` puts the text at the start
   * of the following line instead of the end of the last one: a service's own keys go there, so
   * that keys added inside its last nested mapping (which end on the same line) by another fix
   * never land at the same offset, whatever order the edits are applied in.
   */
  insertIntoMap(map: YAMLMap, kvs: KV[], nextLine = false): TextEdit | undefined {
    if (map.flow) {
      const close = this.flowClose(map);
      if (close === undefined) return undefined;
      if (map.items.length === 0) return this.edit(close, close, this.renderFlow(kvs));
      const at = this.pairEnd(map.items[map.items.length - 1]);
      return this.edit(at, at, `, ${this.renderFlow(kvs)}`);
    }
    const firstKey = map.items.length > 0 ? asNode(map.items[0].key) : null;
    if (!firstKey || this.view.isEmptyText(firstKey)) return undefined;
    const indent = ' '.repeat(this.col(this.pairStart(map.items[0])));
    const lines = this.renderBlock(kvs, indent).join(this.eol);
    const lastLine = this.line(this.view.contentEnd(map));
    if (nextLine && lastLine + 1 < this.lineCount) {
      const at = this.lineStart(lastLine + 1);
      return this.edit(at, at, lines + this.eol);
    }
    const at = this.lineEndOf(this.view.contentEnd(map));
    return this.edit(at, at, this.eol + lines);
  }

  /** The mapping each pair is written in (built on first use). */
  private parents?: Map<YPair, YAMLMap>;

  /** Whether a pair is written inside a flow mapping (`{web: …}`), where only flow style may go. */
  private inFlow(pair: YPair): boolean {
    if (!this.parents) {
      const parents = new Map<YPair, YAMLMap>();
      const walk = (n: YNode | null) => {
        if (isMap(n))
          for (const p of n.items) {
            parents.set(p, n);
            walk(asNode(p.key));
            walk(asNode(p.value));
          }
        else if (isSeq(n)) for (const it of n.items) walk(asNode(it));
      };
      for (const d of this.view.documents) walk(asNode(d.contents));
      this.parents = parents;
    }
    return this.parents.get(pair)?.flow === true;
  }

  /** The offset of the `:` right after a key (blanks between), or undefined when it has none (`{web}`, `? web`). */
  private colonAfter(k: YNode): number | undefined {
    const re = /\s*:/y;
    re.lastIndex = rangeTuple(k)[1];
    return re.exec(this.view.text) ? re.lastIndex - 1 : undefined;
  }

  /**
   * Adds keys under a key that has no value yet: `web:` → `web:\n  user: …` in a block mapping,
   * `{web}` or `{web: }` → `{web: {user: …}}` in a flow mapping; `web: null` and `web: ~` lose the null.
   */
  insertUnderEmptyKey(pair: YPair, kvs: KV[]): TextEdit | undefined {
    const k = asNode(pair.key);
    // A key written as nothing (`: x`): the parser places it where the line before ends.
    if (!k || this.view.isEmptyText(k)) return undefined;
    const keyEnd = rangeTuple(k)[1];
    const colon = this.colonAfter(k);
    const v = asNode(pair.value);
    // An anchor or a tag on the empty value (`web: &a`, `web: !!null`) is left alone.
    if (v && !isAlias(v) && (v.anchor || v.tag)) return undefined;
    const written = v && !this.view.isEmptyText(v) ? v : undefined;
    if (written && (colon === undefined || !/^\s*$/.test(this.view.text.slice(colon + 1, rangeTuple(written)[0])))) return undefined;
    if (this.inFlow(pair)) {
      const text = `: {${this.renderFlow(kvs)}}`;
      if (written) return this.edit(keyEnd, this.valueEnd(written), text);
      return this.edit(keyEnd, colon === undefined ? keyEnd : colon + 1, text);
    }
    if (colon === undefined) return undefined;
    const indent = ' '.repeat(this.col(this.keyStart(k)) + this.unit);
    const block = this.eol + this.renderBlock(kvs, indent).join(this.eol);
    // `key: null` or `key: ~`: replace `: ~` by the block.
    if (written) return this.edit(keyEnd, this.valueEnd(written), ':' + block);
    const at = this.lineEndOf(keyEnd);
    return this.edit(at, at, block);
  }

  /** Replaces a key's value, or gives an empty key one (`text` is one line: a scalar or a flow collection). */
  setPairValue(pair: YPair, text: string): TextEdit | undefined {
    const k = asNode(pair.key);
    const v = asNode(pair.value);
    if (!k || this.view.isEmptyText(k)) return undefined;
    if (!v || this.view.isEmptyText(v)) {
      // An anchor or a tag on the empty value (`key: &a`, `key: !!str`) is left alone.
      if (v && !isAlias(v) && (v.anchor || v.tag)) return undefined;
      const colon = this.colonAfter(k);
      if (colon === undefined) {
        // `{cap_drop}` in a flow mapping: the key gets its colon.
        if (!this.inFlow(pair)) return undefined;
        const keyEnd = rangeTuple(k)[1];
        return this.edit(keyEnd, keyEnd, `: ${text}`);
      }
      return this.edit(colon + 1, colon + 1, ` ${text}`);
    }
    // A value on the lines below its key (`read_only:` then `- x` at the key's own indentation) is
    // replaced from the colon on, so the new one-line value does not land where a key should be.
    const start = rangeTuple(v)[0];
    const colon = this.colonAfter(k);
    if (colon !== undefined && this.line(start) > this.line(colon) && this.col(start) <= this.col(this.keyStart(k))) {
      if (!/^\s*$/.test(this.view.text.slice(colon + 1, start))) return undefined; // a comment, an anchor or a tag in between
      return this.edit(colon + 1, this.valueEnd(v), ` ${text}`);
    }
    return this.replaceNode(v, text);
  }

  /** Replaces a value; one glued to its `:` or `-` (`key:\r` holds the string "\r") gets a space before it. */
  replaceNode(n: YNode, text: string): TextEdit {
    const start = rangeTuple(n)[0];
    const glued = start > 0 && (this.view.text[start - 1] === ':' || this.view.text[start - 1] === '-');
    return this.edit(start, this.valueEnd(n), glued ? ` ${text}` : text);
  }

  /** A scalar with the same quoting as `like` (single quotes stay single, plain becomes double-quoted when needed). */
  quoteLike(like: Scalar | undefined, value: string, forceQuote = false): string {
    if (like?.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
    if (like?.type === 'QUOTE_DOUBLE' || forceQuote) return JSON.stringify(value);
    return flowScalar(value);
  }

  /** Appends an item to a list written in this file. */
  appendToSeq(seq: YAMLSeq, itemText: string): TextEdit | undefined {
    if (seq.flow) {
      const close = this.flowClose(seq);
      if (close === undefined) return undefined;
      if (seq.items.length === 0) return this.edit(close, close, itemText);
      const lastItem = asNode(seq.items[seq.items.length - 1]);
      if (!lastItem) return undefined;
      const at = this.valueEnd(lastItem);
      return this.edit(at, at, `, ${itemText}`);
    }
    const last = asNode(seq.items[seq.items.length - 1]);
    if (!last) return undefined;
    const dash = this.structure.dashBefore(last);
    const gap = this.view.text.slice(dash + 1, rangeTuple(last)[0]);
    const after = /^[ ]+$/.test(gap) ? gap : ' ';
    const indent = ' '.repeat(this.col(dash));
    const at = this.lineEndOf(this.view.contentEnd(last));
    return this.edit(at, at, `${this.eol}${indent}-${after}${itemText}`);
  }

  /** Deletes whole YAML lines `a`..`b` with their line ending. */
  private deleteLines(a: number, b: number): TextEdit {
    if (b + 1 < this.lineCount) return this.edit(this.lineStart(a), this.lineStart(b + 1), '');
    return this.edit(a > 0 ? this.lineEnd(a - 1) : 0, this.lineEnd(b), '');
  }

  /** A block collection that loses its last entry becomes `{}` / `[]` on its key's line. */
  private emptyCollection(n: YAMLMap | YAMLSeq): TextEdit {
    const empty = isMap(n) ? '{}' : '[]';
    const place = this.view.placementOf(this.view.origin(n));
    if (place?.kind === 'pair' && place.pair.value === n) {
      const k = asNode(place.pair.key);
      if (k && /^\s*:\s*$/.test(this.view.text.slice(rangeTuple(k)[1], rangeTuple(n)[0]))) {
        return this.edit(rangeTuple(k)[1], this.valueEnd(n), `: ${empty}`);
      }
    }
    return this.replaceNode(n, empty);
  }

  private deleteFlowEntry(spans: [number, number][], i: number): TextEdit {
    if (spans.length === 1) return this.edit(spans[0][0], spans[0][1], '');
    if (i < spans.length - 1) return this.edit(spans[i][0], spans[i + 1][0], '');
    return this.edit(spans[i - 1][1], spans[i][1], '');
  }

  /** Whether deleting this node would orphan an alias that points into it. */
  private holdsAnchor(n: YNode | null): boolean {
    if (!n) return false;
    if (!isAlias(n) && n.anchor) return true;
    if (isMap(n)) return n.items.some((p) => this.holdsAnchor(asNode(p.key)) || this.holdsAnchor(asNode(p.value)));
    if (isSeq(n)) return n.items.some((it) => this.holdsAnchor(asNode(it)));
    return false;
  }

  deletePlacement(place: Placement): TextEdit | undefined {
    if (place.kind === 'root') return undefined;
    if (place.kind === 'pair') {
      const { map, pair, index } = place;
      if (this.holdsAnchor(asNode(pair.key)) || this.holdsAnchor(asNode(pair.value))) return undefined;
      if (map.flow)
        return this.deleteFlowEntry(
          map.items.map((p) => [this.pairStart(p), this.pairEnd(p)]),
          index,
        );
      if (map.items.length === 1) return this.emptyCollection(map);
      const ks = this.pairStart(pair);
      const prefix = this.lineText(this.line(ks)).slice(0, this.col(ks));
      if (/^\s*$/.test(prefix)) return this.deleteLines(this.line(ks), this.line(this.pairEnd(pair)));
      if (index === 0) return this.edit(ks, this.pairStart(map.items[1]), '');
      return undefined;
    }
    const { seq, index } = place;
    const node = asNode(seq.items[index]);
    if (!node || this.holdsAnchor(node)) return undefined;
    if (seq.flow) {
      return this.deleteFlowEntry(
        seq.items.map((it) => {
          const n = asNode(it);
          return n ? [rangeTuple(n)[0], this.valueEnd(n)] : [0, 0];
        }),
        index,
      );
    }
    if (seq.items.length === 1) return this.emptyCollection(seq);
    const dash = this.structure.dashBefore(node);
    const prefix = this.lineText(this.line(dash)).slice(0, this.col(dash));
    if (!/^\s*$/.test(prefix)) return undefined;
    return this.deleteLines(this.line(dash), this.line(this.view.contentEnd(node)));
  }
}
