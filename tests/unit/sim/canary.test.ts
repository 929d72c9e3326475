import { describe, expect, it } from 'vitest';
import { computeCanary, type CanaryFields } from '../../../src/components/sim/canary/model';
import { toHtml } from '../../../src/components/sim/kit/vnode';

const base: CanaryFields = { host: 'helloworld', namespace: 'sample', v1: '90', v2: '10', seed: 'canary' };

describe('canary slider model', () => {
  it('shares are weight ÷ total; the sample covers 1,000 requests', () => {
    const r = computeCanary({ ...base, v1: '3', v2: '1' });
    expect(r.ok && r.shares).toEqual([0.75, 0.25]);
    expect(r.ok && r.sampled[0] + r.sampled[1]).toBe(1000);
    expect(r.ok && toHtml(r.view)).toMatch(/add up to 4, not 100/);
  });
  it('the same seed gives the same sample', () => {
    const a = computeCanary(base);
    const b = computeCanary(base);
    expect(a.ok && b.ok && a.sampled).toEqual(b.ok && b.sampled);
  });
  it('the YAML carries both weights', () => {
    const r = computeCanary({ ...base, v1: '70', v2: '30' });
    expect(r.ok && toHtml(r.view)).toMatch(/subset: v2\n {6}weight: 30/);
  });
  it('both weights 0 is a problem on the v2 field', () => {
    const r = computeCanary({ ...base, v1: '0', v2: '0' });
    expect(!r.ok && r.diagnostic.source.input).toBe('v2');
    expect(!r.ok && r.message).toMatch(/both 0/);
  });
  it('an out-of-range weight is refused on its field', () => {
    const r = computeCanary({ ...base, v1: '1e308' });
    expect(!r.ok && r.diagnostic.source.input).toBe('v1');
    expect(!r.ok && r.message).toMatch(/between 0 and 1000/);
  });
  it('markup in the seed stays text in the rendered view', () => {
    const r = computeCanary({ ...base, seed: '<b>x</b>' });
    expect(r.ok && toHtml(r.view)).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});
