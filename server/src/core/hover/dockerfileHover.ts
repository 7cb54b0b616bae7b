// Hover content for Dockerfiles: instructions, RUN flags and the findings under the cursor
// (pure core layer: model and findings in, Markdown out).

import type { ImageModel } from '../model/image';
import type { Finding, Position, Range } from '../types';
import { containsPosition } from '../text';
import { INSTRUCTIONS, RUN_FLAGS, type Explanation } from '../knowledge/dockerfile';
import { ruleById } from '../rules/registry';
import { docUrl } from '../rules/rule';
import type { Lang } from '../knowledge/concepts';
import { capabilityHoverAt } from './conceptHover';

export interface HoverResult {
  markdown: string;
  range?: Range;
}

function firstSentences(text: string, n: number): string {
  // A sentence ends at . ! or ? before white space or the end: dots inside words (daemon.json, 23.0) do not end it.
  const parts = text.match(/(?:[^.!?]|[.!?]+(?!\s|$))+[.!?]*(?:\s+|$)/g) ?? [text];
  return parts.slice(0, n).join('').trim();
}

function render(e: Explanation, lang: Lang): string {
  const zh = lang === 'zh-CN' ? e.zh : undefined;
  return `**${zh?.title ?? e.title}**\n\n${zh?.body ?? e.body}\n\n[${zh ? 'Dockerfile 参考文档' : 'Dockerfile reference'}](${e.url})`;
}

/** Markdown explaining a finding: what the rule checks, why, and what to do (`meta.zh` in Chinese). */
export function findingHover(f: Finding, lang: Lang = 'en'): string | undefined {
  const rule = ruleById(f.ruleId);
  if (!rule) return undefined;
  const m = rule.meta;
  const zh = lang === 'zh-CN' ? m.zh : undefined;
  if (zh)
    return `**${m.id} ${m.name}**：${zh.title}\n\n${firstSentences(zh.explanation, 2)}\n\n**怎么做：**${firstSentences(zh.remediation, 2)}\n\n[完整说明](${docUrl(m.id)})`;
  return `**${m.id} ${m.name}**: ${m.title}\n\n${firstSentences(m.explanation, 2)}\n\n**What to do:** ${firstSentences(m.remediation, 2)}\n\n[Full explanation](${docUrl(m.id)})`;
}

export function dockerfileHover(model: ImageModel, findings: Finding[], pos: Position, lang: Lang = 'en'): HoverResult | undefined {
  const parts: string[] = [];
  let range: Range | undefined;
  const instr = model.instructions.find((i) => containsPosition(i.range, pos));
  if (instr) {
    if (containsPosition(instr.keywordRange, pos)) {
      const e = INSTRUCTIONS[instr.keyword];
      if (e) {
        parts.push(render(e, lang));
        range = instr.keywordRange;
      }
    } else {
      const flag = instr.flags.find((f) => containsPosition(f.range, pos));
      if (flag && instr.keyword === 'RUN') {
        const type = flag.name === 'mount' ? (/(?:^|,)type=([a-z]+)/.exec(flag.value ?? '')?.[1] ?? 'bind') : undefined;
        const e = RUN_FLAGS[type ? `mount=${type}` : flag.name];
        if (e) {
          parts.push(render(e, lang));
          range = flag.range;
        }
      }
    }
  }
  // `CAP_*` anywhere: `setcap cap_net_bind_service=+ep`, `capsh --drop=cap_sys_admin`, comments.
  const cap = parts.length === 0 ? capabilityHoverAt(model.doc, pos, lang) : undefined;
  if (cap) {
    parts.push(cap.markdown);
    range = cap.range;
  }
  for (const f of findings) {
    if (!containsPosition(f.range, pos)) continue;
    const text = findingHover(f, lang);
    if (text && !parts.includes(text)) parts.push(text);
  }
  if (parts.length === 0) return undefined;
  return { markdown: parts.join('\n\n---\n\n'), range };
}

/** Hover for files without their own explanations yet: the findings under the cursor. */
export function findingsHover(findings: Finding[], pos: Position, lang: Lang = 'en'): HoverResult | undefined {
  const parts = findings
    .filter((f) => containsPosition(f.range, pos))
    .map((f) => findingHover(f, lang))
    .filter((t): t is string => !!t);
  return parts.length > 0 ? { markdown: [...new Set(parts)].join('\n\n---\n\n') } : undefined;
}
