// The `containment` CLI: `lint` (text, JSON, SARIF), `inspect`, `explain` and `rules`, over the same
// core as the editor (CLI layer: argument parsing, files, output, exit codes). What `lint` does not
// use is imported when its command runs (the engine client for `inspect`, the knowledge base for
// `explain`): esbuild keeps such modules in the bundle but evaluates them only then, so a lint
// does not pay for them at start.

import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { analyze } from '../core/analyze';
import { CONFIG_FILE_NAMES, EMPTY_CONFIG, parseConfig, type Config } from '../core/config';
import { ALL_RULES } from '../core/rules/registry';
import { fileKindOf } from '../core/fileKinds';
import type { Severity } from '../core/types';
import { collectFiles } from './walk';
import { langFromEnv, parseLang } from '../core/knowledge/concepts/lang';
import type { Lang } from '../core/knowledge/concepts/types';
import { makeReadRelative } from '../io/readRelative';
import { profilesReferencedBy } from '../io/profileRefs';
import { toJson, toSarif, toText, type FileResult } from './formats';
import type { EngineOptions } from '../engine/client';
import type { InspectOutput } from './inspectFormats';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const HELP = `Usage: containment <command> [options]

Commands:
  lint [paths or globs…]   Lint Dockerfiles, Compose files, scripts and Markdown with docker run lines,
                           seccomp profiles and daemon.json (folders are searched by file name; default: .)
  inspect [names|ids…]     Report the isolation running containers really have (default: all running)
  explain <topic>          Explain a rule (CT1001, no-user), a capability (CAP_SYS_ADMIN), a namespace
                           (pid namespace), a cgroup control, a Compose key or docker run flag
                           (pids_limit, --pids-limit) or a security option (seccomp, userns-remap)
  rules                    List all rules
  help                     Show this help

Options for lint:
  -f, --format <text|json|sarif>   Output format (default: text)
  -s, --severity <info|warning|error>
                                   Exit 1 when a finding at or above this severity exists (default: warning)
  -c, --config <file>              Config file (default: the nearest .containment.yaml from the working folder up)
  -o, --output <file>              Write the report to a file instead of standard output
      --no-color                   Plain text even on a terminal
      --lang <en|zh-CN>            Language of messages (default: from LC_ALL, LC_MESSAGES or LANG)
  -v, --version                    Print the version

Options for inspect (also -f, -s, -c, -o, --no-color, --lang):
  -a, --all                        Include stopped containers
      --engine <docker|podman>     The engine CLI to use (default: docker; the Engine API socket when no CLI is installed)
      --engine-path <path>         The CLI binary to run
  -H, --host <url>                 The engine endpoint, as DOCKER_HOST (default: DOCKER_HOST, then the docker context)
      --probe-exec                 When the engine is on another host, read /proc/1/status inside each
                                   container with docker exec (runs a command in the container)
      --timeout <seconds>          Per engine call (default: 15)

Options for explain:
      --lang <en|zh-CN>            Language (default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh-CN)

Exit codes: 0 no finding at or above the threshold, 1 findings, 2 usage, I/O or engine error.
`;

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

class UsageError extends Error {}

function parseLintArgs(argv: string[]): LintOptions {
  const o: LintOptions = {
    format: 'text',
    severity: 'warning',
    lang: langFromEnv(process.env),
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
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
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '-f':
      case '--format': {
        const v = next();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`unknown format "${v}" (text, json or sarif)`);
        o.format = v;
        break;
      }
      case '-s':
      case '--severity': {
        const v = next();
        if (v !== 'info' && v !== 'warning' && v !== 'error') throw new UsageError(`unknown severity "${v}" (info, warning or error)`);
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
        if (!lang) throw new UsageError(`unknown language "${v}" (en or zh-CN)`);
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
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
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
  let config: Config = EMPTY_CONFIG;
  const configPath = opts.config ? resolve(cwd, opts.config) : findConfig(cwd);
  if (configPath) {
    let text: string;
    try {
      text = readFileSync(configPath, 'utf8');
    } catch (e) {
      err(`containment: cannot read config ${configPath}: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
    const parsed = parseConfig(text);
    if (parsed.problems.length > 0) {
      err(`containment: ${configPath}:\n${parsed.problems.map((p) => `  ${p.message}`).join('\n')}\n`);
      return EXIT_USAGE;
    }
    config = parsed.config;
  }
  // Ignore globs are relative to the folder of the config file that lists them.
  const ignoreBase = configPath ? dirname(configPath) : cwd;
  const { files, errors, folders, isIgnored } = collectFiles(opts.paths, cwd, config.ignore, ignoreBase);
  for (const e of errors) err(`containment: ${e}\n`);

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
      err(`containment: cannot read ${path}: ${error}\n`);
      results.push({ path, findings: [], error });
      return;
    }
    // Editors do not show a byte order mark, and SARIF and JSON columns count from the first
    // character after it: drop it so that findings on the first line are not one column off.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const isMappedSeccomp = (p: string) => referenced.has(resolve(p));
    // A file named on the command line is linted as a seccomp profile (JSON) or a Dockerfile when
    // neither its name nor its content says what it is.
    const known = fileKindOf(file, undefined, { text, isMappedSeccomp }) !== undefined;
    const analysis = analyze(known ? file : /\.json$/i.test(file) ? 'seccomp.json' : 'Dockerfile', text, {
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
      err(`containment: cannot write ${opts.output}: ${(e as Error).message}\n`);
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
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
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
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '-f':
      case '--format': {
        const v = next();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`unknown format "${v}" (text, json or sarif)`);
        o.format = v;
        break;
      }
      case '-s':
      case '--severity': {
        const v = next();
        if (v !== 'info' && v !== 'warning' && v !== 'error') throw new UsageError(`unknown severity "${v}" (info, warning or error)`);
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
        if (v !== 'docker' && v !== 'podman') throw new UsageError(`unknown engine "${v}" (docker or podman)`);
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
        if (!lang) throw new UsageError(`unknown language "${v}" (en or zh-CN)`);
        o.lang = lang;
        break;
      }
      case '--timeout': {
        const v = Number(next());
        if (!Number.isFinite(v) || v <= 0) throw new UsageError('--timeout needs a number of seconds');
        o.engine.timeoutMs = Math.round(v * 1000);
        break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        o.refs.push(argv[i]);
    }
  }
  return o;
}

function loadConfig(cwd: string, explicit: string | undefined, err: (s: string) => void): Config | undefined {
  const configPath = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  if (!configPath) return EMPTY_CONFIG;
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch (e) {
    err(`containment: cannot read config ${configPath}: ${(e as Error).message}\n`);
    return undefined;
  }
  const parsed = parseConfig(text);
  if (parsed.problems.length > 0) {
    err(`containment: ${configPath}:\n${parsed.problems.map((p) => `  ${p.message}`).join('\n')}\n`);
    return undefined;
  }
  return parsed.config;
}

/** `containment inspect`: the isolation running containers have, with the runtime rules' findings. */
async function inspectCommand(argv: string[], cwd: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const opts = parseInspectArgs(argv);
  const config = loadConfig(cwd, opts.config, err);
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
        ? inspectSarif(result)
        : inspectText(result, opts.color && !opts.output, opts.lang);
  if (opts.output) {
    try {
      writeFileSync(resolve(cwd, opts.output), report);
    } catch (e) {
      err(`containment: cannot write ${opts.output}: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
  } else out(report);
  for (const m of result.missing) err(`containment: no container ${m}\n`);
  if (result.missing.length > 0) return EXIT_USAGE;
  const threshold = SEVERITY_ORDER[opts.severity];
  return result.reports.some((r) => r.findings.some((f) => SEVERITY_ORDER[f.severity] >= threshold)) ? EXIT_FINDINGS : EXIT_OK;
}

function listRules(out: (s: string) => void): number {
  for (const r of ALL_RULES) out(`${r.meta.id}  ${r.meta.name.padEnd(28)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.title}\n`);
  return EXIT_OK;
}

/** Runs the CLI and returns its exit code; tests call this in-process. */
export function run(
  argv: string[],
  cwd = process.cwd(),
  out = (s: string) => void process.stdout.write(s),
  err = (s: string) => void process.stderr.write(s),
): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return lint(rest, cwd, out, err);
      case 'rules':
        return listRules(out);
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
      case '--help':
        out(HELP);
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      default:
        err(`containment: unknown command "${command}"\n\n${HELP}`);
        return EXIT_USAGE;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`containment: ${e.message}\n`);
      return EXIT_USAGE;
    }
    err(`containment: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT_USAGE;
  }
}

/** Runs the CLI including the commands whose modules load on demand (`inspect`, `explain`); resolves with the exit code. */
export async function runAsync(
  argv: string[],
  cwd = process.cwd(),
  out = (s: string) => void process.stdout.write(s),
  err = (s: string) => void process.stderr.write(s),
): Promise<number> {
  if (argv[0] !== 'inspect' && argv[0] !== 'explain') return run(argv, cwd, out, err);
  try {
    if (argv[0] === 'explain') {
      const { explainCommand } = await import('./explain');
      return explainCommand(argv.slice(1), out, err);
    }
    return await inspectCommand(argv.slice(1), cwd, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`containment: ${e.message}\n`);
      return EXIT_USAGE;
    }
    err(`containment: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  void runAsync(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
