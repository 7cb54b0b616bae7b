// The VS Code extension: starts the language server and adds Containment's commands.
// A thin UI: analysis lives in the server (server/src/core), shared with the CLI.

import path = require('node:path');
import vscode = require('vscode');
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { crashHandler } from './crashHandler';
import { languageClientLib } from './clientLib';
import { LazyOutput } from './output';
import { exists, registerSeccomp } from './seccomp';
import { registerExplain } from './explain';
import { registerWalkthrough } from './walkthrough';
import { registerContainers } from './containers';

let client: LanguageClient | undefined;

interface RuleInfo {
  id: string;
  name: string;
  title: string;
  defaultSeverity: string;
}

/** The user's extra Compose file mappings (globs) from `containment.composeFiles`. */
function composeMappings(): string[] {
  return vscode.workspace.getConfiguration('containment').get<string[]>('composeFiles') ?? [];
}

/**
 * Files Containment analyses, by language id and by name (for files VS Code does not recognise).
 * Every JSON file goes to the server, which decides whether it is daemon.json or a seccomp profile:
 * by name, by the `containment.daemonFiles`/`seccompFiles` settings, by a top-level
 * `defaultAction`, or because a Compose file, script or Markdown file in the workspace names it in
 * `seccomp=<path>`. Other JSON files get no diagnostics, hovers or fixes.
 */
export function documentSelector(composeFiles: string[]): { scheme: string; language?: string; pattern?: string }[] {
  const selector = [
    { scheme: 'file', language: 'dockerfile' },
    { scheme: 'untitled', language: 'dockerfile' },
    { scheme: 'file', pattern: '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.dockerfile,*.Dockerfile}' },
    { scheme: 'file', language: 'dockercompose' },
    { scheme: 'file', language: 'yaml', pattern: '**/{compose,docker-compose}{,.*}.{yml,yaml}' },
    { scheme: 'file', language: 'shellscript' },
    { scheme: 'file', language: 'markdown' },
    { scheme: 'file', language: 'json' },
    { scheme: 'file', language: 'jsonc' },
  ];
  for (const glob of composeFiles) {
    if (typeof glob !== 'string' || !glob.trim()) continue;
    selector.push({ scheme: 'file', language: 'yaml', pattern: glob.includes('/') ? glob : `**/${glob}` });
  }
  return selector;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // TransportKind.ipc is 1; naming it would load the library now.
  const ipc = 1;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: ipc },
    debug: { module: serverModule, transport: ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // Created on first use (the language client's start, a message, "Show Output"), not here.
  // Not among the subscriptions, as before it was lazy: VS Code disposes those as soon as it has
  // called deactivate(), while the client stopping may still write to the channel.
  const output = new LazyOutput('Containment');
  let options: LanguageClientOptions | undefined;
  /** The client's options, made when the client first starts: the watchers exist from then on. */
  const clientOptions = (): LanguageClientOptions => {
    if (options) return options;
    // Config files, and the files that may name seccomp profiles (the server reads them again).
    const fileEvents = [
      vscode.workspace.createFileSystemWatcher('**/.containment.{yaml,yml,json}'),
      vscode.workspace.createFileSystemWatcher('**/*.{yml,yaml,sh,bash,md,markdown}'),
    ];
    context.subscriptions.push(...fileEvents);
    options = {
      documentSelector: documentSelector(composeMappings()),
      outputChannel: output.channel,
      // A crashed server is restarted and the user told once; when it keeps crashing, one message says so.
      errorHandler: crashHandler((m) => void vscode.window.showWarningMessage(m), undefined, vscode.l10n.t),
      initializationFailedHandler: (error: unknown) => {
        output.error(`The language server could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Containment: the language server could not start. The Containment output has the details.'),
        );
        return false;
      },
      synchronize: { configurationSection: 'containment', fileEvents },
      // The server explains in the display language (zh-cn / zh-hans: Simplified Chinese, else English).
      initializationOptions: { settings: vscode.workspace.getConfiguration('containment'), locale: vscode.env.language },
    };
    return options;
  };
  const startClient = (opts: LanguageClientOptions): LanguageClient => {
    const c = new (languageClientLib().LanguageClient)('containment', 'Containment', serverOptions, opts);
    // Requests made while it starts wait for it; a failure is reported by initializationFailedHandler.
    c.start().catch((e: unknown) => output.error(`The language server did not start: ${e instanceof Error ? e.message : String(e)}`));
    return c;
  };
  /** The client, created and started the first time something needs the server. */
  const getClient = (): LanguageClient | undefined => {
    try {
      return (client ??= startClient(clientOptions()));
    } catch (e) {
      // Only a broken installation gets here (dist/languageclient.js missing or unreadable).
      output.error(`The language client could not load: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Containment: the language server could not start. The Containment output has the details.'),
      );
      return undefined;
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('containment.showRuleDoc', async (id?: string) => {
      let ruleId = typeof id === 'string' ? id : undefined;
      if (!ruleId) {
        const c = getClient();
        const rules = c ? await c.sendRequest<RuleInfo[]>('containment/rules').catch(() => []) : [];
        const pick = await vscode.window.showQuickPick(
          rules.map((r) => ({ label: r.id, description: r.name, detail: r.title })),
          {
            placeHolder: vscode.l10n.t('Which rule? Type an id, a name or words of its title'),
            matchOnDescription: true,
            matchOnDetail: true,
          },
        );
        ruleId = pick?.label;
      }
      if (!ruleId || !/^CT\d{4}$/.test(ruleId)) return;
      // The page in the display language when there is one (docs/rules/zh-CN for zh-cn / zh-hans).
      const zh = /^zh-(cn|hans)/i.test(vscode.env.language);
      const english = context.asAbsolutePath(path.join('docs', 'rules', `${ruleId}.md`));
      const chinese = context.asAbsolutePath(path.join('docs', 'rules', 'zh-CN', `${ruleId}.md`));
      const file = zh && (await exists(vscode.Uri.file(chinese))) ? chinese : english;
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(file));
    }),
    vscode.commands.registerCommand('containment.restartServer', async () => {
      await getClient()?.restart();
      void vscode.window.showInformationMessage(vscode.l10n.t('Containment: language server restarted.'));
    }),
    vscode.commands.registerCommand('containment.showOutput', () => output.show(true)),
  );
  registerSeccomp(context, getClient);
  registerExplain(context, getClient);
  registerWalkthrough(context);
  registerContainers(context, getClient, output);

  // The document selector is fixed when the client starts: mapping more YAML files needs a restart
  // (JSON mappings do not: every JSON file already reaches the server).
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('containment.composeFiles') && client) {
        await client.stop();
        client = startClient({ ...clientOptions(), documentSelector: documentSelector(composeMappings()) });
      }
    }),
  );

  // Activation neither loads the language client library nor waits for the server: both happen
  // right after it returns (or earlier, when a command asks for the server first).
  setImmediate(getClient);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
