// Compose file → one RuntimeSpec per service (pure core layer). Being written for issue 3; this
// first version only knows the document and reports no services.

import { TextDoc } from '../text';
import type { ReadRelative, RuntimeDocModel } from '../model/runtimeDoc';

export function parseCompose(text: string, _readRelative?: ReadRelative): RuntimeDocModel {
  const doc = new TextDoc(text);
  return { kind: 'compose', doc, specs: [], problems: [], statementSpan: (l) => l, statementStart: (l) => l };
}
