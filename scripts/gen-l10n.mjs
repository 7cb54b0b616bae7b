#!/usr/bin/env node
// Writes l10n/bundle.l10n.json, the table of the client's UI strings (the Containers view, its
// commands and the report webview): every literal passed to t(…) or vscode.l10n.t(…) in
// client/src/containers/ and client/src/*.ts, mapped to itself. Translations (bundle.l10n.<locale>.json) are keyed
// by these English messages. test/containers-ui.test.ts fails when this file is stale.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
// The Containers view's folder, and the client's own files ("Containment: Explain…").
const files = [join(root, 'client', 'src', 'containers'), join(root, 'client', 'src')].flatMap((dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.ts'))
    .sort()
    .map((n) => join(dir, n)),
);
const strings = new Set();
for (const f of files) {
  const src = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true);
  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      const c = node.expression;
      const isT =
        (ts.isIdentifier(c) && c.text === 't') ||
        (ts.isPropertyAccessExpression(c) && c.name.text === 't' && /l10n$/.test(c.expression.getText(src)));
      const arg = node.arguments[0];
      if (isT && arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) strings.add(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
}
const table = Object.fromEntries([...strings].sort((a, b) => a.localeCompare(b, 'en')).map((s) => [s, s]));
mkdirSync(join(root, 'l10n'), { recursive: true });
writeFileSync(join(root, 'l10n', 'bundle.l10n.json'), JSON.stringify(table, null, 2) + '\n');
console.log(`l10n/bundle.l10n.json: ${strings.size} strings`);
