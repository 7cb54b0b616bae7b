// All rules, by id and name (pure core layer). The list itself is generated from the rule files.

import { GENERATED_RULES } from './index.generated';
import type { Rule } from './rule';

// Ids are ASCII (CT + four digits), so code-unit order is their order; localeCompare would load
// ICU's collator, 20 to 60 ms of every start of the CLI and the server.
export const ALL_RULES: readonly Rule[] = [...GENERATED_RULES].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));

const byKey = new Map<string, Rule>();
for (const r of ALL_RULES) {
  byKey.set(r.meta.id.toUpperCase(), r);
  byKey.set(r.meta.name.toLowerCase(), r);
}

/** Finds a rule by its id (CT1001) or name (no-user), case-insensitively. */
export function ruleById(key: string): Rule | undefined {
  return byKey.get(key.toUpperCase()) ?? byKey.get(key.toLowerCase());
}
