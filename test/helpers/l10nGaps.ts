// What the zero-gap translation tests count as a gap (test/l10n-output.test.ts, test/l10n-cli.test.ts):
// a text meant to be Chinese that has no Chinese, is the English text, or holds English prose
// outside code spans, commands, paths and technical names.

export const CJK = /[\u4e00-\u9fff]/;

/**
 * Words that stay as written in Chinese text: product and tool names, kernel and Docker terms,
 * keys and values of the files. Anything else made of three English words in a row is prose.
 */
export const TERMS =
  /\b(Containment|Docker|Compose|Engine API|CLI|seccomp|Seccomp|SCMP_[A-Z0-9_]+|errno|EPERM|ENOSYS|moby\/profiles|Apache-2\.0|Apache License|Linux|defaultAction|syscalls|AppArmor|SELinux|user namespace|[Nn]amespace|cgroup|no-new-privileges|userns-remap|rootless|unconfined|[KMGT]iB|docker|podman|inspect|exec|status|pids|ID|capability|Capability|effective set|bounding set|effective|bounding|inode|uid|gid|root|private|none|host|bind|volume|tmpfs|ro|rw|tcp|udp|scalar|CHOWN|[A-Z_]{3,})\b/g;

/** English prose left in a text meant to be Chinese: code spans, paths, commands and terms removed. */
export function englishProse(text: string): string | undefined {
  const rest = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/(^|[\s（(，])--?[a-z][\w-]*/g, '$1 ')
    .replace(/\S*[/\\0-9=_.:@$*&|]\S*/g, ' ')
    .replace(TERMS, ' ');
  return /\b[A-Za-z]{2,}(?:[ \t,;'"()-]+[A-Za-z]{2,}){2,}\b/.exec(rest)?.[0];
}

/** Gaps of one text: not Chinese, the same as English, or with English prose. */
export function gapsOf(where: string, zh: string, en: string | undefined, gaps: string[]): void {
  if (!CJK.test(zh)) gaps.push(`${where}: no Chinese: ${zh.slice(0, 100)}`);
  else if (en !== undefined && zh === en) gaps.push(`${where}: same as English: ${zh.slice(0, 100)}`);
  else {
    const prose = englishProse(zh);
    if (prose) gaps.push(`${where}: English "${prose}" in: ${zh.slice(0, 100)}`);
  }
}
