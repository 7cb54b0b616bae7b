// SeccompModel: a seccomp profile as Docker/runc read it, with ranges (pure core layer).
// Built by parse/seccomp.ts with jsonc-parser; seccomp rules read only this.

import type { TextDoc } from '../text';
import type { Range } from '../types';
import type { InputProblem } from './runtimeDoc';

/** A JSON value with the range of the value and, for object members, of its key. */
export interface JVal<T> {
  value: T;
  range: Range;
  keyRange?: Range;
}

export interface SeccompArg {
  index?: JVal<number>;
  value?: JVal<number>;
  valueTwo?: JVal<number>;
  op?: JVal<string>;
  range: Range;
}

export interface SeccompFilter {
  caps?: JVal<string>[];
  arches?: JVal<string>[];
  minKernel?: JVal<string>;
  range: Range;
}

export interface SeccompRule {
  /** `names` entries, or the single obsolete `name`. */
  names: JVal<string>[];
  /** Set when the entry uses the old `name` field. */
  legacyName?: JVal<string>;
  action?: JVal<string>;
  errnoRet?: JVal<number>;
  args: SeccompArg[];
  includes?: SeccompFilter;
  excludes?: SeccompFilter;
  comment?: JVal<string>;
  range: Range;
}

export interface SeccompModel {
  doc: TextDoc;
  defaultAction?: JVal<string>;
  defaultErrnoRet?: JVal<number>;
  architectures?: JVal<JVal<string>[]>;
  archMap?: { architecture: JVal<string>; subArchitectures: JVal<string>[]; range: Range }[];
  syscalls: SeccompRule[];
  listenerPath?: JVal<string>;
  flags?: JVal<string>[];
  /** Keys at the top level that Docker does not know, with their ranges. */
  unknownKeys: JVal<string>[];
  /** The whole document's range, for findings about something missing. */
  range: Range;
  problems: InputProblem[];
}
