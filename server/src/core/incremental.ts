// Incremental analysis of one Dockerfile across its versions, for the language server (pure core
// layer): analyze() with `dockerfileCache` set to an IncrementalDockerfile gives the same findings
// and model as without it, but only the build stages whose text changed since the last version are
// read again (parse/dockerfileParts.ts) and checked again by the rules that look at one stage at a
// time (`scope: 'stage'`). Stages are then put together into the whole model (buildModel: names,
// FROM references, global ARGs, users), and the rules that look across stages run on it.

import {
  analyzeImage,
  imageAnalysis,
  pushFindings,
  ruleSeverity,
  runRule,
  type Analysis,
  type AnalyzeOptions,
  type DockerfileCache,
} from './analyze';
import { fromLines, movePart, readPart, shiftLines, type ReadPart } from './parse/dockerfileParts';
import { buildModel, parseDockerfile } from './parse/dockerfile';
import { ALL_RULES } from './rules/registry';
import type { Hit, ImageRule } from './rules/rule';
import type { ImageModel } from './model/image';
import { TextDoc } from './text';
import type { Finding, Range } from './types';

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

const IMAGE_RULES = ALL_RULES.filter((r): r is ImageRule => r.model === 'image');

/** A part of the file as read and placed, and what the stage rules found there. */
interface Part {
  read: ReadPart;
  /** Hits of each stage rule (or its error) on the part where it is. */
  hits: Map<string, Hit[] | Error>;
}

export class IncrementalDockerfile implements DockerfileCache {
  /** The parts read for the last version, by escape character, position (last or not) and text; a text may occur several times. */
  private parts = new Map<string, Part[]>();

  analyze(body: string, opts: AnalyzeOptions): Analysis {
    const doc = new TextDoc(body);
    const parts = this.split(doc);
    if (!parts) {
      // A cut where no instruction starts (see dockerfileParts.ts): the file is read whole.
      const image = parseDockerfile(body);
      return imageAnalysis(image, analyzeImage(image, opts));
    }
    const first = parts[0].read.syntax;
    const image = buildModel(doc, {
      escapeChar: first.escapeChar,
      directives: first.directives,
      comments: parts.flatMap((p) => p.read.syntax.comments),
      instructions: parts.flatMap((p) => p.read.syntax.instructions),
    });
    const findings: Finding[] = [];
    for (const rule of IMAGE_RULES) {
      const { severity, configured } = ruleSeverity(rule, opts);
      if (severity === 'off') continue;
      const hits = rule.scope === 'stage' ? stageHits(rule, parts, image) : runRule(rule, image);
      pushFindings(findings, rule, hits, { severity, configured }, opts, FILE_START);
    }
    return imageAnalysis(image, findings);
  }

  /**
   * The file's parts, taken from the last version (moved if need be) or read; undefined when a
   * part after the first does not start with a FROM instruction.
   */
  private split(doc: TextDoc): Part[] | undefined {
    const previous = this.parts;
    const parts = new Map<string, Part[]>();
    const cuts = [0, ...fromLines(doc), doc.lineCount];
    const out: Part[] = [];
    let escapeChar: string | undefined;
    let stage = 0;
    for (let c = 0; c < cuts.length - 1;) {
      const line = cuts[c];
      let end = c + 1;
      let part: Part;
      for (;;) {
        const last = end === cuts.length - 1;
        const text = doc.text.slice(doc.lineStarts[line], last ? doc.text.length : doc.lineStarts[cuts[end]]);
        const key = `${escapeChar ?? ''}\u0000${last ? 1 : 0}\u0000${text}`;
        part = take(previous.get(key), line, stage) ?? { read: readPart(text, escapeChar, last, line, stage), hits: new Map() };
        const list = parts.get(key);
        if (list) list.push(part);
        else parts.set(key, [part]);
        if (last || part.read.clean) break;
        end++;
      }
      if (line === 0) escapeChar = part.read.syntax.escapeChar;
      else if (!part.read.startsWithFrom) {
        this.parts = new Map();
        return undefined;
      }
      out.push(part);
      stage += part.read.stages;
      c = end;
    }
    this.parts = parts;
    return out;
  }
}

/**
 * One of the last version's parts with this text, placed at `line` with its first stage `stage`:
 * one already there if any; else one moved, with its hits moved along when it starts the same stage
 * (hits depend on the part's text and its instructions' stage, not on where it is).
 */
function take(candidates: Part[] | undefined, line: number, stage: number): Part | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  const there = candidates.findIndex((p) => p.read.line === line && p.read.stage === stage);
  if (there >= 0) return candidates.splice(there, 1)[0];
  const sameStage = candidates.findIndex((p) => p.read.stage === stage);
  const [part] = candidates.splice(sameStage >= 0 ? sameStage : 0, 1);
  const hits = new Map<string, Hit[] | Error>();
  if (part.read.stage === stage)
    for (const [id, h] of part.hits) hits.set(id, h instanceof Error ? h : shiftLines(h, line - part.read.line));
  return { read: movePart(part.read, line, stage), hits };
}

/** A stage rule's hits over the whole file: each part's, computed when the part is new or starts another stage. */
function stageHits(rule: ImageRule, parts: Part[], image: ImageModel): Hit[] | Error {
  const all: Hit[] = [];
  for (const part of parts) {
    let hits = part.hits.get(rule.meta.id);
    if (!hits) {
      // The rule sees the part's instructions and nothing about other stages.
      const view: ImageModel = {
        doc: image.doc,
        escapeChar: image.escapeChar,
        directives: [],
        globalArgs: new Map(),
        stages: [],
        instructions: part.read.syntax.instructions.map((r) => r.instr),
        comments: [],
        final: undefined,
      };
      hits = runRule(rule, view);
      part.hits.set(rule.meta.id, hits);
    }
    // One failing part fails the rule, as one exception does in a whole-file run.
    if (hits instanceof Error) return hits;
    for (const h of hits) all.push(h);
  }
  return all;
}
