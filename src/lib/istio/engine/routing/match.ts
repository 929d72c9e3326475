/**
 * Request-side matching of a VirtualService match block: header names and values (pseudo-headers come from
 * the request line), query parameters, gateway names, and the per-condition checks of one block.
 */
import { labelsMatch } from '../reader';
import type { PathSegment } from '../result';
import { applyStringMatch, describeMatch, type StringMatch } from '../string-match';
import type { ConditionCheck, MatchBlockTrace } from './types';

/** The request as the matchers see it, with the proxy that decides (read from `request` and `context`). */
export interface ReqView {
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
/** `@request.auth.claims.x` or `@request.auth.claims[x]`: a JWT claim, not a header. */
const isClaimRoute = (name: string) => /^@request\.auth\.claims(?:\.|\[)/.test(name);

/** Why a header match key is not a header name Istio accepts, or undefined when it is one. */
export function headerNameProblem(name: string): string | undefined {
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

/** A gateway name as `ns/name` (a bare name is in the VirtualService's namespace), or `mesh`. */
export function normGateway(name: string, ns: string): string {
  const n = name.trim();
  if (n === 'mesh') return 'mesh';
  return n.includes('/') ? n : `${ns}/${n}`;
}

/** Query parameters of a path; the first value of a repeated name wins. */
export function parseQuery(path: string): Map<string, string> {
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

interface HeaderCondition {
  /** Lower-cased: Envoy compares header names in lower case. */
  key: string;
  /** As written in the VirtualService (the path of the condition uses it). */
  written: string;
  match: StringMatch;
}

/** A match block as read from the VirtualService: its conditions and what the decision asks of it. */
export interface MatchBlock {
  index: number;
  name: string | undefined;
  path: PathSegment[];
  ignoreUriCase: boolean;
  uri: StringMatch | undefined;
  scheme: StringMatch | undefined;
  method: StringMatch | undefined;
  authority: StringMatch | undefined;
  headers: HeaderCondition[];
  withoutHeaders: HeaderCondition[];
  queryParams: { key: string; match: StringMatch }[];
  port: number | undefined;
  /** Normalised by normGateway. */
  gateways: string[] | undefined;
  sourceLabels: Record<string, string> | undefined;
  sourceNamespace: string | undefined;
  /** Only uri prefix "/" or nothing: matches every request. */
  catchAll: boolean;
  hasAuthority: boolean;
  /** Uses sourceLabels or sourceNamespace without match-level gateways. */
  hasSource: boolean;
}

/** Checks one match block against the request, condition by condition (conditions of a block are ANDed). */
export function evaluateBlock(block: MatchBlock, req: ReqView): MatchBlockTrace {
  const { index, name, path, ignoreUriCase, uri, scheme, method, authority, headers, withoutHeaders, queryParams, port, gateways, sourceLabels, sourceNamespace } = block;
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
}
