// `docker run` lines in shell scripts and Markdown code blocks → one RuntimeSpec each (pure core
// layer). Being written for issue 3; this first version reports no commands.

import { TextDoc } from '../text';
import type { RuntimeDocModel } from '../model/runtimeDoc';

export function parseDockerRuns(text: string, kind: 'shell' | 'markdown'): RuntimeDocModel {
  const doc = new TextDoc(text);
  return { kind, doc, specs: [], problems: [], statementSpan: (l) => l, statementStart: (l) => l };
}
