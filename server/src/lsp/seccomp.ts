// Custom requests behind the seccomp commands: Docker's default profile as published (to write
// into the workspace) and the comparison of a profile with it (adapter layer; the work is in core).

import type { Connection } from 'vscode-languageserver/node';
import { DOCKER_DEFAULT_FILE_NAME, DOCKER_DEFAULT_PROFILE_TEXT } from '../core/knowledge/seccomp';
import { parseSeccomp } from '../core/parse/seccomp';
import { compareMarkdown } from '../core/seccompCompare';
import { inLocale, t, type Locale } from '../core/types';

export interface SeccompDefaultResult {
  fileName: string;
  text: string;
  /** Where the text comes from and its licence, for the message shown after writing it. */
  source: string;
}

export interface SeccompCompareParams {
  text: string;
  /** The file's name, for the title. */
  fileName?: string;
}

export interface SeccompCompareResult {
  /** False when the text is not a seccomp profile (not a JSON object with defaultAction or syscalls). */
  isProfile: boolean;
  markdown: string;
}

/** Docker's default profile; `source` in `locale` (the server's, from the client at initialisation). */
export function seccompDefault(locale: Locale = 'en'): SeccompDefaultResult {
  return {
    fileName: DOCKER_DEFAULT_FILE_NAME,
    text: DOCKER_DEFAULT_PROFILE_TEXT,
    source: inLocale(
      t(
        "Docker's default seccomp profile as published by moby/profiles, Apache License 2.0",
        'Docker 的默认 seccomp 配置文件，由 moby/profiles 发布，Apache License 2.0',
      ),
      locale,
    ),
  };
}

/** The comparison of a profile with Docker's default, as Markdown in `locale`. */
export function seccompCompare(params: SeccompCompareParams | undefined, locale: Locale = 'en'): SeccompCompareResult {
  const text = typeof params?.text === 'string' ? params.text : '';
  const name =
    typeof params?.fileName === 'string' && params.fileName ? params.fileName : inLocale(t('This profile', '此配置文件'), locale);
  const model = parseSeccomp(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, locale);
  if (!model.objectRange || (!model.defaultAction && model.syscalls.length === 0)) {
    const why = inLocale(
      t(
        'This is not a seccomp profile: a profile is a JSON object with `defaultAction` and `syscalls`.',
        '这不是 seccomp 配置文件：配置文件是含有 `defaultAction` 和 `syscalls` 的 JSON 对象。',
      ),
      locale,
    );
    return { isProfile: false, markdown: `# ${name}\n\n${why}\n` };
  }
  return { isProfile: true, markdown: compareMarkdown(model, name, locale) };
}

export function registerSeccomp(connection: Connection, locale: () => Locale = () => 'en'): void {
  connection.onRequest('containment/seccomp.default', () => seccompDefault(locale()));
  connection.onRequest('containment/seccomp.compare', (params: SeccompCompareParams | undefined) => seccompCompare(params, locale()));
}
