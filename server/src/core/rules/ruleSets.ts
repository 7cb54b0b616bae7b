// The rules of each model, loaded when first asked for, and rules by id or name (pure core layer).
// analyze() asks only for the rules of the file kind it analyses, so a Dockerfile lint evaluates no
// Compose, seccomp or daemon.json rule (rules/index.generated.ts loads each model's list).

import { RULE_PACKS } from './index.generated';
import type { Rule } from './rule';

export type RuleModel = Rule['model'];

const MODELS: readonly RuleModel[] = ['image', 'runtime', 'seccomp', 'daemon'];

/** A rule id's first digit names the model it reads (CT1xxx image, 2xxx runtime, 3xxx seccomp, 4xxx daemon). */
const MODEL_OF_DIGIT: Readonly<Record<string, RuleModel>> = { '1': 'image', '2': 'runtime', '3': 'seccomp', '4': 'daemon' };

// Ids are ASCII (CT + four digits), so code-unit order is their order; localeCompare would load
// ICU's collator, 20 to 60 ms of every start of the CLI and the server.
const byId = (a: Rule, b: Rule): number => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0);

const loaded = new Map<RuleModel, readonly Rule[]>();
/** Upper-case ids and lower-case names of the rules loaded so far. */
const byKey = new Map<string, Rule>();
let all: readonly Rule[] | undefined;

/** The rules that read one model, sorted by id. */
export function rulesOf(model: RuleModel): readonly Rule[] {
  let rules = loaded.get(model);
  if (!rules) {
    rules = [...RULE_PACKS[model]()].sort(byId);
    for (const r of rules) {
      byKey.set(r.meta.id.toUpperCase(), r);
      byKey.set(r.meta.name.toLowerCase(), r);
    }
    loaded.set(model, rules);
  }
  return rules;
}

/** The models whose rules this process has loaded (the CLI's code cache records them: io/codeCache.ts). */
export function loadedModels(): RuleModel[] {
  return [...loaded.keys()];
}

/** Every rule, sorted by id. */
export function allRules(): readonly Rule[] {
  return (all ??= MODELS.flatMap((m) => rulesOf(m)).sort(byId));
}

/** Finds a rule by its id (CT1001) or name (no-user), case-insensitively; an id loads only its model's rules. */
export function ruleById(key: string): Rule | undefined {
  const upper = key.toUpperCase();
  if (/^CT\d{4}$/.test(upper)) {
    const model = MODEL_OF_DIGIT[upper[2]];
    return model ? rulesOf(model).find((r) => r.meta.id === upper) : undefined;
  }
  allRules();
  return byKey.get(upper) ?? byKey.get(key.toLowerCase());
}
