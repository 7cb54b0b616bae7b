// `npm run fuzz`: the properties of test/fuzz/properties.ts with many cases and a fresh seed (printed,
// so a failure can be replayed with FUZZ_SEED=<seed> npm run fuzz). FUZZ_RUNS sets the cases per property;
// FUZZ_ONLY runs the properties whose name contains it (FUZZ_ONLY=dockerfile: the Dockerfile families
// and random text read as a Dockerfile).
import { runAll } from './properties';

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const numRuns = Number(process.env.FUZZ_RUNS ?? 5000);
const only = process.env.FUZZ_ONLY || undefined;
process.stdout.write(
  `fuzz: seed ${seed}, ${numRuns} cases per property${only ? ` whose name contains "${only}"` : ''} (replay: FUZZ_SEED=${seed}${only ? ` FUZZ_ONLY=${only}` : ''} npm run fuzz)\n`,
);
const t0 = Date.now();
const failures = runAll(
  numRuns,
  seed,
  (name, ms, failure) => process.stdout.write(`  ${failure ? 'FAIL' : 'ok  '}  ${name} (${(ms / 1000).toFixed(1)} s)\n`),
  only,
);
const secs = ((Date.now() - t0) / 1000).toFixed(1);
if (failures.length > 0) {
  process.stdout.write(
    `fuzz: ${failures.length} propert${failures.length === 1 ? 'y' : 'ies'} FAILED with seed ${seed} (${secs} s)\n\n${failures.join('\n\n')}\n`,
  );
  process.exitCode = 1;
} else process.stdout.write(`fuzz: all properties passed, ${numRuns} cases each, in ${secs} s (seed ${seed})\n`);
