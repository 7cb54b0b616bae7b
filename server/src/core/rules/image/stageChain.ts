// Which stages end up in the image, and what ARG/ENV values an instruction sees (pure core layer).
// Helpers for image rules CT1010-CT1018; they read the ImageModel and never re-parse the file.

import type { ImageModel, Instr, Stage } from '../../model/image';
import { substitute } from '../../parse/vars';

/**
 * The final stage and the stages it builds on (`FROM builder AS final`), oldest first. Their
 * filesystems and settings are all part of the image; other stages only reach it through
 * `COPY --from`.
 */
export function finalChain(model: ImageModel): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<number>();
  let s: Stage | undefined = model.final;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    out.unshift(s);
    s = s.from.stageRef !== undefined ? model.stages[s.from.stageRef] : undefined;
  }
  return out;
}

/** The instructions of a chain of stages, in build order, without the FROM lines. */
export function chainInstructions(chain: Stage[]): Instr[] {
  return chain.flatMap((s) => s.instructions.filter((i) => i.keyword !== 'FROM'));
}

function unquote(v: string): string {
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

/**
 * The ARG and ENV values visible to `target` inside `chain` (a stage sees the values of the
 * stages it builds on; a global ARG only when the stage redeclares it). Values that depend on an
 * unknown variable are recorded as undefined.
 */
export function varsAt(model: ImageModel, chain: Stage[], target: Instr): Map<string, string | undefined> {
  const vars = new Map<string, string | undefined>();
  const lookup = (n: string) => vars.get(n);
  for (const instr of chainInstructions(chain)) {
    if (instr === target) break;
    if (instr.keyword === 'ARG') {
      for (const a of instr.args) {
        const eq = a.value.indexOf('=');
        const name = eq < 0 ? a.value : a.value.slice(0, eq);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
        // A build argument passed on the command line would win; the default is what we can know.
        if (eq < 0) {
          if (!vars.has(name)) vars.set(name, model.globalArgs.get(name));
        } else vars.set(name, substitute(unquote(a.value.slice(eq + 1)), lookup));
      }
    } else if (instr.keyword === 'ENV') {
      const first = instr.args[0]?.value ?? '';
      if (instr.args.length > 0 && !first.includes('=')) {
        // Legacy form: ENV KEY value with spaces
        vars.set(
          first,
          substitute(
            unquote(
              instr.args
                .slice(1)
                .map((a) => a.value)
                .join(' '),
            ),
            lookup,
          ),
        );
      } else {
        for (const a of instr.args) {
          const eq = a.value.indexOf('=');
          if (eq <= 0) continue;
          vars.set(a.value.slice(0, eq), substitute(unquote(a.value.slice(eq + 1)), lookup));
        }
      }
    }
  }
  return vars;
}

/** Substitutes ARG/ENV values into a word as the builder would; undefined when a value is unknown. */
export function resolveWord(model: ImageModel, chain: Stage[], instr: Instr, text: string): string | undefined {
  if (!text.includes('$')) return text;
  const vars = varsAt(model, chain, instr);
  return substitute(text, (n) => vars.get(n));
}

/** The stage chain that contains `stage` as its last element (the stage and what it builds on). */
export function chainOf(model: ImageModel, stage: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    out.unshift(s);
    s = s.from.stageRef !== undefined ? model.stages[s.from.stageRef] : undefined;
  }
  return out;
}
