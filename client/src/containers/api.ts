// The language-server requests behind the Containers view (client UI layer): typed calls and one
// place that turns every way a request can fail into an EngineError the view can show.
// All engine work happens in the server (server/src/lsp/containers.ts, server/src/lsp/drift.ts).

import vscode = require('vscode');
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CONTAINERS_AS_DOCKER_RUN,
  CONTAINERS_INSPECT,
  CONTAINERS_LIST,
  type AsDockerRunParams,
  type ContainerReport,
  type EngineError,
  type EngineErrorCode,
  type InspectParams,
  type ListParams,
  type ListResult,
} from '../../../server/src/engine/report';
import { codeSpansAsText } from './html';
import type { CONTAINERS_COMPARE as ServerCompare, CompareParams, CompareResult } from '../../../server/src/lsp/drift';

// Values are not imported from the server's drift module (the client bundle would pull the
// server's dependencies in); the type annotation makes a renamed request a compile error.
export const CONTAINERS_COMPARE: typeof ServerCompare = 'containment/containers.compare';

/** A request failed: `error` says why, in the engine's terms. */
export class RequestFailed extends Error {
  constructor(readonly error: EngineError) {
    super(error.message);
  }
}

const KNOWN_CODES: EngineErrorCode[] = [
  'engine-not-running',
  'permission-denied',
  'cli-missing',
  'engine-too-old',
  'timeout',
  'cancelled',
  'container-gone',
  'bad-response',
  'unsupported',
  'failed',
];

function isEngineError(x: unknown): x is EngineError {
  const e = x as EngineError | undefined;
  return !!e && typeof e.message === 'string' && KNOWN_CODES.includes(e.code);
}

/** JSON-RPC codes that mean "the server has no such request" and "the request was cancelled". */
const METHOD_NOT_FOUND = -32601;
const REQUEST_CANCELLED = -32800;

/** Any rejection of sendRequest as an EngineError. */
export function toEngineError(e: unknown): EngineError {
  if (e instanceof RequestFailed) return e.error;
  const r = e as { code?: number; message?: string; data?: unknown } | undefined;
  if (r && isEngineError(r.data)) return r.data;
  if (r?.code === REQUEST_CANCELLED) return { code: 'cancelled', message: vscode.l10n.t('Cancelled.') };
  if (r?.code === METHOD_NOT_FOUND) {
    return {
      code: 'unsupported',
      message: vscode.l10n.t('This version of the Containment language server cannot inspect containers.'),
      hint: vscode.l10n.t('Restart the language server, or update the extension.'),
    };
  }
  return { code: 'failed', message: vscode.l10n.t('The Containment language server did not answer: {0}', r?.message ?? String(e)) };
}

/** Calls into the language server; `client()` is read at each call because a restart replaces it. */
export class ContainersApi {
  constructor(private readonly client: () => LanguageClient | undefined) {}

  private async send<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R> {
    const c = this.client();
    if (!c) throw new RequestFailed({ code: 'failed', message: vscode.l10n.t('The Containment language server is not running.') });
    try {
      return token ? await c.sendRequest<R>(method, params, token) : await c.sendRequest<R>(method, params);
    } catch (e) {
      throw new RequestFailed(toEngineError(e));
    }
  }

  /** Never rejects for engine problems: the result's `error` says what went wrong. */
  async list(params: ListParams, token?: vscode.CancellationToken): Promise<ListResult> {
    try {
      return await this.send<ListResult>(CONTAINERS_LIST, params, token);
    } catch (e) {
      return { summaries: [], error: toEngineError(e), notes: [] };
    }
  }

  inspect(params: InspectParams, token?: vscode.CancellationToken): Promise<ContainerReport> {
    return this.send<ContainerReport>(CONTAINERS_INSPECT, params, token);
  }

  asDockerRun(params: AsDockerRunParams, token?: vscode.CancellationToken): Promise<string> {
    return this.send<string>(CONTAINERS_AS_DOCKER_RUN, params, token);
  }

  compare(params: CompareParams, token?: vscode.CancellationToken): Promise<CompareResult> {
    return this.send<CompareResult>(CONTAINERS_COMPARE, params, token);
  }
}

/**
 * An engine error and what to do about it, for a notification: notifications show text literally,
 * so the hint's Markdown code spans lose their backticks (the report page renders them as code).
 */
export function describeError(e: EngineError): string {
  return codeSpansAsText(e.hint ? `${e.message} ${e.hint}` : e.message);
}
