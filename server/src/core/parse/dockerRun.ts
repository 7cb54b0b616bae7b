// `docker run` lines in shell scripts and Markdown code blocks → one RuntimeSpec each (pure core
// layer). The pieces live in ./dockerRun/: a shell lexer with exact offsets (lexer.ts), simple
// commands and `docker run`-like invocations (commands.ts, flags.ts), the RuntimeSpec (spec.ts)
// and the quick-fix edits (fixer.ts).
//
// Recognised: `docker run|create`, `docker container run|create`, `podman …`, `nerdctl …`,
// `docker compose run` / `docker-compose run` (options only: the service is defined elsewhere),
// after `VAR=x`, `sudo`, `exec`, `time`, `env`, `then`/`do`, after `&&` `||` `;` `|` `&`, inside
// `$(…)`, backticks and `<(…)`, and in here-documents fed to a shell or ssh. In Markdown, fenced
// blocks tagged bash/sh/shell/zsh (scripts) or console/shell-session/terminal (only prompt lines
// are commands; output is ignored).

import { statementStarts, TextDoc } from '../text';
import { inLocale, t, type Locale, type Position, type Range } from '../types';
import type { InputProblem, RuntimeDocModel } from '../model/runtimeDoc';
import type { RuntimeSpec } from '../model/runtime';
import { lex, vtext, type LexOptions, type LexResult, type VText } from './dockerRun/lexer';
import { commandStart, findInvocation, programName, simpleCommands } from './dockerRun/commands';
import { buildSpec } from './dockerRun/spec';
import { makeFixer } from './dockerRun/fixer';

/** The option under a position, for hovers: `flag` is the long name (`--user` for `-u`). */
export interface DockerRunFlagAt {
  flag: string;
  /** As written: `-u`, `--net`. */
  written: string;
  value?: string;
  /** The option and its value. */
  range: Range;
}

export type DockerRunDocModel = RuntimeDocModel & {
  /** The `docker run` option (and its value) at a position, if any. */
  flagAt(pos: Position): DockerRunFlagAt | undefined;
};

const SCRIPT_LANGS = new Set(['bash', 'sh', 'shell', 'zsh']);
const SESSION_LANGS = new Set(['console', 'shell-session', 'shellsession', 'sh-session', 'terminal']);
/** Programs whose here-document is a script: its `docker run` lines are commands too. */
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'ssh']);
/** How deep `$(…)` inside `$(…)` (and here-documents) are read for commands. */
const MAX_DEPTH = 4;

/** A console prompt: `$ `, `# `, `% `, optionally after `(venv) `, `user@host:~/dir`, `[root@host dir]`. */
function promptRegex(chars: string): RegExp {
  return new RegExp(
    `^[ \\t]*(?:\\([^()\\n]*\\)[ \\t]+)?(?:[\\w.-]+@[\\w.-]+(?::[^\\s$#%>]*)?[ \\t]?|\\[[^\\]\\n]+\\][ \\t]?|~[^\\s$#%>]*[ \\t]?)?[${chars}][ \\t]+(?=\\S)`,
  );
}
const PS2 = /^[ \t]*> ?/;

export interface Fence {
  lang: string;
  openLine: number;
  /** The closing fence's line, or the line count when the block runs to the end of the file. */
  closeLine: number;
}

/** Fenced code blocks (``` or ~~~, three or more, indented up to three spaces), as CommonMark reads them. */
export function findFences(doc: TextDoc): Fence[] {
  const out: Fence[] = [];
  const n = doc.lineCount;
  for (let l = 0; l < n; l++) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(doc.lineText(l));
    if (!m || (m[1][0] === '`' && m[2].includes('`'))) continue;
    const close = new RegExp(`^ {0,3}${m[1][0] === '`' ? '`' : '~'}{${m[1].length},}[ \\t]*$`);
    let c = l + 1;
    while (c < n && !close.test(doc.lineText(c))) c++;
    const lang = (/^[{.\s]*([^\s{},`]+)/.exec(m[2])?.[1] ?? '').toLowerCase();
    out.push({ lang, openLine: l, closeLine: c });
    l = c;
  }
  return out;
}

/** A flag as hovers need it: offsets in the file of the version it was read in. */
interface FlagSpan {
  name: string;
  written: string;
  start: number;
  end: number;
  value?: string;
}

/**
 * What one region of the file (a shell script's run of lines, a Markdown code block) holds: its
 * commands' specs, input problems, statements and options, in the coordinates of the version it
 * was read in. A whole analysis reads one region per script (or per code block); the language
 * server's incremental analysis (core/incrementalScript.ts) reads the changed regions only.
 */
export interface RunPart {
  specs: RuntimeSpec[];
  problems: InputProblem[];
  statements: { first: number; last: number }[];
  flags: FlagSpan[];
  /** Code blocks: the opening fence's line → the closing fence's line. */
  blockEnds: [number, number][];
  /**
   * Shell regions: the lexer ended where the next line starts a new command (no unterminated
   * quote or substitution, no open here-document, no line continuation into the next line), so
   * the region reads the same alone as in the whole file.
   */
  clean: boolean;
}

function emptyPart(): RunPart {
  return { specs: [], problems: [], statements: [], flags: [], blockEnds: [], clean: true };
}

/** Reads the commands of virtual text `v` (pieces of `doc`) into `part`. */
function scanText(part: RunPart, doc: TextDoc, v: VText, kind: 'shell' | 'markdown', locale: Locale): LexResult {
  const lineEndOf = (offset: number): number => {
    const p = doc.positionAt(offset);
    return doc.lineStarts[p.line] + doc.lineText(p.line).length;
  };
  const opts: LexOptions = { placeholders: kind === 'markdown' };
  const scan = (from: number, to: number, depth: number): LexResult => {
    const r = lex(v, from, to, opts);
    if (r.error) {
      const what = inLocale(r.error.message, locale);
      part.problems.push({
        message: inLocale(
          kind === 'markdown'
            ? t(
                `${what}: the code block ends before it is closed, so Containment read this command only up to here.`,
                `${what}：直到代码块结束它都没有闭合，因此 Containment 只读取了这条命令到此为止的部分。`,
              )
            : t(
                `${what}: the script ends before it is closed, so Containment read this command only up to here.`,
                `${what}：直到脚本结束它都没有闭合，因此 Containment 只读取了这条命令到此为止的部分。`,
              ),
          locale,
        ),
        range: doc.rangeOf(r.error.start, Math.max(r.error.start + 1, lineEndOf(r.error.start))),
        severity: 'info',
      });
    }
    for (const cmd of simpleCommands(r.tokens, r.error !== undefined)) {
      const inv = findInvocation(cmd.words);
      if (inv && !inv.synopsis) {
        const built = buildSpec(inv, doc);
        if (cmd.truncated && inv.imageIndex === undefined) built.spec.partial = true;
        const fixer = cmd.truncated ? undefined : makeFixer(inv, built.spec, built.ports, doc);
        if (fixer) built.spec.fixer = fixer;
        part.specs.push(built.spec);
        for (const f of inv.flags) {
          const span: FlagSpan = { name: f.name, written: f.written, start: f.start, end: f.end };
          if (f.value) span.value = f.value.text;
          part.flags.push(span);
        }
        part.statements.push({
          first: doc.positionAt(cmd.words[0].start).line,
          last: doc.positionAt(cmd.words[cmd.words.length - 1].end).line,
        });
        if (cmd.endComment && cmd.nextWord?.value.startsWith('-')) {
          const tool = inv.tool === 'compose' ? 'Compose' : inv.tool;
          part.problems.push({
            message: inLocale(
              t(
                `This comment ends the \`${inv.commandText}\` command: a shell does not continue a command past a comment, so the options on the lines below are not passed to ${tool}. Move the comment above the command.`,
                `这条注释结束了 \`${inv.commandText}\` 命令：shell 不会越过注释继续一条命令，因此下面几行的选项不会传给 ${tool}。请把注释移到命令上方。`,
              ),
              locale,
            ),
            range: doc.rangeOf(cmd.endComment.start, cmd.endComment.end),
            severity: 'warning',
          });
        }
      }
      if (depth < MAX_DEPTH && cmd.heredocs.length > 0 && SHELLS.has(programName(cmd.words[commandStart(cmd.words)]) ?? '')) {
        for (const h of cmd.heredocs) if (h.vStart >= 0 && h.vEnd > h.vStart) scan(h.vStart, h.vEnd, depth + 1);
      }
    }
    if (depth < MAX_DEPTH) for (const s of r.substitutions) scan(s.vStart, s.vEnd, depth + 1);
    return r;
  };
  return scan(0, v.text.length, 0);
}

/** Lines where a shell script may be cut into regions: each starts, after a `\n`, with a letter, a digit or `_`. */
export function shellCutLines(doc: TextDoc): number[] {
  const out: number[] = [];
  const text = doc.text;
  // A line starting with a letter starts a word whose value starts with that letter: never an
  // option that a comment above would cut off from its command (`# …` then `--flag`).
  for (let l = 1; l < doc.lineCount; l++) {
    const o = doc.lineStarts[l];
    if (text.charCodeAt(o - 1) !== 10) continue; // a lone \r ends a line for TextDoc, not for the shell
    const c = text.charCodeAt(o);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) out.push(l);
  }
  return out;
}

/** The commands of the shell script's text [start, end) (start at a line start), and whether the region is clean (see RunPart). */
export function scanShellRegion(doc: TextDoc, start: number, end: number, locale: Locale = 'en'): RunPart {
  const part = emptyPart();
  const v = vtext(doc.text, [{ start, end }]);
  const r = scanText(part, doc, v, 'shell', locale);
  const to = v.text.length;
  part.clean =
    !r.error &&
    !r.tokens.some((tok) => tok.kind === 'op' && tok.heredoc !== undefined && (tok.heredoc.vStart < 0 || tok.heredoc.vEnd >= to)) &&
    !/\\\r?\n$/.test(v.text.slice(-3));
  return part;
}

/** The text of a code block, from its opening fence to the end of its closing fence's line (or of the file). */
export function fenceText(doc: TextDoc, f: Fence): string {
  const end = f.closeLine + 1 < doc.lineCount ? doc.lineStarts[f.closeLine + 1] : doc.text.length;
  return doc.text.slice(doc.lineStarts[f.openLine], end);
}

/** Whether a code block holds commands (its language is a shell's or a console session's). */
export function isCommandFence(f: Fence): boolean {
  return SESSION_LANGS.has(f.lang) || SCRIPT_LANGS.has(f.lang);
}

/** The commands of a Markdown code block (one whose language isCommandFence). */
export function scanFence(doc: TextDoc, f: Fence, locale: Locale = 'en'): RunPart {
  const part = emptyPart();
  const text = doc.text;
  const session = SESSION_LANGS.has(f.lang);
  if (f.closeLine < doc.lineCount) part.blockEnds.push([f.openLine, f.closeLine]);
  const first = f.openLine + 1;
  const lineStart = (l: number) => (l < doc.lineCount ? doc.lineStarts[l] : text.length);
  const scanPieces = (pieces: { start: number; end: number }[]) => scanText(part, doc, vtext(text, pieces), 'markdown', locale);
  // A script block whose lines start with `$ ` is a session too (`#` stays a comment there).
  const prompt = promptRegex(session ? '$#%' : '$');
  let hasPrompt = false;
  for (let l = first; l < f.closeLine && !hasPrompt; l++) hasPrompt = prompt.test(doc.lineText(l));
  if (!hasPrompt) {
    if (f.closeLine > first) scanPieces([{ start: lineStart(first), end: lineStart(f.closeLine) }]);
    return part;
  }
  for (let l = first; l < f.closeLine; l++) {
    const m = prompt.exec(doc.lineText(l));
    if (!m) continue; // output
    const pieces = [{ start: lineStart(l) + m[0].length, end: lineStart(l + 1) }];
    while (l + 1 < f.closeLine) {
      const next = doc.lineText(l + 1);
      const ps2 = PS2.exec(next);
      if (/\\$/.test(doc.lineText(l)) || (ps2 && !prompt.test(next))) {
        pieces.push({ start: lineStart(l + 1) + (ps2 ? ps2[0].length : 0), end: lineStart(l + 2) });
        l++;
      } else break;
    }
    scanPieces(pieces);
  }
  return part;
}

/** The document's model from its parts, in file order; `shifts[i]` moves part i's option offsets to this version. */
export function assembleRuns(doc: TextDoc, kind: 'shell' | 'markdown', parts: RunPart[], shifts?: number[]): DockerRunDocModel {
  const specs: RuntimeSpec[] = [];
  const problems: InputProblem[] = [];
  const statements: { first: number; last: number }[] = [];
  const blockEnds = new Map<number, number>();
  const flags: { part: RunPart; shift: number }[] = [];
  parts.forEach((p, i) => {
    for (const s of p.specs) specs.push(s);
    for (const x of p.problems) problems.push(x);
    for (const s of p.statements) statements.push(s);
    for (const [open, close] of p.blockEnds) blockEnds.set(open, close);
    if (p.flags.length > 0) flags.push({ part: p, shift: shifts?.[i] ?? 0 });
  });

  // Commands inside $(…) and here-documents were read after the line around them: restore file order.
  const key = (s: RuntimeSpec) => (s.anchor.kind === 'source' ? s.anchor.range.start : { line: 0, character: 0 });
  specs.sort((a, b) => key(a).line - key(b).line || key(a).character - key(b).character);
  // A lexing error is found before the commands it cuts short: problems in file order too.
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

  let startOf: ((line: number) => number) | undefined;
  let lastOf: Map<number, number> | undefined;
  const model: DockerRunDocModel = {
    kind,
    doc,
    specs,
    problems,
    statementSpan(line: number): number {
      // The furthest last line of the commands starting on the line, from a map built on the first
      // call (each suppression comment asks once).
      if (!lastOf) {
        lastOf = new Map();
        for (const s of statements) lastOf.set(s.first, Math.max(lastOf.get(s.first) ?? s.last, s.last));
      }
      const base = blockEnds.get(line) ?? line;
      const last = lastOf.get(line);
      return last !== undefined && last > base ? last : base;
    },
    statementStart(line: number): number {
      // The innermost statement holding the line, from a table made on the first call.
      startOf ??= statementStarts(statements, doc.lineCount);
      return startOf(line);
    },
    hoverAt: () => undefined,
    flagAt(pos: Position): DockerRunFlagAt | undefined {
      const o = doc.offsetAt(pos);
      let best: FlagSpan | undefined;
      let bestShift = 0;
      for (const { part, shift } of flags) {
        for (const f of part.flags) {
          const [start, end] = [f.start + shift, f.end + shift];
          if (start <= o && o <= end && (!best || end - start < best.end - best.start)) {
            best = f;
            bestShift = shift;
          }
        }
      }
      if (!best) return undefined;
      const r: DockerRunFlagAt = {
        flag: best.name.length === 1 ? `-${best.name}` : `--${best.name}`,
        written: best.written,
        range: doc.rangeOf(best.start + bestShift, best.end + bestShift),
      };
      if (best.value !== undefined) r.value = best.value;
      return r;
    },
  };
  return model;
}

/** `locale` is the language of the problems' messages (English unless given). */
export function parseDockerRuns(text: string, kind: 'shell' | 'markdown', locale: Locale = 'en'): DockerRunDocModel {
  const doc = new TextDoc(text);
  const parts =
    kind === 'shell'
      ? [scanShellRegion(doc, 0, text.length, locale)]
      : findFences(doc)
          .filter(isCommandFence)
          .map((f) => scanFence(doc, f, locale));
  return assembleRuns(doc, kind, parts);
}
