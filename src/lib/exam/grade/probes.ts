/**
 * Probe builders: each turns one requirement into a question to the semantics engine ("where does a request
 * with end-user: jason go?") and an answer in words. Tasks (src/data/tasks) build their probes from these.
 * A probe never throws: an engine error becomes a failed probe whose `saw` says what could not be read.
 */
import {
  evaluateAuthz,
  evaluateRequest,
  fqdn,
  hostCovers,
  mergeTrafficPolicy,
  parseDuration,
  resolvePeerAuthentication,
  routeHttp,
  type RouteDecision,
  type TokenState,
} from '../../istio';
import type { ClusterObject, Probe, ProbeOutcome, World } from '../types';

export function makeWorld(objects: ClusterObject[]): World {
  return { objects, ofKind: (kind) => objects.filter((o) => o.kind === kind) };
}

const values = (w: World, kind: string) => w.ofKind(kind).map((o) => o.value);

// ---------- routing ----------

export interface ProbeRequest {
  /** Service short name the client calls, e.g. `reviews` (the authority is `<host>:<port>`). */
  host: string;
  /** The namespace of the service (and of the client, unless `fromNamespace`). */
  namespace: string;
  port?: number;
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  /** `mesh` (default) or `namespace/name` of a gateway; with a gateway, `host` is the external host name. */
  gateway?: string;
  fromLabels?: Record<string, string>;
  fromNamespace?: string;
}

/** "a GET /productpage request with end-user: jason" */
export function describeRequest(r: ProbeRequest): string {
  const parts = [`a request to ${r.host}${r.port ? `:${r.port}` : ''}${r.path && r.path !== '/' ? `${r.path}` : ''}`];
  if (r.method && r.method !== 'GET') parts[0] = `a ${r.method} ${parts[0]!.slice(2)}`;
  for (const [k, v] of Object.entries(r.headers ?? {})) parts.push(`${k}: ${v}`);
  if (r.gateway && r.gateway !== 'mesh') parts.push(`through gateway ${r.gateway}`);
  if (r.fromLabels) parts.push(`from a pod labelled ${Object.entries(r.fromLabels).map(([k, v]) => `${k}=${v}`).join(',')}`);
  return parts.length > 1 ? `${parts[0]} with ${parts.slice(1).join(', ')}` : parts[0]!;
}

type Routed = { ok: true; decision: RouteDecision | null } | { ok: false; saw: string };

/** The VirtualService that serves a request (oldest first, as istiod picks), routed by the engine; null when none applies. */
export function route(w: World, r: ProbeRequest): Routed {
  const gateway = r.gateway ?? 'mesh';
  const target = r.gateway && r.gateway !== 'mesh' ? r.host.toLowerCase() : fqdn(r.host, r.namespace);
  const vs = w.ofKind('VirtualService').find((o) => {
    const spec = o.value.spec as Record<string, unknown> | undefined;
    const hosts = Array.isArray(spec?.hosts) ? spec.hosts.filter((h): h is string => typeof h === 'string') : [];
    const gws = Array.isArray(spec?.gateways) ? spec.gateways.filter((g): g is string => typeof g === 'string') : ['mesh'];
    const bound = gws.some((g) => (g === 'mesh' ? 'mesh' : g.includes('/') ? g : `${o.namespace}/${g}`) === gateway);
    return bound && hosts.some((h) => hostCovers(fqdn(h, o.namespace), target) || h.toLowerCase() === target);
  });
  if (!vs) return { ok: true, decision: null };
  const request = {
    method: r.method ?? 'GET',
    authority: `${r.host}${r.port ? `:${r.port}` : ''}`,
    path: r.path ?? '/',
    headers: r.headers ?? {},
  };
  const context: Parameters<typeof routeHttp>[0]['context'] = { gateway };
  if (r.port) context.port = r.port;
  if (r.fromLabels) context.sourceLabels = r.fromLabels;
  context.sourceNamespace = r.fromNamespace ?? r.namespace;
  const res = routeHttp({ virtualService: vs.value, destinationRules: values(w, 'DestinationRule'), request, context });
  if (!res.ok) return { ok: false, saw: `VirtualService ${vs.name} could not be read at ${res.error.path || res.error.source}: ${res.error.message}` };
  return { ok: true, decision: res.decision };
}

const shortHost = (h: string) => h.replace(/\.svc\.cluster\.local$/, '').split('.')[0] ?? h;

/** "reviews v2" / "reviews v1 (80%), reviews v2 (20%)" / "404 (NR)". */
export function describeDecision(d: RouteDecision | null, host: string): string {
  if (!d) return `${host} (no VirtualService applies: any version)`;
  if (d.httpStatus !== null && d.outcome !== 'routed' && d.outcome !== 'partial') return `${d.httpStatus}${d.responseFlag ? ` ${d.responseFlag}` : ''}`;
  const ds = d.destinations;
  if (ds.length === 0) return 'nowhere';
  const one = (x: RouteDecision['destinations'][number]) => `${shortHost(x.fqdn)}${x.subset ? ` ${x.subset}` : ''}${x.status !== 'ok' ? ` (503 ${x.status})` : ''}`;
  if (ds.length === 1) return one(ds[0]!);
  return ds.map((x) => `${one(x)} ${Math.round(x.share * 100)}%`).join(', ');
}

/** Where the traffic goes: one destination, or a split (subset or host → percent). */
export type RouteExpectation = { to: string; subset?: string } | { split: Record<string, number> } | { status: number };

function keyOf(x: RouteDecision['destinations'][number]): string {
  return x.subset ?? shortHost(x.fqdn);
}

function meets(d: RouteDecision | null, expect: RouteExpectation): boolean {
  if ('status' in expect) return d !== null && d.httpStatus === expect.status;
  if (!d) return false;
  if (d.outcome !== 'routed') return false;
  if ('to' in expect) {
    const shares = new Map<string, number>();
    for (const x of d.destinations) {
      if (shortHost(x.fqdn) !== expect.to || (x.subset ?? undefined) !== expect.subset) return false;
      shares.set('one', (shares.get('one') ?? 0) + x.share);
    }
    return Math.abs((shares.get('one') ?? 0) - 1) < 1e-9;
  }
  const got = new Map<string, number>();
  for (const x of d.destinations) got.set(keyOf(x), (got.get(keyOf(x)) ?? 0) + x.share * 100);
  const want = Object.entries(expect.split).filter(([, p]) => p > 0);
  if ([...got.values()].filter((p) => p > 0.001).length !== want.length) return false;
  return want.every(([k, p]) => Math.abs((got.get(k) ?? 0) - p) < 0.01);
}

function describeExpectation(e: RouteExpectation): string {
  if ('status' in e) return `a ${e.status}`;
  if ('to' in e) return `${e.to}${e.subset ? ` ${e.subset}` : ''}`;
  return Object.entries(e.split).map(([k, p]) => `${k} ${p}%`).join(', ');
}

export function routeProbe(id: string, requirement: string, request: ProbeRequest, expect: RouteExpectation): Probe {
  return {
    id,
    requirement,
    run(w) {
      const r = route(w, request);
      if (!r.ok) return { pass: false, saw: r.saw };
      const got = describeDecision(r.decision, request.host);
      const pass = meets(r.decision, expect);
      return { pass, saw: pass ? `${describeRequest(request)} went to ${got}.` : `${describeRequest(request)} went to ${got}; the task asks for ${describeExpectation(expect)}.` };
    },
  };
}

/** A probe on one property of the routing decision (timeout, retries, fault, mirror...). */
export function routeDetailProbe(
  id: string,
  requirement: string,
  request: ProbeRequest,
  read: (d: RouteDecision) => { pass: boolean; saw: string },
): Probe {
  return {
    id,
    requirement,
    run(w) {
      const r = route(w, request);
      if (!r.ok) return { pass: false, saw: r.saw };
      if (!r.decision) return { pass: false, saw: `no VirtualService applies to ${describeRequest(request)}; the task asks for one.` };
      const out = read(r.decision);
      return { pass: out.pass, saw: `For ${describeRequest(request)}: ${out.saw}` };
    },
  };
}

export const ms = (text: string | null | undefined) => (text ? parseDuration(text) : undefined);

// ---------- DestinationRule policy ----------

/** The traffic policy in effect for a host (and subset): top level merged with the subset's own, as Envoy gets it. */
export function effectivePolicy(w: World, host: string, namespace: string, subset?: string): { policy: Record<string, unknown>; from: string } | undefined {
  const target = fqdn(host, namespace);
  const dr = w.ofKind('DestinationRule').find((o) => {
    const h = (o.value.spec as Record<string, unknown> | undefined)?.host;
    return typeof h === 'string' && hostCovers(fqdn(h, o.namespace), target);
  });
  if (!dr) return undefined;
  const spec = (dr.value.spec ?? {}) as Record<string, unknown>;
  const top = spec.trafficPolicy as Record<string, unknown> | undefined;
  const subsets = Array.isArray(spec.subsets) ? (spec.subsets as Record<string, unknown>[]) : [];
  const sub = subset ? subsets.find((s) => s && s.name === subset) : undefined;
  const merged = mergeTrafficPolicy(top, sub?.trafficPolicy as Record<string, unknown> | undefined);
  return { policy: merged.effective, from: `DestinationRule ${dr.name}` };
}

/** Reads `a.b.c` in a plain object. */
export function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, k)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** Values compared by meaning: durations in ms, numbers as numbers, strings exactly. */
export function sameValue(got: unknown, want: string | number | boolean): boolean {
  if (typeof want === 'string' && /^\d+(\.\d+)?(ms|s|m|h)$/.test(want) && typeof got === 'string') return parseDuration(got) === parseDuration(want);
  if (typeof want === 'number') return typeof got === 'number' ? got === want : typeof got === 'string' && got.trim() !== '' && Number(got) === want;
  return got === want;
}

const show = (v: unknown) => (v === undefined ? 'not set' : typeof v === 'string' ? v : JSON.stringify(v));

/** Checks fields of the effective policy for traffic to `host` (`subset`): `{ 'loadBalancer.simple': 'LEAST_REQUEST' }`. */
export function policyProbe(id: string, requirement: string, target: { host: string; namespace: string; subset?: string }, fields: Record<string, string | number | boolean>): Probe {
  const where = `traffic to ${target.host}${target.subset ? ` ${target.subset}` : ''}`;
  return {
    id,
    requirement,
    run(w) {
      const eff = effectivePolicy(w, target.host, target.namespace, target.subset);
      if (!eff) return { pass: false, saw: `no DestinationRule applies to ${where}; the task asks for one.` };
      const wrong = Object.entries(fields).filter(([p, v]) => !sameValue(at(eff.policy, p), v));
      if (wrong.length === 0) return { pass: true, saw: `${where} has ${Object.entries(fields).map(([p, v]) => `${p} ${v}`).join(', ')} (${eff.from}).` };
      return { pass: false, saw: `${where} has ${wrong.map(([p, v]) => `${p} ${show(at(eff.policy, p))} (the task asks for ${v})`).join(', ')}.` };
    },
  };
}

// ---------- security ----------

export interface AuthzCase {
  /** The workload receiving the request. */
  to: { namespace: string; labels: Record<string, string> };
  /** Caller identity as `namespace/serviceAccount`; absent = plaintext, no identity. */
  from?: string;
  method?: string;
  path?: string;
  port?: number;
  headers?: Record<string, string>;
  /** JWT request principal `<iss>/<sub>` (a token already validated). */
  requestPrincipal?: string;
}

const describeCase = (c: AuthzCase) =>
  `a ${c.method ?? 'GET'} ${c.path ?? '/'} ${c.from ? `from ${c.from.replace('/', ' service account ')}` : 'from a caller with no mTLS identity'}${c.requestPrincipal ? ` with a JWT for ${c.requestPrincipal}` : ''} to ${Object.values(c.to.labels).join(',') || 'the workload'} in ${c.to.namespace}`;

export function authzProbe(id: string, requirement: string, c: AuthzCase, expect: 'allow' | 'deny'): Probe {
  return {
    id,
    requirement,
    run(w) {
      const request: Parameters<typeof evaluateAuthz>[0]['request'] = { method: c.method ?? 'GET', path: c.path ?? '/', headers: c.headers ?? {} };
      if (c.from) {
        const [ns, sa] = c.from.split('/');
        request.sourcePrincipal = `cluster.local/ns/${ns}/sa/${sa}`;
      }
      if (c.port) request.port = c.port;
      if (c.requestPrincipal) request.auth = { principal: c.requestPrincipal };
      const res = evaluateAuthz({ policies: values(w, 'AuthorizationPolicy'), workload: c.to, request });
      if (!res.ok) return { pass: false, saw: `an AuthorizationPolicy could not be read at ${res.error.path}: ${res.error.message}` };
      const got = res.decision.allowed ? 'allow' : 'deny';
      const said = `${describeCase(c)} was ${res.decision.allowed ? 'allowed' : 'denied (403)'}`;
      return { pass: got === expect, saw: got === expect ? `${said}.` : `${said}; the task asks for it to be ${expect === 'allow' ? 'allowed' : 'denied'}.` };
    },
  };
}

type Mode = 'STRICT' | 'PERMISSIVE' | 'DISABLE';

/** The effective mTLS mode of a workload (and port); `expect` may list every mode that meets the requirement. */
export function mtlsProbe(id: string, requirement: string, workload: { namespace: string; labels: Record<string, string> }, expect: Mode | Mode[], port?: number): Probe {
  const wanted = [expect].flat();
  const who = `${Object.values(workload.labels).join(',') || 'workloads'} in ${workload.namespace}${port ? ` on port ${port}` : ''}`;
  return {
    id,
    requirement,
    run(w) {
      const input: Parameters<typeof resolvePeerAuthentication>[0] = { policies: values(w, 'PeerAuthentication'), workload };
      if (port) input.port = port;
      const res = resolvePeerAuthentication(input);
      if (!res.ok) return { pass: false, saw: `a PeerAuthentication could not be read at ${res.error.path}: ${res.error.message}` };
      const mode = res.decision.mode;
      const pass = wanted.includes(mode);
      return { pass, saw: `mTLS for ${who} is ${mode}${pass ? '' : `; the task asks for ${wanted.join(' or ')}`}.` };
    },
  };
}

export interface JwtCase {
  to: { namespace: string; labels: Record<string, string> };
  token: TokenState;
  path?: string;
  method?: string;
  from?: string;
}

const describeToken = (t: TokenState) => (t.state === 'none' ? 'no token' : t.state === 'invalid' ? 'an invalid token' : `a valid token from ${t.iss}`);

export function jwtProbe(id: string, requirement: string, c: JwtCase, expect: 200 | 401 | 403): Probe {
  return {
    id,
    requirement,
    run(w) {
      const request: Parameters<typeof evaluateRequest>[0]['request'] = { method: c.method ?? 'GET', path: c.path ?? '/' };
      if (c.from) {
        const [ns, sa] = c.from.split('/');
        request.sourcePrincipal = `cluster.local/ns/${ns}/sa/${sa}`;
      }
      const res = evaluateRequest({ requestAuthentications: values(w, 'RequestAuthentication'), authorizationPolicies: values(w, 'AuthorizationPolicy'), workload: c.to, token: c.token, request });
      if (!res.ok) return { pass: false, saw: `a policy could not be read at ${res.error.path}: ${res.error.message}` };
      const got = res.decision.status;
      const said = `a ${c.method ?? 'GET'} ${c.path ?? '/'} with ${describeToken(c.token)} got ${got}`;
      return { pass: got === expect, saw: got === expect ? `${said}.` : `${said}; the task asks for ${expect}.` };
    },
  };
}

// ---------- any object ----------

/** A probe written directly against the world, for objects the engine does not simulate (Gateway, ServiceEntry, Sidecar, IstioOperator). */
export function worldProbe(id: string, requirement: string, run: (w: World) => ProbeOutcome): Probe {
  return { id, requirement, run };
}
