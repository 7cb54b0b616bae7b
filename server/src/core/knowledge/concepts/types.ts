// The shape of the knowledge base: isolation concepts with stable ids, written in English and
// Simplified Chinese (pure core layer, types only). The data lives beside this file, one file per
// family; index.ts looks entries up and render.ts turns them into Markdown or terminal text.

import type { Locale } from '../../types';

/** The languages explanations are written in: the project's locales. */
export type Lang = Locale;
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

/**
 * A text in every language we ship. `zh-CN` is optional in the type so that a missing
 * translation falls back to English at run time; test/knowledge.test.ts lists every gap (the bar
 * is none).
 *
 * Section text is light Markdown: inline code, bold and links; paragraphs are separated by a blank
 * line; a paragraph whose lines all start with `- ` is a list and one whose lines all start with
 * `$ ` is a block of shell commands. Both renderers (Markdown and terminal) understand exactly this.
 */
export interface Text {
  en: string;
  'zh-CN'?: string;
}

export type ConceptKind = 'capability' | 'namespace' | 'cgroup' | 'security' | 'host';

/** Body sections, in the order they are shown. */
export const SECTION_KEYS = ['what', 'effect', 'default', 'why', 'todo', 'see'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface ConceptReference {
  title: string;
  url: string;
}

export interface Concept {
  /** Stable id and anchor (`cap-sys-admin`, `ns-pid`, `cgroup-memory`): never renamed. */
  id: string;
  kind: ConceptKind;
  title: Text;
  /** One sentence. */
  summary: Text;
  /**
   * what: what it is; effect: what it allows, isolates or limits; default: what Docker does
   * when nothing is set; why: why it matters; todo: what to do; see: how to see it with commands.
   */
  sections: Record<SectionKey, Text>;
  /** Compose keys under a service (`pids_limit`, `deploy.resources.limits.pids`). */
  compose: string[];
  /** `docker run` flags, long form first. */
  flags: string[];
  /** What people type for it, beyond the id, Compose keys and flags (`CAP_SYS_ADMIN`, `pid namespace`). */
  aliases: string[];
  references: ConceptReference[];
  /** Ids of concepts worth reading next. */
  related: string[];
  /** Facts about a capability, checked by tests against Docker's defaults and seccomp profile. */
  capability?: CapabilityFacts;
}

export type Risk = 'low' | 'medium' | 'high' | 'critical';

export interface CapabilityFacts {
  /** Without `CAP_`, as Docker writes it: `SYS_ADMIN`. */
  name: string;
  /** Whether Docker grants it to every container (one of the 14 of moby's defaults). */
  dockerDefault: boolean;
  risk: Risk;
  /** The kernel release that added it, for the newer ones. */
  since?: string;
  /**
   * Syscalls that Docker's default seccomp profile allows only to a container holding this
   * capability (entries whose `includes.caps` names it).
   */
  seccompUnlocks: string[];
}
