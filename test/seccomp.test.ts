// Seccomp profiles: the generated data, parser ranges and broken JSON, Docker's default profile
// passing clean, fixes keeping valid JSON, the evaluator and the comparison, hover, the Compose /
// docker run linkage (CT2029, CT2030), 500 mutated profiles, and the CLI's folder walk.

import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, INPUT_PROBLEM_ID, INTERNAL_ERROR_ID } from '../server/src/core/analyze';
import { parseSeccomp } from '../server/src/core/parse/seccomp';
import { applyEdits, TextDoc } from '../server/src/core/text';
import type { Finding, Range } from '../server/src/core/types';
import { ALL_RULES } from '../server/src/core/rules/registry';
import {
  DOCKER_DEFAULT_PROFILE_TEXT,
  archesOf,
  describeDocker,
  dockerListedNames,
  dockerVerdict,
  isKnownSyscall,
} from '../server/src/core/knowledge/seccomp';
import { defaultContainer, evaluate, dockerDefaultModel, wideningsOf } from '../server/src/core/model/seccompEval';
import { compareMarkdown, compareWithDockerDefault } from '../server/src/core/seccompCompare';
import { hoverAt } from '../server/src/core/hover/seccompHover';
import type { SeccompModel } from '../server/src/core/model/seccomp';
import { collectFiles } from '../server/src/cli/walk';
import { run } from '../server/src/cli/main';
import { seccompCompare, seccompDefault } from '../server/src/lsp/seccomp';

const root = join(__dirname, '..');
const GEN = join(root, 'server/src/core/knowledge/generated');

function lint(text: string, path = 'seccomp.json'): Finding[] {
  const a = analyze(path, text);
  assert.ok(a, 'analysed as a seccomp profile');
  return a.findings;
}

/** The text a range covers. */
function at(text: string, r: Range): string {
  return new TextDoc(text).textIn(r);
}

const ids = (f: Finding[]) => f.map((x) => x.ruleId);

// ---------------------------------------------------------------------------------------------

describe('generated data', () => {
  test('the bundled default profile is the published file, byte for byte, with its licence beside it', () => {
    assert.equal(DOCKER_DEFAULT_PROFILE_TEXT, readFileSync(join(GEN, 'docker-default-seccomp.json'), 'utf8'));
    assert.ok(existsSync(join(GEN, 'LICENSE.moby-profiles')));
    assert.match(readFileSync(join(GEN, 'LICENSE.moby-profiles'), 'utf8'), /Apache License\s+Version 2\.0/);
    assert.equal(seccompDefault().text, DOCKER_DEFAULT_PROFILE_TEXT);
    assert.equal(seccompDefault().fileName, 'docker-default-seccomp.json');
  });

  test("the table says what Docker's default does with a call", () => {
    assert.equal(dockerVerdict('read'), 'allowed');
    assert.equal(dockerVerdict('mount'), 'conditional');
    assert.equal(dockerVerdict('clone'), 'conditional');
    assert.equal(dockerVerdict('keyctl'), 'blocked');
    assert.match(describeDocker('mount'), /only with CAP_SYS_ADMIN/);
    assert.match(describeDocker('clone3'), /ENOSYS/);
    assert.match(describeDocker('ptrace'), /kernel 4\.8/);
    assert.match(describeDocker('keyctl'), /blocks/);
    assert.match(describeDocker('arch_prctl'), /amd64\/x32 hosts/);
    assert.ok(dockerListedNames().length > 400);
  });

  test('syscall tables per architecture', () => {
    const tables = JSON.parse(readFileSync(join(GEN, 'syscalls.json'), 'utf8')) as Record<string, string[]>;
    for (const arch of ['x86_64', 'x86', 'x32', 'aarch64']) assert.ok(tables[arch].length > 300, arch);
    assert.deepEqual(archesOf('arch_prctl').sort(), ['x32', 'x86', 'x86_64']);
    assert.ok(!archesOf('open').includes('aarch64'), 'aarch64 has only openat');
    assert.ok(archesOf('openat').includes('aarch64'));
    assert.ok(archesOf('mmap2').includes('x86'));
    assert.ok(isKnownSyscall('cachestat') && isKnownSyscall('listmount'), 'calls newer than the headers');
    assert.ok(isKnownSyscall('s390_pci_mmio_read'), "names from Docker's profile count");
    assert.ok(!isKnownSyscall('acept'));
  });
});

describe('parser', () => {
  const TEXT = [
    '{',
    '  "defaultAction": "SCMP_ACT_ERRNO",',
    '  "architectures": ["SCMP_ARCH_X86_64"],',
    '  "syscalls": [',
    '    { "names": ["read", "write"], "action": "SCMP_ACT_ALLOW" },',
    '    { "name": "clone", "action": "SCMP_ACT_ALLOW", "args": [{ "index": 0, "value": 2114060288, "op": "SCMP_CMP_MASKED_EQ" }],',
    '      "includes": { "caps": ["CAP_SYS_ADMIN"], "minKernel": "4.8" }, "extra": 1 }',
    '  ]',
    '}',
    '',
  ].join('\n');

  test('every value carries its exact range', () => {
    const m = parseSeccomp(TEXT);
    assert.deepEqual(m.problems, []);
    assert.equal(m.defaultAction?.value, 'SCMP_ACT_ERRNO');
    assert.equal(at(TEXT, m.defaultAction.range), '"SCMP_ACT_ERRNO"');
    assert.equal(at(TEXT, m.defaultAction.keyRange!), '"defaultAction"');
    assert.deepEqual(m.defaultAction.range, { start: { line: 1, character: 19 }, end: { line: 1, character: 35 } });
    assert.equal(at(TEXT, m.architectures!.value[0].range), '"SCMP_ARCH_X86_64"');
    assert.equal(m.syscalls.length, 2);
    const [a, b] = m.syscalls;
    assert.deepEqual(
      a.names.map((n) => at(TEXT, n.range)),
      ['"read"', '"write"'],
    );
    assert.equal(a.position, 0);
    assert.equal(at(TEXT, a.namesList!.keyRange), '"names"');
    assert.equal(b.legacyName?.value, 'clone');
    assert.deepEqual(
      b.names.map((n) => n.value),
      ['clone'],
    );
    assert.equal(b.args[0].index?.value, 0);
    assert.equal(b.args[0].value?.raw, '2114060288');
    assert.equal(at(TEXT, b.args[0].op!.range), '"SCMP_CMP_MASKED_EQ"');
    assert.equal(b.includes?.caps?.[0].value, 'CAP_SYS_ADMIN');
    assert.equal(b.includes?.minKernel?.value, '4.8');
    assert.deepEqual(
      m.unknownKeys.map((k) => [k.value, k.where, at(TEXT, k.range)]),
      [['extra', '`syscalls[1]`', '"extra"']],
    );
  });

  test('values of the wrong type are type problems with their path, and the rest still reads', () => {
    const t =
      '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{ "names": "read", "action": 1, "args": [{ "index": -1, "value": 1.5, "op": "SCMP_CMP_EQ" }] }] }';
    const m = parseSeccomp(t);
    assert.deepEqual(
      m.typeProblems.map((p) => [p.path, at(t, p.range)]),
      [
        ['syscalls[0].names', '"read"'],
        ['syscalls[0].action', '1'],
        ['syscalls[0].args[0].index', '-1'],
        ['syscalls[0].args[0].value', '1.5'],
      ],
    );
    assert.equal(m.syscalls[0].args[0].op?.value, 'SCMP_CMP_EQ');
    assert.ok(lint(t).filter((f) => f.ruleId === 'CT3005').length === 4);
  });

  test('null means "not set", as in Go', () => {
    const m = parseSeccomp(
      '{ "defaultAction": "SCMP_ACT_ERRNO", "architectures": null, "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW", "args": null, "comment": null }] }',
    );
    assert.deepEqual(m.typeProblems, []);
    assert.equal(m.architectures, undefined);
  });

  test('a repeated key is reported at the first one; the last one is read', () => {
    const t = '{ "defaultAction": "SCMP_ACT_ALLOW", "defaultAction": "SCMP_ACT_ERRNO" }';
    const m = parseSeccomp(t);
    assert.equal(m.defaultAction?.value, 'SCMP_ACT_ERRNO');
    assert.equal(m.problems.length, 1);
    assert.equal(at(t, m.problems[0].range), '"defaultAction"');
    assert.match(m.problems[0].message, /keeps only the last/);
  });

  test('CRLF files keep their line numbers', () => {
    const t = TEXT.replace(/\n/g, '\r\n');
    const m = parseSeccomp(t);
    assert.deepEqual(m.syscalls[1].legacyName?.range.start, { line: 5, character: 14 });
  });
});

describe('broken JSON', () => {
  test('a missing comma: a precise problem, and the rest of the profile is still checked', () => {
    const t = '{\n  "defaultAction": "SCMP_ACT_ERRNO"\n  "syscalls": [{ "names": ["read", "mount"], "action": "SCMP_ACT_ALLOW" }]\n}\n';
    const f = lint(t);
    const p = f.filter((x) => x.ruleId === INPUT_PROBLEM_ID);
    assert.equal(p.length, 1);
    assert.match(p[0].message, /Expected a comma/);
    assert.deepEqual(p[0].range, { start: { line: 2, character: 2 }, end: { line: 2, character: 12 } });
    assert.equal(p[0].severity, 'error');
    assert.ok(ids(f).includes('CT3009'), 'mount is still reported');
  });

  test('a trailing comma is reported on the comma', () => {
    const t = '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [], }';
    const p = lint(t).filter((x) => x.ruleId === INPUT_PROBLEM_ID);
    assert.equal(p.length, 1);
    assert.match(p[0].message, /Trailing comma/);
    assert.equal(at(t, p[0].range), ',');
    assert.equal(p[0].range.start.character, 51);
  });

  test('comments are reported (Docker reads plain JSON) and what follows still reads', () => {
    const t = '{\n  // allow-list\n  "defaultAction": "SCMP_ACT_ALLOW"\n}\n';
    const f = lint(t);
    const p = f.find((x) => x.ruleId === INPUT_PROBLEM_ID);
    assert.ok(p);
    assert.match(p.message, /Comments are not JSON/);
    assert.equal(at(t, p.range), '// allow-list');
    assert.ok(ids(f).includes('CT3001'));
  });

  test('a file cut short: an unclosed string and the entries before it', () => {
    const t = '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{ "names": ["keyctl"], "action": "SCMP_ACT_ALLOW" }, { "names": ["rea';
    const f = lint(t);
    assert.ok(f.some((x) => x.ruleId === INPUT_PROBLEM_ID && /not closed/.test(x.message)));
    assert.ok(f.some((x) => x.ruleId === 'CT3009' && /keyctl/.test(x.message)));
  });

  test('a top level that is not an object, and an empty file', () => {
    assert.match(lint('[1, 2]').find((x) => x.ruleId === INPUT_PROBLEM_ID)!.message, /is a JSON object/);
    assert.match(lint('').find((x) => x.ruleId === INPUT_PROBLEM_ID)!.message, /empty/);
  });
});

describe("Docker's default profile", () => {
  test('passes with no finding at all', () => {
    assert.deepEqual(lint(DOCKER_DEFAULT_PROFILE_TEXT, 'docker-default-seccomp.json'), []);
  });

  test('is recognised by its content whatever its name', () => {
    const a = analyze('profiles/app.json', DOCKER_DEFAULT_PROFILE_TEXT, {}, 'json');
    assert.equal(a?.kind, 'seccomp');
  });

  test('compares equal to itself; the evaluator agrees with its table', () => {
    for (const c of compareWithDockerDefault(dockerDefaultModel())) {
      assert.deepEqual([c.moreThanDocker, c.withoutCondition, c.lessThanDocker], [[], [], []], c.host);
    }
    const m = dockerDefaultModel();
    const a = defaultContainer('x86_64');
    assert.equal(evaluate(m, 'read', a).verdict, 'allowed');
    assert.equal(evaluate(m, 'mount', a).verdict, 'blocked');
    assert.equal(evaluate(m, 'mount', { ...a, caps: new Set(['CAP_SYS_ADMIN']) }).verdict, 'allowed');
    assert.equal(evaluate(m, 'clone', a).verdict, 'conditional');
    assert.equal(evaluate(m, 'clone3', a).verdict, 'blocked');
    assert.equal(evaluate(m, 'ptrace', { ...a, kernel: [4, 4] }).verdict, 'blocked');
    assert.equal(evaluate(m, 'ptrace', a).verdict, 'allowed');
    assert.equal(evaluate(m, 'arch_prctl', defaultContainer('aarch64')).verdict, 'blocked');
    assert.deepEqual(wideningsOf(m), []);
  });
});

describe('rules', () => {
  const seccompRules = ALL_RULES.filter((r) => r.model === 'seccomp');

  test('CT3001-CT3014 exist, each with examples both ways', () => {
    assert.deepEqual(
      seccompRules.map((r) => r.meta.id),
      Array.from({ length: 14 }, (_, i) => `CT30${String(i + 1).padStart(2, '0')}`),
    );
  });

  test('every fixed example is valid JSON, and every fix of every bad example keeps JSON valid where the example was', () => {
    for (const r of seccompRules) {
      for (const ex of r.meta.bad) {
        if (ex.fixed !== undefined) assert.doesNotThrow(() => JSON.parse(ex.fixed!), `${r.meta.id} fixed example`);
        let valid = true;
        try {
          JSON.parse(ex.bad);
        } catch {
          valid = false;
        }
        if (!valid) continue;
        for (const f of lint(ex.bad).filter((x) => x.ruleId === r.meta.id)) {
          for (const fix of f.fixes) {
            const out = applyEdits(ex.bad, fix.edits);
            assert.doesNotThrow(() => JSON.parse(out), `${r.meta.id} "${fix.title}" gave:\n${out}`);
          }
        }
      }
    }
  });

  test('the example profile of the issue: obsolete name, one architecture, and what fixes do', () => {
    const t =
      '{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_X86_64"], "syscalls": [{"name": "accept", "action": "SCMP_ACT_ALLOW"}]}';
    const f = lint(t);
    assert.deepEqual([...new Set(ids(f))].sort(), ['CT3006', 'CT3007', 'CT3012']);
    const nameFix = f.find((x) => x.ruleId === 'CT3006')!.fixes[0];
    assert.equal(
      applyEdits(t, nameFix.edits),
      '{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_X86_64"], "syscalls": [{"names": ["accept"], "action": "SCMP_ACT_ALLOW"}]}',
    );
    assert.ok(nameFix.safe);
  });

  test('a misspelt call: did-you-mean fixes, nearest first, and no CT3009 noise', () => {
    const t =
      '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{ "names": ["execve", "exit_group", "brk", "mprotect", "rt_sigreturn", "arch_prctl", "clock_getime"], "action": "SCMP_ACT_ALLOW" }] }';
    const f = lint(t);
    const typo = f.find((x) => x.ruleId === 'CT3010');
    assert.ok(typo);
    assert.equal(typo.fixes[0].title, 'Change to "clock_gettime"');
    assert.ok(!f.some((x) => x.ruleId === 'CT3009'));
  });

  test('architectures added to a profile laid out one key per line keep its indentation (tabs)', () => {
    const t = '{\n\t"defaultAction": "SCMP_ACT_ERRNO",\n\t"syscalls": []\n}\n';
    const fix = lint(t).find((x) => x.ruleId === 'CT3007')!.fixes[0];
    assert.equal(
      applyEdits(t, fix.edits),
      '{\n\t"defaultAction": "SCMP_ACT_ERRNO",\n\t"architectures": [\n\t\t"SCMP_ARCH_X86_64",\n\t\t"SCMP_ARCH_X86",\n\t\t"SCMP_ARCH_X32"\n\t],\n\t"syscalls": []\n}\n',
    );
    const arm = lint(t).find((x) => x.ruleId === 'CT3007')!.fixes[1];
    assert.match(arm.title, /SCMP_ARCH_AARCH64, SCMP_ARCH_ARM/);
  });

  test('a deny-list names what it leaves open; an empty object is no filter at all', () => {
    const deny = lint('{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{ "names": ["unshare"], "action": "SCMP_ACT_ERRNO" }] }');
    const msg = deny.find((x) => x.ruleId === 'CT3001')!.message;
    assert.match(msg, /mount/);
    assert.doesNotMatch(msg, /unshare,/);
    assert.match(lint('{}').find((x) => x.ruleId === 'CT3001')!.message, /unconfined/);
    assert.match(lint('{ "syscalls": [] }').find((x) => x.ruleId === 'CT3001')!.message, /unconfined/);
  });

  test('findings, quick-fix titles and parser problems come out in Simplified Chinese for zh-CN', () => {
    const text = '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{ "names": ["unshare"], "action": "SCMP_ACT_ERRNO" }] }';
    const zh = analyze('seccomp.json', text, { locale: 'zh-CN' })!.findings.find((x) => x.ruleId === 'CT3001')!;
    assert.match(zh.message, /^SCMP_ACT_ALLOW 会让所有未列出的调用执行：这是一个拒绝列表/);
    assert.match(zh.message, /mount/);
    const action = analyze('seccomp.json', '{ "defaultAction": "scmp_act_errno" }', { locale: 'zh-CN' })!.findings.find(
      (x) => x.ruleId === 'CT3002',
    )!;
    assert.equal(action.fixes[0].title, '改为 SCMP_ACT_ERRNO');
    const broken = analyze('seccomp.json', '{ "defaultAction": "SCMP_ACT_ERRNO", }', { locale: 'zh-CN' })!.findings;
    assert.match(broken.find((x) => x.ruleId === INPUT_PROBLEM_ID)!.message, /^多余的逗号/);
    // English stays the default.
    assert.match(analyze('seccomp.json', text)!.findings.find((x) => x.ruleId === 'CT3001')!.message, /^SCMP_ACT_ALLOW lets every call/);
  });

  test('an unknown key is never renamed to a key its object already has (fuzz)', () => {
    const text =
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW", "includes": {}, "xcludes": {}}]}';
    const f = lint(text).find((x) => x.ruleId === 'CT3008');
    assert.ok(f);
    assert.deepEqual(
      f.fixes.map((x) => x.title),
      ['Rename to "excludes"'],
    );
  });

  test('a defaultAction written with the wrong type is replaced by the fix, not followed by a second one (fuzz)', () => {
    const text = '{"defaultAction": 1, "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}';
    const f = lint(text).find((x) => x.ruleId === 'CT3002');
    assert.ok(f && f.fixes.length === 1);
    const out = applyEdits(text, f.fixes[0].edits);
    assert.equal(out, '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}');
    const after = lint(out).map((x) => x.ruleId);
    assert.ok(!after.includes('CT3002') && !after.includes('CT3005'), after.join(' '));
  });

  test('conflicting duplicates: the entry runc skips (its action is the default) is the one reported', () => {
    const t =
      '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{ "names": ["mount"], "action": "SCMP_ACT_ERRNO" }, { "names": ["mount"], "action": "SCMP_ACT_ALLOW" }] }';
    const f = lint(t).find((x) => x.ruleId === 'CT3011')!;
    assert.match(f.message, /runc skips syscalls\[0\]/);
    assert.equal(f.range.start.character, new TextDoc(t).text.indexOf('"mount"'));
  });
});

describe('hover', () => {
  const t = '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["mount", "read"], "action": "SCMP_ACT_ALLOW" }]\n}\n';
  const a = analyze('seccomp.json', t)!;
  const m = (a.model as { seccomp: SeccompModel }).seccomp;

  test('a syscall name: its architectures, what Docker does, what this profile does, and the finding', () => {
    const h = hoverAt(m, a.findings, { line: 2, character: 27 });
    assert.ok(h);
    assert.match(h.markdown, /\*\*`mount`\*\* \(system call\)\n\nAttach a filesystem/, 'the purpose follows the name');
    assert.match(h.markdown, /x86-64, 32-bit x86, x32, 64-bit ARM, 32-bit ARM/);
    assert.match(h.markdown, /only with CAP_SYS_ADMIN/);
    assert.match(h.markdown, /allowed by syscalls\[0\]/);
    assert.match(h.markdown, /CT3009/);
    assert.equal(at(t, h.range!), '"mount"');
  });

  test('a key and an action', () => {
    assert.match(hoverAt(m, [], { line: 1, character: 5 })!.markdown, /every system call no entry/);
    assert.match(hoverAt(m, [], { line: 2, character: 62 })!.markdown, /SCMP_ACT_ALLOW\*\*: The call runs normally/);
  });

  test('nothing on punctuation', () => {
    assert.equal(hoverAt(m, [], { line: 0, character: 0 }), undefined);
  });

  test('in Simplified Chinese for zh-CN: the call, a key, an action and the finding', () => {
    const zh = analyze('seccomp.json', t, { locale: 'zh-CN' })!;
    const h = hoverAt(m, zh.findings, { line: 2, character: 27 }, 'zh-CN')!;
    assert.match(h.markdown, /\*\*`mount`\*\*（系统调用）\n\n[^\n]*文件系统[^\n]*。/);
    assert.match(h.markdown, /x86-64、32 位 x86、x32、64 位 ARM、32 位 ARM/);
    assert.match(h.markdown, /只在以下情况允许 `mount`：具有 CAP_SYS_ADMIN 时/);
    assert.match(h.markdown, /由 syscalls\[0\] 允许/);
    assert.match(h.markdown, /CT3009/);
    assert.match(hoverAt(m, [], { line: 1, character: 5 }, 'zh-CN')!.markdown, /没有任何条目匹配的系统调用/);
    assert.match(hoverAt(m, [], { line: 2, character: 62 }, 'zh-CN')!.markdown, /SCMP_ACT_ALLOW\*\*：调用正常执行/);
  });
});

describe('compare', () => {
  test('what a profile allows beyond the default and what it refuses, per host', () => {
    const m = parseSeccomp(
      '{ "defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_X86_64"], "syscalls": [{ "names": ["read", "mount", "clone"], "action": "SCMP_ACT_ALLOW" }] }',
    );
    const [c, ...rest] = compareWithDockerDefault(m);
    assert.equal(rest.length, 0, 'only the host the profile covers');
    assert.equal(c.host, 'x86_64');
    assert.deepEqual(
      c.moreThanDocker.map((x) => x.name),
      ['mount'],
    );
    assert.deepEqual(
      c.withoutCondition.map((x) => x.name),
      ['clone'],
    );
    assert.ok(c.lessThanDocker.some((x) => x.name === 'write'));
    assert.ok(!c.lessThanDocker.some((x) => x.name === 'read'));
    const md = compareMarkdown(m, 'p.json');
    assert.match(md, /^# p\.json compared with Docker's default seccomp profile/);
    assert.match(md, /\| `mount` \| syscalls\[0\] \|/);
  });

  test('the request says when a file is not a profile', () => {
    assert.equal(seccompCompare({ text: '{ "a": 1 }', fileName: 'a.json' }).isProfile, false);
    assert.equal(seccompCompare(undefined).isProfile, false);
    assert.equal(seccompCompare({ text: DOCKER_DEFAULT_PROFILE_TEXT }).isProfile, true);
  });
});

describe('Compose and docker run follow the profile', () => {
  const compose = (opt: string) => `services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - ${opt}\n`;
  const withFiles = (text: string, files: Record<string, string>, path = 'compose.yaml') =>
    analyze(path, text, { readRelative: (p) => files[p.replace(/^\.\//, '')] })!.findings;

  test('a missing relative profile is an error at the option; absolute, unconfined and builtin are not', () => {
    const f = withFiles(compose('seccomp=./p.json'), {});
    const miss = f.find((x) => x.ruleId === 'CT2029');
    assert.ok(miss);
    assert.equal(miss.severity, 'error');
    assert.equal(at(compose('seccomp=./p.json'), miss.range), 'seccomp=./p.json');
    for (const opt of ['seccomp=/etc/docker/p.json', 'seccomp:unconfined', 'seccomp=builtin', '"seccomp=${PROFILE}"']) {
      assert.ok(!ids(withFiles(compose(opt), {})).includes('CT2029'), opt);
    }
  });

  test('without a way to read files nothing is reported; Markdown tutorials are not checked for missing files', () => {
    assert.ok(!ids(analyze('compose.yaml', compose('seccomp=./p.json'))!.findings).includes('CT2029'));
    const md = '```sh\ndocker run --security-opt seccomp=p.json alpine:3.20\n```\n';
    assert.ok(!ids(withFiles(md, {}, 'README.md')).includes('CT2029'));
  });

  test("an existing profile's security findings are summed up at the option", () => {
    const weak =
      '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{ "names": ["read", "unshare", "mount"], "action": "SCMP_ACT_ALLOW" }] }';
    const f = withFiles(compose('seccomp=./p.json'), { 'p.json': weak }).find((x) => x.ruleId === 'CT2030');
    assert.ok(f);
    assert.equal(f.severity, 'info');
    assert.match(f.message, /allows unshare and mount/);
    const broken = withFiles(compose('seccomp=./p.json'), { 'p.json': '{ "defaultAction": "SCMP_ACT_DENY" }' }).find(
      (x) => x.ruleId === 'CT2030',
    );
    assert.ok(broken);
    assert.equal(broken.severity, 'warning');
    assert.match(broken.message, /refuse/);
    assert.ok(!ids(withFiles(compose('seccomp=./p.json'), { 'p.json': DOCKER_DEFAULT_PROFILE_TEXT })).includes('CT2030'));
  });

  test('docker run lines in scripts too', () => {
    const sh = '#!/bin/sh\ndocker run --security-opt seccomp=p.json example/app:1.0\n';
    assert.ok(ids(withFiles(sh, {}, 'run.sh')).includes('CT2029'));
    assert.ok(ids(withFiles(sh, { 'p.json': '{ "defaultAction": "SCMP_ACT_LOG" }' }, 'run.sh')).includes('CT2030'));
  });
});

// ---------------------------------------------------------------------------------------------
// 500 deterministic mutations of Docker's default profile

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function within(doc: TextDoc, range: Range): boolean {
  const ok = (p: { line: number; character: number }) =>
    p.line >= 0 && p.line < doc.lineCount && p.character >= 0 && p.character <= doc.lineText(p.line).length;
  const ordered =
    range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

type Mutation = { kind: string; text: string; mustFind: boolean };

/** One mutation of the profile object or its text; `mustFind` when it certainly breaks something. */
function mutate(base: string, next: () => number): Mutation {
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const obj = JSON.parse(base) as { syscalls: Record<string, unknown>[]; [k: string]: unknown };
  const entry = pick(obj.syscalls);
  const kind = pick(['truncate', 'delete-key', 'change-type', 'misspell-name', 'rename-key', 'noise']);
  switch (kind) {
    case 'truncate': {
      const cut = 1 + Math.floor(next() * (base.length - 2));
      return { kind, text: base.slice(0, cut), mustFind: true };
    }
    case 'delete-key': {
      const target = next() < 0.3 ? obj : entry;
      const keys = Object.keys(target);
      delete target[pick(keys)];
      return { kind, text: JSON.stringify(obj, null, '\t'), mustFind: false };
    }
    case 'change-type': {
      const keys = Object.keys(entry);
      const k = pick(keys);
      const v = entry[k];
      entry[k] = typeof v === 'string' ? 42 : Array.isArray(v) ? 'x' : typeof v === 'object' ? [1] : 'x';
      return { kind, text: JSON.stringify(obj, null, '\t'), mustFind: k !== 'comment' || typeof v !== 'string' };
    }
    case 'misspell-name': {
      const names = entry.names as string[];
      const i = Math.floor(next() * names.length);
      const n = names[i];
      const j = Math.floor(next() * n.length);
      const spelt = next() < 0.5 ? n.slice(0, j) + n.slice(j + 1) : n.slice(0, j) + 'q' + n.slice(j);
      names[i] = spelt;
      return { kind, text: JSON.stringify(obj, null, '\t'), mustFind: !isKnownSyscall(spelt) && spelt !== '' };
    }
    case 'rename-key': {
      const keys = Object.keys(entry);
      const k = pick(keys);
      entry[`${k}x`] = entry[k];
      delete entry[k];
      return { kind, text: JSON.stringify(obj, null, '\t'), mustFind: true };
    }
    default: {
      const at = Math.floor(next() * base.length);
      const noise = pick(['}', ']', ',', '"', ':', '{', '\\', '\u0001', '// x\n', '0x1', 'NaN']);
      return { kind, text: base.slice(0, at) + noise + base.slice(at), mustFind: false };
    }
  }
}

test('500 mutated profiles: no exception, no rule failure, every range and fix edit inside the document', () => {
  const next = rng(6_2026);
  const kinds = new Map<string, number>();
  for (let i = 0; i < 500; i++) {
    const m = mutate(DOCKER_DEFAULT_PROFILE_TEXT, next);
    kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
    let a;
    try {
      a = analyze('seccomp.json', m.text);
    } catch (e) {
      assert.fail(`analyze threw on a ${m.kind} mutation: ${(e as Error).stack}`);
    }
    assert.ok(a);
    const doc = new TextDoc(m.text);
    for (const f of a.findings) {
      assert.notEqual(f.ruleId, INTERNAL_ERROR_ID, `${f.message} (${m.kind})`);
      assert.ok(within(doc, f.range), `${f.ruleId} range ${JSON.stringify(f.range)} outside the document (${m.kind})`);
      for (const fix of f.fixes) {
        for (const e of fix.edits) assert.ok(within(doc, e.range), `${f.ruleId} "${fix.title}" edits outside the document`);
        assert.equal(typeof applyEdits(m.text, fix.edits), 'string');
      }
    }
    if (m.mustFind) assert.ok(a.findings.length > 0, `a ${m.kind} mutation was not reported`);
  }
  assert.equal(kinds.size, 6, 'every kind of mutation ran');
});

// ---------------------------------------------------------------------------------------------

/** `containment lint --format json <args>` in `cwd`: the exit code and the findings. */
function lintJson(args: string[], cwd: string): { code: number; findings: { file: string; ruleId: string; line: number }[] } {
  let out = '';
  const code = run(
    ['lint', '--format', 'json', ...args],
    cwd,
    (s) => void (out += s),
    () => undefined,
  );
  return { code, findings: (JSON.parse(out) as { findings: { file: string; ruleId: string; line: number }[] }).findings };
}

describe('CLI', () => {
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  test('a folder walk finds *seccomp*.json by name, JSON with a top-level defaultAction by content, and lints them with the Compose file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'containment-seccomp-'));
    dirs.push(dir);
    writeFileSync(
      join(dir, 'app-seccomp.json'),
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "name": "mount", "action": "SCMP_ACT_ALLOW" }]\n}\n',
    );
    writeFileSync(join(dir, 'other.json'), '{ "defaultAction": "SCMP_ACT_ALLOW" }\n');
    writeFileSync(
      join(dir, 'compose.yaml'),
      'services:\n  app:\n    image: example/app:1.0\n    security_opt: ["seccomp=./app-seccomp.json", "seccomp=./gone.json"]\n',
    );
    const walk = collectFiles(['.'], dir, []);
    assert.deepEqual(walk.files.sort(), [join(dir, 'app-seccomp.json'), join(dir, 'compose.yaml'), join(dir, 'other.json')]);
    const report = lintJson(['.'], dir);
    assert.equal(report.code, 1);
    const found = report.findings.map((f) => `${f.file.split(/[\\/]/).pop()}:${f.ruleId}@${f.line}`);
    for (const want of [
      'app-seccomp.json:CT3006@3',
      'app-seccomp.json:CT3009@3',
      'compose.yaml:CT2029@4',
      'compose.yaml:CT2030@4',
      'other.json:CT3001@1',
    ]) {
      assert.ok(found.includes(want), `${want} in ${found.join(' ')}`);
    }
  });

  test('a folder walk lints the JSON files that a Compose file or a script names in seccomp=<path>, whatever their names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'containment-seccomp-ref-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'app'));
    mkdirSync(join(dir, 'profiles'));
    // No defaultAction, so neither the name nor a look at the content says "seccomp profile".
    writeFileSync(join(dir, 'profiles', 'api.json'), '{\n  "syscalls": [{ "names": ["mount"], "action": "SCMP_ACT_ALLOW" }]\n}\n');
    writeFileSync(join(dir, 'profiles', 'worker.json'), '{\n  "syscalls": [{ "name": "unshare", "action": "SCMP_ACT_ALLOW" }]\n}\n');
    writeFileSync(join(dir, 'profiles', 'unused.json'), '{ "syscalls": [] }\n');
    writeFileSync(join(dir, 'package.json'), '{ "name": "x" }\n');
    const outside = join(tmpdir(), 'containment-outside.json');
    writeFileSync(outside, '{ "syscalls": [] }\n');
    dirs.push(outside);
    writeFileSync(
      join(dir, 'app', 'compose.yaml'),
      'services:\n  api:\n    image: example/api:1.0\n    security_opt:\n      - seccomp=../profiles/api.json\n      - seccomp=../../containment-outside.json\n',
    );
    writeFileSync(join(dir, 'run.sh'), 'docker run --security-opt seccomp=profiles/worker.json example/worker:1.0\n');
    const report = lintJson(['.'], dir);
    assert.equal(report.code, 1);
    const files = new Set(report.findings.map((f) => f.file));
    const found = report.findings.map((f) => `${f.file}:${f.ruleId}@${f.line}`);
    for (const want of ['profiles/api.json:CT3009@2', 'profiles/worker.json:CT3006@2', 'profiles/worker.json:CT3009@2']) {
      assert.ok(found.includes(want), `${want} in ${found.join(' ')}`);
    }
    for (const not of ['profiles/unused.json', 'package.json']) assert.ok(!files.has(not), `${not} is not linted`);
    assert.ok(![...files].some((f) => f.includes('containment-outside')), 'a profile outside the folder is not linted');

    // Named on the command line, the Compose file alone is linted: its profiles are not added.
    const alone = lintJson(['app/compose.yaml'], dir);
    assert.deepEqual([...new Set(alone.findings.map((f) => f.file))], ['app/compose.yaml']);

    // A JSON file named on the command line whose name and content say nothing is read as a profile.
    const named = lintJson(['profiles/unused.json'], dir);
    assert.ok(
      named.findings.some((f) => f.file === 'profiles/unused.json' && f.ruleId.startsWith('CT3')),
      JSON.stringify(named.findings),
    );
  });
});
