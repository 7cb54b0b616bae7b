// CT3008 seccomp-unknown-key: a key Docker does not read; its JSON decoder ignores it silently,
// so a misspelt `syscall`, `arg` or `include` does nothing (pure core layer).

import { seccompRule, type Hit } from '../rule';
import type { SeccompModel } from '../../model/seccomp';
import { quote, suggest } from './util';
import { t } from '../../types';
import { zh } from '../image/zh';
import { REF } from './refs';

/** Frequent slips beyond spelling distance. */
const ALIASES: Record<string, string> = {
  syscall: 'syscalls',
  rules: 'syscalls',
  default_action: 'defaultAction',
  defaultaction: 'defaultAction',
  arch: 'architectures',
  archs: 'architectures',
  arguments: 'args',
  include: 'includes',
  exclude: 'excludes',
  capabilities: 'caps',
  operator: 'op',
  errno: 'errnoRet',
  defaultErrno: 'defaultErrnoRet',
  value2: 'valueTwo',
  subarchitectures: 'subArchitectures',
  minkernel: 'minKernel',
};

function check(model: SeccompModel): Hit[] {
  return model.unknownKeys.map((k) => {
    const alias = ALIASES[k.value] ?? ALIASES[k.value.toLowerCase()];
    // Never a rename to a key the object already has: Docker would read one of the two only.
    const options = [...new Set([...(alias && k.known.includes(alias) ? [alias] : []), ...suggest(k.value, k.known)])].filter(
      (o) => !k.present.includes(o),
    );
    const podman = k.value === 'defaultErrno' || k.value === 'errno' ? ' (Podman reads an errno name here; Docker does not)' : '';
    const whereZh = k.where === 'the top level' ? '顶层' : k.where;
    const podmanZh = podman ? '（Podman 在这里读取 errno 名称，Docker 不会）' : '';
    return {
      range: k.range,
      message: t(
        `Docker does not know ${quote(k.value)} in ${k.where}${podman} and ignores it without a word, so it has no effect.${options.length > 0 ? ` Did you mean ${quote(options[0])}?` : ` Known keys here: ${k.known.join(', ')}.`}`,
        zh`Docker 不认识${whereZh}中的${quote(k.value)}${podmanZh}，会一声不响地忽略它，因此它不起作用。` +
          (options.length > 0 ? zh`你是不是想写${quote(options[0])}？` : `这里已知的键：${k.known.join('、')}。`),
      ),
      fixes: options.map((o) => ({
        title: t(`Rename to ${quote(o)}`, zh`重命名为${quote(o)}`),
        edits: [{ range: k.range, newText: quote(o) }],
      })),
    };
  });
}

export default seccompRule(
  {
    id: 'CT3008',
    name: 'seccomp-unknown-key',
    title: 'A key Docker ignores',
    defaultSeverity: 'warning',
    appliesTo: ['seccomp'],
    explanation:
      'Docker decodes a profile into fixed fields and skips every key it does not know, without an error or a warning. A misspelt key therefore does nothing at all: `"syscall": [...]` instead of `syscalls` leaves the profile with no rules, `"arg"` instead of `args` drops the argument conditions so the entry applies to every call, and `"include"` instead of `includes` drops the capability condition. ' +
      'Go matches keys without regard to case, so `Names` works, but anything else must be spelt as in the format: `defaultAction`, `defaultErrnoRet`, `architectures`, `archMap`, `syscalls`, `flags`, `listenerPath`, `listenerMetadata`; in an entry `names`, `action`, `errnoRet`, `args`, `includes`, `excludes`, `comment`; in an argument `index`, `value`, `valueTwo`, `op`; in a filter `caps`, `arches`, `minKernel`.',
    remediation:
      "Rename the key to the one you meant (the quick fix offers the closest), or delete it. For notes, use an entry's `comment` field.",
    zh: {
      title: 'Docker 会忽略的键',
      explanation:
        'Docker 把配置文件解码到固定的字段中，并跳过所有不认识的键，既不报错也不警告。因此拼错的键完全不起作用：用 `"syscall": [...]` 代替 `syscalls` 会让配置文件没有任何规则，用 `"arg"` 代替 `args` 会丢掉参数条件，使条目适用于所有调用，用 `"include"` 代替 `includes` 会丢掉权能条件。' +
        'Go 匹配键时不区分大小写，所以 `Names` 可以生效，但其他写法都必须与格式中的拼写一致：顶层为 `defaultAction`、`defaultErrnoRet`、`architectures`、`archMap`、`syscalls`、`flags`、`listenerPath`、`listenerMetadata`；条目中为 `names`、`action`、`errnoRet`、`args`、`includes`、`excludes`、`comment`；参数中为 `index`、`value`、`valueTwo`、`op`；过滤条件中为 `caps`、`arches`、`minKernel`。',
      remediation: '把键重命名为你本来想写的键（快速修复会给出最接近的），或者删除它。如需写备注，请使用条目的 `comment` 字段。',
    },
    references: [REF.mobyTypes, REF.spec, REF.dockerDocs],
    peers: {},
    bad: [
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscall": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
        fixed: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW" }]\n}\n',
      },
      {
        bad: '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["personality"], "action": "SCMP_ACT_ALLOW", "arg": [{ "index": 0, "value": 0, "op": "SCMP_CMP_EQ" }] }]\n}\n',
        fixed:
          '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["personality"], "action": "SCMP_ACT_ALLOW", "args": [{ "index": 0, "value": 0, "op": "SCMP_CMP_EQ" }] }]\n}\n',
      },
    ],
    good: [
      '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [{ "names": ["read"], "action": "SCMP_ACT_ALLOW", "comment": "reading is fine", "Includes": { "caps": ["CAP_SYS_ADMIN"] } }]\n}\n',
    ],
  },
  check,
);
