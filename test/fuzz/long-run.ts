// `npm run fuzz`: the properties of test/fuzz/properties.ts with many cases and a fresh seed (printed,
// so a failure can be replayed with FUZZ_SEED=<seed> npm run fuzz). FUZZ_RUNS sets the cases per property.
import { runAll } from './properties';

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const numRuns = Number(process.env.FUZZ_RUNS ?? 5000);
process.stdout.write(`fuzz: seed ${seed}, ${numRuns} cases per property (replay: FUZZ_SEED=${seed} npm run fuzz)\n`);
const t0 = Date.now();
try {
  const cases = runAll(numRuns, seed, (name, ms) => process.stdout.write(`  ok  ${name} (${(ms / 1000).toFixed(1)} s)\n`));
  process.stdout.write(`fuzz: ${cases} cases passed in ${((Date.now() - t0) / 1000).toFixed(1)} s (seed ${seed})\n`);
} catch (e) {
  process.stdout.write(`fuzz: FAILED with seed ${seed}\n${(e as Error).message}\n`);
  process.exitCode = 1;
}
