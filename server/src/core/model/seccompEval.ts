// What a seccomp profile does with a system call on a given host, the way moby and runc build the
// kernel filter from it (pure core layer). moby keeps or drops each entry by its includes/excludes
// (capabilities, host architecture, kernel); runc skips entries whose action equals the default;
// for one call without argument conditions libseccomp keeps the first rule it is given (measured
// with libseccomp 2.5.4). Rules, the compare command and the Compose linkage all ask this module.

import { parseSeccomp } from '../parse/seccomp';
import {
  ALLOWING_ACTIONS,
  DOCKER_DEFAULT_CAP_NAMES,
  DOCKER_DEFAULT_PROFILE_TEXT,
  HOST_ARCHES,
  SECCOMP_ARCHES,
  syscallNames,
  type HostArch,
} from '../knowledge/seccomp';
import type { JVal, SeccompModel, SeccompRule } from './seccomp';

/** What we assume about the container: its host, its capabilities and a kernel version. */
export interface Assumptions {
  host: HostArch;
  caps: ReadonlySet<string>;
  kernel: [number, number];
}

/** A container with Docker's default capabilities on a current kernel. */
export function defaultContainer(host: HostArch): Assumptions {
  return { host, caps: DOCKER_DEFAULT_CAP_NAMES, kernel: [6, 1] };
}

export type Verdict = 'allowed' | 'conditional' | 'blocked';

export interface Evaluation {
  verdict: Verdict;
  /** The entry that decides (undefined when the default action does). */
  entry?: SeccompRule;
  /** The name inside that entry. */
  name?: JVal<string>;
}

function parseKernel(v: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function kernelAtLeast(have: [number, number], want: string): boolean {
  const w = parseKernel(want);
  return !w || have[0] > w[0] || (have[0] === w[0] && have[1] >= w[1]);
}

/** Whether moby keeps the entry for this container (profiles/seccomp: setupSeccomp). */
export function entryApplies(rule: SeccompRule, a: Assumptions): boolean {
  const native = HOST_ARCHES[a.host].native;
  const ex = rule.excludes;
  if (ex?.arches?.some((x) => x.value === native)) return false;
  if (ex?.caps?.some((c) => a.caps.has(c.value))) return false;
  if (ex?.minKernel && kernelAtLeast(a.kernel, ex.minKernel.value)) return false;
  const inc = rule.includes;
  if (inc?.arches && inc.arches.length > 0 && !inc.arches.some((x) => x.value === native)) return false;
  if (inc?.caps?.some((c) => !a.caps.has(c.value))) return false;
  if (inc?.minKernel && !kernelAtLeast(a.kernel, inc.minKernel.value)) return false;
  return true;
}

/** An action with its error number, as libseccomp compares them (ERRNO(38) is not ERRNO(1)). */
function actionKey(action: string | undefined, errno: number | undefined): string {
  if (action === 'SCMP_ACT_ERRNO' || action === 'SCMP_ACT_TRACE') return `${action}(${errno ?? 1})`;
  return action === 'SCMP_ACT_KILL' ? 'SCMP_ACT_KILL_THREAD' : (action ?? '');
}

export function defaultAllows(model: SeccompModel): boolean {
  // No defaultAction and no rules: moby installs no filter at all.
  if (!model.defaultAction) return model.syscalls.length === 0;
  return ALLOWING_ACTIONS.has(model.defaultAction.value);
}

export function isAllowing(action: string | undefined): boolean {
  return !!action && ALLOWING_ACTIONS.has(action);
}

/** An entry naming a call, with what evaluate() compares precomputed. */
interface IndexEntry {
  rule: SeccompRule;
  name: JVal<string>;
  /** The entry's action as libseccomp compares actions ('' without an action). */
  key: string;
  allowing: boolean;
}

/**
 * Per model, built once (a model never changes): the entries naming each call, in file order (the
 * map's keys are the calls in the order the file first names them), and the default action.
 */
interface ModelIndex {
  entries: Map<string, IndexEntry[]>;
  /** The default action as libseccomp compares actions. */
  dflt: string;
  allowByDefault: boolean;
}

const indexes = new WeakMap<SeccompModel, ModelIndex>();
const NO_ENTRIES: IndexEntry[] = [];

function indexOf(model: SeccompModel): ModelIndex {
  let index = indexes.get(model);
  if (!index) {
    const entries = new Map<string, IndexEntry[]>();
    for (const rule of model.syscalls) {
      const key = rule.action ? actionKey(rule.action.value, rule.errnoRet?.value) : '';
      const allowing = isAllowing(rule.action?.value);
      for (const n of rule.names) {
        const list = entries.get(n.value);
        const entry = { rule, name: n, key, allowing };
        if (!list) entries.set(n.value, [entry]);
        else if (list[list.length - 1].rule !== rule) list.push(entry); // entries come in order: a repeat is the last one
      }
    }
    index = {
      entries,
      dflt: actionKey(model.defaultAction?.value, model.defaultErrnoRet?.value),
      allowByDefault: defaultAllows(model),
    };
    indexes.set(model, index);
  }
  return index;
}

/** What the profile does with `name` for this container. */
export function evaluate(model: SeccompModel, name: string, a: Assumptions): Evaluation {
  return evaluateIn(indexOf(model), name, a);
}

function evaluateIn(index: ModelIndex, name: string, a: Assumptions): Evaluation {
  let conditional: Evaluation | undefined;
  for (const { rule, name: n, key, allowing } of index.entries.get(name) ?? NO_ENTRIES) {
    if (!rule.action || !entryApplies(rule, a)) continue;
    if (key === index.dflt) continue; // runc skips it
    if (rule.args.length === 0) return { verdict: allowing ? 'allowed' : 'blocked', entry: rule, name: n };
    if (!conditional && allowing !== index.allowByDefault) conditional = { verdict: 'conditional', entry: rule, name: n };
  }
  return conditional ?? { verdict: index.allowByDefault ? 'allowed' : 'blocked' };
}

/** The hosts a profile covers: from `architectures`/`archMap`, or both when it lists neither. */
export function hostsOf(model: SeccompModel): HostArch[] {
  const listed = new Set<string>([
    ...(model.architectures?.value.map((x) => x.value) ?? []),
    ...(model.archMap?.map((m) => m.architecture.value) ?? []),
  ]);
  const hosts = (Object.keys(HOST_ARCHES) as HostArch[]).filter((h) => listed.has(HOST_ARCHES[h].scmp[0]));
  return hosts.length > 0 || listed.size > 0 ? hosts : (Object.keys(HOST_ARCHES) as HostArch[]);
}

/** The syscall tables (our keys) a host's filter covers. */
export function tablesOfHost(host: HostArch): string[] {
  return HOST_ARCHES[host].scmp.map((s) => SECCOMP_ARCHES[s].table).filter((t): t is NonNullable<typeof t> => !!t);
}

let dockerModel: SeccompModel | undefined;

/** Docker's default profile, parsed once. */
export function dockerDefaultModel(): SeccompModel {
  dockerModel ??= parseSeccomp(DOCKER_DEFAULT_PROFILE_TEXT);
  return dockerModel;
}

/** Per host, what Docker's default profile does with each call asked about so far, for a container with its default capabilities. */
const dockerVerdicts = new Map<HostArch, Map<string, Verdict>>();

/** `evaluate(dockerDefaultModel(), name, defaultContainer(host)).verdict`, remembered: it never changes. */
export function dockerVerdict(name: string, host: HostArch): Verdict {
  let byName = dockerVerdicts.get(host);
  if (!byName) dockerVerdicts.set(host, (byName = new Map()));
  let v = byName.get(name);
  if (v === undefined) byName.set(name, (v = evaluate(dockerDefaultModel(), name, defaultContainer(host)).verdict));
  return v;
}

/** A name the profile lets run (allowed or conditionally) beyond what Docker's default lets run, on one host. */
export interface Widening {
  name: string;
  host: HostArch;
  here: Evaluation;
  docker: Verdict;
}

/**
 * Calls this profile lets run where Docker's default refuses them or puts a condition on them,
 * for a container with Docker's default capabilities. Names the profile lists, in file order;
 * a deny-list profile's unlisted calls are not included (the allow-by-default rule covers them).
 */
export function wideningsOf(model: SeccompModel): Widening[] {
  const out: Widening[] = [];
  const index = indexOf(model);
  for (const host of hostsOf(model)) {
    const a = defaultContainer(host);
    // A call the host's architectures do not have cannot be made there (arch_prctl on ARM).
    const known = syscallNames(tablesOfHost(host));
    for (const name of index.entries.keys()) {
      if (!known.has(name)) continue;
      const here = evaluateIn(index, name, a);
      if (!here.entry || here.verdict === 'blocked') continue;
      const d = dockerVerdict(name, host);
      if (d === 'blocked' || (d === 'conditional' && here.verdict === 'allowed')) out.push({ name, host, here, docker: d });
    }
  }
  return out;
}
