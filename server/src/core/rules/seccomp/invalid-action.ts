// CT3002 seccomp-invalid-action: an action runc does not accept, a missing one, or an action used
// where runc refuses it (SCMP_ACT_NOTIFY as the default or for `write`) (pure core layer).

import { seccompRule, type Hit, type RuleFix } from '../rule';
import { SECCOMP_ACTIONS } from '../../knowledge/seccomp';
import type { JVal, SeccompModel } from '../../model/seccomp';
import type { Range } from '../../types';
import { entryLabel, quote, suggest } from './util';
import { t } from '../../types';
import { zh } from '../image/zh';
import { REF } from './refs';

const ACTIONS = Object.keys(SECCOMP_ACTIONS);

/** Likely meant actions for a wrong one: a case or prefix slip first, then near spellings. */
function candidates(value: string): string[] {
  const upper = value.trim().toUpperCase();
  const exact = ACTIONS.filter((a) => a === upper || a === `SCMP_ACT_${upper}`);
  if (upper === 'SCMP_ACT_DENY' || upper === 'DENY' || upper === 'SCMP_ACT_BLOCK' || upper === 'BLOCK') exact.push('SCMP_ACT_ERRNO');
  return [...new Set([...exact, ...suggest(upper, ACTIONS)])];
}

function invalidHit(v: JVal<string>, where: string): Hit {
  const options = candidates(v.value);
  const fixes: RuleFix[] = options.map((a) => ({
    title: t(`Change to ${a}`, zh`改为${a}`),
    edits: [{ range: v.range, newText: quote(a) }],
  }));
  return {
    range: v.range,
    message: t(
      `${quote(v.value)} is not a seccomp action (${where}): runc refuses the profile with "not a valid action", so the container does not start.${options.length > 0 ? ` Did you mean ${options[0]}?` : ` Use one of ${ACTIONS.join(', ')}.`}`,
      zh`${quote(v.value)}不是 seccomp 动作（${where}）：runc 会以“not a valid action”拒绝该配置文件，容器因此无法启动。` +
        (options.length > 0 ? zh`你是不是想写${options[0]}？` : `请使用以下之一：${ACTIONS.join('、')}。`),
    ),
    fixes,
  };
}

function firstChar(r: Range): Range {
  return { start: r.start, end: { line: r.start.line, character: r.start.character + 1 } };
}

function check(model: SeccompModel): Hit[] {
  const hits: Hit[] = [];
  if (!model.objectRange) return hits;
  const da = model.defaultAction;
  if (!da && model.syscalls.length > 0) {
    const at = { start: model.objectRange.start, end: model.objectRange.start };
    const open = { line: at.start.line, character: at.start.character + 1 };
    // A `defaultAction` written with a value that is not a string (CT3005 reports its type) is
    // replaced, never followed by a second `defaultAction`.
    const written = model.defaultActionMember;
    hits.push({
      range: firstChar(model.objectRange),
      message: t(
        'This profile has rules but no `defaultAction`: runc refuses it ("not a valid action") and the container does not start. Add `"defaultAction": "SCMP_ACT_ERRNO"` so calls you did not list are refused.',
        '该配置文件有规则却没有 `defaultAction`：runc 会拒绝它（“not a valid action”），容器因此无法启动。请添加 `"defaultAction": "SCMP_ACT_ERRNO"`，让未列出的调用被拒绝。',
      ),
      fixes: [
        written
          ? {
              title: t('Set "defaultAction": "SCMP_ACT_ERRNO"', '设置 "defaultAction": "SCMP_ACT_ERRNO"'),
              edits: [{ range: written, newText: '"defaultAction": "SCMP_ACT_ERRNO"' }],
            }
          : {
              title: t('Add "defaultAction": "SCMP_ACT_ERRNO"', '添加 "defaultAction": "SCMP_ACT_ERRNO"'),
              edits: [{ range: { start: open, end: open }, newText: ' "defaultAction": "SCMP_ACT_ERRNO",' }],
            },
      ],
    });
  }
  if (da && !SECCOMP_ACTIONS[da.value]) hits.push(invalidHit(da, 'defaultAction'));
  if (da?.value === 'SCMP_ACT_NOTIFY') {
    hits.push({
      range: da.range,
      message: t(
        'runc refuses SCMP_ACT_NOTIFY as the default action (every call, including the ones runc itself makes to hand over the listener, would wait for the agent). Use SCMP_ACT_ERRNO and notify only for the calls the agent handles.',
        'runc 不接受把 SCMP_ACT_NOTIFY 用作默认动作（那样每个调用都要等待代理程序决定，包括 runc 自己为移交监听器而发出的调用）。请使用 SCMP_ACT_ERRNO，只对代理程序负责处理的调用使用通知。',
      ),
    });
  }
  const usesNotify = model.syscalls.some((r) => r.action?.value === 'SCMP_ACT_NOTIFY');
  for (const rule of model.syscalls) {
    const a = rule.action;
    if (!a) {
      hits.push({
        range: rule.namesList?.keyRange ?? rule.legacyName?.keyRange ?? firstChar(rule.range),
        message: t(
          `${entryLabel(rule)} has no \`action\`: runc refuses the profile ("not a valid action"). Add "action": "SCMP_ACT_ALLOW" or another SCMP_ACT_* action.`,
          `${entryLabel(rule)} 没有 \`action\`：runc 会拒绝该配置文件（“not a valid action”）。请添加 "action": "SCMP_ACT_ALLOW" 或其他 SCMP_ACT_* 动作。`,
        ),
      });
      continue;
    }
    if (!SECCOMP_ACTIONS[a.value]) hits.push(invalidHit(a, `${entryLabel(rule)}.action`));
    if (a.value === 'SCMP_ACT_NOTIFY') {
      const write = rule.names.find((n) => n.value === 'write');
      if (write) {
        hits.push({
          range: write.range,
          message: t(
            'runc refuses SCMP_ACT_NOTIFY for `write`: it needs `write` itself to pass the listener to the agent, so the container would hang. Notify on other calls only.',
            'runc 不接受对 `write` 使用 SCMP_ACT_NOTIFY：它自己需要用 `write` 把监听器交给代理程序，否则容器会挂起。请只对其他调用使用通知。',
          ),
        });
      }
    }
    if (rule.errnoRet && a.value !== 'SCMP_ACT_ERRNO' && a.value !== 'SCMP_ACT_TRACE') {
      hits.push({
        range: rule.errnoRet.keyRange ?? rule.errnoRet.range,
        message: t(
          `\`errnoRet\` only applies to SCMP_ACT_ERRNO and SCMP_ACT_TRACE; with ${a.value} runc ignores it (and some runtimes refuse it).`,
          `\`errnoRet\` 只对 SCMP_ACT_ERRNO 和 SCMP_ACT_TRACE 有效；与 ${a.value} 一起使用时 runc 会忽略它（有些运行时会拒绝它）。`,
        ),
        severity: 'info',
      });
    }
  }
  if (usesNotify && !model.listenerPath && da?.value !== 'SCMP_ACT_NOTIFY') {
    const first = model.syscalls.find((r) => r.action?.value === 'SCMP_ACT_NOTIFY');
    if (first?.action) {
      hits.push({
        range: first.action.range,
        message: t(
          'SCMP_ACT_NOTIFY hands the call to an agent, but the profile has no `listenerPath` (the agent\'s socket): runtimes refuse it or have nobody to ask. Add "listenerPath" or use another action.',
          'SCMP_ACT_NOTIFY 会把调用交给代理程序处理，但该配置文件没有 `listenerPath`（代理程序的套接字）：运行时要么拒绝它，要么找不到可以询问的对象。请添加 "listenerPath" 或改用其他动作。',
        ),
        severity: 'warning',
      });
    }
  }
  if (model.defaultErrnoRet && da && da.value !== 'SCMP_ACT_ERRNO' && da.value !== 'SCMP_ACT_TRACE' && SECCOMP_ACTIONS[da.value]) {
    hits.push({
      range: model.defaultErrnoRet.keyRange ?? model.defaultErrnoRet.range,
      message: t(
        `\`defaultErrnoRet\` only applies when defaultAction is SCMP_ACT_ERRNO or SCMP_ACT_TRACE; with ${da.value} it is ignored (and some runtimes refuse it).`,
        `\`defaultErrnoRet\` 只在 defaultAction 为 SCMP_ACT_ERRNO 或 SCMP_ACT_TRACE 时有效；defaultAction 为 ${da.value} 时它会被忽略（有些运行时会拒绝它）。`,
      ),
      severity: 'info',
    });
  }
  return hits;
}

export default seccompRule(
  {
    id: 'CT3002',
    name: 'seccomp-invalid-action',
    title: 'An action the container runtime does not accept',
    defaultSeverity: 'error',
    appliesTo: ['seccomp'],
    explanation:
      "Each rule of a profile, and the profile's `defaultAction`, says what the kernel does with a matching system call, with one of a fixed set of names taken from libseccomp: `SCMP_ACT_ALLOW`, `SCMP_ACT_ERRNO`, `SCMP_ACT_KILL` (the same as `SCMP_ACT_KILL_THREAD`), `SCMP_ACT_KILL_PROCESS`, `SCMP_ACT_TRAP`, `SCMP_ACT_TRACE`, `SCMP_ACT_LOG` and `SCMP_ACT_NOTIFY`. " +
      'Docker passes the names on unchanged and runc, the runtime that installs the filter, refuses any other spelling, a missing action and a missing `defaultAction`: the container does not start, and the error only shows at `docker run` time. ' +
      'runc also refuses `SCMP_ACT_NOTIFY` as the default action and for `write`, and `SCMP_ACT_NOTIFY` needs `listenerPath`, the socket of the program that decides. `errnoRet` only means something with `SCMP_ACT_ERRNO` and `SCMP_ACT_TRACE`.',
    remediation:
      "Use one of the names above, in capitals, exactly as written. The quick fix offers the closest valid action. For a missing `defaultAction`, `SCMP_ACT_ERRNO` refuses every call you did not list, as Docker's default profile does.",
    zh: {
      title: '容器运行时不接受的动作',
      explanation:
        '配置文件的每条规则以及配置文件的 `defaultAction` 都规定了内核如何处理匹配的系统调用，取值只能是来自 libseccomp 的一组固定名称：`SCMP_ACT_ALLOW`、`SCMP_ACT_ERRNO`、`SCMP_ACT_KILL`（等同于 `SCMP_ACT_KILL_THREAD`）、`SCMP_ACT_KILL_PROCESS`、`SCMP_ACT_TRAP`、`SCMP_ACT_TRACE`、`SCMP_ACT_LOG` 和 `SCMP_ACT_NOTIFY`。' +
        'Docker 原样传递这些名称，而安装过滤器的运行时 runc 会拒绝任何其他拼写、缺失的动作以及缺失的 `defaultAction`：容器无法启动，而且这个错误要到 `docker run` 时才会出现。' +
        'runc 还不接受把 `SCMP_ACT_NOTIFY` 用作默认动作或用于 `write`；`SCMP_ACT_NOTIFY` 需要 `listenerPath`，即负责做决定的程序的套接字。`errnoRet` 只在与 `SCMP_ACT_ERRNO` 和 `SCMP_ACT_TRACE` 一起使用时才有意义。',
      remediation:
        '使用上面列出的名称之一，全部大写，拼写完全一致。快速修复会给出最接近的有效动作。如果缺少 `defaultAction`，使用 `SCMP_ACT_ERRNO` 会像 Docker 的默认配置文件那样拒绝所有未列出的调用。',
    },
    references: [REF.runcConfig, REF.runcFilter, REF.man, REF.dockerDocs],
    peers: {},
    bad: [
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOWED" }]\n}\n',
        fixed: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      },
      {
        bad: '{\n  "defaultAction": "scmp_act_errno",\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
        fixed: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      },
      {
        bad: '{\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
        fixed: '{ "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      },
      { bad: '{ "defaultAction": "SCMP_ACT_NOTIFY", "listenerPath": "/run/agent.sock", "syscalls": [] }\n' },
    ],
    good: [
      '{ "defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 38, "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }] }\n',
      '{ "defaultAction": "SCMP_ACT_ERRNO", "listenerPath": "/run/agent.sock", "syscalls": [{ "names": ["mount"], "action": "SCMP_ACT_NOTIFY" }] }\n',
    ],
  },
  check,
);
