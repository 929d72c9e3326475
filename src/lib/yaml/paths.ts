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

export interface ParsedYaml {
  documents: Document.Parsed[];
  lineCounter: LineCounter;
}

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const list = Array.isArray(documents) ? documents : [];
  return { documents: list, lineCounter };
}

export function positionOf(lineCounter: LineCounter, offset: number): Position {
  const p = lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}

/**
 * Where a path points in a document: the key of a map entry, or the start of a list item.
 * Returns undefined when the path does not exist.
 */
export function locatePath(doc: Document.Parsed, segments: readonly PathSegment[], lineCounter: LineCounter): Located | undefined {
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

/** Visits every map entry and list item with its path and the position of its key or item. */
export function walkYaml(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  visit: (segments: PathSegment[], at: Position, kind: 'key' | 'item') => boolean | void,
): void {
  const go = (node: unknown, segments: PathSegment[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const offset = (pair.key as YamlNode | null)?.range?.[0] ?? 0;
        const next = [...segments, key];
        if (visit(next, positionOf(lineCounter, offset), 'key') === false) continue;
        go(pair.value, next);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const offset = (item as YamlNode | null)?.range?.[0] ?? 0;
        const next = [...segments, i];
        if (visit(next, positionOf(lineCounter, offset), 'item') === false) return;
        go(item, next);
      });
    }
  };
  go(doc.contents, []);
}

/** Position of the value (or key) best describing a JSON-pointer-like path from a schema error. */
export function locatePointer(doc: Document.Parsed, pointer: string, lineCounter: LineCounter): Located | undefined {
  const segments = pointerToSegments(pointer);
  for (let n = segments.length; n > 0; n--) {
    const at = locatePath(doc, segments.slice(0, n), lineCounter);
    if (at) return at;
  }
  return undefined;
}

export function pointerToSegments(pointer: string): PathSegment[] {
  return pointer
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
