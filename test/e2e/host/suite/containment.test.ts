// Containment seen through the VS Code API, inside the extension host (mocha, TDD interface).
// The workspace is a fresh copy of test/e2e/host/workspace/; the tests run in order and some build
// on earlier ones (the restart test hovers the USER line the quick-fix test added).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeActions,
  codeOf,
  containmentDiagnostics,
  diagnosticWithCode,
  EXTENSION_ID,
  FIRST_WAIT_MS,
  fileUri,
  hasCode,
  hoverText,
  openFile,
  waitForConfiguration,
  waitForDiagnostics,
} from './helpers';

interface ContributedCommand {
  command: string;
  title: string;
}

suite('Containment in the extension host', () => {
  let extension: vscode.Extension<unknown>;

  suiteSetup(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is loaded (as a development extension)`);
    extension = found;
  });

  test('opening a Dockerfile activates the extension and publishes Containment diagnostics', async () => {
    const editor = await openFile('Dockerfile');
    assert.equal(editor.document.languageId, 'dockerfile');
    const ds = await waitForDiagnostics(editor.document.uri, (d) => hasCode(d, 'CT1001'), 'the CT1001 (no USER) diagnostic', FIRST_WAIT_MS);
    assert.ok(extension.isActive, 'the extension is active once a Dockerfile is open');
    const noUser = diagnosticWithCode(ds, 'CT1001');
    assert.equal(noUser.source, 'Containment');
    assert.equal(noUser.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(noUser.message, /USER/);
    assert.equal(noUser.range.start.line, 1, 'CT1001 marks the FROM of the final stage (line 2)');
    const sudo = diagnosticWithCode(ds, 'CT1003');
    assert.equal(sudo.range.start.line, 4, 'CT1003 marks the RUN sudo line (line 5)');
    assert.ok(
      ds.every((d) => /^CT\d{4}$/.test(String(codeOf(d)))),
      `every code is a rule id: ${ds.map((d) => String(codeOf(d))).join(', ')}`,
    );
  });

  test('every contributed command is registered', async () => {
    await extension.activate();
    const contributed = ((extension.packageJSON as { contributes?: { commands?: ContributedCommand[] } }).contributes?.commands ?? []).map(
      (c) => c.command,
    );
    assert.ok(contributed.length >= 3, `the extension contributes commands: ${contributed.join(', ')}`);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], 'contributed commands that are not registered');
  });

  test('hovering a finding explains the rule; hovering an instruction shows its reference', async () => {
    const uri = fileUri('Dockerfile');
    const noUser = diagnosticWithCode(containmentDiagnostics(uri), 'CT1001');
    const onFinding = await hoverText(uri, noUser.range.start);
    assert.match(onFinding, /CT1001/, 'the hover names the rule');
    assert.match(onFinding, /root/i, 'the hover says why: root');
    const onRun = await hoverText(uri, new vscode.Position(4, 1));
    assert.match(onRun, /RUN/);
    assert.match(onRun, /Dockerfile reference/, 'the hover on RUN links the Dockerfile reference');
  });

  test('the "non-root user" quick fix adds USER and the CT1001 diagnostic goes away', async () => {
    const uri = fileUri('Dockerfile');
    const noUser = diagnosticWithCode(containmentDiagnostics(uri), 'CT1001');
    const actions = await codeActions(uri, noUser.range);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => /non-root user/.test(a.title));
    assert.ok(fix, `a "non-root user" quick fix is offered among ${JSON.stringify(titles)}`);
    assert.ok(fix.edit, 'the quick fix carries an edit');
    assert.ok(
      titles.some((t) => /^Ignore CT1001/.test(t)),
      `"Ignore CT1001 here" is offered too: ${JSON.stringify(titles)}`,
    );
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /^USER node\nCMD \["node", "server.js"\]$/m, 'USER node goes right before CMD');
    await waitForDiagnostics(uri, (d) => !hasCode(d, 'CT1001') && hasCode(d, 'CT1003'), 'CT1001 to go away (CT1003 stays)');
    assert.ok(await doc.save(), 'the fixed Dockerfile saves');
  });

  test('containment.restartServer restarts the language server, which answers again', async () => {
    const uri = fileUri('Dockerfile');
    await vscode.commands.executeCommand('containment.restartServer');
    // The client clears its diagnostics when it restarts; the new server publishes them again.
    const ds = await waitForDiagnostics(uri, (d) => hasCode(d, 'CT1003'), 'CT1003 from the restarted server');
    assert.ok(!hasCode(ds, 'CT1001'), 'the restarted server analyses the fixed text (no CT1001)');
    const onUser = await hoverText(uri, new vscode.Position(6, 1));
    assert.match(onUser, /USER/, 'the restarted server answers a hover on the USER line the quick fix added');
  });

  test('turning a rule off in the workspace settings removes its diagnostics', async () => {
    const config = () => vscode.workspace.getConfiguration('containment');
    const before = config().inspect<Record<string, string>>('rules')?.workspaceValue;
    const editor = await openFile('root.Dockerfile');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => hasCode(d, 'CT1002'), 'the CT1002 (USER root) diagnostic', FIRST_WAIT_MS);
    try {
      await config().update('rules', { ...(before ?? {}), CT1002: 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitForConfiguration(() => config().get<Record<string, string>>('rules')?.CT1002 === 'off', 'containment.rules.CT1002 = off');
      const ds = await waitForDiagnostics(uri, (d) => !hasCode(d, 'CT1002') && hasCode(d, 'CT1013'), 'CT1002 to go away (CT1013 stays)');
      assert.ok(ds.length > 0, 'the other rules still report');
    } finally {
      await config().update('rules', before, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, (d) => hasCode(d, 'CT1002'), 'CT1002 to come back once the setting is removed');
  });

  test('a Compose file gets Containment diagnostics and explanations', async () => {
    const editor = await openFile('compose.yaml');
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(uri, (d) => hasCode(d, 'CT2001') && hasCode(d, 'CT2002'), 'CT2001 and CT2002', FIRST_WAIT_MS);
    const privileged = diagnosticWithCode(ds, 'CT2001');
    assert.equal(privileged.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(privileged.range.start.line, 4, 'CT2001 marks the privileged: true line');
    assert.match(await hoverText(uri, privileged.range.start), /CT2001/, 'the hover on the finding names the rule');
  });
});
