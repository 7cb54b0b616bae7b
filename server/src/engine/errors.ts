// Engine errors, classified so that people are told what happened and what to do (engine layer).
// Both the CLI transport (stderr text) and the API transport (errno, HTTP status) end up here.
// Each error carries its words in English and Simplified Chinese (`t(en, zh)`); the CLI and the
// language server pick one with `toEngineError(e, locale)`. The `code` is the stable part: the
// editor matches errors by it, never by their words. What the engine itself said (stderr, errno
// messages) is quoted as it is, and the raw text goes in `detail`.

import { inLocale, t, type Locale, type Localized } from '../core/types';
import type { EngineError, EngineErrorCode } from './report';

/** An engine call that failed, carrying its classification and its words in both languages. */
export class EngineFailure extends Error {
  readonly code: EngineErrorCode;
  readonly text: Localized;
  readonly hint?: Localized;
  readonly detail?: string;
  constructor(code: EngineErrorCode, text: Localized, hint?: Localized, detail?: string) {
    super(text.en);
    this.name = 'EngineFailure';
    this.code = code;
    this.text = text;
    if (hint) this.hint = hint;
    if (detail) this.detail = detail.length > 2000 ? `${detail.slice(0, 2000)}…` : detail;
  }
  /** The error as requests and the CLI report it, in a language. */
  in(locale: Locale = 'en'): EngineError {
    const info: EngineError = { code: this.code, message: inLocale(this.text, locale) };
    if (this.hint) info.hint = inLocale(this.hint, locale);
    if (this.detail) info.detail = this.detail;
    return info;
  }
  /** The error in English. */
  get info(): EngineError {
    return this.in('en');
  }
}

export function failure(code: EngineErrorCode, message: Localized, hint?: Localized, detail?: string): EngineFailure {
  return new EngineFailure(code, message, hint, detail);
}

/** Any thrown value as an EngineError in a language (unknown errors become `failed`). */
export function toEngineError(e: unknown, locale: Locale = 'en'): EngineError {
  if (e instanceof EngineFailure) return e.in(locale);
  const err = e instanceof Error ? e : new Error(String(e));
  if (err.name === 'AbortError') return cancelled().in(locale);
  return {
    code: 'failed',
    message: inLocale(t(`The engine request failed: ${err.message}`, `对引擎的请求失败：${err.message}`), locale),
    detail: err.stack,
  };
}

const PERMISSION_HINT = t(
  'Ask to be added to the `docker` group (then log in again), use a rootless engine with its own socket ' +
    '(DOCKER_HOST=unix://$XDG_RUNTIME_DIR/docker.sock), or point `containment.engine.host` / `--host` at a socket you may use.',
  '请管理员把你加入 `docker` 组（然后重新登录），或者使用有自己套接字的 rootless 引擎' +
    '（DOCKER_HOST=unix://$XDG_RUNTIME_DIR/docker.sock），或者把 `containment.engine.host` / `--host` 指向你有权使用的套接字。',
);

/** What a permission problem means for an endpoint. */
export function permissionDenied(endpoint: string, detail?: string): EngineFailure {
  return failure(
    'permission-denied',
    t(`Access to the container engine at ${endpoint} was denied.`, `访问位于 ${endpoint} 的容器引擎被拒绝。`),
    PERMISSION_HINT,
    detail,
  );
}

export function notRunning(endpoint: string, detail?: string, socketMissing = false): EngineFailure {
  return failure(
    'engine-not-running',
    socketMissing
      ? t(
          `No container engine socket at ${endpoint}: the engine is not running, or it listens elsewhere.`,
          `${endpoint} 处没有容器引擎的套接字：引擎没有运行，或者它在别处监听。`,
        )
      : t(
          `The container engine at ${endpoint} is not running (nothing answered).`,
          `位于 ${endpoint} 的容器引擎没有运行（没有任何响应）。`,
        ),
    t(
      'Start the engine (for example `sudo systemctl start docker`, or Docker Desktop), or set DOCKER_HOST, the docker context, `containment.engine.host` or `--host` to the engine you use.',
      '请启动引擎（例如 `sudo systemctl start docker`，或者启动 Docker Desktop），或者用 DOCKER_HOST、docker context、`containment.engine.host` 或 `--host` 指定你使用的引擎。',
    ),
    detail,
  );
}

const TIMEOUT_HINT = t(
  'The engine may be overloaded or hung; try again, or check it with `docker info`.',
  '引擎可能负载过重或已经卡住；请重试，或者用 `docker info` 检查它。',
);

/** A call of ours that ran out of time (`what` names it: `docker inspect`, `GET /info`). */
export function timedOut(what: string, ms: number): EngineFailure {
  const s = (ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1);
  return failure(
    'timeout',
    t(`The container engine did not answer ${what} within ${s} s.`, `容器引擎没有在 ${s} 秒内响应 ${what}。`),
    TIMEOUT_HINT,
  );
}

/** The engine CLI itself gave up waiting (a deadline of its own, or of the connection). */
export function cliTimedOut(detail?: string): EngineFailure {
  return failure(
    'timeout',
    t('The container engine did not answer in time (the engine CLI gave up waiting).', '容器引擎没有及时响应（引擎 CLI 已停止等待）。'),
    TIMEOUT_HINT,
    detail,
  );
}

export function cancelled(): EngineFailure {
  return failure('cancelled', t('The engine request was cancelled.', '对引擎的请求已取消。'));
}

/** An engine older than Engine API 1.25; the version when the engine said it. */
export function tooOld(version: string | undefined, detail?: string): EngineFailure {
  const v = version ? ` ${version}` : '';
  return failure(
    'engine-too-old',
    t(
      `The container engine's API version${v} is too old; Containment reads Engine API 1.25 (Docker 1.13) and later.`,
      `容器引擎的 API 版本${v}太旧；Containment 需要 Engine API 1.25（Docker 1.13）或更新的版本。`,
    ),
    t('Upgrade the engine.', '请升级引擎。'),
    detail,
  );
}

export function containerGone(ref: string): EngineFailure {
  return failure(
    'container-gone',
    t(`No container ${ref}: it does not exist, or it was removed.`, `没有容器 ${ref}：它不存在，或已被删除。`),
  );
}

/** The engine CLI was not found at a path, or as a name on PATH. */
export function cliNotFound(bin: string, hint: Localized): EngineFailure {
  return failure('cli-missing', t(`The engine CLI ${bin} was not found.`, `找不到引擎 CLI ${bin}。`), hint);
}

/** The engine's output (`cli`) or answer (`api`) to a call was larger than we read. */
export function tooLarge(what: string, maxBytes: number, via: 'cli' | 'api'): EngineFailure {
  return failure(
    'bad-response',
    via === 'cli'
      ? t(
          `${what} printed more than ${maxBytes} bytes; Containment stopped reading.`,
          `${what} 输出了超过 ${maxBytes} 字节；Containment 已停止读取。`,
        )
      : t(
          `${what} answered more than ${maxBytes} bytes; Containment stopped reading.`,
          `${what} 的响应超过 ${maxBytes} 字节；Containment 已停止读取。`,
        ),
  );
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
  if (/minimum supported API version is|is too old/i.test(text)) return tooOld(undefined, detail);
  if (/context deadline exceeded|i\/o timeout/i.test(text)) return cliTimedOut(detail);
  if (/No such (object|container)|no container with name or ID/i.test(text)) {
    const said = firstLine(text);
    return failure(
      'container-gone',
      t(`The container does not exist, or it was removed (the engine said: ${said}).`, `该容器不存在，或已被删除（引擎的原话：${said}）。`),
      undefined,
      detail,
    );
  }
  if (/403|forbidden/i.test(text)) return permissionDenied(endpoint, detail);
  const said = firstLine(text);
  return failure(
    'failed',
    said
      ? t(`The engine CLI failed: ${said}`, `引擎 CLI 执行失败：${said}`)
      : t(`The engine CLI failed with exit code ${exitCode}.`, `引擎 CLI 执行失败，退出码为 ${exitCode}。`),
    undefined,
    detail,
  );
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
      return failure(
        'failed',
        t(`Could not talk to the container engine at ${endpoint}: ${e.message}`, `无法与位于 ${endpoint} 的容器引擎通信：${e.message}`),
        undefined,
        e.code,
      );
  }
}
