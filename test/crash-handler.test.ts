// The client's crash handler: restarts, tells the user once, gives up with one message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crashHandler, gaveUpMessage, restartedMessage } from '../client/src/crashHandler';

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
  assert.deepEqual(shown, [restartedMessage()]);
  assert.match(shown[0], /stopped unexpectedly and was restarted/);
  now += 10_000;
  const last = await h.closed();
  assert.equal(last.action, 1, 'do not restart');
  assert.equal(last.message, gaveUpMessage());
  assert.match(String(last.message), /crashed 5 times in 3 minutes/);
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

test('the messages go through the translator the extension passes (vscode.l10n.t), with their numbers', async () => {
  const calls: [string, unknown[]][] = [];
  const t = (m: string, ...args: (string | number)[]) => {
    calls.push([m, args]);
    return `译: ${m.replace('{0}', String(args[0]))}`;
  };
  const shown: string[] = [];
  let now = 0;
  const h = crashHandler(
    (m) => shown.push(m),
    () => now,
    t,
  );
  let last;
  for (let i = 0; i < 5; i++) {
    now += 1000;
    last = await h.closed();
  }
  assert.equal(shown.length, 1);
  assert.match(shown[0], /^译: Containment: the language server stopped unexpectedly/);
  assert.match(String(last?.message), /^译: .*crashed 5 times/);
  assert.deepEqual(calls[1][1], [5], 'the count is a placeholder argument, not part of the key');
});
