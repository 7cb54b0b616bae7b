// CT3001 seccomp-default-allow: the profile lets every call it does not list run (a deny-list),
// or is empty, which Docker reads as "no filter at all" (pure core layer).

import { seccompRule, type Hit } from '../rule';
import { defaultContainer, dockerDefaultModel, evaluate, hostsOf } from '../../model/seccompEval';
import { ESCAPE_RELEVANT } from '../../knowledge/seccomp';
import type { SeccompModel } from '../../model/seccomp';
import { t } from '../../types';
import { zh } from '../image/zh';
import { REF } from './refs';

/** Escape-relevant calls this deny-list lets run that Docker's default refuses or gates. */
function unblocked(model: SeccompModel): string[] {
  const docker = dockerDefaultModel();
  const out: string[] = [];
  for (const name of ESCAPE_RELEVANT) {
    const widens = hostsOf(model).some((h) => {
      const a = defaultContainer(h);
      const d = evaluate(docker, name, a).verdict;
      const here = evaluate(model, name, a).verdict;
      return here !== 'blocked' && (d === 'blocked' || (d === 'conditional' && here === 'allowed'));
    });
    if (widens) out.push(name);
  }
  return out;
}

function list(names: string[], max = 8): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

function listZh(names: string[], max = 8): string {
  const shown = names.slice(0, max).join('、');
  return names.length > max ? zh`${shown}以及另外${names.length - max}个` : shown;
}

export default seccompRule(
  {
    id: 'CT3001',
    name: 'seccomp-default-allow',
    title: 'The profile allows every system call it does not list',
    defaultSeverity: 'warning',
    appliesTo: ['seccomp'],
    explanation:
      'A seccomp profile decides, for every system call a container makes, whether the kernel runs it. `defaultAction` is the answer for every call the `syscalls` list does not mention. ' +
      "Docker's default profile is an allow-list: `defaultAction` is `SCMP_ACT_ERRNO`, so anything not listed fails with an error, and about 360 ordinary calls are listed as allowed. " +
      'With `SCMP_ACT_ALLOW` (or `SCMP_ACT_LOG`, which only writes a log line) the profile becomes a deny-list: it blocks only what its author thought of. Calls nobody listed, such as `unshare`, `keyctl` or `bpf`, and every call added to the kernel after the profile was written, run freely; several container escapes began with exactly such a call. ' +
      'A profile with neither `defaultAction` nor `syscalls` is worse: Docker reads it as "no filter" and runs the container unconfined.',
    remediation:
      "Start from Docker's default profile (the command **Containment: Create a Seccomp Profile from Docker's Default** writes it into your workspace) and add the few calls your program needs, or remove entries it must not make. Keep `defaultAction` at `SCMP_ACT_ERRNO`. To find out which calls a program makes, run it once with `SCMP_ACT_LOG` in a test environment and read the audit log, then write the allow-list.",
    zh: {
      title: '配置文件允许所有未列出的系统调用',
      explanation:
        'seccomp 配置文件为容器发出的每个系统调用决定内核是否执行它。`defaultAction` 是对 `syscalls` 列表中没有提到的所有调用的处理方式。' +
        'Docker 的默认配置文件是一个允许列表：`defaultAction` 为 `SCMP_ACT_ERRNO`，所以凡是没有列出的调用都会返回错误，而大约 360 个常规调用被列为允许。' +
        '如果使用 `SCMP_ACT_ALLOW`（或只写一行日志的 `SCMP_ACT_LOG`），配置文件就变成了拒绝列表：它只拦截作者想到的调用。没人列出的调用（例如 `unshare`、`keyctl` 或 `bpf`），以及配置文件写好之后内核新增的所有调用，都可以随意执行；好几起容器逃逸正是从这样的调用开始的。' +
        '既没有 `defaultAction` 也没有 `syscalls` 的配置文件更糟：Docker 会把它当作“没有过滤器”，让容器在不受限制的状态下运行。',
      remediation:
        "从 Docker 的默认配置文件出发（命令 **Containment: Create a Seccomp Profile from Docker's Default** 会把它写入你的工作区），再加上程序需要的少数调用，或删除程序不应发出的调用。让 `defaultAction` 保持为 `SCMP_ACT_ERRNO`。要找出程序会发出哪些调用，可以在测试环境中用 `SCMP_ACT_LOG` 运行一次并查看审计日志，然后再编写允许列表。",
    },
    references: [REF.dockerDocs, REF.man, REF.mobyLoad, REF.defaultProfile],
    peers: {},
    bad: [
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "syscalls": [\n    { "names": ["mount", "reboot"], "action": "SCMP_ACT_ERRNO" }\n  ]\n}\n',
      },
      { bad: '{ "defaultAction": "SCMP_ACT_LOG" }\n' },
      { bad: '{}\n' },
    ],
    good: [
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],\n  "syscalls": [{ "names": ["read", "write", "exit_group"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      // Killing instead of failing is still an allow-list.
      '{ "defaultAction": "SCMP_ACT_KILL_PROCESS", "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }] }\n',
    ],
  },
  (model): Hit[] => {
    if (!model.objectRange) return [];
    const da = model.defaultAction;
    if (!da) {
      if (model.syscalls.length > 0) return [];
      return [
        {
          range: {
            start: model.objectRange.start,
            end: { line: model.objectRange.start.line, character: model.objectRange.start.character + 1 },
          },
          message: t(
            'This profile has no `defaultAction` and no `syscalls`: Docker reads that as "no seccomp filter" and runs the container unconfined. Set `"defaultAction": "SCMP_ACT_ERRNO"` and list the calls to allow.',
            '该配置文件既没有 `defaultAction` 也没有 `syscalls`：Docker 会把它当作“没有 seccomp 过滤器”，让容器在不受限制的状态下运行。请设置 `"defaultAction": "SCMP_ACT_ERRNO"`，并列出要允许的调用。',
          ),
        },
      ];
    }
    if (da.value !== 'SCMP_ACT_ALLOW' && da.value !== 'SCMP_ACT_LOG') return [];
    const open = unblocked(model);
    const what =
      da.value === 'SCMP_ACT_LOG'
        ? 'SCMP_ACT_LOG lets every call not listed run (it only logs it)'
        : 'SCMP_ACT_ALLOW lets every call not listed run';
    return [
      {
        range: da.range,
        message: t(
          `${what}: this is a deny-list, so calls nobody listed and calls added to the kernel later are allowed` +
            (open.length > 0 ? `, including ${list(open)}, which Docker's default profile blocks or gates behind a capability` : '') +
            ". Use SCMP_ACT_ERRNO and list what may run, as Docker's default profile does.",
          (da.value === 'SCMP_ACT_LOG'
            ? 'SCMP_ACT_LOG 会让所有未列出的调用执行（只是记录日志）'
            : 'SCMP_ACT_ALLOW 会让所有未列出的调用执行') +
            '：这是一个拒绝列表，没人列出的调用和内核以后新增的调用都会被允许' +
            (open.length > 0
              ? zh`，其中包括${listZh(open)}，而 Docker 的默认配置文件会拦截它们，或要求具备相应的权能（capability）才放行`
              : '') +
            '。请使用 SCMP_ACT_ERRNO 并列出允许执行的调用，就像 Docker 的默认配置文件那样。',
        ),
      },
    ];
  },
);
