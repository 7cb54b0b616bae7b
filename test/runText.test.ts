// The RUN lexer used by image rules: commands split on operators and lines, with exact ranges.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../server/src/core/parse/dockerfile';
import { shellCommands, programOf } from '../server/src/core/rules/image/runText';
import { isRun, type RunInstr } from '../server/src/core/model/image';

function runs(text: string): RunInstr[] {
  return parseDockerfile(text).instructions.filter(isRun);
}

test('splits on && | ; and keeps ranges', () => {
  const [run] = runs('FROM alpine\nRUN apk add curl && curl -fsSL https://x.sh|sh; echo done\n');
  const cmds = shellCommands(run);
  assert.deepEqual(
    cmds.map((c) => [c.words.map((w) => w.value).join(' '), c.next]),
    [
      ['apk add curl', '&&'],
      ['curl -fsSL https://x.sh', '|'],
      ['sh', ';'],
      ['echo done', undefined],
    ],
  );
  const sh = cmds[2].words[0];
  assert.deepEqual(sh.range, { start: { line: 1, character: 44 }, end: { line: 1, character: 46 } });
});

test('skips RUN flags, follows continuations and heredocs', () => {
  const [a, b] = runs(
    'FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk \\\n    sudo apk add git\nRUN <<EOF\nset -e\nsudo id\nEOF\n',
  );
  assert.deepEqual(
    shellCommands(a).map((c) => c.words.map((w) => w.value)),
    [['sudo', 'apk', 'add', 'git']],
  );
  assert.equal(programOf(shellCommands(a)[0])?.name, 'apk');
  assert.deepEqual(
    shellCommands(b).map((c) => c.words.map((w) => w.value)),
    [
      ['set', '-e'],
      ['sudo', 'id'],
    ],
  );
});

test('exec form words lose their JSON quoting', () => {
  const [run] = runs('FROM alpine\nRUN ["sudo", "apk", "add", "git"]\n');
  assert.deepEqual(
    shellCommands(run)[0].words.map((w) => w.value),
    ['sudo', 'apk', 'add', 'git'],
  );
});
