// Builds the report types of report.ts from what the engine and the kernel said (engine layer,
// no I/O here: inspect JSON, `docker info`, the image config and an optional kernel view in,
// ContainerReport out). Findings come from the same runtime rules as Compose and `docker run`.
// The report's texts for people (labels, notes, limits) are in the rules' locale; its keys and
// enumerated values are not.

import { analyzeRuntime, type AnalyzeOptions } from '../core/analyze';
import { DOCKER_DEFAULT_CAPS, effectiveCaps, normalizeCap, ALL_CAPS } from '../core/model/capabilities';
import { emptySpec, type Mount, type RuntimeSpec } from '../core/model/runtime';
import { ruleById } from '../core/rules/registry';
import { docUrl } from '../core/rules/rule';
import { inLocale, t, type Finding, type Locale } from '../core/types';
import { shellQuote, type Connection } from './client';
import { decodeCaps, parseStatus, type KernelView, type NsName, type ProcStatus } from './proc';
import type { RawContainer, RawImage, RawInfo } from './raw';
import type {
  CapabilityFacts,
  ContainerReport,
  ContainerSummary,
  EngineFacts,
  Evidence,
  LimitFact,
  LsmFacts,
  MountFact,
  NamespaceFact,
  NoNewPrivilegesFact,
  PortFact,
  ReportFinding,
  SeccompFact,
  Severity,
  UserFact,
} from './report';
import { containerName, liveMounts, liveSpec } from './toSpec';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function worstOf(severities: Severity[]): Severity | 'none' {
  let worst: Severity | 'none' = 'none';
  for (const s of severities) if (worst === 'none' || SEVERITY_RANK[s] > SEVERITY_RANK[worst]) worst = s;
  return worst;
}

/** Decodes `docker info` (or `podman info`) into EngineFacts. */
export function engineFacts(conn: Connection, info: RawInfo | undefined): EngineFacts {
  const raw = info?.SecurityOptions ?? [];
  const entries = raw.map((e) => Object.fromEntries(e.split(',').map((kv) => kv.split('=') as [string, string])));
  const has = (n: string) => entries.some((e) => e.name === n);
  const seccompEntry = entries.find((e) => e.name === 'seccomp');
  const p = info?.host?.security;
  const facts: EngineFacts = {
    kind: conn.kind,
    access: conn.access,
    endpoint: conn.endpoint,
    cli: conn.cli,
    security: p
      ? {
          seccomp: !!p.seccompEnabled,
          seccompProfile: p.seccompProfilePath,
          apparmor: !!p.apparmorEnabled,
          selinux: !!p.selinuxEnabled,
          userns: false,
          rootless: !!p.rootless,
          cgroupns: info?.host?.cgroupVersion === 'v2',
          raw: [],
        }
      : {
          seccomp: !!seccompEntry,
          seccompProfile: seccompEntry?.profile,
          apparmor: has('apparmor'),
          selinux: has('selinux'),
          userns: has('userns'),
          rootless: has('rootless'),
          cgroupns: has('cgroupns'),
          raw,
        },
    warnings: info?.Warnings ?? [],
    local: conn.local,
    evidence: [
      { source: 'info', command: `${conn.cli} info --format '{{json .SecurityOptions}}'` },
      ...(conn.kind === 'docker' ? [{ source: 'info' as const, command: 'docker context ls' }] : []),
    ],
  };
  if (conn.cliPath) facts.cliPath = conn.cliPath;
  if (conn.context) facts.context = conn.context;
  const version = info?.ServerVersion ?? info?.version?.Version;
  if (version) facts.serverVersion = version;
  if (info?.version?.APIVersion) facts.apiVersion = info.version.APIVersion;
  const os = info?.OperatingSystem ?? info?.host?.os;
  if (os) facts.os = os;
  const kernel = info?.KernelVersion ?? info?.host?.kernel;
  if (kernel) facts.kernelVersion = kernel;
  const cg = info?.CgroupVersion ?? info?.host?.cgroupVersion?.replace(/^v/, '');
  if (cg === '1' || cg === '2') facts.cgroupVersion = cg;
  const driver = info?.CgroupDriver ?? info?.host?.cgroupManager;
  if (driver) facts.cgroupDriver = driver;
  if (info?.DefaultRuntime) facts.defaultRuntime = info.DefaultRuntime;
  if (info?.LoggingDriver) facts.loggingDriver = info.LoggingDriver;
  return facts;
}

/** How the rules run: configured severities and the language of messages and rule texts. */
export type RuleOptions = Pick<AnalyzeOptions, 'severities' | 'locale'>;

function toReportFinding(f: Finding, locale?: Locale): ReportFinding {
  const rule = ruleById(f.ruleId);
  const out: ReportFinding = { ruleId: f.ruleId, severity: f.severity, message: f.message };
  if (rule) {
    const zh = locale === 'zh-CN' ? rule.meta.zh : undefined;
    out.ruleName = rule.meta.name;
    out.title = zh?.title ?? rule.meta.title;
    out.remediation = zh?.remediation ?? rule.meta.remediation;
    out.docsUrl = docUrl(rule.meta.id);
  }
  return out;
}

/** Orders findings most severe first, then by rule id, for people. */
function sortFindings(f: ReportFinding[]): ReportFinding[] {
  return f.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.ruleId.localeCompare(b.ruleId));
}

export interface BuildInput {
  container: RawContainer;
  engine: EngineFacts;
  /** From `docker ps` (the human status such as `Up 5 minutes`), when listed first. */
  status?: string;
  image?: RawImage;
  /** The kernel's view when the container runs on this machine. */
  kernel?: KernelView;
  /** Why the kernel view is or is not there. */
  kernelHow: string;
  /** /proc/1/status read with `docker exec`, when the user asked for the probe. */
  execStatus?: string;
  rules?: RuleOptions;
  notes?: string[];
}

/** The findings of one container (the Containers view needs only these). */
export function findingsOf(c: RawContainer, engine: EngineFacts, image?: RawImage, rules: RuleOptions = {}) {
  const notes: string[] = [];
  const spec = liveSpec(c, { cgroupVersion: engine.cgroupVersion, image, locale: rules.locale }, { notes });
  const findings = sortFindings(analyzeRuntime(spec, rules).map((f) => toReportFinding(f, rules.locale)));
  return { spec, findings, notes };
}

function statusText(c: RawContainer): string {
  const s = c.State;
  if (!s) return '';
  if (s.Running) return `Up since ${s.StartedAt ?? '?'}`;
  return `${s.Status ?? 'unknown'}${typeof s.ExitCode === 'number' && s.Status === 'exited' ? ` (${s.ExitCode})` : ''}`;
}

export function summaryOf(c: RawContainer, findings: ReportFinding[], status?: string): ContainerSummary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    id: c.Id,
    shortId: c.Id.slice(0, 12),
    name: containerName(c),
    image: c.Config?.Image ?? c.Image ?? '',
    state: c.State?.Status ?? 'unknown',
    status: status ?? statusText(c),
    worstSeverity: worstOf(findings.map((f) => f.severity)),
    findingCount: findings.length,
    counts,
  };
}

const NS_FIELDS: Record<NsName, { field?: string; label: ReturnType<typeof t> }> = {
  pid: { field: 'PidMode', label: t('PID', 'PID') },
  net: { field: 'NetworkMode', label: t('network', '网络') },
  ipc: { field: 'IpcMode', label: t('IPC', 'IPC') },
  uts: { field: 'UTSMode', label: t('UTS (hostname)', 'UTS（主机名）') },
  user: { field: 'UsernsMode', label: t('user', '用户') },
  cgroup: { field: 'CgroupnsMode', label: t('cgroup', 'cgroup') },
  mnt: { label: t('mount', '挂载') },
};

const COMPUTED_NOTE = t(
  "Computed from the container's settings (Docker's default 14, minus drops, plus adds); the kernel's masks were not read.",
  '根据容器的设置推算（Docker 默认的 14 个，减去 --cap-drop，加上 --cap-add）；没有读取内核的掩码。',
);
const NOT_ROOT_EMPTY_NOTE = t(
  ' The user is not root, so processes start with an empty effective set unless a program has file capabilities.',
  '用户不是 root，因此除非程序带有文件 capability，进程启动时 effective set 为空。',
);
const CGROUP_V1_NOTE = t("Docker's default on cgroup v1.", '这是 Docker 在 cgroup v1 上的默认设置。');

/** How a namespace mode reads, with what Docker's empty default means for the user and cgroup namespaces. */
function modeKindOf(
  ns: NsName,
  raw: string,
  engine: EngineFacts,
  locale: Locale,
): { kind: NamespaceFact['modeKind']; target?: string; note?: string } {
  const say = (en: string, zh: string) => inLocale(t(en, zh), locale);
  const v = raw.trim();
  const lower = v.toLowerCase();
  if (ns === 'mnt') return { kind: 'private' };
  if (lower === 'host') return { kind: 'host' };
  if (lower.startsWith('container:')) return { kind: 'container', target: v.slice('container:'.length) };
  if (lower === 'none') return { kind: 'none' };
  if (ns === 'user' && (lower === '' || lower === 'private')) {
    if (engine.security.userns)
      return {
        kind: 'private',
        note: say(
          'The daemon remaps users (userns-remap), so the container has its own user namespace.',
          '守护进程会重映射用户（userns-remap），因此容器有自己的 user namespace。',
        ),
      };
    if (engine.security.rootless)
      return {
        kind: 'private',
        note: say(
          "A rootless engine runs every container in the engine's own user namespace.",
          'rootless 引擎把每个容器都运行在引擎自己的 user namespace 中。',
        ),
      };
    return {
      kind: 'host',
      note: say(
        "Docker's default without userns-remap: the container has no user namespace of its own, so UID 0 inside is UID 0 on the host.",
        '这是 Docker 未启用 userns-remap 时的默认设置：容器没有自己的 user namespace，因此容器内的 UID 0 就是宿主机上的 UID 0。',
      ),
    };
  }
  if (ns === 'cgroup' && lower === '') {
    return engine.cgroupVersion === '1'
      ? { kind: 'host', note: inLocale(CGROUP_V1_NOTE, locale) }
      : engine.cgroupVersion === '2'
        ? { kind: 'private' }
        : { kind: 'other' };
  }
  if (ns === 'cgroup' && lower === 'host' && engine.cgroupVersion === '1') return { kind: 'host', note: inLocale(CGROUP_V1_NOTE, locale) };
  // Network names (bridge, default, user-defined networks), IPC private/shareable and empty modes.
  return { kind: 'private' };
}

function namespaces(c: RawContainer, engine: EngineFacts, name: string, kernel: KernelView | undefined, locale: Locale): NamespaceFact[] {
  const say = (en: string, zh: string) => inLocale(t(en, zh), locale);
  const h = c.HostConfig ?? {};
  const cli = engine.cli;
  const out: NamespaceFact[] = [];
  for (const ns of Object.keys(NS_FIELDS) as NsName[]) {
    const meta = NS_FIELDS[ns];
    const value = meta.field ? (h as Record<string, unknown>)[meta.field] : undefined;
    const raw = typeof value === 'string' ? value : '';
    const mk = modeKindOf(ns, raw, engine, locale);
    const evidence: Evidence[] = [];
    if (meta.field) evidence.push({ source: 'inspect', command: `${cli} inspect -f '{{.HostConfig.${meta.field}}}' ${name}` });
    const fact: NamespaceFact = {
      name: ns,
      label: inLocale(meta.label, locale),
      mode: meta.field ? raw : 'n/a',
      modeKind: mk.kind,
      sharedWithHost: 'unknown',
      basis: 'mode',
      evidence,
    };
    if (mk.target) fact.target = mk.target;
    const notes: string[] = mk.note ? [mk.note] : [];
    const k = kernel?.ns[ns];
    if (k?.inode !== undefined && k.self !== undefined) {
      fact.inode = k.inode;
      fact.selfInode = k.self;
      fact.basis = 'inode';
      evidence.push({ source: 'proc', command: `readlink /proc/${kernel?.pid}/ns/${ns} /proc/self/ns/${ns}` });
      if (k.inode === k.self) {
        fact.sharedWithHost = 'yes';
        if (mk.kind !== 'host')
          notes.push(
            say(
              "The kernel shows the same namespace as Containment's own, whatever the mode says.",
              '无论模式怎么写，内核显示它与 Containment 自己所在的 namespace 相同。',
            ),
          );
      } else if (mk.kind === 'host') {
        fact.sharedWithHost = 'yes';
        notes.push(
          say(
            'The mode is host, but Containment itself runs in another namespace of this kind (inside a container?), so the inodes differ.',
            '模式是 host，但 Containment 自己运行在另一个同类 namespace 中（也许在容器里？），所以 inode 不同。',
          ),
        );
      } else fact.sharedWithHost = 'no';
    } else {
      fact.sharedWithHost = mk.kind === 'host' ? 'yes' : mk.kind === 'other' ? 'unknown' : 'no';
      if (kernel) evidence.push({ source: 'proc', command: `ls -l /proc/${kernel.pid}/ns` });
    }
    if (mk.kind === 'container' && mk.target) notes.push(say(`Shared with container ${mk.target}.`, `与容器 ${mk.target} 共享。`));
    if (notes.length) fact.note = notes.join(locale === 'zh-CN' ? '' : ' ');
    out.push(fact);
  }
  return out;
}

function capabilities(
  c: RawContainer,
  name: string,
  engine: EngineFacts,
  status: ProcStatus | undefined,
  statusSource: 'proc' | 'exec',
  pid: number,
  rootUser: boolean | 'unknown',
  locale: Locale,
): CapabilityFacts {
  const h = c.HostConfig ?? {};
  const configured = { add: (h.CapAdd ?? []).map(normalizeCap), drop: (h.CapDrop ?? []).map(normalizeCap), privileged: !!h.Privileged };
  const def = [...DOCKER_DEFAULT_CAPS] as string[];
  const evidence: Evidence[] = [
    {
      source: 'inspect',
      command: `${engine.cli} inspect -f '{{.HostConfig.CapAdd}} {{.HostConfig.CapDrop}} {{.HostConfig.Privileged}}' ${name}`,
    },
  ];
  let facts: CapabilityFacts;
  if (status?.capEff !== undefined && status.capBnd !== undefined) {
    const bounding = decodeCaps(status.capBnd);
    facts = {
      source: statusSource,
      effective: decodeCaps(status.capEff),
      permitted: status.capPrm !== undefined ? decodeCaps(status.capPrm) : undefined,
      bounding,
      masks: { effective: status.capEff, permitted: status.capPrm ?? '', bounding: status.capBnd },
      dockerDefault: def,
      added: bounding.filter((x) => !def.includes(x)),
      dropped: def.filter((x) => !bounding.includes(x)),
      configured,
      evidence,
    };
    evidence.push(
      statusSource === 'proc'
        ? { source: 'proc', command: `grep -E '^Cap(Eff|Prm|Bnd)' /proc/${pid}/status` }
        : { source: 'exec', command: `${engine.cli} exec ${name} grep Cap /proc/1/status` },
      { source: statusSource, command: `capsh --decode=${status.capBnd}` },
    );
    if (facts.effective.length < bounding.length && !rootUser) {
      facts.note = inLocale(
        t(
          'The user is not root, so the kernel clears the effective set at exec; the bounding set is what a setuid or file-capability program could still gain.',
          '用户不是 root，因此内核在 exec 时清空 effective set；bounding set 是 setuid 程序或带文件 capability 的程序仍可能获得的部分。',
        ),
        locale,
      );
    }
  } else {
    const podmanEff = c.EffectiveCaps?.map(normalizeCap);
    const podmanBnd = c.BoundingCaps?.map(normalizeCap);
    const set = podmanBnd ?? [...effectiveCaps(configured.add, configured.drop, configured.privileged)];
    const order = (xs: string[]) => (ALL_CAPS as readonly string[]).filter((x) => xs.includes(x));
    const bounding = order(set);
    facts = {
      source: 'inspect',
      effective: order(podmanEff ?? set),
      bounding,
      dockerDefault: def,
      added: bounding.filter((x) => !def.includes(x)),
      dropped: def.filter((x) => !bounding.includes(x)),
      configured,
      note: inLocale(COMPUTED_NOTE, locale),
      evidence,
    };
    if (rootUser === false) facts.note += inLocale(NOT_ROOT_EMPTY_NOTE, locale);
  }
  return facts;
}

/** A one-line description of an inline seccomp profile; never the whole JSON. */
function describeProfile(value: string, locale: Locale): string {
  const v = value.trim();
  if (!v.startsWith('{')) return inLocale(t(`profile ${v}`, `配置文件 ${v}`), locale);
  try {
    const p = JSON.parse(v) as { defaultAction?: string; syscalls?: unknown[] };
    const action = p.defaultAction ?? '?';
    const n = Array.isArray(p.syscalls) ? p.syscalls.length : 0;
    return inLocale(
      t(`custom profile: defaultAction ${action}, ${n} syscall rules`, `自定义配置文件：defaultAction ${action}，${n} 条 syscalls 规则`),
      locale,
    );
  } catch {
    return inLocale(
      t(`custom profile (${v.length} characters, not valid JSON)`, `自定义配置文件（${v.length} 个字符，不是有效的 JSON）`),
      locale,
    );
  }
}

function seccomp(
  c: RawContainer,
  spec: RuntimeSpec,
  engine: EngineFacts,
  name: string,
  status: ProcStatus | undefined,
  statusSource: FactSource2,
  pid: number,
  locale: Locale,
): SeccompFact {
  const opts = spec.securityOpt.filter((o) => o.kind === 'seccomp');
  const last = opts[opts.length - 1];
  const evidence: Evidence[] = [{ source: 'inspect', command: `${engine.cli} inspect -f '{{.HostConfig.SecurityOpt}}' ${name}` }];
  let profile: SeccompFact['profile'];
  let detail: string | undefined;
  if (last && last.value.trim().toLowerCase() === 'unconfined') profile = 'unconfined';
  else if (last) {
    profile = 'custom';
    detail = describeProfile(last.value, locale);
  } else if (c.HostConfig?.Privileged) profile = 'unconfined';
  else profile = engine.security.seccomp || engine.serverVersion === undefined ? 'default' : 'unknown';
  const fact: SeccompFact = { state: 'unknown', profile, source: 'inspect', evidence };
  if (detail) fact.profileDetail = detail;
  if (status?.seccomp !== undefined) {
    fact.kernelMode = status.seccomp;
    fact.state = status.seccomp === 2 ? 'filter' : status.seccomp === 1 ? 'strict' : 'disabled';
    fact.source = statusSource;
    evidence.push(
      statusSource === 'proc'
        ? { source: 'proc', command: `grep Seccomp /proc/${pid}/status` }
        : { source: 'exec', command: `${engine.cli} exec ${name} grep Seccomp /proc/1/status` },
    );
  } else if (!engine.security.seccomp && engine.serverVersion !== undefined && profile !== 'unconfined') {
    // `docker info` was read and lists no seccomp: the daemon was built or runs without it.
    fact.state = 'not-available';
  } else fact.state = profile === 'unconfined' ? 'disabled' : profile === 'unknown' ? 'unknown' : 'filter';
  return fact;
}

type FactSource2 = 'proc' | 'exec';

function noNewPrivileges(
  spec: RuntimeSpec,
  engine: EngineFacts,
  name: string,
  status: ProcStatus | undefined,
  statusSource: FactSource2,
  pid: number,
): NoNewPrivilegesFact {
  const opts = spec.securityOpt.filter((o) => o.kind === 'no-new-privileges');
  const last = opts[opts.length - 1];
  const configured = last ? !/^(false|0|no)$/i.test(last.value.trim()) : false;
  const evidence: Evidence[] = [{ source: 'inspect', command: `${engine.cli} inspect -f '{{.HostConfig.SecurityOpt}}' ${name}` }];
  if (status?.noNewPrivs !== undefined) {
    evidence.push(
      statusSource === 'proc'
        ? { source: 'proc', command: `grep NoNewPrivs /proc/${pid}/status` }
        : { source: 'exec', command: `${engine.cli} exec ${name} grep NoNewPrivs /proc/1/status` },
    );
    return { enabled: status.noNewPrivs === 1, kernel: status.noNewPrivs, source: statusSource, evidence };
  }
  return { enabled: configured, source: 'inspect', evidence };
}

function lsm(c: RawContainer, spec: RuntimeSpec, engine: EngineFacts, name: string): LsmFacts {
  const aa = (c.AppArmorProfile ?? '').trim();
  const label = (c.ProcessLabel ?? '').trim();
  const disabled =
    spec.securityOpt.some((o) => o.kind === 'label' && o.value.trim().toLowerCase() === 'disable') || !!c.HostConfig?.Privileged;
  const apparmor: LsmFacts['apparmor'] = {
    // An empty profile on a kernel without AppArmor means "not available", not "unconfined".
    state: !engine.security.apparmor ? 'not-available' : aa === '' || aa === 'unconfined' ? 'unconfined' : 'enforced',
    evidence: [{ source: 'inspect', command: `${engine.cli} inspect -f '{{.AppArmorProfile}}' ${name}` }],
  };
  if (aa) apparmor.profile = aa;
  const selinux: LsmFacts['selinux'] = {
    state: !engine.security.selinux
      ? 'not-available'
      : disabled || /:spc_t:|unconfined_t/.test(label)
        ? 'disabled'
        : label
          ? 'confined'
          : 'unknown',
    evidence: [{ source: 'inspect', command: `${engine.cli} inspect -f '{{.ProcessLabel}}' ${name}` }],
  };
  if (label) selinux.label = label;
  return { apparmor, selinux };
}

/** Root by the configured user's name when the kernel was not asked: '' and `root`/`0` are root, other numbers are not. */
function rootByName(user: string): boolean | 'unknown' {
  const u = user.trim().split(':')[0];
  if (u === '' || u === 'root' || /^0+$/.test(u)) return true;
  if (/^\d+$/.test(u)) return false;
  return 'unknown';
}

function userFact(
  c: RawContainer,
  engine: EngineFacts,
  name: string,
  image: RawImage | undefined,
  status: ProcStatus | undefined,
  statusSource: FactSource2,
  pid: number,
  userNs: NamespaceFact | undefined,
): UserFact {
  const configured = c.Config?.User ?? '';
  const evidence: Evidence[] = [{ source: 'inspect', command: `${engine.cli} inspect -f '{{.Config.User}}' ${name}` }];
  const fact: UserFact = { configured, root: rootByName(configured), rootOnHost: 'unknown', source: 'inspect', evidence };
  if (image?.Config) {
    fact.imageUser = image.Config.User ?? '';
    evidence.push({
      source: 'image',
      command: `${engine.cli} image inspect -f '{{.Config.User}}' ${shellQuote(c.Config?.Image ?? c.Image ?? '')}`,
    });
  }
  if (status?.uid?.length) {
    fact.uid = status.uid[0];
    if (status.gid?.length) fact.gid = status.gid[0];
    fact.root = status.uid[0] === 0 || status.uid[1] === 0;
    fact.source = statusSource;
    evidence.push(
      statusSource === 'proc'
        ? { source: 'proc', command: `grep -E '^(Uid|Gid)' /proc/${pid}/status` }
        : { source: 'exec', command: `${engine.cli} exec ${name} id` },
    );
  }
  if (fact.root === true) fact.rootOnHost = userNs?.sharedWithHost === 'yes' ? true : userNs?.sharedWithHost === 'no' ? false : 'unknown';
  else if (fact.root === false) fact.rootOnHost = false;
  return fact;
}

export function formatBytes(n: number, locale: Locale = 'en'): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? inLocale(t(`${n} bytes`, `${n} 字节`), locale) : `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]}`;
}

function limits(c: RawContainer, engine: EngineFacts, name: string, kernel: KernelView | undefined, locale: Locale): LimitFact[] {
  const unlimited = inLocale(t('unlimited', '无限制'), locale);
  const bytes = (n: number) => formatBytes(n, locale);
  const cpusText = (n: number) => inLocale(t(`${+n.toFixed(3)} CPUs`, `${+n.toFixed(3)} 个 CPU`), locale);
  const h = c.HostConfig ?? {};
  const cg = kernel?.cgroups;
  const insp = (field: string): Evidence => ({ source: 'inspect', command: `${engine.cli} inspect -f '{{.HostConfig.${field}}}' ${name}` });
  const file = (f: string): Evidence => ({ source: 'cgroup', command: `cat ${shellQuote(f)}` });
  const out: LimitFact[] = [];

  if (cg?.memory) {
    const m = cg.memory;
    const fact: LimitFact = {
      resource: 'memory',
      limit: m.limit,
      unit: 'bytes',
      text: m.limit === null ? unlimited : bytes(m.limit),
      source: 'cgroup',
      file: m.file,
      evidence: [file(m.file), insp('Memory')],
    };
    if (m.usage !== undefined) {
      fact.usage = m.usage;
      fact.usageText = bytes(m.usage);
      if (m.usageFile) fact.evidence.push(file(m.usageFile));
    }
    out.push(fact);
  } else {
    const mem = h.Memory && h.Memory > 0 ? h.Memory : null;
    out.push({
      resource: 'memory',
      limit: mem,
      unit: 'bytes',
      text: mem === null ? unlimited : bytes(mem),
      source: 'inspect',
      evidence: [insp('Memory')],
    });
  }
  const swap = cg?.memorySwap ? cg.memorySwap.limit : h.MemorySwap && h.MemorySwap > 0 ? h.MemorySwap : null;
  if (swap !== null) {
    out.push({
      resource: 'memory+swap',
      limit: swap,
      unit: 'bytes',
      text: bytes(swap),
      source: cg?.memorySwap ? 'cgroup' : 'inspect',
      ...(cg?.memorySwap ? { file: cg.memorySwap.file } : {}),
      evidence: [...(cg?.memorySwap ? [file(cg.memorySwap.file)] : []), insp('MemorySwap')],
    });
  }
  if (cg?.cpu) {
    const cpus = cg.cpu.quota === null || cg.cpu.quota <= 0 ? null : cg.cpu.quota / cg.cpu.period;
    out.push({
      resource: 'cpu',
      limit: cpus,
      unit: 'cpus',
      text: cpus === null ? unlimited : cpusText(cpus),
      source: 'cgroup',
      file: cg.cpu.file,
      evidence: [file(cg.cpu.file), insp('NanoCpus')],
    });
  } else {
    const cpus =
      h.NanoCpus && h.NanoCpus > 0 ? h.NanoCpus / 1e9 : h.CpuQuota && h.CpuQuota > 0 ? h.CpuQuota / (h.CpuPeriod || 100000) : null;
    out.push({
      resource: 'cpu',
      limit: cpus,
      unit: 'cpus',
      text: cpus === null ? unlimited : cpusText(cpus),
      source: 'inspect',
      evidence: [insp('NanoCpus'), insp('CpuQuota')],
    });
  }
  if (h.CpuShares && h.CpuShares > 0) {
    out.push({
      resource: 'cpu-shares',
      limit: h.CpuShares,
      unit: 'shares',
      text: inLocale(t(`${h.CpuShares} (relative weight, not a cap)`, `${h.CpuShares}（相对权重，不是上限）`), locale),
      source: 'inspect',
      evidence: [insp('CpuShares')],
    });
  }
  if (h.CpusetCpus) {
    out.push({ resource: 'cpuset', limit: null, unit: 'cpus-list', text: h.CpusetCpus, source: 'inspect', evidence: [insp('CpusetCpus')] });
  }
  if (cg?.pids) {
    const p = cg.pids;
    const fact: LimitFact = {
      resource: 'pids',
      limit: p.limit,
      unit: 'pids',
      text: p.limit === null ? unlimited : String(p.limit),
      source: 'cgroup',
      file: p.file,
      evidence: [file(p.file), insp('PidsLimit')],
    };
    if (p.current !== undefined) {
      fact.usage = p.current;
      fact.usageText = String(p.current);
      if (p.currentFile) fact.evidence.push(file(p.currentFile));
    }
    out.push(fact);
  } else {
    const pids = typeof h.PidsLimit === 'number' && h.PidsLimit > 0 ? h.PidsLimit : null;
    out.push({
      resource: 'pids',
      limit: pids,
      unit: 'pids',
      text: pids === null ? unlimited : String(pids),
      source: 'inspect',
      evidence: [insp('PidsLimit')],
    });
  }
  return out;
}

const MOUNT_RULES = ['CT2008', 'CT2009', 'CT2010', 'CT2026'];

/** A mount is flagged when a mount rule fires on a spec that holds only that mount. */
function mountFacts(c: RawContainer, label: string, rules: RuleOptions = {}): MountFact[] {
  return liveMounts(c).map((m: Mount) => {
    const fact: MountFact = { type: m.type, source: m.source ?? '', destination: m.target, readOnly: m.readOnly };
    if (m.propagation) fact.propagation = m.propagation;
    const probe = emptySpec(label, 'live', { kind: 'live', field: 'Mounts' });
    probe.mounts.push(m);
    // Only the mount rules matter here; the rest report what the empty probe lacks.
    const hits = analyzeRuntime(probe, rules).filter((f) => MOUNT_RULES.includes(f.ruleId));
    const worst = hits.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity])[0];
    if (worst) fact.sensitive = { ruleId: worst.ruleId, severity: worst.severity, reason: worst.message };
    return fact;
  });
}

function ports(c: RawContainer): PortFact[] {
  const out: PortFact[] = [];
  const actual = c.NetworkSettings?.Ports;
  const source = actual && Object.keys(actual).length > 0 ? actual : (c.HostConfig?.PortBindings ?? {});
  for (const [key, bindings] of Object.entries(source ?? {})) {
    const [port, protocol = 'tcp'] = key.split('/');
    if (!bindings || bindings.length === 0) {
      out.push({ containerPort: port, protocol });
      continue;
    }
    for (const b of bindings) {
      const p: PortFact = { containerPort: port, protocol };
      if (b.HostIp !== undefined) p.hostIp = b.HostIp;
      if (b.HostPort !== undefined) p.hostPort = b.HostPort;
      out.push(p);
    }
  }
  return out;
}

/** Assembles one container's report. */
export function buildReport(input: BuildInput): ContainerReport {
  const { container: c, engine, kernel, image } = input;
  const name = containerName(c);
  const qname = shellQuote(name);
  const { spec, findings, notes } = findingsOf(c, engine, image, input.rules);
  const locale = input.rules?.locale ?? 'en';
  const allNotes = [...(input.notes ?? []), ...notes];
  const pid = c.State?.Pid ?? 0;

  let status: ProcStatus | undefined = kernel?.status;
  let statusSource: FactSource2 = 'proc';
  if (!kernel && input.execStatus !== undefined) {
    status = parseStatus(input.execStatus);
    statusSource = 'exec';
  }
  const ns = namespaces(c, engine, qname, kernel, locale);
  const rootGuess = status?.uid?.length ? status.uid[0] === 0 : rootByName(c.Config?.User ?? '');
  const user = userFact(
    c,
    engine,
    qname,
    image,
    status,
    statusSource,
    pid,
    ns.find((n) => n.name === 'user'),
  );
  const evidence: Evidence[] = [{ source: 'inspect', command: `${engine.cli} inspect ${qname}` }];
  if (kernel)
    evidence.push(
      { source: 'proc', command: `cat /proc/${pid}/status` },
      { source: 'proc', command: `ls -l /proc/${pid}/ns` },
      { source: 'proc', command: `cat /proc/${pid}/cgroup` },
    );
  const h = c.HostConfig ?? {};
  const rp = h.RestartPolicy;
  const report: ContainerReport = {
    version: 1,
    id: c.Id,
    shortId: c.Id.slice(0, 12),
    name,
    image: c.Config?.Image ?? c.Image ?? '',
    state: c.State?.Status ?? 'unknown',
    status: input.status ?? statusText(c),
    pid,
    engine,
    kernel: { sameHost: !!kernel, how: input.kernelHow },
    namespaces: ns,
    capabilities: capabilities(c, qname, engine, status, statusSource, pid, rootGuess, locale),
    seccomp: seccomp(c, spec, engine, qname, status, statusSource, pid, locale),
    noNewPrivileges: noNewPrivileges(spec, engine, qname, status, statusSource, pid),
    lsm: lsm(c, spec, engine, qname),
    user,
    readOnlyRootfs: {
      value: !!h.ReadonlyRootfs,
      evidence: [{ source: 'inspect', command: `${engine.cli} inspect -f '{{.HostConfig.ReadonlyRootfs}}' ${qname}` }],
    },
    limits: limits(c, engine, qname, kernel, locale),
    mounts: mountFacts(c, spec.label, input.rules),
    devices: (h.Devices ?? []).map((d) => ({
      host: d.PathOnHost ?? '',
      container: d.PathInContainer ?? '',
      permissions: d.CgroupPermissions ?? '',
    })),
    ports: ports(c),
    labels: { ...(c.Config?.Labels ?? {}) },
    envNames: (c.Config?.Env ?? []).map((e) => (e.includes('=') ? e.slice(0, e.indexOf('=')) : e)),
    restartPolicy: rp?.Name ? (rp.Name === 'on-failure' && rp.MaximumRetryCount ? `on-failure:${rp.MaximumRetryCount}` : rp.Name) : 'no',
    findings,
    worstSeverity: worstOf(findings.map((f) => f.severity)),
    notes: allNotes,
    evidence,
  };
  if (c.Image) report.imageId = c.Image;
  if (c.Created) report.created = c.Created;
  if (h.LogConfig?.Type) report.logDriver = h.LogConfig.Type;
  return report;
}
