// DaemonModel: Docker's daemon.json with ranges (pure core layer). Built by parse/daemon.ts with
// jsonc-parser; daemon rules read only this.

import type { TextDoc } from '../text';
import type { Range, TextEdit } from '../types';
import type { InputProblem } from './runtimeDoc';

/** A JSON value as written, with its range and, for arrays and objects, its parts. */
export interface JsonValue {
  type: 'string' | 'number' | 'boolean' | 'array' | 'object' | 'null';
  /** The parsed value (numbers as JavaScript numbers; see `raw` for how they were written). */
  value: unknown;
  range: Range;
  /** The source text of the value: Go reads `1e3` or `2.0` into an integer field as an error. */
  raw: string;
  items?: JsonValue[];
  props?: JsonProp[];
}

/** One `"key": value` pair of an object; `value` is missing when broken JSON left it out. */
export interface JsonProp {
  key: string;
  keyRange: Range;
  value?: JsonValue;
}

/** One top-level key of daemon.json: its name, its JSON value (as parsed) and ranges. */
export interface DaemonEntry {
  key: string;
  keyRange: Range;
  value: unknown;
  valueRange: Range;
  /** The JSON type as written: string, number, boolean, array, object, null. */
  type: 'string' | 'number' | 'boolean' | 'array' | 'object' | 'null';
  /** The value with its parts and their ranges (array items, object members). */
  json: JsonValue;
}

/**
 * Minimal text edits for daemon.json fixes, made by the parser that knows the file's layout
 * (indentation, line endings, one-line or multi-line object).
 */
export interface DaemonEditor {
  /** Sets a top-level key: replaces the value dockerd reads (the last occurrence) or inserts the key. */
  set(key: string, value: unknown): TextEdit[];
  /** Removes a top-level key (every occurrence). */
  remove(key: string): TextEdit[];
  /** Sets a key inside an object value, such as `["default-ulimits", "nofile", "Name"]`. */
  setPath(path: string[], value: unknown): TextEdit[];
}

export interface DaemonModel {
  doc: TextDoc;
  /** Top-level keys as dockerd reads them: with duplicate keys, the last one wins. */
  entries: Map<string, DaemonEntry>;
  /** The top-level object's range (for "missing key" findings) and where a new key can be inserted. */
  range: Range;
  problems: InputProblem[];
  /** Where "missing key" findings point: the opening brace, or the start of an empty file. */
  anchor: Range;
  /**
   * True when the file is broken JSON or its top level is not an object: a key may be missing
   * only because it could not be read, so rules report nothing as missing.
   */
  partial: boolean;
  /** Every top-level pair in order, duplicates and pairs without a value included. */
  props: JsonProp[];
  edit: DaemonEditor;
}
