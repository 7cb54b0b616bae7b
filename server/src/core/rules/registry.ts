// All rules, by id and name (pure core layer). The lists are generated from the rule files.
// Importing ALL_RULES loads every rule; code that runs for one file kind (analyze(), the CLI) uses
// ruleSets.ts, which loads a model's rules when first asked for.

import { allRules } from './ruleSets';
import type { Rule } from './rule';

export { allRules, ruleById, rulesOf } from './ruleSets';

export const ALL_RULES: readonly Rule[] = allRules();
