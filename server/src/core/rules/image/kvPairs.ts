// NAME=value pairs of ENV and ARG instructions with their ranges (pure core layer), for rules that
// judge variables (CT1008 secrets, CT1009 TLS switches). The model keeps arguments split on blanks,
// so quoted values with spaces are joined back here.

import type { Instr, Word } from '../../model/image';
import type { Range } from '../../types';

export interface KvPair {
  name: string;
  /** The value with quotes removed; undefined for `ARG NAME` without a default. */
  value?: string;
  /** The value as written. */
  raw?: string;
  /** The whole `NAME=value` text. */
  range: Range;
  nameRange: Range;
}

function unbalanced(s: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '\\') i++;
    else if (c === '"' || c === "'") quote = c;
  }
  return quote !== null;
}

/** Removes shell-style quotes: `"a b"` → `a b`, `'x'` → `x`, `a\ b` → `a b`. */
export function unquote(s: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < s.length) out += s[++i];
      else out += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '\\' && i + 1 < s.length) out += s[++i];
    else out += c;
  }
  return out;
}

/** Joins the blank-split arguments back into shell words (`B="two` + `words"` → `B="two words"`). */
function tokens(args: Word[], escapeChar: string): Word[] {
  const out: Word[] = [];
  let cur: Word | undefined;
  for (const a of args) {
    if (a.value === escapeChar) continue;
    if (cur) {
      cur = { value: `${cur.value} ${a.value}`, range: { start: cur.range.start, end: a.range.end } };
    } else {
      cur = { value: a.value, range: a.range };
    }
    if (!unbalanced(cur.value) && !cur.value.endsWith(escapeChar)) {
      out.push(cur);
      cur = undefined;
    }
  }
  if (cur) out.push(cur);
  return out;
}

function nameRangeOf(w: Word, name: string): Range {
  const r = w.range;
  return { start: r.start, end: { line: r.start.line, character: r.start.character + name.length } };
}

/** The variables an ENV or ARG instruction sets, in order. */
export function kvPairs(instr: Instr, escapeChar = '\\'): KvPair[] {
  const toks = tokens(instr.args, escapeChar);
  if (toks.length === 0) return [];
  // Legacy form: `ENV NAME value with spaces` sets one variable.
  if (instr.keyword === 'ENV' && !toks[0].value.includes('=')) {
    const name = toks[0].value;
    const rest = toks.slice(1);
    const raw = rest.map((t) => t.value).join(' ');
    return [
      {
        name,
        value: unquote(raw),
        raw,
        range: { start: toks[0].range.start, end: (rest[rest.length - 1] ?? toks[0]).range.end },
        nameRange: toks[0].range,
      },
    ];
  }
  return toks.map((t) => {
    const eq = t.value.indexOf('=');
    if (eq < 0) return { name: t.value, range: t.range, nameRange: t.range };
    const name = t.value.slice(0, eq);
    const raw = t.value.slice(eq + 1);
    return { name, value: unquote(raw), raw, range: t.range, nameRange: nameRangeOf(t, name) };
  });
}
