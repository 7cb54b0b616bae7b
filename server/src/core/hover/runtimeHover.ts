// Hover for Compose files and `docker run` lines: what the key or flag under the cursor does, the
// same setting in the other syntax, the effective capability set on cap_add/cap_drop, and the
// findings there (pure core layer).

import type { RuntimeDocModel } from '../model/runtimeDoc';
import type { RuntimeSpec } from '../model/runtime';
import { DOCKER_DEFAULT_CAPS, effectiveCaps } from '../model/capabilities';
import { renderSetting, settingForComposeKey, settingForFlag } from '../knowledge/runtime';
import { composeKeyAt } from '../parse/compose';
import type { DockerRunDocModel } from '../parse/dockerRun';
import { containsPosition } from '../text';
import type { Finding, Position, Range } from '../types';
import { findingHover, type HoverResult } from './dockerfileHover';
import type { Lang } from '../knowledge/concepts';
import { capabilityHoverAt, securityOptionHover, settingConceptLink } from './conceptHover';

/** `--cap-add` adds and drops summed up: what the container can actually do. */
function capabilitySummary(spec: RuntimeSpec, lang: Lang): string {
  const known = (vals: { value: string; unknown?: boolean }[]) => vals.filter((v) => !v.unknown).map((v) => v.value);
  const caps = effectiveCaps(known(spec.capAdd), known(spec.capDrop), spec.privileged?.value === true);
  const list = [...caps].sort();
  const added = list.filter((c) => !(DOCKER_DEFAULT_CAPS as readonly string[]).includes(c));
  const dropped = DOCKER_DEFAULT_CAPS.filter((c) => !caps.has(c));
  const names = (xs: readonly string[]) => xs.map((c) => `\`${c}\``).join(' ');
  const zh = lang === 'zh-CN';
  const lines = [
    zh
      ? `**${spec.label} 实际拥有的 capability**（${list.length} 个）：${list.length > 0 ? names(list) : '无'}`
      : `**Effective capabilities of ${spec.label}** (${list.length}): ${list.length > 0 ? names(list) : 'none'}`,
  ];
  if (added.length > 0) lines.push(`${zh ? '在 Docker 默认的 14 个之外添加：' : "Added beyond Docker's default 14: "}${names(added)}`);
  if (dropped.length > 0 && dropped.length < DOCKER_DEFAULT_CAPS.length)
    lines.push(`${zh ? '从默认的 14 个中去掉：' : 'Dropped from the default 14: '}${names(dropped)}`);
  if (spec.capAdd.some((v) => v.unknown) || spec.capDrop.some((v) => v.unknown))
    lines.push(zh ? '部分值使用了变量，未计入。' : 'Some values use variables and are not counted.');
  return lines.join('\n\n');
}

function specAtLine(model: RuntimeDocModel, line: number): RuntimeSpec | undefined {
  return model.specs.find((s) => {
    if (s.anchor.kind !== 'source') return false;
    const start = s.anchor.range.start.line;
    return line >= start && line <= model.statementSpan(start);
  });
}

function composeHover(model: RuntimeDocModel, pos: Position, lang: Lang): HoverResult | undefined {
  const hit = composeKeyAt(model, pos);
  if (!hit || hit.path[0] !== 'services' || hit.path.length < 3) return undefined;
  const service = hit.path[1];
  const keys = hit.path.slice(2).filter((k) => !/^\d+$/.test(k));
  // A value of cap_add/cap_drop names a capability, with or without CAP_.
  if (hit.on === 'value' && (keys[0] === 'cap_add' || keys[0] === 'cap_drop')) {
    const cap = capabilityHoverAt(model.doc, pos, lang, true);
    if (cap) return cap;
  }
  // A security option names a mechanism with its own concept: seccomp, AppArmor, SELinux labels, no-new-privileges.
  if (hit.on === 'value' && keys[0] === 'security_opt' && hit.text) {
    const opt = securityOptionHover(hit.text, hit.range, lang);
    if (opt) return opt;
  }
  // The longest known key path wins: deploy.resources.limits.memory before deploy.
  for (let n = keys.length; n > 0; n--) {
    const setting = settingForComposeKey(keys.slice(0, n).join('.'));
    if (!setting) continue;
    const parts = [renderSetting(setting, 'compose', lang)];
    if (keys[0] === 'cap_add' || keys[0] === 'cap_drop' || keys[0] === 'privileged') {
      const spec = model.specs.find((s) => s.label === `service "${service}"`);
      if (spec) parts.push(capabilitySummary(spec, lang));
    }
    const link = settingConceptLink('compose', [keys.slice(0, n).join('.')], lang);
    if (link) parts.push(link);
    return { markdown: parts.join('\n\n'), range: hit.range };
  }
  return undefined;
}

function dockerRunHover(model: RuntimeDocModel, pos: Position, lang: Lang): HoverResult | undefined {
  const m = model as Partial<DockerRunDocModel>;
  const flag = typeof m.flagAt === 'function' ? m.flagAt(pos) : undefined;
  if (!flag) return undefined;
  // The argument of --cap-add/--cap-drop names a capability (the flag's own words do not).
  if (flag.flag === '--cap-add' || flag.flag === '--cap-drop') {
    const cap = capabilityHoverAt(model.doc, pos, lang, true);
    if (cap) return cap;
  }
  // On the argument of --security-opt (past the option's own name): the concept of the option it sets.
  if (
    flag.flag === '--security-opt' &&
    flag.value &&
    model.doc.offsetAt(pos) - model.doc.offsetAt(flag.range.start) > flag.written.length
  ) {
    const opt = securityOptionHover(flag.value, flag.range, lang);
    if (opt) return opt;
  }
  const setting = settingForFlag(flag.flag) ?? settingForFlag(flag.written);
  if (!setting) return undefined;
  const parts = [renderSetting(setting, 'flag', lang)];
  if (flag.flag === '--cap-add' || flag.flag === '--cap-drop' || flag.flag === '--privileged') {
    const spec = specAtLine(model, pos.line);
    if (spec) parts.push(capabilitySummary(spec, lang));
  }
  const link = settingConceptLink('flag', [flag.flag, flag.written], lang);
  if (link) parts.push(link);
  return { markdown: parts.join('\n\n'), range: flag.range };
}

export function runtimeHover(model: RuntimeDocModel, findings: Finding[], pos: Position, lang: Lang = 'en'): HoverResult | undefined {
  const parts: string[] = [];
  let range: Range | undefined;
  const own =
    model.hoverAt?.(pos) ??
    (model.kind === 'compose' ? composeHover(model, pos, lang) : dockerRunHover(model, pos, lang)) ??
    // `CAP_*` anywhere else: comments, Markdown prose, `capsh --drop=cap_sys_admin`.
    capabilityHoverAt(model.doc, pos, lang);
  if (own) {
    parts.push(own.markdown);
    range = own.range;
  }
  for (const f of findings) {
    if (!containsPosition(f.range, pos)) continue;
    const text = findingHover(f, lang);
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.length > 0 ? { markdown: parts.join('\n\n---\n\n'), range } : undefined;
}
