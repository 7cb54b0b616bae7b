// Seccomp profiles over the language server: diagnostics with codes and ranges, the name → names
// quick fix applied, hover on a system call name, and the two custom requests behind the commands.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyTextEdits, messageOf, startServer, type TestClient } from './harness';

const PROFILE = [
  '{',
  '  "defaultAction": "SCMP_ACT_ERRNO",',
  '  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],',
  '  "syscalls": [',
  '    { "names": ["execve", "exit_group", "brk", "mmap", "mprotect", "rt_sigreturn", "arch_prctl", "read"], "action": "SCMP_ACT_ALLOW" },',
  '    { "name": "mount", "action": "SCMP_ACT_ALLOW" }',
  '  ]',
  '}',
  '',
].join('\n');

describe('seccomp profiles over LSP', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'containment-lsp-seccomp-'));
    client = await startServer({ workspaceFolder: dir });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('diagnostics: codes, ranges and messages; the name → names fix; hover on a call', async () => {
    const uri = pathToFileURL(join(dir, 'app-seccomp.json')).href;
    let text = PROFILE;
    const diags = await client.open(uri, text, 'json');
    const byCode = new Map(diags.map((d) => [String(d.code), d]));
    assert.deepEqual([...byCode.keys()].sort(), ['CT3006', 'CT3009']);
    const obsolete = byCode.get('CT3006')!;
    assert.deepEqual(obsolete.range, { start: { line: 5, character: 6 }, end: { line: 5, character: 12 } });
    assert.match(messageOf(obsolete), /obsolete single-name form/);
    assert.match(String(obsolete.codeDescription?.href), /CT3006\.md$/);
    const mount = byCode.get('CT3009')!;
    assert.deepEqual(mount.range, { start: { line: 5, character: 14 }, end: { line: 5, character: 21 } });
    assert.match(messageOf(mount), /only with CAP_SYS_ADMIN/);

    const actions = await client.codeActions(uri, obsolete.range, ['quickfix']);
    const fix = actions.find((a) => /"names": \["mount"\]/.test(a.title));
    assert.ok(fix?.edit?.changes, `a names fix among ${actions.map((a) => a.title).join(' | ')}`);
    text = applyTextEdits(text, fix.edit.changes[uri]);
    assert.match(text, /\{ "names": \["mount"\], "action": "SCMP_ACT_ALLOW" \}/);
    assert.doesNotThrow(() => JSON.parse(text));
    const after = await client.change(uri, text);
    assert.ok(!after.some((d) => d.code === 'CT3006'));
    assert.ok(!actions.some((a) => /ignore/i.test(a.title) && a.edit), 'JSON has no comment to ignore a rule with');

    const hover = await client.hover(uri, 5, 17);
    assert.ok(hover);
    const md = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(md, /\*\*`mount`\*\* \(system call\)/);
    assert.match(md, /Docker's default profile allows `mount` only with CAP_SYS_ADMIN/);
    await client.close(uri);
  });

  test('broken JSON keeps being analysed while typing', async () => {
    const uri = pathToFileURL(join(dir, 'seccomp.json')).href;
    const diags = await client.open(uri, '{ "defaultAction": "SCMP_ACT_ALLOW" ', 'json');
    assert.ok(diags.some((d) => d.code === 'CT0002' && /close the object/.test(messageOf(d))));
    assert.ok(diags.some((d) => d.code === 'CT3001'));
    await client.close(uri);
  });

  test("the commands' requests: Docker's default profile, and a comparison", async () => {
    const def = await client.rpc.sendRequest<{ fileName: string; text: string; source: string }>('containment/seccomp.default');
    assert.equal(def.fileName, 'docker-default-seccomp.json');
    assert.equal(JSON.parse(def.text).defaultAction, 'SCMP_ACT_ERRNO');
    assert.match(def.source, /Apache/);
    const cmp = await client.rpc.sendRequest<{ isProfile: boolean; markdown: string }>('containment/seccomp.compare', {
      text: PROFILE,
      fileName: 'app-seccomp.json',
    });
    assert.equal(cmp.isProfile, true);
    assert.match(cmp.markdown, /\| `mount` \| syscalls\[1\] \|/);
    const not = await client.rpc.sendRequest<{ isProfile: boolean }>('containment/seccomp.compare', { text: 'services: {}' });
    assert.equal(not.isProfile, false);
  });
});
