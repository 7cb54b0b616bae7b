// The shared edit distance behind every "did you mean".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance } from '../server/src/core/editDistance';

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
