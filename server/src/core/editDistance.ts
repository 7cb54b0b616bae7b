// The one edit distance behind every "did you mean" (seccomp names and actions, daemon.json keys,
// Explain topics): pure core layer.

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and a swap of two
 * neighbouring characters each count as one edit (`opnat` → `openat` is 1, `nmae` → `name` is 1).
 * With `max`, gives up early and returns `max + 1` once the distance must exceed it.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rows: the one before the previous is needed for swaps.
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      cur[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length];
}
