// Incremental analysis of one shell script or Markdown file across its versions, for the language
// server (pure core layer): analyze() with `scriptCache` set to an IncrementalScript gives the same
// findings and model as without it, but only the parts whose text changed since the last version
// are lexed and checked again. A script is cut into runs of lines that read the same alone as in
// the whole file (parse/dockerRun.ts: shellCutLines, scanShellRegion); a Markdown file into its
// command code blocks. What depends on several parts is done again on the whole every time:
// suppression comments, findings merged across specs, sorting, and seccomp profiles named with
// `seccomp=<path>` (a part that names one is read and checked again on every version, since the
// profile may have changed while the script did not).

import { analyzeRuntime, linkProfiles, runtimeAnalysis, type Analysis, type AnalyzeOptions, type ScriptCache } from './analyze';
import {
  assembleRuns,
  fenceText,
  findFences,
  isCommandFence,
  scanFence,
  scanShellRegion,
  shellCutLines,
  type RunPart,
} from './parse/dockerRun';
import { profilePath } from './link/seccompLink';
import type { RuntimeFix, RuntimeFixer, RuntimeSpec } from './model/runtime';
import { TextDoc } from './text';
import type { Finding, Position } from './types';

/** A part as first read, and what the runtime rules found in its specs (filled as they run). */
interface Base {
  read: RunPart;
  /** The line and file offset where the part started in the version it was read in. */
  line: number;
  offset: number;
  /** Whether a spec names a seccomp profile file: then the part is never reused. */
  linked: boolean;
  findings: Map<RuntimeSpec, Finding[]>;
}

/** A part placed in one version: its base itself, or a copy moved down or up by whole lines. */
interface Part {
  base: Base;
  line: number;
  read: RunPart;
  findings: Map<RuntimeSpec, Finding[]>;
}

export class IncrementalScript implements ScriptCache {
  /** The parts of the last version by key (kind, end of line, last or not, text); a text may occur several times. */
  private parts = new Map<string, Part[]>();
  /** Severities, locale and kind the kept findings were made with. */
  private settings = '';

  analyze(body: string, kind: 'shell' | 'markdown', opts: AnalyzeOptions): Analysis {
    const settings = JSON.stringify([kind, opts.locale ?? 'en', opts.severities ?? []]);
    if (settings !== this.settings) {
      this.parts = new Map();
      this.settings = settings;
    }
    const doc = new TextDoc(body);
    const previous = this.parts;
    this.parts = new Map();
    const parts = kind === 'shell' ? this.shellParts(doc, previous, opts) : this.fenceParts(doc, previous, opts);
    const runtime = assembleRuns(
      doc,
      kind,
      parts.map((p) => p.read),
      parts.map((p) => doc.lineStarts[p.line] - p.base.offset),
    );
    linkProfiles(runtime, opts);
    // Only specs of new parts meet the rules (after linking, which the rules read).
    const owner = new Map<RuntimeSpec, Part>();
    for (const p of parts) for (const s of p.read.specs) owner.set(s, p);
    return runtimeAnalysis(
      runtime,
      (spec) => {
        const part = owner.get(spec) as Part;
        let found = part.findings.get(spec);
        if (!found) {
          found = analyzeRuntime(spec, opts);
          part.findings.set(spec, found);
        }
        return found;
      },
      opts,
    );
  }

  /** Keeps a part for the next version under `key` (unless it names a profile). */
  private keep(key: string, part: Part): void {
    if (part.base.linked) return;
    const list = this.parts.get(key);
    if (list) list.push(part);
    else this.parts.set(key, [part]);
  }

  /**
   * The script's parts: runs of lines between cut lines, each taken from the last version when
   * its text and line are the same, else read. A run that does not read cleanly alone (a quote,
   * substitution or here-document open at its end, a line continued into the next) is joined
   * with the following runs, twice as many each time, until it does or reaches the end.
   */
  private shellParts(doc: TextDoc, previous: Map<string, Part[]>, opts: AnalyzeOptions): Part[] {
    const cuts = [0, ...shellCutLines(doc), doc.lineCount];
    const out: Part[] = [];
    for (let c = 0; c < cuts.length - 1;) {
      let step = 1;
      let end = c + 1;
      let part: Part;
      for (;;) {
        const last = end === cuts.length - 1;
        const line = cuts[c];
        const start = doc.lineStarts[line];
        const stop = last ? doc.text.length : doc.lineStarts[cuts[end]];
        const text = doc.text.slice(start, stop);
        const key = `s${doc.eol}${last ? 1 : 0}\u0000${text}`;
        part = take(previous.get(key), line) ?? fresh(scanShellRegion(doc, start, stop, opts.locale), line, start);
        this.keep(key, part);
        if (last || part.read.clean) break;
        step *= 2;
        end = Math.min(cuts.length - 1, c + step);
      }
      out.push(part);
      c = end;
    }
    return out;
  }

  /** A Markdown file's command code blocks, each taken from the last version when its text and line are the same, else read. */
  private fenceParts(doc: TextDoc, previous: Map<string, Part[]>, opts: AnalyzeOptions): Part[] {
    const out: Part[] = [];
    for (const f of findFences(doc)) {
      if (!isCommandFence(f)) continue;
      const key = `m${doc.eol}\u0000${fenceText(doc, f)}`;
      const part = take(previous.get(key), f.openLine) ?? fresh(scanFence(doc, f, opts.locale), f.openLine, doc.lineStarts[f.openLine]);
      this.keep(key, part);
      out.push(part);
    }
    return out;
  }
}

function fresh(read: RunPart, line: number, offset: number): Part {
  const linked = read.specs.some((s) => s.securityOpt.some((o) => profilePath(o) !== undefined));
  const base: Base = { read, line, offset, linked, findings: new Map() };
  return { base, line, read, findings: base.findings };
}

/**
 * One of the last version's parts with this text, placed on `line`: one already there if any,
 * else one moved there from its base (never from a moved copy, so copies do not pile up).
 */
function take(candidates: Part[] | undefined, line: number): Part | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  const there = candidates.findIndex((p) => p.line === line);
  const [part] = candidates.splice(there >= 0 ? there : 0, 1);
  if (part.line === line) return part;
  const base = part.base;
  if (base.line === line) return { base, line, read: base.read, findings: base.findings };
  return moved(base, line);
}

/**
 * The part read in `base`, `line - base.line` lines lower: the same text on other lines, so every
 * position moves by whole lines and keeps its column. Specs and findings are copied with their
 * positions moved; the fixer is the base's, its edits moved and its arguments mapped back to the
 * base's objects (it may look them up). Option offsets stay the base's (assembleRuns moves them).
 */
function moved(base: Base, line: number): Part {
  const dl = line - base.line;
  const back = new Map<object, object>();
  const specs = base.read.specs.map((s) => {
    const copy = shift(s, dl, back);
    if (s.fixer) copy.fixer = movedFixer(s.fixer, dl, back);
    return copy;
  });
  const findings = new Map<RuntimeSpec, Finding[]>();
  base.read.specs.forEach((s, i) => {
    const found = base.findings.get(s);
    if (found) findings.set(specs[i], shift(found, dl));
  });
  const read: RunPart = {
    specs,
    problems: shift(base.read.problems, dl),
    statements: base.read.statements.map((s) => ({ first: s.first + dl, last: s.last + dl })),
    flags: base.read.flags,
    blockEnds: base.read.blockEnds.map(([open, close]) => [open + dl, close + dl]),
    clean: base.read.clean,
  };
  return { base, line, read, findings };
}

function isPosition(v: object): v is Position {
  const keys = Object.keys(v);
  return keys.length === 2 && typeof (v as Position).line === 'number' && typeof (v as Position).character === 'number';
}

/** A copy of plain data with every position `dl` lines lower; `back` maps each copied object to its original. */
function shift<T>(v: T, dl: number, back?: Map<object, object>): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = v.map((x: unknown) => shift(x, dl, back));
    back?.set(out, v);
    return out as T;
  }
  if (isPosition(v)) return { line: v.line + dl, character: v.character } as T;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = k === 'fixer' ? undefined : shift(x, dl, back);
  back?.set(out, v);
  return out as T;
}

/** The base's fixer for a copy `dl` lines lower. */
function movedFixer(fixer: RuntimeFixer, dl: number, back: Map<object, object>): RuntimeFixer {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(fixer)) {
    if (typeof fn !== 'function') continue;
    out[name] = (...args: unknown[]) => {
      const mapped = args.map((a) => (a !== null && typeof a === 'object' ? (back.get(a) ?? shift(a, -dl)) : a));
      const fix = (fn as (...a: unknown[]) => RuntimeFix | undefined).apply(fixer, mapped);
      return fix && shift(fix, dl);
    };
  }
  return out;
}
