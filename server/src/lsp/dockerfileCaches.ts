// Incremental analysis state for the Dockerfiles being edited (adapter layer). A Dockerfile gets an
// IncrementalDockerfile (core/incremental.ts: its build stages as read, and what the stage rules
// found in each) when it opens or changes, so re-analysing it after a keystroke reads and checks
// only the stage that changed. Only the few most recently edited Dockerfiles keep one
// (editedCaches.ts).

import { IncrementalDockerfile } from '../core/incremental';
import { EDITED_DOCUMENTS, EditedCaches } from './editedCaches';

/** How many edited Dockerfiles keep their stages between versions. */
export const EDITED_DOCKERFILES = EDITED_DOCUMENTS;

export class DockerfileCaches extends EditedCaches<IncrementalDockerfile> {
  constructor(max = EDITED_DOCKERFILES) {
    super(() => new IncrementalDockerfile(), max);
  }
}
