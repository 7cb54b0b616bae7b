// CT3005 seccomp-invalid-value: a value Docker's decoder or runc rejects: a wrong JSON type, a
// negative or fractional number, a malformed minKernel, an unknown filter flag, an empty name
// (pure core layer).

import { seccompRule, type Hit } from '../rule';
import { SECCOMP_FLAGS } from '../../knowledge/seccomp';
import type { JVal, SeccompFilter, SeccompModel } from '../../model/seccomp';
import { entryLabel, quote, suggest } from './util';
import { t } from '../../types';
import { zh } from '../image/zh';
import { REF } from './refs';

const FLAGS = Object.keys(SECCOMP_FLAGS);

/** moby's KernelVersion: "<kernel>.<major>", each 0-255, not 0.0. */
function validKernel(v: string): boolean {
  const m = /^(\d+)\.(\d+)$/.exec(v);
  if (!m) return false;
  const [k, j] = [Number(m[1]), Number(m[2])];
  return k <= 255 && j <= 255 && !(k === 0 && j === 0);
}

function kernelHit(v: JVal<string> | undefined, where: string): Hit | undefined {
  if (!v || v.value === '' || validKernel(v.value)) return undefined;
  const m = /^(\d+)\.(\d+)/.exec(v.value);
  const fix = m && validKernel(`${Number(m[1])}.${Number(m[2])}`) ? `${Number(m[1])}.${Number(m[2])}` : undefined;
  return {
    range: v.range,
    message: t(
      `${where}.minKernel must look like "<major>.<minor>" (for example "4.8"), not ${quote(v.value)}: Docker refuses the profile ("invalid kernel version").`,
      zh`${where}.minKernel 必须形如 "<major>.<minor>"（例如 "4.8"），而不是${quote(v.value)}：Docker 会拒绝该配置文件（“invalid kernel version”）。`,
    ),
    fixes: fix ? [{ title: t(`Change to "${fix}"`, `改为 "${fix}"`), edits: [{ range: v.range, newText: quote(fix) }] }] : [],
  };
}

function filterHits(f: SeccompFilter | undefined, where: string): Hit[] {
  const h = kernelHit(f?.minKernel, where);
  return h ? [h] : [];
}

function check(model: SeccompModel): Hit[] {
  const hits: Hit[] = model.typeProblems.map((p) => ({ range: p.range, message: p.message }));
  for (const flag of model.flags ?? []) {
    if (SECCOMP_FLAGS[flag.value]) continue;
    const options = suggest(flag.value.toUpperCase(), FLAGS);
    hits.push({
      range: flag.range,
      message: t(
        `${quote(flag.value)} is not a seccomp filter flag runc knows: it refuses the profile. Known flags: ${FLAGS.join(', ')}.`,
        zh`${quote(flag.value)}不是 runc 认识的 seccomp 过滤器标志：runc 会拒绝该配置文件。已知的标志：${FLAGS.join('、')}。`,
      ),
      fixes: options.map((o) => ({ title: t(`Change to ${o}`, zh`改为${o}`), edits: [{ range: flag.range, newText: quote(o) }] })),
    });
  }
  for (const rule of model.syscalls) {
    const where = entryLabel(rule);
    hits.push(...filterHits(rule.includes, `${where}.includes`), ...filterHits(rule.excludes, `${where}.excludes`));
    for (const n of rule.names) {
      if (n.value.trim() === '') {
        hits.push({
          range: n.range,
          message: t(
            `An empty system call name (${where}): runc refuses the profile ("empty string is not a valid syscall").`,
            `系统调用名称为空（${where}）：runc 会拒绝该配置文件（“empty string is not a valid syscall”）。`,
          ),
        });
      } else if (n.value !== n.value.trim()) {
        hits.push({
          range: n.range,
          message: t(
            `${quote(n.value)} has spaces around the name (${where}): no system call is called that, so runc skips it silently.`,
            zh`${quote(n.value)}的名称前后有空格（${where}）：没有系统调用叫这个名字，所以 runc 会悄悄跳过它。`,
          ),
          fixes: [
            {
              title: t(`Change to ${quote(n.value.trim())}`, zh`改为${quote(n.value.trim())}`),
              edits: [{ range: n.range, newText: quote(n.value.trim()) }],
            },
          ],
        });
      }
    }
    if (rule.names.length === 0 && rule.namesList) {
      hits.push({
        range: rule.namesList.range,
        message: t(`${where} lists no system calls, so it does nothing.`, `${where} 没有列出任何系统调用，因此不起作用。`),
        severity: 'info',
      });
    }
  }
  return hits;
}

export default seccompRule(
  {
    id: 'CT3005',
    name: 'seccomp-invalid-value',
    title: 'A value Docker cannot read',
    defaultSeverity: 'error',
    appliesTo: ['seccomp'],
    explanation:
      'Docker reads a profile with Go\'s JSON decoder into fixed types: `names`, `architectures`, `caps` and `flags` are lists of strings; `index`, `value`, `valueTwo`, `errnoRet` and `defaultErrnoRet` are whole numbers that cannot be negative; `includes`/`excludes` are objects; `minKernel` is a string like `"4.8"`. ' +
      'A value of another type (a number in quotes, a single string where a list goes, `-1`, `1.5`) makes the whole profile unreadable and Docker refuses to start the container; a malformed `minKernel`, an unknown filter flag or an empty system call name is refused the same way. (`null` is accepted anywhere and means "not set".)',
    remediation:
      'Write the value with the type shown in the message. Numbers go without quotes; lists go in square brackets even with one item.',
    zh: {
      title: 'Docker 无法读取的值',
      explanation:
        'Docker 用 Go 的 JSON 解码器把配置文件读入固定的类型：`names`、`architectures`、`caps` 和 `flags` 是字符串列表；`index`、`value`、`valueTwo`、`errnoRet` 和 `defaultErrnoRet` 是不能为负的整数；`includes`/`excludes` 是对象；`minKernel` 是形如 `"4.8"` 的字符串。' +
        '其他类型的值（带引号的数字、本该是列表的地方写成单个字符串、`-1`、`1.5`）会使整个配置文件无法读取，Docker 会拒绝启动容器；格式错误的 `minKernel`、未知的过滤器标志或空的系统调用名称同样会被拒绝。（`null` 在任何位置都被接受，表示“未设置”。）',
      remediation: '按消息中给出的类型书写值。数字不加引号；列表即使只有一项也要放在方括号中。',
    },
    references: [REF.mobyTypes, REF.mobyLoad, REF.runcConfig, REF.spec],
    peers: {},
    bad: [
      { bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": "read", "action": "SCMP_ACT_ALLOW" }]\n}\n' },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["personality"], "action": "SCMP_ACT_ALLOW", "args": [{ "index": 0, "value": "8", "op": "SCMP_CMP_EQ" }] }\n  ]\n}\n',
      },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": { "minKernel": "4.8.0" } }]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": { "minKernel": "4.8" } }]\n}\n',
      },
      { bad: '{ "defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": -1, "syscalls": [] }\n' },
    ],
    good: [
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "defaultErrnoRet": 1,\n  "flags": ["SECCOMP_FILTER_FLAG_LOG"],\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW", "comment": null, "includes": { "minKernel": "4.8" } }]\n}\n',
    ],
  },
  check,
);
