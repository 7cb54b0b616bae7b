// Loads the language client library (dist/languageclient.js, bundled apart from client.js) on
// first use, so that activating the extension does not evaluate it (client layer).
//
// It is loaded with V8's code cache, as the server and the CLI load theirs (server/src/io/codeCache.ts):
// compiling the 440 KB library was most of the time from activation to starting the server
// (about 105 ms in plain Node, 40 with the cache). Only its own cache: the extension host runs
// other extensions too.

import path = require('node:path');
import { codeCacheDir, loadWithCodeCache } from '../../server/src/io/codeCache';

type ClientLib = typeof import('./languageclient');
let lib: ClientLib | undefined;

export function languageClientLib(): ClientLib {
  // A path esbuild cannot follow keeps the library out of client.js.
  lib ??= loadWithCodeCache(path.join(__dirname, 'languageclient.js'), {
    dir: codeCacheDir(),
    writeAfterMs: 10_000,
    thisBundleOnly: true,
  }) as ClientLib;
  return lib;
}
