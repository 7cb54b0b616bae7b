// The two ways to reach a container engine, each call bounded in time and size and cancellable
// (engine layer): running the `docker`/`podman` CLI, and HTTP on the Engine API socket.

import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { t } from '../core/types';
import { cancelled, classifySocketError, cliNotFound, failure, permissionDenied, timedOut, tooLarge } from './errors';

export interface CallLimits {
  /** Milliseconds before the call is abandoned (the child is killed, the socket destroyed). */
  timeoutMs: number;
  /** Output larger than this is refused: the engine is misbehaving, or a container list is absurd. */
  maxBytes: number;
  signal?: AbortSignal;
  /** Names the call in error messages: `docker inspect`, `GET /info`. */
  what: string;
}

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Calls `fn` once when the signal aborts or the timer fires; returns a disposer. */
function guard(limits: CallLimits, onTimeout: () => void, onAbort: () => void): () => void {
  const timer = setTimeout(onTimeout, limits.timeoutMs);
  const abort = () => onAbort();
  limits.signal?.addEventListener('abort', abort, { once: true });
  return () => {
    clearTimeout(timer);
    limits.signal?.removeEventListener('abort', abort);
  };
}

/**
 * Finds an executable: an absolute or relative path is checked as is, a bare name is looked up on
 * PATH (with PATHEXT on Windows). Returns undefined when there is none.
 */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const isFile = (p: string) => {
    try {
      if (!statSync(p).isFile()) return false;
      if (process.platform !== 'win32') accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  const exts = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean)] : [''];
  if (isAbsolute(name) || name.includes('/') || (process.platform === 'win32' && name.includes('\\'))) {
    for (const ext of exts) if (isFile(name + ext)) return name + ext;
    return undefined;
  }
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const p = join(dir, name + ext);
      if (isFile(p)) return p;
    }
  }
  return undefined;
}

/**
 * Runs the engine CLI without a shell (arguments are never interpreted) and collects its output.
 * A non-zero exit is returned, not thrown: `docker inspect a b` prints what it found and fails for
 * the rest. Throws on timeout, cancellation, oversized output and a binary that cannot start.
 */
export function runCli(bin: string, args: string[], env: NodeJS.ProcessEnv, limits: CallLimits): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    if (limits.signal?.aborted) return reject(cancelled());
    const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      dispose();
      f();
    };
    const kill = () => {
      try {
        child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const dispose = guard(
      limits,
      () => {
        kill();
        finish(() => reject(timedOut(limits.what, limits.timeoutMs)));
      },
      () => {
        kill();
        finish(() => reject(cancelled()));
      },
    );
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) {
        kill();
        finish(() => reject(tooLarge(limits.what, limits.maxBytes, 'cli')));
        return;
      }
      into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.on('error', (e: NodeJS.ErrnoException) =>
      finish(() =>
        reject(
          e.code === 'ENOENT'
            ? cliNotFound(
                bin,
                t(
                  'Install it, or set `containment.engine.path` / `--engine-path`.',
                  '请安装它，或者设置 `containment.engine.path` / `--engine-path`。',
                ),
              )
            : e.code === 'EACCES'
              ? failure(
                  'cli-missing',
                  t(`The engine CLI ${bin} cannot be run (permission denied).`, `无法运行引擎 CLI ${bin}（权限被拒绝）。`),
                  t('Check the path and its execute permission.', '请检查这个路径及其执行权限。'),
                )
              : failure('failed', t(`Could not run ${bin}: ${e.message}`, `无法运行 ${bin}：${e.message}`)),
        ),
      ),
    );
    child.on('close', (code) =>
      finish(() => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code })),
    );
  });
}

/** Where the Engine API listens: a unix socket or Windows named pipe, or plain HTTP on TCP. */
export interface ApiEndpoint {
  socketPath?: string;
  hostname?: string;
  port?: number;
  /** As people write it: `unix:///var/run/docker.sock`, `npipe:////./pipe/docker_engine`, `tcp://127.0.0.1:2375`. */
  display: string;
}

/** Reads a DOCKER_HOST-style URL. ssh:// and TLS need the CLI: undefined for those. */
export function parseEndpoint(host: string): ApiEndpoint | undefined {
  const h = host.trim();
  if (h.startsWith('unix://')) return { socketPath: h.slice('unix://'.length), display: h };
  if (h.startsWith('npipe://')) {
    // npipe:////./pipe/docker_engine → \\.\pipe\docker_engine (node:http takes the pipe as socketPath).
    const pipe = h.slice('npipe://'.length).replace(/\//g, '\\');
    return { socketPath: pipe.startsWith('\\\\') ? pipe : `\\\\.\\pipe\\${pipe.replace(/^\\+/, '')}`, display: h };
  }
  const tcp = /^(?:tcp|http):\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?\/?$/.exec(h);
  if (tcp) return { hostname: tcp[1].replace(/^\[|\]$/g, ''), port: tcp[2] ? Number(tcp[2]) : 2375, display: h };
  if (h.startsWith('/')) return { socketPath: h, display: `unix://${h}` };
  return undefined;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request to the Engine API, bounded and cancellable. */
export function apiRequest(ep: ApiEndpoint, method: string, path: string, limits: CallLimits, body?: unknown): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    if (limits.signal?.aborted) return reject(cancelled());
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request({
      socketPath: ep.socketPath,
      hostname: ep.socketPath ? undefined : ep.hostname,
      port: ep.socketPath ? undefined : ep.port,
      path,
      method,
      // The Host header is required by HTTP/1.1; Docker ignores its value on a socket.
      headers: {
        Host: 'docker',
        Accept: 'application/json',
        ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}),
      },
      agent: false,
    });
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      dispose();
      f();
    };
    const dispose = guard(
      limits,
      () => {
        req.destroy();
        finish(() => reject(timedOut(limits.what, limits.timeoutMs)));
      },
      () => {
        req.destroy();
        finish(() => reject(cancelled()));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => finish(() => reject(classifySocketError(e, ep.display))));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > limits.maxBytes) {
          req.destroy();
          finish(() => reject(tooLarge(limits.what, limits.maxBytes, 'api')));
          return;
        }
        chunks.push(c);
      });
      res.on('error', (e: NodeJS.ErrnoException) => finish(() => reject(classifySocketError(e, ep.display))));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === 403 || res.statusCode === 401) {
          finish(() => reject(permissionDenied(ep.display, `HTTP ${res.statusCode} for ${method} ${path}: ${text.slice(0, 500)}`)));
          return;
        }
        finish(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
    });
    if (payload) req.write(payload);
    req.end();
  });
}
