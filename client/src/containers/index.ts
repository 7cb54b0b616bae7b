// The Containers view, its commands and the report webview (client UI layer), registered by
// extension.ts with one call. Every command works from the Command Palette without a selection
// (it asks with a quick pick) and without an engine (it says what is wrong, as a warning).

import vscode = require('vscode');
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ContainerSummary, EngineError } from '../../../server/src/engine/report';
import type { Log } from '../output';
import { ContainersApi, RequestFailed, describeError } from './api';
import { renderers } from './renderLib';
import { ReportPanels } from './reportView';
import type { Translate } from './renderReport';
import { ContainerNode, ContainersTree, DetailNode, severityIcon, describeSummary } from './tree';

const DRIFT_SCHEME = 'containment-drift';
const translate: Translate = vscode.l10n.t;

/** What a command receives from the view (a container or one of its details) or from elsewhere. */
type Target = ContainerNode | DetailNode | { id: string; name?: string } | string | undefined;

function fromTarget(t: Target): { id: string; name: string } | undefined {
  if (t instanceof ContainerNode) return { id: t.summary.id, name: t.summary.name };
  if (t instanceof DetailNode) return { id: t.parent.summary.id, name: t.parent.summary.name };
  if (typeof t === 'string' && t) return { id: t, name: t };
  if (t && typeof t === 'object' && typeof (t as { id?: unknown }).id === 'string')
    return { id: t.id, name: typeof t.name === 'string' ? t.name : t.id };
  return undefined;
}

/** Engine problems are warnings with a way forward, never error toasts. */
async function warn(e: EngineError, output: Log): Promise<void> {
  if (e.code === 'cancelled') return;
  output.warn(`${e.code}: ${e.message}${e.detail ? `\n${e.detail}` : ''}`);
  const showOutput = vscode.l10n.t('Show Output');
  const settings = vscode.l10n.t('Engine Settings');
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Containment: {0}', describeError(e)), showOutput, settings);
  if (choice === showOutput) output.show(true);
  else if (choice === settings) await vscode.commands.executeCommand('workbench.action.openSettings', 'containment.engine');
}

export function registerContainers(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, output: Log): void {
  const api = new ContainersApi(client);
  const tree = new ContainersTree(api, output);
  const panels = new ReportPanels(context.extensionUri, api, tree, output);
  const drifts = new Map<string, string>();
  const driftChanged = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    tree,
    panels,
    driftChanged,
    tree.onDidRefresh(() => panels.refreshVisible()),
  );

  /** A quick pick of the containers; resolves undefined after saying why when there is nothing to pick. */
  async function pickContainer(placeHolder: string): Promise<{ id: string; name: string } | undefined> {
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { summary: ContainerSummary }>();
    qp.placeholder = placeHolder;
    qp.busy = true;
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.show();
    const all = vscode.workspace.getConfiguration('containment.containers').get<boolean>('showStopped', false) === true;
    const cts = new vscode.CancellationTokenSource();
    const hidden = qp.onDidHide(() => cts.cancel());
    const result = await api.list({ all }, cts.token);
    if (cts.token.isCancellationRequested) {
      hidden.dispose();
      qp.dispose();
      return undefined;
    }
    if (result.error || result.summaries.length === 0) {
      hidden.dispose();
      qp.dispose();
      if (result.error) await warn(result.error, output);
      else
        void vscode.window.showInformationMessage(
          all ? vscode.l10n.t('Containment: there are no containers.') : vscode.l10n.t('Containment: no running containers.'),
        );
      return undefined;
    }
    qp.items = result.summaries.map((s) => ({
      label: s.name,
      description: s.image,
      detail: describeSummary(s, tree.cachedReport(s.id)),
      iconPath: severityIcon(s.worstSeverity),
      summary: s,
    }));
    qp.busy = false;
    const picked = await new Promise<ContainerSummary | undefined>((resolve) => {
      qp.onDidAccept(() => resolve(qp.selectedItems[0]?.summary));
      qp.onDidHide(() => resolve(undefined));
    });
    hidden.dispose();
    qp.dispose();
    return picked ? { id: picked.id, name: picked.name } : undefined;
  }

  async function targetOrPick(t: Target, placeHolder: string): Promise<{ id: string; name: string } | undefined> {
    return fromTarget(t) ?? (await pickContainer(placeHolder));
  }

  async function composeFiles(): Promise<string[]> {
    const globs = ['**/{compose,docker-compose}{,.*}.{yml,yaml}'];
    for (const g of vscode.workspace.getConfiguration('containment').get<string[]>('composeFiles') ?? []) {
      if (typeof g === 'string' && g.trim()) globs.push(g.includes('/') ? g : `**/${g}`);
    }
    const found = await Promise.all(globs.map((g) => vscode.workspace.findFiles(g, '**/node_modules/**', 200)));
    return [...new Set(found.flat().map((u) => u.fsPath))];
  }

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DRIFT_SCHEME, {
      onDidChange: driftChanged.event,
      provideTextDocumentContent: (uri) => drifts.get(uri.toString()) ?? '',
    }),

    vscode.commands.registerCommand('containment.containers.refresh', async () => {
      await tree.refresh();
    }),

    vscode.commands.registerCommand('containment.containers.inspect', async (t?: Target) => {
      const c = await targetOrPick(t, vscode.l10n.t('Which container? Its isolation report opens.'));
      if (c) panels.open(c.id, c.name);
    }),

    vscode.commands.registerCommand('containment.containers.openReport', async (t?: Target) => {
      let c = fromTarget(t);
      if (!c) {
        // The selection may name a container that a refresh has since removed.
        const sel = tree.view.selection[0];
        const id = sel ? fromTarget(sel)?.id : undefined;
        if (id && tree.containers.some((n) => n.summary.id === id)) c = fromTarget(sel);
      }
      c ??= await pickContainer(vscode.l10n.t('Which container? Its isolation report opens.'));
      if (c) panels.open(c.id, c.name);
    }),

    vscode.commands.registerCommand('containment.containers.asDockerRun', async (t?: Target) => {
      const c = await targetOrPick(t, vscode.l10n.t('Which container? Its docker run line opens in an editor.'));
      if (!c) return;
      try {
        const line = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading {0}', c.name) },
          (_p, token) => api.asDockerRun({ id: c.id }, token),
        );
        const name = c.name.replace(/[\r\n]/g, ' ');
        const content = `# ${vscode.l10n.t('The docker run line that recreates container {0} (from docker inspect)', name)}\n${line.trimEnd()}\n`;
        const doc = await vscode.workspace.openTextDocument({ language: 'shellscript', content });
        await vscode.window.showTextDocument(doc, { preview: false });
      } catch (e) {
        await warn(e instanceof RequestFailed ? e.error : { code: 'failed', message: String(e) }, output);
      }
    }),

    vscode.commands.registerCommand('containment.containers.compare', async (t?: Target) => {
      const c = await targetOrPick(t, vscode.l10n.t('Which container? It is compared with its Compose service.'));
      if (!c) return;
      try {
        const files = await composeFiles();
        const run = (extra: { composeFile?: string; service?: string } = {}) =>
          vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Comparing {0}', c.name) },
            (_p, token) => api.compare({ id: c.id, composeFiles: files, ...extra }, token),
          );
        let result = await run();
        if (result.kind === 'choose') {
          if (result.candidates.length === 0) {
            void vscode.window.showInformationMessage(
              files.length === 0
                ? vscode.l10n.t('Containment: no Compose file in this workspace to compare {0} with.', c.name)
                : vscode.l10n.t('Containment: {0} No Compose service in the workspace to compare {1} with.', result.reason, c.name),
            );
            return;
          }
          const pick = await vscode.window.showQuickPick(
            result.candidates.map((k) => ({
              label: k.service,
              description: vscode.workspace.asRelativePath(k.file),
              detail: k.image,
              candidate: k,
            })),
            { placeHolder: vscode.l10n.t('{0} Which Compose service describes {1}?', result.reason, c.name), matchOnDescription: true },
          );
          if (!pick) return;
          result = await run({ composeFile: pick.candidate.file, service: pick.candidate.service });
          if (result.kind === 'choose') {
            void vscode.window.showInformationMessage(vscode.l10n.t('Containment: {0}', result.reason));
            return;
          }
        }
        const uri = vscode.Uri.from({
          scheme: DRIFT_SCHEME,
          path: `/${`${result.container} vs ${result.service}`.replace(/[/\\]/g, '_')}.md`,
        });
        drifts.set(uri.toString(), renderers().renderDrift(result, translate));
        driftChanged.fire(uri);
        const doc = await vscode.workspace.openTextDocument(uri);
        try {
          await vscode.commands.executeCommand('markdown.showPreview', uri);
        } catch {
          await vscode.window.showTextDocument(doc, { preview: true });
        }
      } catch (e) {
        await warn(e instanceof RequestFailed ? e.error : { code: 'failed', message: String(e) }, output);
      }
    }),
  );
}
