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
  /** The value's source text, for numbers beyond 2^53 (argument masks) and for messages. */
  raw?: string;
}

export interface SeccompArg {
  index?: JVal<number>;
  value?: JVal<number>;
  valueTwo?: JVal<number>;
  op?: JVal<string>;
  range: Range;
  /** Position in the entry's `args` list (0-based). */
  position: number;
}

export interface SeccompFilter {
  caps?: JVal<string>[];
  arches?: JVal<string>[];
  minKernel?: JVal<string>;
  range: Range;
  keyRange?: Range;
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
  /** Position in `syscalls` (0-based), for messages and edits. */
  position: number;
  /** The `names` member: the key and the list, when the entry has one. */
  namesList?: { range: Range; keyRange: Range };
}

/** A key Docker does not know (its JSON decoder ignores it silently). */
export interface SeccompUnknownKey extends JVal<string> {
  /** Where it sits, for messages: `the top level`, `syscalls[2]`, `syscalls[2].args[0]`. */
  where: string;
  /** The keys Docker reads at that place. */
  known: readonly string[];
  /** Those of them the same object already has (a rename to one of them would write it twice). */
  present: readonly string[];
}

/** A value of the wrong JSON type or out of the range Docker's decoder accepts: Docker refuses the whole profile. */
export interface SeccompTypeProblem {
  /** JSON path for messages: `syscalls[3].args[0].index`. */
  path: string;
  message: string;
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
  listenerMetadata?: JVal<string>;
  flags?: JVal<string>[];
  /** Keys Docker does not know, at any level, with their ranges. */
  unknownKeys: SeccompUnknownKey[];
  /** Values Docker's decoder rejects (wrong type, negative or fractional numbers). */
  typeProblems: SeccompTypeProblem[];
  /** The `syscalls` member (key and list), when present. */
  syscallsList?: { range: Range; keyRange: Range };
  /** The `archMap` member (key and list), when present. */
  archMapList?: { range: Range; keyRange: Range };
  /** The `defaultAction` member's whole range (key to value), where inserted keys go after. */
  defaultActionMember?: Range;
  /** The top-level object's range; undefined when the text is not a JSON object. */
  objectRange?: Range;
  /** The whole document's range, for findings about something missing. */
  range: Range;
  problems: InputProblem[];
}
