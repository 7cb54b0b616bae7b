// The Containers view (client UI layer): running containers (and stopped ones when
// `containment.containers.showStopped` is on) with an isolation summary, refreshed on an interval
// while the view is visible and on demand. Empty and error states are shown through context keys
// that package.json's viewsWelcome reads; the engine's own message goes to the output channel.

import vscode = require('vscode');
import type { ContainerReport, ContainerSummary, EngineError, ListResult, Severity } from '../../../server/src/engine/report';
import { RequestFailed, type ContainersApi } from './api';
import type { Log } from '../output';

export const VIEW_ID = 'containment.containers';
/** Context key read by viewsWelcome: loading, ready, empty, error, unavailable. */
export const STATE_KEY = 'containment.containers.state';
/** Context key with the EngineError code while the state is `error`. */
export const ERROR_KEY = 'containment.containers.error';

/** Reports are inspected for the tree's details only up to this many containers per refresh. */
const MAX_ENRICH = 100;
const ENRICH_CONCURRENCY = 4;
/** More containers than this to inspect shows a progress bar on the view. */
const PROGRESS_THRESHOLD = 3;

export class ContainerNode {
  readonly kind = 'container';
  constructor(
    readonly summary: ContainerSummary,
    public report: ContainerReport | undefined,
  ) {}
}

export class DetailNode {
  readonly kind = 'detail';
  constructor(
    readonly parent: ContainerNode,
    readonly item: vscode.TreeItem,
    readonly children: DetailNode[] = [],
  ) {}
}

export type Node = ContainerNode | DetailNode;

const SEVERITY_ICON: Record<Severity | 'none', { icon: string; color: string }> = {
  error: { icon: 'error', color: 'problemsErrorIcon.foreground' },
  warning: { icon: 'warning', color: 'problemsWarningIcon.foreground' },
  info: { icon: 'info', color: 'problemsInfoIcon.foreground' },
  none: { icon: 'pass', color: 'testing.iconPassed' },
};

export function severityIcon(s: Severity | 'none'): vscode.ThemeIcon {
  const x = SEVERITY_ICON[s] ?? SEVERITY_ICON.none;
  return new vscode.ThemeIcon(x.icon, new vscode.ThemeColor(x.color));
}

/** The namespaces a report says are shared with the host, by their short names (`pid`, `net`). */
export function sharedNamespaces(r: ContainerReport | undefined): string[] {
  if (!r) return [];
  // Docker's defaults that every container has are left out of the one-line summary (the report
  // shows them): no user namespace without userns-remap, the host cgroup namespace on cgroup v1.
  const v1 = r.engine.cgroupVersion === '1';
  return r.namespaces
    .filter(
      (n) => n.sharedWithHost === 'yes' && n.name !== 'user' && !(n.name === 'cgroup' && (n.mode === '' || (v1 && n.mode === 'host'))),
    )
    .map((n) => n.name);
}

/** "3 findings · host pid" */
export function describeSummary(s: ContainerSummary, r: ContainerReport | undefined): string {
  const parts: string[] = [];
  if (s.state !== 'running') parts.push(s.state);
  parts.push(
    s.findingCount === 0
      ? vscode.l10n.t('no findings')
      : s.findingCount === 1
        ? vscode.l10n.t('1 finding')
        : vscode.l10n.t('{0} findings', s.findingCount),
  );
  const shared = sharedNamespaces(r);
  if (shared.length) parts.push(vscode.l10n.t('host {0}', shared.join(' ')));
  if (r?.capabilities.added.length) parts.push(r.capabilities.added.map((c) => `+${c}`).join(' '));
  return parts.join(' · ');
}

/** Cache key: a report stays valid while the container's state and findings do not change. */
function reportKey(s: ContainerSummary): string {
  return `${s.id}|${s.state}|${s.findingCount}|${s.worstSeverity}`;
}

export class ContainersTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly onRefreshedEmitter = new vscode.EventEmitter<void>();
  /** After each list (the report panels refresh then). */
  readonly onDidRefresh = this.onRefreshedEmitter.event;
  readonly view: vscode.TreeView<Node>;
  private nodes: ContainerNode[] = [];
  private readonly reports = new Map<string, { key: string; report: ContainerReport }>();
  private last: ListResult | undefined;
  private lastLoaded = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private cts: vscode.CancellationTokenSource | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly api: ContainersApi,
    private readonly log: Log,
  ) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    // No state yet reads as "loading" (package.json's viewsWelcome); the first list sets one.
    this.disposables.push(
      this.view,
      this.changed,
      this.onRefreshedEmitter,
      this.view.onDidChangeVisibility(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('containment.containers.refreshSeconds')) this.schedule();
        if (e.affectsConfiguration('containment.containers.showStopped') || e.affectsConfiguration('containment.engine'))
          void this.refresh();
      }),
    );
    this.schedule();
  }

  /** The last report known for a container (from the tree's details or an open report). */
  cachedReport(id: string): ContainerReport | undefined {
    return this.reports.get(id)?.report;
  }

  /** Called by the report panels with fresh reports, so the tree's details follow. */
  remember(report: ContainerReport): void {
    const node = this.nodes.find((n) => n.summary.id === report.id);
    const key = node ? reportKey(node.summary) : `${report.id}|${report.state}|${report.findings.length}|${report.worstSeverity}`;
    this.reports.set(report.id, { key, report });
    if (node) {
      node.report = report;
      this.changed.fire(node);
    }
  }

  get containers(): readonly ContainerNode[] {
    return this.nodes;
  }

  get lastResult(): ListResult | undefined {
    return this.last;
  }

  private seconds(): number {
    const v = vscode.workspace.getConfiguration('containment.containers').get<number>('refreshSeconds', 10);
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.max(2, v) : 0;
  }

  /** The interval runs only while the view is visible, and not at all with refreshSeconds 0. */
  private schedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (!this.view.visible) return;
    const s = this.seconds();
    // Shown again after a while (or for the first time): list now rather than at the next tick.
    if (!this.last || (s > 0 && Date.now() - this.lastLoaded >= s * 1000)) void this.refresh();
    if (s > 0) this.timer = setInterval(() => void this.refresh(), s * 1000);
  }

  private async setState(state: 'loading' | 'ready' | 'empty' | 'error' | 'unavailable', error?: EngineError): Promise<void> {
    await vscode.commands.executeCommand('setContext', STATE_KEY, state);
    await vscode.commands.executeCommand('setContext', ERROR_KEY, error?.code ?? '');
  }

  /** Lists containers again; calls while one runs are folded into one more run after it. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.load();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async load(): Promise<void> {
    this.cts?.dispose();
    this.cts = new vscode.CancellationTokenSource();
    const token = this.cts.token;
    const all = vscode.workspace.getConfiguration('containment.containers').get<boolean>('showStopped', false) === true;
    const result = await vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => this.api.list({ all }, token));
    this.last = result;
    this.lastLoaded = Date.now();
    for (const n of result.notes) this.log.info(`Containers: ${n}`);
    if (result.error) {
      this.log.warn(`Containers: ${result.error.code}: ${result.error.message}${result.error.detail ? `\n${result.error.detail}` : ''}`);
      this.nodes = [];
      // VS Code shows the welcome content (what to do, with buttons) only while the view has no
      // message, so the engine's own words go to the output channel ("Show Output" is a button).
      this.view.message = undefined;
      // A server without the request is not an engine problem: say so once, not as an engine error.
      // Matched by code: the message is in the display language.
      await this.setState(result.error.code === 'unsupported' ? 'unavailable' : 'error', result.error);
      this.changed.fire(undefined);
      this.onRefreshedEmitter.fire();
      return;
    }
    this.view.message = undefined;
    const ids = new Set(result.summaries.map((s) => s.id));
    for (const id of [...this.reports.keys()]) if (!ids.has(id)) this.reports.delete(id);
    this.nodes = result.summaries.map((s) => {
      const cached = this.reports.get(s.id);
      // A stale report still describes the container until enrich() replaces it.
      return new ContainerNode(s, cached?.report);
    });
    const withErrors = this.nodes.filter((n) => n.summary.worstSeverity === 'error').length;
    this.view.badge = withErrors
      ? { value: withErrors, tooltip: vscode.l10n.t('{0} containers with isolation errors', withErrors) }
      : undefined;
    await this.setState(this.nodes.length === 0 ? 'empty' : 'ready');
    this.changed.fire(undefined);
    this.onRefreshedEmitter.fire();
    await this.enrich(token);
  }

  /** Inspects containers whose report is missing or stale, for the details and the description. */
  private async enrich(token: vscode.CancellationToken): Promise<void> {
    const todo = this.nodes.filter((n) => this.reports.get(n.summary.id)?.key !== reportKey(n.summary)).slice(0, MAX_ENRICH);
    if (todo.length === 0) return;
    const work = async (progress?: vscode.Progress<{ message?: string; increment?: number }>) => {
      let done = 0;
      const queue = [...todo];
      const worker = async () => {
        for (let n = queue.shift(); n && !token.isCancellationRequested; n = queue.shift()) {
          try {
            const report = await this.api.inspect({ id: n.summary.id }, token);
            this.reports.set(n.summary.id, { key: reportKey(n.summary), report });
            n.report = report;
            this.changed.fire(n);
          } catch (e) {
            const err = e instanceof RequestFailed ? e.error : undefined;
            if (err?.code !== 'cancelled') this.log.warn(`Containers: inspecting ${n.summary.name}: ${err?.message ?? String(e)}`);
          }
          done++;
          progress?.report({ message: vscode.l10n.t('Inspecting {0} of {1} containers', done, todo.length), increment: 100 / todo.length });
        }
      };
      await Promise.all(Array.from({ length: Math.min(ENRICH_CONCURRENCY, todo.length) }, worker));
    };
    if (todo.length > PROGRESS_THRESHOLD) {
      await vscode.window.withProgress({ location: { viewId: VIEW_ID }, title: vscode.l10n.t('Inspecting containers') }, work);
    } else await work();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node instanceof DetailNode) return node.item;
    const s = node.summary;
    const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = s.id;
    // The summary first: a narrow sidebar cuts the end of the line.
    item.description = `${describeSummary(s, node.report)} · ${s.image}`;
    item.iconPath = severityIcon(s.worstSeverity);
    item.contextValue = s.state === 'running' ? 'containment.container.running' : 'containment.container.stopped';
    item.tooltip = tooltip(s, node.report);
    item.accessibilityInformation = { label: `${s.name}, ${s.image}, ${describeSummary(s, node.report)}` };
    item.command = { command: 'containment.containers.openReport', title: vscode.l10n.t('Open Report'), arguments: [node] };
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return this.nodes;
    if (node instanceof DetailNode) return node.children;
    if (!node.report) {
      try {
        const report = await this.api.inspect({ id: node.summary.id });
        this.remember(report);
        node.report = report;
      } catch (e) {
        const err = e instanceof RequestFailed ? e.error : { message: String(e) };
        const item = new vscode.TreeItem(vscode.l10n.t('Could not inspect: {0}', err.message));
        item.iconPath = new vscode.ThemeIcon('warning');
        return [new DetailNode(node, item)];
      }
    }
    return details(node);
  }

  getParent(node: Node): Node | undefined {
    return node instanceof DetailNode ? node.parent : undefined;
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.cts?.cancel();
    this.cts?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function tooltip(s: ContainerSummary, r: ContainerReport | undefined): vscode.MarkdownString {
  // appendText escapes Markdown: names and images are untrusted.
  const md = new vscode.MarkdownString();
  md.appendText(s.name).appendMarkdown('\n\n');
  md.appendText(`${vscode.l10n.t('Image')}: ${s.image}`).appendMarkdown('  \n');
  md.appendText(`${vscode.l10n.t('Id')}: ${s.shortId} · ${s.status}`).appendMarkdown('  \n');
  md.appendText(
    `${vscode.l10n.t('Findings')}: ${s.findingCount} (${vscode.l10n.t('{0} errors, {1} warnings, {2} info', s.counts.error, s.counts.warning, s.counts.info)})`,
  );
  if (r) {
    md.appendMarkdown('  \n');
    const shared = r.namespaces.filter((n) => n.sharedWithHost === 'yes').map((n) => n.label);
    md.appendText(
      `${vscode.l10n.t('Shared with the host')}: ${shared.length ? shared.join(', ') : vscode.l10n.t('nothing')}`,
    ).appendMarkdown('  \n');
    md.appendText(
      `${vscode.l10n.t('Capabilities added')}: ${r.capabilities.added.length ? r.capabilities.added.join(', ') : vscode.l10n.t('none')}`,
    ).appendMarkdown('  \n');
    md.appendText(
      `${vscode.l10n.t('User')}: ${r.user.uid !== undefined ? `uid ${r.user.uid}` : r.user.configured || 'root'}`,
    ).appendMarkdown('  \n');
    md.appendText(
      `${vscode.l10n.t('Seccomp')}: ${r.seccomp.state} · ${vscode.l10n.t('no-new-privileges')}: ${String(r.noNewPrivileges.enabled)}`,
    );
  }
  return md;
}

function detailItem(label: string, description: string | undefined, icon: vscode.ThemeIcon, collapsible = false): vscode.TreeItem {
  const item = new vscode.TreeItem(label, collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  if (description) item.description = description;
  item.iconPath = icon;
  item.contextValue = 'containment.containerDetail';
  return item;
}

function details(node: ContainerNode): DetailNode[] {
  const r = node.report;
  if (!r) return [];
  const out: DetailNode[] = [];
  const shared = r.namespaces.filter((n) => n.sharedWithHost === 'yes');
  out.push(
    new DetailNode(
      node,
      detailItem(
        shared.length ? vscode.l10n.t('Shared with the host') : vscode.l10n.t('No namespace shared with the host'),
        shared.map((n) => n.label).join(', '),
        new vscode.ThemeIcon('type-hierarchy', shared.length ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined),
      ),
    ),
  );
  out.push(
    new DetailNode(
      node,
      detailItem(
        r.capabilities.added.length ? vscode.l10n.t('Capabilities added') : vscode.l10n.t('No capability added'),
        r.capabilities.added.join(', '),
        new vscode.ThemeIcon('key', r.capabilities.added.length ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined),
      ),
    ),
  );
  const findings = r.findings.map((f) => {
    const item = detailItem(f.ruleId, f.message, severityIcon(f.severity));
    item.tooltip = f.message;
    item.command = { command: 'containment.containers.openReport', title: vscode.l10n.t('Open Report'), arguments: [node] };
    return new DetailNode(node, item);
  });
  const head = detailItem(vscode.l10n.t('Findings'), String(r.findings.length), severityIcon(r.worstSeverity), findings.length > 0);
  out.push(new DetailNode(node, head, findings));
  return out;
}
