// "Compare this profile with Docker's default": per host architecture, the system calls a profile
// lets through that Docker's default refuses or restricts, and those it refuses that Docker's
// default allows, as Markdown (pure core layer; the language server serves it on request).

import { DOCKER_DEFAULT_ERRNO, HOST_ARCHES, describeDocker, syscallNames, type HostArch } from './knowledge/seccomp';
import { defaultContainer, dockerDefaultModel, evaluate, hostsOf, tablesOfHost, type Evaluation } from './model/seccompEval';
import type { SeccompModel } from './model/seccomp';

export interface HostComparison {
  host: HostArch;
  /** Allowed (or allowed for some arguments) here, refused by Docker's default. */
  moreThanDocker: { name: string; here: Evaluation }[];
  /** Allowed here without the condition (capability, arguments) Docker's default puts on it. */
  withoutCondition: { name: string; here: Evaluation }[];
  /** Refused here, allowed by Docker's default. */
  lessThanDocker: { name: string; here: Evaluation }[];
}

/** The comparison for each host the profile covers, for a container with Docker's default capabilities. */
export function compareWithDockerDefault(model: SeccompModel): HostComparison[] {
  const docker = dockerDefaultModel();
  return hostsOf(model).map((host) => {
    const a = defaultContainer(host);
    // The calls the host's architectures have: others cannot be made there, whatever a profile says.
    const names = syscallNames(tablesOfHost(host));
    const out: HostComparison = { host, moreThanDocker: [], withoutCondition: [], lessThanDocker: [] };
    for (const name of [...names].sort()) {
      const here = evaluate(model, name, a);
      const d = evaluate(docker, name, a).verdict;
      if (here.verdict !== 'blocked' && d === 'blocked') out.moreThanDocker.push({ name, here });
      else if (here.verdict === 'allowed' && d === 'conditional') out.withoutCondition.push({ name, here });
      else if (here.verdict === 'blocked' && d === 'allowed') out.lessThanDocker.push({ name, here });
    }
    return out;
  });
}

function where(e: Evaluation): string {
  const how = e.verdict === 'conditional' ? 'for some arguments, ' : '';
  return e.entry ? `${how}syscalls[${e.entry.position}]` : `${how}defaultAction`;
}

/** One line per call, its place in this profile and what Docker's default does. */
function table(rows: { name: string; here: Evaluation }[]): string[] {
  if (rows.length === 0) return ['None.', ''];
  return [
    "| System call | Where in this profile | Docker's default profile |",
    '| --- | --- | --- |',
    ...rows.map((r) => `| \`${r.name}\` | ${where(r.here)} | ${describeDocker(r.name).replace(/\|/g, '\\|')} |`),
    '',
  ];
}

export function compareMarkdown(model: SeccompModel, fileName: string): string {
  const lines: string[] = [];
  lines.push(`# ${fileName} compared with Docker's default seccomp profile`, '');
  lines.push(
    "For a container with Docker's default capabilities on a current kernel (Linux 6.1 assumed). Docker's default profile is the one published by moby/profiles (Apache-2.0). Calls are listed when they exist on one of the host's architectures.",
    '',
  );
  const da = model.defaultAction?.value ?? '(none)';
  lines.push(
    `Default action: here **${da}**${model.defaultErrnoRet ? ` (errno ${model.defaultErrnoRet.value})` : ''}; Docker's default **SCMP_ACT_ERRNO** (errno ${DOCKER_DEFAULT_ERRNO}, EPERM).`,
    '',
  );
  for (const c of compareWithDockerDefault(model)) {
    const h = HOST_ARCHES[c.host];
    lines.push(`## ${h.label} (${h.scmp.join(', ')})`, '');
    lines.push(`### Allowed here, refused by Docker's default (${c.moreThanDocker.length})`, '', ...table(c.moreThanDocker));
    lines.push(
      `### Allowed here without the condition Docker's default puts on it (${c.withoutCondition.length})`,
      '',
      ...table(c.withoutCondition),
    );
    lines.push(`### Refused here, allowed by Docker's default (${c.lessThanDocker.length})`, '');
    lines.push(c.lessThanDocker.length > 0 ? c.lessThanDocker.map((r) => `\`${r.name}\``).join(', ') : 'None.', '');
  }
  return lines.join('\n');
}
