/**
 * The one place a simulator's YAML is checked before it decides: `checkInput(text, expectedKinds)` reads
 * every document and returns either the objects or diagnostics, each with its line, column and field path.
 * After the kit's own bounds (limits.ts) and reading, the site's checker (`checkManifests`) decides what the
 * cluster would accept: its first error stops the simulator, its warnings are shown. Browser-safe.
 */
import { isNode, type Document } from 'yaml';
import { checkManifests } from '../../../lib/istio/check';
import { formatPath, locatePath, parseYaml, type ParsedYaml, type PathSegment } from '../../../lib/yaml/paths';
import { MAX_DOCUMENTS, MAX_FLOW_DEPTH, MAX_YAML } from './limits';

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

const lineOf = (text: string, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
};

/** Document separators and flow nesting, counted in one linear pass before the parser sees the text. */
function preScan(text: string, input: string): Diagnostic | undefined {
  let docs = 1;
  let depth = 0;
  let quote: string | null = null;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      comment = false;
      if (text.startsWith('---', i + 1) && ++docs > MAX_DOCUMENTS)
        return { severity: 'error', code: 'too-many-documents', message: `More than ${MAX_DOCUMENTS} YAML documents: the simulator reads at most ${MAX_DOCUMENTS}.`, path: '', line: lineOf(text, i + 1), column: 1, source: { input } };
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) comment = true;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH)
        return { severity: 'error', code: 'too-deep', message: `Brackets nest more than ${MAX_FLOW_DEPTH} levels deep: the simulator reads at most ${MAX_FLOW_DEPTH}.`, path: '', line: lineOf(text, i), column: i - text.lastIndexOf('\n', i), source: { input } };
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/**
 * Reads `text` (the field named `input`) as Kubernetes objects of `expectedKinds`. Never throws; every
 * problem comes back as a diagnostic with its place.
 */
export function checkInput(text: string, expectedKinds: readonly string[], input = 'yaml'): CheckedInput {
  const fail = (d: Diagnostic, parsed: ParsedYaml | null = null): CheckedInput => ({ objects: [], skipped: [], parsed, diagnostics: [d] });
  if (text.length > MAX_YAML)
    return fail({ severity: 'error', code: 'too-large', message: `The text is ${Math.round(text.length / 1024)} KB: the simulator reads at most ${MAX_YAML / 1024} KB.`, path: '', source: { input } });
  const early = preScan(text, input);
  if (early) return fail(early);
  let parsed: ParsedYaml;
  try {
    parsed = parseYaml(text);
  } catch (e) {
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
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      const alias = e instanceof Error && /alias/i.test(e.message);
      const message = alias
        ? 'Aliases expand to too many nodes (more than 100 per alias): the simulator refuses alias bombs.'
        : e instanceof RangeError
          ? 'The document nests too deeply to read.'
          : `The document could not be read: ${e instanceof Error ? e.message : String(e)}`;
      return fail({ severity: 'error', code: alias ? 'alias-limit' : 'too-deep', message, path: '', line: start?.line ?? 1, column: start?.col ?? 1, source: { input, index, path: '' } }, parsed);
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
  // API server's own message: it never explains a typo as if it were valid config.
  for (const d of checkManifests(text, { fileName: input }).diagnostics) {
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
