// In-process benchmark (run by scripts/bench/run.mjs with `node --expose-gc --import tsx`):
// for every input, the full analysis (parse + models + all rules, through analyze()), the parser
// alone on the same text, a re-analysis after a one-character edit, the memory one analysed
// document retains, and the peers (dockerfile-utils validate(), dclint) on the same inputs.
// Usage: node --expose-gc --import tsx scripts/bench/inprocess.mjs <inputs.json> <out.json> [--quick]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { DockerfileParser } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';
import { parseTree } from 'jsonc-parser';
import { parse as shellParse } from 'shell-quote';
import { analyze } from '../../server/src/core/analyze.ts';
import { IncrementalDockerfile } from '../../server/src/core/incremental.ts';
import { IncrementalScript } from '../../server/src/core/incrementalScript.ts';
import { measure, measureInterleaved, insertAt, round } from './stats.mjs';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const [manifestPath, outPath] = process.argv.slice(2);
const quick = process.argv.includes('--quick');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const budgetMs = quick ? 400 : 2000;
const opts = { budgetMs, maxIter: quick ? 40 : 200 };

/** The third-party parser each kind of input goes through first (the shell lexer is ours: shell-quote stands in). */
const PARSERS = {
  dockerfile: { name: 'dockerfile-ast DockerfileParser.parse', run: (t) => DockerfileParser.parse(t) },
  compose: { name: 'yaml parseAllDocuments', run: (t) => parseAllDocuments(t) },
  seccomp: { name: 'jsonc-parser parseTree', run: (t) => parseTree(t) },
  daemon: { name: 'jsonc-parser parseTree', run: (t) => parseTree(t) },
  shell: {
    name: 'shell-quote parse, line by line (reference only: our lexer is the parser)',
    run: (t) => t.split('\n').map((l) => shellParse(l)),
  },
};

let dockerfileUtils;
try {
  dockerfileUtils = require('dockerfile-utils');
} catch {
  dockerfileUtils = undefined;
}
let DCLinter;
try {
  ({ DCLinter } = require('dclint'));
} catch {
  DCLinter = undefined;
}

/**
 * What dclint says when it did not lint a file: it reports a failure to read one (a YAML error,
 * the yaml package's alias limit) as a message of rule `unknown-error` and returns early, so a
 * time measured on such a file is not a lint. Undefined when every file was linted.
 */
function dclintFailure(results) {
  for (const r of results ?? []) {
    const m = r.messages?.find((x) => x.rule === 'unknown-error');
    if (m) return `${r.filePath.split('/').pop()}: ${m.message}`;
  }
  return undefined;
}

/** The analyze() options that keep one document's earlier work between its versions, as the server does. */
function incrementalCache(kind) {
  if (kind === 'dockerfile') return { dockerfileCache: new IncrementalDockerfile() };
  if (kind === 'shell') return { scriptCache: new IncrementalScript() };
  return {};
}

function retainedPerDocument(path, text, n) {
  if (typeof globalThis.gc !== 'function') return undefined;
  const copies = Array.from({ length: n }, (_, i) => text + '\n'.repeat(1 + (i % 3)));
  globalThis.gc();
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const kept = copies.map((c) => analyze(path, c));
  globalThis.gc();
  globalThis.gc();
  const after = process.memoryUsage().heapUsed;
  const perDoc = (after - before) / n;
  if (kept.length !== n) throw new Error('unreachable');
  return { copies: n, bytesPerDocument: Math.round(perDoc), textBytes: Buffer.byteLength(text) };
}

const results = [];
for (const input of manifest.inputs) {
  const path = join(root, input.file);
  const text = readFileSync(path, 'utf8');
  const first = analyze(path, text);
  const row = { id: input.id, kind: input.kind, lines: input.lines, findings: first?.findings.length ?? 0 };
  // The analysis, the parser alone and the peer (dockerfile-utils or dclint) take turns, so that
  // their ratios do not depend on when each ran (the machine's state drifts by a quarter between
  // runs here). dclint takes seconds per lint on the large file: fewer rounds there (the minimum
  // of 10, or 5 with --quick, then the time budget ends them).
  const parser = PARSERS[input.kind];
  const linter = input.kind === 'compose' && DCLinter ? new DCLinter({ rules: {}, quiet: false, debug: false, exclude: [] }) : undefined;
  const peer =
    input.kind === 'dockerfile' && dockerfileUtils
      ? { name: 'dockerfile-utils validate()', run: () => dockerfileUtils.validate(text) }
      : linter
        ? {
            name: 'dclint DCLinter.lintFiles (reads the file, validates against the Compose schema, runs its rules)',
            run: () => linter.lintFiles([path], false),
          }
        : undefined;
  const [analysis, parserTimes, peerTimes] = measureInterleaved(
    [() => analyze(path, text), parser ? () => parser.run(text) : () => {}, peer ? peer.run : () => {}],
    linter ? { ...opts, warmup: 1, minIter: quick ? 5 : 10 } : opts,
  );
  row.analysis = analysis;
  if (parser) {
    row.parser = { name: parser.name, ...parserTimes };
    row.analysisOverParser = round(row.analysis.median / row.parser.median, 2);
  }
  // Typing at the edit site: each iteration sees one more character than the one before.
  const texts = [text];
  for (let i = 1; i <= opts.maxIter + 4; i++) texts.push(insertAt(texts[i - 1], input.edit.line, input.edit.character + i - 1, 'x'));
  // As the language server does: a Dockerfile keeps its build stages between versions and re-reads
  // the one typed in (core/incremental.ts); a script keeps its commands (core/incrementalScript.ts).
  const cache = incrementalCache(input.kind);
  analyze(path, text, cache);
  row.edit = measure((i) => analyze(path, texts[i < 0 ? -i : i + 4], cache), opts);
  row.editIncremental = Object.keys(cache).length > 0;
  const copies = input.lines > 1000 ? 20 : 200;
  row.memory = retainedPerDocument(path, text, quick ? Math.ceil(copies / 4) : copies);
  if (peer) row.peer = { name: peer.name, ...peerTimes, failed: linter ? dclintFailure(linter.lintFiles([path], false)) : undefined };
  // A peer that stopped early did not do the work: no ratio against it.
  if (row.peer && !row.peer.failed) row.oursOverPeer = round(row.analysis.median / row.peer.median, 3);
  results.push(row);
  process.stderr.write(`in-process: ${input.id} done\n`);
}

// The corpus as many small files, in one process: total time of analysing each once.
const corpus = {};
for (const kind of ['compose', 'dockerfile']) {
  const files = manifest.corpus?.[kind] ?? [];
  if (files.length === 0) continue;
  const texts = files.map((f) => [join(root, f), readFileSync(join(root, f), 'utf8')]);
  corpus[kind] = { files: files.length, ...measure(() => texts.forEach(([p, t]) => analyze(p, t)), { ...opts, minIter: 5 }) };
  if (kind === 'dockerfile' && dockerfileUtils) {
    corpus[kind].peer = {
      name: 'dockerfile-utils validate()',
      ...measure(() => texts.forEach(([, t]) => dockerfileUtils.validate(t)), opts),
    };
  }
  if (kind === 'compose' && DCLinter) {
    const linter = new DCLinter({ rules: {}, quiet: false, debug: false, exclude: [] });
    corpus[kind].peer = {
      name: 'dclint lintFiles',
      ...measure(
        () =>
          linter.lintFiles(
            texts.map(([p]) => p),
            false,
          ),
        { ...opts, warmup: 1, minIter: 2, maxIter: 3 },
      ),
      failed: dclintFailure(
        linter.lintFiles(
          texts.map(([p]) => p),
          false,
        ),
      ),
    };
  }
}

writeFileSync(
  outPath,
  JSON.stringify({ inputs: results, corpus, peers: { dockerfileUtils: !!dockerfileUtils, dclint: !!DCLinter } }, null, 2),
);
