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
  SECCOMP_ACTIONS_ZH,
  SECCOMP_ARCHES,
  SECCOMP_DOCS,
  SECCOMP_FLAGS,
  SECCOMP_FLAGS_ZH,
  SECCOMP_KEY_DOCS,
  SECCOMP_KEY_DOCS_ZH,
  SECCOMP_MAN,
  SECCOMP_OPERATORS,
  SECCOMP_OPERATORS_ZH,
  archesOf,
  describeDocker,
  describeDockerZh,
  isKnownSyscall,
  syscallPurpose,
  type HostArch,
} from '../knowledge/seccomp';
import { defaultContainer, evaluate, hostsOf } from '../model/seccompEval';
import { findingsHover, type HoverResult } from './dockerfileHover';
import type { Lang } from '../knowledge/concepts';

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

/** An architecture label in Simplified Chinese: `32-bit x86` → `32 位 x86`. */
function archLabelZh(label: string): string {
  return label
    .replace(' (32-bit pointers on x86-64)', '（x86-64 上的 32 位指针）')
    .replace(' (IBM Z)', '（IBM Z）')
    .replace(/-bit /g, ' 位 ')
    .replace(' little-endian', ' 小端');
}

function syscallHoverZh(model: SeccompModel, name: string): string {
  const parts = [`**\`${name}\`**（系统调用）`];
  const purpose = syscallPurpose(name);
  if (purpose) parts.push(purpose['zh-CN']);
  const on = archesOf(name);
  if (on.length > 0) parts.push(`存在于：${on.map((a) => archLabelZh(ARCH_LABEL[a] ?? a)).join('、')}。`);
  else if (isKnownSyscall(name)) parts.push('存在于 Containment 没有系统调用表的架构上（Docker 的默认配置文件列出了它）。');
  else return `${parts[0]}\n\n在 Containment 知道的任何架构上都不是系统调用：runc 会不加提示地跳过它。`;
  parts.push(describeDockerZh(name));
  const here: string[] = [];
  for (const host of hostsOf(model)) {
    const e = evaluate(model, name, defaultContainer(host));
    const where = e.entry ? `由 syscalls[${e.entry.position}] ` : '由 defaultAction ';
    const verdict = e.verdict === 'allowed' ? '允许' : e.verdict === 'blocked' ? '拒绝' : '对部分参数允许';
    here.push(`${HOST_ARCHES[host].labelZh}：${where}${verdict}`);
  }
  if (here.length > 0) parts.push(`在这个配置文件中，对于具有 Docker 默认权能的容器：${here.join('；')}。`);
  parts.push(`[手册页](https://man7.org/linux/man-pages/man2/${encodeURIComponent(name)}.2.html)`);
  return parts.join('\n\n');
}

function syscallHover(model: SeccompModel, name: string, lang: Lang): string {
  if (lang === 'zh-CN') return syscallHoverZh(model, name);
  const parts = [`**\`${name}\`** (system call)`];
  const purpose = syscallPurpose(name);
  if (purpose) parts.push(purpose.en);
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

function numberHover(node: Node, model: SeccompModel, entryIndex: number | undefined, lang: Lang): string | undefined {
  const v = typeof node.value === 'number' ? node.value : undefined;
  if (v === undefined || !Number.isSafeInteger(v) || v < 0) return undefined;
  const rule = model.syscalls.find((r) => r.position === entryIndex);
  const parts = [`${v} = 0x${v.toString(16)}`];
  if (rule?.names.some((n) => n.value === 'clone' || n.value === 'unshare' || n.value === 'clone3')) {
    const flags = CLONE_FLAGS.filter(([bit]) => (v & bit) !== 0).map(([, n]) => n);
    if (flags.length > 0)
      parts.push(
        lang === 'zh-CN'
          ? `作为 clone/unshare 的 flags：${flags.join(' | ')}${(v & 0x7e020080) === 0x7e020000 ? '（clone 的全部命名空间标志）' : ''}。`
          : `As clone/unshare flags: ${flags.join(' | ')}${(v & 0x7e020080) === 0x7e020000 ? ' (every namespace flag of clone)' : ''}.`,
      );
  }
  return parts.join('\n\n');
}

function valueHover(model: SeccompModel, node: Node, path: (string | number)[], lang: Lang): string | undefined {
  const zh = lang === 'zh-CN';
  const last = path[path.length - 1];
  const parentKey = typeof last === 'number' ? path[path.length - 2] : last;
  const entryIndex = path[0] === 'syscalls' && typeof path[1] === 'number' ? path[1] : undefined;
  if (node.type === 'number') return numberHover(node, model, entryIndex, lang);
  if (node.type !== 'string') return undefined;
  const value = String(node.value);
  if (parentKey === 'defaultAction' || parentKey === 'action') {
    const text = (zh ? SECCOMP_ACTIONS_ZH : SECCOMP_ACTIONS)[value];
    return text ? `**${value}**${zh ? '：' : ': '}${text}\n\n[seccomp(2)](${SECCOMP_MAN})` : undefined;
  }
  if (parentKey === 'op') {
    const text = (zh ? SECCOMP_OPERATORS_ZH : SECCOMP_OPERATORS)[value];
    return text ? (zh ? `**${value}**：${text}。` : `**${value}** ${text}.`) : undefined;
  }
  if (parentKey === 'architectures' || parentKey === 'architecture' || parentKey === 'subArchitectures') {
    const a = SECCOMP_ARCHES[value];
    if (!a) return undefined;
    const host = (Object.keys(HOST_ARCHES) as HostArch[]).find((h) => HOST_ARCHES[h].scmp.includes(value as never));
    if (zh)
      return `**${value}**：${archLabelZh(a.label)} 系统调用 ABI（在 \`includes.arches\` 中写作 \`${a.native}\`）。${host ? `Docker 在 ${HOST_ARCHES[host].labelZh}上覆盖它，同时覆盖 ${HOST_ARCHES[host].scmp.filter((s) => s !== value).join(' 和 ')}。` : ''}`;
    return `**${value}**: the ${a.label} system call ABI (\`${a.native}\` in \`includes.arches\`).${host ? ` Docker covers it on ${HOST_ARCHES[host].label}, together with ${HOST_ARCHES[host].scmp.filter((s) => s !== value).join(' and ')}.` : ''}`;
  }
  if (parentKey === 'arches') {
    if (zh)
      return NATIVE_ARCHES.has(value)
        ? `**${value}**：在 Docker 主机的架构为 ${value} 时匹配。moby 把它与主机比较，而不是与每个调用的 ABI 比较。`
        : undefined;
    return NATIVE_ARCHES.has(value)
      ? `**${value}**: matches when the Docker host's architecture is ${value}. moby compares this with the host, not with the ABI of each call.`
      : undefined;
  }
  if (parentKey === 'caps' && zh) return `**${value}**：与容器的权能（其边界集）比较，Docker 根据 \`cap_add\`/\`cap_drop\` 计算这些权能。`;
  if (parentKey === 'caps')
    return `**${value}**: compared with the container's capabilities (its bounding set), as Docker computes them from \`cap_add\`/\`cap_drop\`.`;
  if (parentKey === 'flags') {
    const text = (zh ? SECCOMP_FLAGS_ZH : SECCOMP_FLAGS)[value];
    return text ? `**${value}**${zh ? '：' : ': '}${text}` : undefined;
  }
  if (parentKey === 'names' || parentKey === 'name') return syscallHover(model, value, lang);
  return undefined;
}

/** Hover for a seccomp profile in the client's language (English unless `lang` says otherwise). */
export function hoverAt(model: SeccompModel, findings: Finding[], pos: Position, lang: Lang = 'en'): HoverResult | undefined {
  const zh = lang === 'zh-CN';
  const offset = model.doc.offsetAt(pos);
  const root = parseTree(model.doc.text, [], { disallowComments: false, allowTrailingComma: true });
  const node = root ? findNodeAtOffset(root, offset, true) : undefined;
  const parts: string[] = [];
  let range;
  if (node) {
    const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
    const path = getNodePath(node);
    const text = isKey ? (zh ? SECCOMP_KEY_DOCS_ZH : SECCOMP_KEY_DOCS)[String(node.value)] : valueHover(model, node, path, lang);
    if (text) {
      parts.push(
        isKey
          ? zh
            ? `**\`${String(node.value)}\`**：${text}\n\n[Docker 的 seccomp 配置文件](${SECCOMP_DOCS})`
            : `**\`${String(node.value)}\`**: ${text}\n\n[Seccomp profiles for Docker](${SECCOMP_DOCS})`
          : text,
      );
      range = model.doc.rangeOf(node.offset, node.offset + node.length);
    }
  }
  const f = findingsHover(findings, pos, lang);
  if (f) parts.push(f.markdown);
  return parts.length > 0 ? { markdown: parts.join('\n\n---\n\n'), range } : undefined;
}
