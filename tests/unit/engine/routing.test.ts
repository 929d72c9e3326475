import { describe, expect, it } from 'vitest';
import { routeHttp, DEFAULT_RETRY_ON, type HttpRequest, type RouteContext, type RouteDecision } from '../../../src/lib/istio';
import { doc, docs, fixture, expectOk } from './load';

const drs = fixture('bookinfo/destination-rules.yaml');

function vs(http: string, extra = ''): unknown {
  return doc(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: r
  namespace: default
spec:
  hosts: [svc]
${extra}  http:
${http}`);
}

const DR = doc(`apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: svc, namespace: default }
spec:
  host: svc
  subsets:
  - { name: v1, labels: { version: v1 } }
  - { name: v2, labels: { version: v2 } }
  - { name: v3, labels: { version: v3 } }
`);

function decide(virtualService: unknown, request: HttpRequest = {}, context: RouteContext = {}, destinationRules: unknown[] = [DR]): RouteDecision {
  return expectOk(routeHttp({ virtualService, destinationRules, request, context })).decision;
}

/** The subset the request lands on (single destination). */
function subsetOf(d: RouteDecision): string | undefined {
  expect(d.outcome).toBe('routed');
  return d.destinations.find((x) => x.share > 0)?.subset;
}

const twoRules = (firstMatch: string) =>
  vs(`  - match:
    - ${firstMatch}
    route:
    - destination: { host: svc, subset: v2 }
  - route:
    - destination: { host: svc, subset: v1 }
`);

describe('routing: rule order', () => {
  it('first match wins: an earlier matching rule beats a later one', () => {
    const v = vs(`  - match: [{ uri: { prefix: /api } }]
    route: [{ destination: { host: svc, subset: v1 } }]
  - match: [{ uri: { prefix: /api/v2 } }]
    route: [{ destination: { host: svc, subset: v2 } }]
`);
    const d = decide(v, { path: '/api/v2/items' });
    expect(d.rule?.index).toBe(0);
    expect(subsetOf(d)).toBe('v1');
  });

  it('first match wins: a later rule is used when earlier ones fail, and each failure is explained', () => {
    const d = decide(twoRules('headers: { end-user: { exact: jason } }'), { headers: { 'end-user': 'mary' } });
    expect(d.rule?.index).toBe(1);
    expect(d.rules[0]?.matched).toBe(false);
    const check = d.rules[0]?.blocks[0]?.checks[0];
    expect(check?.field).toBe('headers');
    expect(check?.passed).toBe(false);
    expect(check?.reason).toContain('"mary"');
  });

  it('a rule without match is a catch-all and stops evaluation: later rules are unreachable', () => {
    const v = vs(`  - route: [{ destination: { host: svc, subset: v1 } }]
  - match: [{ uri: { prefix: /x } }]
    route: [{ destination: { host: svc, subset: v2 } }]
`);
    const d = decide(v, { path: '/x' });
    expect(d.rule?.index).toBe(0);
    expect(d.rules).toHaveLength(1);
    expect(d.unreachable.map((u) => u.index)).toEqual([1]);
  });

  it('uri prefix "/" alone is a catch-all too', () => {
    const v = vs(`  - match: [{ uri: { prefix: / } }]
    route: [{ destination: { host: svc, subset: v1 } }]
  - route: [{ destination: { host: svc, subset: v2 } }]
`);
    const d = decide(v, { path: '/anything' });
    expect(d.rules[0]?.catchAll).toBe(true);
    expect(d.unreachable.map((u) => u.index)).toEqual([1]);
  });

  it('a match block with a header is not a catch-all, so later rules stay reachable', () => {
    const d = decide(twoRules('headers: { x: {} }'));
    expect(d.unreachable).toEqual([]);
  });

  it('no rule matches → 404 NR', () => {
    const v = vs(`  - match: [{ uri: { exact: /only } }]
    route: [{ destination: { host: svc } }]
`);
    const d = decide(v, { path: '/other' });
    expect(d.outcome).toBe('no-route');
    expect(d.httpStatus).toBe(404);
    expect(d.responseFlag).toBe('NR');
    expect(d.rules[0]?.matched).toBe(false);
  });

  it('rule: a VirtualService with no http, tcp or tls routes is rejected by the API server (validation.go)', () => {
    const r = routeHttp({ virtualService: vs('    []\n'), destinationRules: [DR], request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/API server rejects/);
  });
});

describe('routing: match blocks', () => {
  it('match blocks are ORed: the second block can match alone', () => {
    const d = decide(twoRules(`uri: { exact: /a }
    - uri: { exact: /b }`), { path: '/b' });
    expect(d.rule?.index).toBe(0);
    expect(d.rule?.matchIndex).toBe(1);
  });

  it('conditions inside one block are ANDed: one failing condition fails the block', () => {
    const d = decide(twoRules('{ uri: { prefix: /api }, method: { exact: POST } }'), { path: '/api/x', method: 'GET' });
    expect(d.rule?.index).toBe(1);
    const checks = d.rules[0]?.blocks[0]?.checks ?? [];
    expect(checks.find((c) => c.field === 'uri')?.passed).toBe(true);
    expect(checks.find((c) => c.field === 'method')?.passed).toBe(false);
  });

  it('conditions inside one block are ANDed: all true → match', () => {
    const d = decide(twoRules('{ uri: { prefix: /api }, method: { exact: POST } }'), { path: '/api/x', method: 'POST' });
    expect(d.rule?.index).toBe(0);
  });

  it('the first matching block is reported when several match', () => {
    const d = decide(twoRules(`uri: { prefix: /a }
    - uri: { prefix: /ab }`), { path: '/abc' });
    expect(d.rule?.matchIndex).toBe(0);
    expect(d.rules[0]?.blocks.map((b) => b.matched)).toEqual([true, true]);
  });
});

describe('routing: uri StringMatch', () => {
  it('uri prefix is a string prefix: /api matches /apis', () => {
    expect(decide(twoRules('uri: { prefix: /api }'), { path: '/apis' }).rule?.index).toBe(0);
  });
  it('uri prefix does not match a shorter path', () => {
    expect(decide(twoRules('uri: { prefix: /api }'), { path: '/ap' }).rule?.index).toBe(1);
  });
  it('uri exact ignores the query string', () => {
    expect(decide(twoRules('uri: { exact: /productpage }'), { path: '/productpage?u=normal' }).rule?.index).toBe(0);
  });
  it('uri exact is not a prefix', () => {
    expect(decide(twoRules('uri: { exact: /productpage }'), { path: '/productpage/x' }).rule?.index).toBe(1);
  });
  it('exact is case-sensitive', () => {
    expect(decide(twoRules('uri: { exact: /Login }'), { path: '/login' }).rule?.index).toBe(1);
  });
  it('prefix is case-sensitive', () => {
    expect(decide(twoRules('uri: { prefix: /API }'), { path: '/api/x' }).rule?.index).toBe(1);
  });
  it('ignoreUriCase makes exact case-insensitive', () => {
    expect(decide(twoRules('{ uri: { exact: /Login }, ignoreUriCase: true }'), { path: '/LOGIN' }).rule?.index).toBe(0);
  });
  it('ignoreUriCase makes prefix case-insensitive', () => {
    expect(decide(twoRules('{ uri: { prefix: /API }, ignoreUriCase: true }'), { path: '/api/v1' }).rule?.index).toBe(0);
  });
  it('ignoreUriCase does not affect regex', () => {
    expect(decide(twoRules('{ uri: { regex: "/api/.*" }, ignoreUriCase: true }'), { path: '/API/x' }).rule?.index).toBe(1);
  });
  it('regex is a full match: a substring match is not enough', () => {
    expect(decide(twoRules('uri: { regex: "/v[0-9]" }'), { path: '/v1/items' }).rule?.index).toBe(1);
  });
  it('regex is a full match: the whole path matches', () => {
    expect(decide(twoRules('uri: { regex: "/v[0-9]+/items" }'), { path: '/v12/items' }).rule?.index).toBe(0);
  });
  it('regex (?i) makes the pattern case-insensitive', () => {
    expect(decide(twoRules('uri: { regex: "(?i)/login" }'), { path: '/LoGiN' }).rule?.index).toBe(0);
  });
  it('uri regex is matched against the path without the query string', () => {
    expect(decide(twoRules('uri: { regex: "/items/[0-9]+" }'), { path: '/items/42?sort=asc' }).rule?.index).toBe(0);
  });
  it('regex is RE2: a lookahead is rejected with the field named', () => {
    const r = routeHttp({ virtualService: twoRules('uri: { regex: "(?=a)b" }'), destinationRules: [DR], request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.path).toBe('spec.http[0].match[0].uri.regex');
      expect(r.error.message).toMatch(/RE2/);
    }
  });
  it('regex is RE2: a backreference is rejected', () => {
    const r = routeHttp({ virtualService: twoRules('uri: { regex: "(a)\\\\1" }'), destinationRules: [DR], request: {} });
    expect(r.ok).toBe(false);
  });
  it('a StringMatch takes exactly one of exact, prefix, regex', () => {
    const r = routeHttp({ virtualService: twoRules('uri: { exact: /a, prefix: /b }'), destinationRules: [DR], request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.http[0].match[0].uri');
  });
  it('an unknown StringMatch operator (suffix) is an error naming it', () => {
    const r = routeHttp({ virtualService: twoRules('uri: { suffix: .png }'), destinationRules: [DR], request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.http[0].match[0].uri.suffix');
  });
});

describe('routing: method, scheme, authority', () => {
  it('method exact matches :method', () => {
    expect(decide(twoRules('method: { exact: DELETE }'), { method: 'DELETE' }).rule?.index).toBe(0);
  });
  it('method defaults to GET', () => {
    expect(decide(twoRules('method: { exact: GET }')).rule?.index).toBe(0);
  });
  it('method regex is a full match (GET|HEAD)', () => {
    expect(decide(twoRules('method: { regex: "GET|HEAD" }'), { method: 'HEAD' }).rule?.index).toBe(0);
    expect(decide(twoRules('method: { regex: "GET|HEAD" }'), { method: 'POST' }).rule?.index).toBe(1);
  });
  it('scheme matches :scheme', () => {
    expect(decide(twoRules('scheme: { exact: https }'), { scheme: 'https' }).rule?.index).toBe(0);
    expect(decide(twoRules('scheme: { exact: https }'), { scheme: 'http' }).rule?.index).toBe(1);
  });
  it('authority prefix matches :authority', () => {
    expect(decide(twoRules('authority: { prefix: svc }'), { authority: 'svc.default' }).rule?.index).toBe(0);
  });
  it('authority exact fails for another host alias', () => {
    expect(decide(twoRules('authority: { exact: svc }'), { authority: 'svc.default.svc.cluster.local' }).rule?.index).toBe(1);
  });
});

describe('routing: headers', () => {
  it('header exact match is case-sensitive in the value', () => {
    expect(decide(twoRules('headers: { end-user: { exact: jason } }'), { headers: { 'end-user': 'Jason' } }).rule?.index).toBe(1);
  });
  it('request header names are case-insensitive', () => {
    expect(decide(twoRules('headers: { end-user: { exact: jason } }'), { headers: { 'End-User': 'jason' } }).rule?.index).toBe(0);
  });
  it('rule: an upper-case header name is accepted and compared in lower case (Envoy lower-cases header names)', () => {
    expect(decide(twoRules('headers: { End-User: { exact: jason } }'), { headers: { 'end-user': 'jason' } }).rule?.index).toBe(0);
    expect(decide(twoRules('headers: { End-User: { exact: jason } }'), { headers: { 'End-User': 'mary' } }).rule?.index).toBe(1);
  });
  it('rule: a header name that is not an RFC 7230 token is rejected', () => {
    const r = routeHttp({ virtualService: twoRules('headers: { "bad name": { exact: x } }'), destinationRules: [DR], request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.http[0].match[0].headers["bad name"]');
  });
  it('an empty header match {} is a presence match', () => {
    expect(decide(twoRules('headers: { x-canary: {} }'), { headers: { 'x-canary': 'anything' } }).rule?.index).toBe(0);
    expect(decide(twoRules('headers: { x-canary: {} }'), { headers: {} }).rule?.index).toBe(1);
  });
  it('a header with no value is a presence match', () => {
    expect(decide(twoRules('headers: { x-canary: }'), { headers: { 'x-canary': '' } }).rule?.index).toBe(0);
  });
  it('a missing header fails an exact header match', () => {
    expect(decide(twoRules('headers: { end-user: { exact: "" } }'), {}).rule?.index).toBe(1);
  });
  it('header regex is a full match', () => {
    expect(decide(twoRules('headers: { cookie: { regex: "user=jason" } }'), { headers: { cookie: 'a=1; user=jason' } }).rule?.index).toBe(1);
    expect(decide(twoRules('headers: { cookie: { regex: ".*user=jason.*" } }'), { headers: { cookie: 'a=1; user=jason' } }).rule?.index).toBe(0);
  });
  it('header prefix match', () => {
    expect(decide(twoRules('headers: { user-agent: { prefix: Mozilla } }'), { headers: { 'user-agent': 'Mozilla/5.0' } }).rule?.index).toBe(0);
  });
  it('rule: a header key that looks like a field (method) is a literal header named "method"', () => {
    expect(decide(twoRules('headers: { method: { exact: POST } }'), { method: 'POST' }).rule?.index).toBe(1);
    expect(decide(twoRules('headers: { method: { exact: POST } }'), { method: 'GET', headers: { method: 'POST' } }).rule?.index).toBe(0);
  });
  it('rule: pseudo-headers :authority, :method, :scheme and :path match the request line', () => {
    expect(decide(twoRules('headers: { ":authority": { exact: "svc:8080" } }'), { authority: 'svc:8080' }).rule?.index).toBe(0);
    expect(decide(twoRules('headers: { ":authority": { exact: "svc:8080" } }'), { authority: 'svc' }).rule?.index).toBe(1);
    expect(decide(twoRules('headers: { ":method": { exact: POST } }'), { method: 'POST' }).rule?.index).toBe(0);
    expect(decide(twoRules('headers: { ":scheme": { exact: https } }'), { scheme: 'https' }).rule?.index).toBe(0);
    expect(decide(twoRules('headers: { ":path": { prefix: /api } }'), { path: '/api/x?y=1' }).rule?.index).toBe(0);
  });
  it('rule: an empty prefix in a header match is rejected by the API server', () => {
    const r = routeHttp({ virtualService: twoRules('headers: { x: { prefix: "" } }'), destinationRules: [DR], request: {} });
    expect(r.ok).toBe(false);
  });
  it('markup in a header value is compared as plain text', () => {
    const v = '<img src=x onerror=alert(1)>';
    const d = decide(twoRules('headers: { x: { exact: "<img src=x onerror=alert(1)>" } }'), { headers: { x: v } });
    expect(d.rule?.index).toBe(0);
  });
});

describe('routing: withoutHeaders', () => {
  it('rule: withoutHeaders with regex "*" means the header is absent (a presence match, inverted)', () => {
    expect(decide(twoRules('withoutHeaders: { x-debug: { regex: "*" } }'), {}).rule?.index).toBe(0);
    expect(decide(twoRules('withoutHeaders: { x-debug: { regex: "*" } }'), { headers: { 'x-debug': '' } }).rule?.index).toBe(1);
    expect(decide(twoRules('withoutHeaders: { x-debug: { regex: "*" } }'), { headers: { 'x-debug': 'on' } }).rule?.index).toBe(1);
  });
  it('rule: regex "*" in headers (not withoutHeaders) is rejected: it is not RE2', () => {
    expect(routeHttp({ virtualService: twoRules('headers: { x-debug: { regex: "*" } }'), destinationRules: [DR], request: {} }).ok).toBe(false);
  });
  it('withoutHeaders inverts the match: a matching header fails the block', () => {
    expect(decide(twoRules('withoutHeaders: { end-user: { exact: jason } }'), { headers: { 'end-user': 'jason' } }).rule?.index).toBe(1);
  });
  it('withoutHeaders: another value passes', () => {
    expect(decide(twoRules('withoutHeaders: { end-user: { exact: jason } }'), { headers: { 'end-user': 'mary' } }).rule?.index).toBe(0);
  });
  it('withoutHeaders: a missing header counts as an empty string', () => {
    expect(decide(twoRules('withoutHeaders: { end-user: { exact: jason } }'), {}).rule?.index).toBe(0);
    expect(decide(twoRules('withoutHeaders: { end-user: { exact: "" } }'), {}).rule?.index).toBe(1);
  });
  it('withoutHeaders presence match: a missing header passes, a present one fails', () => {
    expect(decide(twoRules('withoutHeaders: { x-debug: {} }'), {}).rule?.index).toBe(0);
    expect(decide(twoRules('withoutHeaders: { x-debug: {} }'), { headers: { 'x-debug': '' } }).rule?.index).toBe(1);
  });
});

describe('routing: queryParams', () => {
  it('queryParams exact', () => {
    expect(decide(twoRules('queryParams: { beta: { exact: "true" } }'), { path: '/x?beta=true' }).rule?.index).toBe(0);
    expect(decide(twoRules('queryParams: { beta: { exact: "true" } }'), { path: '/x?beta=false' }).rule?.index).toBe(1);
  });
  it('queryParams regex is a full match: \\d+$ matches 123, not a123', () => {
    expect(decide(twoRules('queryParams: { id: { regex: "\\\\d+$" } }'), { path: '/x?id=123' }).rule?.index).toBe(0);
    expect(decide(twoRules('queryParams: { id: { regex: "\\\\d+$" } }'), { path: '/x?id=a123' }).rule?.index).toBe(1);
  });
  it('queryParams: a missing parameter fails', () => {
    expect(decide(twoRules('queryParams: { id: { exact: "1" } }'), { path: '/x' }).rule?.index).toBe(1);
  });
  it('queryParams exact "" matches a parameter with no value', () => {
    expect(decide(twoRules('queryParams: { debug: { exact: "" } }'), { path: '/x?debug' }).rule?.index).toBe(0);
  });
  it('queryParams reads the value after the first =', () => {
    expect(decide(twoRules('queryParams: { q: { exact: "a=b" } }'), { path: '/x?z=1&q=a=b' }).rule?.index).toBe(0);
  });
});

describe('routing: config-time selection (port, gateways, sourceLabels, sourceNamespace)', () => {
  it('port: a block for another port is dropped for this listener', () => {
    const d = decide(twoRules('port: 9080'), {}, { port: 8080 });
    expect(d.rule?.index).toBe(1);
    expect(d.rules[0]?.blocks[0]?.dropped).toBe(true);
  });
  it('port: the block applies on its port', () => {
    expect(decide(twoRules('port: 9080'), {}, { port: 9080 }).rule?.index).toBe(0);
  });
  it('port defaults to the port in the authority', () => {
    expect(decide(twoRules('port: 9080'), { authority: 'svc:9080' }).rule?.index).toBe(0);
  });
  it('sourceLabels: the block applies only to clients with those labels', () => {
    expect(decide(twoRules('sourceLabels: { app: productpage }'), {}, { sourceLabels: { app: 'productpage', version: 'v1' } }).rule?.index).toBe(0);
    expect(decide(twoRules('sourceLabels: { app: productpage }'), {}, { sourceLabels: { app: 'reviews' } }).rule?.index).toBe(1);
  });
  it('sourceLabels are checked when istiod builds the config (the block is dropped)', () => {
    const d = decide(twoRules('sourceLabels: { app: productpage }'), {}, {});
    expect(d.rules[0]?.blocks[0]?.checks[0]?.configTime).toBe(true);
    expect(d.rules[0]?.blocks[0]?.dropped).toBe(true);
  });
  it('rule: when sourceLabels drop every block of every rule, the sidecar keeps the Service default route (not 404)', () => {
    const v = vs(`  - match: [{ sourceLabels: { app: productpage } }]\n    route: [{ destination: { host: svc, subset: v2 } }]\n  - match: [{ sourceNamespace: frontend }]\n    route: [{ destination: { host: svc, subset: v1 } }]\n`);
    const d = decide(v, {}, { sourceLabels: { app: 'reviews' }, sourceNamespace: 'default' });
    expect(d.outcome).toBe('default-route');
    expect(d.httpStatus).toBeNull();
    expect(d.rules.every((r) => r.blocks.every((b) => b.dropped))).toBe(true);
    // The same VirtualService for a client that keeps a block: that block decides, and a miss is 404 NR.
    expect(decide(v, {}, { sourceLabels: { app: 'productpage' } }).outcome).toBe('routed');
  });
  it('rule: a gateway left with no route from a VirtualService answers 404 NR (no default route there)', () => {
    const v = vs(`  - match: [{ port: 9999 }]\n    route: [{ destination: { host: svc, subset: v2 } }]\n`, '  gateways: [my-gw]\n');
    expect(decide(v, {}, { gateway: 'my-gw', port: 80 }).httpStatus).toBe(404);
  });
  it('sourceNamespace: only clients in that namespace', () => {
    expect(decide(twoRules('sourceNamespace: frontend'), {}, { sourceNamespace: 'frontend' }).rule?.index).toBe(0);
    expect(decide(twoRules('sourceNamespace: frontend'), {}, { sourceNamespace: 'default' }).rule?.index).toBe(1);
  });
  it('match-level gateways replace sourceLabels: the labels are not checked when gateways are set', () => {
    const v = vs(
      `  - match: [{ gateways: [mesh], sourceLabels: { app: nobody } }]
    route: [{ destination: { host: svc, subset: v2 } }]
  - route: [{ destination: { host: svc, subset: v1 } }]
`,
    );
    expect(decide(v, {}, { sourceLabels: { app: 'other' } }).rule?.index).toBe(0);
  });
  it('sourceLabels only apply when mesh is among the gateways (noted for a gateway-only VirtualService)', () => {
    const v = vs(`  - match: [{ sourceLabels: { app: web } }]\n    route: [{ destination: { host: svc, subset: v2 } }]\n  - route: [{ destination: { host: svc, subset: v1 } }]\n`, '  gateways: [my-gw]\n');
    const d = decide(v, {}, { gateway: 'my-gw', sourceLabels: { istio: 'ingressgateway' } });
    expect(d.rule?.index).toBe(1);
    expect(d.notes.join(' ')).toMatch(/only apply when mesh is among the gateways/);
  });
  it('omitted gateways = mesh only: a gateway proxy ignores the VirtualService (404)', () => {
    const d = decide(twoRules('uri: { prefix: / }'), {}, { gateway: 'istio-system/ingress' });
    expect(d.outcome).toBe('not-bound');
    expect(d.httpStatus).toBe(404);
  });
  it('a gateways list without mesh: sidecars ignore the VirtualService', () => {
    const v = vs(`  - route: [{ destination: { host: svc, subset: v1 } }]\n`, '  gateways: [my-gw]\n');
    const d = decide(v, {}, { gateway: 'mesh' });
    expect(d.outcome).toBe('not-bound');
    expect(d.httpStatus).toBeNull();
  });
  it('a bare gateway name is in the VirtualService namespace', () => {
    const v = vs(`  - route: [{ destination: { host: svc, subset: v1 } }]\n`, '  gateways: [my-gw]\n');
    expect(decide(v, {}, { gateway: 'default/my-gw' }).outcome).toBe('routed');
    expect(decide(v, {}, { gateway: 'other/my-gw' }).outcome).toBe('not-bound');
  });
  it('match-level gateways: a block for the gateway only does not apply to sidecars', () => {
    const v = vs(
      `  - match: [{ gateways: [my-gw], uri: { prefix: /ext } }]
    route: [{ destination: { host: svc, subset: v2 } }]
  - route: [{ destination: { host: svc, subset: v1 } }]
`,
      '  gateways: [my-gw, mesh]\n',
    );
    expect(decide(v, { path: '/ext' }, { gateway: 'mesh' }).rule?.index).toBe(1);
    expect(decide(v, { path: '/ext' }, { gateway: 'my-gw' }).rule?.index).toBe(0);
  });
  it('hosts "*" is not allowed for a VirtualService bound to mesh', () => {
    const v = doc(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: x }
spec:
  hosts: ["*"]
  http: [{ route: [{ destination: { host: svc } }] }]
`);
    const r = routeHttp({ virtualService: v, request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.hosts[0]');
  });
  it('a request for another host is not handled by this VirtualService', () => {
    const d = decide(twoRules('uri: { prefix: / }'), { authority: 'other' });
    expect(d.outcome).toBe('not-bound');
  });
  it('a short host matches its namespace-qualified aliases', () => {
    expect(decide(twoRules('uri: { prefix: /x }'), { authority: 'svc.default.svc.cluster.local:80', path: '/x' }).rule?.index).toBe(0);
  });
});

describe('routing: weights and destinations', () => {
  const split = (w1: number | null, w2: number | null) =>
    vs(`  - route:
    - destination: { host: svc, subset: v1 }
${w1 === null ? '' : `      weight: ${w1}\n`}    - destination: { host: svc, subset: v2 }
${w2 === null ? '' : `      weight: ${w2}\n`}`);

  it('weights are normalized: 80/20 gives 0.8 and 0.2', () => {
    const d = decide(split(80, 20));
    expect(d.destinations.map((x) => x.share)).toEqual([0.8, 0.2]);
  });
  it('weights are normalized: they need not add up to 100 (1 and 3 → 25% / 75%)', () => {
    const d = decide(split(1, 3));
    expect(d.destinations.map((x) => x.share)).toEqual([0.25, 0.75]);
  });
  it('weight 0 gets nothing', () => {
    const d = decide(split(100, 0));
    expect(d.destinations[1]?.share).toBe(0);
    expect(d.destinations[1]?.reason).toMatch(/weight 0/);
  });
  it('a missing weight beside a weighted destination counts as 0', () => {
    expect(decide(split(50, null)).destinations.map((x) => x.share)).toEqual([1, 0]);
  });
  it('weights adding up to 0 with several destinations are rejected', () => {
    const r = routeHttp({ virtualService: split(0, 0), destinationRules: [DR], request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.http[0].route');
  });
  it('a negative weight is rejected', () => {
    const r = routeHttp({ virtualService: split(-1, 5), destinationRules: [DR], request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.http[0].route[0].weight');
  });
  it('a single destination gets everything whatever its weight', () => {
    const v = vs(`  - route:
    - destination: { host: svc, subset: v1 }
      weight: 30
`);
    expect(decide(v).destinations[0]?.share).toBe(1);
  });
  it('a destination port is reported', () => {
    const v = vs(`  - route: [{ destination: { host: svc, port: { number: 9080 } } }]\n`);
    expect(decide(v).destinations[0]?.port).toBe(9080);
  });
  it('the subset is resolved to the DestinationRule that defines it, with its labels', () => {
    const d = decide(split(50, 50));
    expect(d.destinations[0]?.subsetDefinedBy).toEqual({ name: 'svc', namespace: 'default', labels: { version: 'v1' } });
  });
});

describe('routing: 503 NC and UH', () => {
  it('a subset no DestinationRule defines → 503 NC', () => {
    const v = vs(`  - route: [{ destination: { host: svc, subset: v9 } }]\n`);
    const d = decide(v);
    expect(d.outcome).toBe('no-cluster');
    expect(d.httpStatus).toBe(503);
    expect(d.responseFlag).toBe('NC');
  });
  it('no DestinationRule at all with a subset → 503 NC', () => {
    const v = vs(`  - route: [{ destination: { host: svc, subset: v1 } }]\n`);
    expect(decide(v, {}, {}, []).responseFlag).toBe('NC');
  });
  it('a DestinationRule for another host does not define the subset → 503 NC', () => {
    const v = vs(`  - route: [{ destination: { host: svc, subset: v1 } }]\n`);
    expect(decide(v, {}, {}, drs).responseFlag).toBe('NC');
  });
  it('a destination without subset needs no DestinationRule', () => {
    const v = vs(`  - route: [{ destination: { host: svc } }]\n`);
    expect(decide(v, {}, {}, []).outcome).toBe('routed');
  });
  it('a DestinationRule in another namespace with a short host is another host', () => {
    const other = doc(`apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: svc, namespace: other }
spec: { host: svc, subsets: [{ name: v1, labels: { version: v1 } }] }
`);
    const v = vs(`  - route: [{ destination: { host: svc, subset: v1 } }]\n`);
    expect(decide(v, {}, {}, [other]).responseFlag).toBe('NC');
  });
  it('a DestinationRule with the FQDN host defines the subset for a short destination host', () => {
    const full = doc(`apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: svc, namespace: istio-system }
spec: { host: svc.default.svc.cluster.local, subsets: [{ name: v1, labels: { version: v1 } }] }
`);
    const v = vs(`  - route: [{ destination: { host: svc, subset: v1 } }]\n`);
    expect(decide(v, {}, {}, [full]).outcome).toBe('routed');
  });
  it('a subset with no endpoints → 503 UH', () => {
    const v = vs(`  - route: [{ destination: { host: svc, subset: v3 } }]\n`);
    const d = decide(v, {}, { noEndpoints: ['svc/v3'] });
    expect(d.outcome).toBe('no-healthy-upstream');
    expect(d.httpStatus).toBe(503);
    expect(d.responseFlag).toBe('UH');
  });
  it('no endpoints for another subset does not affect this one', () => {
    const v = vs(`  - route: [{ destination: { host: svc, subset: v1 } }]\n`);
    expect(decide(v, {}, { noEndpoints: ['svc/v3'] }).outcome).toBe('routed');
  });
  it('a split with one failing destination is partial: only its share fails', () => {
    const v = vs(`  - route:
    - { destination: { host: svc, subset: v1 }, weight: 90 }
    - { destination: { host: svc, subset: v9 }, weight: 10 }
`);
    const d = decide(v);
    expect(d.outcome).toBe('partial');
    expect(d.destinations.map((x) => x.status)).toEqual(['ok', 'NC']);
  });
});

describe('routing: timeout, retries, fault, mirror', () => {
  const one = (extra: string) => vs(`  - route: [{ destination: { host: svc } }]\n${extra}`);
  it('timeout is disabled by default', () => {
    const d = decide(one(''));
    expect(d.timeout.ms).toBeNull();
    expect(d.timeout.source).toBe('default');
  });
  it('a rule timeout is in effect', () => {
    expect(decide(one('    timeout: 0.5s\n')).timeout.ms).toBe(500);
  });
  it('default retries: 2 attempts with the default retryOn list', () => {
    const d = decide(one(''));
    expect(d.retries).toMatchObject({ source: 'default', attempts: 2, totalTries: 3, retryOn: DEFAULT_RETRY_ON });
    expect(DEFAULT_RETRY_ON).toBe('connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes');
  });
  it('attempts 0 disables retries', () => {
    const d = decide(one('    retries: { attempts: 0 }\n'));
    expect(d.retries.attempts).toBe(0);
    expect(d.retries.totalTries).toBe(1);
    expect(d.retries.retryOn).toBeNull();
  });
  it('retries set: total tries = 1 + attempts, custom retryOn and perTryTimeout', () => {
    const d = decide(one('    retries: { attempts: 3, perTryTimeout: 2s, retryOn: 5xx }\n'));
    expect(d.retries).toMatchObject({ source: 'rule', attempts: 3, totalTries: 4, retryOn: '5xx', perTryTimeout: '2s' });
  });
  it('perTryTimeout defaults to the route timeout', () => {
    const d = decide(one('    timeout: 6s\n    retries: { attempts: 2 }\n'));
    expect(d.retries.perTryTimeout).toMatch(/6s/);
  });
  it('retries without retryOn keep the default retryOn list', () => {
    expect(decide(one('    retries: { attempts: 5 }\n')).retries.retryOn).toBe(DEFAULT_RETRY_ON);
  });
  it('a bad timeout names the field', () => {
    const r = routeHttp({ virtualService: one('    timeout: soon\n'), request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.http[0].timeout');
  });
  it('fault delay and abort are independent and both reported', () => {
    const d = decide(one('    fault:\n      delay: { fixedDelay: 5s, percentage: { value: 10 } }\n      abort: { httpStatus: 503, percentage: { value: 20 } }\n'));
    expect(d.fault?.delay).toMatchObject({ ms: 5000, percentage: 10 });
    expect(d.fault?.abort).toMatchObject({ httpStatus: 503, percentage: 20 });
  });
  it('a fault without percentage delays nothing', () => {
    const d = decide(one('    fault:\n      delay: { fixedDelay: 5s }\n'));
    expect(d.fault?.delay?.percentage).toBe(0);
    expect(d.notes.join(' ')).toMatch(/no request is delayed/);
  });
  it('fault percentage must be 0 or within 0.0001..100', () => {
    const r = routeHttp({ virtualService: one('    fault:\n      abort: { httpStatus: 500, percentage: { value: 150 } }\n'), request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.http[0].fault.abort.percentage.value');
  });
  it('retries and timeouts are not applied with client-side faults (noted)', () => {
    const d = decide(one('    fault:\n      abort: { httpStatus: 500, percentage: { value: 1 } }\n'));
    expect(d.notes.join(' ')).toMatch(/does not apply the retries and timeout/);
  });
  it('mirrorPercentage absent = 100%', () => {
    const d = decide(one('    mirror: { host: svc, subset: v2 }\n'));
    expect(d.mirrors).toEqual([expect.objectContaining({ host: 'svc', subset: 'v2', percentage: 100 })]);
  });
  it('mirrorPercentage 0 mirrors nothing', () => {
    expect(decide(one('    mirror: { host: svc }\n    mirrorPercentage: { value: 0 }\n')).mirrors[0]?.percentage).toBe(0);
  });
  it('mirrors[] lists several mirror destinations with their percentages', () => {
    const d = decide(one('    mirrors:\n    - destination: { host: a }\n      percentage: { value: 5 }\n    - destination: { host: b }\n'));
    expect(d.mirrors.map((m) => [m.host, m.percentage])).toEqual([
      ['a', 5],
      ['b', 100],
    ]);
  });
  it('redirect answers with 301 by default', () => {
    const v = vs(`  - redirect: { uri: /new }\n`);
    const d = decide(v);
    expect(d.outcome).toBe('redirect');
    expect(d.httpStatus).toBe(301);
  });
  it('directResponse answers with its status', () => {
    const v = vs(`  - directResponse: { status: 418, body: { string: teapot } }\n`);
    expect(decide(v).httpStatus).toBe(418);
  });
  it('delegate only when route and redirect are empty', () => {
    const v = vs(`  - delegate: { name: x }\n    route: [{ destination: { host: svc } }]\n`);
    const r = routeHttp({ virtualService: v, destinationRules: [DR], request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.http[0].delegate');
  });
  it('delegate hands the decision to the named VirtualService', () => {
    const v = vs(`  - match: [{ uri: { prefix: /r } }]\n    delegate: { name: reviews-routes, namespace: team }\n`);
    const d = decide(v, { path: '/r' });
    expect(d.outcome).toBe('delegate');
    expect(d.delegate).toEqual({ name: 'reviews-routes', namespace: 'team' });
  });
});

describe('routing: bookinfo', () => {
  const [testV2] = fixture('bookinfo/reviews-test-v2.yaml');
  it('reviews-test-v2: user jason → v2', () => {
    const d = decide(testV2, { authority: 'reviews:9080', headers: { 'end-user': 'jason' } }, {}, drs);
    expect(d.destinations.map((x) => x.subset)).toEqual(['v2']);
    expect(d.rule?.index).toBe(0);
  });
  it('reviews-test-v2: everyone else → v1', () => {
    for (const headers of [{}, { 'end-user': 'mary' }, { 'end-user': 'JASON' }]) {
      const d = decide(testV2, { authority: 'reviews:9080', headers }, {}, drs);
      expect(d.destinations.map((x) => x.subset)).toEqual(['v1']);
    }
  });
  it('reviews 80-20: v1 gets 80%, v2 gets 20%', () => {
    const [v] = fixture('bookinfo/reviews-80-20.yaml');
    const d = decide(v, { authority: 'reviews' }, {}, drs);
    expect(d.destinations.map((x) => [x.subset, x.share])).toEqual([
      ['v1', 0.8],
      ['v2', 0.2],
    ]);
  });
  it('ratings-test-delay: jason gets a 7s delay on every request, others none', () => {
    const [v] = fixture('bookinfo/ratings-test-delay.yaml');
    const j = decide(v, { authority: 'ratings', headers: { 'end-user': 'jason' } }, {}, drs);
    expect(j.fault?.delay).toMatchObject({ ms: 7000, percentage: 100 });
    expect(decide(v, { authority: 'ratings' }, {}, drs).fault).toBeNull();
  });
  it('ratings-test-abort: jason gets HTTP 500 on every request, others none', () => {
    const [v] = fixture('bookinfo/ratings-test-abort.yaml');
    const j = decide(v, { authority: 'ratings', headers: { 'end-user': 'jason' } }, {}, drs);
    expect(j.fault?.abort).toMatchObject({ httpStatus: 500, percentage: 100 });
    expect(decide(v, { authority: 'ratings', headers: { 'end-user': 'mary' } }, {}, drs).fault).toBeNull();
  });
  it('bookinfo gateway: the five URI blocks are ORed, other paths get 404 on the gateway', () => {
    const [v] = fixture('bookinfo/gateway-vs.yaml');
    const ctx = { gateway: 'default/bookinfo-gateway', port: 8080 };
    expect(decide(v, { authority: 'bookinfo.example', path: '/productpage' }, ctx, drs).outcome).toBe('routed');
    expect(decide(v, { authority: 'bookinfo.example', path: '/static/css/x.css' }, ctx, drs).rule?.matchIndex).toBe(1);
    expect(decide(v, { authority: 'bookinfo.example', path: '/api/v1/products/1' }, ctx, drs).rule?.matchIndex).toBe(4);
    expect(decide(v, { authority: 'bookinfo.example', path: '/admin' }, ctx, drs).httpStatus).toBe(404);
  });
});

describe('routing: weights are 32-bit integers', () => {
  const split = (a: string, b: string) =>
    vs(`  - route:\n    - destination: { host: svc, subset: v1 }\n      weight: ${a}\n    - destination: { host: svc, subset: v2 }\n      weight: ${b}\n`);
  it('rule: a weight of 2^31 or more is rejected (the field is an int32)', () => {
    const r = routeHttp({ virtualService: split('2147483648', '1'), destinationRules: [DR], request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.http[0].route[0].weight');
  });
  it('rule: a weight of 1e308 is rejected with its field, not routed to nothing', () => {
    const r = routeHttp({ virtualService: split('1e308', '1'), destinationRules: [DR], request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/32-bit/);
  });
  it('the largest int32 weight still gives shares that add up to 1', () => {
    const d = decide(split('2147483647', '1'));
    expect(d.destinations.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1);
  });
});

describe('routing: hostile keys', () => {
  it('rule: a __proto__ header in the request is a header like any other', () => {
    expect(decide(twoRules('headers: { __proto__: { exact: x } }'), { headers: JSON.parse('{"__proto__":"x"}') as Record<string, string> }).rule?.index).toBe(0);
  });
  it('rule: a sourceLabels key that is not a Kubernetes label key is rejected with its path', () => {
    const r = routeHttp({ virtualService: twoRules('sourceLabels: { __proto__: x }'), destinationRules: [DR], request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/label/);
  });
  it('rule: a label key like "constructor" is only present when the workload has it', () => {
    expect(decide(twoRules('sourceLabels: { constructor: x }'), {}, { sourceLabels: {} }).rule?.index).toBe(1);
    expect(decide(twoRules('sourceLabels: { constructor: x }'), {}, { sourceLabels: { constructor: 'x' } }).rule?.index).toBe(0);
  });
});

describe('routing: multiple documents', () => {
  it('docs() helper keeps the order of documents (sanity for fixtures)', () => {
    expect(docs('a: 1\n---\nb: 2\n')).toEqual([{ a: 1 }, { b: 2 }]);
  });
});

describe('routing: DestinationRule traffic policy for the destination', () => {
  const dr = doc(`apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: svc, namespace: default }
spec:
  host: svc
  trafficPolicy:
    loadBalancer: { simple: ROUND_ROBIN }
    connectionPool: { tcp: { maxConnections: 100 }, http: { http1MaxPendingRequests: 10 } }
  subsets:
  - name: v1
    labels: { version: v1 }
  - name: v2
    labels: { version: v2 }
    trafficPolicy:
      connectionPool: { tcp: { maxConnections: 5 } }
`);
  const to = (subset: string | null) => vs(`  - route: [{ destination: { host: svc${subset ? `, subset: ${subset}` : ''} } }]\n`);
  it('a subset inherits the top-level trafficPolicy', () => {
    const d = decide(to('v1'), {}, {}, [dr]);
    expect(d.destinations[0]?.trafficPolicy?.fromTopLevel).toEqual(['loadBalancer', 'connectionPool']);
    expect(d.destinations[0]?.trafficPolicy?.fromSubset).toEqual([]);
  });
  it('a subset connectionPool replaces the top-level one whole (no deep merge)', () => {
    const d = decide(to('v2'), {}, {}, [dr]);
    const tp = d.destinations[0]?.trafficPolicy;
    expect(tp?.fromSubset).toEqual(['connectionPool']);
    expect(tp?.fromTopLevel).toEqual(['loadBalancer']);
    expect(tp?.effective['connectionPool']).toEqual({ tcp: { maxConnections: 5 } });
  });
  it('a destination without subset gets the top-level policy only', () => {
    const d = decide(to(null), {}, {}, [dr]);
    expect(d.destinations[0]?.trafficPolicy?.effective['loadBalancer']).toEqual({ simple: 'ROUND_ROBIN' });
  });
  it('no trafficPolicy anywhere: none reported', () => {
    expect(decide(to('v1')).destinations[0]?.trafficPolicy).toBeUndefined();
  });
});
