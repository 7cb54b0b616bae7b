// Seccomp profile JSON → SeccompModel (pure core layer). Being written for issue 6: this first
// version only reads the text and reports nothing.

import { TextDoc } from '../text';
import type { SeccompModel } from '../model/seccomp';

export function parseSeccomp(text: string): SeccompModel {
  const doc = new TextDoc(text);
  const range = doc.rangeOf(0, text.length);
  return { doc, syscalls: [], unknownKeys: [], range, problems: [] };
}
