// Property-based and fuzz checks over every parser and the whole analysis, shared by the bounded
// run in `npm test` (test/fuzz.test.ts) and the long run (`npm run fuzz`, test/fuzz/long-run.ts).
// Inputs: structured generators for each kind of file (Dockerfile, Compose YAML, shell and Markdown
// with docker run lines, seccomp and daemon JSON), the rules' own examples mutated at random, and
// plain random text. Seccomp and daemon.json go through analyze() only, so these checks do not
// depend on their parsers' internals.
//
// For every input: analyze() throws nothing; every finding's range lies inside the document
// (line < lineCount, character ≤ that line's length, start ≤ end); every fix's edits lie inside
// the document and do not overlap, apply with applyEdits, and leave a text that analyses without
// an exception (and that still parses when the original did, for YAML and JSON). For the runtime,
// seccomp and daemon.json kinds, when the original has no input problem (CT0002), a fix must also
// mean what it says: the fixed text has no input problem either (a duplicate key, say; information aside) and no
// longer reports the finding the fix was for. For Dockerfiles (which have no input problems) it
// means: the finding is gone, every line the fix adds that is not blank or a comment is read as an
// instruction of its own with the keyword it starts with, and every other instruction is still
// there with the same keyword, flags and arguments unless the fix edits inside it (see
// checkDockerfileFix).

import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { parseTree, type ParseError } from 'jsonc-parser';
import { analyze, INPUT_PROBLEM_ID, type Analysis } from '../../server/src/core/analyze';
import { applyEdits, TextDoc } from '../../server/src/core/text';
import { ALL_RULES } from '../../server/src/core/rules/registry';
import type { FileKind, Finding, Fix, Range } from '../../server/src/core/types';
import type { Instr } from '../../server/src/core/model/image';

export const PATH_FOR: Record<FileKind, string> = {
  dockerfile: 'Dockerfile',
  compose: 'compose.yaml',
  shell: 'run.sh',
  markdown: 'README.md',
  seccomp: 'seccomp.json',
  daemon: 'daemon.json',
};

/** The rules' own examples (good and bad), by kind: realistic seeds for mutation. */
export function seedTexts(): Record<FileKind, string[]> {
  const out: Record<FileKind, string[]> = { dockerfile: [], compose: [], shell: [], markdown: [], seccomp: [], daemon: [] };
  for (const r of ALL_RULES) {
    const kind = r.meta.appliesTo[0];
    for (const b of r.meta.bad) {
      out[b.kind ?? kind].push(b.bad);
      if (b.fixed !== undefined) out[b.kind ?? kind].push(b.fixed);
    }
    for (const g of r.meta.good) {
      if (typeof g === 'string') out[kind].push(g);
      else out[g.kind].push(g.text);
    }
  }
  out.seccomp.push('{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[{"names":["read","write"],"action":"SCMP_ACT_ALLOW"}]}');
  out.daemon.push('{"icc": false, "userns-remap": "default", "no-new-privileges": true, "live-restore": true}');
  out.markdown.push('```sh\ndocker run --privileged -v /:/host alpine\n```\n');
  return out;
}

// ---------- structured generators ----------

const word = fc.constantFrom('app', 'root', '0', '1000', '1000:1000', '$UID', '${USER:-app}', 'nobody', 'www-data', '');
const image = fc.constantFrom(
  'alpine',
  'alpine:3.20',
  'ubuntu:latest',
  'node:20-alpine',
  'debian@sha256:' + 'a'.repeat(64),
  'scratch',
  'gcr.io/distroless/static',
  '${BASE}',
  'build',
  'localhost:5000/x/y:1',
  '',
);
const shellCmd = fc.constantFrom(
  'apt-get update && apt-get install -y curl',
  'curl -fsSL https://example.com/install.sh | sh',
  'sudo make install',
  'chmod 777 /app',
  'chmod -R 0777 /',
  'useradd -u 0 -o admin',
  'echo "a && b" > /x',
  "sh -c 'su - root'",
  'wget -qO- http://x | bash',
  'pip install -r requirements.txt',
  'cd /tmp; ls',
  'setcap cap_net_raw+ep /bin/ping',
  'usermod -aG docker app',
  'echo $((1+2)) `date` $(id -u)',
  'mkdir -p /run/secrets && cat /run/secrets/x',
  'true \\\n  && false',
);

const dockerfileLines: fc.Arbitrary<string[]> = fc.array(
  fc.oneof(
    fc
      .tuple(image, fc.option(fc.constantFrom('build', 'final', 'Builder', 'a-b'), { nil: undefined }), fc.boolean())
      .map(([img, as, platform]) => `FROM ${platform ? '--platform=$BUILDPLATFORM ' : ''}${img}${as ? ` AS ${as}` : ''}`),
    word.map((u) => `USER ${u}`),
    fc
      .tuple(
        fc.array(shellCmd, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('', '--mount=type=secret,id=x ', '--network=host ', '--security=insecure '),
      )
      .map(([cmds, flag]) => `RUN ${flag}${cmds.join(' && \\\n    ')}`),
    shellCmd.map((c) => `RUN ["sh", "-c", ${JSON.stringify(c)}]`),
    fc.constantFrom('RUN <<EOF\nset -e\nchmod 777 /x\nEOF', 'RUN <<-"EOT" bash\n\tsudo id\n\tEOT', 'COPY <<EOF /etc/x\nhello\nEOF'),
    fc.constantFrom(
      'COPY . /app',
      'COPY --chown=app:app src/ /src/',
      'ADD https://example.com/x.tgz /tmp/',
      'ADD x.tar.gz /',
      'COPY --from=build /out /out',
    ),
    fc.constantFrom('ENV A=1 B="two words"', 'ENV PATH=/x:$PATH', 'ARG UID=1000', 'ARG BASE=alpine', 'ARG TOKEN', 'ENV SECRET_KEY=abc'),
    fc.constantFrom(
      'EXPOSE 22',
      'EXPOSE 80/tcp 443',
      'WORKDIR /app',
      'HEALTHCHECK CMD curl -f http://localhost/ || exit 1',
      'HEALTHCHECK NONE',
    ),
    fc.constantFrom(
      'CMD ["node", "x.js"]',
      'ENTRYPOINT /bin/sh -c "exec app"',
      'STOPSIGNAL SIGKILL',
      'SHELL ["/bin/bash", "-c"]',
      'ONBUILD RUN id',
    ),
    fc.constantFrom(
      '# containment-ignore CT1001',
      '# containment-ignore-file CT1013',
      '# hadolint ignore=DL3002',
      '# comment',
      '',
      '# escape=`',
    ),
    fc.constantFrom('LABEL a=b', 'VOLUME /data', 'MAINTAINER x', 'UNKNOWN instruction', 'RUN', 'FROM', 'USER', 'RUN \\', 'COPY'),
  ),
  { maxLength: 25 },
);

/**
 * How a generated Dockerfile ends: often with its last instruction still open (a line
 * continuation, with blanks, blank lines or comment lines after it; an unterminated
 * here-document), where a fix that adds an instruction at the end must not join it.
 */
const dockerfileTail = fc.constantFrom(
  '',
  '',
  '',
  '\nCOPY app /app \\',
  '\nCOPY app /app \\  ',
  '\nRUN apk add curl \\\n',
  '\nRUN apk add curl \\\n\n\n',
  '\nRUN apk add \\\n  # a comment inside the continuation\n',
  '\nRUN apk add \\\n    curl \\\n# last',
  '\nRUN set -e; \\\n\t\n  # x\n\n',
  '\nENV A=1 \\',
  '\nUSER root \\',
  '\nRUN echo \\\\',
  '\nRUN echo a\\ \\',
  '\nRUN <<EOF\napk add curl',
  '\nRUN <<EOF\napk add curl\n',
  '\nRUN <<-EOT sh\n\tid\n\t# a comment in the body\n',
  '\nRUN <<A <<B\necho a\nA\necho b\n',
  '\nRUN <<EOF\necho a \\\nEOF\n',
  '\nCOPY <<EOF /etc/x\nhello',
  '\nONBUILD RUN <<EOF\nid\n',
  '\nRUN <<EOF\nid\nEOF\n# after\n',
  '\nCOPY app C:\\app `',
  '\nRUN dir `\n  # c\n',
  '\nRUN echo C:\\',
);

/**
 * Generated Dockerfiles: an optional `# escape=` directive (a backtick makes `\` plain text and
 * `` ` `` the continuation), random instructions, one of the endings above, LF or CRLF.
 */
export const dockerfileText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '', '', '# escape=`\n', '# escape=\\\n', '# syntax=docker/dockerfile:1\n# escape=`\n'),
    dockerfileLines,
    dockerfileTail,
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([head, lines, tail, eol, finalEol]) =>
    (head + lines.join('\n') + tail + (finalEol && !tail.endsWith('\n') ? '\n' : '')).replace(/\r?\n/g, eol),
  );

const composeValue = fc.constantFrom(
  'privileged: true',
  'privileged: "${PRIV:-false}"',
  'user: root',
  'user: "1000:1000"',
  'user: ${UID}',
  'cap_add: [SYS_ADMIN, NET_ADMIN]',
  'cap_add:\n      - ALL',
  'cap_drop: [ALL]',
  'security_opt:\n      - seccomp:unconfined\n      - apparmor=unconfined',
  'security_opt: ["no-new-privileges:true"]',
  'network_mode: host',
  'pid: host',
  'ipc: host',
  'userns_mode: host',
  'uts: host',
  'cgroup: host',
  'volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n      - /:/host:ro',
  'volumes:\n      - type: bind\n        source: /etc\n        target: /etc\n        bind:\n          propagation: shared',
  'devices:\n      - /dev/mem:/dev/mem',
  'ports:\n      - "22:22"\n      - 8080:80\n      - target: 80\n        published: "8081"',
  'read_only: true',
  'mem_limit: 512m',
  'pids_limit: -1',
  'deploy:\n      resources:\n        limits:\n          memory: 1g\n          cpus: "0.5"',
  'healthcheck:\n      disable: true',
  'restart: always',
  'logging:\n      driver: none',
  'sysctls:\n      net.ipv4.ip_forward: 1',
  'cgroup_parent: /',
  'build: .',
  'build:\n      context: .\n      dockerfile: Dockerfile.dev',
  'extends: base',
  'extends:\n      service: base\n      file: other.yaml',
  '<<: *defaults',
  'environment:\n      A: 1\n      B:',
  'image: nginx:latest',
  'image: ${IMAGE}',
  'command: ["sh", "-c", "id"]',
  '# containment-ignore CT2001',
  // Keys written with no value: a fix must give them one, not add a second copy.
  'cap_drop:',
  'security_opt: null',
  'pids_limit:',
  'mem_limit: ~',
  'read_only:',
  'user:',
  'tmpfs:',
  'deploy:',
  'deploy:\n      resources:\n        limits:\n          memory:',
  'x-custom: 1',
  'bogus: [unclosed',
  ': no key',
  '- not a map',
);

/** Block-style Compose files; a few end their lines, or the file, with a lone `\r`. */
const composeBlockText: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(fc.constantFrom('web', 'db', 'base', 'a-b', '"quoted"', 'x'), fc.array(composeValue, { maxLength: 8 })), {
      maxLength: 5,
    }),
    fc.constantFrom('', 'volumes:\n  data: {}\n', 'networks:\n  default:\n    driver: host\n', 'version: "3.8"\n', '---\nservices: {}\n'),
    fc.constantFrom('\n', '\r\n'),
    fc.constantFrom('', '', '', '\r', ' # end\r'),
  )
  .map(([anchor, services, tail, eol, end]) => {
    const head = anchor ? 'x-defaults: &defaults\n  read_only: true\n  cap_drop: [ALL]\n' : '';
    const body = services.map(([name, keys]) => `  ${name}:\n${keys.map((k) => `    ${k}`).join('\n')}`).join('\n');
    return `${head}services:\n${body}\n${tail}`.replace(/\n/g, eol).replace(/\r?\n?$/, end);
  });

/** A service's keys as flow-mapping entries, some written with no value (`{cap_drop}`, `cap_drop: `). */
const composeFlowValue = fc.constantFrom(
  'image: nginx',
  'privileged: true',
  'user: root',
  'cap_add: [SYS_ADMIN]',
  'cap_drop: [NET_RAW]',
  'cap_drop',
  'cap_drop: ',
  'security_opt: [seccomp:unconfined]',
  'security_opt: null',
  'read_only',
  'read_only: false',
  'pids_limit',
  'mem_limit: ',
  'tmpfs',
  'deploy',
  'deploy: {}',
  'deploy: {resources: }',
  'deploy: {resources: {limits: {memory: 1G}}}',
  'deploy: {resources: {limits: {memory}}}',
  'ports: ["22:22", {target: 80, published: 8080}]',
  'volumes: [/:/host]',
  'network_mode: host',
  '<<: *defaults',
);

/** Compose files whose services are flow mappings (`services: {web: {…}}`, `web: {…}`, `{web}`), on one line or several. */
const composeFlowText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.constantFrom('web', 'db', '"quoted"'),
        fc.oneof(
          fc.array(composeFlowValue, { maxLength: 6 }).map((kvs) => `: {${kvs.join(', ')}}`),
          fc.constantFrom('', ':', ': null', ': {}'),
        ),
      ),
      { maxLength: 3 },
    ),
    fc.boolean(),
    fc.boolean(),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([services, inBlock, multiline, eol]) => {
    const head = 'x-defaults: &defaults {read_only: true}\n';
    const body = inBlock
      ? `services:\n${services.map(([name, v]) => `  ${name}${v === '' ? ':' : v}`).join('\n')}\n`
      : `services: {${services.map(([name, v]) => `${name}${v}`).join(multiline ? ',\n  ' : ', ')}}\n`;
    return (head + body).replace(/\n/g, eol);
  });

export const composeText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: composeBlockText, weight: 3 },
  { arbitrary: composeFlowText, weight: 1 },
);

const runFlag = fc.constantFrom(
  '--privileged',
  '--cap-add SYS_ADMIN',
  '--cap-add=ALL',
  '--cap-drop ALL',
  '-v /var/run/docker.sock:/var/run/docker.sock',
  '--volume=/:/host',
  '--mount type=bind,source=/,target=/host',
  '--net=host',
  '--network host',
  '--pid=host',
  '--ipc host',
  '--userns=host',
  '--security-opt seccomp=unconfined',
  '--security-opt=no-new-privileges',
  '-u 0',
  '--user "$USER"',
  '-p 22:22',
  '-P',
  '--read-only',
  '--memory 1g',
  '--pids-limit -1',
  '--device /dev/kvm',
  '--sysctl net.ipv4.ip_forward=1',
  '-e A="b c"',
  "--env 'X=$Y'",
  '--rm -it',
  '--name x',
  '$FLAGS',
  '"${ARGS[@]}"',
  '--restart=always',
  '--health-cmd "curl -f localhost"',
  '--no-healthcheck',
  '--log-driver none',
  '--',
);

const shellLine: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'docker run',
        'docker container run',
        'podman run',
        'nerdctl run',
        'sudo docker run',
        'docker create',
        'docker compose run',
        'exec docker run',
      ),
      fc.array(runFlag, { maxLength: 6 }),
      fc.constantFrom('alpine', 'nginx:1.27', '$IMAGE', 'ubuntu@sha256:' + 'b'.repeat(64), '', 'my/img sh -c "id"'),
      fc.boolean(),
    )
    .map(([cmd, flags, img, cont]) => (cont ? [cmd, ...flags, img].join(' \\\n  ') : [cmd, ...flags, img].join(' '))),
  fc.constantFrom(
    'echo "docker run --privileged x"',
    '# docker run --privileged x',
    'if true; then docker run -d alpine; fi',
    'x=$(docker run --rm alpine id)',
    'cat <<EOF\ndocker run --privileged x\nEOF',
    "alias d='docker run --rm'",
    'docker run --rm alpine && docker run --privileged busybox',
    'for i in 1 2; do docker run alpine; done',
    'docker run "unterminated',
    "docker run 'unterminated",
    'docker run \\',
    '$ docker run --privileged alpine',
    'docker run --cap-add',
    'docker run -v',
  ),
);

export const shellText: fc.Arbitrary<string> = fc
  .tuple(fc.array(shellLine, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, eol]) => ['#!/bin/sh', ...lines].join(eol));

export const markdownText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      shellLine.map((l) => '```sh\n' + l + '\n```'),
      shellLine.map((l) => '```console\n$ ' + l + '\n```'),
      shellLine.map((l) => '~~~bash\n' + l + '\n~~~'),
      fc.constantFrom('# Title', 'Some text with `docker run --privileged` inline.', '```\nunclosed fence', '    docker run indented'),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join('\n\n'));

const syscallName = fc.constantFrom(
  'read',
  'write',
  'mount',
  'ptrace',
  'bpf',
  'kexec_load',
  'unshare',
  'clone',
  'personality',
  'keyctl',
  'open_by_handle_at',
  '',
  'not_a_syscall',
);
const seccompAction = fc.constantFrom(
  'SCMP_ACT_ALLOW',
  'SCMP_ACT_ERRNO',
  'SCMP_ACT_KILL',
  'SCMP_ACT_LOG',
  'SCMP_ACT_TRACE',
  'SCMP_ACT_NOTIFY',
  'BOGUS',
  1,
  null,
);

export const seccompText: fc.Arbitrary<string> = fc
  .record(
    {
      defaultAction: seccompAction,
      defaultErrnoRet: fc.oneof(fc.integer(), fc.constant('1')),
      architectures: fc.array(fc.constantFrom('SCMP_ARCH_X86_64', 'SCMP_ARCH_AARCH64', 'x'), { maxLength: 3 }),
      syscalls: fc.array(
        fc.record(
          {
            names: fc.array(syscallName, { maxLength: 5 }),
            name: syscallName,
            action: seccompAction,
            args: fc.array(
              fc.record({
                index: fc.integer({ min: -1, max: 7 }),
                value: fc.integer(),
                op: fc.constantFrom('SCMP_CMP_EQ', 'SCMP_CMP_MASKED_EQ', 'X'),
              }),
              { maxLength: 2 },
            ),
            includes: fc.record({ caps: fc.array(fc.constantFrom('CAP_SYS_ADMIN', 'CAP_BPF'), { maxLength: 2 }) }, { requiredKeys: [] }),
            excludes: fc.record({ arches: fc.array(fc.constantFrom('amd64', 'arm64'), { maxLength: 2 }) }, { requiredKeys: [] }),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 6 },
      ),
      extra: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: ['defaultAction'] },
  )
  .chain((o) => fc.constantFrom(JSON.stringify(o), JSON.stringify(o, null, 2), JSON.stringify(o, null, '\t').replace(/\n/g, '\r\n')));

const daemonKey = fc.constantFrom(
  'icc',
  'userns-remap',
  'no-new-privileges',
  'live-restore',
  'userland-proxy',
  'log-driver',
  'log-opts',
  'default-ulimits',
  'seccomp-profile',
  'selinux-enabled',
  'hosts',
  'tls',
  'tlsverify',
  'experimental',
  'insecure-registries',
  'iptables',
  'ip',
  'default-runtime',
  'authorization-plugins',
  'cgroup-parent',
  'data-root',
  'not-a-key',
);
export const daemonText: fc.Arbitrary<string> = fc
  .dictionary(
    daemonKey,
    fc.oneof(
      fc.boolean(),
      fc.constantFrom('default', 'unconfined', 'tcp://0.0.0.0:2375', 'json-file', '0.0.0.0', ''),
      fc.array(fc.constantFrom('unix:///var/run/docker.sock', 'tcp://0.0.0.0:2375', 'fd://'), { maxLength: 3 }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    { maxKeys: 8 },
  )
  .chain((o) => fc.constantFrom(JSON.stringify(o), JSON.stringify(o, null, 2), JSON.stringify(o, null, 2).replace(/\n}$/, ',\n}')));

/** Random edits of a text: deletions, insertions of awkward characters, duplicated and swapped lines, truncation. */
export function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const awkward = fc.constantFrom(
    '\n',
    '\r',
    '\r\n',
    '\\',
    '\\\n',
    '"',
    "'",
    '`',
    '$',
    '${',
    '{',
    '}',
    '[',
    ']',
    ':',
    '- ',
    '&a ',
    '*a',
    '<<',
    '#',
    '\t',
    ' ',
    '\u0000',
    '\uFEFF',
    '\uFFFD',
    'é',
    '😀',
    '\u2028',
    '\uD800',
  );
  const op = fc.oneof(
    fc.tuple(fc.constant('delete' as const), fc.nat(), fc.nat({ max: 20 })),
    fc.tuple(
      fc.constant('insert' as const),
      fc.nat(),
      fc.oneof(awkward, fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })),
    ),
    fc.tuple(fc.constant('dupline' as const), fc.nat(), fc.constant(0)),
    fc.tuple(fc.constant('swap' as const), fc.nat(), fc.nat()),
    fc.tuple(fc.constant('truncate' as const), fc.nat(), fc.constant(0)),
  );
  return fc.tuple(base, fc.array(op, { minLength: 1, maxLength: 6 })).map(([text, ops]) => {
    let t = text;
    for (const [kind, a, b] of ops) {
      const at = t.length === 0 ? 0 : a % (t.length + 1);
      if (kind === 'delete') t = t.slice(0, at) + t.slice(at + b);
      else if (kind === 'insert') t = t.slice(0, at) + b + t.slice(at);
      else if (kind === 'truncate') t = t.slice(0, at);
      else {
        const lines = t.split('\n');
        const i = a % lines.length;
        if (kind === 'dupline') lines.splice(i, 0, lines[i]);
        else {
          const j = b % lines.length;
          [lines[i], lines[j]] = [lines[j], lines[i]];
        }
        t = lines.join('\n');
      }
    }
    return t;
  });
}

// ---------- the checks ----------

function inside(doc: TextDoc, r: Range, what: string): void {
  const ok = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.character >= 0 &&
    p.line < doc.lineCount &&
    p.character <= doc.lineText(p.line).length;
  if (!ok(r.start) || !ok(r.end)) throw new Error(`${what}: range ${JSON.stringify(r)} is outside the document (${doc.lineCount} lines)`);
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character))
    throw new Error(`${what}: range ${JSON.stringify(r)} ends before it starts`);
}

function yamlParses(text: string): boolean {
  try {
    return parseAllDocuments(text).every((d) => 'errors' in d && d.errors.length === 0);
  } catch {
    return false;
  }
}

function jsonParses(text: string): boolean {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  return errors.length === 0;
}

/**
 * Checks one analysis; `depth` 1 also checks the fixes (at most `maxFixes` of them, spread over the
 * rules that found something) and the text each leaves. Returns the analysis.
 */
export function checkAnalysis(path: string, text: string, depth = 1, maxFixes = Number.POSITIVE_INFINITY): Analysis | undefined {
  let a: Analysis | undefined;
  try {
    a = analyze(path, text);
  } catch (e) {
    throw new Error(`analyze(${path}) threw: ${(e as Error).stack ?? String(e)}`);
  }
  if (!a) return a;
  let fixesLeft = maxFixes;
  const fixedRules = new Set<string>();
  let parsed: boolean | undefined;
  const originalParses = () => (parsed ??= a.kind === 'compose' ? yamlParses(a.doc.text) : jsonParses(a.doc.text));
  for (const f of a.findings) {
    if (f.ruleId === 'CT0001') throw new Error(`a rule failed (CT0001): ${f.message}`);
    inside(a.doc, f.range, `${f.ruleId} finding`);
    if (depth === 0) continue;
    // With a cap, the first fix of each rule comes first; repeats of a rule only while the cap allows.
    if (fixedRules.has(f.ruleId) && fixesLeft < maxFixes / 2) continue;
    fixedRules.add(f.ruleId);
    for (const fix of f.fixes) {
      if (fixesLeft-- <= 0) break;
      const offsets = fix.edits.map((e) => {
        inside(a.doc, e.range, `${f.ruleId} fix "${fix.title}" edit`);
        return { start: a.doc.offsetAt(e.range.start), end: a.doc.offsetAt(e.range.end) };
      });
      offsets.sort((x, y) => x.start - y.start || x.end - y.end);
      for (let i = 1; i < offsets.length; i++) {
        if (offsets[i].start < offsets[i - 1].end)
          throw new Error(`${f.ruleId} fix "${fix.title}": edits overlap ${JSON.stringify(fix.edits)}`);
      }
      const fixed = applyEdits(a.doc.text, fix.edits);
      const after = checkAnalysis(path, fixed, 0);
      const kind = a.kind;
      if (after && kind === 'dockerfile') checkDockerfileFix(a, after, f, fix);
      if (after && kind !== 'dockerfile' && !a.findings.some((x) => x.ruleId === INPUT_PROBLEM_ID)) {
        // An informational one may follow from the fix (a daemon.json left with no dockerd key no longer looks like one).
        const problem = after.findings.find((x) => x.ruleId === INPUT_PROBLEM_ID && x.severity !== 'info');
        if (problem)
          throw new Error(
            `${f.ruleId} fix "${fix.title}" makes an input problem (${problem.message}):\n--- before\n${a.doc.text}\n--- after\n${fixed}`,
          );
        const same = (x: { ruleId: string; message: string }) => x.ruleId === f.ruleId && x.message === f.message;
        if (after.findings.filter(same).length >= a.findings.filter(same).length)
          throw new Error(
            `${f.ruleId} fix "${fix.title}" leaves its finding (${f.message}):\n--- before\n${a.doc.text}\n--- after\n${fixed}`,
          );
      }
      if (kind === 'compose' && originalParses() && !yamlParses(fixed))
        throw new Error(`${f.ruleId} fix "${fix.title}" breaks the YAML:\n--- before\n${a.doc.text}\n--- after\n${fixed}`);
      if ((kind === 'seccomp' || kind === 'daemon') && originalParses() && !jsonParses(fixed))
        throw new Error(`${f.ruleId} fix "${fix.title}" breaks the JSON:\n--- before\n${a.doc.text}\n--- after\n${fixed}`);
    }
  }
  return a;
}

/** What an instruction says: keyword, flags and arguments (line continuations and comments inside it removed). */
function meaning(i: Instr): string {
  return JSON.stringify([i.keyword, i.flags.map((fl) => [fl.name, fl.value]), i.args.map((w) => w.value)]);
}

/**
 * A Dockerfile fix means what it says: the finding it was for is gone; each line it adds (a whole
 * line of the fixed text that is not blank or a comment) is read as one instruction of its own,
 * starting and ending on that line, with the keyword the line starts with; and the other
 * instructions are the original ones, in order, each with the same meaning, except those the fix
 * edits inside (its keyword stays unless the edit covers it). Removing a trailing escape
 * character, with blanks, to add lines after it does not count as an edit inside the instruction:
 * the builder drops it at the end of the file anyway.
 */
function checkDockerfileFix(a: Analysis, after: Analysis, f: Finding, fix: Fix): void {
  const before = a.model?.kind === 'dockerfile' ? a.model.image : undefined;
  const now = after.model?.kind === 'dockerfile' ? after.model.image : undefined;
  if (!before || !now) return;
  const fail = (what: string) => {
    throw new Error(`${f.ruleId} fix "${fix.title}" ${what}:\n--- before\n${a.doc.text}\n--- after\n${after.doc.text}`);
  };
  const same = (x: { ruleId: string; message: string }) => x.ruleId === f.ruleId && x.message === f.message;
  if (after.findings.filter(same).length >= a.findings.filter(same).length) fail(`leaves its finding (${f.message})`);

  const doc = a.doc;
  const edits = fix.edits
    .map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText }))
    .sort((x, y) => x.start - y.start);
  const esc = before.escapeChar === '`' ? '`' : '\\\\';
  const closesContinuation = new RegExp(`^[ \\t]*${esc}[ \\t]*$`);
  const inside = (e: (typeof edits)[number], i: Instr) => {
    const [s, t] = [doc.offsetAt(i.range.start), doc.offsetAt(i.range.end)];
    if (e.start === e.end) return s < e.start && e.start < t;
    return e.start < t && e.end > s && !(closesContinuation.test(doc.text.slice(e.start, e.end)) && /^\r?\n/.test(e.newText));
  };

  // The lines the fix adds, where they are in the fixed text.
  const text = after.doc.text;
  const added: { line: number; content: string }[] = [];
  let shift = 0;
  for (const e of edits) {
    const at = e.start + shift;
    shift += e.newText.length - (e.end - e.start);
    const re = /[^\r\n]+/g;
    for (let m = re.exec(e.newText); m; m = re.exec(e.newText)) {
      const [s, t] = [at + m.index, at + m.index + m[0].length];
      const wholeLine = (s === 0 || /[\r\n]/.test(text[s - 1])) && (t === text.length || /[\r\n]/.test(text[t]));
      if (wholeLine && !/^[ \t]*(#|$)/.test(m[0])) added.push({ line: after.doc.positionAt(s).line, content: m[0].trim() });
    }
  }
  const isAdded = new Set<Instr>();
  for (const { line, content } of added) {
    const i = now.instructions.find((x) => x.range.start.line === line);
    const keyword = /^\S+/.exec(content)?.[0].toUpperCase();
    if (!i || i.keyword !== keyword || i.range.end.line !== line || after.doc.textIn(i.range).trim() !== content)
      fail(`adds "${content}" on line ${line + 1}, which is not read as an instruction of its own`);
    else isAdded.add(i);
  }
  const rest = now.instructions.filter((i) => !isAdded.has(i));
  if (rest.length !== before.instructions.length)
    fail(`leaves ${rest.length} of the ${before.instructions.length} instructions it did not add`);
  before.instructions.forEach((i, n) => {
    const j = rest[n];
    const touching = edits.filter((e) => inside(e, i));
    const keywordEdited = touching.some((e) => e.start < doc.offsetAt(i.keywordRange.end) && e.end > doc.offsetAt(i.keywordRange.start));
    if (touching.length === 0 ? meaning(j) !== meaning(i) : !keywordEdited && j.keyword !== i.keyword)
      fail(`changes instruction ${n + 1} (${meaning(i)} → ${meaning(j)})`);
  });
}

/** The properties, one per input family; each checks analyze() on the generated text. */
export function properties(): { name: string; kind: FileKind; arb: fc.Arbitrary<string> }[] {
  const seeds = seedTexts();
  const seedOf = (k: FileKind) => fc.constantFrom(...(seeds[k].length > 0 ? seeds[k] : ['']));
  const anyText = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc
      .array(
        fc.constantFrom(
          'FROM',
          'RUN',
          'USER',
          'services:',
          '  web:',
          '    privileged: true',
          'docker run',
          '-v',
          '{',
          '}',
          '[',
          ']',
          '"',
          ':',
          ',',
          '\n',
          '\\',
          ' ',
        ),
        { maxLength: 60 },
      )
      .map((a) => a.join('')),
  );
  return [
    { name: 'Dockerfile (generated)', kind: 'dockerfile', arb: dockerfileText },
    { name: 'Dockerfile (mutated examples)', kind: 'dockerfile', arb: mutated(fc.oneof(seedOf('dockerfile'), dockerfileText)) },
    { name: 'Compose (generated)', kind: 'compose', arb: composeText },
    { name: 'Compose (mutated examples)', kind: 'compose', arb: mutated(fc.oneof(seedOf('compose'), composeText)) },
    { name: 'shell (generated)', kind: 'shell', arb: shellText },
    { name: 'shell (mutated examples)', kind: 'shell', arb: mutated(fc.oneof(seedOf('shell'), shellText)) },
    {
      name: 'Markdown (generated and mutated)',
      kind: 'markdown',
      arb: fc.oneof(markdownText, mutated(fc.oneof(seedOf('markdown'), markdownText))),
    },
    { name: 'seccomp JSON (generated)', kind: 'seccomp', arb: seccompText },
    { name: 'seccomp JSON (mutated)', kind: 'seccomp', arb: mutated(fc.oneof(seedOf('seccomp'), seccompText)) },
    { name: 'daemon.json (generated)', kind: 'daemon', arb: daemonText },
    { name: 'daemon.json (mutated)', kind: 'daemon', arb: mutated(fc.oneof(seedOf('daemon'), daemonText)) },
    ...(['dockerfile', 'compose', 'shell', 'markdown', 'seccomp', 'daemon'] as const).map((kind) => ({
      name: `random text as ${kind}`,
      kind,
      arb: anyText,
    })),
  ];
}

/**
 * Runs every property (or those whose name contains `only`, case aside) with numRuns cases each and returns the failures (fast-check's report, with
 * the seed and the shrunk counterexample), so that one failing property does not hide the others.
 */
export function runAll(
  numRuns: number,
  seed: number,
  onProperty?: (name: string, ms: number, failure?: string) => void,
  only?: string,
): string[] {
  const failures: string[] = [];
  for (const p of properties()) {
    if (only && !p.name.toLowerCase().includes(only.toLowerCase())) continue;
    const t0 = Date.now();
    let failure: string | undefined;
    try {
      fc.assert(
        fc.property(p.arb, (text) => {
          checkAnalysis(PATH_FOR[p.kind], text);
        }),
        { numRuns, seed },
      );
    } catch (e) {
      // fast-check keeps what the check threw (which fix, the text before and after) as the cause.
      const cause = (e as Error & { cause?: unknown }).cause;
      failure = `${p.name}: ${(e as Error).message}${cause instanceof Error ? `\n${cause.message}` : ''}`;
      failures.push(failure);
    }
    onProperty?.(p.name, Date.now() - t0, failure);
  }
  return failures;
}
