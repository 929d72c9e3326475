/**
 * Reading the untrusted routing input (VirtualService rules, DestinationRules, the request and its context)
 * into the shapes the decision works on; a bad field is raised with its path. The winning rule's actions
 * (timeout, retries, fault, route...) are read by decision.ts as it applies them.
 */
import { fqdn, splitAuthority } from '../hosts';
import { readResource, Reader } from '../reader';
import { readStringMatch } from '../string-match';
import type { DrIndex } from './destinations';
import { headerNameProblem, normGateway, parseQuery, type MatchBlock, type ReqView } from './match';
import type { HttpRequest, MirrorInEffect, RouteContext } from './types';

/** DestinationRules with their hosts fully qualified in the rule's namespace. */
export function readDestinationRules(list: unknown[] | undefined): DrIndex[] {
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

/** The request and the deciding proxy, with the defaults filled in (GET, the first host, `/`, http, mesh). */
export function readRequest(req: HttpRequest | undefined, ctx: RouteContext | undefined, firstHost: string, vsNs: string): ReqView {
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

/** One match block; gateway names normalised, header names checked and lower-cased. */
function readBlock(r: Reader, index: number, vsNs: string): MatchBlock {
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

  return {
    index,
    name,
    path,
    ignoreUriCase,
    uri,
    scheme,
    method,
    authority,
    headers,
    withoutHeaders,
    queryParams,
    port,
    gateways,
    sourceLabels,
    sourceNamespace,
    catchAll,
    hasAuthority: authority !== undefined,
    hasSource: gateways === undefined && ((sourceLabels !== undefined && Object.keys(sourceLabels).length > 0) || !!sourceNamespace),
  };
}

/** One `http` rule as read: its match blocks, and whether it matches every request (no match list, or a catch-all block). */
export interface HttpRule {
  index: number;
  name: string | undefined;
  r: Reader;
  blocks: MatchBlock[];
  catchAll: boolean;
}

/** Reads one `http` rule and its match blocks (the rest of the rule is read when it wins). */
export function readHttpRule(rr: Reader, index: number, vsNs: string): HttpRule {
  rr.dict();
  const nameR = rr.child('name');
  const matchR = rr.child('match');
  const blocks = matchR.list().map((b, j) => readBlock(b, j, vsNs));
  const catchAll = blocks.length === 0 || blocks.some((b) => b.catchAll);
  return { index, name: nameR.isMissing() ? undefined : nameR.scalar(), r: rr, blocks, catchAll };
}

/** The destinations in `context.noEndpoints`, as `host` or `host/subset`, lower-cased. */
export function readNoEndpoints(ctx: RouteContext | undefined): Set<string> {
  const ctxR = new Reader(ctx ?? {}, 'context');
  return new Set(ctxR.child('noEndpoints').strList().map((s) => s.trim().toLowerCase()));
}

/** A fault's `percentage.value` (or the older `percent`), 0..100; undefined when neither is set. */
export function readPercentage(r: Reader): number | undefined {
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

/** One mirror destination with the share of requests it receives. */
export function readMirror(r: Reader, percentage: number): MirrorInEffect {
  r.dict();
  const out: MirrorInEffect = { host: r.child('host').scalar(), percentage, path: r.path };
  const subset = r.child('subset').optStr();
  const port = r.child('port').child('number').optNum();
  if (subset !== undefined) out.subset = subset;
  if (port !== undefined) out.port = port;
  return out;
}
