// The one edit distance behind every "did you mean" (seccomp names and actions, daemon.json keys,
// Explain topics): pure core layer.

const counts = new Int32Array(128);

/**
 * A lower bound of the edit distance, in linear time: the characters one string has more of than
 * the other (an edit changes that count by one at most; a swap not at all). Characters are counted
 * modulo 128, which can only lower the bound.
 */
function bagDistance(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i) & 127]++;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i) & 127]--;
  let more = 0;
  let fewer = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i) & 127;
    if (counts[c] > 0) more += counts[c];
    else fewer -= counts[c];
    counts[c] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i) & 127;
    if (counts[c] < 0) fewer -= counts[c];
    counts[c] = 0;
  }
  return Math.max(more, fewer);
}

/** The distinct characters of a string, one bit each: a–z, 0–9 and `_` their own, the rest sharing the others. */
export interface CharSet {
  lo: number;
  hi: number;
}

function charBit(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 48 && c <= 57) return 26 + c - 48;
  if (c === 95) return 36;
  return 37 + (c % 27);
}

export function charSet(s: string): CharSet {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < s.length; i++) {
    const b = charBit(s.charCodeAt(i));
    if (b < 32) lo |= 1 << b;
    else hi |= 1 << (b - 32);
  }
  return { lo, hi };
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * A lower bound of the edit distance in constant time, from the strings' character sets: one
 * edit brings at most one missing character into each string. Characters sharing a bit can only
 * lower it. Lets "did you mean" skip most candidates before bagDistance and the full distance.
 */
export function setDistance(a: CharSet, b: CharSet): number {
  return Math.max(bitCount(a.lo & ~b.lo) + bitCount(a.hi & ~b.hi), bitCount(b.lo & ~a.lo) + bitCount(b.hi & ~a.hi));
}

/** Three rows reused by every call (the one before the previous is needed for swaps), grown as needed. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and a swap of two
 * neighbouring characters each count as one edit (`opnat` → `openat` is 1, `nmae` → `name` is 1).
 * With `max`, gives up early and returns `max + 1` once the distance must exceed it. Allocates
 * nothing: "did you mean" runs it against hundreds of names for every unknown one in a file.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (max < Infinity && bagDistance(a, b) > max) return max + 1;
  const n = b.length;
  if (rows[0].length < n + 1) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [before, prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = prev[j - 1] + (ai === bj ? 0 : 1);
      if (prev[j] + 1 < d) d = prev[j] + 1;
      if (cur[j - 1] + 1 < d) d = cur[j - 1] + 1;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj && before[j - 2] + 1 < d) d = before[j - 2] + 1;
      cur[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[n];
}
