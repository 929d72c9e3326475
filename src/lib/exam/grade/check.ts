/**
 * The ONE place where grading asks "would the cluster accept this YAML, and what does analyze say?".
 *
 * Today it is browser-safe and deliberately small: the YAML must parse (no alias bombs, at most
 * MAX_ANSWER bytes), every document must be a map with an apiVersion/kind that Istio 1.26 or Kubernetes
 * serves and a metadata.name. A document without metadata.namespace lands in `options.namespace`, as
 * `kubectl apply -n <namespace>` would place it. Type errors inside the spec surface later, when a probe's engine reader
 * refuses a field (grade/index.ts turns that into a schema diagnostic).
 *
 * When the checker (`checkManifests`, src/lib/istio/check) and the analyzer (`analyze`, src/lib/istio/analyze)
 * land on main, replace the body of `checkAnswer` with them: keep the return shape (`documents` +
 * `diagnostics` with `source: 'schema' | 'analyze'`) and nothing else in grading changes.
 */
import { isMap, LineCounter, parseAllDocuments } from 'yaml';
import { findIstioKind, istioOperatorKind, kubernetesKinds } from '../../../data/versions';
import type { ClusterObject, Diagnostic } from '../types';

/** Answers larger than this are refused with a message (an exam answer is a few KB). */
export const MAX_ANSWER = 256 * 1024;

export interface CheckedAnswer {
  documents: (ClusterObject & { line: number })[];
  diagnostics: Diagnostic[];
}

const served = (apiVersion: string, kind: string) =>
  findIstioKind(apiVersion, kind) !== undefined ||
  kubernetesKinds.some((k) => k.apiVersion === apiVersion && k.kind === kind) ||
  (apiVersion === istioOperatorKind.apiVersion && kind === istioOperatorKind.kind);

export function checkAnswer(text: string, options: { fileName: string; namespace?: string }): CheckedAnswer {
  const diagnostics: Diagnostic[] = [];
  const documents: CheckedAnswer['documents'] = [];
  const reject = (message: string, line?: number) =>
    diagnostics.push({ severity: 'error', code: 'rejected', source: 'schema', message: `${options.fileName}${line ? `:${line}` : ''}: ${message}`, ...(line ? { line } : {}) });
  if (text.length > MAX_ANSWER) {
    reject(`the answer is ${Math.round(text.length / 1024)} KB; at most ${MAX_ANSWER / 1024} KB is graded.`);
    return { documents, diagnostics };
  }
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const line = lineCounter.linePos(start).line;
    const err = doc.errors[0];
    if (err) {
      reject(`YAML error: ${err.message.split('\n')[0]}`, lineCounter.linePos(err.pos[0]).line);
      continue;
    }
    if (doc.contents === null) continue; // an empty document (`---` at the end)
    if (!isMap(doc.contents)) {
      reject('each document must be a map with apiVersion, kind and metadata', line);
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      reject(`YAML error: ${e instanceof Error ? e.message : String(e)}`, line);
      continue;
    }
    const v = value as Record<string, unknown>;
    const meta = v.metadata as Record<string, unknown> | undefined;
    const apiVersion = typeof v.apiVersion === 'string' ? v.apiVersion : '';
    const kind = typeof v.kind === 'string' ? v.kind : '';
    if (!kind || !apiVersion) {
      reject('apiVersion and kind are required', line);
      continue;
    }
    if (!served(apiVersion, kind)) {
      reject(`no matches for kind "${kind}" in version "${apiVersion}" (Istio 1.26 does not serve it)`, line);
      continue;
    }
    const name = meta && typeof meta === 'object' && typeof meta.name === 'string' ? meta.name : '';
    if (!name) {
      reject(`${kind}: metadata.name is required`, line);
      continue;
    }
    const namespace = typeof meta?.namespace === 'string' ? meta.namespace : (options.namespace ?? 'default');
    // The engine reads metadata.namespace itself: fill it in as the API server would.
    const placed = typeof meta?.namespace === 'string' ? v : { ...v, metadata: { ...meta, namespace } };
    documents.push({ kind, name, namespace, value: placed, line });
  }
  return { documents, diagnostics };
}
