// Shell words of RUN instructions with their source ranges, for image rules that look for commands
// (sudo, curl | sh, chmod 777, apt-get flags). Pure core layer; a heuristic lexer, not a shell:
// quotes are kept inside words, and `&&`, `||`, `;`, `|` and newlines split commands.

import type { RunInstr, Word } from '../../model/image';

export interface ShellCommand {
  /** Words of one simple command, e.g. ["apt-get", "install", "-y", "curl"]. */
  words: Word[];
  /** The operator that follows it: "|" means its output is piped into the next command. */
  next?: '&&' | '||' | ';' | '|' | '\n';
}

type Operator = '&&' | '||' | ';' | '|';

/** The operator starting at `i` in `v`, if any. */
function operatorAt(v: string, i: number): Operator | undefined {
  const c = v.charCodeAt(i);
  if (c === 59) return ';';
  if (c === 124) return v.charCodeAt(i + 1) === 124 ? '||' : '|';
  if (c === 38 && v.charCodeAt(i + 1) === 38) return '&&';
  return undefined;
}

/** Part of a word, from `from` to `to`, with its exact range when the word lies on one line as written. */
function piece(w: Word, singleLine: boolean, from: number, to: number): Word {
  return {
    value: w.value.slice(from, to),
    range: singleLine
      ? {
          start: { line: w.range.start.line, character: w.range.start.character + from },
          end: { line: w.range.start.line, character: w.range.start.character + to },
        }
      : w.range,
  };
}

/** Splits a word on embedded operators (`a&&b`, `x;y`, `curl x|sh`) keeping exact ranges. */
function splitOperators(w: Word, out: (Word | { op: Operator })[]): void {
  const v = w.value;
  // Ranges of words inside one line can be offset by characters; multi-line words are kept whole.
  const singleLine = w.range.start.line === w.range.end.line && w.range.end.character - w.range.start.character === v.length;
  // Most words hold no operator character at all: they are their own piece (words are never modified).
  if (!/[&|;]/.test(v)) {
    if (v.length > 0) out.push(singleLine ? w : piece(w, false, 0, v.length));
    return;
  }
  let start = 0;
  let i = 0;
  let quote: string | null = null;
  while (i < v.length) {
    const c = v[i];
    if (quote) {
      if (c === quote) quote = null;
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      i++;
      continue;
    }
    const op = operatorAt(v, i);
    if (op) {
      if (i > start) out.push(piece(w, singleLine, start, i));
      out.push({ op });
      i += op.length;
      start = i;
      continue;
    }
    i++;
  }
  if (v.length > start) out.push(piece(w, singleLine, start, v.length));
}

/** Lexed once per RUN instruction (instructions are immutable parts of a model); see shellCommands. */
const COMMANDS = new WeakMap<RunInstr, ShellCommand[]>();

/**
 * The simple commands of a RUN instruction, in order. Computed once per instruction and shared
 * by every rule that reads them: callers must not modify what they get.
 */
export function shellCommands(run: RunInstr): ShellCommand[] {
  let commands = COMMANDS.get(run);
  if (!commands) COMMANDS.set(run, (commands = lexRun(run)));
  return commands;
}

const HEREDOC_MARKER = /^<<-?['"]?\w+['"]?$/;

function lexRun(run: RunInstr): ShellCommand[] {
  const words: Word[] =
    run.form === 'exec'
      ? run.args.map((a) => ({ value: a.value.replace(/^\[?\s*"?|"?\s*,?\s*\]?$/g, ''), range: a.range })).filter((w) => w.value !== '')
      : run.args.filter((a, i) => !a.value.startsWith('--') || i >= run.flags.length);
  const commands: ShellCommand[] = [];
  let current: Word[] = [];
  let lastLine = words[0]?.range.start.line ?? 0;
  const heredocs = run.heredocs;
  let heredocLines: Set<number> | undefined;
  for (const h of heredocs) {
    if (!h.contentRange) continue;
    heredocLines ??= new Set();
    for (let l = h.contentRange.start.line; l <= h.contentRange.end.line; l++) heredocLines.add(l);
  }
  const parts: (Word | { op: Operator })[] = [];
  for (const w of words) {
    // Inside a heredoc body each line is its own command.
    if (heredocLines?.has(w.range.start.line) && w.range.start.line !== lastLine && current.length > 0) {
      commands.push({ words: current, next: '\n' });
      current = [];
    }
    lastLine = w.range.start.line;
    if (w.value.startsWith('<<') && HEREDOC_MARKER.test(w.value)) continue;
    if (heredocs.length > 0 && heredocs.some((h) => h.name === w.value && h.contentRange && w.range.start.line > h.contentRange.end.line))
      continue;
    parts.length = 0;
    splitOperators(w, parts);
    for (const part of parts) {
      if (!('op' in part)) current.push(part);
      else if (current.length > 0) {
        commands.push({ words: current, next: part.op });
        current = [];
      }
    }
  }
  if (current.length > 0) commands.push({ words: current, next: undefined });
  return commands;
}

/** The command's program name without a path or a `sudo`/`env` prefix: `/usr/bin/curl` → `curl`. */
export function programOf(cmd: ShellCommand): { name: string; index: number } | undefined {
  for (let i = 0; i < cmd.words.length; i++) {
    const v = cmd.words[i].value.replace(/^["']|["']$/g, '');
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) continue; // VAR=value prefix
    if (v === 'sudo' || v === 'env' || v === 'exec' || v === 'command' || v === 'nohup') continue;
    if (v.startsWith('-') && i > 0) continue; // sudo -E curl
    return { name: v.split('/').pop() ?? v, index: i };
  }
  return undefined;
}
