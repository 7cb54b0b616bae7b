// A live container's inspect data → RuntimeSpec (engine layer, pure apart from its types), so the
// runtime rules that read Compose services and `docker run` lines read running containers too.
// Each value's origin names the inspect field it came from (`HostConfig.CapAdd`).

import {
  emptySpec,
  parseNamespaceMode,
  parseSecurityOpt,
  type Mount,
  type NamespaceKind,
  type NamespaceMode,
  type Origin,
  type RuntimeSpec,
  type SecurityOpt,
  type Val,
} from '../core/model/runtime';
import { inLocale, t, type Locale } from '../core/types';
import type { RawContainer, RawHealthcheck, RawImage } from './raw';

const live = (field: string): Origin => ({ kind: 'live', field });
const val = <T>(value: T, field: string): Val<T> => ({ value, origin: live(field) });

export function containerName(c: RawContainer): string {
  return (c.Name ?? '').replace(/^\//, '') || c.Id.slice(0, 12);
}

/** Daemon facts that change how inspect data reads. */
export interface SpecContext {
  /** `1` or `2`; on cgroup v1 Docker's default cgroup namespace mode is `host`. */
  cgroupVersion?: string;
  /** The image's own config, when it was read: its env is not the container's doing. */
  image?: RawImage;
  /** The language of the notes (English unless given). */
  locale?: Locale;
}

/** What the reading changed or left out, for the report's notes. */
export interface SpecNotes {
  notes: string[];
}

function healthDisabled(h: RawHealthcheck | null | undefined): boolean {
  return !!h?.Test && h.Test.length > 0 && h.Test[0] === 'NONE';
}

function hasHealth(h: RawHealthcheck | null | undefined): boolean {
  return !!h?.Test && h.Test.length > 0 && h.Test[0] !== 'NONE';
}

/**
 * A network mode reads as private for the default bridge and user-defined networks (they are
 * network names, not namespace modes); `host`, `none` and `container:X` are the namespace modes.
 */
function networkMode(raw: string): NamespaceMode {
  const m = parseNamespaceMode(raw);
  return m.mode === 'other' ? { mode: 'private', raw } : m;
}

/** IPC `shareable` (Docker's default before 20.10) is an own namespace that others may join. */
function ipcMode(raw: string): NamespaceMode {
  return raw.trim().toLowerCase() === 'shareable' ? { mode: 'private', raw } : parseNamespaceMode(raw);
}

/** A security option from inspect; an inline seccomp profile (JSON text) is kept as one value. */
function securityOptOf(raw: string, field: string): SecurityOpt {
  const seccomp = /^seccomp[=:]([\s\S]*)$/i.exec(raw);
  if (seccomp)
    return {
      kind: 'seccomp',
      value: seccomp[1],
      raw: seccomp[1].trim().startsWith('{') ? 'seccomp=<custom profile>' : raw,
      origin: live(field),
    };
  return parseSecurityOpt(raw, live(field));
}

/**
 * Reads a container's inspect JSON. Docker merges the image's config into the container's at
 * create time, so `Config.User`, `Config.Healthcheck` and `Config.Env` are what actually applies.
 * Three things Docker adds by itself are left out so that findings match the equivalent
 * `docker run` line: the `label=disable` it appends for `--pid host`, `--ipc host` and
 * `--privileged`; the `host` cgroup namespace that is the default on cgroup v1; and the
 * environment variables the image defines (image rules cover those).
 */
export function liveSpec(c: RawContainer, ctx: SpecContext = {}, out: SpecNotes = { notes: [] }): RuntimeSpec {
  const name = containerName(c);
  const spec = emptySpec(`container ${name}`, 'live', live('Name'));
  const h = c.HostConfig ?? {};
  const cfg = c.Config ?? {};

  if (cfg.Image) spec.image = val(cfg.Image, 'Config.Image');
  const user = (cfg.User ?? '').trim();
  if (user) spec.user = val(user, 'Config.User');
  // Config.User is empty only when neither the container nor its image names a user: root. The
  // image's own health check is known from its config when it was read; otherwise from the merged one.
  const imageCfg = ctx.image?.Config;
  spec.imageFacts = {
    user: (imageCfg ? imageCfg.User : user) || undefined,
    hasHealthcheck: hasHealth(imageCfg ? imageCfg.Healthcheck : cfg.Healthcheck),
    describedBy: `${cfg.Image ?? c.Image ?? 'its image'}, per its image config`,
  };
  spec.privileged = val(!!h.Privileged, 'HostConfig.Privileged');
  for (const cap of h.CapAdd ?? []) spec.capAdd.push(val(cap, 'HostConfig.CapAdd'));
  for (const cap of h.CapDrop ?? []) spec.capDrop.push(val(cap, 'HostConfig.CapDrop'));

  const opts = [...(h.SecurityOpt ?? [])];
  const autoLabel = h.Privileged || /^host$/i.test(h.PidMode ?? '') || /^host$/i.test(h.IpcMode ?? '');
  if (autoLabel) {
    const i = opts.map((o) => o.toLowerCase().replace(':', '=')).lastIndexOf('label=disable');
    if (i >= 0) {
      opts.splice(i, 1);
      out.notes.push(
        inLocale(
          t(
            'Docker adds label=disable by itself for host PID or IPC namespaces and privileged mode; it is not reported on its own.',
            '使用宿主机的 PID 或 IPC namespace 以及特权模式时，Docker 会自行加上 label=disable；它本身不作为问题报告。',
          ),
          ctx.locale,
        ),
      );
    }
  }
  for (const o of opts) spec.securityOpt.push(securityOptOf(o, 'HostConfig.SecurityOpt'));

  const ns = (kind: NamespaceKind, mode: NamespaceMode, field: string) => {
    spec.namespaces[kind] = { value: mode, origin: live(field) };
  };
  if (h.PidMode) ns('pid', parseNamespaceMode(h.PidMode), 'HostConfig.PidMode');
  if (h.NetworkMode) ns('network', networkMode(h.NetworkMode), 'HostConfig.NetworkMode');
  if (h.IpcMode) ns('ipc', ipcMode(h.IpcMode), 'HostConfig.IpcMode');
  if (h.UTSMode) ns('uts', parseNamespaceMode(h.UTSMode), 'HostConfig.UTSMode');
  if (h.UsernsMode) ns('userns', parseNamespaceMode(h.UsernsMode), 'HostConfig.UsernsMode');
  if (h.CgroupnsMode) {
    const mode = parseNamespaceMode(h.CgroupnsMode);
    if (mode.mode === 'host' && ctx.cgroupVersion === '1') {
      out.notes.push(
        inLocale(
          t(
            "The host cgroup namespace is Docker's default on cgroup v1 hosts, so it is shown but not reported as a finding.",
            '在 cgroup v1 主机上，使用宿主机的 cgroup namespace 是 Docker 的默认设置，因此只显示出来，不作为问题报告。',
          ),
          ctx.locale,
        ),
      );
    } else ns('cgroupns', mode, 'HostConfig.CgroupnsMode');
  }

  const r = spec.resources;
  if (h.Memory && h.Memory > 0) r.memory = val(String(h.Memory), 'HostConfig.Memory');
  if (h.MemorySwap && h.MemorySwap !== 0) r.memorySwap = val(String(h.MemorySwap), 'HostConfig.MemorySwap');
  if (h.MemoryReservation && h.MemoryReservation > 0)
    r.memoryReservation = val(String(h.MemoryReservation), 'HostConfig.MemoryReservation');
  if (h.NanoCpus && h.NanoCpus > 0) r.cpus = val(String(h.NanoCpus / 1e9), 'HostConfig.NanoCpus');
  if (h.CpuQuota && h.CpuQuota > 0) r.cpuQuota = val(String(h.CpuQuota), 'HostConfig.CpuQuota');
  if (h.CpuShares && h.CpuShares > 0) r.cpuShares = val(String(h.CpuShares), 'HostConfig.CpuShares');
  if (h.CpusetCpus) r.cpuset = val(h.CpusetCpus, 'HostConfig.CpusetCpus');
  // Docker stores "no limit" as null, 0 or -1; like a `docker run` line without --pids-limit, that is absent.
  if (typeof h.PidsLimit === 'number' && h.PidsLimit > 0) r.pidsLimit = val(String(h.PidsLimit), 'HostConfig.PidsLimit');
  for (const u of h.Ulimits ?? []) {
    if (u.Name)
      r.ulimits.push({
        name: u.Name,
        soft: u.Soft === undefined ? undefined : String(u.Soft),
        hard: u.Hard === undefined ? undefined : String(u.Hard),
        origin: live('HostConfig.Ulimits'),
      });
  }

  if (h.ReadonlyRootfs) spec.readOnly = val(true, 'HostConfig.ReadonlyRootfs');
  spec.mounts.push(...liveMounts(c));
  for (const d of h.Devices ?? []) {
    if (!d.PathOnHost) continue;
    spec.devices.push(val(`${d.PathOnHost}:${d.PathInContainer ?? d.PathOnHost}:${d.CgroupPermissions ?? 'rwm'}`, 'HostConfig.Devices'));
  }
  for (const [key, bindings] of Object.entries(h.PortBindings ?? {})) {
    const [port, proto = 'tcp'] = key.split('/');
    for (const b of bindings ?? []) {
      spec.ports.push({
        hostIp: b.HostIp ?? '',
        hostPort: b.HostPort ?? '',
        containerPort: port,
        protocol: proto,
        origin: live('HostConfig.PortBindings'),
      });
    }
  }
  if (h.PublishAllPorts)
    spec.ports.push({ hostIp: '', hostPort: '', containerPort: '*', protocol: 'tcp', origin: live('HostConfig.PublishAllPorts') });
  for (const [k, v] of Object.entries(h.Sysctls ?? {})) spec.sysctls.push({ name: k, value: v, origin: live('HostConfig.Sysctls') });
  if (h.CgroupParent) spec.cgroupParent = val(h.CgroupParent, 'HostConfig.CgroupParent');
  const rp = h.RestartPolicy;
  if (rp?.Name && rp.Name !== 'no') {
    spec.restart = val(
      rp.Name === 'on-failure' && rp.MaximumRetryCount ? `on-failure:${rp.MaximumRetryCount}` : rp.Name,
      'HostConfig.RestartPolicy',
    );
  }
  if (healthDisabled(cfg.Healthcheck)) spec.healthcheckDisabled = val(true, 'Config.Healthcheck');
  spec.hasHealthcheck = hasHealth(cfg.Healthcheck);

  const imageEnv = new Set(ctx.image?.Config?.Env ?? []);
  for (const e of cfg.Env ?? []) {
    if (imageEnv.has(e)) continue;
    const eq = e.indexOf('=');
    spec.env.push({ name: eq < 0 ? e : e.slice(0, eq), value: eq < 0 ? undefined : e.slice(eq + 1), origin: live('Config.Env') });
  }
  if (h.LogConfig?.Type) spec.logDriver = val(h.LogConfig.Type, 'HostConfig.LogConfig.Type');
  return spec;
}

/** Mounts from `Mounts` (binds, volumes, --mount tmpfs) and `HostConfig.Tmpfs` (with their options). */
export function liveMounts(c: RawContainer): Mount[] {
  const out: Mount[] = [];
  const tmpfs = c.HostConfig?.Tmpfs ?? {};
  for (const m of c.Mounts ?? []) {
    const target = m.Destination ?? '';
    if (target in tmpfs) continue;
    const type = (['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image'] as const).find((t) => t === m.Type) ?? 'volume';
    const modes = (m.Mode ?? '').split(',').filter(Boolean);
    const mount: Mount = {
      type,
      source: type === 'volume' ? (m.Name ?? m.Source) : m.Source,
      target,
      readOnly: m.RW === false,
      options: modes,
      origin: { kind: 'live', field: 'Mounts' },
    };
    if (m.Propagation) mount.propagation = m.Propagation;
    if (modes.includes('z')) mount.selinux = 'z';
    if (modes.includes('Z')) mount.selinux = 'Z';
    out.push(mount);
  }
  for (const [target, options] of Object.entries(tmpfs)) {
    const opts = options.split(',').filter(Boolean);
    out.push({ type: 'tmpfs', target, readOnly: opts.includes('ro'), options: opts, origin: { kind: 'live', field: 'HostConfig.Tmpfs' } });
  }
  return out;
}
