// The shape of a rule: metadata as data plus a pure check over one model (pure core layer).
// One rule per file under rules/<model>/; scripts/gen-rule-index.mjs lists them in <model>.generated.ts.

import type { Fix, Range, RuleMeta, Text, Severity } from '../types';
import type { ImageModel } from '../model/image';
import type { RuntimeSpec } from '../model/runtime';
import type { SeccompModel } from '../model/seccomp';
import type { DaemonModel } from '../model/daemon';

/** What a rule's check returns; the analyzer adds the id and the configured severity. */
/** A fix as a rule makes it: its title may be written in both languages. */
export type RuleFix = Omit<Fix, 'title'> & { title: Text };

export interface Hit {
  range: Range;
  /** One sentence; write it with t(en, zh) so both languages come from the same place. */
  message: Text;
  fixes?: RuleFix[];
  /**
   * This hit's own severity when it differs from the rule's default (a read-only mount of /etc
   * is less serious than a writable one). A severity the user configured for the rule wins.
   */
  severity?: Severity;
}

/**
 * What an image rule's findings depend on. `file` (the default): anything in the model. `stage`:
 * the rule's hits on a model are the hits it finds on each build stage's instructions alone (those
 * before the first FROM count as one), given a model that holds only them; it reads
 * `model.instructions`, the text of their lines and `model.escapeChar`, and nothing about other
 * stages (names, users, the final stage). Incremental analysis reuses the hits of stages whose
 * text did not change (see core/incremental.ts); test/incremental.test.ts checks the claim.
 */
export type ImageRuleScope = 'file' | 'stage';

export interface ImageRule {
  model: 'image';
  meta: RuleMeta;
  scope: ImageRuleScope;
  check(model: ImageModel): Hit[];
}

/** A runtime rule reads one container's RuntimeSpec, whether from Compose, `docker run` or a live container. */
export interface RuntimeRule {
  model: 'runtime';
  meta: RuleMeta;
  check(spec: RuntimeSpec): Hit[];
}

/** A seccomp rule reads one profile (a JSON file Docker loads with `--security-opt seccomp=`). */
export interface SeccompProfileRule {
  model: 'seccomp';
  meta: RuleMeta;
  check(profile: SeccompModel): Hit[];
}

/** A daemon rule reads Docker's daemon.json. */
export interface DaemonRule {
  model: 'daemon';
  meta: RuleMeta;
  check(daemon: DaemonModel): Hit[];
}

export type Rule = ImageRule | RuntimeRule | SeccompProfileRule | DaemonRule;

export function imageRule(meta: RuleMeta, check: (model: ImageModel) => Hit[], scope: ImageRuleScope = 'file'): ImageRule {
  return { model: 'image', meta, scope, check };
}

export function runtimeRule(meta: RuleMeta, check: (spec: RuntimeSpec) => Hit[]): RuntimeRule {
  return { model: 'runtime', meta, check };
}

/** Docs live in the repository; diagnostics link to them through codeDescription. */
export const DOCS_BASE = 'https://github.com/containment-dev/containment/blob/main/docs/rules/';

export function docUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function seccompRule(meta: RuleMeta, check: (profile: SeccompModel) => Hit[]): SeccompProfileRule {
  return { model: 'seccomp', meta, check };
}

export function daemonRule(meta: RuleMeta, check: (daemon: DaemonModel) => Hit[]): DaemonRule {
  return { model: 'daemon', meta, check };
}
