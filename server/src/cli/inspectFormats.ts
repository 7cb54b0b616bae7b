// Output of `containment inspect` (CLI layer): readable tables per container (in English or
// Simplified Chinese, like `lint`), the reports as JSON, and SARIF whose results name the container
// through a logical location (there is no file). JSON and SARIF keys are contracts and stay as they are.

import { SARIF_LEVEL, sarifTool } from './formats';
import type { ContainerReport, EngineFacts, LimitFact, LsmFacts, SeccompFact, Severity } from '../engine/report';
import { inLocale, t, type Locale } from '../core/types';

const VERSION = '0.1.0';

export interface InspectOutput {
  engine?: EngineFacts;
  reports: ContainerReport[];
  notes: string[];
  missing: string[];
}

export function inspectJson(o: InspectOutput): string {
  return JSON.stringify({ version: VERSION, engine: o.engine, containers: o.reports, missing: o.missing, notes: o.notes }, null, 2) + '\n';
}

export function inspectSarif(o: InspectOutput, locale: Locale = 'en'): string {
  const { tool, ruleIndex } = sarifTool(o.reports.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool,
        results: o.reports.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                logicalLocations: [{ name: r.name, fullyQualifiedName: `container/${r.name}`, kind: 'resource' }],
              },
            ],
            properties: { containerId: r.id, image: r.image },
          })),
        ),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...o.missing.map((m) => inLocale(t(`No container ${m}.`, `没有容器 ${m}。`), locale)),
              ...o.notes,
            ].map((text) => ({
              level: 'warning',
              message: { text },
            })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

const COLORS = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  green: '\x1b[32m',
  reset: '\x1b[0m',
};

/** Terminal control characters in engine strings (names, labels, paths) are shown escaped, never sent. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Columns a cell takes in a terminal: colour codes take none, CJK and full-width characters two. */
function width(cell: string): number {
  // eslint-disable-next-line no-control-regex
  const text = cell.replace(/\x1b\[[0-9;]*m/g, '');
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

function table(rows: string[][], indent = '    '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows.map(
    (r) =>
      indent +
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell))))
        .join('  ')
        .trimEnd(),
  );
}

/** The words of the text report in one language; engine values (names, paths, modes) are never translated. */
function words(locale: Locale) {
  const zh = locale === 'zh-CN';
  const say = (en: string, zhText: string) => inLocale(t(en, zhText), locale);
  const none = say('(none)', '（无）');
  const yesNo = (v: boolean | string): string =>
    !zh ? String(v) : v === true || v === 'yes' ? '是' : v === false || v === 'no' ? '否' : v === 'unknown' ? '未知' : String(v);
  return {
    zh,
    say,
    none,
    yesNo,
    /** `a (b)` in English, `a（b）` in Chinese. */
    paren: (inner: string) => (zh ? `（${inner}）` : ` (${inner})`),
    list: (xs: string[]) => xs.join(zh ? '、' : ', '),
    seccompState: (v: SeccompFact['state']) =>
      !zh ? v : { filter: '过滤', strict: '严格模式', disabled: '已禁用', 'not-available': '守护进程不支持', unknown: '未知' }[v],
    seccompProfile: (v: SeccompFact['profile']) =>
      !zh ? v : { default: 'Docker 默认', unconfined: '无（unconfined）', custom: '自定义', unknown: '未知' }[v],
    apparmor: (v: LsmFacts['apparmor']['state']) =>
      !zh ? v : { enforced: '已强制执行', unconfined: '不受限', 'not-available': '不可用', unknown: '未知' }[v],
    selinux: (v: LsmFacts['selinux']['state']) =>
      !zh ? v : { confined: '受限', disabled: '已禁用', 'not-available': '不可用', unknown: '未知' }[v],
    resource: (v: LimitFact['resource']) =>
      !zh
        ? v
        : {
            memory: '内存',
            'memory+swap': '内存 + 交换空间',
            cpu: 'CPU',
            'cpu-shares': 'CPU 份额',
            cpuset: 'CPU 集（cpuset）',
            pids: '进程数（pids）',
          }[v],
  };
}

export function inspectText(o: InspectOutput, color: boolean, locale: Locale = 'en'): string {
  const c = (k: keyof typeof COLORS, s: string) => (color ? `${COLORS[k]}${s}${COLORS.reset}` : s);
  const w = words(locale);
  const { say, zh } = w;
  const out: string[] = [];
  const e = o.engine;
  if (e) {
    const via = e.access === 'cli' ? `CLI ${e.cliPath ?? ''}`.trimEnd() : 'Engine API';
    const security =
      [
        e.security.seccomp ? 'seccomp' : '',
        e.security.apparmor ? 'apparmor' : '',
        e.security.selinux ? 'selinux' : '',
        e.security.userns ? 'userns-remap' : '',
        e.security.rootless ? 'rootless' : '',
      ]
        .filter(Boolean)
        .join(zh ? '、' : ', ') || say('none', '无');
    const version = e.serverVersion ?? '';
    const context = e.context ? w.paren(say(`context ${clean(e.context)}`, `上下文 ${clean(e.context)}`)) : '';
    const cgroup = `cgroup v${e.cgroupVersion ?? '?'}`;
    out.push(
      c(
        'dim',
        zh
          ? `引擎：${e.kind} ${version}，通过 ${via}，位于 ${clean(e.endpoint)}${context}；${cgroup}；安全机制：${security}`
          : `Engine: ${e.kind} ${version} via ${e.access === 'cli' ? `CLI ${e.cliPath ?? ''}` : 'Engine API'} at ${clean(e.endpoint)}${context}; ${cgroup}; security: ${security}`,
      ),
      '',
    );
  }
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of o.reports) {
    out.push(c('bold', `${clean(r.name)}  (${r.shortId}, ${clean(r.image)}, ${r.state})`));
    const kernel = r.kernel.sameHost ? say('read from /proc (same host)', '从 /proc 读取（同一主机）') : say('not read', '未读取');
    out.push(`  ${say('Kernel view', '内核视图')}${zh ? '：' : ': '}${kernel}${zh ? '：' : ': '}${clean(r.kernel.how)}`);
    out.push(`  ${say('Namespaces', 'Namespace')}`);
    out.push(
      ...table([
        zh ? ['namespace', '模式', '与宿主机共享', '判定依据'] : ['namespace', 'mode', 'shared with host', 'how'],
        ...r.namespaces.map((n) => [
          n.label,
          clean(n.mode === '' ? say('(default)', '（默认）') : n.mode),
          n.sharedWithHost === 'yes' ? c('warning', w.yesNo('yes')) : w.yesNo(n.sharedWithHost),
          n.basis === 'inode'
            ? `inode ${n.inode}${n.inode === n.selfInode ? say(' = ours', ' = 本进程的') : say(` ≠ ours ${n.selfInode}`, ` ≠ 本进程的 ${n.selfInode}`)}`
            : say('mode', '模式'),
        ]),
      ]),
    );
    const cap = r.capabilities;
    const capSource =
      cap.source === 'proc'
        ? say('kernel, /proc status masks', '内核，/proc status 掩码')
        : cap.source === 'exec'
          ? say('kernel, via docker exec', '内核，通过 docker exec')
          : say('from settings', '根据设置推算');
    out.push(`  ${say('Capabilities', 'Capability')}${w.paren(capSource)}`);
    out.push(
      ...table([
        [say('effective', 'effective 集合'), cap.effective.join(' ') || w.none],
        [say('bounding', 'bounding 集合'), cap.bounding.join(' ') || w.none],
        [say('added to the default 14', '在默认 14 个之外添加'), cap.added.length ? c('error', cap.added.join(' ')) : w.none],
        [say('dropped from the default 14', '从默认 14 个中去掉'), cap.dropped.join(' ') || w.none],
      ]),
    );
    if (cap.note) out.push(`    ${c('dim', cap.note)}`);
    const s = r.seccomp;
    out.push(`  ${say('Security', '安全')}`);
    const kernelMode = s.kernelMode !== undefined ? w.paren(`Seccomp: ${s.kernelMode}`) : '';
    const detail = s.profileDetail ? w.paren(clean(s.profileDetail)) : '';
    const nnpKernel = r.noNewPrivileges.kernel !== undefined ? w.paren(`NoNewPrivs: ${r.noNewPrivileges.kernel}`) : '';
    const uid = r.user.uid !== undefined ? `${zh ? '，' : ', '}uid ${r.user.uid} gid ${r.user.gid ?? '?'}` : '';
    out.push(
      ...table([
        ['seccomp', `${w.seccompState(s.state)}${kernelMode}${zh ? '，配置文件：' : ', profile '}${w.seccompProfile(s.profile)}${detail}`],
        ['no-new-privileges', `${w.yesNo(r.noNewPrivileges.enabled)}${nnpKernel}`],
        ['AppArmor', `${w.apparmor(r.lsm.apparmor.state)}${r.lsm.apparmor.profile ? w.paren(clean(r.lsm.apparmor.profile)) : ''}`],
        ['SELinux', `${w.selinux(r.lsm.selinux.state)}${r.lsm.selinux.label ? w.paren(clean(r.lsm.selinux.label)) : ''}`],
        [
          say('user', '用户'),
          `${clean(r.user.configured || say('(image default)', '（镜像默认）'))}${uid}${r.user.root === true ? c('warning', zh ? '，root' : ', root') : ''}${r.user.rootOnHost === true ? c('warning', say(' (root on the host too: no user namespace)', '（在宿主机上也是 root：没有 user namespace）')) : ''}`,
        ],
        [say('read-only root', '只读根文件系统'), w.yesNo(r.readOnlyRootfs.value)],
      ]),
    );
    out.push(`  ${say('Limits', '限制')}`);
    out.push(
      ...table([
        zh ? ['资源', '限制', '用量', '来源'] : ['resource', 'limit', 'usage', 'source'],
        ...r.limits.map((l) => [
          w.resource(l.resource),
          l.limit === null && l.unit !== 'cpus-list' ? c('warning', l.text) : l.text,
          l.usageText ?? '',
          l.file
            ? say(`cgroup ${l.file.slice(l.file.lastIndexOf('/') + 1)}`, `cgroup 文件 ${l.file.slice(l.file.lastIndexOf('/') + 1)}`)
            : zh && l.source === 'inspect'
              ? '引擎（inspect）'
              : l.source,
        ]),
      ]),
    );
    if (r.mounts.length) {
      out.push(`  ${say('Mounts', '挂载')}`);
      out.push(
        ...table(
          r.mounts.map((m) => [
            m.type,
            clean(m.source || '-'),
            '→',
            clean(m.destination),
            m.readOnly ? say('ro', '只读') : say('rw', '读写'),
            m.sensitive ? c(m.sensitive.severity, `${m.sensitive.ruleId}`) : '',
          ]),
        ),
      );
    }
    if (r.devices.length)
      out.push(`  ${say('Devices', '设备')}`, ...table(r.devices.map((d) => [clean(d.host), '→', clean(d.container), d.permissions])));
    if (r.ports.length) {
      out.push(
        `  ${say('Ports', '端口')}`,
        ...table(
          r.ports.map((p) => [
            `${p.containerPort}/${p.protocol}`,
            p.hostPort ? `→ ${clean(p.hostIp || '0.0.0.0')}:${clean(p.hostPort)}` : say('(not published)', '（未发布）'),
          ]),
        ),
      );
    }
    out.push(`  ${say('Findings', '问题')}${w.paren(String(r.findings.length))}`);
    for (const f of r.findings) {
      counts[f.severity]++;
      out.push(`    ${c(f.severity, f.severity.padEnd(7))} ${c('bold', f.ruleId)}  ${clean(f.message)}`);
    }
    for (const n of r.notes) out.push(`  ${c('dim', say(`note: ${clean(n)}`, `备注：${clean(n)}`))}`);
    const commands = r.evidence.map((x) => x.command).join('  ;  ');
    out.push(`  ${c('dim', say(`See for yourself: ${commands}`, `自己查看：${commands}`))}`);
    out.push('');
  }
  for (const m of o.missing)
    out.push(
      c('warning', say(`No container ${clean(m)}: it does not exist, or it was removed.`, `没有容器 ${clean(m)}：它不存在，或已被删除。`)),
    );
  for (const n of o.notes) out.push(c('dim', say(`note: ${clean(n)}`, `备注：${clean(n)}`)));
  const total = counts.error + counts.warning + counts.info;
  const n = o.reports.length;
  out.push(
    n === 0
      ? say('No containers inspected.', '没有检查任何容器。')
      : zh
        ? total === 0
          ? `${n} 个容器中没有发现问题。`
          : `${n} 个容器中共发现 ${total} 个问题（${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示）。`
        : `${total} finding${total === 1 ? '' : 's'} (${counts.error} error, ${counts.warning} warning, ${counts.info} info) in ${n} container${n === 1 ? '' : 's'}.`,
  );
  return out.join('\n') + '\n';
}
