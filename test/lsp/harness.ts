// An in-process LSP client for tests: the real server (lsp/listen.ts) over a pair of streams,
// speaking JSON-RPC exactly as VS Code does, without spawning a process.

import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams, Range, TextEdit } from 'vscode-languageserver-protocol';
import { listen } from '../../server/src/lsp/listen';

export interface TestClient {
  rpc: MessageConnection;
  open(uri: string, text: string, languageId?: string): Promise<Diagnostic[]>;
  change(uri: string, text: string): Promise<Diagnostic[]>;
  close(uri: string): Promise<Diagnostic[]>;
  hover(uri: string, line: number, character: number): Promise<Hover | null>;
  codeActions(uri: string, range: Range, only?: string[]): Promise<CodeAction[]>;
  setSettings(settings: Record<string, unknown>): Promise<Diagnostic[][]>;
  /** Resolves with the next diagnostics published for uri. */
  nextDiagnostics(uri: string): Promise<Diagnostic[]>;
  text(uri: string): string;
  /** What the server logged (window/logMessage), in order. */
  logs: { type: number; message: string }[];
  shutdown(): Promise<void>;
}

/** A diagnostic's message as text (LSP 3.18 allows Markdown content there). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** Applies LSP text edits to a string (offsets from line/character). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const off = (p: { line: number; character: number }) => (p.line < lineStarts.length ? lineStarts[p.line] + p.character : text.length);
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

export async function startServer(
  opts: {
    settings?: Record<string, unknown>;
    workspaceFolder?: string;
    pullConfiguration?: boolean;
    /** Sent as `initializationOptions`, as the extension does (`settings`, `locale`). */
    initializationOptions?: Record<string, unknown>;
    /** Declare, as VS Code does, that the client sends workspace folder changes. */
    workspaceFolders?: boolean;
    /** The server's delay after a keystroke (its own 150 ms unless given). */
    debounceMs?: number;
    /** Leave the server's settings requests (workspace/configuration) unanswered, as a hung client would. */
    neverAnswerConfiguration?: boolean;
  } = {},
): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  listen(createConnection(toServer, toClient), { debounceMs: opts.debounceMs });
  const rpc = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  let settings: Record<string, unknown> = opts.settings ?? {};
  const waiters = new Map<string, ((d: Diagnostic[]) => void)[]>();
  const texts = new Map<string, { text: string; version: number }>();

  rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const list = waiters.get(p.uri);
    const w = list?.shift();
    if (w) w(p.diagnostics);
  });
  rpc.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
    opts.neverAnswerConfiguration ? new Promise<Record<string, unknown>[]>(() => undefined) : Promise.resolve(p.items.map(() => settings)),
  );
  rpc.onRequest('client/registerCapability', () => null);
  rpc.onNotification('window/showMessage', () => undefined);
  const logs: { type: number; message: string }[] = [];
  rpc.onNotification('window/logMessage', (m: { type: number; message: string }) => {
    logs.push(m);
  });
  rpc.listen();

  const nextDiagnostics = (uri: string) =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within 5 s`)), 5000);
      const list = waiters.get(uri) ?? [];
      list.push((d) => {
        clearTimeout(timer);
        resolve(d);
      });
      waiters.set(uri, list);
    });

  await rpc.sendRequest('initialize', {
    // null: with a pid the server polls for the parent every few seconds and the test never exits.
    processId: null,
    rootUri: opts.workspaceFolder ? `file://${opts.workspaceFolder}` : null,
    workspaceFolders: opts.workspaceFolder ? [{ uri: `file://${opts.workspaceFolder}`, name: 'ws' }] : null,
    capabilities: {
      workspace: {
        configuration: opts.pullConfiguration ?? true,
        didChangeConfiguration: { dynamicRegistration: true },
        ...(opts.workspaceFolders ? { workspaceFolders: true } : {}),
      },
    },
    initializationOptions: opts.initializationOptions,
  });
  await rpc.sendNotification('initialized', {});

  return {
    rpc,
    nextDiagnostics,
    async open(uri, text, languageId = 'dockerfile') {
      texts.set(uri, { text, version: 1 });
      const d = nextDiagnostics(uri);
      await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return d;
    },
    async change(uri, text) {
      const cur = texts.get(uri)!;
      const version = cur.version + 1;
      texts.set(uri, { text, version });
      const d = nextDiagnostics(uri);
      await rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return d;
    },
    async close(uri) {
      const d = nextDiagnostics(uri);
      await rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
      texts.delete(uri);
      return d;
    },
    hover: (uri, line, character) => rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }),
    codeActions: (uri, range, only) =>
      rpc.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only } }),
    async setSettings(s) {
      settings = s;
      const waits = [...texts.keys()].map((u) => nextDiagnostics(u));
      await rpc.sendNotification('workspace/didChangeConfiguration', { settings: { containment: s } });
      return Promise.all(waits);
    },
    text: (uri) => texts.get(uri)?.text ?? '',
    logs,
    async shutdown() {
      await rpc.sendRequest('shutdown');
      rpc.dispose();
    },
  };
}
