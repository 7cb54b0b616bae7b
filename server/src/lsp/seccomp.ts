// Custom requests behind the seccomp commands: Docker's default profile as published (to write
// into the workspace) and the comparison of a profile with it (adapter layer; the work is in core).

import type { Connection } from 'vscode-languageserver/node';
import { DOCKER_DEFAULT_FILE_NAME, DOCKER_DEFAULT_PROFILE_TEXT } from '../core/knowledge/seccomp';
import { parseSeccomp } from '../core/parse/seccomp';
import { compareMarkdown } from '../core/seccompCompare';

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

export function seccompDefault(): SeccompDefaultResult {
  return {
    fileName: DOCKER_DEFAULT_FILE_NAME,
    text: DOCKER_DEFAULT_PROFILE_TEXT,
    source: "Docker's default seccomp profile as published by moby/profiles, Apache License 2.0",
  };
}

export function seccompCompare(params: SeccompCompareParams | undefined): SeccompCompareResult {
  const text = typeof params?.text === 'string' ? params.text : '';
  const name = typeof params?.fileName === 'string' && params.fileName ? params.fileName : 'This profile';
  const model = parseSeccomp(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!model.objectRange || (!model.defaultAction && model.syscalls.length === 0)) {
    return {
      isProfile: false,
      markdown: `# ${name}\n\nThis is not a seccomp profile: a profile is a JSON object with \`defaultAction\` and \`syscalls\`.\n`,
    };
  }
  return { isProfile: true, markdown: compareMarkdown(model, name) };
}

export function registerSeccomp(connection: Connection): void {
  connection.onRequest('containment/seccomp.default', () => seccompDefault());
  connection.onRequest('containment/seccomp.compare', (params: SeccompCompareParams | undefined) => seccompCompare(params));
}
