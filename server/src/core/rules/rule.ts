// The shape of a rule: metadata as data plus a pure check over one model (pure core layer).
// One rule per file under rules/<model>/; scripts/gen-rule-index.mjs lists them in index.generated.ts.

import type { Fix, Range, RuleMeta, Severity } from '../types';
import type { ImageModel } from '../model/image';
import type { RuntimeSpec } from '../model/runtime';

/** What a rule's check returns; the analyzer adds the id and the configured severity. */
export interface Hit {
  range: Range;
  message: string;
  fixes?: Fix[];
  /**
   * This hit's own severity when it differs from the rule's default (a read-only mount of /etc
   * is less serious than a writable one). A severity the user configured for the rule wins.
   */
  severity?: Severity;
}

export interface ImageRule {
  model: 'image';
  meta: RuleMeta;
  check(model: ImageModel): Hit[];
}

/** A runtime rule reads one container's RuntimeSpec, whether from Compose, `docker run` or a live container. */
export interface RuntimeRule {
  model: 'runtime';
  meta: RuleMeta;
  check(spec: RuntimeSpec): Hit[];
}

export type Rule = ImageRule | RuntimeRule;

export function imageRule(meta: RuleMeta, check: (model: ImageModel) => Hit[]): ImageRule {
  return { model: 'image', meta, check };
}

export function runtimeRule(meta: RuleMeta, check: (spec: RuntimeSpec) => Hit[]): RuntimeRule {
  return { model: 'runtime', meta, check };
}

/** Docs live in the repository; diagnostics link to them through codeDescription. */
export const DOCS_BASE = 'https://github.com/containment-dev/containment/blob/main/docs/rules/';

export function docUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
