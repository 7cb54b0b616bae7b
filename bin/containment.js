#!/usr/bin/env node
// The `containment` command: runs the bundled CLI (build it with `npm run build`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('containment: dist/cli.js is missing; run `npm run build` in ' + path.join(__dirname, '..') + '\n');
  process.exit(2);
}
const m = require(cli);
// `inspect` talks to the engine asynchronously; the other commands are synchronous.
Promise.resolve(m.runAsync ? m.runAsync(process.argv.slice(2)) : m.run(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
