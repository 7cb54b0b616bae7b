// The Dockerfile parser's model: stages, ARG-resolved FROM, users, RUN flags, heredocs, the
// escape directive, with exact ranges.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile, splitImageRef, familyOf } from '../server/src/core/parse/dockerfile';
import { isRun } from '../server/src/core/model/image';
import { substitute } from '../server/src/core/parse/vars';

test('stages, aliases and FROM resolved through global ARG defaults', () => {
  const m = parseDockerfile(
    ['ARG REG=ghcr.io/acme', 'ARG TAG', 'FROM ${REG}/base:1.2 AS Base', 'FROM base AS final', 'FROM alpine:$TAG', ''].join('\n'),
  );
  assert.equal(m.stages.length, 3);
  assert.equal(m.stages[0].from.resolved, 'ghcr.io/acme/base:1.2');
  assert.equal(m.stages[0].from.registry, 'ghcr.io');
  assert.equal(m.stages[0].from.repository, 'acme/base');
  assert.equal(m.stages[0].from.tag, '1.2');
  assert.equal(m.stages[0].name, 'base', 'stage names are case-insensitive');
  assert.equal(m.stages[1].from.stageRef, 0);
  assert.equal(m.stages[2].from.resolved, undefined, 'ARG TAG has no default: unknown, not guessed');
  assert.deepEqual(m.stages[0].from.imageRange, { start: { line: 2, character: 5 }, end: { line: 2, character: 20 } });
  assert.equal(m.final, m.stages[2]);
});

test('effective user: own USER, inherited through FROM <stage>, ARG/ENV substitution, root detection', () => {
  const m = parseDockerfile(
    [
      'FROM alpine:3.20 AS base',
      'ARG UID=1001',
      'USER ${UID}:0',
      'FROM base AS child',
      'FROM debian:12',
      'ENV RUNAS=root',
      'USER $RUNAS',
      'FROM alpine:3.20',
      'ARG NOBODY',
      'USER $NOBODY',
      '',
    ].join('\n'),
  );
  assert.equal(m.stages[0].effectiveUser?.resolved, '1001:0');
  assert.equal(m.stages[0].effectiveUser?.isRoot, false, 'group 0 alone is not root');
  assert.equal(m.stages[1].effectiveUser?.raw, '${UID}:0', 'inherited from the stage it builds on');
  assert.equal(m.stages[2].effectiveUser?.isRoot, true);
  assert.equal(m.stages[3].effectiveUser?.resolved, undefined);
  assert.equal(m.stages[3].effectiveUser?.isRoot, undefined);
});

test('RUN flags, mounts, exec form, heredocs and continuations', () => {
  const m = parseDockerfile(
    [
      'FROM alpine:3.20',
      'RUN --mount=type=secret,id=npm,target=/root/.npmrc --network=none \\',
      '    npm ci',
      'RUN ["sh", "-c", "echo hi"]',
      'RUN <<EOF',
      'apk add curl',
      'EOF',
      '',
    ].join('\n'),
  );
  const runs = m.instructions.filter(isRun);
  assert.equal(runs[0].mounts[0].type, 'secret');
  assert.equal(runs[0].mounts[0].options.id, 'npm');
  assert.equal(runs[0].network?.value, 'none');
  assert.equal(runs[0].script.trim(), 'npm ci');
  assert.deepEqual(runs[0].range, { start: { line: 1, character: 0 }, end: { line: 2, character: 10 } });
  assert.equal(runs[1].form, 'exec');
  assert.equal(runs[1].script, 'sh -c echo hi');
  assert.equal(runs[2].heredocs[0].name, 'EOF');
  assert.equal(runs[2].heredocs[0].content, 'apk add curl');
});

test('the escape directive changes the line continuation character', () => {
  const m = parseDockerfile(
    ['# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN echo one `', '    two', 'USER ContainerUser', ''].join('\n'),
  );
  assert.equal(m.escapeChar, '`');
  assert.deepEqual(
    m.directives.map((d) => [d.name, d.value]),
    [['escape', '`']],
  );
  const run = m.instructions.find(isRun)!;
  assert.equal(run.range.end.line, 3);
  assert.equal(m.final?.effectiveUser?.raw, 'ContainerUser');
});

test('CRLF files keep their line ending for fixes', () => {
  const m = parseDockerfile('FROM alpine:3.20\r\nUSER root\r\n');
  assert.equal(m.doc.eol, '\r\n');
  assert.equal(m.final?.effectiveUser?.instr.range.start.line, 1);
});

test('image references and families', () => {
  assert.deepEqual(splitImageRef('localhost:5000/team/app:1.0@sha256:abc'), {
    registry: 'localhost:5000',
    repository: 'team/app',
    tag: '1.0',
    digest: 'sha256:abc',
  });
  assert.deepEqual(splitImageRef('node'), { registry: undefined, repository: 'node', tag: undefined, digest: undefined });
  assert.equal(familyOf('node:20-alpine'), 'alpine');
  assert.equal(familyOf('node:20'), 'debian');
  assert.equal(familyOf('python:3.12-slim'), 'debian');
  assert.equal(familyOf('gcr.io/distroless/static-debian12'), 'distroless');
  assert.equal(familyOf('registry.access.redhat.com/ubi9/ubi-minimal:9.4'), 'rhel');
  assert.equal(familyOf('scratch'), 'scratch');
  assert.equal(familyOf('mycorp/base:1'), 'unknown');
});

test('variable substitution follows shell rules and reports unknowns', () => {
  const env = new Map([
    ['A', 'x'],
    ['EMPTY', ''],
  ]);
  const get = (n: string) => env.get(n);
  assert.equal(substitute('$A-${A}', get), 'x-x');
  assert.equal(substitute('${B:-def}', get), 'def');
  assert.equal(substitute('${EMPTY:-def}', get), 'def');
  assert.equal(substitute('${EMPTY-def}', get), '');
  assert.equal(substitute('${A:+alt}', get), 'alt');
  assert.equal(substitute('$B', get), undefined);
});
