/**
 * The checker: what `kubectl apply` against an Istio 1.26 cluster (with the Gateway API v1.3.0 CRDs) would
 * reject in a manifest, found without a cluster. Browser-safe (no Node built-ins).
 *
 *   const { documents, diagnostics } = checkManifests(text, { fileName: 'reviews.yaml' });
 *
 * Stages, in the API server's order; a later stage runs only on a document the earlier ones accept:
 * YAML decoding, kind and version, schema (strict unknown fields, types, enums, required, bounds), the
 * CRDs' CEL rules, then istiod's validating webhook.
 */
import { formatPath, type PathSegment } from '../../yaml/field-path';
import { checkRules } from './cel';
import { checkWebhook } from './webhook';
import { objectMeta } from './core-schemas';
import { knownKinds, resolveKind, type ResolvedKind } from './kinds';
import { checkMetadata } from './metadata';
import { applyDefaults, checkSchema, type SchemaFinding } from './schema-check';
import { flatten } from './schema-tree';
import type { SchemaNode } from './schema-types';
import type { CheckedDocument, CheckOptions, CheckResult, Diagnostic } from './types';
import { InputLimitError, Lines, locate, parseInput, setOwn, toValue, type ParsedInput } from './yaml-input';

export type { CheckedDocument, CheckOptions, CheckResult, Diagnostic, DiagnosticCode } from './types';
export { knownKinds } from './kinds';
export { limits } from './yaml-input';

/** At most this many findings per document; the rest are summed up in one. */
const maxPerDocument = 100;

const metaNodes: SchemaNode[] = [];
const metaRoot = flatten(objectMeta, metaNodes);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Control and invisible format characters (NUL, RTL override, zero-width) shown as `\uXXXX` escapes. */
const visible = (s: string) => s.replace(/[\p{Cf}\x00-\x08\x0b-\x1f\x7f]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** `Kind namespace/name` as istioctl and the analyzers name a resource (namespace `default` when unset). */
export function resourceKey(r: { kind: string; namespace?: string; name?: string }, defaultNamespace = 'default'): string {
  return `${r.kind} ${r.namespace ?? defaultNamespace}/${r.name ?? ''}`;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.source.input}:${d.line}:${d.column}: ${d.severity} ${d.code}${d.path ? ` at ${d.path}` : ''}: ${d.message}`;
}

export interface InputCheck extends CheckResult {
  /** No error: the cluster would accept every document. */
  accepted: boolean;
  /** The accepted documents of the kinds asked for, in input order. */
  resources: CheckedDocument[];
  /** The first error, for a one-line refusal (`line:column message`). */
  firstError?: Diagnostic;
}

/**
 * For a simulator or an exam helper: checks its one input and picks the documents of the kinds it reads.
 * When `accepted` is false the simulator should show `firstError` (or every error) and decide nothing.
 */
export function checkInput(text: string, options: CheckOptions & { kinds: readonly string[] }): InputCheck {
  const result = checkManifests(text, options);
  const firstError = result.diagnostics.find((d) => d.severity === 'error');
  return {
    ...result,
    accepted: !firstError,
    resources: result.documents.filter((d) => !d.rejected && d.kind !== undefined && options.kinds.includes(d.kind)),
    ...(firstError ? { firstError } : {}),
  };
}

export function checkManifests(text: string, options: CheckOptions = {}): CheckResult {
  const input = options.fileName ?? 'input.yaml';
  const lineOffset = options.lineOffset ?? 0;
  const documents: CheckedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  let parsed: ParsedInput;
  try {
    parsed = options.parsed ?? parseInput(text);
  } catch (e) {
    if (!(e instanceof InputLimitError)) throw e;
    const { line, col: column } = new Lines(text).linePos(e.offset);
    diagnostics.push({ severity: 'error', code: 'input-limit', message: e.message, path: '', line: line + lineOffset, column, source: { input, index: 0, path: [] } });
    return { documents, diagnostics };
  }
  const { lineCounter } = parsed;
  parsed.documents.forEach((doc, index) => {
    const found: Array<Omit<Diagnostic, 'source' | 'line' | 'column' | 'path'> & { segments: PathSegment[]; at?: number }> = [];
    const start = lineCounter.linePos((doc.contents as { range?: [number] } | null)?.range?.[0] ?? doc.range[0]);
    const record = (value: unknown, resource?: Diagnostic['resource'], meta: Partial<CheckedDocument> = {}) => {
      const rejected = found.some((f) => f.severity === 'error');
      documents.push({ index, line: start.line + lineOffset, ...meta, value, rejected });
      const shown = found.slice(0, maxPerDocument);
      for (const f of shown) {
        const at = f.at !== undefined ? toPos(lineCounter.linePos(f.at)) : locate(doc, f.segments, lineCounter);
        diagnostics.push({
          severity: f.severity,
          code: f.code,
          message: visible(f.message),
          path: visible(formatPath(f.segments)),
          line: at.line + lineOffset,
          column: at.column,
          source: { input, index, path: f.segments },
          ...(resource ? { resource } : {}),
        });
      }
      if (found.length > maxPerDocument) {
        diagnostics.push({
          severity: 'error',
          code: 'input-limit',
          message: `${found.length - maxPerDocument} more problems in this document are not shown`,
          path: '',
          line: start.line + lineOffset,
          column: start.col,
          source: { input, index, path: [] },
          ...(resource ? { resource } : {}),
        });
      }
    };

    if (doc.errors.length) {
      // The Kubernetes decoder stops at the first error; so do we.
      for (const err of doc.errors.slice(0, 1)) found.push({ severity: 'error', code: 'yaml-syntax', message: yamlMessage(err, lineCounter.linePos(err.pos[0]).line), segments: [], at: err.pos[0] });
      return record(null);
    }
    if (doc.contents === null) return; // an empty document (e.g. after a trailing ---) is not an object
    let value: unknown;
    try {
      const converted = toValue(doc);
      value = converted.value;
      for (const d of converted.duplicates) {
        const line = lineCounter.linePos(d.offset).line;
        found.push({ severity: 'error', code: 'yaml-syntax', message: `error converting YAML to JSON: yaml: unmarshal errors: line ${line}: key ${JSON.stringify(d.key)} already set in map`, segments: [], at: d.offset });
      }
      if (converted.duplicates.length) return record(value);
    } catch (e) {
      if (!(e instanceof InputLimitError)) throw e;
      found.push({ severity: 'error', code: 'input-limit', message: e.message, segments: [], at: e.offset });
      return record(null);
    }
    if (value === null || value === '') return;
    if (!isObject(value)) {
      const type = Array.isArray(value) ? 'array' : typeof value;
      found.push({ severity: 'error', code: 'not-an-object', message: `error unmarshaling JSON: json: cannot unmarshal ${type} into Go value of type map[string]interface {}`, segments: [] });
      return record(value);
    }
    const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : undefined;
    const kind = typeof value.kind === 'string' ? value.kind : undefined;
    const metadata = isObject(value.metadata) ? value.metadata : {};
    const name = typeof metadata.name === 'string' ? metadata.name : undefined;
    const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
    const meta: Partial<CheckedDocument> = { ...(apiVersion ? { apiVersion } : {}), ...(kind ? { kind } : {}), ...(name ? { name } : {}), ...(namespace ? { namespace } : {}) };
    const resource = kind ? { kind, ...(namespace ? { namespace } : {}), ...(name ? { name } : {}) } : undefined;
    if (!apiVersion || !kind) {
      const missing = [!apiVersion && 'apiVersion not set', !kind && 'kind not set'].filter(Boolean).join(', ');
      found.push({ severity: 'error', code: 'missing-kind', message: `error validating data: [${missing}]`, segments: [] });
      return record(value, resource, meta);
    }
    const lookup = resolveKind(apiVersion, kind);
    const where = `for name: "${name ?? ''}" namespace: "${namespace ?? ''}" from "${input}"`;
    if ('unknown' in lookup && isKubernetesGroup(apiVersion)) {
      found.push({
        severity: 'warning',
        code: 'unknown-kind',
        message: `${kind} ${apiVersion} is a Kubernetes kind the checker does not model; it is not checked`,
        segments: ['kind'],
      });
      return record(value, resource, meta);
    }
    if ('unknown' in lookup) {
      found.push({ severity: 'error', code: 'unknown-kind', message: `resource mapping not found ${where}: no matches for kind "${kind}" in version "${apiVersion}"; known kinds: ${kindList()}`, segments: ['kind'] });
      return record(value, resource, meta);
    }
    if ('unserved' in lookup) {
      found.push({
        severity: 'error',
        code: 'unserved-version',
        message: `resource mapping not found ${where}: no matches for kind "${kind}" in version "${apiVersion}" (the cluster serves ${kind} as ${lookup.served.join(', ')})`,
        segments: ['apiVersion'],
      });
      return record(value, resource, meta);
    }
    found.push(...checkResource(value, lookup.found));
    record(value, resource, meta);
  });
  return { documents, diagnostics };
}

/** Schema, CEL rules and webhook checks of one decoded document whose kind is known. */
function checkResource(value: Record<string, unknown>, resolved: ResolvedKind): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  const { kind } = resolved;
  if (kind.x || resolved.experimentalVersion) {
    out.push({
      severity: 'warning',
      code: 'experimental',
      segments: ['apiVersion'],
      message: `${kind.kind} ${String(value.apiVersion)} is served only by the Gateway API experimental channel CRDs; a cluster with the standard channel has no such kind`,
    });
  }
  // apiVersion and kind are read above; status is ignored on create; metadata has its own schema.
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'apiVersion' && k !== 'kind' && k !== 'metadata' && k !== 'status') setOwn(body, k, v);
  if (value.metadata !== undefined) out.push(...checkSchema(applyDefaults(value.metadata, metaNodes[metaRoot]!, metaNodes), metaNodes[metaRoot]!, metaNodes, ['metadata']).findings);
  out.push(...checkMetadata(kind.kind, kind.scope === 'Namespaced', value.metadata));
  const defaulted = applyDefaults(body, resolved.root, resolved.nodes);
  const schema = checkSchema(defaulted, resolved.root, resolved.nodes);
  out.push(...schema.findings);
  // Rules run on a value of the right shape; unknown fields alone do not stop them (the API server prunes those).
  if (out.some((f) => f.severity === 'error' && f.code !== 'unknown-field')) return out;
  out.push(...checkRules(schema.ruleSites, resolved.nodes));
  if (out.some((f) => f.severity === 'error' && f.code !== 'unknown-field')) return out;
  const namespace = isObject(value.metadata) && typeof value.metadata.namespace === 'string' ? value.metadata.namespace : 'default';
  out.push(...checkWebhook(kind.group, kind.kind, value, namespace));
  return out;
}

/** API groups of Kubernetes itself: a kind there exists in every cluster even when the checker has no schema for it. */
const kubernetesGroups = /^(v1|(apps|batch|policy|autoscaling|networking\.k8s\.io|rbac\.authorization\.k8s\.io|storage\.k8s\.io|admissionregistration\.k8s\.io|apiextensions\.k8s\.io|scheduling\.k8s\.io|coordination\.k8s\.io|discovery\.k8s\.io|node\.k8s\.io|certificates\.k8s\.io|events\.k8s\.io|flowcontrol\.apiserver\.k8s\.io|resource\.k8s\.io)\/[a-z0-9]+)$/;
const isKubernetesGroup = (apiVersion: string) => kubernetesGroups.test(apiVersion);

let kindListText: string | undefined;
function kindList(): string {
  kindListText ??= [...new Set(knownKinds().map((k) => k.kind))].sort().join(', ');
  return kindListText;
}

/** A YAML error as the Kubernetes decoder words it (`yaml: line 4: ...`). */
function yamlMessage(err: { message: string }, line: number): string {
  const first = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return `error converting YAML to JSON: yaml: line ${line}: ${first}`;
}

const toPos = (p: { line: number; col: number }) => ({ line: p.line, column: p.col });
