// Seccomp profiles in the extension host: diagnostics and hover on a profile, the name → names
// quick fix, and both seccomp commands (compare the open profile; write Docker's default profile).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActions, diagnosticWithCode, FIRST_WAIT_MS, fileUri, hasCode, hoverText, openFile, waitForDiagnostics } from './helpers';

suite('Seccomp profiles in the extension host', () => {
  test('a profile gets diagnostics, a hover on a call, and the name → names fix', async () => {
    const uri = fileUri('app-seccomp.json');
    await openFile('app-seccomp.json');
    const ds = await waitForDiagnostics(
      uri,
      (d) => hasCode(d, 'CT3006') && hasCode(d, 'CT3009'),
      'CT3006 and CT3009 on app-seccomp.json',
      FIRST_WAIT_MS,
    );
    const obsolete = diagnosticWithCode(ds, 'CT3006');
    assert.equal(obsolete.range.start.line, 5);
    const hover = await hoverText(uri, new vscode.Position(5, 17));
    assert.match(hover, /Docker's default profile allows `mount` only with CAP_SYS_ADMIN/);
    const fix = (await codeActions(uri, obsolete.range)).find((a) => /"names": \["mount"\]/.test(a.title));
    assert.ok(fix?.edit, 'the names fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(uri, (d) => !hasCode(d, 'CT3006'), 'CT3006 gone after the fix');
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /\{ "names": \["mount"\], "action": "SCMP_ACT_ALLOW" \}/);
  });

  test('"Compare This Profile with Docker\'s Default" opens the comparison beside the profile', async () => {
    await openFile('app-seccomp.json');
    await vscode.commands.executeCommand('containment.seccomp.compare');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'containment-seccomp');
    assert.ok(doc, 'a containment-seccomp: document is open');
    assert.equal(doc.languageId, 'markdown');
    assert.match(doc.getText(), /^# app-seccomp\.json compared with Docker's default seccomp profile/);
    assert.match(doc.getText(), /\| `mount` \| syscalls\[1\] \|/);
  });

  test('"Create a Seccomp Profile from Docker\'s Default" writes the published profile into the workspace', async () => {
    const target = fileUri('docker-default-seccomp.json');
    await vscode.commands.executeCommand('containment.seccomp.createFromDefault');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.equal(JSON.parse(text).defaultAction, 'SCMP_ACT_ERRNO');
    assert.ok(text.startsWith('{\n\t"defaultAction": "SCMP_ACT_ERRNO",'), 'tab-indented as published');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
  });
});
