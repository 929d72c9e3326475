/**
 * HTTP routing through a VirtualService, the way istiod and Envoy decide it (Istio 1.26):
 * rules in order, first match wins; conditions in one match block are ANDed, blocks are ORed; a rule with
 * no match (or only `uri.prefix: /`) is a catch-all after which nothing is evaluated; `port`, `gateways`,
 * `sourceLabels`, `sourceNamespace` select which blocks exist for a proxy (config time); the others are
 * checked per request. Regex is RE2, full match. Outcomes: routed, 404 NR, 503 NC, 503 UH, redirect,
 * direct response.
 */
import { parseDuration, formatMs } from './duration';
import { aliasesOf, fqdn, hostCovers, splitAuthority } from './hosts';
import { applyStringMatch, describeMatch, readStringMatch, type StringMatch } from './string-match';
import { labelsMatch, readResource, Reader } from './reader';
import { guard, type EngineResult, type PathSegment } from './result';

export interface HttpRequest {
  /** Default `GET`. */
  method?: string;
  /** The Host / `:authority` header, e.g. `reviews:9080`. Default: the VirtualService's first host. */
  authority?: string;
  /** Path with optional query string. Default `/`. */
  path?: string;
  /** Default `http`. */
  scheme?: string;
  /** Header names are case-insensitive (lower-cased here). */
  headers?: Record<string, string>;
}

export interface RouteContext {
  /** The proxy deciding: `mesh` (a sidecar, default) or a gateway as `ns/name` or `name` (VirtualService's namespace). */
  gateway?: string;
  /** The port the request arrives on (service port for a sidecar, server port for a gateway). Default: the authority's port, else 80. */
  port?: number;
  /** Labels of the proxy's workload (the client pod for a sidecar). */
  sourceLabels?: Record<string, string>;
  /** Namespace of the proxy's workload. */
  sourceNamespace?: string;
  /** Destinations with no ready endpoint, as `host` or `host/subset` (host as written in the route). */
  noEndpoints?: string[];
}

export interface RouteInput {
  virtualService: unknown;
  destinationRules?: unknown[];
  request?: HttpRequest;
  context?: RouteContext;
}

export type ConditionField =
  | 'uri'
  | 'scheme'
  | 'method'
  | 'authority'
  | 'headers'
  | 'withoutHeaders'
  | 'queryParams'
  | 'port'
  | 'gateways'
  | 'sourceLabels'
  | 'sourceNamespace';

export interface ConditionCheck {
  field: ConditionField;
  /** Header or query parameter name. */
  key?: string;
  /** Path of the condition inside the VirtualService. */
  path: PathSegment[];
  passed: boolean;
  /** Decided when istiod builds the proxy's config (the block is dropped), not per request. */
  configTime: boolean;
  /** A human sentence: what was expected and what the request had. */
  reason: string;
}

export interface MatchBlockTrace {
  index: number;
  name?: string;
  path: PathSegment[];
  matched: boolean;
  /** True when a config-time condition removed the block for this proxy. */
  dropped: boolean;
  checks: ConditionCheck[];
}

export interface RuleTrace {
  index: number;
  name?: string;
  path: PathSegment[];
  matched: boolean;
  catchAll: boolean;
  /** Index of the block that matched; null when the rule has no match list (catch-all). */
  matchIndex: number | null;
  blocks: MatchBlockTrace[];
  /** One sentence on why it matched or not. */
  reason: string;
}

export type DestinationStatus = 'ok' | 'NC' | 'UH';

export interface RouteDestination {
  index: number;
  path: PathSegment[];
  host: string;
  fqdn: string;
  subset?: string;
  port?: number;
  /** Weight as written (undefined when absent). */
  weight: number | undefined;
  /** Fraction of requests, 0..1 (weight / sum of weights; a single destination gets 1). */
  share: number;
  status: DestinationStatus;
  /** The DestinationRule that defines the subset, with the subset's labels. */
  subsetDefinedBy?: { name: string; namespace: string; labels: Record<string, string> };
  /** The DestinationRule traffic policy for this destination (absent when no DestinationRule sets one). */
  trafficPolicy?: TrafficPolicyInEffect;
  reason: string;
}

export interface MirrorInEffect {
  host: string;
  subset?: string;
  port?: number;
  /** 0..100 */
  percentage: number;
  path: PathSegment[];
}

export interface FaultInEffect {
  path: PathSegment[];
  delay?: { fixedDelay: string; ms: number; percentage: number };
  abort?: { httpStatus?: number; grpcStatus?: string; percentage: number };
}

export interface RetriesInEffect {
  source: 'rule' | 'default';
  attempts: number;
  /** 1 + attempts */
  totalTries: number;
  retryOn: string | null;
  perTryTimeout: string | null;
}

export type RouteOutcome =
  | 'routed'
  | 'partial'
  | 'no-route'
  | 'no-cluster'
  | 'no-healthy-upstream'
  | 'redirect'
  | 'direct-response'
  | 'delegate'
  | 'not-bound'
  /** A sidecar for which every match block is dropped: istiod builds no route from the VirtualService. */
  | 'default-route';

export interface RouteDecision {
  outcome: RouteOutcome;
  /** Status returned by the proxy itself (404, 503, redirect...), null when the request goes upstream. */
  httpStatus: number | null;
  responseFlag: 'NR' | 'NC' | 'UH' | null;
  summary: string;
  virtualService: { name: string; namespace: string };
  /** The rule that won, when one did. */
  rule?: { index: number; name?: string; path: PathSegment[]; matchIndex: number | null; matchPath?: PathSegment[] };
  /** Every rule evaluated, in order, up to and including the winner. */
  rules: RuleTrace[];
  /** Rules after a catch-all: istiod never emits them. */
  unreachable: { index: number; path: PathSegment[]; afterRule: number }[];
  destinations: RouteDestination[];
  mirrors: MirrorInEffect[];
  fault: FaultInEffect | null;
  timeout: { ms: number | null; text: string; source: 'rule' | 'default' };
  retries: RetriesInEffect;
  redirect?: { uri?: string; authority?: string; scheme?: string; port?: number; code: number };
  directResponse?: { status: number; body?: string };
  rewrite?: { uri?: string; authority?: string };
  delegate?: { name: string; namespace: string };
  notes: string[];
}

export const DEFAULT_RETRY_ON = 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes';
export const DEFAULT_RETRY_ATTEMPTS = 2;
const MAX_INT32 = 2 ** 31 - 1;
const MAX_UINT32 = 2 ** 32 - 1;

interface SubsetDef {
  name: string;
  labels: Record<string, string>;
  dr: { name: string; namespace: string };
  trafficPolicy: Record<string, unknown> | undefined;
}

interface DrIndex {
  host: string;
  name: string;
  namespace: string;
  trafficPolicy: Record<string, unknown> | undefined;
  subsets: SubsetDef[];
}

/** The parts of a trafficPolicy that a subset's policy replaces whole (no deep merge). */
export const POLICY_PARTS = ['loadBalancer', 'connectionPool', 'outlierDetection', 'tls', 'portLevelSettings', 'tunnel', 'proxyProtocol'] as const;

export interface TrafficPolicyInEffect {
  /** The DestinationRule it comes from. */
  destinationRule: { name: string; namespace: string };
  /** The merged policy: each part from the subset when the subset sets it, else from the top level. */
  effective: Record<string, unknown>;
  /** Parts taken from the subset's trafficPolicy (each replaces the top-level part whole). */
  fromSubset: string[];
  /** Parts inherited from the top-level trafficPolicy. */
  fromTopLevel: string[];
}

/** Subset policy over top-level policy, part by part, each part replaced whole (MergeTrafficPolicy). */
export function mergeTrafficPolicy(top: Record<string, unknown> | undefined, subset: Record<string, unknown> | undefined): { effective: Record<string, unknown>; fromSubset: string[]; fromTopLevel: string[] } {
  const effective: Record<string, unknown> = {};
  const fromSubset: string[] = [];
  const fromTopLevel: string[] = [];
  for (const part of POLICY_PARTS) {
    if (subset && subset[part] !== undefined && subset[part] !== null) {
      effective[part] = subset[part];
      fromSubset.push(part);
    } else if (top && top[part] !== undefined && top[part] !== null) {
      effective[part] = top[part];
      fromTopLevel.push(part);
    }
  }
  return { effective, fromSubset, fromTopLevel };
}

interface ReqView {
  method: string;
  authority: string;
  authorityHost: string;
  path: string;
  pathNoQuery: string;
  scheme: string;
  headers: Map<string, string>;
  query: Map<string, string>;
  port: number;
  gateway: string;
  sourceLabels: Record<string, string>;
  sourceNamespace: string | undefined;
}

/** HTTP/2 pseudo-headers a header match may name (Istio's ValidateHTTPHeaderNameOrJwtClaimRoute). */
const PSEUDO_HEADERS = new Set([':method', ':scheme', ':authority', ':path', ':status']);
/** RFC 7230 token characters, as Istio's validHeaderNameRegex (`+-.` is a range, so `,` is in it too). */
const HEADER_NAME = /^[!#$%&'*+-.^_`|~A-Za-z0-9]+$/;
const isClaimRoute = (name: string) => /^@request\.auth\.claims(?:\.|\[)/.test(name);

function headerNameProblem(name: string): string | undefined {
  if (name === '') return 'a header name cannot be empty';
  if (isClaimRoute(name) || PSEUDO_HEADERS.has(name)) return undefined;
  if (!HEADER_NAME.test(name)) return `${JSON.stringify(name.slice(0, 80))} is not a valid header name (letters, digits and !#$%&'*+-.^_\`|~ only)`;
  return undefined;
}

/** The value Envoy's header matcher sees: pseudo-headers come from the request line, the rest from headers. */
function headerValue(req: ReqView, name: string): string | undefined {
  switch (name) {
    case ':authority':
      return req.authority;
    case ':method':
      return req.method;
    case ':scheme':
      return req.scheme;
    case ':path':
      return req.path;
    default:
      return isClaimRoute(name) ? undefined : req.headers.get(name);
  }
}

function normGateway(name: string, ns: string): string {
  const n = name.trim();
  if (n === 'mesh') return 'mesh';
  return n.includes('/') ? n : `${ns}/${n}`;
}

function parseQuery(path: string): Map<string, string> {
  const out = new Map<string, string>();
  const q = path.indexOf('?');
  if (q < 0) return out;
  for (const part of path.slice(q + 1).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (!out.has(key)) out.set(key, value);
  }
  return out;
}

const show = (v: string | undefined) => (v === undefined ? '(absent)' : JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v));

function readDestinationRules(list: unknown[] | undefined): DrIndex[] {
  const out: DrIndex[] = [];
  (list ?? []).forEach((raw, i) => {
    const r = new Reader(raw, 'destinationRules', [], i);
    const meta = readResource(r, ['DestinationRule']);
    const spec = r.child('spec');
    spec.dict();
    const host = fqdn(spec.child('host').str(), meta.namespace);
    const subsets = spec.child('subsets').list().map((s) => ({
      name: s.child('name').scalar(),
      labels: s.child('labels').labels(),
      dr: { name: meta.name, namespace: meta.namespace },
      trafficPolicy: s.child('trafficPolicy').optDict(),
    }));
    out.push({ host, name: meta.name, namespace: meta.namespace, trafficPolicy: spec.child('trafficPolicy').optDict(), subsets });
  });
  return out;
}

function drsFor(drs: DrIndex[], host: string): DrIndex[] {
  const exact = drs.filter((d) => d.host === host);
  return exact.length > 0 ? exact : drs.filter((d) => hostCovers(d.host, host));
}

function findSubset(drs: DrIndex[], host: string, subset: string): { def: SubsetDef; dr: DrIndex } | undefined {
  for (const d of drsFor(drs, host)) {
    const s = d.subsets.find((x) => x.name === subset);
    if (s) return { def: s, dr: d };
  }
  return undefined;
}

function readRequest(req: HttpRequest | undefined, ctx: RouteContext | undefined, firstHost: string, vsNs: string): ReqView {
  const r = new Reader(req ?? {}, 'request');
  r.dict();
  const c = new Reader(ctx ?? {}, 'context');
  c.dict();
  const method = r.child('method').optStr()?.trim() || 'GET';
  const authority = r.child('authority').optStr()?.trim() || firstHost;
  let path = r.child('path').optStr() ?? '/';
  if (path === '') path = '/';
  const scheme = r.child('scheme').optStr()?.trim() || 'http';
  const headers = new Map<string, string>();
  for (const [k, v] of Object.entries(r.child('headers').strMap())) headers.set(k.toLowerCase(), v);
  const q = path.indexOf('?');
  const { host: authorityHost, port: authorityPort } = splitAuthority(authority);
  const port = c.child('port').optNum() ?? authorityPort ?? 80;
  const sourceNamespace = c.child('sourceNamespace').optStr();
  return {
    method,
    authority,
    authorityHost,
    path,
    pathNoQuery: q < 0 ? path : path.slice(0, q),
    scheme,
    headers,
    query: parseQuery(path),
    port,
    gateway: normGateway(c.child('gateway').optStr() || 'mesh', vsNs),
    sourceLabels: c.child('sourceLabels').labels(),
    sourceNamespace: sourceNamespace === undefined || sourceNamespace === '' ? undefined : sourceNamespace,
  };
}

interface Block {
  index: number;
  name?: string;
  path: PathSegment[];
  /** Only uri prefix "/" or nothing: matches every request. */
  catchAll: boolean;
  hasAuthority: boolean;
  /** Uses sourceLabels or sourceNamespace without match-level gateways. */
  hasSource: boolean;
  evaluate: (req: ReqView) => MatchBlockTrace;
}

function readBlock(r: Reader, index: number, vsNs: string): Block {
  r.optDict();
  const path = r.path;
  const nameR = r.child('name');
  const name = nameR.isMissing() ? undefined : nameR.scalar();
  const ignoreUriCase = r.child('ignoreUriCase').optBool() ?? false;
  const uri = r.child('uri').isMissing() ? undefined : readStringMatch(r.child('uri'), { allowPresent: false, emptyPrefixOk: true, where: 'uri' });
  const scheme = r.child('scheme').isMissing() ? undefined : readStringMatch(r.child('scheme'), { allowPresent: false, where: 'scheme' });
  const method = r.child('method').isMissing() ? undefined : readStringMatch(r.child('method'), { allowPresent: false, where: 'method' });
  const authority = r.child('authority').isMissing() ? undefined : readStringMatch(r.child('authority'), { allowPresent: false, where: 'authority' });
  const readHeaderMap = (field: 'headers' | 'withoutHeaders') =>
    r
      .child(field)
      .keys()
      .map((written) => {
        const problem = headerNameProblem(written);
        if (problem) throw r.err(`${field}: ${problem}`, [field, written]);
        // Envoy compares header names in lower case, so `X-User` and `x-user` are the same header.
        // In withoutHeaders, `regex: "*"` is a presence match (inverted: the header is absent).
        return { key: written.toLowerCase(), written, match: readStringMatch(r.child(field).child(written), { allowPresent: true, starIsPresent: field === 'withoutHeaders', where: field }) };
      });
  const headers = readHeaderMap('headers');
  const withoutHeaders = readHeaderMap('withoutHeaders');
  const queryParams = r
    .child('queryParams')
    .keys()
    .map((k) => ({ key: k, match: readStringMatch(r.child('queryParams').child(k), { allowPresent: true, where: 'queryParams' }) }));
  const port = r.child('port').optNum();
  const gatewaysR = r.child('gateways');
  const gateways = gatewaysR.isMissing() ? undefined : gatewaysR.strList().map((g) => normGateway(g, vsNs));
  const sourceLabels = r.child('sourceLabels').isMissing() ? undefined : r.child('sourceLabels').labels();
  const sourceNamespace = r.child('sourceNamespace').optStr();

  const catchAll =
    (uri === undefined || (uri.type === 'prefix' && uri.value === '/')) &&
    !scheme &&
    !method &&
    !authority &&
    headers.length === 0 &&
    withoutHeaders.length === 0 &&
    queryParams.length === 0 &&
    port === undefined &&
    gateways === undefined &&
    (sourceLabels === undefined || Object.keys(sourceLabels).length === 0) &&
    !sourceNamespace;

  const evaluate = (req: ReqView): MatchBlockTrace => {
    const checks: ConditionCheck[] = [];
    const add = (c: Omit<ConditionCheck, 'configTime'> & { configTime?: boolean }) => checks.push({ configTime: false, ...c });
    // Config-time conditions: which blocks exist for this proxy and port.
    if (port !== undefined) {
      add({
        field: 'port',
        path: [...path, 'port'],
        passed: port === req.port,
        configTime: true,
        reason: port === req.port ? `port ${port} is the port the request arrives on` : `block applies to port ${port}; the request arrives on port ${req.port}`,
      });
    }
    if (gateways !== undefined) {
      const ok = gateways.includes(req.gateway);
      add({
        field: 'gateways',
        path: [...path, 'gateways'],
        passed: ok,
        configTime: true,
        reason: ok ? `block applies to ${req.gateway}` : `block applies to ${gateways.join(', ')}, not to ${req.gateway}`,
      });
    } else {
      if (sourceLabels !== undefined && Object.keys(sourceLabels).length > 0) {
        const ok = labelsMatch(sourceLabels, req.sourceLabels);
        const want = Object.entries(sourceLabels).map(([k, v]) => `${k}=${v}`).join(', ');
        add({
          field: 'sourceLabels',
          path: [...path, 'sourceLabels'],
          passed: ok,
          configTime: true,
          reason: ok ? `the source workload has ${want}` : `needs a source workload labelled ${want}`,
        });
      }
      if (sourceNamespace) {
        const ok = sourceNamespace === req.sourceNamespace;
        add({
          field: 'sourceNamespace',
          path: [...path, 'sourceNamespace'],
          passed: ok,
          configTime: true,
          reason: ok ? `the source is in namespace ${sourceNamespace}` : `needs a source in namespace ${sourceNamespace}, the source is in ${req.sourceNamespace ?? '(unknown)'}`,
        });
      }
    }
    // Per-request conditions.
    if (uri) {
      const value = uri.type === 'prefix' ? req.path : req.pathNoQuery;
      const ok = applyStringMatch(uri, value, ignoreUriCase && uri.type !== 'regex');
      const extra = uri.type === 'regex' ? ' (RE2, whole path without the query string)' : uri.type === 'exact' ? ' (query string ignored)' : '';
      add({
        field: 'uri',
        path: [...path, 'uri'],
        passed: ok,
        reason: `uri ${describeMatch(uri)}${ignoreUriCase && uri.type !== 'regex' ? ' ignoring case' : ''}${extra}: the path is ${show(value)}`,
      });
    }
    const pseudo = (field: 'scheme' | 'method' | 'authority', m: StringMatch | undefined, value: string) => {
      if (!m) return;
      const ok = applyStringMatch(m, value);
      add({ field, path: [...path, field], passed: ok, reason: `${field} ${describeMatch(m)}: the request has ${show(value)}` });
    };
    pseudo('scheme', scheme, req.scheme);
    pseudo('method', method, req.method);
    pseudo('authority', authority, req.authority);
    for (const h of headers) {
      const value = headerValue(req, h.key);
      const ok = value !== undefined && applyStringMatch(h.match, value);
      add({
        field: 'headers',
        key: h.key,
        path: [...path, 'headers', h.written],
        passed: ok,
        reason: isClaimRoute(h.key) ? `${h.written}: JWT claim routing needs a validated token, and this request carries none` : `header ${h.key} ${describeMatch(h.match)}: the request has ${show(value)}`,
      });
    }
    for (const h of withoutHeaders) {
      const value = headerValue(req, h.key);
      // Inverted match; a missing header counts as an empty string, except in a presence match.
      const inner = h.match.type === 'present' ? value !== undefined : applyStringMatch(h.match, value ?? '');
      add({
        field: 'withoutHeaders',
        key: h.key,
        path: [...path, 'withoutHeaders', h.written],
        passed: !inner,
        reason: h.match.type === 'present' ? `withoutHeaders ${h.key} (the header must be absent): the request has ${show(value)}` : `withoutHeaders ${h.key} ${describeMatch(h.match)} (inverted): the request has ${show(value)}`,
      });
    }
    for (const p of queryParams) {
      const value = req.query.get(p.key);
      const ok = value !== undefined && applyStringMatch(p.match, value);
      add({
        field: 'queryParams',
        key: p.key,
        path: [...path, 'queryParams', p.key],
        passed: ok,
        reason: `query parameter ${p.key} ${describeMatch(p.match)}: the request has ${show(value)}`,
      });
    }
    const dropped = checks.some((c) => c.configTime && !c.passed);
    const matched = checks.every((c) => c.passed);
    const out: MatchBlockTrace = { index, path, matched, dropped, checks };
    if (name !== undefined) out.name = name;
    return out;
  };
  const block: Block = {
    index,
    path,
    catchAll,
    hasAuthority: authority !== undefined,
    hasSource: gateways === undefined && ((sourceLabels !== undefined && Object.keys(sourceLabels).length > 0) || !!sourceNamespace),
    evaluate,
  };
  if (name !== undefined) block.name = name;
  return block;
}

function readPercentage(r: Reader): number | undefined {
  const pR = r.child('percentage');
  if (!pR.isMissing()) {
    pR.dict();
    const v = pR.child('value').optNum() ?? 0;
    if (v < 0 || v > 100 || (v > 0 && v < 0.0001)) throw pR.err(`${pR.where}.value must be 0 or between 0.0001 and 100, got ${v}`, ['value']);
    return v;
  }
  const old = r.child('percent').optNum();
  if (old !== undefined) {
    if (old < 0 || old > 100) throw r.err(`${r.where}.percent must be between 0 and 100`, ['percent']);
    return old;
  }
  return undefined;
}

function routeDecision(input: RouteInput): Omit<RouteDecision, never> {
  const vsR = new Reader(input.virtualService, 'virtualService');
  const meta = readResource(vsR, ['VirtualService']);
  const spec = vsR.child('spec');
  spec.dict();
  const notes: string[] = [];
  const hostsR = spec.child('hosts');
  const hosts = hostsR.strList();
  if (hosts.length === 0) throw hostsR.err('spec.hosts needs at least one host');
  const gatewaysR = spec.child('gateways');
  const vsGateways = gatewaysR.isMissing() ? ['mesh'] : gatewaysR.strList().map((g) => normGateway(g, meta.namespace));
  if (vsGateways.includes('mesh')) {
    const star = hosts.indexOf('*');
    if (star >= 0) throw hostsR.err('hosts "*" is not allowed for a VirtualService bound to mesh (its gateways are omitted or include mesh)', [star]);
  }
  const httpCount = spec.child('http').list().length;
  if (httpCount === 0 && spec.child('tcp').list().length === 0 && spec.child('tls').list().length === 0) throw spec.err('spec needs http, tcp or tls routes: the API server rejects a VirtualService with none', ['http']);
  if (httpCount === 0) throw spec.err('this VirtualService has only tcp or tls routes; the simulator evaluates http routes', ['http']);
  const drs = readDestinationRules(input.destinationRules);
  const req = readRequest(input.request, input.context, hosts[0]!, meta.namespace);
  const ctxR = new Reader(input.context ?? {}, 'context');
  const noEndpoints = new Set(ctxR.child('noEndpoints').strList().map((s) => s.trim().toLowerCase()));

  // Read every rule first, so a bad field anywhere is reported even when an earlier rule matches.
  const ruleReaders = spec.child('http').list();
  const rules = ruleReaders.map((rr, i) => {
    rr.dict();
    const nameR = rr.child('name');
    const matchR = rr.child('match');
    const blocks = matchR.list().map((b, j) => readBlock(b, j, meta.namespace));
    const catchAll = blocks.length === 0 || blocks.some((b) => b.catchAll);
    return { index: i, name: nameR.isMissing() ? undefined : nameR.scalar(), r: rr, blocks, catchAll };
  });

  const base: RouteDecision = {
    outcome: 'no-route',
    httpStatus: 404,
    responseFlag: 'NR',
    summary: '',
    virtualService: { name: meta.name, namespace: meta.namespace },
    rules: [],
    unreachable: [],
    destinations: [],
    mirrors: [],
    fault: null,
    timeout: { ms: null, text: 'none (disabled by default)', source: 'default' },
    retries: { source: 'default', attempts: DEFAULT_RETRY_ATTEMPTS, totalTries: DEFAULT_RETRY_ATTEMPTS + 1, retryOn: DEFAULT_RETRY_ON, perTryTimeout: null },
    notes,
  };

  const firstCatchAll = rules.findIndex((r) => r.catchAll);
  if (firstCatchAll >= 0) {
    for (const r of rules.slice(firstCatchAll + 1)) base.unreachable.push({ index: r.index, path: r.r.path, afterRule: firstCatchAll });
  }

  // Is this VirtualService used by the proxy for this host at all?
  if (!vsGateways.includes(req.gateway)) {
    base.outcome = 'not-bound';
    if (req.gateway === 'mesh') {
      base.httpStatus = null;
      base.responseFlag = null;
      base.summary = `The VirtualService is bound to ${vsGateways.join(', ')}, not to mesh: sidecars ignore it and send the request to the Service as if no VirtualService existed.`;
    } else {
      base.summary = `The VirtualService is bound to ${vsGateways.join(', ')}, not to ${req.gateway}: that gateway has no route for the request (404 NR).`;
    }
    return base;
  }
  const reqHostFqdn = fqdn(req.authorityHost, meta.namespace);
  const hostBound = hosts.some((h) => {
    const hf = fqdn(h, meta.namespace);
    if (h.startsWith('*')) return hostCovers(h.toLowerCase(), req.authorityHost) || hostCovers(h.toLowerCase(), reqHostFqdn);
    return aliasesOf(hf).includes(req.authorityHost) || hf === reqHostFqdn;
  });
  if (!hostBound) {
    base.outcome = 'not-bound';
    if (req.gateway === 'mesh') {
      base.httpStatus = null;
      base.responseFlag = null;
      base.summary = `The request's host ${req.authorityHost} is not one of spec.hosts (${hosts.join(', ')}): this VirtualService does not apply to it.`;
    } else {
      base.summary = `The request's host ${req.authorityHost} is not one of spec.hosts (${hosts.join(', ')}): the gateway has no route for it (404 NR).`;
    }
    return base;
  }
  if (splitAuthority(req.authority).port !== undefined && rules.some((r) => r.blocks.some((b) => b.hasAuthority))) {
    notes.push('The authority has a port: it is matched as written. Whether Envoy includes the port in :authority matching is not verified here.');
  }

  if (!vsGateways.includes('mesh') && rules.some((r) => r.blocks.some((b) => b.hasSource))) {
    notes.push('sourceLabels and sourceNamespace are meant for sidecars: they only apply when mesh is among the gateways. On a gateway they are compared with the gateway pod itself.');
  }

  // istiod drops a block whose port, sourceLabels or sourceNamespace do not fit the proxy; a sidecar left
  // with no route from this VirtualService keeps the Service's default route (route.go: "no routes matched").
  if (req.gateway === 'mesh' && rules.every((r) => r.blocks.length > 0 && r.blocks.every((b) => b.evaluate(req).dropped))) {
    for (const rule of rules) {
      const blocks = rule.blocks.map((b) => b.evaluate(req));
      const trace: RuleTrace = { index: rule.index, path: rule.r.path, matched: false, catchAll: false, matchIndex: null, blocks, reason: 'Every match block is dropped for this proxy or port, so the rule does not exist here.' };
      if (rule.name !== undefined) trace.name = rule.name;
      base.rules.push(trace);
    }
    base.outcome = 'default-route';
    base.httpStatus = null;
    base.responseFlag = null;
    base.summary =
      'Every match block is dropped for this sidecar (port, sourceLabels or sourceNamespace do not fit), so istiod builds no route from this VirtualService: the sidecar sends the request to the Service with its default route (every endpoint, no subset), not 404.';
    return base;
  }

  for (const rule of rules) {
    if (firstCatchAll >= 0 && rule.index > firstCatchAll) break;
    let matchIndex: number | null = null;
    let matched = false;
    const blocks: MatchBlockTrace[] = [];
    if (rule.blocks.length === 0) {
      matched = true;
    } else {
      for (const b of rule.blocks) {
        const t = b.evaluate(req);
        blocks.push(t);
        if (t.matched && !matched) {
          matched = true;
          matchIndex = b.index;
        }
      }
    }
    let reason: string;
    if (rule.blocks.length === 0) reason = 'No match list: this rule is a catch-all and matches every request.';
    else if (matched) reason = `Match block ${matchIndex} matches (all its conditions hold).`;
    else if (blocks.every((b) => b.dropped)) reason = 'Every match block is dropped for this proxy or port, so the rule does not exist here.';
    else reason = blocks.length === 1 ? 'Its match block fails.' : `None of its ${blocks.length} match blocks matches (blocks are ORed).`;
    const trace: RuleTrace = { index: rule.index, path: rule.r.path, matched, catchAll: rule.catchAll, matchIndex, blocks, reason };
    if (rule.name !== undefined) trace.name = rule.name;
    base.rules.push(trace);
    if (!matched) continue;

    const hit: NonNullable<RouteDecision['rule']> = { index: rule.index, path: rule.r.path, matchIndex };
    if (rule.name !== undefined) hit.name = rule.name;
    if (matchIndex !== null) hit.matchPath = [...rule.r.path, 'match', matchIndex];
    base.rule = hit;
    applyRule(base, rule.r, drs, noEndpoints, meta.namespace);
    return base;
  }
  base.summary = 'No rule matches the request: the proxy answers 404 with response flag NR (no route).';
  return base;
}

function applyRule(d: RouteDecision, rr: Reader, drs: DrIndex[], noEndpoints: Set<string>, vsNs: string): void {
  const ruleLabel = `rule ${rr.path[rr.path.length - 1]}${d.rule?.name ? ` (${d.rule.name})` : ''}`;
  // Timeout and retries.
  const toR = rr.child('timeout');
  if (!toR.isMissing()) {
    const text = toR.scalar();
    const ms = parseDuration(text);
    if (ms === undefined) throw toR.err(`${toR.where} is not a duration (write e.g. 10s or 500ms)`);
    d.timeout = { ms: ms === 0 ? null : ms, text: ms === 0 ? '0s (disabled)' : formatMs(ms), source: 'rule' };
  }
  const retR = rr.child('retries');
  if (!retR.isMissing()) {
    retR.dict();
    const attempts = retR.child('attempts').optNum() ?? 0;
    if (attempts < 0 || !Number.isInteger(attempts)) throw retR.err(`${retR.where}.attempts must be a whole number ≥ 0`, ['attempts']);
    const ptR = retR.child('perTryTimeout');
    const perTry = ptR.isMissing() ? null : ptR.scalar();
    if (perTry !== null && parseDuration(perTry) === undefined) throw ptR.err(`${ptR.where} is not a duration`);
    const retryOn = retR.child('retryOn').isMissing() ? DEFAULT_RETRY_ON : retR.child('retryOn').scalar();
    d.retries = {
      source: 'rule',
      attempts,
      totalTries: 1 + attempts,
      retryOn: attempts === 0 ? null : retryOn,
      perTryTimeout: attempts === 0 ? null : (perTry ?? (d.timeout.ms !== null ? `${d.timeout.text} (the route timeout)` : null)),
    };
    if (attempts === 0) d.notes.push(retR.child('attempts').isMissing() ? 'retries is set without attempts: attempts counts as 0, which disables retries.' : 'attempts: 0 disables retries.');
  }
  // Fault.
  const fR = rr.child('fault');
  if (!fR.isMissing()) {
    fR.dict();
    const fault: FaultInEffect = { path: fR.path };
    const delayR = fR.child('delay');
    if (!delayR.isMissing()) {
      delayR.dict();
      const fdR = delayR.child('fixedDelay');
      if (fdR.isMissing()) throw delayR.err(`${delayR.where} needs fixedDelay`, ['fixedDelay']);
      const text = fdR.scalar();
      const ms = parseDuration(text);
      if (ms === undefined) throw fdR.err(`${fdR.where} is not a duration`);
      const pct = readPercentage(delayR);
      if (pct === undefined) d.notes.push('fault.delay has no percentage: no request is delayed.');
      fault.delay = { fixedDelay: text, ms, percentage: pct ?? 0 };
    }
    const abortR = fR.child('abort');
    if (!abortR.isMissing()) {
      abortR.dict();
      const pct = readPercentage(abortR);
      if (pct === undefined) d.notes.push('fault.abort has no percentage: no request is aborted.');
      const abort: NonNullable<FaultInEffect['abort']> = { percentage: pct ?? 0 };
      const hs = abortR.child('httpStatus').optNum();
      const gs = abortR.child('grpcStatus');
      if (hs !== undefined) {
        if (!Number.isInteger(hs) || hs < 200 || hs > 599) throw abortR.err(`${abortR.where}.httpStatus must be an HTTP status between 200 and 599`, ['httpStatus']);
        abort.httpStatus = hs;
      } else if (!gs.isMissing()) abort.grpcStatus = gs.scalar();
      else throw abortR.err(`${abortR.where} needs httpStatus (or grpcStatus)`, ['httpStatus']);
      fault.abort = abort;
    }
    d.fault = fault;
    d.notes.push('A fault is configured on this rule: Istio does not apply the retries and timeout of a rule with client-side faults.');
  }
  // Mirrors.
  const mirrorR = rr.child('mirror');
  if (!mirrorR.isMissing()) {
    const mpR = rr.child('mirrorPercentage');
    let pct = 100;
    if (!mpR.isMissing()) pct = mpR.child('value').optNum() ?? 0;
    else if (!rr.child('mirrorPercent').isMissing()) pct = rr.child('mirrorPercent').num();
    d.mirrors.push(readMirror(mirrorR, pct));
  }
  rr.child('mirrors')
    .list()
    .forEach((m) => {
      const pR = m.child('percentage');
      const pct = pR.isMissing() ? 100 : (pR.child('value').optNum() ?? 0);
      d.mirrors.push(readMirror(m.child('destination'), pct));
    });
  // Rewrite.
  const rwR = rr.child('rewrite');
  if (!rwR.isMissing()) {
    rwR.dict();
    const rw: NonNullable<RouteDecision['rewrite']> = {};
    const u = rwR.child('uri').optStr();
    const a = rwR.child('authority').optStr();
    if (u !== undefined) rw.uri = u;
    if (a !== undefined) rw.authority = a;
    d.rewrite = rw;
  }
  // What the rule does.
  const redirectR = rr.child('redirect');
  const directR = rr.child('directResponse');
  const delegateR = rr.child('delegate');
  const routeR = rr.child('route');
  if (!delegateR.isMissing() && (!routeR.isMissing() || !redirectR.isMissing())) throw delegateR.err(`${delegateR.where}: a rule with delegate must have no route or redirect`);
  if (!redirectR.isMissing()) {
    redirectR.dict();
    const code = redirectR.child('redirectCode').optNum() ?? 301;
    const red: NonNullable<RouteDecision['redirect']> = { code };
    const u = redirectR.child('uri').optStr();
    const a = redirectR.child('authority').optStr();
    const s = redirectR.child('scheme').optStr();
    const p = redirectR.child('port').optNum();
    if (u !== undefined) red.uri = u;
    if (a !== undefined) red.authority = a;
    if (s !== undefined) red.scheme = s;
    if (p !== undefined) red.port = p;
    d.redirect = red;
    d.outcome = 'redirect';
    d.httpStatus = code;
    d.responseFlag = null;
    d.summary = `${ruleLabel} matches and redirects with ${code}${u ? ` to ${u}` : ''}.`;
    return;
  }
  if (!directR.isMissing()) {
    directR.dict();
    const status = directR.child('status').num();
    const body = directR.child('body').child('string').optStr();
    d.directResponse = body === undefined ? { status } : { status, body };
    d.outcome = 'direct-response';
    d.httpStatus = status;
    d.responseFlag = null;
    d.summary = `${ruleLabel} matches and the proxy answers ${status} itself (directResponse).`;
    return;
  }
  if (!delegateR.isMissing()) {
    delegateR.dict();
    if (!routeR.isMissing() || !redirectR.isMissing()) throw delegateR.err(`${delegateR.where}: a rule with delegate must have no route or redirect`);
    const name = delegateR.child('name').scalar();
    const namespace = delegateR.child('namespace').optStr() ?? vsNs;
    d.delegate = { name, namespace };
    d.outcome = 'delegate';
    d.httpStatus = null;
    d.responseFlag = null;
    d.summary = `${ruleLabel} matches and delegates to VirtualService ${namespace}/${name}, whose rules decide next.`;
    return;
  }
  const routes = routeR.list();
  if (routes.length === 0) throw rr.err(`${rr.where} needs route, redirect, directResponse or delegate`, ['route']);
  const weights = routes.map((r) => {
    const w = r.child('weight').optNum();
    // The API field is an int32: the API server refuses anything else.
    if (w !== undefined && (w < 0 || !Number.isInteger(w) || w > MAX_INT32)) throw r.err(`${r.where}.weight must be a whole number from 0 to ${MAX_INT32} (a 32-bit integer), got ${w}`, ['weight']);
    return w;
  });
  const total = weights.reduce<number>((s, w) => s + (w ?? 0), 0);
  if (total > MAX_UINT32) throw routeR.err(`${routeR.where}: the weights add up to ${total}; Envoy rejects a route whose weights add up to more than ${MAX_UINT32}, so the proxy keeps its previous config`);
  if (routes.length > 1 && total <= 0) throw routeR.err(`${routeR.where} has ${routes.length} destinations but their weights add up to 0: give at least one a weight > 0`);
  d.destinations = routes.map((r, i) => {
    const dest = r.child('destination');
    dest.dict();
    const host = dest.child('host').scalar();
    const subsetR = dest.child('subset');
    const subset = subsetR.isMissing() ? undefined : subsetR.scalar();
    const port = dest.child('port').child('number').optNum();
    const full = fqdn(host, vsNs);
    const weight = weights[i];
    const share = routes.length === 1 ? 1 : (weight ?? 0) / total;
    const out: RouteDestination = { index: i, path: r.path, host, fqdn: full, weight, share, status: 'ok', reason: '' };
    if (subset !== undefined) out.subset = subset;
    if (port !== undefined) out.port = port;
    const label = `${host}${subset ? ` subset ${subset}` : ''}`;
    if (subset !== undefined) {
      const found = findSubset(drs, full, subset);
      if (!found) {
        out.status = 'NC';
        out.reason = `No DestinationRule for ${full} defines subset ${subset}: the cluster does not exist, 503 NC.`;
        return out;
      }
      out.subsetDefinedBy = { name: found.def.dr.name, namespace: found.def.dr.namespace, labels: found.def.labels };
      const merged = mergeTrafficPolicy(found.dr.trafficPolicy, found.def.trafficPolicy);
      if (merged.fromSubset.length + merged.fromTopLevel.length > 0) out.trafficPolicy = { destinationRule: { name: found.dr.name, namespace: found.dr.namespace }, ...merged };
    } else {
      const dr = drsFor(drs, full).find((x) => x.trafficPolicy);
      if (dr) {
        const merged = mergeTrafficPolicy(dr.trafficPolicy, undefined);
        if (merged.fromTopLevel.length > 0) out.trafficPolicy = { destinationRule: { name: dr.name, namespace: dr.namespace }, ...merged };
      }
    }
    const keys = [host.toLowerCase(), full, ...(subset ? [`${host.toLowerCase()}/${subset}`, `${full}/${subset}`] : [])];
    const gone = subset ? keys.slice(2).some((k) => noEndpoints.has(k)) || keys.slice(0, 2).some((k) => noEndpoints.has(k)) : keys.some((k) => noEndpoints.has(k));
    if (gone) {
      out.status = 'UH';
      out.reason = `${label} has no healthy endpoint: 503 UH.`;
      return out;
    }
    out.reason =
      share === 0 ? `${label} has weight 0: it gets no requests.` : `${label} gets ${(share * 100).toFixed(share * 100 === Math.round(share * 100) ? 0 : 1)}% of the requests.`;
    return out;
  });
  const live = d.destinations.filter((x) => x.share > 0);
  const failing = live.filter((x) => x.status !== 'ok');
  if (failing.length === 0) {
    d.outcome = 'routed';
    d.httpStatus = null;
    d.responseFlag = null;
    const to = live.map((x) => `${x.host}${x.subset ? `/${x.subset}` : ''}${live.length > 1 ? ` ${Math.round(x.share * 1000) / 10}%` : ''}`).join(', ');
    d.summary = `${ruleLabel} matches; the request goes to ${to}.`;
  } else if (failing.length === live.length && failing.every((x) => x.status === failing[0]!.status)) {
    const flag = failing[0]!.status as 'NC' | 'UH';
    d.outcome = flag === 'NC' ? 'no-cluster' : 'no-healthy-upstream';
    d.httpStatus = 503;
    d.responseFlag = flag;
    d.summary = `${ruleLabel} matches, but ${failing[0]!.reason}`;
  } else {
    d.outcome = 'partial';
    d.httpStatus = null;
    d.responseFlag = null;
    const pct = Math.round(failing.reduce((s, x) => s + x.share, 0) * 1000) / 10;
    d.summary = `${ruleLabel} matches; ${pct}% of requests go to destinations that fail with 503 (${failing.map((x) => x.status).join(', ')}), the rest are forwarded.`;
  }
}

function readMirror(r: Reader, percentage: number): MirrorInEffect {
  r.dict();
  const out: MirrorInEffect = { host: r.child('host').scalar(), percentage, path: r.path };
  const subset = r.child('subset').optStr();
  const port = r.child('port').child('number').optNum();
  if (subset !== undefined) out.subset = subset;
  if (port !== undefined) out.port = port;
  return out;
}

/** Routes one HTTP request through a VirtualService. Never throws: bad input gives `{ ok: false, error }`. */
export function routeHttp(input: RouteInput): EngineResult<{ decision: RouteDecision }> {
  return guard(() => ({ decision: routeDecision(input) }));
}
