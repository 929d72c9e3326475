import { describe, expect, it } from 'vitest';
import { authzPathMatch, authzStringMatch, evaluateAuthz, ipInBlock, type AuthzDecision, type AuthzRequest, type AuthzWorkload } from '../../../src/lib/istio';
import { doc, expectOk } from './load';

const workload: AuthzWorkload = { namespace: 'shop', labels: { app: 'api' } };
const sleep = 'cluster.local/ns/shop/sa/sleep';

function policy(spec: string, name = 'p', namespace = 'shop'): unknown {
  return doc(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: ${name}, namespace: ${namespace} }
spec:
${spec
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
`);
}

function decide(policies: unknown[], request: AuthzRequest = {}, w: AuthzWorkload = workload, extra: { customProviderDecision?: 'allow' | 'deny' } = {}): AuthzDecision {
  return expectOk(evaluateAuthz({ policies, workload: w, request, ...extra })).decision;
}

const allowGetApi = policy(`action: ALLOW
rules:
- from: [{ source: { principals: ["${sleep}"] } }]
  to: [{ operation: { methods: [GET], paths: ["/api/*"] } }]`);

describe('authz: the order CUSTOM → DENY → ALLOW', () => {
  it('no policy at all → allow', () => {
    const d = decide([]);
    expect(d.allowed).toBe(true);
    expect(d.decidedBy).toBe('no-allow-policy');
  });
  it('no ALLOW policy → allow when no DENY matches', () => {
    const deny = policy(`action: DENY\nrules: [{ to: [{ operation: { methods: [DELETE] } }] }]`);
    const d = decide([deny], { method: 'GET' });
    expect(d.allowed).toBe(true);
    expect(d.decidedBy).toBe('no-allow-policy');
  });
  it('DENY before ALLOW: a matching DENY wins over a matching ALLOW', () => {
    const allow = policy(`action: ALLOW\nrules: [{}]`, 'allow-all');
    const deny = policy(`action: DENY\nrules: [{ to: [{ operation: { paths: ["/admin*"] } }] }]`, 'deny-admin');
    const d = decide([allow, deny], { path: '/admin/x' });
    expect(d.allowed).toBe(false);
    expect(d.status).toBe(403);
    expect(d.decidedBy).toBe('deny-policy');
    expect(d.policy?.name).toBe('deny-admin');
  });
  it('ALLOW match → allow, naming the policy and rule', () => {
    const d = decide([allowGetApi], { sourcePrincipal: sleep, method: 'GET', path: '/api/items' });
    expect(d.allowed).toBe(true);
    expect(d.decidedBy).toBe('allow-policy');
    expect(d.policy).toMatchObject({ name: 'p', ruleIndex: 0 });
  });
  it('ALLOW policies exist and none matches → deny', () => {
    const d = decide([allowGetApi], { sourcePrincipal: sleep, method: 'POST', path: '/api/items' });
    expect(d.allowed).toBe(false);
    expect(d.decidedBy).toBe('no-allow-match');
  });
  it('denied HTTP request gets 403 with body RBAC: access denied', () => {
    const d = decide([allowGetApi], { method: 'POST' });
    expect(d.status).toBe(403);
    expect(d.body).toBe('RBAC: access denied');
  });
  it('CUSTOM runs first: a provider deny wins over an ALLOW', () => {
    const custom = policy(`action: CUSTOM\nprovider: { name: ext-authz }\nrules: [{ to: [{ operation: { paths: ["/headers"] } }] }]`, 'ext');
    const allow = policy(`action: ALLOW\nrules: [{}]`, 'allow-all');
    const d = decide([allow, custom], { path: '/headers' }, workload, { customProviderDecision: 'deny' });
    expect(d.decidedBy).toBe('custom-deny');
    expect(d.stages.map((s) => s.stage)).toEqual(['CUSTOM']);
  });
  it('CUSTOM allow continues to DENY and ALLOW', () => {
    const custom = policy(`action: CUSTOM\nprovider: { name: ext-authz }\nrules: [{}]`, 'ext');
    const deny = policy(`action: DENY\nrules: [{}]`, 'deny-all');
    const d = decide([custom, deny], {}, workload, { customProviderDecision: 'allow' });
    expect(d.decidedBy).toBe('deny-policy');
    expect(d.stages.map((s) => s.stage)).toEqual(['CUSTOM', 'DENY']);
  });
  it('AUDIT never allows or denies: it only marks', () => {
    const audit = policy(`action: AUDIT\nrules: [{ to: [{ operation: { methods: [GET] } }] }]`, 'audit');
    const d = decide([audit], { method: 'GET' });
    expect(d.allowed).toBe(true);
    expect(d.decidedBy).toBe('no-allow-policy');
    expect(d.audited.map((a) => a.name)).toEqual(['audit']);
  });
  it('AUDIT beside ALLOW: the ALLOW decides', () => {
    const audit = policy(`action: AUDIT\nrules: [{}]`, 'audit');
    const d = decide([audit, allowGetApi], { method: 'DELETE' });
    expect(d.allowed).toBe(false);
    expect(d.audited).toHaveLength(1);
  });
});

describe('authz: empty specs and rules', () => {
  it('spec {} denies all (an ALLOW policy with no rules)', () => {
    const d = decide([policy('{}', 'allow-nothing')], { sourcePrincipal: sleep });
    expect(d.allowed).toBe(false);
    expect(d.summary).toMatch(/spec: \{\} allows nothing/);
  });
  it('rules: [{}] allows all', () => {
    expect(decide([policy('rules: [{}]')], {}).allowed).toBe(true);
  });
  it('DENY with rules: [{}] denies all', () => {
    expect(decide([policy('action: DENY\nrules: [{}]')], {}).allowed).toBe(false);
  });
  it('DENY without rules is rejected by validation and does not apply', () => {
    const d = decide([policy('action: DENY')], {});
    expect(d.allowed).toBe(true);
    expect(d.rejected[0]?.reason).toMatch(/without rules is rejected/);
  });
  it('CUSTOM without rules is rejected by validation and does not apply', () => {
    const d = decide([policy('action: CUSTOM\nprovider: { name: ext }')], {}, workload, { customProviderDecision: 'deny' });
    expect(d.allowed).toBe(true);
    expect(d.rejected[0]?.reason).toMatch(/without rules is rejected/);
  });
  it('AUDIT without rules is accepted and marks nothing', () => {
    const d = decide([policy('action: AUDIT')], {});
    expect(d.rejected).toEqual([]);
    expect(d.audited).toEqual([]);
  });
  it('an empty from.source is rejected by validation', () => {
    const d = decide([policy('action: DENY\nrules: [{ from: [{ source: {} }] }]')], {});
    expect(d.allowed).toBe(true);
    expect(d.rejected[0]?.reason).toMatch(/from.source. must not be empty/);
  });
  it('an empty to list is rejected by validation', () => {
    const d = decide([policy('action: DENY\nrules: [{ to: [] }]')], {});
    expect(d.rejected[0]?.reason).toMatch(/to. must not be empty/);
  });
  it('spec {} plus another ALLOW that matches → allowed', () => {
    const d = decide([policy('{}', 'nothing'), policy('rules: [{ to: [{ operation: { methods: [GET] } }] }]', 'get')], { method: 'GET' });
    expect(d.allowed).toBe(true);
    expect(d.policy?.name).toBe('get');
  });
});

describe('authz: rule logic', () => {
  it('rules are ORed: the second rule can allow alone', () => {
    const p = policy(`rules:
- to: [{ operation: { methods: [POST] } }]
- to: [{ operation: { methods: [GET] } }]`);
    expect(decide([p], { method: 'GET' }).policy?.ruleIndex).toBe(1);
  });
  it('from and to inside one rule are ANDed', () => {
    expect(decide([allowGetApi], { sourcePrincipal: 'cluster.local/ns/shop/sa/other', method: 'GET', path: '/api/x' }).allowed).toBe(false);
  });
  it('entries of the to list are ORed', () => {
    const p = policy(`rules:
- to:
  - operation: { methods: [GET] }
  - operation: { paths: ["/public"] }`);
    expect(decide([p], { method: 'POST', path: '/public' }).allowed).toBe(true);
    expect(decide([p], { method: 'POST', path: '/private' }).allowed).toBe(false);
  });
  it('fields inside one operation are ANDed', () => {
    const p = policy(`rules: [{ to: [{ operation: { methods: [GET], paths: ["/a"] } }] }]`);
    expect(decide([p], { method: 'GET', path: '/b' }).allowed).toBe(false);
  });
  it('values inside one field are ORed', () => {
    const p = policy(`rules: [{ to: [{ operation: { methods: [GET, HEAD] } }] }]`);
    expect(decide([p], { method: 'HEAD' }).allowed).toBe(true);
  });
  it('when conditions are ANDed with from/to', () => {
    const p = policy(`rules:
- to: [{ operation: { methods: [GET] } }]
  when: [{ key: "request.headers[x-version]", values: ["v2"] }]`);
    expect(decide([p], { method: 'GET', headers: { 'X-Version': 'v2' } }).allowed).toBe(true);
    expect(decide([p], { method: 'GET', headers: { 'x-version': 'v1' } }).allowed).toBe(false);
  });
  it('the failing condition is named in the explanation', () => {
    const d = decide([allowGetApi], { sourcePrincipal: sleep, method: 'POST', path: '/api/x' });
    const rule = d.stages.find((s) => s.stage === 'ALLOW')?.policies[0]?.rules[0];
    expect(rule?.matched).toBe(false);
    expect(rule?.conditions.find((c) => !c.passed)?.field).toBe('methods');
  });
});

describe('authz: notX fields', () => {
  it('notPaths: NOT(any of the paths)', () => {
    const p = policy(`action: DENY\nrules: [{ to: [{ operation: { notPaths: ["/healthz", "/ready"] } }] }]`);
    expect(decide([p], { path: '/healthz' }).allowed).toBe(true);
    expect(decide([p], { path: '/ready' }).allowed).toBe(true);
    expect(decide([p], { path: '/data' }).allowed).toBe(false);
  });
  it('notMethods ANDed with paths', () => {
    const p = policy(`action: DENY\nrules: [{ to: [{ operation: { paths: ["/admin"], notMethods: [GET] } }] }]`);
    expect(decide([p], { path: '/admin', method: 'POST' }).allowed).toBe(false);
    expect(decide([p], { path: '/admin', method: 'GET' }).allowed).toBe(true);
  });
  it('notNamespaces: a source outside the listed namespaces', () => {
    const p = policy(`action: DENY\nrules: [{ from: [{ source: { notNamespaces: [shop] } }] }]`);
    expect(decide([p], { sourcePrincipal: 'cluster.local/ns/other/sa/x' }).allowed).toBe(false);
    expect(decide([p], { sourcePrincipal: sleep }).allowed).toBe(true);
  });
  it('notRequestPrincipals ["*"] denies a request without a token', () => {
    const p = policy(`action: DENY\nrules: [{ from: [{ source: { notRequestPrincipals: ["*"] } }] }]`);
    expect(decide([p], {}).allowed).toBe(false);
    expect(decide([p], { auth: { principal: 'https://issuer/alice' } }).allowed).toBe(true);
  });
  it('notIpBlocks', () => {
    const p = policy(`rules: [{ from: [{ source: { notIpBlocks: ["10.0.0.0/8"] } }] }]`);
    expect(decide([p], { sourceIp: '10.1.2.3' }).allowed).toBe(false);
    expect(decide([p], { sourceIp: '192.168.1.1' }).allowed).toBe(true);
  });
});

describe('authz: string matching', () => {
  it('exact match', () => {
    expect(authzStringMatch('/api', '/api')).toBe(true);
    expect(authzStringMatch('/api', '/api/')).toBe(false);
  });
  it('prefix* match', () => {
    expect(authzStringMatch('/api/*', '/api/v1/x')).toBe(true);
    expect(authzStringMatch('/api/*', '/apis')).toBe(false);
  });
  it('*suffix match', () => {
    expect(authzStringMatch('*.png', '/img/a.png')).toBe(true);
    expect(authzStringMatch('*.png', '/img/a.jpg')).toBe(false);
  });
  it('"*" matches any non-empty value only', () => {
    expect(authzStringMatch('*', 'x')).toBe(true);
    expect(authzStringMatch('*', '')).toBe(false);
    expect(authzStringMatch('*', undefined)).toBe(false);
  });
  it('a * in the middle is literal', () => {
    expect(authzStringMatch('/a*b', '/a*b'.replace('*', '*'))).toBe(true);
    expect(authzStringMatch('/a/*/b', '/a/x/b')).toBe(false);
  });
  it('path template {*} matches one segment', () => {
    expect(authzPathMatch('/users/{*}/profile', '/users/42/profile')).toBe(true);
    expect(authzPathMatch('/users/{*}/profile', '/users/42/x/profile')).toBe(false);
  });
  it('path template {*} needs at least one character and stops at a slash', () => {
    expect(authzPathMatch('/users/{*}', '/users/')).toBe(false);
    expect(authzPathMatch('/users/{*}', '/users/a/b')).toBe(false);
    expect(authzPathMatch('/a/{*}/{*}', '/a/b/c')).toBe(true);
    expect(authzPathMatch('/a/{*}.txt', '/a/read.me.txt')).toBe(true);
  });
  it('path template {**} in the middle, and literal dots and brackets in a template', () => {
    expect(authzPathMatch('/api/{**}/edit', '/api/v1/items/7/edit')).toBe(true);
    expect(authzPathMatch('/api/{**}/edit', '/api/v1/items/7/view')).toBe(false);
    expect(authzPathMatch('/v1.0/{*}', '/v1x0/a')).toBe(false);
    expect(authzPathMatch('/files/{**}', '/files/')).toBe(true);
  });
  it('path template matching stays linear on a long hostile path', () => {
    const path = '/' + 'a/'.repeat(20000) + 'b';
    expect(authzPathMatch('/{**}/{*}/{**}/c', path)).toBe(false);
    expect(authzPathMatch('/{**}/{*}', path)).toBe(true);
  });
  it('path template {**} matches several segments', () => {
    expect(authzPathMatch('/files/{**}', '/files/a/b/c.txt')).toBe(true);
    expect(authzPathMatch('/files/{**}', '/other/a')).toBe(false);
  });
  it('paths ignore the query string', () => {
    const p = policy(`rules: [{ to: [{ operation: { paths: ["/api/items"] } }] }]`);
    expect(decide([p], { path: '/api/items?page=2' }).allowed).toBe(true);
  });
  it('hosts match case-insensitively', () => {
    const p = policy(`rules: [{ to: [{ operation: { hosts: ["Shop.Example.com"] } }] }]`);
    expect(decide([p], { host: 'shop.example.COM' }).allowed).toBe(true);
  });
  it('methods are case-sensitive', () => {
    const p = policy(`rules: [{ to: [{ operation: { methods: [GET] } }] }]`);
    expect(decide([p], { method: 'get' }).allowed).toBe(false);
  });
  it('ports are matched as strings of the port number', () => {
    const p = policy(`rules: [{ to: [{ operation: { ports: ["8080"] } }] }]`);
    expect(decide([p], { port: 8080 }).allowed).toBe(true);
    expect(decide([p], { port: 9090 }).allowed).toBe(false);
  });
});

describe('authz: sources', () => {
  it('principals need mTLS: a plaintext request has no principal', () => {
    const p = policy(`rules: [{ from: [{ source: { principals: ["*"] } }] }]`);
    expect(decide([p], {}).allowed).toBe(false);
    expect(decide([p], { sourcePrincipal: sleep }).allowed).toBe(true);
  });
  it('namespaces come from the peer principal', () => {
    const p = policy(`rules: [{ from: [{ source: { namespaces: [frontend] } }] }]`);
    expect(decide([p], { sourcePrincipal: 'cluster.local/ns/frontend/sa/web' }).allowed).toBe(true);
    expect(decide([p], { sourcePrincipal: sleep }).allowed).toBe(false);
  });
  it('namespaces need mTLS: a namespace without a peer identity does not match', () => {
    const p = policy(`rules: [{ from: [{ source: { namespaces: [frontend] } }] }]`);
    const d = decide([p], { sourceNamespace: 'frontend' });
    expect(d.allowed).toBe(false);
    expect(d.notes.join(' ')).toMatch(/source namespace is unknown/);
  });
  it('ipBlocks match the packet source IP (CIDR)', () => {
    const p = policy(`action: DENY\nrules: [{ from: [{ source: { ipBlocks: ["203.0.113.0/24"] } }] }]`);
    expect(decide([p], { sourceIp: '203.0.113.7' }).allowed).toBe(false);
    expect(decide([p], { sourceIp: '203.0.114.7' }).allowed).toBe(true);
  });
  it('remoteIpBlocks match the original client IP, not the packet source', () => {
    const p = policy(`action: DENY\nrules: [{ from: [{ source: { remoteIpBlocks: ["198.51.100.0/24"] } }] }]`);
    expect(decide([p], { sourceIp: '10.0.0.5', remoteIp: '198.51.100.9' }).allowed).toBe(false);
    expect(decide([p], { sourceIp: '198.51.100.9', remoteIp: '10.0.0.5' }).allowed).toBe(true);
  });
  it('requestPrincipals match <iss>/<sub> of a validated JWT', () => {
    const p = policy(`rules: [{ from: [{ source: { requestPrincipals: ["https://accounts.example.com/*"] } }] }]`);
    expect(decide([p], { auth: { principal: 'https://accounts.example.com/alice' } }).allowed).toBe(true);
    expect(decide([p], { auth: { principal: 'https://evil.example.com/alice' } }).allowed).toBe(false);
  });
  it('ipInBlock handles a single address and IPv6', () => {
    expect(ipInBlock('10.0.0.1', '10.0.0.1')).toBe(true);
    expect(ipInBlock('10.0.0.2', '10.0.0.1')).toBe(false);
    expect(ipInBlock('2001:db8::1', '2001:db8::/32')).toBe(true);
    expect(ipInBlock('2001:db9::1', '2001:db8::/32')).toBe(false);
    expect(ipInBlock('10.0.0.1', '2001:db8::/32')).toBe(false);
  });
  it('an invalid ipBlocks entry names the field', () => {
    const r = evaluateAuthz({ policies: [policy(`rules: [{ from: [{ source: { ipBlocks: ["10.0.0.0/33"] } }] }]`)], workload, request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.rules[0].from[0].source.ipBlocks[0]');
  });
});

describe('authz: when keys', () => {
  const when = (key: string, values: string, not = false) => policy(`rules: [{ when: [{ key: "${key}", ${not ? 'notValues' : 'values'}: ${values} }] }]`);
  it('request.auth.claims[groups] matches a list claim by any element', () => {
    const p = when('request.auth.claims[groups]', '["admin"]');
    expect(decide([p], { auth: { principal: 'i/s', claims: { groups: ['dev', 'admin'] } } }).allowed).toBe(true);
    expect(decide([p], { auth: { principal: 'i/s', claims: { groups: ['dev'] } } }).allowed).toBe(false);
  });
  it('request.auth.claims[a][b] reads a nested claim', () => {
    const p = when('request.auth.claims[realm][role]', '["ops"]');
    expect(decide([p], { auth: { principal: 'i/s', claims: { realm: { role: 'ops' } } } }).allowed).toBe(true);
  });
  it('source.ip uses CIDR matching', () => {
    expect(decide([when('source.ip', '["10.0.0.0/16"]')], { sourceIp: '10.0.3.4' }).allowed).toBe(true);
  });
  it('remote.ip', () => {
    expect(decide([when('remote.ip', '["1.2.3.4"]')], { sourceIp: '10.0.0.1', remoteIp: '1.2.3.4' }).allowed).toBe(true);
  });
  it('source.namespace and source.principal', () => {
    expect(decide([when('source.namespace', '[shop]')], { sourcePrincipal: sleep }).allowed).toBe(true);
    expect(decide([when('source.principal', `["${sleep}"]`)], { sourcePrincipal: sleep }).allowed).toBe(true);
  });
  it('request.auth.audiences and presenter', () => {
    expect(decide([when('request.auth.audiences', '[shop-api]')], { auth: { principal: 'i/s', audiences: ['shop-api'] } }).allowed).toBe(true);
    expect(decide([when('request.auth.presenter', '[cli]')], { auth: { principal: 'i/s', presenter: 'web' } }).allowed).toBe(false);
  });
  it('destination.port and connection.sni', () => {
    expect(decide([when('destination.port', '["8443"]')], { port: 8443 }).allowed).toBe(true);
    expect(decide([when('connection.sni', '["*.example.com"]')], { sni: 'api.example.com' }).allowed).toBe(true);
  });
  it('notValues in when', () => {
    const p = when('request.headers[x-env]', '["prod"]', true);
    expect(decide([p], { headers: { 'x-env': 'prod' } }).allowed).toBe(false);
    expect(decide([p], { headers: { 'x-env': 'dev' } }).allowed).toBe(true);
  });
  it('an unknown when key names the field', () => {
    const r = evaluateAuthz({ policies: [when('request.body', '["x"]')], workload, request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.rules[0].when[0].key');
  });
});

describe('authz: which policies apply', () => {
  it('a policy in the root namespace applies mesh-wide', () => {
    const p = policy('action: DENY\nrules: [{}]', 'mesh-deny', 'istio-system');
    const d = decide([p], {});
    expect(d.allowed).toBe(false);
    expect(d.stages[0]?.policies[0]?.scope).toBe('mesh');
  });
  it('a policy in another namespace does not apply', () => {
    const d = decide([policy('action: DENY\nrules: [{}]', 'x', 'other')], {});
    expect(d.allowed).toBe(true);
    expect(d.notApplicable[0]?.reason).toMatch(/namespace other/);
  });
  it('a selector that does not match the workload labels does not apply', () => {
    const p = policy('selector: { matchLabels: { app: web } }\naction: DENY\nrules: [{}]');
    expect(decide([p], {}).allowed).toBe(true);
  });
  it('a selector that matches applies at workload scope', () => {
    const p = policy('selector: { matchLabels: { app: api } }\naction: DENY\nrules: [{}]');
    const d = decide([p], {});
    expect(d.allowed).toBe(false);
    expect(d.stages[0]?.policies[0]?.scope).toBe('workload');
  });
  it('selector and targetRefs are mutually exclusive', () => {
    const p = policy('selector: { matchLabels: { app: api } }\ntargetRefs: [{ kind: Gateway, group: gateway.networking.k8s.io, name: gw }]\naction: DENY\nrules: [{}]');
    const d = decide([p], {});
    expect(d.allowed).toBe(true);
    expect(d.rejected[0]?.reason).toMatch(/mutually exclusive/);
  });
  it('targetRefs apply only to the named proxy', () => {
    const p = policy('targetRefs: [{ kind: Gateway, group: gateway.networking.k8s.io, name: gw }]\naction: DENY\nrules: [{}]');
    expect(decide([p], {}).allowed).toBe(true);
    expect(decide([p], {}, { namespace: 'shop', labels: {}, targets: [{ kind: 'Gateway', name: 'gw' }] }).allowed).toBe(false);
  });
  it('an ALLOW on another workload does not turn on default-deny here', () => {
    const p = policy('selector: { matchLabels: { app: web } }\nrules: [{ to: [{ operation: { methods: [GET] } }] }]');
    expect(decide([p], { method: 'POST' }).allowed).toBe(true);
  });
});

describe('authz: TCP traffic and HTTP-only fields', () => {
  it('HTTP-only fields on TCP: an ALLOW rule using them is dropped (less allowed)', () => {
    const p = policy(`rules: [{ to: [{ operation: { ports: ["3306"], methods: [GET] } }] }]`);
    expect(decide([p], { protocol: 'tcp', port: 3306 }).allowed).toBe(false);
  });
  it('HTTP-only fields on TCP: in DENY only that condition is dropped (more denied)', () => {
    const p = policy(`action: DENY\nrules: [{ to: [{ operation: { ports: ["3306"], methods: [DELETE] } }] }]`);
    expect(decide([p], { protocol: 'tcp', port: 3306 }).allowed).toBe(false);
    expect(decide([p], { protocol: 'tcp', port: 5432 }).allowed).toBe(true);
  });
  it('a denied TCP connection has no HTTP body', () => {
    const d = decide([policy('action: DENY\nrules: [{}]')], { protocol: 'tcp' });
    expect(d.body).toBeNull();
  });
});

describe('authz: presets used by the evaluator', () => {
  it('allow GET /api/* from one service account', () => {
    expect(decide([allowGetApi], { sourcePrincipal: sleep, method: 'GET', path: '/api/v1' }).allowed).toBe(true);
    expect(decide([allowGetApi], { sourcePrincipal: sleep, method: 'GET', path: '/admin' }).allowed).toBe(false);
  });
  it('require a JWT: ALLOW with requestPrincipals ["*"] denies a request without a token', () => {
    const p = policy(`rules: [{ from: [{ source: { requestPrincipals: ["*"] } }] }]`);
    expect(decide([p], {}).allowed).toBe(false);
    expect(decide([p], { auth: { principal: 'iss/sub' } }).allowed).toBe(true);
  });
});

describe('authz: bad input', () => {
  it('the wrong kind is an error naming kind', () => {
    const r = evaluateAuthz({ policies: [doc('kind: VirtualService\nmetadata: { name: x }\nspec: {}')], workload, request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.path).toBe('kind');
      expect(r.error.source).toBe('policies[0]');
    }
  });
  it('an unknown field in source names it', () => {
    const r = evaluateAuthz({ policies: [policy(`rules: [{ from: [{ source: { principal: [x] } }] }]`)], workload, request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.rules[0].from[0].source.principal');
  });
  it('an unknown action names spec.action', () => {
    const r = evaluateAuthz({ policies: [policy('action: REJECT\nrules: [{}]')], workload, request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.action');
  });
});

describe('authz: corrections checked against Istio 1.26.8', () => {
  it('rule: a denied TCP connection is closed, never a 403 (Envoy network RBAC)', () => {
    const d = decide([policy('action: DENY\nrules: [{ to: [{ operation: { ports: ["3306"] } }] }]')], { protocol: 'tcp', port: 3306 });
    expect(d.allowed).toBe(false);
    expect(d.status).toBeNull();
    expect(d.connectionClosed).toBe(true);
    expect(d.summary).toMatch(/connection closed/);
    expect(d.summary).not.toMatch(/403/);
  });
  it('rule: an HTTP denial is still a 403 with the RBAC body', () => {
    const d = decide([policy('action: DENY\nrules: [{}]')], {});
    expect(d.status).toBe(403);
    expect(d.connectionClosed).toBe(false);
  });
  it('rule: a path with { } outside a whole-segment template is rejected at admission, so the policy does not exist', () => {
    const p = policy('action: DENY\nrules: [{ to: [{ operation: { paths: ["/files/{*}.txt"] } }] }]');
    const d = decide([p], { path: '/files/a.txt' });
    expect(d.allowed).toBe(true);
    expect(d.rejected[0]?.reason).toMatch(/outside a supported template/);
  });
  it('rule: {**} must be the last operator in a path template', () => {
    const d = decide([policy('action: DENY\nrules: [{ to: [{ operation: { paths: ["/{**}/x/{*}"] } }] }]')], { path: '/a/x/b' });
    expect(d.rejected[0]?.reason).toMatch(/last operator/);
  });
  it('rule: whole-segment templates are accepted and match', () => {
    const d = decide([policy('action: DENY\nrules: [{ to: [{ operation: { paths: ["/files/{*}/raw"] } }] }]')], { path: '/files/a/raw' });
    expect(d.rejected).toHaveLength(0);
    expect(d.allowed).toBe(false);
  });
  it('rule: source.serviceAccounts matches the peer service account (namespace defaults to the policy namespace)', () => {
    const p = policy('action: ALLOW\nrules: [{ from: [{ source: { serviceAccounts: ["sleep", "other/bot"] } }] }]');
    expect(decide([p], { sourcePrincipal: sleep }).allowed).toBe(true);
    expect(decide([p], { sourcePrincipal: 'cluster.local/ns/other/sa/bot' }).allowed).toBe(true);
    expect(decide([p], { sourcePrincipal: 'cluster.local/ns/other/sa/sleep' }).allowed).toBe(false);
    expect(decide([p], { sourcePrincipal: 'cluster.local/ns/shop/sa/sleeper' }).allowed).toBe(false);
    expect(decide([p], {}).allowed).toBe(false);
  });
  it('rule: serviceAccounts cannot be combined with namespaces or principals', () => {
    const d = decide([policy('action: DENY\nrules: [{ from: [{ source: { serviceAccounts: ["sleep"], namespaces: ["shop"] } }] }]')], { sourcePrincipal: sleep });
    expect(d.allowed).toBe(true);
    expect(d.rejected[0]?.reason).toMatch(/cannot be combined/);
  });
  it('rule: serviceAccounts values take no wildcard', () => {
    expect(decide([policy('action: DENY\nrules: [{ from: [{ source: { serviceAccounts: ["sl*"] } }] }]')]).rejected[0]?.reason).toMatch(/wildcard/);
  });
  it('rule: a header condition "*" matches a present header with an empty value', () => {
    const p = policy('action: DENY\nrules: [{ when: [{ key: "request.headers[x-debug]", values: ["*"] }] }]');
    expect(decide([p], { headers: { 'x-debug': '' } }).allowed).toBe(false);
    expect(decide([p], { headers: {} }).allowed).toBe(true);
  });
  it('rule: "*" inside a namespaces entry is a wildcard (team-*-prod)', () => {
    const p = policy('action: ALLOW\nrules: [{ from: [{ source: { namespaces: ["team-*-prod"] } }] }]');
    expect(decide([p], { sourcePrincipal: 'cluster.local/ns/team-a-prod/sa/x' }).allowed).toBe(true);
    expect(decide([p], { sourcePrincipal: 'cluster.local/ns/team-a-dev/sa/x' }).allowed).toBe(false);
  });
  it('rule: claims[constructor] (and toString, hasOwnProperty) is not a present claim without a token', () => {
    for (const claim of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      const p = policy(`action: DENY\nrules: [{ when: [{ key: "request.auth.claims[${claim}]", values: ["*"] }] }]`);
      expect(decide([p], { auth: null }).allowed).toBe(true);
      expect(decide([p], { auth: { principal: 'i/s', claims: {} } }).allowed).toBe(true);
    }
  });
  it('rule: a source field named like an Object method is an unknown field, reported with its path', () => {
    const r = evaluateAuthz({ policies: [policy('rules: [{ from: [{ source: { constructor: ["x"] } }] }]')], workload, request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.rules[0].from[0].source.constructor');
  });
  it('rule: a selector key that is not a Kubernetes label key (__proto__) is rejected, not read as namespace-wide', () => {
    const r = evaluateAuthz({ policies: [policy('selector: { matchLabels: { __proto__: x } }\naction: DENY\nrules: [{}]')], workload, request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/label key/);
  });
  it('rule: CUSTOM policies cannot use identity fields (namespaces, principals, serviceAccounts, requestPrincipals)', () => {
    const p = policy('action: CUSTOM\nprovider: { name: ext }\nrules: [{ from: [{ source: { principals: ["x"] } }] }]');
    expect(decide([p]).rejected[0]?.reason).toMatch(/not supported with action CUSTOM/);
  });
});
