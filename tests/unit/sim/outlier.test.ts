import { describe, expect, it } from 'vitest';
import { computeOutlier, outlierExample } from '../../../src/components/sim/outlier/model';
import { toHtml } from '../../../src/components/sim/kit/vnode';

describe('outlier-ejection lab model', () => {
  it('the worked example: 1,800 requests; the second ejection is blocked by maxEjectionPercent 25', () => {
    const r = computeOutlier(outlierExample);
    expect(r.ok && r.verdict).toMatch(/^1,800 requests over 180 s/);
    expect(r.ok && toHtml(r.view)).toMatch(/Not ejected/);
  });
  it('maxEjectionPercent 50 lets both failing pods be ejected', () => {
    const r = computeOutlier({ ...outlierExample, maxEjectionPercent: '50' });
    expect(r.ok && toHtml(r.view)).not.toMatch(/Not ejected/);
  });
  it('a failure on a pod that does not exist is refused on its Pod field', () => {
    const r = computeOutlier({ ...outlierExample, pods: '2' });
    expect(!r.ok && r.diagnostic.source.input).toBe('f1-pod');
    expect(!r.ok && r.message).toMatch(/Failure 2, Pod: reviews-3 does not exist/);
  });
  it('To must be after From', () => {
    const r = computeOutlier({ ...outlierExample, 'f0-to': '10' });
    expect(!r.ok && r.diagnostic.source.input).toBe('f0-to');
  });
  it('an out-of-range setting is refused on its field', () => {
    const r = computeOutlier({ ...outlierExample, baseEjectionTimeS: '0' });
    expect(!r.ok && r.message).toBe('baseEjectionTime (s): must be between 1 and 600.');
  });
});
