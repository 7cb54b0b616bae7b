// Quick-fix edits for one `docker run`-like command (pure core layer): options are inserted just
// before the image, on the image's line or, when the command is continued over lines with `\`
// and the image starts its own line, as a new `  --option value \` line with the same
// indentation; options are removed with their value and the blank or continuation line they leave.

import type { TextDoc } from '../../text';
import { t, type Text, type TextEdit } from '../../types';
import type { Origin, Port, RuntimeFix, RuntimeFixer, RuntimeSpec } from '../../model/runtime';
import type { FlagOcc, Invocation } from './commands';
import type { PortDetail } from './spec';

/** Quotes a value for the shell when it needs it. */
export function shellQuote(v: string): string {
  return /^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

export function makeFixer(inv: Invocation, spec: RuntimeSpec, ports: Map<Port, PortDetail>, doc: TextDoc): RuntimeFixer | undefined {
  if (inv.imageIndex === undefined || inv.synopsis) return undefined;
  const text = doc.text;
  // The closures below outlive the analysis (the spec keeps its fixer): they hold the options and
  // two offsets, not the invocation's words (every decoded character with its offset).
  // After `--` every word is the image or its arguments: options go before the `--`.
  const dashes = inv.imageIndex - 1;
  const endOfOptions =
    dashes >= 0 && inv.words[dashes].value === '--' && !inv.flags.some((o) => o.valueWordIndex === dashes) ? inv.words[dashes] : undefined;
  const imageStart = (endOfOptions ?? inv.words[inv.imageIndex]).start;
  const flags = inv.flags;
  const firstLine = doc.positionAt(inv.words[inv.toolIndex].start).line;
  const compose = inv.tool === 'compose';

  const edit = (start: number, end: number, newText: string): TextEdit => ({ range: doc.rangeOf(start, end), newText });
  const lineStart = (o: number) => doc.lineStarts[doc.positionAt(o).line];
  const lineEnd = (o: number) => {
    const l = doc.positionAt(o).line;
    return doc.lineStarts[l] + doc.lineText(l).length;
  };
  const nextLineStart = (o: number) => {
    const l = doc.positionAt(o).line;
    return l + 1 < doc.lineCount ? doc.lineStarts[l + 1] : text.length;
  };
  /** What may stand before an option on a continuation line: indentation, or a console `> ` prompt. */
  const LEAD = /^[ \t]*(?:> ?)?[ \t]*$/;

  /** Inserts options (already formatted, e.g. `--cap-drop ALL`) before the image. */
  const insert = (options: string): TextEdit => {
    const ls = lineStart(imageStart);
    const before = text.slice(ls, imageStart);
    if (doc.positionAt(imageStart).line > firstLine && LEAD.test(before)) return edit(ls, ls, `${before}${options} \\${doc.eol}`);
    return edit(imageStart, imageStart, `${options} `);
  };

  /** Removes [start, end) and the white space (or the whole continuation line) it leaves behind. */
  const removeSpan = (start: number, end: number): TextEdit => {
    const ls = lineStart(start);
    const le = lineEnd(end);
    if (doc.positionAt(start).line > firstLine && LEAD.test(text.slice(ls, start)) && /^[ \t]*\\$/.test(text.slice(end, le))) {
      return edit(ls, nextLineStart(end), '');
    }
    let e = end;
    while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
    if (e > end && e < le) return edit(start, e, '');
    let s = start;
    while (s > ls && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
    return edit(s, end, '');
  };

  const removeOcc = (o: FlagOcc): TextEdit => {
    if (o.inBundle && o.letterAt !== undefined) {
      // `-itv /a:/b` → `-it`, `-Pd` → `-d`: drop the letter (and its value), keep the other letters.
      // A letter that takes a value is always the last one of its word.
      return edit(o.letterAt, o.value ? o.end : o.letterAt + 1, '');
    }
    return removeSpan(o.start, o.end);
  };

  const last = (name: string) => [...flags].reverse().find((o) => o.name === name);

  // The options holding a span, found by binary search: a line with tens of thousands of options
  // (each one a finding with a removal fix) is not quadratic. Options are in text order; maxEnd[i] is
  // the furthest end among the first i + 1, so the search back stops at the first that cannot hold it.
  // Both made on the first call: most commands are never asked.
  let inOrder: boolean | undefined;
  let maxEnd: number[] | undefined;
  const holding = (a: number, b: number): FlagOcc[] => {
    inOrder ??= flags.every((o, i) => i === 0 || flags[i - 1].start <= o.start);
    if (!inOrder) return flags.filter((o) => o.start <= a && b <= o.end);
    maxEnd ??= flags.reduce<number[]>((acc, o, i) => (acc.push(i === 0 ? o.end : Math.max(acc[i - 1], o.end)), acc), []);
    let lo = 0;
    let hi = flags.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (flags[mid].start <= a) lo = mid + 1;
      else hi = mid;
    }
    const out: FlagOcc[] = [];
    for (let i = lo - 1; i >= 0 && maxEnd[i] >= b; i--) if (b <= flags[i].end) out.push(flags[i]);
    return out.reverse();
  };
  const fix = (title: Text, edits: TextEdit[]): RuntimeFix => ({ title, edits });

  const fixer: RuntimeFixer = {
    addCapDropAll() {
      if (spec.capDrop.some((c) => !c.unknown && c.value.toUpperCase() === 'ALL')) return undefined;
      return fix(t('Drop all capabilities (--cap-drop ALL)', '去掉所有 capability（--cap-drop ALL）'), [insert('--cap-drop ALL')]);
    },
    setUser(user: string) {
      const q = shellQuote(user);
      const title = t(`Run as user ${user} (--user ${user})`, `以用户 ${user} 运行（--user ${user}）`);
      const o = last('user');
      if (o?.value) return fix(title, [edit(o.value.start, o.value.end, q)]);
      return fix(title, [insert(`--user ${q}`)]);
    },
    removeValue(origin: Origin, title: Text) {
      if (origin.kind !== 'source') return undefined;
      const a = doc.offsetAt(origin.range.start);
      const b = doc.offsetAt(origin.range.end);
      const hits = holding(a, b);
      if (hits.length === 0) return undefined;
      const o = hits.reduce((x, y) => (y.end - y.start < x.end - x.start ? y : x));
      // One item of a comma-separated list (`--cap-add SYS_ADMIN,NET_ADMIN`): remove just that item.
      const v = o.value;
      if (v && (o.name === 'cap-add' || o.name === 'cap-drop') && v.text.includes(',') && (a > v.start || b < v.end)) {
        const i = v.at.findIndex((x) => x >= a);
        let j = v.at.findIndex((x) => x >= b);
        if (j < 0) j = v.text.length;
        if (i >= 0 && j > i) {
          const after = v.text[j] === ',';
          const before = i > 0 && v.text[i - 1] === ',';
          const r = after ? v.inner(i, j + 1) : before ? v.inner(i - 1, j) : v.inner(i, j);
          return fix(title, [edit(r.start, r.end, '')]);
        }
      }
      return fix(title, [removeOcc(o)]);
    },
  };
  if (compose) return fixer; // `docker compose run` has no --security-opt, --read-only or limit options

  Object.assign(fixer, {
    addNoNewPrivileges() {
      const title = t(
        'Set no-new-privileges (--security-opt no-new-privileges)',
        '设置 no-new-privileges（--security-opt no-new-privileges）',
      );
      const off = spec.securityOpt.find((s) => s.kind === 'no-new-privileges' && !s.unknown && /^(?:false|0)$/i.test(s.value));
      if (off?.origin.kind === 'source') {
        const r = off.origin.range;
        return fix(title, [{ range: r, newText: 'no-new-privileges' }]);
      }
      if (spec.securityOpt.some((s) => s.kind === 'no-new-privileges' && s.value !== 'false')) return undefined;
      return fix(title, [insert('--security-opt no-new-privileges')]);
    },
    addReadOnly() {
      const hasTmp = spec.mounts.some((m) => m.target === '/tmp');
      const flags = `--read-only${hasTmp ? '' : ' --tmpfs /tmp'}`;
      const title = t(`Make the root filesystem read-only (${flags})`, `把根文件系统设为只读（${flags}）`);
      const off = last('read-only');
      const edits: TextEdit[] = [];
      if (off && off.bool === false) edits.push(edit(off.start, off.end, '--read-only'));
      if (off && off.bool === false && hasTmp) return fix(title, edits);
      edits.push(insert(off && off.bool === false ? '--tmpfs /tmp' : hasTmp ? '--read-only' : '--read-only --tmpfs /tmp'));
      return fix(title, edits);
    },
    addLimits(which: ('memory' | 'cpus' | 'pids')[]) {
      const parts: string[] = [];
      if (which.includes('memory')) parts.push('--memory 512m');
      if (which.includes('cpus')) parts.push('--cpus 1');
      if (which.includes('pids')) parts.push('--pids-limit 100');
      if (parts.length === 0) return undefined;
      return fix(t(`Add limits (${parts.join(' ')})`, `添加限制（${parts.join(' ')}）`), [insert(parts.join(' '))]);
    },
    bindPortToLocalhost(port: Port) {
      const d = ports.get(port);
      if (!d || port.unknown) return undefined;
      const v = d.value;
      const shown = port.hostPort ?? port.containerPort;
      const title = t(`Publish port ${shown} on 127.0.0.1 only`, `只在 127.0.0.1 上发布端口 ${shown}`);
      if (d.hostIpEnd > 0) {
        const r = v.inner(0, d.hostIpEnd);
        return fix(title, [edit(r.start, r.end, '127.0.0.1')]);
      }
      const at = v.text.length > 0 ? v.at[0] : v.start;
      return fix(title, [edit(at, at, d.hasHostPort ? '127.0.0.1:' : '127.0.0.1::')]);
    },
    removePrivileged() {
      const occs = flags.filter((o) => o.name === 'privileged' && o.bool !== false);
      if (occs.length === 0) return undefined;
      return fix(t('Remove --privileged', '删除 --privileged'), occs.map(removeOcc));
    },
  } satisfies RuntimeFixer);
  return fixer;
}
