// Simple commands out of lexer tokens, and `docker run`-like invocations out of simple commands:
// prefixes skipped (VAR=x, sudo, exec, then/do…), the tool and subcommand recognised, options
// split from the image and the container's own command (pure core layer).

import type { Comment, Heredoc, Token, Word } from './lexer';
import { COMPOSE_RUN, DOCKER_RUN, GLOBAL_VALUE_FLAGS, PODMAN_RUN, canonicalFlag, type FlagTable } from './flags';

export interface SimpleCommand {
  words: Word[];
  heredocs: Heredoc[];
  /** A comment that a backslash continuation ran into: the shell ends the command there. */
  endComment?: Comment;
  /** The first word of the command that follows (to tell whether the comment cut options off). */
  nextWord?: Word;
  /** The lexer stopped inside this command (an unterminated quote). */
  truncated: boolean;
}

/** Splits tokens into simple commands at control operators and newlines; redirections and their targets are dropped. */
export function simpleCommands(tokens: Token[], truncatedAtEnd: boolean): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let cur: SimpleCommand = { words: [], heredocs: [], truncated: false };
  let skipNext = false;
  let waitingForNext: SimpleCommand | undefined;
  const flush = () => {
    if (cur.words.length > 0) out.push(cur);
    cur = { words: [], heredocs: [], truncated: false };
  };
  for (const tok of tokens) {
    if (tok.kind === 'word') {
      if (skipNext) {
        skipNext = false;
        continue;
      }
      if (cur.words.length === 0 && waitingForNext) {
        waitingForNext.nextWord = tok;
        waitingForNext = undefined;
      }
      cur.words.push(tok);
    } else if (tok.kind === 'comment') {
      if (tok.afterContinuation && cur.words.length > 0) {
        cur.endComment = tok;
        waitingForNext = cur;
        flush();
      }
    } else if (tok.redirect) {
      // The next word is the redirection's target (for `<<`, the here-document's delimiter).
      skipNext = true;
      if (tok.heredoc) cur.heredocs.push(tok.heredoc);
    } else {
      skipNext = false;
      if (tok.op !== '\n' && waitingForNext) waitingForNext = undefined;
      flush();
    }
  }
  // Lexing stopped inside the command that was still open: its words end before the broken one.
  cur.truncated = truncatedAtEnd;
  flush();
  return out;
}

/** A decoded stretch of a word, with the file offsets of its characters. */
export class Slice {
  constructor(
    readonly text: string,
    readonly at: number[],
    readonly dyn: boolean[],
    /** File offsets of the stretch as written, quotes included. */
    readonly start: number,
    readonly end: number,
  ) {}

  static of(w: Word): Slice {
    return new Slice(w.value, w.at, w.dyn, w.start, w.end);
  }

  /** Characters [i, j): the range reaches out to the neighbouring characters, so quotes around it are included. */
  sub(i: number, j: number): Slice {
    const n = this.text.length;
    i = Math.max(0, Math.min(i, n));
    j = Math.max(i, Math.min(j, n));
    const start = i === 0 ? this.start : this.at[i - 1] + 1;
    const end = j === n ? this.end : i === j ? start : this.at[j];
    return new Slice(this.text.slice(i, j), this.at.slice(i, j), this.dyn.slice(i, j), start, Math.max(start, end));
  }

  /** File offsets of characters [i, j) exactly, without surrounding quotes. */
  inner(i: number, j: number): { start: number; end: number } {
    if (j <= i) {
      const o = i < this.at.length ? this.at[i] : this.end;
      return { start: o, end: o };
    }
    return { start: this.at[i], end: this.at[j - 1] + 1 };
  }

  get unknown(): boolean {
    return this.dyn.some(Boolean);
  }
}

export type Tool = 'docker' | 'podman' | 'nerdctl' | 'compose';

/** One option as written: `--cap-add SYS_ADMIN`, `--user=root`, or `u` inside `-uroot`. */
export interface FlagOcc {
  /** Long name without dashes, aliases resolved: `network` for `--net`. */
  name: string;
  /** As written: `--net`, `-u`. */
  written: string;
  /** File offsets of the option itself (`--cap-add`, `-u`, or the letter inside a bundle). */
  flagStart: number;
  flagEnd: number;
  value?: Slice;
  /** File offsets of the option and its value. */
  start: number;
  end: number;
  /** Index of the word the option is in, and of the separate value word if any. */
  wordIndex: number;
  valueWordIndex?: number;
  /** A letter that shares its word with other options (`i` and `t` in `-it`). */
  inBundle: boolean;
  /** For a letter in a short-option word, the file offset of the letter itself. */
  letterAt?: number;
  /** For options without a value: `--rm=false` → false. Undefined means true. */
  bool?: boolean;
  /** The option takes a value but none followed. */
  missingValue?: boolean;
}

export interface Invocation {
  tool: Tool;
  words: Word[];
  /** Index of `docker`/`podman`/… in words. */
  toolIndex: number;
  /** Index of the subcommand word (`run`, `create`). */
  subIndex: number;
  /** `docker run`, `podman container create`, `docker compose run`. */
  commandText: string;
  flags: FlagOcc[];
  /** Index of the image (or Compose service) word, if one was found. */
  imageIndex?: number;
  /** Options hidden behind expansions (`docker run $OPTS nginx`): what is missing may be there. */
  hiddenOptions: boolean;
  /** `docker run [OPTIONS] IMAGE [COMMAND]`: a synopsis, not a command. */
  synopsis: boolean;
}

const PREFIXES = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', '{', 'time', 'exec', 'nohup', 'command', 'builtin']);
const SUDO_VALUE = new Set([
  '-u',
  '-g',
  '-C',
  '-D',
  '-h',
  '-p',
  '-r',
  '-t',
  '-T',
  '-U',
  '--user',
  '--group',
  '--chdir',
  '--prompt',
  '--role',
  '--type',
]);
const SYNOPSIS = /^\[[A-Z][A-Z_ .|-]*\]$|^(?:IMAGE|OPTIONS)$/;

function isAssignment(w: Word): boolean {
  const m = /^[A-Za-z_][A-Za-z0-9_]*\+?=/.exec(w.value);
  if (!m) return false;
  for (let k = 0; k < m[0].length; k++) if (w.quoted[k] || w.dyn[k]) return false;
  return true;
}

function literal(w: Word | undefined): string | undefined {
  if (!w || w.dyn.some(Boolean)) return undefined;
  return w.value;
}

/** A word that is one expansion and nothing else (`$OPTS`, `"${ARGS[@]}"`): it may hold any number of words. */
function isWholeExpansion(w: Word): boolean {
  return w.value.length > 0 && w.dyn.every(Boolean) && w.value.startsWith('$');
}

/** Index of the first word after prefixes such as `VAR=x`, `sudo -E`, `exec`, `then`. */
export function commandStart(words: Word[]): number {
  let k = 0;
  while (k < words.length) {
    const w = words[k];
    const v = literal(w);
    if (isAssignment(w)) {
      k++;
      continue;
    }
    if (v === undefined) return k;
    if (PREFIXES.has(v)) {
      k++;
      while ((v === 'time' || v === 'command' || v === 'exec') && literal(words[k])?.startsWith('-')) k++;
      continue;
    }
    if (v === 'sudo' || v === 'doas') {
      k++;
      while (k < words.length) {
        const o = literal(words[k]);
        if (!o || !o.startsWith('-')) break;
        k++;
        if (o === '--') break;
        if (SUDO_VALUE.has(o)) k++;
      }
      continue;
    }
    if (v === 'env') {
      k++;
      while (k < words.length) {
        const o = literal(words[k]);
        if (!o || !o.startsWith('-')) break;
        k++;
        if (o === '-u' || o === '-C' || o === '-S' || o === '--unset' || o === '--chdir') k++;
      }
      continue;
    }
    if (v === 'timeout') {
      k++;
      while (literal(words[k])?.startsWith('-')) k++;
      k++; // the duration
      continue;
    }
    return k;
  }
  return k;
}

/** The program a simple command runs, by base name: `/usr/bin/docker` → `docker`. */
export function programName(w: Word | undefined): string | undefined {
  const v = literal(w);
  if (!v) return undefined;
  return v
    .replace(/^.*[/\\]/, '')
    .replace(/\.exe$/i, '')
    .toLowerCase();
}

function skipGlobals(words: Word[], k: number, g: { long: Set<string>; short: Set<string> }): number {
  while (k < words.length) {
    const v = literal(words[k]);
    if (!v || !v.startsWith('-') || v === '-') return k;
    k++;
    if (v === '--') return k;
    if (v.startsWith('--')) {
      if (!v.includes('=') && g.long.has(v.slice(2))) k++;
    } else if (v.length === 2 && g.short.has(v[1])) k++;
  }
  return k;
}

/** Recognises `docker run`, `docker container create`, `podman run`, `docker compose run`… in a simple command. */
export function findInvocation(words: Word[]): Invocation | undefined {
  const first = commandStart(words);
  const prog = programName(words[first]);
  let tool: Tool;
  let k: number;
  if (prog === 'docker' || prog === 'podman' || prog === 'nerdctl') {
    k = skipGlobals(words, first + 1, GLOBAL_VALUE_FLAGS[prog]);
    const sub = literal(words[k]);
    if (sub === 'container' && (literal(words[k + 1]) === 'run' || literal(words[k + 1]) === 'create')) {
      tool = prog;
      k += 1;
    } else if (sub === 'run' || sub === 'create') {
      tool = prog;
    } else if (sub === 'compose') {
      k = skipGlobals(words, k + 1, GLOBAL_VALUE_FLAGS.compose);
      if (literal(words[k]) !== 'run') return undefined;
      tool = 'compose';
    } else return undefined;
  } else if (prog === 'docker-compose' || prog === 'podman-compose') {
    k = skipGlobals(words, first + 1, GLOBAL_VALUE_FLAGS.compose);
    if (literal(words[k]) !== 'run') return undefined;
    tool = 'compose';
  } else return undefined;

  const table: FlagTable = tool === 'compose' ? COMPOSE_RUN : tool === 'podman' ? PODMAN_RUN : DOCKER_RUN;
  const parsed = parseOptions(words, k + 1, table);
  const commandText =
    tool === 'compose'
      ? `${prog === 'docker-compose' || prog === 'podman-compose' ? prog : `${prog} compose`} run`
      : `${prog}${literal(words[k - 1]) === 'container' ? ' container' : ''} ${literal(words[k])}`;
  return { tool, words, toolIndex: first, subIndex: k, commandText, ...parsed };
}

function parseBool(s: string): boolean | undefined {
  const v = s.toLowerCase();
  if (v === 'true' || v === '1' || v === 't') return true;
  if (v === 'false' || v === '0' || v === 'f') return false;
  return undefined;
}

/** Parses options from word `k` on, the way pflag does with interspersed arguments off. */
export function parseOptions(
  words: Word[],
  k: number,
  table: FlagTable,
): { flags: FlagOcc[]; imageIndex?: number; hiddenOptions: boolean; synopsis: boolean } {
  const flags: FlagOcc[] = [];
  let hiddenOptions = false;
  let synopsis = false;
  const takesValue = (name: string) => table.long.get(name) ?? table.unknownTakesValue;
  while (k < words.length) {
    const w = words[k];
    const v = w.value;
    const s = Slice.of(w);
    if (isWholeExpansion(w)) {
      // `$OPTS nginx`, `"${ARGS[@]}" nginx`, `$X --rm nginx`: options we cannot see; `"$IMAGE" sh`: the image.
      const name = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(v)?.[1] ?? '';
      const many = /^\$[@*]$|^\$\{[A-Za-z_][A-Za-z0-9_]*\[[@*]\]\}$/.test(v) || /OPT|ARG|FLAG|PARAM/i.test(name);
      if (k + 1 < words.length && (many || words[k + 1].value.startsWith('-'))) {
        hiddenOptions = true;
        k++;
        continue;
      }
      return { flags, imageIndex: k, hiddenOptions, synopsis };
    }
    if (SYNOPSIS.test(v)) {
      synopsis = true;
      k++;
      continue;
    }
    if (v === '--') {
      k++;
      return { flags, imageIndex: k < words.length ? k : undefined, hiddenOptions, synopsis };
    }
    if (v.startsWith('--') && v.length > 2 && !w.dyn[2]) {
      const eq = v.indexOf('=');
      const raw = eq < 0 ? v.slice(2) : v.slice(2, eq);
      const name = canonicalFlag(table, raw);
      const written = `--${raw}`;
      if (eq >= 0) {
        const value = s.sub(eq + 1, v.length);
        const occ: FlagOcc = {
          name,
          written,
          flagStart: w.start,
          flagEnd: w.at[eq],
          value,
          start: w.start,
          end: w.end,
          wordIndex: k,
          inBundle: false,
        };
        if (!takesValue(name)) occ.bool = value.unknown ? undefined : parseBool(value.text);
        flags.push(occ);
        k++;
      } else if (takesValue(name)) {
        const vw = words[k + 1];
        const occ: FlagOcc = {
          name,
          written,
          flagStart: w.start,
          flagEnd: w.end,
          start: w.start,
          end: w.end,
          wordIndex: k,
          inBundle: false,
        };
        if (vw) {
          occ.value = Slice.of(vw);
          occ.end = vw.end;
          occ.valueWordIndex = k + 1;
        } else occ.missingValue = true;
        flags.push(occ);
        k += vw ? 2 : 1;
      } else {
        flags.push({ name, written, flagStart: w.start, flagEnd: w.end, start: w.start, end: w.end, wordIndex: k, inBundle: false });
        k++;
      }
      continue;
    }
    if (v.startsWith('-') && v.length > 1 && !w.dyn[1]) {
      let p = 1;
      let consumedNext = false;
      const firstOcc = flags.length;
      while (p < v.length) {
        const ch = v[p];
        const name = table.short.get(ch) ?? ch;
        const flagStart = p === 1 ? w.start : w.at[p];
        const flagEnd = w.at[p] + 1;
        const base = {
          name,
          written: `-${ch}`,
          flagStart,
          flagEnd,
          start: flagStart,
          end: flagEnd,
          wordIndex: k,
          inBundle: false,
          letterAt: w.at[p],
        };
        if (table.short.has(ch) && takesValue(name)) {
          let vs = p + 1;
          if (v[vs] === '=') vs++;
          if (vs < v.length) {
            const value = s.sub(vs, v.length);
            flags.push({ ...base, value, end: w.end });
          } else {
            const vw = words[k + 1];
            if (vw) {
              flags.push({ ...base, value: Slice.of(vw), end: vw.end, valueWordIndex: k + 1 });
              consumedNext = true;
            } else flags.push({ ...base, missingValue: true });
          }
          break;
        }
        flags.push(base);
        p++;
      }
      if (flags.length - firstOcc > 1) for (let f = firstOcc; f < flags.length; f++) flags[f].inBundle = true;
      k += consumedNext ? 2 : 1;
      continue;
    }
    return { flags, imageIndex: k, hiddenOptions, synopsis };
  }
  return { flags, imageIndex: undefined, hiddenOptions, synopsis };
}
