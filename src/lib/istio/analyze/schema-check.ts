/**
 * Where IST0106 (SchemaValidationError) and IST0133 (SchemaWarning) come from. istioctl runs istiod's
 * validation (pkg/config/validation) over every Istio object and prints each error it returns. This project's
 * validator is injected here, so the analyzer itself stays small and browser-safe: point `defaultSchemaCheck`
 * at the shared checker when it lands (the only line to change), or pass `schemaCheck` to `analyze()`.
 */
import type { Resource } from './load';

export interface SchemaFinding {
  /** `error` → IST0106, `warning` → IST0133. */
  severity: 'error' | 'warning';
  /** The validator's text, printed after "Schema validation error: ". */
  message: string;
  /** Field path it concerns (`spec.http[0].route`), when known. */
  path?: string;
  /** 1-based line of that field, when known. */
  line?: number;
}

export type SchemaCheck = (resource: Resource) => readonly SchemaFinding[];

/** No validator wired yet: IST0106 is reported only when a caller passes its own `schemaCheck`. */
export const defaultSchemaCheck: SchemaCheck = () => [];
