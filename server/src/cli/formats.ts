// Output formats of `containment lint`: text for people, JSON for scripts, SARIF 2.1.0 for code
// scanning (CLI layer).

import { ruleById } from '../core/rules/ruleSets';
import { docUrl } from '../core/rules/rule';
import type { Finding, Locale, Severity } from '../core/types';

export interface FileResult {
  /** Path as given or relative to the working folder, with `/` separators. */
  path: string;
  findings: Finding[];
  /** A file that could not be read: the CLI exits 2. */
  error?: string;
}

const VERSION = '0.1.0';

export function toJson(results: FileResult[]): string {
  const findings = results.flatMap((r) =>
    r.findings.map((f) => {
      const rule = ruleById(f.ruleId);
      return {
        file: r.path,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        ruleId: f.ruleId,
        ruleName: rule?.meta.name,
        severity: f.severity,
        message: f.message,
        peers: rule?.meta.peers ?? {},
        docs: rule ? docUrl(f.ruleId) : undefined,
        fixes: f.fixes.map((x) => x.title),
      };
    }),
  );
  const errors = results.filter((r) => r.error).map((r) => ({ file: r.path, error: r.error }));
  return JSON.stringify({ version: VERSION, findings, errors }, null, 2) + '\n';
}

/** A relative URI reference for a `/`-separated path: `#` and `?` are part of the name, not a fragment or query. */
function pathToUri(path: string): string {
  return encodeURI(path).replace(/[#?]/g, (c) => encodeURIComponent(c));
}

export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF's tool section with the metadata of the rules that fired, and each rule's index in it (shared by lint and inspect). */
export function sarifTool(ruleIds: Iterable<string>): { tool: object; ruleIndex: Map<string, number> } {
  const used = new Set(ruleIds);
  // By id, as the rule list is sorted; only the rules of the kinds that fired are loaded.
  const rules = [...used]
    .flatMap((id) => {
      const rule = ruleById(id);
      return rule?.meta.id === id ? [rule] : [];
    })
    .sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  return {
    ruleIndex: new Map(rules.map((r, i) => [r.meta.id, i])),
    tool: {
      driver: {
        name: 'Containment',
        version: VERSION,
        informationUri: 'https://github.com/containment-dev/containment',
        rules: rules.map((r) => ({
          id: r.meta.id,
          name: r.meta.name,
          shortDescription: { text: r.meta.title },
          fullDescription: { text: r.meta.explanation },
          help: { text: r.meta.remediation, markdown: r.meta.remediation },
          helpUri: docUrl(r.meta.id),
          defaultConfiguration: { level: SARIF_LEVEL[r.meta.defaultSeverity] },
          properties: { tags: ['security', 'container'], peers: r.meta.peers },
        })),
      },
    },
  };
}

export function toSarif(results: FileResult[]): string {
  const { tool, ruleIndex } = sarifTool(results.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool,
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: pathToUri(r.path) },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
        invocations: [
          {
            executionSuccessful: !results.some((r) => r.error),
            toolExecutionNotifications: results
              .filter((r) => r.error)
              .map((r) => ({ level: 'error', message: { text: `${r.path}: ${r.error}` } })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

export function toText(results: FileResult[], color: boolean, locale: Locale = 'en'): string {
  const zh = locale === 'zh-CN';
  const c = (k: keyof typeof COLORS, s: string) => (color ? `${COLORS[k]}${s}${COLORS.reset}` : s);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of results) {
    if (r.error) {
      out.push(`${c('bold', r.path)}`, `  ${c('error', zh ? '无法检查' : 'cannot lint')}: ${r.error}`, '');
      continue;
    }
    if (r.findings.length === 0) continue;
    out.push(c('bold', r.path));
    for (const f of r.findings) {
      counts[f.severity]++;
      const loc = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      out.push(`  ${c('dim', `${r.path}:${loc}`)}  ${c(f.severity, f.severity.padEnd(7))} ${c('bold', f.ruleId)}  ${f.message}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info;
  const files = results.filter((r) => !r.error).length;
  if (zh) {
    out.push(
      total === 0
        ? `${files} 个文件中没有发现问题。`
        : `${files} 个文件中共发现 ${total} 个问题（${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示）。`,
    );
  } else {
    out.push(
      total === 0
        ? `No findings in ${files} file${files === 1 ? '' : 's'}.`
        : `${total} finding${total === 1 ? '' : 's'} (${counts.error} error, ${counts.warning} warning, ${counts.info} info) in ${files} file${files === 1 ? '' : 's'}.`,
    );
  }
  return out.join('\n') + '\n';
}
