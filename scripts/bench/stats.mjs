// Timing helpers shared by the benchmarks: repeated measurement with warm-up, medians and p95.
import { performance } from 'node:perf_hooks';

/** Median, p95, min, max and mean of samples in milliseconds. */
export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return { n: 0, median: NaN, p95: NaN, min: NaN, max: NaN, mean: NaN };
  const q = (p) => s[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))];
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return {
    n,
    median: round(median),
    p95: round(q(0.95)),
    min: round(s[0]),
    max: round(s[n - 1]),
    mean: round(s.reduce((a, b) => a + b, 0) / n),
  };
}

export function round(x, digits = 3) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Runs fn after a warm-up, at least minIter and at most maxIter times, stopping once budgetMs of
 * measured time has passed; `fn(i)` gets the iteration number (for inputs that change each time).
 */
export function measure(fn, { warmup = 3, minIter = 7, maxIter = 200, budgetMs = 2000 } = {}) {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const samples = [];
  let spent = 0;
  for (let i = 0; i < maxIter && (i < minIter || spent < budgetMs); i++) {
    const t0 = performance.now();
    fn(i);
    const dt = performance.now() - t0;
    samples.push(dt);
    spent += dt;
  }
  return summarize(samples);
}

/**
 * Times several functions in rounds, each once per round and each round starting with the next one,
 * so that what changes while they run (the machine's load, the heap, the JIT) touches them all
 * alike: for the ratios between them. Stops after at least minIter rounds once budgetMs per
 * function has passed. Returns one summary per function, in order.
 */
export function measureInterleaved(fns, { warmup = 3, minIter = 10, maxIter = 200, budgetMs = 2000 } = {}) {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const samples = fns.map(() => []);
  let spent = 0;
  for (let i = 0; i < maxIter && (i < minIter || spent < budgetMs * fns.length); i++) {
    for (let k = 0; k < fns.length; k++) {
      const j = (i + k) % fns.length;
      const t0 = performance.now();
      fns[j]();
      const dt = performance.now() - t0;
      samples[j].push(dt);
      spent += dt;
    }
  }
  return samples.map(summarize);
}

/** Inserts `ch` into text at a zero-based line/character. */
export function insertAt(text, line, character, ch) {
  let off = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) return text + ch;
    off = nl + 1;
  }
  return text.slice(0, off + character) + ch + text.slice(off + character);
}
