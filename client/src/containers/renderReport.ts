// The isolation report of one container as an HTML page for the report webview (client UI layer,
// pure: no vscode import, so it is unit-tested outside VS Code). Everything that comes from the
// engine is untrusted and goes through escapeHtml; the page carries a strict Content-Security-Policy
// and only VS Code's theme variables for colours (media/report.css), so light, dark and high
// contrast themes all work. UI strings go through `t` (vscode.l10n.t in the editor).

import type {
  CapabilityFacts,
  ContainerReport,
  Evidence,
  LimitFact,
  MountFact,
  NamespaceFact,
  ReportFinding,
  Severity,
} from '../../../server/src/engine/report';
import { escapeHtml as esc, miniMarkdown, safeUrl } from './html';

/** vscode.l10n.t's shape: the English message is the key; {0}, {1}… are replaced by the arguments. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

/** The English fallback used outside VS Code (tests): fills {0}, {1}… like vscode.l10n.t. */
export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));

export interface PageOptions {
  /** webview.cspSource */
  cspSource: string;
  /** A fresh nonce for the one script. */
  nonce: string;
  /** webview.asWebviewUri(media/report.css) as a string. */
  styleUri: string;
  /** webview.asWebviewUri(media/report.js) as a string. */
  scriptUri: string;
  t?: Translate;
  /** The page's language (vscode.env.language). */
  lang?: string;
  /** A line above the report: a refresh that failed, or the container being gone. */
  banner?: { kind: 'error' | 'info'; text: string };
}

/** The strict policy: nothing but the extension's own stylesheet, one nonce'd script, and images from media/. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

function page(o: PageOptions, title: string, body: string): string {
  const banner = o.banner ? `<div class="banner ${o.banner.kind}" role="status">${esc(o.banner.text)}</div>` : '';
  return `<!DOCTYPE html>
<html lang="${esc(o.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${esc(o.styleUri)}">
<title>${esc(title)}</title>
</head>
<body>
${banner}${body}
<script nonce="${esc(o.nonce)}" src="${esc(o.scriptUri)}"></script>
</body>
</html>
`;
}

/** A page with just a heading and a message: loading, or an inspection that failed (the hint is Markdown: code spans). */
export function renderMessage(title: string, message: string, o: PageOptions, hint?: string): string {
  const body = `<main class="message"><h1>${esc(title)}</h1><p>${esc(message)}</p>${hint ? `<div class="hint">${miniMarkdown(hint)}</div>` : ''}</main>`;
  return page(o, title, body);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function severityWord(t: Translate, s: Severity | 'none'): string {
  return s === 'error' ? t('error') : s === 'warning' ? t('warning') : s === 'info' ? t('info') : t('no findings');
}

/** A `$ command` line with a copy button (media/report.js posts it to the extension). */
function commandLine(t: Translate, command: string): string {
  return `<div class="cmd"><code>${esc(command)}</code><button type="button" class="copy" data-copy="${esc(command)}" data-copied="${esc(t('Copied'))}" title="${esc(t('Copy to the clipboard'))}">${esc(t('Copy'))}</button></div>`;
}

/** The commands that show a fact, folded under "How to check". */
function evidence(t: Translate, list: Evidence[] | undefined): string {
  if (!list || list.length === 0) return '';
  const seen = new Set<string>();
  const rows = list.filter((e) => !seen.has(e.command) && seen.add(e.command)).map((e) => commandLine(t, e.command));
  return `<details class="how"><summary>${esc(t('How to check'))}</summary>${rows.join('')}</details>`;
}

function badge(kind: 'good' | 'bad' | 'warn' | 'neutral', text: string): string {
  return `<span class="badge ${kind}">${esc(text)}</span>`;
}

function section(id: string, title: string, body: string, extra = ''): string {
  return `<section id="${esc(id)}" class="card${extra ? ` ${extra}` : ''}"><h2>${esc(title)}</h2>${body}</section>`;
}

// --- header ---------------------------------------------------------------------------------

function header(r: ContainerReport, t: Translate): string {
  const counts = { error: 0, warning: 0, info: 0 } as Record<Severity, number>;
  for (const f of r.findings) counts[f.severity]++;
  const countText =
    r.findings.length === 0
      ? t('No findings')
      : [
          counts.error === 1 ? t('1 error') : counts.error ? t('{0} errors', counts.error) : '',
          counts.warning === 1 ? t('1 warning') : counts.warning ? t('{0} warnings', counts.warning) : '',
          counts.info ? t('{0} info', counts.info) : '',
        ]
          .filter(Boolean)
          .join(' · ');
  const e = r.engine;
  const engineText = [
    e.kind,
    e.serverVersion,
    e.access === 'api' ? t('Engine API at {0}', e.endpoint) : e.endpoint,
    e.context ? t('context {0}', e.context) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const kernel = r.kernel.sameHost
    ? badge('good', t('Read from the kernel (/proc/{0})', r.pid))
    : badge('neutral', t('From the engine only'));
  return `<header class="top worst-${esc(r.worstSeverity)}">
<div class="title"><span class="sev-dot ${esc(r.worstSeverity)}" aria-hidden="true"></span><h1>${esc(r.name)}</h1>${badge(
    r.worstSeverity === 'error' ? 'bad' : r.worstSeverity === 'warning' ? 'warn' : r.worstSeverity === 'info' ? 'neutral' : 'good',
    severityWord(t, r.worstSeverity),
  )}</div>
<dl class="facts">
<dt>${esc(t('Image'))}</dt><dd><code>${esc(r.image)}</code></dd>
<dt>${esc(t('Container'))}</dt><dd><code>${esc(r.shortId)}</code> · ${esc(r.state)} · ${esc(r.status)}</dd>
<dt>${esc(t('Engine'))}</dt><dd>${esc(engineText)}</dd>
<dt>${esc(t('Findings'))}</dt><dd><a href="#findings">${esc(countText)}</a></dd>
</dl>
<p class="kernel">${kernel} <span class="muted">${esc(r.kernel.how)}</span></p>
</header>`;
}

// --- namespaces -----------------------------------------------------------------------------

function nsBox(n: NamespaceFact, t: Translate): string {
  const shared = n.sharedWithHost === 'yes';
  const cls = shared ? 'shared' : n.modeKind === 'container' ? 'joined' : n.sharedWithHost === 'unknown' ? 'unknown' : 'isolated';
  const mode = n.mode === '' ? t('default') : n.mode;
  const sub =
    n.modeKind === 'container' && n.target
      ? t('joins {0}', n.target)
      : shared
        ? t('shared with the host')
        : n.sharedWithHost === 'unknown'
          ? t('not known')
          : n.modeKind === 'none'
            ? t('own, no network')
            : t('own namespace');
  const inode =
    n.inode !== undefined
      ? `<span class="inode">${esc(t('inode {0}', n.inode))}${n.selfInode !== undefined ? esc(` / ${n.selfInode}`) : ''}</span>`
      : '';
  const title = [
    t('mode: {0}', mode),
    n.basis === 'inode' ? t('decided by comparing namespace inodes') : t('decided by the mode'),
    n.note ?? '',
  ]
    .filter(Boolean)
    .join('\n');
  return `<div class="ns ${cls}" data-ns="${esc(n.name)}" title="${esc(title)}"><span class="ns-name">${esc(n.label)}</span><span class="ns-sub">${esc(sub)}</span>${inode}</div>`;
}

function namespacesSection(r: ContainerReport, t: Translate): string {
  if (r.namespaces.length === 0) return section('namespaces', t('Namespaces'), `<p class="muted">${esc(t('Not reported.'))}</p>`);
  const shared = r.namespaces.filter((n) => n.sharedWithHost === 'yes');
  const own = r.namespaces.filter((n) => n.sharedWithHost !== 'yes');
  const notes = r.namespaces.filter((n) => n.note).map((n) => `<li><strong>${esc(n.label)}</strong>: ${esc(n.note)}</li>`);
  const diagram = `<div class="ns-diagram" role="group" aria-label="${esc(t('Namespaces: isolated inside the container or shared with the host'))}">
<div class="host-box"><div class="box-title">${esc(t('Host'))}</div>
<div class="ns-row shared-row">${shared.map((n) => nsBox(n, t)).join('') || `<span class="muted">${esc(t('Nothing shared with the host'))}</span>`}</div>
<div class="container-box"><div class="box-title">${esc(t('Container {0}', r.name))}</div>
<div class="ns-row">${own.map((n) => nsBox(n, t)).join('') || `<span class="muted">${esc(t('No namespace of its own'))}</span>`}</div>
</div></div></div>`;
  const legend = `<p class="legend">${badge('good', t('own namespace'))} ${badge('bad', t('shared with the host'))} ${badge('warn', t('joins another container'))}</p>`;
  const allEvidence = r.namespaces.flatMap((n) => n.evidence);
  return section(
    'namespaces',
    t('Namespaces'),
    diagram + legend + (notes.length ? `<ul class="notes">${notes.join('')}</ul>` : '') + evidence(t, allEvidence),
  );
}

// --- capabilities ---------------------------------------------------------------------------

function capabilitiesSection(c: CapabilityFacts, t: Translate): string {
  const bounding = new Set(c.bounding);
  const effective = new Set(c.effective);
  const chips: string[] = [];
  const chip = (name: string, cls: string, title: string) =>
    `<span class="chip ${cls}" data-cap="${esc(name)}" title="${esc(title)}">${esc(name)}</span>`;
  for (const cap of c.dockerDefault) {
    if (bounding.has(cap)) {
      chips.push(
        chip(
          cap,
          `kept${effective.has(cap) ? '' : ' not-effective'}`,
          effective.has(cap)
            ? t('Docker\u2019s default, kept')
            : t('Docker\u2019s default, kept in the bounding set but not effective now'),
        ),
      );
    } else chips.push(chip(cap, 'dropped', t('Docker\u2019s default, dropped')));
  }
  for (const cap of c.added)
    chips.push(chip(cap, `added${effective.has(cap) ? '' : ' not-effective'}`, t('Added: not among Docker\u2019s default 14')));
  const summary = t(
    '{0} of Docker\u2019s default 14 kept, {1} added, {2} dropped; {3} effective now.',
    c.dockerDefault.length - c.dropped.length,
    c.added.length,
    c.dropped.length,
    c.effective.length,
  );
  const source =
    c.source === 'proc'
      ? t('From the kernel (CapBnd/CapEff in /proc)')
      : c.source === 'exec'
        ? t('From /proc/1/status read with docker exec')
        : t('Computed from the container\u2019s settings');
  const configured: string[] = [];
  if (c.configured.privileged) configured.push(badge('bad', t('privileged')));
  if (c.configured.add.length) configured.push(`${esc(t('cap_add:'))} <code>${esc(c.configured.add.join(', '))}</code>`);
  if (c.configured.drop.length) configured.push(`${esc(t('cap_drop:'))} <code>${esc(c.configured.drop.join(', '))}</code>`);
  const masks = c.masks
    ? `<p class="muted">${esc(t('Masks'))}: CapEff <code>${esc(c.masks.effective)}</code> CapPrm <code>${esc(c.masks.permitted)}</code> CapBnd <code>${esc(c.masks.bounding)}</code></p>`
    : '';
  const legend = `<p class="legend"><span class="chip kept">${esc(t('kept'))}</span> <span class="chip added">${esc(t('added'))}</span> <span class="chip dropped">${esc(t('dropped'))}</span> <span class="chip kept not-effective">${esc(t('not effective'))}</span></p>`;
  return section(
    'capabilities',
    t('Capabilities'),
    `<p>${esc(summary)} <span class="muted">${esc(source)}</span></p><div class="chips">${chips.join('')}</div>${legend}` +
      (configured.length ? `<p>${esc(t('Configured'))}: ${configured.join(' · ')}</p>` : '') +
      masks +
      (c.note ? `<p class="note">${esc(c.note)}</p>` : '') +
      evidence(t, c.evidence),
  );
}

// --- security profiles ----------------------------------------------------------------------

function securitySection(r: ContainerReport, t: Translate): string {
  const s = r.seccomp;
  const seccompBadge =
    s.state === 'filter'
      ? badge('good', s.profile === 'custom' ? t('custom filter') : t('filtered'))
      : s.state === 'strict'
        ? badge('good', t('strict'))
        : s.state === 'disabled'
          ? badge('bad', t('unconfined'))
          : s.state === 'not-available'
            ? badge('warn', t('not available on the daemon'))
            : badge('neutral', t('unknown'));
  const seccompText = [
    s.profile === 'default'
      ? t('Docker\u2019s default profile')
      : s.profile === 'unconfined'
        ? t('no profile')
        : s.profile === 'custom'
          ? t('custom profile')
          : '',
    s.profileDetail ?? '',
    s.kernelMode !== undefined ? t('kernel Seccomp: {0}', s.kernelMode) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const aa = r.lsm.apparmor;
  const aaBadge =
    aa.state === 'enforced'
      ? badge('good', t('enforced'))
      : aa.state === 'unconfined'
        ? badge('bad', t('unconfined'))
        : aa.state === 'not-available'
          ? badge('neutral', t('not available'))
          : badge('neutral', t('unknown'));
  const se = r.lsm.selinux;
  const seBadge =
    se.state === 'confined'
      ? badge('good', t('confined'))
      : se.state === 'disabled'
        ? badge('bad', t('disabled'))
        : se.state === 'not-available'
          ? badge('neutral', t('not available'))
          : badge('neutral', t('unknown'));
  const nnp = r.noNewPrivileges;
  const nnpBadge =
    nnp.enabled === true ? badge('good', t('on')) : nnp.enabled === false ? badge('warn', t('off')) : badge('neutral', t('unknown'));
  const ro = r.readOnlyRootfs.value ? badge('good', t('read-only')) : badge('warn', t('writable'));
  const row = (name: string, b: string, detail: string, ev: Evidence[]) =>
    `<div class="sec-row"><div class="sec-name">${esc(name)}</div><div class="sec-state">${b}</div><div class="sec-detail">${detail}</div>${evidence(t, ev)}</div>`;
  return section(
    'security',
    t('Security profiles'),
    row('seccomp', seccompBadge, esc(seccompText), s.evidence) +
      row('AppArmor', aaBadge, aa.profile ? `<code>${esc(aa.profile)}</code>` : '', aa.evidence) +
      row('SELinux', seBadge, se.label ? `<code>${esc(se.label)}</code>` : '', se.evidence) +
      row(t('no-new-privileges'), nnpBadge, nnp.kernel !== undefined ? esc(t('kernel NoNewPrivs: {0}', nnp.kernel)) : '', nnp.evidence) +
      row(t('Root filesystem'), ro, '', r.readOnlyRootfs.evidence),
  );
}

function userSection(r: ContainerReport, t: Translate): string {
  const u = r.user;
  const who = u.root === true ? badge('bad', t('root')) : u.root === false ? badge('good', t('not root')) : badge('neutral', t('unknown'));
  const onHost =
    u.rootOnHost === true
      ? badge('bad', t('root on the host too'))
      : u.rootOnHost === false
        ? badge('good', t('not root on the host'))
        : '';
  const items = [
    `<dt>${esc(t('Configured user'))}</dt><dd><code>${esc(u.configured || t('(the image\u2019s)'))}</code></dd>`,
    u.imageUser !== undefined ? `<dt>${esc(t('Image user'))}</dt><dd><code>${esc(u.imageUser || 'root')}</code></dd>` : '',
    u.uid !== undefined
      ? `<dt>${esc(t('UID / GID'))}</dt><dd><code>${esc(u.uid)}${u.gid !== undefined ? ` / ${esc(u.gid)}` : ''}</code></dd>`
      : '',
  ].join('');
  return section('user', t('User'), `<p>${who} ${onHost}</p><dl class="facts">${items}</dl>${evidence(t, u.evidence)}`);
}

// --- limits ---------------------------------------------------------------------------------

function limitName(t: Translate, resource: LimitFact['resource']): string {
  switch (resource) {
    case 'memory':
      return t('Memory');
    case 'memory+swap':
      return t('Memory + swap');
    case 'cpu':
      return t('CPU');
    case 'cpu-shares':
      return t('CPU shares');
    case 'cpuset':
      return t('CPU set');
    case 'pids':
      return t('Processes (pids)');
  }
}

/** A usage bar as SVG (the policy forbids inline styles; SVG attributes are not styles). */
function usageBar(usage: number, limit: number): string {
  const pct = Math.max(0, Math.min(100, (usage / limit) * 100));
  const level = pct >= 90 ? 'high' : pct >= 70 ? 'mid' : 'low';
  return `<svg class="bar ${level}" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="${esc(pct.toFixed(0))}%"><rect class="track" x="0" y="0" width="100" height="8"></rect><rect class="fill" x="0" y="0" width="${pct.toFixed(2)}" height="8"></rect></svg>`;
}

function limitsSection(r: ContainerReport, t: Translate): string {
  if (r.limits.length === 0) return section('limits', t('Limits'), `<p class="muted">${esc(t('Not reported.'))}</p>`);
  const rows = r.limits.map((l) => {
    const unlimited = l.limit === null && l.unit !== 'cpus-list';
    const capped = ['memory', 'cpu', 'pids'].includes(l.resource);
    const state = unlimited ? (capped ? badge('warn', t('no limit')) : badge('neutral', t('no limit'))) : '';
    const usage =
      l.usage !== undefined
        ? l.limit !== null && l.limit > 0
          ? `${usageBar(l.usage, l.limit)}<span class="usage">${esc(t('{0} used of {1}', l.usageText ?? String(l.usage), l.text))}</span>`
          : `<span class="usage">${esc(t('{0} used', l.usageText ?? String(l.usage)))}</span>`
        : '';
    const source = l.source === 'cgroup' ? t('from the cgroup files') : t('from the engine');
    return `<div class="limit" data-resource="${esc(l.resource)}"><div class="limit-name">${esc(limitName(t, l.resource))}</div><div class="limit-value">${unlimited ? '' : `<strong>${esc(l.text)}</strong>`} ${state}</div><div class="limit-usage">${usage}</div><div class="muted limit-source">${esc(source)}</div>${evidence(t, l.evidence)}</div>`;
  });
  return section('limits', t('Limits (cgroups)'), rows.join(''));
}

// --- mounts, devices, ports -----------------------------------------------------------------

function mountRow(m: MountFact, t: Translate): string {
  const flag = m.sensitive
    ? `<span class="badge ${m.sensitive.severity === 'error' ? 'bad' : 'warn'}" title="${esc(m.sensitive.reason)}">${esc(m.sensitive.ruleId)}</span> <span class="reason">${esc(m.sensitive.reason)}</span>`
    : '';
  return `<tr class="${m.sensitive ? `sensitive ${esc(m.sensitive.severity)}` : ''}"><td>${esc(m.type)}</td><td><code>${esc(m.source || '\u2014')}</code></td><td><code>${esc(m.destination)}</code></td><td>${m.readOnly ? esc(t('read-only')) : esc(t('read-write'))}${m.propagation ? ` · ${esc(m.propagation)}` : ''}</td><td>${flag}</td></tr>`;
}

function mountsSection(r: ContainerReport, t: Translate): string {
  const cli = r.engine.cli;
  const mounts =
    r.mounts.length === 0
      ? `<p class="muted">${esc(t('No mounts.'))}</p>`
      : `<table><thead><tr><th>${esc(t('Type'))}</th><th>${esc(t('Source'))}</th><th>${esc(t('Destination'))}</th><th>${esc(t('Mode'))}</th><th>${esc(t('Flagged'))}</th></tr></thead><tbody>${r.mounts.map((m) => mountRow(m, t)).join('')}</tbody></table>`;
  const devices =
    r.devices.length === 0
      ? ''
      : `<h3>${esc(t('Devices'))}</h3><table><thead><tr><th>${esc(t('Host'))}</th><th>${esc(t('Container'))}</th><th>${esc(t('Permissions'))}</th></tr></thead><tbody>${r.devices
          .map(
            (d) => `<tr><td><code>${esc(d.host)}</code></td><td><code>${esc(d.container)}</code></td><td>${esc(d.permissions)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return section(
    'mounts',
    t('Mounts'),
    mounts + devices + evidence(t, [{ source: 'inspect', command: `${cli} inspect -f '{{json .Mounts}}' ${shellWord(r.name)}` }]),
  );
}

function portsSection(r: ContainerReport, t: Translate): string {
  const cli = r.engine.cli;
  const body =
    r.ports.length === 0
      ? `<p class="muted">${esc(t('No published ports.'))}</p>`
      : `<table><thead><tr><th>${esc(t('Container port'))}</th><th>${esc(t('Host address'))}</th><th>${esc(t('Host port'))}</th></tr></thead><tbody>${r.ports
          .map((p) => {
            const all =
              p.hostPort !== undefined && (p.hostIp === undefined || p.hostIp === '' || p.hostIp === '0.0.0.0' || p.hostIp === '::');
            return `<tr class="${all ? 'exposed' : ''}"><td><code>${esc(`${p.containerPort}/${p.protocol}`)}</code></td><td>${p.hostPort === undefined ? esc(t('not published')) : all ? `${badge('warn', t('all interfaces'))}` : `<code>${esc(p.hostIp)}</code>`}</td><td><code>${esc(p.hostPort ?? '\u2014')}</code></td></tr>`;
          })
          .join('')}</tbody></table>`;
  return section('ports', t('Ports'), body + evidence(t, [{ source: 'inspect', command: `${cli} port ${shellWord(r.name)}` }]));
}

// --- findings -------------------------------------------------------------------------------

function findingItem(f: ReportFinding, t: Translate): string {
  const url = safeUrl(f.docsUrl);
  const id = /^CT\d{4}$/.test(f.ruleId) ? f.ruleId : '';
  const ruleLink = url
    ? `<a class="rule" href="${url}" data-rule="${esc(id)}" title="${esc(t('Open the rule\u2019s documentation'))}">${esc(f.ruleId)}</a>`
    : `<span class="rule">${esc(f.ruleId)}</span>`;
  return `<li class="finding ${esc(f.severity)}" data-rule-id="${esc(f.ruleId)}"><div class="finding-head"><span class="sev-dot ${esc(f.severity)}" aria-hidden="true"></span>${badge(
    f.severity === 'error' ? 'bad' : f.severity === 'warning' ? 'warn' : 'neutral',
    severityWord(t, f.severity),
  )} ${ruleLink}${f.title ? ` <span class="finding-title">${esc(f.title)}</span>` : ''}</div><div class="finding-message">${miniMarkdown(f.message)}</div>${
    f.remediation ? `<div class="fix"><div class="fix-label">${esc(t('What to do'))}</div>${miniMarkdown(f.remediation)}</div>` : ''
  }</li>`;
}

function findingsSection(r: ContainerReport, t: Translate): string {
  if (r.findings.length === 0) return section('findings', t('Findings'), `<p>${badge('good', t('No findings'))}</p>`);
  const sorted = [...r.findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ruleId.localeCompare(b.ruleId),
  );
  return section('findings', t('Findings'), `<ul class="findings">${sorted.map((f) => findingItem(f, t)).join('')}</ul>`);
}

// --- the rest -------------------------------------------------------------------------------

function moreSection(r: ContainerReport, t: Translate): string {
  const labels = Object.entries(r.labels);
  const labelRows = labels.map(([k, v]) => `<tr><td><code>${esc(k)}</code></td><td><code>${esc(v)}</code></td></tr>`).join('');
  const parts = [
    `<dl class="facts"><dt>${esc(t('Restart policy'))}</dt><dd><code>${esc(r.restartPolicy)}</code></dd>${r.logDriver ? `<dt>${esc(t('Log driver'))}</dt><dd><code>${esc(r.logDriver)}</code></dd>` : ''}${r.imageId ? `<dt>${esc(t('Image id'))}</dt><dd><code>${esc(r.imageId)}</code></dd>` : ''}${r.created ? `<dt>${esc(t('Created'))}</dt><dd>${esc(r.created)}</dd>` : ''}</dl>`,
    labels.length
      ? `<details class="labels" open><summary>${esc(t('Labels ({0})', labels.length))}</summary><table><tbody>${labelRows}</tbody></table></details>`
      : '',
    r.envNames.length
      ? `<details><summary>${esc(t('Environment variables ({0}, names only)', r.envNames.length))}</summary><p>${r.envNames.map((n) => `<code>${esc(n)}</code>`).join(' ')}</p></details>`
      : '',
    r.notes.length ? `<h3>${esc(t('Notes'))}</h3><ul class="notes">${r.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '',
    r.engine.warnings.length
      ? `<h3>${esc(t('Daemon warnings'))}</h3><ul class="notes">${r.engine.warnings.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`
      : '',
    `<h3>${esc(t('Raw data'))}</h3>${[...r.evidence, ...r.engine.evidence].map((e) => commandLine(t, e.command)).join('')}`,
  ];
  return section('more', t('More about this container'), parts.join(''));
}

/** A name as one shell word, for the commands shown (names are untrusted: quote unless plain). */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_.\-/:@]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The whole report page. */
export function renderReport(r: ContainerReport, o: PageOptions): string {
  const t = o.t ?? english;
  const nav = `<nav class="toc">${[
    ['namespaces', t('Namespaces')],
    ['capabilities', t('Capabilities')],
    ['security', t('Security profiles')],
    ['user', t('User')],
    ['limits', t('Limits')],
    ['mounts', t('Mounts')],
    ['ports', t('Ports')],
    ['findings', t('Findings')],
    ['more', t('More')],
  ]
    .map(([id, label]) => `<a href="#${id}">${esc(label)}</a>`)
    .join('')}</nav>`;
  const body =
    header(r, t) +
    nav +
    `<main class="grid">` +
    namespacesSection(r, t) +
    capabilitiesSection(r.capabilities, t) +
    securitySection(r, t) +
    userSection(r, t) +
    limitsSection(r, t) +
    mountsSection(r, t) +
    portsSection(r, t) +
    findingsSection(r, t) +
    moreSection(r, t) +
    `</main>`;
  return page(o, t('Isolation of {0}', r.name), body);
}
