// Bounded property-based run of test/fuzz/properties.ts in the test command (fixed seed, so CI is
// repeatable; FUZZ_SEED and FUZZ_RUNS override). `npm run fuzz` runs many more cases with a new seed.

import { test, describe } from 'node:test';
import fc from 'fast-check';
import { checkAnalysis, PATH_FOR, properties } from './fuzz/properties';

const seed = Number(process.env.FUZZ_SEED ?? 20240808);
const numRuns = Number(process.env.FUZZ_RUNS ?? 60);
/** Fixes checked per document in the bounded run (all of them in `npm run fuzz`). */
const MAX_FIXES = 6;

describe(`fuzz: analyze() on generated, mutated and random input (seed ${seed}, ${numRuns} cases each)`, () => {
  for (const p of properties()) {
    test(p.name, () => {
      fc.assert(
        fc.property(p.arb, (text) => {
          checkAnalysis(PATH_FOR[p.kind], text, 1, MAX_FIXES);
        }),
        { numRuns, seed },
      );
    });
  }
});
