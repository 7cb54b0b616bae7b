// The `containment` CLI: `lint` (text, JSON, SARIF), `inspect`, `explain` and `rules`, over the same
// core as the editor (CLI layer: argument parsing, files, output, exit codes). What `lint` does not
// use is imported when its command runs (the engine client for `inspect`, the knowledge base for
// `explain`): esbuild keeps such modules in the bundle but evaluates them only then, so a lint
// does not pay for them at start.

import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { analyze } from '../core/analyze';
import { CONFIG_FILE_NAMES, EMPTY_CONFIG, parseConfig, type Config } from '../core/config';
import { allRules } from '../core/rules/ruleSets';
import { fileKindOf } from '../core/fileKinds';
import { inLocale, type Locale, type Localized, type Severity } from '../core/types';
import { collectFiles } from './walk';
import { cliLang, helpText, say, UsageError } from './usage';
import { langFromEnv, parseLang } from '../core/knowledge/concepts/lang';
import type { Lang } from '../core/knowledge/concepts/types';
import { makeReadRelative } from '../io/readRelative';
import { profilesReferencedBy } from '../io/profileRefs';
import { toJson, toSarif, toText, type FileResult } from './formats';
import { stdoutIsTTY, writeStdout } from './stdout';
import type { EngineOptions } from '../engine/client';
import type { InspectOutput } from './inspectFormats';

/** The parts of the bundle this run loaded on demand, for the code cache (boot.ts, io/codeCache.ts). */
export { loadedModels as loadedParts } from '../core/rules/ruleSets';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const SEVERITY_ORDER: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

interface LintOptions {
  format: 'text' | 'json' | 'sarif';
  severity: Severity;
  /** The language of messages: --lang, else the terminal's locale. */
  lang: Lang;
  config?: string;
  output?: string;
  color: boolean;
  paths: string[];
}

function parseLintArgs(argv: string[]): LintOptions {
  const o: LintOptions = {
    format: 'text',
    severity: 'warning',
    lang: langFromEnv(process.env),
    color: stdoutIsTTY() && !process.env.NO_COLOR,
    paths: [],
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let value: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const next = () => {
      if (value !== undefined) return value;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(say.needsValue(a));
      return v;
    };
    switch (a) {
      case '-f':
      case '--format': {
        const v = next();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(say.unknownFormat(v));
        o.format = v;
        break;
      }
      case '-s':
      case '--severity': {
        const v = next();
        if (v !== 'info' && v !== 'warning' && v !== 'error') throw new UsageError(say.unknownSeverity(v));
        o.severity = v;
        break;
      }
      case '-c':
      case '--config':
        o.config = next();
        break;
      case '-o':
      case '--output':
        o.output = next();
        break;
      case '--lang': {
        const v = next();
        const lang = parseLang(v);
        if (!lang) throw new UsageError(say.unknownLanguage(v));
        o.lang = lang;
        break;
      }
      case '--no-color':
        o.color = false;
        break;
      case '--color':
        o.color = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(say.unknownOption(a));
        o.paths.push(argv[i]);
    }
  }
  return o;
}

function findConfig(start: string): string | undefined {
  let dir = start;
  for (let depth = 0; depth < 64; depth++) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

function isFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
}

function lint(argv: string[], cwd: string, out: (s: string) => void, err: (s: string) => void): number {
  const opts = parseLintArgs(argv);
  const tell = (text: Localized) => err(`containment: ${inLocale(text, opts.lang)}\n`);
  let config: Config = EMPTY_CONFIG;
  const configPath = opts.config ? resolve(cwd, opts.config) : findConfig(cwd);
  if (configPath) {
    const loaded = loadConfig(cwd, configPath, err, opts.lang);
    if (!loaded) return EXIT_USAGE;
    config = loaded;
  }
  // Ignore globs are relative to the folder of the config file that lists them.
  const ignoreBase = configPath ? dirname(configPath) : cwd;
  const { files, errors, folders, isIgnored } = collectFiles(opts.paths, cwd, config.ignore, ignoreBase);
  for (const e of errors) tell(e);

  // JSON files that a Compose file, script or Markdown file names in `seccomp=<path>` are seccomp
  // profiles whatever their names; in a folder walk they are linted too (below).
  const referenced = new Set<string>();
  const results: FileResult[] = [];
  const lintFile = (file: string): void => {
    const path = displayPath(file, cwd);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const error = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      tell(say.cannotRead(path, error));
      results.push({ path, findings: [], error });
      return;
    }
    // Editors do not show a byte order mark, and SARIF and JSON columns count from the first
    // character after it: drop it so that findings on the first line are not one column off.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const isMappedSeccomp = (p: string) => referenced.has(resolve(p));
    // A file named on the command line is linted as a seccomp profile (JSON), a Compose file (YAML,
    // the only YAML Containment reads: docker-compose-prod.yml, stack.yaml) or a Dockerfile when
    // neither its name nor its content says what it is.
    const known = fileKindOf(file, undefined, { text, isMappedSeccomp }) !== undefined;
    const as = known ? file : /\.json$/i.test(file) ? 'seccomp.json' : /\.ya?ml$/i.test(file) ? 'compose.yaml' : 'Dockerfile';
    const analysis = analyze(as, text, {
      severities: [config.rules],
      locale: opts.lang,
      readRelative: makeReadRelative(file),
      isMappedSeccomp,
    });
    for (const p of profilesReferencedBy(file, analysis)) referenced.add(p);
    results.push({ path, findings: analysis?.findings ?? [] });
  };
  for (const file of files) lintFile(file);
  const linted = new Set(files);
  const inFolder = (p: string) => folders.some((f) => p.startsWith(f.endsWith(sep) ? f : f + sep));
  for (const profile of [...referenced].sort()) {
    if (linted.has(profile) || !inFolder(profile) || isIgnored(profile) || !isFile(profile)) continue;
    linted.add(profile);
    lintFile(profile);
  }

  const report =
    opts.format === 'json'
      ? toJson(results)
      : opts.format === 'sarif'
        ? toSarif(results)
        : toText(results, opts.color && !opts.output, opts.lang);
  if (opts.output) {
    try {
      writeFileSync(resolve(cwd, opts.output), report);
    } catch (e) {
      tell(say.cannotWrite(opts.output, (e as Error).message));
      return EXIT_USAGE;
    }
  } else out(report);

  if (errors.length > 0 || results.some((r) => r.error)) return EXIT_USAGE;
  const threshold = SEVERITY_ORDER[opts.severity];
  return results.some((r) => r.findings.some((f) => SEVERITY_ORDER[f.severity] >= threshold)) ? EXIT_FINDINGS : EXIT_OK;
}

interface InspectOptions {
  format: 'text' | 'json' | 'sarif';
  severity: Severity;
  config?: string;
  output?: string;
  color: boolean;
  all: boolean;
  refs: string[];
  engine: EngineOptions;
  probeExec: boolean;
  /** The language of findings and rule texts: --lang, else the terminal's locale. */
  lang: Lang;
}

function parseInspectArgs(argv: string[]): InspectOptions {
  const o: InspectOptions = {
    format: 'text',
    severity: 'warning',
    color: stdoutIsTTY() && !process.env.NO_COLOR,
    all: false,
    refs: [],
    engine: {},
    probeExec: false,
    lang: langFromEnv(process.env),
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let value: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const next = () => {
      if (value !== undefined) return value;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(say.needsValue(a));
      return v;
    };
    switch (a) {
      case '-f':
      case '--format': {
        const v = next();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(say.unknownFormat(v));
        o.format = v;
        break;
      }
      case '-s':
      case '--severity': {
        const v = next();
        if (v !== 'info' && v !== 'warning' && v !== 'error') throw new UsageError(say.unknownSeverity(v));
        o.severity = v;
        break;
      }
      case '-c':
      case '--config':
        o.config = next();
        break;
      case '-o':
      case '--output':
        o.output = next();
        break;
      case '--no-color':
        o.color = false;
        break;
      case '--color':
        o.color = true;
        break;
      case '-a':
      case '--all':
        o.all = true;
        break;
      case '--engine': {
        const v = next();
        if (v !== 'docker' && v !== 'podman') throw new UsageError(say.unknownEngine(v));
        o.engine.engine = v;
        break;
      }
      case '--engine-path':
        o.engine.cliPath = next();
        break;
      case '-H':
      case '--host':
        o.engine.host = next();
        break;
      case '--probe-exec':
        o.probeExec = true;
        break;
      case '--lang': {
        const v = next();
        const lang = parseLang(v);
        if (!lang) throw new UsageError(say.unknownLanguage(v));
        o.lang = lang;
        break;
      }
      case '--timeout': {
        const v = Number(next());
        if (!Number.isFinite(v) || v <= 0) throw new UsageError(say.timeoutSeconds());
        o.engine.timeoutMs = Math.round(v * 1000);
        break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError(say.unknownOption(a));
        o.refs.push(argv[i]);
    }
  }
  return o;
}

/** The config named or found from `cwd`; undefined (after saying why, in `lang`) when it cannot be used. */
function loadConfig(cwd: string, explicit: string | undefined, err: (s: string) => void, lang: Locale): Config | undefined {
  const configPath = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  if (!configPath) return EMPTY_CONFIG;
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch (e) {
    err(`containment: ${inLocale(say.cannotReadConfig(configPath, (e as Error).message), lang)}\n`);
    return undefined;
  }
  const parsed = parseConfig(text, lang);
  if (parsed.problems.length > 0) {
    err(`containment: ${inLocale(say.configProblems(configPath), lang)}\n${parsed.problems.map((p) => `  ${p.message}`).join('\n')}\n`);
    return undefined;
  }
  return parsed.config;
}

/** `containment inspect`: the isolation running containers have, with the runtime rules' findings. */
async function inspectCommand(argv: string[], cwd: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const opts = parseInspectArgs(argv);
  const tell = (text: Localized) => err(`containment: ${inLocale(text, opts.lang)}\n`);
  const config = loadConfig(cwd, opts.config, err, opts.lang);
  if (!config) return EXIT_USAGE;
  const [{ connect }, { toEngineError }, { inspectAll, inspectContainers }, { inspectJson, inspectSarif, inspectText }] = await Promise.all(
    [import('../engine/client'), import('../engine/errors'), import('../engine/inspect'), import('./inspectFormats')],
  );
  const ac = new AbortController();
  const stop = () => ac.abort();
  process.once('SIGINT', stop);
  let result: InspectOutput;
  try {
    const client = connect(opts.engine);
    const run = { signal: ac.signal, severities: [config.rules], probeExec: opts.probeExec, locale: opts.lang };
    const o = opts.refs.length > 0 ? await inspectContainers(client, opts.refs, run) : await inspectAll(client, opts.all, run);
    result = { engine: o.engine, reports: o.reports, notes: o.notes, missing: o.missing };
  } catch (e) {
    const info = toEngineError(e, opts.lang);
    err(`containment: ${info.message}\n${info.hint ? `  ${info.hint}\n` : ''}${info.detail ? `  (${info.detail.split('\n')[0]})\n` : ''}`);
    return EXIT_USAGE;
  } finally {
    process.removeListener('SIGINT', stop);
  }
  const report =
    opts.format === 'json'
      ? inspectJson(result)
      : opts.format === 'sarif'
        ? inspectSarif(result, opts.lang)
        : inspectText(result, opts.color && !opts.output, opts.lang);
  if (opts.output) {
    try {
      writeFileSync(resolve(cwd, opts.output), report);
    } catch (e) {
      tell(say.cannotWrite(opts.output, (e as Error).message));
      return EXIT_USAGE;
    }
  } else out(report);
  for (const m of result.missing) tell(say.noContainer(m));
  if (result.missing.length > 0) return EXIT_USAGE;
  const threshold = SEVERITY_ORDER[opts.severity];
  return result.reports.some((r) => r.findings.some((f) => SEVERITY_ORDER[f.severity] >= threshold)) ? EXIT_FINDINGS : EXIT_OK;
}

/** `containment rules`: id, name, default severity and title (in the CLI's language) of every rule. */
function listRules(argv: string[], out: (s: string) => void, lang: Locale): number {
  for (let i = 0; i < argv.length; i++) {
    // --lang was read before (cliLang); its value must still be one.
    if (argv[i] === '--lang' || argv[i].startsWith('--lang=')) {
      const v = argv[i] === '--lang' ? argv[++i] : argv[i].slice('--lang='.length);
      if (v === undefined) throw new UsageError(say.needsValue('--lang'));
      if (!parseLang(v)) throw new UsageError(say.unknownLanguage(v));
    } else throw new UsageError(argv[i].startsWith('-') ? say.unknownOption(argv[i]) : say.unknownCommand(`rules ${argv[i]}`));
  }
  for (const r of allRules()) {
    const title = lang === 'zh-CN' && r.meta.zh ? r.meta.zh.title : r.meta.title;
    out(`${r.meta.id}  ${r.meta.name.padEnd(28)} ${r.meta.defaultSeverity.padEnd(8)} ${title}\n`);
  }
  return EXIT_OK;
}

const COMMANDS_WITH_HELP = ['lint', 'inspect', 'explain', 'rules'] as const;
type CommandWithHelp = (typeof COMMANDS_WITH_HELP)[number];

/** `lint --help`, `inspect -h`, `rules --help`: the command's help (explain reads its own words). */
function asksForHelp(command: string | undefined, rest: string[]): command is Exclude<CommandWithHelp, 'explain'> {
  return (command === 'lint' || command === 'inspect' || command === 'rules') && rest.some((a) => a === '--help' || a === '-h');
}

/** Runs the CLI and returns its exit code; tests call this in-process. */
export function run(argv: string[], cwd = process.cwd(), out = writeStdout, err = (s: string) => void process.stderr.write(s)): number {
  const [command, ...rest] = argv;
  const lang = cliLang(argv);
  try {
    if (asksForHelp(command, rest)) {
      out(helpText(lang, command));
      return EXIT_OK;
    }
    switch (command) {
      case 'lint':
        return lint(rest, cwd, out, err);
      case 'rules':
        return listRules(rest, out, lang);
      case 'inspect':
      case 'explain':
        err(`containment: ${command} loads its modules asynchronously; call runAsync()\n`);
        return EXIT_USAGE;
      case '-v':
      case '--version':
        out('0.1.0\n');
        return EXIT_OK;
      case undefined:
      case 'help':
      case '-h':
      case '--help': {
        // `containment help lint` is `containment lint --help`.
        const about = COMMANDS_WITH_HELP.find((c) => c === rest[0]);
        out(helpText(lang, command === 'help' ? about : undefined));
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      }
      default:
        err(`containment: ${inLocale(say.unknownCommand(command), lang)}\n\n${helpText(lang)}`);
        return EXIT_USAGE;
    }
  } catch (e) {
    return failed(e, lang, err);
  }
}

/** A usage error in the CLI's language, or an internal error; exit code 2 either way. */
function failed(e: unknown, lang: Locale, err: (s: string) => void): number {
  const text = e instanceof UsageError ? e.text : say.internalError((e as Error).stack ?? String(e));
  err(`containment: ${inLocale(text, lang)}\n`);
  return EXIT_USAGE;
}

/** Runs the CLI including the commands whose modules load on demand (`inspect`, `explain`); resolves with the exit code. */
export async function runAsync(
  argv: string[],
  cwd = process.cwd(),
  out = writeStdout,
  err = (s: string) => void process.stderr.write(s),
): Promise<number> {
  if (argv[0] !== 'inspect' && argv[0] !== 'explain') return run(argv, cwd, out, err);
  if (asksForHelp(argv[0], argv.slice(1))) return run(argv, cwd, out, err);
  try {
    if (argv[0] === 'explain') {
      const { explainCommand } = await import('./explain');
      return explainCommand(argv.slice(1), out, err);
    }
    return await inspectCommand(argv.slice(1), cwd, out, err);
  } catch (e) {
    return failed(e, cliLang(argv), err);
  }
}

if (require.main === module) {
  void runAsync(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
