// Times `require()` of an extension client bundle in plain Node, outside VS Code: the `vscode`
// module it imports is replaced by stand-ins for every name @types/vscode exports (classes that
// accept anything), so only loading and evaluating the bundle's own code is measured. Prints the
// milliseconds. Used by scripts/bench/activation.mjs to tell the bundle's own loading cost from
// the extension host's.
// Usage: node scripts/bench/require-client.mjs path/to/client.js
import Module, { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dts = readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
const names = new Set([...dts.matchAll(/^\s*export (?:class|namespace|enum|function|const|let) (\w+)/gm)].map((m) => m[1]));
function standIn() {
  class C {}
  return new Proxy(C, {
    get: (t, k) => (k in t ? t[k] : typeof k === 'symbol' ? undefined : standIn()),
    apply: () => standIn(),
    construct: () => standIn(),
  });
}
const vscode = {};
for (const n of names) vscode[n] = standIn();
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};
const file = resolve(process.argv[2]);
const t0 = process.hrtime.bigint();
createRequire(file)(file);
console.log(String(Number(process.hrtime.bigint() - t0) / 1e6));
