/**
 * The ONE place where grading asks "would the cluster accept this YAML, and what does analyze say?".
 *
 * The API server's answer comes from the site's checker (`checkManifests`: schema, CEL rules and istiod's
 * webhook for Istio 1.26): any error rejects the answer. A document without metadata.namespace lands in
 * `options.namespace`, as `kubectl apply -n <namespace>` would place it. `istioctl analyze --use-kube=false`
 * then runs over the task's context plus the answer, and its findings on the answer come back with
 * `source: 'analyze'` (grading deducts a point per analyzer error). As with files and no cluster, Services,
 * Pods, Namespaces and Secrets are not taken as live, so a task need not list every object of its cluster.
 */
import { checkManifests } from '../../istio/check';
import { analyzeFiles } from '../../istio/analyze';
import { readOnce } from '../../istio/check/yaml-input';
import type { ClusterObject, Diagnostic } from '../types';

/** Answers larger than this are refused with a message (an exam answer is a few KB). */
export const MAX_ANSWER = 256 * 1024;

export interface CheckedAnswer {
  documents: (ClusterObject & { line: number })[];
  diagnostics: Diagnostic[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkAnswer(text: string, options: { fileName: string; namespace?: string; context?: string }): CheckedAnswer {
  const diagnostics: Diagnostic[] = [];
  const documents: CheckedAnswer['documents'] = [];
  if (text.length > MAX_ANSWER) {
    diagnostics.push({ severity: 'error', code: 'input-limit', source: 'schema', message: `${options.fileName}: the answer is ${Math.round(text.length / 1024)} KB; at most ${MAX_ANSWER / 1024} KB is graded.` });
    return { documents, diagnostics };
  }
  const namespace = options.namespace ?? 'default';
  // The checker and the analyzer share one parse.
  const parsed = readOnce(text);
  const checked = checkManifests(text, { fileName: options.fileName, ...(parsed ? { parsed } : {}) });
  for (const d of checked.diagnostics) {
    diagnostics.push({ severity: d.severity, code: d.code, source: 'schema', message: `${options.fileName}:${d.line}: ${d.message}`, line: d.line });
  }
  for (const doc of checked.documents) {
    if (doc.rejected || !doc.kind || !doc.name || !isRecord(doc.value)) continue;
    const meta = isRecord(doc.value.metadata) ? doc.value.metadata : {};
    // The engine reads metadata.namespace itself: fill it in as the API server would.
    const value = typeof meta.namespace === 'string' ? doc.value : { ...doc.value, metadata: { ...meta, namespace } };
    documents.push({ kind: doc.kind, name: doc.name, namespace: doc.namespace ?? namespace, value, line: doc.line });
  }
  if (options.context !== undefined && !diagnostics.some((d) => d.severity === 'error')) {
    const files = [{ name: 'context.yaml', text: options.context }, { name: options.fileName, text, ...(parsed ? { parsed } : {}) }];
    for (const m of analyzeFiles(files, { namespace, allNamespaces: true }).messages) {
      if (m.file !== options.fileName) continue;
      const severity = m.level === 'Error' ? 'error' : m.level === 'Warning' ? 'warning' : 'info';
      diagnostics.push({ severity, code: m.code, source: 'analyze', message: `${m.code} (${m.resource}): ${m.message}`, line: m.line });
    }
  }
  return { documents, diagnostics };
}
