// Containment's configuration: the `.containment.yaml` file shared by the editor and the CLI,
// and per-rule severities (pure core layer: the caller reads the file, this parses it). Problems
// are worded in the analysis locale; keys and values stay as written.

import type * as Yaml from 'yaml';
import { yamlErrorZh } from './parse/compose/yamlErrors';
import { inLocale, t, type Locale, type Localized, type Severity, type SeveritySetting } from './types';

export const CONFIG_FILE_NAMES = ['.containment.yaml', '.containment.yml', '.containment.json'];

export interface Config {
  /** Rule id or name → severity or "off". */
  rules: Record<string, SeveritySetting>;
  /** Glob patterns (relative to the config file) the CLI does not lint. */
  ignore: string[];
}

export const EMPTY_CONFIG: Config = { rules: {}, ignore: [] };

/**
 * The yaml package, loaded when a config file is read: analyze() imports this module for severities,
 * and a lint without a config file (or of Dockerfiles alone) should not evaluate a YAML parser.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = () => require('yaml') as typeof Yaml;

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

export interface ConfigProblem {
  /** In the locale asked for; Markdown code spans around keys and values. */
  message: string;
}

/** Why the YAML could not be read, in both languages (the yaml package's errors are English only). */
function yamlProblem(e: unknown): Localized {
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  if (e instanceof yaml().YAMLParseError) {
    // "Map keys must be unique at line 2, column 1:" → the wording, and where.
    const m = /^(.*?) at line (\d+), column (\d+):?$/.exec(first);
    const wording = m ? m[1] : first;
    const zh = yamlErrorZh(e.code, wording);
    return t(`cannot parse: ${first}`, m ? `无法解析：第 ${m[2]} 行第 ${m[3]} 列：${zh}` : `无法解析：${zh}`);
  }
  if (/^Excessive alias count/.test(first))
    return t(`cannot parse: ${first}`, '无法解析：别名展开后的值太多（这种写法可用来耗尽资源），因此拒绝读取。');
  const alias = /^Unresolved alias \(the anchor must be set before the alias\): (.*)$/.exec(first);
  if (alias) return t(`cannot parse: ${first}`, `无法解析：别名 *${alias[1]} 没有对应的锚点（锚点必须在别名之前定义）。`);
  return t(`cannot parse: ${first}`, '无法解析：YAML 语法错误。');
}

/**
 * Parses a config file's text; problems are returned in `locale`, never thrown, so a bad file
 * cannot stop linting.
 */
export function parseConfig(text: string, locale: Locale = 'en'): { config: Config; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const say = (message: Localized) => problems.push({ message: inLocale(message, locale) });
  let data: unknown;
  try {
    data = yaml().parse(text, { maxAliasCount: 100, prettyErrors: true });
  } catch (e) {
    say(yamlProblem(e));
    return { config: EMPTY_CONFIG, problems };
  }
  if (data === null || data === undefined) return { config: EMPTY_CONFIG, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    say(t('the top level must be a mapping with `rules` and `ignore`', '顶层必须是包含 `rules` 和 `ignore` 的映射'));
    return { config: EMPTY_CONFIG, problems };
  }
  const obj = data as Record<string, unknown>;
  const config: Config = { rules: {}, ignore: [] };
  for (const key of Object.keys(obj)) {
    if (key !== 'rules' && key !== 'ignore')
      say(t(`unknown key \`${key}\` (expected \`rules\` or \`ignore\`)`, `未知的键 \`${key}\`（应为 \`rules\` 或 \`ignore\`）`));
  }
  config.rules = normalizeRuleSettings(obj.rules, problems, locale);
  if (obj.ignore !== undefined) {
    if (Array.isArray(obj.ignore) && obj.ignore.every((g) => typeof g === 'string')) config.ignore = obj.ignore;
    else say(t('`ignore` must be a list of glob patterns', '`ignore` 必须是由 glob 模式组成的列表'));
  }
  return { config, problems };
}

/** Accepts `{ CT1001: "off" }` from the config file or the `containment.rules` setting; problems in `locale`. */
export function normalizeRuleSettings(
  value: unknown,
  problems: ConfigProblem[] = [],
  locale: Locale = 'en',
): Record<string, SeveritySetting> {
  const say = (message: Localized) => problems.push({ message: inLocale(message, locale) });
  const out: Record<string, SeveritySetting> = {};
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    say(
      t(
        '`rules` must be a mapping from rule id to off, info, warning or error',
        '`rules` 必须是从规则 ID 到 off、info、warning 或 error 的映射',
      ),
    );
    return out;
  }
  for (const [id, sev] of Object.entries(value as Record<string, unknown>)) {
    const s = typeof sev === 'string' ? sev.toLowerCase() : sev === false ? 'off' : String(sev);
    if (SEVERITIES.has(s)) out[id] = s as SeveritySetting;
    else
      say(
        t(
          `rule \`${id}\`: \`${String(sev)}\` is not one of off, info, warning, error`,
          `规则 \`${id}\`：\`${String(sev)}\` 不是 off、info、warning、error 中的任何一个`,
        ),
      );
  }
  return out;
}

/** Severity of a rule after the config file and then the editor's settings have had their say. */
export function effectiveSeverity(
  id: string,
  name: string,
  defaultSeverity: Severity,
  layers: Record<string, SeveritySetting>[],
): SeveritySetting {
  let sev: SeveritySetting = defaultSeverity;
  for (const layer of layers) {
    const v = layer[id] ?? layer[name];
    if (v) sev = v;
  }
  return sev;
}
