// Random edits for the incremental-analysis property tests (test/incremental*.test.ts): a text
// edit at an offset taken modulo the text's length, and a line moved elsewhere.

export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** `text` with `e` applied: `remove` characters at `at` (modulo the length + 1) replaced by `insert`. */
export function apply(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

/** `text` with line `from` moved to `to` (both modulo the line count). */
export function moveLine(text: string, [from, to]: [number, number]): string {
  const lines = text.split('\n');
  const [line] = lines.splice(from % lines.length, 1);
  lines.splice(to % (lines.length + 1), 0, line);
  return lines.join('\n');
}
