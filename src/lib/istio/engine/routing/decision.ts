/**
 * HTTP routing through a VirtualService, the way istiod and Envoy decide it (Istio 1.26):
 * rules in order, first match wins; conditions in one match block are ANDed, blocks are ORed; a rule with
 * no match (or only `uri.prefix: /`) is a catch-all after which nothing is evaluated; `port`, `gateways`,
 * `sourceLabels`, `sourceNamespace` select which blocks exist for a proxy (config time); the others are
 * checked per request. Regex is RE2, full match. Outcomes: routed, 404 NR, 503 NC, 503 UH, redirect,
 * direct response.
 */
import { parseDuration, formatMs } from '../duration';
import { aliasesOf, fqdn, hostCovers, splitAuthority } from '../hosts';
import { readResource, Reader } from '../reader';
import { guard, type EngineResult } from '../result';
import { resolveDestination, type DrIndex } from './destinations';
import { evaluateBlock, normGateway } from './match';
import { readDestinationRules, readHttpRule, readMirror, readNoEndpoints, readPercentage, readRequest } from './read';
import { DEFAULT_RETRY_ATTEMPTS, DEFAULT_RETRY_ON, type FaultInEffect, type MatchBlockTrace, type RouteDecision, type RouteDestination, type RouteInput, type RuleTrace } from './types';

const MAX_INT32 = 2 ** 31 - 1;
const MAX_UINT32 = 2 ** 32 - 1;

function routeDecision(input: RouteInput): RouteDecision {
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
  const noEndpoints = readNoEndpoints(input.context);

  // Read every rule first, so a bad field anywhere is reported even when an earlier rule matches.
  const rules = spec
    .child('http')
    .list()
    .map((rr, i) => readHttpRule(rr, i, meta.namespace));

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
  if (req.gateway === 'mesh' && rules.every((r) => r.blocks.length > 0 && r.blocks.every((b) => evaluateBlock(b, req).dropped))) {
    for (const rule of rules) {
      const blocks = rule.blocks.map((b) => evaluateBlock(b, req));
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
        const t = evaluateBlock(b, req);
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

/** Fills the decision from the winning rule: timeout, retries, fault, mirrors, rewrite, then what it does (redirect, direct response, delegate or route). */
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
    return resolveDestination(out, drs, noEndpoints);
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

/** Routes one HTTP request through a VirtualService. Never throws: bad input gives `{ ok: false, error }`. */
export function routeHttp(input: RouteInput): EngineResult<{ decision: RouteDecision }> {
  return guard(() => ({ decision: routeDecision(input) }));
}
