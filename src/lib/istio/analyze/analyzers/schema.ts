/**
 * schema.ValidationAnalyzer (analyzers/schema/validation.go): istiod's validation of each Istio object, through
 * the injected schema check (IST0106 errors, IST0133 warnings), plus the VirtualService rule-reachability
 * warnings that validation raises (pkg/config/validation/validation.go analyzeUnreachable*Rules):
 * a rule no request can reach (IST0130) and a match an earlier rule already takes (IST0131).
 */
import type { AnalysisContext, Analyzer } from '../context';
import { kinds } from '../kinds';
import type { Resource } from '../load';
import type { SchemaCheck } from '../schema-check';
import { arr, isObj, num, obj, str } from './util';

/** A stable JSON text of a value with sorted keys and no empty fields (Go's omitempty), for "same match" tests. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObj(v)) {
    const fields = Object.keys(v)
      .filter((k) => v[k] !== undefined && v[k] !== null && v[k] !== '' && v[k] !== 0 && v[k] !== false)
      .sort()
      .map((k) => [k, canonical(v[k])] as const)
      .filter(([, text]) => text !== '[]' && text !== '{}');
    return `{${fields.map(([k, text]) => `${JSON.stringify(k)}:${text}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

const routeName = (route: Record<string, unknown>, n: number, named: boolean) => (named && str(route.name) !== '' ? JSON.stringify(str(route.name)) : `#${n}`);
const matchName = (match: Record<string, unknown>, n: number, named: boolean) => (named && str(match.name) !== '' ? JSON.stringify(str(match.name)) : `#${n}`);

interface PrefixMatch {
  route: string;
  match: string;
  prefix: string;
  port: number;
  method: string;
  authority: string;
  headers: Map<string, string>;
  queryParams: Map<string, string>;
  withoutHeaders: Map<string, string>;
}

const exactOrPrefix = (m: unknown) => (str(obj(m).exact) !== '' ? `exact:${str(obj(m).exact)}` : str(obj(m).prefix) !== '' ? `prefix:${str(obj(m).prefix)}` : '');
const matchMap = (v: unknown) => new Map(Object.entries(obj(v)).map(([k, m]) => [k, exactOrPrefix(m)]));

function prefixMatch(route: string, match: Record<string, unknown>, n: number): PrefixMatch | undefined {
  const prefix = str(obj(match.uri).prefix);
  if (!isObj(match.uri) || prefix === '') return undefined;
  return {
    route,
    match: matchName(match, n, true),
    prefix,
    port: num(match.port),
    method: exactOrPrefix(match.method) || 'exact:GET',
    authority: exactOrPrefix(match.authority),
    headers: matchMap(match.headers),
    queryParams: matchMap(match.queryParams),
    withoutHeaders: matchMap(match.withoutHeaders),
  };
}

function mapCovered(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined || (v !== w && !v.startsWith(w))) return false;
  }
  return true;
}

/** b's prefix starts with a's and every other condition of a is at least as wide: b can never be reached. */
function covered(a: PrefixMatch, b: PrefixMatch): boolean {
  if (!b.prefix.startsWith(a.prefix) || b.port !== a.port) return false;
  if (a.method !== b.method && !a.method.startsWith(b.method)) return false;
  if (a.authority !== b.authority && !a.authority.startsWith(b.authority)) return false;
  return mapCovered(a.headers, b.headers) && mapCovered(a.queryParams, b.queryParams) && mapCovered(a.withoutHeaders, b.withoutHeaders);
}

function unreachableRules(ctx: AnalysisContext, vs: Resource, section: 'http' | 'tcp' | 'tls'): void {
  const routes = arr(vs.spec[section]);
  const named = section === 'http';
  const seen = new Map<string, number>();
  let emptyMatch = -1;
  const prefixes: PrefixMatch[] = [];
  routes.forEach((r, n) => {
    if (r === null || r === undefined) return;
    const route = obj(r);
    const matches = arr(route.match);
    if (matches.length === 0) {
      if (emptyMatch >= 0) ctx.report('IST0130', vs, [routeName(route, n, named), 'only the last rule can have no matches']);
      emptyMatch = n;
      return;
    }
    let duplicates = 0;
    matches.forEach((m, i) => {
      const match = obj(m);
      const key = canonical(named ? { ...match, name: undefined } : match);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        ctx.report('IST0131', vs, [routeName(route, n, named), matchName(match, i, named), routeName(obj(routes[earlier]), earlier, named)]);
        duplicates++;
        return;
      }
      seen.set(key, n);
      if (named) {
        const p = prefixMatch(routeName(route, n, true), match, i);
        if (p) prefixes.push(p);
      }
    });
    if (duplicates === matches.length) ctx.report('IST0130', vs, [routeName(route, n, named), 'all matches used by prior rules']);
  });
  for (let a = 0; a < prefixes.length; a++) {
    for (let b = a + 1; b < prefixes.length; b++) {
      const pa = prefixes[a]!;
      const pb = prefixes[b]!;
      if (pa.prefix === pb.prefix || !covered(pa, pb)) continue;
      ctx.report('IST0131', vs, [pb.route, `${pb.match} of prefix ${pb.prefix}`, `${pa.match} of prefix ${pa.prefix} on ${pa.route}`]);
    }
  }
}

export function schemaValidationAnalyzer(check: SchemaCheck): Analyzer {
  const istioKinds = Object.keys(kinds).filter((k) => kinds[k]!.istio);
  return {
    name: 'schema.ValidationAnalyzer',
    inputs: istioKinds,
    analyze(ctx) {
      for (const kind of istioKinds) {
        for (const r of ctx.list(kind)) {
          for (const f of check(r)) {
            ctx.report(f.severity === 'error' ? 'IST0106' : 'IST0133', r, [f.message]);
            if (f.path) ctx.reported.at(-1)!.message.path = f.path;
          }
          if (kind === 'VirtualService') for (const section of ['http', 'tcp', 'tls'] as const) unreachableRules(ctx, r, section);
        }
      }
    },
  };
}
