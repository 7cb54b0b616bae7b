// YamlView, the Compose parser's view of the YAML tree. placementOf finds the node (or pair) behind an origin by descending into the one branch
// that holds it. Checked here against the plain definition, an index of every node and pair of the
// document in document order, for every node and pair of generated, mutated and real Compose files
// (CRLF, a BOM, several documents, flow collections, keyless pairs, anchors and merges).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isAlias, isMap, isPair, isSeq, parseAllDocuments } from 'yaml';
import { asNode, rangeTuple, YamlView, type Placement, type YNode } from '../server/src/core/parse/compose/yamlView';
import { TextDoc } from '../server/src/core/text';
import { composeText, mutated, seedTexts } from './fuzz/properties';

type Found = (Placement & { node?: YNode | null }) | undefined;
type Origin = Parameters<YamlView['placementOf']>[0];

/** An origin in the text, back to offsets. */
function offsets(view: YamlView, o: Origin): [number, number] {
  assert.equal(o.kind, 'source');
  if (o.kind !== 'source') return [-1, -1];
  return [view.doc.offsetAt(o.range.start), view.doc.offsetAt(o.range.end)];
}

function viewOf(text: string): YamlView {
  const doc = new TextDoc(text);
  return new YamlView(doc, parseAllDocuments(doc.text, { merge: false, prettyErrors: true, uniqueKeys: false }) as never, []);
}

/**
 * The definition: every node keyed by its content range, then every pair by its range, the first
 * in document order winning, nodes before pairs. Returns the lookups to check, with their answers.
 */
function expected(view: YamlView): { s: number; e: number; origin: Origin; want: Found }[] {
  const nodes = new Map<string, Found>();
  const pairs = new Map<string, Found>();
  const asked: { s: number; e: number; origin: Origin }[] = [];
  const walk = (n: YNode | null, place: Placement): void => {
    if (!n) return;
    const origin = view.origin(n);
    const [s, e] = offsets(view, origin);
    asked.push({ s, e, origin });
    const k = `${rangeTuple(n)[0]}:${view.contentEnd(n)}`;
    if (!nodes.has(k) && !view.isEmptyText(n)) nodes.set(k, place.kind === 'item' ? place : { ...place, node: n });
    if (isSeq(n)) n.items.forEach((it, index) => walk(asNode(it), { kind: 'item', seq: n, index, node: asNode(it) }));
    else if (isMap(n))
      n.items.forEach((pair, index) => {
        const p: Placement = { kind: 'pair', map: n, pair, index };
        const po = view.pairOrigin(pair);
        const [ps, pe] = offsets(view, po);
        asked.push({ s: ps, e: pe, origin: po });
        const pk = `${ps}:${pe}`;
        if (!pairs.has(pk)) pairs.set(pk, p);
        walk(asNode(pair.value), p);
      });
  };
  for (const d of view.documents) walk(asNode(d.contents), { kind: 'root' });
  return asked.map((a) => ({ ...a, want: nodes.get(`${a.s}:${a.e}`) ?? pairs.get(`${a.s}:${a.e}`) }));
}

function same(a: Found, b: Found): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'root' || b.kind === 'root') return a.node === b.node;
  if (a.kind === 'item' && b.kind === 'item') return a.seq === b.seq && a.index === b.index && a.node === b.node;
  if (a.kind === 'pair' && b.kind === 'pair') return a.map === b.map && a.pair === b.pair && a.index === b.index && a.node === b.node;
  return false;
}

function check(text: string): number {
  const view = viewOf(text);
  const cases = expected(view);
  for (const c of cases) {
    const got = view.placementOf(c.origin);
    assert.ok(same(got, c.want), `placement of [${c.s}, ${c.e}) in ${JSON.stringify(text.slice(0, 300))}`);
  }
  // An origin that is no node's nor pair's range has no placement.
  if (text.length > 3) {
    const doc = view.doc;
    const stray = { kind: 'source' as const, range: doc.rangeOf(1, doc.text.length - 1) };
    const want = cases.find((c) => c.s === doc.offsetAt(stray.range.start) && c.e === doc.offsetAt(stray.range.end))?.want;
    assert.ok(same(view.placementOf(stray), want));
  }
  return cases.length;
}

const hand = [
  'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - target: 443\n        published: 8443\n',
  'x-base: &base\n  restart: always\n  ports: ["80:80", {target: 1, published: 2}]\nservices:\n  a:\n    <<: *base\n  b:\n    <<: [*base]\n    image: b\n',
  'services:\r\n  web:\r\n    image: nginx\r\n    ports:\r\n      - "8080:80"\r\n',
  '\uFEFFservices:\n  web:\n    image: nginx\n',
  '---\nservices:\n  a:\n    image: a\n---\nservices:\n  b:\n    image: b\n    ports:\n      - 80\n',
  ': keyless\nservices:\n  ? complex\n  : value\n  web: {image: nginx, ports: [80]}\n  empty:\n  other: ~\n',
  'services:\n  web:\n    image: nginx\n    environment:\n      - A=1\n      -\n      - B\n# trailing comment\n\n',
  '[a, b, {c: d}]\n',
  'plain scalar\n',
  '',
];

test('placementOf agrees with the document-order index on hand-written Compose files', () => {
  let n = 0;
  for (const text of hand) n += check(text);
  assert.ok(n > 60, `only ${n} lookups`);
});

test('placementOf agrees with the document-order index on the rules’ examples', () => {
  let n = 0;
  for (const text of seedTexts().compose) n += check(text);
  assert.ok(n > 1000, `only ${n} lookups`);
});

test('placementOf agrees with the document-order index on generated and mutated Compose files', () => {
  const runs = Number(process.env.FUZZ_RUNS ?? 60);
  fc.assert(
    fc.property(fc.oneof(composeText, mutated(composeText)), (text) => {
      check(text);
    }),
    { numRuns: runs * 2, seed: 8 },
  );
});

// ---------- alias expansion ----------

const MAX_EXPANSION = 100_000;

/** The definition: every node of the document counted with each alias replaced by what it refers to. */
function expandedSize(view: YamlView, root: YNode, targets: (a: YNode) => YNode | null): number {
  const memo = new Map<YNode, number>();
  const size = (n: YNode | null): number => {
    if (!n) return 1;
    const known = memo.get(n);
    if (known !== undefined) return known;
    let total = 1;
    if (isAlias(n)) total = size(targets(n));
    else if (isSeq(n)) for (const it of n.items) total = Math.min(total + size(asNode(it)), MAX_EXPANSION * 10);
    else if (isMap(n)) for (const p of n.items) total = Math.min(total + size(asNode(p.key)) + size(asNode(p.value)), MAX_EXPANSION * 10);
    memo.set(n, total);
    return total;
  };
  return size(root);
}

/** Levels of anchors, each holding `fan` aliases of the one before, then `extra` plain values. */
const aliasDoc = fc
  .record({
    levels: fc.integer({ min: 1, max: 6 }),
    fan: fc.integer({ min: 2, max: 12 }),
    extra: fc.integer({ min: 0, max: 400 }),
    form: fc.constantFrom('block', 'flow', 'pairs', 'merge'),
    uses: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ levels, fan, extra, form, uses }) => {
    const lines = ['x-l0: &l0 {a: 1, b: [1, 2], ? c}'];
    for (let l = 1; l <= levels; l++) {
      const refs = Array.from({ length: fan }, () => `*l${l - 1}`);
      if (form === 'block') lines.push(`x-l${l}: &l${l}`, ...refs.map((r) => `  - ${r}`));
      else if (form === 'flow') lines.push(`x-l${l}: &l${l} [${refs.join(', ')}]`);
      // A `k: v` item of a flow sequence is a mapping of one pair.
      else if (form === 'pairs') lines.push(`x-l${l}: &l${l} [${refs.map((r, i) => (i % 2 ? `k${i}: ${r}` : r)).join(', ')}]`);
      else lines.push(`x-l${l}: &l${l}`, ...refs.map((r, i) => `  k${i}: ${r}`), `  <<: *l${l - 1}`);
    }
    lines.push('services:', '  web:', '    image: nginx', '    environment:');
    for (let i = 0; i < uses; i++) lines.push(`      E${i}: *l${levels}`);
    lines.push('    labels:', ...Array.from({ length: extra }, (_, i) => `      - l${i}`));
    return lines.join('\n') + '\n';
  });

test('documents are counted with their aliases expanded, exactly; a bomb is found when one passes the bound', () => {
  let over = 0;
  let under = 0;
  fc.assert(
    fc.property(aliasDoc, fc.constantFrom('', '---\nservices: {}\n'), (text, before) => {
      const view = viewOf(before + text);
      const targets = new Map<YNode, YNode | null>();
      const anchors = new Map<string, YNode>();
      const index = (n: unknown): void => {
        if (isPair(n)) return void (index(n.key), index(n.value));
        if (isAlias(n)) return void targets.set(n, anchors.get(n.source) ?? null);
        const node = asNode(n);
        if (node?.anchor) anchors.set(node.anchor, node);
        if (isMap(node) || isSeq(node)) node.items.forEach(index);
      };
      const sizes = view.documents.map((d) => {
        anchors.clear();
        const root = asNode(d.contents);
        if (!root) return 0;
        index(root);
        return expandedSize(view, root, (a) => targets.get(a) ?? null);
      });
      assert.deepEqual(view.expandedSizes, sizes);
      const bomb = sizes.some((n) => n > MAX_EXPANSION);
      if (bomb) over++;
      else under++;
      assert.equal(view.aliasesDisabled, bomb, JSON.stringify(text.slice(0, 200)));
      assert.equal(
        view.problems.some((p) => /alias bomb/.test(p.message)),
        bomb,
      );
    }),
    { numRuns: 300, seed: 8 },
  );
  assert.ok(over > 20 && under > 20, `${over} bombs, ${under} not`);
});
