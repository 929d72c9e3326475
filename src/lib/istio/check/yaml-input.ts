/**
 * Reads the input as the Kubernetes YAML decoder does (YAML 1.1 scalars: `yes` is a boolean, `<<` merges),
 * with bounded work: a size limit, a document limit, a nesting limit checked before parsing, and an alias
 * expansion budget. Values are plain JSON data built with own properties only, so keys such as
 * `__proto__` or `constructor` are ordinary fields.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import type { PathSegment } from '../../yaml/field-path';

/** How much input a reader accepts: the checker uses `limits`; a simulator passes its own, smaller ones. */
export interface InputBounds {
  /** characters of input */
  maxChars: number;
  maxDocuments: number;
  /** nesting of maps and lists */
  maxDepth: number;
  /** nodes produced by expanding aliases, per document */
  maxAliasNodes: number;
}

export const limits: InputBounds = {
  // The API server keeps at most 1.5 MiB per object; a lesson file is far smaller.
  maxChars: 1024 * 1024,
  maxDocuments: 500,
  // No Istio or Kubernetes resource needs more than about 20 levels.
  maxDepth: 100,
  maxAliasNodes: 10_000,
};

/** Which bound the input passed. */
export type InputLimit = 'size' | 'documents' | 'depth' | 'aliases';

export class InputLimitError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly limit: InputLimit,
  ) {
    super(message);
  }
}

/**
 * Line and column of an offset. Built on first use only (yaml's LineCounter, filled while parsing, costs
 * more than the rest of the check on large input).
 */
export class Lines {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}
  linePos(offset: number): { line: number; col: number } {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }
}

export interface ParsedInput {
  documents: Document.Parsed[];
  lineCounter: Lines;
}

/** Lines like `- - - - x` nest a list in a list per dash: more than `maxDepth` of them in a row. */
const dashRun = (maxDepth: number) => new RegExp(`(?:-[ \\t]+){${maxDepth + 1}}`);

/**
 * A cheap scan that stops pathological input before the parser spends time on it: deep flow nesting,
 * deep indentation or runs of `- `, and more documents than the limit.
 */
function scan(text: string, bounds: InputBounds): void {
  const deepDashes = dashRun(bounds.maxDepth);
  let flow = 0;
  let lineStart = 0;
  let indentCounted = false;
  let documents = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (i - lineStart > bounds.maxDepth * 2) {
        const m = deepDashes.exec(text.slice(lineStart, i));
        if (m) throw new InputLimitError(`nesting deeper than ${bounds.maxDepth} levels`, lineStart + m.index, 'depth');
      }
      lineStart = i + 1;
      indentCounted = false;
      if (text.startsWith('---', lineStart) && ++documents > bounds.maxDocuments) {
        throw new InputLimitError(`the input has more than ${bounds.maxDocuments} documents; the checker reads at most ${bounds.maxDocuments}`, lineStart, 'documents');
      }
      continue;
    }
    if (!indentCounted && c !== 32 && c !== 45 && c !== 9) {
      indentCounted = true;
      // leading spaces and `- ` item markers: each level adds at least one character
      if (i - lineStart > bounds.maxDepth * 4) throw new InputLimitError(`nesting deeper than ${bounds.maxDepth} levels`, i, 'depth');
    }
    if (c === 91 || c === 123) {
      flow++;
      if (flow > bounds.maxDepth) throw new InputLimitError(`nesting deeper than ${bounds.maxDepth} levels`, i, 'depth');
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
  }
  // The last line has no newline to end it.
  if (text.length - lineStart > bounds.maxDepth * 2) {
    const m = deepDashes.exec(text.slice(lineStart));
    if (m) throw new InputLimitError(`nesting deeper than ${bounds.maxDepth} levels`, lineStart + m.index, 'depth');
  }
}

export function parseInput(text: string, bounds: InputBounds = limits): ParsedInput {
  if (text.length > bounds.maxChars) {
    throw new InputLimitError(
      `the input is ${(text.length / 1024 / 1024).toFixed(1)} MiB; the checker reads at most ${bounds.maxChars / 1024 / 1024} MiB`,
      0,
      'size',
    );
  }
  scan(text, bounds);
  const lineCounter = new Lines(text);
  // Duplicate keys are found while converting (toValue): the parser's own check costs more than the parse.
  const documents = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  if (list.length > bounds.maxDocuments) {
    throw new InputLimitError(`the input has ${list.length} documents; the checker reads at most ${bounds.maxDocuments}`, list[bounds.maxDocuments]?.range[0] ?? 0, 'documents');
  }
  return { documents: list, lineCounter };
}

/**
 * The input read once, to hand to both the checker and the analyzer (`CheckOptions.parsed`,
 * `SourceFile.parsed`); undefined when a bound stops it, which checkManifests then reports.
 */
export function readOnce(text: string): ParsedInput | undefined {
  try {
    return parseInput(text);
  } catch (e) {
    if (e instanceof InputLimitError) return undefined;
    throw e;
  }
}

/** Sets a field as an own data property, whatever its name (assignment to `__proto__` would set the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export interface Converted {
  value: unknown;
  /** keys set twice in one map: where the second one starts */
  duplicates: Array<{ key: string; offset: number }>;
}

/** Converts a document's contents to JSON data. Throws InputLimitError past the alias budget or depth. */
export function toValue(doc: Document.Parsed, bounds: InputBounds = limits): Converted {
  let aliasNodes = 0;
  const duplicates: Converted['duplicates'] = [];
  // Alias.resolve searches the whole document each time: resolve each alias once.
  const resolved = new Map<unknown, unknown>();
  const convert = (node: unknown, depth: number, inAlias: boolean): unknown => {
    if (depth > bounds.maxDepth) throw new InputLimitError(`nesting deeper than ${bounds.maxDepth} levels`, (node as YamlNode)?.range?.[0] ?? 0, 'depth');
    if (inAlias && ++aliasNodes > bounds.maxAliasNodes) {
      // The Kubernetes YAML decoder's own words for an alias bomb.
      throw new InputLimitError('yaml: document contains excessive aliasing', (node as YamlNode)?.range?.[0] ?? 0, 'aliases');
    }
    if (isAlias(node)) {
      if (!resolved.has(node)) resolved.set(node, node.resolve(doc));
      return convert(resolved.get(node), depth, true);
    }
    if (isScalar(node)) return scalarValue(node);
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(scalarValue(pair.key)) : String(pair.key);
        if (key === '<<' && isPair(pair)) {
          mergeInto(out, convert(pair.value, depth + 1, inAlias));
          continue;
        }
        if (Object.hasOwn(out, key) && !inAlias) duplicates.push({ key, offset: (pair.key as YamlNode | null)?.range?.[0] ?? 0 });
        setOwn(out, key, convert(pair.value, depth + 1, inAlias));
      }
      return out;
    }
    if (isSeq(node)) return node.items.map((item) => convert(item, depth + 1, inAlias));
    return null;
  };
  return { value: convert(doc.contents, 0, false), duplicates };
}

function mergeInto(out: Record<string, unknown>, merged: unknown): void {
  for (const source of Array.isArray(merged) ? merged : [merged]) {
    if (typeof source !== 'object' || source === null) continue;
    for (const [k, v] of Object.entries(source)) if (!Object.hasOwn(out, k)) setOwn(out, k, v);
  }
}

function scalarValue(node: { value: unknown; source?: string }): unknown {
  const v = node.value;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  // YAML 1.1 timestamps and binary: JSON sees the text as written.
  return node.source ?? String(v);
}

export interface Location {
  line: number;
  column: number;
}

/**
 * Where a path points: the key of a map entry, or the start of a list item; the deepest existing
 * ancestor when the path is not (fully) in the text, e.g. a missing required field.
 */
export function locate(doc: Document.Parsed, segments: readonly PathSegment[], lineCounter: Lines): Location {
  let node: unknown = doc.contents;
  let offset = (doc.contents as YamlNode | null)?.range?.[0] ?? doc.range[0];
  for (const seg of segments) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item?.range) break;
      offset = item.range[0];
      node = item;
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      const key = pair?.key as YamlNode | undefined;
      if (!pair || !key?.range) break;
      offset = key.range[0];
      node = pair.value;
    } else break;
  }
  const p = lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}
