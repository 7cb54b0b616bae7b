// Entry point of the `containment` command (dist/cli-boot.js, required by bin/containment.js):
// loads the CLI (dist/cli.js, from main.ts) with V8's code cache (io/codeCache.ts) and runs the
// command line. The cache is written at exit, with what the command compiled.
import { join } from 'node:path';
import { codeCacheDir, loadWithCodeCache } from '../io/codeCache';

// The cache is made again when a run used a file kind whose code it does not hold yet.
const cli = loadWithCodeCache(join(__dirname, 'cli.js'), {
  dir: codeCacheDir(),
  parts: () => cli.loadedParts(),
}) as typeof import('./main');
void cli.runAsync(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
