// Where fixes put new instructions in a Dockerfile (CT1001/CT1002's USER, CT1013's HEALTHCHECK)
// so that each comes out as an instruction of its own and the instructions around it keep their
// meaning (pure core layer).
//
// Before an instruction is always safe: it starts a line, so whatever came before it was closed.
// After the file's last instruction is not: that instruction may still be open at the end of the
// file, and text added below it would join it. A line continuation at the end of the file (the
// escape character, then blanks, on its last line that is neither blank nor a comment: blank and
// comment lines do not close a continuation) ends the instruction there, so the escape character
// (with the blanks around it) is removed and the new lines follow; the instruction reads the same
// without it. A here-document with no closing line takes everything after it as its body, and no
// text added after it is read otherwise: `appendAfterLast` then offers nothing, and neither does
// it when removing the escape character would not close the instruction or would change its keyword.

import type { TextEdit } from '../../types';
import type { ImageModel, Instr } from '../../model/image';

/** An edit that puts `lines` (each prefixed with `indent`) on lines of their own just above `instr`. */
export function insertBefore(model: ImageModel, instr: Instr, lines: string[], indent = ''): TextEdit {
  const { eol } = model.doc;
  const at = { line: instr.range.start.line, character: 0 };
  return { range: { start: at, end: at }, newText: lines.map((l) => indent + l).join(eol) + eol };
}

/** A line holding nothing the builder reads as part of an instruction: blank, or a comment. */
function isBlankOrComment(text: string): boolean {
  return /^[ \t]*(#|$)/.test(text);
}

/**
 * An edit that puts `lines` (each prefixed with `indent`) after the file's last instruction, right
 * below its last line, closing a continuation left open at the end of the file. Undefined when no
 * text after that instruction would be read as new instructions: an unterminated here-document,
 * or a continuation whose removal would leave another one (`\\` at the end of the line).
 */
export function appendAfterLast(model: ImageModel, lines: string[], indent = ''): TextEdit | undefined {
  const last = model.instructions[model.instructions.length - 1];
  if (!last || last.openHeredoc) return undefined;
  const doc = model.doc;
  const newText = lines.map((l) => doc.eol + indent + l).join('');
  // The instruction's last line that is neither blank nor a comment: for an open continuation,
  // dockerfile-ast's range runs on over the blank and comment lines after it.
  let line = Math.min(last.range.end.line, doc.lineCount - 1);
  while (line > last.range.start.line && isBlankOrComment(doc.lineText(line))) line--;
  const text = doc.lineText(line);
  const esc = model.escapeChar;
  const blanksAtEnd = /[ \t]*$/.exec(text)?.[0].length ?? 0;
  const beforeBlanks = text.length - blanksAtEnd;
  if (beforeBlanks > 0 && text[beforeBlanks - 1] === esc) {
    // The builder removes a trailing escape and the blanks after it, and trims the instruction's
    // text; this edit removes them and the blanks before it, unless what is left ends in an
    // escape character again (`\\`, `\ \`): that one would still continue the instruction.
    const kept = text.slice(0, beforeBlanks - 1).replace(/[ \t]+$/, '');
    if (kept.endsWith(esc)) return undefined;
    // An escape character that dockerfile-ast reads as part of the keyword (`s\`, or `\` alone
    // on its line: an instruction of its own) would change or remove the keyword with it.
    const kw = last.keywordRange;
    if (line === kw.end.line && beforeBlanks - 1 < kw.end.character) return undefined;
    return { range: { start: { line, character: kept.length }, end: { line, character: text.length } }, newText };
  }
  const at = { line, character: text.length };
  return { range: { start: at, end: at }, newText };
}
