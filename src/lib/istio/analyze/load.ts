/**
 * Reads manifest files into the resources the analyzers see, the way istioctl's file source does
 * (pilot/pkg/config/file/store.go): YAML 1.1 read by the checker's reader (the file source converts each
 * document with the Kubernetes YAML decoder), documents split at `---` lines, a resource's line is the first line of
 * its document that is neither blank nor `---`, and every scalar field is mapped to the line of its value
 * (`{.spec.http[0].route[0].destination.host}` → 14) so that a message can point at the field it is about.
 */
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { LinePositions } from '../../yaml/paths';
import { InputLimitError, Lines, limits, parseInput, toValue, type InputBounds, type ParsedInput } from '../check/yaml-input';
import { lookupKind } from './kinds';

export interface SourceFile {
  /** File name as the user gave it; it is printed in messages. */
  name: string;
  text: string;
  /** The text as the checker's reader already read it (`parseInput`), so a caller that checked it does not parse it twice. */
  parsed?: ParsedInput;
}

export interface Resource {
  apiVersion: string;
  kind: string;
  name: string;
  /** '' for cluster-scoped kinds (and for namespaced ones without a namespace when no default applies). */
  namespace: string;
  labels: ReadonlyMap<string, string>;
  annotations: ReadonlyMap<string, string>;
  /** The whole document as plain data. */
  object: Record<string, unknown>;
  /** `object.spec`, or an empty object. */
  spec: Record<string, unknown>;
  file: string;
  /** 0-based index of the document in its file. */
  document: number;
  /** Line where the document starts (istioctl's resource line). */
  line: number;
  /** Field key in istioctl's form (`{.spec.gateways[0]}`) → line of the value. */
  fields: ReadonlyMap<string, number>;
}

/** A document that could not be read: istioctl reports these as "Error(s) adding files". */
export interface LoadError {
  file: string;
  line: number;
  message: string;
}

export interface LoadOptions {
  /** Namespace given to namespaced objects without one (istioctl: the selected namespace, `default`). '' leaves it empty. */
  defaultNamespace: string;
  /** Keep Services, Pods, Namespaces and Secrets (istioctl's file loader drops them). */
  runtimeResources: boolean;
}

/** Largest file the analyzer reads; bigger input gets a clear error instead of a frozen page. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The checker's reader (YAML 1.1 as the Kubernetes decoder reads it, bounded work) with the analyzer's file size. */
const fileBounds: InputBounds = { ...limits, maxChars: MAX_FILE_BYTES };
/** Namespaces istioctl never analyzes (pkg/kube/inject IgnoredNamespaces). */
export const ignoredNamespaces: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function loadResources(files: readonly SourceFile[], options: LoadOptions): { resources: Resource[]; errors: LoadError[] } {
  const byKey = new Map<string, Resource>();
  const errors: LoadError[] = [];
  for (const file of files) {
    if (file.text.length > MAX_FILE_BYTES) {
      const mb = (file.text.length / 1024 / 1024).toFixed(1);
      errors.push({ file: file.name, line: 1, message: `file is ${mb} MB; the analyzer reads files up to ${MAX_FILE_BYTES / 1024 / 1024} MB` });
      continue;
    }
    for (const r of loadFile(file, options, errors)) {
      // A later document with the same kind, namespace and name replaces the earlier one, as in istioctl's store.
      const key = `${r.kind}/${r.namespace}/${r.name}`;
      byKey.delete(key);
      byKey.set(key, r);
    }
  }
  return { resources: [...byKey.values()], errors };
}

function loadFile(file: SourceFile, options: LoadOptions, errors: LoadError[]): Resource[] {
  let parsed: ParsedInput;
  try {
    parsed = file.parsed ?? parseInput(file.text, fileBounds);
  } catch (e) {
    if (!(e instanceof InputLimitError)) throw e;
    errors.push({ file: file.name, line: new Lines(file.text).linePos(e.offset).line, message: `cannot read the file: ${e.message}` });
    return [];
  }
  const { documents, lineCounter } = parsed;
  const lines = file.text.split('\n');
  const separators = lines.flatMap((l, i) => (l.startsWith('---') && l.slice(3).trim() === '' ? [i + 1] : []));
  const out: Resource[] = [];
  documents.forEach((doc, index) => {
    const contentOffset = (doc.contents as { range?: number[] } | null)?.range?.[0] ?? doc.range[0];
    const contentLine = lineCounter.linePos(contentOffset).line;
    const start = documentStartLine(lines, separators, contentLine);
    const firstError = doc.errors[0];
    if (firstError) {
      errors.push({ file: file.name, line: lineCounter.linePos(firstError.pos[0]).line, message: `YAML syntax error: ${firstError.message.split('\n')[0]}` });
      return;
    }
    let value: unknown;
    try {
      // A key set twice keeps its last value, as the non-strict decoder istioctl uses does (no error).
      value = doc.contents === null ? null : toValue(doc, fileBounds).value;
    } catch (e) {
      if (!(e instanceof InputLimitError)) throw e;
      errors.push({ file: file.name, line: start, message: `cannot read document ${index + 1}: ${e.message}` });
      return;
    }
    if (value === null || value === undefined) return;
    if (!isRecord(value)) {
      errors.push({ file: file.name, line: start, message: `document ${index + 1} is not a Kubernetes object (expected a map)` });
      return;
    }
    const r = toResource(value, file.name, index, start, doc, lineCounter, options, errors);
    if (r) out.push(r);
  });
  return out;
}

/** istioctl's resource line: the first line after the previous `---` that is not empty. */
function documentStartLine(lines: readonly string[], separators: readonly number[], contentLine: number): number {
  let after = 0;
  for (const s of separators) if (s < contentLine) after = s;
  for (let n = after + 1; n <= contentLine; n++) if (lines[n - 1] !== '' && lines[n - 1] !== '\r') return n;
  return contentLine;
}

function stringMap(v: unknown): Map<string, string> {
  const m = new Map<string, string>();
  if (isRecord(v)) for (const [k, val] of Object.entries(v)) m.set(k, val === null || val === undefined ? '' : String(val));
  return m;
}

function toResource(
  obj: Record<string, unknown>,
  file: string,
  document: number,
  line: number,
  doc: Document.Parsed,
  lineCounter: LinePositions,
  options: LoadOptions,
  errors: LoadError[],
): Resource | undefined {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  if (!apiVersion && !kind) {
    errors.push({ file, line, message: 'unable to parse resource with no group, version and kind' });
    return undefined;
  }
  const info = lookupKind(apiVersion, kind);
  if (!info || (info.runtime && !options.runtimeResources)) return undefined;
  const metadata = isRecord(obj.metadata) ? obj.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  let namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  if (info.clusterScoped) namespace = '';
  else if (!namespace) namespace = options.defaultNamespace;
  const nsForFilter = kind === 'Namespace' ? name : namespace;
  if (ignoredNamespaces.has(nsForFilter)) return undefined;
  const fields = new Map<string, number>();
  collectFieldLines(doc.contents, '', fields, lineCounter);
  return {
    apiVersion,
    kind,
    name,
    namespace,
    labels: stringMap(metadata.labels),
    annotations: stringMap(metadata.annotations),
    object: obj,
    spec: isRecord(obj.spec) ? obj.spec : {},
    file,
    document,
    line,
    fields,
  };
}

function collectFieldLines(node: unknown, path: string, out: Map<string, number>, lineCounter: LinePositions): void {
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const here = `${path}.${key}`;
    const value = pair.value;
    if (isScalar(value)) {
      if (value.range) out.set(`{${here}}`, lineCounter.linePos(value.range[0]).line);
    } else if (isMap(value)) {
      collectFieldLines(value, here, out, lineCounter);
    } else if (isSeq(value)) {
      value.items.forEach((item, j) => {
        if (isScalar(item)) {
          if (item.range) out.set(`{${here}[${j}]}`, lineCounter.linePos(item.range[0]).line);
        } else collectFieldLines(item, `${here}[${j}]`, out, lineCounter);
      });
    }
  }
}

