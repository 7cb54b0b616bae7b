// CT3002 seccomp-invalid-action: an action runc does not accept, a missing one, or an action used
// where runc refuses it (SCMP_ACT_NOTIFY as the default or for `write`) (pure core layer).

import { seccompRule, type Hit } from '../rule';
import { SECCOMP_ACTIONS } from '../../knowledge/seccomp';
import type { JVal, SeccompModel } from '../../model/seccomp';
import type { Fix, Range } from '../../types';
import { entryLabel, quote, suggest } from './util';
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
  const fixes: Fix[] = options.map((a) => ({ title: `Change to ${a}`, edits: [{ range: v.range, newText: quote(a) }] }));
  return {
    range: v.range,
    message: `${quote(v.value)} is not a seccomp action (${where}): runc refuses the profile with "not a valid action", so the container does not start.${options.length > 0 ? ` Did you mean ${options[0]}?` : ` Use one of ${ACTIONS.join(', ')}.`}`,
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
    hits.push({
      range: firstChar(model.objectRange),
      message:
        'This profile has rules but no `defaultAction`: runc refuses it ("not a valid action") and the container does not start. Add `"defaultAction": "SCMP_ACT_ERRNO"` so calls you did not list are refused.',
      fixes: [
        {
          title: 'Add "defaultAction": "SCMP_ACT_ERRNO"',
          edits: [{ range: { start: open, end: open }, newText: ' "defaultAction": "SCMP_ACT_ERRNO",' }],
        },
      ],
    });
  }
  if (da && !SECCOMP_ACTIONS[da.value]) hits.push(invalidHit(da, 'defaultAction'));
  if (da?.value === 'SCMP_ACT_NOTIFY') {
    hits.push({
      range: da.range,
      message:
        'runc refuses SCMP_ACT_NOTIFY as the default action (every call, including the ones runc itself makes to hand over the listener, would wait for the agent). Use SCMP_ACT_ERRNO and notify only for the calls the agent handles.',
    });
  }
  const usesNotify = model.syscalls.some((r) => r.action?.value === 'SCMP_ACT_NOTIFY');
  for (const rule of model.syscalls) {
    const a = rule.action;
    if (!a) {
      hits.push({
        range: rule.namesList?.keyRange ?? rule.legacyName?.keyRange ?? firstChar(rule.range),
        message: `${entryLabel(rule)} has no \`action\`: runc refuses the profile ("not a valid action"). Add "action": "SCMP_ACT_ALLOW" or another SCMP_ACT_* action.`,
      });
      continue;
    }
    if (!SECCOMP_ACTIONS[a.value]) hits.push(invalidHit(a, `${entryLabel(rule)}.action`));
    if (a.value === 'SCMP_ACT_NOTIFY') {
      const write = rule.names.find((n) => n.value === 'write');
      if (write) {
        hits.push({
          range: write.range,
          message:
            'runc refuses SCMP_ACT_NOTIFY for `write`: it needs `write` itself to pass the listener to the agent, so the container would hang. Notify on other calls only.',
        });
      }
    }
    if (rule.errnoRet && a.value !== 'SCMP_ACT_ERRNO' && a.value !== 'SCMP_ACT_TRACE') {
      hits.push({
        range: rule.errnoRet.keyRange ?? rule.errnoRet.range,
        message: `\`errnoRet\` only applies to SCMP_ACT_ERRNO and SCMP_ACT_TRACE; with ${a.value} runc ignores it (and some runtimes refuse it).`,
        severity: 'info',
      });
    }
  }
  if (usesNotify && !model.listenerPath && da?.value !== 'SCMP_ACT_NOTIFY') {
    const first = model.syscalls.find((r) => r.action?.value === 'SCMP_ACT_NOTIFY');
    if (first?.action) {
      hits.push({
        range: first.action.range,
        message:
          'SCMP_ACT_NOTIFY hands the call to an agent, but the profile has no `listenerPath` (the agent\'s socket): runtimes refuse it or have nobody to ask. Add "listenerPath" or use another action.',
        severity: 'warning',
      });
    }
  }
  if (model.defaultErrnoRet && da && da.value !== 'SCMP_ACT_ERRNO' && da.value !== 'SCMP_ACT_TRACE' && SECCOMP_ACTIONS[da.value]) {
    hits.push({
      range: model.defaultErrnoRet.keyRange ?? model.defaultErrnoRet.range,
      message: `\`defaultErrnoRet\` only applies when defaultAction is SCMP_ACT_ERRNO or SCMP_ACT_TRACE; with ${da.value} it is ignored (and some runtimes refuse it).`,
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
