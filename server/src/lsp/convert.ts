// Core findings → LSP diagnostics (language server adapter layer).

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../core/types';
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
