// One `docker run`-like invocation → a RuntimeSpec: option values decoded into the shared model
// (volumes, --mount, ports, tmpfs, ulimits…), every value with its exact range (pure core layer).

import type { TextDoc } from '../../text';
import {
  emptySpec,
  parseNamespaceMode,
  parseSecurityOpt,
  type Mount,
  type NamespaceKind,
  type Origin,
  type Port,
  type Resources,
  type RuntimeSpec,
  type Val,
} from '../../model/runtime';
import { Slice, type FlagOcc, type Invocation } from './commands';

/** Where a published port's parts are, so a fix can bind it to 127.0.0.1. */
export interface PortDetail {
  value: Slice;
  /** Index in value.text just past the host IP (brackets included), or -1 when none is written. */
  hostIpEnd: number;
  hasHostPort: boolean;
}

export interface BuiltSpec {
  spec: RuntimeSpec;
  ports: Map<Port, PortDetail>;
}

const NAMESPACE_FLAGS: Record<string, NamespaceKind> = {
  pid: 'pid',
  network: 'network',
  ipc: 'ipc',
  uts: 'uts',
  userns: 'userns',
  cgroupns: 'cgroupns',
};

const RESOURCE_FLAGS: Record<string, keyof Omit<Resources, 'ulimits'>> = {
  memory: 'memory',
  'memory-swap': 'memorySwap',
  'memory-reservation': 'memoryReservation',
  cpus: 'cpus',
  'cpu-shares': 'cpuShares',
  'cpu-quota': 'cpuQuota',
  'cpuset-cpus': 'cpuset',
  'pids-limit': 'pidsLimit',
};

const PROPAGATION = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);
const MOUNT_TYPES = new Set<Mount['type']>(['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image']);

/** Splits a slice at `sep` into non-empty trimmed pieces. */
function split(s: Slice, sep: string): Slice[] {
  const out: Slice[] = [];
  let a = 0;
  for (let k = 0; k <= s.text.length; k++) {
    if (k < s.text.length && s.text[k] !== sep) continue;
    let i = a;
    let j = k;
    while (i < j && /\s/.test(s.text[i])) i++;
    while (j > i && /\s/.test(s.text[j - 1])) j--;
    if (j > i) out.push(s.sub(i, j));
    a = k + 1;
  }
  return out;
}

/** Splits `--mount` fields at commas outside double quotes (Docker reads it as one CSV record). */
function csvFields(s: Slice): { key: string; value?: Slice; field: Slice }[] {
  const out: { key: string; value?: Slice; field: Slice }[] = [];
  let a = 0;
  let inQuote = false;
  for (let k = 0; k <= s.text.length; k++) {
    const c = s.text[k];
    if (k < s.text.length) {
      if (c === '"') inQuote = !inQuote;
      if (c !== ',' || inQuote) continue;
    }
    if (k > a) {
      const field = s.sub(a, k);
      const eq = field.text.indexOf('=');
      const key = (eq < 0 ? field.text : field.text.slice(0, eq)).trim().toLowerCase();
      let value = eq < 0 ? undefined : field.sub(eq + 1, field.text.length);
      if (value && value.text.length >= 2 && value.text.startsWith('"') && value.text.endsWith('"'))
        value = value.sub(1, value.text.length - 1);
      out.push({ key, value, field });
    }
    a = k + 1;
  }
  return out;
}

function isTrue(v: string | undefined): boolean {
  return v === undefined || /^(?:true|1|yes)$/i.test(v);
}

export function buildSpec(inv: Invocation, doc: TextDoc): BuiltSpec {
  const origin = (start: number, end: number): Origin => ({ kind: 'source', range: doc.rangeOf(start, end) });
  const val = (s: Slice): Val<string> =>
    s.unknown ? { value: s.text, origin: origin(s.start, s.end), unknown: true } : { value: s.text, origin: origin(s.start, s.end) };
  const occOrigin = (o: FlagOcc) => origin(o.start, o.end);
  const words = inv.words;
  const imageWord = inv.imageIndex !== undefined ? words[inv.imageIndex] : undefined;
  const spec = emptySpec(
    `${inv.commandText} ${imageWord?.value ?? '?'}`,
    'docker-run',
    origin(words[inv.toolIndex].start, words[inv.subIndex].end),
  );
  const ports = new Map<Port, PortDetail>();
  if (imageWord && inv.tool !== 'compose') spec.image = val(Slice.of(imageWord));
  if (inv.tool === 'compose' || inv.hiddenOptions) spec.partial = true;

  const boolVal = (o: FlagOcc): Val<boolean> => {
    const v: Val<boolean> = { value: o.bool ?? true, origin: occOrigin(o) };
    if (o.value && o.bool === undefined) v.unknown = true;
    return v;
  };

  for (const o of inv.flags) {
    const s = o.value;
    if (o.name === 'privileged') spec.privileged = boolVal(o);
    else if (o.name === 'read-only') spec.readOnly = boolVal(o);
    else if (o.name === 'no-healthcheck') spec.healthcheckDisabled = boolVal(o);
    else if (o.name === 'publish-all' && inv.tool !== 'compose') {
      if (o.bool !== false) spec.ports.push({ containerPort: '*', protocol: 'tcp', origin: occOrigin(o) });
    } else if (o.name === 'use-api-socket' && o.bool !== false) {
      // Docker 28: bind-mounts the engine's API socket (and registry credentials) into the container.
      spec.mounts.push({
        type: 'bind',
        source: '/var/run/docker.sock',
        target: '/var/run/docker.sock',
        readOnly: false,
        options: [],
        origin: occOrigin(o),
        sourceOrigin: occOrigin(o),
      });
    }
    if (!s) continue;
    const ns = NAMESPACE_FLAGS[o.name];
    const res = RESOURCE_FLAGS[o.name];
    if (ns) {
      const prev = spec.namespaces[ns];
      // `--network a --network b` joins several networks; keep the one that matters for isolation.
      if (!prev || prev.value.mode === 'private') spec.namespaces[ns] = { ...val(s), value: parseNamespaceMode(s.text) };
    } else if (res) {
      spec.resources[res] = val(s);
    } else {
      switch (o.name) {
        case 'user':
          spec.user = val(s);
          break;
        case 'cap-add':
        case 'cap-drop':
          for (const c of split(s, ',')) (o.name === 'cap-add' ? spec.capAdd : spec.capDrop).push(val(c));
          break;
        case 'security-opt':
          spec.securityOpt.push(parseSecurityOpt(s.text, origin(s.start, s.end), s.unknown));
          break;
        case 'ulimit': {
          const eq = s.text.indexOf('=');
          const name = (eq < 0 ? s.text : s.text.slice(0, eq)).trim();
          const limits = eq < 0 ? '' : s.text.slice(eq + 1).trim();
          const [soft, hard] = limits.includes(':') ? limits.split(':') : [limits, limits];
          spec.resources.ulimits.push({ name, soft: soft || undefined, hard: hard || undefined, origin: origin(s.start, s.end) });
          break;
        }
        case 'tmpfs': {
          const colon = s.text.indexOf(':');
          const target = colon < 0 ? s.text : s.text.slice(0, colon);
          const options =
            colon < 0
              ? []
              : s.text
                  .slice(colon + 1)
                  .split(',')
                  .filter(Boolean);
          const m: Mount = { type: 'tmpfs', target, readOnly: options.includes('ro'), options, origin: origin(s.start, s.end) };
          if (s.unknown) m.unknown = true;
          spec.mounts.push(m);
          break;
        }
        case 'volume':
          spec.mounts.push(parseVolume(s, origin));
          break;
        case 'mount':
          spec.mounts.push(parseMount(s, origin));
          break;
        case 'device':
          spec.devices.push(val(s));
          break;
        case 'publish': {
          const { port, detail } = parsePort(s, origin);
          spec.ports.push(port);
          ports.set(port, detail);
          break;
        }
        case 'sysctl': {
          const eq = s.text.indexOf('=');
          spec.sysctls.push({
            name: (eq < 0 ? s.text : s.text.slice(0, eq)).trim(),
            value: eq < 0 ? '' : s.text.slice(eq + 1).trim(),
            origin: origin(s.start, s.end),
          });
          break;
        }
        case 'cgroup-parent':
          spec.cgroupParent = val(s);
          break;
        case 'restart':
          spec.restart = val(s);
          break;
        case 'log-driver':
          spec.logDriver = val(s);
          break;
        case 'health-cmd':
          spec.hasHealthcheck = true;
          break;
        case 'env': {
          const eq = s.text.indexOf('=');
          const e: RuntimeSpec['env'][number] = {
            name: eq < 0 ? s.text : s.text.slice(0, eq),
            value: eq < 0 ? undefined : s.text.slice(eq + 1),
            origin: origin(s.start, s.end),
          };
          if (s.unknown) e.unknown = true;
          spec.env.push(e);
          break;
        }
      }
    }
  }
  return { spec, ports };
}

/** `-v [source:]target[:options]`: binds, named volumes and anonymous volumes. */
export function parseVolume(s: Slice, origin: (a: number, b: number) => Origin): Mount {
  const t = s.text;
  const segs: [number, number][] = [];
  let a = 0;
  for (let k = 0; k <= t.length; k++) {
    if (k === t.length || t[k] === ':') {
      segs.push([a, k]);
      a = k + 1;
    }
  }
  // A Windows drive letter (`C:\data:/data`) is part of the source path.
  if (segs.length > 2 && segs[0][1] - segs[0][0] === 1 && /[A-Za-z]/.test(t[segs[0][0]]) && /^[\\/]/.test(t.slice(segs[1][0]))) {
    segs.splice(0, 2, [segs[0][0], segs[1][1]]);
  }
  const m: Mount = { type: 'volume', target: t, readOnly: false, options: [], origin: origin(s.start, s.end) };
  if (s.unknown) m.unknown = true;
  if (segs.length === 1) return m;
  const src = s.sub(segs[0][0], segs[0][1]);
  m.source = src.text;
  m.sourceOrigin = origin(src.start, src.end);
  m.target = t.slice(segs[1][0], segs[1][1]);
  const isPath = /^(?:[/.~\\]|[A-Za-z]:[\\/])/.test(src.text) || src.text.includes('/') || src.dyn[0] === true;
  m.type = isPath ? 'bind' : 'volume';
  if (segs.length > 2) {
    m.options = t.slice(segs[2][0]).split(/[,:]/).filter(Boolean);
    for (const opt of m.options) {
      if (opt === 'ro' || opt === 'readonly') m.readOnly = true;
      else if (PROPAGATION.has(opt)) m.propagation = opt;
      else if (opt === 'z' || opt === 'Z') m.selinux = opt;
    }
  }
  return m;
}

/** `--mount type=bind,source=/x,target=/y,readonly,bind-propagation=rshared`. */
export function parseMount(s: Slice, origin: (a: number, b: number) => Origin): Mount {
  const m: Mount = { type: 'volume', target: '', readOnly: false, options: [], origin: origin(s.start, s.end) };
  if (s.unknown) m.unknown = true;
  for (const f of csvFields(s)) {
    const v = f.value?.text;
    switch (f.key) {
      case 'type':
        m.type = MOUNT_TYPES.has(v as Mount['type']) ? (v as Mount['type']) : 'volume';
        break;
      case 'source':
      case 'src':
        if (f.value && v) {
          m.source = v;
          m.sourceOrigin = origin(f.value.start, f.value.end);
        }
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = v ?? '';
        break;
      case 'readonly':
      case 'ro':
        m.readOnly = isTrue(v);
        break;
      case 'bind-propagation':
        m.propagation = v;
        break;
      default:
        m.options.push(f.field.text.trim());
    }
  }
  return m;
}

/** `-p [hostIp:][hostPort:]containerPort[/protocol]`, with `[::1]:80:80` and ranges. */
export function parsePort(s: Slice, origin: (a: number, b: number) => Origin): { port: Port; detail: PortDetail } {
  const t = s.text;
  let end = t.length;
  let protocol = 'tcp';
  const slash = t.lastIndexOf('/');
  if (slash >= 0 && slash > t.lastIndexOf(']')) {
    protocol = t.slice(slash + 1) || 'tcp';
    end = slash;
  }
  let hostIp: string | undefined;
  let hostIpEnd = -1;
  let rest = 0;
  if (t.startsWith('[')) {
    const close = t.indexOf(']');
    if (close > 0) {
      hostIp = t.slice(1, close);
      hostIpEnd = close + 1;
      rest = t[close + 1] === ':' ? close + 2 : close + 1;
    }
  }
  const parts = t.slice(rest, end).split(':');
  let hostPort: string | undefined;
  let containerPort: string;
  if (hostIpEnd >= 0) {
    containerPort = parts[parts.length - 1];
    hostPort = parts.length > 1 ? parts[parts.length - 2] : undefined;
  } else if (parts.length === 1) {
    containerPort = parts[0];
  } else if (parts.length === 2) {
    [hostPort, containerPort] = parts;
  } else {
    containerPort = parts[parts.length - 1];
    hostPort = parts[parts.length - 2];
    hostIp = parts.slice(0, -2).join(':');
    hostIpEnd = hostIp.length;
  }
  const port: Port = { containerPort, protocol, origin: origin(s.start, s.end) };
  if (hostIp !== undefined && hostIp !== '') port.hostIp = hostIp;
  if (hostPort) port.hostPort = hostPort;
  if (s.unknown) port.unknown = true;
  return { port, detail: { value: s, hostIpEnd: port.hostIp !== undefined ? hostIpEnd : -1, hasHostPort: !!hostPort } };
}
