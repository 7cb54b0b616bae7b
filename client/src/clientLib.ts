// Loads the language client library (dist/languageclient.js, bundled apart from client.js) on
// first use, so that activating the extension does not evaluate it (client layer).

import path = require('node:path');

type ClientLib = typeof import('./languageclient');
let lib: ClientLib | undefined;

export function languageClientLib(): ClientLib {
  // A path esbuild cannot follow keeps the library out of client.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lib ??= require(path.join(__dirname, 'languageclient.js')) as ClientLib;
  return lib;
}
