// `docker run` lines in shell scripts and Markdown → RuntimeSpec: the lexer, option parsing,
// values with exact ranges, Markdown code blocks and console prompts, problems, and the fixes
// applied alone and in sequence.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as shellQuoteParse } from 'shell-quote';
import { parseDockerRuns } from '../server/src/core/parse/dockerRun';
import { lex, vtext, type Word } from '../server/src/core/parse/dockerRun/lexer';
import { simpleCommands } from '../server/src/core/parse/dockerRun/commands';
import { applyEdits, range, TextDoc } from '../server/src/core/text';
import type { Origin, RuntimeFix, RuntimeSpec } from '../server/src/core/model/runtime';
import { inLocale, type Range } from '../server/src/core/types';

/** The range of the `nth` occurrence of `needle` in `text`. */
function at(text: string, needle: string, nth = 0): Range {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `"${needle}" #${nth} not in text`);
  }
  const doc = new TextDoc(text);
  return doc.rangeOf(i, i + needle.length);
}

function rangeOf(o: Origin | undefined): Range | undefined {
  return o?.kind === 'source' ? o.range : undefined;
}

function textOf(text: string, o: Origin | undefined): string {
  const r = rangeOf(o);
  assert.ok(r, 'origin has a source range');
  return new TextDoc(text).textIn(r);
}

function one(text: string, kind: 'shell' | 'markdown' = 'shell'): RuntimeSpec {
  const m = parseDockerRuns(text, kind);
  assert.equal(m.specs.length, 1, `one command in ${JSON.stringify(text)}`);
  return m.specs[0];
}

function apply(text: string, fix: RuntimeFix | undefined): string {
  assert.ok(fix, 'a fix is offered');
  return applyEdits(text, fix.edits);
}

function words(text: string): string[][] {
  const v = vtext(text, [{ start: 0, end: text.length }]);
  return simpleCommands(lex(v, 0, v.text.length).tokens, false).map((c) => c.words.map((w: Word) => w.value));
}

test('one line: image, user, capabilities, anchor and label with exact ranges', () => {
  const t = 'docker run --rm -u root --cap-add SYS_ADMIN --cap-drop=ALL nginx:1.27 nginx -g "daemon off;"\n';
  const s = one(t);
  assert.equal(s.label, 'docker run nginx:1.27');
  assert.equal(s.source, 'docker-run');
  assert.deepEqual(rangeOf(s.anchor), range(0, 0, 0, 10));
  assert.deepEqual(s.image, { value: 'nginx:1.27', origin: { kind: 'source', range: at(t, 'nginx:1.27') } });
  assert.deepEqual(s.user, { value: 'root', origin: { kind: 'source', range: range(0, 19, 0, 23) } });
  assert.deepEqual(
    s.capAdd.map((c) => [c.value, rangeOf(c.origin)]),
    [['SYS_ADMIN', range(0, 34, 0, 43)]],
  );
  assert.deepEqual(
    s.capDrop.map((c) => [c.value, rangeOf(c.origin)]),
    [['ALL', range(0, 55, 0, 58)]],
  );
  assert.equal(s.partial, undefined);
});

test('continuations: values on later lines keep their exact ranges; statement start and span', () => {
  const t = [
    '#!/bin/sh',
    'set -e',
    'docker run -d \\',
    '  --name web \\',
    '  -p 127.0.0.1:8080:80 \\',
    '  --memory=512m \\',
    '  nginx:1.27',
    'echo done',
    '',
  ].join('\n');
  const m = parseDockerRuns(t, 'shell');
  assert.equal(m.specs.length, 1);
  const s = m.specs[0];
  assert.deepEqual(rangeOf(s.image?.origin), range(6, 2, 6, 12));
  assert.deepEqual(rangeOf(s.resources.memory?.origin), range(5, 11, 5, 15));
  assert.deepEqual(s.ports[0], {
    hostIp: '127.0.0.1',
    hostPort: '8080',
    containerPort: '80',
    protocol: 'tcp',
    origin: { kind: 'source', range: range(4, 5, 4, 22) },
  });
  assert.equal(m.statementSpan(2), 6);
  assert.equal(m.statementSpan(7), 7);
  assert.equal(m.statementStart(4), 2);
  assert.equal(m.statementStart(6), 2);
  assert.equal(m.statementStart(7), 7);
  // no space before the backslash: the word ends before the continuation
  const tight = 'docker run --privileged\\\n  -d alpine';
  const st = one(tight);
  assert.deepEqual(rangeOf(st.privileged?.origin), range(0, 11, 0, 23));
  assert.equal(apply(tight, st.fixer?.removePrivileged?.()), 'docker run\\\n  -d alpine');
  // a continuation inside a word joins it
  assert.equal(one('docker run --us\\\ner=root alpine').user?.value, 'root');
});

test("quotes, $'…' and escapes: decoded values, ranges include the quotes", () => {
  const t = `docker run --security-opt "seccomp=unconfined" -e 'GREETING=hello world' --name my\\ app --label $'a\\tb' --user="1000:1000" alpine`;
  const s = one(t);
  assert.equal(s.securityOpt[0].kind, 'seccomp');
  assert.equal(s.securityOpt[0].value, 'unconfined');
  assert.equal(textOf(t, s.securityOpt[0].origin), '"seccomp=unconfined"');
  assert.deepEqual(
    s.env.map((e) => [e.name, e.value]),
    [['GREETING', 'hello world']],
  );
  assert.equal(textOf(t, s.env[0].origin), `'GREETING=hello world'`);
  assert.equal(s.user?.value, '1000:1000');
  assert.equal(textOf(t, s.user?.origin), '"1000:1000"');
  assert.equal(s.image?.value, 'alpine');
  assert.deepEqual(words(`echo my\\ app $'a\\tb' "x\\"y" 'it'\\''s'`), [['echo', 'my app', 'a\tb', 'x"y', "it's"]]);
});

test('--flag=value and --flag value give the same values with their own ranges', () => {
  const a = 'docker run --pid=host --user=0 --memory=1g alpine';
  const b = 'docker run --pid host --user 0 --memory 1g alpine';
  const sa = one(a);
  const sb = one(b);
  for (const [s, t] of [
    [sa, a],
    [sb, b],
  ] as const) {
    assert.equal(s.namespaces.pid?.value.mode, 'host');
    assert.equal(textOf(t, s.namespaces.pid?.origin), 'host');
    assert.equal(textOf(t, s.user?.origin), '0');
    assert.equal(textOf(t, s.resources.memory?.origin), '1g');
    assert.equal(s.image?.value, 'alpine');
  }
  assert.deepEqual(rangeOf(sa.namespaces.pid?.origin), range(0, 17, 0, 21));
  assert.deepEqual(rangeOf(sb.namespaces.pid?.origin), range(0, 17, 0, 21));
  assert.deepEqual(rangeOf(sa.user?.origin), range(0, 29, 0, 30));
  assert.deepEqual(rangeOf(sb.user?.origin), range(0, 29, 0, 30));
});

test('short options: attached values, bundles whose last letter takes a value, -p=…', () => {
  const t = 'docker run -it -uroot -p8080:80 -v/a:/b -dp 80:80 -itd -m=256m -e X=1 -c 512 busybox';
  const s = one(t);
  assert.equal(s.user?.value, 'root');
  assert.deepEqual(rangeOf(s.user?.origin), at(t, 'root'));
  assert.deepEqual(
    s.ports.map((p) => [p.hostPort, p.containerPort, textOf(t, p.origin)]),
    [
      ['8080', '80', '8080:80'],
      ['80', '80', '80:80'],
    ],
  );
  assert.equal(s.mounts[0].source, '/a');
  assert.equal(s.mounts[0].target, '/b');
  assert.deepEqual(rangeOf(s.mounts[0].origin), at(t, '/a:/b'));
  assert.deepEqual(rangeOf(s.mounts[0].sourceOrigin), at(t, '/a'));
  assert.equal(s.resources.memory?.value, '256m');
  assert.equal(s.resources.cpuShares?.value, '512');
  assert.deepEqual(
    s.env.map((e) => [e.name, e.value]),
    [['X', '1']],
  );
  assert.equal(s.image?.value, 'busybox');
});

test('options after the image belong to the container command; -- ends options', () => {
  const s = one('docker run alpine:3.20 --privileged -u root sh -c "id"');
  assert.equal(s.image?.value, 'alpine:3.20');
  assert.equal(s.privileged, undefined);
  assert.equal(s.user, undefined);
  const d = one('docker run --rm -- alpine --cap-add ALL');
  assert.equal(d.image?.value, 'alpine');
  assert.deepEqual(d.capAdd, []);
  // value options never take the image: --name consumes "web", the image is nginx
  const n = one('docker run --name web --restart always --log-driver none nginx');
  assert.equal(n.image?.value, 'nginx');
  assert.equal(n.restart?.value, 'always');
  assert.equal(n.logDriver?.value, 'none');
  // boolean options with =false
  const f = one('docker run --privileged=false --read-only=true --rm=false alpine');
  assert.equal(f.privileged?.value, false);
  assert.equal(f.readOnly?.value, true);
  assert.equal(f.image?.value, 'alpine');
});

test('commands after sudo, VAR=, exec, env, time, &&, ;, |, then/do, inside $(…) and `…`', () => {
  const t = [
    'sudo -E docker run --privileged a1',
    'DOCKER_HOST=unix:///x docker run a2',
    'exec docker container run a3',
    'cd x && docker create a4 || echo fail; docker container create a5 | tee log',
    'if true; then docker run a6; fi',
    'for i in 1; do podman run a7; done',
    'CID=$(docker run -d a8)',
    'ID=`docker run -d a9`',
    'env -i PATH=/bin docker run a10 &',
    'time docker -H tcp://h:2376 --tlsverify run a11',
    'sudo -u root nerdctl run a12',
    '/usr/bin/docker run a13',
    'echo docker run notme',
    'docker ps; docker build -t x .',
    '',
  ].join('\n');
  const m = parseDockerRuns(t, 'shell');
  assert.deepEqual(
    m.specs.map((s) => s.label),
    [
      'docker run a1',
      'docker run a2',
      'docker container run a3',
      'docker create a4',
      'docker container create a5',
      'docker run a6',
      'podman run a7',
      'docker run a8',
      'docker run a9',
      'docker run a10',
      'docker run a11',
      'nerdctl run a12',
      'docker run a13',
    ],
  );
  assert.deepEqual(rangeOf(m.specs[0].anchor), range(0, 8, 0, 18));
  assert.deepEqual(rangeOf(m.specs[2].anchor), range(2, 5, 2, 25));
  assert.deepEqual(rangeOf(m.specs[7].image?.origin), at(t, 'a8'));
  assert.deepEqual(rangeOf(m.specs[8].image?.origin), at(t, 'a9'));
  assert.deepEqual(rangeOf(m.specs[10].anchor), at(t, 'docker -H tcp://h:2376 --tlsverify run'));
});

test('podman options, docker compose run (partial, service not an image) and the synopsis line', () => {
  const p = one('podman run --userns=keep-id --systemd always -v ./data:/data:Z registry.fedoraproject.org/fedora');
  assert.equal(p.namespaces.userns?.value.mode, 'other');
  assert.equal(p.image?.value, 'registry.fedoraproject.org/fedora', 'podman --systemd takes a value');
  assert.equal(p.mounts[0].type, 'bind');
  assert.equal(p.mounts[0].selinux, 'Z');
  const c = one('docker compose -f ci.yml run --rm -u root --cap-add NET_ADMIN -e X=1 web pytest -x');
  assert.equal(c.label, 'docker compose run web');
  assert.equal(c.image, undefined);
  assert.equal(c.partial, true);
  assert.equal(c.user?.value, 'root');
  assert.deepEqual(
    c.capAdd.map((x) => x.value),
    ['NET_ADMIN'],
  );
  assert.equal(c.fixer && 'addReadOnly' in c.fixer, false, 'compose run has no --read-only');
  assert.match(c.fixer?.addCapDropAll?.()?.edits[0].newText ?? '', /--cap-drop ALL/);
  assert.equal(one('docker-compose run --service-ports app').label, 'docker-compose run app');
  assert.equal(parseDockerRuns('docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n', 'shell').specs.length, 0);
});

test('interpolation: values with $VAR, ${…}, $(…) and backticks are unknown; hidden options make the spec partial', () => {
  const t = 'docker run -v "$PWD":/app -v /etc:/host-etc:ro --user $(id -u):`id -g` -e TOKEN=${TOKEN} -e PLAIN=x "${IMAGE}:${TAG:-1}"';
  const s = one(t);
  assert.equal(s.mounts[0].unknown, true);
  assert.equal(s.mounts[0].source, '$PWD');
  assert.equal(s.mounts[0].target, '/app');
  assert.equal(s.mounts[1].unknown, undefined);
  assert.equal(s.mounts[1].readOnly, true);
  assert.equal(s.user?.unknown, true);
  assert.equal(s.user?.value, '$(id -u):`id -g`');
  assert.equal(s.env[0].unknown, true);
  assert.equal(s.env[1].unknown, undefined);
  assert.equal(s.image?.unknown, true);
  assert.equal(s.image?.value, '${IMAGE}:${TAG:-1}');
  assert.equal(s.partial, undefined);
  const h = one('docker run $DOCKER_OPTS -d "${EXTRA[@]}" --rm alpine');
  assert.equal(h.partial, true);
  assert.equal(h.image?.value, 'alpine');
  assert.equal(one('docker run --rm "$IMAGE"').image?.unknown, true);
  const o = one('docker run $DOCKER_OPTS nginx:1.27');
  assert.deepEqual([o.image?.value, o.partial], ['nginx:1.27', true]);
  const i = one('docker run -d "$IMAGE" sh -c id');
  assert.deepEqual([i.image?.value, i.partial], ['$IMAGE', undefined]);
});

test('mounts: -v forms, --mount, --tmpfs, --use-api-socket', () => {
  const t = [
    'docker run',
    '-v /var/run/docker.sock:/var/run/docker.sock',
    '-v data:/data:ro,z',
    '-v /anon',
    '-v /:/host:rslave',
    '--mount type=bind,src=/etc,dst=/e,readonly,bind-propagation=shared',
    '--mount "type=tmpfs,target=/scratch,tmpfs-mode=1770"',
    '--mount source=vol,target=/v',
    '--tmpfs /run:rw,exec,size=64m',
    '--use-api-socket',
    'alpine',
  ].join(' ');
  const s = one(t);
  const ms = s.mounts.map((m) => [m.type, m.source, m.target, m.readOnly, m.propagation ?? null]);
  assert.deepEqual(ms, [
    ['bind', '/var/run/docker.sock', '/var/run/docker.sock', false, null],
    ['volume', 'data', '/data', true, null],
    ['volume', undefined, '/anon', false, null],
    ['bind', '/', '/host', false, 'rslave'],
    ['bind', '/etc', '/e', true, 'shared'],
    ['tmpfs', undefined, '/scratch', false, null],
    ['volume', 'vol', '/v', false, null],
    ['tmpfs', undefined, '/run', false, null],
    ['bind', '/var/run/docker.sock', '/var/run/docker.sock', false, null],
  ]);
  assert.deepEqual(rangeOf(s.mounts[4].sourceOrigin), at(t, '/etc'));
  const slash = t.indexOf('/:/host');
  assert.deepEqual(rangeOf(s.mounts[3].sourceOrigin), range(0, slash, 0, slash + 1));
  assert.equal(textOf(t, s.mounts[3].sourceOrigin), '/');
  assert.deepEqual(s.mounts[7].options, ['rw', 'exec', 'size=64m']);
  assert.equal(s.mounts[1].selinux, 'z');
  assert.deepEqual(s.mounts[5].options, ['tmpfs-mode=1770']);
  assert.equal(textOf(t, s.mounts[8].origin), '--use-api-socket');
});

test('ports, -P, devices, sysctls, ulimits, namespaces, resources, healthcheck, security options', () => {
  const t = [
    'docker run -p 80:80 -p 0.0.0.0:443:443/tcp -p [::1]:5353:53/udp -p 127.0.0.1::9000 -p 9229 -p 8000-8010:8000-8010 -P',
    '--device /dev/fuse --sysctl net.ipv4.ip_forward=1 --ulimit nofile=1024:2048 --ulimit nproc=64',
    '--net=container:db --ipc host --uts=host --userns host --cgroupns=host',
    '--cpus 1.5 --cpu-quota 50000 --cpuset-cpus 0-1 --pids-limit 100 --memory-swap -1 --memory-reservation 128m',
    '--no-healthcheck --health-cmd "curl -f localhost" --cgroup-parent /custom',
    '--security-opt label:disable --security-opt apparmor=unconfined --security-opt no-new-privileges',
    '--security-opt no-new-privileges=true --security-opt seccomp:unconfined --security-opt systempaths=unconfined',
    'app',
  ].join(' ');
  const s = one(t);
  assert.deepEqual(
    s.ports.map((p) => [p.hostIp ?? null, p.hostPort ?? null, p.containerPort, p.protocol]),
    [
      [null, '80', '80', 'tcp'],
      ['0.0.0.0', '443', '443', 'tcp'],
      ['::1', '5353', '53', 'udp'],
      ['127.0.0.1', null, '9000', 'tcp'],
      [null, null, '9229', 'tcp'],
      [null, '8000-8010', '8000-8010', 'tcp'],
      [null, null, '*', 'tcp'],
    ],
  );
  assert.equal(textOf(t, s.ports[6].origin), '-P');
  assert.deepEqual(
    s.devices.map((d) => d.value),
    ['/dev/fuse'],
  );
  assert.deepEqual(
    s.sysctls.map((x) => [x.name, x.value]),
    [['net.ipv4.ip_forward', '1']],
  );
  assert.deepEqual(
    s.resources.ulimits.map((u) => [u.name, u.soft, u.hard]),
    [
      ['nofile', '1024', '2048'],
      ['nproc', '64', '64'],
    ],
  );
  assert.deepEqual(s.namespaces.network?.value, { mode: 'container', target: 'db', raw: 'container:db' });
  for (const k of ['ipc', 'uts', 'userns', 'cgroupns'] as const) assert.equal(s.namespaces[k]?.value.mode, 'host', k);
  assert.equal(s.resources.cpus?.value, '1.5');
  assert.equal(s.resources.cpuQuota?.value, '50000');
  assert.equal(s.resources.cpuset?.value, '0-1');
  assert.equal(s.resources.pidsLimit?.value, '100');
  assert.equal(s.resources.memorySwap?.value, '-1');
  assert.equal(s.resources.memoryReservation?.value, '128m');
  assert.equal(s.healthcheckDisabled?.value, true);
  assert.equal(s.hasHealthcheck, true);
  assert.equal(s.cgroupParent?.value, '/custom');
  assert.deepEqual(
    s.securityOpt.map((o) => [o.kind, o.value]),
    [
      ['label', 'disable'],
      ['apparmor', 'unconfined'],
      ['no-new-privileges', 'true'],
      ['no-new-privileges', 'true'],
      ['seccomp', 'unconfined'],
      ['systempaths', 'unconfined'],
    ],
  );
  assert.equal(s.image?.value, 'app');
});

test('Markdown: shell blocks only, console prompts and output, positions in the Markdown file', () => {
  const md = [
    '# Tutorial', // 0
    '',
    '```bash', // 2
    'docker run --privileged app1',
    '```',
    '',
    '```console', // 6
    '$ docker run -d \\',
    '>   --cap-add SYS_ADMIN \\',
    '>   app2',
    'Unable to find image app2 locally',
    'docker run --privileged not-a-command',
    'user@host:~/src$ docker run app3',
    '# docker run app4',
    '```',
    '',
    '```yaml', // 16
    'command: docker run --privileged yaml',
    '```',
    '',
    '```python',
    'os.system("docker run --privileged py")',
    '```',
    '',
    '    docker run indented-code-is-not-a-fence',
    '',
    '  ~~~~ Shell-Session title="x"', // 26
    '  (venv) $ docker run app5',
    '  ~~~~',
    '```sh',
    '$ docker run app6',
    'output line',
    '```',
    '',
    '```',
    'docker run no-language',
    '```',
    '',
  ].join('\n');
  const m = parseDockerRuns(md, 'markdown');
  assert.deepEqual(
    m.specs.map((s) => s.label),
    ['docker run app1', 'docker run app2', 'docker run app3', 'docker run app4', 'docker run app5', 'docker run app6'],
  );
  assert.deepEqual(rangeOf(m.specs[0].image?.origin), range(3, 24, 3, 28));
  assert.deepEqual(rangeOf(m.specs[1].anchor), range(7, 2, 7, 12));
  assert.deepEqual(rangeOf(m.specs[1].capAdd[0].origin), range(8, 14, 8, 23));
  assert.deepEqual(rangeOf(m.specs[1].image?.origin), range(9, 4, 9, 8));
  assert.deepEqual(rangeOf(m.specs[4].image?.origin), range(27, 22, 27, 26));
  assert.equal(m.statementStart(9), 7);
  assert.equal(m.statementSpan(7), 9);
  assert.equal(m.statementSpan(2), 4, 'a comment above a fence covers the block');
  assert.equal(m.problems.length, 0);
  // placeholders in docs are words, not redirections
  const p = one('```bash\ndocker run -p 8080:80 -v <path>:/data <your-image>:<tag>\n```\n', 'markdown');
  assert.equal(p.image?.value, '<your-image>:<tag>');
  assert.equal(p.image?.unknown, true);
  assert.equal(p.mounts[0].unknown, true);
});

test('an unterminated quote is a problem, not an exception; what comes before is still read', () => {
  const t = 'docker run --privileged alpine\ndocker run -u root -e "BROKEN=1 alpine\necho fine\n';
  const m = parseDockerRuns(t, 'shell');
  assert.equal(m.problems.length, 1);
  assert.equal(m.problems[0].severity, 'info');
  assert.match(m.problems[0].message, /Unterminated double quote/);
  assert.deepEqual(m.problems[0].range, range(1, 22, 1, 38));
  assert.equal(m.specs.length, 2);
  assert.equal(m.specs[1].user?.value, 'root');
  assert.equal(m.specs[1].partial, true, 'the image was never reached');
  assert.equal(m.specs[1].fixer, undefined);
  // in Markdown the damage stays inside its code block
  const md = "```sh\ndocker run -e 'X alpine\n```\n\n```sh\ndocker run --privileged ok\n```\n";
  const mm = parseDockerRuns(md, 'markdown');
  assert.equal(mm.problems.length, 1);
  assert.deepEqual(mm.problems[0].range, range(1, 14, 1, 23));
  assert.deepEqual(
    mm.specs.map((s) => s.label),
    ['docker run ?', 'docker run ok'],
  );
  for (const bad of ['docker run $(', 'docker run ${X', "docker run $'x", 'docker run `x', 'docker run "\\', 'x=\\']) {
    assert.doesNotThrow(() => parseDockerRuns(bad, 'shell'), bad);
  }
});

test('a comment after a continuation ends the command; the options below are lost (warning)', () => {
  const t = 'docker run -d \\\n  # the port\n  -p 80:80 \\\n  nginx\n';
  const m = parseDockerRuns(t, 'shell');
  assert.equal(m.specs.length, 1);
  assert.equal(m.specs[0].image, undefined);
  assert.equal(m.problems.length, 1);
  assert.equal(m.problems[0].severity, 'warning');
  assert.deepEqual(m.problems[0].range, range(1, 2, 1, 12));
});

test('here-documents: commands fed to a shell or ssh are read, other bodies are not', () => {
  const t = [
    "ssh prod <<'EOF'",
    '  docker run --privileged remote',
    'EOF',
    'cat > run.sh <<EOF',
    'docker run --privileged text',
    'EOF',
    'docker run after',
    '',
  ].join('\n');
  const m = parseDockerRuns(t, 'shell');
  assert.deepEqual(
    m.specs.map((s) => s.label),
    ['docker run remote', 'docker run after'],
  );
  assert.deepEqual(rangeOf(m.specs[0].image?.origin), range(1, 26, 1, 32));
});

test('CRLF line endings', () => {
  const t = 'docker run \\\r\n  --user root \\\r\n  alpine\r\n';
  const m = parseDockerRuns(t, 'shell');
  assert.equal(m.specs[0].user?.value, 'root');
  assert.deepEqual(rangeOf(m.specs[0].image?.origin), range(2, 2, 2, 8));
  const fixed = apply(t, m.specs[0].fixer?.addCapDropAll?.());
  assert.equal(fixed, 'docker run \\\r\n  --user root \\\r\n  --cap-drop ALL \\\r\n  alpine\r\n');
});

test('flagAt: the option and value under a position', () => {
  const t = 'docker run -uroot --cap-add=SYS_ADMIN --net host -it alpine --privileged';
  const m = parseDockerRuns(t, 'shell');
  const f = (c: number) => m.flagAt({ line: 0, character: c });
  assert.deepEqual(f(12), { flag: '--user', written: '-u', value: 'root', range: at(t, '-uroot') });
  assert.deepEqual(f(t.indexOf('SYS')), {
    flag: '--cap-add',
    written: '--cap-add',
    value: 'SYS_ADMIN',
    range: at(t, '--cap-add=SYS_ADMIN'),
  });
  assert.deepEqual(f(t.indexOf('host')), { flag: '--network', written: '--net', value: 'host', range: at(t, '--net host') });
  assert.equal(f(t.indexOf('-it') + 2)?.flag, '--tty');
  assert.equal(f(t.indexOf('--privileged') + 3), undefined, 'after the image: the container command');
  assert.equal(f(3), undefined);
  assert.equal(m.hoverAt?.({ line: 0, character: 12 }), undefined);
});

// ---- fixes -------------------------------------------------------------------------------------

const ONE = 'docker run -d --privileged -u root -p 8080:80 nginx:1.27 nginx -g "daemon off;"\n';
const CONT = [
  'docker run -d \\',
  '  --privileged \\',
  '  -u root \\',
  '  -p 8080:80 \\',
  '  --cap-add SYS_ADMIN,NET_ADMIN \\',
  '  nginx:1.27 nginx -g "daemon off;"',
  '',
].join('\n');

test('fixes on a one-line command, each alone', () => {
  const s = one(ONE);
  const f = s.fixer;
  assert.ok(f);
  assert.equal(
    apply(ONE, f.addCapDropAll?.()),
    'docker run -d --privileged -u root -p 8080:80 --cap-drop ALL nginx:1.27 nginx -g "daemon off;"\n',
  );
  assert.equal(inLocale(f.addCapDropAll?.()?.title ?? ''), 'Drop all capabilities (--cap-drop ALL)');
  assert.equal(
    apply(ONE, f.addNoNewPrivileges?.()),
    'docker run -d --privileged -u root -p 8080:80 --security-opt no-new-privileges nginx:1.27 nginx -g "daemon off;"\n',
  );
  assert.equal(
    apply(ONE, f.addReadOnly?.()),
    'docker run -d --privileged -u root -p 8080:80 --read-only --tmpfs /tmp nginx:1.27 nginx -g "daemon off;"\n',
  );
  assert.equal(
    apply(ONE, f.addLimits?.(['memory', 'cpus', 'pids'])),
    'docker run -d --privileged -u root -p 8080:80 --memory 512m --cpus 1 --pids-limit 100 nginx:1.27 nginx -g "daemon off;"\n',
  );
  assert.equal(inLocale(f.addLimits?.(['pids'])?.title ?? ''), 'Add limits (--pids-limit 100)');
  assert.equal(
    apply(ONE, f.setUser?.('1001:1001')),
    'docker run -d --privileged -u 1001:1001 -p 8080:80 nginx:1.27 nginx -g "daemon off;"\n',
  );
  assert.equal(
    apply(ONE, f.bindPortToLocalhost?.(s.ports[0])),
    'docker run -d --privileged -u root -p 127.0.0.1:8080:80 nginx:1.27 nginx -g "daemon off;"\n',
  );
  assert.equal(apply(ONE, f.removePrivileged?.()), 'docker run -d -u root -p 8080:80 nginx:1.27 nginx -g "daemon off;"\n');
  assert.equal(
    apply(ONE, f.removeValue?.(s.user!.origin, 'Remove --user')),
    'docker run -d --privileged -p 8080:80 nginx:1.27 nginx -g "daemon off;"\n',
  );
  // no user yet: inserted before the image
  const n = one('docker run alpine id');
  assert.equal(apply('docker run alpine id', n.fixer?.setUser?.('1001:1001')), 'docker run --user 1001:1001 alpine id');
});

test('fixes on a continued command keep one option per line', () => {
  const s = one(CONT);
  const f = s.fixer;
  assert.ok(f);
  assert.equal(apply(CONT, f.addCapDropAll?.()), CONT.replace('  nginx:1.27', '  --cap-drop ALL \\\n  nginx:1.27'));
  assert.equal(apply(CONT, f.addReadOnly?.()), CONT.replace('  nginx:1.27', '  --read-only --tmpfs /tmp \\\n  nginx:1.27'));
  assert.equal(apply(CONT, f.removePrivileged?.()), CONT.replace('  --privileged \\\n', ''));
  assert.equal(apply(CONT, f.setUser?.('app')), CONT.replace('-u root', '-u app'));
  assert.equal(apply(CONT, f.removeValue?.(s.capAdd[0].origin, 'Remove SYS_ADMIN')), CONT.replace('SYS_ADMIN,NET_ADMIN', 'NET_ADMIN'));
  assert.equal(apply(CONT, f.removeValue?.(s.capAdd[1].origin, 'Remove NET_ADMIN')), CONT.replace('SYS_ADMIN,NET_ADMIN', 'SYS_ADMIN'));
  assert.equal(apply(CONT, f.removeValue?.(s.ports[0].origin, 'Remove the port')), CONT.replace('  -p 8080:80 \\\n', ''));
  // the image shares its line with options: insert on that line
  const mixed = 'docker run \\\n  -d --rm alpine';
  assert.equal(apply(mixed, one(mixed).fixer?.addCapDropAll?.()), 'docker run \\\n  -d --rm --cap-drop ALL alpine');
});

test('options go before a `--` that ends them (fuzz: an option inserted after it was read as the image)', () => {
  const t = 'docker run --rm -- nginx:1.27 id\n';
  const s = one(t);
  assert.equal(s.image?.value, 'nginx:1.27');
  assert.equal(apply(t, s.fixer?.addCapDropAll?.()), 'docker run --rm --cap-drop ALL -- nginx:1.27 id\n');
  const after = one(apply(t, s.fixer?.addLimits?.(['pids'])));
  assert.equal(after.resources.pidsLimit?.value, '100');
  assert.equal(after.image?.value, 'nginx:1.27');
  const cont = 'docker run \\\n  --rm \\\n  -- \\\n  nginx:1.27\n';
  assert.equal(
    apply(cont, one(cont).fixer?.addNoNewPrivileges?.()),
    'docker run \\\n  --rm \\\n  --security-opt no-new-privileges \\\n  -- \\\n  nginx:1.27\n',
  );
  // `--` as the value of an option is not the end of the options.
  const value = 'docker run --pids-limit -- 1 --network host alpine\n';
  assert.equal(apply(value, one(value).fixer?.addCapDropAll?.()), 'docker run --pids-limit -- --cap-drop ALL 1 --network host alpine\n');
});

test('fixes applied in sequence, re-parsing each time, on one-line and continued commands', () => {
  for (const start of [ONE, CONT]) {
    let text = start;
    const steps: ((s: RuntimeSpec) => RuntimeFix | undefined)[] = [
      (s) => s.fixer?.removePrivileged?.(),
      (s) => s.fixer?.addCapDropAll?.(),
      (s) => s.fixer?.addNoNewPrivileges?.(),
      (s) => s.fixer?.addReadOnly?.(),
      (s) => s.fixer?.addLimits?.(['memory', 'cpus', 'pids']),
      (s) => s.fixer?.setUser?.('1001:1001'),
      (s) => s.fixer?.bindPortToLocalhost?.(s.ports[0]),
    ];
    for (const step of steps) text = apply(text, step(one(text)));
    const s = one(text);
    assert.equal(s.privileged, undefined, text);
    assert.deepEqual(
      s.capDrop.map((c) => c.value),
      ['ALL'],
    );
    assert.deepEqual(
      s.securityOpt.map((o) => o.kind),
      ['no-new-privileges'],
    );
    assert.equal(s.readOnly?.value, true);
    assert.deepEqual(
      s.mounts.map((m) => [m.type, m.target]),
      [['tmpfs', '/tmp']],
    );
    assert.equal(s.resources.memory?.value, '512m');
    assert.equal(s.resources.cpus?.value, '1');
    assert.equal(s.resources.pidsLimit?.value, '100');
    assert.equal(s.user?.value, '1001:1001');
    assert.equal(s.ports[0].hostIp, '127.0.0.1');
    assert.equal(s.image?.value, 'nginx:1.27');
    if (start === CONT) {
      assert.equal(
        text,
        [
          'docker run -d \\',
          '  -u 1001:1001 \\',
          '  -p 127.0.0.1:8080:80 \\',
          '  --cap-add SYS_ADMIN,NET_ADMIN \\',
          '  --cap-drop ALL \\',
          '  --security-opt no-new-privileges \\',
          '  --read-only --tmpfs /tmp \\',
          '  --memory 512m --cpus 1 --pids-limit 100 \\',
          '  nginx:1.27 nginx -g "daemon off;"',
          '',
        ].join('\n'),
      );
    }
  }
  // all at once, as "fix all" would: edits at the same place do not overlap
  const s = one(CONT);
  const edits = [s.fixer?.addCapDropAll?.(), s.fixer?.addNoNewPrivileges?.(), s.fixer?.removePrivileged?.()].flatMap((f) => f?.edits ?? []);
  const all = one(applyEdits(CONT, edits));
  assert.equal(all.privileged, undefined);
  assert.equal(all.capDrop.length, 1);
  assert.equal(all.securityOpt.length, 1);
});

test('fix details: ports without a host IP or host port, quoted values, console continuations, =false values', () => {
  const t = 'docker run -p 9229 -p "0.0.0.0:80:80" -p [::]:53:53/udp alpine';
  const s = one(t);
  assert.equal(
    apply(t, s.fixer?.bindPortToLocalhost?.(s.ports[0])),
    'docker run -p 127.0.0.1::9229 -p "0.0.0.0:80:80" -p [::]:53:53/udp alpine',
  );
  assert.equal(apply(t, s.fixer?.bindPortToLocalhost?.(s.ports[1])), 'docker run -p 9229 -p "127.0.0.1:80:80" -p [::]:53:53/udp alpine');
  assert.equal(apply(t, s.fixer?.bindPortToLocalhost?.(s.ports[2])), 'docker run -p 9229 -p "0.0.0.0:80:80" -p 127.0.0.1:53:53/udp alpine');
  const md = '```console\n$ docker run \\\n>   -d \\\n>   alpine\n```\n';
  const ms = one(md, 'markdown');
  assert.equal(apply(md, ms.fixer?.addCapDropAll?.()), '```console\n$ docker run \\\n>   -d \\\n>   --cap-drop ALL \\\n>   alpine\n```\n');
  const off = 'docker run --security-opt no-new-privileges=false --read-only=false alpine';
  const so = one(off);
  assert.equal(apply(off, so.fixer?.addNoNewPrivileges?.()), 'docker run --security-opt no-new-privileges --read-only=false alpine');
  assert.equal(apply(off, so.fixer?.addReadOnly?.()), 'docker run --security-opt no-new-privileges=false --read-only --tmpfs /tmp alpine');
  const b = 'docker run -itv /:/host alpine';
  const sb = one(b);
  assert.equal(apply(b, sb.fixer?.removeValue?.(sb.mounts[0].origin, 'Remove')), 'docker run -it alpine');
  const pd = 'docker run -Pd -dp 80:80 -itp8080:80 alpine';
  const sp = one(pd);
  assert.equal(apply(pd, sp.fixer?.removeValue?.(sp.ports[0].origin, 'Remove -P')), 'docker run -d -dp 80:80 -itp8080:80 alpine');
  assert.equal(apply(pd, sp.fixer?.removeValue?.(sp.ports[1].origin, 'Remove')), 'docker run -Pd -d -itp8080:80 alpine');
  assert.equal(apply(pd, sp.fixer?.removeValue?.(sp.ports[2].origin, 'Remove')), 'docker run -Pd -dp 80:80 -it alpine');
  assert.equal(one('docker run --cap-drop=all alpine').fixer?.addCapDropAll?.(), undefined, 'already drops ALL');
  const u = "docker run --user='root' alpine";
  assert.equal(apply(u, one(u).fixer?.setUser?.('1001')), 'docker run --user=1001 alpine');
});

// ---- the lexer against shell-quote -------------------------------------------------------------

test('the lexer splits words like shell-quote does', () => {
  const lines = [
    'docker run --rm -it alpine sh',
    `docker run -e "A=hello world" -e 'B=it''s' --name=a\\ b alpine echo "x y"`,
    `docker run --label "a=\\"quoted\\"" --label 'b=\\n' alpine`,
    'docker run -v /a:/b:ro,z -p 127.0.0.1:80:80/tcp --security-opt seccomp=unconfined nginx',
    'docker run --mount "type=bind,source=/x,target=/y" --tmpfs /run:rw,size=1m alpine',
    `docker run --health-cmd 'curl -f http://localhost/ || exit 1' nginx`,
    'docker run "" alpine ""',
    'docker run a"b"c d\'e\'f g\\"h',
    'docker run -e A= -e =B alpine',
  ];
  for (const line of lines) {
    const ours = words(line);
    assert.equal(ours.length, 1, line);
    const theirs = shellQuoteParse(line).map((w) => {
      assert.equal(typeof w, 'string', `shell-quote saw an operator or glob in ${line}`);
      return w as string;
    });
    assert.deepEqual(ours[0], theirs, line);
  }
  // operators split commands as shell-quote's op tokens do
  const ops = 'docker run a && docker run b || docker run c; docker run d | cat';
  const theirs: string[][] = [[]];
  for (const w of shellQuoteParse(ops)) {
    if (typeof w === 'string') theirs[theirs.length - 1].push(w);
    else theirs.push([]);
  }
  assert.deepEqual(words(ops), theirs);
});

test('the lexer agrees with shell-quote on random quoted and escaped words', () => {
  const pieces = [
    'a',
    'b',
    '-',
    '--x',
    '=',
    ':',
    '/',
    ',',
    ' ',
    '  ',
    '"',
    "'",
    '\\',
    '\\"',
    "\\'",
    '\\\\',
    '.',
    '@',
    '%',
    '+',
    '1',
    'é',
    '\t',
    '{',
    '}',
  ];
  let seed = 3;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  let compared = 0;
  for (let it = 0; it < 5000; it++) {
    let s = '';
    for (let k = 1 + rnd(14); k > 0; k--) s += pieces[rnd(pieces.length)];
    // A backslash at the very end of the input stays a backslash in a shell; shell-quote drops it.
    if (/(^|[^\\])(\\\\)*\\$/.test(s)) continue;
    const v = vtext(s, [{ start: 0, end: s.length }]);
    const r = lex(v, 0, v.text.length);
    if (r.error) continue;
    let theirs: ReturnType<typeof shellQuoteParse>;
    try {
      theirs = shellQuoteParse(s);
    } catch {
      continue;
    }
    if (theirs.some((x) => typeof x !== 'string')) continue;
    const ours = simpleCommands(r.tokens, false).flatMap((c) => c.words.map((w) => w.value));
    assert.deepEqual(ours, theirs, JSON.stringify(s));
    compared++;
  }
  assert.ok(compared > 2000, `compared ${compared}`);
});

test('statementStart: the innermost command holding a line (continuations, here-documents, $(…)), or the line itself', () => {
  const text = [
    '#!/bin/sh',
    'docker run -d \\',
    '  --privileged \\',
    '  nginx:1.27',
    'ssh host <<EOF',
    'docker run --cap-add SYS_ADMIN \\',
    '  alpine:3.20',
    'EOF',
    'id=$(docker run -d \\',
    '  --pid=host alpine:3.20)',
    'echo done',
    '',
  ].join('\n');
  const m = parseDockerRuns(text, 'shell');
  assert.deepEqual(
    Array.from({ length: 12 }, (_, l) => m.statementStart(l)),
    [0, 1, 1, 1, 4, 5, 5, 7, 8, 8, 10, 11],
  );
  assert.equal(m.statementStart(-1), -1, 'outside the document: the line itself');
  assert.equal(m.statementStart(40), 40);
});
