// Minimal text edits on a YAML file (pure core layer): insert keys into a mapping, items into a
// list, replace a value, delete a key or an item. Block and flow styles are both handled; new
// lines use the file's line ending, the mapping's own indentation and the file's indentation unit.

import { isAlias, isMap, isSeq } from 'yaml';
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

export class Editor {
  /** Spaces per nesting level, as the file indents. */
  readonly unit: number;

  constructor(
    private readonly view: YamlView,
    private readonly structure: Structure,
  ) {
    this.unit = this.detectUnit();
  }

  private get eol(): string {
    return this.view.doc.eol;
  }

  private pos(offset: number) {
    return this.view.doc.positionAt(offset);
  }

  private col(offset: number): number {
    return this.pos(offset).character;
  }

  private edit(start: number, end: number, newText: string): TextEdit {
    return { range: this.view.doc.rangeOf(start, end), newText };
  }

  /** The most common step between a key and its nested block mapping's keys; 2 when the file has none. */
  private detectUnit(): number {
    const counts = new Map<number, number>();
    const walk = (n: YNode | null) => {
      if (!n) return;
      if (isMap(n)) {
        for (const p of n.items) {
          const k = asNode(p.key);
          const v = asNode(p.value);
          if (k && v && !n.flow && (isMap(v) || isSeq(v)) && !v.flow && v.items.length > 0) {
            const first = v.items[0];
            const childStart = isMap(v) ? rangeTuple(asNode((first as YPair).key) ?? v)[0] : this.structure.dashBefore(asNode(first) ?? v);
            const d = this.col(childStart) - this.col(rangeTuple(k)[0]);
            if (d > 0 && this.pos(childStart).line > this.pos(rangeTuple(k)[0]).line) counts.set(d, (counts.get(d) ?? 0) + 1);
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

  /** Offset just after the last character of the line holding `offset`. */
  private lineEndOf(offset: number): number {
    const line = this.pos(offset).line;
    return this.view.doc.offsetAt({ line, character: this.view.doc.lineText(line).length });
  }

  /** The offset right after a flow collection's closing bracket, and whether it is there. */
  private flowClose(n: YAMLMap | YAMLSeq): number | undefined {
    const end = this.view.contentEnd(n);
    const close = n.flow ? this.view.text[end - 1] : undefined;
    return close === (isMap(n) ? '}' : ']') ? end - 1 : undefined;
  }

  private pairEnd(p: YPair): number {
    const o = this.view.pairOrigin(p);
    return o.kind === 'source' ? this.view.doc.offsetAt(o.range.end) : 0;
  }

  private pairStart(p: YPair): number {
    const k = asNode(p.key);
    return k ? rangeTuple(k)[0] : 0;
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
    if (map.items.length === 0) return undefined;
    const indent = ' '.repeat(this.col(this.pairStart(map.items[0])));
    const lines = this.renderBlock(kvs, indent).join(this.eol);
    const lastLine = this.pos(this.view.contentEnd(map)).line;
    if (nextLine && lastLine + 1 < this.view.doc.lineCount) {
      const at = this.view.doc.offsetAt({ line: lastLine + 1, character: 0 });
      return this.edit(at, at, lines + this.eol);
    }
    const at = this.lineEndOf(this.view.contentEnd(map));
    return this.edit(at, at, this.eol + lines);
  }

  /** Adds keys under a key that has no value yet (`web:` → `web:\n  user: …`). */
  insertUnderEmptyKey(pair: YPair, kvs: KV[]): TextEdit | undefined {
    const k = asNode(pair.key);
    if (!k) return undefined;
    const indent = ' '.repeat(this.col(rangeTuple(k)[0]) + this.unit);
    const block = this.eol + this.renderBlock(kvs, indent).join(this.eol);
    const v = asNode(pair.value);
    if (v && !this.view.isEmptyText(v)) {
      // `key: null` or `key: ~`: replace `: ~` by the block.
      const between = this.view.text.slice(rangeTuple(k)[1], rangeTuple(v)[0]);
      if (!/^\s*:\s*$/.test(between)) return undefined;
      return this.edit(rangeTuple(k)[1], this.view.contentEnd(v), ':' + block);
    }
    const at = this.lineEndOf(rangeTuple(k)[1]);
    return this.edit(at, at, block);
  }

  /** Replaces a key's value, or gives an empty key one. */
  setPairValue(pair: YPair, text: string): TextEdit | undefined {
    const k = asNode(pair.key);
    const v = asNode(pair.value);
    if (!k) return undefined;
    if (!v || this.view.isEmptyText(v)) {
      const colon = this.view.text.indexOf(':', rangeTuple(k)[1]);
      if (colon < 0) return undefined;
      return this.edit(colon + 1, colon + 1, ` ${text}`);
    }
    return this.edit(rangeTuple(v)[0], this.view.contentEnd(v), text);
  }

  replaceNode(n: YNode, text: string): TextEdit {
    return this.edit(rangeTuple(n)[0], this.view.contentEnd(n), text);
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
      const at = this.view.contentEnd(asNode(seq.items[seq.items.length - 1]));
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

  /** Deletes whole lines `a`..`b` with their line ending. */
  private deleteLines(a: number, b: number): TextEdit {
    const doc = this.view.doc;
    if (b + 1 < doc.lineCount) return { range: { start: { line: a, character: 0 }, end: { line: b + 1, character: 0 } }, newText: '' };
    const start = a > 0 ? { line: a - 1, character: doc.lineText(a - 1).length } : { line: a, character: 0 };
    return { range: { start, end: { line: b, character: doc.lineText(b).length } }, newText: '' };
  }

  /** A block collection that loses its last entry becomes `{}` / `[]` on its key's line. */
  private emptyCollection(n: YAMLMap | YAMLSeq): TextEdit {
    const empty = isMap(n) ? '{}' : '[]';
    const place = this.view.placementOf(this.view.origin(n));
    if (place?.kind === 'pair' && place.pair.value === n) {
      const k = asNode(place.pair.key);
      if (k && /^\s*:\s*$/.test(this.view.text.slice(rangeTuple(k)[1], rangeTuple(n)[0]))) {
        return this.edit(rangeTuple(k)[1], this.view.contentEnd(n), `: ${empty}`);
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
      if (this.holdsAnchor(asNode(pair.value))) return undefined;
      if (map.flow)
        return this.deleteFlowEntry(
          map.items.map((p) => [this.pairStart(p), this.pairEnd(p)]),
          index,
        );
      if (map.items.length === 1) return this.emptyCollection(map);
      const ks = this.pairStart(pair);
      const prefix = this.view.doc.lineText(this.pos(ks).line).slice(0, this.col(ks));
      if (/^\s*$/.test(prefix)) return this.deleteLines(this.pos(ks).line, this.pos(this.pairEnd(pair)).line);
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
          return n ? [rangeTuple(n)[0], this.view.contentEnd(n)] : [0, 0];
        }),
        index,
      );
    }
    if (seq.items.length === 1) return this.emptyCollection(seq);
    const dash = this.structure.dashBefore(node);
    const prefix = this.view.doc.lineText(this.pos(dash).line).slice(0, this.col(dash));
    if (!/^\s*$/.test(prefix)) return undefined;
    return this.deleteLines(this.pos(dash).line, this.pos(this.view.contentEnd(node)).line);
  }
}
