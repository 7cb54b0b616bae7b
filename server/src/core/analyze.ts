// The single entry point of the core: text in, model and findings out (pure core layer).
// Adapters (language server, CLI) call analyze(); nothing else runs rules.

import { parseDockerfile } from './parse/dockerfile';
import { ALL_RULES, ruleById } from './rules/registry';
import type { Hit, Rule } from './rules/rule';
import { applySuppressions, findSuppressions } from './suppress';
import { effectiveSeverity } from './config';
import type { FileKind, Finding, SeveritySetting } from './types';
import type { ImageModel } from './model/image';
import { TextDoc } from './text';
import { fileKindOf } from './fileKinds';

/** Files larger than this get one informational finding instead of analysis. */
export const MAX_ANALYZED_BYTES = 2 * 1024 * 1024;

export interface AnalyzeOptions {
  /** Severity layers, later ones win: the config file, then editor settings. */
  severities?: Record<string, SeveritySetting>[];
}

export type AnalysisModel = { kind: 'dockerfile'; image: ImageModel };

export interface Analysis {
  kind: FileKind;
  doc: TextDoc;
  model?: AnalysisModel;
  findings: Finding[];
}

/** Internal errors become findings with this id so one broken rule cannot hide the others. */
export const INTERNAL_ERROR_ID = 'CT0001';
export const INPUT_PROBLEM_ID = 'CT0002';

function runRule<M>(rule: Rule & { check(model: M): Hit[] }, model: M): Hit[] | Error {
  try {
    return rule.check(model);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

export function analyzeImage(image: ImageModel, opts: AnalyzeOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    if (rule.model !== 'image') continue;
    const severity = effectiveSeverity(rule.meta.id, rule.meta.name, rule.meta.defaultSeverity, opts.severities ?? []);
    if (severity === 'off') continue;
    const hits = runRule(rule, image);
    if (hits instanceof Error) {
      findings.push({
        ruleId: INTERNAL_ERROR_ID,
        severity: 'warning',
        message: `Containment's rule ${rule.meta.id} failed on this file and was skipped: ${hits.message}. Please report this.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        fixes: [],
      });
      continue;
    }
    for (const h of hits) {
      findings.push({ ruleId: rule.meta.id, severity, message: h.message, range: h.range, fixes: h.fixes ?? [] });
    }
  }
  return findings;
}

/** The last line of the Dockerfile instruction that starts at `line` (for suppression comments). */
function dockerfileSpan(image: ImageModel): (line: number) => number {
  return (line) => {
    const instr = image.instructions.find((i) => i.range.start.line === line);
    return instr ? instr.range.end.line : line;
  };
}

function identity(id: string) {
  const r = ruleById(id);
  return r ? { id: r.meta.id, name: r.meta.name, hadolint: r.meta.peers.hadolint ?? [] } : undefined;
}

function sortFindings(f: Finding[]): Finding[] {
  return f.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId),
  );
}

/** Looks for NUL bytes and replacement characters: binary data is reported, not parsed. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  return sample.includes('\u0000');
}

export function analyze(path: string, text: string, opts: AnalyzeOptions = {}, languageId?: string): Analysis | undefined {
  const kind = fileKindOf(path, languageId);
  if (!kind) return undefined;
  // A leading BOM is not part of the first instruction.
  const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const doc = new TextDoc(body);
  const inputProblem = (message: string): Analysis => ({
    kind,
    doc,
    findings: [
      {
        ruleId: INPUT_PROBLEM_ID,
        severity: 'info',
        message,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        fixes: [],
      },
    ],
  });
  if (text.length > MAX_ANALYZED_BYTES) {
    return inputProblem(
      `This file is ${(text.length / 1048576).toFixed(1)} MB; Containment analyses files up to ${MAX_ANALYZED_BYTES / 1048576} MB and skipped it.`,
    );
  }
  if (looksBinary(body)) return inputProblem('This file contains binary data (NUL bytes); Containment skipped it.');

  const image = parseDockerfile(body);
  const findings = analyzeImage(image, opts);
  const kept = applySuppressions(findings, findSuppressions(image.doc), identity, dockerfileSpan(image));
  return { kind, doc: image.doc, model: { kind: 'dockerfile', image }, findings: sortFindings(kept) };
}
