// CT1013 no-healthcheck: the image has no HEALTHCHECK (none in the final stage or the stages it
// builds on). The fix inserts a skeleton suited to the base image before CMD/ENTRYPOINT
// (pure core layer).

import { imageRule, type Hit } from '../rule';
import { t, type Text } from '../../types';
import type { RuleFix } from '../rule';
import { isRun, type ImageModel, type Instr, type Stage } from '../../model/image';
import { isInstall, packageName, pkgCommands } from './pkgCommands';
import { chainInstructions, finalChain, resolveWord } from './stageChain';
import { bare } from './wordEdit';
import { appendAfterLast, insertBefore } from './instrInsert';
import { zh } from './zh';

const TIMING = '--interval=30s --timeout=3s --retries=3';

/** The first port the image EXPOSEs, after ARG/ENV substitution. */
function exposedPort(model: ImageModel, chain: Stage[]): number | undefined {
  for (const instr of chainInstructions(chain)) {
    if (instr.keyword !== 'EXPOSE') continue;
    for (const a of instr.args) {
      const v = resolveWord(model, chain, instr, a.value);
      const m = v !== undefined ? /^(\d+)(?:-\d+)?(?:\/tcp)?$/i.exec(v.trim()) : null;
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

function installs(chain: Stage[], name: string): boolean {
  return chainInstructions(chain).some(
    (i) => isRun(i) && pkgCommands(i).some((p) => isInstall(p) && p.packages.some((w) => packageName(w.value) === name)),
  );
}

/** Official images built on buildpack-deps ship curl and wget unless they are -slim. */
const FULL_OFFICIAL = /^(library\/)?(node|python|ruby|golang|rust|perl|buildpack-deps|openjdk|eclipse-temurin|maven|gradle)$/;

type Probe = { tool: 'wget' | 'curl'; known: boolean };

function probeFor(stage: Stage, chain: Stage[]): Probe | undefined {
  if (stage.family === 'distroless' || stage.family === 'scratch') return undefined;
  const root = chain[0];
  const repo = root.from.repository ?? '';
  const tag = root.from.tag ?? '';
  if (stage.family === 'alpine' || /(^|\/)busybox$/.test(repo)) return { tool: 'wget', known: true }; // busybox wget
  if (installs(chain, 'curl')) return { tool: 'curl', known: true };
  if (installs(chain, 'wget')) return { tool: 'wget', known: true };
  if (stage.family === 'rhel') return { tool: 'curl', known: true }; // curl or curl-minimal is in these bases
  if (FULL_OFFICIAL.test(repo) && !/slim|alpine|windowsservercore|nanoserver/.test(tag)) return { tool: 'curl', known: true };
  return { tool: 'curl', known: false };
}

/** The program the image starts, for an exec-form skeleton in images without a shell. */
function mainProgram(chain: Stage[]): string {
  const instrs = chainInstructions(chain);
  for (const kw of ['ENTRYPOINT', 'CMD']) {
    const last = [...instrs].reverse().find((i) => i.keyword === kw);
    if (!last) continue;
    const text = last.argsText.trim();
    if (text.startsWith('[')) {
      try {
        const arr: unknown = JSON.parse(text);
        if (Array.isArray(arr) && typeof arr[0] === 'string' && arr[0] !== '') return arr[0];
      } catch {
        // not valid JSON: fall through to the first word
      }
    }
    const first = last.args[0] ? bare(last.args[0].value.replace(/^\[|,$/g, '')) : '';
    if (first) return first;
  }
  return '/app';
}

function healthcheckLine(model: ImageModel, chain: Stage[]): { line: string; title: Text } {
  const final = chain[chain.length - 1];
  const probe = probeFor(final, chain);
  if (!probe) {
    const prog = mainProgram(chain);
    return {
      line: `HEALTHCHECK ${TIMING} CMD ${JSON.stringify([prog, 'healthcheck']).replace(/","/g, '", "')}`,
      title: t(
        `Add a HEALTHCHECK skeleton that runs "${prog} healthcheck" (needs editing: this image has no shell, so the check must be a command your program provides)`,
        `添加一个运行 "${prog} healthcheck" 的 HEALTHCHECK 骨架（需要修改：这个镜像没有 shell，因此检查必须是你的程序提供的命令）`,
      ),
    };
  }
  const exposed = exposedPort(model, chain);
  const port = exposed ?? 8080;
  const url = `http://127.0.0.1:${port}/`;
  const cmd = probe.tool === 'wget' ? `wget -qO- ${url} || exit 1` : `curl -fsS ${url} || exit 1`;
  const notes: string[] = [];
  const notesZh: string[] = [];
  if (exposed === undefined) {
    notes.push('no EXPOSE found: edit the port');
    notesZh.push('没有找到 EXPOSE：请修改端口');
  }
  notes.push('edit the path');
  notesZh.push('请修改路径');
  if (!probe.known) {
    notes.push('needs curl in the image');
    notesZh.push('镜像中需要有 curl');
  }
  const busybox = probe.tool === 'wget' && final.family === 'alpine';
  return {
    line: `HEALTHCHECK ${TIMING} CMD ${cmd}`,
    title: t(
      `Add a HEALTHCHECK that requests ${url} with ${probe.tool}${busybox ? ' (BusyBox)' : ''} (${notes.join('; ')})`,
      zh`添加一个用${probe.tool}${busybox ? '（BusyBox）' : ''}请求${url}的 HEALTHCHECK（${notesZh.join('；')}）`,
    ),
  };
}

function healthcheckFix(model: ImageModel, chain: Stage[]): RuleFix | undefined {
  const final = chain[chain.length - 1];
  const doc = model.doc;
  const { line: hc, title } = healthcheckLine(model, chain);
  const start: Instr | undefined = final.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  if (start) return { title, edits: [insertBefore(model, start, [hc], doc.indentOf(start.range.start.line))], safe: false };
  // No CMD/ENTRYPOINT in the final stage: after its last instruction, at the end of the file. When
  // nothing can go there (that instruction holds an unterminated here-document, which would take
  // the line in, or a continuation that cannot be closed), above it: where in the stage the
  // HEALTHCHECK stands changes nothing else.
  const last = final.instructions[final.instructions.length - 1];
  const indent = doc.indentOf(last.range.start.line);
  const edit = appendAfterLast(model, [hc], indent) ?? (last.keyword !== 'FROM' ? insertBefore(model, last, [hc], indent) : undefined);
  return edit ? { title, edits: [edit], safe: false } : undefined;
}

export default imageRule(
  {
    id: 'CT1013',
    name: 'no-healthcheck',
    title: 'The image has no HEALTHCHECK',
    defaultSeverity: 'info',
    appliesTo: ['dockerfile'],
    explanation:
      'A `HEALTHCHECK` tells the engine how to ask a running container whether it still works. Without one, Docker only knows whether the main process exists: a server that is deadlocked, stuck in a crash loop inside, or no longer listening still counts as up, and `docker ps`, Compose `depends_on: condition: service_healthy`, Swarm and restart policies cannot react. ' +
      'This is operational hygiene rather than isolation, hence the default severity info; it matters for security in that an unhealthy container that is never replaced keeps serving errors or stale data, and that a health signal is how a compromise that crashes the application becomes visible. ' +
      'The final stage counts, together with the stages it builds on (`FROM base` inherits `HEALTHCHECK` from `base`); a `HEALTHCHECK` in a builder stage that is only copied from does not reach the image. A base image from a registry may define its own check, which this rule cannot see. ' +
      '`HEALTHCHECK NONE` is not reported: it is a written decision (for example when Kubernetes probes do the job, since Kubernetes ignores Docker health checks). It also turns off a check the base image defines, so say why in a comment.',
    remediation:
      'Add `HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD <command>` to the final stage, where the command exits 0 when the service is healthy: `wget -qO- http://127.0.0.1:<port>/health || exit 1` on Alpine/BusyBox images, `curl -fsS http://127.0.0.1:<port>/health || exit 1` where curl is installed. ' +
      'Images without a shell (distroless, scratch) need the exec form and a program in the image that performs the check, such as a `healthcheck` subcommand of the application: `HEALTHCHECK CMD ["/app", "healthcheck"]`. The quick fix inserts such a skeleton before `CMD`/`ENTRYPOINT`; edit its port, path or command.',
    zh: {
      title: '镜像没有 HEALTHCHECK',
      explanation:
        '`HEALTHCHECK` 告诉容器引擎如何询问一个运行中的容器是否仍在正常工作。没有它，Docker 只知道主进程是否存在：一个已经死锁、内部陷入崩溃循环或不再监听的服务器仍然算作运行中，`docker ps`、Compose 的 `depends_on: condition: service_healthy`、Swarm 和重启策略都无法做出反应。' +
        '这属于运维上的良好习惯，而不是隔离问题，因此默认严重级别为 info；它与安全相关之处在于：一个不健康却从不被替换的容器会继续返回错误或过时的数据，而健康信号正是让导致应用崩溃的入侵被人发现的途径。' +
        '最终阶段以及它所基于的阶段都算数（`FROM base` 会从 `base` 继承 `HEALTHCHECK`）；只被用来复制文件的构建阶段中的 `HEALTHCHECK` 不会进入镜像。来自镜像仓库的基础镜像可能定义了自己的检查，本规则看不到。' +
        '`HEALTHCHECK NONE` 不会被报告：它是一个明确写下的决定（例如由 Kubernetes 探针负责时，因为 Kubernetes 会忽略 Docker 的健康检查）。它也会关闭基础镜像定义的检查，所以请在注释中说明原因。',
      remediation:
        '在最终阶段加上 `HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD <command>`，其中的命令在服务健康时以 0 退出：在 Alpine/BusyBox 镜像上用 `wget -qO- http://127.0.0.1:<port>/health || exit 1`，在装有 curl 的镜像上用 `curl -fsS http://127.0.0.1:<port>/health || exit 1`。' +
        '没有 shell 的镜像（distroless、scratch）需要使用 exec 形式，并由镜像中的某个程序执行检查，例如应用的 `healthcheck` 子命令：`HEALTHCHECK CMD ["/app", "healthcheck"]`。快速修复会在 `CMD`/`ENTRYPOINT` 之前插入这样一个骨架；请修改其中的端口、路径或命令。',
    },
    references: [
      { title: 'Dockerfile reference: HEALTHCHECK', url: 'https://docs.docker.com/reference/dockerfile/#healthcheck' },
      {
        title: 'Compose: depends_on with condition service_healthy',
        url: 'https://docs.docker.com/reference/compose-file/services/#depends_on',
      },
      {
        title: 'CIS Docker Benchmark 4.6: Ensure that HEALTHCHECK instructions have been added to container images',
        url: 'https://www.cisecurity.org/benchmark/docker',
      },
    ],
    peers: {
      hadolint: ['DL3057'],
      trivy: ['DS026'],
      checkov: ['CKV_DOCKER_2'],
      kics: ['Healthcheck Instruction Missing'],
      cis: ['4.6'],
    },
    bad: [
      {
        bad: 'FROM node:20-alpine\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nEXPOSE 3000\nUSER node\nCMD ["node", "app.js"]\n',
        fixed:
          'FROM node:20-alpine\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nEXPOSE 3000\nUSER node\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -qO- http://127.0.0.1:3000/ || exit 1\nCMD ["node", "app.js"]\n',
      },
      {
        bad: 'FROM python:3.12\nWORKDIR /srv\nCOPY . .\nEXPOSE 8000\nENTRYPOINT ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
        fixed:
          'FROM python:3.12\nWORKDIR /srv\nCOPY . .\nEXPOSE 8000\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -fsS http://127.0.0.1:8000/ || exit 1\nENTRYPOINT ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
      },
      {
        // A HEALTHCHECK in a builder stage does not reach the image.
        bad: 'FROM golang:1.23 AS build\nHEALTHCHECK CMD true\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nEXPOSE 8080\nENTRYPOINT ["/app"]\n',
        fixed:
          'FROM golang:1.23 AS build\nHEALTHCHECK CMD true\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nEXPOSE 8080\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD ["/app", "healthcheck"]\nENTRYPOINT ["/app"]\n',
      },
      {
        bad: 'FROM scratch\nCOPY server /server\n',
        fixed: 'FROM scratch\nCOPY server /server\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD ["/app", "healthcheck"]\n',
      },
      {
        bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nARG PORT=9090\nEXPOSE ${PORT}\nCMD ["/usr/local/bin/api"]\n',
        fixed:
          'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nARG PORT=9090\nEXPOSE ${PORT}\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -fsS http://127.0.0.1:9090/ || exit 1\nCMD ["/usr/local/bin/api"]\n',
      },
      { bad: 'FROM alpine:3.20 AS base\nHEALTHCHECK CMD wget -qO- http://127.0.0.1/ || exit 1\nFROM alpine:3.20\nCMD ["sh"]\n' },
    ],
    good: [
      'FROM node:20-alpine\nEXPOSE 3000\nHEALTHCHECK CMD wget -qO- http://127.0.0.1:3000/ || exit 1\nCMD ["node", "app.js"]\n',
      // Inherited from the stage the final stage builds on.
      'FROM nginx:1.27 AS base\nHEALTHCHECK --interval=10s CMD curl -fsS http://127.0.0.1/ || exit 1\nFROM base\nCOPY site/ /usr/share/nginx/html/\n',
      // An explicit opt-out is a decision, not an omission.
      'FROM alpine:3.20\n# Kubernetes liveness probes check this service; Docker health checks are not used.\nHEALTHCHECK NONE\nCMD ["sh"]\n',
      // The HEALTHCHECK may come after CMD and USER.
      'FROM golang:1.16 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=builder /app /app\nCMD ["/app"]\nUSER 1000\nHEALTHCHECK CMD wget -qO- http://127.0.0.1:3000/ || exit 1\n',
    ],
  },
  (model): Hit[] => {
    const final = model.final;
    if (!final) return [];
    const chain = finalChain(model);
    if (chainInstructions(chain).some((i) => i.keyword === 'HEALTHCHECK')) return [];
    const inChain = new Set(chain.map((s) => s.index));
    const elsewhere = model.instructions.find((i) => i.keyword === 'HEALTHCHECK' && i.stage >= 0 && !inChain.has(i.stage));
    const other = elsewhere ? model.stages[elsewhere.stage] : undefined;
    const note = other ? ` The HEALTHCHECK in stage ${other.name ?? other.index} does not reach the image.` : '';
    const noteZh = other ? zh`阶段${other.name ?? other.index}中的 HEALTHCHECK 不会进入镜像。` : '';
    const fix = healthcheckFix(model, chain);
    return [
      {
        range: final.from.instr.range,
        message: t(
          `The final stage (FROM ${final.from.image || '?'}) has no HEALTHCHECK, so the engine cannot tell when the container stops working.${note}`,
          `最终阶段（FROM ${final.from.image || '?'}）没有 HEALTHCHECK，因此容器引擎无法知道容器何时停止正常工作。${noteZh}`,
        ),
        fixes: fix ? [fix] : [],
      },
    ];
  },
);
