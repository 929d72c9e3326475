import { describe, expect, it } from 'vitest';
import {
  createRandom,
  OUTLIER_DEFAULTS,
  pickWeighted,
  readOutlierSettings,
  routeHttp,
  sampleFault,
  sampleRoute,
  sampleSplit,
  simulateOutlierDetection,
  type OutlierInput,
  type OutlierResult,
} from '../../../src/lib/istio';
import { doc, fixture, expectOk } from './load';

function sim(input: OutlierInput): OutlierResult {
  return expectOk(simulateOutlierDetection(input)).result;
}

const hosts3 = ['a', 'b', 'c'];

describe('outlier detection: defaults', () => {
  it('defaults: consecutive5xxErrors 5, interval 10s, baseEjectionTime 30s, maxEjectionPercent 10', () => {
    const s = readOutlierSettings(undefined);
    expect(s).toMatchObject({ consecutive5xxErrors: 5, intervalMs: 10_000, baseEjectionTimeMs: 30_000, maxEjectionPercent: 10 });
    expect(OUTLIER_DEFAULTS.maxEjectionTimeMs).toBe(300_000);
  });
  it('durations are read from the DestinationRule fields', () => {
    const s = readOutlierSettings({ interval: '1s', baseEjectionTime: '3m', consecutive5xxErrors: 2 });
    expect(s).toMatchObject({ intervalMs: 1000, baseEjectionTimeMs: 180_000, consecutive5xxErrors: 2 });
  });
});

describe('outlier detection: ejections', () => {
  it('a host is ejected on its consecutive5xxErrors-th 5xx in a row', () => {
    const r = sim({ outlierDetection: { consecutive5xxErrors: 3, interval: '1s', baseEjectionTime: '30s', maxEjectionPercent: 100 }, hosts: hosts3, failures: [{ host: 'b', fromMs: 0, toMs: 600_000 }], rps: 3, durationMs: 5000 });
    const ej = r.events.find((e) => e.kind === 'ejected');
    expect(ej?.host).toBe('b');
    // b gets every third request (at 1/3 s spacing): its 3rd request is the 8th overall, at t = 7 × 333 ms.
    expect(ej?.t).toBeCloseTo(7 * (1000 / 3), 5);
    expect(ej?.ejectionMs).toBe(30_000);
  });
  it('a success resets the consecutive count: alternating errors never eject', () => {
    // Host a fails only every other second: with round robin over 1 host, 5xx never run 5 in a row.
    const failures = Array.from({ length: 30 }, (_, i) => ({ host: 'a', fromMs: i * 2000, toMs: i * 2000 + 1000 }));
    const r = sim({ outlierDetection: { consecutive5xxErrors: 5 }, hosts: ['a'], failures, rps: 3, durationMs: 60_000 });
    expect(r.events.filter((e) => e.kind === 'ejected')).toHaveLength(0);
  });
  it('consecutive5xxErrors 0 disables ejection', () => {
    const r = sim({ outlierDetection: { consecutive5xxErrors: 0 }, hosts: hosts3, failures: [{ host: 'a', fromMs: 0, toMs: 1e9 }], durationMs: 30_000 });
    expect(r.events).toHaveLength(0);
    expect(r.notes.join(' ')).toMatch(/never eject/);
  });
  it('ejection time = baseEjectionTime × times ejected', () => {
    const r = sim({ outlierDetection: { consecutive5xxErrors: 1, interval: '1s', baseEjectionTime: '10s', maxEjectionPercent: 100 }, hosts: ['a', 'b'], failures: [{ host: 'a', fromMs: 0, toMs: 1e9 }], rps: 2, durationMs: 120_000 });
    const ejections = r.events.filter((e) => e.kind === 'ejected' && e.host === 'a').map((e) => e.ejectionMs);
    expect(ejections.slice(0, 3)).toEqual([10_000, 20_000, 30_000]);
  });
  it('ejection time is capped at 300s', () => {
    const r = sim({ outlierDetection: { consecutive5xxErrors: 1, interval: '1s', baseEjectionTime: '100s', maxEjectionPercent: 100 }, hosts: ['a', 'b'], failures: [{ host: 'a', fromMs: 0, toMs: 1e9 }], rps: 2, durationMs: 1_200_000 });
    const ejections = r.events.filter((e) => e.kind === 'ejected' && e.host === 'a').map((e) => e.ejectionMs);
    expect(ejections.slice(0, 4)).toEqual([100_000, 200_000, 300_000, 300_000]);
  });
  it('an ejected host returns at the interval sweep after its ejection time', () => {
    const r = sim({ outlierDetection: { consecutive5xxErrors: 1, interval: '7s', baseEjectionTime: '10s', maxEjectionPercent: 100 }, hosts: ['a', 'b'], failures: [{ host: 'a', fromMs: 0, toMs: 500 }], rps: 10, durationMs: 30_000 });
    const ej = r.events.find((e) => e.kind === 'ejected');
    const back = r.events.find((e) => e.kind === 'returned');
    expect(ej?.t).toBe(0);
    expect(back?.t).toBe(14_000); // first sweep at or after 10 s: 14 s
  });
  it('maxEjectionPercent default 10: with fewer than 10 hosts not even one host is ejected', () => {
    const r = sim({ hosts: hosts3, failures: [{ host: 'a', fromMs: 0, toMs: 1e9 }], rps: 30, durationMs: 5000 });
    expect(r.events.filter((e) => e.kind === 'ejected')).toHaveLength(0);
    const blocked = r.events.find((e) => e.kind === 'ejection-blocked');
    expect(blocked?.reason).toMatch(/1 of 3 hosts \(33%\).*maxEjectionPercent is 10/);
  });
  it('maxEjectionPercent default 10 with 10 hosts: exactly one host may be out', () => {
    const ten = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const r = sim({ hosts: ten, failures: [{ host: 'a', fromMs: 0, toMs: 1e9 }, { host: 'b', fromMs: 0, toMs: 1e9 }], rps: 100, durationMs: 5000 });
    expect(new Set(r.events.filter((e) => e.kind === 'ejected').map((e) => e.host)).size).toBe(1);
    expect(r.events.some((e) => e.kind === 'ejection-blocked')).toBe(true);
  });
  it('maxEjectionPercent 25 of 4 hosts: the first failing host goes, the second is blocked', () => {
    const four = ['a', 'b', 'c', 'd'];
    const r = sim({ outlierDetection: { maxEjectionPercent: 25 }, hosts: four, failures: four.map((host) => ({ host, fromMs: 0, toMs: 1e9 })), rps: 40, durationMs: 3000 });
    expect(new Set(r.events.filter((e) => e.kind === 'ejected').map((e) => e.host)).size).toBe(1);
  });
  it('maxEjectionPercent 100 lets every failing host be ejected', () => {
    const r = sim({ outlierDetection: { maxEjectionPercent: 100 }, hosts: hosts3, failures: hosts3.map((host) => ({ host, fromMs: 0, toMs: 1e9 })), rps: 30, durationMs: 5000 });
    expect(new Set(r.events.filter((e) => e.kind === 'ejected').map((e) => e.host)).size).toBe(3);
  });
  it('maxEjectionPercent 50 of 4 hosts: two can be out at once', () => {
    const four = ['a', 'b', 'c', 'd'];
    const r = sim({ outlierDetection: { maxEjectionPercent: 50 }, hosts: four, failures: four.map((host) => ({ host, fromMs: 0, toMs: 1e9 })), rps: 40, durationMs: 3000 });
    expect(new Set(r.events.filter((e) => e.kind === 'ejected').map((e) => e.host)).size).toBe(2);
  });
  it('ejection cuts the errors clients see compared with no ejection', () => {
    const r = sim({ hosts: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], failures: [{ host: 'c', fromMs: 0, toMs: 1e9 }], rps: 20, durationMs: 60_000 });
    expect(r.errors).toBeLessThan(r.errorsWithoutEjection);
  });
  it('consecutiveGatewayErrors counts only 502/503/504', () => {
    const od = { consecutive5xxErrors: 0, consecutiveGatewayErrors: 2, maxEjectionPercent: 100 };
    const r500 = sim({ outlierDetection: od, hosts: ['a'], failures: [{ host: 'a', fromMs: 0, toMs: 1e9, status: 500 }], durationMs: 5000 });
    expect(r500.events.filter((e) => e.kind === 'ejected')).toHaveLength(0);
    const r502 = sim({ outlierDetection: od, hosts: ['a'], failures: [{ host: 'a', fromMs: 0, toMs: 1e9, status: 502 }], durationMs: 5000 });
    expect(r502.events.filter((e) => e.kind === 'ejected')).toHaveLength(1);
  });
  it('bad settings name the field', () => {
    const r = simulateOutlierDetection({ outlierDetection: { interval: 'often' }, hosts: ['a'], durationMs: 1000 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('interval');
  });
  it('the removed consecutiveErrors field is reported', () => {
    const r = simulateOutlierDetection({ outlierDetection: { consecutiveErrors: 5 }, hosts: ['a'], durationMs: 1000 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/consecutive5xxErrors/);
  });
});

describe('seeded sampling', () => {
  it('same seed, same result', () => {
    expect(sampleSplit([80, 20], 1000, 'seed-1')).toEqual(sampleSplit([80, 20], 1000, 'seed-1'));
  });
  it('another seed gives another sequence', () => {
    const a = createRandom('x');
    const b = createRandom('y');
    expect([a(), a(), a()]).not.toEqual([b(), b(), b()]);
  });
  it('random numbers are in [0, 1)', () => {
    const r = createRandom(42);
    for (let i = 0; i < 10_000; i++) {
      const x = r();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
  it('weighted split sampling follows the weights (80/20 over 10,000 requests within 2%)', () => {
    const [a, b] = sampleSplit([80, 20], 10_000, 7);
    expect(a! + b!).toBe(10_000);
    expect(Math.abs(a! / 10_000 - 0.8)).toBeLessThan(0.02);
  });
  it('weight 0 gets nothing in sampling', () => {
    expect(sampleSplit([100, 0], 1000, 1)[1]).toBe(0);
  });
  it('pickWeighted returns -1 when all weights are 0', () => {
    expect(pickWeighted([0, 0], createRandom(1))).toBe(-1);
  });
  it('fault sampling: 10% abort over 1,000 requests is near 100 and reports the expectation', () => {
    const s = sampleFault({ abort: { percentage: 10 } }, 1000, 'f');
    expect(s.expectedAborted).toBe(100);
    expect(Math.abs(s.aborted - 100)).toBeLessThan(40);
    expect(s.delayed).toBe(0);
  });
  it('fault sampling: 100% delays every request, 0% none', () => {
    expect(sampleFault({ delay: { percentage: 100 } }, 500, 1).delayed).toBe(500);
    expect(sampleFault({ delay: { percentage: 0 } }, 500, 1).delayed).toBe(0);
  });
  it('fault sampling: delay and abort are rolled independently', () => {
    const s = sampleFault({ delay: { percentage: 50 }, abort: { percentage: 50 } }, 10_000, 3);
    expect(Math.abs(s.both / 10_000 - 0.25)).toBeLessThan(0.03);
  });
  it('sampleRoute: the 80/20 bookinfo split over 1,000 sampled requests', () => {
    const [v] = fixture('bookinfo/reviews-80-20.yaml');
    const r = expectOk(routeHttp({ virtualService: v, destinationRules: fixture('bookinfo/destination-rules.yaml'), request: {} }));
    const s = sampleRoute(r.decision, 1000, 'bookinfo');
    expect(s.byDestination[0]! + s.byDestination[1]!).toBe(1000);
    expect(s.byDestination[0]!).toBeGreaterThan(740);
    expect(s.byDestination[0]!).toBeLessThan(860);
    expect(sampleRoute(r.decision, 1000, 'bookinfo')).toEqual(s);
  });
  it('sampleRoute: an abort fault at 100% answers every request itself', () => {
    const [v] = fixture('bookinfo/ratings-test-abort.yaml');
    const r = expectOk(routeHttp({ virtualService: v, destinationRules: fixture('bookinfo/destination-rules.yaml'), request: { headers: { 'end-user': 'jason' } } }));
    const s = sampleRoute(r.decision, 200, 1);
    expect(s.byStatus['500 fault']).toBe(200);
    expect(s.byDestination[0]).toBe(0);
  });
  it('sampleRoute: a 404 NR decision answers every request with 404', () => {
    const v = doc(`kind: VirtualService\nmetadata: { name: x }\nspec:\n  hosts: [svc]\n  http:\n  - match: [{ uri: { exact: /a } }]\n    route: [{ destination: { host: svc } }]\n`);
    const r = expectOk(routeHttp({ virtualService: v, request: { path: '/b' } }));
    expect(sampleRoute(r.decision, 10, 1).byStatus).toEqual({ '404 NR': 10 });
  });
});

describe('outlier detection: panic mode (cluster_traffic_policy.go sets healthy_panic_threshold)', () => {
  // Two hosts that fail for the first 5 s; maxEjectionPercent 100 lets both be ejected.
  const input = (minHealthPercent?: number): OutlierInput => ({
    outlierDetection: { consecutive5xxErrors: 1, maxEjectionPercent: 100, interval: '1s', baseEjectionTime: '30s', ...(minHealthPercent === undefined ? {} : { minHealthPercent }) },
    hosts: ['a', 'b'],
    failures: [
      { host: 'a', fromMs: 0, toMs: 5000 },
      { host: 'b', fromMs: 0, toMs: 5000 },
    ],
    rps: 10,
    durationMs: 20_000,
  });
  it('rule: minHealthPercent defaults to 0, which disables panic mode: with every host ejected each request fails 503 UH', () => {
    const r = sim(input());
    expect(r.settings.minHealthPercent).toBe(0);
    // Both hosts are ejected on their first error and stay out 30 s: every later request finds no host.
    expect(r.noHealthyUpstream).toBe(r.requests - 2);
    expect(r.hosts.reduce((n, h) => n + h.requests, 0)).toBe(2);
    expect(r.notes.join(' ')).toMatch(/panic mode is off/);
  });
  it('rule: with minHealthPercent above the healthy share, Envoy panics and balances over every host', () => {
    const r = sim(input(50));
    expect(r.noHealthyUpstream).toBe(0);
    expect(r.hosts.reduce((n, h) => n + h.requests, 0)).toBe(r.requests);
    // After the failures end, the panicking proxy's requests succeed even though both hosts are ejected.
    expect(r.errors).toBeLessThan(r.requests);
  });
  it('minHealthPercent above 100 is rejected with its field', () => {
    const r = simulateOutlierDetection({ ...input(), outlierDetection: { minHealthPercent: 101 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('minHealthPercent');
  });
});
