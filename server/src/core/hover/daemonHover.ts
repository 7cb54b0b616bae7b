// Hover content for daemon.json: what a key does, its dockerd flag, where it applies, and for keys
// that matter to isolation the rule that checks them; plus the findings under the cursor
// (pure core layer: model and findings in, Markdown out).

import type { DaemonModel } from '../model/daemon';
import type { Finding, Position, Range } from '../types';
import { containsPosition } from '../text';
import { DAEMON_KEY_INFO, IGNORED_KEYS, REMOVED_KEYS, type DaemonKeyInfo, type DaemonValueKind } from '../knowledge/daemonKeys';
import { ruleById } from '../rules/registry';
import { docUrl } from '../rules/rule';
import { findingHover, type HoverResult } from './dockerfileHover';

/** The rules that read each key, so the hover can say why the key matters. */
export const KEY_RULES: Readonly<Record<string, readonly string[]>> = {
  'userns-remap': ['CT4003'],
  rootless: ['CT4003'],
  icc: ['CT4004'],
  bridge: ['CT4004'],
  'no-new-privileges': ['CT4005'],
  'live-restore': ['CT4006'],
  'userland-proxy': ['CT4007'],
  hosts: ['CT4008'],
  tls: ['CT4008'],
  tlsverify: ['CT4008'],
  tlscacert: ['CT4008'],
  tlscert: ['CT4008'],
  tlskey: ['CT4008'],
  'insecure-registries': ['CT4009'],
  experimental: ['CT4010'],
  'log-level': ['CT4011'],
  debug: ['CT4011'],
  'seccomp-profile': ['CT4012', 'CT4013'],
  'selinux-enabled': ['CT4014'],
  'default-ulimits': ['CT4015'],
  iptables: ['CT4016'],
  'log-driver': ['CT4017'],
  'log-opts': ['CT4017'],
};

const KIND_TEXT: Record<DaemonValueKind, string> = {
  string: 'string',
  boolean: 'true or false',
  integer: 'whole number',
  strings: 'array of strings',
  stringOrStrings: 'string or array of strings',
  bytes: 'size ("64M") or number of bytes',
  stringMap: 'object of strings',
  stringMapMap: 'object of objects of strings',
  boolMap: 'object of true/false',
  ulimits: 'object of { "Name", "Soft", "Hard" }',
  runtimes: 'object of { "path" | "runtimeType", ... }',
  addressPools: 'array of { "base", "size" }',
  proxies: 'object with "http-proxy", "https-proxy", "no-proxy"',
  object: 'object',
};

function firstSentences(text: string, n: number): string {
  // A sentence ends at . ! or ? before white space or the end: dots inside words (daemon.json, 23.0) do not end it.
  const parts = text.match(/(?:[^.!?]|[.!?]+(?!\s|$))+[.!?]*(?:\s+|$)/g) ?? [text];
  return parts.slice(0, n).join('').trim();
}

function describe(info: DaemonKeyInfo): string {
  const facts = [`dockerd flag: \`${info.flag}\``, info.platform === 'linux' ? 'Linux only' : 'Linux and Windows'];
  if (info.since) facts.push(`since Engine ${info.since}`);
  const parts = [`**\`${info.key}\`** (${KIND_TEXT[info.kind]}): ${info.description}`, facts.join(' · ')];
  if (info.values) parts.push(`Accepted values: ${info.values.map((v) => `\`${v}\``).join(', ')}.`);
  if (info.deprecated) parts.push(`**Deprecated:** ${info.deprecated}`);
  if (info.note) parts.push(info.note);
  for (const id of KEY_RULES[info.key] ?? []) {
    const rule = ruleById(id);
    if (!rule) continue;
    parts.push(
      `**Why it matters (${rule.meta.id} ${rule.meta.name}):** ${firstSentences(rule.meta.explanation, 2)} [More](${docUrl(rule.meta.id)})`,
    );
  }
  return parts.join('\n\n');
}

function describeOther(key: string): string | undefined {
  const ignored = IGNORED_KEYS.get(key);
  if (ignored) return `**\`${key}\`**: a dockerd flag name that daemon.json accepts but ignores: ${ignored.reason}.`;
  const removed = REMOVED_KEYS.get(key);
  if (removed) {
    const when = removed.removed === 'every release' ? 'dockerd refuses this key' : `removed in Engine ${removed.removed}`;
    return `**\`${key}\`**: ${when}; ${removed.instead}.`;
  }
  return undefined;
}

export function daemonHover(model: DaemonModel, findings: Finding[], pos: Position): HoverResult | undefined {
  const parts: string[] = [];
  let range: Range | undefined;
  const prop = model.props.find((p) => containsPosition(p.keyRange, pos));
  if (prop) {
    const info = DAEMON_KEY_INFO.get(prop.key);
    const text = info ? describe(info) : describeOther(prop.key);
    if (text) {
      parts.push(text);
      range = prop.keyRange;
    }
  }
  for (const f of findings) {
    if (!containsPosition(f.range, pos)) continue;
    const text = findingHover(f);
    if (text && !parts.includes(text)) parts.push(text);
  }
  if (parts.length === 0) return undefined;
  return { markdown: parts.join('\n\n---\n\n'), range };
}
