// Suppression comments and the config file, through analyze() as the editor and CLI use it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../server/src/core/analyze';
import { parseConfig } from '../server/src/core/config';
import { suppressionEdit } from '../server/src/core/suppress';
import { TextDoc, applyEdits } from '../server/src/core/text';

const ids = (text: string, severities = [{}]) => analyze('Dockerfile', text, { severities })!.findings.map((f) => f.ruleId);

test('containment-ignore above a multi-line statement silences findings anywhere in it', () => {
  const base = 'FROM alpine:3.20\nUSER app\n';
  assert.ok(ids(base + 'USER \\\n  root\n').includes('CT1002'));
  assert.ok(!ids(base + '# containment-ignore CT1002: needed for the init step\nUSER \\\n  root\n').includes('CT1002'));
  assert.ok(!ids(base + '# containment-ignore root-user\nUSER root\n').includes('CT1002'), 'by name');
  assert.ok(ids(base + '# containment-ignore CT1001\nUSER root\n').includes('CT1002'), 'another id does not silence it');
  assert.ok(ids(base + '# containment-ignore CT1002\n\nRUN true\nUSER root\n').includes('CT1002'), 'only the next statement');
});

test('containment-ignore-file and hadolint ignore', () => {
  assert.ok(!ids('# containment-ignore-file CT1002: demo image\nFROM alpine:3.20\nUSER root\n').includes('CT1002'));
  assert.ok(!ids('FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER root\n').includes('CT1002'));
  assert.ok(!ids('# hadolint global ignore=DL3002\nFROM alpine:3.20\nUSER root\n').includes('CT1002'));
  assert.ok(ids('FROM alpine:3.20\n# hadolint ignore=DL3008\nUSER root\n').includes('CT1002'));
});

test('the ignore edit adds a comment line, or extends one that is already there, keeping CRLF and indentation', () => {
  const doc = new TextDoc('FROM alpine:3.20\r\nUSER root\r\n');
  const edit = suppressionEdit(doc, 1, 'CT1002');
  assert.equal(applyEdits(doc.text, [edit]), 'FROM alpine:3.20\r\n# containment-ignore CT1002\r\nUSER root\r\n');
  const doc2 = new TextDoc('FROM alpine:3.20\n# containment-ignore CT1001: reason\nUSER root\n');
  assert.equal(
    applyEdits(doc2.text, [suppressionEdit(doc2, 2, 'CT1002')]),
    'FROM alpine:3.20\n# containment-ignore CT1001 CT1002: reason\nUSER root\n',
  );
  const doc3 = new TextDoc('services:\n  web:\n    privileged: true\n');
  assert.equal(
    applyEdits(doc3.text, [suppressionEdit(doc3, 2, 'CT2001')]),
    'services:\n  web:\n    # containment-ignore CT2001\n    privileged: true\n',
  );
});

test('severity layers: default, then config file, then settings', () => {
  const text = 'FROM alpine:3.20\nUSER root\n';
  const sev = (layers: Record<string, string>[]) =>
    analyze('Dockerfile', text, { severities: layers as never })!.findings.find((f) => f.ruleId === 'CT1002')?.severity;
  assert.equal(sev([]), 'warning');
  assert.equal(sev([{ CT1002: 'error' }]), 'error');
  assert.equal(sev([{ CT1002: 'error' }, { 'root-user': 'info' }]), 'info');
  assert.equal(sev([{ CT1002: 'off' }]), undefined);
});

test('config files: good, broken and hostile', () => {
  assert.deepEqual(parseConfig('rules:\n  CT1001: off\nignore: ["vendor/**"]\n'), {
    config: { rules: { CT1001: 'off' }, ignore: ['vendor/**'] },
    problems: [],
  });
  assert.match(parseConfig('rules: [').problems[0].message, /cannot parse/);
  assert.match(parseConfig('rules:\n  CT1001: loud\n').problems[0].message, /not one of off, info, warning, error/);
  assert.match(parseConfig('colour: red\n').problems[0].message, /unknown key/);
  const bomb = [
    'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
    ...Array.from(
      { length: 9 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill('*' + String.fromCharCode(97 + i))
          .join(',')}]`,
    ),
  ].join('\n');
  const r = parseConfig(bomb);
  assert.equal(r.config.rules && Object.keys(r.config.rules).length, 0);
  assert.ok(r.problems.length > 0, 'an alias bomb is refused with a message, not expanded');
});

test('a rule that throws becomes one CT0001 finding and the others still report', async () => {
  const { ALL_RULES } = await import('../server/src/core/rules/registry');
  const rule = ALL_RULES.find((r) => r.meta.id === 'CT1001')!;
  const original = rule.check.bind(rule);
  rule.check = () => {
    throw new Error('boom');
  };
  try {
    const f = analyze('Dockerfile', 'FROM alpine:3.20\nUSER root\n')!.findings;
    assert.ok(f.some((x) => x.ruleId === 'CT0001' && /CT1001 failed.*boom/.test(x.message)));
    assert.ok(f.some((x) => x.ruleId === 'CT1002'));
  } finally {
    rule.check = original;
  }
});
