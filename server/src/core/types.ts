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

/** The languages Containment speaks. English is the fallback for anything not translated. */
export type Locale = 'en' | 'zh-CN';

/** User-visible text in both languages. */
export interface Localized {
  en: string;
  'zh-CN': string;
}

/** Text a rule produces: a plain string is English only (the l10n test lists those as gaps). */
export type Text = string | Localized;

/** Both languages of a text, written side by side where the text is made. */
export function t(en: string, zh: string): Localized {
  return { en, 'zh-CN': zh };
}

/** The text in a locale, falling back to English. */
export function inLocale(text: Text, locale: Locale = 'en'): string {
  return typeof text === 'string' ? text : (text[locale] ?? text.en);
}

/** `zh-cn`, `zh-Hans`, `zh_CN.UTF-8` → zh-CN; anything else → en. */
export function toLocale(tag: string | undefined): Locale {
  return tag && /^zh([-_](cn|hans|sg))?\b/i.test(tag) && !/^zh[-_](tw|hk|hant|mo)/i.test(tag) ? 'zh-CN' : 'en';
}

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
  /** Files next to the example, by relative path, for rules that follow links (a Compose file's seccomp profile); given, missing files are missing. */
  files?: Record<string, string>;
}

export interface GoodExample {
  text: string;
  kind: FileKind;
  /** Files next to the example, as in RuleExample. */
  files?: Record<string, string>;
}

/** A rule's documentation in Simplified Chinese (its English is the main fields). */
export interface RuleMetaZh {
  title: string;
  explanation: string;
  remediation: string;
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
  /** The title, explanation and remediation in Simplified Chinese. */
  zh?: RuleMetaZh;
}
