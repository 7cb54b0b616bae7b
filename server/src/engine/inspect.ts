// What the CLI and the language server call (engine layer): list containers with their findings,
// and build full reports, reading the kernel's view when the container runs on this machine.

import { buildReport, engineFacts, findingsOf, summaryOf } from './buildReport';
import { connect, type EngineClient } from './client';
import { cancelled, EngineFailure, toEngineError } from './errors';
import { readKernelView, realFs, sameHostCheck, type HostFs, type KernelView } from './proc';
import type { RawContainer, RawImage, RawInfo } from './raw';
import type { ContainerReport, EngineError, EngineFacts, ListResult } from './report';
import { inLocale, t, type Locale, type SeveritySetting, type Text } from '../core/types';

export interface RunOptions {
  signal?: AbortSignal;
  severities?: Record<string, SeveritySetting>[];
  /** The language of findings, rule texts and the reports' notes (default English). */
  locale?: Locale;
  /** Read /proc and the cgroup files through this (tests replay snapshots). Default: the real files. */
  fs?: HostFs;
  /** Run `docker exec ID cat /proc/1/status` when the kernel view cannot be read here. Off by default. */
  probeExec?: boolean;
  /** Treat the engine as local even when the client cannot tell (tests with recorded data). */
  assumeLocal?: boolean;
}

export interface InspectOutcome {
  engine: EngineFacts;
  reports: ContainerReport[];
  /** References that named no container (removed, or never existed). */
  missing: string[];
  notes: string[];
}

/** The note for a container removed between the list and the inspect call. */
function removedNote(id: string, locale?: Locale): string {
  const short = id.slice(0, 12);
  return inLocale(
    t(`Container ${short} was removed while it was being listed; it is skipped.`, `容器 ${short} 在列出过程中被删除了，已跳过。`),
    locale,
  );
}

/** The connection's note (why the Engine API is used), in the run's language. */
function connectionNotes(note: Text | undefined, locale?: Locale): string[] {
  return note ? [inLocale(note, locale)] : [];
}

/** /proc/self reads are the same for every container: read them once per run. */
function memoFs(fs: HostFs): HostFs {
  const files = new Map<string, Promise<string | undefined>>();
  const links = new Map<string, Promise<string | undefined>>();
  return {
    readFile: (p) => {
      if (!p.startsWith('/proc/self/')) return fs.readFile(p);
      if (!files.has(p)) files.set(p, fs.readFile(p));
      return files.get(p)!;
    },
    readlink: (p) => {
      if (!p.startsWith('/proc/self/')) return fs.readlink(p);
      if (!links.has(p)) links.set(p, fs.readlink(p));
      return links.get(p)!;
    },
  };
}

async function imagesOf(
  client: EngineClient,
  containers: RawContainer[],
  signal: AbortSignal | undefined,
  notes: string[],
  locale?: Locale,
): Promise<Map<string, RawImage>> {
  const ids = [...new Set(containers.map((c) => c.Image).filter((i): i is string => !!i))];
  try {
    return await client.inspectImages(ids, signal);
  } catch (e) {
    if (e instanceof EngineFailure && e.code === 'cancelled') throw e;
    const why = toEngineError(e, locale).message;
    notes.push(
      inLocale(
        t(
          `The images' own configs could not be read (${why}); image facts come from the containers' merged config.`,
          `无法读取镜像自己的配置（${why}）；镜像的信息来自容器合并后的配置。`,
        ),
        locale,
      ),
    );
    return new Map();
  }
}

async function engineOf(client: EngineClient, signal?: AbortSignal): Promise<{ facts: EngineFacts; info?: RawInfo }> {
  const conn = await client.ready(signal);
  const info = await client.info(signal);
  return { facts: engineFacts(conn, info), info };
}

/**
 * Lists containers with an isolation summary each: one list call, one batched inspect, one batched
 * image inspect. Never throws for engine problems: they come back in `error`.
 */
export async function listContainers(client: EngineClient, all: boolean, opts: RunOptions = {}): Promise<ListResult> {
  const notes: string[] = [];
  let engine: EngineFacts | undefined;
  try {
    const [eng, listed] = await Promise.all([engineOf(client, opts.signal), client.list(all, opts.signal)]);
    engine = eng.facts;
    notes.push(...connectionNotes(client.connection.note, opts.locale));
    const { found, missing } = await client.inspect(
      listed.map((l) => l.id),
      opts.signal,
    );
    for (const m of missing) notes.push(removedNote(m, opts.locale));
    const images = await imagesOf(client, found, opts.signal, notes, opts.locale);
    const status = new Map(listed.map((l) => [l.id, l.status]));
    const summaries = found.map((c) =>
      summaryOf(
        c,
        findingsOf(c, engine!, images.get(c.Image ?? ''), { severities: opts.severities, locale: opts.locale }).findings,
        status.get(c.Id),
      ),
    );
    return { summaries, engine, notes };
  } catch (e) {
    const error: EngineError = toEngineError(e, opts.locale);
    return { summaries: [], ...(engine ? { engine } : {}), error, notes };
  }
}

async function kernelOf(
  fs: HostFs,
  engine: EngineFacts,
  c: RawContainer,
  assumeLocal: boolean,
  locale?: Locale,
): Promise<{ view?: KernelView; how: string }> {
  const say = (en: string, zh: string) => inLocale(t(en, zh), locale);
  if (process.platform !== 'linux' && !assumeLocal) {
    return {
      how: say(
        'this machine is not Linux, so its containers run in a VM whose /proc is not readable from here; facts come from inspect data',
        '这台机器不是 Linux，容器运行在虚拟机中，从这里读不到它的 /proc；信息来自 inspect 数据',
      ),
    };
  }
  if (!engine.local && !assumeLocal) {
    return {
      how: say(
        `the engine is at ${engine.endpoint}, not a local socket: the kernel's view (/proc) is not readable from here, so facts come from inspect data`,
        `引擎位于 ${engine.endpoint}，不是本地套接字：从这里读不到内核的视图（/proc），因此信息来自 inspect 数据`,
      ),
    };
  }
  const pid = c.State?.Pid ?? 0;
  const check = await sameHostCheck(fs, pid, c.Id, locale);
  if (!check.ok || !check.cgroup) return { how: say(`${check.how}; facts come from inspect data`, `${check.how}；信息来自 inspect 数据`) };
  return { view: await readKernelView(fs, pid, check.cgroup), how: check.how };
}

/** Full reports for the containers named (ids, prefixes or names). Throws EngineFailure for engine problems. */
export async function inspectContainers(client: EngineClient, refs: string[], opts: RunOptions = {}): Promise<InspectOutcome> {
  return inspectWith(client, refs, engineOf(client, opts.signal), opts);
}

async function inspectWith(
  client: EngineClient,
  refs: string[],
  engineP: Promise<{ facts: EngineFacts }>,
  opts: RunOptions,
): Promise<InspectOutcome> {
  const fs = memoFs(opts.fs ?? realFs);
  const notes: string[] = [];
  const [{ facts: engine }, { found, missing }] = await Promise.all([engineP, client.inspect(refs, opts.signal)]);
  notes.push(...connectionNotes(client.connection.note, opts.locale));
  const images = await imagesOf(client, found, opts.signal, notes, opts.locale);
  const reports: ContainerReport[] = [];
  for (const c of found) {
    if (opts.signal?.aborted) throw cancelled();
    const kernel = await kernelOf(fs, engine, c, !!opts.assumeLocal, opts.locale);
    const say = (en: string, zh: string) => inLocale(t(en, zh), opts.locale);
    const own: string[] = [];
    let execStatus: string | undefined;
    if (!kernel.view && opts.probeExec && c.State?.Running) {
      try {
        execStatus = await client.exec(c.Id, ['cat', '/proc/1/status'], opts.signal);
        own.push(
          say(
            'Capabilities, seccomp, no-new-privileges and UIDs were read inside the container with `docker exec … cat /proc/1/status` (asked for with --probe-exec).',
            'capability、seccomp、no-new-privileges 和 UID 是用 `docker exec … cat /proc/1/status` 在容器内读取的（通过 --probe-exec 请求）。',
          ),
        );
      } catch (e) {
        if (e instanceof EngineFailure && e.code === 'cancelled') throw e;
        const why = toEngineError(e, opts.locale).message;
        own.push(say(`The docker exec probe failed: ${why}`, `docker exec 探测失败：${why}`));
      }
    } else if (!kernel.view && c.State?.Running) {
      own.push(
        say(
          "The kernel view was not read; `--probe-exec` (or the report's probe option) reads /proc/1/status inside the container with docker exec.",
          '没有读取内核视图；`--probe-exec`（或报告中的探测选项）会用 docker exec 在容器内读取 /proc/1/status。',
        ),
      );
    }
    reports.push(
      buildReport({
        container: c,
        engine,
        image: images.get(c.Image ?? ''),
        kernel: kernel.view,
        kernelHow: kernel.how,
        execStatus,
        rules: { severities: opts.severities, locale: opts.locale },
        notes: own,
      }),
    );
  }
  return { engine, reports, missing, notes };
}

/** `inspect --all` and the CLI without names: every (running, or all) container. */
export async function inspectAll(client: EngineClient, all: boolean, opts: RunOptions = {}): Promise<InspectOutcome> {
  // `docker info` runs while the list is made: the two do not depend on each other.
  const engineP = engineOf(client, opts.signal);
  engineP.catch(() => undefined); // awaited below; a rejection here must not go unhandled meanwhile
  const listed = await client.list(all, opts.signal);
  if (listed.length === 0) {
    const { facts } = await engineP;
    return { engine: facts, reports: [], missing: [], notes: connectionNotes(client.connection.note, opts.locale) };
  }
  const out = await inspectWith(
    client,
    listed.map((l) => l.id),
    engineP,
    opts,
  );
  const status = new Map(listed.map((l) => [l.id, l.status]));
  for (const r of out.reports) r.status = status.get(r.id) ?? r.status;
  for (const m of out.missing) out.notes.push(removedNote(m, opts.locale));
  out.missing = [];
  return out;
}

export { connect };
