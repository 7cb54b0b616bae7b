// Engine errors, classified so that people are told what happened and what to do (engine layer).
// Both the CLI transport (stderr text) and the API transport (errno, HTTP status) end up here.

import type { EngineError, EngineErrorCode } from './report';

/** An engine call that failed, carrying its classification. */
export class EngineFailure extends Error {
  readonly info: EngineError;
  constructor(info: EngineError) {
    super(info.message);
    this.name = 'EngineFailure';
    this.info = info;
  }
  get code(): EngineErrorCode {
    return this.info.code;
  }
}

export function failure(code: EngineErrorCode, message: string, hint?: string, detail?: string): EngineFailure {
  const info: EngineError = { code, message };
  if (hint) info.hint = hint;
  if (detail) info.detail = detail.length > 2000 ? `${detail.slice(0, 2000)}…` : detail;
  return new EngineFailure(info);
}

/** Any thrown value as an EngineError (unknown errors become `failed`). */
export function toEngineError(e: unknown): EngineError {
  if (e instanceof EngineFailure) return e.info;
  const err = e instanceof Error ? e : new Error(String(e));
  if (err.name === 'AbortError') return { code: 'cancelled', message: 'The engine request was cancelled.' };
  return { code: 'failed', message: `The engine request failed: ${err.message}`, detail: err.stack };
}

const PERMISSION_HINT =
  'Ask to be added to the `docker` group (then log in again), use a rootless engine with its own socket ' +
  '(DOCKER_HOST=unix://$XDG_RUNTIME_DIR/docker.sock), or point `containment.engine.host` / `--host` at a socket you may use.';

/** What a permission problem means for an endpoint. */
export function permissionDenied(endpoint: string, detail?: string): EngineFailure {
  return failure('permission-denied', `Access to the container engine at ${endpoint} was denied.`, PERMISSION_HINT, detail);
}

export function notRunning(endpoint: string, detail?: string, socketMissing = false): EngineFailure {
  return failure(
    'engine-not-running',
    socketMissing
      ? `No container engine socket at ${endpoint}: the engine is not running, or it listens elsewhere.`
      : `The container engine at ${endpoint} is not running (nothing answered).`,
    'Start the engine (for example `sudo systemctl start docker`, or Docker Desktop), or set DOCKER_HOST, the docker context, `containment.engine.host` or `--host` to the engine you use.',
    detail,
  );
}

export function timedOut(what: string, ms: number): EngineFailure {
  return failure(
    'timeout',
    `The container engine did not answer ${what} within ${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s.`,
    'The engine may be overloaded or hung; try again, or check it with `docker info`.',
  );
}

export function cancelled(): EngineFailure {
  return failure('cancelled', 'The engine request was cancelled.');
}

export function tooOld(version: string, detail?: string): EngineFailure {
  return failure(
    'engine-too-old',
    `The container engine's API version ${version} is too old; Containment reads Engine API 1.25 (Docker 1.13) and later.`,
    'Upgrade the engine.',
    detail,
  );
}

export function containerGone(ref: string): EngineFailure {
  return failure('container-gone', `No container ${ref}: it does not exist, or it was removed.`);
}

/**
 * Classifies the stderr of a failed `docker`/`podman` call. The texts are the docker CLI's and
 * podman's own (they have been stable for years); anything else is `failed` with the raw text.
 */
export function classifyCliError(stderr: string, endpoint: string, exitCode: number | null): EngineFailure {
  const text = stderr.trim();
  const detail = text || `exit code ${exitCode}`;
  if (/permission denied/i.test(text) && /(socket|connect|daemon|dial)/i.test(text)) return permissionDenied(endpoint, detail);
  if (
    /Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|connect: no such file or directory|connection refused/i.test(
      text,
    )
  )
    return notRunning(endpoint, detail, /no such file or directory/i.test(text));
  if (/Cannot connect to Podman|unable to connect to Podman/i.test(text)) return notRunning(endpoint, detail);
  const old = /client version (\S+) is too new\. Maximum supported API version is (\S+)/i.exec(text);
  if (old) return tooOld(old[2], detail);
  if (/minimum supported API version is|is too old/i.test(text)) return tooOld('(unknown)', detail);
  if (/context deadline exceeded|i\/o timeout/i.test(text)) return timedOut('the request', 0);
  if (/No such (object|container)|no container with name or ID/i.test(text))
    return failure('container-gone', firstLine(text), undefined, detail);
  if (/403|forbidden/i.test(text)) return permissionDenied(endpoint, detail);
  return failure('failed', `The engine CLI failed: ${firstLine(text) || `exit code ${exitCode}`}`, undefined, detail);
}

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim() !== '') ?? '';
}

/** Classifies a socket-level error of the API transport (node:http over a unix socket, a pipe or TCP). */
export function classifySocketError(e: NodeJS.ErrnoException, endpoint: string): EngineFailure {
  switch (e.code) {
    case 'ENOENT':
      return notRunning(endpoint, `${e.code}: ${e.message}`, true);
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'EPIPE':
      return notRunning(endpoint, `${e.code}: ${e.message}`);
    case 'EACCES':
    case 'EPERM':
      return permissionDenied(endpoint, `${e.code}: ${e.message}`);
    default:
      return failure('failed', `Could not talk to the container engine at ${endpoint}: ${e.message}`, undefined, e.code);
  }
}
