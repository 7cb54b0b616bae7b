// Incremental analysis state for the shell scripts and Markdown files being edited (adapter layer).
// Such a document gets an IncrementalScript (core/incrementalScript.ts: its parts as read, and what
// the runtime rules found in each) when it opens or changes, so re-analysing it after a keystroke
// reads and checks only the commands whose lines changed. As for Dockerfiles, only the few most
// recently edited documents keep one (editedCaches.ts).

import { IncrementalScript } from '../core/incrementalScript';
import { EDITED_DOCUMENTS, EditedCaches } from './editedCaches';

/** How many edited scripts and Markdown files keep their parts between versions. */
export const EDITED_SCRIPTS = EDITED_DOCUMENTS;

export class ScriptCaches extends EditedCaches<IncrementalScript> {
  constructor(max = EDITED_SCRIPTS) {
    super(() => new IncrementalScript(), max);
  }
}
