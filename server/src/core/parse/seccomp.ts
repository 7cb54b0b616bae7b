// Seccomp profile JSON → SeccompModel with exact ranges (pure core layer). jsonc-parser gives a
// tree even for broken JSON; its errors become input problems, and every value Docker's Go
// decoder would reject (a string where a number goes, a negative index) becomes a type problem.

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { TextDoc } from '../text';
import type { Locale, Range } from '../types';
import type { InputProblem } from '../model/runtimeDoc';
import type { JVal, SeccompArg, SeccompFilter, SeccompModel, SeccompRule, SeccompTypeProblem, SeccompUnknownKey } from '../model/seccomp';

/** The keys Docker's profile types (moby profiles/seccomp, the runtime-spec LinuxSeccomp it embeds) read at each level. */
export const SECCOMP_KEYS = {
  top: ['defaultAction', 'defaultErrnoRet', 'architectures', 'archMap', 'syscalls', 'flags', 'listenerPath', 'listenerMetadata'],
  archMap: ['architecture', 'subArchitectures'],
  syscall: ['names', 'name', 'action', 'errnoRet', 'args', 'comment', 'includes', 'excludes'],
  arg: ['index', 'value', 'valueTwo', 'op'],
  filter: ['caps', 'arches', 'minKernel'],
} as const;

const MAX_U64 = (1n << 64n) - 1n;

/** Messages for jsonc-parser's error codes, in the words of someone fixing the file. */
const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character: JSON expects a value, a comma or a closing bracket here.',
  InvalidNumberFormat: 'This is not a valid JSON number.',
  PropertyNameExpected: 'Expected a key in double quotes.',
  ValueExpected: 'Expected a value (a string, a number, true, false, null, an object or a list).',
  ColonExpected: 'Expected a colon after the key.',
  CommaExpected: 'Expected a comma between these items.',
  CloseBraceExpected: 'Expected a comma or `}` to close the object.',
  CloseBracketExpected: 'Expected a comma or `]` to close the list.',
  EndOfFileExpected: "Unexpected text after the end of the profile's top-level object.",
  InvalidCommentToken:
    'Comments are not JSON: Docker refuses a profile with comments. Use the `comment` field of a `syscalls` entry instead.',
  UnexpectedEndOfComment: 'This comment is not closed (and comments are not JSON: Docker refuses them).',
  UnexpectedEndOfString: 'This string is not closed: add the closing double quote.',
  UnexpectedEndOfNumber: 'This number is incomplete.',
  InvalidUnicode: 'Invalid `\\u` escape: four hexadecimal digits are expected.',
  InvalidEscapeCharacter: 'Invalid escape in a string: JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.',
  InvalidCharacter: 'This character is not allowed inside a JSON string (a raw line break or control character).',
};

/** PARSE_MESSAGES in Simplified Chinese. */
const PARSE_MESSAGES_ZH: Record<string, string> = {
  InvalidSymbol: '意外的字符：JSON 在这里需要一个值、一个逗号或一个右括号。',
  InvalidNumberFormat: '这不是有效的 JSON 数字。',
  PropertyNameExpected: '这里需要一个用双引号括起来的键。',
  ValueExpected: '这里需要一个值（字符串、数字、true、false、null、对象或列表）。',
  ColonExpected: '键后面需要一个冒号。',
  CommaExpected: '这些项之间需要一个逗号。',
  CloseBraceExpected: '需要一个逗号或 `}` 来结束对象。',
  CloseBracketExpected: '需要一个逗号或 `]` 来结束列表。',
  EndOfFileExpected: '配置文件的顶层对象结束后还有多余的文本。',
  InvalidCommentToken: '注释不属于 JSON：Docker 会拒绝带注释的配置文件。请改用 `syscalls` 条目的 `comment` 字段。',
  UnexpectedEndOfComment: '这个注释没有结束（而且注释不属于 JSON：Docker 会拒绝它们）。',
  UnexpectedEndOfString: '这个字符串没有结束：请加上右双引号。',
  UnexpectedEndOfNumber: '这个数字不完整。',
  InvalidUnicode: '无效的 `\\u` 转义：需要四个十六进制数字。',
  InvalidEscapeCharacter: '字符串中有无效的转义：JSON 允许 \\" \\\\ \\/ \\b \\f \\n \\r \\t 和 \\uXXXX。',
  InvalidCharacter: 'JSON 字符串中不允许出现这个字符（未转义的换行符或控制字符）。',
};

/** The expected types wrongType names, in Simplified Chinese. */
const EXPECTED_ZH: Record<string, string> = {
  'a string': '字符串',
  'a whole number': '整数',
  'a list of strings': '字符串列表',
  'an object': '对象',
  'a list': '列表',
  'an object with index, value, valueTwo and op': '包含 index、value、valueTwo 和 op 的对象',
  'an object (names, action, …)': '对象（names、action……）',
  'an object with architecture and subArchitectures': '包含 architecture 和 subArchitectures 的对象',
};

class Reader {
  readonly problems: InputProblem[] = [];
  readonly typeProblems: SeccompTypeProblem[] = [];
  readonly unknownKeys: SeccompUnknownKey[] = [];
  constructor(
    readonly doc: TextDoc,
    readonly locale: Locale = 'en',
  ) {}

  range(node: Node): Range {
    return this.doc.rangeOf(node.offset, node.offset + node.length);
  }

  raw(node: Node): string {
    return this.doc.text.slice(node.offset, node.offset + node.length);
  }

  /** How a value looks, for messages: `a string ("1")`, `a list`, `-1`. */
  describe(node: Node): string {
    if (this.locale === 'zh-CN') {
      switch (node.type) {
        case 'string':
          return `字符串（${truncate(this.raw(node))}）`;
        case 'number':
          return `数字 ${truncate(this.raw(node))}`;
        case 'boolean':
          return String(node.value);
        case 'array':
          return '列表';
        case 'object':
          return '对象';
        default:
          return 'null';
      }
    }
    switch (node.type) {
      case 'string':
        return `a string (${truncate(this.raw(node))})`;
      case 'number':
        return `the number ${truncate(this.raw(node))}`;
      case 'boolean':
        return String(node.value);
      case 'array':
        return 'a list';
      case 'object':
        return 'an object';
      default:
        return 'null';
    }
  }

  wrongType(path: string, node: Node, expected: string): void {
    this.typeProblems.push({
      path,
      message:
        this.locale === 'zh-CN'
          ? `\`${path}\` 必须是${EXPECTED_ZH[expected] ?? expected}，而不是${this.describe(node)}：Docker 无法解码该配置文件，会拒绝启动容器。`
          : `\`${path}\` must be ${expected}, not ${this.describe(node)}: Docker cannot decode the profile and refuses to start the container.`,
      range: this.range(node),
    });
  }

  /**
   * The members of an object by key, as Go's decoder matches them: an exact key first, else one
   * that differs only in case. Keys it does not know are recorded; a repeated key keeps its last value.
   */
  members(obj: Node, known: readonly string[], where: string): Map<string, { key: Node; value: Node; member: Node }> {
    const out = new Map<string, { key: Node; value: Node; member: Node }>();
    const seen = new Map<string, Node>();
    const unknown: SeccompUnknownKey[] = [];
    for (const member of obj.children ?? []) {
      const [key, value] = member.children ?? [];
      if (!key || key.type !== 'string' || !value) continue;
      const name = String(key.value);
      const field = known.includes(name) ? name : known.find((k) => k.toLowerCase() === name.toLowerCase());
      if (!field) {
        const u: SeccompUnknownKey = { value: name, range: this.range(key), keyRange: this.range(key), where, known, present: [] };
        unknown.push(u);
        this.unknownKeys.push(u);
        continue;
      }
      const before = seen.get(field);
      if (before) {
        this.problems.push({
          message:
            this.locale === 'zh-CN'
              ? `\`${name}\` 在${where === 'the top level' ? '顶层' : ` ${where} `}中出现了两次；Docker 的解码器只保留最后一个，因此第一个会被忽略。`
              : `\`${name}\` appears twice in ${where}; Docker's decoder keeps only the last one, so the first is ignored.`,
          range: this.range(before),
          severity: 'warning',
        });
      }
      seen.set(field, key);
      out.set(field, { key, value, member });
    }
    const present = [...seen.keys()];
    for (const u of unknown) u.present = present;
    return out;
  }

  string(m: { key: Node; value: Node } | undefined, path: string): JVal<string> | undefined {
    if (!m || m.value.type === 'null') return undefined;
    if (m.value.type !== 'string') {
      this.wrongType(path, m.value, 'a string');
      return undefined;
    }
    return { value: String(m.value.value), range: this.range(m.value), keyRange: this.range(m.key), raw: this.raw(m.value) };
  }

  /** A Go `uint`/`uint64`: digits only (no sign, fraction or exponent), at most 2^64-1. */
  uint(m: { key: Node; value: Node } | undefined, path: string): JVal<number> | undefined {
    if (!m || m.value.type === 'null') return undefined;
    if (m.value.type !== 'number') {
      this.wrongType(path, m.value, 'a whole number');
      return undefined;
    }
    const raw = this.raw(m.value);
    if (!/^(0|[1-9][0-9]*)$/.test(raw) || BigInt(raw) > MAX_U64) {
      this.typeProblems.push({
        path,
        message:
          this.locale === 'zh-CN'
            ? `\`${path}\` 必须是 0 到 18446744073709551615 之间的整数，而不是 ${truncate(raw)}：Docker 无法解码该配置文件，会拒绝启动容器。`
            : `\`${path}\` must be a whole number from 0 to 18446744073709551615, not ${truncate(raw)}: Docker cannot decode the profile and refuses to start the container.`,
        range: this.range(m.value),
      });
      return undefined;
    }
    return { value: Number(raw), range: this.range(m.value), keyRange: this.range(m.key), raw };
  }

  strings(m: { key: Node; value: Node } | undefined, path: string): JVal<string>[] | undefined {
    if (!m || m.value.type === 'null') return undefined;
    if (m.value.type !== 'array') {
      this.wrongType(path, m.value, 'a list of strings');
      return undefined;
    }
    const out: JVal<string>[] = [];
    (m.value.children ?? []).forEach((item, i) => {
      if (item.type === 'string') out.push({ value: String(item.value), range: this.range(item), raw: this.raw(item) });
      else this.wrongType(`${path}[${i}]`, item, 'a string');
    });
    return out;
  }

  object(m: { key: Node; value: Node } | undefined, path: string): Node | undefined {
    if (!m || m.value.type === 'null') return undefined;
    if (m.value.type !== 'object') {
      this.wrongType(path, m.value, 'an object');
      return undefined;
    }
    return m.value;
  }

  array(m: { key: Node; value: Node } | undefined, path: string): Node | undefined {
    if (!m || m.value.type === 'null') return undefined;
    if (m.value.type !== 'array') {
      this.wrongType(path, m.value, 'a list');
      return undefined;
    }
    return m.value;
  }

  filter(m: { key: Node; value: Node } | undefined, path: string): SeccompFilter | undefined {
    const obj = this.object(m, path);
    if (!obj || !m) return undefined;
    const f = this.members(obj, SECCOMP_KEYS.filter, `\`${path}\``);
    return {
      caps: this.strings(f.get('caps'), `${path}.caps`),
      arches: this.strings(f.get('arches'), `${path}.arches`),
      minKernel: this.string(f.get('minKernel'), `${path}.minKernel`),
      range: this.range(obj),
      keyRange: this.range(m.key),
    };
  }

  arg(node: Node, path: string, position: number): SeccompArg | undefined {
    if (node.type === 'null') return undefined;
    if (node.type !== 'object') {
      this.wrongType(path, node, 'an object with index, value, valueTwo and op');
      return undefined;
    }
    const a = this.members(node, SECCOMP_KEYS.arg, `\`${path}\``);
    return {
      index: this.uint(a.get('index'), `${path}.index`),
      value: this.uint(a.get('value'), `${path}.value`),
      valueTwo: this.uint(a.get('valueTwo'), `${path}.valueTwo`),
      op: this.string(a.get('op'), `${path}.op`),
      range: this.range(node),
      position,
    };
  }

  syscall(node: Node, position: number): SeccompRule | undefined {
    const path = `syscalls[${position}]`;
    if (node.type === 'null') return undefined;
    if (node.type !== 'object') {
      this.wrongType(path, node, 'an object (names, action, …)');
      return undefined;
    }
    const s = this.members(node, SECCOMP_KEYS.syscall, `\`${path}\``);
    const namesM = s.get('names');
    const rule: SeccompRule = {
      names: this.strings(namesM, `${path}.names`) ?? [],
      action: this.string(s.get('action'), `${path}.action`),
      errnoRet: this.uint(s.get('errnoRet'), `${path}.errnoRet`),
      args: [],
      includes: this.filter(s.get('includes'), `${path}.includes`),
      excludes: this.filter(s.get('excludes'), `${path}.excludes`),
      comment: this.string(s.get('comment'), `${path}.comment`),
      range: this.range(node),
      position,
    };
    if (namesM && namesM.value.type === 'array') rule.namesList = { range: this.range(namesM.value), keyRange: this.range(namesM.key) };
    const legacy = this.string(s.get('name'), `${path}.name`);
    if (legacy) {
      rule.legacyName = legacy;
      rule.names.push({ value: legacy.value, range: legacy.range, raw: legacy.raw });
    }
    const args = this.array(s.get('args'), `${path}.args`);
    (args?.children ?? []).forEach((a, i) => {
      const arg = this.arg(a, `${path}.args[${i}]`, i);
      if (arg) rule.args.push(arg);
    });
    return rule;
  }
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** A parse error's range, at least one character wide where the text allows, never past the end. */
function errorRange(doc: TextDoc, e: ParseError): Range {
  const len = doc.text.length;
  const start = Math.min(e.offset, len);
  let end = Math.min(e.offset + e.length, len);
  if (end === start && start < len && !/[\r\n]/.test(doc.text[start])) end = start + 1;
  return doc.rangeOf(start, end);
}

function parseProblems(doc: TextDoc, errors: ParseError[], locale: Locale): InputProblem[] {
  const zh = locale === 'zh-CN';
  const out: InputProblem[] = [];
  const seen = new Set<number>();
  for (const e of errors) {
    // One message per place: a broken token often yields several errors at the same offset.
    if (seen.has(e.offset)) continue;
    seen.add(e.offset);
    const code = printParseErrorCode(e.error);
    let message =
      (zh ? PARSE_MESSAGES_ZH[code] : PARSE_MESSAGES[code]) ?? (zh ? `JSON 语法错误（${code}）。` : `JSON syntax error (${code}).`);
    let range = errorRange(doc, e);
    // A comma right before `}` or `]` is the usual cause of "key/value expected": say so, at the comma.
    if ((code === 'PropertyNameExpected' || code === 'ValueExpected') && /[}\]]/.test(doc.text[e.offset] ?? '')) {
      let i = e.offset - 1;
      while (i >= 0 && /\s/.test(doc.text[i])) i--;
      if (doc.text[i] === ',') {
        message = zh
          ? '多余的逗号：JSON 不允许在右括号前出现逗号，Docker 会拒绝该配置文件。'
          : 'Trailing comma: JSON does not allow a comma before a closing bracket, and Docker refuses the profile.';
        range = doc.rangeOf(i, i + 1);
      }
    }
    out.push({
      message: message.includes('Docker')
        ? message
        : zh
          ? `${message}在修正之前，Docker 无法读取该配置文件。`
          : `${message} Docker cannot read the profile until this is fixed.`,
      range,
      severity: 'error',
    });
  }
  return out;
}

/** `locale` is the language of the problems' messages (English unless given). */
export function parseSeccomp(text: string, locale: Locale = 'en'): SeccompModel {
  const zh = locale === 'zh-CN';
  const doc = new TextDoc(text);
  const model: SeccompModel = {
    doc,
    syscalls: [],
    unknownKeys: [],
    typeProblems: [],
    range: doc.rangeOf(0, text.length),
    problems: [],
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  model.problems.push(...parseProblems(doc, errors, locale));
  if (!root) {
    if (text.trim() === '') {
      model.problems.push({
        message: zh
          ? '这个 seccomp 配置文件是空的。配置文件是一个至少包含 `defaultAction` 的 JSON 对象。'
          : 'This seccomp profile is empty. A profile is a JSON object with at least `defaultAction`.',
        range: model.range,
        severity: 'warning',
      });
    }
    return model;
  }
  const r = new Reader(doc, locale);
  if (root.type !== 'object') {
    model.problems.push({
      message: zh
        ? `seccomp 配置文件是一个 JSON 对象（\`{ "defaultAction": …, "syscalls": […] }\`），而不是${r.describe(root)}。`
        : `A seccomp profile is a JSON object (\`{ "defaultAction": …, "syscalls": […] }\`), not ${r.describe(root)}.`,
      range: r.range(root),
      severity: 'error',
    });
    return model;
  }
  model.objectRange = r.range(root);
  const top = r.members(root, SECCOMP_KEYS.top, 'the top level');
  model.defaultAction = r.string(top.get('defaultAction'), 'defaultAction');
  const da = top.get('defaultAction');
  if (da) model.defaultActionMember = r.range(da.member);
  model.defaultErrnoRet = r.uint(top.get('defaultErrnoRet'), 'defaultErrnoRet');
  const archM = top.get('architectures');
  const arches = r.strings(archM, 'architectures');
  if (arches && archM) model.architectures = { value: arches, range: r.range(archM.value), keyRange: r.range(archM.key) };
  const archMapM = top.get('archMap');
  const archMap = r.array(archMapM, 'archMap');
  if (archMap && archMapM) {
    model.archMapList = { range: r.range(archMap), keyRange: r.range(archMapM.key) };
    model.archMap = [];
    (archMap.children ?? []).forEach((node, i) => {
      const path = `archMap[${i}]`;
      if (node.type === 'null') return;
      if (node.type !== 'object') {
        r.wrongType(path, node, 'an object with architecture and subArchitectures');
        return;
      }
      const a = r.members(node, SECCOMP_KEYS.archMap, `\`${path}\``);
      const architecture = r.string(a.get('architecture'), `${path}.architecture`);
      const subArchitectures = r.strings(a.get('subArchitectures'), `${path}.subArchitectures`) ?? [];
      if (architecture) model.archMap?.push({ architecture, subArchitectures, range: r.range(node) });
    });
  }
  const sysM = top.get('syscalls');
  const syscalls = r.array(sysM, 'syscalls');
  if (syscalls && sysM) {
    model.syscallsList = { range: r.range(syscalls), keyRange: r.range(sysM.key) };
    (syscalls.children ?? []).forEach((node, i) => {
      const rule = r.syscall(node, i);
      if (rule) model.syscalls.push(rule);
    });
  }
  model.flags = r.strings(top.get('flags'), 'flags');
  model.listenerPath = r.string(top.get('listenerPath'), 'listenerPath');
  model.listenerMetadata = r.string(top.get('listenerMetadata'), 'listenerMetadata');
  model.problems.push(...r.problems);
  model.typeProblems.push(...r.typeProblems);
  model.unknownKeys.push(...r.unknownKeys);
  return model;
}
