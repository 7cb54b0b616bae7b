// The single entry point of the core: text in, model and findings out (pure core layer).
// Adapters (language server, CLI) call analyze(); nothing else runs rules.

import { parsers } from './parsers';
import type { SeccompModel } from './model/seccomp';
import type { DaemonModel } from './model/daemon';
import { ruleById, rulesOf } from './rules/ruleSets';
import type { Hit, Rule } from './rules/rule';
import { applySuppressions, findSuppressions } from './suppress';
import { effectiveSeverity } from './config';
import type { FileKind, Finding, Range, Severity, SeveritySetting } from './types';
import { inLocale, t, type Locale } from './types';
import type { ImageModel } from './model/image';
import type { RuntimeSpec } from './model/runtime';
import type { ReadRelative, RuntimeDocModel } from './model/runtimeDoc';
import { TextDoc } from './text';
import { fileKindOf, type KindOptions } from './fileKinds';

/** Files larger than this get one informational finding instead of analysis. */
export const MAX_ANALYZED_BYTES = 2 * 1024 * 1024;

export interface AnalyzeOptions extends KindOptions {
  /** Severity layers, later ones win: the config file, then editor settings. */
  severities?: Record<string, SeveritySetting>[];
  /** The language of messages and fix titles; English when unset or not translated. */
  locale?: Locale;
  /** Reads files relative to the analysed one (Compose `build:` Dockerfiles). Without it, links are not followed. */
  readRelative?: ReadRelative;
  /**
   * What earlier analyses of the same Dockerfile found, kept per build stage (the language server
   * keeps one per edited document; see core/incremental.ts). The result is the same without it.
   */
  dockerfileCache?: DockerfileCache;
  /**
   * The same for a shell script or a Markdown file: what earlier analyses found, kept per run of
   * lines or code block (core/incrementalScript.ts). The result is the same without it.
   */
  scriptCache?: ScriptCache;
}

/** Analyses versions of one shell script or Markdown file, reusing what did not change since the last one. */
export interface ScriptCache {
  /** The analysis of `body` (BOM removed, within the caps): the same as without the cache. */
  analyze(body: string, kind: 'shell' | 'markdown', opts: AnalyzeOptions): Analysis;
}

/** Analyses versions of one Dockerfile, reusing what did not change since the last one. */
export interface DockerfileCache {
  /** The analysis of `body` (BOM removed, within the caps): the same as without the cache. */
  analyze(body: string, opts: AnalyzeOptions): Analysis;
}

export type AnalysisModel =
  | { kind: 'dockerfile'; image: ImageModel }
  | { kind: 'runtime'; runtime: RuntimeDocModel }
  | { kind: 'seccomp'; seccomp: SeccompModel }
  | { kind: 'daemon'; daemon: DaemonModel };

export interface Analysis {
  kind: FileKind;
  doc: TextDoc;
  model?: AnalysisModel;
  findings: Finding[];
}

/** Files with more lines than this get one informational finding too: no real Dockerfile or Compose file comes near. */
export const MAX_ANALYZED_LINES = 20_000;

/** Internal errors become findings with this id so one broken rule cannot hide the others. */
export const INTERNAL_ERROR_ID = 'CT0001';
/** Problems with the input itself: binary, too large, unparsable. */
export const INPUT_PROBLEM_ID = 'CT0002';

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A rule's check, with an exception it throws returned instead. */
export function runRule<M>(rule: { check(model: M): Hit[] }, model: M): Hit[] | Error {
  try {
    return rule.check(model);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** The rule's configured severity ('off' when disabled) and whether the user set one. */
export function ruleSeverity(rule: Rule, opts: AnalyzeOptions): { severity: SeveritySetting; configured: boolean } {
  const severity = effectiveSeverity(rule.meta.id, rule.meta.name, rule.meta.defaultSeverity, opts.severities ?? []);
  // A severity the user set for the rule applies to every hit; otherwise a hit may carry its own.
  const configured = (opts.severities ?? []).some((layer) => (layer[rule.meta.id] ?? layer[rule.meta.name]) !== undefined);
  return { severity, configured };
}

/** What one rule found (or the error it threw, as one CT0001 at `anchor`) as findings, appended to `out`. */
export function pushFindings(
  out: Finding[],
  rule: Rule,
  hits: Hit[] | Error,
  { severity, configured }: { severity: Severity; configured: boolean },
  opts: AnalyzeOptions,
  anchor: Range,
): void {
  if (hits instanceof Error) {
    out.push({
      ruleId: INTERNAL_ERROR_ID,
      severity: 'warning',
      message: inLocale(
        t(
          `Containment's rule ${rule.meta.id} failed here and was skipped: ${hits.message}. Please report this.`,
          `Containment 的规则 ${rule.meta.id} 在此处出错，已跳过：${hits.message}。请报告此问题。`,
        ),
        opts.locale,
      ),
      range: anchor,
      fixes: [],
    });
    return;
  }
  for (const h of hits) {
    out.push({
      ruleId: rule.meta.id,
      severity: configured ? severity : (h.severity ?? severity),
      message: inLocale(h.message, opts.locale),
      range: h.range,
      fixes: (h.fixes ?? []).map((f) => ({ ...f, title: inLocale(f.title, opts.locale) })),
    });
  }
}

/** Runs the enabled rules of one model kind over one model, with configured severities. */
function runRules<M>(model: M, kind: Rule['model'], opts: AnalyzeOptions, anchor: Range): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rulesOf(kind)) {
    const { severity, configured } = ruleSeverity(rule, opts);
    if (severity === 'off') continue;
    pushFindings(findings, rule, runRule(rule as unknown as { check(model: M): Hit[] }, model), { severity, configured }, opts, anchor);
  }
  return findings;
}

export function analyzeImage(image: ImageModel, opts: AnalyzeOptions = {}): Finding[] {
  return runRules(image, 'image', opts, FILE_START);
}

export function analyzeRuntime(spec: RuntimeSpec, opts: AnalyzeOptions = {}): Finding[] {
  return runRules(spec, 'runtime', opts, spec.anchor.kind === 'source' ? spec.anchor.range : FILE_START);
}

function identity(id: string) {
  const r = ruleById(id);
  return r ? { id: r.meta.id, name: r.meta.name, hadolint: r.meta.peers.hadolint ?? [] } : undefined;
}

function sortFindings(f: Finding[]): Finding[] {
  return f.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      // Rule ids are ASCII: code-unit order, without loading ICU's collator (tens of ms) as localeCompare does.
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** Looks for NUL bytes: binary data is reported, not parsed. */
function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

/**
 * Findings of one rule on one range (a value two services share through a YAML anchor) are
 * reported once, naming every container that uses it.
 */
function dedupe(findings: Finding[], labels: Map<Finding, string>, locale?: Locale): Finding[] {
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.ruleId}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  const out: Finding[] = [];
  for (const list of byKey.values()) {
    const first = list[0];
    if (list.length === 1) {
      out.push(first);
      continue;
    }
    const others = [
      ...new Set(
        list
          .slice(1)
          .map((f) => labels.get(f))
          .filter((l): l is string => !!l && l !== labels.get(first)),
      ),
    ];
    if (others.length === 0) {
      out.push(first);
      continue;
    }
    const also = inLocale(t(` (The same setting applies to ${others.join(', ')}.)`, `（同一设置也适用于 ${others.join('、')}。）`), locale);
    out.push({ ...first, message: `${first.message}${also}` });
  }
  return out;
}

export function analyze(path: string, text: string, opts: AnalyzeOptions = {}, languageId?: string): Analysis | undefined {
  const kind = fileKindOf(path, languageId, { ...opts, text });
  if (!kind) return undefined;
  // A leading BOM is not text: editors hide it and count columns after it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const inputProblem = (message: string): Analysis => ({
    kind,
    doc: new TextDoc(body.length > MAX_ANALYZED_BYTES ? '' : body),
    findings: [{ ruleId: INPUT_PROBLEM_ID, severity: 'info', message, range: FILE_START, fixes: [] }],
  });
  if (text.length > MAX_ANALYZED_BYTES) {
    return inputProblem(
      inLocale(
        t(
          `This file is ${(text.length / 1048576).toFixed(1)} MB; Containment analyses files up to ${MAX_ANALYZED_BYTES / 1048576} MB and skipped it.`,
          `此文件大小为 ${(text.length / 1048576).toFixed(1)} MB；Containment 只分析不超过 ${MAX_ANALYZED_BYTES / 1048576} MB 的文件，已跳过。`,
        ),
        opts.locale,
      ),
    );
  }
  if (looksBinary(body)) {
    return inputProblem(
      inLocale(
        t('This file contains binary data (NUL bytes); Containment skipped it.', '此文件包含二进制数据（NUL 字节），Containment 已跳过。'),
        opts.locale,
      ),
    );
  }
  const lines = countLines(body);
  if (lines > MAX_ANALYZED_LINES) {
    const [n, max] = [lines.toLocaleString('en-US'), MAX_ANALYZED_LINES.toLocaleString('en-US')];
    return inputProblem(
      inLocale(
        t(
          `This file has ${n} lines; Containment analyses files up to ${max} lines and skipped it.`,
          `此文件有 ${n} 行；Containment 只分析不超过 ${max} 行的文件，已跳过。`,
        ),
        opts.locale,
      ),
    );
  }
  try {
    return analyzeBody(kind, body, opts);
  } catch (e) {
    // A parser that recurses once per nesting level runs out of stack on input nested thousands
    // of levels deep (JSON, YAML): that is a property of the input, reported as such.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      return inputProblem(
        inLocale(
          t(
            'This file is nested too deeply to analyse (thousands of levels); Containment skipped it.',
            '此文件嵌套过深（数千层），无法分析，Containment 已跳过。',
          ),
          opts.locale,
        ),
      );
    }
    throw e;
  }
}

/** A Dockerfile's analysis from its model and its rules' findings: suppression comments applied, sorted. */
export function imageAnalysis(image: ImageModel, findings: Finding[]): Analysis {
  const span = (line: number) => image.instructions.find((i) => i.range.start.line === line)?.range.end.line ?? line;
  const kept = applySuppressions(findings, findSuppressions(image.doc), identity, span);
  return { kind: 'dockerfile', doc: image.doc, model: { kind: 'dockerfile', image }, findings: sortFindings(kept) };
}

/** Parses a file's text (BOM removed, within the caps) and runs the rules of its kind. */
function analyzeBody(kind: FileKind, body: string, opts: AnalyzeOptions): Analysis {
  if (kind === 'dockerfile') {
    if (opts.dockerfileCache) return opts.dockerfileCache.analyze(body, opts);
    const image = parsers.dockerfile().parseDockerfile(body);
    return imageAnalysis(image, analyzeImage(image, opts));
  }

  if (kind === 'seccomp' || kind === 'daemon') {
    const model = kind === 'seccomp' ? parsers.seccomp().parseSeccomp(body, opts.locale) : parsers.daemon().parseDaemon(body, opts.locale);
    const findings: Finding[] = model.problems.map((p) => ({
      ruleId: INPUT_PROBLEM_ID,
      severity: p.severity,
      message: p.message,
      range: p.range,
      fixes: [],
    }));
    findings.push(...runRules(model, kind, opts, model.range));
    // JSON has no comments, so there are no suppression comments: settings and the config file turn rules off.
    return {
      kind,
      doc: model.doc,
      model: kind === 'seccomp' ? { kind, seccomp: model as SeccompModel } : { kind, daemon: model as DaemonModel },
      findings: sortFindings(findings),
    };
  }
  if (kind !== 'compose' && opts.scriptCache) return opts.scriptCache.analyze(body, kind, opts);
  const runtime =
    kind === 'compose'
      ? parsers.compose().parseCompose(body, opts.readRelative, opts.locale)
      : parsers.dockerRun().parseDockerRuns(body, kind, opts.locale);
  linkProfiles(runtime, opts);
  return runtimeAnalysis(runtime, (spec) => analyzeRuntime(spec, opts), opts);
}

/** Custom seccomp profiles named by the containers: CT2029/CT2030 read what was found there. */
export function linkProfiles(runtime: RuntimeDocModel, opts: AnalyzeOptions): void {
  if (!opts.readRelative) return;
  const { linkSeccompProfiles } = parsers.seccompLink();
  linkSeccompProfiles(runtime, opts.readRelative, (text) =>
    analyze('seccomp.json', text, { severities: opts.severities, locale: opts.locale }),
  );
}

/**
 * A runtime file's analysis from its model and what the runtime rules find in each spec
 * (`findingsOf`): input problems, findings shared through an anchor merged, suppression comments
 * applied, sorted.
 */
export function runtimeAnalysis(runtime: RuntimeDocModel, findingsOf: (spec: RuntimeSpec) => Finding[], opts: AnalyzeOptions): Analysis {
  const findings: Finding[] = runtime.problems.map((p) => ({
    ruleId: INPUT_PROBLEM_ID,
    severity: p.severity,
    message: p.message,
    range: p.range,
    fixes: [],
  }));
  const labels = new Map<Finding, string>();
  for (const spec of runtime.specs) {
    for (const f of findingsOf(spec)) {
      labels.set(f, spec.label);
      findings.push(f);
    }
  }
  const kept = applySuppressions(dedupe(findings, labels, opts.locale), findSuppressions(runtime.doc), identity, (l) =>
    runtime.statementSpan(l),
  );
  return { kind: runtime.kind, doc: runtime.doc, model: { kind: 'runtime', runtime }, findings: sortFindings(kept) };
}

/** Line breaks as TextDoc counts them (\n, \r\n and a lone \r), without building the line table. */
function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  if (text.includes('\r')) for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) !== 10) n++;
  return n;
}
