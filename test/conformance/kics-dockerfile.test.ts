// Conformance against the KICS Dockerfile corpus (../shared/corpus/kics/dockerfile, optional: see
// ../shared/corpus/README.md). For every KICS query that maps to a Containment rule, the rule must
// fire on every line KICS expects in the positive files and never in the negative files, except
// where we deliberately disagree with KICS (KNOWN_DIFFERENCES, each with its reason). Queries out
// of Containment's scope are listed in UNMAPPED with the reason. The test prints a table.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { ruleById } from '../../server/src/core/rules/registry';
import type { Finding } from '../../server/src/core/types';
import type { Instr } from '../../server/src/core/model/image';

const repoRoot = join(__dirname, '..', '..');
const CORPUS = join(repoRoot, '..', 'shared', 'corpus', 'kics', 'dockerfile');

/** KICS query folder → the Containment rule(s) that cover it. */
const MAPPING: Record<string, string[]> = {
  add_instead_of_copy: ['CT1004'],
  // KICS flags `ADD <url>` and advises curl/wget; CT1005 flags the same ADD (unless it has
  // --checksum) and advises --checksum or a verified download in RUN: same findings, stricter fix.
  curl_or_wget_instead_of_add: ['CT1005'],
  exposing_port_22: ['CT1012'],
  healthcheck_instruction_missing: ['CT1013'],
  image_version_not_explicit: ['CT1007'],
  image_version_using_latest: ['CT1007'],
  last_user_is_root: ['CT1002'],
  missing_user_instruction: ['CT1001'],
  run_using_sudo: ['CT1003'],
};

const NOT_ISOLATION_PINNING = 'package version pinning is reproducibility hygiene, not container isolation; no Containment rule';
const NOT_ISOLATION_SIZE = 'package cache and image size hygiene, not container isolation; no Containment rule';
const NOT_ISOLATION_PROMPT = 'non-interactive flags keep builds from hanging: build reliability, not isolation; no Containment rule';
const NOT_ISOLATION_SYNTAX = 'Dockerfile correctness and style, left to syntax linters (hadolint, Docker DX); no isolation effect';

/** KICS query folder → why Containment does not map it. */
const UNMAPPED: Record<string, string> = {
  apk_add_using_local_cache_path: NOT_ISOLATION_SIZE,
  apt_get_install_lists_were_not_deleted: NOT_ISOLATION_SIZE,
  apt_get_install_pin_version_not_defined: NOT_ISOLATION_PINNING,
  apt_get_missing_flags_to_avoid_manual_input: NOT_ISOLATION_PROMPT,
  apt_get_not_avoiding_additional_packages:
    'fewer recommended packages means a smaller image; not isolation (build tools left behind are CT1018)',
  changing_default_shell_using_run_command: NOT_ISOLATION_SYNTAX,
  chown_flag_exists:
    'KICS wants application files owned by root rather than the runtime user (COPY --chown); file ownership inside the image, not isolation, and often the documented way to run as non-root',
  copy_from_references_current_from_alias: NOT_ISOLATION_SYNTAX,
  copy_with_more_than_two_arguments_not_ending_with_slash: NOT_ISOLATION_SYNTAX,
  gem_install_without_version: NOT_ISOLATION_PINNING,
  maintainer_instruction_being_used: NOT_ISOLATION_SYNTAX,
  missing_dnf_clean_all: NOT_ISOLATION_SIZE,
  missing_flag_from_dnf_install: NOT_ISOLATION_PROMPT,
  missing_version_specification_in_dnf_install: NOT_ISOLATION_PINNING,
  missing_zypper_clean: NOT_ISOLATION_SIZE,
  missing_zypper_non_interactive_switch: NOT_ISOLATION_PROMPT,
  multiple_cmd_instructions_listed: NOT_ISOLATION_SYNTAX,
  multiple_entrypoint_instructions_listed: NOT_ISOLATION_SYNTAX,
  multiple_run_add_copy_instructions_listed: 'layer count is image size and build speed, not isolation',
  not_using_json_in_cmd_and_entrypoint_arguments: 'signal handling of the shell form (PID 1), not isolation',
  npm_install_without_pinned_version: NOT_ISOLATION_PINNING,
  pip_install_keeping_cached_packages: NOT_ISOLATION_SIZE,
  run_command_cd_instead_of_workdir: NOT_ISOLATION_SYNTAX,
  run_using_apt: 'apt versus apt-get is CLI stability for scripts, not isolation',
  run_using_wget_and_curl: 'having both curl and wget is image size, not isolation',
  run_utilities_and_posix_commands: 'interactive tools (top, ps, vim) in RUN are style, not isolation',
  same_alias_in_different_froms: NOT_ISOLATION_SYNTAX,
  shell_running_a_pipe_without_pipefail_flag:
    'pipefail makes builds fail on errors: build correctness, not isolation (piping a download into a shell is CT1006)',
  unix_ports_out_of_range: 'an invalid port number is a syntax error the builder reports; not isolation',
  unpinned_package_version_in_apk_add: NOT_ISOLATION_PINNING,
  unpinned_package_version_in_pip_install: NOT_ISOLATION_PINNING,
  update_instruction_alone: 'a lone `apt-get update` layer is a caching pitfall, not isolation',
  using_platform_with_from: NOT_ISOLATION_SYNTAX,
  using_unnamed_build_stages: NOT_ISOLATION_SYNTAX,
  workdir_path_not_absolute: NOT_ISOLATION_SYNTAX,
  yum_clean_all_missing: NOT_ISOLATION_SIZE,
  yum_install_allows_manual_input: NOT_ISOLATION_PROMPT,
  yum_install_without_version: NOT_ISOLATION_PINNING,
  zypper_install_without_version: NOT_ISOLATION_PINNING,
};

interface KnownDifference {
  query: string;
  file: string;
  /** 1-based line, as in KICS's expectations and our printed findings. */
  line: number;
  kind: 'missed' | 'false alarm';
  reason: string;
}

/** Cases where Containment deliberately disagrees with KICS. A difference that stops happening fails the test, so this list stays true. */
const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    query: 'add_instead_of_copy',
    file: 'positive.dockerfile',
    line: 8,
    kind: 'missed',
    reason:
      '`ADD ${JAR_FILE} app.jar` with `ARG JAR_FILE` and no default: the source is unknown (it may be a URL, CT1005, or a tar archive ADD is meant to unpack), so CT1004 does not judge variable sources by design (see the rule doc)',
  },
  {
    query: 'missing_user_instruction',
    file: 'negative.dockerfile',
    line: 9,
    kind: 'false alarm',
    reason:
      'the final stage is `FROM scratch` without USER: KICS exempts scratch, but a scratch image runs as UID 0 unless it sets USER, so CT1001 reports it by design (see the rule doc)',
  },
];

// ---------------------------------------------------------------------------------------------

interface Expected {
  /** The positive file the line belongs to, or undefined when KICS does not say and there are several. */
  file?: string;
  line: number;
}

interface Row {
  query: string;
  rules: string;
  status: string;
  expected: number;
  found: number;
  missed: string[];
  falseAlarms: string[];
  known: string[];
  extra: string[];
}

function readExpected(dir: string, positives: string[]): Expected[] {
  const raw = JSON.parse(readFileSync(join(dir, 'positive_expected_result.json'), 'utf8')) as {
    line: number;
    fileName?: string;
    filename?: string;
  }[];
  return raw.map((e) => {
    const named = e.fileName ?? e.filename;
    return { file: named ?? (positives.length === 1 ? positives[0] : undefined), line: e.line };
  });
}

interface Analysed {
  findings: Finding[];
  instructions: Instr[];
}

function analyseFile(path: string, ruleIds: string[]): Analysed {
  const a = analyze('Dockerfile', readFileSync(path, 'utf8'));
  assert.ok(a, `no analysis for ${path}`);
  assert.deepEqual(
    a.findings.filter((f) => f.ruleId === 'CT0001').map((f) => f.message),
    [],
    `a rule crashed on ${path}`,
  );
  return {
    findings: a.findings.filter((f) => ruleIds.includes(f.ruleId)),
    instructions: a.model?.kind === 'dockerfile' ? a.model.image.instructions : [],
  };
}

/** Does a finding stand for the 1-based line KICS expects: on it, spanning it, or inside the instruction that starts there? */
function findingCovers(f: Finding, line: number, instructions: Instr[]): boolean {
  const start = f.range.start.line + 1;
  const end = f.range.end.line + 1;
  if (start <= line && line <= end) return true;
  const instr = instructions.find((i) => i.range.start.line + 1 === line);
  return !!instr && instr.range.start.line + 1 <= start && start <= instr.range.end.line + 1;
}

function isKnown(query: string, file: string, line: number, kind: KnownDifference['kind']): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((k) => k.query === query && k.file === file && k.line === line && k.kind === kind);
}

function checkQuery(query: string, ruleIds: string[]): Row {
  const row: Row = {
    query,
    rules: ruleIds.join('+'),
    status: 'ok',
    expected: 0,
    found: 0,
    missed: [],
    falseAlarms: [],
    known: [],
    extra: [],
  };
  const absent = ruleIds.filter((id) => !ruleById(id));
  if (absent.length > 0) {
    row.status = `rule not present (${absent.join(', ')})`;
    return row;
  }
  const dir = join(CORPUS, query, 'test');
  const files = readdirSync(dir).sort();
  const positives = files.filter((f) => f.startsWith('positive') && f !== 'positive_expected_result.json');
  const negatives = files.filter((f) => f.startsWith('negative'));
  const expected = readExpected(dir, positives);
  row.expected = expected.length;
  const analysed = new Map(positives.map((f) => [f, analyseFile(join(dir, f), ruleIds)]));
  const used = new Set<Finding>();

  for (const e of expected) {
    const candidates = e.file ? [e.file] : positives;
    let hit = false;
    for (const file of candidates) {
      const a = analysed.get(file);
      assert.ok(a, `${query}: expected result names ${file}, which is not a positive file here`);
      const covering = a.findings.filter((f) => findingCovers(f, e.line, a.instructions));
      covering.forEach((f) => used.add(f));
      if (covering.length > 0) hit = true;
    }
    const where = `${e.file ?? positives.join('|')}:${e.line}`;
    if (hit) row.found++;
    else if (e.file && isKnown(query, e.file, e.line, 'missed')) row.known.push(`missed ${where}`);
    else row.missed.push(where);
  }
  // Findings on positive files at lines KICS does not list: reported, not failed (a file may hold
  // more than one problem, and KICS lists one line per problem where we may point elsewhere).
  for (const [file, a] of analysed) {
    for (const f of a.findings) if (!used.has(f)) row.extra.push(`${file}:${f.range.start.line + 1}`);
  }
  for (const file of negatives) {
    const a = analyseFile(join(dir, file), ruleIds);
    for (const line of [...new Set(a.findings.map((f) => f.range.start.line + 1))]) {
      if (isKnown(query, file, line, 'false alarm')) row.known.push(`false alarm ${file}:${line}`);
      else row.falseAlarms.push(`${file}:${line}`);
    }
  }
  if (row.missed.length > 0 || row.falseAlarms.length > 0) row.status = 'FAIL';
  else if (row.known.length > 0) row.status = 'ok (known differences)';
  return row;
}

function table(rows: Row[]): string {
  const header = ['query', 'rule', 'expected', 'found', 'missed', 'false alarms', 'known diff.', 'status'];
  const cells = rows.map((r) => [
    r.query,
    r.rules,
    String(r.expected),
    String(r.found),
    String(r.missed.length),
    String(r.falseAlarms.length),
    String(r.known.length),
    r.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i >= 2 && i <= 6 ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  const details: string[] = [];
  for (const r of rows) {
    if (r.missed.length) details.push(`  ${r.query}: missed ${r.missed.join(', ')}`);
    if (r.falseAlarms.length) details.push(`  ${r.query}: false alarms ${r.falseAlarms.join(', ')}`);
    for (const k of r.known) details.push(`  ${r.query}: known difference, ${k}`);
    if (r.extra.length) details.push(`  ${r.query}: also reported on positives (not in KICS's list) ${r.extra.join(', ')}`);
  }
  return [...out, ...(details.length ? ['', ...details] : [])].join('\n');
}

// ---------------------------------------------------------------------------------------------

describe('KICS Dockerfile conformance', () => {
  if (!existsSync(CORPUS)) {
    const why = `the KICS corpus is not at ${CORPUS} (it is optional: ../shared/corpus exists only beside the project's own checkout)`;
    console.log(`KICS conformance skipped: ${why}.`);
    test('KICS conformance', (t) => t.skip(why));
    return;
  }

  const queries = readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

  test('every query in the corpus is either mapped to a rule or listed as unmapped with a reason', () => {
    const undecided = queries.filter((q) => !(q in MAPPING) && !(q in UNMAPPED));
    assert.deepEqual(undecided, [], 'decide for each new KICS query: add it to MAPPING or to UNMAPPED with a reason');
    const stale = [...Object.keys(MAPPING), ...Object.keys(UNMAPPED)].filter((q) => !queries.includes(q));
    assert.deepEqual(stale, [], 'these entries name queries the corpus does not have');
    assert.deepEqual(
      Object.keys(MAPPING).filter((q) => q in UNMAPPED),
      [],
      'a query is either mapped or unmapped',
    );
    for (const [q, reason] of Object.entries(UNMAPPED)) assert.ok(reason.length > 10, `${q} needs a reason`);
  });

  test('no rule crashes on any file of the corpus, mapped or not', () => {
    let count = 0;
    const crashes: string[] = [];
    for (const q of queries) {
      const dir = join(CORPUS, q, 'test');
      for (const f of readdirSync(dir).filter((n) => !n.endsWith('.json'))) {
        const a = analyze('Dockerfile', readFileSync(join(dir, f), 'utf8'));
        count++;
        for (const x of a?.findings ?? []) if (x.ruleId === 'CT0001') crashes.push(`${q}/${f}: ${x.message}`);
      }
    }
    assert.ok(count > 100, `analysed ${count} files`);
    assert.deepEqual(crashes, []);
  });

  test('mapped queries: every expected line found, no false alarm on negatives', () => {
    const rows = Object.entries(MAPPING)
      .filter(([q]) => queries.includes(q))
      .map(([q, rules]) => checkQuery(q, rules));
    console.log(`\nKICS Dockerfile conformance (${CORPUS})\n${table(rows)}\n`);
    console.log(
      `Unmapped (${Object.keys(UNMAPPED).length} of ${queries.length} queries):\n${Object.entries(UNMAPPED)
        .map(([q, why]) => `  ${q}: ${why}`)
        .join('\n')}\n`,
    );

    // A known difference that no longer happens is stale: remove it so the list stays true.
    const stale = KNOWN_DIFFERENCES.filter((k) => {
      const row = rows.find((r) => r.query === k.query);
      if (!row || row.status.startsWith('rule not present')) return false;
      return !row.known.includes(`${k.kind} ${k.file}:${k.line}`);
    });
    assert.deepEqual(
      stale.map((k) => `${k.query} ${k.kind} ${k.file}:${k.line}`),
      [],
      'KNOWN_DIFFERENCES lists cases that no longer differ',
    );
    const failures = rows.filter((r) => r.status === 'FAIL');
    assert.deepEqual(
      failures.map((r) => `${r.query} (${r.rules}): missed [${r.missed.join(', ')}], false alarms [${r.falseAlarms.join(', ')}]`),
      [],
      'regressions against the KICS corpus (see the table above)',
    );
  });
});
