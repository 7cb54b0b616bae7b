// The extension's client bundles: client.js stays small because the language client library is a
// bundle of its own (dist/languageclient.js) loaded after activation, and every bundle the build
// writes ships in the .vsix (.vscodeignore lists it).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const root = join(__dirname, '..');
let dir: string;
let outfiles: string[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'containment-client-bundle-'));
  // A path in a variable: the build script is plain JavaScript without type declarations.
  const script = '../scripts/build.mjs';
  const build = (await import(script)) as {
    bundle: (o: { outdir: string; logLevel: string; production?: boolean }) => Promise<void>;
    buildOptions: (o: { outdir: string }) => { outfile: string }[];
  };
  await build.bundle({ outdir: dir, logLevel: 'silent', production: true });
  outfiles = build.buildOptions({ outdir: dir }).map((o) => o.outfile);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('client.js does not carry the language client library; languageclient.js does, and exports what the client uses', () => {
  const client = readFileSync(join(dir, 'client.js'), 'utf8');
  const lib = join(dir, 'languageclient.js');
  assert.ok(statSync(lib).size > 4 * statSync(join(dir, 'client.js')).size, 'the library is most of the code');
  // vscode-jsonrpc's message reader is part of the library, never of client.js.
  assert.ok(!/Content-Length/.test(client), 'client.js has no JSON-RPC transport code');
  assert.match(client, /languageclient\.js/, 'client.js loads the library by path');
  // Loading it needs the vscode module, which only the extension host provides: its exports are read from the text.
  const text = readFileSync(lib, 'utf8');
  for (const name of ['LanguageClient', 'State', 'TransportKind']) assert.match(text, new RegExp(`\\b${name}\\b`), name);
});

test('the report page and drift renderers are renderers.js, loaded when a report or comparison opens, not client.js', () => {
  const client = readFileSync(join(dir, 'client.js'), 'utf8');
  // The page's Content-Security-Policy is written by renderReport.ts only.
  assert.doesNotMatch(client, /Content-Security-Policy/, 'client.js carries the report page');
  assert.match(client, /renderers\.js/, 'client.js loads the renderers by path');
  // The renderers are pure: they load and run without the vscode module.
  const lib = createRequire(__filename)(join(dir, 'renderers.js')) as Record<string, unknown>;
  for (const name of ['renderReport', 'renderMessage', 'renderDrift']) assert.equal(typeof lib[name], 'function', name);
  const t = (s: string, ...args: unknown[]) => s.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
  const page = (lib.renderMessage as (title: string, text: string, o: object) => string)('Isolation: web', 'Inspecting…', {
    cspSource: 'vscode-resource:',
    nonce: 'N0nce',
    styleUri: 'vscode-resource:/report.css',
    scriptUri: 'vscode-resource:/report.js',
    t,
  });
  assert.match(page, /Content-Security-Policy/);
});

test('client.js requires vscode and Node modules as they are, without copying their exports at load', () => {
  const client = readFileSync(join(dir, 'client.js'), 'utf8');
  assert.match(client, /require\("vscode"\)/);
  // `import * as vscode` makes esbuild wrap the require in a helper (__toESM) that copies every
  // export of the vscode API into a new object, once per importing file, while client.js loads.
  const wrapped = client.match(/[\w$]+\(require\("(?:vscode|node:[\w/]+)"\)/g) ?? [];
  assert.deepEqual(wrapped, [], 'a client file imports vscode or a Node module with `import * as`: use `import x = require()`');
});

test('every bundle the build writes is packaged (.vscodeignore allows it)', () => {
  const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
  const allowed = new Set(ignore.filter((l) => l.startsWith('!dist/')).map((l) => l.slice('!dist/'.length).trim()));
  const bundles = outfiles.map((f) => basename(f)).filter((f) => f !== 'cli.js' && f !== 'cli-boot.js');
  assert.ok(bundles.includes('client.js') && bundles.includes('languageclient.js') && bundles.includes('renderers.js'));
  assert.deepEqual(
    bundles.filter((f) => !allowed.has(f)),
    [],
    'bundles missing from .vscodeignore',
  );
});
