// Large files written on one line, in-process: a 0.9 MB seccomp profile (13,000 entries), a 1 MB
// daemon.json (46,000 keys, a third of them misspelt dockerd keys), a 1 MB Compose file whose
// services are one flow mapping (2,600 services), a 0.8 MB `docker run` line with 40,000 options
// and a 1.1 MB seccomp profile naming 100,000 calls that do not exist — the shapes of test/hostile.test.ts, where every
// per-finding cost that grows with the file (a line/offset lookup, a did-you-mean over every name,
// a formatter pass over the whole line) shows as seconds or minutes. Median wall and CPU time of
// analyze() (parse + models + all rules and their fixes) over a few runs.
// Run alone (not part of `npm run bench`): node --import tsx scripts/bench/oneline.mjs [--runs N]
// [--root DIR] (DIR: another checkout, to compare; default this one). Writes bench/results/oneline.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { summarize } from './stats.mjs';

const here = join(import.meta.dirname, '..', '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const runs = Number(opt('--runs', 3));
const root = resolve(opt('--root', here));
const { analyze } = await import(pathToFileURL(join(root, 'server', 'src', 'core', 'analyze.ts')).href);

function oneLineInputs() {
  const names = ['read', 'write', 'mount', 'ptrace', 'bpf', 'unshare', 'clone', 'keyctl', 'personality', 'open'];
  const entries = Array.from({ length: 13_000 }, (_, i) => ({
    names: [names[i % names.length], `x${i}`],
    action: i % 3 ? 'SCMP_ACT_ALLOW' : 'SCMP_ACT_ERRNO',
    args: i % 5 === 0 ? [{ index: 0, value: i, op: 'SCMP_CMP_EQ' }] : [],
  }));
  const daemon = { icc: true, 'log-driver': 'json-file', 'log-opts': { 'max-file': '3' } };
  for (let i = 0; i < 46_000; i++) daemon[i % 3 === 0 ? `log-levelx${i}` : `key-${i}`] = i % 2 ? true : `v${i}`;
  const volumes = Array.from({ length: 30 }, (_, i) => `./d${i}:/d${i}`).join(', ');
  const services = Array.from({ length: 2_600 }, (_, i) => `s${i}: {image: nginx:1.27, privileged: true, volumes: [${volumes}]}`);
  return [
    { id: 'seccomp-oneline-13000', path: 'seccomp.json', text: JSON.stringify({ defaultAction: 'SCMP_ACT_ERRNO', syscalls: entries }) },
    { id: 'daemon-oneline-46000', path: 'daemon.json', text: JSON.stringify(daemon) },
    { id: 'compose-oneline-2600', path: 'compose.yaml', text: `services: {${services.join(', ')}}` },
    { id: 'shell-oneline-40000', path: 'deploy.sh', text: `#!/bin/sh\ndocker run ${'--cap-add NET_ADMIN '.repeat(40_000)}alpine:3.20\n` },
    {
      id: 'seccomp-unknown-100000',
      path: 'seccomp.json',
      text: JSON.stringify({
        defaultAction: 'SCMP_ACT_ERRNO',
        syscalls: [{ names: Array.from({ length: 100_000 }, (_, i) => `sys${i}`), action: 'SCMP_ACT_ALLOW' }],
      }),
    },
  ];
}

const rows = [];
for (const input of oneLineInputs()) {
  const wall = [];
  const cpu = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const a = analyze(input.path, input.text);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    findings = a?.findings.length ?? 0;
  }
  const row = { id: input.id, bytes: Buffer.byteLength(input.text), findings, wall: summarize(wall), cpu: summarize(cpu) };
  rows.push(row);
  console.log(
    `${row.id.padEnd(24)} ${(row.bytes / 1e6).toFixed(2)} MB  ${String(findings).padStart(6)} findings  wall ${row.wall.median.toFixed(0).padStart(6)} ms  cpu ${row.cpu.median.toFixed(0).padStart(6)} ms  (median of ${runs})`,
  );
}
const out = join(here, 'bench', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'oneline.json'), JSON.stringify({ root, runs, loadavg: loadavg(), node: process.version, rows }, null, 2));
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; written to bench/results/oneline.json`,
);
