// Seccomp commands: write Docker's default profile into a workspace folder, and compare the active
// profile with it. A thin UI over the server's containment/seccomp.* requests; the server writes the
// comparison in the display language, the messages here go through vscode.l10n.t.

import path = require('node:path');
import vscode = require('vscode');
import type { LanguageClient } from 'vscode-languageclient/node';

interface SeccompDefault {
  fileName: string;
  text: string;
  source: string;
}

interface SeccompCompare {
  isProfile: boolean;
  markdown: string;
}

const SCHEME = 'containment-seccomp';

/** Read-only Markdown documents holding comparisons, by URI. */
class Reports implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t("Where should Docker's default seccomp profile go?") });
}

/** Whether a file exists (the workspace file system: no Node fs at activation). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function registerSeccomp(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const reports = new Reports();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, reports),
    vscode.commands.registerCommand('containment.seccomp.createFromDefault', async () => {
      const c = client();
      if (!c) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Containment: the language server is not running; try "Containment: Restart Language Server".'),
        );
        return;
      }
      const folder = await pickFolder();
      if (!folder) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t(
            "Containment: open a folder first. Docker's default seccomp profile is written into a workspace folder, next to your Compose files.",
          ),
        );
        return;
      }
      const profile = await c.sendRequest<SeccompDefault>('containment/seccomp.default');
      const target = vscode.Uri.joinPath(folder.uri, profile.fileName);
      if (await exists(target)) {
        await vscode.window.showTextDocument(target);
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Containment: {0} already exists in {1}; opened it instead of overwriting it.', profile.fileName, folder.name),
        );
        return;
      }
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(profile.text));
      await vscode.window.showTextDocument(target);
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Containment: wrote {0} ({1}). Use it with security_opt: ["seccomp=./{0}"] or --security-opt seccomp={0}.',
          profile.fileName,
          profile.source,
        ),
      );
    }),
    vscode.commands.registerCommand('containment.seccomp.compare', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t("Containment: open a seccomp profile (a JSON file) first, then compare it with Docker's default."),
        );
        return;
      }
      const c = client();
      if (!c) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Containment: the language server is not running; try "Containment: Restart Language Server".'),
        );
        return;
      }
      const fileName = path.basename(editor.document.fileName);
      const result = await c.sendRequest<SeccompCompare>('containment/seccomp.compare', { text: editor.document.getText(), fileName });
      if (!result.isProfile) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Containment: {0} is not a seccomp profile (a JSON object with defaultAction and syscalls).', fileName),
        );
        return;
      }
      const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${vscode.l10n.t("{0} vs Docker's default", fileName)}.md` });
      reports.set(uri, result.markdown);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }),
  );
}
