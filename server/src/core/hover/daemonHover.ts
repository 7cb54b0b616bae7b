// Hover content for daemon.json: what a key does, its dockerd flag, where it applies, and for keys
// that matter to isolation the rule that checks them; plus the findings under the cursor
// (pure core layer: model and findings in, Markdown out). English or Simplified Chinese.

import type { DaemonModel } from '../model/daemon';
import { t, type Finding, type Localized, type Position, type Range } from '../types';
import { containsPosition } from '../text';
import { DAEMON_KEY_INFO, IGNORED_KEYS, REMOVED_KEYS, type DaemonKeyInfo, type DaemonValueKind } from '../knowledge/daemonKeys';
import type { Lang } from '../knowledge/concepts';
import { ruleById } from '../rules/registry';
import { DOCS_BASE, docUrl, type Rule } from '../rules/rule';
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

const KIND_TEXT: Record<DaemonValueKind, Localized> = {
  string: t('string', '字符串'),
  boolean: t('true or false', 'true 或 false'),
  integer: t('whole number', '整数'),
  strings: t('array of strings', '字符串数组'),
  stringOrStrings: t('string or array of strings', '字符串或字符串数组'),
  bytes: t('size ("64M") or number of bytes', '大小（"64M"）或字节数'),
  stringMap: t('object of strings', '值为字符串的对象'),
  stringMapMap: t('object of objects of strings', '值为字符串对象的对象'),
  boolMap: t('object of true/false', '值为 true/false 的对象'),
  ulimits: t('object of { "Name", "Soft", "Hard" }', '值为 { "Name", "Soft", "Hard" } 的对象'),
  runtimes: t('object of { "path" | "runtimeType", ... }', '值为 { "path" | "runtimeType", ... } 的对象'),
  addressPools: t('array of { "base", "size" }', '由 { "base", "size" } 组成的数组'),
  proxies: t('object with "http-proxy", "https-proxy", "no-proxy"', '包含 "http-proxy"、"https-proxy"、"no-proxy" 的对象'),
  object: t('object', '对象'),
};

/** The hover's own words. */
const L = {
  flag: t('dockerd flag', 'dockerd 参数'),
  linuxOnly: t('Linux only', '仅限 Linux'),
  linuxAndWindows: t('Linux and Windows', 'Linux 和 Windows'),
  accepted: t('Accepted values', '可接受的值'),
  deprecated: t('Deprecated', '已弃用'),
  whyItMatters: t('Why it matters', '为什么重要'),
  more: t('More', '详细说明'),
  whatToDo: t('What to do', '怎么做'),
  fullText: t('Full explanation', '完整说明'),
};

function firstSentences(text: string, n: number): string {
  // A sentence ends at . ! or ? before white space or the end: dots inside words (daemon.json, 23.0) do not end it.
  const parts = text.match(/(?:[^.!?]|[.!?]+(?!\s|$))+[.!?]*(?:\s+|$)/g) ?? [text];
  return parts.slice(0, n).join('').trim();
}

/** The same for Chinese text, whose sentences end at a full-width 。！？ (and any closing bracket after it). */
function firstSentencesZh(text: string, n: number): string {
  const parts = text.match(/[^。！？]+(?:[。！？]+[）」』]*|$)/g) ?? [text];
  return parts.slice(0, n).join('').trim();
}

/** A rule's explanation and remediation in the hover's language, its doc page in that language. */
function ruleText(rule: Rule, lang: Lang): { title: string; why: string; todo: string; url: string } {
  const m = rule.meta;
  if (lang === 'zh-CN' && m.zh) {
    return {
      title: m.zh.title,
      why: firstSentencesZh(m.zh.explanation, 2),
      todo: firstSentencesZh(m.zh.remediation, 2),
      url: `${DOCS_BASE}zh-CN/${m.id}.md`,
    };
  }
  return { title: m.title, why: firstSentences(m.explanation, 2), todo: firstSentences(m.remediation, 2), url: docUrl(m.id) };
}

function describe(info: DaemonKeyInfo, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const tr = (x: Localized) => x[lang];
  const [colon, stop, comma] = zh ? ['：', '。', '、'] : [': ', '.', ', '];
  const facts = [`${tr(L.flag)}${colon}\`${info.flag}\``, tr(info.platform === 'linux' ? L.linuxOnly : L.linuxAndWindows)];
  if (info.since) facts.push(zh ? `自 Engine ${info.since} 起` : `since Engine ${info.since}`);
  const kind = zh ? `（${tr(KIND_TEXT[info.kind])}）` : ` (${tr(KIND_TEXT[info.kind])})`;
  const parts = [`**\`${info.key}\`**${kind}${colon}${tr(info.description)}`, facts.join(' · ')];
  if (info.values) parts.push(`${tr(L.accepted)}${colon}${info.values.map((v) => `\`${v}\``).join(comma)}${stop}`);
  if (info.deprecated) parts.push(`**${tr(L.deprecated)}${zh ? '：' : ':'}**${zh ? '' : ' '}${tr(info.deprecated)}`);
  if (info.note) parts.push(tr(info.note));
  for (const id of KEY_RULES[info.key] ?? []) {
    const rule = ruleById(id);
    if (!rule) continue;
    const text = ruleText(rule, lang);
    parts.push(
      zh
        ? `**${tr(L.whyItMatters)}（${rule.meta.id} ${rule.meta.name}）：**${text.why} [${tr(L.more)}](${text.url})`
        : `**${tr(L.whyItMatters)} (${rule.meta.id} ${rule.meta.name}):** ${text.why} [${tr(L.more)}](${text.url})`,
    );
  }
  return parts.join('\n\n');
}

function describeOther(key: string, lang: Lang): string | undefined {
  const zh = lang === 'zh-CN';
  const ignored = IGNORED_KEYS.get(key);
  if (ignored) {
    return zh
      ? `**\`${key}\`**：daemon.json 接受但会忽略的 dockerd 命令行参数名：${ignored.reason['zh-CN']}。`
      : `**\`${key}\`**: a dockerd flag name that daemon.json accepts but ignores: ${ignored.reason.en}.`;
  }
  const removed = REMOVED_KEYS.get(key);
  if (removed) {
    const always = removed.removed === 'every release';
    if (zh) {
      const when = always ? 'dockerd 拒绝这个键' : `已在 Engine ${removed.removed} 中移除`;
      return `**\`${key}\`**：${when}；${removed.instead['zh-CN']}。`;
    }
    const when = always ? 'dockerd refuses this key' : `removed in Engine ${removed.removed}`;
    return `**\`${key}\`**: ${when}; ${removed.instead.en}.`;
  }
  return undefined;
}

/** A finding under the cursor: in English the shared hover, in Chinese the same parts from the rule's zh text. */
function findingText(f: Finding, lang: Lang): string | undefined {
  const rule = ruleById(f.ruleId);
  if (lang !== 'zh-CN' || !rule?.meta.zh) return findingHover(f);
  const text = ruleText(rule, lang);
  return `**${rule.meta.id} ${rule.meta.name}**：${text.title}\n\n${text.why}\n\n**${L.whatToDo['zh-CN']}：**${text.todo}\n\n[${L.fullText['zh-CN']}](${text.url})`;
}

/** Hover for daemon.json in the client's language (English unless `lang` says otherwise). */
export function daemonHover(model: DaemonModel, findings: Finding[], pos: Position, lang: Lang = 'en'): HoverResult | undefined {
  const parts: string[] = [];
  let range: Range | undefined;
  const prop = model.props.find((p) => containsPosition(p.keyRange, pos));
  if (prop) {
    const info = DAEMON_KEY_INFO.get(prop.key);
    const text = info ? describe(info, lang) : describeOther(prop.key, lang);
    if (text) {
      parts.push(text);
      range = prop.keyRange;
    }
  }
  for (const f of findings) {
    if (!containsPosition(f.range, pos)) continue;
    const text = findingText(f, lang);
    if (text && !parts.includes(text)) parts.push(text);
  }
  if (parts.length === 0) return undefined;
  return { markdown: parts.join('\n\n---\n\n'), range };
}
