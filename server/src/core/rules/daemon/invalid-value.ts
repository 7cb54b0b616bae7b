// CT4002 daemon-invalid-value: a value of the wrong JSON type, or one dockerd rejects, for a key it
// knows; dockerd then refuses to start (pure core layer).

import { daemonRule, type Hit } from '../rule';
import type { JsonValue } from '../../model/daemon';
import type { Fix } from '../../types';
import { DAEMON_KEY_INFO, type DaemonKeyInfo, type DaemonValueKind } from '../../knowledge/daemonKeys';
import { DOCKERD_REFERENCE } from './daemonUtil';

const STOPS = 'dockerd refuses to start';

function article(v: JsonValue): string {
  switch (v.type) {
    case 'string':
      return `a string (${v.raw.length > 30 ? `${v.raw.slice(0, 27)}…` : v.raw})`;
    case 'number':
      return `a number (${v.raw})`;
    case 'boolean':
      return String(v.value);
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    default:
      return 'null';
  }
}

const isInteger = (v: JsonValue) => v.type === 'number' && /^-?\d+$/.test(v.raw);

/** A size as go-units' RAMInBytes reads it: "64M", "1.5g", "512k", or a plain number of bytes. */
const SIZE = /^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/;

interface Ctx {
  key: string;
  hits: Hit[];
}

function wrong(ctx: Ctx, v: JsonValue, what: string, expected: string, fixes: Fix[] = []): void {
  ctx.hits.push({ range: v.range, message: `${what} must be ${expected}, not ${article(v)}: ${STOPS}.`, fixes });
}

function replaceFix(v: JsonValue, title: string, value: unknown): Fix {
  return { title, edits: [{ range: v.range, newText: JSON.stringify(value) }], safe: true };
}

function checkString(ctx: Ctx, v: JsonValue, what: string): void {
  if (v.type === 'string' || v.type === 'null') return;
  const fixes = v.type === 'number' || v.type === 'boolean' ? [replaceFix(v, `Write ${v.raw} as the string "${v.raw}"`, v.raw)] : [];
  wrong(ctx, v, what, 'a string', fixes);
}

function checkBoolean(ctx: Ctx, v: JsonValue, what: string): void {
  if (v.type === 'boolean' || v.type === 'null') return;
  const text = v.type === 'string' ? String(v.value).trim().toLowerCase() : '';
  const fixes = text === 'true' || text === 'false' ? [replaceFix(v, `Write ${text} without quotes`, text === 'true')] : [];
  wrong(ctx, v, what, 'true or false (without quotes)', fixes);
}

function checkInteger(ctx: Ctx, v: JsonValue, what: string): void {
  if (v.type === 'null' || isInteger(v)) return;
  const fixes =
    v.type === 'string' && /^-?\d+$/.test(String(v.value).trim())
      ? [replaceFix(v, `Write ${String(v.value).trim()} as a number`, Number(String(v.value).trim()))]
      : [];
  wrong(ctx, v, what, 'a whole number (no quotes, no fraction, no exponent)', fixes);
}

function checkStrings(ctx: Ctx, v: JsonValue, what: string): void {
  if (v.type === 'null') return;
  if (v.type !== 'array') {
    const fixes = v.type === 'string' ? [replaceFix(v, `Put ${v.raw} in a list: [${v.raw}]`, [v.value])] : [];
    wrong(ctx, v, what, 'an array of strings', fixes);
    return;
  }
  for (const item of v.items ?? []) checkString(ctx, item, `Each entry of "${ctx.key}"`);
}

function checkObject(ctx: Ctx, v: JsonValue, what: string, member: (m: JsonValue, name: string) => void): void {
  if (v.type === 'null') return;
  if (v.type !== 'object') {
    wrong(ctx, v, what, 'an object ({ ... })');
    return;
  }
  for (const p of v.props ?? []) if (p.value) member(p.value, p.key);
}

function checkUlimits(ctx: Ctx, v: JsonValue): void {
  checkObject(ctx, v, `"${ctx.key}"`, (limit, name) =>
    checkObject(ctx, limit, `"${ctx.key}" → "${name}"`, (field, fieldName) => {
      if (fieldName === 'Name') checkString(ctx, field, `"${name}" → "Name"`);
      else if (fieldName === 'Soft' || fieldName === 'Hard') checkInteger(ctx, field, `"${name}" → "${fieldName}"`);
    }),
  );
}

function checkRuntimes(ctx: Ctx, v: JsonValue): void {
  checkObject(ctx, v, '"runtimes"', (runtime, name) => {
    if (runtime.type !== 'object') {
      if (runtime.type !== 'null') wrong(ctx, runtime, `Runtime "${name}"`, 'an object with "path" or "runtimeType"');
      return;
    }
    const props = runtime.props ?? [];
    for (const p of props) {
      if (!p.value) continue;
      if (p.key === 'path' || p.key === 'runtimeType') checkString(ctx, p.value, `"${name}" → "${p.key}"`);
      else if (p.key === 'runtimeArgs') checkStrings({ ...ctx, key: `${name}" → "runtimeArgs` }, p.value, `"${name}" → "runtimeArgs"`);
      else if (p.key === 'options') checkObject(ctx, p.value, `"${name}" → "options"`, () => undefined);
    }
    if (!props.some((p) => p.key === 'path' || p.key === 'runtimeType')) {
      ctx.hits.push({
        range: runtime.range,
        message: `Runtime "${name}" needs a "path" (an OCI runtime binary) or a "runtimeType" (a containerd shim): ${STOPS}.`,
      });
    }
  });
}

function checkPools(ctx: Ctx, v: JsonValue): void {
  if (v.type === 'null') return;
  if (v.type !== 'array') return wrong(ctx, v, '"default-address-pools"', 'an array of { "base": "<CIDR>", "size": <prefix length> }');
  for (const pool of v.items ?? []) {
    checkObject(ctx, pool, 'Each address pool', (field, name) => {
      if (name === 'base') checkString(ctx, field, 'A pool\'s "base"');
      else if (name === 'size') checkInteger(ctx, field, 'A pool\'s "size"');
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
      ctx.hits.push({
        range: v.range,
        message: `"${info.key}" accepts ${info.values.map((x) => `"${x}"`).join(', ')}, not ${v.raw}: ${STOPS}.`,
        fixes: close ? [replaceFix(v, `Write "${close}"`, close)] : [],
      });
    }
  }
  if (info.key === 'default-shm-size' && !SIZE.test(s)) {
    ctx.hits.push({ range: v.range, message: `"default-shm-size" must be a size such as "64M" or "1g", not ${v.raw}: ${STOPS}.` });
  }
}

function checkKind(ctx: Ctx, info: DaemonKeyInfo, kind: DaemonValueKind, v: JsonValue): void {
  const what = `"${info.key}"`;
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
        ctx.hits.push({ range: v.range, message: `${what} cannot be negative: ${STOPS}.` });
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
              message: `${item.raw} is not an address dockerd can listen on (unix://, tcp://, fd:// or npipe://): ${STOPS}.`,
            });
          }
        }
      }
      break;
    case 'stringOrStrings':
      if (v.type !== 'string') checkStrings(ctx, v, what);
      break;
    case 'bytes':
      if (v.type !== 'string' && v.type !== 'null' && !isInteger(v)) wrong(ctx, v, what, 'a size such as "64M" or a number of bytes');
      break;
    case 'stringMap':
      checkObject(ctx, v, what, (m, name) =>
        checkString(ctx, m, `"${info.key}" → "${name}"${info.key === 'log-opts' ? ' (log options are strings, even numbers)' : ''}`),
      );
      break;
    case 'stringMapMap':
      checkObject(ctx, v, what, (m, name) =>
        checkObject(ctx, m, `"${info.key}" → "${name}"`, (x, opt) => checkString(ctx, x, `"${name}" → "${opt}"`)),
      );
      break;
    case 'boolMap':
      checkObject(ctx, v, what, (m, name) => checkBoolean(ctx, m, `"${info.key}" → "${name}"`));
      break;
    case 'proxies':
      checkObject(ctx, v, what, (m, name) => checkString(ctx, m, `"proxies" → "${name}"`));
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
