#!/usr/bin/env node
// Bundles the extension client, the language server and the CLI with esbuild: client.js,
// server-main.js and cli.js in dist/, plus server.js and cli-boot.js, which load the last two with
// V8's code cache (server/src/io/codeCache.ts). `--production` minifies (used by `npm run
// package`); `--watch` rebuilds on change.
// Tests import bundle() to build a private copy (test/bundle.test.ts).
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');

/**
 * Keeps a bundle ASCII: V8 holds a script with one non-ASCII character as two-byte text (twice the
 * memory) and decodes it more slowly on every start (about 40 million instructions for the CLI).
 * esbuild escapes strings itself; what is left is comments it keeps in class bodies of development
 * builds and regular expression literals, where `\uXXXX` means the same character (template
 * literals, whose raw text could tell, are lowered to concatenations below).
 */
const asciiOnly = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      const file = build.initialOptions.outfile;
      if (result.errors.length > 0 || !file) return;
      const text = readFileSync(file, 'utf8');
      if (/[\u0080-\uffff]/.test(text)) {
        writeFileSync(
          file,
          text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
        );
      }
    });
  },
};

/** The esbuild configurations, writing into `outdir`. */
export function buildOptions({ outdir = join(root, 'dist'), production = false, logLevel = 'info' } = {}) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: production,
    sourcemap: production ? false : 'linked',
    legalComments: production ? 'none' : 'inline',
    logLevel,
    absWorkingDir: root,
    // ESM entry points first: jsonc-parser's UMD main loads its parts with a require() esbuild cannot follow.
    mainFields: ['module', 'main'],
    // Template literals become concatenations: esbuild cannot escape a tagged template's raw text
    // (the zh`…` of the Chinese rule messages), and the bundle must stay ASCII (asciiOnly).
    supported: { 'template-literal': false },
    plugins: [asciiOnly],
    // The yaml package's build for other platforms than Node: the same code without the Node
    // build's debugging switches, process.env.LOG_TOKENS read for every token the parser yields
    // (about a tenth of parsing a Compose file) and LOG_STREAM for every document.
    alias: { yaml: './node_modules/yaml/browser/index.js' },
  };
  return [
    { ...common, entryPoints: ['client/src/extension.ts'], outfile: join(outdir, 'client.js'), external: ['vscode'] },
    // The language client library apart: client.js loads it after activation (client/src/clientLib.ts).
    { ...common, entryPoints: ['client/src/languageclient.ts'], outfile: join(outdir, 'languageclient.js'), external: ['vscode'] },
    // The report page and drift renderers apart too: loaded when a report or a comparison opens.
    { ...common, entryPoints: ['client/src/containers/renderers.ts'], outfile: join(outdir, 'renderers.js'), external: ['vscode'] },
    // server.js and cli-boot.js are small: they load the bundles after them with V8's code cache.
    { ...common, entryPoints: ['server/src/serverBoot.ts'], outfile: join(outdir, 'server.js') },
    { ...common, entryPoints: ['server/src/server.ts'], outfile: join(outdir, 'server-main.js') },
    { ...common, entryPoints: ['server/src/cli/boot.ts'], outfile: join(outdir, 'cli-boot.js') },
    { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: join(outdir, 'cli.js') },
  ];
}

export async function bundle(options) {
  await Promise.all(buildOptions(options).map((b) => esbuild.build(b)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const production = process.argv.includes('--production');
  if (process.argv.includes('--watch')) {
    for (const b of buildOptions({ production })) await (await esbuild.context(b)).watch();
  } else {
    await bundle({ production });
  }
}
