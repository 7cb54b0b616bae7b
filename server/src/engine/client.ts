// Engine access (engine layer): the `docker`/`podman` CLI by default, because it knows contexts,
// SSH hosts and the user's configuration; the Engine API on a local socket when no CLI is
// installed. Every call is batched where the engine allows, bounded in time and size, and
// cancellable.

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { t, type Text } from '../core/types';
import { cancelled, classifyCliError, cliNotFound, containerGone, EngineFailure, failure, notRunning, tooOld } from './errors';
import type { ListedContainer, RawContainer, RawImage, RawInfo } from './raw';
import { apiRequest, findExecutable, parseEndpoint, runCli, type ApiEndpoint, type CallLimits } from './transport';

export interface EngineOptions {
  /** `docker` (default) or `podman`. */
  engine?: 'docker' | 'podman';
  /** The CLI binary: a path or a name on PATH. Default: the engine's name. */
  cliPath?: string;
  /** An explicit endpoint (DOCKER_HOST syntax) that overrides DOCKER_HOST and the docker context. */
  host?: string;
  /** The environment to read DOCKER_HOST/DOCKER_CONTEXT/PATH from and to pass to the CLI. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Per call; default 15 s. */
  timeoutMs?: number;
  /** Per call output bound; default 64 MiB. */
  maxBytes?: number;
  /** Skip the CLI and use the Engine API (tests; people get it when no CLI is found). */
  forceApi?: boolean;
}

/** How the client reaches the engine, for EngineFacts. */
export interface Connection {
  kind: 'docker' | 'podman';
  access: 'cli' | 'api';
  cliPath?: string;
  endpoint: string;
  context?: string;
  /** How the commands shown to people call the CLI: `docker`, `docker -H unix:///x.sock`. */
  cli: string;
  /** A local socket: /proc may show the containers (each one is checked). */
  local: boolean;
  /** Why the API was used instead of the CLI, when it was (in both languages; the report picks one). */
  note?: Text;
}

export interface InspectResult {
  found: RawContainer[];
  /** References that no longer name a container (removed between list and inspect). */
  missing: string[];
}

export interface EngineClient {
  readonly connection: Connection;
  /** Resolves the endpoint (the docker context) once; later calls reuse it. */
  ready(signal?: AbortSignal): Promise<Connection>;
  info(signal?: AbortSignal): Promise<RawInfo>;
  list(all: boolean, signal?: AbortSignal): Promise<ListedContainer[]>;
  inspect(refs: string[], signal?: AbortSignal): Promise<InspectResult>;
  /** Image configs by the references given (ids or names); images that are gone are left out. */
  inspectImages(refs: string[], signal?: AbortSignal): Promise<Map<string, RawImage>>;
  /** Runs a command in a running container (only for the probe the user asked for). */
  exec(ref: string, argv: string[], signal?: AbortSignal): Promise<string>;
}

const DEFAULT_TIMEOUT = 15_000;
const DEFAULT_MAX = 64 * 1024 * 1024;
/** Batches of ids per `docker inspect` call, so command lines stay far below OS limits. */
const INSPECT_BATCH = 100;
/** Parallel requests on the API transport. */
const API_CONCURRENCY = 8;
/** Engine API 1.25 is Docker 1.13 (2017): the first with the fields the report reads. */
const MIN_API = [1, 25];

function limitsOf(opts: EngineOptions, what: string, signal?: AbortSignal): CallLimits {
  return { timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT, maxBytes: opts.maxBytes ?? DEFAULT_MAX, signal, what };
}

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw failure('bad-response', t(`${what} did not return JSON.`, `${what} 返回的不是 JSON。`), undefined, text.slice(0, 500));
  }
}

/** The local endpoint of an engine when nothing names one. */
export function defaultEndpoint(kind: 'docker' | 'podman', env: NodeJS.ProcessEnv): string {
  if (process.platform === 'win32') return kind === 'podman' ? 'npipe:////./pipe/podman-machine-default' : 'npipe:////./pipe/docker_engine';
  const candidates =
    kind === 'podman'
      ? [env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'podman/podman.sock') : '', '/run/podman/podman.sock']
      : [
          '/var/run/docker.sock',
          join(homedir(), '.docker/run/docker.sock'),
          env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'docker.sock') : '',
        ];
  const found = candidates.find((p) => p && existsSync(p));
  return `unix://${found ?? candidates.find((p) => p) ?? '/var/run/docker.sock'}`;
}

function isLocal(endpoint: string): boolean {
  if (process.platform !== 'linux') return false;
  if (endpoint.startsWith('unix://')) return true;
  return /^(tcp|http):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:|\/|$)/.test(endpoint);
}

/** Quotes one word for a POSIX shell when it needs it (commands shown to people). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `docker ps` / `podman ps` rows → ListedContainer. */
function normaliseListed(row: Record<string, unknown>): ListedContainer {
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  const names = row.Names;
  const name = (Array.isArray(names) ? str(names[0]) : str(names).split(',')[0]).replace(/^\//, '');
  return { id: str(row.ID ?? row.Id), name, image: str(row.Image), state: str(row.State).toLowerCase(), status: str(row.Status) };
}

class CliClient implements EngineClient {
  connection: Connection;
  private resolved?: Promise<Connection>;
  constructor(
    private readonly opts: EngineOptions,
    private readonly bin: string,
    private readonly env: NodeJS.ProcessEnv,
    kind: 'docker' | 'podman',
  ) {
    const explicit = opts.host ?? (kind === 'podman' ? env.CONTAINER_HOST : env.DOCKER_HOST);
    const endpoint = explicit ?? (kind === 'podman' ? defaultEndpoint('podman', env) : 'unix:///var/run/docker.sock');
    const cliName = kind;
    const cli = opts.host ? `${cliName} ${kind === 'podman' ? '--url' : '-H'} ${shellQuote(opts.host)}` : cliName;
    this.connection = { kind, access: 'cli', cliPath: bin, endpoint, cli, local: kind === 'podman' ? !explicit : isLocal(endpoint) };
  }

  /** Classifies a failed call; the CLI says "is the daemon running?" for a missing socket too, so check which. */
  private fail(stderr: string, code: number | null): EngineFailure {
    const f = classifyCliError(stderr, this.connection.endpoint, code);
    const path = this.connection.endpoint.startsWith('unix://') ? this.connection.endpoint.slice(7) : undefined;
    if (f.code === 'engine-not-running' && path && !existsSync(path)) return notRunning(this.connection.endpoint, f.detail, true);
    return f;
  }

  private run(args: string[], what: string, signal?: AbortSignal) {
    return runCli(this.bin, args, this.env, limitsOf(this.opts, what, signal));
  }

  ready(signal?: AbortSignal): Promise<Connection> {
    this.resolved ??= this.resolve(signal);
    return this.resolved;
  }

  /** With neither --host nor DOCKER_HOST, the current docker context names the endpoint. */
  private async resolve(signal?: AbortSignal): Promise<Connection> {
    const c = this.connection;
    if (c.kind !== 'docker' || this.opts.host || this.env.DOCKER_HOST) return c;
    try {
      const r = await this.run(['context', 'inspect', '--format', '{{json .}}'], 'docker context inspect', signal);
      if (r.code === 0) {
        const ctx = parseJson<{ Name?: string; Endpoints?: { docker?: { Host?: string } } }>(
          r.stdout.trim().split('\n')[0],
          'docker context inspect',
        );
        const host = ctx.Endpoints?.docker?.Host;
        if (host) c.endpoint = host;
        if (ctx.Name && ctx.Name !== 'default') c.context = ctx.Name;
        c.local = isLocal(c.endpoint);
      }
    } catch (e) {
      if (e instanceof EngineFailure && e.code === 'cancelled') throw e;
      // An old CLI without contexts: the default socket it is.
    }
    return c;
  }

  async info(signal?: AbortSignal): Promise<RawInfo> {
    await this.ready(signal);
    const args = this.connection.kind === 'podman' ? ['info', '--format', 'json'] : ['info', '--format', '{{json .}}'];
    const r = await this.run(args, `${this.connection.kind} info`, signal);
    // `docker info` prints the client part even when the daemon is unreachable; stderr says why.
    if (r.code !== 0 || /Cannot connect|error during connect|permission denied/i.test(r.stderr))
      throw this.fail(r.stderr || r.stdout, r.code);
    const info = parseJson<RawInfo & { ServerErrors?: string[] }>(r.stdout, `${this.connection.kind} info`);
    if (info.ServerErrors?.length) throw this.fail(info.ServerErrors.join('\n'), r.code);
    return info;
  }

  async list(all: boolean, signal?: AbortSignal): Promise<ListedContainer[]> {
    await this.ready(signal);
    const podman = this.connection.kind === 'podman';
    const args = podman
      ? ['ps', ...(all ? ['-a'] : []), '--no-trunc', '--format', 'json']
      : // Only these fields: `{{json .}}` includes .Size, which makes the CLI ask the daemon to compute sizes (slow).
        [
          'ps',
          ...(all ? ['-a'] : []),
          '--no-trunc',
          '--format',
          '{"ID":{{json .ID}},"Names":{{json .Names}},"Image":{{json .Image}},"Status":{{json .Status}}}',
        ];
    const r = await this.run(args, `${this.connection.kind} ps`, signal);
    if (r.code !== 0) throw this.fail(r.stderr, r.code);
    const text = r.stdout.trim();
    if (text === '') return [];
    const rows: Record<string, unknown>[] = podman
      ? parseJson<Record<string, unknown>[]>(text, 'podman ps')
      : text.split('\n').map((l) => parseJson<Record<string, unknown>>(l, 'docker ps'));
    return rows.map(normaliseListed).filter((c) => c.id !== '');
  }

  async inspect(refs: string[], signal?: AbortSignal): Promise<InspectResult> {
    await this.ready(signal);
    const found: RawContainer[] = [];
    const missing: string[] = [];
    for (let i = 0; i < refs.length; i += INSPECT_BATCH) {
      const batch = refs.slice(i, i + INSPECT_BATCH);
      const r = await this.run(['inspect', '--type', 'container', ...batch], `${this.connection.kind} inspect`, signal);
      const text = r.stdout.trim();
      const got = text === '' ? [] : parseJson<RawContainer[]>(text, `${this.connection.kind} inspect`);
      if (r.code !== 0) {
        // A partial answer: the found ones on stdout, one "No such …" line per missing one on stderr.
        const gone = r.stderr
          .split('\n')
          .filter((l) => /No such (object|container)|no such container|no container with name or ID/i.test(l));
        if (gone.length === 0) throw this.fail(r.stderr, r.code);
      }
      found.push(...got);
    }
    for (const ref of refs) if (!found.some((c) => matches(c, ref))) missing.push(ref);
    return { found, missing };
  }

  async inspectImages(refs: string[], signal?: AbortSignal): Promise<Map<string, RawImage>> {
    const out = new Map<string, RawImage>();
    if (refs.length === 0) return out;
    const r = await this.run(['image', 'inspect', ...refs], `${this.connection.kind} image inspect`, signal);
    const text = r.stdout.trim();
    const images = text.startsWith('[') ? parseJson<RawImage[]>(text, 'image inspect') : [];
    for (const ref of refs) {
      const img = images.find((i) => i.Id === ref || i.Id === `sha256:${ref}` || (i.RepoTags ?? []).includes(ref));
      if (img) out.set(ref, img);
    }
    return out;
  }

  async exec(ref: string, argv: string[], signal?: AbortSignal): Promise<string> {
    const r = await this.run(['exec', ref, ...argv], `${this.connection.kind} exec`, signal);
    if (r.code !== 0) throw this.fail(r.stderr || `exit ${r.code}`, r.code);
    return r.stdout;
  }
}

/** True when an inspected container is the one `ref` names (full id, id prefix, or name). */
export function matches(c: RawContainer, ref: string): boolean {
  const name = (c.Name ?? '').replace(/^\//, '');
  return c.Id === ref || (ref.length >= 4 && c.Id.startsWith(ref)) || name === ref.replace(/^\//, '');
}

/** Runs `fn` over items with at most `n` in flight, keeping order. */
async function pool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  });
  await Promise.all(workers);
  return out;
}

class ApiClient implements EngineClient {
  connection: Connection;
  private checked?: Promise<void>;
  constructor(
    private readonly opts: EngineOptions,
    private readonly ep: ApiEndpoint,
    kind: 'docker' | 'podman',
    note?: Text,
  ) {
    this.connection = {
      kind,
      access: 'api',
      endpoint: ep.display,
      cli: `${kind} -H ${shellQuote(ep.display)}`,
      local: isLocal(ep.display) || !!ep.socketPath,
      note,
    };
    if (!opts.host && ep.display === defaultEndpoint(kind, opts.env ?? process.env)) this.connection.cli = kind;
  }

  private async get<T>(path: string, what: string, signal?: AbortSignal): Promise<{ status: number; value?: T; body: string }> {
    const r = await apiRequest(this.ep, 'GET', path, limitsOf(this.opts, what, signal));
    if (r.status >= 200 && r.status < 300) return { status: r.status, value: parseJson<T>(r.body, what), body: r.body };
    return { status: r.status, body: r.body };
  }

  ready(signal?: AbortSignal): Promise<Connection> {
    this.checked ??= (async () => {
      const r = await apiRequest(this.ep, 'GET', '/_ping', limitsOf(this.opts, 'GET /_ping', signal));
      if (r.status !== 200)
        throw failure(
          'failed',
          t(
            `The engine at ${this.ep.display} answered /_ping with HTTP ${r.status}.`,
            `位于 ${this.ep.display} 的引擎对 /_ping 返回了 HTTP ${r.status}。`,
          ),
          undefined,
          r.body.slice(0, 500),
        );
      const v = String(r.headers['api-version'] ?? '');
      const m = /^(\d+)\.(\d+)/.exec(v);
      if (m && (Number(m[1]) < MIN_API[0] || (Number(m[1]) === MIN_API[0] && Number(m[2]) < MIN_API[1]))) throw tooOld(v);
    })();
    return this.checked.then(() => this.connection);
  }

  async info(signal?: AbortSignal): Promise<RawInfo> {
    await this.ready(signal);
    const r = await this.get<RawInfo>('/info', 'GET /info', signal);
    if (!r.value)
      throw failure(
        'failed',
        t(`GET /info answered HTTP ${r.status}.`, `GET /info 返回了 HTTP ${r.status}。`),
        undefined,
        r.body.slice(0, 500),
      );
    return r.value;
  }

  async list(all: boolean, signal?: AbortSignal): Promise<ListedContainer[]> {
    await this.ready(signal);
    const r = await this.get<Record<string, unknown>[]>(`/containers/json?all=${all ? 1 : 0}`, 'GET /containers/json', signal);
    if (!r.value)
      throw failure(
        'failed',
        t(`GET /containers/json answered HTTP ${r.status}.`, `GET /containers/json 返回了 HTTP ${r.status}。`),
        undefined,
        r.body.slice(0, 500),
      );
    return r.value.map(normaliseListed).filter((c) => c.id !== '');
  }

  async inspect(refs: string[], signal?: AbortSignal): Promise<InspectResult> {
    await this.ready(signal);
    const results = await pool(refs, API_CONCURRENCY, async (ref) => {
      if (signal?.aborted) throw cancelled();
      const r = await this.get<RawContainer>(`/containers/${encodeURIComponent(ref)}/json`, 'GET /containers/{id}/json', signal);
      if (r.status === 404) return undefined;
      if (!r.value)
        throw failure(
          'failed',
          t(`Inspecting ${ref} answered HTTP ${r.status}.`, `检查 ${ref} 时返回了 HTTP ${r.status}。`),
          undefined,
          r.body.slice(0, 500),
        );
      return r.value;
    });
    const found = results.filter((c): c is RawContainer => !!c);
    return { found, missing: refs.filter((_, i) => !results[i]) };
  }

  async inspectImages(refs: string[], signal?: AbortSignal): Promise<Map<string, RawImage>> {
    const out = new Map<string, RawImage>();
    await pool(refs, API_CONCURRENCY, async (ref) => {
      const r = await this.get<RawImage>(`/images/${encodeURIComponent(ref)}/json`, 'GET /images/{id}/json', signal);
      if (r.value) out.set(ref, r.value);
    });
    return out;
  }

  async exec(ref: string, argv: string[], signal?: AbortSignal): Promise<string> {
    const limits = limitsOf(this.opts, 'exec', signal);
    const created = await apiRequest(this.ep, 'POST', `/containers/${encodeURIComponent(ref)}/exec`, limits, {
      AttachStdout: true,
      AttachStderr: false,
      Tty: true,
      Cmd: argv,
    });
    if (created.status === 404) throw containerGone(ref);
    if (created.status !== 201)
      throw failure(
        'failed',
        t(`Creating an exec in ${ref} answered HTTP ${created.status}.`, `在 ${ref} 中创建 exec 时返回了 HTTP ${created.status}。`),
        undefined,
        created.body,
      );
    const { Id } = parseJson<{ Id: string }>(created.body, 'exec create');
    // With a TTY the output is the raw stream, without the 8-byte multiplexing headers.
    const started = await apiRequest(this.ep, 'POST', `/exec/${Id}/start`, limits, { Detach: false, Tty: true });
    if (started.status !== 200)
      throw failure(
        'failed',
        t(`Starting an exec in ${ref} answered HTTP ${started.status}.`, `在 ${ref} 中启动 exec 时返回了 HTTP ${started.status}。`),
        undefined,
        started.body,
      );
    return started.body.replace(/\r\n/g, '\n');
  }
}

/**
 * Chooses the transport: the configured or default CLI when it exists on this machine, otherwise
 * the Engine API on the endpoint (explicit host, DOCKER_HOST, or the default local socket).
 * Throws `cli-missing` when neither works (an ssh:// host without a CLI, for example).
 */
export function connect(opts: EngineOptions = {}): EngineClient {
  const env = { ...(opts.env ?? process.env) };
  const kind = opts.engine ?? 'docker';
  if (opts.host) {
    // An explicit host wins over the environment's host and context, for the CLI we start too.
    if (kind === 'podman') env.CONTAINER_HOST = opts.host;
    else {
      env.DOCKER_HOST = opts.host;
      delete env.DOCKER_CONTEXT;
    }
  }
  const bin = opts.forceApi ? undefined : findExecutable(opts.cliPath || kind, env);
  if (bin) return new CliClient(opts, bin, env, kind);
  if (opts.cliPath && !opts.forceApi) {
    throw cliNotFound(
      opts.cliPath,
      t(
        'Fix `containment.engine.path` / `--engine-path`, or clear it to use `docker` from PATH.',
        '请修正 `containment.engine.path` / `--engine-path`，或者清空它以使用 PATH 中的 `docker`。',
      ),
    );
  }
  const host = opts.host ?? (kind === 'podman' ? env.CONTAINER_HOST : env.DOCKER_HOST) ?? defaultEndpoint(kind, env);
  // TLS client certificates (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH) are the CLI's business.
  const tls = !opts.host && kind === 'docker' && !!env.DOCKER_TLS_VERIFY && /^tcp:/.test(host);
  const ep = tls ? undefined : parseEndpoint(host);
  if (!ep) {
    throw failure(
      'cli-missing',
      t(
        `No ${kind} CLI was found, and the endpoint ${host} can only be reached through it.`,
        `没有找到 ${kind} CLI，而端点 ${host} 只能通过它访问。`,
      ),
      t(
        `Install the ${kind} CLI, or point DOCKER_HOST / --host at a unix socket or tcp:// endpoint.`,
        `请安装 ${kind} CLI，或者把 DOCKER_HOST / --host 指向 unix 套接字或 tcp:// 端点。`,
      ),
    );
  }
  const note = opts.forceApi
    ? undefined
    : t(
        `No ${kind} CLI on PATH: using the Engine API at ${ep.display}.`,
        `PATH 中没有 ${kind} CLI：改用位于 ${ep.display} 的 Engine API。`,
      );
  return new ApiClient({ ...opts, env }, ep, kind, note);
}
