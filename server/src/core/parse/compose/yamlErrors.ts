// The yaml package's syntax errors in Simplified Chinese (pure core layer): its messages are
// English only, so the Compose parser translates them by wording, and by error code for wordings
// not listed here. Technical terms (anchor, alias, tag) follow the YAML specification's Chinese use.

import type { ErrorCode } from 'yaml';

/** Known wordings of yaml 2.x (`$1`, `$2` are the captured parts), most specific first. */
const WORDINGS: [RegExp, string][] = [
  [/^Flow map in block collection must be sufficiently indented and end with a \}$/, '块集合中的流式映射必须有足够的缩进，并以 } 结尾'],
  [
    /^Flow sequence in block collection must be sufficiently indented and end with a \]$/,
    '块集合中的流式序列必须有足够的缩进，并以 ] 结尾',
  ],
  [/^All mapping items must start at the same column$/, '映射的所有条目必须从同一列开始'],
  [/^Unexpected block-seq-ind on same line with key$/, '序列标记 - 不能和键写在同一行'],
  [/^Unexpected (\S+) token in YAML stream: (.+)$/, 'YAML 流中出现了意外的 $2'],
  [/^Expected a flow scalar value, but found: (.+)$/, '这里应该是一个流式标量值，实际却是 $1'],
  [/^Map keys must be unique$/, '映射中的键必须唯一'],
  [/^Implicit keys need to be on a single line$/, '隐式键必须写在同一行上'],
  [/^Implicit keys of flow sequence pairs need to be on a single line$/, '流式序列中键值对的隐式键必须写在同一行上'],
  [/^Implicit map keys need to be followed by map values$/, '映射的键后面必须跟着值（是不是少了冒号？）'],
  [/^Tabs are not allowed as indentation$/, 'YAML 不允许用制表符缩进'],
  [/^Missing closing "quote$/, '缺少闭合的双引号 "'],
  [/^Missing closing 'quote$/, "缺少闭合的单引号 '"],
  [/^All sequence items must start at the same column$/, '序列的所有条目必须从同一列开始'],
  [/^Sequence item without - indicator$/, '序列条目缺少 - 标记'],
  [/^Nested mappings are not allowed in compact mappings$/, '紧凑映射中不允许嵌套映射'],
  [/^A block sequence may not be used as an implicit map key$/, '块序列不能用作隐式映射键'],
  [/^Comments must be separated from other tokens by white space characters$/, '注释与其他内容之间必须用空白字符隔开'],
  [/^Tags and anchors must be separated from the next token by white space$/, '标签和锚点与后面的内容之间必须用空白隔开'],
  [/^A node can have at most one anchor$/, '一个节点最多只能有一个锚点'],
  [/^A node can have at most one tag$/, '一个节点最多只能有一个标签'],
  [/^An alias node must not specify any properties$/, '别名节点不能带锚点或标签'],
  [/^Alias cannot be an empty string$/, '别名不能为空'],
  [/^Anchor cannot be an empty string$/, '锚点不能为空'],
  [/^Alias ending in : is ambiguous$/, '以 : 结尾的别名有歧义'],
  [/^Anchor ending in : is ambiguous$/, '以 : 结尾的锚点有歧义'],
  [/^Plain value cannot start with (.+)$/, '不加引号的值不能以 $1 开头'],
  [/^Invalid escape sequence (.+)$/, '无效的转义序列 $1'],
  [/^Unexpected (\S+) at node end$/, '节点末尾出现了意外的 $1'],
  [/^Unexpected , in (.+)$/, '$1 中出现了意外的逗号'],
  [/^Unexpected empty item in (.+)$/, '$1 中出现了空条目'],
  [/^Unexpected (\S+) in (.+)$/, '$2 中出现了意外的 $1'],
  [/^Missing , between (.+) items$/, '$1 的条目之间缺少逗号'],
  [/^Missing , or : between (.+) items$/, '$1 的条目之间缺少逗号或冒号'],
  [/^Missing space after : in (.+)$/, '$1 中的冒号后面缺少空格'],
  [/^Unresolved tag: (.+)$/, '无法解析的标签：$1'],
  [/^Block scalar header includes extra characters: (.+)$/, '块标量的头部有多余的字符：$1'],
  [/^Missing directives-end(\/doc-start)? indicator line$/, '缺少 --- 文档开始标记行'],
  [/^Block collection cannot start on same line with directives-end marker$/, '块集合不能和 --- 标记写在同一行'],
];

/** The parts the wordings quote that are words, not source text. */
const PARTS: Record<string, string> = {
  'flow map': '流式映射',
  'flow sequence': '流式序列',
  collection: '集合',
  scalar: '标量',
};

/** One sentence per error code, for wordings not listed above. */
const BY_CODE: Record<ErrorCode, string> = {
  ALIAS_PROPS: '别名节点不能带锚点或标签',
  BAD_ALIAS: '这个别名或锚点写得不对',
  BAD_DIRECTIVE: '这个 YAML 指令无效',
  BAD_DQ_ESCAPE: '双引号字符串中有无效的转义序列',
  BAD_INDENT: '缩进不正确',
  BAD_PROP_ORDER: '锚点和标签的位置不对',
  BAD_SCALAR_START: '这个值的开头字符要求给值加上引号',
  BLOCK_AS_IMPLICIT_KEY: '这里不能把块结构用作映射的键',
  BLOCK_IN_FLOW: '流式集合（[…] 或 {…}）中不能使用块结构',
  DUPLICATE_KEY: '映射中的键必须唯一',
  IMPOSSIBLE: 'YAML 解析器遇到了它无法处理的结构',
  KEY_OVER_1024_CHARS: '隐式键不能超过 1024 个字符',
  MISSING_CHAR: '这里缺少必需的字符',
  MULTILINE_IMPLICIT_KEY: '隐式键必须写在同一行上',
  MULTIPLE_ANCHORS: '一个节点最多只能有一个锚点',
  MULTIPLE_DOCS: '这里不能开始另一个文档',
  MULTIPLE_TAGS: '一个节点最多只能有一个标签',
  NON_STRING_KEY: '映射的键必须是字符串',
  RESOURCE_EXHAUSTION: '展开这里需要的资源太多',
  TAB_AS_INDENT: 'YAML 不允许用制表符缩进',
  TAG_RESOLVE_FAILED: '无法解析这个标签',
  UNEXPECTED_TOKEN: '这里出现了意外的内容',
  BAD_COLLECTION_TYPE: '这个标签与集合的类型不符',
};

/** A yaml error's first line (without its position) in Simplified Chinese. */
export function yamlErrorZh(code: ErrorCode | undefined, message: string): string {
  for (const [re, zh] of WORDINGS) {
    const m = re.exec(message);
    if (m) return zh.replace(/\$(\d)/g, (_, n: string) => PARTS[m[Number(n)] ?? ''] ?? m[Number(n)] ?? '');
  }
  return (code && BY_CODE[code]) || 'YAML 语法错误';
}
