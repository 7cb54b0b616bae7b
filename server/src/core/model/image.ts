// ImageModel: what a Dockerfile builds, as rules need it (pure core layer).
// Built once per document version by parse/dockerfile.ts; rules only read it.

import type { Range } from '../types';
import type { TextDoc } from '../text';

export interface Word {
  value: string;
  range: Range;
}

export interface InstrFlag {
  name: string;
  value: string | null;
  range: Range;
  valueRange: Range | null;
}

export interface Instr {
  /** Upper-case keyword: RUN, USER, … (ONBUILD triggers are not expanded). */
  keyword: string;
  range: Range;
  keywordRange: Range;
  /** Arguments after the flags, split as the builder splits them, each with its range. */
  args: Word[];
  flags: InstrFlag[];
  /** The argument text with line continuations removed, flags included. */
  argsText: string;
  /** Index of the stage this instruction belongs to; -1 before the first FROM. */
  stage: number;
  /**
   * Set when a here-document of the instruction has no closing line: its body then runs to the
   * end of the file, and any line added after the instruction would become part of it.
   */
  openHeredoc?: true;
}

export interface Heredoc {
  name: string;
  content: string;
  contentRange: Range | null;
}

export interface RunMount {
  type: string;
  options: Record<string, string>;
  range: Range;
}

export interface RunInstr extends Instr {
  keyword: 'RUN';
  form: 'shell' | 'exec';
  /** The shell text the builder runs: arguments, then heredoc bodies, one per line. */
  script: string;
  heredocs: Heredoc[];
  mounts: RunMount[];
  network?: InstrFlag;
  security?: InstrFlag;
}

export type BaseFamily = 'alpine' | 'debian' | 'rhel' | 'distroless' | 'scratch' | 'unknown';

export interface FromInfo {
  instr: Instr;
  /** The image reference as written, e.g. `node:${NODE_VERSION}-alpine`. */
  image: string;
  imageRange: Range;
  /** The reference after substituting global ARG defaults; undefined when a variable has no default. */
  resolved?: string;
  registry?: string;
  /** Repository path without registry, tag or digest, e.g. `library/node` is `node`. */
  repository?: string;
  tag?: string;
  digest?: string;
  isScratch: boolean;
  /** Index of an earlier stage this FROM builds on (FROM builder AS final). */
  stageRef?: number;
  platform?: InstrFlag;
}

export interface UserInfo {
  instr: Instr;
  /** As written: `app`, `1001:1001`, `$UID`. */
  raw: string;
  /** After substituting ARG/ENV values; undefined when a variable has no value. */
  resolved?: string;
  user?: string;
  group?: string;
  /** true for root, 0 (with any group); undefined when unknown. */
  isRoot?: boolean;
}

export interface Stage {
  index: number;
  name?: string;
  nameRange?: Range;
  from: FromInfo;
  instructions: Instr[];
  /** Every USER of this stage, in order. */
  users: UserInfo[];
  /**
   * The user the stage's processes run as at its end: its own last USER, else the one inherited
   * from the stage it builds on; undefined means no USER anywhere (the base image's user applies).
   */
  effectiveUser?: UserInfo;
  /** Family of the base image after following stage references. */
  family: BaseFamily;
}

export interface DirectiveInfo {
  name: string;
  value: string;
  range: Range;
}

export interface CommentInfo {
  /** Text after `#`, trimmed. */
  text: string;
  line: number;
  range: Range;
}

export interface ImageModel {
  doc: TextDoc;
  escapeChar: string;
  directives: DirectiveInfo[];
  /** ARGs before the first FROM, usable in FROM lines. */
  globalArgs: Map<string, string | undefined>;
  stages: Stage[];
  instructions: Instr[];
  comments: CommentInfo[];
  /** The stage that becomes the image: the last one. */
  final?: Stage;
}

export function isRun(i: Instr): i is RunInstr {
  return i.keyword === 'RUN';
}
