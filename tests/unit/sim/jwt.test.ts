import { describe, expect, it } from 'vitest';
import { computeJwt, jwtExample } from '../../../src/components/sim/jwt/model';
import { toHtml } from '../../../src/components/sim/kit/vnode';

/** Statuses row by row (rows: none, bad signature, expired, other issuer, wrong audience, valid). */
const statuses = (r: ReturnType<typeof computeJwt>) => (r.ok ? r.state.map((line) => line.map((c) => c.split('|')[0])) : []);

describe('JWT matrix model', () => {
  it('the worked example: no token passes without a policy, is denied with requestPrincipals', () => {
    const s = statuses(computeJwt(jwtExample));
    expect(s[0]).toEqual(['200', '403', '403', '403']);
    expect(s[1]![1]).toBe('401');
    expect(s[4]![0]).toBe('403');
    expect(s[5]![3]).toBe('403');
  });
  it('changing the subject to the allowed principal flips the last column and marks the change', () => {
    const before = computeJwt(jwtExample);
    const after = computeJwt({ ...jwtExample, tokenSub: 'bob' }, before.ok ? before.state : undefined);
    expect(statuses(after)[5]![3]).toBe('200');
    // The last column's status, and the identity named in the three cells that already allowed alice.
    expect(after.ok && after.verdict).toMatch(/4 cells changed/);
    expect(after.ok && toHtml(after.view)).toMatch(/new reason/);
    expect(after.ok && toHtml(after.view)).toMatch(/was 403/);
  });
  it('an empty issuer is refused on its field', () => {
    const r = computeJwt({ ...jwtExample, issuer: '' });
    expect(!r.ok && r.diagnostic.source.input).toBe('issuer');
    expect(!r.ok && r.message).toMatch(/issuer: must not be empty/);
  });
  it('markup in the subject stays text', () => {
    const r = computeJwt({ ...jwtExample, tokenSub: '<script>x</script>' });
    expect(r.ok && toHtml(r.view)).not.toContain('<script>');
  });
});
