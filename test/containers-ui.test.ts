// The Containers view's pure parts: HTML escaping, the report page (CSP, namespaces, capability
// chips, limits, findings) rendered from a fixture report, and the UI string table (every string
// the client translates is in l10n/bundle.l10n.json). No vscode import: these run under tsx.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { codeSpansAsText, escapeHtml, miniMarkdown, safeUrl } from '../client/src/containers/html';
import { contentSecurityPolicy, renderMessage, renderReport, shellWord, type PageOptions } from '../client/src/containers/renderReport';
import { HOSTILE, sampleReport } from './helpers/containerReport';

const ROOT = join(import.meta.dirname, '..');
const OPTS: PageOptions = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'N0nce123',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/report.css',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/report.js',
};

/** Opening tags in the page, by element name (a crude tokenizer is enough: escaped text has no `<`). */
function tags(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
}

test('escapeHtml escapes the characters that open tags, attributes and template literals', () => {
  assert.equal(escapeHtml('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
  assert.equal(escapeHtml('"><script>'), '&quot;&gt;&lt;script&gt;');
  assert.equal(escapeHtml("it's & `x`"), 'it&#39;s &amp; &#96;x&#96;');
  assert.equal(escapeHtml('</style>'), '&lt;/style&gt;');
  assert.equal(escapeHtml(undefined), '');
  assert.equal(escapeHtml(42), '42');
  // Already escaped text is escaped again (shown literally), never decoded.
  assert.equal(escapeHtml('&lt;'), '&amp;lt;');
});

test('safeUrl keeps https links only', () => {
  assert.equal(safeUrl('https://example.com/a?b=1&c=2'), 'https://example.com/a?b=1&amp;c=2');
  assert.equal(safeUrl('javascript:alert(1)'), undefined);
  assert.equal(safeUrl('data:text/html,<script>'), undefined);
  assert.equal(safeUrl('https://x" onmouseover="alert(1)'), undefined);
  assert.equal(safeUrl(undefined), undefined);
});

test('miniMarkdown renders code, bold and https links from escaped text', () => {
  assert.equal(
    miniMarkdown('Use `--cap-drop ALL` and **no-new-privileges**.'),
    '<p>Use <code>--cap-drop ALL</code> and <strong>no-new-privileges</strong>.</p>',
  );
  assert.equal(miniMarkdown('[docs](https://example.com/x)'), '<p><a href="https://example.com/x">docs</a></p>');
  assert.equal(miniMarkdown('[bad](javascript:alert(1))'), '<p>[bad](javascript:alert(1))</p>');
  assert.equal(miniMarkdown('<img src=x onerror=alert(1)> `<b>`'), '<p>&lt;img src=x onerror=alert(1)&gt; <code>&lt;b&gt;</code></p>');
  assert.equal(miniMarkdown('one\n\ntwo\nlines'), '<p>one</p><p>two<br>lines</p>');
});

test('the report page carries a strict Content-Security-Policy and one nonce script', () => {
  const html = renderReport(sampleReport(), OPTS);
  const csp = contentSecurityPolicy(OPTS.cspSource, OPTS.nonce);
  assert.equal(
    csp,
    `default-src 'none'; style-src ${OPTS.cspSource}; script-src 'nonce-N0nce123'; img-src ${OPTS.cspSource} data:; font-src ${OPTS.cspSource}`,
  );
  const meta = tags(html, 'meta').find((m) => /Content-Security-Policy/.test(m));
  assert.ok(meta, 'a CSP meta tag');
  assert.match(meta, /default-src &#39;none&#39;/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  const scripts = tags(html, 'script');
  assert.deepEqual(scripts, [`<script nonce="N0nce123" src="${OPTS.scriptUri}">`]);
  assert.doesNotMatch(html, /\sstyle=/i, 'no inline style attributes (the policy would block them)');
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) assert.doesNotMatch(tag, /\son[a-z]+=/i, 'no inline event handlers');
  assert.equal(tags(html, 'style').length, 0);
});

test('hostile labels, names, images and paths are shown as text, never as markup', () => {
  const html = renderReport(sampleReport(), OPTS);
  assert.equal(tags(html, 'img').length, 0, 'no img element');
  assert.equal(tags(html, 'script').length, 1, 'only the page script');
  assert.doesNotMatch(html, /<\/style>/);
  assert.equal(HOSTILE.label, '<img src=x onerror=alert(1)>');
  assert.ok(html.includes('<td><code>&lt;img src=x onerror=alert(1)&gt;</code></td>'), 'the label is shown escaped');
  assert.ok(html.includes('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;'), 'the quote-breaking image name is escaped');
  assert.ok(html.includes('/srv/&lt;/style&gt;&lt;script&gt;alert(3)&lt;/script&gt;'), 'the mount path is escaped');
  assert.ok(html.includes('&#96;${alert(4)}&#96;'), 'backticks are escaped');
  // The finding's docs link with a javascript: URL is not a link.
  assert.doesNotMatch(html, /href="javascript:/i);
  // Attributes that hold untrusted text stay inside their quotes: every attribute value is escaped.
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    const rest = tag
      .replace(/\s[a-z-]+="[^"]*"/gi, '')
      .replace(/\sopen(?=[\s>])/, '')
      .replace(/^<[a-z0-9]+/i, '');
    assert.match(rest, /^\s*\/?>$/, `a tag with a stray attribute: ${tag}`);
  }
});

test('the namespaces diagram puts shared namespaces in the host box and the others in the container box', () => {
  const html = renderReport(sampleReport(), OPTS);
  const host = html.slice(html.indexOf('class="ns-row shared-row"'), html.indexOf('class="container-box"'));
  const own = html.slice(html.indexOf('class="container-box"'), html.indexOf('class="legend"'));
  assert.match(host, /<div class="ns shared" data-ns="pid"/);
  assert.match(host, /data-ns="user"/);
  assert.match(host, /shared with the host/);
  assert.doesNotMatch(host, /data-ns="net"/);
  assert.match(own, /<div class="ns isolated" data-ns="net"/);
  assert.match(own, /data-ns="mnt"/);
  assert.match(html, /inode 4026531836 \/ 4026531836/);
});

test('capability chips show the default 14, the added one highlighted and the dropped one faded', () => {
  const html = renderReport(sampleReport(), OPTS);
  const chips = [...html.matchAll(/<span class="chip ([^"]+)" data-cap="([A-Z_]+)"/g)].map((m) => [m[2], m[1]]);
  assert.equal(chips.length, 15);
  assert.deepEqual(Object.fromEntries(chips).SYS_ADMIN, 'added');
  assert.deepEqual(Object.fromEntries(chips).NET_RAW, 'dropped');
  assert.deepEqual(Object.fromEntries(chips).CHOWN, 'kept');
  assert.match(html, /13 of Docker’s default 14 kept, 1 added, 1 dropped; 14 effective now\./);
});

test('limits show their values and usage bars; a missing limit is called out', () => {
  const html = renderReport(sampleReport(), OPTS);
  const memory = html.slice(html.indexOf('data-resource="memory"'), html.indexOf('data-resource="cpu"'));
  assert.match(memory, /<strong>32 MiB<\/strong>/);
  assert.match(memory, /<rect class="fill" x="0" y="0" width="75.00" height="8">/);
  assert.match(memory, /24 MiB used of 32 MiB/);
  assert.match(memory, /class="bar mid"/);
  const cpu = html.slice(html.indexOf('data-resource="cpu"'), html.indexOf('data-resource="pids"'));
  assert.match(cpu, /badge warn">no limit/);
  assert.match(html, /2 used of 20/);
});

test('findings come sorted with their fix and a link to the rule doc; mounts, ports and commands are shown', () => {
  const html = renderReport(sampleReport(), OPTS);
  const ids = [...html.matchAll(/data-rule-id="(CT\d+)"/g)].map((m) => m[1]);
  assert.deepEqual(ids, ['CT2002', 'CT2012', 'CT2014']);
  assert.match(
    html,
    /<a class="rule" href="https:\/\/github\.com\/containment-dev\/containment\/blob\/main\/docs\/rules\/CT2002\.md" data-rule="CT2002"/,
  );
  assert.match(html, /Remove <code>SYS_ADMIN<\/code> from <code>cap_add<\/code>\./);
  assert.match(html, /&lt;b&gt;not bold&lt;\/b&gt;/);
  assert.match(html, /<tr class="sensitive error">.*CT2008/);
  assert.match(html, /badge warn">all interfaces/);
  assert.match(html, /data-copy="grep -E &#39;\^Cap\(Eff\|Prm\|Bnd\)&#39; \/proc\/4242\/status"/);
  assert.match(html, /<code>docker -H unix:\/\/\/tmp\/containment-engine\/docker\.sock inspect evil-web<\/code>/);
});

test('a report with nothing wrong still renders every section', () => {
  const r = sampleReport();
  r.findings = [];
  r.worstSeverity = 'none';
  r.mounts = [];
  r.ports = [];
  r.labels = {};
  r.notes = [];
  const html = renderReport(r, { ...OPTS, banner: { kind: 'error', text: 'Refresh failed: <x>' } });
  for (const id of ['namespaces', 'capabilities', 'security', 'user', 'limits', 'mounts', 'ports', 'findings', 'more']) {
    assert.match(html, new RegExp(`<section id="${id}"`));
  }
  assert.match(html, /No findings/);
  assert.match(html, /Refresh failed: &lt;x&gt;/);
});

test('the message page escapes too', () => {
  const html = renderMessage('Cannot inspect <b>', 'Engine says <img src=x>', OPTS, 'hint "quoted"');
  assert.equal(tags(html, 'img').length, 0);
  assert.match(html, /Cannot inspect &lt;b&gt;/);
  assert.match(html, /hint &quot;quoted&quot;/);
});

test('engine error hints: code spans as code on the message page, without backticks in notifications', () => {
  const hint = 'Start the engine (for example `sudo systemctl start docker`), or set `--host`.';
  const html = renderMessage('Could not inspect web', 'The engine is not running.', OPTS, hint);
  assert.match(html, /<code>sudo systemctl start docker<\/code>/);
  assert.doesNotMatch(html, /&#96;/);
  assert.equal(codeSpansAsText(hint), 'Start the engine (for example sudo systemctl start docker), or set --host.');
  assert.equal(codeSpansAsText('请启动引擎（例如 `sudo systemctl start docker`）。'), '请启动引擎（例如 sudo systemctl start docker）。');
});

test('the client tells engine errors apart by their code, never by their words (which follow the language)', () => {
  const dir = join(ROOT, 'client', 'src');
  const files = [dir, join(dir, 'containers')].flatMap((d) =>
    readdirSync(d)
      .filter((n) => n.endsWith('.ts'))
      .map((n) => join(d, n)),
  );
  const byWords =
    /\/[^/\n]+\/[a-z]*\.test\([^)]*\.message\b|\.message\s*(?:===|!==|==|!=)\s*['"`]|\.message\??\.(?:includes|startsWith|endsWith|match|indexOf)\(/;
  const found = files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => byWords.test(l.replace(/typeof \S+/g, '')))
      .map((l) => `${f.slice(ROOT.length + 1)}: ${l.trim()}`),
  );
  assert.deepEqual(found, []);
});

test('shellWord quotes names that are not plain words', () => {
  assert.equal(shellWord('web-1'), 'web-1');
  assert.equal(shellWord("a b'c"), "'a b'\\''c'");
});

// --- the UI string table ----------------------------------------------------------------------

/** The first-argument string literals of t(…) / l10n.t(…) calls in the client (the container UI and client/src/*.ts). */
function translatedStrings(): Set<string> {
  const out = new Set<string>();
  const files = [join(ROOT, 'client', 'src', 'containers'), join(ROOT, 'client', 'src')].flatMap((dir) =>
    readdirSync(dir)
      .filter((n) => n.endsWith('.ts'))
      .map((n) => join(dir, n)),
  );
  for (const f of files) {
    const src = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const isT =
          (ts.isIdentifier(callee) && callee.text === 't') ||
          (ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && /l10n$/.test(callee.expression.getText(src)));
        const arg = node.arguments[0];
        if (isT) {
          assert.ok(
            arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)),
            `${f}: t() with a non-literal message: ${node.getText(src)}`,
          );
          out.add(arg.text);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return out;
}

test('every UI string is in the l10n table, and the table has no stale entries', () => {
  const used = translatedStrings();
  assert.ok(used.size > 50, `found ${used.size} strings`);
  const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
  const missing = [...used].filter((s) => !(s in bundle));
  assert.deepEqual(missing, [], 'strings missing from l10n/bundle.l10n.json');
  const stale = Object.keys(bundle).filter((k) => !used.has(k));
  assert.deepEqual(stale, [], 'entries in l10n/bundle.l10n.json that no code uses');
  for (const [k, v] of Object.entries(bundle)) assert.equal(v, k, 'the English table maps each message to itself');
  const zh = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  for (const [k, v] of Object.entries(zh)) {
    assert.ok(k in bundle, `zh-cn has an entry the English table lacks: ${k}`);
    const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    assert.deepEqual(placeholders(v), placeholders(k), `zh-cn keeps the placeholders of ${k}`);
  }
});
