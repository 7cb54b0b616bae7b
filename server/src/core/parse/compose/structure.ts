// The line structure of a YAML file for suppressions and hover (pure core layer): which lines a
// key or list item spans, and the key path at a position (`services.web.cap_add[0]`).

import { isAlias, isMap, isPair, isScalar } from 'yaml';
import type { Position, Range } from '../../types';
import { asNode, rangeTuple, type YNode, type YamlView } from './yamlView';

export interface KeyPathHit {
  /** Keys from the top, list indices as decimal strings: `['services', 'web', 'cap_add', '0']`. */
  path: string[];
  /** The range of the key or value under the position. */
  range: Range;
  /** Whether the position is on a key or on a value. */
  on: 'key' | 'value';
  /** The scalar's text, when the node is a scalar. */
  text?: string;
}

interface Statement {
  start: number;
  end: number;
}

export class Structure {
  private statementList?: Statement[];
  private readonly endByStart = new Map<number, number>();

  constructor(private readonly view: YamlView) {}

  /** The statements, collected on first use: only suppression comments, quick fixes that add one and hovers ask. */
  private statements(): Statement[] {
    if (!this.statementList) {
      this.statementList = [];
      for (const d of this.view.documents) this.collect(asNode(d.contents));
      for (const s of this.statementList) this.endByStart.set(s.start, Math.max(this.endByStart.get(s.start) ?? s.start, s.end));
    }
    return this.statementList;
  }

  private line(offset: number): number {
    return this.view.doc.positionAt(offset).line;
  }

  /** Block pairs and block list items are statements; the insides of flow collections are not. */
  private collect(n: YNode | null): void {
    if (!n || isScalar(n) || isAlias(n)) return;
    if (isMap(n)) {
      for (const pair of n.items) {
        const k = asNode(pair.key);
        const v = asNode(pair.value);
        if (!n.flow && k) {
          const o = this.view.pairOrigin(pair);
          if (o.kind === 'source') this.statementList!.push({ start: o.range.start.line, end: o.range.end.line });
        }
        if (!n.flow) this.collect(v);
      }
      return;
    }
    for (const it of n.items) {
      const node = asNode(it);
      if (!node) continue;
      if (!n.flow) {
        const dash = this.dashBefore(node);
        this.statementList!.push({ start: this.line(dash), end: this.line(this.view.contentEnd(node)) });
        this.collect(node);
      }
    }
  }

  /** The offset of the `- ` indicator of a block list item. */
  dashBefore(node: YNode): number {
    const text = this.view.text;
    let i = rangeTuple(node)[0] - 1;
    while (i >= 0 && /\s/.test(text[i])) i--;
    // An anchor or tag between the dash and the value: `- &a value`.
    while (i >= 0 && text[i] !== '-' && text[i] !== '\n') i--;
    return i >= 0 && text[i] === '-' ? i : rangeTuple(node)[0];
  }

  span(line: number): number {
    this.statements();
    return this.endByStart.get(line) ?? line;
  }

  /** The first line of the innermost statement holding `line`: the nearest start above it whose statements reach it. */
  start(line: number): number {
    this.statements();
    // Walks up from the line rather than over every statement: the language server asks for each finding's line.
    for (let l = line; l >= 0; l--) {
      const end = this.endByStart.get(l);
      if (end !== undefined && end >= line) return l;
    }
    return line;
  }

  keyPathAt(pos: Position): KeyPathHit | undefined {
    const offset = this.view.doc.offsetAt(pos);
    for (const d of this.view.documents) {
      const hit = this.find(asNode(d.contents), [], offset);
      if (hit) return hit;
    }
    return undefined;
  }

  private inside(n: YNode, offset: number): boolean {
    const r = rangeTuple(n);
    return offset >= r[0] && offset <= this.view.contentEnd(n);
  }

  private hit(n: YNode, path: string[], on: 'key' | 'value'): KeyPathHit {
    const r = rangeTuple(n);
    const h: KeyPathHit = { path, range: this.view.doc.rangeOf(r[0], this.view.contentEnd(n)), on };
    if (isScalar(n)) h.text = this.view.scalarText(n) ?? '';
    return h;
  }

  private find(n: YNode | null, path: string[], offset: number): KeyPathHit | undefined {
    if (!n || !this.inside(n, offset)) return undefined;
    if (isScalar(n) || isAlias(n)) return this.hit(n, path, 'value');
    if (isMap(n)) {
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const k = asNode(pair.key);
        const keyText = isScalar(k) ? this.view.keyText(k) : k ? this.view.text.slice(rangeTuple(k)[0], rangeTuple(k)[1]) : '';
        if (k && this.inside(k, offset)) return this.hit(k, [...path, keyText], 'key');
        const v = asNode(pair.value);
        if (v && !this.view.isEmptyText(v)) {
          const found = this.find(v, [...path, keyText], offset);
          if (found) return found;
        }
      }
      return undefined;
    }
    for (let i = 0; i < n.items.length; i++) {
      const found = this.find(asNode(n.items[i]), [...path, String(i)], offset);
      if (found) return found;
    }
    return undefined;
  }
}
