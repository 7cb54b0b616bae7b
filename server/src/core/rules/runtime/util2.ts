// Helpers for the runtime rules CT2014–CT2028 (pure core layer): how to name a setting in the
// syntax the spec came from, which values mean "no limit", port and user parsing, and the image
// reference split shared with the Dockerfile side.

import type { Origin, Port, RuntimeSpec, Val } from '../../model/runtime';
import { rangeOf } from '../../model/runtime';
import { t, type Localized, type Range } from '../../types';
import { splitImageRef } from '../../parse/dockerfile';

/** The name of a setting as the user wrote it: the Compose key for Compose, the flag otherwise. */
export function settingName(spec: RuntimeSpec, compose: string, flag: string): string {
  return spec.source === 'compose' ? compose : flag;
}

/** Where a finding about a value goes: the value itself when it has a source range, else the spec's anchor. */
export function at(spec: RuntimeSpec, origin: Origin | undefined): Range {
  return rangeOf(origin, spec.anchor);
}

/** Where a finding about something missing goes: the service key or the `docker run` words. */
export function atAnchor(spec: RuntimeSpec): Range {
  return rangeOf(spec.anchor);
}

/** A value that depends on interpolation (`${VAR}`): rules say nothing about it. */
export function isUnknown(v: { unknown?: boolean } | undefined): boolean {
  return !!v?.unknown;
}

/**
 * Resource values that Docker reads as "no limit": `0` in any unit (`0`, `0m`, `0.0`) and any
 * negative number (`-1`). Docker's own defaults are 0 for memory and cpus and 0/-1 for pids.
 */
export function meansUnlimited(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (/^-\d+(\.\d+)?$/.test(v)) return true;
  return /^0+(\.0+)?\s*([kmgt]i?)?b?$/.test(v);
}

/** The state of one resource setting: absent, present but "no limit", unknown, or a real limit. */
export type LimitState = 'absent' | 'unlimited' | 'unknown' | 'limited';

export function limitState(v: Val<string> | undefined): LimitState {
  if (!v) return 'absent';
  if (v.unknown) return 'unknown';
  return meansUnlimited(v.value) ? 'unlimited' : 'limited';
}

/** Is there a memory limit (or is it unknown)? */
export function hasMemoryLimit(spec: RuntimeSpec): boolean {
  const s = limitState(spec.resources.memory);
  return s === 'limited' || s === 'unknown';
}

/**
 * Is CPU use capped? `cpus` (CFS quota over the default period), `cpu_quota` and a `cpuset`
 * (the container may only run on the listed CPUs) each cap it; `cpu_shares` does not: shares are
 * a relative weight that only matters while CPUs are contended, so a container with any share
 * value may still use every idle CPU.
 */
export function hasCpuLimit(spec: RuntimeSpec): boolean {
  const r = spec.resources;
  const states = [limitState(r.cpus), limitState(r.cpuQuota)];
  if (r.cpuset && (r.cpuset.unknown || r.cpuset.value.trim() !== '')) states.push(r.cpuset.unknown ? 'unknown' : 'limited');
  return states.some((s) => s === 'limited' || s === 'unknown');
}

export function hasPidsLimit(spec: RuntimeSpec): boolean {
  const s = limitState(spec.resources.pidsLimit);
  return s === 'limited' || s === 'unknown';
}

/** The limits a spec lacks, in the order the fixer adds them. */
export function missingLimits(spec: RuntimeSpec): ('memory' | 'cpus' | 'pids')[] {
  const out: ('memory' | 'cpus' | 'pids')[] = [];
  if (!spec.resources.memory) out.push('memory');
  if (!spec.resources.cpus && !spec.resources.cpuQuota && !spec.resources.cpuset) out.push('cpus');
  if (!spec.resources.pidsLimit) out.push('pids');
  return out;
}

/** `[::1]` → `::1`; trims. */
export function normalizeHostIp(ip: string | undefined): string {
  const v = (ip ?? '').trim();
  return v.startsWith('[') && v.endsWith(']') ? v.slice(1, -1) : v;
}

/** Host IPs that mean "every interface": none given, `0.0.0.0`, `::` (also written `[::]`). */
export function isWildcardIp(ip: string | undefined): boolean {
  const v = normalizeHostIp(ip);
  return v === '' || v === '0.0.0.0' || v === '::' || v === '0:0:0:0:0:0:0:0';
}

/** The first port of `8080`, `8000-8010` or `8080/tcp`; undefined when it is not a number. */
export function firstPort(spec: string | undefined): number | undefined {
  if (spec === undefined) return undefined;
  const m = /^\s*(\d+)(?:\s*-\s*\d+)?\s*(?:\/\w+)?\s*$/.exec(spec);
  return m ? Number(m[1]) : undefined;
}

/** How a port mapping reads in a message, in both languages: `host port 8080 (container port 80/udp)`. */
export function describePort(p: Port): Localized {
  const proto = p.protocol && p.protocol !== 'tcp' ? `/${p.protocol}` : '';
  const fixed = p.hostPort && p.hostPort.trim() !== '';
  return t(
    `${fixed ? `host port ${p.hostPort}` : 'a random host port'} (container port ${p.containerPort}${proto})`,
    `${fixed ? `宿主机端口 ${p.hostPort}` : '一个随机的宿主机端口'}（容器端口 ${p.containerPort}${proto}）`,
  );
}

/** Does the container share the host's network stack (then ports are not published at all)? */
export function usesHostNetwork(spec: RuntimeSpec): boolean {
  const n = spec.namespaces.network;
  return !!n && !n.unknown && n.value.mode === 'host';
}

/** `root`, `0`, `0:0`, `root:staff`, `0:1000`: the user part names UID 0. */
export function isRootUser(user: string): boolean {
  const name = user.trim().split(':')[0].trim();
  return name === 'root' || /^0+$/.test(name);
}

/** `registry/repo:tag@digest` split the way Docker does (shared with the Dockerfile rules). */
export const splitImage = splitImageRef;

/**
 * The image a spec runs, split into its parts, when it is known and pulled: undefined for no
 * image, a value from a variable, and a Compose service that builds its image (its `image:` only
 * names the build result, whether or not its Dockerfile could be read).
 */
export function imageRefOf(spec: RuntimeSpec): (ReturnType<typeof splitImageRef> & { raw: string; origin: Origin }) | undefined {
  const img = spec.image;
  if (!img || img.unknown || hasInterpolation(img.value) || img.value.trim() === '') return undefined;
  // A live container's imageFacts come from a pulled image's config, not from a build.
  if (spec.builds) return undefined;
  return { ...splitImageRef(img.value.trim()), raw: img.value.trim(), origin: img.origin };
}

/** Text that still holds an interpolation (`${VAR}`, `$VAR`): its final value is unknown. */
export function hasInterpolation(value: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(value.replace(/\$\$/g, ''));
}

/** `a` or `an` before a word. */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}
