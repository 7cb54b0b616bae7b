// Output of `containment inspect` (CLI layer): readable tables per container, the reports as JSON,
// and SARIF whose results name the container through a logical location (there is no file).

import { SARIF_LEVEL, sarifTool } from './formats';
import type { ContainerReport, EngineFacts, Severity } from '../engine/report';

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

export function inspectSarif(o: InspectOutput): string {
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
            toolExecutionNotifications: [...o.missing.map((m) => `No container ${m}.`), ...o.notes].map((text) => ({
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

function table(rows: string[][], indent = '    '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map(
    (r) =>
      indent +
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - [...cell].length)))
        .join('  ')
        .trimEnd(),
  );
}

export function inspectText(o: InspectOutput, color: boolean): string {
  const c = (k: keyof typeof COLORS, s: string) => (color ? `${COLORS[k]}${s}${COLORS.reset}` : s);
  const out: string[] = [];
  const e = o.engine;
  if (e) {
    out.push(
      c(
        'dim',
        `Engine: ${e.kind} ${e.serverVersion ?? ''} via ${e.access === 'cli' ? `CLI ${e.cliPath ?? ''}` : 'Engine API'} at ${clean(e.endpoint)}` +
          `${e.context ? ` (context ${clean(e.context)})` : ''}; cgroup v${e.cgroupVersion ?? '?'}; ` +
          `security: ${[e.security.seccomp ? 'seccomp' : '', e.security.apparmor ? 'apparmor' : '', e.security.selinux ? 'selinux' : '', e.security.userns ? 'userns-remap' : '', e.security.rootless ? 'rootless' : ''].filter(Boolean).join(', ') || 'none'}`,
      ),
      '',
    );
  }
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of o.reports) {
    out.push(c('bold', `${clean(r.name)}  (${r.shortId}, ${clean(r.image)}, ${r.state})`));
    out.push(`  Kernel view: ${r.kernel.sameHost ? 'read from /proc (same host)' : 'not read'}: ${clean(r.kernel.how)}`);
    out.push('  Namespaces');
    out.push(
      ...table([
        ['namespace', 'mode', 'shared with host', 'how'],
        ...r.namespaces.map((n) => [
          n.label,
          clean(n.mode === '' ? '(default)' : n.mode),
          n.sharedWithHost === 'yes' ? c('warning', 'yes') : n.sharedWithHost,
          n.basis === 'inode' ? `inode ${n.inode}${n.inode === n.selfInode ? ' = ours' : ` ≠ ours ${n.selfInode}`}` : 'mode',
        ]),
      ]),
    );
    const cap = r.capabilities;
    out.push(
      `  Capabilities (${cap.source === 'proc' ? 'kernel, /proc status masks' : cap.source === 'exec' ? 'kernel, via docker exec' : 'from settings'})`,
    );
    out.push(
      ...table([
        ['effective', cap.effective.join(' ') || '(none)'],
        ['bounding', cap.bounding.join(' ') || '(none)'],
        ['added to the default 14', cap.added.length ? c('error', cap.added.join(' ')) : '(none)'],
        ['dropped from the default 14', cap.dropped.join(' ') || '(none)'],
      ]),
    );
    if (cap.note) out.push(`    ${c('dim', cap.note)}`);
    const s = r.seccomp;
    out.push('  Security');
    out.push(
      ...table([
        [
          'seccomp',
          `${s.state}${s.kernelMode !== undefined ? ` (Seccomp: ${s.kernelMode})` : ''}, profile ${s.profile}${s.profileDetail ? ` (${clean(s.profileDetail)})` : ''}`,
        ],
        [
          'no-new-privileges',
          `${r.noNewPrivileges.enabled}${r.noNewPrivileges.kernel !== undefined ? ` (NoNewPrivs: ${r.noNewPrivileges.kernel})` : ''}`,
        ],
        ['AppArmor', `${r.lsm.apparmor.state}${r.lsm.apparmor.profile ? ` (${clean(r.lsm.apparmor.profile)})` : ''}`],
        ['SELinux', `${r.lsm.selinux.state}${r.lsm.selinux.label ? ` (${clean(r.lsm.selinux.label)})` : ''}`],
        [
          'user',
          `${clean(r.user.configured || '(image default)')}${r.user.uid !== undefined ? `, uid ${r.user.uid} gid ${r.user.gid ?? '?'}` : ''}${r.user.root === true ? c('warning', ', root') : ''}${r.user.rootOnHost === true ? c('warning', ' (root on the host too: no user namespace)') : ''}`,
        ],
        ['read-only root', String(r.readOnlyRootfs.value)],
      ]),
    );
    out.push('  Limits');
    out.push(
      ...table([
        ['resource', 'limit', 'usage', 'source'],
        ...r.limits.map((l) => [
          l.resource,
          l.limit === null && l.unit !== 'cpus-list' ? c('warning', l.text) : l.text,
          l.usageText ?? '',
          l.file ? `cgroup ${l.file.slice(l.file.lastIndexOf('/') + 1)}` : l.source,
        ]),
      ]),
    );
    if (r.mounts.length) {
      out.push('  Mounts');
      out.push(
        ...table(
          r.mounts.map((m) => [
            m.type,
            clean(m.source || '-'),
            '→',
            clean(m.destination),
            m.readOnly ? 'ro' : 'rw',
            m.sensitive ? c(m.sensitive.severity, `${m.sensitive.ruleId}`) : '',
          ]),
        ),
      );
    }
    if (r.devices.length) out.push('  Devices', ...table(r.devices.map((d) => [clean(d.host), '→', clean(d.container), d.permissions])));
    if (r.ports.length) {
      out.push(
        '  Ports',
        ...table(
          r.ports.map((p) => [
            `${p.containerPort}/${p.protocol}`,
            p.hostPort ? `→ ${clean(p.hostIp || '0.0.0.0')}:${clean(p.hostPort)}` : '(not published)',
          ]),
        ),
      );
    }
    out.push(`  Findings (${r.findings.length})`);
    for (const f of r.findings) {
      counts[f.severity]++;
      out.push(`    ${c(f.severity, f.severity.padEnd(7))} ${c('bold', f.ruleId)}  ${clean(f.message)}`);
    }
    for (const n of r.notes) out.push(`  ${c('dim', `note: ${clean(n)}`)}`);
    out.push(`  ${c('dim', `See for yourself: ${r.evidence.map((x) => x.command).join('  ;  ')}`)}`);
    out.push('');
  }
  for (const m of o.missing) out.push(c('warning', `No container ${clean(m)}: it does not exist, or it was removed.`));
  for (const n of o.notes) out.push(c('dim', `note: ${clean(n)}`));
  const total = counts.error + counts.warning + counts.info;
  const n = o.reports.length;
  out.push(
    n === 0
      ? 'No containers inspected.'
      : `${total} finding${total === 1 ? '' : 's'} (${counts.error} error, ${counts.warning} warning, ${counts.info} info) in ${n} container${n === 1 ? '' : 's'}.`,
  );
  return out.join('\n') + '\n';
}
