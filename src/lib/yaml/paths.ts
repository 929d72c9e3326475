/**
 * Field paths (`spec.http[0].match[0].headers.end-user`) and their positions in a YAML document.
 * Pure TypeScript on top of the `yaml` package; usable at build time and in the browser.
 */
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';

export { formatPath, parsePath, type PathSegment } from './field-path';
import type { PathSegment } from './field-path';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface Located extends Position {
  /** 1-based column just past the key (for a map entry) or the item start (for a list item). */
  endColumn: number;
}

/** Line and column (both 1-based) of an offset: yaml's LineCounter or the checker's `Lines`. */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

/** A parsed YAML text: its documents and how to turn offsets into lines. */
export interface ParsedYaml {
  documents: Document.Parsed[];
  lineCounter: LinePositions;
}

/** Parses every document of `text` (YAML 1.2, duplicate keys are errors) with a line counter. */
export function parseYaml(text: string): ParsedYaml & { lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const list = Array.isArray(documents) ? documents : [];
  return { documents: list, lineCounter };
}

export function positionOf(lineCounter: LinePositions, offset: number): Position {
  const p = lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}

/**
 * Where a path points in a document: the key of a map entry, or the start of a list item.
 * Returns undefined when the path does not exist.
 */
export function locatePath(doc: Document.Parsed, segments: readonly PathSegment[], lineCounter: LinePositions): Located | undefined {
  let node: unknown = doc.contents;
  let found: { start: number; end: number } | undefined;
  for (const seg of segments) {
    if (typeof seg === 'number' && !isMap(node)) {
      if (!isSeq(node)) return undefined;
      const item = node.items[seg] as YamlNode | undefined;
      if (!item || !item.range) return undefined;
      // Point at what a reader sees first in the item: its first key, or the scalar itself.
      const firstKey = isMap(item) ? (item.items[0]?.key as YamlNode | undefined) : undefined;
      const span = firstKey?.range ?? (isScalar(item) ? item.range : undefined);
      found = span ? { start: span[0], end: span[1] } : { start: item.range[0], end: item.range[0] + 1 };
      node = item;
    } else {
      if (!isMap(node)) return undefined;
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
      found = { start: pair.key.range[0], end: pair.key.range[1] };
      node = pair.value;
    }
  }
  if (!found) return undefined;
  const start = positionOf(lineCounter, found.start);
  const end = positionOf(lineCounter, found.end);
  return { ...start, endColumn: end.line === start.line ? end.column : start.column + 1 };
}
