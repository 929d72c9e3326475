import { describe, expect, it } from 'vitest';
import { evaluateJwt, evaluateRequest, type JwtDecision, type JwtInput, type TokenState } from '../../../src/lib/istio';
import { doc, expectOk } from './load';

const ISS = 'https://accounts.example.com';

function ra(spec: string, name = 'jwt', namespace = 'shop'): unknown {
  return doc(`apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata: { name: ${name}, namespace: ${namespace} }
spec:
${spec
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
`);
}

function ap(spec: string, name = 'require-jwt'): unknown {
  return doc(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: ${name}, namespace: shop }
spec:
${spec
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
`);
}

const workload = { namespace: 'shop', labels: { app: 'api' } };
const basic = ra(`selector: { matchLabels: { app: api } }
jwtRules:
- issuer: ${ISS}
  jwksUri: ${ISS}/jwks.json`);
const withAud = ra(`jwtRules:
- issuer: ${ISS}
  audiences: [shop-api]`);
const valid: TokenState = { state: 'valid', iss: ISS, sub: 'alice', aud: ['shop-api'] };

function jwt(ras: unknown[], token: TokenState, extra: Partial<JwtInput> = {}): JwtDecision {
  return expectOk(evaluateJwt({ requestAuthentications: ras, workload, token, ...extra })).decision;
}

describe('jwt: RequestAuthentication alone', () => {
  it('no JWT passes RequestAuthentication, with no request principal', () => {
    const d = jwt([basic], { state: 'none' });
    expect(d.outcome).toBe('pass');
    expect(d.status).toBeNull();
    expect(d.principal).toBeNull();
  });
  it('invalid JWT is 401', () => {
    const d = jwt([basic], { state: 'invalid', reason: 'expired' });
    expect(d.status).toBe(401);
    expect(d.summary).toMatch(/expired/);
  });
  it('a valid JWT from an issuer no rule names is 401', () => {
    expect(jwt([basic], { state: 'valid', iss: 'https://other.example', sub: 'x' }).status).toBe(401);
  });
  it('a valid JWT gives the request principal <iss>/<sub>', () => {
    const d = jwt([basic], valid);
    expect(d.outcome).toBe('pass');
    expect(d.principal).toBe(`${ISS}/alice`);
    expect(d.auth?.principal).toBe(`${ISS}/alice`);
  });
  it('audience not allowed → 403 from the JWT filter', () => {
    const d = jwt([withAud], { state: 'valid', iss: ISS, sub: 'alice', aud: ['other'] });
    expect(d.status).toBe(403);
  });
  it('an allowed audience passes', () => {
    expect(jwt([withAud], valid).outcome).toBe('pass');
  });
  it('without a RequestAuthentication the token is not checked: even an invalid one passes', () => {
    const d = jwt([], { state: 'invalid' });
    expect(d.outcome).toBe('pass');
    expect(d.principal).toBeNull();
  });
  it('a RequestAuthentication whose selector does not match does not apply', () => {
    const other = ra(`selector: { matchLabels: { app: web } }\njwtRules: [{ issuer: "${ISS}" }]`);
    expect(jwt([other], { state: 'invalid' }).outcome).toBe('pass');
  });
  it('a RequestAuthentication in the root namespace applies mesh-wide', () => {
    const mesh = ra(`jwtRules: [{ issuer: "${ISS}" }]`, 'mesh-jwt', 'istio-system');
    expect(jwt([mesh], { state: 'invalid' }).status).toBe(401);
  });
  it('several issuers: the rule with the token issuer validates it', () => {
    const two = ra(`jwtRules:\n- issuer: https://a.example\n- issuer: ${ISS}`);
    const d = jwt([two], valid);
    expect(d.rule?.ruleIndex).toBe(1);
  });
  it('the token is read from Authorization: Bearer by default; fromHeaders changes that', () => {
    const custom = ra(`jwtRules:\n- issuer: ${ISS}\n  fromHeaders: [{ name: x-jwt-assertion }]`);
    expect(jwt([custom], { state: 'invalid' }).outcome).toBe('pass');
    expect(jwt([custom], { state: 'invalid' }, { location: { header: 'x-jwt-assertion' } }).status).toBe(401);
  });
  it('the access_token query parameter is read by default', () => {
    expect(jwt([basic], { state: 'invalid' }, { location: { param: 'access_token' } }).status).toBe(401);
    expect(jwt([basic], { state: 'invalid' }, { location: { param: 'token' } }).outcome).toBe('pass');
  });
  it('claims are passed on for AuthorizationPolicy conditions', () => {
    const d = jwt([basic], { ...valid, claims: { groups: ['admin'] } });
    expect(d.auth?.claims).toMatchObject({ groups: ['admin'], iss: ISS, sub: 'alice' });
  });
  it('a jwtRule with neither issuer nor jwksUri names the field', () => {
    const r = evaluateJwt({ requestAuthentications: [ra('jwtRules: [{ audiences: [a] }]')], workload, token: { state: 'none' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.jwtRules[0].issuer');
  });
  it('a jwtRule with jwksUri and no issuer accepts a valid token from any issuer', () => {
    const d = jwt([ra('jwtRules: [{ jwksUri: "https://keys.example/jwks.json" }]')], { state: 'valid', iss: 'https://any.example', sub: 'bob' });
    expect(d.outcome).toBe('pass');
    expect(d.principal).toBe('https://any.example/bob');
  });
});

describe('jwt + authz: require a token', () => {
  const requireAllow = ap('rules: [{ from: [{ source: { requestPrincipals: ["*"] } }] }]');
  const requireDeny = ap('action: DENY\nrules: [{ from: [{ source: { notRequestPrincipals: ["*"] } }] }]');
  const run = (token: TokenState, policies: unknown[]) => {
    return expectOk(evaluateRequest({ requestAuthentications: [basic], authorizationPolicies: policies, workload, token, request: { method: 'GET', path: '/' } })).decision;
  };
  it('no token + ALLOW requestPrincipals ["*"] → 403', () => {
    const d = run({ state: 'none' }, [requireAllow]);
    expect(d.status).toBe(403);
    expect(d.stage).toBe('authz');
  });
  it('no token + DENY notRequestPrincipals ["*"] → 403', () => {
    expect(run({ state: 'none' }, [requireDeny]).status).toBe(403);
  });
  it('valid token + the requirement → 200', () => {
    expect(run(valid, [requireAllow]).status).toBe(200);
    expect(run(valid, [requireDeny]).status).toBe(200);
  });
  it('invalid token → 401 before any AuthorizationPolicy', () => {
    const d = run({ state: 'invalid' }, [requireAllow]);
    expect(d.status).toBe(401);
    expect(d.stage).toBe('jwt');
    expect(d.authz).toBeNull();
  });
  it('no token and no AuthorizationPolicy → 200 (RequestAuthentication alone does not require a token)', () => {
    expect(run({ state: 'none' }, []).status).toBe(200);
  });
  it('a claim condition: only tokens with group admin', () => {
    const admins = ap('rules: [{ when: [{ key: "request.auth.claims[groups]", values: [admin] }] }]');
    expect(run({ ...valid, claims: { groups: ['admin'] } }, [admins]).status).toBe(200);
    expect(run({ ...valid, claims: { groups: ['dev'] } }, [admins]).status).toBe(403);
  });
  it('requestPrincipals names one issuer/subject', () => {
    const alice = ap(`rules: [{ from: [{ source: { requestPrincipals: ["${ISS}/alice"] } }] }]`);
    expect(run(valid, [alice]).status).toBe(200);
    expect(run({ ...valid, sub: 'bob' }, [alice]).status).toBe(403);
  });
});
