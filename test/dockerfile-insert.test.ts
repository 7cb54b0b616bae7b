// Fixes that add instructions to a Dockerfile (CT1001/CT1002's USER, CT1013's HEALTHCHECK) when
// the last instruction is still open at the end of the file: a trailing line continuation (`\`,
// or the escape character of `# escape=`), comment and blank lines inside it, an unterminated
// here-document; with CRLF and without a final newline. The fixed text is asserted exactly, and
// read again: the added line is an instruction of its own and the one before it keeps its text.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, only } from './helpers/dockerfile';
import { parseDockerfile } from '../server/src/core/parse/dockerfile';

const HC_SCRATCH = 'HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD ["/app", "healthcheck"]';
const HC_ALPINE = 'HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -qO- http://127.0.0.1:8080/ || exit 1';

/** Each instruction's text, from where dockerfile-ast says it starts to where it ends. */
function instructions(text: string): string[] {
  const m = parseDockerfile(text);
  return m.instructions.map((i) => m.doc.textIn(i.range));
}

describe('fixes that add instructions after an instruction left open at the end of the file', () => {
  test('a trailing backslash: removed (the instruction ends there anyway), the USER follows', () => {
    const text = 'FROM scratch\nCOPY app /app \\\n';
    const out = fixed(text, only(text, 'CT1001'));
    assert.equal(out, 'FROM scratch\nCOPY app /app\nUSER 10001:10001\n');
    assert.deepEqual(instructions(out), ['FROM scratch', 'COPY app /app', 'USER 10001:10001']);
    assert.equal(findings(out, 'CT1001').length, 0);
    assert.equal(fixed(text, only(text, 'CT1013')), `FROM scratch\nCOPY app /app\n${HC_SCRATCH}\n`);
  });

  test('blanks after the backslash and blank lines below it', () => {
    const text = 'FROM scratch\nCOPY app /app \\  \n\n\n';
    assert.equal(fixed(text, only(text, 'CT1001')), 'FROM scratch\nCOPY app /app\nUSER 10001:10001\n\n\n');
  });

  test('a comment line inside the continuation does not close it: the backslash above it goes', () => {
    const text = 'FROM scratch\nCOPY app \\\n  /app \\\n  # the rest later\n';
    const out = fixed(text, only(text, 'CT1001'));
    assert.equal(out, 'FROM scratch\nCOPY app \\\n  /app\nUSER 10001:10001\n  # the rest later\n');
    assert.deepEqual(instructions(out), ['FROM scratch', 'COPY app \\\n  /app', 'USER 10001:10001']);
    assert.deepEqual(
      parseDockerfile(out).instructions.map((i) => i.args.map((a) => a.value)),
      parseDockerfile(text)
        .instructions.map((i) => i.args.map((a) => a.value))
        .concat([['10001:10001']]),
    );
  });

  test('the escape character of `# escape=`: a trailing backtick, and a backslash that is only text', () => {
    const text = '# escape=`\nFROM scratch\nCOPY app C:\\app `\n';
    const out = fixed(text, only(text, 'CT1013'));
    assert.equal(out, `# escape=\`\nFROM scratch\nCOPY app C:\\app\n${HC_SCRATCH}\n`);
    assert.deepEqual(instructions(out), ['FROM scratch', 'COPY app C:\\app', HC_SCRATCH]);
    const plain = '# escape=`\nFROM scratch\nCOPY app C:\\app\\\n';
    assert.equal(fixed(plain, only(plain, 'CT1001')), '# escape=`\nFROM scratch\nCOPY app C:\\app\\\nUSER 10001:10001\n');
  });

  test('CRLF: the line ends stay CRLF', () => {
    const text = 'FROM scratch\r\nCOPY app /app \\\r\n# c\r\n';
    const out = fixed(text, only(text, 'CT1001'));
    assert.equal(out, 'FROM scratch\r\nCOPY app /app\r\nUSER 10001:10001\r\n# c\r\n');
    assert.deepEqual(instructions(out), ['FROM scratch', 'COPY app /app', 'USER 10001:10001']);
  });

  test('no final newline: none is added', () => {
    const text = 'FROM scratch\nCOPY app /app \\';
    assert.equal(fixed(text, only(text, 'CT1001')), 'FROM scratch\nCOPY app /app\nUSER 10001:10001');
    assert.equal(fixed(text, only(text, 'CT1013')), `FROM scratch\nCOPY app /app\n${HC_SCRATCH}`);
    const closed = 'FROM scratch\nCOPY app /app';
    assert.equal(fixed(closed, only(closed, 'CT1001')), 'FROM scratch\nCOPY app /app\nUSER 10001:10001');
  });

  test('CT1002 switches back after a RUN left open, keeping its indentation out of the USER line', () => {
    const text = 'FROM debian:bookworm\nUSER app\nUSER root\n  RUN apt-get update && \\\n      apt-get install -y curl \\\n';
    const out = fixed(text, only(text, 'CT1002'));
    assert.equal(out, 'FROM debian:bookworm\nUSER app\nUSER root\n  RUN apt-get update && \\\n      apt-get install -y curl\nUSER app\n');
    assert.equal(findings(out, 'CT1002').length, 0);
  });

  test('an escaped escape character at the end (`\\\\`): removing one would leave a continuation, so nothing is appended', () => {
    const text = 'FROM scratch\nCOPY app /app\\\\\n';
    assert.equal(only(text, 'CT1001').fixes.length, 0);
    // The HEALTHCHECK goes above the instruction instead; a lone FROM gets none.
    assert.equal(fixed(text, only(text, 'CT1013')), `FROM scratch\n${HC_SCRATCH}\nCOPY app /app\\\\\n`);
    assert.equal(only('FROM scratch \\\\\n', 'CT1013').fixes.length, 0);
  });

  test('an unterminated here-document: no USER fix; the HEALTHCHECK goes above the instruction', () => {
    // Any line after it is read as its body, and a USER above the RUN would change who runs it.
    const text = 'FROM alpine:3.20\nRUN <<EOF\napk add curl\n';
    assert.equal(only(text, 'CT1001').fixes.length, 0);
    const out = fixed(text, only(text, 'CT1013'));
    assert.equal(out, `FROM alpine:3.20\n${HC_ALPINE}\nRUN <<EOF\napk add curl\n`);
    assert.deepEqual(instructions(out), ['FROM alpine:3.20', HC_ALPINE, 'RUN <<EOF\napk add curl\n']);
    assert.equal(findings(out, 'CT1013').length, 0);
    const copy = 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\n';
    assert.equal(only(copy, 'CT1001').fixes.length, 0);
    assert.equal(fixed(copy, only(copy, 'CT1013')), `FROM alpine:3.20\n${HC_ALPINE}\nCOPY <<EOF /etc/motd\nhello\n`);
  });

  test('a closed here-document, then comments: the new lines follow the closing line', () => {
    const text = 'FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\n# end\n';
    assert.equal(
      fixed(text, only(text, 'CT1001')),
      'FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\nRUN addgroup -S app && adduser -S -G app -H app\nUSER app\n# end\n',
    );
    assert.equal(parseDockerfile(text).instructions[1].openHeredoc, undefined);
    assert.equal(parseDockerfile('FROM alpine\nRUN <<EOF\nx\n').instructions[1].openHeredoc, true);
  });
});

describe('what the Dockerfile "fix means what it says" fuzzing found', () => {
  test('a line holding only the escape character is an instruction of its own: no fix removes it', () => {
    const text = 'FROM scratch\nCOPY app /app\n\\';
    assert.equal(only(text, 'CT1001').fixes.length, 0);
    assert.equal(fixed(text, only(text, 'CT1013')), `FROM scratch\nCOPY app /app\n${HC_SCRATCH}\n\\`);
    // Nor one it reads as part of the keyword (`S\`): it would become `S`.
    assert.equal(only('FROM scratch\ns\\', 'CT1001').fixes.length, 0);
    // A known keyword stops before it: `RUN\` is RUN, and closing it leaves RUN.
    const run = 'FROM scratch\nRUN\\\n';
    assert.equal(fixed(run, only(run, 'CT1001')), 'FROM scratch\nRUN\nUSER 10001:10001\n');
  });

  test('CT1016 and CT1015 remove every copy of the flag (one left would still be read)', () => {
    const text =
      'FROM golang:1.23\nRUN --mount=type=cache,target=/go/pkg/mod \\\n    --network=host \\\n    --network=host \\\n    go mod download\n';
    const out = fixed(text, only(text, 'CT1016'));
    assert.equal(out, 'FROM golang:1.23\nRUN --mount=type=cache,target=/go/pkg/mod \\\n    go mod download\n');
    assert.equal(findings(out, 'CT1016').length, 0);
    const pulled = 'FROM alpine\nRUN --network=host \\\n    --network=HOST \\\n    wget http://x\n';
    assert.equal(fixed(pulled, only(pulled, 'CT1016')), 'FROM alpine\nRUN     wget http://x\n');
    const insecure = 'FROM alpine\nRUN --security=insecure --network=none --security=insecure make\n';
    assert.equal(fixed(insecure, only(insecure, 'CT1015')), 'FROM alpine\nRUN --network=none make\n');
  });
});
