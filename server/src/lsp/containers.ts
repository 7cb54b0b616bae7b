// Language-server requests behind the editor's Containers view and report (adapter layer): list
// containers, inspect one, show it as `docker run`. The engine work is in server/src/engine; the
// types the client receives are in server/src/engine/report.ts.

import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import { asDockerRun } from '../engine/asDockerRun';
import { connect, type EngineOptions } from '../engine/client';
import { containerGone, toEngineError } from '../engine/errors';
import { inspectContainers, listContainers } from '../engine/inspect';
import {
  CONTAINERS_AS_DOCKER_RUN,
  CONTAINERS_INSPECT,
  CONTAINERS_LIST,
  type AsDockerRunParams,
  type ContainerReport,
  type EngineError,
  type InspectParams,
  type ListParams,
  type ListResult,
} from '../engine/report';
import { normalizeRuleSettings } from '../core/config';
import type { Locale, SeveritySetting } from '../core/types';

/** The settings these requests read: `containment.engine.path`, `containment.engine.host` and the rule severities. */
export interface ContainerSettings {
  engine?: { path?: string; host?: string };
  rules?: Record<string, unknown>;
}

/** JSON-RPC error code for engine problems (the application range); `data` is an EngineError. */
export const ENGINE_ERROR_CODE = -32001;

/** Engine options from the `containment.engine.*` settings (a podman path selects podman). */
export function engineOptions(s: ContainerSettings): EngineOptions {
  const path = typeof s.engine?.path === 'string' ? s.engine.path.trim() : '';
  const host = typeof s.engine?.host === 'string' ? s.engine.host.trim() : '';
  const o: EngineOptions = {};
  if (path) {
    o.cliPath = path;
    if (/podman(\.exe)?$/i.test(path)) o.engine = 'podman';
  }
  if (host) o.host = host;
  return o;
}

/** An AbortSignal that follows the LSP cancellation token. */
export function signalOf(token: CancellationToken): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  if (token.isCancellationRequested) ac.abort();
  const sub = token.onCancellationRequested(() => ac.abort());
  return { signal: ac.signal, dispose: () => sub.dispose() };
}

/** An engine failure as the JSON-RPC error the client expects, in its language (cancellation as RequestCancelled). */
export function asResponseError(e: unknown, locale: Locale = 'en'): ResponseError<EngineError> {
  const info = toEngineError(e, locale);
  if (info.code === 'cancelled') return new ResponseError(LSPErrorCodes.RequestCancelled, info.message, info);
  return new ResponseError(ENGINE_ERROR_CODE, info.message, info);
}

export function registerContainers(connection: Connection, settings: () => ContainerSettings, locale: () => Locale = () => 'en'): void {
  const severities = (): Record<string, SeveritySetting>[] => [normalizeRuleSettings(settings().rules ?? {})];

  connection.onRequest(CONTAINERS_LIST, async (params: ListParams | undefined, token: CancellationToken): Promise<ListResult> => {
    const sig = signalOf(token);
    const signal = sig.signal;
    try {
      const client = connect(engineOptions(settings()));
      return await listContainers(client, !!params?.all, { signal, severities: severities(), locale: locale() });
    } catch (e) {
      // connect() throws only for configuration problems (a CLI path that does not exist).
      return { summaries: [], error: toEngineError(e, locale()), notes: [] };
    } finally {
      sig.dispose();
    }
  });

  connection.onRequest(CONTAINERS_INSPECT, async (params: InspectParams, token: CancellationToken): Promise<ContainerReport> => {
    const sig = signalOf(token);
    const signal = sig.signal;
    try {
      const client = connect(engineOptions(settings()));
      const out = await inspectContainers(client, [String(params?.id ?? '')], {
        signal,
        severities: severities(),
        locale: locale(),
        probeExec: !!params?.probeExec,
      });
      const report = out.reports[0];
      if (!report) throw containerGone(String(params?.id ?? ''));
      report.notes.unshift(...out.notes);
      return report;
    } catch (e) {
      throw asResponseError(e, locale());
    } finally {
      sig.dispose();
    }
  });

  connection.onRequest(CONTAINERS_AS_DOCKER_RUN, async (params: AsDockerRunParams, token: CancellationToken): Promise<string> => {
    const sig = signalOf(token);
    const signal = sig.signal;
    try {
      const client = connect(engineOptions(settings()));
      const conn = await client.ready(signal);
      const { found } = await client.inspect([String(params?.id ?? '')], signal);
      const c = found[0];
      if (!c) throw containerGone(String(params?.id ?? ''));
      const images = await client.inspectImages(c.Image ? [c.Image] : [], signal).catch(() => new Map());
      return asDockerRun(c, images.get(c.Image ?? ''), conn.cli);
    } catch (e) {
      throw asResponseError(e, locale());
    } finally {
      sig.dispose();
    }
  });
}
