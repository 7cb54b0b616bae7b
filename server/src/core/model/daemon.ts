// DaemonModel: Docker's daemon.json with ranges (pure core layer). Built by parse/daemon.ts with
// jsonc-parser; daemon rules read only this.

import type { TextDoc } from '../text';
import type { Range } from '../types';
import type { InputProblem } from './runtimeDoc';

/** One top-level key of daemon.json: its name, its JSON value (as parsed) and ranges. */
export interface DaemonEntry {
  key: string;
  keyRange: Range;
  value: unknown;
  valueRange: Range;
  /** The JSON type as written: string, number, boolean, array, object, null. */
  type: 'string' | 'number' | 'boolean' | 'array' | 'object' | 'null';
}

export interface DaemonModel {
  doc: TextDoc;
  entries: Map<string, DaemonEntry>;
  /** The top-level object's range (for "missing key" findings) and where a new key can be inserted. */
  range: Range;
  problems: InputProblem[];
}
