import { describe, expect, it } from 'vitest';
import { computeAuthz } from '../../../src/components/sim/authz/model';
import { authzPresets } from '../../../src/components/sim/authz/presets';
import { toHtml } from '../../../src/components/sim/kit/vnode';

const preset = (id: string) => authzPresets.find((p) => p.id === id)!.fields;

describe('authz evaluator model', () => {
  it('typos the API server refuses are refused, not read as deny-all or namespace-wide', () => {
    const base = preset('allow-get-api');
    const rule = computeAuthz({ ...base, yaml: base.yaml.replace('  rules:', '  rule:') });
    expect(rule.ok).toBe(false);
    if (!rule.ok) expect(rule.message).toMatch(/unknown field "spec\.rule"/);
    const sel = computeAuthz({ ...base, yaml: base.yaml.replace('matchLabels:', 'matchLabel:') });
    expect(sel.ok).toBe(false);
    if (!sel.ok) expect(sel.message).toMatch(/unknown field "spec\.selector\.matchLabel"/);
    const action = computeAuthz({ ...base, yaml: base.yaml.replace('action: ALLOW', 'action: ALLOWED') });
    expect(action.ok).toBe(false);
    if (!action.ok) expect(action.message).toMatch(/Unsupported value: "ALLOWED"/);
  });
  it('every preset evaluates', () => {
    for (const p of authzPresets) expect(computeAuthz(p.fields).ok, p.id).toBe(true);
  });
  it('allow GET /api/*: GET /api/orders from frontend is allowed, POST is denied', () => {
    const a = computeAuthz(preset('allow-get-api'));
    expect(a.ok && a.decision.allowed).toBe(true);
    const b = computeAuthz({ ...preset('allow-get-api'), method: 'POST' });
    expect(b.ok && b.verdict).toBe('Denied: 403 RBAC: access denied');
  });
  it('deny-all (spec {}) denies', () => {
    const r = computeAuthz(preset('deny-all'));
    expect(r.ok && r.decision.allowed).toBe(false);
  });
  it('deny an IP block: inside is 403 by the DENY, outside is allowed by allow-all', () => {
    const r = computeAuthz(preset('deny-ip'));
    expect(r.ok && r.decision.decidedBy).toBe('deny-policy');
    const s = computeAuthz({ ...preset('deny-ip'), sourceIp: '198.51.100.1' });
    expect(s.ok && s.decision.decidedBy).toBe('allow-policy');
  });
  it('require a JWT: no token → 403, a token → allowed', () => {
    expect(computeAuthz(preset('require-jwt')).ok && computeAuthz(preset('require-jwt'))).toMatchObject({ decision: { allowed: false } });
    const r = computeAuthz({ ...preset('require-jwt'), jwtPrincipal: 'https://issuer.example/alice' });
    expect(r.ok && r.decision.allowed).toBe(true);
  });
  it('TCP: an ALLOW rule with HTTP-only fields never matches, so the connection is denied', () => {
    const r = computeAuthz({ ...preset('allow-get-api'), protocol: 'tcp' });
    expect(r.ok && r.verdict).toBe('Denied: the TCP connection is closed');
  });
  it('a CUSTOM policy whose provider denies answers 403 first', () => {
    const yaml = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: ext, namespace: shop }
spec:
  action: CUSTOM
  provider: { name: my-ext-authz }
  rules: [{}]
`;
    const r = computeAuthz({ ...preset('allow-get-api'), yaml, custom: 'deny' });
    expect(r.ok && r.decision.decidedBy).toBe('custom-deny');
    const s = computeAuthz({ ...preset('allow-get-api'), yaml, custom: 'allow' });
    expect(s.ok && s.decision.allowed).toBe(true);
  });
  it('a wrong kind names the line of kind', () => {
    const r = computeAuthz({ ...preset('deny-all'), yaml: 'apiVersion: v1\nkind: Service\nmetadata: { name: x }\n' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostic.line).toBe(2);
      expect(r.message).toMatch(/kind Service is not one this simulator reads \(AuthorizationPolicy\)/);
    }
  });
  it('an engine error names the line and field', () => {
    const yaml = preset('allow-get-api').yaml.replace('principals:', 'principal:');
    const r = computeAuthz({ ...preset('allow-get-api'), yaml });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/line 14, spec\.rules\[0\]\.from\[0\]\.source\.principal/);
  });
  it('markup in a header value is escaped in the HTML', () => {
    const yaml = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: h, namespace: shop }
spec:
  rules:
  - when:
    - key: request.headers[x-note]
      values: ["ok"]
`;
    const r = computeAuthz({ ...preset('allow-get-api'), yaml, headers: 'x-note: <img src=x onerror=alert(1)>' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(toHtml(r.view)).not.toContain('<img');
  });
});
