/**
 * Where IST0106 (SchemaValidationError) and IST0133 (SchemaWarning) come from. istioctl runs istiod's
 * validation (pkg/config/validation) over every Istio object and prints each error it returns; the project's
 * checker holds that validation as its webhook stage, so the analyzer asks it, resource by resource.
 */
import { formatPath } from '../../yaml/field-path';
import { checkWebhook } from '../check/webhook';
import { webhookPrefix } from '../check/webhook/report';
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

/** istiod's validation of one resource, as the checker's webhook stage finds it, without the webhook's wording. */
export const defaultSchemaCheck: SchemaCheck = (r) => {
  const group = r.apiVersion.includes('/') ? r.apiVersion.slice(0, r.apiVersion.indexOf('/')) : '';
  return checkWebhook(group, r.kind, r.object, r.namespace || 'default').map((f) => {
    const path = formatPath(f.segments);
    const line = r.fields.get(`{.${path}}`);
    return {
      severity: f.severity,
      message: f.message.startsWith(webhookPrefix) ? f.message.slice(webhookPrefix.length) : f.message.replace(/^Warning: /, ''),
      ...(path ? { path } : {}),
      ...(line !== undefined ? { line } : {}),
    };
  });
};
