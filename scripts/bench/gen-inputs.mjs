#!/usr/bin/env node
// Writes the benchmark inputs (deterministic: a seeded generator, the same bytes on every run) to
// bench/results/inputs/ and a manifest (inputs.json) naming each input, its file, its size and the
// position where the benchmarks "type" (an `ENV`/environment value named BENCH_EDIT, or a syscall
// name in the seccomp profile). Usage: node scripts/bench/gen-inputs.mjs [--seed N] [--out DIR]
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** mulberry32: a small seeded PRNG, enough for deterministic shapes. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
}

const BASES = ['debian:bookworm-slim', 'node:20-alpine', 'python:3.12-slim', 'golang:1.22', 'ubuntu:24.04', 'alpine:3.20'];
const PKGS = ['curl', 'ca-certificates', 'git', 'make', 'gcc', 'libssl-dev', 'tzdata', 'jq', 'unzip', 'openssh-client', 'gnupg', 'wget'];
const CMDS = [
  'make -j4 build',
  'go build -o /out/app ./cmd/app',
  'npm ci --omit=dev',
  'pip install --no-cache-dir -r requirements.txt',
  'chmod 0755 /usr/local/bin/entrypoint.sh',
  'mkdir -p /var/lib/app /var/log/app',
  'chown -R app:app /var/lib/app',
  'rm -rf /var/lib/apt/lists/*',
  'echo "building step"',
  'ln -sf /usr/share/zoneinfo/UTC /etc/localtime',
  'find /usr/local -name "*.pyc" -delete',
  'tar -xzf /tmp/release.tar.gz -C /opt',
];

export function typicalDockerfile() {
  return `# syntax=docker/dockerfile:1
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
ENV BENCH_EDIT=here
WORKDIR /app
RUN apt-get update \\
    && apt-get install -y --no-install-recommends curl ca-certificates tini \\
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/dist ./dist
COPY --from=build /src/node_modules ./node_modules
RUN groupadd --system app && useradd --system --gid app --no-create-home app
RUN chown -R app:app /app
ADD https://example.com/config.tar.gz /tmp/
ARG PORT=8080
EXPOSE \${PORT}
HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost:8080/health || exit 1
LABEL org.opencontainers.image.source="https://example.com/app"
USER app
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/server.js"]
# end of the typical Dockerfile
`;
}

/** About 1,000 instructions in 25 stages, with long RUN chains: ~3,850 lines. */
export function largeDockerfile(r) {
  const lines = ['# syntax=docker/dockerfile:1', 'ARG BASE_TAG=bookworm-slim', 'ARG REGISTRY=docker.io'];
  let instructions = 2;
  let runs = 0;
  const stages = 25;
  for (let s = 0; s < stages; s++) {
    const name = `stage${s}`;
    const base = s > 0 && r.chance(0.3) ? `stage${r.int(0, s - 1)}` : r.pick(BASES);
    lines.push('', `# ---- stage ${s} ----`, `FROM ${base} AS ${name}`);
    instructions++;
    const perStage = s === stages - 1 ? 1000 - instructions + 1 : 40;
    for (let i = 1; i < perStage; i++) {
      const roll = r.next();
      if (s === 12 && i === 20) {
        lines.push('ENV BENCH_EDIT=here');
      } else if (roll < 0.55) {
        const n = r.int(2, 9);
        if (++runs % 7 === 0) lines.push(`# build step ${s}.${i}`);
        const flags = r.chance(0.2) ? '--mount=type=cache,target=/root/.cache ' : '';
        lines.push(`RUN ${flags}apt-get update \\`);
        for (let k = 0; k < n; k++) {
          const cmd = r.chance(0.3) ? `apt-get install -y --no-install-recommends ${r.pick(PKGS)} ${r.pick(PKGS)}` : r.pick(CMDS);
          lines.push(`    && ${cmd}${k === n - 1 ? '' : ' \\'}`);
        }
      } else if (roll < 0.7) {
        lines.push(`COPY ${r.chance(0.5) ? '--chown=app:app ' : ''}src/module${r.int(0, 99)}/ /app/module${i}/`);
      } else if (roll < 0.8) {
        lines.push(`ENV VAR_${s}_${i}=value${r.int(0, 999)} PATH=/opt/tool${i}/bin:$PATH`);
      } else if (roll < 0.85) {
        lines.push(`ARG BUILD_${i}=${r.int(0, 9)}`);
      } else if (roll < 0.9) {
        lines.push(`WORKDIR /app/w${i}`);
      } else if (roll < 0.94) {
        lines.push(`LABEL stage="${name}" step="${i}"`);
      } else if (roll < 0.97) {
        lines.push(`USER ${r.chance(0.5) ? 'app' : 'root'}`);
      } else {
        lines.push(`EXPOSE ${r.int(1000, 9999)}`);
      }
      instructions++;
    }
  }
  lines.push('');
  return { text: lines.join('\n'), instructions };
}

export function typicalCompose() {
  return `name: shop
services:
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
    volumes:
      - ./nginx.conf:/etc/nginx/nginx.conf:ro
    depends_on:
      - api
    read_only: true
  api:
    build: ./api
    environment:
      DATABASE_URL: postgres://db:5432/shop
      BENCH_EDIT: here
    cap_drop:
      - ALL
    security_opt:
      - no-new-privileges:true
    user: "1000:1000"
    mem_limit: 512m
    pids_limit: 200
    restart: on-failure:5
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db
    volumes:
      - db-data:/var/lib/postgresql/data
      - /var/run/docker.sock:/var/run/docker.sock
    privileged: true
    healthcheck:
      test: ["CMD", "pg_isready"]
      interval: 10s
volumes:
  db-data: {}
# end of the typical Compose file
`;
}

/**
 * 200 services in four tiers of 50, each tier sharing its own anchors, with long-syntax ports and
 * volumes: ~4,500 lines. One anchor per tier rather than one for all: dclint stops on a file where
 * one anchor is used 100 times or more (the yaml package's alias limit, "Excessive alias count"),
 * and the side-by-side comparison needs it to read the whole file.
 */
const COMPOSE_TIERS = ['web', 'api', 'worker', 'data'];
export function largeCompose(r) {
  const lines = ['name: large'];
  COMPOSE_TIERS.forEach((tier, t) =>
    lines.push(
      `x-${tier}: &${tier}`,
      '  restart: unless-stopped',
      '  logging:',
      '    driver: json-file',
      '    options:',
      `      max-size: "${10 * (t + 1)}m"`,
      '  security_opt:',
      '    - no-new-privileges:true',
      `x-${tier}-limits: &${tier}-limits`,
      '  deploy:',
      '    resources:',
      '      limits:',
      `        cpus: "${(0.5 * (t + 1)).toFixed(2)}"`,
      `        memory: ${256 * (t + 1)}M`,
    ),
  );
  lines.push('services:');
  for (let s = 0; s < 200; s++) {
    lines.push(`  svc${s}:`);
    const tier = COMPOSE_TIERS[Math.floor(s / 50)];
    lines.push(`    <<: ${r.chance(0.5) ? `*${tier}` : `[*${tier}, *${tier}-limits]`}`);
    lines.push(`    image: registry.example.com/team/svc${s}:${r.int(1, 9)}.${r.int(0, 20)}`);
    if (r.chance(0.3)) lines.push('    user: root');
    if (r.chance(0.05)) lines.push('    privileged: true');
    lines.push('    environment:');
    lines.push(`      SERVICE_NAME: svc${s}`);
    if (s === 100) lines.push('      BENCH_EDIT: here');
    for (let k = 0; k < r.int(0, 2); k++) lines.push(`      VAR_${k}: "${r.int(0, 99999)}"`);
    lines.push('    ports:');
    for (let k = 0; k < 1; k++) {
      lines.push(`      - target: ${r.int(1000, 9000)}`, `        published: "${r.int(10000, 60000)}"`);
      if (r.chance(0.5)) lines.push('        host_ip: 127.0.0.1');
    }
    lines.push('    volumes:');
    const vols = 1;
    for (let k = 0; k < vols; k++) {
      if (r.chance(0.1)) lines.push('      - type: bind', '        source: /var/run/docker.sock', '        target: /var/run/docker.sock');
      else lines.push('      - type: volume', `        source: data${s}`, `        target: /data/${k}`, '        read_only: true');
    }
    if (r.chance(0.4)) lines.push('    cap_add:', `      - ${r.pick(['NET_ADMIN', 'SYS_PTRACE', 'NET_BIND_SERVICE', 'CHOWN'])}`);
    if (r.chance(0.5)) lines.push('    cap_drop:', '      - ALL');
    lines.push(
      '    healthcheck:',
      `      test: ["CMD", "curl", "-f", "http://localhost:${r.int(1000, 9000)}/health"]`,
      '      interval: 30s',
    );
    if (r.chance(0.3)) lines.push('    network_mode: host');
    if (s > 0 && r.chance(0.5)) lines.push('    depends_on:', `      svc${r.int(0, s - 1)}:`, '        condition: service_healthy');
  }
  lines.push('volumes:');
  for (let s = 0; s < 200; s++) lines.push(`  data${s}: {}`);
  lines.push('');
  return lines.join('\n');
}

/** A 500-line deployment script with 100 docker run commands (some continued over several lines). */
export function shellScript(r) {
  const lines = ['#!/usr/bin/env bash', 'set -euo pipefail', 'BENCH_EDIT=here', ''];
  let runs = 0;
  while (lines.length < 490 - (100 - runs)) {
    const roll = r.next();
    if (runs < 100 && roll < 0.35) {
      runs++;
      const flags = [];
      if (r.chance(0.2)) flags.push('--privileged');
      if (r.chance(0.3)) flags.push(`--cap-add ${r.pick(['SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE'])}`);
      if (r.chance(0.4)) flags.push('--cap-drop ALL');
      if (r.chance(0.3)) flags.push('-v /var/run/docker.sock:/var/run/docker.sock');
      if (r.chance(0.5)) flags.push(`-p ${r.int(1000, 9000)}:${r.int(1000, 9000)}`);
      if (r.chance(0.3)) flags.push('--network host');
      if (r.chance(0.4)) flags.push('--read-only');
      if (r.chance(0.4)) flags.push(`--memory ${r.int(1, 8)}g --pids-limit 100`);
      if (r.chance(0.3)) flags.push('--user 1000:1000');
      flags.push(`--name job${runs}`);
      const image = `registry.example.com/jobs/job${runs}:${r.int(1, 9)}.0`;
      if (r.chance(0.4)) {
        lines.push('docker run -d \\');
        for (const f of flags) lines.push(`  ${f} \\`);
        lines.push(`  ${image} run --task ${runs}`);
      } else {
        lines.push(`docker run --rm ${flags.join(' ')} ${image} run --task ${runs}`);
      }
    } else if (roll < 0.55) {
      lines.push(`echo "step ${lines.length}: $(date +%s)"`);
    } else if (roll < 0.7) {
      lines.push(`if [ -f /etc/app/${r.int(0, 99)}.conf ]; then`, `  source /etc/app/${r.int(0, 99)}.conf`, 'fi');
    } else if (roll < 0.8) {
      lines.push(`VAR_${lines.length}="${r.int(0, 99999)}"`);
    } else if (roll < 0.9) {
      lines.push(`# comment ${lines.length}: what the next lines do`);
    } else {
      lines.push(`deploy_${lines.length}() {`, '  local name="$1"', '  curl -fsS "https://example.com/$name" > /dev/null', '}');
    }
  }
  while (runs < 100) {
    runs++;
    lines.push(`docker run --rm --name job${runs} registry.example.com/jobs/job${runs}:1.0`);
  }
  lines.push('echo done', '');
  return { text: lines.join('\n'), runs };
}

function findEdit(text, marker) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i].indexOf(marker);
    if (c >= 0) return { line: i, character: c + marker.length };
  }
  return { line: 0, character: 0 };
}

/** The seccomp profile: the project's generated copy when there is one, else the shared data file. */
function seccompSource() {
  const gen = join(root, 'server', 'src', 'core', 'knowledge', 'generated');
  if (existsSync(gen)) {
    for (const f of readdirSync(gen)) if (/seccomp.*\.json$/i.test(f)) return join(gen, f);
  }
  const shared = join(root, '..', 'shared', 'data', 'docker-default-seccomp.json');
  return existsSync(shared) ? shared : undefined;
}

/**
 * Writes a file only when its bytes differ, through a temporary name and a rename: a benchmark
 * already reading the inputs (two runs at once) never sees a file missing or half written.
 */
function writeInput(file, data, written) {
  written.add(file);
  mkdirSync(dirname(file), { recursive: true });
  const bytes = Buffer.from(data);
  if (existsSync(file) && readFileSync(file).equals(bytes)) return;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

/** Removes what an earlier run wrote and this one did not (inputs renamed or dropped since). */
function sweep(dir, written) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      sweep(p, written);
      if (readdirSync(p).length === 0) rmSync(p, { recursive: true, force: true });
    } else if (!written.has(p) && !e.name.endsWith('.tmp')) rmSync(p, { force: true });
  }
}

export function generate({ seed = 8, out = join(root, 'bench', 'results', 'inputs') } = {}) {
  const written = new Set();
  const inputs = [];
  const put = (id, rel, text, meta, marker = 'BENCH_EDIT=here') => {
    const file = join(out, rel);
    writeInput(file, text, written);
    const edit = findEdit(text, marker.replace(/here$/, 'her'));
    inputs.push({ id, file: relative(root, file), bytes: Buffer.byteLength(text), lines: text.split('\n').length, edit, ...meta });
  };
  const r = rng(seed);
  put('dockerfile-30', 'dockerfile-30/Dockerfile', typicalDockerfile(), { kind: 'dockerfile' });
  const big = largeDockerfile(r);
  put('dockerfile-3850', 'dockerfile-3850/Dockerfile', big.text, { kind: 'dockerfile', instructions: big.instructions });
  put('compose-40', 'compose-40/compose.yaml', typicalCompose(), { kind: 'compose' }, 'BENCH_EDIT: here');
  put('compose-4500', 'compose-4500/compose.yaml', largeCompose(r), { kind: 'compose', services: 200 }, 'BENCH_EDIT: here');
  const sh = shellScript(r);
  put('shell-500', 'shell-500/deploy.sh', sh.text, { kind: 'shell', dockerRuns: sh.runs });
  const seccomp = seccompSource();
  if (seccomp) {
    const file = join(out, 'seccomp-default', 'seccomp.json');
    const text = readFileSync(seccomp, 'utf8');
    writeInput(file, text, written);
    // Typing happens inside the first syscall name of the first rule.
    const lines = text.split('\n');
    const line = lines.findIndex((l) => /"names"\s*:/.test(l)) + 1;
    const character = Math.max(0, lines[line].lastIndexOf('"'));
    inputs.push({
      id: 'seccomp-default',
      file: relative(root, file),
      bytes: Buffer.byteLength(text),
      lines: lines.length,
      edit: { line, character },
      kind: 'seccomp',
      source: relative(root, seccomp),
    });
  }
  // The KICS corpus, copied under names the CLI recognises (its own names are positive1.yaml and so on).
  const kics = join(root, '..', 'shared', 'corpus', 'kics');
  const corpus = { present: existsSync(kics), compose: [], dockerfile: [] };
  if (corpus.present) {
    for (const [sub, kind] of [
      ['dockerCompose', 'compose'],
      ['dockerfile', 'dockerfile'],
    ]) {
      const base = join(kics, sub);
      for (const q of readdirSync(base).sort()) {
        const testDir = join(base, q, 'test');
        if (!existsSync(testDir) || !statSync(testDir).isDirectory()) continue;
        for (const f of readdirSync(testDir).sort()) {
          if (f.endsWith('.json')) continue;
          const name =
            kind === 'compose' ? `compose.${q}.${f.replace(/\.ya?ml$/, '')}.yaml` : `${q}.${f.replace(/\.dockerfile$/i, '')}.dockerfile`;
          const dest = join(out, `corpus-${kind}`, name);
          writeInput(dest, readFileSync(join(testDir, f)), written);
          corpus[kind].push(relative(root, dest));
        }
      }
    }
  }
  const manifest = { seed, generated: 'scripts/bench/gen-inputs.mjs', inputs, corpus };
  writeInput(join(out, 'inputs.json'), JSON.stringify(manifest, null, 2), written);
  sweep(out, written);
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seedArg = process.argv.indexOf('--seed');
  const outArg = process.argv.indexOf('--out');
  const m = generate({
    seed: seedArg > 0 ? Number(process.argv[seedArg + 1]) : 8,
    out: outArg > 0 ? process.argv[outArg + 1] : undefined,
  });
  for (const i of m.inputs)
    console.log(`${i.id.padEnd(18)} ${String(i.lines).padStart(6)} lines ${String(i.bytes).padStart(8)} bytes  ${i.file}`);
  console.log(
    m.corpus.present
      ? `corpus: ${m.corpus.compose.length} Compose files, ${m.corpus.dockerfile.length} Dockerfiles`
      : 'corpus: ../shared/corpus is absent, skipped',
  );
}
