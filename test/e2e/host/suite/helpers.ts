// Helpers for the extension-host tests: waiting on VS Code events (bounded, never a fixed sleep),
// reading diagnostics, hovers and code actions through the vscode API.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'containment.containment';
/** The first diagnostics also wait for the extension to activate and the language server to start. */
export const FIRST_WAIT_MS = 45_000;
export const WAIT_MS = 20_000;

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the extension-host tests need a workspace folder (a copy of test/e2e/host/workspace/)');
  return folder;
}

export function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, name);
}

/** Opens a workspace file in an editor (which makes VS Code send it to the language server). */
export async function openFile(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

export function containmentDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Containment');
}

function describeDiagnostics(ds: vscode.Diagnostic[]): string {
  return JSON.stringify(ds.map((d) => `${d.source ?? '?'}(${String(codeOf(d))}) L${d.range.start.line + 1}: ${d.message.slice(0, 60)}`));
}

/**
 * Resolves with Containment's diagnostics of `uri` once `accept` holds for them. Checks now, then
 * again on every onDidChangeDiagnostics event for that file; rejects after `timeoutMs`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let finished = false;
    const finish = () => {
      finished = true;
      sub.dispose();
      clearTimeout(timer);
    };
    const check = () => {
      if (finished) return;
      const ds = containmentDiagnostics(uri);
      if (accept(ds)) {
        finish();
        resolve(ds);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      if (finished) return;
      finish();
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${what} in ${uri.fsPath}; diagnostics now: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`,
        ),
      );
    }, timeoutMs);
    check();
  });
}

export function hasCode(ds: vscode.Diagnostic[], code: string): boolean {
  return ds.some((d) => codeOf(d) === code);
}

export function diagnosticWithCode(ds: vscode.Diagnostic[], code: string): vscode.Diagnostic {
  const d = ds.find((x) => codeOf(x) === code);
  if (!d) throw new Error(`no ${code} diagnostic among ${describeDiagnostics(ds)}`);
  return d;
}

/** The text of every hover VS Code's providers give at `position` (Markdown sources joined). */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  return actions.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

/** Resolves once `accept` holds for the configuration, checked now and on each change event. */
export function waitForConfiguration(accept: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    if (accept()) return resolve();
    const sub = vscode.workspace.onDidChangeConfiguration(() => {
      if (accept()) {
        sub.dispose();
        clearTimeout(timer);
        resolve();
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
  });
}
