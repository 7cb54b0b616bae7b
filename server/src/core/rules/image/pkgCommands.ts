// Package-manager commands in RUN instructions: which manager, which action, which options and
// which package words, with their ranges (pure core layer). A heuristic reading of the words that
// runText.ts produces; used by image rules CT1010 (signature checks), CT1012 (sshd) and CT1018
// (build tools).

import type { RunInstr, Word } from '../../model/image';
import { programOf, shellCommands, type ShellCommand } from './runText';
import { bare } from './wordEdit';

export type Manager = 'apt' | 'apk' | 'yum' | 'zypper' | 'rpm';

export interface PkgCommand {
  manager: Manager;
  /** The program as written, without a path: `apt-get`, `dnf`, `microdnf`. */
  program: string;
  cmd: ShellCommand;
  run: RunInstr;
  /** The sub-command: install, add, del, purge, groupinstall… (rpm: derived from -i/-U/-e). */
  action?: string;
  /** Option words after the program, each with the word holding its value when it is separate. */
  options: { word: Word; name: string; value?: string; valueWord?: Word }[];
  /** Arguments after the action that are not options: package names, files, `$VAR`s. */
  packages: Word[];
}

const PROGRAMS: Record<string, Manager> = {
  'apt-get': 'apt',
  apt: 'apt',
  aptitude: 'apt',
  apk: 'apk',
  yum: 'yum',
  dnf: 'yum',
  dnf5: 'yum',
  microdnf: 'yum',
  tdnf: 'yum',
  'yum-config-manager': 'yum',
  zypper: 'zypper',
  rpm: 'rpm',
};

/** Options that take their value from the next word when written without `=`. */
const VALUE_OPTIONS: Record<Manager, string[]> = {
  apt: ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release'],
  apk: ['--virtual', '-t', '--repository', '-X', '--root', '-p', '--keys-dir', '--cache-dir', '--arch', '--repositories-file'],
  yum: [
    '--setopt',
    '--enablerepo',
    '--disablerepo',
    '--repo',
    '--repoid',
    '--installroot',
    '--releasever',
    '-c',
    '--config',
    '--exclude',
    '-x',
    '--forcearch',
    '--downloaddir',
    '--destdir',
    '--repofrompath',
    '--disableplugin',
    '--enableplugin',
  ],
  zypper: ['-r', '--repo', '--root', '-R', '--from', '-t', '--type', '-p'],
  rpm: ['--root', '--dbpath', '--define', '-D', '--excludepath', '--prefix', '--relocate'],
};

export function parsePkgCommand(run: RunInstr, cmd: ShellCommand): PkgCommand | undefined {
  const prog = programOf(cmd);
  if (!prog) return undefined;
  const manager = PROGRAMS[prog.name];
  if (!manager) return undefined;
  const options: PkgCommand['options'] = [];
  const packages: Word[] = [];
  let action: string | undefined;
  const valueOpts = VALUE_OPTIONS[manager];
  const words = cmd.words;
  for (let i = prog.index + 1; i < words.length; i++) {
    const w = words[i];
    const v = bare(w.value);
    if (v.startsWith('-') && v.length > 1) {
      const eq = v.indexOf('=');
      const name = eq > 0 ? v.slice(0, eq) : v;
      if (eq > 0) options.push({ word: w, name, value: v.slice(eq + 1) });
      else if (valueOpts.includes(v) && i + 1 < words.length) {
        options.push({ word: w, name, value: bare(words[i + 1].value), valueWord: words[i + 1] });
        i++;
      } else if (manager === 'apt' && /^-o\S/.test(v)) {
        options.push({ word: w, name: '-o', value: v.slice(2) });
      } else options.push({ word: w, name });
      continue;
    }
    if (action === undefined && manager !== 'rpm') action = v.toLowerCase();
    else packages.push(w);
  }
  if (manager === 'rpm') {
    const short = options.filter((o) => /^-[a-zA-Z]+$/.test(o.name)).map((o) => o.name.slice(1));
    const long = options.map((o) => o.name);
    if (long.includes('--query') || long.includes('--verify') || short.some((s) => /[qVK]/.test(s))) action = 'query';
    else if (long.includes('--install') || short.some((s) => s.includes('i'))) action = 'install';
    else if (long.includes('--upgrade') || long.includes('--reinstall') || short.some((s) => s.includes('U'))) action = 'install';
    else if (long.includes('--freshen') || short.some((s) => s.includes('F'))) action = 'install';
    else if (long.includes('--erase') || short.some((s) => s.includes('e'))) action = 'erase';
  }
  // `dnf group install …`, `zypper in`, `apt-get install`…: normalise two-word and short actions.
  if (action === 'group' && packages.length > 0) {
    const sub = bare(packages[0].value).toLowerCase();
    if (sub === 'install' || sub === 'remove') {
      action = `group${sub}`;
      packages.shift();
    }
  }
  if (manager === 'zypper' && (action === 'in' || action === 'install')) action = 'install';
  if (manager === 'zypper' && (action === 'rm' || action === 'remove')) action = 'remove';
  return { manager, program: prog.name, cmd, run, action, options, packages };
}

/** Computed once per RUN instruction, on first use; see pkgCommands. */
const PKG_COMMANDS = new WeakMap<RunInstr, PkgCommand[]>();

/** Every package-manager command of a RUN instruction, in order; shared by the rules that read them (do not modify). */
export function pkgCommands(run: RunInstr): PkgCommand[] {
  let cmds = PKG_COMMANDS.get(run);
  if (!cmds) PKG_COMMANDS.set(run, (cmds = scanPkgCommands(run)));
  return cmds;
}

function scanPkgCommands(run: RunInstr): PkgCommand[] {
  const out: PkgCommand[] = [];
  for (const cmd of shellCommands(run)) {
    const p = parsePkgCommand(run, cmd);
    if (p) out.push(p);
  }
  return out;
}

export function isInstall(p: PkgCommand): boolean {
  switch (p.manager) {
    case 'apt':
      return p.action === 'install';
    case 'apk':
      return p.action === 'add';
    case 'yum':
      return p.action === 'install' || p.action === 'groupinstall' || p.action === 'localinstall';
    case 'zypper':
      return p.action === 'install';
    case 'rpm':
      return p.action === 'install';
  }
}

export function isRemoval(p: PkgCommand): boolean {
  switch (p.manager) {
    case 'apt':
      return p.action === 'remove' || p.action === 'purge' || p.action === 'autoremove' || p.action === 'autopurge';
    case 'apk':
      return p.action === 'del';
    case 'yum':
      return p.action === 'remove' || p.action === 'erase' || p.action === 'autoremove' || p.action === 'groupremove';
    case 'zypper':
      return p.action === 'remove';
    case 'rpm':
      return p.action === 'erase';
  }
}

/** A package word without its version, release or architecture: `gcc=4:12.2.0-3` → `gcc`. */
export function packageName(word: string): string {
  let v = bare(word);
  v = v.replace(/@[\w.-]+$/, ''); // apk repository tag: gcc@edge
  v = v.replace(/[=<>~].*$/, ''); // apt/apk versions
  v = v.replace(/\/[\w.-]+$/, ''); // apt target release: git/bookworm-backports
  v = v.replace(/:(amd64|arm64|armhf|i386|all)$/, ''); // apt architecture
  v = v.replace(/\.(x86_64|aarch64|noarch|i686|ppc64le|s390x)$/, ''); // rpm architecture
  return v;
}
