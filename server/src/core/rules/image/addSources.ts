// The sources of ADD instructions, classified, for CT1004 add-local-file and CT1005 add-remote-url
// (pure core layer). Handles the shell form, the JSON form and heredoc sources.

import type { ImageModel, Instr, Word } from '../../model/image';
import { jsonElements } from './runScan';

export type SourceKind = 'local' | 'archive' | 'http' | 'git' | 'heredoc' | 'unknown';

export interface AddSource {
  word: Word;
  /** The source without quotes. */
  value: string;
  kind: SourceKind;
}

/**
 * Names ADD may unpack. The builder looks at the content, not the name: a local file that is a tar
 * archive (plain, gzip, bzip2, xz or zstd) is extracted. So every tar name and every name of a
 * compression the builder reads is treated as "maybe an archive" and left alone.
 */
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst)$/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const SCP_GIT = /^[\w.-]+@[\w.-]+:/;

/** Whether a remote source is a Git repository the way BuildKit's ADD recognizes one. */
export function isGitSource(src: string): boolean {
  if (SCP_GIT.test(src) || /^git:\/\//i.test(src) || /^ssh:\/\//i.test(src)) return true;
  if (!/^https?:\/\//i.test(src)) return false;
  const noFragment = src.split('#')[0].split('?')[0].replace(/\/+$/, '');
  return /\.git$/i.test(noFragment);
}

export function classify(src: string): SourceKind {
  if (src.startsWith('<<')) return 'heredoc';
  if (isGitSource(src)) return 'git';
  if (SCHEME.test(src)) return 'http';
  if (src.includes('$')) return 'unknown';
  if (ARCHIVE.test(src)) return 'archive';
  return 'local';
}

/** The sources of an ADD (or COPY) instruction: every argument but the destination. */
export function addSources(model: ImageModel, instr: Instr): AddSource[] {
  if (instr.argsText.trim().startsWith('[')) {
    const els = jsonElements(model, instr);
    if (!els || els.length < 2) return [];
    return els.slice(0, -1).map((e) => ({ word: { value: e.value, range: e.range }, value: e.value, kind: classify(e.value) }));
  }
  let args = instr.args;
  if (args.some((a) => /^<<-?["']?\w/.test(a.value))) {
    // Heredoc sources: only the words on the instruction's own line(s) before the bodies count.
    args = args.filter((a) => a.range.start.line === instr.keywordRange.start.line);
  }
  const words = args.filter((a) => a.value !== model.escapeChar);
  return words.slice(0, -1).map((w) => {
    const value = w.value.replace(/^["']|["']$/g, '');
    return { word: w, value, kind: classify(value) };
  });
}
