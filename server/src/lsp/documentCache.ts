// What the language server keeps per open document (adapter layer). For every open document: its
// findings (diagnostics, quick fixes, fix-all, the findings part of a hover), its line table, and
// for each line holding a finding the line an ignore comment goes above. Models (Dockerfile
// instructions, RuntimeSpecs with their fixers and parse trees, seccomp and daemon.json trees),
// which only hovers read, are kept for the few most recently analysed or hovered documents; a
// hover elsewhere analyses the document's text again. So 200 open documents cost 200 sets of
// findings, not 200 models (a model is often 10 to 100 times its text).

import type { Analysis } from '../core/analyze';
import { statementStarts, type TextDoc } from '../core/text';
import type { FileKind, Finding } from '../core/types';

/** What is kept of one analysis for as long as the document is open. */
export interface DocumentResult {
  kind: FileKind;
  /** The analysed text's line table (the text itself is the document's). */
  doc: TextDoc;
  findings: Finding[];
  /** The first line of the statement holding `line` (a finding's start line), where an ignore comment goes. */
  statementLine(line: number): number;
}

/** How many documents keep their whole analysis (model included) for hovers. */
export const RECENT_ANALYSES = 3;

/**
 * The first line of the statement holding a line, from the model (a Dockerfile's instructions
 * never share a line, so the innermost one is the only one).
 */
function statementStartsOf(analysis: Analysis): (line: number) => number {
  const model = analysis.model;
  if (model?.kind === 'runtime') return (line) => model.runtime.statementStart(line);
  if (model?.kind !== 'dockerfile') return (line) => line;
  const spans = model.image.instructions.map((i) => ({ first: i.range.start.line, last: i.range.end.line }));
  return statementStarts(spans, analysis.doc.lineCount);
}

/** The part of an analysis kept for an open document: nothing that refers to the model. */
export function retain(analysis: Analysis): DocumentResult {
  // Only the lines where a finding starts and whose statement starts above are stored.
  const starts = new Map<number, number>();
  const seen = new Set<number>();
  const statementStartOf = statementStartsOf(analysis);
  for (const f of analysis.findings) {
    const line = f.range.start.line;
    if (seen.has(line)) continue;
    seen.add(line);
    const first = statementStartOf(line);
    if (first !== line) starts.set(line, first);
  }
  return {
    kind: analysis.kind,
    doc: analysis.doc,
    findings: analysis.findings,
    statementLine: (line) => starts.get(line) ?? line,
  };
}

interface Entry {
  version: number;
  /** Undefined when the document is not a kind Containment reads (or its analysis failed). */
  result: DocumentResult | undefined;
}

/** Per-URI results for every open document, plus the whole analyses of the most recently used ones. */
export class DocumentCache {
  private readonly results = new Map<string, Entry>();
  /** Most recent first; at most RECENT_ANALYSES. */
  private recent: { uri: string; version: number; analysis: Analysis }[] = [];

  constructor(private readonly keep = RECENT_ANALYSES) {}

  /** The kept result of a document, whatever its version (callers compare versions). */
  entry(uri: string): Entry | undefined {
    return this.results.get(uri);
  }

  /** Records an analysis of `version`: its result for as long as the document is open, the analysis itself while it is recent. */
  set(uri: string, version: number, analysis: Analysis | undefined): DocumentResult | undefined {
    const result = analysis ? retain(analysis) : undefined;
    this.results.set(uri, { version, result });
    this.recent = this.recent.filter((r) => r.uri !== uri);
    if (analysis) this.recent.unshift({ uri, version, analysis });
    if (this.recent.length > this.keep) this.recent.length = this.keep;
    return result;
  }

  /** The whole analysis of `version` when it is still kept (it becomes the most recent). */
  analysis(uri: string, version: number): Analysis | undefined {
    const i = this.recent.findIndex((r) => r.uri === uri && r.version === version);
    if (i < 0) return undefined;
    const [hit] = this.recent.splice(i, 1);
    this.recent.unshift(hit);
    return hit.analysis;
  }

  delete(uri: string): void {
    this.results.delete(uri);
    this.recent = this.recent.filter((r) => r.uri !== uri);
  }

  clear(): void {
    this.results.clear();
    this.recent = [];
  }
}
