// Dockerfile text → ImageModel, through dockerfile-ast (pure core layer).
// The only place that touches dockerfile-ast; rules read the model and never re-parse.

import { DockerfileParser, type Instruction, type Flag, type From, type Heredoc, type Property } from 'dockerfile-ast';
import { TextDoc } from '../text';
import type { Range } from '../types';
import type {
  BaseFamily,
  CommentInfo,
  DirectiveInfo,
  FromInfo,
  ImageModel,
  Instr,
  InstrFlag,
  RunInstr,
  RunMount,
  Stage,
  UserInfo,
} from '../model/image';
import { substitute } from './vars';

/** A copy of a range, `dl` lines further down. */
function copyRange(r: Range, dl = 0): Range {
  return { start: { line: r.start.line + dl, character: r.start.character }, end: { line: r.end.line + dl, character: r.end.character } };
}

function flagsOf(i: Instruction): Flag[] {
  const f = (i as unknown as { getFlags?: () => Flag[] }).getFlags;
  return typeof f === 'function' ? f.call(i) : [];
}

/** The instruction's here-documents (dockerfile-ast declares the accessor on RUN and COPY, and has it on every instruction). */
function heredocsOf(i: Instruction): Heredoc[] {
  const h = (i as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs;
  return typeof h === 'function' ? h.call(i) : [];
}

function toFlag(f: Flag, dl = 0): InstrFlag {
  const vr = f.getValueRange();
  return { name: f.getName(), value: f.getValue(), range: copyRange(f.getRange(), dl), valueRange: vr ? copyRange(vr, dl) : null };
}

function parseMount(f: Flag, dl: number): RunMount {
  const options: Record<string, string> = {};
  for (const part of (f.getValue() ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) options[part.trim()] = 'true';
    else options[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return { type: options.type ?? 'bind', options, range: copyRange(f.getRange(), dl) };
}

/** Splits `registry/repo:tag@digest` the way Docker does (a registry has a dot, a colon or is localhost). */
export function splitImageRef(ref: string): { registry?: string; repository: string; tag?: string; digest?: string } {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { registry, repository: rest, tag, digest };
}

/** Guess the base image family from its name and tag, for fixes that create users. */
export function familyOf(ref: string | undefined): BaseFamily {
  if (!ref) return 'unknown';
  const r = ref.toLowerCase();
  if (r === 'scratch') return 'scratch';
  if (/distroless|chainguard|cgr\.dev|wolfi/.test(r)) return 'distroless';
  if (/alpine/.test(r)) return 'alpine';
  if (/(^|\/)(ubi\d*|ubi\d*-minimal|centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|rhel\w*)([:/@]|$)/.test(r)) return 'rhel';
  if (/(^|\/)(debian|ubuntu|buildpack-deps)([:/@]|$)/.test(r)) return 'debian';
  if (/slim|bookworm|bullseye|buster|trixie|jammy|noble|focal/.test(r)) return 'debian';
  // Official language images without a variant are Debian based.
  if (
    /^(docker\.io\/)?(library\/)?(node|python|ruby|golang|openjdk|eclipse-temurin|php|perl|rust|maven|gradle|elixir|erlang|haskell|julia|r-base|nginx|httpd|postgres|redis|mysql|mariadb|mongo)([:@]|$)/.test(
      r,
    )
  )
    return 'debian';
  return 'unknown';
}

function isRootUser(user: string | undefined): boolean | undefined {
  if (user === undefined) return undefined;
  if (user === '') return undefined;
  return user === 'root' || /^0+$/.test(user);
}

/** An instruction as read from the text, with what buildModel needs beyond the Instr itself. */
export interface ReadInstr {
  instr: Instr;
  /** FROM: the image as written and its range, the stage name and its range, the platform flag. */
  from?: { image: string; imageRange: Range; stageName?: string; stageNameRange?: Range; platform?: InstrFlag };
  /** ARG and ENV: the name/value pairs as the builder reads them. */
  props?: { name: string; value: string | undefined }[];
}

/** What the text says, instruction by instruction, before stages are put together (see buildModel). */
export interface DockerfileSyntax {
  escapeChar: string;
  directives: DirectiveInfo[];
  comments: CommentInfo[];
  instructions: ReadInstr[];
}

/**
 * Makes the instruction answer from arguments computed once. dockerfile-ast recomputes an
 * instruction's arguments (a character scan plus a position lookup per word) on every call, and
 * its accessors (arguments content, image, stage name, properties, heredocs) each call it again.
 * The parsed tree is ours and dropped after reading, so the instance itself is changed.
 */
function memoiseArguments(raw: Instruction): ReturnType<Instruction['getArguments']> {
  const args = raw.getArguments();
  raw.getArguments = () => args.slice();
  return args;
}

/**
 * Reads the instructions, comments and directives of a Dockerfile through dockerfile-ast. `doc`
 * must be the TextDoc of `text`. For a part of a larger file (see dockerfileParts.ts), `at` places
 * it: its lines are `at.line` lines further down and its first FROM starts stage `at.stage`
 * (instructions before a FROM are in stage `at.stage - 1`).
 */
export function readDockerfile(text: string, doc: TextDoc, at = { line: 0, stage: 0 }): DockerfileSyntax {
  const df = DockerfileParser.parse(text);
  const dl = at.line;
  const directives: DirectiveInfo[] = df.getDirectives().map((d) => ({
    name: d.getName(),
    value: d.getValue(),
    range: copyRange(d.getRange(), dl),
  }));
  const comments: CommentInfo[] = df.getComments().map((c) => ({
    text: c.getContent().trim(),
    line: c.getRange().start.line + dl,
    range: copyRange(c.getRange(), dl),
  }));
  const instructions: ReadInstr[] = [];
  let stage = at.stage - 1;
  for (const raw of df.getInstructions()) {
    const keyword = raw.getKeyword().toUpperCase();
    const flags = flagsOf(raw);
    // Fresh objects on every call, referenced by nothing else: the model keeps the ranges as they are.
    const args = memoiseArguments(raw);
    if (keyword === 'FROM') stage++;
    const base: Instr = {
      keyword,
      range: copyRange(raw.getRange(), dl),
      keywordRange: copyRange(raw.getInstructionRange(), dl),
      args: args.map((a) => ({ value: a.getValue(), range: dl === 0 ? a.getRange() : copyRange(a.getRange(), dl) })),
      flags: flags.map((f) => toFlag(f, dl)),
      argsText: raw.getArgumentsContent() ?? '',
      stage,
    };
    // dockerfile-ast finds here-documents in RUN, COPY, ADD and ONBUILD; only text with << can hold one.
    const rawHeredocs = base.argsText.includes('<<') ? heredocsOf(raw) : [];
    if (rawHeredocs.some((h) => h.getDelimiterRange() === null)) base.openHeredoc = true;
    if (keyword === 'FROM') {
      const from = raw as unknown as From;
      const imageArg = base.args[0];
      const stageNameRange = from.getBuildStageRange();
      const imageRange = from.getImageRange();
      const platform = flags.find((f) => f.getName() === 'platform');
      instructions.push({
        instr: base,
        from: {
          image: from.getImage() ?? imageArg?.value ?? '',
          // The argument's and the instruction's ranges are already placed.
          imageRange: imageRange ? copyRange(imageRange, dl) : copyRange(imageArg?.range ?? base.range),
          stageName: from.getBuildStage() ?? undefined,
          stageNameRange: stageNameRange ? copyRange(stageNameRange, dl) : undefined,
          platform: platform ? toFlag(platform, dl) : undefined,
        },
      });
    } else if (keyword === 'ARG' || keyword === 'ENV') {
      const props = (raw as unknown as { getProperties(): Property[] }).getProperties();
      instructions.push({ instr: base, props: props.map((p) => ({ name: p.getName(), value: p.getValue() ?? undefined })) });
    } else if (keyword === 'RUN') {
      const run = raw as unknown as { getJSONStrings(): { getValue(): string }[] };
      const json = run.getJSONStrings();
      const form: RunInstr['form'] = json.length > 0 && base.argsText.trim().startsWith('[') ? 'exec' : 'shell';
      const mounts = flags.filter((f) => f.getName() === 'mount').map((f) => parseMount(f, dl));
      const network = base.flags.find((f) => f.name === 'network');
      const security = base.flags.find((f) => f.name === 'security');
      // Only a word starting with << defines a heredoc; finding their bodies scans the whole instruction.
      const heredocs = (args.some((a) => a.getValue().startsWith('<<')) ? rawHeredocs : []).map((h) => {
        const cr = h.getContentRange();
        return { name: h.getName(), content: cr ? doc.textIn(cr) : '', contentRange: cr ? copyRange(cr, dl) : null };
      });
      let script = base.argsText;
      const flagPrefix = /^(\s*--[a-zA-Z-]+(=("[^"]*"|\S*))?\s+)*/.exec(script)?.[0] ?? '';
      script = script.slice(flagPrefix.length);
      if (form === 'exec') script = execFormWords(script)?.join(' ') ?? json.map((j) => j.getValue().replace(/^"|"$/g, '')).join(' ');
      // base is this instruction's own object: extended in place (an object spread here took more time than the rest of reading the instruction).
      const r: RunInstr = Object.assign(base, { keyword: 'RUN' as const, form, script, heredocs, mounts, network, security });
      instructions.push({ instr: r });
    } else instructions.push({ instr: base });
  }
  return { escapeChar: df.getEscapeCharacter(), directives, comments, instructions };
}

/**
 * Puts the stages together from the instructions: names, the stage each builds on, FROM
 * references resolved through global ARG defaults, ARG and ENV values, USERs and the effective
 * user, base image families. Reads `syntax` and never changes it, so instructions can be shared.
 */
export function buildModel(doc: TextDoc, syntax: DockerfileSyntax): ImageModel {
  const globalArgs = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  const instructions: Instr[] = [];
  const stageVars: Map<string, string | undefined>[] = [];

  for (const { instr: base, from: read, props } of syntax.instructions) {
    if (read) {
      const resolved = substitute(read.image, (n) => globalArgs.get(n));
      const stageRefName = resolved?.toLowerCase();
      const stageRef = stageRefName ? stages.findIndex((s) => s.name === stageRefName) : -1;
      const split = resolved !== undefined ? splitImageRef(resolved) : undefined;
      const fromInfo: FromInfo = {
        instr: base,
        image: read.image,
        imageRange: read.imageRange,
        resolved,
        registry: split?.registry,
        repository: split?.repository,
        tag: split?.tag,
        digest: split?.digest,
        isScratch: resolved?.toLowerCase() === 'scratch',
        stageRef: stageRef >= 0 ? stageRef : undefined,
        platform: read.platform,
      };
      const parentFamily = stageRef >= 0 ? stages[stageRef].family : familyOf(resolved);
      stages.push({
        index: stages.length,
        name: read.stageName?.toLowerCase(),
        nameRange: read.stageNameRange,
        from: fromInfo,
        instructions: [base],
        users: [],
        effectiveUser: stageRef >= 0 ? stages[stageRef].effectiveUser : undefined,
        family: parentFamily,
      });
      // A stage sees the ARG and ENV values of the stage it builds on.
      stageVars.push(stageRef >= 0 ? new Map(stageVars[stageRef]) : new Map());
      instructions.push(base);
      continue;
    }

    const stage = stages[stages.length - 1];
    const vars = stageVars[stageVars.length - 1];
    const keyword = base.keyword;
    if (keyword === 'ARG' && props) {
      for (const p of props) {
        if (!stage) globalArgs.set(p.name, p.value);
        else vars.set(p.name, p.value ?? globalArgs.get(p.name));
      }
    } else if (keyword === 'ENV' && stage && props) {
      for (const p of props) vars.set(p.name, p.value === undefined ? undefined : substitute(p.value, (n) => vars.get(n)));
    } else if (keyword === 'USER' && stage) {
      const rawUser = base.args[0]?.value ?? '';
      // A global ARG is visible in a stage only when redeclared there, so only the stage's own values count.
      const resolved = substitute(rawUser, (n) => vars.get(n));
      const [user, group] = resolved !== undefined ? resolved.split(':', 2) : [undefined, undefined];
      const info: UserInfo = { instr: base, raw: rawUser, resolved, user, group, isRoot: isRootUser(user) };
      stage.users.push(info);
      stage.effectiveUser = info;
    }

    if (stage) stage.instructions.push(base);
    instructions.push(base);
  }

  return {
    doc,
    escapeChar: syntax.escapeChar,
    directives: syntax.directives,
    globalArgs,
    stages,
    instructions,
    comments: syntax.comments,
    final: stages[stages.length - 1],
  };
}

export function parseDockerfile(text: string): ImageModel {
  const doc = new TextDoc(text);
  return buildModel(doc, readDockerfile(text, doc));
}

/** The words of an exec-form argument list (`["sh", "-c", "echo hi"]`), or undefined when it is not valid JSON. */
function execFormWords(text: string): string[] | undefined {
  try {
    const v: unknown = JSON.parse(text.trim());
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
  } catch {
    return undefined;
  }
}
