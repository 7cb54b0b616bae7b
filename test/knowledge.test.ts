// The knowledge base: coverage (every capability, namespace and runtime security setting has a
// complete entry in both languages), facts checked against Docker's defaults (the capability list
// and the published default seccomp profile), lookups by what people type, `containment explain`,
// the generated docs/concepts pages, and the manifest's translations.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CAPS, DOCKER_DEFAULT_CAPS } from '../server/src/core/model/capabilities';
import { RUNTIME_SETTINGS } from '../server/src/core/knowledge/runtime';
import { INSTRUCTIONS, RUN_FLAGS } from '../server/src/core/knowledge/dockerfile';
import {
  ALL_CONCEPTS,
  LANGS,
  SECTION_KEYS,
  capabilityConcept,
  conceptById,
  conceptForComposeKey,
  conceptForFlag,
  findConcept,
  findTopic,
  langFromEnv,
  langFromLocale,
  parseLang,
  renderText,
  suggest,
  displayWidth,
  wrap,
  type Concept,
  type Text,
} from '../server/src/core/knowledge/concepts';
import { explainCommand, type Terminal } from '../server/src/cli/explain';
import { conceptFiles } from '../scripts/gen-concepts';
import { dockerVerdict, syscallNames, syscallPurpose } from '../server/src/core/knowledge/seccomp';
import SYSCALL_TABLES from '../server/src/core/knowledge/generated/syscalls.json';
import DOCKER_PROFILE from '../server/src/core/knowledge/generated/docker-default-seccomp.json';
import PURPOSES from '../server/src/core/knowledge/syscallPurposes.json';

const root = join(__dirname, '..');
const CJK = /[\u4e00-\u9fff]/;
// eslint-disable-next-line no-control-regex -- terminal escapes are what this strips
const ANSI = /\x1b\[\d+m/g;

/** Every text of a concept, named for the failure message. */
function texts(c: Concept): [string, Text][] {
  return [['title', c.title], ['summary', c.summary], ...SECTION_KEYS.map((k): [string, Text] => [`sections.${k}`, c.sections[k]])];
}

describe('coverage', () => {
  test('every capability of capabilities(7) has a complete entry in both languages', () => {
    assert.equal(ALL_CAPS.length, 41);
    for (const name of ALL_CAPS) {
      const c = capabilityConcept(name);
      assert.ok(c, `CAP_${name} has an entry`);
      assert.equal(c.capability?.name, name);
      assert.equal(c.id, `cap-${name.toLowerCase().replace(/_/g, '-')}`);
      for (const [what, text] of texts(c))
        for (const lang of LANGS) assert.ok((text[lang] ?? '').trim().length > 0, `CAP_${name} ${what} in ${lang}`);
      assert.ok(c.title.en.startsWith(`CAP_${name}: `), c.title.en);
    }
    assert.equal(ALL_CONCEPTS.filter((c) => c.capability).length, 41, 'no capability beyond the kernel list');
  });

  test('every namespace type has an entry, plus the overview', () => {
    for (const type of ['pid', 'net', 'mnt', 'uts', 'ipc', 'user', 'cgroup', 'time']) {
      const c = conceptById(`ns-${type}`);
      assert.ok(c, `ns-${type}`);
      assert.equal(c.kind, 'namespace');
      assert.match(c.sections.see.en, new RegExp(`/proc/<pid>/ns/${type}|lsns -t ${type}`), `ns-${type} says how to see it`);
      assert.ok(c.references.some((r) => r.url.includes(`${type === 'net' ? 'network' : type === 'mnt' ? 'mount' : type}_namespaces.7`)));
    }
    assert.ok(conceptById('namespaces'));
  });

  test('cgroup controls and security options have entries', () => {
    for (const id of [
      'cgroups',
      'cgroup-memory',
      'cgroup-cpu',
      'cgroup-pids',
      'cgroup-io',
      'seccomp',
      'apparmor',
      'selinux',
      'no-new-privileges',
      'read-only-rootfs',
      'userns-remap',
      'rootless',
      'capabilities',
      'privileged',
    ])
      assert.ok(conceptById(id), id);
  });

  test('every Compose key and docker run flag of the runtime settings table maps to a concept, except the non-isolation ones', () => {
    // Not isolation mechanisms: their rules and the settings hover explain them.
    const OTHER = new Set(['ports', 'restart', 'deploy.restart_policy', 'healthcheck', 'environment', 'logging', 'image']);
    const missing: string[] = [];
    for (const s of RUNTIME_SETTINGS) {
      if (s.compose.some((k) => OTHER.has(k))) continue;
      for (const k of s.compose) if (!conceptForComposeKey(k)) missing.push(`Compose ${k}`);
      for (const f of s.flags) if (!conceptForFlag(f)) missing.push(`flag ${f}`);
    }
    assert.deepEqual(missing, []);
  });

  test('every concept is complete: sections, https references, related topics that exist, unique keys', () => {
    const ids = new Set<string>();
    const owner = new Map<string, string>();
    for (const c of ALL_CONCEPTS) {
      assert.match(c.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(!ids.has(c.id), `duplicate id ${c.id}`);
      ids.add(c.id);
      for (const [what, text] of texts(c)) assert.ok(text.en.trim().length > 0, `${c.id} ${what}`);
      assert.ok(c.references.length > 0, `${c.id} references`);
      for (const r of c.references) assert.match(r.url, /^https:\/\//, `${c.id} ${r.title}`);
      for (const r of c.related) assert.ok(conceptById(r), `${c.id} relates to unknown ${r}`);
      for (const a of c.aliases) {
        const k = a.toLowerCase().replace(/[\s_-]+/g, '-');
        assert.ok(!owner.has(k) || owner.get(k) === c.id, `alias "${a}" of ${c.id} is also ${owner.get(k)}'s`);
        owner.set(k, c.id);
      }
    }
  });
});

describe('translations', () => {
  test('no concept text is missing in Simplified Chinese, and each is Chinese', () => {
    const gaps: string[] = [];
    for (const c of ALL_CONCEPTS)
      for (const [what, text] of texts(c)) {
        const zh = text['zh-CN'];
        if (!zh) gaps.push(`${c.id} ${what}: missing`);
        else if (!CJK.test(zh) && zh !== text.en) gaps.push(`${c.id} ${what}: not Chinese`);
        else if (zh === text.en && CJK.test(text.en) === false && !/^\$ /.test(zh)) gaps.push(`${c.id} ${what}: same as English`);
      }
    assert.deepEqual(gaps, [], `${gaps.length} gaps`);
  });

  test('every runtime setting and Dockerfile explanation shown on hover has a Chinese title and body with the same code spans', () => {
    const gaps: string[] = [];
    const entries: [string, { title: string; body: string; zh?: { title: string; body: string } }][] = [
      ...RUNTIME_SETTINGS.map((x): [string, (typeof RUNTIME_SETTINGS)[number]] => [x.title, x]),
      ...Object.entries({ ...INSTRUCTIONS, ...RUN_FLAGS }),
    ];
    for (const [name, e] of entries) {
      if (!e.zh || !CJK.test(e.zh.title + e.zh.body)) {
        gaps.push(`${name}: no Chinese`);
        continue;
      }
      for (const term of new Set(e.body.match(/`[^`]+`/g) ?? [])) if (!e.zh.body.includes(term)) gaps.push(`${name}: ${term}`);
    }
    assert.deepEqual(gaps, []);
  });

  test('technical terms keep their names in Chinese: every capability name, flag and Compose key of a concept appears in its Chinese text', () => {
    const gaps: string[] = [];
    for (const c of ALL_CONCEPTS) {
      const en = texts(c)
        .map(([, x]) => x.en)
        .join('\n');
      const zh = texts(c)
        .map(([, x]) => x['zh-CN'] ?? '')
        .join('\n');
      for (const term of new Set(en.match(/`[^`]+`/g) ?? [])) if (!zh.includes(term)) gaps.push(`${c.id}: ${term}`);
    }
    // Code spans are names, paths, flags and commands: none of them is translated.
    assert.deepEqual(gaps, []);
  });

  test('package.json strings are %key% placeholders found in package.nls.json and package.nls.zh-cn.json', () => {
    const pkg = readFileSync(join(root, 'package.json'), 'utf8');
    const en = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const zh = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    const keys = [...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    for (const k of keys) assert.ok(k in en, `package.nls.json has ${k}`);
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), 'the same keys in both languages');
    for (const [k, v] of Object.entries(zh)) {
      if (k.endsWith('.media')) continue;
      assert.ok(CJK.test(v), `${k} is translated`);
    }
    // Command links stay intact in translations.
    for (const [k, v] of Object.entries(en))
      for (const link of v.match(/\(command:[^)]+\)/g) ?? []) assert.ok(zh[k].includes(link), `${k} keeps ${link}`);
  });

  test('the walkthrough has its media in both languages and its example files', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const nls = ['package.nls.json', 'package.nls.zh-cn.json'].map(
      (f) => JSON.parse(readFileSync(join(root, f), 'utf8')) as Record<string, string>,
    );
    const walk = pkg.contributes.walkthroughs[0];
    assert.ok(walk.steps.length >= 4 && walk.steps.length <= 6);
    for (const step of walk.steps) {
      const key = /^%(.+)%$/.exec(step.media.markdown)?.[1];
      assert.ok(key, `${step.id} media is localised`);
      for (const table of nls) assert.ok(existsSync(join(root, table[key])), `${table[key]} exists`);
    }
    for (const f of ['Dockerfile', 'compose.yaml']) assert.ok(existsSync(join(root, 'media/walkthrough/examples', f)));
  });
});

describe("facts checked against Docker's defaults", () => {
  const profile = JSON.parse(readFileSync(join(root, 'server/src/core/knowledge/generated/docker-default-seccomp.json'), 'utf8')) as {
    defaultAction: string;
    syscalls: {
      names: string[];
      action: string;
      includes?: { caps?: string[]; arches?: string[]; minKernel?: string };
      excludes?: object;
      args?: unknown[];
    }[];
  };

  test('whether Docker grants a capability matches its default list, in the data and in both texts', () => {
    for (const name of ALL_CAPS) {
      const c = capabilityConcept(name)!;
      const granted = (DOCKER_DEFAULT_CAPS as readonly string[]).includes(name);
      assert.equal(c.capability!.dockerDefault, granted, `CAP_${name}`);
      assert.match(c.sections.default.en, granted ? /^Docker grants/ : /^Docker does not grant/, `CAP_${name} default (en)`);
      assert.match(
        c.sections.default['zh-CN']!,
        granted ? /^Docker 默认授予每个容器/ : /^Docker 默认不授予/,
        `CAP_${name} default (zh-CN)`,
      );
    }
    const overview = conceptById('capabilities')!;
    for (const name of DOCKER_DEFAULT_CAPS)
      assert.ok(overview.sections.default.en.includes(name) && overview.sections.default['zh-CN']!.includes(name), name);
    // The CapEff mask the text shows for Docker's default set.
    const mask = DOCKER_DEFAULT_CAPS.reduce((m, c) => m | (1n << BigInt(ALL_CAPS.indexOf(c))), 0n);
    assert.ok(overview.sections.see.en.includes(mask.toString(16).padStart(16, '0')), `mask ${mask.toString(16)}`);
    const all = (1n << BigInt(ALL_CAPS.length)) - 1n;
    assert.ok(conceptById('privileged')!.sections.see.en.includes(all.toString(16).padStart(16, '0')));
  });

  test("the syscalls a capability unlocks match Docker's default seccomp profile", () => {
    const unlocks = new Map<string, Set<string>>();
    for (const e of profile.syscalls) {
      const caps = e.includes?.caps;
      if (e.action !== 'SCMP_ACT_ALLOW' || !caps || caps.length !== 1) continue;
      const name = caps[0].replace(/^CAP_/, '');
      const set = unlocks.get(name) ?? new Set<string>();
      for (const n of e.names) set.add(n);
      unlocks.set(name, set);
    }
    for (const name of ALL_CAPS) {
      const c = capabilityConcept(name)!;
      assert.deepEqual([...c.capability!.seccompUnlocks].sort(), [...(unlocks.get(name) ?? [])].sort(), `CAP_${name}`);
      for (const s of c.capability!.seccompUnlocks) assert.ok(c.sections.default.en.includes(`\`${s}\``), `CAP_${name} names ${s}`);
    }
  });

  test("the seccomp concept's claims about the default profile hold", () => {
    assert.equal(profile.defaultAction, 'SCMP_ACT_ERRNO');
    const always = new Set(
      profile.syscalls.filter((e) => e.action === 'SCMP_ACT_ALLOW' && !e.includes && !e.excludes && !e.args).flatMap((e) => e.names),
    );
    const gated = new Set(profile.syscalls.filter((e) => e.action === 'SCMP_ACT_ALLOW' && e.includes?.caps).flatMap((e) => e.names));
    const listed = new Set(profile.syscalls.flatMap((e) => e.names));
    assert.ok(always.size >= 340 && always.size <= 380, `about 360 allowed (${always.size})`);
    const text = conceptById('seccomp')!.sections.default.en;
    assert.match(text, /about 360 system calls/);
    for (const blocked of ['kexec_load', 'add_key', 'keyctl', 'userfaultfd', 'io_uring_setup', 'io_uring_enter', 'io_uring_register'])
      assert.ok(!always.has(blocked) && !gated.has(blocked), `${blocked} is blocked`);
    for (const g of ['mount', 'unshare', 'setns', 'init_module', 'bpf', 'perf_event_open'])
      assert.ok(gated.has(g) && !always.has(g), `${g} needs a capability`);
    assert.ok(!listed.has('kexec_load'));
    // clone is allowed only with a masked check of its flags for namespaces.
    assert.ok(profile.syscalls.some((e) => e.names.includes('clone') && e.args && !e.includes?.caps));
  });
});

describe('system calls', () => {
  test('every system call of the tables is a topic in both languages, with the default profile verdict', () => {
    const names = [...syscallNames()];
    assert.ok(names.length > 400);
    const verdictWords = { allowed: /allows `[a-z0-9_]+`\.$/, blocked: /blocks `/, conditional: /allows `[a-z0-9_]+` only / };
    // Words whose concept explains them better; the call is `name(2)`.
    const CONCEPT_FIRST = new Set(['seccomp', 'ipc', 'ulimit']);
    const gaps: string[] = [];
    for (const name of names) {
      const query = CONCEPT_FIRST.has(name) ? `${name}(2)` : name;
      const topic = findTopic(query);
      if (topic?.kind !== 'syscall') {
        gaps.push(`${name} → ${topic?.kind}`);
        continue;
      }
      const en = findConcept(query, 'en')!;
      const zh = findConcept(query, 'zh-CN')!;
      assert.match(en.summary, verdictWords[dockerVerdict(name)], name);
      assert.ok(CJK.test(zh.summary) && zh.sections.every((x) => CJK.test(x.body)), `${name} in Chinese`);
    }
    assert.deepEqual(gaps, []);
  });

  test('every system call of x86-64, arm64, the other tables and Docker’s profile has a one-line purpose in both languages', () => {
    const tables = SYSCALL_TABLES as Record<string, string[]>;
    const wanted = new Set([
      ...Object.values(tables).flat(),
      ...(DOCKER_PROFILE as { syscalls: { names: string[] }[] }).syscalls.flatMap((e) => e.names),
    ]);
    assert.ok(tables.x86_64.length > 350 && tables.aarch64.length > 300);
    const gaps: string[] = [];
    for (const name of [...wanted].sort()) {
      const p = syscallPurpose(name);
      if (!p) {
        gaps.push(name);
        continue;
      }
      assert.ok(p.en.length > 15 && p.en.length <= 110 && /\.$/.test(p.en) && !CJK.test(p.en), `${name}: ${p.en}`);
      assert.ok(CJK.test(p['zh-CN']) && p['zh-CN'].endsWith('。'), `${name}: ${p['zh-CN']}`);
    }
    assert.deepEqual(gaps, [], 'system calls without a purpose');
    // No entry for a name that is not a system call anywhere (a typo in the data).
    assert.deepEqual(
      Object.keys(PURPOSES).filter((n) => !wanted.has(n)),
      [],
    );
  });

  test('the purpose leads the explanation and the hover of a system call', () => {
    assert.ok(findConcept('unshare')!.sections[0].body.startsWith(syscallPurpose('unshare')!.en));
    assert.ok(findConcept('unshare', 'zh-CN')!.sections[0].body.startsWith(syscallPurpose('unshare')!['zh-CN']));
  });

  test('system calls and capabilities that share a name: lower case is the call, Docker’s upper case the capability', () => {
    assert.equal(findTopic('chown')?.kind, 'syscall');
    assert.equal(findConcept('CHOWN')?.id, 'cap-chown');
    assert.equal(findConcept('bpf')?.id, 'bpf');
    assert.equal(findConcept('BPF')?.id, 'cap-bpf');
    assert.equal(findConcept('unshare(2)')?.id, 'unshare');
    assert.equal(findConcept('mount')?.id, 'mount');
    assert.equal(findConcept('--mount')?.id, 'bind-mounts');
    const unshare = findConcept('unshare')!;
    assert.ok(unshare.related.some((r) => r.id === 'cap-sys-admin'));
    assert.match(findConcept('clone3')!.summary, /ENOSYS/);
    assert.match(findConcept('kexec_load', 'zh-CN')!.summary, /阻止/);
  });
});

describe('lookup', () => {
  const cases: [string, string][] = [
    ['CAP_SYS_ADMIN', 'cap-sys-admin'],
    ['cap_sys_admin', 'cap-sys-admin'],
    ['sys_admin', 'cap-sys-admin'],
    ['SYS_ADMIN', 'cap-sys-admin'],
    ['cap-sys-admin', 'cap-sys-admin'],
    ['net_bind_service', 'cap-net-bind-service'],
    ['pid namespace', 'ns-pid'],
    ['pid-namespace', 'ns-pid'],
    ['PID_Namespace', 'ns-pid'],
    ['user namespace', 'ns-user'],
    ['network namespace', 'ns-net'],
    ['--pid', 'ns-pid'],
    ['userns_mode', 'ns-user'],
    ['--cgroupns', 'ns-cgroup'],
    ['cgroup', 'cgroups'],
    ['cgroup v2', 'cgroups'],
    ['pids_limit', 'cgroup-pids'],
    ['--pids-limit', 'cgroup-pids'],
    ['pids-limit', 'cgroup-pids'],
    ['deploy.resources.limits.memory', 'cgroup-memory'],
    ['mem_limit', 'cgroup-memory'],
    ['--memory-swap', 'cgroup-memory'],
    ['memswap_limit', 'cgroup-memory'],
    ['-m', 'cgroup-memory'],
    ['--cpus', 'cgroup-cpu'],
    ['cpu_shares', 'cgroup-cpu'],
    ['--cpuset-cpus', 'cgroup-cpu'],
    ['blkio', 'cgroup-io'],
    ['--device-write-bps', 'cgroup-io'],
    ['oom killer', 'cgroup-memory'],
    ['seccomp', 'seccomp'],
    ['seccomp=unconfined', 'seccomp'],
    ['SCMP_ACT_ERRNO', 'seccomp'],
    ['apparmor', 'apparmor'],
    ['apparmor=unconfined', 'apparmor'],
    ['docker-default', 'apparmor'],
    ['label=disable', 'selinux'],
    ['label=type:spc_t', 'selinux'],
    [':Z', 'selinux'],
    ['no-new-privileges', 'no-new-privileges'],
    ['no-new-privileges:true', 'no-new-privileges'],
    ['read_only', 'read-only-rootfs'],
    ['--tmpfs', 'read-only-rootfs'],
    ['userns-remap', 'userns-remap'],
    ['subuid', 'userns-remap'],
    ['rootless', 'rootless'],
    ['privileged', 'privileged'],
    ['--privileged', 'privileged'],
    ['cap_add', 'capabilities'],
    ['--cap-drop', 'capabilities'],
    ['security_opt', 'security-opt'],
    ['docker.sock', 'bind-mounts'],
    ['--device', 'devices'],
    ['sysctls', 'sysctls'],
    ['--ulimit', 'ulimits'],
    ['user', 'non-root-user'],
    ['namespaces', 'namespaces'],
  ];
  for (const [query, id] of cases) test(`"${query}" is ${id}`, () => assert.equal(findConcept(query)?.id, id));

  test('rule ids and names go to the rule registry', () => {
    assert.equal(findTopic('CT1001')?.kind, 'rule');
    assert.equal(findConcept('ct1001')?.id, 'CT1001');
    assert.equal(findConcept('no-user')?.id, 'CT1001');
    assert.equal(findConcept('nothing like this'), undefined);
    assert.equal(findConcept('  '), undefined);
  });

  test('suggestions for typos and near words', () => {
    assert.equal(suggest('sys_admn')[0]?.id, 'cap-sys-admin');
    assert.ok(suggest('namspace').some((s) => s.id === 'namespaces' || s.id.startsWith('ns-')));
    assert.ok(suggest('memory swap limit').some((s) => s.id === 'cgroup-memory'));
    assert.ok(suggest('no-usr').some((s) => s.id === 'CT1001'));
    assert.deepEqual(suggest('zzzzqqq'), []);
    assert.ok(suggest('capabilty').length <= 5);
  });

  test('languages from VS Code, POSIX locales and --lang', () => {
    for (const l of ['zh-cn', 'zh-CN', 'zh-hans', 'zh']) assert.equal(langFromLocale(l), 'zh-CN', l);
    for (const l of ['en', 'en-us', 'zh-tw', 'zh-hant', 'de', undefined]) assert.equal(langFromLocale(l), 'en', String(l));
    assert.equal(langFromEnv({ LANG: 'zh_CN.UTF-8' }), 'zh-CN');
    assert.equal(langFromEnv({ LANG: 'zh_TW.UTF-8' }), 'zh-CN');
    assert.equal(langFromEnv({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }), 'en', 'LC_ALL wins');
    assert.equal(langFromEnv({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh-CN', 'LC_MESSAGES before LANG');
    assert.equal(langFromEnv({}), 'en');
    assert.equal(parseLang('zh-CN'), 'zh-CN');
    assert.equal(parseLang('zh_cn'), 'zh-CN');
    assert.equal(parseLang('EN'), 'en');
    assert.equal(parseLang('fr'), undefined);
  });
});

describe('terminal text', () => {
  test('wrapping counts Chinese characters as two columns and keeps closing punctuation on its line', () => {
    assert.equal(displayWidth('容器abc'), 7);
    const lines = wrap('每个容器都有自己的 PID namespace。共享宿主机的 namespace 之后,容器可以看到所有进程,这很危险。', 20, '  ');
    for (const l of lines) assert.ok(displayWidth(l) <= 21, `${l} (${displayWidth(l)})`);
    for (const l of lines) assert.ok(!/^\s*[,。;:)]/.test(l), `no line starts with closing punctuation: ${l}`);
    assert.equal(
      lines.join('').replace(/\s/g, ''),
      '每个容器都有自己的PIDnamespace。共享宿主机的namespace之后,容器可以看到所有进程,这很危险。',
    );
  });

  test('no Markdown marks reach the terminal', () => {
    for (const id of ['cap-sys-admin', 'seccomp', 'ns-user', 'cgroup-memory'])
      for (const lang of LANGS) {
        const out = renderText(findConcept(id, lang)!, 80);
        assert.doesNotMatch(out, /`|\*\*|\]\(|```/, `${id} ${lang}`);
      }
  });
});

describe('containment explain', () => {
  const run = (args: string[], term: Partial<Terminal> = {}) => {
    let out = '';
    let err = '';
    const code = explainCommand(
      args,
      (s) => (out += s),
      (s) => (err += s),
      { isTTY: false, env: {}, ...term },
    );
    return { code, out, err };
  };

  test('a system call', () => {
    const r = run(['unshare']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^unshare \(system call\)\nDocker's default profile allows unshare only with CAP_SYS_ADMIN\./);
    assert.match(run(['unshar']).err, /Did you mean: unshare/);
  });

  test('a capability, in English by default', () => {
    const r = run(['CAP_SYS_ADMIN']);
    assert.equal(r.code, 0, r.err);
    assert.ok(r.out.startsWith('CAP_SYS_ADMIN: the catch-all administration capability\n'));
    for (const h of [
      'What it is',
      'What it allows',
      "Docker's default",
      'Why it matters',
      'What to do',
      'See it for yourself',
      'References',
    ])
      assert.match(r.out, new RegExp(`^${h}$`, 'm'));
    assert.match(r.out, /^ {4}\$ docker exec <container> grep Cap \/proc\/1\/status$/m, 'commands indented, not wrapped');
    assert.equal(r.err, '');
  });

  test('words after explain form one topic; --lang and the locale pick Chinese', () => {
    const en = run(['pid', 'namespace']);
    assert.equal(en.code, 0);
    assert.match(en.out, /^PID namespace: which processes a container can see$/m);
    for (const r of [
      run(['pid namespace', '--lang', 'zh-CN']),
      run(['--lang=zh-cn', 'pid namespace']),
      run(['pid namespace'], { env: { LANG: 'zh_CN.UTF-8' } }),
    ]) {
      assert.equal(r.code, 0);
      assert.match(r.out, /^PID namespace：容器能看到哪些进程$/m);
      assert.match(r.out, /^动手查看$/m);
    }
    assert.match(
      run(['pid namespace', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } }).out,
      /^What it isolates$/m,
      '--lang wins over the locale',
    );
  });

  test('flags and Compose keys are topics', () => {
    assert.match(run(['--pids-limit']).out, /^PIDs limit/);
    assert.match(run(['pids_limit']).out, /^PIDs limit/);
    assert.match(run(['no-new-privileges']).out, /^no-new-privileges/);
  });

  test('a rule, with its Chinese text when the rule has one', () => {
    const r = run(['CT1001', '--lang', 'zh-CN']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^CT1001 no-user: /);
    assert.match(r.out, /^为什么重要$/m);
  });

  test('wrapped to the terminal width on a TTY, one line per paragraph otherwise', () => {
    const tty = run(['seccomp'], { isTTY: true, columns: 60 });
    for (const line of tty.out.split('\n'))
      if (!/^ {4}\$ |^ {2}- .*: https:/.test(line)) assert.ok(displayWidth(line.replace(ANSI, '')) <= 60, line);
    assert.ok(tty.out.includes('\u001b[1m'), 'bold headings on a terminal');
    assert.ok(!run(['seccomp'], { isTTY: true, columns: 60, env: { NO_COLOR: '1' } }).out.includes('\u001b'));
    const zh = run(['seccomp', '--lang', 'zh-CN'], { isTTY: true, columns: 50 });
    for (const line of zh.out.split('\n'))
      if (!/^ {4}\$ |^ {2}- .*: https:/.test(line)) assert.ok(displayWidth(line.replace(ANSI, '')) <= 50, line);
    const piped = run(['seccomp']);
    assert.ok(
      piped.out.split('\n').some((l) => l.length > 120),
      'a paragraph stays on one line',
    );
  });

  test('unknown topics suggest the closest and exit 2; so do a missing topic and a bad --lang', () => {
    const r = run(['sys_admn']);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /no topic "sys_admn"\. Did you mean: cap-sys-admin/);
    const far = run(['zzzzqqq']);
    assert.equal(far.code, 2);
    assert.match(far.err, /Run `containment rules`/);
    assert.equal(run([]).code, 2);
    const lang = run(['seccomp', '--lang', 'fr']);
    assert.equal(lang.code, 2);
    assert.match(lang.err, /--lang takes en or zh-CN, not "fr"/);
    assert.equal(run(['seccomp', '--lang']).code, 2);
  });
});

test('docs/concepts is generated from the knowledge base and not stale', () => {
  const files = conceptFiles();
  // Per language: a page per concept, the index and the table of system calls.
  assert.equal(files.size, 2 * (ALL_CONCEPTS.length + 2));
  assert.match(files.get('syscalls.md')!, /\| <a id="unshare"><\/a>`unshare` \| Move the calling process into new namespaces/);
  assert.match(files.get('zh-CN/syscalls.md')!, /\| <a id="unshare"><\/a>`unshare` \| 让调用进程进入新的 namespace/);
  for (const [rel, text] of files) {
    const file = join(root, 'docs/concepts', rel);
    assert.ok(existsSync(file), `docs/concepts/${rel} exists (run npm run gen)`);
    assert.equal(readFileSync(file, 'utf8'), text, `docs/concepts/${rel} is stale (run npm run gen)`);
  }
});
