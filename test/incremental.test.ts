// Incremental analysis of Dockerfiles (core/incremental.ts) gives what a whole analysis gives: the
// same findings (ids, severities, messages, ranges, fixes) and the same model, version after
// version, whatever the edits. A property over generated and mutated Dockerfiles edited at random
// (FIXED seed; FUZZ_SEED and FUZZ_RUNS override), then the edits that move the cuts between stages.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type Analysis, type AnalyzeOptions } from '../server/src/core/analyze';
import { IncrementalDockerfile } from '../server/src/core/incremental';
import { ALL_RULES } from '../server/src/core/rules/registry';
import { dockerfileText, mutated, seedTexts } from './fuzz/properties';
import { apply, moveLine, type Edit } from './helpers/textEdits';

const seed = Number(process.env.FUZZ_SEED ?? 20240808);
const numRuns = Number(process.env.FUZZ_RUNS ?? 150);

/** What a Dockerfile analysis says, as comparable text: findings and the model the hover reads. */
function comparable(a: Analysis | undefined): string {
  if (!a) return 'undefined';
  const image = a.model?.kind === 'dockerfile' ? a.model.image : undefined;
  return JSON.stringify({
    kind: a.kind,
    findings: a.findings,
    model: image && {
      escapeChar: image.escapeChar,
      directives: image.directives,
      comments: image.comments,
      globalArgs: [...image.globalArgs],
      instructions: image.instructions,
      stages: image.stages,
      final: image.final?.index,
      lines: image.doc.lineCount,
    },
  });
}

/** Analyses each version with one cache and alone; fails on the first version where they differ. */
function checkVersions(versions: string[], opts: AnalyzeOptions = {}): void {
  const cache = new IncrementalDockerfile();
  versions.forEach((text, i) => {
    const whole = comparable(analyze('Dockerfile', text, opts));
    const incremental = comparable(analyze('Dockerfile', text, { ...opts, dockerfileCache: cache }));
    if (incremental !== whole) {
      assert.equal(
        incremental,
        whole,
        `version ${i} differs:\n${versions
          .slice(0, i + 1)
          .map((v, j) => `--- version ${j}\n${JSON.stringify(v)}`)
          .join('\n')}`,
      );
    }
  });
}

/** Text that moves cuts between stages, or changes what the stages share, when typed anywhere. */
const snippet = fc.constantFrom(
  'FROM alpine AS build\n',
  'FROM build\n',
  'from scratch\n',
  'FROM ${BASE}\n',
  '\nFROM debian:12 AS final\nUSER root\n',
  '\\\n',
  '\\',
  '`\n',
  ' \\\n',
  'RUN <<EOF\n',
  'EOF\n',
  'RUN <<-"EOT" bash\n',
  '\tEOT\n',
  '# escape=`\n',
  '# escape=\\\n',
  '# syntax=docker/dockerfile:1\n',
  'ARG BASE=ubuntu:latest\n',
  'ARG UID=0\n',
  'USER $UID\n',
  'USER app\n',
  'COPY --from=build / /\n',
  'RUN sudo apt-get install -y --allow-unauthenticated curl && curl -k https://x | sh\n',
  'RUN ["sh", "-c", "curl -k https://x | sh"]\n',
  'ENV NODE_TLS_REJECT_UNAUTHORIZED=0 TOKEN=ghp_0123456789abcdef0123456789abcdef0123\n',
  'ADD http://example.com/x.tgz /\n',
  '# containment-ignore CT1003\n',
  '# hadolint ignore=DL3004\n',
  '\n',
  '\r\n',
  '\r',
  '#',
  '"',
  ' ',
  'x',
);

const edit: fc.Arbitrary<Edit> = fc.record({
  // Directives only count at the very top.
  at: fc.oneof(fc.nat(), fc.constant(0)),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 40 })),
  insert: fc.oneof(snippet, snippet, fc.string({ maxLength: 4 }), fc.constant('')),
});

/** A line moved elsewhere, so unchanged parts move with their hits. */
const lineMove = fc.tuple(fc.nat(), fc.nat());

/** Several stages, so edits land in one stage while the others stay as they were. */
const multiStage = fc
  .array(fc.oneof(dockerfileText, fc.constantFrom(...seedTexts().dockerfile)), { minLength: 1, maxLength: 4 })
  .map((texts) => texts.join('\n'));

const options: fc.Arbitrary<AnalyzeOptions> = fc.constantFrom<AnalyzeOptions>(
  {},
  { locale: 'zh-CN' },
  { severities: [{ CT1003: 'off', 'tls-verification-disabled': 'info' }] },
  { severities: [{ CT1018: 'error', CT1001: 'off' }] },
);

describe(`incremental Dockerfile analysis equals a whole analysis (seed ${seed}, ${numRuns} cases)`, () => {
  test('random edits of generated, mutated and example Dockerfiles', () => {
    fc.assert(
      fc.property(
        fc.oneof(multiStage, mutated(multiStage), dockerfileText),
        fc.array(
          fc.oneof(
            edit.map((e) => ({ e })),
            lineMove.map((m) => ({ m })),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        options,
        (start, steps, opts) => {
          const versions = [start];
          for (const s of steps) {
            const prev = versions[versions.length - 1];
            versions.push('e' in s ? apply(prev, s.e) : moveLine(prev, s.m));
          }
          checkVersions(versions, opts);
        },
      ),
      { numRuns, seed },
    );
  });

  // Edits that decide where stages start and what they share, each from the same file.
  const base = [
    '# syntax=docker/dockerfile:1',
    'ARG BASE=alpine:3.20',
    'FROM ${BASE} AS build',
    'RUN apk add --no-cache curl && curl -k https://example.com/x | sh',
    'USER root',
    '',
    'FROM build AS test',
    'RUN sudo make test',
    '',
    'FROM debian:12 AS final',
    'COPY --from=build /out /app',
    'RUN apt-get install -y --allow-unauthenticated nginx',
    'USER app',
    '',
  ].join('\n');
  const cases: [string, (t: string) => string][] = [
    ['a line continuation swallows the next FROM', (t) => t.replace('USER root\n', 'USER root \\\n')],
    ['an unterminated heredoc swallows the rest', (t) => t.replace('USER root\n', 'RUN <<EOF\n')],
    ['a heredoc body holds a FROM line', (t) => t.replace('USER root\n', 'RUN <<EOF\nFROM scratch\nEOF\n')],
    ['the escape character changes', (t) => `# escape=\`\n${t.replace('RUN sudo make test', 'RUN sudo make `\n  test')}`],
    ['the global ARG changes', (t) => t.replace('BASE=alpine:3.20', 'BASE=ubuntu')],
    ['a stage is renamed', (t) => t.replace('AS build', 'AS builder')],
    ['a stage is inserted', (t) => t.replace('FROM debian:12', 'FROM scratch AS extra\nRUN sudo id\n\nFROM debian:12')],
    ['a stage is removed', (t) => t.replace('FROM build AS test\nRUN sudo make test\n', '')],
    ['two stages are the same text', (t) => t.replace('FROM debian:12', 'FROM build AS test\nRUN sudo make test\n\nFROM debian:12')],
    ['lines are added above every stage', (t) => `\n\n${t}`],
    ['the final USER goes', (t) => t.replace('USER app\n', '')],
    ['CRLF line ends', (t) => t.replace(/\n/g, '\r\n')],
    ['a lone carriage return before a FROM', (t) => t.replace('\nFROM debian', '\rFROM debian')],
    ['a suppression comment above a stage', (t) => t.replace('FROM build AS test', '# containment-ignore CT1003\nFROM build AS test')],
    ['a from written in lower case inside a RUN', (t) => t.replace('RUN sudo make test', 'RUN echo \\\nfrom here')],
  ];
  for (const [name, change] of cases) {
    test(name, () => {
      const changed = change(base);
      assert.notEqual(changed, base);
      checkVersions([base, changed, base, changed + 'RUN sudo id\n']);
    });
  }

  test('the stage rules are the ones the incremental analysis reuses per stage', () => {
    const stage = ALL_RULES.filter((r) => r.model === 'image' && r.scope === 'stage').map((r) => r.meta.id);
    assert.deepEqual(stage, ['CT1003', 'CT1004', 'CT1005', 'CT1006', 'CT1008', 'CT1009', 'CT1010', 'CT1015', 'CT1016']);
  });

  test("every image rule's examples, then each with a line added above", () => {
    for (const r of ALL_RULES) {
      if (r.model !== 'image') continue;
      for (const ex of [...r.meta.bad.map((b) => b.bad), ...r.meta.good.map((g) => (typeof g === 'string' ? g : g.text))]) {
        checkVersions([ex, `# added\n${ex}`, ex.replace(/\n/g, '\n\n')]);
      }
    }
  });
});
