import { describe, expect, it } from 'vitest';
import { computeJwt } from '../../../src/components/sim/jwt/model';
import { jwtPresets } from '../../../src/components/sim/jwt/presets';
import { toHtml } from '../../../src/components/sim/shared/vnode';

const preset = (id: string) => jwtPresets.find((p) => p.id === id)!.fields;

describe('JWT outcomes model', () => {
  it('every preset evaluates', () => {
    for (const p of jwtPresets) expect(computeJwt(p.fields).ok, p.id).toBe(true);
  });
  it('require a token: no token → 403 by the AuthorizationPolicy', () => {
    const r = computeJwt(preset('require-allow'));
    expect(r.ok && r.decision.status).toBe(403);
    expect(r.ok && r.decision.stage).toBe('authz');
  });
  it('RequestAuthentication alone: no token → 200', () => {
    const r = computeJwt(preset('ra-only'));
    expect(r.ok && r.decision.status).toBe(200);
  });
  it('invalid token → 401 from the JWT filter', () => {
    const r = computeJwt(preset('require-deny'));
    expect(r.ok && r.verdict).toBe('401 from the JWT filter');
  });
  it('valid token with the right audience → 200 and the principal iss/sub', () => {
    const r = computeJwt({ ...preset('require-allow'), state: 'valid' });
    expect(r.ok && r.verdict).toBe('200 OK (request principal https://auth.example.com/alice)');
  });
  it('wrong audience → 403 from the JWT filter', () => {
    const r = computeJwt({ ...preset('require-allow'), state: 'valid', aud: 'other' });
    expect(r.ok && r.verdict).toBe('403 from the JWT filter');
  });
  it('claim condition: group dev is denied, admin allowed', () => {
    expect(computeJwt(preset('claim-group')).ok && computeJwt(preset('claim-group'))).toMatchObject({ decision: { status: 403 } });
    const r = computeJwt({ ...preset('claim-group'), groups: 'dev, admin' });
    expect(r.ok && r.decision.status).toBe(200);
  });
  it('the matrix lists every kind of token with and without the policies', () => {
    const r = computeJwt(preset('require-allow'));
    expect(r.ok).toBe(true);
    if (r.ok) {
      const html = toHtml(r.view);
      expect(html).toContain('Valid token, wrong audience');
      expect(html).toMatch(/No token<\/th><td><strong>200<\/strong> allowed<\/td><td><strong>403<\/strong> AuthorizationPolicy/);
    }
  });
  it('a valid token without an issuer names the field', () => {
    const r = computeJwt({ ...preset('ra-only'), state: 'valid', iss: ' ' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.field).toBe('iss');
  });
  it('a wrong kind names its line', () => {
    const r = computeJwt({ ...preset('ra-only'), yaml: 'kind: PeerAuthentication\nmetadata: { name: x }\n' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.line).toBe(1);
  });
});
