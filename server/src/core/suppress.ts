// Inline suppression comments, the same syntax in every file kind that has comments
// (pure core layer). `# containment-ignore CT1001 CT1013: reason` silences those rules on the next
// statement (or on its own line when it trails code); `# containment-ignore-file CT1013: reason`
// silences them in the whole file. `# hadolint ignore=DL3002` is honoured through rules' peer ids.

import type { Finding, TextEdit } from './types';
import type { TextDoc } from './text';

export interface Suppression {
  ids: string[];
  /** hadolint codes, matched against rules' peers.hadolint. */
  hadolint: string[];
  reason?: string;
  /** The line the comment is on. */
  line: number;
  /** The first line it silences, or -1 for the whole file. */
  target: number;
}

const OURS = /(?:#|<!--|\/\/)\s*containment-ignore(-file)?\b[ \t]*([A-Za-z0-9_, \t-]*?)(?:[ \t]*:[ \t]*(.*?))?[ \t]*(?:-->)?[ \t]*$/;
const HADOLINT = /#\s*hadolint\s+(global\s+)?ignore=([A-Za-z0-9,\s]+)/;

function isCommentOnly(line: string): boolean {
  return /^\s*(#|<!--|\/\/)/.test(line);
}

/** Finds suppression comments; `span` tells how far the statement starting at a line goes. */
export function findSuppressions(doc: TextDoc): Suppression[] {
  const out: Suppression[] = [];
  if (!doc.text.includes('containment-ignore') && !doc.text.includes('hadolint')) return out;
  const n = doc.lineCount;
  for (let line = 0; line < n; line++) {
    const text = doc.lineText(line);
    if (!text.includes('containment-ignore') && !text.includes('hadolint')) continue;
    const nextStatement = (): number => {
      let l = line + 1;
      while (l < n && (isCommentOnly(doc.lineText(l)) || doc.lineText(l).trim() === '')) l++;
      return l < n ? l : -2;
    };
    const m = OURS.exec(text);
    if (m) {
      const ids = m[2].split(/[\s,]+/).filter(Boolean);
      const target = m[1] ? -1 : isCommentOnly(text) ? nextStatement() : line;
      out.push({ ids, hadolint: [], reason: m[3] || undefined, line, target });
      continue;
    }
    const h = HADOLINT.exec(text);
    if (h && isCommentOnly(text)) {
      const codes = h[2]
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((c) => c.toUpperCase());
      out.push({ ids: [], hadolint: codes, line, target: h[1] ? -1 : nextStatement() });
    }
  }
  return out;
}

export interface RuleIdentity {
  id: string;
  name: string;
  hadolint: string[];
}

/**
 * Drops findings that a suppression covers. `statementSpan(line)` gives the last line of the
 * statement that starts at `line` (a multi-line RUN, a YAML block), so a comment above a statement
 * covers findings anywhere inside it.
 */
export function applySuppressions(
  findings: Finding[],
  suppressions: Suppression[],
  identity: (ruleId: string) => RuleIdentity | undefined,
  statementSpan: (line: number) => number,
): Finding[] {
  if (suppressions.length === 0) return findings;
  return findings.filter((f) => {
    const rule = identity(f.ruleId);
    for (const s of suppressions) {
      const matches =
        s.ids.some((id) => id === f.ruleId || id === rule?.name || id.toLowerCase() === 'all') ||
        (rule !== undefined && s.hadolint.some((code) => rule.hadolint.includes(code)));
      if (!matches) continue;
      if (s.target === -1) return false;
      if (s.target < 0) continue;
      const end = statementSpan(s.target);
      if (f.range.start.line >= s.target && f.range.start.line <= end) return false;
    }
    return true;
  });
}

/**
 * The edit for "ignore this rule here": a comment line above the statement, or the id appended to
 * an existing containment-ignore comment right above it. Keeps the statement's indentation and the
 * file's line endings.
 */
export function suppressionEdit(doc: TextDoc, statementLine: number, ruleId: string, commentPrefix = '#', commentSuffix = ''): TextEdit {
  const above = statementLine > 0 ? doc.lineText(statementLine - 1) : '';
  const m = /^(\s*(?:#|<!--)\s*containment-ignore[ \t]+)([A-Za-z0-9_, \t-]*?)([ \t]*(?::.*?)?[ \t]*(?:-->)?)$/.exec(above);
  if (m && !/containment-ignore-file/.test(above)) {
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    if (!ids.includes(ruleId)) ids.push(ruleId);
    const start = { line: statementLine - 1, character: m[1].length };
    const end = { line: statementLine - 1, character: m[1].length + m[2].length };
    return { range: { start, end }, newText: ids.join(' ') };
  }
  const indent = doc.indentOf(statementLine);
  const suffix = commentSuffix ? ` ${commentSuffix}` : '';
  return {
    range: { start: { line: statementLine, character: 0 }, end: { line: statementLine, character: 0 } },
    newText: `${indent}${commentPrefix} containment-ignore ${ruleId}${suffix}${doc.eol}`,
  };
}
