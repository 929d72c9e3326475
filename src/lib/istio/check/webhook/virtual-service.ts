/**
 * istiod's checks of a VirtualService (istio/istio pkg/config/validation/validation.go ValidateVirtualService
 * and pkg/config/validation/virtualservice.go at 1.26.8): hosts, gateways, delegate rules, route /
 * redirect / directResponse exclusivity, weights, destinations and subsets, string matches and RE2
 * regexes, header names, retries, timeouts, faults, rewrites and mirrors.
 */
import type { PathSegment } from '../../../yaml/field-path';
import { isObj, list, newReport, obj, str, strings, type Obj, type Report } from './report';
import {
  checkDuration,
  checkHeaderNameOrClaim,
  checkHeaderOperationName,
  checkHeaderWithAuthorityName,
  exportToErrors,
  fqdnError,
  isDns1123Label,
  isIP,
  parseDuration,
  portError,
  regexError,
  stringMatchError,
  wildcardDomainError,
} from './common';

const retryOnPolicies = new Set([
  '5xx', 'gateway-error', 'reset', 'reset-before-request', 'connect-failure', 'retriable-4xx', 'refused-stream', 'retriable-status-codes',
  'retriable-headers', 'envoy-ratelimited', 'http3-post-connect-failure', 'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable',
]);
/** Status codes Go's http.StatusText knows (a retryOn entry may be one of them). */
const knownStatus = (n: number) =>
  (n >= 100 && n <= 103) || (n >= 200 && n <= 208) || n === 226 || (n >= 300 && n <= 308 && n !== 306) || (n >= 400 && n <= 418) ||
  (n >= 421 && n <= 426) || n === 428 || n === 429 || n === 431 || n === 451 || (n >= 500 && n <= 508) || n === 510 || n === 511;
const grpcStatuses = new Set(['OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED']);

/** Does host `a` match host `b` either way (host.Name.Matches: wildcards on either side)? */
/** The field of a StringMatch that holds its value (`prefix` or `regex` when that is what failed), for the diagnostic's path. */
function matchKind(sm: unknown): PathSegment[] {
  if (!isObj(sm)) return [];
  const field = ['regex', 'prefix', 'exact'].find((k) => typeof sm[k] === 'string');
  return field ? [field] : [];
}

function hostsOverlap(a: string, b: string): boolean {
  const covers = (wild: string, other: string) => wild === '*' || (wild.startsWith('*') && other.endsWith(wild.slice(1)));
  return a === b || covers(a, b) || covers(b, a);
}

function checkGatewayNames(r: Report, names: string[], at: PathSegment[]): void {
  for (const [i, name] of names.entries()) {
    const slash = name.indexOf('/');
    if (slash < 0) {
      if (name.includes('.')) {
        const parts = name.split('.');
        r.warn([...at, i], `using legacy gatewayName format ${JSON.stringify(name)}; prefer the <namespace>/<name> format: ${JSON.stringify(`${parts[1]}/${parts[0]}`)}`);
      }
      const e = fqdnError(name);
      if (e) r.deny([...at, i], e);
      // istiod stops at the first short name (its loop returns there).
      return;
    }
    const ns = name.slice(0, slash);
    const gw = name.slice(slash + 1);
    if (!ns || !gw) r.deny([...at, i], 'config namespace and gateway name cannot be empty');
    if (!isDns1123Label(ns)) r.deny([...at, i], `invalid value for namespace: ${JSON.stringify(ns)}`);
    if (!isDns1123Label(gw)) r.deny([...at, i], `invalid value for gateway name: ${JSON.stringify(gw)}`);
  }
}

function checkDestination(r: Report, d: unknown, at: PathSegment[]): void {
  if (!isObj(d)) return;
  const host = str(d.host);
  if (host === '*') r.deny([...at, 'host'], `invalid destination host ${host}`);
  else {
    const e = wildcardDomainError(host);
    if (e) r.deny([...at, 'host'], e);
  }
  if (d.subset !== undefined && str(d.subset) !== '' && !isDns1123Label(str(d.subset))) r.deny([...at, 'subset'], `subset name is invalid: ${str(d.subset)}`);
  if (isObj(d.port)) {
    const e = portError(Number(d.port.number ?? 0));
    if (e) r.deny([...at, 'port'], e);
  }
}

function checkHeaderOps(r: Report, headers: unknown, at: PathSegment[]): void {
  const h = obj(headers);
  for (const side of ['request', 'response'] as const) {
    const ops = obj(h[side]);
    for (const op of ['add', 'set'] as const) {
      for (const name of Object.keys(obj(ops[op]))) {
        const e = side === 'request' ? checkHeaderWithAuthorityName(name) : checkHeaderOperationName(name);
        if (e) r.deny([...at, side, op, name], e);
      }
    }
    for (const [i, name] of strings(ops.remove).entries()) {
      const e = checkHeaderOperationName(name);
      if (e) r.deny([...at, side, 'remove', i], e);
    }
  }
}

function checkWeights(r: Report, routes: unknown[], at: PathSegment[], http: boolean): void {
  let total = 0;
  routes.forEach((raw, i) => {
    const d = obj(raw);
    if (!isObj(d.destination)) r.deny([...at, i], 'destination is required');
    if (http) checkHeaderOps(r, d.headers, [...at, i, 'headers']);
    checkDestination(r, d.destination, [...at, i, 'destination']);
    const w = typeof d.weight === 'number' ? d.weight : 0;
    if (w < 0) r.deny([...at, i, 'weight'], `weight ${w} < 0`);
    total += w;
  });
  if (routes.length > 1 && total === 0) r.deny(at, 'total destination weight = 0');
}

function checkMatchCommon(r: Report, m: Obj, at: PathSegment[]): void {
  if (m.port !== undefined && Number(m.port) !== 0) {
    const e = portError(Number(m.port));
    if (e) r.deny([...at, 'port'], e);
  }
  checkGatewayNames(r, strings(m.gateways), [...at, 'gateways']);
}

const corsMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', '*']);
const corsHeaderName = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;

/** validateCORSPolicy: origins, methods, header names, maxAge. */
function checkCors(r: Report, cors: unknown, at: PathSegment[]): void {
  if (!isObj(cors)) return;
  list(cors.allowOrigins).forEach((raw, i) => {
    const o = obj(raw);
    const match = str(o.exact ?? o.prefix ?? o.regex);
    const e = match === '' ? `'${match}' is not a valid match type for CORS allow origins` : typeof o.regex === 'string' ? regexError(o.regex, 'corsPolicy.allowOrigins') : undefined;
    if (e) r.deny([...at, 'allowOrigins', i], e);
  });
  strings(cors.allowMethods).forEach((m, i) => {
    if (!corsMethods.has(m)) r.deny([...at, 'allowMethods', i], `${JSON.stringify(m)} is not a supported HTTP method`);
  });
  for (const f of ['allowHeaders', 'exposeHeaders']) {
    strings(cors[f]).forEach((h, i) => {
      if (h === '') r.deny([...at, f, i], 'header name cannot be empty');
      else if (h !== '*' && !corsHeaderName.test(h)) r.deny([...at, f, i], `header name ${h} is not a valid header name`);
    });
  }
  if (typeof cors.maxAge === 'string') {
    const e = checkDuration(cors.maxAge);
    if (e) r.deny([...at, 'maxAge'], e);
    else if ((parseDuration(cors.maxAge) ?? 0) % 1000 !== 0) r.deny([...at, 'maxAge'], 'max_age duration is accurate only to seconds precision');
  }
}

function checkHttpRoute(r: Report, http: Obj, at: PathSegment[], delegate: boolean): void {
  const name = str(http.name);
  const has = (f: string) => Object.hasOwn(http, f) && http[f] !== null;
  const routes = list(http.route);
  if (!delegate && has('delegate')) {
    if (has('redirect')) r.deny([...at, 'redirect'], `root HTTP route ${name} must not specify redirect`);
    if (has('route')) r.deny([...at, 'route'], `root HTTP route ${name} must not specify route`);
  } else {
    if (delegate && has('delegate')) r.deny([...at, 'delegate'], 'delegate HTTP route cannot contain delegate');
    if (has('redirect')) {
      if (routes.length) r.deny([...at, 'redirect'], 'HTTP route cannot contain both route and redirect');
      if (has('fault')) r.deny([...at, 'redirect'], 'HTTP route cannot contain both fault and redirect');
      if (has('rewrite')) r.deny([...at, 'redirect'], 'HTTP route rule cannot contain both rewrite and redirect');
      if (has('directResponse')) r.deny([...at, 'redirect'], 'HTTP route rule cannot contain both direct_response and redirect');
    } else if (has('directResponse')) {
      if (routes.length) r.deny([...at, 'directResponse'], 'HTTP route cannot contain both route and direct_response');
      if (has('fault')) r.deny([...at, 'directResponse'], 'HTTP route cannot contain both fault and direct_response');
      if (has('rewrite')) r.deny([...at, 'directResponse'], 'HTTP route rule cannot contain both rewrite and direct_response');
    } else if (routes.length === 0) {
      r.deny(at, 'HTTP route, redirect or direct_response is required');
    }
    if (has('mirror') && list(http.mirrors).length) r.deny([...at, 'mirror'], 'HTTP route cannot contain both mirror and mirrors');
  }

  list(http.match).forEach((raw, i) => {
    if (!isObj(raw)) return;
    const m = raw;
    const mat: PathSegment[] = [...at, 'match', i];
    for (const [header, sm] of Object.entries(obj(m.headers))) {
      const nameError = checkHeaderNameOrClaim(header);
      const e = nameError ?? stringMatchError(sm, 'headers');
      if (e) r.deny([...mat, 'headers', header, ...(nameError ? [] : matchKind(sm))], e);
    }
    for (const [header, sm] of Object.entries(obj(m.withoutHeaders))) {
      const nameError = checkHeaderNameOrClaim(header);
      const e = nameError ?? (str(obj(sm).regex) === '*' ? undefined : stringMatchError(sm, 'withoutHeaders'));
      if (e) r.deny([...mat, 'withoutHeaders', header, ...(nameError ? [] : matchKind(sm))], e);
    }
    // An empty uri prefix is allowed; an empty regex is not.
    if (isObj(m.uri) && typeof m.uri.regex === 'string') {
      const e = stringMatchError(m.uri, 'uri');
      if (e) r.deny([...mat, 'uri', ...matchKind(m.uri)], e);
    }
    for (const f of ['scheme', 'method', 'authority']) {
      const e = stringMatchError(m[f], f);
      if (e) r.deny([...mat, f, ...matchKind(m[f])], e);
    }
    for (const [k, qp] of Object.entries(obj(m.queryParams))) {
      const e = stringMatchError(qp, 'queryParams');
      if (e) r.deny([...mat, 'queryParams', k, ...matchKind(qp)], e);
    }
    checkMatchCommon(r, m, mat);
    if (str(m.sourceNamespace) && !isDns1123Label(str(m.sourceNamespace))) r.deny([...mat, 'sourceNamespace'], `sourceNamespace match ${str(m.sourceNamespace)} is invalid`);
  });

  checkHeaderOps(r, http.headers, [...at, 'headers']);
  checkCors(r, http.corsPolicy, [...at, 'corsPolicy']);

  if (isObj(http.fault)) {
    const f = http.fault;
    const fat: PathSegment[] = [...at, 'fault'];
    if (!isObj(f.abort) && !isObj(f.delay)) r.deny(fat, 'HTTP fault injection must have an abort and/or a delay');
    for (const kind of ['abort', 'delay'] as const) {
      const part = f[kind];
      if (!isObj(part)) continue;
      const pct = obj(part.percentage).value;
      if (typeof pct === 'number' && (pct < 0 || pct > 100 || (pct > 0 && pct < 0.0001))) r.deny([...fat, kind, 'percentage'], `percentage ${pct} is neither 0.0, nor in range [0.0001, 100.0]`);
      if (kind === 'abort') {
        if (typeof part.httpStatus === 'number') {
          if (part.httpStatus < 200 || part.httpStatus > 600) r.deny([...fat, 'abort', 'httpStatus'], `HTTP status ${part.httpStatus} is not in range 200-599`);
        } else if (typeof part.grpcStatus === 'string') {
          if (!grpcStatuses.has(part.grpcStatus)) {
            r.deny([...fat, 'abort', 'grpcStatus'], `gRPC status ${JSON.stringify(part.grpcStatus)} is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, for example 'NOT_FOUND'`);
          }
        } else if (part.http2Error !== undefined) r.deny([...fat, 'abort'], 'HTTP/2 abort fault injection not supported yet');
        else r.warn([...fat, 'abort'], 'abort configured, but error type not set');
      } else {
        if (typeof part.fixedDelay === 'string') {
          const e = checkDuration(part.fixedDelay);
          if (e) r.deny([...fat, 'delay', 'fixedDelay'], e);
        }
        if (part.exponentialDelay !== undefined) r.deny([...fat, 'delay', 'exponentialDelay'], 'exponentialDelay not supported yet');
      }
    }
  }

  if (http.mirrorPercent !== undefined) {
    const v = Number(http.mirrorPercent);
    if (v > 100) r.deny([...at, 'mirrorPercent'], `mirror_percent must have a max value of 100 (it has ${v})`);
    r.warn([...at, 'mirrorPercent'], 'using deprecated setting "mirrorPercent", use "mirrorPercentage" instead');
  }
  const mirrorPct = obj(http.mirrorPercentage).value;
  if (typeof mirrorPct === 'number') {
    if (mirrorPct > 100) r.deny([...at, 'mirrorPercentage'], `mirror_percentage must have a max value of 100 (it has ${mirrorPct.toFixed(6)})`);
    if (mirrorPct < 0) r.deny([...at, 'mirrorPercentage'], `mirror_percentage must have a min value of 0 (it has ${mirrorPct.toFixed(6)})`);
  }
  checkDestination(r, http.mirror, [...at, 'mirror']);
  list(http.mirrors).forEach((raw, i) => {
    const m = obj(raw);
    if (!isObj(m.destination)) return r.deny([...at, 'mirrors', i], 'destination is required for mirrors');
    checkDestination(r, m.destination, [...at, 'mirrors', i, 'destination']);
    const v = obj(m.percentage).value;
    if (typeof v === 'number' && v > 100) r.deny([...at, 'mirrors', i, 'percentage'], `mirror percentage must have a max value of 100 (it has ${v.toFixed(6)})`);
    if (typeof v === 'number' && v < 0) r.deny([...at, 'mirrors', i, 'percentage'], `mirror percentage must have a min value of 0 (it has ${v.toFixed(6)})`);
  });

  if (isObj(http.redirect)) {
    const red = http.redirect;
    const rat: PathSegment[] = [...at, 'redirect'];
    if (!str(red.uri) && !str(red.authority) && red.port === undefined && red.derivePort === undefined && !str(red.scheme)) r.deny(rat, 'redirect must specify URI, authority, scheme, or port');
    else if (typeof red.redirectCode === 'number' && red.redirectCode !== 0 && (red.redirectCode < 300 || red.redirectCode > 399)) r.deny([...rat, 'redirectCode'], `${red.redirectCode} is not a valid redirect code, must be 3xx`);
    else if (str(red.scheme) && red.scheme !== 'http' && red.scheme !== 'https') r.deny([...rat, 'scheme'], 'invalid redirect scheme, must be "http" or "https"');
    else if (typeof red.port === 'number' && red.port > 0) {
      const e = portError(red.port);
      if (e) r.deny([...rat, 'port'], e);
    }
  }

  if (isObj(http.directResponse)) {
    const dr = http.directResponse;
    const body = obj(dr.body);
    const size = typeof body.string === 'string' ? new TextEncoder().encode(body.string).length : typeof body.bytes === 'string' ? Math.floor((body.bytes.length * 3) / 4) : 0;
    if (size > 1024 * 1024) r.deny([...at, 'directResponse', 'body'], 'large direct_responses may impact control plane performance, must be less than 1MB');
    else if (size > 100 * 1024) r.warn([...at, 'directResponse', 'body'], 'large direct_responses may impact control plane performance');
    const status = Number(dr.status ?? 0);
    if (status < 200 || status > 600) r.deny([...at, 'directResponse', 'status'], `HTTP status ${status} is not in range 200-599`);
  }

  if (isObj(http.retries)) {
    const ret = http.retries;
    const rat: PathSegment[] = [...at, 'retries'];
    const attempts = typeof ret.attempts === 'number' ? ret.attempts : 0;
    if (attempts < 0) r.deny([...rat, 'attempts'], 'attempts cannot be negative');
    if (attempts === 0 && (ret.perTryTimeout !== undefined || str(ret.retryOn) !== '' || ret.retryRemoteLocalities !== undefined)) {
      r.deny(rat, 'http retry policy configured when attempts are set to 0 (disabled)');
    }
    for (const f of ['perTryTimeout', 'backoff']) {
      if (typeof ret[f] !== 'string') continue;
      const e = checkDuration(ret[f]);
      if (e) r.deny([...rat, f], e);
    }
    if (str(ret.retryOn)) {
      for (const policy of str(ret.retryOn).split(',')) {
        const n = /^[+-]?\d+$/.test(policy) ? Number(policy) : 0;
        if (!knownStatus(n) && !retryOnPolicies.has(policy)) r.deny([...rat, 'retryOn'], `${JSON.stringify(policy)} is not a valid retryOn policy`);
      }
    }
  }

  if (isObj(http.rewrite)) {
    const rw = http.rewrite;
    const rat: PathSegment[] = [...at, 'rewrite'];
    const regexRewrite = rw.uriRegexRewrite;
    if (str(rw.uri) && isObj(regexRewrite)) r.deny(rat, 'rewrite may only contain one of URI or UriRegexRewrite');
    else if (!str(rw.uri) && !isObj(regexRewrite) && !str(rw.authority)) {
      r.deny(rat, 'rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified');
    } else if (isObj(regexRewrite)) {
      const e = !str(regexRewrite.match) || !str(regexRewrite.rewrite)
        ? 'UriRegexRewrite requires both Rewrite and Match fields to be specified'
        : regexError(str(regexRewrite.match), 'HTTPRewrite.UriRegexRewrite.Match');
      if (e) r.deny([...rat, 'uriRegexRewrite'], `UriRegexRewrite has errors\n${e}`);
    }
  }
  // The authority may be rewritten in one place only.
  let authority = str(obj(http.rewrite).authority);
  const request = obj(obj(http.headers).request);
  for (const op of ['set', 'add'] as const) {
    for (const [k, v] of Object.entries(obj(request[op]))) {
      if (k.toLowerCase() !== ':authority' && k.toLowerCase() !== 'host') continue;
      if (authority) {
        r.deny([...at, 'headers', 'request', op, k], `authority header cannot be set multiple times: have ${JSON.stringify(authority)}, attempting to set ${JSON.stringify(str(v))}`);
        break;
      }
      authority = str(v);
    }
  }

  checkWeights(r, routes, [...at, 'route'], true);
  if (typeof http.timeout === 'string') {
    const e = checkDuration(http.timeout);
    if (e) r.deny([...at, 'timeout'], e);
  }
}

export function checkVirtualService(spec: Obj, _name: string, namespace: string): Report {
  const r = newReport();
  const hosts = strings(spec.hosts);
  const gateways = strings(spec.gateways);
  if (hosts.length === 0) {
    if (gateways.length) r.deny(['spec', 'gateways'], 'delegate virtual service must have no gateways specified');
    if (list(spec.tls).length) r.deny(['spec', 'tls'], 'delegate virtual service must have no tls route specified');
    if (list(spec.tcp).length) r.deny(['spec', 'tcp'], 'delegate virtual service must have no tcp route specified');
  }
  let appliesToMesh = gateways.length === 0;
  let appliesToGateway = false;
  if (gateways.length) {
    checkGatewayNames(r, gateways, ['spec', 'gateways']);
    appliesToGateway = gateways.some((g) => g !== 'mesh');
    appliesToMesh = !appliesToGateway;
  }
  if (!appliesToGateway) {
    list(spec.http).forEach((http, i) => {
      list(obj(http).match).forEach((m, j) => {
        for (const f of ['headers', 'withoutHeaders']) {
          for (const key of Object.keys(obj(obj(m)[f]))) {
            if (key.startsWith('@request.auth.claims')) {
              r.deny(['spec', 'http', i, 'match', j, f, key], `JWT claim based routing (key: ${key}) is only supported for gateway, found no gateways: [${gateways.join(' ')}]`);
            }
          }
        }
      });
    });
  }
  let allHostsValid = true;
  hosts.forEach((h, i) => {
    const e = wildcardDomainError(h);
    if (e) {
      if (!isIP(h)) {
        r.deny(['spec', 'hosts', i], e);
        allHostsValid = false;
      }
    } else if (appliesToMesh && h === '*') {
      r.deny(['spec', 'hosts', i], 'wildcard host * is not allowed for virtual services bound to the mesh gateway');
      allHostsValid = false;
    }
  });
  if (allHostsValid) {
    for (let i = 0; i < hosts.length; i++) {
      for (let j = i + 1; j < hosts.length; j++) {
        if (hostsOverlap(hosts[i]!, hosts[j]!)) r.deny(['spec', 'hosts', j], `duplicate hosts in virtual service: ${hosts[i]} & ${hosts[j]}`);
      }
    }
  }
  if (list(spec.http).length === 0 && list(spec.tcp).length === 0 && list(spec.tls).length === 0) r.deny(['spec'], 'http, tcp or tls must be provided in virtual service');
  list(spec.http).forEach((http, i) => {
    if (!isObj(http)) return r.deny(['spec', 'http', i], 'http route may not be null');
    checkHttpRoute(r, http, ['spec', 'http', i], hosts.length === 0);
  });
  list(spec.tls).forEach((raw, i) => {
    const tls = obj(raw);
    const at: PathSegment[] = ['spec', 'tls', i];
    const matches = list(tls.match);
    if (matches.length === 0) r.deny(at, 'TLS route must have at least one match condition');
    matches.forEach((mraw, j) => {
      const m = obj(mraw);
      const mat: PathSegment[] = [...at, 'match', j];
      const sni = strings(m.sniHosts);
      if (sni.length === 0) r.deny(mat, 'TLS match must have at least one SNI host');
      sni.forEach((s, k) => {
        const e = wildcardDomainError(s);
        if (e) {
          if (isIP(s)) r.warn([...mat, 'sniHosts', k], `using an IP address (${JSON.stringify(s)}) goes against SNI spec and most clients do not support this`);
          else r.deny([...mat, 'sniHosts', k], e);
          return;
        }
        const subsetOf = (a: string, b: string) => a === b || b === '*' || (b.startsWith('*') && a.endsWith(b.slice(1)));
        if (!hosts.some((h) => subsetOf(s, h))) r.deny([...mat, 'sniHosts', k], `SNI host ${JSON.stringify(s)} is not a compatible subset of any of the virtual service hosts: [${hosts.join(', ')}]`);
      });
      checkMatchCommon(r, m, mat);
    });
    if (list(tls.route).length === 0) r.deny(at, 'TLS route is required');
    checkWeights(r, list(tls.route), [...at, 'route'], false);
  });
  list(spec.tcp).forEach((raw, i) => {
    const tcp = obj(raw);
    const at: PathSegment[] = ['spec', 'tcp', i];
    list(tcp.match).forEach((m, j) => checkMatchCommon(r, obj(m), [...at, 'match', j]));
    if (list(tcp.route).length === 0) r.deny(at, 'TCP route is required');
    checkWeights(r, list(tcp.route), [...at, 'route'], false);
  });
  for (const [i, e] of exportToErrors(namespace, strings(spec.exportTo), false, false)) r.deny(i < 0 ? ['spec', 'exportTo'] : ['spec', 'exportTo', i], e);
  return r;
}
