import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { computeCanary } from '../../../src/components/sim/canary/model';

describe('canary slider model', () => {
  it('weights v1 = 100 - v2 appear in the generated VirtualService', () => {
    const r = computeCanary({ v2: '30', host: 'reviews' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const vs = parseAllDocuments(r.yaml)[0]!.toJS() as { spec: { http: { route: { weight: number }[] }[] } };
      expect(vs.spec.http[0]!.route.map((x) => x.weight)).toEqual([70, 30]);
    }
  });
  it('the sampled split follows the weights (1,000 requests, seeded)', () => {
    const r = computeCanary({ v2: '30', host: 'reviews' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.sample.n).toBe(1000);
      expect(Math.abs(r.sample.byDestination[1]! - 300)).toBeLessThan(60);
    }
  });
  it('weight 0 gets nothing: v2 = 0 sends every sampled request to v1', () => {
    const r = computeCanary({ v2: '0', host: 'reviews' });
    expect(r.ok && r.sample.byDestination).toEqual([1000, 0]);
  });
  it('a weight outside 0..100 names the field', () => {
    const r = computeCanary({ v2: '120', host: 'reviews' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.field).toBe('v2');
  });
  it('a bad service name names the field', () => {
    const r = computeCanary({ v2: '10', host: '<b>x</b>' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.field).toBe('host');
  });
});
