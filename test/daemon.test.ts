// daemon.json: parser ranges, broken JSON, duplicate keys, the key schema and "did you mean", fixes
// that keep valid JSON and the file's layout, side effects stated in fix titles and docs, hover,
// a generated corpus of mutated files, and the CLI's folder walk.

import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDaemon } from '../server/src/core/parse/daemon';
import { analyze, INTERNAL_ERROR_ID, INPUT_PROBLEM_ID } from '../server/src/core/analyze';
import { applyEdits, TextDoc } from '../server/src/core/text';
import { ALL_RULES } from '../server/src/core/rules/registry';
import { closestKey, DAEMON_KEYS, IGNORED_KEYS, REMOVED_KEYS } from '../server/src/core/knowledge/daemonKeys';
import { daemonHover } from '../server/src/core/hover/daemonHover';
import { collectFiles } from '../server/src/cli/walk';
import { run } from '../server/src/cli/main';
import { inLocale, type Finding, type Range } from '../server/src/core/types';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});

function lint(text: string): Finding[] {
  const a = analyze('daemon.json', text);
  assert.ok(a, 'daemon.json is analysed');
  return a.findings;
}

describe('parser', () => {
  test('entries carry exact key and value ranges, and nested values theirs', () => {
    const m = parseDaemon('{\n  "icc": false,\n  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"]\n}\n');
    assert.deepEqual(m.problems, []);
    assert.equal(m.partial, false);
    const icc = m.entries.get('icc')!;
    assert.deepEqual(icc.keyRange, r(1, 2, 1, 7));
    assert.deepEqual(icc.valueRange, r(1, 9, 1, 14));
    assert.equal(icc.value, false);
    assert.equal(icc.type, 'boolean');
    const hosts = m.entries.get('hosts')!;
    assert.equal(hosts.type, 'array');
    assert.deepEqual(
      hosts.json.items!.map((i) => i.range),
      [r(2, 12, 2, 41), r(2, 43, 2, 63)],
    );
    assert.deepEqual(m.anchor, r(0, 0, 0, 1));
  });

  test('CRLF files keep their line numbers', () => {
    const m = parseDaemon('{\r\n  "debug": true,\r\n  "icc": false\r\n}\r\n');
    assert.deepEqual(m.entries.get('icc')!.keyRange, r(2, 2, 2, 7));
  });

  test('broken JSON: errors at precise ranges, and what parses is still read', () => {
    const text = '{\n  "icc": true,\n  "log-level": ,\n  "userland-proxy": true\n  "live-restore": true\n}\n';
    const m = parseDaemon(text);
    assert.equal(m.partial, true);
    assert.equal(m.entries.get('icc')!.value, true);
    assert.equal(m.entries.get('userland-proxy')!.value, true);
    assert.equal(m.entries.get('live-restore')!.value, true);
    assert.ok(!m.entries.has('log-level'), 'a key without a value is not an entry');
    assert.ok(
      m.props.some((p) => p.key === 'log-level' && !p.value),
      'but it is a prop',
    );
    const messages = m.problems.map((p) => `${p.range.start.line}:${p.range.start.character} ${p.message}`);
    assert.ok(
      messages.some((x) => x.startsWith('2:15 A value is expected')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((x) => x.startsWith('4:2 A comma is expected')),
      messages.join('\n'),
    );
    for (const p of m.problems) assert.equal(p.severity, 'error');
    for (const p of m.problems) assert.match(p.message, /dockerd refuses to start/);
  });

  test('a trailing comma is reported on the comma itself', () => {
    const m = parseDaemon('{\n  "icc": false,\n}\n');
    assert.equal(m.problems.length, 1);
    assert.deepEqual(m.problems[0].range, r(1, 14, 1, 15));
    assert.match(m.problems[0].message, /no comma after the last entry/);
  });

  test('comments are reported (Go reads plain JSON) and the keys after them still read', () => {
    const m = parseDaemon('{\n  // keep logs small\n  "log-level": "warn"\n}\n');
    assert.equal(m.problems.length, 1);
    assert.deepEqual(m.problems[0].range, r(1, 2, 1, 20));
    assert.match(m.problems[0].message, /no comments/);
    assert.equal(m.entries.get('log-level')!.value, 'warn');
  });

  test('an unclosed file is reported at its end', () => {
    const m = parseDaemon('{\n  "icc": false\n');
    assert.ok(m.problems.some((p) => /closing brace/.test(p.message)));
    for (const p of m.problems) assert.ok(p.range.start.line <= 2);
  });

  test('a top level that is not an object is an error; null is a warning; an empty file is fine', () => {
    const arr = parseDaemon('["icc"]\n');
    assert.equal(arr.problems.length, 1);
    assert.match(arr.problems[0].message, /must be a JSON object.*not an array/);
    assert.equal(arr.problems[0].severity, 'error');
    assert.equal(arr.partial, true);
    const str = parseDaemon('"icc"');
    assert.match(str.problems[0].message, /not a string/);
    const nul = parseDaemon('null\n');
    assert.equal(nul.problems[0].severity, 'warning');
    assert.deepEqual(parseDaemon('').problems, []);
    assert.deepEqual(parseDaemon('  \n').problems, []);
  });

  test("another program's daemon.json (no key dockerd would recognise) is left alone with one note", () => {
    const f = lint('{\n  "port": 8080,\n  "workers": 4\n}\n');
    assert.deepEqual(
      f.map((x) => [x.ruleId, x.severity]),
      [[INPUT_PROBLEM_ID, 'info']],
    );
    assert.match(f[0].message, /does not look like Docker's daemon.json/);
    assert.ok(
      lint('{\n  "port": 8080,\n  "icc": true\n}\n').some((x) => x.ruleId === 'CT4001'),
      'one dockerd key is enough',
    );
  });

  test('duplicate keys: the earlier ones are reported, the last one is what dockerd reads', () => {
    const m = parseDaemon(
      '{\n  "icc": true,\n  "debug": false,\n  "icc": false,\n  "log-opts": { "max-size": "1m", "max-size": "2m" }\n}\n',
    );
    assert.equal(m.entries.get('icc')!.value, false);
    const dups = m.problems.filter((p) => p.severity === 'warning');
    assert.equal(dups.length, 2);
    assert.deepEqual(dups[0].range, r(1, 2, 1, 7));
    assert.match(dups[0].message, /set again on line 4; dockerd silently keeps the last value/);
    assert.match(dups[1].message, /inside "log-opts"/);
  });

  test('a byte order mark does not shift columns', () => {
    const a = analyze('daemon.json', '\ufeff{\n  "icc": true\n}\n')!;
    const icc = a.findings.find((f) => f.ruleId === 'CT4004')!;
    assert.deepEqual(icc.range, r(1, 9, 1, 13));
  });
});

describe('the key schema', () => {
  test('covers the keys of the dockerd reference named in the brief', () => {
    const keys = new Set(DAEMON_KEYS.map((k) => k.key));
    for (const k of [
      'authorization-plugins',
      'bip',
      'bridge',
      'cgroup-parent',
      'containerd',
      'data-root',
      'debug',
      'default-address-pools',
      'default-cgroupns-mode',
      'default-ipc-mode',
      'default-runtime',
      'default-shm-size',
      'default-ulimits',
      'dns',
      'dns-opts',
      'dns-search',
      'exec-opts',
      'experimental',
      'features',
      'fixed-cidr',
      'group',
      'hosts',
      'icc',
      'init',
      'init-path',
      'insecure-registries',
      'ip',
      'ip-forward',
      'ip-masq',
      'iptables',
      'ip6tables',
      'ipv6',
      'labels',
      'live-restore',
      'log-driver',
      'log-level',
      'log-opts',
      'max-concurrent-downloads',
      'no-new-privileges',
      'registry-mirrors',
      'runtimes',
      'seccomp-profile',
      'selinux-enabled',
      'storage-driver',
      'storage-opts',
      'tls',
      'tlscacert',
      'tlscert',
      'tlskey',
      'tlsverify',
      'userland-proxy',
      'userland-proxy-path',
      'userns-remap',
    ]) {
      assert.ok(keys.has(k), `${k} in the schema`);
    }
  });

  test('every key has a one-line description and a flag; the lists do not overlap', () => {
    const seen = new Set<string>();
    for (const k of DAEMON_KEYS) {
      assert.ok(!seen.has(k.key), `${k.key} once`);
      seen.add(k.key);
      const description = inLocale(k.description);
      assert.ok(description.length > 15 && !description.includes('\n'), `${k.key} description`);
      const zh = inLocale(k.description, 'zh-CN');
      assert.ok(/[\u4e00-\u9fff]/.test(zh) && !zh.includes('\n'), `${k.key} description in Chinese`);
      for (const extra of [k.deprecated, k.note])
        if (extra) assert.match(inLocale(extra, 'zh-CN'), /[\u4e00-\u9fff]/, `${k.key} in Chinese`);
      assert.match(k.flag, /^(--|\(none\))/, `${k.key} flag`);
      assert.ok(!IGNORED_KEYS.has(k.key) && !REMOVED_KEYS.has(k.key), `${k.key} is only in one list`);
    }
    assert.deepEqual(
      DAEMON_KEYS.map((k) => k.key),
      [...DAEMON_KEYS.map((k) => k.key)].sort(),
      'alphabetical',
    );
  });

  test('did you mean: typos, case, underscores, camelCase and plural slips', () => {
    assert.equal(closestKey('log-lvel'), 'log-level');
    assert.equal(closestKey('Debug'), 'debug');
    assert.equal(closestKey('log_level'), 'log-level');
    assert.equal(closestKey('logLevel'), 'log-level');
    assert.equal(closestKey('registry-auth-token'), undefined);
    assert.equal(closestKey('userns-remaps'), 'userns-remap');
    assert.equal(closestKey('live_restore'), 'live-restore');
    assert.equal(closestKey('no-new-privilege'), 'no-new-privileges');
    assert.equal(closestKey('something-else-entirely'), undefined);
  });

  test('unknown keys are errors that say dockerd refuses to start, with the closest key', () => {
    const f = lint('{\n  "live_restore": true,\n  "frobnicate": 1\n}\n').filter((x) => x.ruleId === 'CT4001');
    assert.equal(f.length, 2);
    assert.equal(f[0].severity, 'error');
    assert.match(f[0].message, /Unknown key "live_restore": dockerd refuses to start.*Did you mean "live-restore"\?/);
    assert.equal(f[0].fixes[0].title, 'Rename "live_restore" to "live-restore"');
    assert.doesNotMatch(f[1].message, /Did you mean/);
    assert.deepEqual(f[1].fixes, []);
  });

  test('flag names that the file ignores, removed keys and flattened objects', () => {
    const f = lint(
      '{\n  "insecure-registry": ["r:5000"],\n  "cluster-store": "consul://x",\n  "http-proxy": "http://p:3128",\n  "tls-settings": { "tlsverify": true, "tlsverfy": true }\n}\n',
    ).filter((x) => x.ruleId === 'CT4001');
    const byLine = new Map(f.map((x) => [x.range.start.line, x]));
    assert.equal(byLine.get(1)!.severity, 'warning');
    assert.match(byLine.get(1)!.message, /accepts "insecure-registry".*ignores it.*"insecure-registries"/);
    assert.equal(byLine.get(2)!.severity, 'warning', 'Engine 20.10 still accepts it');
    assert.match(byLine.get(2)!.message, /removed in Engine 23\.0: that release and later ones refuse to start with it/);
    assert.match(byLine.get(3)!.message, /inside "proxies"/);
    assert.ok(f.some((x) => x.range.start.line === 4 && x.severity === 'warning' && /checks the keys inside it instead/.test(x.message)));
    const nested = f.filter((x) => x.range.start.line === 4 && x.severity === 'error');
    assert.equal(nested.length, 1, 'only the misspelt member is unknown');
    assert.match(nested[0].message, /Unknown key "tlsverfy" inside "tls-settings".*Did you mean "tlsverify"/);
  });

  test('wrong types are errors; null is fine', () => {
    const f = lint(
      '{\n  "debug": "yes",\n  "hosts": "tcp://0.0.0.0:2376",\n  "log-opts": { "max-file": 3 },\n  "mtu": 1500.5,\n  "icc": null\n}\n',
    ).filter((x) => x.ruleId === 'CT4002');
    assert.equal(f.length, 4);
    assert.match(f[0].message, /"debug" must be true or false \(without quotes\), not a string \("yes"\): dockerd refuses to start/);
    assert.deepEqual(f[0].fixes, [], '"yes" is not converted');
    assert.match(f[1].message, /"hosts" must be an array of strings/);
    assert.match(f[2].message, /log options are strings, even numbers/);
    assert.deepEqual(f[2].range, r(3, 28, 3, 29));
    assert.match(f[3].message, /whole number/);
  });
});

// ---------------------------------------------------------------------------------------------
// Fixes

const LAYOUTS: [string, string][] = [
  ['two spaces', '{\n  "debug": false,\n  "log-driver": "local"\n}\n'],
  ['four spaces', '{\n    "debug": false,\n    "log-driver": "local"\n}\n'],
  ['tabs', '{\n\t"debug": false,\n\t"log-driver": "local"\n}\n'],
  ['CRLF', '{\r\n  "debug": false,\r\n  "log-driver": "local"\r\n}\r\n'],
  ['one line', '{"debug": false, "log-driver": "local"}\n'],
  ['empty object', '{}\n'],
  ['empty object on lines', '{\n}\n'],
  ['empty file', ''],
];

describe('fixes', () => {
  for (const [name, text] of LAYOUTS) {
    test(`every fix keeps valid JSON and the layout (${name})`, () => {
      const findings = lint(text).filter((f) => f.fixes.length > 0);
      assert.ok(findings.length >= 4, `missing-key findings with fixes on ${name}`);
      const doc = new TextDoc(text);
      const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
      for (const f of findings) {
        for (const fix of f.fixes) {
          const out = applyEdits(text, fix.edits);
          assert.doesNotThrow(() => JSON.parse(out), `${f.ruleId} "${fix.title}" gives valid JSON:\n${out}`);
          if (name === 'CRLF') assert.ok(!/[^\r]\n/.test(out), `${f.ruleId} keeps CRLF:\n${JSON.stringify(out)}`);
          if (name === 'one line') assert.equal(out.split('\n').length, 2, `${f.ruleId} keeps one line: ${out}`);
          if (doc.lineCount > 2 && name !== 'empty object on lines') {
            for (const line of out.split(/\r?\n/)) {
              if (/^\s+"/.test(line) && !/^\s+"(max-size|max-file)"/.test(line))
                assert.ok(line.startsWith(indent) && !line.startsWith(indent + indent[0]), `${f.ruleId}: "${line}" indented like the file`);
            }
          }
          // The edit touches only what it must: nothing before the insertion point changes.
          assert.ok(out.startsWith(text.slice(0, 1)), 'the start of the file is kept');
        }
      }
    });
  }

  test('a value is replaced where dockerd reads it: the last occurrence of a duplicate key', () => {
    const text = '{\n  "icc": false,\n  "icc": true\n}\n';
    const f = lint(text).find((x) => x.ruleId === 'CT4004')!;
    assert.deepEqual(f.range, r(2, 9, 2, 13));
    assert.equal(applyEdits(text, f.fixes[0].edits), '{\n  "icc": false,\n  "icc": false\n}\n');
  });

  test('removing a key keeps the separators right wherever it is', () => {
    const cases: [string, string][] = [
      ['{\n  "seccomp-profile": "unconfined",\n  "icc": false\n}\n', '{\n  "icc": false\n}\n'],
      ['{\n  "icc": false,\n  "seccomp-profile": "unconfined"\n}\n', '{\n  "icc": false\n}\n'],
      ['{\n  "seccomp-profile": "unconfined"\n}\n', '{\n}\n'],
      ['{"icc": false, "seccomp-profile": "unconfined", "debug": false}', '{"icc": false, "debug": false}'],
      ['{\n  "seccomp-profile": "x",\n  "icc": false,\n  "seccomp-profile": "unconfined"\n}\n', '{\n  "icc": false\n}\n'],
    ];
    for (const [text, expected] of cases) {
      const f = lint(text).find((x) => x.ruleId === 'CT4012')!;
      const out = applyEdits(text, f.fixes[0].edits);
      assert.equal(out, expected);
      JSON.parse(out);
    }
  });

  test('nested values in a one-line file, or after a long line, are added where they go, without laying the file out again', () => {
    const fixOf = (text: string, id: string) => {
      const f = lint(text).find((x) => x.ruleId === id);
      assert.ok(f && f.fixes.length > 0, `${id} has a fix on ${text.slice(0, 60)}`);
      return applyEdits(text, f.fixes[0].edits);
    };
    const ulimits = '{"default-ulimits": {"nofile": {"Hard": 64000, "Soft": 64000}}, "icc": false}';
    assert.equal(
      fixOf(ulimits, 'CT4015'),
      '{"default-ulimits": {"nofile": {"Hard": 64000, "Soft": 64000, "Name": "nofile"}}, "icc": false}',
    );
    const logOpts = '{"log-driver": "json-file", "log-opts": {"max-file": "3"}, "icc": false}';
    assert.equal(fixOf(logOpts, 'CT4017'), '{"log-driver": "json-file", "log-opts": {"max-file": "3", "max-size": "10m"}, "icc": false}');
    const emptyOpts = '{"log-driver": "json-file", "log-opts": {}, "icc": false}';
    assert.equal(fixOf(emptyOpts, 'CT4017'), '{"log-driver": "json-file", "log-opts": {"max-size": "10m"}, "icc": false}');
    // A multi-line file whose last member is one long line: the new key goes on a line of its own.
    const hosts = Array.from({ length: 300 }, (_, i) => `"unix:///run/d${i}.sock"`).join(', ');
    const long = `{\n  "icc": false,\n  "hosts": [${hosts}]\n}\n`;
    const out = fixOf(long, 'CT4005');
    assert.equal(out, `{\n  "icc": false,\n  "hosts": [${hosts}],\n  "no-new-privileges": true\n}\n`);
    // An object on one long line inside a multi-line file: its new member stays on that line.
    const opts = Array.from({ length: 200 }, (_, i) => `"labels${i}": "v"`).join(', ');
    const nested = `{\n  "log-driver": "json-file",\n  "log-opts": {${opts}}\n}\n`;
    assert.equal(fixOf(nested, 'CT4017'), `{\n  "log-driver": "json-file",\n  "log-opts": {${opts}, "max-size": "10m"}\n}\n`);
  });

  test('a misspelt key whose right spelling is already set is removed, not renamed into a second copy (fuzz)', () => {
    const text = '{"debug": false, "fdebug": false, "icc": false}';
    const f = lint(text).find((x) => x.ruleId === 'CT4001');
    assert.ok(f);
    assert.match(f.message, /Did you mean "debug"/);
    assert.equal(applyEdits(text, f.fixes[0].edits), '{"debug": false, "icc": false}');
    const nested = '{"proxies": {"http-proxy": "http://p:3128", "http_proxy": "http://q:3128"}}';
    const n = lint(nested).find((x) => x.ruleId === 'CT4001' && x.message.includes('http_proxy'));
    assert.ok(n);
    assert.deepEqual(n.fixes, []);
  });

  test('only fixes that change nothing else are safe', () => {
    const safe = new Set<string>();
    const unsafe = new Set<string>();
    const text =
      '{\n  "debug": true,\n  "log-level": "debug",\n  "icc": true,\n  "ipv6": "false",\n  "default-ulimits": { "nofile": { "Soft": 1, "Hard": 2 } },\n  "seccomp-profile": "unconfined",\n  "experimental": true,\n  "selinux-enabled": false,\n  "iptables": false\n}\n';
    for (const f of lint(text)) for (const fix of f.fixes) (fix.safe ? safe : unsafe).add(f.ruleId);
    assert.deepEqual([...safe].sort(), ['CT4002', 'CT4011', 'CT4015']);
    for (const id of ['CT4003', 'CT4004', 'CT4005', 'CT4006', 'CT4007', 'CT4010', 'CT4012', 'CT4014', 'CT4016', 'CT4017']) {
      assert.ok(unsafe.has(id), `${id} has an unsafe fix`);
    }
  });

  test('fix titles state the side effect, and the rule docs say the same', () => {
    const text = '{\n  "debug": false\n}\n';
    for (const f of lint(text)) {
      const rule = ALL_RULES.find((x) => x.meta.id === f.ruleId)!;
      for (const fix of f.fixes) {
        const effect = /\(side effect: (.+)\)$/.exec(fix.title)?.[1];
        assert.ok(effect, `${f.ruleId}: "${fix.title}" states its side effect`);
        assert.ok(
          rule.meta.explanation.includes(effect) ||
            rule.meta.remediation.includes(effect) ||
            effect.includes('containers created afterwards'),
          `${f.ruleId}: the docs repeat "${effect}"`,
        );
      }
    }
    const userns = lint(text).find((x) => x.ruleId === 'CT4003')!;
    assert.match(userns.fixes[0].title, /empty area owned by a remapped user id/);
    const icc = lint(text).find((x) => x.ruleId === 'CT4004')!;
    assert.match(icc.fixes[0].title, /can no longer reach each other/);
    const live = lint(text).find((x) => x.ruleId === 'CT4006')!;
    assert.match(live.fixes[0].title, /Swarm mode/);
  });

  test('in Chinese too: fix titles state the side effect, and the Chinese rule docs say the same', () => {
    const text = '{\n  "debug": false\n}\n';
    const findings = analyze('daemon.json', text, { locale: 'zh-CN' })!.findings;
    assert.ok(findings.some((f) => f.fixes.length > 0));
    for (const f of findings) {
      const zh = ALL_RULES.find((x) => x.meta.id === f.ruleId)!.meta.zh!;
      for (const fix of f.fixes) {
        const effect = /（副作用：(.+)）$/.exec(fix.title)?.[1];
        assert.ok(effect, `${f.ruleId}: "${fix.title}" states its side effect`);
        assert.ok(
          zh.explanation.includes(effect) || zh.remediation.includes(effect) || effect.includes('之后创建的容器'),
          `${f.ruleId}: the Chinese docs repeat "${effect}"`,
        );
      }
    }
  });

  test('a daemon finding comes out in Chinese with locale zh-CN, its English unchanged by default', () => {
    const text = '{\n  "icc": true,\n  "log-lvel": "info"\n}\n';
    const zh = analyze('daemon.json', text, { locale: 'zh-CN' })!.findings;
    const icc = zh.find((f) => f.ruleId === 'CT4004')!;
    assert.equal(icc.message, '"icc" 为 true：默认网桥上的每个容器都能在任意端口上连接其他所有容器。');
    assert.match(icc.fixes[0].title, /^设置 "icc": false（副作用：默认网桥上的容器之间将无法再相互访问/);
    const unknown = zh.find((f) => f.ruleId === 'CT4001')!;
    assert.match(unknown.message, /^未知的键 "log-lvel"：dockerd 会拒绝启动.*你是想写 "log-level" 吗？$/);
    assert.equal(unknown.fixes[0].title, '将 "log-lvel" 重命名为 "log-level"');
    const en = lint(text).find((f) => f.ruleId === 'CT4004')!;
    assert.equal(en.message, '"icc" is true: every container on the default bridge can connect to every other one on any port.');
  });

  test('parser problems follow the locale as well', () => {
    const zh = analyze('daemon.json', '{\n  "icc": false,\n}\n', { locale: 'zh-CN' })!.findings;
    assert.equal(zh[0].ruleId, INPUT_PROBLEM_ID);
    assert.equal(zh[0].message, 'JSON 不允许在最后一个条目之后加逗号；请删除它。daemon.json 不是有效的 JSON 时，dockerd 会拒绝启动。');
    const dup = parseDaemon('{\n  "icc": true,\n  "icc": false\n}\n', 'zh-CN').problems[0];
    assert.match(dup.message, /^"icc" 在第 3 行又设置了一次；dockerd 会悄悄保留最后一个值/);
    assert.match(parseDaemon('["icc"]\n', 'zh-CN').problems[0].message, /必须是一个 JSON 对象.*而不是数组/);
  });

  test('a hardened file has no security findings', () => {
    const text =
      '{\n  "userns-remap": "default",\n  "icc": false,\n  "no-new-privileges": true,\n  "live-restore": true,\n  "userland-proxy": false,\n  "log-level": "info",\n  "log-driver": "local",\n  "hosts": ["unix:///var/run/docker.sock"]\n}\n';
    assert.deepEqual(lint(text), []);
  });
});

// ---------------------------------------------------------------------------------------------
// Hover

describe('hover', () => {
  const text = '{\n  "icc": true,\n  "max-concurrent-downloads": 3,\n  "log-lvel": "info"\n}\n';
  const a = analyze('daemon.json', text)!;
  const model = a.model!.kind === 'daemon' ? a.model!.daemon : undefined;

  test('a security key: description, flag, platform and the rule that checks it', () => {
    const h = daemonHover(model!, a.findings, { line: 1, character: 4 })!;
    assert.deepEqual(h.range, r(1, 2, 1, 7));
    assert.match(h.markdown, /\*\*`icc`\*\* \(true or false\): Whether containers on the default bridge/);
    assert.match(h.markdown, /dockerd flag: `--icc` · Linux only/);
    assert.match(h.markdown, /Why it matters \(CT4004 daemon-icc-enabled\)/);
  });

  test('a plain key: description and flag only', () => {
    const h = daemonHover(model!, a.findings, { line: 2, character: 5 })!;
    assert.match(h.markdown, /`max-concurrent-downloads`\*\* \(whole number\)/);
    assert.doesNotMatch(h.markdown, /Why it matters/);
  });

  test('an unknown key: the finding', () => {
    const h = daemonHover(model!, a.findings, { line: 3, character: 4 })!;
    assert.match(h.markdown, /CT4001 daemon-unknown-key/);
  });

  test('nothing on punctuation', () => {
    assert.equal(daemonHover(model!, a.findings, { line: 4, character: 0 }), undefined);
  });

  test("in Chinese: description, flag, platform, the rule and the finding from the rules' Chinese text", () => {
    const zh = analyze('daemon.json', text, { locale: 'zh-CN' })!;
    const zhModel = zh.model!.kind === 'daemon' ? zh.model!.daemon : undefined;
    const h = daemonHover(zhModel!, zh.findings, { line: 1, character: 4 }, 'zh-CN')!;
    assert.deepEqual(h.range, r(1, 2, 1, 7));
    assert.match(h.markdown, /\*\*`icc`\*\*（true 或 false）：默认网桥上的容器能否直接相互通信/);
    assert.match(h.markdown, /dockerd 参数：`--icc` · 仅限 Linux/);
    assert.match(h.markdown, /为什么重要（CT4004 daemon-icc-enabled）/);
    assert.match(h.markdown, /docs\/rules\/zh-CN\/CT4004\.md/);
    assert.doesNotMatch(h.markdown, /Why it matters|Whether containers/);
    const unknown = daemonHover(zhModel!, zh.findings, { line: 3, character: 4 }, 'zh-CN')!;
    assert.match(unknown.markdown, /CT4001 daemon-unknown-key\*\*：daemon\.json 中有 dockerd 不认识的键/);
    assert.match(unknown.markdown, /\*\*怎么做：\*\*修正拼写/);
    const ignored = analyze('daemon.json', '{\n  "label": ["a=b"]\n}\n', { locale: 'zh-CN' })!;
    const m = ignored.model!.kind === 'daemon' ? ignored.model!.daemon : undefined;
    assert.match(daemonHover(m!, [], { line: 1, character: 4 }, 'zh-CN')!.markdown, /配置文件中使用复数形式 "labels"/);
  });
});

// ---------------------------------------------------------------------------------------------
// A generated corpus of mutated files

/** A small deterministic generator, so failures reproduce. */
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

const SEEDS = [
  '{\n  "userns-remap": "default",\n  "icc": false,\n  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"],\n  "tlsverify": true,\n  "log-opts": { "max-size": "10m", "max-file": "3" }\n}\n',
  '{\r\n\t"default-ulimits": { "nofile": { "Name": "nofile", "Soft": 1024, "Hard": 2048 } },\r\n\t"runtimes": { "runsc": { "path": "/usr/bin/runsc" } },\r\n\t"seccomp-profile": "unconfined"\r\n}\r\n',
  '{"insecure-registries": ["10.0.0.0/8"], "proxies": {"http-proxy": "http://p:3128"}, "debug": true, "features": {"buildkit": true}}',
];
const NOISE = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  ' ',
  '\n',
  '\r\n',
  '\t',
  'true',
  'null',
  '-1',
  '1e3',
  '//',
  '/*',
  '\\',
  '\u0000',
  'é',
  '𝄞',
  '"icc"',
  '"hosts"',
];

function mutate(text: string, next: () => number): string {
  let out = text;
  const steps = 1 + Math.floor(next() * 4);
  for (let i = 0; i < steps; i++) {
    const at = Math.floor(next() * (out.length + 1));
    const kind = Math.floor(next() * 4);
    if (kind === 0) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 5));
    else if (kind === 1) out = out.slice(0, at) + NOISE[Math.floor(next() * NOISE.length)] + out.slice(at);
    else if (kind === 2)
      out = out.slice(0, at) + out.slice(Math.floor(next() * out.length), Math.floor(next() * out.length)) + out.slice(at);
    else out = out.slice(0, at);
  }
  return out;
}

function within(doc: TextDoc, range: Range): boolean {
  const ok = (p: { line: number; character: number }) =>
    p.line >= 0 && p.line < doc.lineCount && p.character >= 0 && p.character <= doc.lineText(p.line).length;
  const ordered =
    range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

test('300 mutated daemon.json files: no exception, no rule failure, every range inside the document, fixes apply', () => {
  const next = rng(20251129);
  let withFindings = 0;
  for (let i = 0; i < 300; i++) {
    const text = mutate(SEEDS[i % SEEDS.length], next);
    let a;
    try {
      a = analyze('daemon.json', text);
    } catch (e) {
      assert.fail(`analyze threw on ${JSON.stringify(text)}: ${(e as Error).stack}`);
    }
    assert.ok(a);
    const doc = new TextDoc(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    for (const f of a.findings) {
      assert.notEqual(f.ruleId, INTERNAL_ERROR_ID, `${f.message} on ${JSON.stringify(text)}`);
      if (f.ruleId === INPUT_PROBLEM_ID && /binary data/.test(f.message)) continue;
      assert.ok(within(doc, f.range), `${f.ruleId} range ${JSON.stringify(f.range)} outside ${JSON.stringify(text)}`);
      for (const fix of f.fixes) {
        for (const e of fix.edits) assert.ok(within(doc, e.range), `${f.ruleId} fix edit outside the document`);
        assert.equal(typeof applyEdits(text, fix.edits), 'string');
      }
    }
    if (a.findings.length > 0) withFindings++;
  }
  assert.ok(withFindings > 250, `most mutated files get a finding (${withFindings})`);
});

// ---------------------------------------------------------------------------------------------
// CLI

describe('CLI', () => {
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  test('a folder walk finds daemon.json by name and lints it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'containment-daemon-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'etc', 'docker'), { recursive: true });
    writeFileSync(join(dir, 'etc', 'docker', 'daemon.json'), '{\n  "icc": true,\n  "log-lvel": "info"\n}\n');
    writeFileSync(join(dir, 'other.json'), '{ "icc": true }\n');
    const walk = collectFiles(['.'], dir, []);
    assert.deepEqual(walk.files, [join(dir, 'etc', 'docker', 'daemon.json')]);
    let out = '';
    const code = run(
      ['lint', '--format', 'json', '.'],
      dir,
      (s) => void (out += s),
      () => undefined,
    );
    const report = JSON.parse(out) as { findings: { file: string; ruleId: string; line: number }[] };
    assert.equal(code, 1);
    const found = report.findings.map((f) => `${f.ruleId}@${f.line}`);
    assert.ok(found.includes('CT4004@2'), found.join(' '));
    assert.ok(found.includes('CT4001@3'), found.join(' '));
  });
});
