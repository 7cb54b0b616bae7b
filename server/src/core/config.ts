// Containment's configuration: the `.containment.yaml` file shared by the editor and the CLI,
// and per-rule severities (pure core layer: the caller reads the file, this parses it).

import { parse as parseYaml } from 'yaml';
import type { Severity, SeveritySetting } from './types';

export const CONFIG_FILE_NAMES = ['.containment.yaml', '.containment.yml', '.containment.json'];

export interface Config {
  /** Rule id or name → severity or "off". */
  rules: Record<string, SeveritySetting>;
  /** Glob patterns (relative to the config file) the CLI does not lint. */
  ignore: string[];
}

export const EMPTY_CONFIG: Config = { rules: {}, ignore: [] };

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

export interface ConfigProblem {
  message: string;
}

/** Parses a config file's text; problems are returned, never thrown, so a bad file cannot stop linting. */
export function parseConfig(text: string): { config: Config; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100, prettyErrors: true });
  } catch (e) {
    return { config: EMPTY_CONFIG, problems: [{ message: `cannot parse: ${(e as Error).message.split('\n')[0]}` }] };
  }
  if (data === null || data === undefined) return { config: EMPTY_CONFIG, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { config: EMPTY_CONFIG, problems: [{ message: 'the top level must be a mapping with `rules` and `ignore`' }] };
  }
  const obj = data as Record<string, unknown>;
  const config: Config = { rules: {}, ignore: [] };
  for (const key of Object.keys(obj)) {
    if (key !== 'rules' && key !== 'ignore') problems.push({ message: `unknown key \`${key}\` (expected \`rules\` or \`ignore\`)` });
  }
  config.rules = normalizeRuleSettings(obj.rules, problems);
  if (obj.ignore !== undefined) {
    if (Array.isArray(obj.ignore) && obj.ignore.every((g) => typeof g === 'string')) config.ignore = obj.ignore;
    else problems.push({ message: '`ignore` must be a list of glob patterns' });
  }
  return { config, problems };
}

/** Accepts `{ CT1001: "off" }` from the config file or the `containment.rules` setting. */
export function normalizeRuleSettings(value: unknown, problems: ConfigProblem[] = []): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ message: '`rules` must be a mapping from rule id to off, info, warning or error' });
    return out;
  }
  for (const [id, sev] of Object.entries(value as Record<string, unknown>)) {
    const s = typeof sev === 'string' ? sev.toLowerCase() : sev === false ? 'off' : String(sev);
    if (SEVERITIES.has(s)) out[id] = s as SeveritySetting;
    else problems.push({ message: `rule \`${id}\`: \`${String(sev)}\` is not one of off, info, warning, error` });
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
