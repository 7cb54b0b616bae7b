// Removing a BuildKit flag (`--security=insecure`, `--network=host`) from a RUN instruction, for
// image rules CT1015 and CT1016 (pure core layer).

import type { ImageModel, InstrFlag, RunInstr } from '../../model/image';
import type { Text } from '../../types';
import type { RuleFix } from '../rule';
import { removeWordsEdit } from './wordEdit';

/** A fix that deletes the flag and the blanks after it, or its line when it stands alone. */
export function removeRunFlagFix(model: ImageModel, run: RunInstr, flag: InstrFlag, title: Text): RuleFix | undefined {
  // Flags always precede the command, so they are edited like shell words even in exec form.
  const text = model.doc.textIn(flag.range);
  const edit = removeWordsEdit(model.doc, { ...run, form: 'shell' }, [{ value: text, range: flag.range }], model.escapeChar);
  return edit ? { title, edits: [edit], safe: false } : undefined;
}
