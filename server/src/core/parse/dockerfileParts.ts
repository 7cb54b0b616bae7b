// A Dockerfile read part by part, for incremental analysis (pure core layer): the text is cut
// before lines that start with FROM, each part is read on its own through readDockerfile, and the
// parts are put back together with their lines shifted. dockerfile-ast has no incremental mode, so
// a part whose text did not change is not read again (core/incremental.ts keeps the parts).
//
// Reading a part alone gives what reading the whole file gives, because the parser carries nothing
// from one instruction to the next but the escape character, which comes from the directives at
// the top of the file: a part after the first is read with `# escape=<char>` put before it when
// that is not `\`. A cut is only kept where an instruction really starts: a part followed by
// another is read with a FROM line after it, and when that line does not come out as an
// instruction of its own (a line continuation or an unterminated heredoc swallowed it) the part
// is joined with the next one.

import { TextDoc } from '../text';
import type { Position } from '../types';
import { readDockerfile, type DockerfileSyntax } from './dockerfile';

/** The line read after a part that another part follows: it must come out as an instruction of its own. */
const NEXT_FROM = 'FROM scratch';

/** One part read on its own, placed in the file. */
export interface ReadPart {
  /** Where the part is: its first line in the file, and the stage its first FROM starts. */
  line: number;
  stage: number;
  /** What the part says, in the file's lines and stages (the escape directive put before it left out). */
  syntax: DockerfileSyntax;
  /** Whether the text after the part starts a new instruction (always true for the last part). */
  clean: boolean;
  /** Whether the part starts with a FROM instruction on its first line. */
  startsWithFrom: boolean;
  /** FROM instructions in the part. */
  stages: number;
}

/**
 * Reads `text`, the lines of a Dockerfile from line `line` to another (or to the end: `last`),
 * its first FROM starting stage `stage`. `escapeChar` is undefined for the part that starts the
 * file, which reads its own directives.
 */
export function readPart(text: string, escapeChar: string | undefined, last: boolean, line: number, stage: number): ReadPart {
  const prefix = escapeChar !== undefined && escapeChar !== '\\' ? `# escape=${escapeChar}\n` : '';
  const dl = line - (prefix ? 1 : 0);
  const read = prefix + text + (last ? '' : NEXT_FROM);
  const doc = new TextDoc(read);
  const syntax = readDockerfile(read, doc, { line: dl, stage });
  let clean = true;
  if (!last) {
    // The line read after the part's text.
    const nextLine = doc.lineCount - 1 + dl;
    const next = syntax.instructions[syntax.instructions.length - 1]?.instr;
    clean =
      next?.keyword === 'FROM' &&
      next.range.start.line === nextLine &&
      next.range.end.line === nextLine &&
      syntax.instructions.filter((i) => i.instr.range.end.line >= nextLine).length === 1;
    if (clean) syntax.instructions.pop();
  }
  const first = syntax.instructions[0]?.instr;
  return {
    line,
    stage,
    // The directive put before the part is not the part's: only the file's first part has directives.
    syntax: prefix ? { ...syntax, directives: [] } : syntax,
    clean,
    startsWithFrom: first?.keyword === 'FROM' && first.range.start.line === line,
    stages: syntax.instructions.filter((i) => i.instr.keyword === 'FROM').length,
  };
}

/** Lines (from 1 on) whose first word is FROM, in any case: where a part may start. */
export function fromLines(doc: TextDoc): number[] {
  const out: number[] = [];
  const re = /[ \t]*[Ff][Rr][Oo][Mm](?=[ \t\r\n]|$)/y;
  for (let line = 1; line < doc.lineCount; line++) {
    re.lastIndex = doc.lineStarts[line];
    if (re.test(doc.text)) out.push(line);
  }
  return out;
}

/**
 * A deep copy of parsed data with every position moved down `delta` lines (objects with a numeric
 * `line` and `character`; CommentInfo's own `line` too). Objects met twice are copied once.
 */
export function shiftLines<T>(value: T, delta: number, seen = new Map<object, unknown>()): T {
  if (typeof value !== 'object' || value === null) return value;
  const done = seen.get(value);
  if (done !== undefined) return done as T;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(shiftLines(v, delta, seen));
    return out as T;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value)) out[k] = shiftLines(v, delta, seen);
  if (typeof out.line === 'number' && typeof out.character === 'number') (out as unknown as Position).line += delta;
  return out as T;
}

/** The part moved to `line`, its first FROM starting stage `stage` (a copy; the part is not changed). */
export function movePart(part: ReadPart, line: number, stage: number): ReadPart {
  const delta = line - part.line;
  const seen = new Map<object, unknown>();
  const instructions = part.syntax.instructions.map((r) => {
    const moved = shiftLines(r, delta, seen);
    moved.instr.stage = r.instr.stage - part.stage + stage;
    return moved;
  });
  const comments = part.syntax.comments.map((c) => {
    const moved = shiftLines(c, delta, seen);
    moved.line += delta;
    return moved;
  });
  return { ...part, line, stage, syntax: { ...part.syntax, instructions, comments } };
}
