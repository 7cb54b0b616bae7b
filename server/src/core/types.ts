// Core vocabulary shared by every parser, rule and adapter (pure core layer: no I/O, no vscode).
// Positions are zero-based like LSP's so adapters convert nothing; the CLI adds one when printing.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A quick fix computed by the rule that found the problem, next to it. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Shown first and applied by "fix all" when true: the edit cannot change what the image does beyond the fix. */
  safe?: boolean;
}

/** The kinds of file Containment reads. */
export type FileKind = 'dockerfile' | 'compose' | 'shell' | 'markdown' | 'seccomp' | 'daemon';

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

export interface Reference {
  title: string;
  url: string;
}

/** Equivalent checks in other tools, so users can migrate and compare. */
export interface PeerIds {
  hadolint?: string[];
  trivy?: string[];
  checkov?: string[];
  kics?: string[];
  composeLint?: string[];
  cis?: string[];
}

export interface RuleExample {
  /** Text that makes the rule fire. */
  bad: string;
  /** The kind of file the text is, when not the rule's first `appliesTo` (runtime rules show Compose and `docker run`). */
  kind?: FileKind;
  /** The text after applying the rule's first fix, when the rule has one. */
  fixed?: string;
}

export interface GoodExample {
  text: string;
  kind: FileKind;
}

export interface RuleMeta {
  /** Stable id such as CT1001: never reused, never renamed. */
  id: string;
  /** Short kebab-case name; accepted wherever an id is. */
  name: string;
  title: string;
  defaultSeverity: Severity;
  /** Which model the rule reads. */
  appliesTo: FileKind[];
  /** Why it matters, in Markdown, a few sentences. */
  explanation: string;
  /** What to do instead, in Markdown. */
  remediation: string;
  references: Reference[];
  peers: PeerIds;
  /** Examples that must fire. */
  bad: RuleExample[];
  /** Examples that must not fire (peers' known false positives belong here). */
  good: (string | GoodExample)[];
}
