// "Containment: Explain…": a searchable list of every concept and rule, and the chosen topic's
// full text in a Markdown preview of a virtual document (containment-explain:/<id>.md) whose
// content the language server renders in the display language (client layer).

import vscode = require('vscode');
import type { LanguageClient } from 'vscode-languageclient/node';
import { languageClientLib } from './clientLib';

export const EXPLAIN_SCHEME = 'containment-explain';

interface ConceptListItem {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  summary: string;
  keywords: string[];
}

interface ConceptDocument {
  id: string;
  title: string;
  markdown: string;
}

/** The virtual document of a topic: `containment-explain:/cap-sys-admin.md`. */
export function explainUri(id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${id}.md` });
}

/** The topic a virtual document shows; related topics link to `<id>.md` beside it. */
export function topicOf(uri: vscode.Uri): string {
  return decodeURIComponent(uri.path.replace(/^\/+/, '').replace(/\.md$/i, ''));
}

/** Running, or still starting (activation does not wait for the server; requests wait for it). */
function available(c: LanguageClient | undefined): c is LanguageClient {
  return !!c && (c.isRunning() || c.state === languageClientLib().State.Starting);
}

class ExplainDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly client: () => LanguageClient | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = topicOf(uri);
    const c = this.client();
    const doc = available(c) ? await c.sendRequest<ConceptDocument | null>('containment/concepts.get', { id }).catch(() => null) : null;
    if (doc) return doc.markdown;
    return `# ${id}\n\n${available(c) ? vscode.l10n.t('Containment has no explanation for "{0}".', id) : vscode.l10n.t('The Containment language server is not running.')}\n`;
  }
}

export function registerExplain(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, new ExplainDocuments(client)),
    vscode.commands.registerCommand('containment.explain', async (topic?: unknown) => {
      const c = client();
      if (!available(c)) return;
      let id = typeof topic === 'string' && topic.trim() ? topic.trim() : undefined;
      if (!id) {
        const items = await c.sendRequest<ConceptListItem[]>('containment/concepts.list');
        const picks: (vscode.QuickPickItem & { id?: string })[] = [];
        let group: string | undefined;
        for (const it of items) {
          if (it.kindLabel !== group) {
            picks.push({ label: it.kindLabel, kind: vscode.QuickPickItemKind.Separator });
            group = it.kindLabel;
          }
          // The description carries what people type (CAP_SYS_ADMIN, pid namespace, --pids-limit) so that it matches too.
          picks.push({ label: it.title, description: [it.id, ...it.keywords].join(' · '), detail: it.summary, id: it.id });
        }
        const pick = await vscode.window.showQuickPick(picks, {
          placeHolder: vscode.l10n.t(
            'Explain: type a capability, namespace, cgroup control, Compose key, docker run flag, system call or rule',
          ),
          matchOnDescription: true,
          matchOnDetail: true,
          // The pick opens after the topic list arrives from the server; a Markdown preview or an
          // editor that finishes loading meanwhile takes the focus and would close it under the user.
          ignoreFocusOut: true,
        });
        id = pick?.id;
      }
      if (!id) return;
      await vscode.commands.executeCommand('markdown.showPreview', explainUri(id));
    }),
  );
}
