#!/usr/bin/env node
// Bundles the extension client, the language server and the CLI with esbuild: one file each in
// dist/. `--production` minifies (used by `npm run package`); `--watch` rebuilds on change.
// Tests import bundle() to build a private copy (test/bundle.test.ts).
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');

/** The three esbuild configurations, writing into `outdir`. */
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
  };
  return [
    { ...common, entryPoints: ['client/src/extension.ts'], outfile: join(outdir, 'client.js'), external: ['vscode'] },
    { ...common, entryPoints: ['server/src/server.ts'], outfile: join(outdir, 'server.js') },
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
