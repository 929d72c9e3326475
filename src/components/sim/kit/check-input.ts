/**
 * The one place a simulator's YAML is checked before it decides: `checkInput(text, expectedKinds)` reads
 * every document and returns either the objects or diagnostics, each with its line, column and field path.
 * It reads YAML with the checker's reader (as the API server does: YAML 1.1, own properties only, bounded
 * work) under the simulator's smaller bounds (limits.ts); then the site's checker (`checkManifests`) decides
 * what the cluster would accept: its first error stops the simulator, its warnings are shown. Browser-safe.
 */
import { isNode, type Document } from 'yaml';
import { checkManifests } from '../../../lib/istio/check';
import { InputLimitError, Lines, parseInput, toValue, type InputBounds, type InputLimit, type ParsedInput } from '../../../lib/istio/check/yaml-input';
import { formatPath, locatePath, type ParsedYaml, type PathSegment } from '../../../lib/yaml/paths';
import { MAX_ALIAS_NODES, MAX_DEPTH, MAX_DOCUMENTS, MAX_YAML } from './limits';

/** The simulator's bounds for the checker's reader. */
const simulatorBounds: InputBounds = { maxChars: MAX_YAML, maxDocuments: MAX_DOCUMENTS, maxDepth: MAX_DEPTH, maxAliasNodes: MAX_ALIAS_NODES };

/** What the simulator says when the text passes one of its bounds, and the diagnostic code. */
const limitMessages: Record<InputLimit, { code: string; message: (text: string) => string }> = {
  size: { code: 'too-large', message: (text) => `The text is ${Math.round(text.length / 1024)} KB: the simulator reads at most ${MAX_YAML / 1024} KB.` },
  documents: { code: 'too-many-documents', message: () => `More than ${MAX_DOCUMENTS} YAML documents: the simulator reads at most ${MAX_DOCUMENTS}.` },
  depth: { code: 'too-deep', message: () => `Brackets or indentation nest more than ${MAX_DEPTH} levels deep: the simulator reads at most ${MAX_DEPTH}.` },
  aliases: { code: 'alias-limit', message: () => `Aliases expand to more than ${MAX_ALIAS_NODES.toLocaleString('en-US')} nodes: the simulator refuses alias bombs.` },
};

export interface DiagnosticSource {
  /** The field (text area) the text came from, e.g. `yaml`. */
  input: string;
  /** 0-based document index, when the problem is inside one document. */
  index?: number;
  /** Field path inside that document (`spec.http[0].route`), '' for the document itself. */
  path?: string;
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable identifier: `yaml-syntax`, `too-large`, `too-many-documents`, `too-deep`, `alias-limit`, `not-an-object`, `unexpected-kind`, `engine`, `work-limit`. */
  code: string;
  message: string;
  path: string;
  /** 1-based; absent when the problem has no place in the text. */
  line?: number;
  column?: number;
  source: DiagnosticSource;
}

export interface InputObject {
  /** 0-based document index. */
  index: number;
  kind: string;
  name: string;
  value: unknown;
  doc: Document.Parsed;
}

export interface CheckedInput {
  objects: InputObject[];
  /** Objects of other kinds, left out (each has a warning in `diagnostics`). */
  skipped: InputObject[];
  parsed: ParsedYaml | null;
  /** An error means the simulator cannot decide (and `objects` is empty); warnings name documents it skipped. */
  diagnostics: Diagnostic[];
}

/**
 * Reads `text` (the field named `input`) as Kubernetes objects of `expectedKinds`. Never throws; every
 * problem comes back as a diagnostic with its place.
 */
export function checkInput(text: string, expectedKinds: readonly string[], input = 'yaml'): CheckedInput {
  const fail = (d: Diagnostic, parsed: ParsedYaml | null = null): CheckedInput => ({ objects: [], skipped: [], parsed, diagnostics: [d] });
  const lines = new Lines(text);
  const overLimit = (e: InputLimitError, index?: number): Diagnostic => {
    const at = lines.linePos(e.offset);
    const { code, message } = limitMessages[e.limit];
    return { severity: 'error', code, message: message(text), path: '', ...(e.limit === 'size' ? {} : { line: at.line, column: at.col }), source: index === undefined ? { input } : { input, index, path: '' } };
  };
  let parsed: ParsedInput;
  try {
    parsed = parseInput(text, simulatorBounds);
  } catch (e) {
    if (e instanceof InputLimitError) return fail(overLimit(e));
    return fail({ severity: 'error', code: 'yaml-syntax', message: `The YAML could not be read: ${e instanceof RangeError ? 'it nests too deeply' : e instanceof Error ? e.message : String(e)}.`, path: '', line: 1, source: { input } });
  }
  const objects: InputObject[] = [];
  const warnings: Diagnostic[] = [];
  const skipped: InputObject[] = [];
  for (const [index, doc] of parsed.documents.entries()) {
    const start = isNode(doc.contents) && doc.contents.range ? parsed.lineCounter.linePos(doc.contents.range[0]) : undefined;
    const err = doc.errors[0];
    if (err) {
      const at = parsed.lineCounter.linePos(err.pos[0]);
      return fail({ severity: 'error', code: 'yaml-syntax', message: err.message.split('\n')[0] ?? err.message, path: '', line: at.line, column: at.col, source: { input, index, path: '' } }, parsed);
    }
    let value: unknown;
    try {
      value = toValue(doc, simulatorBounds).value;
    } catch (e) {
      if (e instanceof InputLimitError) return fail(overLimit(e, index), parsed);
      const message = e instanceof RangeError ? 'The document nests too deeply to read.' : `The document could not be read: ${e instanceof Error ? e.message : String(e)}`;
      return fail({ severity: 'error', code: 'too-deep', message, path: '', line: start?.line ?? 1, column: start?.col ?? 1, source: { input, index, path: '' } }, parsed);
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      return fail({ severity: 'error', code: 'not-an-object', message: `Expected a Kubernetes object (kind, metadata, spec), not ${Array.isArray(value) ? 'a list' : 'a plain value'}.`, path: '', line: start?.line ?? 1, column: start?.col ?? 1, source: { input, index, path: '' } }, parsed);
    }
    const v = value as { kind?: unknown; metadata?: { name?: unknown } };
    const kind = typeof v.kind === 'string' ? v.kind : '';
    const obj: InputObject = { index, kind, name: typeof v.metadata?.name === 'string' ? v.metadata.name : '', value, doc };
    if (!expectedKinds.includes(kind)) {
      // No kind: the API server rejects it. Another kind: not for this simulator, so a warning it can show.
      const at = locatePath(doc, ['kind'], parsed.lineCounter);
      const message = kind ? `kind ${kind} is not one this simulator reads (${expectedKinds.join(', ')}).` : `kind is missing: expected ${expectedKinds.join(' or ')}.`;
      const d: Diagnostic = { severity: kind ? 'warning' : 'error', code: 'unexpected-kind', message, path: 'kind', line: at?.line ?? start?.line ?? 1, column: at?.column ?? start?.col ?? 1, source: { input, index, path: 'kind' } };
      if (!kind) return fail(d, parsed);
      warnings.push(d);
      skipped.push(obj);
      continue;
    }
    objects.push(obj);
  }
  // What the cluster would refuse (schema, CEL rules, istiod's webhook), the simulator refuses too, with the
  // API server's own message: it never explains a typo as if it were valid config. Documents of other kinds
  // are already named as skipped, so their own problems are not the simulator's to report.
  const skippedIndexes = new Set(skipped.map((o) => o.index));
  for (const d of checkManifests(text, { fileName: input, parsed }).diagnostics) {
    if (d.source.index !== undefined && skippedIndexes.has(d.source.index)) continue;
    const found: Diagnostic = { severity: d.severity, code: d.code, message: d.message, path: d.path, line: d.line, column: d.column, source: { input, index: d.source.index, path: d.path } };
    if (d.severity === 'error') return fail(found, parsed);
    warnings.push(found);
  }
  return { objects, skipped, parsed, diagnostics: warnings };
}

/** A diagnostic for an engine error inside one object: the nearest line the field path reaches. */
export function diagnosticAt(obj: InputObject, parsed: ParsedYaml, segments: readonly PathSegment[], message: string, input = 'yaml', code = 'engine'): Diagnostic {
  const path = formatPath(segments);
  for (let n = segments.length; n > 0; n--) {
    const at = locatePath(obj.doc, segments.slice(0, n), parsed.lineCounter);
    if (at) return { severity: 'error', code, message, path, line: at.line, column: at.column, source: { input, index: obj.index, path } };
  }
  const start = isNode(obj.doc.contents) && obj.doc.contents.range ? parsed.lineCounter.linePos(obj.doc.contents.range[0]) : undefined;
  const d: Diagnostic = { severity: 'error', code, message, path, source: { input, index: obj.index, path } };
  if (start) {
    d.line = start.line;
    d.column = start.col;
  }
  return d;
}

/** "line 12, spec.http[0].route: message" — how a simulator shows one diagnostic. */
export function describeDiagnostic(d: Diagnostic, label = 'YAML'): string {
  const where = [d.line !== undefined ? `line ${d.line}` : '', d.path].filter(Boolean).join(', ');
  return `${label}${where ? `, ${where}` : ''}: ${d.message}`;
}

/** First and last line of the node at `segments` (a rule, a block), for highlighting. */
export function lineRange(obj: InputObject, parsed: ParsedYaml, segments: readonly PathSegment[]): { from: number; to: number } | undefined {
  const node = obj.doc.getIn(segments as PathSegment[], true);
  if (!isNode(node) || !node.range) return undefined;
  const from = parsed.lineCounter.linePos(node.range[0]).line;
  const to = parsed.lineCounter.linePos(Math.max(node.range[0], node.range[1] - 1)).line;
  return { from, to };
}
