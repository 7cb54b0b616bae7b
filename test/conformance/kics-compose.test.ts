// Conformance against the KICS Docker Compose corpus (../shared/corpus/kics/dockerCompose, optional:
// see ../shared/corpus/README.md). For every KICS query that maps to Containment rules, the rules
// must fire on every line KICS expects in the positive files and never in the negative files, except
// where we deliberately disagree with KICS (KNOWN_DIFFERENCES, each with its reason). Queries out of
// Containment's scope are listed in UNMAPPED with the reason. The test prints a table.
//
// Lines: KICS names the key of the YAML block it objects to (`ports:`, `deploy:`, the service key),
// Containment names the value itself (the port entry) or, for something missing, the service key.
// A finding stands for an expected line when it is on that line, inside the block that starts on
// that line, or when the expected line is inside the block of the key the finding is on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CORPUS_ROOT, conformanceSuite, type KnownDifference } from './kics';

/** KICS query folder → the Containment rule(s) that cover it. */
const MAPPING: Record<string, string[]> = {
  cgroup_not_default: ['CT2021'],
  // KICS wants capabilities dropped and none of a few added: CT2003 (no cap_drop ALL) and CT2002
  // (dangerous cap_add) together.
  container_capabilities_unrestricted: ['CT2002', 'CT2003'],
  container_traffic_not_bound_to_host_interface: ['CT2017'],
  cpus_not_limited: ['CT2015'],
  default_seccomp_profile_disabled: ['CT2004'],
  docker_socket_mounted_in_container: ['CT2008'],
  healthcheck_not_set: ['CT2027'],
  host_namespace_is_shared: ['CT2012'],
  memory_not_limited: ['CT2014'],
  no_new_privileges_not_set: ['CT2007'],
  pids_limit_not_set: ['CT2016'],
  privileged_containers_enabled: ['CT2001'],
  privileged_ports_mapped_in_container: ['CT2018'],
  restart_policy_on_failure_not_set_to_5: ['CT2022'],
  // KICS asks for some `security_opt`; the option that matters when none is set is
  // no-new-privileges (the confinement options have their own rules, CT2004–CT2006).
  security_opt_not_set: ['CT2007'],
  shared_host_ipc_namespace: ['CT2012'],
  shared_host_network_namespace: ['CT2012'],
  shared_host_user_namespace: ['CT2012'],
  volume_has_sensitive_host_directory: ['CT2009'],
  // Despite its name, the KICS query is about shared/slave mount propagation.
  volume_mounted_in_multiple_containers: ['CT2010'],
};

/** KICS query folder → why Containment does not map it. */
const UNMAPPED: Record<string, string> = {
  shared_volumes_between_containers:
    'two services mounting the same named volume is how Compose shares data on purpose (an app and its backup job); it does not weaken the boundary between a container and the host, and no Containment rule reports it',
};

const HEALTHCHECK_UNSEEN =
  'the service builds from ./ (not part of the corpus), so whether its image defines HEALTHCHECK is unknown; CT2027 reports a missing health check only when it can read the Dockerfile (see the rule doc)';
const CONTAINER_SIDE_PORT =
  'KICS flags the container side of the mapping (or a container-only port that Docker publishes on a random high host port); only a host port below 1024 is privileged on the host, which is what CT2018 reports';
const BOUNDED_RESTART =
  'KICS requires exactly on-failure:5; CT2022 reports restart policies without any bound (always, unless-stopped, on-failure without a count) and accepts every retry bound';
const PUBLISHED_WITH_IP =
  '`published: 127.0.0.1:8080` is not Compose long syntax: `published` is the host port and the address belongs in `host_ip` (compose-spec#173; docker-compose rejected it, docker/compose#6753); Containment reads the mapping as having no address, that is all interfaces';
const JOINS_CONTAINER_NS =
  "joining another container's or service's namespace (`container:…`, `service:…`) shares that container's processes or IPC objects; CT2012 reports it by design, KICS only reports `host`";
const SLAVE_PROPAGATION =
  '`slave`/`rslave` propagation only lets host mounts appear in the container; nothing the container mounts reaches the host, so CT2010 reports only `shared`/`rshared` (see the rule doc)';

/** Cases where Containment deliberately disagrees with KICS. A difference that stops happening fails the test, so this list stays true. */
const KNOWN_DIFFERENCES: KnownDifference[] = [
  { query: 'healthcheck_not_set', file: 'positive1.yaml', line: 4, kind: 'missed', reason: HEALTHCHECK_UNSEEN },
  ...[2, 4, 5, 7, 8, 10, 11, 12].map((n): KnownDifference => ({
    query: 'privileged_ports_mapped_in_container',
    file: `positive${n}.yaml`,
    line: 11,
    kind: 'missed',
    reason: CONTAINER_SIDE_PORT,
  })),
  ...(
    [
      ['positive1.yaml', 6],
      ['positive1.yaml', 17],
      ['positive2.yaml', 15],
      ['positive3.yaml', 6],
      ['positive4.yaml', 17],
    ] as const
  ).map(([file, line]): KnownDifference => ({
    query: 'restart_policy_on_failure_not_set_to_5',
    file,
    line,
    kind: 'missed',
    reason: BOUNDED_RESTART,
  })),
  ...[4, 5, 6].map((n): KnownDifference => ({
    query: 'container_traffic_not_bound_to_host_interface',
    file: `negative${n}.yaml`,
    line: 12,
    kind: 'false alarm',
    reason: PUBLISHED_WITH_IP,
  })),
  {
    query: 'default_seccomp_profile_disabled',
    file: 'positive1.yaml',
    line: 13,
    kind: 'missed',
    reason:
      '`label:seccomp:unconfined` is an SELinux `label` option whose value is `seccomp:unconfined`, not a seccomp setting (Docker rejects it as a label option); the default seccomp profile stays on',
  },
  { query: 'host_namespace_is_shared', file: 'negative1.yaml', line: 10, kind: 'false alarm', reason: JOINS_CONTAINER_NS },
  { query: 'host_namespace_is_shared', file: 'negative2.yaml', line: 10, kind: 'false alarm', reason: JOINS_CONTAINER_NS },
  { query: 'shared_host_ipc_namespace', file: 'negative2.yaml', line: 7, kind: 'false alarm', reason: JOINS_CONTAINER_NS },
  { query: 'shared_host_ipc_namespace', file: 'negative2.yaml', line: 12, kind: 'false alarm', reason: JOINS_CONTAINER_NS },
  {
    query: 'security_opt_not_set',
    file: 'negative1.yaml',
    line: 4,
    kind: 'false alarm',
    reason:
      'the service has a `security_opt`, but only `apparmor:unconfined`: it still lacks no-new-privileges, which CT2007 reports (CT2005 reports the unconfined AppArmor profile)',
  },
  {
    query: 'volume_has_sensitive_host_directory',
    file: 'positive1.yaml',
    line: 11,
    kind: 'missed',
    reason: '`- /var/lib/backup/data` is an anonymous volume at that container path, not a host directory; nothing of the host is mounted',
  },
  {
    query: 'volume_has_sensitive_host_directory',
    file: 'positive2.yaml',
    line: 18,
    kind: 'missed',
    reason:
      'the named volume binds /var/lib/backup/data through the local driver (the parser follows it), but that directory is not one of the sensitive host paths CT2009 knows (/, /etc, /proc, /sys, /dev, /boot, /root, /var/lib/docker, engine sockets)',
  },
  {
    query: 'volume_has_sensitive_host_directory',
    file: 'positive3.yaml',
    line: 12,
    kind: 'missed',
    reason:
      'a top-level volume definition with no service using it, whose plugin mountpoint is /var/data: nothing is mounted into a container, and /var/data is not a sensitive host path',
  },
  ...[3, 4].map((n): KnownDifference => ({
    query: 'volume_mounted_in_multiple_containers',
    file: `positive${n}.yaml`,
    line: 15,
    kind: 'missed',
    reason: SLAVE_PROPAGATION,
  })),
];

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The last 1-based line of the YAML block that starts on 1-based `line`: the lines below it that are indented deeper. */
export function blockEnd(lines: string[], line: number): number {
  const first = lines[line - 1];
  if (first === undefined || first.trim() === '') return line;
  const indent = indentOf(first);
  let end = line;
  for (let i = line; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    if (indentOf(l) <= indent) break;
    end = i + 1;
  }
  return end;
}

/** Does a finding stand for the 1-based line KICS expects (see the header comment)? */
function covers(f: { range: { start: { line: number }; end: { line: number } } }, line: number, lines: string[]): boolean {
  const start = f.range.start.line + 1;
  const end = f.range.end.line + 1;
  if (start <= line && line <= end) return true;
  if (line < start && start <= blockEnd(lines, line)) return true;
  return start < line && line <= blockEnd(lines, start);
}

void test('blockEnd: a key owns the deeper-indented lines below it', () => {
  const lines = [
    'services:',
    '  web:',
    '    ports:',
    '      - "80:80"',
    '',
    '      # note',
    '      - "443:443"',
    '    image: x',
    'volumes:',
  ];
  assert.equal(blockEnd(lines, 1), 8);
  assert.equal(blockEnd(lines, 2), 8);
  assert.equal(blockEnd(lines, 3), 7);
  assert.equal(blockEnd(lines, 4), 4);
  assert.equal(blockEnd(lines, 8), 8);
  assert.equal(blockEnd(lines, 9), 9);
});

conformanceSuite<string[]>({
  title: 'KICS Docker Compose conformance',
  dir: join(CORPUS_ROOT, 'dockerCompose'),
  analyseAs: 'compose.yaml',
  mapping: MAPPING,
  unmapped: UNMAPPED,
  known: KNOWN_DIFFERENCES,
  minFiles: 50,
  context: (text) => text.split(/\r?\n/),
  covers,
});
