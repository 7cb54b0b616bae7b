// daemon.json → DaemonModel (pure core layer). The only user of jsonc-parser for daemon.json:
// reads broken JSON as far as it can, reports syntax errors and duplicate keys with exact ranges,
// and makes the minimal edits that fixes need.

import { findNodeAtLocation, modify, parseTree, ParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { TextDoc } from '../text';
import { inLocale, t, type Locale, type Localized, type Range, type TextEdit } from '../types';
import type { DaemonEditor, DaemonEntry, DaemonModel, JsonProp, JsonValue } from '../model/daemon';
import type { InputProblem } from '../model/runtimeDoc';
import { closestKey, isAcceptedKey, REMOVED_KEYS } from '../knowledge/daemonKeys';

/** dockerd reads the file with Go's encoding/json: plain JSON, no comments, no trailing commas. */
const REFUSED = t(
  'dockerd refuses to start with a daemon.json that is not valid JSON.',
  'daemon.json 不是有效的 JSON 时，dockerd 会拒绝启动。',
);

const MESSAGES: Partial<Record<ParseErrorCode, Localized>> = {
  [ParseErrorCode.InvalidSymbol]: t(
    'This is not a JSON value (strings need double quotes; true, false and null are lower case).',
    '这不是一个 JSON 值（字符串需要用双引号括起来；true、false 和 null 都是小写）。',
  ),
  [ParseErrorCode.InvalidNumberFormat]: t('This number is not written the way JSON allows.', '这个数字的写法不符合 JSON 的规定。'),
  [ParseErrorCode.PropertyNameExpected]: t('A key in double quotes is expected here.', '这里应当是一个用双引号括起来的键。'),
  [ParseErrorCode.ValueExpected]: t('A value is expected here.', '这里应当是一个值。'),
  [ParseErrorCode.ColonExpected]: t('A colon (:) is expected between the key and its value.', '键和值之间应当有一个冒号（:）。'),
  [ParseErrorCode.CommaExpected]: t('A comma is expected between two entries.', '两个条目之间应当有一个逗号。'),
  [ParseErrorCode.CloseBraceExpected]: t('A closing brace } is missing.', '缺少右花括号 }。'),
  [ParseErrorCode.CloseBracketExpected]: t('A closing bracket ] is missing.', '缺少右方括号 ]。'),
  [ParseErrorCode.EndOfFileExpected]: t('Nothing may follow the top-level object.', '顶层对象之后不能再有任何内容。'),
  [ParseErrorCode.InvalidCommentToken]: t(
    'JSON has no comments; remove this one (document settings elsewhere).',
    'JSON 没有注释；请删除这条注释（把设置的说明写在别处）。',
  ),
  [ParseErrorCode.UnexpectedEndOfComment]: t(
    'JSON has no comments, and this one is not even closed.',
    'JSON 没有注释，而且这条注释甚至没有闭合。',
  ),
  [ParseErrorCode.UnexpectedEndOfString]: t('This string is not closed with a double quote.', '这个字符串没有用双引号闭合。'),
  [ParseErrorCode.UnexpectedEndOfNumber]: t('This number ends too early.', '这个数字提前结束了。'),
  [ParseErrorCode.InvalidUnicode]: t('This \\u escape needs four hexadecimal digits.', '这个 \\u 转义需要四位十六进制数字。'),
  [ParseErrorCode.InvalidEscapeCharacter]: t(
    'This backslash escape is not one JSON knows (use \\\\ for a backslash).',
    'JSON 不认识这个反斜杠转义（反斜杠本身要写成 \\\\）。',
  ),
  [ParseErrorCode.InvalidCharacter]: t(
    'Control characters such as tabs or line breaks are not allowed inside a JSON string.',
    'JSON 字符串中不允许出现制表符或换行符这样的控制字符。',
  ),
};

const NOT_VALID_JSON = t('This is not valid JSON.', '这不是有效的 JSON。');
const TRAILING_COMMA = t('JSON allows no comma after the last entry; remove it.', 'JSON 不允许在最后一个条目之后加逗号；请删除它。');

/** A parser message with the consequence after it, in one language. */
function say(message: Localized, locale: Locale, after?: Localized): string {
  const text = inLocale(message, locale);
  if (!after) return text;
  return locale === 'zh-CN' ? `${text}${inLocale(after, locale)}` : `${text} ${inLocale(after, locale)}`;
}

/** The previous character that is not white space, or -1. */
function prevNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

function syntaxProblems(text: string, doc: TextDoc, errors: ParseError[], locale: Locale): InputProblem[] {
  const problems: InputProblem[] = [];
  const seen = new Set<number>();
  for (const e of errors) {
    // jsonc-parser may report two errors at one place (a trailing comma is both a missing key and a missing value).
    if (seen.has(e.offset)) continue;
    seen.add(e.offset);
    let start = e.offset;
    let end = e.offset + e.length;
    let message = MESSAGES[e.error] ?? NOT_VALID_JSON;
    const closer = text[e.offset];
    const comma = prevNonSpace(text, e.offset);
    if (
      (e.error === ParseErrorCode.PropertyNameExpected || e.error === ParseErrorCode.ValueExpected) &&
      (closer === '}' || closer === ']') &&
      comma >= 0 &&
      text[comma] === ','
    ) {
      message = TRAILING_COMMA;
      start = comma;
      end = comma + 1;
    }
    // An empty range at the end of the file is hard to see: mark the last character instead.
    if (end === start) {
      if (start < text.length && !/[\r\n]/.test(text[start])) end = start + 1;
      else if (start > 0) start = Math.max(0, prevNonSpace(text, start));
      end = Math.max(end, start + (start < text.length ? 1 : 0));
    }
    problems.push({ message: say(message, locale, REFUSED), range: doc.rangeOf(start, end), severity: 'error' });
  }
  return problems;
}

function toValue(node: Node, text: string, doc: TextDoc): JsonValue {
  const range = doc.rangeOf(node.offset, node.offset + node.length);
  const raw = text.slice(node.offset, node.offset + node.length);
  switch (node.type) {
    case 'object': {
      const props = (node.children ?? []).map((p) => toProp(p, text, doc)).filter((p): p is JsonProp => !!p);
      const value: Record<string, unknown> = {};
      for (const p of props) if (p.value) value[p.key] = p.value.value;
      return { type: 'object', value, range, raw, props };
    }
    case 'array': {
      const items = (node.children ?? []).map((c) => toValue(c, text, doc));
      return { type: 'array', value: items.map((i) => i.value), range, raw, items };
    }
    case 'string':
    case 'number':
    case 'boolean':
      return { type: node.type, value: node.value, range, raw };
    default:
      return { type: 'null', value: null, range, raw };
  }
}

function toProp(node: Node, text: string, doc: TextDoc): JsonProp | undefined {
  const [keyNode, valueNode] = node.children ?? [];
  if (!keyNode || keyNode.type !== 'string') return undefined;
  return {
    key: String(keyNode.value),
    keyRange: doc.rangeOf(keyNode.offset, keyNode.offset + keyNode.length),
    value: valueNode ? toValue(valueNode, text, doc) : undefined,
  };
}

/** Duplicate keys in every object: Go's encoding/json keeps the last value without a word. */
function duplicateProblems(value: JsonValue, where: Localized, problems: InputProblem[], locale: Locale): void {
  if (value.props) {
    const last = new Map<string, JsonProp>();
    for (const p of value.props) last.set(p.key, p);
    for (const p of value.props) {
      const winner = last.get(p.key)!;
      if (winner !== p) {
        const line = winner.keyRange.start.line + 1;
        problems.push({
          message: say(
            t(
              `"${p.key}" is set again on line ${line}${where.en}; dockerd silently keeps the last value, so this one has no effect. Keep one.`,
              `"${p.key}" 在第 ${line} 行${where['zh-CN']}又设置了一次；dockerd 会悄悄保留最后一个值，所以这一个不起作用。请只保留一个。`,
            ),
            locale,
          ),
          range: p.keyRange,
          severity: 'warning',
        });
      }
    }
    for (const p of value.props)
      if (p.value) duplicateProblems(p.value, t(` (inside "${p.key}")`, `（在 "${p.key}" 中）`), problems, locale);
  }
  for (const item of value.items ?? []) duplicateProblems(item, where, problems, locale);
}

/** Keeps only the changed middle of an edit, so a fix touches as little text as possible. */
function minimal(text: string, offset: number, length: number, content: string): { offset: number; length: number; content: string } {
  const old = text.slice(offset, offset + length);
  let p = 0;
  while (p < old.length && p < content.length && old[p] === content[p]) p++;
  let s = 0;
  while (s < old.length - p && s < content.length - p && old[old.length - 1 - s] === content[content.length - 1 - s]) s++;
  return { offset: offset + p, length: old.length - p - s, content: content.slice(p, content.length - s) };
}

function json(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** A value as JSON on one line, spaced as people write it: `{"max-size": "10m", "max-file": "3"}`. */
function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${json(k)}: ${inlineJson(v)}`)
      .join(', ')}}`;
  return json(value);
}

function makeEditor(text: string, doc: TextDoc, root: Node | undefined, props: JsonProp[]): DaemonEditor {
  // The file's own indentation (the first member's), end of line and layout decide how new keys look.
  const firstKeyLine = props[0]?.keyRange.start.line;
  const indentUnit =
    firstKeyLine !== undefined && firstKeyLine > doc.positionAt(root?.offset ?? 0).line ? doc.indentOf(firstKeyLine) : '  ';
  const oneLine =
    root?.type === 'object' && props.length > 0 && doc.positionAt(root.offset).line === doc.positionAt(root.offset + root.length).line;
  const formattingOptions = {
    insertSpaces: !indentUnit.startsWith('\t'),
    tabSize: indentUnit.startsWith('\t') ? 4 : Math.max(1, indentUnit.length),
    eol: doc.eol,
  };
  const toEdits = (raw: { offset: number; length: number; content: string }[]): TextEdit[] =>
    raw
      .map((e) => minimal(text, e.offset, e.length, e.content))
      .filter((e) => e.length > 0 || e.content.length > 0)
      .map((e) => ({ range: doc.rangeOf(e.offset, e.offset + e.length), newText: e.content }));
  // Where each key is, so that fixes for thousands of keys do not each scan every member.
  let byKey: Map<string, number[]> | undefined;
  const indicesOf = (key: string): number[] => {
    if (!byKey) {
      byKey = new Map();
      props.forEach((p, i) => {
        const list = byKey!.get(p.key) ?? [];
        list.push(i);
        byKey!.set(p.key, list);
      });
    }
    return byKey.get(key) ?? [];
  };
  const lastOf = (key: string): JsonProp | undefined => {
    const at = indicesOf(key);
    return at.length > 0 ? props[at[at.length - 1]] : undefined;
  };
  const rangeOffsets = (r: Range) => [doc.offsetAt(r.start), doc.offsetAt(r.end)] as const;
  /** Whether the line holding an offset is long: jsonc-parser's formatter would lay out all of it again. */
  const LONG_LINE = 2000;
  const onLongLine = (offset: number) => doc.lineText(doc.positionAt(offset).line).length > LONG_LINE;

  /**
   * A nested value set without jsonc-parser's formatter where it would be slow: in a file written
   * on one line, or in an object whose last member sits on a long line. The formatter lays out the
   * whole line of the change again, applying each of its edits to the whole text: on a large
   * one-line file that takes minutes, and it would rewrite the file's layout besides. New members
   * go after the last one, on its line (one-line objects) or on a new line with its indentation.
   * Undefined when the formatter can do it.
   */
  const setDirect = (path: string[], value: unknown, setTop: (key: string, value: unknown) => TextEdit[]): TextEdit[] | undefined => {
    if (!root) return undefined;
    const existing = findNodeAtLocation(root, path);
    if (existing) return oneLine ? toEdits([{ offset: existing.offset, length: existing.length, content: inlineJson(value) }]) : undefined;
    for (let depth = path.length - 1; depth >= 0; depth--) {
      const parent = depth === 0 ? root : findNodeAtLocation(root, path.slice(0, depth));
      if (!parent) continue;
      if (parent.type !== 'object') return [];
      let nested: unknown = value;
      for (let i = path.length - 1; i > depth; i--) nested = { [path[i]]: nested };
      if (depth === 0) {
        const lastProp = props[props.length - 1];
        return oneLine || (lastProp && onLongLine(doc.offsetAt(lastProp.keyRange.start))) ? setTop(path[0], nested) : undefined;
      }
      const member = `${json(path[depth])}: ${inlineJson(nested)}`;
      const members = parent.children ?? [];
      const last = members[members.length - 1];
      const parentOneLine = doc.positionAt(parent.offset).line === doc.positionAt(parent.offset + parent.length).line;
      if (!parentOneLine && !(last && onLongLine(last.offset))) return undefined;
      if (!last) return toEdits([{ offset: parent.offset + 1, length: parent.length - 2, content: member }]);
      const lastEnd = last.offset + last.length;
      if (parentOneLine) return toEdits([{ offset: lastEnd, length: 0, content: `, ${member}` }]);
      return toEdits([{ offset: lastEnd, length: 0, content: `,${doc.eol}${doc.indentOf(doc.positionAt(last.offset).line)}${member}` }]);
    }
    return undefined;
  };

  return {
    set(key, value) {
      const existing = lastOf(key);
      if (existing?.value) {
        const [start, end] = rangeOffsets(existing.value.range);
        return toEdits([{ offset: start, length: end - start, content: json(value) }]);
      }
      if (oneLine) {
        // `{"debug": true}` stays on one line: `{"debug": true, "icc": false}`.
        const last = props[props.length - 1];
        const end = last.value ? doc.offsetAt(last.value.range.end) : doc.offsetAt(last.keyRange.end);
        return toEdits([{ offset: end, length: 0, content: `, ${json(key)}: ${inlineJson(value)}` }]);
      }
      if (root && root.type !== 'object') return [];
      const last = props[props.length - 1];
      if (last && onLongLine(doc.offsetAt(last.keyRange.start))) {
        // After a member on a long line: a new line with the members' indentation, without the formatter.
        const end = doc.offsetAt((last.value?.range ?? last.keyRange).end);
        return toEdits([{ offset: end, length: 0, content: `,${doc.eol}${indentUnit}${json(key)}: ${inlineJson(value)}` }]);
      }
      return toEdits(modify(text, [key], value, { formattingOptions }));
    },
    remove(key) {
      // Runs of removed members go with the separator that follows them (or, at the end, the one
      // before them), so the rest of the object keeps its layout and stays valid JSON.
      const edits: { offset: number; length: number; content: string }[] = [];
      const endOf = (p: JsonProp) => doc.offsetAt((p.value?.range ?? p.keyRange).end);
      const at = indicesOf(key);
      for (let k = 0; k < at.length; k++) {
        const i = at[k];
        let j = i;
        while (k + 1 < at.length && at[k + 1] === j + 1) j = at[++k];
        const next = props[j + 1];
        const prev = props[i - 1];
        if (next) {
          const start = doc.offsetAt(props[i].keyRange.start);
          edits.push({ offset: start, length: doc.offsetAt(next.keyRange.start) - start, content: '' });
        } else if (prev) {
          edits.push({ offset: endOf(prev), length: endOf(props[j]) - endOf(prev), content: '' });
        } else if (root) {
          const inner = root.offset + 1;
          const close = root.offset + root.length - (text[root.offset + root.length - 1] === '}' ? 1 : 0);
          edits.push({ offset: inner, length: close - inner, content: oneLine ? '' : doc.eol });
        }
      }
      return toEdits(edits);
    },
    setPath(path, value) {
      if (path.length === 1) return this.set(path[0], value);
      const direct = setDirect(path, value, (key, v) => this.set(key, v));
      return direct ?? toEdits(modify(text, path, value, { formattingOptions }));
    },
  };
}

const same = (s: string): Localized => t(s, s);

const TOP_TYPE_ZH: Partial<Record<JsonValue['type'], string>> = { array: '数组', string: '字符串', number: '数字', boolean: '布尔值' };

/** An object whose keys are all unknown to dockerd and not even close to a dockerd key. */
function looksForeign(props: JsonProp[]): boolean {
  return props.length > 0 && props.every((p) => !isAcceptedKey(p.key) && !REMOVED_KEYS.has(p.key) && !closestKey(p.key));
}

/** `locale` is the language of the problems' messages (English unless given). */
export function parseDaemon(text: string, locale: Locale = 'en'): DaemonModel {
  const doc = new TextDoc(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  const problems = syntaxProblems(text, doc, errors, locale);
  const entries = new Map<string, DaemonEntry>();
  let props: JsonProp[] = [];
  let anchor = doc.rangeOf(0, 0);
  let partial = errors.length > 0;

  if (root) {
    const top = toValue(root, text, doc);
    if (top.type === 'object' && looksForeign(top.props ?? [])) {
      // Other programs name their settings daemon.json too: without one key dockerd would
      // recognise, reporting each of them as unknown would only be noise.
      anchor = doc.rangeOf(root.offset, root.offset + 1);
      partial = true;
      problems.push({
        message: say(
          t(
            "None of this file's keys is a dockerd option, so it does not look like Docker's daemon.json; Containment did not check it.",
            '这个文件的键没有一个是 dockerd 的选项，因此它看起来不像 Docker 的 daemon.json；Containment 没有检查它。',
          ),
          locale,
        ),
        range: anchor,
        severity: 'info',
      });
    } else if (top.type === 'object') {
      props = top.props ?? [];
      anchor = doc.rangeOf(root.offset, root.offset + 1);
      for (const p of props) {
        if (!p.value) continue;
        entries.set(p.key, {
          key: p.key,
          keyRange: p.keyRange,
          value: p.value.value,
          valueRange: p.value.range,
          type: p.value.type,
          json: p.value,
        });
      }
      duplicateProblems(top, same(''), problems, locale);
    } else if (top.type === 'null') {
      // Go reads `null` into the configuration as "nothing set": dockerd starts with its defaults.
      problems.push({
        message: say(
          t(
            'The file is `null`: dockerd starts with its defaults. Write `{}` for an empty configuration.',
            '这个文件的内容是 `null`：dockerd 会以默认设置启动。空配置请写成 `{}`。',
          ),
          locale,
        ),
        range: top.range,
        severity: 'warning',
      });
      partial = true;
    } else {
      problems.push({
        message: say(
          t(
            `daemon.json must be a JSON object ({ "key": value, ... }), not ${top.type === 'array' ? 'an array' : `a ${top.type}`}. dockerd refuses to start with it.`,
            `daemon.json 必须是一个 JSON 对象（{ "key": value, ... }），而不是${TOP_TYPE_ZH[top.type] ?? top.type}。dockerd 遇到它会拒绝启动。`,
          ),
          locale,
        ),
        range: top.range,
        severity: 'error',
      });
      partial = true;
    }
  }

  return {
    doc,
    entries,
    range: doc.rangeOf(0, text.length),
    problems,
    anchor,
    partial,
    props,
    edit: makeEditor(text, doc, root, props),
  };
}
