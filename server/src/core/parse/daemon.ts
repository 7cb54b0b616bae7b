// daemon.json → DaemonModel (pure core layer). Being written for issue 6: this first version only
// reads the text and reports nothing.

import { TextDoc } from '../text';
import type { DaemonModel } from '../model/daemon';

export function parseDaemon(text: string): DaemonModel {
  const doc = new TextDoc(text);
  return { doc, entries: new Map(), range: doc.rangeOf(0, text.length), problems: [] };
}
