// `containment/containers.compare` (adapter layer): drift between a running container and the
// workspace Compose service that describes it. Finds the service through the container's Compose
// labels (project, service, config files) among the Compose files the client found, or asks the
// client to choose; parses the file with the core Compose parser, reads the container as a
// RuntimeSpec and compares the two with core/model/drift.ts.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { asResponseError, engineOptions, signalOf } from './containers';
import { parseCompose } from '../core/parse/compose';
import { compareSpecs, type DriftItem } from '../core/model/drift';
import type { RuntimeSpec } from '../core/model/runtime';
import { inLocale, t, type Locale } from '../core/types';
import { makeReadRelative } from '../io/readRelative';
import { connect, type EngineOptions } from '../engine/client';
import { containerGone } from '../engine/errors';
import { containerName, liveSpec } from '../engine/toSpec';

export const CONTAINERS_COMPARE = 'containment/containers.compare' as const;

export interface CompareParams {
  /** The container: id, unique id prefix or name. */
  id: string;
  /** Absolute paths of the workspace's Compose files (the client finds them). */
  composeFiles: string[];
  /** The Compose file and service the user chose, when the labels did not decide. */
  composeFile?: string;
  service?: string;
}

export interface ComposeCandidate {
  file: string;
  service: string;
  /** The service's image, to help the user choose. */
  image?: string;
}

export type CompareResult =
  | {
      kind: 'drift';
      container: string;
      image: string;
      composeFile: string;
      service: string;
      project?: string;
      /** How the service was found: `labels`, `chosen`, `image`. */
      matchedBy: 'labels' | 'chosen' | 'image';
      items: DriftItem[];
      /** Aspects compared and found equal. */
      same: string[];
      notes: string[];
    }
  | {
      kind: 'choose';
      container: string;
      /** Why the client must ask: no labels, the labelled service is in none or several files. */
      reason: string;
      candidates: ComposeCandidate[];
    };

/** Compose files larger than this are not read. */
const MAX_COMPOSE_BYTES = 2 * 1024 * 1024;

const LABEL_PROJECT = 'com.docker.compose.project';
const LABEL_SERVICE = 'com.docker.compose.service';
const LABEL_FILES = 'com.docker.compose.project.config_files';
const LABEL_WORKDIR = 'com.docker.compose.project.working_dir';

export interface DriftSettings {
  engine?: { path?: string; host?: string };
}

function readCompose(file: string): { services: Map<string, RuntimeSpec>; broken: boolean } | undefined {
  try {
    const st = statSync(file);
    if (!st.isFile() || st.size > MAX_COMPOSE_BYTES) return undefined;
    const model = parseCompose(readFileSync(file, 'utf8'), makeReadRelative(file));
    const services = new Map<string, RuntimeSpec>();
    for (const spec of model.specs) {
      const m = /^service "(.*)"$/s.exec(spec.label);
      if (m) services.set(m[1], spec);
    }
    return { services, broken: model.problems.length > 0 };
  } catch {
    return undefined;
  }
}

function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

/** Finds the Compose service for a container, or the candidates to choose from. */
export function matchService(
  labels: Record<string, string>,
  image: string,
  files: Map<string, Set<string>>,
  images: Map<string, string | undefined>,
  locale: Locale = 'en',
): { file: string; service: string; matchedBy: 'labels' | 'image' } | { reason: string; candidates: ComposeCandidate[] } {
  const say = (en: string, zh: string) => inLocale(t(en, zh), locale);
  const service = labels[LABEL_SERVICE];
  const project = labels[LABEL_PROJECT];
  const configFiles = (labels[LABEL_FILES] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const workdir = labels[LABEL_WORKDIR];
  const all: ComposeCandidate[] = [];
  for (const [file, services] of files) for (const s of services) all.push({ file, service: s, image: images.get(`${file}\n${s}`) });
  if (service) {
    const having = all.filter((c) => c.service === service);
    const rank = (c: ComposeCandidate) =>
      configFiles.some((f) => samePath(f, c.file))
        ? 3
        : workdir && samePath(workdir, dirname(c.file))
          ? 2
          : project && basename(dirname(c.file)).toLowerCase() === project
            ? 1
            : 0;
    const best = Math.max(-1, ...having.map(rank));
    const top = having.filter((c) => rank(c) === best);
    if (top.length === 1) return { file: top[0].file, service, matchedBy: 'labels' };
    if (top.length > 1)
      return {
        reason: say(`Service "${service}" is in several Compose files.`, `服务 "${service}" 出现在多个 Compose 文件中。`),
        candidates: top,
      };
    return {
      reason: say(
        `No Compose file in the workspace has the service "${service}" that the container was created from.`,
        `工作区中没有哪个 Compose 文件包含创建该容器的服务 "${service}"。`,
      ),
      candidates: all,
    };
  }
  const byImage = all.filter((c) => c.image && c.image === image);
  if (byImage.length === 1) return { file: byImage[0].file, service: byImage[0].service, matchedBy: 'image' };
  return {
    reason: say('The container has no Compose labels.', '该容器没有 Compose 标签。'),
    candidates: byImage.length > 1 ? byImage : all,
  };
}

export async function compare(
  params: CompareParams,
  options: EngineOptions,
  signal?: AbortSignal,
  locale: Locale = 'en',
): Promise<CompareResult> {
  const say = (en: string, zh: string) => inLocale(t(en, zh), locale);
  const client = connect(options);
  await client.ready(signal);
  const ref = String(params?.id ?? '');
  const { found } = await client.inspect([ref], signal);
  const c = found[0];
  if (!c) throw containerGone(ref);
  const name = containerName(c);
  const image = c.Config?.Image ?? c.Image ?? '';
  const labels = c.Config?.Labels ?? {};

  // The workspace's Compose files, plus those the container was created from when they are on this machine.
  const paths = new Set((params.composeFiles ?? []).filter((f) => typeof f === 'string' && isAbsolute(f)).map((f) => resolve(f)));
  for (const f of (labels[LABEL_FILES] ?? '').split(',').map((s) => s.trim()))
    if (f && isAbsolute(f) && existsSync(f)) paths.add(resolve(f));
  if (params.composeFile) paths.add(resolve(params.composeFile));
  const parsed = new Map<string, NonNullable<ReturnType<typeof readCompose>>>();
  for (const p of paths) {
    const r = readCompose(p);
    if (r && r.services.size > 0) parsed.set(p, r);
  }

  let file: string;
  let service: string;
  let matchedBy: 'labels' | 'chosen' | 'image';
  if (params.composeFile && params.service) {
    file = resolve(params.composeFile);
    service = params.service;
    matchedBy = 'chosen';
  } else {
    const images = new Map<string, string | undefined>();
    for (const [f, r] of parsed) for (const [s, spec] of r.services) images.set(`${f}\n${s}`, spec.image?.value);
    const m = matchService(labels, image, new Map([...parsed].map(([f, r]) => [f, new Set(r.services.keys())])), images, locale);
    if ('reason' in m) return { kind: 'choose', container: name, reason: m.reason, candidates: m.candidates };
    ({ file, service, matchedBy } = m);
  }
  const spec = parsed.get(file)?.services.get(service);
  if (!spec)
    return {
      kind: 'choose',
      container: name,
      reason: say(`Service "${service}" was not found in ${file}.`, `在 ${file} 中找不到服务 "${service}"。`),
      candidates: [],
    };

  const info = await client.info(signal).catch(() => undefined);
  const images = c.Image ? await client.inspectImages([c.Image], signal).catch(() => new Map()) : new Map();
  const live = liveSpec(c, { cgroupVersion: info?.CgroupVersion, image: images.get(c.Image ?? '') });
  const project = labels[LABEL_PROJECT] || basename(dirname(file)).toLowerCase();
  const drift = compareSpecs(live, spec, {
    project,
    resolveSource: (s) => (isAbsolute(s) || /^~/.test(s) ? s : resolve(dirname(file), s)),
    locale,
  });
  const notes = [...drift.notes];
  const created = (labels[LABEL_FILES] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (created.length > 1)
    notes.push(
      say(
        `The container was created from several Compose files (${created.join(', ')}); only ${file} was compared.`,
        `该容器由多个 Compose 文件创建（${created.join('、')}）；只比较了 ${file}。`,
      ),
    );
  if (parsed.get(file)?.broken)
    notes.push(say(`${file} has syntax errors; what could be read was compared.`, `${file} 有语法错误；比较的是能读取的部分。`));
  return {
    kind: 'drift',
    container: name,
    image,
    composeFile: file,
    service,
    project: labels[LABEL_PROJECT],
    matchedBy,
    items: drift.items,
    same: drift.same,
    notes,
  };
}

/** Registers the request; `settings()` gives `containment.engine.path` / `.host`; engine errors are in `locale()`. */
export function registerDrift(connection: Connection, settings: () => DriftSettings, locale: () => Locale = () => 'en'): void {
  connection.onRequest(CONTAINERS_COMPARE, async (params: CompareParams, token: CancellationToken): Promise<CompareResult> => {
    const sig = signalOf(token);
    try {
      return await compare(params, engineOptions(settings()), sig.signal, locale());
    } catch (e) {
      throw asResponseError(e, locale());
    } finally {
      sig.dispose();
    }
  });
}
