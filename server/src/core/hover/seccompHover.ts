// Hover content for seccomp profiles: what a key, an action, a comparison, an architecture or a
// flag means; for a system call, which architectures have it, what Docker's default profile does
// with it and what this profile does; plus the findings under the cursor (pure core layer).

import { findNodeAtOffset, getNodePath, parseTree, type Node } from 'jsonc-parser';
import type { SeccompModel } from '../model/seccomp';
import type { Finding, Position } from '../types';
import {
  HOST_ARCHES,
  NATIVE_ARCHES,
  SECCOMP_ACTIONS,
  SECCOMP_ARCHES,
  SECCOMP_DOCS,
  SECCOMP_FLAGS,
  SECCOMP_KEY_DOCS,
  SECCOMP_MAN,
  SECCOMP_OPERATORS,
  archesOf,
  describeDocker,
  isKnownSyscall,
  type HostArch,
} from '../knowledge/seccomp';
import { defaultContainer, evaluate, hostsOf } from '../model/seccompEval';
import { findingsHover, type HoverResult } from './dockerfileHover';

/** clone(2)/unshare(2) flags worth naming when a number is hovered in their conditions. */
const CLONE_FLAGS: [number, string][] = [
  [0x00000080, 'CLONE_NEWTIME'],
  [0x00000100, 'CLONE_VM'],
  [0x00000200, 'CLONE_FS'],
  [0x00000400, 'CLONE_FILES'],
  [0x00000800, 'CLONE_SIGHAND'],
  [0x00010000, 'CLONE_THREAD'],
  [0x00020000, 'CLONE_NEWNS'],
  [0x02000000, 'CLONE_NEWCGROUP'],
  [0x04000000, 'CLONE_NEWUTS'],
  [0x08000000, 'CLONE_NEWIPC'],
  [0x10000000, 'CLONE_NEWUSER'],
  [0x20000000, 'CLONE_NEWPID'],
  [0x40000000, 'CLONE_NEWNET'],
];

const ARCH_LABEL: Record<string, string> = { x86_64: 'x86-64', x86: '32-bit x86', x32: 'x32', aarch64: '64-bit ARM', arm: '32-bit ARM' };

function syscallHover(model: SeccompModel, name: string): string {
  const parts = [`**\`${name}\`** (system call)`];
  const on = archesOf(name);
  if (on.length > 0) parts.push(`Exists on: ${on.map((a) => ARCH_LABEL[a] ?? a).join(', ')}.`);
  else if (isKnownSyscall(name))
    parts.push("Exists on architectures Containment has no table for (it is named in Docker's default profile).");
  else return `${parts[0]}\n\nNot a system call on any architecture Containment knows: runc skips it without a message.`;
  parts.push(describeDocker(name));
  const here: string[] = [];
  for (const host of hostsOf(model)) {
    const e = evaluate(model, name, defaultContainer(host));
    const where = e.entry ? ` by syscalls[${e.entry.position}]` : ' by defaultAction';
    const verdict = e.verdict === 'allowed' ? 'allowed' : e.verdict === 'blocked' ? 'refused' : 'allowed for some arguments';
    here.push(`${HOST_ARCHES[host].label}: ${verdict}${where}`);
  }
  if (here.length > 0) parts.push(`In this profile, for a container with Docker's default capabilities: ${here.join('; ')}.`);
  parts.push(`[man page](https://man7.org/linux/man-pages/man2/${encodeURIComponent(name)}.2.html)`);
  return parts.join('\n\n');
}

function numberHover(node: Node, model: SeccompModel, entryIndex: number | undefined): string | undefined {
  const v = typeof node.value === 'number' ? node.value : undefined;
  if (v === undefined || !Number.isSafeInteger(v) || v < 0) return undefined;
  const rule = model.syscalls.find((r) => r.position === entryIndex);
  const parts = [`${v} = 0x${v.toString(16)}`];
  if (rule?.names.some((n) => n.value === 'clone' || n.value === 'unshare' || n.value === 'clone3')) {
    const flags = CLONE_FLAGS.filter(([bit]) => (v & bit) !== 0).map(([, n]) => n);
    if (flags.length > 0)
      parts.push(
        `As clone/unshare flags: ${flags.join(' | ')}${(v & 0x7e020080) === 0x7e020000 ? ' (every namespace flag of clone)' : ''}.`,
      );
  }
  return parts.join('\n\n');
}

function valueHover(model: SeccompModel, node: Node, path: (string | number)[]): string | undefined {
  const last = path[path.length - 1];
  const parentKey = typeof last === 'number' ? path[path.length - 2] : last;
  const entryIndex = path[0] === 'syscalls' && typeof path[1] === 'number' ? path[1] : undefined;
  if (node.type === 'number') return numberHover(node, model, entryIndex);
  if (node.type !== 'string') return undefined;
  const value = String(node.value);
  if (parentKey === 'defaultAction' || parentKey === 'action') {
    const text = SECCOMP_ACTIONS[value];
    return text ? `**${value}**: ${text}\n\n[seccomp(2)](${SECCOMP_MAN})` : undefined;
  }
  if (parentKey === 'op') {
    const text = SECCOMP_OPERATORS[value];
    return text ? `**${value}** ${text}.` : undefined;
  }
  if (parentKey === 'architectures' || parentKey === 'architecture' || parentKey === 'subArchitectures') {
    const a = SECCOMP_ARCHES[value];
    if (!a) return undefined;
    const host = (Object.keys(HOST_ARCHES) as HostArch[]).find((h) => HOST_ARCHES[h].scmp.includes(value as never));
    return `**${value}**: the ${a.label} system call ABI (\`${a.native}\` in \`includes.arches\`).${host ? ` Docker covers it on ${HOST_ARCHES[host].label}, together with ${HOST_ARCHES[host].scmp.filter((s) => s !== value).join(' and ')}.` : ''}`;
  }
  if (parentKey === 'arches') {
    return NATIVE_ARCHES.has(value)
      ? `**${value}**: matches when the Docker host's architecture is ${value}. moby compares this with the host, not with the ABI of each call.`
      : undefined;
  }
  if (parentKey === 'caps')
    return `**${value}**: compared with the container's capabilities (its bounding set), as Docker computes them from \`cap_add\`/\`cap_drop\`.`;
  if (parentKey === 'flags') {
    const text = SECCOMP_FLAGS[value];
    return text ? `**${value}**: ${text}` : undefined;
  }
  if (parentKey === 'names' || parentKey === 'name') return syscallHover(model, value);
  return undefined;
}

export function hoverAt(model: SeccompModel, findings: Finding[], pos: Position): HoverResult | undefined {
  const offset = model.doc.offsetAt(pos);
  const root = parseTree(model.doc.text, [], { disallowComments: false, allowTrailingComma: true });
  const node = root ? findNodeAtOffset(root, offset, true) : undefined;
  const parts: string[] = [];
  let range;
  if (node) {
    const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
    const path = getNodePath(node);
    const text = isKey ? SECCOMP_KEY_DOCS[String(node.value)] : valueHover(model, node, path);
    if (text) {
      parts.push(isKey ? `**\`${String(node.value)}\`**: ${text}\n\n[Seccomp profiles for Docker](${SECCOMP_DOCS})` : text);
      range = model.doc.rangeOf(node.offset, node.offset + node.length);
    }
  }
  const f = findingsHover(findings, pos);
  if (f) parts.push(f.markdown);
  return parts.length > 0 ? { markdown: parts.join('\n\n---\n\n'), range } : undefined;
}
