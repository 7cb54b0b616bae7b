// The language server's behaviour, attached to any connection (stdio in VS Code, a pair of
// streams in tests). Adapter layer: LSP in, core.analyze() out, nothing about rules here.

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { analyze, INTERNAL_ERROR_ID, type Analysis } from '../core/analyze';
import { normalizeRuleSettings } from '../core/config';
import { dockerfileHover, findingsHover, type HoverResult } from '../core/hover/dockerfileHover';
import { inLocale, t, type Position } from '../core/types';
import { runtimeHover } from '../core/hover/runtimeHover';
import { daemonHover } from '../core/hover/daemonHover';
import { hoverAt as seccompHover } from '../core/hover/seccompHover';
import { registerSeccomp } from './seccomp';
import { ALL_RULES } from '../core/rules/registry';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { DocumentCache, type DocumentResult } from './documentCache';
import { DockerfileCaches } from './dockerfileCaches';
import { ScriptCaches } from './scriptCaches';
import { ConfigFiles } from './configFiles';
import { makeReadRelative } from '../io/readRelative';
import { profilesReferencedBy, SCAN_MAX_ENTRIES } from '../io/profileRefs';
import { ProfileReferences } from './profileRefs';
import { globToRegExp } from '../core/glob';
import { fileKindOf } from '../core/fileKinds';
import { sep } from 'node:path';
import { toDiagnostics } from './convert';
import { registerContainers } from './containers';
import { registerConcepts } from './concepts';
import { langFromLocale, type Lang } from '../core/knowledge/concepts';
import { registerDrift } from './drift';

export interface Settings {
  enable: boolean;
  rules: Record<string, unknown>;
  configFile: string;
  /** Globs of YAML files to treat as Compose files beyond the standard names. */
  composeFiles: string[];
  /** Globs of JSON files to treat as daemon.json or as seccomp profiles beyond their usual names. */
  daemonFiles: string[];
  seccompFiles: string[];
  /** `containment.engine.path` (the docker/podman CLI) and `containment.engine.host` (DOCKER_HOST); machine-scoped. */
  engine?: { path?: string; host?: string };
}

const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, configFile: '', composeFiles: [], daemonFiles: [], seccompFiles: [] };

/** A glob without a slash matches the file name anywhere, as files.associations does. */
function mappedGlobs(value: unknown): RegExp[] {
  const globs = Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
  return globs.map((g) => globToRegExp(g.includes('/') ? (g.startsWith('**/') || g.startsWith('/') ? g : `**/${g}`) : `**/${g}`));
}

/** Delay after a keystroke before re-analysing; an open or save analyses at once. */
const DEBOUNCE_MS = 150;
/** How long the first analyses wait for the client's answer to the server's first settings request. */
const SETTINGS_WAIT_MS = 2000;

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** Hover content by model kind; JSON files (seccomp, daemon.json) show the findings under the cursor. */
function hoverFor(analysis: Analysis, pos: Position, lang: Lang): HoverResult | undefined {
  const model = analysis.model;
  if (!model) return undefined;
  if (model.kind === 'dockerfile') return dockerfileHover(model.image, analysis.findings, pos, lang);
  if (model.kind === 'runtime') return runtimeHover(model.runtime, analysis.findings, pos, lang);
  if (model.kind === 'daemon') return daemonHover(model.daemon, analysis.findings, pos, lang);
  if (model.kind === 'seccomp') return seccompHover(model.seccomp, analysis.findings, pos, lang);
  return findingsHover(analysis.findings, pos);
}

export interface ListenOptions {
  /** Delay after a keystroke before re-analysing (DEBOUNCE_MS unless given; tests lengthen it). */
  debounceMs?: number;
}

export function listen(connection: Connection, opts: ListenOptions = {}): void {
  const debounceMs = opts.debounceMs ?? DEBOUNCE_MS;
  const documents = new TextDocuments(TextDocument);
  /** Findings of every open document; whole analyses (models, for hovers) of the last few only. */
  const cache = new DocumentCache();
  /** Incremental state of the few Dockerfiles being edited (dockerfileCaches.ts). */
  const dockerfileCaches = new DockerfileCaches();
  /** The same for the few shell scripts and Markdown files being edited (scriptCaches.ts). */
  const scriptCaches = new ScriptCaches();
  const timers = new Map<string, NodeJS.Timeout>();
  const warnedConfigs = new Set<string>();
  let settings: Settings = DEFAULT_SETTINGS;
  /** Explanations' language: the client's display language at start-up (a change needs a restart). */
  let lang: Lang = 'en';
  let composeGlobs: RegExp[] = [];
  let daemonGlobs: RegExp[] = [];
  let seccompGlobs: RegExp[] = [];
  const setSettings = (s: Partial<Settings> | null | undefined) => {
    settings = { ...DEFAULT_SETTINGS, ...(s ?? {}) };
    composeGlobs = mappedGlobs(settings.composeFiles);
    daemonGlobs = mappedGlobs(settings.daemonFiles);
    seccompGlobs = mappedGlobs(settings.seccompFiles);
  };

  let roots: string[] = [];
  const profiles = new ProfileReferences();
  const scanProfiles = () => {
    void profiles.scan(roots, scanLimit).then(({ changed, truncated }) => {
      if (truncated)
        connection.console.warn(
          `Containment: the workspace scan for seccomp profiles named by Compose files, scripts and Markdown stopped after ${scanLimit ?? SCAN_MAX_ENTRIES} files and folders; ` +
            'profiles named only by files further on are recognised once those files are opened or changed, or when the profile is named *seccomp*.json or mapped in containment.seccompFiles.',
        );
      if (changed) recheckJson();
    });
  };
  /** The workspace scan's bound on folder entries (tests lower it through CONTAINMENT_SCAN_LIMIT). */
  const scanLimit = Number(process.env.CONTAINMENT_SCAN_LIMIT) > 0 ? Number(process.env.CONTAINMENT_SCAN_LIMIT) : undefined;
  let canPullConfiguration = false;
  /**
   * True from initialize until the client first answers for the settings (when it can be asked):
   * analyses scheduled meanwhile wait, and revalidateAll runs them with the settings in force.
   */
  let settingsPending = false;
  let canWatchFolders = false;
  const configFiles = new ConfigFiles(
    () => roots,
    () => (settings.configFile ? settings.configFile : undefined),
    () => lang,
  );

  /** The kept result of the document's current version, analysing it when there is none. */
  function resultFor(doc: TextDocument): DocumentResult | undefined {
    const cached = cache.entry(doc.uri);
    if (cached && cached.version === doc.version) return cached.result;
    analyse(doc);
    return cache.entry(doc.uri)?.result;
  }

  /** The whole analysis (model included) of the document's current version, for hovers: analysed again when no longer kept. */
  function analysisFor(doc: TextDocument): Analysis | undefined {
    const cached = cache.entry(doc.uri);
    if (cached && cached.version === doc.version && !cached.result) return undefined;
    return cache.analysis(doc.uri, doc.version) ?? analyse(doc);
  }

  function analyse(doc: TextDocument): Analysis | undefined {
    const path = uriToPath(doc.uri) ?? doc.uri;
    const loaded = configFiles.forFile(uriToPath(doc.uri));
    if (loaded.path && loaded.problems.length > 0 && !warnedConfigs.has(loaded.path)) {
      warnedConfigs.add(loaded.path);
      // A notification shows text literally: the problems' code spans lose their backticks.
      const problems = loaded.problems.map((p) => p.message.replace(/`([^`\n]+)`/g, '$1'));
      void connection.window.showWarningMessage(
        inLocale(
          t(
            `Containment: problems in ${loaded.path}: ${problems.join('; ')}`,
            `Containment：${loaded.path} 中有问题：${problems.join('；')}`,
          ),
          lang,
        ),
      );
    }
    let analysis: Analysis | undefined;
    const filePath = uriToPath(doc.uri);
    try {
      analysis = analyze(
        path,
        doc.getText(),
        {
          severities: [loaded.config.rules, normalizeRuleSettings(settings.rules)],
          locale: lang,
          readRelative: filePath ? makeReadRelative(filePath, (uri) => documents.get(uri)?.getText()) : undefined,
          isMappedCompose: (p) => composeGlobs.some((re) => re.test(p.split(sep).join('/'))),
          isMappedDaemon: (p) => daemonGlobs.some((re) => re.test(p.split(sep).join('/'))),
          isMappedSeccomp: (p) => seccompGlobs.some((re) => re.test(p.split(sep).join('/'))) || profiles.has(p),
          dockerfileCache: dockerfileCaches.get(doc.uri),
          scriptCache: scriptCaches.get(doc.uri),
        },
        doc.languageId,
      );
    } catch (e) {
      // The core catches rule errors; reaching here means a parser bug. Keep serving other files.
      connection.console.error(`Containment could not analyse ${doc.uri}: ${(e as Error).stack ?? String(e)}`);
      analysis = undefined;
    }
    // A rule that threw became one CT0001 diagnostic; the log says so too, for bug reports.
    for (const f of analysis?.findings ?? []) {
      if (f.ruleId === INTERNAL_ERROR_ID) connection.console.error(`Containment: ${doc.uri} (version ${doc.version}): ${f.message}`);
    }
    cache.set(doc.uri, doc.version, analysis);
    if (filePath && profiles.setOpen(filePath, profilesReferencedBy(filePath, analysis))) recheckJson();
    return analysis;
  }

  /** JSON documents whose kind may have changed because a file now names (or no longer names) them as profiles. */
  function recheckJson(): void {
    for (const d of documents.all()) {
      if (d.languageId === 'json' || d.languageId === 'jsonc') {
        cache.delete(d.uri);
        schedule(d, 0);
      }
    }
  }

  function validate(doc: TextDocument): void {
    if (!settings.enable) {
      void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      return;
    }
    const analysis = resultFor(doc);
    // A newer version arrived while we worked: its own run will publish.
    if (documents.get(doc.uri)?.version !== doc.version) return;
    void connection.sendDiagnostics({
      uri: doc.uri,
      version: doc.version,
      diagnostics: analysis ? toDiagnostics(analysis.findings, lang) : [],
    });
  }

  function schedule(doc: TextDocument, delay: number): void {
    const t = timers.get(doc.uri);
    if (t) clearTimeout(t);
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current && !settingsPending) validate(current);
      }, delay),
    );
  }

  function revalidateAll(): void {
    cache.clear();
    configFiles.invalidate();
    for (const d of documents.all()) schedule(d, 0);
  }

  async function pullSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    try {
      setSettings((await connection.workspace.getConfiguration({ section: 'containment' })) as Partial<Settings> | null);
    } catch {
      setSettings(undefined);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    settingsPending = canPullConfiguration;
    canWatchFolders = params.capabilities.workspace?.workspaceFolders === true;
    roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    const init = params.initializationOptions as { settings?: Partial<Settings>; locale?: string } | undefined;
    if (init?.settings) setSettings(init.settings);
    lang = langFromLocale(init?.locale ?? params.locale);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        // Folders added to or removed from the workspace are scanned for named seccomp profiles.
        ...(canWatchFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'Containment', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    scanProfiles();
    if (canWatchFolders)
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
        roots = [...roots.filter((r) => !removed.has(r)), ...added.filter((p) => !roots.includes(p))];
        scanProfiles();
        // Which .containment.yaml applies, and which profiles are named, may both have changed.
        revalidateAll();
      });
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'containment' });
      // A client that does not answer holds the first analyses back for SETTINGS_WAIT_MS at most.
      await new Promise<void>((resolve) => {
        let late = false;
        const timer = setTimeout(() => {
          late = true;
          resolve();
        }, SETTINGS_WAIT_MS);
        void pullSettings().then(() => {
          clearTimeout(timer);
          if (late) revalidateAll();
          resolve();
        });
      });
      settingsPending = false;
      revalidateAll();
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await pullSettings();
    else {
      setSettings((change.settings as { containment?: Partial<Settings> } | undefined)?.containment);
    }
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    // Config files change every analysis; Compose files, scripts and Markdown on disk may name
    // (or stop naming) seccomp profiles.
    let profilesChanged = false;
    let configChanged = false;
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      if (/[\\/]\.containment\.(ya?ml|json)$/.test(file)) configChanged = true;
      else if (!documents.get(change.uri)) profilesChanged = (await profiles.changedOnDisk(file)) || profilesChanged;
    }
    if (configChanged) {
      warnedConfigs.clear();
      revalidateAll();
    } else if (profilesChanged) recheckJson();
  });

  // TextDocuments fires onDidChangeContent right after onDidOpen for the same document: that one
  // is the open, analysed at once, not a keystroke to wait for (it used to wait the debounce).
  const opening = new Set<string>();
  documents.onDidOpen((e) => opening.add(e.document.uri));
  documents.onDidChangeContent((e) => {
    schedule(e.document, opening.delete(e.document.uri) ? 0 : debounceMs);
    const kind = fileKindOf(uriToPath(e.document.uri) ?? e.document.uri, e.document.languageId);
    // Opened or edited: later versions re-read only the commands whose lines change.
    if (kind === 'shell' || kind === 'markdown') scriptCaches.edited(e.document.uri);
    // A Compose service's findings depend on the Dockerfile it builds: refresh Compose files too.
    if (kind === 'dockerfile') {
      // Opened or edited: later versions re-read only the build stages that change.
      dockerfileCaches.edited(e.document.uri);
      for (const d of documents.all()) {
        if (d.uri !== e.document.uri && cache.entry(d.uri)?.result?.kind === 'compose') {
          cache.delete(d.uri);
          schedule(d, debounceMs);
        }
      }
    }
  });
  documents.onDidSave((e) => schedule(e.document, 0));
  documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    dockerfileCaches.closed(e.document.uri);
    scriptCaches.closed(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    const file = uriToPath(e.document.uri);
    if (file) void profiles.closed(file).then((changed) => changed && recheckJson());
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !settings.enable) return null;
    const analysis = analysisFor(doc);
    if (!analysis?.model) return null;
    const h = hoverFor(analysis, params.position, lang);
    return h ? { contents: { kind: 'markdown', value: h.markdown }, range: h.range } : null;
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !settings.enable) return [];
    const analysis = resultFor(doc);
    if (!analysis) return [];
    return codeActions(doc.uri, analysis, params.range, params.context.only);
  });

  /** Lets clients list rules (for settings UIs and the docs command). */
  connection.onRequest('containment/rules', () =>
    ALL_RULES.map((r) => ({
      id: r.meta.id,
      name: r.meta.name,
      // In the display language, as the "Show Rule Documentation" quick pick lists them.
      title: lang === 'zh-CN' && r.meta.zh ? r.meta.zh.title : r.meta.title,
      defaultSeverity: r.meta.defaultSeverity,
    })),
  );

  registerContainers(
    connection,
    () => settings,
    () => lang,
  );
  registerConcepts(connection, () => lang);
  registerSeccomp(connection, () => lang);
  registerDrift(
    connection,
    () => settings,
    () => lang,
  );

  documents.listen(connection);
  connection.listen();
}
