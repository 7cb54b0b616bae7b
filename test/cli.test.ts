// The `containment` CLI: exit codes, file discovery, the config file, the three output formats
// (SARIF validated against the official SARIF 2.1.0 schema), `explain`, hostile input, and once as a
// real process through bin/containment.js. Assertions use CT1001/CT1002 so that they stay stable
// while other rules land; where a test needs only those two, a config file turns the rest off.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { run, runAsync, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE } from '../server/src/cli/main';
import { ALL_RULES, ruleById } from '../server/src/core/rules/registry';
import { docUrl } from '../server/src/core/rules/rule';
import { plain } from '../server/src/core/knowledge/concepts/render';

const repoRoot = join(__dirname, '..');

// ---------------------------------------------------------------------------------------------
// Helpers

interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process, capturing what it writes. */
function cli(cwd: string, ...argv: string[]): CliResult {
  let out = '';
  let err = '';
  const code = run(
    argv,
    cwd,
    (s) => void (out += s),
    (s) => void (err += s),
  );
  return { code, out, err };
}

/** The same through runAsync, as the `containment` command runs: for the commands that load their modules on demand. */
async function cliAsync(cwd: string, ...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await runAsync(
    argv,
    cwd,
    (s) => void (out += s),
    (s) => void (err += s),
  );
  return { code, out, err };
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  ruleName?: string;
  severity: string;
  message: string;
  peers: Record<string, string[]>;
  docs?: string;
  fixes: string[];
}

interface JsonReport {
  version: string;
  findings: JsonFinding[];
  errors: { file: string; error: string }[];
}

function lintJson(cwd: string, ...args: string[]): { code: number; report: JsonReport; err: string } {
  const r = cli(cwd, 'lint', '--format', 'json', ...args);
  let report: JsonReport;
  try {
    report = JSON.parse(r.out) as JsonReport;
  } catch {
    assert.fail(`lint --format json printed no JSON (exit ${r.code}):\n${r.out}\n${r.err}`);
  }
  return { code: r.code, report, err: r.err };
}

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder with the given files (`/`-separated relative paths → content). */
function project(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'containment-cli-'));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) write(dir, rel, content);
  return dir;
}

function write(dir: string, rel: string, content: string | Buffer): string {
  const p = join(dir, ...rel.split('/'));
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
}

/** A `.containment.yaml` that turns off every rule but `keep`, plus extra rule settings. */
function onlyRulesConfig(keep: string[], extra: Record<string, string> = {}, ignore: string[] = []): string {
  const lines = ['rules:'];
  for (const r of ALL_RULES) if (!keep.includes(r.meta.id) && !(r.meta.id in extra)) lines.push(`  ${r.meta.id}: off`);
  for (const [id, sev] of Object.entries(extra)) lines.push(`  ${id}: ${sev}`);
  if (lines.length === 1) lines[0] = 'rules: {}';
  if (ignore.length > 0) lines.push('ignore:', ...ignore.map((g) => `  - '${g}'`));
  return lines.join('\n') + '\n';
}

function filesWith(report: JsonReport, ruleId: string): string[] {
  return [...new Set(report.findings.filter((f) => f.ruleId === ruleId).map((f) => f.file))].sort();
}

// Dockerfiles with known CT1001/CT1002 findings.
const NO_USER = 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD ["curl", "--version"]\n';
const ROOT_USER = 'FROM node:20\nWORKDIR /app\nUSER root\nCMD ["node", "index.js"]\n';
const CLEAN = 'FROM alpine:3.20\nRUN adduser -S -H app\nUSER app\nCMD ["sh"]\n';

const ANSI = /\x1b\[/; // eslint-disable-line no-control-regex

// ---------------------------------------------------------------------------------------------
// The SARIF schema (test/fixtures/sarif-schema-2.1.0.json; see test/fixtures/README.md)

function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')) as {
    $schema: string;
    title: string;
    definitions: Record<string, { properties?: Record<string, unknown>; anyOf?: unknown }>;
  };
  assert.equal(schema.title, 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
  // Two known defects of the upstream copy, repaired in memory (the fixture stays byte-exact):
  // 1. region's `anyOf` sits inside `properties`; it belongs on the region itself (stricter).
  const region = schema.definitions.region;
  if (region.properties && Array.isArray(region.properties.anyOf)) {
    region.anyOf = region.properties.anyOf;
    delete region.properties.anyOf;
  }
  // 2. `(?i)` inline flags are not ECMAScript regular expressions.
  const repair = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === 'pattern' && typeof v === 'string' && v.startsWith('^(?i)'))
        (node as Record<string, unknown>)[k] = '^[a-zA-Z]{2}(-[a-zA-Z]{2})?$';
      else repair(v);
    }
  };
  repair(schema);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; name?: string; helpUri?: string; shortDescription?: { text: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
    }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[];
  }[];
}

// ---------------------------------------------------------------------------------------------

describe('exit codes', () => {
  test('0 when nothing at or above the threshold is found', () => {
    const dir = project({ Dockerfile: CLEAN, '.containment.yaml': onlyRulesConfig(['CT1001', 'CT1002']) });
    const r = cli(dir, 'lint');
    assert.equal(r.code, EXIT_OK, r.out + r.err);
    assert.match(r.out, /No findings in 1 file\./);
    assert.equal(r.err, '');
  });

  test('1 when a finding is at or above --severity, 0 when the threshold is above it', () => {
    const dir = project({ Dockerfile: ROOT_USER, '.containment.yaml': onlyRulesConfig(['CT1001', 'CT1002']) });
    assert.equal(cli(dir, 'lint').code, EXIT_FINDINGS, 'warning ≥ default threshold warning');
    assert.equal(cli(dir, 'lint', '--severity', 'info').code, EXIT_FINDINGS);
    assert.equal(cli(dir, 'lint', '--severity=warning').code, EXIT_FINDINGS);
    assert.equal(cli(dir, 'lint', '-s', 'error').code, EXIT_OK, 'CT1002 is a warning: below error');
  });

  test('2 for usage errors: unknown option, format, severity, command; a missing value', () => {
    const dir = project({ Dockerfile: CLEAN });
    const cases: [string[], RegExp][] = [
      [['lint', '--bogus'], /unknown option --bogus/],
      [['lint', '--format', 'xml'], /unknown format "xml" \(text, json or sarif\)/],
      [['lint', '--format=yaml'], /unknown format "yaml"/],
      [['lint', '--severity', 'fatal'], /unknown severity "fatal"/],
      [['lint', '--format'], /--format needs a value/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [argv, message] of cases) {
      const r = cli(dir, ...argv);
      assert.equal(r.code, EXIT_USAGE, argv.join(' '));
      assert.match(r.err, message, argv.join(' '));
      assert.equal(r.out, '', `${argv.join(' ')}: nothing on stdout`);
    }
    const none = cli(dir);
    assert.equal(none.code, EXIT_USAGE, 'no command: help and exit 2');
    assert.match(none.out, /Usage: containment/);
    assert.equal(cli(dir, 'help').code, EXIT_OK);
  });

  test('2 for a path that does not exist, and the other files are still linted', () => {
    const dir = project({ Dockerfile: NO_USER });
    const r = lintJson(dir, 'Dockerfile', 'nope/Dockerfile');
    assert.equal(r.code, EXIT_USAGE);
    assert.match(r.err, /no such file or folder: nope\/Dockerfile/);
    assert.deepEqual(filesWith(r.report, 'CT1001'), ['Dockerfile']);
  });

  test('2 for a file that cannot be read (a socket), reported in the output and on stderr', async (t) => {
    if (process.platform === 'win32') return t.skip('no unix sockets');
    const dir = project({ Dockerfile: NO_USER });
    const sock = join(dir, 'sock.Dockerfile');
    const server: Server = createServer();
    await new Promise<void>((res) => server.listen(sock, res));
    try {
      const r = lintJson(dir, 'Dockerfile', 'sock.Dockerfile');
      assert.equal(r.code, EXIT_USAGE);
      assert.deepEqual(r.report.errors, [{ file: 'sock.Dockerfile', error: 'ENXIO' }]);
      assert.match(r.err, /cannot read sock\.Dockerfile/);
      assert.deepEqual(filesWith(r.report, 'CT1001'), ['Dockerfile'], 'the readable file is still linted');
      const text = cli(dir, 'lint', 'sock.Dockerfile');
      assert.equal(text.code, EXIT_USAGE);
      assert.match(text.out, /sock\.Dockerfile\n {2}cannot lint: ENXIO/);
    } finally {
      await new Promise<void>((res) => server.close(() => res()));
    }
  });

  test('2 for a file without read permission', (t) => {
    if (process.platform === 'win32' || process.getuid?.() === 0)
      return t.skip('permissions do not stop root (the socket test covers unreadable files)');
    const dir = project({ Dockerfile: NO_USER });
    chmodSync(join(dir, 'Dockerfile'), 0o000);
    const r = lintJson(dir, 'Dockerfile');
    assert.equal(r.code, EXIT_USAGE);
    assert.equal(r.report.errors[0]?.error, 'EACCES');
  });
});

describe('finding files', () => {
  const tree = {
    Dockerfile: NO_USER,
    'Dockerfile.prod': NO_USER,
    'api.dockerfile': NO_USER,
    Containerfile: NO_USER,
    'services/web/Dockerfile': NO_USER,
    'services/web/Containerfile.dev': NO_USER,
    README: NO_USER,
    'README.md': NO_USER,
    'notes.txt': NO_USER,
    'Dockerfile-old/readme': NO_USER,
    'node_modules/pkg/Dockerfile': NO_USER,
    '.git/Dockerfile': NO_USER,
  };

  test('a folder is walked recursively and files are recognised by name', () => {
    const dir = project(tree);
    const r = lintJson(dir);
    assert.equal(r.code, EXIT_FINDINGS);
    assert.deepEqual(filesWith(r.report, 'CT1001'), [
      'Containerfile',
      'Dockerfile',
      'Dockerfile.prod',
      'api.dockerfile',
      'services/web/Containerfile.dev',
      'services/web/Dockerfile',
    ]);
    assert.equal(r.report.errors.length, 0);
  });

  test('a folder given as an argument is walked the same way, paths stay relative to the working folder', () => {
    const dir = project(tree);
    const r = lintJson(dir, 'services');
    assert.deepEqual(filesWith(r.report, 'CT1001'), ['services/web/Containerfile.dev', 'services/web/Dockerfile']);
    const fromInside = lintJson(join(dir, 'services', 'web'), '.');
    assert.deepEqual(filesWith(fromInside.report, 'CT1001'), ['Containerfile.dev', 'Dockerfile']);
  });

  test('symbolic links that loop back up the tree are not followed again', (t) => {
    if (process.platform === 'win32') return t.skip('symbolic links need privileges on Windows');
    const dir = project({ 'a/Dockerfile': NO_USER, 'b/Dockerfile': NO_USER });
    symlinkSync('..', join(dir, 'a', 'up'));
    symlinkSync(join(dir, 'a'), join(dir, 'a', 'self'));
    symlinkSync(join(dir, 'b'), join(dir, 'a', 'b-again'));
    const started = Date.now();
    const r = lintJson(dir);
    assert.ok(Date.now() - started < 10_000);
    assert.equal(r.report.errors.length, 0);
    assert.deepEqual(
      r.report.findings.filter((f) => f.ruleId === 'CT1001').map((f) => f.file),
      ['a/Dockerfile', 'a/b-again/Dockerfile', 'b/Dockerfile'],
      'each path once: a link to a sibling is a path of its own, a link to an ancestor is not followed',
    );
    assert.deepEqual(filesWith(lintJson(dir, '**/Dockerfile').report, 'CT1001'), ['a/Dockerfile', 'a/b-again/Dockerfile', 'b/Dockerfile']);
  });

  test('a file named on the command line is linted as a Dockerfile whatever its name', () => {
    const dir = project(tree);
    const r = lintJson(dir, 'notes.txt');
    assert.deepEqual(filesWith(r.report, 'CT1001'), ['notes.txt']);
  });

  test('a YAML file named on the command line whose name says nothing is linted as a Compose file', () => {
    const compose = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n';
    const dir = project({ 'docker-compose-prod.yml': compose, 'deploy/stack.yaml': compose });
    const named = lintJson(dir, 'docker-compose-prod.yml', 'deploy/stack.yaml');
    assert.deepEqual(filesWith(named.report, 'CT2001'), ['deploy/stack.yaml', 'docker-compose-prod.yml']);
    assert.ok(!named.report.findings.some((f) => f.ruleId.startsWith('CT1')), 'no Dockerfile rule on YAML');
    // A folder walk goes by name only: neither is a Compose file name there.
    assert.deepEqual(lintJson(dir).report.findings, []);
  });

  test('globs: **/Dockerfile* matches by path, skipping node_modules; braces and single stars work', () => {
    const dir = project(tree);
    assert.deepEqual(filesWith(lintJson(dir, '**/Dockerfile*').report, 'CT1001'), [
      'Dockerfile',
      'Dockerfile.prod',
      'services/web/Dockerfile',
    ]);
    assert.deepEqual(filesWith(lintJson(dir, '*.dockerfile').report, 'CT1001'), ['api.dockerfile']);
    assert.deepEqual(filesWith(lintJson(dir, 'services/**/{Dockerfile,Containerfile.*}').report, 'CT1001'), [
      'services/web/Containerfile.dev',
      'services/web/Dockerfile',
    ]);
    // A glob may start with ./, ../ or an absolute folder: it is walked from there.
    assert.deepEqual(filesWith(lintJson(dir, './**/Dockerfile').report, 'CT1001'), ['Dockerfile', 'services/web/Dockerfile']);
    assert.deepEqual(
      filesWith(lintJson(join(dir, 'services'), '../*.dockerfile').report, 'CT1001'),
      [`${dir.split(sep).join('/')}/api.dockerfile`],
      'outside the working folder: shown absolute',
    );
    const absolute = lintJson(project(), `${dir.split(sep).join('/')}/services/**/Dockerfile`);
    assert.deepEqual(filesWith(absolute.report, 'CT1001'), [`${dir.split(sep).join('/')}/services/web/Dockerfile`]);
    const none = lintJson(dir, '**/*.nothing');
    assert.equal(none.code, EXIT_OK);
    assert.equal(none.report.findings.length, 0);
  });
});

describe('the config file', () => {
  test('.containment.yaml is found from the working folder upwards: rules off by id or name', () => {
    const dir = project({
      '.containment.yaml': 'rules:\n  no-user: off\n',
      'a/b/Dockerfile': NO_USER,
      'a/b/root/Dockerfile': ROOT_USER,
    });
    const r = lintJson(join(dir, 'a', 'b'));
    assert.deepEqual(filesWith(r.report, 'CT1001'), []);
    assert.deepEqual(filesWith(r.report, 'CT1002'), ['root/Dockerfile']);
    // Without the config the rule is on.
    rmSync(join(dir, '.containment.yaml'));
    assert.deepEqual(filesWith(lintJson(join(dir, 'a', 'b')).report, 'CT1001'), ['Dockerfile']);
  });

  test('a severity from the config changes the finding and the exit code', () => {
    const dir = project({
      '.containment.yml': onlyRulesConfig(['CT1001', 'CT1002'], { CT1002: 'error', CT1001: 'info' }),
      Dockerfile: ROOT_USER,
      'x/Dockerfile': NO_USER,
    });
    const r = lintJson(dir, '--severity', 'error');
    assert.equal(r.code, EXIT_FINDINGS, 'CT1002 is now an error');
    assert.deepEqual(
      r.report.findings.map((f) => [f.file, f.ruleId, f.severity]),
      [
        ['Dockerfile', 'CT1002', 'error'],
        ['x/Dockerfile', 'CT1001', 'info'],
      ],
    );
    const onlyInfo = project({ '.containment.yaml': onlyRulesConfig(['CT1001'], { CT1001: 'info' }), Dockerfile: NO_USER });
    assert.equal(cli(onlyInfo, 'lint').code, EXIT_OK, 'an info finding is below the default threshold');
    assert.equal(cli(onlyInfo, 'lint', '--severity', 'info').code, EXIT_FINDINGS);
  });

  test('ignore globs are relative to the folder of the config file, not the working folder', () => {
    const dir = project({
      '.containment.yaml': onlyRulesConfig(['CT1001'], {}, ['sub/gen/**', '**/*.skip.dockerfile']),
      'sub/Dockerfile': NO_USER,
      'sub/gen/Dockerfile': NO_USER,
      'sub/gen/deeper/Dockerfile': NO_USER,
      'sub/other/x.skip.dockerfile': NO_USER,
      'sub/other/x.dockerfile': NO_USER,
      'gen/Dockerfile': NO_USER,
    });
    const fromSub = lintJson(join(dir, 'sub'));
    assert.deepEqual(filesWith(fromSub.report, 'CT1001'), ['Dockerfile', 'other/x.dockerfile']);
    const fromRoot = lintJson(dir);
    assert.deepEqual(filesWith(fromRoot.report, 'CT1001'), ['gen/Dockerfile', 'sub/Dockerfile', 'sub/other/x.dockerfile']);
  });

  test('--config names the file explicitly', () => {
    const dir = project({ 'conf/strict.yaml': onlyRulesConfig(['CT1001'], { CT1001: 'error' }), Dockerfile: NO_USER });
    const r = lintJson(dir, '--config', 'conf/strict.yaml');
    assert.deepEqual(
      r.report.findings.map((f) => [f.ruleId, f.severity]),
      [['CT1001', 'error']],
    );
  });

  test('a broken config file exits 2 with a message naming the file and the problem', () => {
    const cases: [string, RegExp][] = [
      ['rules: [unclosed\n', /cannot parse/],
      ['rules:\n  CT1001: loud\n', /rule `CT1001`: `loud` is not one of off, info, warning, error/],
      ['rulez:\n  CT1001: off\n', /unknown key `rulez`/],
      ['- just\n- a list\n', /top level must be a mapping/],
      ['ignore: sub/**\n', /`ignore` must be a list of glob patterns/],
    ];
    for (const [text, message] of cases) {
      const dir = project({ '.containment.yaml': text, Dockerfile: NO_USER });
      const r = cli(dir, 'lint');
      assert.equal(r.code, EXIT_USAGE, text);
      assert.ok(r.err.includes(join(dir, '.containment.yaml')), `names the file: ${r.err}`);
      assert.match(r.err, message, text);
      assert.equal(r.out, '', 'no report from a run that did not use its config');
    }
    const dir = project({ Dockerfile: NO_USER });
    const missing = cli(dir, 'lint', '--config', 'nope.yaml');
    assert.equal(missing.code, EXIT_USAGE);
    assert.match(missing.err, /cannot read config .*nope\.yaml/);
  });
});

describe('--format json', () => {
  test('each finding has file, 1-based line and column, end position, rule id, severity, message and peers', () => {
    const dir = project({ 'app/Dockerfile': ROOT_USER });
    const r = lintJson(dir);
    assert.equal(r.report.version, '0.1.0');
    assert.deepEqual(r.report.errors, []);
    const f = r.report.findings.find((x) => x.ruleId === 'CT1002');
    assert.ok(f, JSON.stringify(r.report.findings));
    assert.deepEqual(
      {
        file: f.file,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        ruleId: f.ruleId,
        ruleName: f.ruleName,
        severity: f.severity,
      },
      {
        file: 'app/Dockerfile',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 10,
        ruleId: 'CT1002',
        ruleName: 'root-user',
        severity: 'warning',
      },
    );
    assert.match(f.message, /root/);
    assert.deepEqual(f.peers, ruleById('CT1002')!.meta.peers);
    assert.ok(f.peers.hadolint?.includes('DL3002'));
    assert.equal(f.docs, docUrl('CT1002'));
    assert.ok(Array.isArray(f.fixes));
    for (const x of r.report.findings) {
      assert.ok(x.line >= 1 && x.column >= 1 && x.endLine >= x.line, `1-based, ordered: ${JSON.stringify(x)}`);
      assert.ok(['error', 'warning', 'info'].includes(x.severity));
      assert.equal(typeof x.message, 'string');
    }
  });
});

describe('--format sarif', () => {
  const validate = sarifValidator();

  test('validates against the SARIF 2.1.0 schema, with rule metadata, levels and 1-based regions', () => {
    const dir = project({ 'app/Dockerfile': ROOT_USER, 'worker/Dockerfile': NO_USER });
    const r = cli(dir, 'lint', '--format', 'sarif');
    assert.equal(r.code, EXIT_FINDINGS);
    const log = JSON.parse(r.out) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    const runZero = log.runs[0];
    assert.equal(runZero.tool.driver.name, 'Containment');
    const results = runZero.results;
    const root = results.find((x) => x.ruleId === 'CT1002');
    assert.ok(root);
    assert.equal(root.level, 'warning');
    assert.deepEqual(root.locations[0].physicalLocation, {
      artifactLocation: { uri: 'app/Dockerfile' },
      region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 10 },
    });
    assert.ok(results.some((x) => x.ruleId === 'CT1001' && x.locations[0].physicalLocation.artifactLocation.uri === 'worker/Dockerfile'));
    // Every result's rule is described once, with a help URI, and ruleIndex points at it.
    const rules = runZero.tool.driver.rules;
    assert.equal(new Set(rules.map((x) => x.id)).size, rules.length);
    for (const res of results) {
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      assert.ok(res.locations[0].physicalLocation.region.startLine >= 1);
      assert.ok(res.locations[0].physicalLocation.region.startColumn >= 1);
      const rule = rules[res.ruleIndex!];
      assert.equal(rule?.id, res.ruleId);
      assert.equal(rule.helpUri, docUrl(res.ruleId));
      assert.ok(rule.shortDescription?.text);
    }
    assert.deepEqual(runZero.invocations[0], { executionSuccessful: true, toolExecutionNotifications: [] });
  });

  test('an info finding is a note; a config-raised error is an error; a clean run is still valid', () => {
    const dir = project({
      '.containment.yaml': onlyRulesConfig(['CT1001', 'CT1002'], { CT1001: 'info', CT1002: 'error' }),
      'a/Dockerfile': NO_USER,
      'b/Dockerfile': ROOT_USER,
    });
    const log = JSON.parse(cli(dir, 'lint', '-f', 'sarif').out) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors));
    assert.deepEqual(
      log.runs[0].results.map((x) => [x.ruleId, x.level]),
      [
        ['CT1001', 'note'],
        ['CT1002', 'error'],
      ],
    );
    const clean = project({ Dockerfile: CLEAN, '.containment.yaml': onlyRulesConfig(['CT1001', 'CT1002']) });
    const cleanLog = JSON.parse(cli(clean, 'lint', '--format', 'sarif').out) as SarifLog;
    assert.ok(validate(cleanLog), JSON.stringify(validate.errors));
    assert.deepEqual(cleanLog.runs[0].results, []);
  });

  test('input problems (CT0002) and unreadable files still give a valid log', async (t) => {
    const dir = project({ Dockerfile: Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01, 0x02, 0xff, 0x0a]) });
    const log = JSON.parse(cli(dir, 'lint', '--format', 'sarif').out) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors));
    assert.equal(log.runs[0].results[0].ruleId, 'CT0002');
    assert.equal(log.runs[0].results[0].level, 'note');
    if (process.platform === 'win32') return t.skip('no unix sockets');
    const sock = join(dir, 'sock.Dockerfile');
    const server = createServer();
    await new Promise<void>((res) => server.listen(sock, res));
    try {
      const r = cli(dir, 'lint', '--format', 'sarif', 'Dockerfile', 'sock.Dockerfile');
      assert.equal(r.code, EXIT_USAGE);
      const withError = JSON.parse(r.out) as SarifLog;
      assert.ok(validate(withError), JSON.stringify(validate.errors));
      assert.equal(withError.runs[0].invocations[0].executionSuccessful, false);
      assert.match(withError.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /sock\.Dockerfile: ENXIO/);
    } finally {
      await new Promise<void>((res) => server.close(() => res()));
    }
  });

  test('artifact URIs escape spaces, # and ? so that they name the file, not a fragment or query', () => {
    const dir = project({ 'my app/Dockerfile': NO_USER, 'v#2/Dockerfile': NO_USER, 'q?/Dockerfile': NO_USER });
    const log = JSON.parse(cli(dir, 'lint', '--format', 'sarif').out) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const uris = [...new Set(log.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri))].sort();
    assert.deepEqual(uris, ['my%20app/Dockerfile', 'q%3F/Dockerfile', 'v%232/Dockerfile']);
    for (const u of uris) assert.ok(['my app', 'q?', 'v#2'].includes(decodeURIComponent(u.split('/')[0])));
  });

  test('the schema check is not vacuous: a 0-based region or an unknown level is rejected', () => {
    const dir = project({ Dockerfile: ROOT_USER });
    const log = JSON.parse(cli(dir, 'lint', '--format', 'sarif').out) as SarifLog;
    const bad = structuredClone(log);
    bad.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(bad), false);
    const bad2 = structuredClone(log);
    bad2.runs[0].results[0].level = 'critical';
    assert.equal(validate(bad2), false);
    const bad3 = structuredClone(log) as unknown as { runs: { tool?: unknown }[] };
    delete bad3.runs[0].tool;
    assert.equal(validate(bad3), false);
  });
});

describe('--output', () => {
  test('writes the report to a file, nothing to stdout, and keeps the exit code', () => {
    const dir = project({ Dockerfile: ROOT_USER });
    const r = cli(dir, 'lint', '--format', 'sarif', '--output', 'reports/../containment.sarif');
    assert.equal(r.code, EXIT_FINDINGS);
    assert.equal(r.out, '');
    const log = JSON.parse(readFileSync(join(dir, 'containment.sarif'), 'utf8')) as SarifLog;
    assert.ok(log.runs[0].results.some((x) => x.ruleId === 'CT1002'));
    const text = cli(dir, 'lint', '-o', 'out.txt', '--color');
    assert.equal(text.out, '');
    const written = readFileSync(join(dir, 'out.txt'), 'utf8');
    assert.match(written, /Dockerfile:3:1/);
    assert.doesNotMatch(written, ANSI, 'no colour codes in a file, even with --color');
  });

  test('a file that cannot be written exits 2', () => {
    const dir = project({ Dockerfile: ROOT_USER });
    const r = cli(dir, 'lint', '--output', 'no/such/folder/report.txt');
    assert.equal(r.code, EXIT_USAGE);
    assert.match(r.err, /cannot write no\/such\/folder\/report\.txt/);
  });
});

describe('text output', () => {
  test('groups findings per file with path:line:col, severity, id and message, and a summary', () => {
    const dir = project({
      '.containment.yaml': onlyRulesConfig(['CT1001', 'CT1002']),
      'b/Dockerfile': ROOT_USER,
      'a/Dockerfile': NO_USER,
      'c/Dockerfile': CLEAN,
    });
    const r = cli(dir, 'lint', '--no-color');
    assert.equal(r.code, EXIT_FINDINGS);
    assert.doesNotMatch(r.out, ANSI);
    const lines = r.out.split('\n');
    const headerA = lines.indexOf('a/Dockerfile');
    const headerB = lines.indexOf('b/Dockerfile');
    assert.ok(headerA >= 0 && headerB > headerA, r.out);
    assert.equal(lines.indexOf('c/Dockerfile'), -1, 'a clean file has no group');
    assert.match(lines[headerA + 1], /^ {2}a\/Dockerfile:1:1 +warning +CT1001 +\S/);
    assert.match(lines[headerB + 1], /^ {2}b\/Dockerfile:3:1 +warning +CT1002 +\S/);
    assert.match(r.out, /2 findings \(0 error, 2 warning, 0 info\) in 3 files\.\n$/);
  });

  test('no ANSI colour codes unless --color (the test runner is not a terminal)', () => {
    const dir = project({ Dockerfile: ROOT_USER });
    assert.doesNotMatch(cli(dir, 'lint').out, ANSI);
    const coloured = cli(dir, 'lint', '--color').out;
    assert.match(coloured, ANSI);
    assert.ok(coloured.includes('\x1b[33mwarning'), 'warnings are yellow');
    assert.doesNotMatch(cli(dir, 'lint', '--color', '--no-color').out, ANSI);
  });
});

describe('explain and rules', () => {
  for (const topic of ['CT1001', 'no-user', 'ct1001']) {
    test(`explain ${topic} prints the rule's explanation`, async () => {
      const r = await cliAsync(tmpdir(), 'explain', topic);
      assert.equal(r.code, EXIT_OK, r.err);
      const meta = ruleById('CT1001')!.meta;
      assert.ok(r.out.startsWith(`CT1001 no-user: ${meta.title}\n`), r.out);
      // Without a terminal each paragraph is one line, Markdown marks removed.
      assert.ok(r.out.includes(plain(meta.explanation)));
      assert.ok(r.out.includes(plain(meta.remediation)));
      assert.ok(r.out.includes(docUrl('CT1001')));
      assert.equal(r.err, '');
    });
  }

  test('an unknown topic exits 2 with suggestions, or a pointer to `rules`', async () => {
    const close = await cliAsync(tmpdir(), 'explain', 'no-usr');
    assert.equal(close.code, EXIT_USAGE);
    assert.match(close.err, /no topic "no-usr"\. Did you mean: .*CT1001 \(no-user\)/);
    const far = await cliAsync(tmpdir(), 'explain', 'zzzz-nothing');
    assert.equal(far.code, EXIT_USAGE);
    assert.match(far.err, /Run `containment rules`/);
    assert.equal((await cliAsync(tmpdir(), 'explain')).code, EXIT_USAGE);
    assert.match(cli(tmpdir(), 'explain', 'CT1001').err, /call runAsync\(\)/, 'run() points to runAsync()');
  });

  test('rules lists every rule with its default severity', () => {
    const r = cli(tmpdir(), 'rules');
    assert.equal(r.code, EXIT_OK);
    for (const rule of ALL_RULES)
      assert.match(r.out, new RegExp(`^${rule.meta.id} +${rule.meta.name} +${rule.meta.defaultSeverity} `, 'm'));
    assert.equal(cli(tmpdir(), '--version').out, '0.1.0\n');
  });
});

describe('hostile input', () => {
  test('a binary file gives one informational CT0002 finding, not a crash', () => {
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 37) % 256;
    const dir = project({ Dockerfile: binary });
    const r = lintJson(dir);
    assert.equal(r.code, EXIT_OK, 'info is below the default threshold');
    assert.deepEqual(
      r.report.findings.map((f) => [f.ruleId, f.severity, f.line, f.column]),
      [['CT0002', 'info', 1, 1]],
    );
    assert.match(r.report.findings[0].message, /binary/);
    assert.equal(cli(dir, 'lint', '--severity', 'info').code, EXIT_FINDINGS);
  });

  test('a 3 MB file gives one informational CT0002 finding, not a crash or a long wait', () => {
    const line = 'RUN echo ' + 'x'.repeat(90) + '\n';
    const big = 'FROM alpine:3.20\n' + line.repeat(Math.ceil((3 * 1024 * 1024) / line.length));
    assert.ok(big.length > 3 * 1024 * 1024);
    const dir = project({ Dockerfile: big });
    const started = Date.now();
    const r = lintJson(dir);
    assert.ok(Date.now() - started < 10_000);
    assert.equal(r.code, EXIT_OK);
    assert.deepEqual(
      r.report.findings.map((f) => [f.ruleId, f.severity]),
      [['CT0002', 'info']],
    );
    assert.match(r.report.findings[0].message, /3\.0 MB/);
  });

  test('a BOM and CRLF line endings give the same lines and columns as the plain file', () => {
    const plain = 'FROM alpine:3.20\nRUN echo hi \\\n  && echo there\n\nUSER root\nCMD ["sh"]\n';
    const dir = project({
      '.containment.yaml': onlyRulesConfig(['CT1001', 'CT1002']),
      'plain/Dockerfile': plain,
      'bom-crlf/Dockerfile': '\uFEFF' + plain.replace(/\n/g, '\r\n'),
      'bom-nouser/Dockerfile': '\uFEFF' + NO_USER.replace(/\n/g, '\r\n'),
    });
    const r = lintJson(dir);
    const pos = (file: string) =>
      r.report.findings.filter((f) => f.file === file).map((f) => [f.ruleId, f.line, f.column, f.endLine, f.endColumn]);
    assert.deepEqual(pos('plain/Dockerfile'), [['CT1002', 5, 1, 5, 10]]);
    assert.deepEqual(pos('bom-crlf/Dockerfile'), pos('plain/Dockerfile'), 'CRLF and BOM change nothing');
    // A finding on the first line: the BOM is not a column.
    assert.deepEqual(
      pos('bom-nouser/Dockerfile').map((p) => p.slice(0, 3)),
      [['CT1001', 1, 1]],
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Once as a real process, through the installed `bin` and the bundled CLI.

/** Newest modification time of the files the bundled CLI is built from. */
function newestSource(): number {
  let newest = statSync(join(repoRoot, 'scripts', 'build.mjs')).mtimeMs;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else newest = Math.max(newest, st.mtimeMs);
    }
  };
  walk(join(repoRoot, 'server', 'src'));
  return newest;
}

describe('as a real process (node bin/containment.js)', () => {
  const bin = join(repoRoot, 'bin', 'containment.js');
  before(() => {
    const bundle = join(repoRoot, 'dist', 'cli.js');
    const boot = join(repoRoot, 'dist', 'cli-boot.js');
    if (existsSync(bundle) && existsSync(boot) && statSync(bundle).mtimeMs >= newestSource()) return;
    const built = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(built.status, 0, `node scripts/build.mjs failed:\n${built.stdout}\n${built.stderr}`);
  });

  const exec = (cwd: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], {
      cwd,
      encoding: 'utf8',
      // No code cache in the user's cache folder from tests (test/bundle.test.ts covers the cache).
      env: { ...process.env, NO_COLOR: '', CONTAINMENT_COMPILE_CACHE: '0' },
      timeout: 60_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  test('exit codes, stdout and stderr of the real command', () => {
    const dir = project({ 'svc/Dockerfile': ROOT_USER, '.containment.yaml': onlyRulesConfig(['CT1001', 'CT1002']) });
    const findings = exec(dir, 'lint');
    assert.equal(findings.code, EXIT_FINDINGS, findings.err);
    assert.match(findings.out, /^svc\/Dockerfile\n {2}svc\/Dockerfile:3:1 +warning +CT1002 /m);
    assert.doesNotMatch(findings.out, ANSI, 'stdout is a pipe: no colour');
    assert.equal(findings.err, '');

    assert.equal(exec(dir, 'lint', '--severity', 'error').code, EXIT_OK);

    const usage = exec(dir, 'lint', '--format', 'xml');
    assert.equal(usage.code, EXIT_USAGE);
    assert.match(usage.err, /unknown format "xml"/);

    const missing = exec(dir, 'lint', 'does-not-exist');
    assert.equal(missing.code, EXIT_USAGE);
    assert.match(missing.err, /no such file or folder: does-not-exist/);

    const json = exec(dir, 'lint', '--format', 'json');
    assert.equal((JSON.parse(json.out) as JsonReport).findings[0].ruleId, 'CT1002');

    const explain = exec(dir, 'explain', 'no-user');
    assert.equal(explain.code, EXIT_OK);
    assert.match(explain.out, /^CT1001 no-user: /);
  });
});
