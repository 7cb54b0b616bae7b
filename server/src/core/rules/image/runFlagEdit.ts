// Removing a BuildKit flag (`--security=insecure`, `--network=host`) from a RUN instruction, for
// image rules CT1015 and CT1016 (pure core layer).

import type { ImageModel, InstrFlag, RunInstr } from '../../model/image';
import type { Text, TextEdit } from '../../types';
import type { RuleFix } from '../rule';
import { removeWordsEdit } from './wordEdit';

/**
 * A fix that deletes the flag, and every other copy of it in the instruction (same name, same
 * value: written twice, one would still be read), each with the blanks after it, or its line
 * when it stands alone.
 */
export function removeRunFlagFix(model: ImageModel, run: RunInstr, flag: InstrFlag, title: Text): RuleFix | undefined {
  const doc = model.doc;
  const value = flag.value?.toLowerCase();
  const copies = run.flags.filter((f) => f === flag || (f.name === flag.name && f.value?.toLowerCase() === value));
  const spans: { start: number; end: number }[] = [];
  for (const f of copies) {
    // Flags always precede the command, so they are edited like shell words even in exec form.
    const edit = removeWordsEdit(doc, { ...run, form: 'shell' }, [{ value: doc.textIn(f.range), range: f.range }], model.escapeChar);
    if (!edit) return undefined;
    spans.push({ start: doc.offsetAt(edit.range.start), end: doc.offsetAt(edit.range.end) });
  }
  // Copies on neighbouring lines may be removed with text they share (a line pulled up, a line
  // ending): the deletions are merged into one.
  spans.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const prev = merged[merged.length - 1];
    if (prev && s.start <= prev.end) prev.end = Math.max(prev.end, s.end);
    else merged.push({ ...s });
  }
  const edits: TextEdit[] = merged.map((s) => ({ range: doc.rangeOf(s.start, s.end), newText: '' }));
  return { title, edits, safe: false };
}
