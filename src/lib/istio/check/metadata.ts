/**
 * The API server's checks of `metadata` (Kubernetes apimachinery validation): the name every object needs,
 * its format per kind, the namespace, and label and annotation keys and values. Messages are the API
 * server's own.
 */
import { formatPath, type PathSegment } from '../../yaml/field-path';
import type { SchemaFinding } from './schema-check';
import { quote } from './schema-check';

const dns1123LabelRe = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123SubdomainRe = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const dns1035LabelRe = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const qualifiedNameRe = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const labelValueRe = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const tooLong = (n: number) => `must be no more than ${n} characters`;
const subdomainMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const labelMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const dns1035Msg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const qualifiedNameMsg =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const labelValueMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

export function dns1123Subdomain(v: string): string[] {
  const out: string[] = [];
  if (v.length > 253) out.push(tooLong(253));
  if (!dns1123SubdomainRe.test(v)) out.push(subdomainMsg);
  return out;
}
export function dns1123Label(v: string): string[] {
  const out: string[] = [];
  if (v.length > 63) out.push(tooLong(63));
  if (!dns1123LabelRe.test(v)) out.push(labelMsg);
  return out;
}
export function dns1035Label(v: string): string[] {
  const out: string[] = [];
  if (v.length > 63) out.push(tooLong(63));
  if (!dns1035LabelRe.test(v)) out.push(dns1035Msg);
  return out;
}

/** A label or annotation key: an optional DNS subdomain prefix and `/`, then a name of at most 63 characters. */
export function qualifiedName(v: string): string[] {
  const parts = v.split('/');
  let name = v;
  const out: string[] = [];
  if (parts.length === 2) {
    const [prefix, rest] = parts as [string, string];
    name = rest;
    if (prefix.length === 0) out.push('prefix part must be non-empty');
    else for (const m of dns1123Subdomain(prefix)) out.push(`prefix part ${m}`);
  } else if (parts.length > 2) {
    return [`a qualified name ${qualifiedNameMsg} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) out.push('name part must be non-empty');
  else if (name.length > 63) out.push(`name part ${tooLong(63)}`);
  if (name.length > 0 && !qualifiedNameRe.test(name)) out.push(`name part ${qualifiedNameMsg}`);
  return out;
}

export function labelValue(v: string): string[] {
  const out: string[] = [];
  if (v.length > 63) out.push(tooLong(63));
  if (!labelValueRe.test(v)) out.push(labelValueMsg);
  return out;
}

/** Which rule a kind's name follows (Kubernetes' per-kind name validation; custom resources use subdomains). */
function nameRule(kind: string): (v: string) => string[] {
  if (kind === 'Service') return dns1035Label;
  if (kind === 'Namespace') return dns1123Label;
  return dns1123Subdomain;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a map of labels (keys and values) at `segments`, e.g. metadata.labels or a selector's matchLabels. */
export function checkLabels(labels: unknown, segments: PathSegment[], out: SchemaFinding[]): void {
  if (!isObject(labels)) return;
  const p = formatPath(segments);
  for (const [k, v] of Object.entries(labels)) {
    for (const m of qualifiedName(k)) out.push({ severity: 'error', code: 'invalid-value', segments: [...segments, k], message: `${p}: Invalid value: ${quote(k)}: ${m}` });
    if (typeof v === 'string') {
      for (const m of labelValue(v)) out.push({ severity: 'error', code: 'invalid-value', segments: [...segments, k], message: `${formatPath([...segments, k])}: Invalid value: ${quote(v)}: ${m}` });
    }
  }
}

/** Checks `metadata` for a kind; the schema walk has already checked its shape. */
export function checkMetadata(kind: string, namespaced: boolean, metadata: unknown): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  const meta = isObject(metadata) ? metadata : {};
  const name = meta.name;
  const invalid = (segments: PathSegment[], value: string, m: string) =>
    out.push({ severity: 'error', code: 'invalid-value', segments, message: `${formatPath(segments)}: Invalid value: ${quote(value)}: ${m}` });
  if (typeof name !== 'string' || name === '') {
    if (typeof meta.generateName !== 'string' || meta.generateName === '') {
      out.push({ severity: 'error', code: 'required', segments: ['metadata', 'name'], message: 'metadata.name: Required value: name or generateName is required' });
    }
  } else {
    for (const m of nameRule(kind)(name)) invalid(['metadata', 'name'], name, m);
  }
  if (typeof meta.namespace === 'string' && meta.namespace !== '') {
    // kubectl drops the namespace of a cluster-scoped object; a namespaced one must name a valid namespace.
    if (namespaced) for (const m of dns1123Label(meta.namespace)) invalid(['metadata', 'namespace'], meta.namespace, m);
  }
  checkLabels(meta.labels, ['metadata', 'labels'], out);
  if (isObject(meta.annotations)) {
    let total = 0;
    for (const [k, v] of Object.entries(meta.annotations)) {
      total += k.length + (typeof v === 'string' ? v.length : 0);
      for (const m of qualifiedName(k)) out.push({ severity: 'error', code: 'invalid-value', segments: ['metadata', 'annotations', k], message: `metadata.annotations: Invalid value: ${quote(k)}: ${m}` });
    }
    if (total > 256 * 1024) out.push({ severity: 'error', code: 'too-long', segments: ['metadata', 'annotations'], message: 'metadata.annotations: Too long: must have at most 262144 bytes' });
  }
  return out;
}
