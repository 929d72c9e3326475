/**
 * Validates a manifest file the way the site needs: YAML syntax, a kind Istio 1.26 serves (or a Kubernetes
 * core kind), the API schema (types, enums, required fields, through @kubernetes-models), unknown fields
 * (strict, from the field catalog), and a few cross-document checks that a reader would otherwise learn
 * the hard way in a cluster. Every problem names the file, line, column and field path.
 */
import { isMap, isScalar, type Document } from 'yaml';
import { findIstioKind, istioKinds, istioOperatorKind, kubernetesKinds } from '../../data/versions';
import { formatPath, locatePath, locatePointer, parseYaml, pointerToSegments, walkYaml, type PathSegment, type Position } from '../yaml/paths';
import type { FieldNode } from './field-node';
import { models } from './models.gen';

export type ProblemCode =
  | 'yaml-syntax'
  | 'not-an-object'
  | 'missing-kind'
  | 'unknown-kind'
  | 'unserved-version'
  | 'missing-name'
  | 'schema'
  | 'unknown-field'
  | 'undefined-subset'
  | 'rules-required'
  | 'selector-required';

export interface Problem {
  file: string;
  /** 1-based document number within the file. */
  document: number;
  line: number;
  column: number;
  /** Field path, e.g. `spec.http[0].match[0].mach`; empty for the document itself. */
  path: string;
  code: ProblemCode;
  message: string;
}

export interface ValidatedDocument {
  index: number;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  value: unknown;
  doc: Document.Parsed;
}

export interface ValidationResult {
  file: string;
  documents: ValidatedDocument[];
  problems: Problem[];
}

/** Lookup of the known-field tree for a kind; returns undefined when the kind has none. */
export type CatalogLookup = (apiVersion: string, kind: string) => FieldNode | undefined;

export function formatProblem(p: Problem): string {
  const where = p.path ? ` at ${p.path}` : '';
  return `${p.file}:${p.line}:${p.column}: ${p.code}${where}: ${p.message}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function closest(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  return bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Strict check: every key in the document must exist in the catalog tree. */
function unknownFields(doc: Document.Parsed, root: FieldNode, lineCounter: Parameters<typeof walkYaml>[1]): Array<{ segments: PathSegment[]; at: Position; message: string }> {
  const out: Array<{ segments: PathSegment[]; at: Position; message: string }> = [];
  const nodeAt = new Map<string, FieldNode>();
  nodeAt.set('', root);
  walkYaml(doc, lineCounter, (segments, at, kind) => {
    const parentKey = formatPath(segments.slice(0, -1));
    const parent = nodeAt.get(parentKey);
    if (!parent) return false;
    if (parent.freeForm) return false;
    const last = segments[segments.length - 1]!;
    let child: FieldNode | undefined;
    if (kind === 'item') child = parent.items;
    else if (parent.fields?.has(String(last))) child = parent.fields.get(String(last));
    else if (parent.values) child = parent.values;
    if (!child) {
      if (kind === 'item') {
        out.push({ segments, at, message: 'a list is not allowed here' });
      } else {
        const known = [...(parent.fields?.keys() ?? [])];
        const hint = closest(String(last), known);
        out.push({
          segments,
          at,
          message: `unknown field "${String(last)}"${hint ? ` (did you mean "${hint}"?)` : ''}${known.length ? `; known here: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', ...' : ''}` : ''}`,
        });
      }
      return false;
    }
    nodeAt.set(formatPath(segments), child);
    return true;
  });
  return out;
}

const knownKindsText = () =>
  [...istioKinds.map((k) => k.kind), istioOperatorKind.kind, ...kubernetesKinds.map((k) => k.kind)].join(', ');

/**
 * Validates one manifest file's text. `catalog` gives the known fields for the strict check; without it
 * unknown fields are not checked (the browser can run everything else).
 */
export async function validateManifest(text: string, file: string, catalog?: CatalogLookup, options: { lineOffset?: number } = {}): Promise<ValidationResult> {
  const problems: Problem[] = [];
  const documents: ValidatedDocument[] = [];
  const lineOffset = options.lineOffset ?? 0;
  const add = (p: Omit<Problem, 'file'>) => problems.push({ file, ...p, line: p.line + lineOffset });
  const { documents: docs, lineCounter } = parseYaml(text);

  for (const [i, doc] of docs.entries()) {
    const index = i + 1;
    for (const err of doc.errors) {
      const pos = err.linePos?.[0] ?? { line: 1, col: 1 };
      add({ document: index, line: pos.line, column: pos.col, path: '', code: 'yaml-syntax', message: err.message.split('\n')[0]! });
    }
    if (doc.errors.length) continue;
    // An empty document (e.g. after a trailing ---) is not a manifest and not an error.
    if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) continue;
    const start = doc.contents.range ? lineCounter.linePos(doc.contents.range[0]) : { line: 1, col: 1 };
    const here = { document: index, line: start.line, column: start.col };
    if (!isMap(doc.contents)) {
      add({ ...here, path: '', code: 'not-an-object', message: 'a manifest must be a YAML mapping with apiVersion, kind, metadata and spec' });
      continue;
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
    const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : undefined;
    const kind = typeof value.kind === 'string' ? value.kind : undefined;
    const metadata = isRecord(value.metadata) ? value.metadata : undefined;
    const name = typeof metadata?.name === 'string' ? metadata.name : undefined;
    const namespace = typeof metadata?.namespace === 'string' ? metadata.namespace : undefined;
    documents.push({ index, ...(apiVersion ? { apiVersion } : {}), ...(kind ? { kind } : {}), ...(name ? { name } : {}), ...(namespace ? { namespace } : {}), value, doc });

    const at = (segments: PathSegment[]) => locatePath(doc, segments, lineCounter) ?? { line: here.line, column: here.column };
    if (!apiVersion || !kind) {
      const missing = !apiVersion ? 'apiVersion' : 'kind';
      add({ ...here, path: missing, code: 'missing-kind', message: `the document has no ${missing}` });
      continue;
    }
    const istio = findIstioKind(apiVersion, kind);
    const isOperator = apiVersion === istioOperatorKind.apiVersion && kind === istioOperatorKind.kind;
    const isKube = kubernetesKinds.some((k) => k.apiVersion === apiVersion && k.kind === kind);
    if (!istio && !isOperator && !isKube) {
      const sameKind = istioKinds.find((k) => k.kind === kind);
      if (sameKind) {
        const served = sameKind.versions.map((v) => `${sameKind.group}/${v.version}`).join(', ');
        add({ ...at(['apiVersion']), document: index, path: 'apiVersion', code: 'unserved-version', message: `Istio 1.26 does not serve ${kind} as ${apiVersion}; it serves ${served}` });
      } else {
        add({ ...at(['kind']), document: index, path: 'kind', code: 'unknown-kind', message: `${apiVersion} ${kind} is not a kind this site validates (known: ${knownKindsText()})` });
      }
      continue;
    }
    if (!name) {
      add({ ...at(['metadata']), document: index, path: 'metadata.name', code: 'missing-name', message: 'metadata.name is required' });
    }

    // Schema: types, enums, required fields.
    const Model = models[`${apiVersion}|${kind}`];
    if (Model) {
      try {
        new Model(value).validate();
      } catch (e) {
        const errors = (e as { errors?: Array<{ instancePath?: string; message?: string; params?: Record<string, unknown>; keyword?: string }> }).errors;
        if (!errors) throw e;
        const seen = new Set<string>();
        for (const err of errors) {
          const segments = pointerToSegments(err.instancePath ?? '');
          let path = formatPath(segments);
          let message = err.message ?? 'is not valid';
          if (err.keyword === 'required' && typeof err.params?.missingProperty === 'string') {
            path = formatPath([...segments, err.params.missingProperty]);
            message = `required field "${err.params.missingProperty}" is missing`;
          } else if (err.keyword === 'enum' && Array.isArray(err.params?.allowedValues)) {
            message = `must be one of ${(err.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
          }
          // oneOf/anyOf report every branch; keep one message per path.
          const key = `${path}|${message}`;
          if (seen.has(key) || err.keyword === 'oneOf' || err.keyword === 'anyOf' || err.keyword === 'not') continue;
          seen.add(key);
          const pos = locatePointer(doc, err.instancePath ?? '', lineCounter) ?? { line: here.line, column: here.column };
          add({ document: index, line: pos.line, column: pos.column, path, code: 'schema', message });
        }
      }
    }

    // Strict: unknown fields.
    const tree = catalog?.(apiVersion, kind);
    if (tree) {
      for (const u of unknownFields(doc, tree, lineCounter)) {
        add({ document: index, line: u.at.line, column: u.at.column, path: formatPath(u.segments), code: 'unknown-field', message: u.message });
      }
    }

    // Rules that the API server's validation enforces beyond the schema (istio/istio validation.go and CRD rules).
    const spec = isRecord(value.spec) ? value.spec : {};
    if (kind === 'AuthorizationPolicy') {
      const action = typeof spec.action === 'string' ? spec.action : 'ALLOW';
      const rules = spec.rules;
      if ((action === 'DENY' || action === 'CUSTOM') && (!Array.isArray(rules) || rules.length === 0)) {
        add({ ...at(['spec', 'action']), document: index, path: 'spec.rules', code: 'rules-required', message: `an AuthorizationPolicy with action ${action} needs at least one rule (use rules: [{}] to match every request)` });
      }
    }
    if (kind === 'PeerAuthentication' && spec.portLevelMtls !== undefined && !isRecord(spec.selector)) {
      add({ ...at(['spec', 'portLevelMtls']), document: index, path: 'spec.portLevelMtls', code: 'selector-required', message: 'portLevelMtls needs a workload selector in the same policy' });
    }
  }

  // Across documents: a route to a subset that the file's DestinationRule for that host does not define.
  const subsetsByHost = new Map<string, Set<string>>();
  for (const d of documents) {
    if (d.kind !== 'DestinationRule' || !isRecord(d.value) || !isRecord(d.value.spec)) continue;
    const host = d.value.spec.host;
    if (typeof host !== 'string') continue;
    const subsets = Array.isArray(d.value.spec.subsets) ? d.value.spec.subsets : [];
    const names = new Set(subsets.filter(isRecord).map((s) => String(s.name)));
    const key = shortHost(host, d.namespace);
    subsetsByHost.set(key, new Set([...(subsetsByHost.get(key) ?? []), ...names]));
  }
  for (const d of documents) {
    if (d.kind !== 'VirtualService' || !isRecord(d.value) || !isRecord(d.value.spec)) continue;
    for (const section of ['http', 'tls', 'tcp'] as const) {
      const rules = d.value.spec[section];
      if (!Array.isArray(rules)) continue;
      rules.forEach((rule, r) => {
        if (!isRecord(rule) || !Array.isArray(rule.route)) return;
        rule.route.forEach((dest, k) => {
          if (!isRecord(dest) || !isRecord(dest.destination)) return;
          const { host, subset } = dest.destination;
          if (typeof host !== 'string' || typeof subset !== 'string') return;
          const defined = subsetsByHost.get(shortHost(host, d.namespace));
          if (!defined || defined.has(subset)) return;
          const segments: PathSegment[] = ['spec', section, r, 'route', k, 'destination', 'subset'];
          const pos = locatePath(d.doc, segments, lineCounter) ?? { line: 1, column: 1 };
          add({
            document: d.index,
            line: pos.line,
            column: pos.column,
            path: formatPath(segments),
            code: 'undefined-subset',
            message: `subset "${subset}" is not defined by the DestinationRule for ${host} in this file (it defines: ${[...defined].join(', ') || 'none'}); Envoy would answer 503 NC`,
          });
        });
      });
    }
  }
  return { file, documents, problems };
}

/** `reviews`, `reviews.prod`, `reviews.prod.svc.cluster.local` → one key per service. */
function shortHost(host: string, namespace = 'default'): string {
  const parts = host.split('.');
  if (host.endsWith('.svc.cluster.local')) return `${parts[0]}.${parts[1]}`;
  if (parts.length === 1) return `${host}.${namespace}`;
  if (parts.length === 2) return host;
  return host;
}
