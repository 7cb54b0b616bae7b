// The drift between a running container and its Compose service as Markdown (client UI layer,
// pure: no vscode import). Container and Compose values are untrusted and go through
// escapeMarkdown; strings go through `t` (vscode.l10n.t in the editor).

import type { CompareResult } from '../../../server/src/lsp/drift';
import type { DriftItem } from '../../../server/src/core/model/drift';
import { escapeMarkdown as md } from './html';
import { english, type Translate } from './renderReport';

type Drift = Extract<CompareResult, { kind: 'drift' }>;

function aspectName(t: Translate, aspect: string): string {
  switch (aspect) {
    case 'image':
      return t('image');
    case 'capabilities':
      return t('capabilities');
    case 'privileged':
      return t('privileged');
    case 'user':
      return t('user');
    case 'namespaces':
      return t('namespaces');
    case 'limits':
      return t('limits');
    case 'read-only':
      return t('read-only root filesystem');
    case 'mounts':
      return t('mounts');
    case 'ports':
      return t('ports');
    case 'security':
      return t('security options');
    case 'devices':
      return t('devices');
    default:
      return aspect;
  }
}

function line(i: DriftItem, file: string): string {
  return i.line !== undefined ? ` (${md(`${file.split(/[\\/]/).pop() ?? file}:${i.line + 1}`)})` : '';
}

/** The drift as a Markdown document. */
export function renderDrift(r: Drift, t: Translate = english): string {
  const out: string[] = [];
  out.push(`# ${md(t('Drift: container {0} vs Compose service {1}', r.container, r.service))}`, '');
  out.push(`- ${md(t('Container'))}: \`${r.container.replace(/`/g, "'")}\` (${md(r.image)})`);
  out.push(`- ${md(t('Compose file'))}: ${md(r.composeFile)}, ${md(t('service'))} \`${r.service.replace(/`/g, "'")}\``);
  out.push(
    `- ${md(t('Matched by'))}: ${md(r.matchedBy === 'labels' ? t('the container\u2019s Compose labels') : r.matchedBy === 'image' ? t('the image name') : t('your choice'))}`,
    '',
  );
  const running = r.items.filter((i) => i.kind === 'running-only');
  const compose = r.items.filter((i) => i.kind === 'compose-only');
  const different = r.items.filter((i) => i.kind === 'different');
  if (r.items.length === 0)
    out.push(`**${md(t('No drift: the running container matches the Compose service in everything compared.'))}**`, '');

  const section = (title: string, items: DriftItem[], value: (i: DriftItem) => string) => {
    if (items.length === 0) return;
    out.push(`## ${md(title)}`, '');
    // One line per setting: fifteen capabilities read better as one list.
    const groups = new Map<string, DriftItem[]>();
    for (const i of items) groups.set(`${i.aspect}\n${i.setting}`, [...(groups.get(`${i.aspect}\n${i.setting}`) ?? []), i]);
    for (const g of groups.values()) {
      const first = g[0];
      out.push(
        `- **${md(aspectName(t, first.aspect))}** \u2014 ${md(first.setting)}: ${g.map(value).join(', ')}${line(first, r.composeFile)}`,
      );
    }
    out.push('');
  };
  section(t('The running container has what the Compose file does not say'), running, (i) => `\`${(i.running ?? '').replace(/`/g, "'")}\``);
  section(
    t('The Compose file says what the running container does not have'),
    compose,
    (i) => `\`${(i.compose ?? '').replace(/`/g, "'")}\``,
  );
  if (different.length) {
    out.push(
      `## ${md(t('Different values'))}`,
      '',
      `| ${md(t('Setting'))} | ${md(t('Running'))} | ${md(t('Compose file'))} |`,
      '| --- | --- | --- |',
    );
    for (const i of different) out.push(`| ${md(i.setting)}${line(i, r.composeFile)} | ${md(i.running)} | ${md(i.compose)} |`);
    out.push('');
  }
  if (r.same.length) out.push(`${md(t('The same in both'))}: ${r.same.map((a) => md(aspectName(t, a))).join(', ')}.`, '');
  if (r.notes.length) {
    out.push(`## ${md(t('Notes'))}`, '');
    for (const n of r.notes) out.push(`- ${md(n)}`);
    out.push('');
  }
  out.push(
    `_${md(t('Recreate the container from the Compose file (docker compose up -d) to make it match, or change the file to say what is running.'))}_`,
    '',
  );
  return out.join('\n');
}
