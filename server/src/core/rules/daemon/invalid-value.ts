// CT4002 daemon-invalid-value: a value of the wrong JSON type, or one dockerd rejects, for a key it
// knows; dockerd then refuses to start (pure core layer).

import { daemonRule, type Hit, type RuleFix } from '../rule';
import type { JsonValue } from '../../model/daemon';
import { t, type Localized } from '../../types';
import { DAEMON_KEY_INFO, type DaemonKeyInfo, type DaemonValueKind } from '../../knowledge/daemonKeys';
import { zh } from '../image/zh';
import { DOCKERD_REFERENCE } from './daemonUtil';

const STOPS = 'dockerd refuses to start';
const STOPS_ZH = 'dockerd 会拒绝启动';

/** A text that reads the same in both languages (a quoted key, a path of keys). */
const same = (s: string): Localized => t(s, s);

function article(v: JsonValue): Localized {
  const raw = v.raw.length > 30 ? `${v.raw.slice(0, 27)}…` : v.raw;
  switch (v.type) {
    case 'string':
      return t(`a string (${raw})`, `字符串（${raw}）`);
    case 'number':
      return t(`a number (${v.raw})`, `数字（${v.raw}）`);
    case 'boolean':
      return same(String(v.value));
    case 'array':
      return t('an array', '数组');
    case 'object':
      return t('an object', '对象');
    default:
      return same('null');
  }
}

const isInteger = (v: JsonValue) => v.type === 'number' && /^-?\d+$/.test(v.raw);

/** A size as go-units' RAMInBytes reads it: "64M", "1.5g", "512k", or a plain number of bytes. */
const SIZE = /^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/;

interface Ctx {
  key: string;
  hits: Hit[];
}

function wrong(ctx: Ctx, v: JsonValue, what: Localized, expected: Localized, fixes: RuleFix[] = []): void {
  const was = article(v);
  ctx.hits.push({
    range: v.range,
    message: t(
      `${what.en} must be ${expected.en}, not ${was.en}: ${STOPS}.`,
      zh`${what['zh-CN']}必须是${expected['zh-CN']}，而不是${was['zh-CN']}：${STOPS_ZH}。`,
    ),
    fixes,
  });
}

function replaceFix(v: JsonValue, title: Localized, value: unknown): RuleFix {
  return { title, edits: [{ range: v.range, newText: JSON.stringify(value) }], safe: true };
}

const A_STRING = t('a string', '字符串');

function checkString(ctx: Ctx, v: JsonValue, what: Localized): void {
  if (v.type === 'string' || v.type === 'null') return;
  const fixes =
    v.type === 'number' || v.type === 'boolean'
      ? [replaceFix(v, t(`Write ${v.raw} as the string "${v.raw}"`, `把 ${v.raw} 写成字符串 "${v.raw}"`), v.raw)]
      : [];
  wrong(ctx, v, what, A_STRING, fixes);
}

function checkBoolean(ctx: Ctx, v: JsonValue, what: Localized): void {
  if (v.type === 'boolean' || v.type === 'null') return;
  const text = v.type === 'string' ? String(v.value).trim().toLowerCase() : '';
  const fixes =
    text === 'true' || text === 'false'
      ? [replaceFix(v, t(`Write ${text} without quotes`, `写成不带引号的 ${text}`), text === 'true')]
      : [];
  wrong(ctx, v, what, t('true or false (without quotes)', 'true 或 false（不带引号）'), fixes);
}

function checkInteger(ctx: Ctx, v: JsonValue, what: Localized): void {
  if (v.type === 'null' || isInteger(v)) return;
  const n = v.type === 'string' ? String(v.value).trim() : '';
  const fixes = /^-?\d+$/.test(n) ? [replaceFix(v, t(`Write ${n} as a number`, `把 ${n} 写成数字`), Number(n))] : [];
  wrong(ctx, v, what, t('a whole number (no quotes, no fraction, no exponent)', '整数（不带引号，没有小数部分，也没有指数）'), fixes);
}

function checkStrings(ctx: Ctx, v: JsonValue, what: Localized): void {
  if (v.type === 'null') return;
  if (v.type !== 'array') {
    const fixes =
      v.type === 'string' ? [replaceFix(v, t(`Put ${v.raw} in a list: [${v.raw}]`, `把 ${v.raw} 放进列表：[${v.raw}]`), [v.value])] : [];
    wrong(ctx, v, what, t('an array of strings', '字符串数组'), fixes);
    return;
  }
  for (const item of v.items ?? []) checkString(ctx, item, t(`Each entry of "${ctx.key}"`, `"${ctx.key}" 的每一项`));
}

function checkObject(ctx: Ctx, v: JsonValue, what: Localized, member: (m: JsonValue, name: string) => void): void {
  if (v.type === 'null') return;
  if (v.type !== 'object') {
    wrong(ctx, v, what, t('an object ({ ... })', '对象（{ ... }）'));
    return;
  }
  for (const p of v.props ?? []) if (p.value) member(p.value, p.key);
}

function checkUlimits(ctx: Ctx, v: JsonValue): void {
  checkObject(ctx, v, same(`"${ctx.key}"`), (limit, name) =>
    checkObject(ctx, limit, same(`"${ctx.key}" → "${name}"`), (field, fieldName) => {
      if (fieldName === 'Name') checkString(ctx, field, same(`"${name}" → "Name"`));
      else if (fieldName === 'Soft' || fieldName === 'Hard') checkInteger(ctx, field, same(`"${name}" → "${fieldName}"`));
    }),
  );
}

function checkRuntimes(ctx: Ctx, v: JsonValue): void {
  checkObject(ctx, v, same('"runtimes"'), (runtime, name) => {
    if (runtime.type !== 'object') {
      if (runtime.type !== 'null')
        wrong(
          ctx,
          runtime,
          t(`Runtime "${name}"`, `运行时 "${name}"`),
          t('an object with "path" or "runtimeType"', '带有 "path" 或 "runtimeType" 的对象'),
        );
      return;
    }
    const props = runtime.props ?? [];
    for (const p of props) {
      if (!p.value) continue;
      if (p.key === 'path' || p.key === 'runtimeType') checkString(ctx, p.value, same(`"${name}" → "${p.key}"`));
      else if (p.key === 'runtimeArgs')
        checkStrings({ ...ctx, key: `${name}" → "runtimeArgs` }, p.value, same(`"${name}" → "runtimeArgs"`));
      else if (p.key === 'options') checkObject(ctx, p.value, same(`"${name}" → "options"`), () => undefined);
    }
    if (!props.some((p) => p.key === 'path' || p.key === 'runtimeType')) {
      ctx.hits.push({
        range: runtime.range,
        message: t(
          `Runtime "${name}" needs a "path" (an OCI runtime binary) or a "runtimeType" (a containerd shim): ${STOPS}.`,
          `运行时 "${name}" 需要 "path"（OCI 运行时的可执行文件）或 "runtimeType"（containerd shim）：${STOPS_ZH}。`,
        ),
      });
    }
  });
}

function checkPools(ctx: Ctx, v: JsonValue): void {
  if (v.type === 'null') return;
  if (v.type !== 'array')
    return wrong(
      ctx,
      v,
      same('"default-address-pools"'),
      t('an array of { "base": "<CIDR>", "size": <prefix length> }', '由 { "base": "<CIDR>", "size": <前缀长度> } 组成的数组'),
    );
  for (const pool of v.items ?? []) {
    checkObject(ctx, pool, t('Each address pool', '每个地址池'), (field, name) => {
      if (name === 'base') checkString(ctx, field, t('A pool\'s "base"', '地址池的 "base"'));
      else if (name === 'size') checkInteger(ctx, field, t('A pool\'s "size"', '地址池的 "size"'));
    });
  }
}

/** Schemes dockerd listens on (opts.ParseDaemonHost); a bare host:port means tcp. */
const HOST = /^(unix|tcp|fd|npipe):\/\//;

function checkValues(ctx: Ctx, info: DaemonKeyInfo, v: JsonValue): void {
  if (v.type !== 'string') return;
  const s = String(v.value);
  if (info.values && s !== '') {
    const ok = info.key === 'log-level' ? info.values.includes(s.toLowerCase()) || s.toLowerCase() === 'warning' : info.values.includes(s);
    if (!ok) {
      const close = info.values.find((x) => x === s.toLowerCase().trim());
      const quoted = info.values.map((x) => `"${x}"`);
      ctx.hits.push({
        range: v.range,
        message: t(
          `"${info.key}" accepts ${quoted.join(', ')}, not ${v.raw}: ${STOPS}.`,
          `"${info.key}" 只接受 ${quoted.join('、')}，不接受 ${v.raw}：${STOPS_ZH}。`,
        ),
        fixes: close ? [replaceFix(v, t(`Write "${close}"`, `改写为 "${close}"`), close)] : [],
      });
    }
  }
  if (info.key === 'default-shm-size' && !SIZE.test(s)) {
    ctx.hits.push({
      range: v.range,
      message: t(
        `"default-shm-size" must be a size such as "64M" or "1g", not ${v.raw}: ${STOPS}.`,
        `"default-shm-size" 必须是 "64M" 或 "1g" 这样的大小，而不是 ${v.raw}：${STOPS_ZH}。`,
      ),
    });
  }
}

function checkKind(ctx: Ctx, info: DaemonKeyInfo, kind: DaemonValueKind, v: JsonValue): void {
  const what = same(`"${info.key}"`);
  switch (kind) {
    case 'string':
      checkString(ctx, v, what);
      break;
    case 'boolean':
      checkBoolean(ctx, v, what);
      break;
    case 'integer':
      checkInteger(ctx, v, what);
      if (isInteger(v) && (v.value as number) < 0 && !info.key.startsWith('cpu-rt')) {
        ctx.hits.push({
          range: v.range,
          message: t(`${what.en} cannot be negative: ${STOPS}.`, `${what['zh-CN']} 不能为负数：${STOPS_ZH}。`),
        });
      }
      break;
    case 'strings':
      checkStrings(ctx, v, what);
      if (info.key === 'hosts') {
        for (const item of v.items ?? []) {
          const h = item.type === 'string' ? (item.value as string) : '';
          if (h.includes('://') && !HOST.test(h)) {
            ctx.hits.push({
              range: item.range,
              message: t(
                `${item.raw} is not an address dockerd can listen on (unix://, tcp://, fd:// or npipe://): ${STOPS}.`,
                `${item.raw} 不是 dockerd 能够监听的地址（unix://、tcp://、fd:// 或 npipe://）：${STOPS_ZH}。`,
              ),
            });
          }
        }
      }
      break;
    case 'stringOrStrings':
      if (v.type !== 'string') checkStrings(ctx, v, what);
      break;
    case 'bytes':
      if (v.type !== 'string' && v.type !== 'null' && !isInteger(v))
        wrong(ctx, v, what, t('a size such as "64M" or a number of bytes', '"64M" 这样的大小或字节数'));
      break;
    case 'stringMap':
      checkObject(ctx, v, what, (m, name) =>
        checkString(
          ctx,
          m,
          info.key === 'log-opts'
            ? t(
                `"${info.key}" → "${name}" (log options are strings, even numbers)`,
                `"${info.key}" → "${name}"（日志选项都是字符串，数字也不例外）`,
              )
            : same(`"${info.key}" → "${name}"`),
        ),
      );
      break;
    case 'stringMapMap':
      checkObject(ctx, v, what, (m, name) =>
        checkObject(ctx, m, same(`"${info.key}" → "${name}"`), (x, opt) => checkString(ctx, x, same(`"${name}" → "${opt}"`))),
      );
      break;
    case 'boolMap':
      checkObject(ctx, v, what, (m, name) => checkBoolean(ctx, m, same(`"${info.key}" → "${name}"`)));
      break;
    case 'proxies':
      checkObject(ctx, v, what, (m, name) => checkString(ctx, m, same(`"proxies" → "${name}"`)));
      break;
    case 'ulimits':
      checkUlimits(ctx, v);
      break;
    case 'runtimes':
      checkRuntimes(ctx, v);
      break;
    case 'addressPools':
      checkPools(ctx, v);
      break;
    case 'object':
      checkObject(ctx, v, what, () => undefined);
      break;
  }
  checkValues(ctx, info, v);
}

export default daemonRule(
  {
    id: 'CT4002',
    name: 'daemon-invalid-value',
    title: 'A daemon.json value has the wrong type or a value dockerd rejects',
    defaultSeverity: 'error',
    appliesTo: ['daemon'],
    explanation:
      'dockerd decodes daemon.json into typed settings. A value of another JSON type (`"icc": "false"` in quotes, `"max-concurrent-downloads": "3"`, `"log-opts": {"max-file": 3}` where log options must be strings) makes the decoding fail, and the daemon does not start. ' +
      'Some keys accept only a few values (`log-level`, `default-cgroupns-mode`, `default-ipc-mode`, `log-format`), sizes must be written the way Docker reads them (`"64M"`), numbers must be whole, and every entry of `runtimes` needs a `path` or a `runtimeType`. ' +
      '`null` leaves the default and is accepted.',
    remediation:
      'Write booleans without quotes, whole numbers without quotes, log options as strings, and lists as JSON arrays. The quick fix converts the obvious cases. `dockerd --validate` checks the file before a restart.',
    zh: {
      title: 'daemon.json 中的值类型错误，或者是 dockerd 不接受的值',
      explanation:
        'dockerd 会把 daemon.json 解码成带类型的设置。JSON 类型不对的值（带引号的 `"icc": "false"`、`"max-concurrent-downloads": "3"`，或者 `"log-opts": {"max-file": 3}`，而日志选项必须是字符串）会让解码失败，守护进程也就无法启动。' +
        '有些键只接受少数几个取值（`log-level`、`default-cgroupns-mode`、`default-ipc-mode`、`log-format`），大小必须按 Docker 能读懂的方式书写（`"64M"`），数字必须是整数，`runtimes` 的每一项都需要 `path` 或 `runtimeType`。' +
        '`null` 表示保留默认值，是允许的。',
      remediation:
        '布尔值和整数都不要加引号，日志选项写成字符串，列表写成 JSON 数组。快速修复会处理那些显而易见的情况。`dockerd --validate` 可以在重启之前检查这个文件。',
    },
    references: [
      DOCKERD_REFERENCE,
      { title: 'Configure logging drivers (log-opts values are strings)', url: 'https://docs.docker.com/engine/logging/configure/' },
    ],
    peers: {},
    bad: [
      { bad: '{\n  "icc": "false"\n}\n', fixed: '{\n  "icc": false\n}\n' },
      {
        bad: '{\n  "log-opts": {\n    "max-size": "10m",\n    "max-file": 3\n  }\n}\n',
        fixed: '{\n  "log-opts": {\n    "max-size": "10m",\n    "max-file": "3"\n  }\n}\n',
      },
      { bad: '{\n  "max-concurrent-downloads": "6"\n}\n', fixed: '{\n  "max-concurrent-downloads": 6\n}\n' },
      { bad: '{\n  "insecure-registries": "registry.local:5000"\n}\n', fixed: '{\n  "insecure-registries": ["registry.local:5000"]\n}\n' },
      { bad: '{\n  "log-level": "verbose"\n}\n' },
      { bad: '{\n  "default-cgroupns-mode": "Private"\n}\n', fixed: '{\n  "default-cgroupns-mode": "private"\n}\n' },
      { bad: '{\n  "runtimes": {\n    "gvisor": {}\n  }\n}\n' },
      { bad: '{\n  "shutdown-timeout": 1.5\n}\n' },
    ],
    good: [
      '{\n  "icc": false,\n  "log-opts": { "max-size": "10m", "max-file": "3" },\n  "max-concurrent-downloads": 6,\n  "default-shm-size": "128M"\n}\n',
      '{\n  "runtimes": { "runsc": { "path": "/usr/local/bin/runsc", "runtimeArgs": ["--platform=kvm"] } }\n}\n',
      '{\n  "log-level": "WARN",\n  "default-address-pools": [{ "base": "10.10.0.0/16", "size": 24 }],\n  "host-gateway-ips": "192.0.2.1"\n}\n',
      // null leaves dockerd's default.
      '{\n  "icc": null\n}\n',
    ],
  },
  (model): Hit[] => {
    const hits: Hit[] = [];
    for (const p of model.props) {
      const info = DAEMON_KEY_INFO.get(p.key);
      if (!info || !p.value) continue;
      checkKind({ key: p.key, hits }, info, info.kind, p.value);
    }
    return hits;
  },
);
