// A file that describes containers at run time: a Compose file (one RuntimeSpec per service) or a
// shell script / Markdown tutorial (one per `docker run` line) (pure core layer).

import type { TextDoc } from '../text';
import type { Position, Range, Severity } from '../types';
import type { RuntimeSpec } from './runtime';

/** Something about the input itself (broken YAML, an unterminated quote) rather than a rule. */
export interface InputProblem {
  message: string;
  range: Range;
  severity: Severity;
}

export interface RuntimeDocModel {
  kind: 'compose' | 'shell' | 'markdown';
  doc: TextDoc;
  specs: RuntimeSpec[];
  problems: InputProblem[];
  /** The last line of the statement starting at `line` (a YAML block, a continued command), for suppressions. */
  statementSpan(line: number): number;
  /** The first line of the statement containing `line`, where an ignore comment goes. */
  statementStart(line: number): number;
  /** Markdown explaining the key, value or flag at a position, if any. */
  hoverAt?(pos: Position): { markdown: string; range?: Range } | undefined;
}

/** Reads a file next to the one being analysed (a Compose `build:` Dockerfile); the adapters supply it. */
export type ReadRelative = (relativePath: string) => string | undefined;
