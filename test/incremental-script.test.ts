// Incremental analysis of shell scripts and Markdown files (core/incrementalScript.ts) gives what a
// whole analysis gives: the same findings (ids, severities, messages, ranges, fixes) and the same
// model (specs, input problems, statement lines, the option under every position), version after
// version, whatever the edits. A property over generated and mutated scripts and Markdown files
// edited at random (fixed seed; FUZZ_SEED and FUZZ_RUNS override), then edits that decide where a
// script can be cut, and a seccomp profile that changes while the script does not.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type Analysis, type AnalyzeOptions } from '../server/src/core/analyze';
import { IncrementalScript } from '../server/src/core/incrementalScript';
import type { DockerRunDocModel } from '../server/src/core/parse/dockerRun';
import type { RuntimeSpec } from '../server/src/core/model/runtime';
import { markdownText, mutated, seedTexts, shellText } from './fuzz/properties';
import { apply, moveLine, type Edit } from './helpers/textEdits';

const seed = Number(process.env.FUZZ_SEED ?? 20240808);
const numRuns = Number(process.env.FUZZ_RUNS ?? 150);

const PROFILE = '{"defaultAction": "SCMP_ACT_ALLOW"}';

/** What every method of a spec's fixer makes of it (incremental analysis moves fixers with their commands). */
function fixes(s: RuntimeSpec): unknown {
  const f = s.fixer;
  if (!f) return undefined;
  return [
    f.addCapDropAll?.(),
    f.addNoNewPrivileges?.(),
    f.addReadOnly?.(),
    f.addLimits?.(['memory', 'cpus', 'pids']),
    f.setUser?.('1000:1000'),
    f.removePrivileged?.(),
    s.ports.map((p) => f.bindPortToLocalhost?.(p)),
    [...s.capAdd, ...s.devices].map((v) => f.removeValue?.(v.origin, 'remove')),
    s.mounts.map((m) => f.removeValue?.(m.origin, 'remove')),
  ];
}

/** What a script's analysis says, as comparable text: findings and the model hovers and ignore comments read. */
function comparable(a: Analysis | undefined): string {
  if (!a) return 'undefined';
  const runtime = a.model?.kind === 'runtime' ? (a.model.runtime as DockerRunDocModel) : undefined;
  const lines = a.doc.lineCount;
  const flags: unknown[] = [];
  if (runtime) {
    for (let line = 0; line < lines; line++) {
      for (let character = 0; character <= a.doc.lineText(line).length; character++) flags.push(runtime.flagAt({ line, character }));
    }
  }
  return JSON.stringify({
    kind: a.kind,
    findings: a.findings,
    model: runtime && {
      specs: runtime.specs.map((s) => ({ ...s, fixer: fixes(s) })),
      problems: runtime.problems,
      spans: Array.from({ length: lines }, (_, l) => [runtime.statementSpan(l), runtime.statementStart(l)]),
      flags,
      lines,
    },
  });
}

/** Analyses each version with one cache and alone; fails on the first version where they differ. */
function checkVersions(path: string, versions: string[], opts: AnalyzeOptions = {}): void {
  const cache = new IncrementalScript();
  versions.forEach((text, i) => {
    const whole = comparable(analyze(path, text, opts));
    const incremental = comparable(analyze(path, text, { ...opts, scriptCache: cache }));
    if (incremental !== whole) {
      assert.equal(
        incremental,
        whole,
        `${path}: version ${i} differs:\n${versions
          .slice(0, i + 1)
          .map((v, j) => `--- version ${j}\n${JSON.stringify(v)}`)
          .join('\n')}`,
      );
    }
  });
}

/** Text that opens or closes what a line cut must not fall inside, or adds commands, when typed anywhere. */
const snippet = fc.constantFrom(
  'docker run --privileged alpine\n',
  'docker run --rm \\\n  --cap-add SYS_ADMIN \\\n  nginx\n',
  'docker run --security-opt seccomp=prof.json alpine\n',
  'docker run --security-opt seccomp=missing.json alpine\n',
  '  --cap-add NET_ADMIN \\\n',
  '--user root ',
  '\\\n',
  '\\',
  '"',
  "'",
  '$(',
  ')',
  '`',
  '${',
  '}',
  'cat <<EOF | sh\n',
  'bash <<-EOT\n',
  'EOF\n',
  '\tEOT\n',
  '# containment-ignore CT2001\n',
  '# containment-ignore all\n',
  '# containment-ignore-file CT2012\n',
  ' # a comment\n',
  '```sh\n',
  '```console\n',
  '```\n',
  '$ ',
  '> ',
  '\n',
  '\r\n',
  '\r',
  '#',
  ' ',
  '-',
  'x',
);

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 40 })),
  insert: fc.oneof(snippet, snippet, fc.string({ maxLength: 4 }), fc.constant('')),
});

const lineMove = fc.tuple(fc.nat(), fc.nat());

/** Several scripts (or Markdown files) in one, so edits land in one part while the others stay. */
const scripts = fc
  .array(fc.oneof(shellText, fc.constantFrom(...seedTexts().shell)), { minLength: 1, maxLength: 4 })
  .map((t) => t.join('\n'));
const markdowns = fc
  .array(fc.oneof(markdownText, fc.constantFrom(...seedTexts().markdown)), { minLength: 1, maxLength: 4 })
  .map((t) => t.join('\n'));

const options: fc.Arbitrary<AnalyzeOptions> = fc.constantFrom<AnalyzeOptions>(
  {},
  { locale: 'zh-CN' },
  { severities: [{ CT2001: 'off', 'no-new-privileges-missing': 'error' }] },
  { readRelative: (p) => (p === 'prof.json' ? PROFILE : undefined) },
);

const steps = fc.array(
  fc.oneof(
    edit.map((e) => ({ e })),
    lineMove.map((m) => ({ m })),
  ),
  { minLength: 1, maxLength: 8 },
);

function versionsOf(start: string, list: ({ e: Edit } | { m: [number, number] })[]): string[] {
  const versions = [start];
  for (const s of list) {
    const prev = versions[versions.length - 1];
    versions.push('e' in s ? apply(prev, s.e) : moveLine(prev, s.m));
  }
  return versions;
}

describe(`incremental script analysis equals a whole analysis (seed ${seed}, ${numRuns} cases)`, () => {
  test('random edits of generated, mutated and example shell scripts', () => {
    fc.assert(
      fc.property(fc.oneof(scripts, mutated(scripts)), steps, options, (start, list, opts) =>
        checkVersions('run.sh', versionsOf(start, list), opts),
      ),
      { numRuns, seed },
    );
  });

  test('random edits of generated, mutated and example Markdown files', () => {
    fc.assert(
      fc.property(fc.oneof(markdowns, mutated(markdowns)), steps, options, (start, list, opts) =>
        checkVersions('README.md', versionsOf(start, list), opts),
      ),
      { numRuns: Math.ceil(numRuns / 2), seed },
    );
  });

  // Edits that decide where the script can be cut, each from the same file.
  const base = [
    '#!/usr/bin/env bash',
    'set -eu',
    'IMAGE=registry.example.com/app:1.0',
    '',
    'docker run --rm --privileged -v /var/run/docker.sock:/var/run/docker.sock alpine id',
    'docker run -d \\',
    '  --cap-add SYS_ADMIN \\',
    '  --name web \\',
    '  nginx:1.27',
    'deploy() {',
    '  docker run --rm --user 1000 "$IMAGE" migrate',
    '}',
    'echo "done: $(docker run --rm alpine date)"',
    'docker run --read-only --memory 1g --pids-limit 100 --cap-drop ALL busybox',
    '',
  ].join('\n');
  const cases: [string, (t: string) => string][] = [
    ['a line continuation joins the next command', (t) => t.replace('set -eu\n', 'set -eu \\\n')],
    ['an unterminated double quote swallows the rest', (t) => t.replace('set -eu\n', 'echo "\n')],
    ['a quote spans lines that start commands', (t) => t.replace('set -eu\n', 'echo "\ndocker run x\n"\n')],
    ['a here-document fed to a shell holds commands', (t) => t.replace('set -eu\n', 'bash <<EOF\ndocker run --privileged x\nEOF\n')],
    ['an unterminated here-document', (t) => t.replace('set -eu\n', 'cat <<EOF\n')],
    ['a command substitution over lines', (t) => t.replace('set -eu\n', 'x=$(\ndocker run --privileged x\n)\n')],
    ['a comment ends a continued command before an option line', (t) => t.replace('  --name web \\\n', '  --name web # here\n')],
    ['a command is inserted', (t) => t.replace('deploy() {', 'docker run --network host alpine\ndeploy() {')],
    ['a command is removed', (t) => t.replace('docker run -d \\\n  --cap-add SYS_ADMIN \\\n  --name web \\\n  nginx:1.27\n', '')],
    [
      'two commands are the same text',
      (t) => t.replace('deploy() {', 'docker run --read-only --memory 1g --pids-limit 100 --cap-drop ALL busybox\ndeploy() {'),
    ],
    ['lines are added at the top', (t) => `\n\n${t}`],
    ['a character is typed above every command', (t) => t.replace('IMAGE=', 'IMAGE_X=')],
    ['CRLF line ends', (t) => t.replace(/\n/g, '\r\n')],
    ['a lone carriage return before a command', (t) => t.replace('\ndocker run --read-only', '\rdocker run --read-only')],
    ['a suppression comment above a command', (t) => t.replace('docker run -d', '# containment-ignore all\ndocker run -d')],
    ['a file-wide suppression comment', (t) => `${t}# containment-ignore-file CT2001\n`],
    ['a seccomp profile is named', (t) => t.replace('busybox', '--security-opt seccomp=prof.json busybox')],
  ];
  for (const [name, change] of cases) {
    test(name, () => {
      const changed = change(base);
      assert.notEqual(changed, base);
      const opts: AnalyzeOptions = { readRelative: (p) => (p === 'prof.json' ? PROFILE : undefined) };
      checkVersions('run.sh', [base, changed, base, `${changed}docker run --privileged x\n`, `x${changed}`], opts);
    });
  }

  test('commands on unchanged lines are reused, not read again', () => {
    const cache = new IncrementalScript();
    const first = analyze('run.sh', base, { scriptCache: cache });
    const second = analyze('run.sh', base.replace('IMAGE=', 'IMAGE_X='), { scriptCache: cache });
    const specs = (a: Analysis | undefined) => (a?.model?.kind === 'runtime' ? a.model.runtime.specs : []);
    assert.equal(specs(first).length, 5);
    assert.deepEqual(
      specs(second).map((s, i) => s === specs(first)[i]),
      [true, true, true, true, true],
    );
    // A line added above moves every command: not read again, but copied one line lower.
    const third = analyze('run.sh', `\n${base}`, { scriptCache: cache });
    assert.deepEqual(
      specs(third).map((s, i) => s !== specs(first)[i] && s.anchor.kind === 'source' && s.anchor.range.start.line),
      specs(first).map((s) => s.anchor.kind === 'source' && s.anchor.range.start.line + 1),
    );
    assert.equal(comparable(third), comparable(analyze('run.sh', `\n${base}`)));
  });

  test('a seccomp profile that changes while the script does not', () => {
    let profile = PROFILE;
    const opts: AnalyzeOptions = { readRelative: (p) => (p === 'prof.json' ? profile : undefined) };
    const script = base.replace('busybox', '--security-opt seccomp=prof.json busybox');
    const cache = new IncrementalScript();
    const ids = (a: Analysis | undefined) => (a?.findings ?? []).map((f) => `${f.ruleId}:${f.range.start.line}`).sort();
    const before = analyze('run.sh', script, { ...opts, scriptCache: cache });
    assert.deepEqual(ids(before), ids(analyze('run.sh', script, opts)));
    profile = '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": []}';
    const after = analyze('run.sh', script, { ...opts, scriptCache: cache });
    assert.deepEqual(ids(after), ids(analyze('run.sh', script, opts)));
    assert.notDeepEqual(ids(after), ids(before));
  });
});
