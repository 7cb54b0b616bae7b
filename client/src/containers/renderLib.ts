// Loads the renderers (dist/renderers.js, bundled apart from client.js) the first time a report or
// a comparison opens, so that activating the extension does not compile them (client UI layer).

import path = require('node:path');

type Renderers = typeof import('./renderers');
let lib: Renderers | undefined;

export function renderers(): Renderers {
  // A path esbuild cannot follow keeps the renderers out of client.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lib ??= require(path.join(__dirname, 'renderers.js')) as Renderers;
  return lib;
}
