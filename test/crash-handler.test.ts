// The client's crash handler: restarts, tells the user once, gives up with one message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crashHandler, GAVE_UP_MESSAGE, RESTARTED_MESSAGE } from '../client/src/crashHandler';

test('a crashed server is restarted and the user told once; five crashes in 3 minutes stop with one message', async () => {
  const shown: string[] = [];
  let now = 0;
  const h = crashHandler(
    (m) => shown.push(m),
    () => now,
  );
  for (let i = 0; i < 4; i++) {
    now += 10_000;
    const r = await h.closed();
    assert.equal(r.action, 2, 'restart');
    assert.equal(r.handled, true, 'no notification from the client itself');
  }
  assert.deepEqual(shown, [RESTARTED_MESSAGE]);
  now += 10_000;
  const last = await h.closed();
  assert.equal(last.action, 1, 'do not restart');
  assert.equal(last.message, GAVE_UP_MESSAGE);
  assert.notEqual(last.handled, true, 'the client shows this message');
});

test('crashes spread over more than 3 minutes keep restarting', async () => {
  let now = 0;
  const h = crashHandler(
    () => undefined,
    () => now,
  );
  for (let i = 0; i < 10; i++) {
    now += 60_000;
    assert.equal((await h.closed()).action, 2);
  }
});
