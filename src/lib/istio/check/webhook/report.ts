/**
 * How istiod's validating webhook answers: `admission webhook "validation.istio.io" denied the request:
 * configuration is invalid: <error>` (istio/istio pkg/webhooks/validation/server/server.go). istiod joins
 * several errors into one `N errors occurred:` list; the checker reports each at its own field, so every
 * one gets a line. Warnings come back as `Warning: <text>` and do not stop the apply.
 */
import type { PathSegment } from '../../../yaml/field-path';
import type { SchemaFinding } from '../schema-check';

export const webhookPrefix = 'admission webhook "validation.istio.io" denied the request: configuration is invalid: ';

export interface Report {
  /** An error istiod rejects the resource with, reported at `segments`. */
  deny(segments: PathSegment[], message: string): void;
  /** A warning istiod returns while accepting the resource. */
  warn(segments: PathSegment[], message: string): void;
  findings: SchemaFinding[];
}

export function newReport(prefix = ''): Report {
  const findings: SchemaFinding[] = [];
  return {
    findings,
    deny: (segments, message) => findings.push({ severity: 'error', code: 'webhook', segments, message: `${webhookPrefix}${prefix}${message}` }),
    warn: (segments, message) => findings.push({ severity: 'warning', code: 'webhook', segments, message: `Warning: ${message}` }),
  };
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const strings = (v: unknown): string[] => list(v).map((x) => (typeof x === 'string' ? x : String(x)));
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
/** Go's `%v` of a string list: `[a b]`. */
export const goList = (v: string[]) => `[${v.join(' ')}]`;
