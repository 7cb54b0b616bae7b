// Ranges inside words and edits that delete words from RUN instructions without breaking line
// continuations, heredocs or exec-form JSON (pure core layer). Used by image rules CT1010-CT1018.

import type { TextDoc } from '../../text';
import type { Range, TextEdit } from '../../types';
import type { RunInstr, Word } from '../../model/image';

/**
 * The range of `needle` inside `range` (e.g. the path inside `["/proc",` or the flag inside
 * `"--allow-untrusted",`); the whole range when the needle is not found.
 */
export function rangeWithin(doc: TextDoc, range: Range, needle: string): Range {
  const start = doc.offsetAt(range.start);
  const end = doc.offsetAt(range.end);
  const i = needle === '' ? -1 : doc.text.slice(start, end).indexOf(needle);
  if (i < 0) return range;
  return doc.rangeOf(start + i, start + i + needle.length);
}

/** The word's text without the quotes a shell would remove: `"--force-yes"` → `--force-yes`. */
export function bare(value: string): string {
  const c = value.charCodeAt(0);
  return c === 34 || c === 39 ? value.replace(/^(["'])(.*)\1$/, '$2') : value;
}

function lineEndOffset(doc: TextDoc, line: number): number {
  return doc.offsetAt({ line, character: doc.lineText(line).length });
}

/**
 * An edit that removes `words` (adjacent words of one command, e.g. `-o` and its value) from a
 * RUN instruction, or undefined when that cannot be done cleanly.
 *
 * Shell form and heredocs: the words and the blanks after them go; a word alone on a continuation
 * line takes the whole line with it; a word alone on the instruction's last line takes the
 * preceding `\` with it so the instruction still ends where it did.
 * Exec form: the JSON string and its comma go; the last element of the array is left alone.
 */
export function removeWordsEdit(doc: TextDoc, run: RunInstr, words: Word[], escapeChar = '\\'): TextEdit | undefined {
  if (words.length === 0) return undefined;
  const first = words[0];
  const last = words[words.length - 1];
  const s = doc.offsetAt(first.range.start);
  const e = doc.offsetAt(last.range.end);
  const text = doc.text;

  if (run.form === 'exec') {
    // Raw argument ranges include the quotes and the comma: `"--allow-untrusted",`.
    const raw = doc.textIn(last.range);
    if (!raw.trimEnd().endsWith(',')) return undefined;
    let end = e;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    return { range: doc.rangeOf(s, end), newText: '' };
  }

  const startLine = first.range.start.line;
  const endLine = last.range.end.line;
  const lineStart = doc.offsetAt({ line: startLine, character: 0 });
  const before = text.slice(lineStart, s);
  const after = text.slice(e, lineEndOffset(doc, endLine));
  const esc = escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const continuation = new RegExp(`^[ \\t]*${esc}[ \\t]*$`);

  if (/^[ \t]*$/.test(before) && continuation.test(after)) {
    // `    --allow-unauthenticated \` on its own line: drop the line.
    const nextLine = endLine + 1 < doc.lineCount ? doc.offsetAt({ line: endLine + 1, character: 0 }) : text.length;
    return { range: doc.rangeOf(lineStart, nextLine), newText: '' };
  }
  if (/^[ \t]*$/.test(before) && after.trim() === '' && startLine > run.range.start.line) {
    // Alone on the instruction's last line: remove from the end of the previous line's content.
    let p = lineStart - 1;
    while (p >= 0 && (text[p] === '\n' || text[p] === '\r')) p--;
    while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--;
    if (p >= 0 && text[p] === escapeChar) p--;
    while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--;
    return { range: doc.rangeOf(p + 1, e), newText: '' };
  }
  if (continuation.test(after) && startLine === run.range.start.line && /^[ \t]*RUN[ \t]+$/i.test(before) && endLine + 1 < doc.lineCount) {
    // `RUN --network=host \` followed by more: pull the next line up so RUN keeps its first word.
    const next = doc.offsetAt({ line: endLine + 1, character: 0 });
    const indent = /^[ \t]*/.exec(doc.lineText(endLine + 1))?.[0].length ?? 0;
    return { range: doc.rangeOf(s, next + indent), newText: '' };
  }
  const trailing = /^[ \t]*/.exec(after)?.[0] ?? '';
  const rest = after.slice(trailing.length);
  if (trailing.length > 0 && rest !== '' && !continuation.test(after)) {
    // More words follow on the same line: remove the words and the blanks after them.
    return { range: doc.rangeOf(s, e + trailing.length), newText: '' };
  }
  // Last word on its line (maybe before ` \`): remove the blanks before it instead.
  const leading = /[ \t]*$/.exec(before)?.[0] ?? '';
  return { range: doc.rangeOf(s - leading.length, e), newText: '' };
}
