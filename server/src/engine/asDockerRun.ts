// A running container as the `docker run` line that would create it again (engine layer, no I/O):
// the isolation settings only, each word shell-quoted. Environment values are never printed:
// variables the container sets are passed as `-e NAME`, taking their value from the caller's
// environment, so a secret in them does not end up in a terminal or a clipboard.

import { shellQuote } from './client';
import type { RawContainer, RawImage } from './raw';
import { containerName, liveMounts } from './toSpec';

/** Bytes as Docker's size syntax: 33554432 → `32m`. */
function size(n: number): string {
  for (const [unit, f] of [
    ['g', 1024 ** 3],
    ['m', 1024 ** 2],
    ['k', 1024],
  ] as const)
    if (n % f === 0) return `${n / f}${unit}`;
  return String(n);
}

export function asDockerRun(c: RawContainer, image?: RawImage, cli = 'docker'): string {
  const h = c.HostConfig ?? {};
  const cfg = c.Config ?? {};
  const words: string[] = ['run', '-d', '--name', containerName(c)];
  const flag = (name: string, value?: string) => {
    words.push(name);
    if (value !== undefined) words.push(value);
  };
  if (cfg.User) flag('--user', cfg.User);
  if (h.Privileged) flag('--privileged');
  for (const d of h.CapDrop ?? []) flag('--cap-drop', d.replace(/^CAP_/i, ''));
  for (const a of h.CapAdd ?? []) flag('--cap-add', a.replace(/^CAP_/i, ''));
  const autoLabel = h.Privileged || /^host$/i.test(h.PidMode ?? '') || /^host$/i.test(h.IpcMode ?? '');
  let skippedLabel = false;
  for (const o of h.SecurityOpt ?? []) {
    if (autoLabel && !skippedLabel && /^label[=:]disable$/i.test(o)) {
      skippedLabel = true; // Docker adds it itself for these modes.
      continue;
    }
    // An inline seccomp profile cannot be given back on a command line: point at a file instead.
    flag('--security-opt', /^seccomp[=:]\s*\{/i.test(o) ? 'seccomp=/path/to/profile.json' : o);
  }
  if (h.PidMode) flag('--pid', h.PidMode);
  if (h.NetworkMode && h.NetworkMode !== 'default' && h.NetworkMode !== 'bridge') flag('--network', h.NetworkMode);
  if (h.IpcMode && h.IpcMode !== 'private' && h.IpcMode !== 'shareable') flag('--ipc', h.IpcMode);
  if (h.UTSMode) flag('--uts', h.UTSMode);
  if (h.UsernsMode) flag('--userns', h.UsernsMode);
  if (h.CgroupnsMode === 'private') flag('--cgroupns', 'private');
  if (h.ReadonlyRootfs) flag('--read-only');
  for (const m of liveMounts(c)) {
    if (m.type === 'tmpfs') {
      const opts = m.options.join(',');
      flag('--tmpfs', opts ? `${m.target}:${opts}` : m.target);
    } else if (m.type === 'bind' && m.source) {
      const opts = [m.readOnly ? 'ro' : '', m.propagation && m.propagation !== 'rprivate' ? m.propagation : '', m.selinux ?? '']
        .filter(Boolean)
        .join(',');
      flag('-v', `${m.source}:${m.target}${opts ? `:${opts}` : ''}`);
    } else if (m.type === 'volume') {
      const named = m.source && !/^[0-9a-f]{64}$/.test(m.source);
      flag('-v', named ? `${m.source}:${m.target}${m.readOnly ? ':ro' : ''}` : m.target);
    }
  }
  for (const d of h.Devices ?? [])
    if (d.PathOnHost) flag('--device', `${d.PathOnHost}:${d.PathInContainer ?? d.PathOnHost}:${d.CgroupPermissions ?? 'rwm'}`);
  for (const [key, bindings] of Object.entries(h.PortBindings ?? {})) {
    for (const b of bindings ?? []) {
      const host = [b.HostIp, b.HostPort].filter((x) => x !== undefined && x !== '').join(':');
      flag('-p', host ? `${host}:${key.replace(/\/tcp$/, '')}` : key.replace(/\/tcp$/, ''));
    }
  }
  if (h.PublishAllPorts) flag('-P');
  for (const [k, v] of Object.entries(h.Sysctls ?? {})) flag('--sysctl', `${k}=${v}`);
  if (h.CgroupParent) flag('--cgroup-parent', h.CgroupParent);
  const rp = h.RestartPolicy;
  if (rp?.Name && rp.Name !== 'no')
    flag('--restart', rp.Name === 'on-failure' && rp.MaximumRetryCount ? `on-failure:${rp.MaximumRetryCount}` : rp.Name);
  if (h.Memory && h.Memory > 0) flag('--memory', size(h.Memory));
  if (h.MemorySwap && h.MemorySwap !== 0 && h.MemorySwap !== (h.Memory ?? 0) * 2)
    flag('--memory-swap', h.MemorySwap < 0 ? '-1' : size(h.MemorySwap));
  if (h.NanoCpus && h.NanoCpus > 0) flag('--cpus', `${h.NanoCpus / 1e9}`);
  if (h.CpuQuota && h.CpuQuota > 0) flag('--cpu-quota', `${h.CpuQuota}`);
  if (h.CpuPeriod && h.CpuPeriod > 0) flag('--cpu-period', `${h.CpuPeriod}`);
  if (h.CpuShares && h.CpuShares > 0) flag('--cpu-shares', `${h.CpuShares}`);
  if (h.CpusetCpus) flag('--cpuset-cpus', h.CpusetCpus);
  if (typeof h.PidsLimit === 'number' && h.PidsLimit > 0) flag('--pids-limit', `${h.PidsLimit}`);
  for (const u of h.Ulimits ?? [])
    if (u.Name) flag('--ulimit', `${u.Name}=${u.Soft ?? ''}${u.Hard !== undefined && u.Hard !== u.Soft ? `:${u.Hard}` : ''}`);
  const health = cfg.Healthcheck?.Test;
  if (health?.[0] === 'NONE') flag('--no-healthcheck');
  else if (health && health.length > 1 && JSON.stringify(health) !== JSON.stringify(image?.Config?.Healthcheck?.Test)) {
    flag('--health-cmd', health[0] === 'CMD-SHELL' ? health.slice(1).join(' ') : health.slice(1).join(' '));
  }
  if (h.LogConfig?.Type && h.LogConfig.Type !== 'json-file') flag('--log-driver', h.LogConfig.Type);
  const imageEnv = new Set(image?.Config?.Env ?? []);
  for (const e of cfg.Env ?? []) {
    const name = e.includes('=') ? e.slice(0, e.indexOf('=')) : e;
    // PATH, HOME and HOSTNAME come from the image or Docker; passing the caller's would break the container.
    if (!imageEnv.has(e) && !['PATH', 'HOME', 'HOSTNAME'].includes(name)) flag('-e', name);
  }
  words.push(cfg.Image ?? c.Image ?? 'IMAGE');
  const cmd = Array.isArray(cfg.Cmd) ? cfg.Cmd : cfg.Cmd ? [cfg.Cmd] : [];
  if (cmd.length > 0 && JSON.stringify(cmd) !== JSON.stringify(image?.Config?.Cmd ?? null)) words.push(...cmd);
  return `${cli} ${words.map(shellQuote).join(' ')}`;
}
