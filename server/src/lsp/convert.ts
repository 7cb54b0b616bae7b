// Core findings → LSP diagnostics (language server adapter layer).

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { inLocale, t, type Finding, type Locale, type Severity } from '../core/types';
import { INPUT_PROBLEM_ID } from '../core/analyze';
import { docUrl } from '../core/rules/rule';
import { ruleById } from '../core/rules/registry';

export const SOURCE = 'Containment';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries in `data`, so code actions know the rule and its fixes. */
export interface DiagnosticData {
  ruleId: string;
  fixes: { title: string }[];
}

export function toDiagnostic(f: Finding): Diagnostic {
  const known = ruleById(f.ruleId) !== undefined;
  const data: DiagnosticData = { ruleId: f.ruleId, fixes: f.fixes.map((x) => ({ title: x.title })) };
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    codeDescription: known ? { href: docUrl(f.ruleId) } : undefined,
    message: f.message,
    data,
  };
}

/**
 * Diagnostics published for one document at most. A file with more (a generated or hostile one:
 * 19,000 `docker run` lines make 171,000 findings, tens of megabytes of JSON for the editor to
 * take in) shows the errors first, then warnings, then information, each in file order, and one
 * note saying how many were left out. Code actions and fix-all still see every finding.
 */
export const MAX_DIAGNOSTICS = 1000;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A document's findings as the diagnostics to publish (see MAX_DIAGNOSTICS). */
export function toDiagnostics(findings: Finding[], locale: Locale = 'en'): Diagnostic[] {
  if (findings.length <= MAX_DIAGNOSTICS) return findings.map(toDiagnostic);
  const kept = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .slice(0, MAX_DIAGNOSTICS)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.f);
  const shown = MAX_DIAGNOSTICS.toLocaleString('en-US');
  const all = findings.length.toLocaleString('en-US');
  const note: Finding = {
    ruleId: INPUT_PROBLEM_ID,
    severity: 'info',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: inLocale(
      t(
        `Containment shows ${shown} of the ${all} findings in this file (errors first, then warnings, then information); \`containment lint\` lists them all.`,
        `Containment 只显示这个文件 ${all} 条发现中的 ${shown} 条（先错误，再警告，再信息）；\`containment lint\` 会列出全部。`,
      ),
      locale,
    ),
    fixes: [],
  };
  return [toDiagnostic(note), ...kept.map(toDiagnostic)];
}
