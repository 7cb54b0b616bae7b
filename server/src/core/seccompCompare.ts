// "Compare this profile with Docker's default": per host architecture, the system calls a profile
// lets through that Docker's default refuses or restricts, and those it refuses that Docker's
// default allows, as Markdown in English or Simplified Chinese (pure core layer; the language
// server serves it on request).

import { DOCKER_DEFAULT_ERRNO, HOST_ARCHES, describeDocker, describeDockerZh, syscallNames, type HostArch } from './knowledge/seccomp';
import { defaultContainer, dockerDefaultModel, evaluate, hostsOf, tablesOfHost, type Evaluation } from './model/seccompEval';
import type { SeccompModel } from './model/seccomp';
import { inLocale, t, type Locale } from './types';

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

function where(e: Evaluation, locale: Locale): string {
  const place = e.entry ? `syscalls[${e.entry.position}]` : 'defaultAction';
  if (e.verdict !== 'conditional') return place;
  return inLocale(t(`for some arguments, ${place}`, `${place}（仅部分参数）`), locale);
}

const NONE = t('None.', '无。');

/** One line per call, its place in this profile and what Docker's default does. */
function table(rows: { name: string; here: Evaluation }[], locale: Locale): string[] {
  if (rows.length === 0) return [inLocale(NONE, locale), ''];
  const describe = locale === 'zh-CN' ? describeDockerZh : describeDocker;
  return [
    inLocale(
      t(
        "| System call | Where in this profile | Docker's default profile |",
        '| 系统调用 | 在此配置文件中的位置 | Docker 的默认配置文件 |',
      ),
      locale,
    ),
    '| --- | --- | --- |',
    ...rows.map((r) => `| \`${r.name}\` | ${where(r.here, locale)} | ${describe(r.name).replace(/\|/g, '\\|')} |`),
    '',
  ];
}

/** The comparison as a Markdown document, in `locale` (English unless given). */
export function compareMarkdown(model: SeccompModel, fileName: string, locale: Locale = 'en'): string {
  const say = (en: string, zh: string) => inLocale(t(en, zh), locale);
  const zh = locale === 'zh-CN';
  const lines: string[] = [];
  lines.push(
    say(`# ${fileName} compared with Docker's default seccomp profile`, `# ${fileName} 与 Docker 默认 seccomp 配置文件的比较`),
    '',
  );
  lines.push(
    say(
      "For a container with Docker's default capabilities on a current kernel (Linux 6.1 assumed). Docker's default profile is the one published by moby/profiles (Apache-2.0). Calls are listed when they exist on one of the host's architectures.",
      '针对具有 Docker 默认权能、运行在当前内核（假定为 Linux 6.1）上的容器。Docker 的默认配置文件即 moby/profiles 发布的版本（Apache-2.0）。只列出在主机的某个架构上存在的系统调用。',
    ),
    '',
  );
  const da = model.defaultAction?.value ?? say('(none)', '（无）');
  const errno = model.defaultErrnoRet ? `errno ${model.defaultErrnoRet.value}` : '';
  lines.push(
    say(
      `Default action: here **${da}**${errno ? ` (${errno})` : ''}; Docker's default **SCMP_ACT_ERRNO** (errno ${DOCKER_DEFAULT_ERRNO}, EPERM).`,
      `默认动作：此处为 **${da}**${errno ? `（${errno}）` : ''}；Docker 的默认配置文件为 **SCMP_ACT_ERRNO**（errno ${DOCKER_DEFAULT_ERRNO}，EPERM）。`,
    ),
    '',
  );
  for (const c of compareWithDockerDefault(model)) {
    const h = HOST_ARCHES[c.host];
    lines.push(zh ? `## ${h.labelZh}（${h.scmp.join('、')}）` : `## ${h.label} (${h.scmp.join(', ')})`, '');
    const n = (rows: unknown[]) => (zh ? `（${rows.length}）` : ` (${rows.length})`);
    lines.push(
      say("### Allowed here, refused by Docker's default", '### 此处允许、Docker 默认拒绝') + n(c.moreThanDocker),
      '',
      ...table(c.moreThanDocker, locale),
    );
    lines.push(
      say("### Allowed here without the condition Docker's default puts on it", '### 此处无条件允许、Docker 默认有条件允许') +
        n(c.withoutCondition),
      '',
      ...table(c.withoutCondition, locale),
    );
    lines.push(say("### Refused here, allowed by Docker's default", '### 此处拒绝、Docker 默认允许') + n(c.lessThanDocker), '');
    lines.push(
      c.lessThanDocker.length > 0 ? c.lessThanDocker.map((r) => `\`${r.name}\``).join(zh ? '、' : ', ') : inLocale(NONE, locale),
      '',
    );
  }
  return lines.join('\n');
}
