/**
 * What the Check YAML page reports for one input: `kubectl apply` (the checker) and `istioctl analyze` (the
 * analyzer, over the input plus the chosen context sets, as if they were the cluster's objects). Pure and
 * browser-safe: the page runs it in a Web Worker (check.worker.ts), unit tests call it directly.
 */
import { analyzeFiles } from '~/lib/istio/analyze';
import { checkManifests, limits } from '~/lib/istio/check';
import { readOnce } from '~/lib/istio/check/yaml-input';
import { contextSets } from './context-sets';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: Severity;
  /** The checker's code (`unknown-field`) or the analyzer's (`IST0101`). */
  code: string;
  /** Which tool would print it. */
  tool: 'kubectl apply' | 'istioctl analyze';
  /** `Kind ns/name` when known. */
  resource?: string;
  line: number;
  column: number;
  message: string;
}

export interface CheckOutcome {
  findings: Finding[];
  documents: number;
  /** The limit that stopped the check, in words, when one did. */
  limit?: string;
  /** Context set names that were not found (ignored). */
  unknownContext: string[];
}

/** The file name findings and the analyzer use for the user's text. */
export const inputName = 'input.yaml';

const levelOf = { Error: 'error', Warning: 'warning', Info: 'info' } as const;

export function runCheck(text: string, context: readonly string[] = []): CheckOutcome {
  // The checker and the analyzer share one parse (most of the work).
  const parsed = readOnce(text);
  const checked = checkManifests(text, { fileName: inputName, ...(parsed ? { parsed } : {}) });
  const findings: Finding[] = checked.diagnostics.map((d) => ({
    severity: d.severity,
    code: d.code,
    tool: 'kubectl apply',
    ...(d.resource ? { resource: `${d.resource.kind}${d.resource.name ? ` ${d.resource.namespace ?? 'default'}/${d.resource.name}` : ''}` } : {}),
    line: d.line,
    column: d.column,
    message: d.message,
  }));
  const limitHit = checked.diagnostics.find((d) => d.code === 'input-limit');
  const unknownContext = context.filter((name) => !contextSets.has(name));
  if (!limitHit) {
    const files = [{ name: inputName, text, ...(parsed ? { parsed } : {}) }, ...context.flatMap((name) => (contextSets.has(name) ? [{ name: `${name}.yaml`, text: contextSets.get(name)!.text }] : []))];
    // IST0106/IST0133 would repeat istiod's webhook checks, which the checker has just reported at the exact
    // field: the analyzer's schema check is turned off rather than run twice.
    const analyzed = analyzeFiles(files, { runtimeResources: true, allNamespaces: true, namespace: 'default', schemaCheck: () => [] });
    for (const m of analyzed.messages) {
      if (m.file !== inputName) continue; // only the user's own text is reported
      findings.push({ severity: levelOf[m.level], code: m.code, tool: 'istioctl analyze', resource: m.resource, line: m.line, column: 1, message: m.message });
    }
  }
  const rank = { error: 0, warning: 1, info: 2 };
  findings.sort((a, b) => rank[a.severity] - rank[b.severity] || a.line - b.line || a.column - b.column);
  return {
    findings,
    documents: checked.documents.length,
    ...(limitHit ? { limit: `${limitHit.message} (the page checks at most ${limits.maxChars / 1024} KiB, ${limits.maxDocuments} documents and ${limits.maxDepth} levels of nesting)` } : {}),
    unknownContext,
  };
}
