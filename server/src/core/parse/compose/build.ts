// A Compose service's `build:` → what its Dockerfile says about the image it builds: the final
// USER and whether a HEALTHCHECK is set (pure core layer; the file is read through ReadRelative).

import { parseDockerfile } from '../dockerfile';
import type { ImageModel, Stage } from '../../model/image';
import type { ImageFacts } from '../../model/runtime';
import type { ReadRelative } from '../../model/runtimeDoc';
import { joinPath } from './syntax';

export interface BuildRef {
  context: string;
  dockerfile?: string;
  inline?: string;
}

/** A remote context (git URL, https tarball) has no Dockerfile we can read. */
function isRemote(context: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@') || /^github\.com\//.test(context);
}

/** The path of the Dockerfile relative to the Compose file's folder. */
export function dockerfilePath(ref: BuildRef): string | undefined {
  if (isRemote(ref.context)) return undefined;
  const file = ref.dockerfile ?? 'Dockerfile';
  return joinPath(ref.context, file);
}

/** The last HEALTHCHECK of a stage chain wins; `HEALTHCHECK NONE` turns an inherited one off. */
function stageHealthcheck(model: ImageModel, stage: Stage | undefined, depth = 0): boolean {
  if (!stage || depth > model.stages.length) return false;
  for (let i = stage.instructions.length - 1; i >= 0; i--) {
    const ins = stage.instructions[i];
    if (ins.keyword !== 'HEALTHCHECK') continue;
    const first = ins.args[0]?.value.toUpperCase();
    return first !== 'NONE';
  }
  const parent = stage.from.stageRef;
  return parent !== undefined ? stageHealthcheck(model, model.stages[parent], depth + 1) : false;
}

/** Facts from Dockerfile text; `name` is how messages refer to it (`api/Dockerfile`). */
export function factsFromDockerfile(text: string, name: string): ImageFacts | undefined {
  const model = parseDockerfile(text);
  const final = model.final;
  if (!final) return undefined;
  const eu = final.effectiveUser;
  if (eu) {
    return {
      user: eu.resolved ?? eu.raw,
      userIsRoot: eu.isRoot,
      hasHealthcheck: stageHealthcheck(model, final),
      describedBy: `${name} line ${eu.instr.range.start.line + 1}`,
    };
  }
  // No USER anywhere: the base image's user applies, root unless it is a distroless `nonroot` image
  // (whose config sets USER nonroot).
  const base = final.from.resolved ?? final.from.image;
  if (final.family === 'distroless' && /nonroot/i.test(base)) {
    return {
      user: 'nonroot',
      userIsRoot: false,
      hasHealthcheck: stageHealthcheck(model, final),
      describedBy: `${name}, base image ${base}`,
    };
  }
  return { user: undefined, userIsRoot: true, hasHealthcheck: stageHealthcheck(model, final), describedBy: name };
}

/**
 * Reads and parses the Dockerfile of a `build:`; undefined when it cannot be read. `folder` is the
 * folder of the Compose file that says `build:`, relative to the analysed one.
 */
export function imageFactsOf(ref: BuildRef, readRelative: ReadRelative | undefined, folder = '.'): ImageFacts | undefined {
  if (ref.inline !== undefined) return factsFromDockerfile(ref.inline, 'dockerfile_inline');
  if (!readRelative) return undefined;
  const inFolder = dockerfilePath(ref);
  if (!inFolder) return undefined;
  const path = joinPath(folder, inFolder);
  let text: string | undefined;
  try {
    text = readRelative(path);
  } catch {
    text = undefined;
  }
  return text === undefined ? undefined : factsFromDockerfile(text, path);
}
