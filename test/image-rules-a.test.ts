// Image rules CT1003-CT1009 beyond the data-driven examples: exact ranges, fixes on CRLF files,
// FROM resolved through ARG defaults, suppression comments and what messages must not contain.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findings, fixed, only, r } from './helpers/dockerfile';

// CT1003 sudo-in-run ------------------------------------------------------------------------------

void test('CT1003 points at the sudo word, also on a continuation line', () => {
  const text = 'FROM debian:bookworm\nRUN apt-get update \\\n    && sudo apt-get install -y git\n';
  const f = only(text, 'CT1003');
  assert.deepEqual(f.range, r(2, 7, 2, 11));
  assert.equal(covered(text, f.range), 'sudo');
  assert.match(f.message, /sudo to run apt-get/);
});

void test('CT1003 reports each sudo, in exec form and inside sh -c without the quote', () => {
  const text = 'FROM alpine:3.20\nRUN ["sudo", "apk", "add", "git"]\nRUN sh -c "sudo id"\n';
  const f = findings(text, 'CT1003');
  assert.deepEqual(
    f.map((x) => covered(text, x.range)),
    ['sudo', 'sudo'],
  );
  assert.deepEqual(f[0].range, r(1, 6, 1, 10));
  assert.deepEqual(f[1].range, r(2, 11, 2, 15));
});

void test('CT1003 is silenced by containment-ignore and by hadolint ignore=DL3004 on the line above', () => {
  const ours = 'FROM debian:bookworm\n# containment-ignore CT1003: needs the host sudoers layout\nRUN sudo make install\n';
  assert.equal(findings(ours, 'CT1003').length, 0);
  const byName = 'FROM debian:bookworm\n# containment-ignore sudo-in-run\nRUN sudo make install\n';
  assert.equal(findings(byName, 'CT1003').length, 0);
  const hadolint = 'FROM debian:bookworm\n# hadolint ignore=DL3004\nRUN apt-get update \\\n && sudo make install\n';
  assert.equal(findings(hadolint, 'CT1003').length, 0);
  // The comment covers only the next instruction.
  const next = 'FROM debian:bookworm\n# hadolint ignore=DL3004\nRUN true\nRUN sudo make install\n';
  assert.equal(findings(next, 'CT1003').length, 1);
});

// CT1004 add-local-file ---------------------------------------------------------------------------

void test('CT1004 fix keeps CRLF line endings and the flags', () => {
  const text = 'FROM alpine:3.20\r\nADD --chown=app:app --link app.conf /etc/app/\r\nCMD ["sh"]\r\n';
  const f = only(text, 'CT1004');
  assert.deepEqual(f.range, r(1, 0, 1, 3));
  assert.equal(f.fixes[0].safe, true);
  assert.equal(fixed(text, f), 'FROM alpine:3.20\r\nCOPY --chown=app:app --link app.conf /etc/app/\r\nCMD ["sh"]\r\n');
});

void test('CT1004 leaves ADD alone when it has an ADD-only flag or a source that may be an archive', () => {
  assert.equal(findings('FROM alpine:3.20\nADD --unpack=false app.conf /etc/\n', 'CT1004').length, 0);
  assert.equal(findings('FROM alpine:3.20\nADD app.conf rootfs.tar /\n', 'CT1004').length, 0);
  assert.equal(findings('FROM alpine:3.20\nADD data.json.gz /srv/\n', 'CT1004').length, 0);
  // A zip is never unpacked by ADD, so COPY does the same.
  assert.equal(findings('FROM alpine:3.20\nADD site.zip /srv/\n', 'CT1004').length, 1);
});

void test('CT1004 is silenced by hadolint ignore=DL3020', () => {
  assert.equal(findings('FROM alpine:3.20\n# hadolint ignore=DL3020\nADD app.conf /etc/\n', 'CT1004').length, 0);
});

// CT1005 add-remote-url ---------------------------------------------------------------------------

void test('CT1005 points at the URL, in shell and JSON form', () => {
  const shell = 'FROM alpine:3.20\nADD https://example.com/a.tgz /tmp/\n';
  assert.equal(covered(shell, only(shell, 'CT1005').range), 'https://example.com/a.tgz');
  const json = 'FROM alpine:3.20\nADD ["https://example.com/a b.txt", "/tmp/"]\n';
  const f = only(json, 'CT1005');
  assert.deepEqual(f.range, r(1, 6, 1, 33));
  assert.equal(covered(json, f.range), 'https://example.com/a b.txt');
});

void test('CT1005 accepts a Git source pinned to a commit via ?ref= too', () => {
  const pinned = 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git?ref=d0f33a0ee2fb6d8bfa1b4b2b4d1e0eb2b18a1a4c /src\n';
  assert.equal(findings(pinned, 'CT1005').length, 0);
  const branch = 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git?ref=master /src\n';
  assert.match(only(branch, 'CT1005').message, /"master"/);
});

// CT1006 pipe-to-shell ----------------------------------------------------------------------------

void test('CT1006 spans from the downloader to the shell across continuation lines', () => {
  const text = 'FROM debian:bookworm\nRUN curl -fsSL https://example.com/install.sh \\\n    | sudo bash -s -- --yes\n';
  const f = only(text, 'CT1006');
  assert.deepEqual(f.range, r(1, 4, 2, 15));
  assert.equal(f.fixes.length, 0);
  assert.match(f.message, /piped into sudo bash/);
});

void test('CT1006 does not count a pipe into a script file or a module', () => {
  assert.equal(findings('FROM python:3.12\nRUN curl -fsSL https://example.com/data.csv | python3 /app/load.py\n', 'CT1006').length, 0);
  assert.equal(findings('FROM python:3.12\nRUN curl -fsSL https://example.com/x.json | python3 -m json.tool\n', 'CT1006').length, 0);
  assert.equal(findings('FROM debian:bookworm\nRUN curl -fsSL https://example.com/x | bash /opt/consume.sh\n', 'CT1006').length, 0);
});

// CT1007 image-unpinned ---------------------------------------------------------------------------

void test('CT1007 resolves FROM through the global ARG default and points at the reference as written', () => {
  const text = 'ARG BASE=node\nFROM ${BASE} AS build\nRUN npm ci\nFROM build\n';
  const f = only(text, 'CT1007');
  assert.deepEqual(f.range, r(1, 5, 1, 12));
  assert.match(f.message, /resolves to node/);
  assert.match(f.message, /no tag/);
});

void test('CT1007 has separate messages for no tag and :latest, and skips unknown ARGs', () => {
  assert.match(only('FROM redis\n', 'CT1007').message, /has no tag/);
  assert.match(only('ARG V=latest\nFROM redis:$V\n', 'CT1007').message, /:latest/);
  assert.equal(findings('ARG V\nFROM redis:$V\n', 'CT1007').length, 0);
  // An ARG declared inside a stage is not visible to a later FROM.
  assert.equal(findings('FROM alpine:3.20 AS a\nARG IMG=redis\nFROM $IMG\n', 'CT1007').length, 0);
  assert.equal(findings('FROM redis:7.4@sha256:0ef1d2c4e7bb6a0f7a5bd2b4f1a3c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f\n', 'CT1007').length, 0);
});

void test('CT1007 is silenced by hadolint ignore for either of its peers', () => {
  assert.equal(findings('# hadolint ignore=DL3007\nFROM redis:latest\n', 'CT1007').length, 0);
  assert.equal(findings('# hadolint ignore=DL3006\nFROM redis\n', 'CT1007').length, 0);
});

// CT1008 secret-in-build-arg-or-env ---------------------------------------------------------------

void test('CT1008 never repeats the secret value in its message', () => {
  const text = 'FROM alpine:3.20\nENV DB_PASSWORD=hunter2-very-secret \\\n    GH=ghp_0123456789abcdefghijABCDEFGHIJ012345\n';
  const f = findings(text, 'CT1008');
  assert.equal(f.length, 2);
  for (const x of f) {
    assert.doesNotMatch(x.message, /hunter2|ghp_0123/);
  }
  assert.equal(covered(text, f[0].range), 'DB_PASSWORD=hunter2-very-secret');
  assert.deepEqual(f[1].range, r(2, 4, 2, 47));
});

void test('CT1008 joins quoted values split on blanks and reads the legacy ENV form', () => {
  const text = 'FROM alpine:3.20\nENV APP_SECRET="correct horse battery staple" MODE=prod\n';
  const f = only(text, 'CT1008');
  assert.equal(covered(text, f.range), 'APP_SECRET="correct horse battery staple"');
  const legacy = 'FROM alpine:3.20\nENV SMTP_PASS my mail password\n';
  assert.equal(covered(legacy, only(legacy, 'CT1008').range), 'SMTP_PASS my mail password');
});

void test('CT1008 does not report an ARG without a default or an ENV from a variable that is not a build argument', () => {
  assert.equal(findings('FROM alpine:3.20\nARG GITHUB_TOKEN\nRUN --mount=type=secret,id=gh true\n', 'CT1008').length, 0);
  // A global ARG is not in scope inside the stage unless declared again there.
  assert.equal(findings('ARG NPM_TOKEN\nFROM node:20\nENV NPM_TOKEN=$NPM_TOKEN\n', 'CT1008').length, 0);
  assert.equal(findings('ARG NPM_TOKEN\nFROM node:20\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN\n', 'CT1008').length, 1);
});

void test('CT1008 is silenced by hadolint ignore=DL3064', () => {
  assert.equal(findings('FROM alpine:3.20\n# hadolint ignore=DL3064\nENV API_TOKEN=abc123def456\n', 'CT1008').length, 0);
});

// CT1009 tls-verification-disabled ----------------------------------------------------------------

void test('CT1009 points at the -k flag and its fix removes the flag and one blank', () => {
  const text = 'FROM alpine:3.20\nRUN curl -fsSL -k https://example.com/x -o /x\n';
  const f = only(text, 'CT1009');
  assert.deepEqual(f.range, r(1, 15, 1, 17));
  assert.equal(
    f.message,
    'curl runs with -k (--insecure): TLS certificates are not verified, so anyone on the network path can change what is downloaded.',
  );
  assert.equal(f.fixes[0].safe, true);
  assert.equal(fixed(text, f), 'FROM alpine:3.20\nRUN curl -fsSL https://example.com/x -o /x\n');
});

void test('CT1009 fixes keep CRLF line endings, including a flag on a continuation line', () => {
  const text = 'FROM alpine:3.20\r\nRUN wget -q \\\r\n    --no-check-certificate \\\r\n    https://example.com/x\r\n';
  const f = only(text, 'CT1009');
  assert.equal(covered(text, f.range), '--no-check-certificate');
  assert.equal(fixed(text, f), 'FROM alpine:3.20\r\nRUN wget -q \\\r\n    \\\r\n    https://example.com/x\r\n');
  const group = 'FROM alpine:3.20\r\nRUN curl -sSkL https://example.com/x\r\n';
  assert.equal(fixed(group, only(group, 'CT1009')), 'FROM alpine:3.20\r\nRUN curl -sSL https://example.com/x\r\n');
});

void test('CT1009 removes -k inside sh -c in exec form', () => {
  const text = 'FROM alpine:3.20\nRUN ["/bin/sh", "-c", "curl -k -o /x https://example.com/x"]\n';
  const f = only(text, 'CT1009');
  assert.equal(covered(text, f.range), '-k');
  assert.equal(fixed(text, f), 'FROM alpine:3.20\nRUN ["/bin/sh", "-c", "curl -o /x https://example.com/x"]\n');
});

void test('CT1009 does not take k for -k when it is the value of an option in a group', () => {
  assert.equal(findings('FROM alpine:3.20\nRUN curl -fsSLok /tmp/x https://example.com/x\n', 'CT1009').length, 0);
  assert.equal(findings('FROM alpine:3.20\nRUN curl -Hk https://example.com/x\n', 'CT1009').length, 0);
});

void test('CT1009 reports GIT_SSL_NO_VERIFY whatever its value, in ENV and inline', () => {
  assert.equal(findings('FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY=0\n', 'CT1009').length, 1);
  assert.equal(findings('FROM alpine:3.20\nRUN GIT_SSL_NO_VERIFY=true git clone https://example.com/r.git\n', 'CT1009').length, 1);
  assert.equal(findings('FROM alpine:3.20\nENV NODE_TLS_REJECT_UNAUTHORIZED="0"\n', 'CT1009').length, 1);
  assert.equal(findings('FROM alpine:3.20\nENV NODE_TLS_REJECT_UNAUTHORIZED=false\n', 'CT1009').length, 0);
});

void test('CT1009 is silenced by containment-ignore on the line above', () => {
  const text =
    'FROM alpine:3.20\n# containment-ignore CT1009: internal mirror with a self-signed cert, tracked in OPS-12\nRUN curl -k https://mirror.internal/x\n';
  assert.equal(findings(text, 'CT1009').length, 0);
});
