import { describe, expect, it } from 'vitest';
import { computeFault, faultExample } from '../../../src/components/sim/fault/model';
import { toHtml } from '../../../src/components/sim/kit/vnode';

describe('fault-injection lab model', () => {
  it('abort at 100%: every request is aborted', () => {
    const r = computeFault({ ...faultExample, abortPct: '100' });
    expect(r.ok && r.verdict).toMatch(/1000 aborted with 500 \(expected 1000\)/);
  });
  it('a fault without percentage affects no request and says so', () => {
    const r = computeFault({ ...faultExample, abortPct: '' });
    expect(r.ok && r.verdict).toMatch(/ 0 aborted/);
    expect(r.ok && toHtml(r.view)).toMatch(/The abort has no percentage/);
  });
  it('no delay and no abort: no fault block', () => {
    const r = computeFault({ ...faultExample, delay: 'false', abort: 'false' });
    expect(r.ok && r.verdict).toMatch(/no fault, all 1,000 requests/);
  });
  it('a percentage below 0.0001 is refused on its field', () => {
    const r = computeFault({ ...faultExample, delayPct: '0.00001' });
    expect(!r.ok && r.diagnostic.source.input).toBe('delayPct');
    expect(!r.ok && r.message).toMatch(/must be 0 or between 0.0001 and 100/);
  });
  it('an httpStatus out of range is refused on its field', () => {
    const r = computeFault({ ...faultExample, abortStatus: '9999' });
    expect(!r.ok && r.diagnostic.source.input).toBe('abortStatus');
  });
});
