// A read-only view over parsed YAML documents for the Compose parser (pure core layer): alias
// resolution through one anchor table (no repeated document walks, no expansion), `<<` merge keys
// read as Compose reads them, scalar text with interpolation detection, exact source ranges, and
// an index from a value's range back to the node and its parent (for fixes that delete it).

import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Alias, Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { TextDoc } from '../../text';
import type { Origin } from '../../model/runtime';
import type { InputProblem } from '../../model/runtimeDoc';
import { inLocale, t, type Locale, type Localized } from '../../types';

/** A node as the parser builds it; every one has a `range` of [start, valueEnd, nodeEnd]. */
export type YNode = Scalar | YAMLMap | YAMLSeq | Alias;
export type YPair = Pair<unknown, unknown>;

export const PROBLEM_PREFIX = 'Containment could not read this Compose file: ';
const PREFIX = t(PROBLEM_PREFIX, 'Containment 无法读取这个 Compose 文件：');

/** A Compose input problem's message in one language: the prefix, then what is wrong. */
export function composeProblem(message: Localized, locale: Locale = 'en'): string {
  return inLocale(PREFIX, locale) + inLocale(message, locale);
}

/** One key of a mapping as Compose sees it, after `<<` merges. */
export interface Entry {
  key: string;
  keyNode: Scalar;
  pair: YPair;
  /** The value as written (possibly an alias); null when the key has no value. */
  raw: YNode | null;
  /** The value after following an alias; null when empty or unresolvable. */
  value: YNode | null;
  /** The mapping the pair is written in. */
  map: YAMLMap;
  /** True when the pair is written in the mapping being read, false when it comes from a `<<` merge. */
  own: boolean;
}

/** Where a node sits: the thing a fix removes when it removes the value. */
export type Placement =
  | { kind: 'item'; seq: YAMLSeq; index: number; node: YNode | null }
  | { kind: 'pair'; map: YAMLMap; pair: YPair; index: number }
  | { kind: 'root' };

/** In the yaml package's own English wording: this parser finds duplicate keys itself (in linear time). */
const DUPLICATE_KEY = t('Map keys must be unique', '映射中的键必须唯一');

/** Expanded node count above which aliases are considered an attack and are not followed. */
const MAX_EXPANSION = 100_000;

/** The node a YAML value holds, or null for anything else (a missing value). */
export function asNode(n: unknown): YNode | null {
  return isScalar(n) || isMap(n) || isSeq(n) || isAlias(n) ? n : null;
}

export function rangeTuple(n: { range?: [number, number, number] | null }): [number, number, number] {
  return n.range ?? [0, 0, 0];
}

function scalarString(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : '';
}

/** `${VAR}`, `${VAR:-x}` or `$VAR` outside a `$$` escape: the value is decided at deploy time. */
export function isInterpolated(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '$') continue;
    const next = s[i + 1];
    if (next === '$') {
      i++;
      continue;
    }
    if (next === '{' || (next !== undefined && /[A-Za-z_]/.test(next))) return true;
  }
  return false;
}

/** `$$` is Compose's escape for a literal `$`. */
export function unescapeDollars(s: string): string {
  return s.replace(/\$\$/g, '$');
}

/** What `/\s/` matches, for one UTF-16 code unit (white space in ASCII by code, the rest through the regular expression). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(String.fromCharCode(c));
}

export class YamlView {
  private readonly aliasTargets = new Map<Alias, YNode | null>();
  private readonly entryMemo = new Map<YAMLMap, Map<string, Entry>>();
  private readonly entryBusy = new Set<YAMLMap>();
  /** contentEnd per node: a collection's end is found through its last item, so each is computed once. */
  private readonly contentEnds = new Map<YNode, number>();
  /** Set when aliases expand beyond reason: they are then not followed at all. */
  aliasesDisabled = false;
  /** Each document's node count with its aliases expanded, at most ten times the bound (see checkExpansion). */
  expandedSizes: number[] = [];

  constructor(
    readonly doc: TextDoc,
    readonly documents: Document.Parsed[],
    readonly problems: InputProblem[],
    /** The language of the problems' messages. */
    readonly locale: Locale = 'en',
  ) {
    this.checkExpansion(documents.map((d) => this.indexAnchors(d)));
  }

  get text(): string {
    return this.doc.text;
  }

  /**
   * Finds the anchors and what each alias refers to, and checks mapping keys. Returns the document's
   * size as checkExpansion counts it, aliases left out (`plain`), and the aliases it counts.
   */
  private indexAnchors(d: Document.Parsed): { plain: number; aliases: Alias[] } {
    const anchors = new Map<string, YNode>();
    let plain = 0;
    const aliases: Alias[] = [];
    // Every node in document order (a collection, then its items; a pair's key, then its value), as
    // the yaml package's visit() goes, without the ancestor path it builds for each collection.
    // Counted as checkExpansion's size() counts: every node once, an empty key or value as 1, aliases apart.
    const walk = (node: unknown): void => {
      if (isPair(node)) {
        walk(node.key);
        walk(node.value);
        return;
      }
      if (isAlias(node)) {
        aliases.push(node);
        const target = anchors.get(node.source) ?? null;
        if (!target) {
          this.aliasTargets.set(node, null);
          this.problem(
            node,
            t(`the alias *${node.source} has no anchor &${node.source} before it.`, `别名 *${node.source} 之前没有锚点 &${node.source}。`),
          );
        } else if (this.contains(target, node)) {
          this.aliasTargets.set(node, null);
          this.problem(
            node,
            t(
              `the alias *${node.source} refers to a node that contains it; it was not followed.`,
              `别名 *${node.source} 指向包含它自身的节点；没有展开它。`,
            ),
          );
        } else this.aliasTargets.set(node, target);
        return;
      }
      const n = asNode(node);
      plain++;
      if (n && n.anchor) anchors.set(n.anchor, n);
      if (isMap(n)) {
        this.checkUniqueKeys(n);
        for (const item of n.items) walk(item);
      } else if (isSeq(n)) for (const item of n.items) walk(item);
    };
    if (asNode(d.contents)) walk(d.contents);
    return { plain, aliases };
  }

  /** Compose refuses a mapping with the same key twice (`<<` may repeat); so does this parser, as a problem. */
  private checkUniqueKeys(map: YAMLMap): void {
    if (map.items.length < 2) return;
    const seen = new Set<string>();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const key = this.keyText(pair.key);
      if (key === '<<' && pair.key.type === 'PLAIN') continue;
      if (seen.has(key)) this.problem(pair.key, DUPLICATE_KEY);
      seen.add(key);
    }
  }

  private contains(outer: YNode, inner: YNode): boolean {
    const o = rangeTuple(outer);
    const i = rangeTuple(inner);
    return o[0] <= i[0] && i[0] < Math.max(o[1], o[2]);
  }

  /**
   * Counts nodes as if every alias were expanded; an alias bomb stops alias resolution. A document
   * counts as its nodes (`plain`, from indexAnchors) plus what each of its aliases expands to,
   * so only anchored nodes are walked again (memoised, so linear).
   */
  private checkExpansion(counts: { plain: number; aliases: Alias[] }[]): void {
    const cap = MAX_EXPANSION * 10;
    this.expandedSizes = counts.map((c) => Math.min(c.plain, cap));
    if (this.aliasTargets.size === 0) return;
    const memo = new Map<YNode, number>();
    const size = (n: YNode | null): number => {
      if (!n) return 1;
      const known = memo.get(n);
      if (known !== undefined) return known;
      memo.set(n, 1); // a cycle counts once (cycles were already refused above)
      let total = 1;
      if (isAlias(n)) total = size(this.aliasTargets.get(n) ?? null);
      else if (isSeq(n)) for (const it of n.items) total = Math.min(total + size(asNode(it)), cap);
      else if (isMap(n)) for (const p of n.items) total = Math.min(total + size(asNode(p.key)) + size(asNode(p.value)), cap);
      memo.set(n, total);
      return total;
    };
    counts.forEach((c, i) => {
      for (const a of c.aliases) this.expandedSizes[i] = Math.min(this.expandedSizes[i] + size(a), cap);
    });
    for (const [i, d] of this.documents.entries()) {
      const root = asNode(d.contents);
      if (root && this.expandedSizes[i] > MAX_EXPANSION) {
        this.aliasesDisabled = true;
        const first = [...this.aliasTargets.keys()].find((a) => rangeTuple(a)[0] >= rangeTuple(root)[0]);
        this.problem(
          first ?? root,
          t(
            `its aliases expand to more than ${MAX_EXPANSION.toLocaleString('en-US')} values (an alias bomb?); aliases were not followed.`,
            `它的别名会展开成超过 ${MAX_EXPANSION.toLocaleString('en-US')} 个值（别名炸弹？）；没有展开任何别名。`,
          ),
        );
        return;
      }
    }
  }

  problem(
    node: YNode | { range?: [number, number, number] | null },
    message: Localized,
    severity: InputProblem['severity'] = 'warning',
  ): void {
    const r = rangeTuple(node);
    this.problems.push({
      message: composeProblem(message, this.locale),
      range: this.doc.rangeOf(r[0], Math.max(r[0], r[1])),
      severity,
    });
  }

  /** Follows an alias to its anchored node; other nodes are returned as they are. Empty values are null. */
  resolve(n: unknown): YNode | null {
    const node = asNode(n);
    if (!node) return null;
    if (isAlias(node)) {
      if (this.aliasesDisabled) return null;
      return this.aliasTargets.get(node) ?? null;
    }
    return node;
  }

  /** A scalar that holds nothing (`key:` or `key: null`). */
  isEmpty(n: YNode | null): boolean {
    return n === null || (isScalar(n) && n.value === null);
  }

  /** The keys of a mapping, own keys first, then those of `<<` merge sources in order (the first one wins). */
  entries(map: YAMLMap): Map<string, Entry> {
    const memo = this.entryMemo.get(map);
    if (memo) return memo;
    const out = new Map<string, Entry>();
    if (this.entryBusy.has(map)) return out;
    this.entryBusy.add(map);
    const merges: YAMLMap[] = [];
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const key = this.keyText(pair.key);
      const raw = asNode(pair.value);
      if (key === '<<' && pair.key.type === 'PLAIN') {
        const src = this.resolve(raw);
        if (isMap(src)) merges.push(src);
        else if (isSeq(src))
          for (const it of src.items) {
            const m = this.resolve(it);
            if (isMap(m)) merges.push(m);
          }
        continue;
      }
      if (out.has(key)) continue; // duplicate keys are reported by the YAML parser
      out.set(key, { key, keyNode: pair.key, pair, raw, value: this.isEmpty(raw) ? null : this.resolve(raw), map, own: true });
    }
    for (const m of merges) {
      for (const [k, e] of this.entries(m)) if (!out.has(k)) out.set(k, { ...e, own: false });
    }
    this.entryBusy.delete(map);
    this.entryMemo.set(map, out);
    return out;
  }

  /** Entries of a value that should be a mapping (through an alias); undefined when it is not one. */
  mapEntries(n: YNode | null): Map<string, Entry> | undefined {
    const m = this.resolve(n);
    return isMap(m) ? this.entries(m) : undefined;
  }

  keyText(k: Scalar): string {
    return typeof k.source === 'string' ? k.source : scalarString(k.value);
  }

  /** The text of a scalar as Compose reads it (numbers as written: `1.0` stays `1.0`). */
  scalarText(n: YNode | null): string | undefined {
    const s = this.resolve(n);
    if (!isScalar(s) || s.value === null) return undefined;
    if (typeof s.source === 'string' && s.type === 'PLAIN') return s.source;
    if (typeof s.value === 'string') return s.value;
    return typeof s.source === 'string' ? s.source : scalarString(s.value);
  }

  /** End offset of a node's content: without trailing blank lines and comments of block collections. */
  contentEnd(n: YNode | null | undefined): number {
    if (!n) return 0;
    const known = this.contentEnds.get(n);
    if (known !== undefined) return known;
    const r = rangeTuple(n);
    let end = r[1];
    if ((isMap(n) || isSeq(n)) && !n.flow && n.items.length > 0) {
      const last = n.items[n.items.length - 1];
      if (isPair(last)) {
        const k = asNode(last.key);
        const v = asNode(last.value);
        end = Math.max(k ? this.contentEnd(k) : 0, v ? this.contentEnd(v) : 0);
      } else end = this.contentEnd(asNode(last));
    }
    const text = this.doc.text;
    while (end > r[0] && isSpace(text.charCodeAt(end - 1))) end--;
    const out = Math.max(end, r[0]);
    this.contentEnds.set(n, out);
    return out;
  }

  origin(n: YNode): Origin {
    return { kind: 'source', range: this.doc.rangeOf(rangeTuple(n)[0], this.contentEnd(n)) };
  }

  /** From a pair's key to the end of its value. */
  pairOrigin(pair: YPair): Origin {
    const [start, end] = this.pairOffsets(pair);
    return { kind: 'source', range: this.doc.rangeOf(start, end) };
  }

  private pairOffsets(pair: YPair): [number, number] {
    const k = asNode(pair.key);
    const v = asNode(pair.value);
    const start = k ? rangeTuple(k)[0] : 0;
    return [start, Math.max(k ? this.contentEnd(k) : start, v && !this.isEmptyText(v) ? this.contentEnd(v) : 0)];
  }

  /** An empty scalar written as nothing at all (its range is where the value would start). */
  isEmptyText(n: YNode): boolean {
    return isScalar(n) && n.value === null && (n.source ?? '') === '' && rangeTuple(n)[0] === rangeTuple(n)[1];
  }

  /**
   * Whether a node's subtree can hold something that starts at offset `s`: every node starts within
   * its parent's range, and so does every pair (a pair without a key is placed at 0, see pairAt).
   */
  private mayHold(n: YNode, s: number): boolean {
    const r = rangeTuple(n);
    return s >= r[0] && s <= Math.max(r[1], r[2], this.contentEnd(n));
  }

  /**
   * Where to start looking among a collection's items (`nodeOf(i)`: item i's node) for the first
   * that holds offset s. Items are in text order, so by binary search: the last one starting at or
   * before s, or an earlier one that still reaches s. 0 when an item has no node.
   */
  private firstCandidate(count: number, nodeOf: (i: number) => YNode | null, s: number): number {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const node = nodeOf(mid);
      if (!node) return 0;
      if (rangeTuple(node)[0] <= s) lo = mid + 1;
      else hi = mid;
    }
    let i = Math.max(lo - 1, 0);
    for (; i > 0; i--) {
      const before = nodeOf(i - 1);
      if (!before) return 0;
      if (!this.mayHold(before, s)) break;
    }
    return i;
  }

  /** The first node, in document order, whose content range is exactly [s, e) (see placementOf). */
  private nodeAt(n: YNode, place: Placement, s: number, e: number): (Placement & { node?: YNode | null }) | undefined {
    // An item's placement already names its node.
    if (rangeTuple(n)[0] === s && this.contentEnd(n) === e && !this.isEmptyText(n))
      return place.kind === 'item' ? place : { ...place, node: n };
    if (isSeq(n)) {
      const items = n.items;
      for (let index = this.firstCandidate(items.length, (i) => asNode(items[i]), s); index < items.length; index++) {
        const node = asNode(items[index]);
        if (node && rangeTuple(node)[0] > s) break; // items are in text order: no later one holds s
        const found = node && this.mayHold(node, s) ? this.nodeAt(node, { kind: 'item', seq: n, index, node }, s, e) : undefined;
        if (found) return found;
      }
    } else if (isMap(n)) {
      const items = n.items;
      for (let index = this.firstCandidate(items.length, (i) => asNode(items[i].value), s); index < items.length; index++) {
        const pair = items[index];
        const node = asNode(pair.value);
        if (node && rangeTuple(node)[0] > s) break; // pairs are in text order: no later value holds s
        const found = node && this.mayHold(node, s) ? this.nodeAt(node, { kind: 'pair', map: n, pair, index }, s, e) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  }

  /**
   * The first pair, in document order, whose range (pairOrigin's, back to offsets) is exactly
   * [s, e). A pair without a key starts at 0 wherever it is, so at 0 every subtree is searched.
   */
  private pairAt(n: YNode, s: number, e: number): Placement | undefined {
    if (isSeq(n)) {
      for (const item of n.items) {
        const node = asNode(item);
        const found = node && (s === 0 || this.mayHold(node, s)) ? this.pairAt(node, s, e) : undefined;
        if (found) return found;
      }
    } else if (isMap(n)) {
      const items = n.items;
      // By the keys, in text order: the pair that holds s is the last one whose key starts at or
      // before it (at 0, where a pair without a key would be, every pair is looked at).
      const first = s === 0 ? 0 : this.firstCandidate(items.length, (i) => asNode(items[i].key), s);
      for (let index = first; index < items.length; index++) {
        const pair = items[index];
        const key = asNode(pair.key);
        if (s !== 0 && key && rangeTuple(key)[0] > s) break;
        const [ps, pe] = this.pairOffsets(pair);
        if (this.doc.normalOffset(ps) === s && this.doc.normalOffset(pe) === e) return { kind: 'pair', map: n, pair, index };
        const node = asNode(pair.value);
        const found = node && (s === 0 || this.mayHold(node, s)) ? this.pairAt(node, s, e) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  }

  /**
   * The node (and where it sits) whose content range is exactly this origin's range, the first in
   * document order; else the pair whose range it is. Found by descending into the one branch that
   * holds the range's start, not by indexing the whole document: a fix asks for a handful.
   */
  placementOf(origin: Origin): (Placement & { node?: YNode | null }) | undefined {
    if (origin.kind !== 'source') return undefined;
    const s = this.doc.offsetAt(origin.range.start);
    const e = this.doc.offsetAt(origin.range.end);
    const roots = this.documents.map((d) => asNode(d.contents)).filter((n): n is YNode => n !== null);
    for (const root of roots) {
      const found = this.mayHold(root, s) ? this.nodeAt(root, { kind: 'root' }, s, e) : undefined;
      if (found) return found;
    }
    for (const root of roots) {
      const found = s === 0 || this.mayHold(root, s) ? this.pairAt(root, s, e) : undefined;
      if (found) return found;
    }
    return undefined;
  }
}
