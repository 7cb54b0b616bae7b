// The shared edit distance behind every "did you mean".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { charSet, editDistance, setDistance } from '../server/src/core/editDistance';

test('insertions, deletions, substitutions and neighbour swaps each cost one', () => {
  assert.equal(editDistance('openat', 'openat'), 0);
  assert.equal(editDistance('opnat', 'openat'), 1);
  assert.equal(editDistance('openatt', 'openat'), 1);
  assert.equal(editDistance('openbt', 'openat'), 1);
  assert.equal(editDistance('nmae', 'name'), 1);
  assert.equal(editDistance('log-levle', 'log-level'), 1);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('kitten', 'sitting'), 3);
});

test('a bound stops early and answers max + 1 beyond it', () => {
  assert.equal(editDistance('kitten', 'sitting', 2), 3);
  assert.equal(editDistance('a', 'abcdef', 2), 3);
  assert.equal(editDistance('kitten', 'sitting', 3), 3);
});

test('the character-set bound never exceeds the distance, and it tells apart names with no letters in common', () => {
  const words = [
    'openat',
    'opnat',
    'nmae',
    'name',
    'sys12345',
    'pread64',
    'wait4',
    '',
    'a',
    'A_b-9',
    'ÉtÉ',
    'log-level',
    'kitten',
    'sitting',
  ];
  // Strings over a small alphabet (so that they share characters), with case, digits, `_` and others.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 16; // the high bits (the low ones repeat soon)
  const alphabet = 'abcdeABz09_-.é€';
  for (let i = 0; i < 400; i++) words.push(Array.from({ length: next() % 9 }, () => alphabet[next() % alphabet.length]).join(''));
  for (const a of words)
    for (const b of words) {
      const bound = setDistance(charSet(a.toLowerCase()), charSet(b.toLowerCase()));
      assert.ok(bound <= editDistance(a.toLowerCase(), b.toLowerCase()), `${a} / ${b}: bound ${bound}`);
    }
  assert.equal(setDistance(charSet('sys12345'), charSet('pread64')), 6);
  assert.equal(setDistance(charSet('openat'), charSet('opnat')), 1);
  assert.equal(setDistance(charSet('nmae'), charSet('name')), 0);
});
