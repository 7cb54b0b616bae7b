// Simplified Chinese coverage of the client's UI strings: every key of l10n/bundle.l10n.json
// (written by scripts/gen-l10n.mjs, which never touches the translations) has a translation in
// l10n/bundle.l10n.zh-cn.json that keeps its {n} placeholders and is actually Chinese. Strings
// that are only a technical term stay as written and are listed in TERMS.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const CJK = /[\u4e00-\u9fff]/;

// Keys whose translation may contain no Chinese: Compose keys, capability/namespace/Seccomp terms
// kept in English as elsewhere in the extension, option names, and "Containment: {0}".
const TERMS = new Set([
  'cap_add:',
  'cap_drop:',
  'capabilities',
  'Capabilities',
  'Containment: {0}',
  'CPU',
  'Id',
  'namespaces',
  'Namespaces',
  'no-new-privileges',
  'root',
  'Seccomp',
  'UID / GID',
]);

const read = (name: string) => JSON.parse(readFileSync(join(ROOT, 'l10n', name), 'utf8')) as Record<string, string>;
const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

test('every client UI string has a Simplified Chinese translation', () => {
  const en = read('bundle.l10n.json');
  const zh = read('bundle.l10n.zh-cn.json');
  const missing = Object.keys(en).filter((k) => typeof zh[k] !== 'string' || zh[k].trim() === '');
  assert.deepEqual(missing, [], `${missing.length} strings missing from l10n/bundle.l10n.zh-cn.json`);
  const extra = Object.keys(zh).filter((k) => !(k in en));
  assert.deepEqual(extra, [], 'zh-cn entries the English table lacks');
});

test('each translation keeps the placeholders of its key', () => {
  const zh = read('bundle.l10n.zh-cn.json');
  const wrong = Object.entries(zh).filter(([k, v]) => placeholders(v).join() !== placeholders(k).join());
  assert.deepEqual(
    wrong.map(([k]) => k),
    [],
    'translations whose {n} placeholders differ from the key',
  );
});

test('each translation is Chinese, except the listed technical terms', () => {
  const en = read('bundle.l10n.json');
  const zh = read('bundle.l10n.zh-cn.json');
  const untranslated = Object.keys(en).filter((k) => !TERMS.has(k) && !CJK.test(zh[k] ?? ''));
  assert.deepEqual(untranslated, [], 'translations with no Chinese character');
  const stale = [...TERMS].filter((k) => !(k in en));
  assert.deepEqual(stale, [], 'TERMS entries that are no longer UI strings');
});
