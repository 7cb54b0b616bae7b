// The RuntimeFixer of one Compose service (pure core layer): the edits runtime rules ask for,
// written the way a person would write them in this file. New keys go into the service's own
// mapping (never into an anchor it merges); a value that comes from an anchor is edited at the
// anchor, once.

import { isMap, isScalar, isSeq } from 'yaml';
import type { YAMLMap } from 'yaml';
import { normalizeCap } from '../../model/capabilities';
import type { Origin, Port, RuntimeFix, RuntimeFixer, RuntimeSpec } from '../../model/runtime';
import { t, type Text, type TextEdit } from '../../types';
import { flowScalar, type Editor, type KV } from './edits';
import { parseShortPort } from './syntax';
import type { Entry, YNode, YPair, YamlView } from './yamlView';

export interface ServiceContext {
  view: YamlView;
  editor: Editor;
  /** The `web: …` pair under `services:`. */
  pair: YPair;
  /** The service's mapping when it is written here (not an alias to another one). */
  ownMap?: YAMLMap;
  /** The service's keys after `<<` merges. */
  entries: Map<string, Entry>;
  spec: RuntimeSpec;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

function samePoint(a: TextEdit, b: TextEdit): boolean {
  const p = (x: TextEdit['range']['start']) => `${x.line}:${x.character}`;
  return p(a.range.start) === p(a.range.end) && p(b.range.start) === p(b.range.end) && p(a.range.start) === p(b.range.start);
}

/** A fix from its edits (none may be missing); insertions at one point are joined in order, so no editor reorders them. */
function fix(title: Text, edits: (TextEdit | undefined)[]): RuntimeFix | undefined {
  if (edits.length === 0 || edits.some((e) => e === undefined)) return undefined;
  const out: TextEdit[] = [];
  for (const e of edits as TextEdit[]) {
    const prev = out.find((o) => samePoint(o, e));
    if (prev) prev.newText += e.newText;
    else out.push({ ...e });
  }
  return { title, edits: out };
}

export function composeFixer(ctx: ServiceContext): RuntimeFixer {
  const { view, editor, spec, entries } = ctx;

  const ownEntry = (key: string): Entry | undefined => {
    const e = entries.get(key);
    return e?.own ? e : undefined;
  };

  /** Adds keys to the service's own mapping (or under an empty `web:`). */
  const addKeys = (kvs: KV[]): TextEdit | undefined => {
    if (ctx.ownMap) return editor.insertIntoMap(ctx.ownMap, kvs, true);
    if (view.isEmpty((ctx.pair.value ?? null) as YNode | null)) return editor.insertUnderEmptyKey(ctx.pair, kvs);
    return undefined;
  };

  /**
   * Puts keys into a mapping written here, whose keys are `present`: a key already written (with no
   * value, or one the model could not read) gets its value where it is, never a second copy; nested
   * keys go into the nested mapping written here (or under its empty key); the others are inserted
   * with `insert`. Values set in place come before the insertion, so that joined insertions at one
   * point (the last line of a file) stay in order. An undefined edit means a key has no safe place.
   */
  const putKeys = (present: Map<string, Entry> | undefined, kvs: KV[], insert: (kvs: KV[]) => TextEdit | undefined) => {
    const edits: (TextEdit | undefined)[] = [];
    const fresh: KV[] = [];
    for (const kv of kvs) {
      const e = present?.get(kv.key);
      if (!e || (!e.own && typeof kv.value === 'string')) fresh.push(kv);
      else if (!e.own) edits.push(undefined);
      else if (typeof kv.value === 'string') edits.push(editor.setPairValue(e.pair, kv.value));
      else if (e.raw && isMap(e.raw)) {
        const map = e.raw;
        edits.push(...putKeys(view.entries(map), kv.value, (more) => editor.insertIntoMap(map, more)));
      } else if (view.isEmpty(e.raw)) edits.push(editor.insertUnderEmptyKey(e.pair, kv.value));
      else edits.push(undefined);
    }
    if (fresh.length > 0) edits.push(insert(fresh));
    return edits;
  };

  const deleteAt = (origin: Origin): TextEdit | undefined => {
    const place = view.placementOf(origin);
    return place ? editor.deletePlacement(place) : undefined;
  };

  /** The items of an inherited list as flow-list text, to keep them when the list is rewritten. */
  const copiedItems = (e: Entry | undefined): string[] => {
    const v = e?.value;
    if (!v) return [];
    const items = isSeq(v) ? v.items.map((it) => view.resolve(it)) : [v];
    return items.filter((n) => isScalar(n) && n.value !== null).map((n) => flowScalar(view.scalarText(n) ?? ''));
  };

  return {
    addCapDropAll() {
      if (spec.capDrop.some((c) => !c.unknown && normalizeCap(c.value) === 'ALL')) return undefined;
      const title = t('Drop all capabilities (cap_drop: [ALL])', '去掉所有 capability（cap_drop: [ALL]）');
      const e = ownEntry('cap_drop');
      if (e && e.raw && isSeq(e.raw)) return fix(title, [editor.appendToSeq(e.raw, 'ALL')]);
      if (e) return fix(title, [editor.setPairValue(e.pair, '[ALL]')]);
      return fix(title, [addKeys([{ key: 'cap_drop', value: '[ALL]' }])]);
    },

    addNoNewPrivileges() {
      const nnp = spec.securityOpt.filter((o) => o.kind === 'no-new-privileges');
      const last = nnp[nnp.length - 1];
      if (last && (last.unknown || /^true$/i.test(last.value.trim()))) return undefined;
      const title = t(
        'Set no-new-privileges (security_opt: [no-new-privileges:true])',
        '设置 no-new-privileges（security_opt: [no-new-privileges:true]）',
      );
      const item = 'no-new-privileges:true';
      if (last) {
        // `no-new-privileges:false` becomes true where it is written.
        const place = view.placementOf(last.origin);
        const node = place && place.kind !== 'root' ? (place.kind === 'item' ? place.node : place.pair.value) : undefined;
        if (isScalar(node)) return fix(title, [editor.replaceNode(node, editor.quoteLike(node, item))]);
        return undefined;
      }
      const e = ownEntry('security_opt');
      if (e && e.raw && isSeq(e.raw)) return fix(title, [editor.appendToSeq(e.raw, item)]);
      const list = `[${[...copiedItems(entries.get('security_opt')), item].join(', ')}]`;
      if (e) return fix(title, [editor.setPairValue(e.pair, list)]);
      return fix(title, [addKeys([{ key: 'security_opt', value: list }])]);
    },

    addReadOnly() {
      const ro = spec.readOnly;
      if (ro?.value === true || ro?.unknown) return undefined;
      const edits: (TextEdit | undefined)[] = [];
      const kvs: KV[] = [];
      const e = ownEntry('read_only');
      if (e) edits.push(editor.setPairValue(e.pair, 'true'));
      else kvs.push({ key: 'read_only', value: 'true' });
      const needsTmp = !spec.mounts.some((m) => m.type === 'tmpfs') && !entries.has('tmpfs');
      if (needsTmp) kvs.push({ key: 'tmpfs', value: '[/tmp]' });
      if (kvs.length > 0) edits.push(addKeys(kvs));
      const title = needsTmp
        ? t('Make the root filesystem read-only (read_only: true, tmpfs: [/tmp])', '把根文件系统设为只读（read_only: true, tmpfs: [/tmp]）')
        : t('Make the root filesystem read-only (read_only: true)', '把根文件系统设为只读（read_only: true）');
      return fix(title, edits);
    },

    addLimits(which) {
      const res = spec.resources;
      const memory = which.includes('memory') && !res.memory;
      const cpus = which.includes('cpus') && !res.cpus;
      const pids = which.includes('pids') && !res.pidsLimit;
      if (!memory && !cpus && !pids) return undefined;
      const limitKVs: KV[] = [];
      if (memory) limitKVs.push({ key: 'memory', value: '512M' });
      if (cpus) limitKVs.push({ key: 'cpus', value: '"1.0"' });
      const edits: (TextEdit | undefined)[] = [];
      const serviceKVs: KV[] = [];
      const described: string[] = [...limitKVs.map((kv) => `${kv.key}: ${kv.value as string}`)];
      if (limitKVs.length > 0) {
        const deployKV: KV = { key: 'deploy', value: [{ key: 'resources', value: [{ key: 'limits', value: limitKVs }] }] };
        const deploy = entries.get('deploy');
        const inDeploy = deploy?.own ? putKeys(entries, [deployKV], () => undefined) : undefined;
        if (!deploy) serviceKVs.push(deployKV);
        else if (inDeploy && !inDeploy.includes(undefined)) edits.push(...inDeploy);
        else {
          // The deploy block comes from an anchor or an alias: the service-level keys say the same.
          if (memory) serviceKVs.push({ key: 'mem_limit', value: '512M' });
          if (cpus) serviceKVs.push({ key: 'cpus', value: '"1.0"' });
        }
      }
      if (pids) {
        serviceKVs.push({ key: 'pids_limit', value: '100' });
        described.push('pids_limit: 100');
      }
      if (serviceKVs.length > 0) edits.push(...putKeys(entries, serviceKVs, addKeys));
      return fix(t(`Add resource limits (${described.join(', ')})`, `添加资源限制（${described.join(', ')}）`), edits);
    },

    setUser(user) {
      const e = ownEntry('user');
      const title = t(`Run as a non-root user (user: ${JSON.stringify(user)})`, `以非 root 用户运行（user: ${JSON.stringify(user)}）`);
      if (e) {
        const like = e.raw && isScalar(e.raw) ? e.raw : undefined;
        return fix(title, [editor.setPairValue(e.pair, editor.quoteLike(like, user, true))]);
      }
      return fix(title, [addKeys([{ key: 'user', value: JSON.stringify(user) }])]);
    },

    bindPortToLocalhost(port: Port) {
      if (port.unknown || (port.hostIp !== undefined && LOOPBACK.test(port.hostIp))) return undefined;
      const place = view.placementOf(port.origin);
      const node = place && place.kind !== 'root' ? (place.kind === 'item' ? place.node : place.pair.value) : undefined;
      const shown = port.hostPort ?? port.containerPort;
      const title = t(`Bind port ${shown} to 127.0.0.1`, `把端口 ${shown} 绑定到 127.0.0.1`);
      if (isScalar(node)) {
        const raw = view.scalarText(node) ?? '';
        const p = parseShortPort(raw);
        if (!p) return undefined;
        const content = p.hostIpPart
          ? raw.slice(0, p.hostIpPart.start) + '127.0.0.1' + raw.slice(p.hostIpPart.start + p.hostIpPart.text.length)
          : `127.0.0.1:${p.hostPort === undefined ? ':' : ''}${raw.trim()}`;
        return fix(title, [editor.replaceNode(node, editor.quoteLike(node, content, true))]);
      }
      if (isMap(node)) {
        const hip = view.entries(node).get('host_ip');
        if (hip?.own) return fix(title, [editor.setPairValue(hip.pair, '127.0.0.1')]);
        return fix(title, [editor.insertIntoMap(node, [{ key: 'host_ip', value: '127.0.0.1' }])]);
      }
      return undefined;
    },

    removePrivileged() {
      const p = spec.privileged;
      if (!p || p.value !== true || p.unknown) return undefined;
      return fix(t('Remove privileged: true', '删除 privileged: true'), [deleteAt(p.origin)]);
    },

    removeValue(origin: Origin, title: Text) {
      return fix(title, [deleteAt(origin)]);
    },
  };
}
