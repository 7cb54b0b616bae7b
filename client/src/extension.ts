// The VS Code extension: starts the language server and adds Containment's commands.
// A thin UI: analysis lives in the server (server/src/core), shared with the CLI.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { crashHandler } from './crashHandler';
import { registerSeccomp } from './seccomp';
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

/** Files Containment analyses, by language id and by name (for files VS Code does not recognise). */
/** The user's extra file mappings (globs) from the `containment.*Files` settings. */
interface FileMappings {
  compose: string[];
  daemon: string[];
  seccomp: string[];
}

function fileMappings(): FileMappings {
  const c = vscode.workspace.getConfiguration('containment');
  return {
    compose: c.get<string[]>('composeFiles') ?? [],
    daemon: c.get<string[]>('daemonFiles') ?? [],
    seccomp: c.get<string[]>('seccompFiles') ?? [],
  };
}

export function documentSelector(mappings: FileMappings): { scheme: string; language?: string; pattern?: string }[] {
  const selector = [
    { scheme: 'file', language: 'dockerfile' },
    { scheme: 'untitled', language: 'dockerfile' },
    { scheme: 'file', pattern: '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.dockerfile,*.Dockerfile}' },
    { scheme: 'file', language: 'dockercompose' },
    { scheme: 'file', language: 'yaml', pattern: '**/{compose,docker-compose}{,.*}.{yml,yaml}' },
    { scheme: 'file', language: 'shellscript' },
    { scheme: 'file', language: 'markdown' },
    { scheme: 'file', language: 'json', pattern: '**/daemon.json' },
    { scheme: 'file', language: 'jsonc', pattern: '**/daemon.json' },
    { scheme: 'file', language: 'json', pattern: '**/*seccomp*.json' },
    { scheme: 'file', language: 'jsonc', pattern: '**/*seccomp*.json' },
  ];
  const add = (globs: string[], languages: string[]) => {
    for (const glob of globs) {
      if (typeof glob !== 'string' || !glob.trim()) continue;
      for (const language of languages) selector.push({ scheme: 'file', language, pattern: glob.includes('/') ? glob : `**/${glob}` });
    }
  };
  add(mappings.compose, ['yaml']);
  add(mappings.daemon, ['json', 'jsonc']);
  add(mappings.seccomp, ['json', 'jsonc']);
  return selector;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const output = vscode.window.createOutputChannel('Containment', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(fileMappings()),
    outputChannel: output,
    // A crashed server is restarted and the user told once; when it keeps crashing, one message says so.
    errorHandler: crashHandler((m) => void vscode.window.showWarningMessage(m)),
    initializationFailedHandler: (error: unknown) => {
      output.error(`The language server could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      void vscode.window.showErrorMessage('Containment: the language server could not start. The Containment output has the details.');
      return false;
    },
    synchronize: {
      configurationSection: 'containment',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.containment.{yaml,yml,json}'),
    },
    // The server explains in the display language (zh-cn / zh-hans: Simplified Chinese, else English).
    initializationOptions: { settings: vscode.workspace.getConfiguration('containment'), locale: vscode.env.language },
  };
  client = new LanguageClient('containment', 'Containment', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('containment.showRuleDoc', async (id?: string) => {
      let ruleId = typeof id === 'string' ? id : undefined;
      if (!ruleId) {
        const rules = client ? await client.sendRequest<RuleInfo[]>('containment/rules') : [];
        const pick = await vscode.window.showQuickPick(
          rules.map((r) => ({ label: r.id, description: r.name, detail: r.title })),
          { placeHolder: 'Which rule? Type an id, a name or words of its title', matchOnDescription: true, matchOnDetail: true },
        );
        ruleId = pick?.label;
      }
      if (!ruleId || !/^CT\d{4}$/.test(ruleId)) return;
      const doc = vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${ruleId}.md`)));
      await vscode.commands.executeCommand('markdown.showPreview', doc);
    }),
    vscode.commands.registerCommand('containment.restartServer', async () => {
      await client?.restart();
      void vscode.window.showInformationMessage('Containment: language server restarted.');
    }),
    vscode.commands.registerCommand('containment.showOutput', () => output.show(true)),
  );
  registerSeccomp(context, () => client);
  registerExplain(context, () => client);
  registerWalkthrough(context);
  registerContainers(context, () => client, output);

  // The document selector is fixed when the client starts: mapping more files needs a restart.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      const mapped = ['containment.composeFiles', 'containment.daemonFiles', 'containment.seccompFiles'];
      if (mapped.some((key) => e.affectsConfiguration(key)) && client) {
        await client.stop();
        client = new LanguageClient('containment', 'Containment', serverOptions, {
          ...clientOptions,
          documentSelector: documentSelector(fileMappings()),
        });
        await client.start();
      }
    }),
  );

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
