// Image rules CT1010-CT1018 beyond the data-driven examples: exact ranges, fixes that keep CRLF
// line endings and continuations intact, VOLUME's JSON form, multi-stage behaviour, and the KICS
// healthcheck and port-22 fixtures from the shared peer corpus (skipped when it is absent).

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { covered, findings, fixed, only, r } from './helpers/dockerfile';
import { applyEdits } from '../server/src/core/text';

describe('CT1010 untrusted-packages', () => {
  test('points at the flag itself, on a continuation line', () => {
    const text = 'FROM debian:bookworm\nRUN apt-get update && \\\n    apt-get install -y --allow-unauthenticated curl\n';
    const f = only(text, 'CT1010');
    assert.deepEqual(f.range, r(2, 23, 2, 46));
    assert.equal(covered(text, f.range), '--allow-unauthenticated');
    assert.match(f.message, /apt-get --allow-unauthenticated/);
    assert.equal(f.fixes[0].safe, true);
  });

  test('in exec form the range is inside the JSON quotes', () => {
    const text = 'FROM alpine:3.20\nRUN ["apk", "add", "--allow-untrusted", "/tmp/x.apk"]\n';
    assert.equal(covered(text, only(text, 'CT1010').range), '--allow-untrusted');
  });

  test('-o with a separate value covers both words and the fix removes both', () => {
    const text = 'FROM debian:bookworm\nRUN apt-get install -o APT::Get::AllowUnauthenticated=1 -y curl\n';
    const f = only(text, 'CT1010');
    assert.equal(covered(text, f.range), '-o APT::Get::AllowUnauthenticated=1');
    assert.equal(fixed(text, f), 'FROM debian:bookworm\nRUN apt-get install -y curl\n');
  });

  test('the fix keeps CRLF and drops a flag that stands alone on a continuation line', () => {
    const text = 'FROM debian:bookworm\r\nRUN apt-get install -y \\\r\n      --allow-unauthenticated \\\r\n      nginx\r\n';
    const out = fixed(text, only(text, 'CT1010'));
    assert.equal(out, 'FROM debian:bookworm\r\nRUN apt-get install -y \\\r\n      nginx\r\n');
    assert.equal(findings(out, 'CT1010').length, 0);
  });

  test('a flag alone on the last line of RUN takes the preceding backslash with it', () => {
    const text = 'FROM alpine:3.20\nRUN apk add curl \\\n    --allow-untrusted\nCMD ["sh"]\n';
    assert.equal(fixed(text, only(text, 'CT1010')), 'FROM alpine:3.20\nRUN apk add curl\nCMD ["sh"]\n');
  });

  test('a --setopt already reported is not reported again by the text scan', () => {
    const text = 'FROM rockylinux:9\nRUN dnf --setopt=gpgcheck=0 install -y httpd\n';
    assert.equal(findings(text, 'CT1010').length, 1);
  });

  test('builder stages are checked: a tampered toolchain taints what it builds', () => {
    const text = 'FROM alpine:3.20 AS build\nRUN apk add --allow-untrusted /tmp/gcc.apk\nFROM scratch\nCOPY --from=build /out /out\n';
    assert.equal(findings(text, 'CT1010').length, 1);
  });
});

describe('CT1011 world-writable-or-setuid', () => {
  test('the range is the mode word; the message names the path and recursion', () => {
    const text = 'FROM alpine:3.20\nRUN mkdir -p /srv && chmod -R 0777 /srv\n';
    const f = only(text, 'CT1011');
    assert.equal(covered(text, f.range), '0777');
    assert.match(f.message, /\/srv and everything under it/);
  });

  test('mode after the path options, setgid only, and 2755', () => {
    assert.match(only('FROM alpine:3.20\nRUN chmod 2755 /usr/bin/x\n', 'CT1011').message, /setgid bit/);
    assert.equal(findings('FROM alpine:3.20\nRUN chmod 755 -R /srv\n', 'CT1011').length, 0);
    assert.equal(findings('FROM alpine:3.20\nRUN chmod 777 -R /srv\n', 'CT1011').length, 1);
  });

  test('builder stages are not checked; a stage the image builds on is', () => {
    const builder = 'FROM alpine:3.20 AS build\nRUN chmod u+s /out/tool\nFROM alpine:3.20\nCOPY --from=build /out/tool /usr/bin/tool\n';
    assert.equal(findings(builder, 'CT1011').length, 0);
    const base = 'FROM alpine:3.20 AS base\nRUN chmod u+s /usr/bin/tool\nFROM base AS final\n';
    assert.deepEqual(only(base, 'CT1011').range, r(1, 10, 1, 13));
  });
});

describe('CT1012 ssh-exposed', () => {
  test('each EXPOSE word is its own range', () => {
    const text = 'FROM alpine:3.20\nEXPOSE 80 22/tcp 443\n';
    assert.deepEqual(only(text, 'CT1012').range, r(1, 10, 1, 16));
  });

  test('the package word is the range for installs', () => {
    const text = 'FROM debian:bookworm\nRUN apt-get install -y --no-install-recommends openssh-server=1:9.2p1-2 curl\n';
    assert.equal(covered(text, only(text, 'CT1012').range), 'openssh-server');
  });

  test('ENV values resolve in EXPOSE; exec-form sshd is narrowed to the program', () => {
    assert.match(only('FROM alpine:3.20\nENV SSH_PORT=22\nEXPOSE $SSH_PORT\n', 'CT1012').message, /= 22/);
    const text = 'FROM alpine:3.20\nENTRYPOINT ["/usr/sbin/sshd", "-D", "-e"]\n';
    assert.equal(covered(text, only(text, 'CT1012').range), '/usr/sbin/sshd');
  });

  test('EXPOSE 22 in a stage that is only copied from is not reported', () => {
    const text = 'FROM alpine:3.20 AS a\nEXPOSE 22\nFROM alpine:3.20\nCOPY --from=a /etc/motd /etc/motd\n';
    assert.equal(findings(text, 'CT1012').length, 0);
  });
});

describe('CT1013 no-healthcheck', () => {
  test('reported on the FROM line of the final stage, at info', () => {
    const text = 'FROM golang:1.23 AS build\nRUN go build -o /app\n\nFROM alpine:3.20\nCOPY --from=build /app /app\nCMD ["/app"]\n';
    const f = only(text, 'CT1013');
    assert.deepEqual(f.range, r(3, 0, 3, 16));
    assert.equal(f.severity, 'info');
    assert.equal(f.fixes[0].safe, false);
  });

  test('the fix keeps CRLF line endings and the indentation of CMD', () => {
    const text = 'FROM node:20-alpine\r\nEXPOSE 3000\r\n  CMD ["node", "app.js"]\r\n';
    const out = fixed(text, only(text, 'CT1013'));
    assert.equal(
      out,
      'FROM node:20-alpine\r\nEXPOSE 3000\r\n  HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -qO- http://127.0.0.1:3000/ || exit 1\r\n  CMD ["node", "app.js"]\r\n',
    );
    assert.ok(!/[^\r]\n/.test(out), 'no bare LF was introduced');
    assert.equal(findings(out, 'CT1013').length, 0);
  });

  test('without CMD and without a final newline the skeleton is appended on a new line', () => {
    const text = 'FROM python:3.12\r\nEXPOSE 8000';
    const out = fixed(text, only(text, 'CT1013'));
    assert.equal(
      out,
      'FROM python:3.12\r\nEXPOSE 8000\r\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -fsS http://127.0.0.1:8000/ || exit 1',
    );
  });

  test('images without a shell get an exec-form skeleton that calls the entrypoint, titled as needing edits', () => {
    const text =
      'FROM gcr.io/distroless/base-debian12\nCOPY server /usr/local/bin/server\nENTRYPOINT ["/usr/local/bin/server", "--serve"]\n';
    const f = only(text, 'CT1013');
    assert.match(f.fixes[0].title, /needs editing/);
    assert.match(
      fixed(text, f),
      /HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD \["\/usr\/local\/bin\/server", "healthcheck"\]\nENTRYPOINT/,
    );
  });

  test('a slim Debian image without curl still gets curl, and the title says so', () => {
    const f = only('FROM python:3.12-slim\nEXPOSE 8000\nCMD ["python", "-m", "http.server"]\n', 'CT1013');
    assert.match(f.fixes[0].title, /needs curl in the image/);
  });

  test('HEALTHCHECK NONE and an inherited HEALTHCHECK count as present', () => {
    assert.equal(findings('FROM alpine:3.20\nHEALTHCHECK NONE\n', 'CT1013').length, 0);
    assert.equal(findings('FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base AS app\nFROM app\n', 'CT1013').length, 0);
  });
});

describe('CT1014 copy-whole-stage-root', () => {
  test('the source word is the range, also in JSON form', () => {
    const text = 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b ["/", "/rootfs/"]\n';
    const f = only(text, 'CT1014');
    assert.deepEqual(f.range, r(2, 16, 2, 17));
    assert.match(f.message, /stage b into \/rootfs\//);
  });
});

describe('CT1015 / CT1016 RUN flags', () => {
  test('flags are reported in every stage, with the flag as the range', () => {
    const text =
      'FROM alpine:3.20 AS test\nRUN --security=insecure --network=host make check\nFROM alpine:3.20\nCOPY --from=test /out /out\n';
    assert.deepEqual(only(text, 'CT1015').range, r(1, 4, 1, 23));
    assert.deepEqual(only(text, 'CT1016').range, r(1, 24, 1, 38));
    assert.equal(only(text, 'CT1015').severity, 'error');
  });

  test('removing the flag keeps the other flags and CRLF', () => {
    const text = 'FROM alpine:3.20\r\nRUN --network=host \\\r\n    --mount=type=cache,target=/root/.cache \\\r\n    make\r\n';
    assert.equal(fixed(text, only(text, 'CT1016')), 'FROM alpine:3.20\r\nRUN --mount=type=cache,target=/root/.cache \\\r\n    make\r\n');
  });
});

describe('CT1017 sensitive-path-in-image', () => {
  test('VOLUME in JSON form: each path has its own range', () => {
    const text = 'FROM alpine:3.20\nVOLUME ["/proc/sys", "/data", "/dev/kmsg"]\n';
    const f = findings(text, 'CT1017');
    assert.equal(f.length, 2);
    assert.deepEqual(
      f.map((x) => covered(text, x.range)),
      ['/proc/sys', '/dev/kmsg'],
    );
    assert.deepEqual(f[0].range, r(1, 9, 1, 18));
  });

  test('VOLUME in plain form with several paths', () => {
    const text = 'FROM alpine:3.20\nVOLUME /var/lib/app /boot/efi /run/docker.sock\n';
    const f = findings(text, 'CT1017');
    assert.deepEqual(
      f.map((x) => covered(text, x.range)),
      ['/boot/efi', '/run/docker.sock'],
    );
    assert.match(f[1].message, /engine's socket/);
  });

  test('WORKDIR .. is resolved before matching', () => {
    assert.equal(findings('FROM alpine:3.20\nWORKDIR /app/../sys\n', 'CT1017').length, 1);
    assert.equal(findings('FROM alpine:3.20\nWORKDIR /sys/../app\n', 'CT1017').length, 0);
  });
});

describe('CT1018 build-tools-left', () => {
  test('one finding per install command, on its first build tool', () => {
    const text =
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y ca-certificates gcc make\nRUN apt-get install -y git\n';
    const f = findings(text, 'CT1018');
    assert.equal(f.length, 2);
    assert.equal(covered(text, f[0].range), 'gcc');
    assert.match(f[0].message, /gcc and make/);
    assert.equal(covered(text, f[1].range), 'git');
  });

  test('apk del of another virtual name does not count; of the right one does', () => {
    const bad = 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc && apk del .other\n';
    assert.equal(findings(bad, 'CT1018').length, 1);
    const good = 'FROM alpine:3.20\nRUN apk add -t .build-deps gcc\nRUN apk del .build-deps\n';
    assert.equal(findings(good, 'CT1018').length, 0);
  });

  test('builder stages are never reported; the final stage is', () => {
    const text =
      'FROM rust:1.80 AS build\nRUN apt-get update && apt-get install -y cmake\nFROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y libssl-dev\nCOPY --from=build /out/app /app\n';
    const f = only(text, 'CT1018');
    assert.equal(f.range.start.line, 3);
    assert.equal(f.severity, 'info');
  });
});

/** The shared peer corpus lives next to the project (../shared/corpus); a user's clone has none. */
const CORPUS = join(__dirname, '..', '..', 'shared', 'corpus', 'kics', 'dockerfile');

const KICS_QUERIES: { folder: string; ruleId: string }[] = [
  { folder: 'healthcheck_instruction_missing', ruleId: 'CT1013' },
  { folder: 'exposing_port_22', ruleId: 'CT1012' },
];

describe('KICS fixtures', () => {
  for (const q of KICS_QUERIES) {
    const dir = join(CORPUS, q.folder, 'test');
    const present = existsSync(dir);
    test(
      `${q.folder} → ${q.ruleId}: expected lines found, negatives silent`,
      { skip: present ? false : `peer corpus not found at ${dir}` },
      () => {
        const expected = JSON.parse(readFileSync(join(dir, 'positive_expected_result.json'), 'utf8')) as {
          line: number;
          fileName?: string;
          filename?: string;
        }[];
        const files = readdirSync(dir).filter((f) => !f.endsWith('.json'));
        const positives = files.filter((f) => f.startsWith('positive'));
        assert.ok(positives.length > 0);
        for (const file of positives) {
          const text = readFileSync(join(dir, file), 'utf8');
          const want = expected
            .filter((e) => (e.fileName ?? e.filename ?? positives[0]) === file)
            .map((e) => e.line)
            .sort((a, b) => a - b);
          const got = [...new Set(findings(text, q.ruleId).map((f) => f.range.start.line + 1))].sort((a, b) => a - b);
          assert.deepEqual(got, want, `${q.folder}/${file}`);
          // The quick fix, where there is one, must make the finding go away.
          for (const f of findings(text, q.ruleId)) {
            if (f.fixes[0]) assert.equal(findings(applyEdits(text, f.fixes[0].edits), q.ruleId).length, 0, `fix on ${file}`);
          }
        }
        for (const file of files.filter((f) => f.startsWith('negative'))) {
          const text = readFileSync(join(dir, file), 'utf8');
          assert.deepEqual(
            findings(text, q.ruleId).map((f) => f.message),
            [],
            `${q.folder}/${file}`,
          );
        }
      },
    );
  }
});
