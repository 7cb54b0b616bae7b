// Code actions from the latest analysis: each finding's own fixes, "ignore this rule here",
// "show the rule's documentation", and a fix-all source action for safe fixes (adapter layer).

import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { DocumentResult } from './documentCache';
import { suppressionEdit } from '../core/suppress';
import { toDiagnostic } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.containment`;
export const SHOW_DOC_COMMAND = 'containment.showRuleDoc';

function overlaps(a: Range, b: Range): boolean {
  if (a.end.line < b.start.line || b.end.line < a.start.line) return false;
  if (a.end.line === b.start.line && a.end.character < b.start.character) return false;
  if (b.end.line === a.start.line && b.end.character < a.start.character) return false;
  return true;
}

export function codeActions(uri: string, analysis: DocumentResult, range: Range, only: string[] | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));

  if (wants(CodeActionKind.QuickFix)) {
    // With only a cursor (Ctrl+. anywhere on a line), every finding on that line is offered, as
    // people expect; with a selection, the findings it touches.
    const cursor = range.start.line === range.end.line && range.start.character === range.end.character;
    const here = analysis.findings.filter((f) =>
      cursor ? f.range.start.line <= range.start.line && range.start.line <= f.range.end.line : overlaps(f.range, range),
    );
    const fixes: CodeAction[] = [];
    const ignores: CodeAction[] = [];
    const docs: CodeAction[] = [];
    const seenRules = new Set<string>();
    for (const f of here) {
      const diagnostic: Diagnostic = toDiagnostic(f);
      f.fixes.forEach((fix, i) => {
        fixes.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: i === 0,
          edit: { changes: { [uri]: fix.edits } },
        });
      });
      if (f.ruleId.startsWith('CT0') || seenRules.has(f.ruleId)) continue;
      seenRules.add(f.ruleId);
      // JSON (daemon.json, seccomp profiles) has no comments: a suppression comment would break the file.
      if (analysis.kind !== 'daemon' && analysis.kind !== 'seccomp')
        ignores.push({
          title: `Ignore ${f.ruleId} here (add a containment-ignore comment)`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: [suppressionEdit(analysis.doc, analysis.statementLine(f.range.start.line), f.ruleId)] } },
        });
      docs.push({
        title: `Show documentation for ${f.ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${f.ruleId}`, command: SHOW_DOC_COMMAND, arguments: [f.ruleId] },
      });
    }
    actions.push(...fixes, ...ignores, ...docs);
  }

  if (wants(FIX_ALL_KIND) || (only ?? []).includes(CodeActionKind.Source)) {
    const edits = safeFixEdits(analysis);
    if (edits.length > 0) {
      actions.push({ title: 'Fix all safe Containment issues in this file', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
    }
  }
  return actions;
}

/** A position as one number, in document order (lines are far fewer than 2^21, characters than 2^32). */
const at = (p: Range['start']): number => p.line * 2 ** 32 + p.character;

/**
 * The union of closed ranges taken so far, as sorted disjoint intervals: a range meets one of
 * the taken ranges (as `overlaps` says: touching counts) exactly when it meets their union, found
 * by binary search, so a file with ten thousand safe fixes is not compared pair by pair.
 */
class TakenRanges {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** The first interval that ends at or after `s`. */
  private firstEndingFrom(s: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  meets(r: Range): boolean {
    const i = this.firstEndingFrom(at(r.start));
    return i < this.starts.length && this.starts[i] <= at(r.end);
  }

  add(r: Range): void {
    let s = at(r.start);
    let e = at(r.end);
    const i = this.firstEndingFrom(s);
    let j = i;
    while (j < this.starts.length && this.starts[j] <= e) {
      s = Math.min(s, this.starts[j]);
      e = Math.max(e, this.ends[j]);
      j++;
    }
    this.starts.splice(i, j - i, s);
    this.ends.splice(i, j - i, e);
  }
}

/** Edits of every safe fix, skipping any that overlaps one already taken. */
export function safeFixEdits(analysis: Pick<DocumentResult, 'findings'>): TextEdit[] {
  const taken: TextEdit[] = [];
  const union = new TakenRanges();
  for (const f of analysis.findings) {
    const fix = f.fixes.find((x) => x.safe);
    if (!fix) continue;
    if (fix.edits.some((e) => union.meets(e.range))) continue;
    for (const e of fix.edits) {
      taken.push(e);
      union.add(e.range);
    }
  }
  return taken;
}
