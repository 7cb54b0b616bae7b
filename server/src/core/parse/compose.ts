// Compose file → one RuntimeSpec per service (pure core layer). Uses the `yaml` package's document
// API so every value has its exact range: anchors, aliases and `<<` merges are followed (a value
// from an anchor keeps the anchor's range), `extends` is merged, `${VAR}` values are unknown, and a
// `build:` Dockerfile (read through ReadRelative) tells what the image's own USER and HEALTHCHECK are.
// Pieces live in ./compose/: yamlView (nodes, merges, ranges), service (keys → RuntimeSpec),
// syntax (short volume/port strings, paths), build (Dockerfile facts), edits and fixer (fixes),
// structure (statement lines, key paths).

import { isMap, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import { TextDoc } from '../text';
import { t, type Locale, type Position, type Range } from '../types';
import type { Origin, RuntimeSpec } from '../model/runtime';
import type { InputProblem, ReadRelative, RuntimeDocModel } from '../model/runtimeDoc';
import { composeProblem, YamlView, type Entry, type YNode } from './compose/yamlView';
import { yamlErrorZh } from './compose/yamlErrors';
import { hostVolumes, mergeExtends, readService, remapOrigins, type ServiceRead, type VolumeDef } from './compose/service';
import { imageFactsOf } from './compose/build';
import { dirnameOf, joinPath } from './compose/syntax';
import { Structure, type KeyPathHit } from './compose/structure';
import { Editor } from './compose/edits';
import { composeFixer } from './compose/fixer';

export type { KeyPathHit } from './compose/structure';

/** The Compose model plus what hover needs: the key path under a position. */
export type ComposeDocModel = RuntimeDocModel & {
  kind: 'compose';
  /** `services.web.cap_add.0` as `['services', 'web', 'cap_add', '0']`, with the key or value range there. */
  keyPathAt(pos: Position): KeyPathHit | undefined;
};

/** How deep `extends: {file: …}` chains are followed. */
const MAX_EXTENDS_DEPTH = 8;

function firstLine(message: string): string {
  return message
    .split('\n', 1)[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

function parseDocs(doc: TextDoc, problems: InputProblem[], locale: Locale = 'en'): Document.Parsed[] {
  // Duplicate keys are found by YamlView in linear time (the yaml package's check is quadratic in a mapping's size).
  const docs = parseAllDocuments(doc.text, { merge: false, prettyErrors: true, uniqueKeys: false });
  const list = Array.isArray(docs) ? (docs as Document.Parsed[]) : [];
  for (const d of list) {
    for (const e of d.errors) {
      const [s, en] = e.pos;
      const line = firstLine(e.message);
      // The yaml package words its errors in English only: Chinese comes from their wording or code.
      const message = composeProblem(t(line, yamlErrorZh(e.code, line)), locale);
      problems.push({ message, range: doc.rangeOf(s, Math.max(s, en)), severity: 'warning' });
    }
  }
  return list;
}

interface ServiceNode {
  name: string;
  entry: Entry;
  /** Named volumes of the service's document that bind host directories. */
  volumes: Map<string, VolumeDef>;
}

/** The services of every document in a file, in order. */
function servicesOf(view: YamlView, report: boolean): ServiceNode[] {
  const out: ServiceNode[] = [];
  for (const d of view.documents) {
    const root = d.contents as YNode | null;
    if (root === null || view.isEmpty(root)) continue;
    const top = view.resolve(root);
    if (!isMap(top)) {
      if (report)
        view.problem(
          root,
          t(
            'its top level should be a mapping of keys such as `services:`, not a list or a single value.',
            '它的顶层应该是由 `services:` 这样的键组成的映射，而不是列表或单个值。',
          ),
        );
      continue;
    }
    const volumes = hostVolumes(view, view.entries(top));
    const services = view.entries(top).get('services');
    if (!services || !services.value) continue;
    const map = services.value;
    if (!isMap(map)) {
      if (report)
        view.problem(
          map,
          t('`services:` should be a mapping of service names to their settings.', '`services:` 应该是从服务名到其设置的映射。'),
        );
      continue;
    }
    for (const [name, entry] of view.entries(map)) {
      if (name.startsWith('x-')) continue;
      if (entry.value && !isMap(entry.value)) {
        if (report)
          view.problem(entry.value, t(`service "${name}" should be a mapping of settings.`, `服务 "${name}" 应该是由设置组成的映射。`));
        continue;
      }
      out.push({ name, entry, volumes });
    }
  }
  return out;
}

interface FileCtx {
  view: YamlView;
  services: Map<string, ServiceNode>;
  readRelative?: ReadRelative;
  /** The folder of this Compose file relative to the analysed one (`.` for the analysed one). */
  folder: string;
  depth: number;
  memo: Map<string, ServiceRead | undefined>;
  busy: Set<string>;
}

/** A service's spec with `extends` merged and its `build:` Dockerfile's facts, without fixes. */
function buildSpec(ctx: FileCtx, name: string): ServiceRead | undefined {
  if (ctx.memo.has(name)) return ctx.memo.get(name);
  const node = ctx.services.get(name);
  if (!node || ctx.busy.has(name)) return undefined;
  ctx.busy.add(name);
  const { view } = ctx;
  const entries = view.mapEntries(node.entry.value) ?? new Map<string, Entry>();
  const anchor = view.origin(node.entry.keyNode);
  const read = readService(view, name, anchor, entries, node.volumes);
  if (read.build) {
    read.spec.builds = view.origin(entries.get('build')?.keyNode ?? node.entry.keyNode);
    read.spec.imageFacts = imageFactsOf(read.build, ctx.readRelative, ctx.folder);
  }
  let spec = read.spec;
  const ext = read.extends;
  if (ext) {
    let base: RuntimeSpec | undefined;
    if (ext.file === undefined) base = buildSpec(ctx, ext.service)?.spec;
    else if (ctx.readRelative && ctx.depth < MAX_EXTENDS_DEPTH) base = readOtherFile(ctx, ext.file, ext.service, ext.origin);
    if (base) {
      spec = mergeExtends(base, spec);
      spec.label = read.spec.label;
      spec.anchor = anchor;
      if (base.partial) spec.partial = true;
    } else spec.partial = true; // the base's settings are not visible: report only what is set here
  }
  if (view.aliasesDisabled || brokenInside(view, node.entry)) spec.partial = true;
  const result: ServiceRead = { ...read, spec };
  ctx.busy.delete(name);
  ctx.memo.set(name, result);
  return result;
}

/** Whether the YAML parser reported an error inside a service's text (its settings may be cut short). */
function brokenInside(view: YamlView, entry: Entry): boolean {
  const o = view.pairOrigin(entry.pair);
  if (o.kind !== 'source' || view.problems.length === 0) return false;
  const start = view.doc.offsetAt(o.range.start);
  const end = view.doc.offsetAt(o.range.end);
  return view.problems.some((p) => {
    const at = view.doc.offsetAt(p.range.start);
    return at >= start && at <= end;
  });
}

/** A service of another Compose file (`extends: {file: …}`): its values all point at the `extends:` value here. */
function readOtherFile(ctx: FileCtx, file: string, service: string, origin: Origin): RuntimeSpec | undefined {
  const read = ctx.readRelative!;
  const path = joinPath(ctx.folder, file);
  let text: string | undefined;
  try {
    text = read(path);
  } catch {
    text = undefined;
  }
  if (text === undefined) return undefined;
  const doc = new TextDoc(text);
  const problems: InputProblem[] = [];
  const view = new YamlView(doc, parseDocs(doc, problems), problems);
  const sub: FileCtx = {
    view,
    services: new Map(servicesOf(view, false).map((s) => [s.name, s])),
    readRelative: read,
    folder: dirnameOf(path),
    depth: ctx.depth + 1,
    memo: new Map(),
    busy: new Set(),
  };
  const base = buildSpec(sub, service)?.spec;
  if (!base) return undefined;
  const remapped = remapOrigins(base, origin);
  if (problems.length > 0) remapped.partial = true; // the other file is broken: its settings may be cut short
  return remapped;
}

/** `locale` is the language of the problems' messages (English unless given). */
export function parseCompose(text: string, readRelative?: ReadRelative, locale: Locale = 'en'): ComposeDocModel {
  const doc = new TextDoc(text);
  const problems: InputProblem[] = [];
  const view = new YamlView(doc, parseDocs(doc, problems, locale), problems, locale);
  const structure = new Structure(view);
  const editor = new Editor(view, structure);
  const nodes = servicesOf(view, true);
  const ctx: FileCtx = { view, services: new Map(), readRelative, folder: '.', depth: 0, memo: new Map(), busy: new Set() };
  for (const n of nodes) if (!ctx.services.has(n.name)) ctx.services.set(n.name, n);

  const specs: RuntimeSpec[] = [];
  for (const n of nodes) {
    const read = ctx.services.get(n.name) === n ? buildSpec(ctx, n.name) : undefined;
    if (!read) continue;
    const spec = read.spec;
    const raw = n.entry.raw;
    spec.fixer = composeFixer({
      view,
      editor,
      pair: n.entry.pair,
      ownMap: n.entry.own && raw && isMap(raw) ? raw : undefined,
      entries: view.mapEntries(n.entry.value) ?? new Map(),
      spec,
    });
    specs.push(spec);
  }

  return {
    kind: 'compose',
    doc,
    specs,
    problems,
    statementSpan: (line) => structure.span(line),
    statementStart: (line) => structure.start(line),
    hoverAt: () => undefined,
    keyPathAt: (pos) => structure.keyPathAt(pos),
  };
}

/** The key path and range under a position of a Compose model (undefined for other models). */
export function composeKeyAt(
  model: RuntimeDocModel,
  pos: Position,
): { path: string[]; range: Range; on: 'key' | 'value'; text?: string } | undefined {
  const m = model as Partial<ComposeDocModel>;
  return model.kind === 'compose' && typeof m.keyPathAt === 'function' ? m.keyPathAt(pos) : undefined;
}
