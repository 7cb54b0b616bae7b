// One Compose service's keys (after `<<` merges) → a RuntimeSpec (pure core layer). Every value
// keeps the origin of the node it was read from, so a value that comes from an anchor points at the
// anchor; values that depend on interpolation are marked unknown.

import { isScalar, isSeq } from 'yaml';
import type { Scalar } from 'yaml';
import {
  emptySpec,
  parseNamespaceMode,
  parseSecurityOpt,
  type Mount,
  type NamespaceKind,
  type Origin,
  type Port,
  type RuntimeSpec,
  type Val,
} from '../../model/runtime';
import { isInterpolated, unescapeDollars, type Entry, type YNode, type YamlView } from './yamlView';
import { isFilePath, parseShortPort, parseShortVolume, type Part } from './syntax';
import type { BuildRef } from './build';

export interface ExtendsRef {
  service: string;
  file?: string;
  origin: Origin;
}

export interface ServiceRead {
  spec: RuntimeSpec;
  build?: BuildRef;
  extends?: ExtendsRef;
}

const PROPAGATIONS = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);

const NAMESPACE_KEYS: [string, NamespaceKind][] = [
  ['pid', 'pid'],
  ['network_mode', 'network'],
  ['ipc', 'ipc'],
  ['uts', 'uts'],
  ['userns_mode', 'userns'],
  ['cgroup', 'cgroupns'],
];

function unknownFlag(unknown: boolean): { unknown?: boolean } {
  return unknown ? { unknown: true } : {};
}

/** Reads scalar values, lists and mappings of one document with their origins. */
export class Reader {
  constructor(readonly view: YamlView) {}

  scalar(n: YNode | null): Scalar | undefined {
    const s = this.view.resolve(n);
    return isScalar(s) && s.value !== null ? s : undefined;
  }

  text(n: YNode | null): { text: string; unknown: boolean; node: Scalar } | undefined {
    const s = this.scalar(n);
    if (!s) return undefined;
    const raw = this.view.scalarText(s) ?? '';
    const unknown = isInterpolated(raw);
    return { text: unknown ? raw : unescapeDollars(raw), unknown, node: s };
  }

  str(n: YNode | null): Val<string> | undefined {
    const t = this.text(n);
    return t ? { value: t.text, origin: this.view.origin(t.node), ...unknownFlag(t.unknown) } : undefined;
  }

  bool(n: YNode | null): Val<boolean> | undefined {
    const t = this.text(n);
    if (!t) return undefined;
    const origin = this.view.origin(t.node);
    if (t.unknown) return { value: false, origin, unknown: true };
    if (/^(true|yes|y|on)$/i.test(t.text)) return { value: true, origin };
    if (/^(false|no|n|off)$/i.test(t.text)) return { value: false, origin };
    return undefined;
  }

  /** The items of a list (through aliases); a lone scalar counts as a one-item list. */
  items(n: YNode | null): YNode[] {
    const v = this.view.resolve(n);
    if (isSeq(v)) {
      const out: YNode[] = [];
      for (const it of v.items) {
        const r = this.view.resolve(it);
        if (r && !this.view.isEmpty(r)) out.push(r);
      }
      return out;
    }
    if (isScalar(v) && v.value !== null) return [v];
    return [];
  }

  map(n: YNode | null): Map<string, Entry> | undefined {
    return this.view.mapEntries(n);
  }

  /** Follows a path of keys through nested mappings. */
  at(entries: Map<string, Entry> | undefined, ...path: string[]): YNode | null {
    let cur = entries;
    let value: YNode | null = null;
    for (let i = 0; i < path.length; i++) {
      const e = cur?.get(path[i]);
      if (!e) return null;
      value = e.value;
      if (i < path.length - 1) cur = this.map(value);
    }
    return value;
  }

  /**
   * The origin of a part of a scalar's text (the source path of `/host:/ctr:ro`), when the text
   * appears in the file as it is (no escapes); else the whole scalar.
   */
  partOrigin(node: Scalar, value: string, part: Part): Origin {
    const r = node.range ?? [0, 0, 0];
    const start = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? r[0] + 1 : node.type === 'PLAIN' ? r[0] : -1;
    if (start >= 0 && this.view.text.slice(start, start + value.length) === value) {
      return { kind: 'source', range: this.view.doc.rangeOf(start + part.start, start + part.start + part.text.length) };
    }
    return this.view.origin(node);
  }
}

/**
 * A top-level named volume that is really a host directory: the `local` driver with
 * `o: bind` and a `device`, or the local-persist plugin's `mountpoint`.
 */
export interface VolumeDef {
  source: string;
  origin: Origin;
  unknown: boolean;
}

/** The named volumes of a file's top-level `volumes:` that bind a host directory. */
export function hostVolumes(view: YamlView, top: Map<string, Entry> | undefined): Map<string, VolumeDef> {
  const out = new Map<string, VolumeDef>();
  const rd = new Reader(view);
  for (const [name, e] of rd.map(top?.get('volumes')?.value ?? null) ?? []) {
    const def = rd.map(e.value);
    if (!def) continue;
    const driver = rd.text(def.get('driver')?.value ?? null)?.text ?? 'local';
    const opts = rd.map(def.get('driver_opts')?.value ?? null);
    let path: ReturnType<Reader['text']>;
    if (driver === 'local') {
      const o = rd.text(opts?.get('o')?.value ?? null);
      if (o && o.text.split(',').some((x) => x.trim() === 'bind' || x.trim() === 'rbind'))
        path = rd.text(opts?.get('device')?.value ?? null);
    } else if (driver === 'local-persist') path = rd.text(opts?.get('mountpoint')?.value ?? null);
    if (path) out.set(name, { source: path.text, origin: view.origin(path.node), unknown: path.unknown });
  }
  return out;
}

/** A mount of a named volume that binds a host directory becomes that bind. */
function resolveNamed(m: Mount, defs: Map<string, VolumeDef> | undefined): Mount {
  const def = m.type === 'volume' && m.source && !m.unknown ? defs?.get(m.source) : undefined;
  if (!def) return m;
  return { ...m, type: 'bind', source: def.source, sourceOrigin: def.origin, ...unknownFlag(def.unknown) };
}

export function readService(
  view: YamlView,
  name: string,
  anchor: Origin,
  entries: Map<string, Entry>,
  volumeDefs?: Map<string, VolumeDef>,
): ServiceRead {
  const rd = new Reader(view);
  const spec = emptySpec(`service "${name}"`, 'compose', anchor);
  const get = (k: string): YNode | null => entries.get(k)?.value ?? null;

  spec.image = rd.str(get('image'));
  spec.user = rd.str(get('user'));
  spec.privileged = rd.bool(get('privileged'));
  spec.readOnly = rd.bool(get('read_only'));
  spec.cgroupParent = rd.str(get('cgroup_parent'));
  spec.restart = rd.str(get('restart'));

  for (const it of rd.items(get('cap_add'))) {
    const v = rd.str(it);
    if (v) spec.capAdd.push(v);
  }
  for (const it of rd.items(get('cap_drop'))) {
    const v = rd.str(it);
    if (v) spec.capDrop.push(v);
  }
  for (const it of rd.items(get('security_opt'))) {
    const t = rd.text(it);
    if (t) spec.securityOpt.push(parseSecurityOpt(t.text, view.origin(t.node), t.unknown));
  }
  for (const [key, kind] of NAMESPACE_KEYS) {
    const v = rd.str(get(key));
    if (v) spec.namespaces[kind] = { value: parseNamespaceMode(v.value), origin: v.origin, ...unknownFlag(!!v.unknown) };
  }

  readResources(rd, entries, spec);
  readMounts(rd, get('volumes'), get('tmpfs'), spec);
  spec.mounts = spec.mounts.map((m) => resolveNamed(m, volumeDefs));
  readDevices(rd, get('devices'), spec);
  readPorts(rd, get('ports'), spec);
  readSysctls(rd, get('sysctls'), spec);
  readEnv(rd, get('environment'), spec);

  // deploy.restart_policy wins over restart (docker compose maps any → always, none → no).
  const policy = rd.map(rd.at(entries, 'deploy', 'restart_policy'));
  if (policy) {
    const cond = rd.text(policy.get('condition')?.value ?? null);
    const attempts = rd.text(policy.get('max_attempts')?.value ?? null);
    const raw = cond?.text ?? '';
    const name = raw === 'any' ? 'always' : raw === 'none' ? 'no' : raw || 'no';
    const origin = cond ? view.origin(cond.node) : view.origin(entries.get('deploy')!.value!);
    const n = attempts && !attempts.unknown && Number(attempts.text) > 0 ? `:${attempts.text}` : '';
    spec.restart = { value: name + n, origin, ...unknownFlag(!!cond?.unknown || !!attempts?.unknown) };
  }

  const hc = get('healthcheck');
  const hcMap = rd.map(hc);
  if (hcMap) {
    const disable = rd.bool(hcMap.get('disable')?.value ?? null);
    const testNode = hcMap.get('test')?.value ?? null;
    const first = rd.items(testNode)[0];
    const firstText = first ? rd.text(first) : undefined;
    if (disable?.value || disable?.unknown) spec.healthcheckDisabled = disable;
    else if (firstText && !firstText.unknown && firstText.text.toUpperCase() === 'NONE') {
      spec.healthcheckDisabled = { value: true, origin: view.origin(view.resolve(testNode)!) };
    } else spec.hasHealthcheck = true;
  }

  spec.logDriver = rd.str(rd.at(entries, 'logging', 'driver'));

  return { spec, build: readBuild(rd, get('build')), extends: readExtends(rd, entries.get('extends')) };
}

function readResources(rd: Reader, entries: Map<string, Entry>, spec: RuntimeSpec): void {
  const get = (k: string): YNode | null => entries.get(k)?.value ?? null;
  const limits = rd.map(rd.at(entries, 'deploy', 'resources', 'limits'));
  const reservations = rd.map(rd.at(entries, 'deploy', 'resources', 'reservations'));
  const lim = (k: string) => rd.str(limits?.get(k)?.value ?? null);
  const res = spec.resources;
  res.memory = lim('memory') ?? rd.str(get('mem_limit'));
  res.cpus = lim('cpus') ?? rd.str(get('cpus'));
  res.pidsLimit = lim('pids') ?? rd.str(get('pids_limit'));
  res.memoryReservation = rd.str(reservations?.get('memory')?.value ?? null) ?? rd.str(get('mem_reservation'));
  res.memorySwap = rd.str(get('memswap_limit'));
  res.cpuShares = rd.str(get('cpu_shares'));
  res.cpuQuota = rd.str(get('cpu_quota'));
  res.cpuset = rd.str(get('cpuset'));
  for (const k of Object.keys(res) as (keyof typeof res)[]) if (res[k] === undefined) delete res[k];

  const ulimits = rd.map(get('ulimits'));
  for (const [name, e] of ulimits ?? []) {
    const origin = rd.view.pairOrigin(e.pair);
    const single = rd.text(e.value);
    if (single) {
      res.ulimits.push({ name, soft: single.text, hard: single.text, origin });
      continue;
    }
    const m = rd.map(e.value);
    if (!m) continue;
    const soft = rd.text(m.get('soft')?.value ?? null)?.text;
    const hard = rd.text(m.get('hard')?.value ?? null)?.text;
    res.ulimits.push({ name, ...(soft !== undefined ? { soft } : {}), ...(hard !== undefined ? { hard } : {}), origin });
  }
}

function readMounts(rd: Reader, volumes: YNode | null, tmpfs: YNode | null, spec: RuntimeSpec): void {
  const view = rd.view;
  for (const it of rd.items(volumes)) {
    const origin = view.origin(it);
    const t = rd.text(it);
    if (t) {
      const raw = view.scalarText(t.node) ?? '';
      const p = parseShortVolume(raw);
      if (!p) continue;
      const opts = p.options;
      const last = (set: (o: string) => boolean) => [...opts].reverse().find(set);
      const selinux = last((o) => o === 'z' || o === 'Z') as 'z' | 'Z' | undefined;
      const type = t.unknown && p.source && p.type === 'volume' && /[/\\]/.test(p.source.text) ? 'bind' : p.type;
      const m: Mount = {
        type,
        ...(p.source ? { source: unescapeDollars(p.source.text) } : {}),
        target: unescapeDollars(p.target.text),
        readOnly: ['ro', 'readonly'].includes(last((o) => o === 'ro' || o === 'rw' || o === 'readonly') ?? 'rw'),
        ...(last((o) => PROPAGATIONS.has(o)) ? { propagation: last((o) => PROPAGATIONS.has(o)) } : {}),
        ...(selinux ? { selinux } : {}),
        options: opts,
        origin,
        ...(p.source ? { sourceOrigin: rd.partOrigin(t.node, raw, p.source) } : {}),
        ...unknownFlag(t.unknown),
      };
      spec.mounts.push(m);
      continue;
    }
    const e = rd.map(it);
    if (!e) continue;
    const typeT = rd.text(e.get('type')?.value ?? null);
    const sourceT = rd.text(e.get('source')?.value ?? null);
    const targetT = rd.text(e.get('target')?.value ?? null);
    const ro = rd.bool(e.get('read_only')?.value ?? null);
    const bind = rd.map(e.get('bind')?.value ?? null);
    const propagation = rd.text(bind?.get('propagation')?.value ?? null);
    const selinux = rd.text(bind?.get('selinux')?.value ?? null);
    const tmpfsOpts = rd.map(e.get('tmpfs')?.value ?? null);
    const options: string[] = [];
    for (const [k, te] of tmpfsOpts ?? []) {
      const v = rd.text(te.value);
      if (v) options.push(`${k}=${v.text}`);
    }
    if (rd.bool(rd.at(e, 'volume', 'nocopy'))?.value) options.push('nocopy');
    const typeText = typeT?.text ?? (sourceT ? (isFilePath(sourceT.text) ? 'bind' : 'volume') : 'volume');
    const type = (['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image'] as const).find((x) => x === typeText.toLowerCase());
    const unknown = [typeT, sourceT, targetT, propagation, selinux].some((x) => x?.unknown) || !!ro?.unknown;
    if (!type && !unknown) continue;
    spec.mounts.push({
      type: type ?? 'volume',
      ...(sourceT ? { source: sourceT.text } : {}),
      target: targetT?.text ?? '',
      readOnly: ro?.value === true,
      ...(propagation ? { propagation: propagation.text } : {}),
      ...(selinux && (selinux.text === 'z' || selinux.text === 'Z') ? { selinux: selinux.text } : {}),
      options,
      origin,
      ...(sourceT ? { sourceOrigin: view.origin(sourceT.node) } : {}),
      ...unknownFlag(unknown),
    });
  }

  for (const it of rd.items(tmpfs)) {
    const t = rd.text(it);
    if (!t) continue;
    const colon = t.text.indexOf(':');
    const target = colon < 0 ? t.text : t.text.slice(0, colon);
    const options =
      colon < 0
        ? []
        : t.text
            .slice(colon + 1)
            .split(',')
            .filter(Boolean);
    spec.mounts.push({
      type: 'tmpfs',
      target,
      readOnly: options.includes('ro'),
      options,
      origin: view.origin(t.node),
      ...unknownFlag(t.unknown),
    });
  }
}

function readDevices(rd: Reader, devices: YNode | null, spec: RuntimeSpec): void {
  for (const it of rd.items(devices)) {
    const v = rd.str(it);
    if (v) {
      spec.devices.push(v);
      continue;
    }
    const m = rd.map(it);
    if (!m) continue;
    const parts = ['source', 'target', 'permissions'].map((k) => rd.text(m.get(k)?.value ?? null));
    if (!parts[0]) continue;
    const value = parts
      .filter((p) => p !== undefined)
      .map((p) => p.text)
      .join(':');
    spec.devices.push({ value, origin: rd.view.origin(it), ...unknownFlag(parts.some((p) => p?.unknown)) });
  }
}

function readPorts(rd: Reader, ports: YNode | null, spec: RuntimeSpec): void {
  for (const it of rd.items(ports)) {
    const origin = rd.view.origin(it);
    const t = rd.text(it);
    if (t) {
      const p = parseShortPort(t.text);
      if (!p) continue;
      const port: Port = {
        ...(p.hostIp !== undefined ? { hostIp: p.hostIp } : {}),
        ...(p.hostPort !== undefined ? { hostPort: p.hostPort } : {}),
        containerPort: p.containerPort,
        protocol: p.protocol,
        origin,
        ...unknownFlag(t.unknown),
      };
      spec.ports.push(port);
      continue;
    }
    const m = rd.map(it);
    if (!m) continue;
    const target = rd.text(m.get('target')?.value ?? null);
    if (!target) continue;
    const published = rd.text(m.get('published')?.value ?? null);
    const hostIp = rd.text(m.get('host_ip')?.value ?? null);
    const protocol = rd.text(m.get('protocol')?.value ?? null);
    spec.ports.push({
      ...(hostIp ? { hostIp: hostIp.text.replace(/^\[(.*)\]$/, '$1') } : {}),
      ...(published ? { hostPort: published.text } : {}),
      containerPort: target.text,
      protocol: protocol?.text.toLowerCase() ?? 'tcp',
      origin,
      ...unknownFlag([target, published, hostIp, protocol].some((x) => x?.unknown)),
    });
  }
}

function readSysctls(rd: Reader, sysctls: YNode | null, spec: RuntimeSpec): void {
  const m = rd.map(sysctls);
  if (m) {
    for (const [name, e] of m) {
      const v = rd.text(e.value);
      spec.sysctls.push({ name, value: v?.text ?? '', origin: rd.view.pairOrigin(e.pair) });
    }
    return;
  }
  for (const it of rd.items(sysctls)) {
    const t = rd.text(it);
    if (!t) continue;
    const eq = t.text.indexOf('=');
    spec.sysctls.push({
      name: (eq < 0 ? t.text : t.text.slice(0, eq)).trim(),
      value: eq < 0 ? '' : t.text.slice(eq + 1).trim(),
      origin: rd.view.origin(t.node),
    });
  }
}

function readEnv(rd: Reader, env: YNode | null, spec: RuntimeSpec): void {
  const m = rd.map(env);
  if (m) {
    for (const [name, e] of m) {
      const v = rd.text(e.value);
      spec.env.push({
        name,
        ...(v ? { value: v.text } : {}),
        origin: rd.view.pairOrigin(e.pair),
        ...unknownFlag(!!v?.unknown),
      });
    }
    return;
  }
  for (const it of rd.items(env)) {
    const t = rd.text(it);
    if (!t) continue;
    const eq = t.text.indexOf('=');
    spec.env.push({
      name: eq < 0 ? t.text : t.text.slice(0, eq),
      ...(eq < 0 ? {} : { value: t.text.slice(eq + 1) }),
      origin: rd.view.origin(t.node),
      ...unknownFlag(eq >= 0 && isInterpolated(t.text.slice(eq + 1))),
    });
  }
}

function readBuild(rd: Reader, build: YNode | null): BuildRef | undefined {
  const t = rd.text(build);
  if (t) return t.unknown ? undefined : { context: t.text };
  const m = rd.map(build);
  if (!m) return undefined;
  const context = rd.text(m.get('context')?.value ?? null);
  const dockerfile = rd.text(m.get('dockerfile')?.value ?? null);
  const inline = rd.text(m.get('dockerfile_inline')?.value ?? null);
  if (context?.unknown || dockerfile?.unknown) return undefined;
  return {
    context: context?.text ?? '.',
    ...(dockerfile ? { dockerfile: dockerfile.text } : {}),
    ...(inline ? { inline: inline.text } : {}),
  };
}

function readExtends(rd: Reader, e: Entry | undefined): ExtendsRef | undefined {
  if (!e?.value) return undefined;
  // Values read from another file point at the `extends` key: findings land there, and no fix
  // edits it (a key's range is not a value that can be removed).
  const origin = rd.view.origin(e.keyNode);
  const t = rd.text(e.value);
  if (t) return t.unknown ? undefined : { service: t.text, origin };
  const m = rd.map(e.value);
  const service = rd.text(m?.get('service')?.value ?? null);
  if (!service || service.unknown) return undefined;
  const file = rd.text(m?.get('file')?.value ?? null);
  if (file?.unknown) return undefined;
  return { service: service.text, ...(file ? { file: file.text } : {}), origin };
}

/**
 * A service that `extends` another: Compose merges the base's settings under the service's own.
 * Single values: the service's own win. Lists: appended (mounts replaced by target, and
 * environment, sysctls and ulimits by name).
 */
export function mergeExtends(base: RuntimeSpec, own: RuntimeSpec): RuntimeSpec {
  const out: RuntimeSpec = { ...own };
  const single = [
    'image',
    'imageFacts',
    'user',
    'privileged',
    'readOnly',
    'cgroupParent',
    'restart',
    'healthcheckDisabled',
    'hasHealthcheck',
    'logDriver',
  ] as const;
  for (const k of single) if (out[k] === undefined && base[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = base[k];
  out.namespaces = { ...base.namespaces, ...own.namespaces };
  const byName = <T extends { name: string }>(b: T[], o: T[]) => [...b.filter((x) => !o.some((y) => y.name === x.name)), ...o];
  out.resources = { ...base.resources, ...stripUndefined(own.resources), ulimits: byName(base.resources.ulimits, own.resources.ulimits) };
  out.capAdd = [...base.capAdd, ...own.capAdd];
  out.capDrop = [...base.capDrop, ...own.capDrop];
  out.securityOpt = [...base.securityOpt, ...own.securityOpt];
  out.mounts = [...base.mounts.filter((m) => !own.mounts.some((o) => o.target === m.target)), ...own.mounts];
  out.devices = [...base.devices, ...own.devices];
  out.ports = [...base.ports, ...own.ports];
  out.sysctls = byName(base.sysctls, own.sysctls);
  out.env = byName(base.env, own.env);
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Points every origin of a spec read from another file at one place in this file (the `extends:` value). */
export function remapOrigins<T>(value: T, origin: Origin): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.kind === 'source' && 'range' in o) return origin;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(o)) out[k] = k === 'fixer' ? undefined : walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
