// A small POSIX/bash word lexer with exact source offsets (pure core layer). It splits text into
// words, control operators, redirections and comments the way a shell would, decodes quoting
// ('…', "…", $'…', backslashes, line continuations) and marks every character that comes from an
// expansion ($VAR, ${…}, $(…), `…`, $((…))) as dynamic: its value is not known until run time.
// It is not a shell: it does not expand anything and it does not parse compound commands; the
// caller only needs simple commands and their words.
//
// Text is lexed through a "virtual text": pieces of the real file glued together (a Markdown code
// block, console lines without their prompts), with a table from every virtual character back to
// its offset in the file, so every range the lexer reports is in the file's own coordinates.

import { t as both, type Localized } from '../../types';

/** Why lexing stopped early, in both languages (the parser picks the analysis locale). */
const UNTERMINATED = {
  arithmetic: both('Unterminated $(( arithmetic', '未闭合的 $(( 算术展开'),
  command: both('Unterminated $( command substitution', '未闭合的 $( 命令替换'),
  parameter: both('Unterminated ${ parameter expansion', '未闭合的 ${ 参数展开'),
  backtick: both('Unterminated ` command substitution', '未闭合的 ` 命令替换'),
  single: both('Unterminated single quote', "未闭合的单引号 '"),
  ansiC: both("Unterminated $' quote", "未闭合的 $' 引号"),
  double: both('Unterminated double quote', '未闭合的双引号 "'),
  process: both('Unterminated process substitution', '未闭合的进程替换'),
};

/** Text to lex plus, for every character, its offset in the original file. */
export interface VText {
  text: string;
  /** `src[i]` is the file offset of `text[i]`; `src[text.length]` is the offset just past the last piece. */
  src: Int32Array;
}

/** Builds a virtual text from consecutive or separate [start, end) pieces of `source`. */
export function vtext(source: string, pieces: { start: number; end: number }[]): VText {
  let len = 0;
  for (const p of pieces) len += Math.max(0, p.end - p.start);
  const src = new Int32Array(len + 1);
  let text = '';
  let k = 0;
  for (const p of pieces) {
    if (p.end <= p.start) continue;
    text += source.slice(p.start, p.end);
    for (let o = p.start; o < p.end; o++) src[k++] = o;
  }
  src[len] = pieces.length > 0 ? pieces[pieces.length - 1].end : 0;
  return { text, src };
}

/** One shell word, decoded, with the file offset of each decoded character. */
export interface Word {
  kind: 'word';
  /** File offsets of the word as written (quotes included). */
  start: number;
  end: number;
  /** The decoded value: quotes removed, escapes applied; expansions kept as written. */
  value: string;
  /** File offset of each character of `value`. */
  at: number[];
  /** True for characters that come from an expansion (unknown at lint time). */
  dyn: boolean[];
  /** True for characters that were quoted or escaped. */
  quoted: boolean[];
}

export interface Heredoc {
  delimiter: string;
  /** `<<-`: leading tabs are stripped from body lines. */
  stripTabs: boolean;
  /** Virtual [start, end) of the body (without the delimiter line); -1 until the body is read. */
  vStart: number;
  vEnd: number;
}

export interface Op {
  kind: 'op';
  /** `&&`, `||`, `;`, `&`, `|`, `|&`, `;;`, `(`, `)`, a newline as `\n`, or a redirection (`>`, `2>&`, `<<`…). */
  op: string;
  redirect: boolean;
  start: number;
  end: number;
  heredoc?: Heredoc;
}

export interface Comment {
  kind: 'comment';
  start: number;
  end: number;
  /** The comment starts a line that a backslash continuation led into: it ends the command there. */
  afterContinuation: boolean;
}

export type Token = Word | Op | Comment;

export interface LexError {
  message: Localized;
  /** File offset where the broken construct starts. */
  start: number;
}

export interface LexResult {
  tokens: Token[];
  /** Set when lexing stopped early (an unterminated quote or substitution). */
  error?: LexError;
  /** Virtual [start, end) ranges of `$(…)`, `` `…` `` and `<(…)` bodies, which hold commands of their own. */
  substitutions: { vStart: number; vEnd: number }[];
}

export interface LexOptions {
  /** Markdown: `<image>`-style placeholders are words, not redirections. */
  placeholders?: boolean;
}

const BLANK = new Set([' ', '\t']);
const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const PLACEHOLDER = /^<[A-Za-z0-9_][\w.:/@+-]*>/;

class Stop extends Error {
  constructor(readonly at: number) {
    super('stop');
  }
}

/** Nesting of quotes inside substitutions deeper than this is treated as unterminated (no stack overflow). */
const MAX_NESTING = 200;

/** Finds the end (index after `)`) of `$(…)` whose body starts at `i`; -1 when unterminated. */
export function skipParens(t: string, i: number, to: number, nest = 0): number {
  if (nest > MAX_NESTING) return -1;
  let depth = 1;
  while (i < to) {
    const c = t[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const j = t.indexOf("'", i + 1);
      if (j < 0 || j >= to) return -1;
      i = j + 1;
      continue;
    }
    if (c === '"') {
      const j = skipDouble(t, i + 1, to, nest + 1);
      if (j < 0) return -1;
      i = j;
      continue;
    }
    if (c === '`') {
      const j = skipBacktick(t, i + 1, to);
      if (j < 0) return -1;
      i = j;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}

function skipDouble(t: string, i: number, to: number, nest = 0): number {
  if (nest > MAX_NESTING) return -1;
  while (i < to) {
    const c = t[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else if (c === '$' && t[i + 1] === '(') {
      const j = skipParens(t, i + 2, to, nest + 1);
      if (j < 0) return -1;
      i = j;
    } else if (c === '$' && t[i + 1] === '{') {
      const j = skipBrace(t, i + 2, to, nest + 1);
      if (j < 0) return -1;
      i = j;
    } else if (c === '`') {
      const j = skipBacktick(t, i + 1, to);
      if (j < 0) return -1;
      i = j;
    } else i++;
  }
  return -1;
}

function skipBrace(t: string, i: number, to: number, nest = 0): number {
  if (nest > MAX_NESTING) return -1;
  let depth = 1;
  while (i < to) {
    const c = t[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const j = t.indexOf("'", i + 1);
      if (j < 0 || j >= to) return -1;
      i = j + 1;
      continue;
    }
    if (c === '"') {
      const j = skipDouble(t, i + 1, to, nest + 1);
      if (j < 0) return -1;
      i = j;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}

function skipBacktick(t: string, i: number, to: number): number {
  while (i < to) {
    const c = t[i];
    if (c === '\\') i += 2;
    else if (c === '`') return i + 1;
    else i++;
  }
  return -1;
}

const ANSI_SIMPLE: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Lexes virtual text [from, to). */
export function lex(v: VText, from: number, to: number, opts: LexOptions = {}): LexResult {
  const t = v.text;
  const src = v.src;
  const tokens: Token[] = [];
  const substitutions: { vStart: number; vEnd: number }[] = [];
  const pendingHeredocs: Heredoc[] = [];
  let afterContinuation = false;
  let i = from;
  const fileEnd = (vEnd: number): number => (vEnd > 0 ? src[vEnd - 1] + 1 : src[0]);

  const isNewlineAt = (k: number): number => (t[k] === '\n' ? 1 : t[k] === '\r' && t[k + 1] === '\n' ? 2 : 0);
  const continuationAt = (k: number): number => (t[k] === '\\' ? (isNewlineAt(k + 1) ? 1 + isNewlineAt(k + 1) : 0) : 0);

  let error: LexError | undefined;
  const fail = (message: Localized, at: number): never => {
    error = { message, start: src[at] };
    throw new Stop(at);
  };

  /** Reads the bodies of here-documents that were opened on the line that just ended at `i`. */
  const readHeredocs = () => {
    while (pendingHeredocs.length > 0) {
      const h = pendingHeredocs.shift() as Heredoc;
      h.vStart = i;
      let k = i;
      let found = false;
      while (k < to) {
        let e = t.indexOf('\n', k);
        if (e < 0 || e > to) e = to;
        let line = t.slice(k, e);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if ((h.stripTabs ? line.replace(/^\t+/, '') : line) === h.delimiter) {
          h.vEnd = k;
          i = e < to ? e + 1 : to;
          found = true;
          break;
        }
        k = e + 1;
      }
      if (!found) {
        h.vEnd = to;
        i = to;
      }
    }
  };

  // The word being read, in buffers reused for every word: a word's own arrays are copied out at
  // its end, so reading a character allocates nothing (building `value` with += made a new string
  // per character).
  const wChars: string[] = [];
  const wAt: number[] = [];
  const wDyn: boolean[] = [];
  const wQuoted: boolean[] = [];
  let wn = 0;
  const push = (c: string, k: number, isDyn: boolean, isQuoted: boolean) => {
    wChars[wn] = c;
    wAt[wn] = src[k];
    wDyn[wn] = isDyn;
    wQuoted[wn] = isQuoted;
    wn++;
  };
  const pushRaw = (a: number, b: number, isQuoted: boolean) => {
    for (let k = a; k < b; k++) push(t[k], k, true, isQuoted);
  };
  /** Handles `$…` at `i`; returns false when the `$` is a literal dollar. */
  const expansion = (isQuoted: boolean): boolean => {
    const n = t[i + 1];
    if (n === '(') {
      const j = skipParens(t, i + 2, to);
      if (j < 0) fail(t[i + 2] === '(' ? UNTERMINATED.arithmetic : UNTERMINATED.command, i);
      if (t[i + 2] !== '(') substitutions.push({ vStart: i + 2, vEnd: j - 1 });
      pushRaw(i, j, isQuoted);
      i = j;
      return true;
    }
    if (n === '{') {
      const j = skipBrace(t, i + 2, to);
      if (j < 0) fail(UNTERMINATED.parameter, i);
      pushRaw(i, j, isQuoted);
      i = j;
      return true;
    }
    if (n !== undefined && /[A-Za-z_]/.test(n)) {
      let j = i + 2;
      while (j < to && /[A-Za-z0-9_]/.test(t[j])) j++;
      pushRaw(i, j, isQuoted);
      i = j;
      return true;
    }
    if (n !== undefined && /[0-9@*#?$!-]/.test(n)) {
      pushRaw(i, i + 2, isQuoted);
      i += 2;
      return true;
    }
    return false;
  };
  const backtick = (isQuoted: boolean) => {
    const j = skipBacktick(t, i + 1, to);
    if (j < 0) fail(UNTERMINATED.backtick, i);
    substitutions.push({ vStart: i + 1, vEnd: j - 1 });
    pushRaw(i, j, isQuoted);
    i = j;
  };

  const lexWord = (): Word => {
    const start = i;
    wn = 0;

    while (i < to) {
      const c = t[i];
      const cont = continuationAt(i);
      if (cont) {
        i += cont;
        continue;
      }
      if (c === '\r' && t[i + 1] === '\n') break;
      if (META.has(c)) {
        if (opts.placeholders && c === '<') {
          const m = PLACEHOLDER.exec(t.slice(i, Math.min(to, i + 200)));
          if (m) {
            pushRaw(i, i + m[0].length, false);
            i += m[0].length;
            continue;
          }
        }
        break;
      }
      if (c === '\\') {
        if (i + 1 >= to) {
          push('\\', i, false, false);
          i++;
        } else {
          push(t[i + 1], i + 1, false, true);
          i += 2;
        }
        continue;
      }
      if (c === "'") {
        const j = t.indexOf("'", i + 1);
        if (j < 0 || j >= to) fail(UNTERMINATED.single, i);
        for (let k = i + 1; k < j; k++) push(t[k], k, false, true);
        i = j + 1;
        continue;
      }
      if (c === '$' && t[i + 1] === "'") {
        const q = i;
        i += 2;
        for (;;) {
          if (i >= to) fail(UNTERMINATED.ansiC, q);
          const d = t[i];
          if (d === "'") {
            i++;
            break;
          }
          if (d === '\\' && i + 1 < to) {
            const e = t[i + 1];
            if (ANSI_SIMPLE[e] !== undefined) {
              push(ANSI_SIMPLE[e], i, false, true);
              i += 2;
            } else if (/[0-7]/.test(e)) {
              const m = /^[0-7]{1,3}/.exec(t.slice(i + 1, i + 4)) as RegExpExecArray;
              push(String.fromCharCode(parseInt(m[0], 8)), i, false, true);
              i += 1 + m[0].length;
            } else if (e === 'x' || e === 'u' || e === 'U') {
              const max = e === 'x' ? 2 : e === 'u' ? 4 : 8;
              const m = new RegExp(`^[0-9a-fA-F]{1,${max}}`).exec(t.slice(i + 2, i + 2 + max));
              if (m) {
                push(String.fromCodePoint(parseInt(m[0], 16)), i, false, true);
                i += 2 + m[0].length;
              } else {
                push('\\', i, false, true);
                push(e, i + 1, false, true);
                i += 2;
              }
            } else if (e === 'c' && i + 2 < to) {
              push(String.fromCharCode(t.charCodeAt(i + 2) & 31), i, false, true);
              i += 3;
            } else {
              push('\\', i, false, true);
              push(e, i + 1, false, true);
              i += 2;
            }
            continue;
          }
          push(d, i, false, true);
          i++;
        }
        continue;
      }
      if (c === '"' || (c === '$' && t[i + 1] === '"')) {
        const q = i;
        i += c === '"' ? 1 : 2;
        if (skipDouble(t, i, to) < 0) fail(UNTERMINATED.double, q);
        for (;;) {
          if (i >= to) fail(UNTERMINATED.double, q);
          const d = t[i];
          if (d === '"') {
            i++;
            break;
          }
          if (d === '\\') {
            const cc = continuationAt(i);
            if (cc) {
              i += cc;
              continue;
            }
            const e = t[i + 1];
            if (e === '$' || e === '`' || e === '"' || e === '\\') {
              push(e, i + 1, false, true);
              i += 2;
              continue;
            }
            push('\\', i, false, true);
            i++;
            continue;
          }
          if (d === '$' && expansion(true)) continue;
          if (d === '`') {
            backtick(true);
            continue;
          }
          push(d, i, false, true);
          i++;
        }
        continue;
      }
      if (c === '$' && expansion(false)) continue;
      if (c === '`') {
        backtick(false);
        continue;
      }
      push(c, i, false, false);
      i++;
    }
    // `--rm\<newline>`: the continuation is not part of the word's range.
    let e = i;
    for (;;) {
      if (e - 2 >= start && t[e - 1] === '\n' && t[e - 2] === '\\') e -= 2;
      else if (e - 3 >= start && t[e - 1] === '\n' && t[e - 2] === '\r' && t[e - 3] === '\\') e -= 3;
      else break;
    }
    return {
      kind: 'word',
      start: src[start],
      end: fileEnd(e),
      value: wn === 0 ? '' : wChars.slice(0, wn).join(''),
      at: wAt.slice(0, wn),
      dyn: wDyn.slice(0, wn),
      quoted: wQuoted.slice(0, wn),
    };
  };

  const pushOp = (op: string, len: number, redirect: boolean): Op => {
    const tok: Op = { kind: 'op', op, redirect, start: src[i], end: fileEnd(i + len) };
    tokens.push(tok);
    i += len;
    afterContinuation = false;
    return tok;
  };

  try {
    while (i < to) {
      const c = t[i];
      if (BLANK.has(c) || (c === '\r' && t[i + 1] !== '\n')) {
        i++;
        continue;
      }
      const cont = continuationAt(i);
      if (cont) {
        i += cont;
        afterContinuation = true;
        continue;
      }
      const nl = isNewlineAt(i);
      if (nl) {
        pushOp('\n', nl, false);
        readHeredocs();
        continue;
      }
      if (c === '#') {
        let e = t.indexOf('\n', i);
        if (e < 0 || e > to) e = to;
        if (e > i && t[e - 1] === '\r') e--;
        tokens.push({ kind: 'comment', start: src[i], end: fileEnd(e), afterContinuation });
        i = e;
        continue;
      }
      if ((c === '<' || c === '>') && t[i + 1] === '(') {
        // Process substitution <(…) / >(…): a word whose body holds commands.
        const j = skipParens(t, i + 2, to);
        if (j < 0) fail(UNTERMINATED.process, i);
        substitutions.push({ vStart: i + 2, vEnd: j - 1 });
        const at: number[] = [];
        for (let k = i; k < j; k++) at.push(src[k]);
        tokens.push({
          kind: 'word',
          start: src[i],
          end: fileEnd(j),
          value: t.slice(i, j),
          at,
          dyn: at.map(() => true),
          quoted: at.map(() => false),
        });
        i = j;
        afterContinuation = false;
        continue;
      }
      if (opts.placeholders && c === '<' && PLACEHOLDER.test(t.slice(i, Math.min(to, i + 200)))) {
        tokens.push(lexWord());
        afterContinuation = false;
        continue;
      }
      const redir = /[<>&0-9]/.test(c) ? /^(?:[0-9]*(?:<<<|<<-|<<|<>|<&|>>|>&|>\||<|>)|&>>|&>)/.exec(t.slice(i, i + 24)) : null;
      if (redir && (/^[<>&]/.test(redir[0]) || /^[0-9]+[<>]/.test(redir[0]))) {
        const op = pushOp(redir[0], redir[0].length, true);
        if (/^[0-9]*<<-?$/.test(op.op)) {
          // Here-document: the next word is the delimiter; the body starts on the next line.
          while (i < to && BLANK.has(t[i])) i++;
          if (i < to && !META.has(t[i])) {
            const d = lexWord();
            tokens.push(d);
            const h: Heredoc = { delimiter: d.value, stripTabs: op.op.endsWith('-'), vStart: -1, vEnd: -1 };
            op.heredoc = h;
            pendingHeredocs.push(h);
          }
        }
        continue;
      }
      if (c === ';' && t.startsWith(';;&', i)) {
        pushOp(';;&', 3, false);
        continue;
      }
      const two = c + (t[i + 1] ?? '');
      if (two === '&&' || two === '||' || two === ';;' || two === ';&' || two === '|&') {
        pushOp(two, 2, false);
        continue;
      }
      if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
        pushOp(c, 1, false);
        continue;
      }
      tokens.push(lexWord());
      afterContinuation = false;
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return { tokens, error, substitutions };
}
