#!/usr/bin/env node
// The `containment` command: runs the bundled CLI (build it with `npm run build`). dist/cli-boot.js
// loads dist/cli.js with V8's code cache in the user's cache folder (server/src/io/codeCache.ts;
// CONTAINMENT_COMPILE_CACHE names another folder, or turns the cache off with 0).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const boot = path.join(__dirname, '..', 'dist', 'cli-boot.js');
if (!fs.existsSync(boot)) {
  process.stderr.write('containment: dist/cli-boot.js is missing; run `npm run build` in ' + path.join(__dirname, '..') + '\n');
  process.exit(2);
}
require(boot);
