// Drift between two RuntimeSpecs (pure core layer): what a running container has that the Compose
// service describing it does not say, and the reverse, field by field: image, capabilities,
// privileged, user, namespaces, limits, read-only root, mounts, ports, security options, devices.
// Values are normalised first (capability names, byte sizes, default namespace modes, the
// project prefix of named volumes), so only real differences are reported.

import { inLocale, t, type Locale } from '../types';
import { effectiveCaps } from './capabilities';
import type { Mount, NamespaceKind, NamespaceMode, Port, RuntimeSpec, SecurityOpt, Val } from './runtime';

export type DriftAspect =
  'image' | 'capabilities' | 'privileged' | 'user' | 'namespaces' | 'limits' | 'read-only' | 'mounts' | 'ports' | 'security' | 'devices';

export interface DriftItem {
  aspect: DriftAspect;
  /** The setting in Compose words: `cap_add`, `pid`, `mem_limit`, `volumes /data`. */
  setting: string;
  /** `running-only`: the container has it and the Compose file does not say it; `compose-only`: the reverse. */
  kind: 'running-only' | 'compose-only' | 'different';
  running?: string;
  compose?: string;
  /** Zero-based line of the Compose value, when it has one. */
  line?: number;
}

export interface DriftOptions {
  /** The Compose project (label com.docker.compose.project): named volumes are created as PROJECT_NAME. */
  project?: string;
  /** Resolves a relative bind source against the Compose file's folder. */
  resolveSource?: (source: string) => string;
  /** The language of notes and of the words among values (`private`, `anonymous volume`); settings stay Compose keys. */
  locale?: Locale;
}

export interface Drift {
  items: DriftItem[];
  /** Aspects compared and found equal. */
  same: DriftAspect[];
  /** Values that could not be compared (interpolated Compose values), and other remarks. */
  notes: string[];
}

const ASPECTS: DriftAspect[] = [
  'image',
  'capabilities',
  'privileged',
  'user',
  'namespaces',
  'limits',
  'read-only',
  'mounts',
  'ports',
  'security',
  'devices',
];

function lineOf(v: { origin: Val<unknown>['origin'] } | undefined): number | undefined {
  return v?.origin.kind === 'source' ? v.origin.range.start.line : undefined;
}

/** `512m`, `1g`, `1048576`, `1.5GB` → bytes (Docker's units are powers of 1024). */
export function parseBytes(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(?:i?b)?\s*$/i.exec(text);
  if (!m) return undefined;
  const power = ' kmgtp'.indexOf(m[2].toLowerCase() || ' ');
  return Math.round(parseFloat(m[1]) * 1024 ** Math.max(0, power));
}

function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1 && Number.isInteger(v / 1024)) {
    v /= 1024;
    i++;
  }
  return `${v} ${units[i]}`;
}

function userText(u: string): string {
  const [name, group] = u.trim().split(':');
  const user = name === '' || name === '0' || name === 'root' ? 'root' : name;
  const g = group === undefined || group === '' ? '' : group === '0' ? 'root' : group;
  return g && !(user === 'root' && g === 'root') ? `${user}:${g}` : user;
}

/** Words that appear among compared values, in both languages. */
const WORDS = {
  private: t('private', '私有'),
  anotherContainer: t('another container', '另一个容器'),
  customProfile: t('custom profile', '自定义配置文件'),
  anonymousVolume: t('anonymous volume', '匿名卷'),
  readOnly: t(' (read-only)', '（只读）'),
  random: t('(random)', '（随机）'),
  unlimited: t('unlimited', '不限制'),
  daemonProfile: t("the daemon's default profile", '守护进程的默认配置文件'),
  defaultLabel: t('the default label', '默认标签'),
};

/** A namespace mode as compared: `joins …` values are told apart by the `join` flag, not by their words. */
function modeText(m: NamespaceMode | undefined, locale: Locale | undefined): { text: string; join: boolean } {
  if (!m || m.mode === 'private') return { text: inLocale(WORDS.private, locale), join: false };
  if (m.mode === 'container' || m.mode === 'service') {
    const target = m.target ?? inLocale(WORDS.anotherContainer, locale);
    return { text: inLocale(t(`joins ${target}`, `加入 ${target}`), locale), join: true };
  }
  return { text: m.mode === 'other' ? m.raw : m.mode, join: false };
}

const NS_SETTING: Record<NamespaceKind, string> = {
  pid: 'pid',
  network: 'network_mode',
  ipc: 'ipc',
  uts: 'uts',
  userns: 'userns_mode',
  cgroupns: 'cgroup',
};

function securityValue(opts: SecurityOpt[], kind: SecurityOpt['kind'], locale: Locale | undefined): string | undefined {
  const last = [...opts].reverse().find((o) => o.kind === kind);
  if (!last) return undefined;
  const v = last.value.trim();
  if (kind === 'no-new-privileges') return /^(false|0|no)$/i.test(v) ? 'false' : 'true';
  if (kind === 'seccomp') return v.toLowerCase() === 'unconfined' ? 'unconfined' : inLocale(WORDS.customProfile, locale);
  return v;
}

function isUnknown(x: { unknown?: boolean } | undefined): boolean {
  return !!x?.unknown;
}

function portKey(p: Port): string {
  return `${p.containerPort}/${p.protocol.toLowerCase()}`;
}

function hostIpText(ip: string | undefined): string {
  const v = (ip ?? '').replace(/^\[|\]$/g, '');
  return v === '' || v === '0.0.0.0' || v === '::' ? '' : v;
}

/** Expands a `8000-8002` range into its ports (bounded); a single port stays as is. */
function expandRange(r: string | undefined): (string | undefined)[] {
  if (r === undefined || r === '') return [undefined];
  const m = /^(\d+)-(\d+)$/.exec(r);
  if (!m) return [r];
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (to < from || to - from > 1024) return [r];
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/** Published ports as `containerPort/proto` → sorted `hostIp:hostPort` bindings. */
function portMap(ports: Port[], random: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of ports) {
    if (isUnknown(p)) continue;
    const cps = expandRange(p.containerPort);
    const hps = expandRange(p.hostPort);
    cps.forEach((cp, i) => {
      const key = portKey({ ...p, containerPort: cp ?? p.containerPort });
      const hp = hps.length === cps.length ? hps[i] : hps[0];
      const ip = hostIpText(p.hostIp);
      const binding = `${ip ? `${ip}:` : ''}${hp ?? random}`;
      out.set(key, [...(out.get(key) ?? []), binding].sort());
    });
  }
  return out;
}

function isAnonymousVolume(m: Mount): boolean {
  return m.type === 'volume' && (!m.source || /^[0-9a-f]{64}$/.test(m.source));
}

function mountText(m: Mount, locale: Locale | undefined): string {
  const src = isAnonymousVolume(m) ? inLocale(WORDS.anonymousVolume, locale) : m.type === 'tmpfs' ? 'tmpfs' : `${m.type} ${m.source ?? ''}`;
  return `${src}${m.readOnly ? inLocale(WORDS.readOnly, locale) : ''}${m.propagation ? ` ${m.propagation}` : ''}`;
}

/** Compares a running container's spec with the Compose service's. */
export function compareSpecs(running: RuntimeSpec, compose: RuntimeSpec, o: DriftOptions = {}): Drift {
  const items: DriftItem[] = [];
  const notes: string[] = [];
  const touched = new Set<DriftAspect>();
  const compared = new Set<DriftAspect>();
  const add = (item: DriftItem) => {
    items.push(item);
    touched.add(item.aspect);
  };
  const locale = o.locale;
  const say = (en: string, zh: string) => notes.push(inLocale(t(en, zh), locale));
  const skip = (what: string) =>
    say(`${what} depends on a variable in the Compose file and was not compared.`, `${what} 取决于 Compose 文件中的变量，未作比较。`);

  // Image: a service that only builds names its image after the project; compare only a written one.
  compared.add('image');
  if (compose.image && !isUnknown(compose.image) && running.image && compose.image.value !== running.image.value) {
    add({
      aspect: 'image',
      setting: 'image',
      kind: 'different',
      running: running.image.value,
      compose: compose.image.value,
      line: lineOf(compose.image),
    });
  } else if (isUnknown(compose.image)) skip('image');

  // Privileged, then capabilities as effective sets (privileged has them all: reported once).
  compared.add('privileged');
  const rp = running.privileged?.value === true;
  const cp = compose.privileged?.value === true;
  if (isUnknown(compose.privileged)) skip('privileged');
  else if (rp !== cp)
    add({
      aspect: 'privileged',
      setting: 'privileged',
      kind: rp ? 'running-only' : 'compose-only',
      running: String(rp),
      compose: String(cp),
      line: lineOf(compose.privileged),
    });

  if (compose.capAdd.some(isUnknown) || compose.capDrop.some(isUnknown)) skip('cap_add / cap_drop');
  else if (rp === cp) {
    compared.add('capabilities');
    const r = effectiveCaps(
      running.capAdd.map((v) => v.value),
      running.capDrop.map((v) => v.value),
      rp,
    );
    const c = effectiveCaps(
      compose.capAdd.map((v) => v.value),
      compose.capDrop.map((v) => v.value),
      cp,
    );
    const line = lineOf(compose.capAdd[0]) ?? lineOf(compose.capDrop[0]);
    for (const cap of r) if (!c.has(cap)) add({ aspect: 'capabilities', setting: 'capability', kind: 'running-only', running: cap, line });
    for (const cap of c) if (!r.has(cap)) add({ aspect: 'capabilities', setting: 'capability', kind: 'compose-only', compose: cap, line });
  }

  // User: an unset user is the image's own; both empty or 0 mean root.
  compared.add('user');
  if (isUnknown(compose.user)) skip('user');
  else {
    const imageUser = running.imageFacts?.user ?? '';
    const r = userText(running.user?.value ?? imageUser);
    const c = userText(compose.user?.value ?? imageUser);
    if (r !== c) add({ aspect: 'user', setting: 'user', kind: 'different', running: r, compose: c, line: lineOf(compose.user) });
  }

  // Namespaces: an absent mode is the default (private).
  compared.add('namespaces');
  for (const kind of Object.keys(NS_SETTING) as NamespaceKind[]) {
    const cv = compose.namespaces[kind];
    if (isUnknown(cv)) {
      skip(NS_SETTING[kind]);
      continue;
    }
    const r = modeText(running.namespaces[kind]?.value, locale);
    const c = modeText(cv?.value, locale);
    if (r.text !== c.text && !(r.join && c.join))
      add({ aspect: 'namespaces', setting: NS_SETTING[kind], kind: 'different', running: r.text, compose: c.text, line: lineOf(cv) });
  }

  // Limits, in comparable units.
  compared.add('limits');
  const limit = (setting: string, r: Val<string> | undefined, c: Val<string> | undefined, norm: (s: string) => string | undefined) => {
    if (isUnknown(c)) return skip(setting);
    const rv = r ? norm(r.value) : undefined;
    const cv = c ? norm(c.value) : undefined;
    if (rv === cv) return;
    add({
      aspect: 'limits',
      setting,
      kind: rv === undefined ? 'compose-only' : cv === undefined ? 'running-only' : 'different',
      ...(rv !== undefined ? { running: rv } : {}),
      ...(cv !== undefined ? { compose: cv } : {}),
      line: lineOf(c),
    });
  };
  const bytes = (s: string) => {
    const n = parseBytes(s);
    return n === undefined ? s : n <= 0 ? undefined : formatBytes(n);
  };
  const number = (s: string) => {
    const n = Number(s);
    return Number.isFinite(n) ? (n <= 0 ? undefined : String(n)) : s;
  };
  const rr = running.resources;
  const cr = compose.resources;
  limit('memory', rr.memory, cr.memory, bytes);
  // Docker sets memory+swap to twice the memory limit when only the memory limit is given.
  const doubled =
    rr.memory && rr.memorySwap && !cr.memorySwap && parseBytes(rr.memorySwap.value) === 2 * (parseBytes(rr.memory.value) ?? NaN);
  if (!doubled)
    limit('memswap_limit', rr.memorySwap, cr.memorySwap, (s) => (s.trim() === '-1' ? inLocale(WORDS.unlimited, locale) : bytes(s)));
  limit('cpus', rr.cpus, cr.cpus, number);
  limit('cpu_quota', rr.cpuQuota, cr.cpuQuota, number);
  limit('cpu_shares', rr.cpuShares, cr.cpuShares, number);
  limit('cpuset', rr.cpuset, cr.cpuset, (s) => s.trim() || undefined);
  limit('pids_limit', rr.pidsLimit, cr.pidsLimit, number);

  compared.add('read-only');
  if (isUnknown(compose.readOnly)) skip('read_only');
  else {
    const r = running.readOnly?.value === true;
    const c = compose.readOnly?.value === true;
    if (r !== c)
      add({
        aspect: 'read-only',
        setting: 'read_only',
        kind: r ? 'running-only' : 'compose-only',
        running: String(r),
        compose: String(c),
        line: lineOf(compose.readOnly),
      });
  }

  // Mounts by target. A named volume is created as PROJECT_NAME; a relative bind is the Compose file's folder.
  compared.add('mounts');
  const sourceOf = (m: Mount, side: 'running' | 'compose'): string => {
    if (isAnonymousVolume(m)) return '';
    const s = m.source ?? '';
    if (side === 'compose' && m.type === 'bind' && o.resolveSource) return o.resolveSource(s);
    if (side === 'running' && m.type === 'volume' && o.project && s.startsWith(`${o.project}_`)) return s.slice(o.project.length + 1);
    return s;
  };
  const byTarget = (ms: Mount[]) => new Map(ms.filter((m) => !isUnknown(m)).map((m) => [m.target.replace(/\/+$/, '') || '/', m]));
  if (compose.mounts.some(isUnknown)) skip(inLocale(t('A volume', '某个卷'), locale));
  const rm = byTarget(running.mounts);
  const cm = byTarget(compose.mounts);
  for (const [target, m] of rm) {
    const c = cm.get(target);
    if (!c) {
      add({ aspect: 'mounts', setting: `volumes ${target}`, kind: 'running-only', running: mountText(m, locale) });
      if (isAnonymousVolume(m))
        say(
          `The anonymous volume at ${target} may come from a VOLUME instruction of the image.`,
          `${target} 处的匿名卷可能来自镜像中的 VOLUME 指令。`,
        );
      continue;
    }
    const same =
      c.type === m.type &&
      sourceOf(c, 'compose') === sourceOf(m, 'running') &&
      c.readOnly === m.readOnly &&
      (!c.propagation || !m.propagation || c.propagation === m.propagation);
    if (!same)
      add({
        aspect: 'mounts',
        setting: `volumes ${target}`,
        kind: 'different',
        running: mountText(m, locale),
        compose: mountText(c, locale),
        line: lineOf(c),
      });
  }
  for (const [target, c] of cm) {
    if (!rm.has(target))
      add({ aspect: 'mounts', setting: `volumes ${target}`, kind: 'compose-only', compose: mountText(c, locale), line: lineOf(c) });
  }

  // Published ports.
  compared.add('ports');
  if (compose.ports.some(isUnknown)) skip(inLocale(t('A port', '某个端口'), locale));
  const random = inLocale(WORDS.random, locale);
  const rpm = portMap(running.ports, random);
  const cpm = portMap(compose.ports, random);
  for (const [key, r] of rpm) {
    const c = cpm.get(key);
    const line = lineOf(compose.ports.find((p) => portKey(p) === key));
    // A random host port (Compose gave none) matches whatever the engine picked.
    const matches =
      c &&
      c.length === r.length &&
      c.every((b, i) => b === r[i] || (b.endsWith(random) && b.slice(0, -random.length) === r[i].replace(/\d+$/, '')));
    if (!c) add({ aspect: 'ports', setting: `ports ${key}`, kind: 'running-only', running: r.join(', ') });
    else if (!matches)
      add({ aspect: 'ports', setting: `ports ${key}`, kind: 'different', running: r.join(', '), compose: c.join(', '), line });
  }
  for (const [key, c] of cpm) {
    if (!rpm.has(key))
      add({
        aspect: 'ports',
        setting: `ports ${key}`,
        kind: 'compose-only',
        compose: c.join(', '),
        line: lineOf(compose.ports.find((p) => portKey(p) === key)),
      });
  }

  // Security options, one by one.
  compared.add('security');
  if (compose.securityOpt.some(isUnknown)) skip('security_opt');
  for (const [kind, setting, dflt] of [
    ['seccomp', 'security_opt seccomp', inLocale(WORDS.daemonProfile, locale)],
    ['apparmor', 'security_opt apparmor', inLocale(WORDS.daemonProfile, locale)],
    ['label', 'security_opt label', inLocale(WORDS.defaultLabel, locale)],
    ['no-new-privileges', 'security_opt no-new-privileges', 'false'],
  ] as const) {
    const r = securityValue(running.securityOpt, kind, locale) ?? dflt;
    const c = securityValue(compose.securityOpt, kind, locale) ?? dflt;
    if (r !== c) {
      const origin = [...compose.securityOpt].reverse().find((x) => x.kind === kind)?.origin;
      add({
        aspect: 'security',
        setting,
        kind: c === dflt ? 'running-only' : r === dflt ? 'compose-only' : 'different',
        running: r,
        compose: c,
        line: origin?.kind === 'source' ? origin.range.start.line : undefined,
      });
    }
  }

  compared.add('devices');
  const devKey = (d: string) => {
    const [host, inContainer] = d.split(':');
    return `${host}:${inContainer || host}`;
  };
  const rd = new Set(running.devices.map((d) => devKey(d.value)));
  const cd = new Set(compose.devices.filter((d) => !isUnknown(d)).map((d) => devKey(d.value)));
  for (const d of rd) if (!cd.has(d)) add({ aspect: 'devices', setting: 'devices', kind: 'running-only', running: d });
  for (const d of cd) if (!rd.has(d)) add({ aspect: 'devices', setting: 'devices', kind: 'compose-only', compose: d });

  if (compose.partial)
    say(
      'The Compose service is only partly readable (a broken file or an unreadable extends), so it may say more than was compared.',
      'Compose 服务只能部分读取（文件损坏或 extends 无法读取），因此它实际规定的可能比比较到的更多。',
    );
  return { items, same: ASPECTS.filter((a) => compared.has(a) && !touched.has(a)), notes: [...new Set(notes)] };
}
