/**
 * Reads the input as the Kubernetes YAML decoder does (YAML 1.1 scalars: `yes` is a boolean, `<<` merges),
 * with bounded work: a size limit, a document limit, a nesting limit checked before parsing, and an alias
 * expansion budget. Values are plain JSON data built with own properties only, so keys such as
 * `__proto__` or `constructor` are ordinary fields.
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import type { PathSegment } from '../../yaml/field-path';

export const limits = {
  /** characters of input (the API server keeps at most 1.5 MiB per object; a lesson file is far smaller) */
  maxChars: 1024 * 1024,
  maxDocuments: 500,
  /** nesting of maps and lists; no Istio or Kubernetes resource needs more than about 20 */
  maxDepth: 100,
  /** nodes produced by expanding aliases, per document */
  maxAliasNodes: 10_000,
};

export class InputLimitError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export interface ParsedInput {
  documents: Document.Parsed[];
  lineCounter: LineCounter;
}

/** A cheap scan that stops pathological nesting before the parser spends time on it. */
function scanNesting(text: string): void {
  let flow = 0;
  let lineStart = 0;
  let indentCounted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = i + 1;
      indentCounted = false;
      continue;
    }
    if (!indentCounted && c !== 32 && c !== 45 && c !== 9) {
      indentCounted = true;
      // leading spaces and `- ` item markers: each level adds at least one character
      if (i - lineStart > limits.maxDepth * 4) throw new InputLimitError(`nesting deeper than ${limits.maxDepth} levels`, i);
    }
    if (c === 91 || c === 123) {
      flow++;
      if (flow > limits.maxDepth) throw new InputLimitError(`nesting deeper than ${limits.maxDepth} levels`, i);
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
  }
}

export function parseInput(text: string): ParsedInput {
  if (text.length > limits.maxChars) {
    throw new InputLimitError(
      `the input is ${(text.length / 1024 / 1024).toFixed(1)} MiB; the checker reads at most ${limits.maxChars / 1024 / 1024} MiB`,
      0,
    );
  }
  scanNesting(text);
  const lineCounter = new LineCounter();
  // Duplicate keys are found while converting (toValue): the parser's own check costs more than the parse.
  const documents = parseAllDocuments(text, { lineCounter, version: '1.1', uniqueKeys: false, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  if (list.length > limits.maxDocuments) {
    throw new InputLimitError(`the input has ${list.length} documents; the checker reads at most ${limits.maxDocuments}`, list[limits.maxDocuments]?.range[0] ?? 0);
  }
  return { documents: list, lineCounter };
}

/** Sets a field as an own data property, whatever its name. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export interface Converted {
  value: unknown;
  /** keys set twice in one map: where the second one starts */
  duplicates: Array<{ key: string; offset: number }>;
}

/** Converts a document's contents to JSON data. Throws InputLimitError past the alias budget or depth. */
export function toValue(doc: Document.Parsed): Converted {
  let aliasNodes = 0;
  const duplicates: Converted['duplicates'] = [];
  const convert = (node: unknown, depth: number, inAlias: boolean): unknown => {
    if (depth > limits.maxDepth) throw new InputLimitError(`nesting deeper than ${limits.maxDepth} levels`, (node as YamlNode)?.range?.[0] ?? 0);
    if (inAlias && ++aliasNodes > limits.maxAliasNodes) {
      // The Kubernetes YAML decoder's own words for an alias bomb.
      throw new InputLimitError('yaml: document contains excessive aliasing', (node as YamlNode)?.range?.[0] ?? 0);
    }
    if (isAlias(node)) return convert(node.resolve(doc), depth, true);
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
export function locate(doc: Document.Parsed, segments: readonly PathSegment[], lineCounter: LineCounter): Location {
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
