// The "Get started with container isolation" walkthrough's helper: opens a fresh copy of a bundled
// example (a Dockerfile that runs as root, a Compose service without hardening) as a real file, so
// that the language server analyses it and its quick fixes can be applied (client layer).

import vscode = require('vscode');

const EXAMPLES = new Set(['Dockerfile', 'compose.yaml']);

export function registerWalkthrough(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('containment.walkthrough.openExample', async (name?: unknown) => {
      const file = typeof name === 'string' && EXAMPLES.has(name) ? name : 'Dockerfile';
      const dir = vscode.Uri.joinPath(context.globalStorageUri, 'walkthrough');
      await vscode.workspace.fs.createDirectory(dir);
      const target = vscode.Uri.joinPath(dir, file);
      // A fresh copy each time: the learner can start over after applying the fixes.
      await vscode.workspace.fs.copy(vscode.Uri.joinPath(context.extensionUri, 'media', 'walkthrough', 'examples', file), target, {
        overwrite: true,
      });
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
    }),
  );
}
