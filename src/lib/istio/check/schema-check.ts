/**
 * Checks a value against a compact schema the way the API server does for a custom resource: unknown fields
 * (kubectl's strict field validation), types, enums, required fields, formats, bounds, list sets and maps,
 * oneOf. Messages follow the API server's wording (`<path>: Unsupported value: ...`).
 */
import { formatPath, type PathSegment } from '../../yaml/field-path';
import type { CelRule, OneOfBranch, SchemaNode } from './schema-types';
import type { DiagnosticCode } from './types';
import { setOwn } from './yaml-input';

export interface SchemaFinding {
  severity: 'error' | 'warning';
  code: DiagnosticCode;
  segments: PathSegment[];
  message: string;
}

/** A place where the CRD declares CEL rules, with the (defaulted) value found there. */
export interface RuleSite {
  rules: CelRule[];
  node: SchemaNode;
  value: unknown;
  segments: PathSegment[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON type name the API server prints for a value. */
export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** A value as the API server quotes it in `Invalid value: ...`. */
export function quote(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(jsonType(v));
}

const patterns = new Map<string, RegExp | null>();
function compiled(pattern: string): RegExp | null {
  let re = patterns.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = null;
    }
    patterns.set(pattern, re);
  }
  return re;
}

const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export const isIPv4 = (s: string) => ipv4.test(s);
export function isIPv6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || s.split('::').length > 2) return false;
  const [head = '', tail] = s.split('::');
  const parts = (x: string) => (x === '' ? [] : x.split(':'));
  const groups = [...parts(head), ...(tail === undefined ? [] : parts(tail))];
  const last = groups[groups.length - 1];
  const hasV4 = last !== undefined && last.includes('.');
  if (hasV4 && !isIPv4(last)) return false;
  const hex = hasV4 ? groups.slice(0, -1) : groups;
  if (!hex.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = hex.length + (hasV4 ? 2 : 0);
  return tail === undefined ? count === 8 : count < 8;
}

/** Applies the schema's defaults and drops nulls the schema does not allow, as the API server does first. */
export function applyDefaults(value: unknown, node: SchemaNode, nodes: SchemaNode[]): unknown {
  if (Array.isArray(value)) {
    if (node.i === undefined) return value;
    const items = nodes[node.i]!;
    return value.map((v) => applyDefaults(v, items, nodes));
  }
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const child = node.p && Object.hasOwn(node.p, k) ? nodes[node.p[k]!] : typeof node.a === 'number' ? nodes[node.a] : undefined;
    if (v === null && child && !child.n) continue;
    setOwn(out, k, child ? applyDefaults(v, child, nodes) : v);
  }
  for (const [k, i] of Object.entries(node.p ?? {})) {
    const child = nodes[i]!;
    if (child.d !== undefined && !Object.hasOwn(out, k)) setOwn(out, k, applyDefaults(structuredClone(child.d), child, nodes));
  }
  return out;
}

const isSet = (obj: Record<string, unknown>, field: string) => Object.hasOwn(obj, field) && obj[field] !== null;
const branchHolds = (obj: Record<string, unknown>, b: OneOfBranch) =>
  b.r ? b.r.every((f) => isSet(obj, f)) : !(b.nr ?? []).some((set) => set.every((f) => isSet(obj, f)));

/**
 * Walks `value` with its schema. `value` must already be defaulted (applyDefaults). Returns the findings and
 * the places whose CEL rules apply (only where the value there has the right type).
 */
export function checkSchema(value: unknown, root: SchemaNode, nodes: SchemaNode[], base: PathSegment[] = []): { findings: SchemaFinding[]; ruleSites: RuleSite[] } {
  const findings: SchemaFinding[] = [];
  const ruleSites: RuleSite[] = [];
  const add = (code: DiagnosticCode, segments: PathSegment[], message: string, severity: 'error' | 'warning' = 'error') =>
    findings.push({ severity, code, segments, message });

  const walk = (v: unknown, node: SchemaNode, segments: PathSegment[], experimental: boolean): void => {
    if (node.x && !experimental && segments.length) {
      const p = formatPath(segments);
      add('experimental', segments, `${p}: only the Gateway API experimental channel CRDs have this field; a cluster with the standard channel rejects it as unknown field "${p}"`, 'warning');
      experimental = true;
    }
    if (v === null) {
      // Reached only for nullable fields or list items.
      const p = formatPath(segments);
      if (!node.n && node.t) add('invalid-type', segments, `${p}: Invalid value: "null": ${p} in body must be of type ${node.t}: "null"`);
      return;
    }
    const t = node.t;
    const actual = jsonType(v);
    const typeOk =
      !t ||
      (t === 'object' && actual === 'object') ||
      (t === 'array' && actual === 'array') ||
      (t === 'string' && actual === 'string') ||
      (t === 'integer' && actual === 'integer') ||
      (t === 'number' && (actual === 'number' || actual === 'integer')) ||
      (t === 'boolean' && actual === 'boolean') ||
      (t === 'int-or-string' && (actual === 'integer' || actual === 'string'));
    if (!typeOk) {
      const p = formatPath(segments);
      const expected = t === 'int-or-string' ? 'integer,string' : t;
      add('invalid-type', segments, `${p}: Invalid value: "${actual}": ${p} in body must be of type ${expected}: "${actual}"`);
      return;
    }
    if (node.e && !node.e.some((x) => x === v)) {
      const p = formatPath(segments);
      add('unsupported-value', segments, `${p}: Unsupported value: ${quote(v)}: supported values: ${node.e.map((x) => JSON.stringify(x)).join(', ')}`);
    }
    if (typeof v === 'string') checkString(v, node, segments);
    else if (typeof v === 'number') checkNumber(v, node, segments);
    else if (Array.isArray(v)) {
      const p = () => formatPath(segments);
      if (node.minI !== undefined && v.length < node.minI) add('invalid-value', segments, `${p()}: Invalid value: ${v.length}: ${p()} in body should have at least ${node.minI} items`);
      if (node.maxI !== undefined && v.length > node.maxI) add('too-many', segments, `${p()}: Too many: ${v.length}: must have at most ${node.maxI} items`);
      checkListType(v, node, segments);
      if (node.i !== undefined) {
        const items = nodes[node.i]!;
        v.forEach((item, i) => walk(item, items, [...segments, i], experimental));
      }
    } else if (isObject(v)) {
      checkObject(v, node, segments, experimental);
    }
    if (node.v) ruleSites.push({ rules: node.v, node, value: v, segments });
  };

  const checkString = (v: string, node: SchemaNode, segments: PathSegment[]) => {
    if (node.minL === undefined && node.maxL === undefined && !node.pat && !node.f) return;
    const p = formatPath(segments);
    const length = [...v].length;
    if (node.minL !== undefined && length < node.minL) add('invalid-value', segments, `${p}: Invalid value: ${quote(v)}: ${p} in body should be at least ${node.minL} chars long`);
    if (node.maxL !== undefined && length > node.maxL) add('too-long', segments, `${p}: Too long: may not be more than ${node.maxL} bytes`);
    if (node.pat) {
      const re = compiled(node.pat);
      if (re && !re.test(v)) add('invalid-value', segments, `${p}: Invalid value: ${quote(v)}: ${p} in body should match '${node.pat}'`);
    }
    const formatOk =
      node.f === 'date-time' ? rfc3339.test(v) : node.f === 'byte' ? base64.test(v.replace(/\s/g, '')) : node.f === 'ipv4' ? isIPv4(v) : node.f === 'ipv6' ? isIPv6(v) : true;
    if (!formatOk) add('invalid-value', segments, `${p}: Invalid value: ${quote(v)}: ${p} in body must be of type ${node.f}: ${quote(v)}`);
  };

  const checkNumber = (v: number, node: SchemaNode, segments: PathSegment[]) => {
    if (node.min === undefined && node.max === undefined && !node.f) return;
    const p = formatPath(segments);
    if (node.min !== undefined && v < node.min) add('invalid-value', segments, `${p}: Invalid value: ${v}: ${p} in body should be greater than or equal to ${node.min}`);
    if (node.max !== undefined && v > node.max) add('invalid-value', segments, `${p}: Invalid value: ${v}: ${p} in body should be less than or equal to ${node.max}`);
    if (node.f === 'int32' && (v < -2147483648 || v > 2147483647)) add('invalid-value', segments, `${p}: Invalid value: ${v}: ${p} must fit in a 32-bit integer (format int32)`);
    if (node.f === 'int64' && !Number.isSafeInteger(v)) add('invalid-value', segments, `${p}: Invalid value: ${v}: ${p} must fit in a 64-bit integer (format int64)`);
  };

  const checkListType = (v: unknown[], node: SchemaNode, segments: PathSegment[]) => {
    if (node.lt !== 'set' && node.lt !== 'map') return;
    const seen = new Set<string>();
    v.forEach((item, i) => {
      const key = node.lt === 'map' && isObject(item) ? JSON.stringify((node.lk ?? []).map((k) => item[k] ?? null)) : JSON.stringify(item);
      if (seen.has(key)) {
        const shown = node.lt === 'map' && isObject(item) ? `map[string]interface {}{${(node.lk ?? []).map((k) => `"${k}":${JSON.stringify(item[k] ?? null)}`).join(', ')}}` : quote(item);
        add('duplicate', [...segments, i], `${formatPath([...segments, i])}: Duplicate value: ${shown}`);
      }
      seen.add(key);
    });
  };

  const checkObject = (v: Record<string, unknown>, node: SchemaNode, segments: PathSegment[], experimental: boolean) => {
    const p = () => formatPath(segments);
    const keys = Object.keys(v);
    if (node.minP !== undefined && keys.length < node.minP) add('invalid-value', segments, `${p()}: Invalid value: ${keys.length}: ${p()} in body should have at least ${node.minP} properties`);
    if (node.maxP !== undefined && keys.length > node.maxP) add('too-many', segments, `${p()}: Too many: ${keys.length}: must have at most ${node.maxP} items`);
    for (const r of node.r ?? []) {
      if (!isSet(v, r)) add('required', [...segments, r], `${formatPath([...segments, r])}: Required value`);
    }
    for (const group of node.one ?? []) {
      const holding = group.filter((b) => branchHolds(v, b)).length;
      if (holding !== 1) {
        const fields = [...new Set(group.flatMap((b) => b.r ?? []))].filter((f) => isSet(v, f));
        add('invalid-value', segments, `${p()}: Invalid value: "object": ${p()} in body must validate one and only one schema (oneOf)${fields.length > 1 ? `; set only one of ${fields.join(', ')}` : ''}`);
      }
    }
    if (node.ip) {
      const type = v.type ?? 'IPAddress';
      if (type === 'IPAddress' && typeof v.value === 'string' && !isIPv4(v.value) && !isIPv6(v.value)) {
        add('invalid-value', [...segments, 'value'], `${p()}: Invalid value: "object": ${p()} in body must validate one and only one schema (oneOf); an IPAddress value must be an IPv4 or IPv6 address`);
      }
    }
    for (const k of keys) {
      const child = node.p && Object.hasOwn(node.p, k) ? nodes[node.p[k]!] : typeof node.a === 'number' ? nodes[node.a] : undefined;
      if (child) walk(v[k], child, [...segments, k], experimental);
      else if (node.a !== true && !node.u) add('unknown-field', [...segments, k], `unknown field "${formatPath([...segments, k])}"`);
    }
  };

  walk(value, root, base, false);
  return { findings, ruleSites };
}
