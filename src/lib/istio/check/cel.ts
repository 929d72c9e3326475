/**
 * The CRDs' `x-kubernetes-validations` rules, evaluated with @marcbachmann/cel-js (choice and comparison in
 * docs/ARCHITECTURE.md). Each rule is compiled once, on first use. `self` is the value at the rule's place;
 * transition rules (those that read `oldSelf`) are skipped, as the API server skips them on create.
 * The Kubernetes CEL library functions these CRDs use beyond standard CEL (`isURL`, `url`, `getScheme`)
 * are registered here.
 */
import { Environment } from '@marcbachmann/cel-js';
import { formatPath, type PathSegment } from '../../yaml/field-path';
import type { RuleSite, SchemaFinding } from './schema-check';
import type { CelRule, SchemaNode } from './schema-types';

/** A URL as Kubernetes' CEL `url()` returns it; only what the rules read. */
class KubeUrl {
  constructor(readonly scheme: string) {}
}

/**
 * Go's url.ParseRequestURI, which Kubernetes' `isURL` and `url` use: an absolute path, or a scheme
 * followed by `:`; no control characters or spaces.
 */
function parseRequestUri(s: string): KubeUrl | undefined {
  if (s === '' || /[\s\x00-\x1f\x7f]/.test(s)) return undefined;
  if (s.startsWith('/')) return new KubeUrl('');
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(s);
  return m ? new KubeUrl(m[1]!.toLowerCase()) : undefined;
}

let env: Environment | undefined;
function environment(): Environment {
  if (env) return env;
  env = new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false })
    .registerType('URL', KubeUrl)
    .registerFunction('isURL(string): bool', (s: string) => parseRequestUri(s) !== undefined)
    .registerFunction('url(string): URL', (s: string) => {
      const u = parseRequestUri(s);
      if (!u) throw new Error(`URL parse error during conversion from string: ${s}`);
      return u;
    })
    .registerFunction({ name: 'getScheme', receiverType: 'URL', returnType: 'string', handler: (u: KubeUrl) => u.scheme, params: [] });
  return env;
}

type Program = (context: Record<string, unknown>) => unknown;
const programs = new Map<string, Program | null>();

/** The compiled rule, or null when it cannot run here (a transition rule, or one the library rejects). */
function program(expression: string): Program | null {
  let p = programs.get(expression);
  if (p === undefined) {
    try {
      p = /\boldSelf\b/.test(expression) ? null : (environment().parse(expression) as unknown as Program);
    } catch {
      p = null;
    }
    programs.set(expression, p);
  }
  return p;
}

/** JSON data as CEL sees it under a schema: integers become CEL ints (bigint), doubles stay numbers. */
function toCel(value: unknown, node: SchemaNode | undefined, nodes: SchemaNode[]): unknown {
  if (typeof value === 'number') return node?.t === 'number' || !Number.isInteger(value) ? value : BigInt(value);
  if (Array.isArray(value)) {
    const items = node?.i !== undefined ? nodes[node.i] : undefined;
    return value.map((v) => toCel(v, items, nodes));
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const child = node?.p && Object.hasOwn(node.p, k) ? nodes[node.p[k]!] : typeof node?.a === 'number' ? nodes[node.a] : undefined;
      Object.defineProperty(out, k, { value: toCel(v, child, nodes), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

const reasons: Record<string, string> = {
  FieldValueRequired: 'Required value',
  FieldValueForbidden: 'Forbidden',
  FieldValueDuplicate: 'Duplicate value',
};

/** Where a rule reports: the rule's place, or its `fieldPath` below it (`.spec.port` style). */
function reportPath(site: PathSegment[], rule: CelRule): PathSegment[] {
  if (!rule.fieldPath) return site;
  const extra: PathSegment[] = [];
  for (const m of rule.fieldPath.matchAll(/\.([A-Za-z0-9_-]+)|\[(\d+)\]|\['([^']*)'\]/g)) extra.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? m[3])!);
  return [...site, ...extra];
}

function messageOf(rule: CelRule, self: unknown): string {
  if (rule.messageExpression) {
    const p = program(rule.messageExpression);
    if (p) {
      try {
        const m = p({ self });
        if (typeof m === 'string' && m.trim() !== '') return m;
      } catch {
        // fall back to message, as the API server does when messageExpression fails
      }
    }
  }
  return rule.message ?? `failed rule: ${rule.rule}`;
}

/** Evaluates the rules found by the schema walk; returns one finding per failed rule. */
export function checkRules(sites: RuleSite[], nodes: SchemaNode[]): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  for (const site of sites) {
    let self: unknown;
    for (const rule of site.rules) {
      const p = program(rule.rule);
      if (!p) continue;
      self ??= toCel(site.value, site.node, nodes);
      let ok: unknown;
      try {
        ok = p({ self });
      } catch {
        // A rule that cannot be evaluated on this value (e.g. an absent optional field) is not reported.
        continue;
      }
      if (ok === true) continue;
      const segments = reportPath(site.segments, rule);
      const path = formatPath(segments);
      const reason = rule.reason && Object.hasOwn(reasons, rule.reason) ? reasons[rule.reason]! : `Invalid value: "${site.node.t ?? 'object'}"`;
      out.push({ severity: 'error', code: 'rule', segments, message: `${path ? `${path}: ` : ''}${reason}: ${messageOf(rule, self)}` });
    }
  }
  return out;
}
