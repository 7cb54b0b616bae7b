// Commands of RUN instructions as rules CT1003-CT1009 read them (pure core layer): the shared
// lexer's commands for the shell form and heredocs, minus comments and line-continuation marks,
// and a JSON reader for the exec form that also splits `["sh", "-c", "script"]` into commands,
// with ranges that point into the JSON strings. Plus the small word utilities those rules share.

import type { ImageModel, Instr, RunInstr, Word } from '../../model/image';
import type { Position, Range, TextEdit } from '../../types';
import { shellCommands, type ShellCommand } from './runText';

/** A word of a command; `exec` is set for a whole element of an exec-form JSON array. */
export interface ScanWord extends Word {
  exec?: { quoted: Range; prevEnd?: Position };
}

export interface ScanCommand {
  words: ScanWord[];
  next?: ShellCommand['next'];
}

/** The word without the quotes around it (also an unbalanced one left by the lexer): `"curl` → `curl`. */
export function bare(value: string): string {
  // Most words have no quote at either end.
  if (!isQuote(value.charCodeAt(0)) && !isQuote(value.charCodeAt(value.length - 1))) return value;
  return value.replace(/^["']+/, '').replace(/["']+$/, '');
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39;
}

/** The range of the word without its surrounding quotes, when the range maps character for character. */
export function innerRange(w: Word): Range {
  const r = w.range;
  const lead = /^["']*/.exec(w.value)?.[0].length ?? 0;
  const trail = /["']*$/.exec(w.value)?.[0].length ?? 0;
  const exact = r.start.line === r.end.line && r.end.character - r.start.character === w.value.length;
  if (!exact || lead + trail >= w.value.length) return r;
  return {
    start: { line: r.start.line, character: r.start.character + lead },
    end: { line: r.end.line, character: r.end.character - trail },
  };
}

/** Range from the start of one word to the end of another (quotes trimmed). */
export function spanOf(a: Word, b: Word): Range {
  return { start: innerRange(a).start, end: innerRange(b).end };
}

// ---------------------------------------------------------------------------------------------
// Exec form (JSON array) reading, shared with ADD's JSON form.

export interface JsonElement {
  value: string;
  /** The string's content, without its quotes. */
  range: Range;
  /** The string with its quotes. */
  quoted: Range;
  /** The doc offset of the first content character, and whether content maps 1:1 (no escapes). */
  contentStart: number;
  plain: boolean;
}

/**
 * The strings of an exec-form array (`RUN ["a", "b"]`, `ADD ["src", "dst"]`) with their ranges,
 * or undefined when the arguments are not a JSON array of strings.
 */
export function jsonElements(model: ImageModel, instr: Instr): JsonElement[] | undefined {
  const doc = model.doc;
  const text = doc.text;
  const end = doc.offsetAt(instr.range.end);
  let i = doc.offsetAt(instr.keywordRange.end);
  // Skip blanks and flags (--mount=..., --chown=...) up to the bracket.
  for (;;) {
    while (i < end && /\s/.test(text[i])) i++;
    if (text.startsWith('--', i)) {
      while (i < end && !/\s/.test(text[i])) i++;
      continue;
    }
    if (text[i] === model.escapeChar && /[\r\n]/.test(text[i + 1] ?? '')) {
      i++;
      continue;
    }
    break;
  }
  if (text[i] !== '[') return undefined;
  i++;
  const out: JsonElement[] = [];
  for (;;) {
    while (i < end && (/[\s,]/.test(text[i]) || (text[i] === model.escapeChar && /[\r\n]/.test(text[i + 1] ?? '')))) i++;
    if (i >= end) return undefined;
    if (text[i] === ']') break;
    if (text[i] !== '"') return undefined;
    const open = i;
    i++;
    let value = '';
    let plain = true;
    while (i < end && text[i] !== '"') {
      if (text[i] === '\\') {
        plain = false;
        const n = text[i + 1];
        value += n === 'n' ? '\n' : n === 't' ? '\t' : (n ?? '');
        i += 2;
        continue;
      }
      value += text[i];
      i++;
    }
    if (text[i] !== '"') return undefined;
    out.push({
      value,
      range: doc.rangeOf(open + 1, i),
      quoted: doc.rangeOf(open, i + 1),
      contentStart: open + 1,
      plain,
    });
    i++;
  }
  return out;
}

const SHELLS = /^(sh|bash|dash|ash|zsh|ksh|mksh|busybox)$/;

/** Splits a script string (from `sh -c "…"` in exec form) into commands with document ranges. */
function lexScript(model: ImageModel, el: JsonElement): ScanCommand[] {
  const s = el.value;
  const commands: ScanCommand[] = [];
  let words: ScanWord[] = [];
  const rangeOf = (from: number, to: number): Range =>
    el.plain ? model.doc.rangeOf(el.contentStart + from, el.contentStart + to) : el.range;
  const flush = (next?: ShellCommand['next']) => {
    if (words.length > 0) commands.push({ words, next });
    words = [];
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\n') {
      flush('\n');
      i++;
      continue;
    }
    const op = ['&&', '||', ';', '|'].find((o) => s.startsWith(o, i)) as ShellCommand['next'] | undefined;
    if (op) {
      flush(op);
      i += op.length;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    const start = i;
    let quote: string | null = null;
    while (i < s.length) {
      const d = s[i];
      if (quote) {
        if (d === quote) quote = null;
        i++;
        continue;
      }
      if (d === '"' || d === "'") {
        quote = d;
        i++;
        continue;
      }
      // The shell splits words at blanks and newlines only (as the loop above skips them): a carriage
      // return, a no-break space or a BOM is part of a word, and stopping at one would never advance.
      if (d === ' ' || d === '\t' || d === '\n' || d === ';' || d === '|' || s.startsWith('&&', i)) break;
      i++;
    }
    words.push({ value: s.slice(start, i), range: rangeOf(start, i) });
  }
  flush();
  return commands;
}

/** Drops `#` comments (to the end of their line) and bare line-continuation marks from a command. */
function clean(cmd: ShellCommand, escapeChar: string): ScanCommand | undefined {
  // Most commands have nothing to drop, and commands are never modified: keep the lexer's.
  if (!cmd.words.some((w) => w.value.startsWith('#') || w.value === escapeChar)) return cmd;
  const words: ScanWord[] = [];
  let commentLine = -1;
  for (const w of cmd.words) {
    if (w.range.start.line === commentLine) continue;
    if (w.value.startsWith('#')) {
      commentLine = w.range.start.line;
      continue;
    }
    if (w.value === escapeChar) continue;
    words.push(w);
  }
  return words.length > 0 ? { words, next: cmd.next } : undefined;
}

/** Computed once per RUN instruction (an immutable part of its model), on first use; see runCommands. */
const COMMANDS = new WeakMap<RunInstr, ScanCommand[]>();

/**
 * The commands a RUN instruction runs, in order, with comments removed and exec form understood.
 * Lexed once per instruction and shared by every rule that reads them (CT1003, CT1006, CT1009…):
 * callers must not modify what they get. The result depends on the instruction's own text and the
 * model's escape character, which an instruction object never outlives.
 */
export function runCommands(model: ImageModel, run: RunInstr): ScanCommand[] {
  let commands = COMMANDS.get(run);
  if (!commands) COMMANDS.set(run, (commands = scanRun(model, run)));
  return commands;
}

function scanRun(model: ImageModel, run: RunInstr): ScanCommand[] {
  if (run.form === 'exec') {
    const els = jsonElements(model, run);
    if (els && els.length > 0) {
      const prog = els[0].value.split('/').pop() ?? '';
      const dashC = els[1] && /^-[a-z]*c[a-z]*$/.test(els[1].value);
      if (SHELLS.test(prog) && dashC && els[2]) return lexScript(model, els[2]);
      return [
        {
          words: els.map((e, idx) => ({
            value: e.value,
            range: e.range,
            exec: { quoted: e.quoted, prevEnd: idx > 0 ? els[idx - 1].quoted.end : undefined },
          })),
        },
      ];
    }
  }
  const out: ScanCommand[] = [];
  for (const c of shellCommands(run)) {
    const cleaned = clean(c, model.escapeChar);
    if (cleaned) out.push(cleaned);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Where a command's program is.

const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'do',
  'while',
  'until',
  '!',
  '{',
  '(',
  'time',
  'exec',
  'command',
  'nohup',
  'builtin',
]);
const SUDO_ARG_OPTS = /^-[A-Za-z]*[ugCDhprtTU]$/;

/** Whether a word (or words joined back) leaves a quote open. */
export function hasOpenQuote(s: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '\\') i++;
    else if (c === '"' || c === "'") quote = c;
  }
  return quote !== null;
}

/** Bare program name of a word: `/usr/bin/curl` → `curl`, `(sudo` → `sudo`. */
export function programName(value: string): string {
  let v = bare(value);
  if (v.startsWith('(') || v.startsWith('{')) v = v.replace(/^[({]+/, '');
  return v.includes('/') ? (v.split('/').pop() ?? v) : v;
}

export interface ProgramAt {
  name: string;
  index: number;
}

/**
 * The program a command runs, from word `from` on: assignments (`A=1`), shell keywords and
 * wrappers (`env`, `nohup`, `time`) are skipped. With `throughSudo`, `sudo [-opts]` is skipped too,
 * and `sh -c "…"` moves into the quoted script.
 */
export function programAt(words: Word[], from = 0, throughSudo = true): ProgramAt | undefined {
  let i = from;
  while (i < words.length) {
    const raw = bare(words[i].value);
    const name = programName(raw);
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(raw)) {
      // An assignment whose quoted value was split on blanks (`X="$(which bash)"`) ends where its quote does.
      let text = words[i].value;
      i++;
      while (i < words.length && hasOpenQuote(text)) text += ` ${words[i++].value}`;
      continue;
    }
    if (raw === '' || KEYWORDS.has(raw)) {
      i++;
      continue;
    }
    if (name === 'env') {
      i++;
      while (i < words.length && /^-/.test(bare(words[i].value))) i += /^-[uSC]$/.test(bare(words[i].value)) ? 2 : 1;
      continue;
    }
    if (throughSudo && (name === 'sudo' || name === 'doas')) {
      i++;
      while (i < words.length && /^-/.test(bare(words[i].value))) i += SUDO_ARG_OPTS.test(bare(words[i].value)) ? 2 : 1;
      continue;
    }
    if (name === 'busybox' && i + 1 < words.length) {
      i++;
      continue;
    }
    // `sh -c "cmd …"`: the program is the first word of the quoted script (but not `"$(…)"`, whose
    // program is the shell that runs the substituted text).
    if (
      SHELLS.test(name) &&
      i + 2 < words.length &&
      /^-[a-z]*c[a-z]*$/.test(bare(words[i + 1].value)) &&
      /^["'](?![$`])/.test(words[i + 2].value)
    ) {
      i += 2;
      continue;
    }
    return { name, index: i };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Edits.

/**
 * An edit that deletes one word and one blank next to it. For an element of an exec-form array,
 * the element goes with the comma before it (`"curl", "-k", "…"` → `"curl", "…"`).
 */
export function deleteWordEdit(model: ImageModel, w: ScanWord): TextEdit {
  const doc = model.doc;
  if (w.exec?.prevEnd) return { range: { start: w.exec.prevEnd, end: w.exec.quoted.end }, newText: '' };
  const r = innerRange(w);
  const start = doc.offsetAt(r.start);
  const end = doc.offsetAt(r.end);
  const text = doc.text;
  if (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t') && doc.positionAt(start - 1).line === r.start.line) {
    return { range: doc.rangeOf(start - 1, end), newText: '' };
  }
  if (text[end] === ' ' || text[end] === '\t') return { range: doc.rangeOf(start, end + 1), newText: '' };
  return { range: r, newText: '' };
}
