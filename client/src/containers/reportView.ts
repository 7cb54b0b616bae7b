// The isolation report webview (client UI layer): one panel per container, re-inspected when the
// Containers view refreshes, the inspection cancelled when the panel closes. The HTML comes from
// renderReport.ts (pure, escaped); this file only wires the panel: a strict policy, scripts for
// the copy buttons and rule links only, resources from media/ only.

import vscode = require('vscode');
import type { ContainerReport } from '../../../server/src/engine/report';
import { RequestFailed, type ContainersApi } from './api';
import type { Log } from '../output';
import { makeNonce } from './html';
import type { PageOptions, Translate } from './renderReport';
import { renderers } from './renderLib';
import type { ContainersTree } from './tree';

export const REPORT_VIEW_TYPE = 'containment.containerReport';

/** vscode.l10n.t reads its extension from a closure, so it can be passed on unbound. */
const translate: Translate = vscode.l10n.t;

class ReportPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private cts: vscode.CancellationTokenSource | undefined;
  private report: ContainerReport | undefined;
  private html = '';
  private lastUpdate = 0;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly owner: ReportPanels,
    readonly id: string,
    private name: string,
    column: vscode.ViewColumn,
  ) {
    const media = vscode.Uri.joinPath(owner.extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, vscode.l10n.t('Isolation: {0}', name), column, {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      localResourceRoots: [media],
    });
    this.panel.iconPath = vscode.Uri.joinPath(media, 'containers.svg');
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      this.panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible && Date.now() - this.lastUpdate > owner.staleAfterMs()) void this.update();
      }),
    );
  }

  private options(banner?: PageOptions['banner']): PageOptions {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.owner.extensionUri, 'media');
    return {
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.js')).toString(),
      t: translate,
      lang: vscode.env.language,
      ...(banner ? { banner } : {}),
    };
  }

  /** Sets the page unless nothing but the nonce changed (a reload would reset the find widget and flicker). */
  private show(html: string): void {
    const comparable = html.replace(/nonce-[A-Za-z0-9_-]+|nonce="[A-Za-z0-9_-]+"/g, '');
    if (comparable === this.html) return;
    this.html = comparable;
    this.panel.webview.html = html;
  }

  /** Inspects the container and renders the report; an inspection already running is cancelled. */
  async update(): Promise<void> {
    if (this.disposed) return;
    this.cts?.cancel();
    this.cts?.dispose();
    const cts = new vscode.CancellationTokenSource();
    this.cts = cts;
    if (!this.report) {
      this.show(
        renderers().renderMessage(vscode.l10n.t('Isolation: {0}', this.name), vscode.l10n.t('Inspecting the container…'), this.options()),
      );
    }
    try {
      const report = await this.owner.api.inspect({ id: this.id }, cts.token);
      if (cts.token.isCancellationRequested || this.disposed) return;
      this.report = report;
      this.lastUpdate = Date.now();
      if (report.name !== this.name) {
        this.name = report.name;
        this.panel.title = vscode.l10n.t('Isolation: {0}', report.name);
      }
      this.show(renderers().renderReport(report, this.options()));
      this.owner.tree.remember(report);
    } catch (e) {
      if (this.disposed || cts.token.isCancellationRequested) return;
      const err = e instanceof RequestFailed ? e.error : { code: 'failed' as const, message: String(e) };
      if (err.code === 'cancelled') return;
      this.lastUpdate = Date.now();
      this.owner.log.warn(`Report of ${this.name}: ${err.code}: ${err.message}`);
      const text =
        err.code === 'container-gone'
          ? vscode.l10n.t('The container no longer exists. This is the last report read.')
          : vscode.l10n.t('The report could not be refreshed: {0}', err.message);
      if (this.report) this.show(renderers().renderReport(this.report, this.options({ kind: 'error', text })));
      else
        this.show(
          renderers().renderMessage(
            vscode.l10n.t('Could not inspect {0}', this.name),
            err.code === 'container-gone' ? vscode.l10n.t('The container no longer exists.') : err.message,
            this.options(),
            'hint' in err ? err.hint : undefined,
          ),
        );
    } finally {
      if (this.cts === cts) this.cts = undefined;
      cts.dispose();
    }
  }

  private async onMessage(m: unknown): Promise<void> {
    const msg = m as { type?: unknown; text?: unknown; id?: unknown } | undefined;
    if (msg?.type === 'copy' && typeof msg.text === 'string' && msg.text.length < 10_000) {
      try {
        await vscode.env.clipboard.writeText(msg.text);
        vscode.window.setStatusBarMessage(
          vscode.l10n.t('Copied: {0}', msg.text.length > 60 ? `${msg.text.slice(0, 60)}…` : msg.text),
          3000,
        );
      } catch (e) {
        // A browser may refuse the clipboard (VS Code for the Web without the permission).
        this.owner.log.warn(`Copying to the clipboard failed: ${String(e)}`);
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Containment: the clipboard is not available here. The command is: {0}', msg.text),
        );
      }
    } else if (msg?.type === 'openRule' && typeof msg.id === 'string' && /^CT\d{4}$/.test(msg.id)) {
      await vscode.commands.executeCommand('containment.showRuleDoc', msg.id);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // Closing the panel cancels the inspection it waits for ($/cancelRequest to the server).
    this.cts?.cancel();
    this.owner.forget(this.id);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

/** The open report panels, one per container id. */
export class ReportPanels implements vscode.Disposable {
  private readonly panels = new Map<string, ReportPanel>();

  constructor(
    readonly extensionUri: vscode.Uri,
    readonly api: ContainersApi,
    readonly tree: ContainersTree,
    readonly log: Log,
  ) {}

  /** Opens (or reveals and refreshes) the report of a container. */
  open(id: string, name: string): void {
    const existing = this.panels.get(id);
    if (existing) {
      existing.panel.reveal();
      void existing.update();
      return;
    }
    const p = new ReportPanel(this, id, name, vscode.ViewColumn.Active);
    this.panels.set(id, p);
    void p.update();
  }

  /** The container of the report panel that has the focus, if any. */
  activeId(): string | undefined {
    for (const [id, p] of this.panels) if (p.panel.active) return id;
    return undefined;
  }

  /** Re-inspects the visible panels (after the view refreshed). */
  refreshVisible(): void {
    for (const p of this.panels.values()) if (p.panel.visible) void p.update();
  }

  staleAfterMs(): number {
    const s = vscode.workspace.getConfiguration('containment.containers').get<number>('refreshSeconds', 10);
    return (typeof s === 'number' && s > 0 ? s : 10) * 1000;
  }

  forget(id: string): void {
    this.panels.delete(id);
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
  }
}
