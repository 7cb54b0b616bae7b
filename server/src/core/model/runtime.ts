// RuntimeSpec: the isolation one container gets, whatever described it: a Compose service, a
// `docker run` line, or (later) a live container. Runtime rules read only this (pure core layer).

import type { Fix, Range, Text } from '../types';

/** Where a value came from: text in a file (with its exact range) or a live container's inspect data. */
export type Origin = { kind: 'source'; range: Range } | { kind: 'live'; field: string };

/** A value with its origin. `unknown` marks values that depend on interpolation (`${VAR}`): rules skip them. */
export interface Val<T> {
  value: T;
  origin: Origin;
  unknown?: boolean;
}

export type NamespaceKind = 'pid' | 'network' | 'ipc' | 'uts' | 'userns' | 'cgroupns';

/** `private` (the default), `host`, `container:<name>`, `service:<name>`, `none` (network), or another mode. */
export interface NamespaceMode {
  mode: 'private' | 'host' | 'container' | 'service' | 'none' | 'other';
  /** The joined container or service for container:/service: modes, or the raw mode for `other`. */
  target?: string;
  raw: string;
}

export interface SecurityOpt {
  kind: 'seccomp' | 'apparmor' | 'label' | 'no-new-privileges' | 'systempaths' | 'other';
  /** The option's value: a profile path or `unconfined` for seccomp/apparmor, `disable` or `type:…` for label, `true`/`false` for no-new-privileges. */
  value: string;
  raw: string;
  origin: Origin;
  unknown?: boolean;
  /** For `seccomp=<path>`: what is at the path, filled by analyze() (link/seccompLink.ts) when it can read files. */
  profile?: SeccompProfileLink;
}

/** A custom seccomp profile a container names, as found next to the file that names it. */
export interface SeccompProfileLink {
  /** The path as written. */
  path: string;
  exists: boolean;
  /** Calls it lets a container with Docker's default capabilities make that Docker's default profile refuses or restricts, escape-relevant ones first. */
  allowsBeyondDefault: string[];
  /** It allows every call it does not list (a deny-list), or is empty. */
  allowsByDefault: boolean;
  /** Problems that make Docker refuse it (broken JSON, invalid values), as messages. */
  errors: string[];
}

export interface Mount {
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image';
  /** Host path for binds, volume name for volumes, undefined for tmpfs and anonymous volumes. */
  source?: string;
  target: string;
  readOnly: boolean;
  propagation?: string;
  /** SELinux relabel option from `:z` / `:Z`. */
  selinux?: 'z' | 'Z';
  /** tmpfs/bind mount options as written (for tmpfs: exec, suid, size…). */
  options: string[];
  origin: Origin;
  /** The range of the source path itself, for precise findings. */
  sourceOrigin?: Origin;
  unknown?: boolean;
}

export interface Port {
  hostIp?: string;
  hostPort?: string;
  containerPort: string;
  protocol: string;
  origin: Origin;
  unknown?: boolean;
}

export interface Resources {
  memory?: Val<string>;
  memorySwap?: Val<string>;
  memoryReservation?: Val<string>;
  cpus?: Val<string>;
  cpuShares?: Val<string>;
  cpuQuota?: Val<string>;
  cpuset?: Val<string>;
  pidsLimit?: Val<string>;
  ulimits: { name: string; soft?: string; hard?: string; origin: Origin }[];
}

/** What the image itself says, when the spec links to a Dockerfile (Compose `build:`) or a live image. */
export interface ImageFacts {
  /** The image's final USER, if it sets one; undefined when it sets none (root). */
  user?: string;
  userIsRoot?: boolean;
  hasHealthcheck: boolean;
  /** Where this came from, e.g. `api/Dockerfile:14` or `image config`. */
  describedBy: string;
}

/** A quick fix a fixer makes: like a Fix, but its title may be written in both languages (t(en, zh)). */
export type RuntimeFix = Omit<Fix, 'title'> & { title: Text };

/**
 * Source-specific edits the runtime rules can ask for. Each input kind implements the ones its
 * syntax allows; a rule offers a fix only when the method exists and returns one.
 */
export interface RuntimeFixer {
  addCapDropAll?(): RuntimeFix | undefined;
  addNoNewPrivileges?(): RuntimeFix | undefined;
  addReadOnly?(): RuntimeFix | undefined;
  addLimits?(which: ('memory' | 'cpus' | 'pids')[]): RuntimeFix | undefined;
  setUser?(user: string): RuntimeFix | undefined;
  bindPortToLocalhost?(port: Port): RuntimeFix | undefined;
  removePrivileged?(): RuntimeFix | undefined;
  removeValue?(origin: Origin, title: Text): RuntimeFix | undefined;
}

export interface RuntimeSpec {
  /** Where the description lives, for messages: `service "web"`, `docker run nginx`, `container web-1`. */
  label: string;
  source: 'compose' | 'docker-run' | 'live';
  /** Where findings about something missing are reported (the service's key, the `docker run` words). */
  anchor: Origin;
  image?: Val<string>;
  /** Set when the container's image is built from source (Compose `build:`), whether or not the Dockerfile could be read. */
  builds?: Origin;
  imageFacts?: ImageFacts;
  user?: Val<string>;
  privileged?: Val<boolean>;
  capAdd: Val<string>[];
  capDrop: Val<string>[];
  securityOpt: SecurityOpt[];
  namespaces: Partial<Record<NamespaceKind, Val<NamespaceMode>>>;
  resources: Resources;
  readOnly?: Val<boolean>;
  mounts: Mount[];
  devices: Val<string>[];
  ports: Port[];
  sysctls: { name: string; value: string; origin: Origin }[];
  cgroupParent?: Val<string>;
  restart?: Val<string>;
  healthcheckDisabled?: Val<boolean>;
  hasHealthcheck?: boolean;
  env: { name: string; value?: string; origin: Origin; unknown?: boolean }[];
  logDriver?: Val<string>;
  fixer?: RuntimeFixer;
  /**
   * The spec shows only part of the container's settings: `docker compose run` overrides a Compose
   * service defined elsewhere, `docker run $OPTS …` hides options behind an expansion, or the line
   * could not be read to the end. Rules should report what is set, never what seems missing.
   */
  partial?: boolean;
}

export function emptySpec(label: string, source: RuntimeSpec['source'], anchor: Origin): RuntimeSpec {
  return {
    label,
    source,
    anchor,
    capAdd: [],
    capDrop: [],
    securityOpt: [],
    namespaces: {},
    resources: { ulimits: [] },
    mounts: [],
    devices: [],
    ports: [],
    sysctls: [],
    env: [],
  };
}

/** The range a finding about this origin is reported at; live origins fall back to the anchor or the file start. */
export function rangeOf(origin: Origin | undefined, fallback?: Origin): Range {
  if (origin?.kind === 'source') return origin.range;
  if (fallback?.kind === 'source') return fallback.range;
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** Parses `host`, `container:x`, `service:x`, `none`, `private`, `""` into a NamespaceMode. */
export function parseNamespaceMode(raw: string): NamespaceMode {
  const v = raw.trim();
  const lower = v.toLowerCase();
  if (lower === '' || lower === 'private' || lower === 'default' || lower === 'bridge') return { mode: 'private', raw: v };
  if (lower === 'host') return { mode: 'host', raw: v };
  if (lower === 'none') return { mode: 'none', raw: v };
  if (lower.startsWith('container:')) return { mode: 'container', target: v.slice(10), raw: v };
  if (lower.startsWith('service:')) return { mode: 'service', target: v.slice(8), raw: v };
  return { mode: 'other', target: v, raw: v };
}

/**
 * Parses one `security_opt` / `--security-opt` entry. Docker accepts both `key=value` and the
 * older `key:value` separators (`seccomp:unconfined`, `label:disable`).
 */
export function parseSecurityOpt(raw: string, origin: Origin, unknown = false): SecurityOpt {
  const v = raw.trim();
  if (/^no-new-privileges$/i.test(v)) return { kind: 'no-new-privileges', value: 'true', raw: v, origin, unknown };
  const m = /^([a-z-]+)[=:](.*)$/i.exec(v);
  if (!m) return { kind: 'other', value: v, raw: v, origin, unknown };
  const key = m[1].toLowerCase();
  const value = m[2];
  const kind: SecurityOpt['kind'] =
    key === 'seccomp'
      ? 'seccomp'
      : key === 'apparmor'
        ? 'apparmor'
        : key === 'label'
          ? 'label'
          : key === 'no-new-privileges'
            ? 'no-new-privileges'
            : key === 'systempaths'
              ? 'systempaths'
              : 'other';
  return { kind, value, raw: v, origin, unknown };
}
