/**
 * Resilience: Envoy outlier detection as DestinationRule `outlierDetection` configures it, and seeded
 * sampling of weighted splits and fault injection (same seed, same result).
 *
 * Outlier detection (Istio 1.26 defaults): `consecutive5xxErrors` 5 (0 disables), `interval` 10s,
 * `baseEjectionTime` 30s, `maxEjectionPercent` 10. A host is ejected only when the share of ejected hosts
 * *after* its ejection stays within maxEjectionPercent (Envoy's `ejectHost`; Istio does not set Envoy's
 * `always_eject_one_host`), so with the default 10% a service with fewer than 10 hosts ejects none.
 * A host is ejected as soon as it returns the N-th consecutive 5xx; it stays out for
 * `baseEjectionTime` × the number of times it has been ejected, capped at Envoy's `max_ejection_time`
 * (300s, or `baseEjectionTime` when larger); hosts come back at the interval sweep after that time.
 * Panic mode: Istio always sets Envoy's `healthy_panic_threshold` to `minHealthPercent`, default 0, which
 * turns panic mode off: with every host ejected, each request fails with 503 UH until a host returns.
 * With `minHealthPercent` above 0, when the healthy share falls below it Envoy balances over every host.
 */
import { parseDuration } from './duration';
import { createRandom, pickWeighted } from './random';
import type { RouteDecision } from './routing';
import { Reader } from './reader';
import { guard, type EngineResult } from './result';

export interface OutlierSettings {
  consecutive5xxErrors: number;
  /** 0 = disabled (the Istio default when unset). */
  consecutiveGatewayErrors: number;
  intervalMs: number;
  baseEjectionTimeMs: number;
  maxEjectionPercent: number;
  /** Envoy's max_ejection_time: 300s, or baseEjectionTime when that is larger. */
  maxEjectionTimeMs: number;
  /** Envoy's healthy_panic_threshold as Istio sets it; 0 (the default) disables panic mode. */
  minHealthPercent: number;
}

export const OUTLIER_DEFAULTS: OutlierSettings = {
  consecutive5xxErrors: 5,
  consecutiveGatewayErrors: 0,
  intervalMs: 10_000,
  baseEjectionTimeMs: 30_000,
  maxEjectionPercent: 10,
  maxEjectionTimeMs: 300_000,
  minHealthPercent: 0,
};

function readDurationField(r: Reader, fallback: number): number {
  if (r.isMissing()) return fallback;
  const ms = parseDuration(r.scalar());
  if (ms === undefined) throw r.err(`${r.where} is not a duration (write e.g. 10s)`);
  if (ms <= 0) throw r.err(`${r.where} must be longer than 0`);
  return ms;
}

/** Reads a DestinationRule `outlierDetection` map (or nothing) into settings with defaults filled in. */
export function readOutlierSettings(raw: unknown, source = 'outlierDetection'): OutlierSettings {
  const r = new Reader(raw ?? {}, source);
  r.dict();
  const count = (key: string, fallback: number) => {
    const v = r.child(key).optNum();
    if (v === undefined) return fallback;
    if (v < 0 || !Number.isInteger(v)) throw r.err(`${source}.${key} must be a whole number ≥ 0`, [key]);
    return v;
  };
  if (!r.child('consecutiveErrors').isMissing()) throw r.err(`${source}.consecutiveErrors was removed: use consecutive5xxErrors`, ['consecutiveErrors']);
  const pct = count('maxEjectionPercent', OUTLIER_DEFAULTS.maxEjectionPercent);
  if (pct > 100) throw r.err(`${source}.maxEjectionPercent must be between 0 and 100`, ['maxEjectionPercent']);
  const base = readDurationField(r.child('baseEjectionTime'), OUTLIER_DEFAULTS.baseEjectionTimeMs);
  const minHealth = count('minHealthPercent', OUTLIER_DEFAULTS.minHealthPercent);
  if (minHealth > 100) throw r.err(`${source}.minHealthPercent must be between 0 and 100`, ['minHealthPercent']);
  return {
    consecutive5xxErrors: count('consecutive5xxErrors', OUTLIER_DEFAULTS.consecutive5xxErrors),
    consecutiveGatewayErrors: count('consecutiveGatewayErrors', OUTLIER_DEFAULTS.consecutiveGatewayErrors),
    intervalMs: readDurationField(r.child('interval'), OUTLIER_DEFAULTS.intervalMs),
    baseEjectionTimeMs: base,
    maxEjectionPercent: pct,
    maxEjectionTimeMs: Math.max(OUTLIER_DEFAULTS.maxEjectionTimeMs, base),
    minHealthPercent: minHealth,
  };
}

/** A host answers `status` (default 503) to every request between `fromMs` (inclusive) and `toMs` (exclusive). */
export interface FailureWindow {
  host: string;
  fromMs: number;
  toMs: number;
  status?: number;
}

export interface OutlierInput {
  /** The DestinationRule's `trafficPolicy.outlierDetection` (absent = defaults). */
  outlierDetection?: unknown;
  hosts: string[];
  failures?: FailureWindow[];
  /** Requests per second, spread round-robin over the hosts not ejected. Default 10. */
  rps?: number;
  durationMs: number;
}

export type OutlierEventKind = 'ejected' | 'returned' | 'ejection-blocked';

export interface OutlierEvent {
  t: number;
  host: string;
  kind: OutlierEventKind;
  /** For `ejected`: the nth ejection of this host. */
  timesEjected?: number;
  /** For `ejected`: how long the host stays out. */
  ejectionMs?: number;
  reason: string;
}

export interface HostTimeline {
  host: string;
  /** Ejection periods; `toMs` null = still ejected at the end. */
  ejections: { fromMs: number; toMs: number | null; ejectionMs: number }[];
  requests: number;
  errors: number;
  timesEjected: number;
}

export interface OutlierResult {
  settings: OutlierSettings;
  events: OutlierEvent[];
  hosts: HostTimeline[];
  requests: number;
  /** Requests answered with a 5xx (what clients saw). */
  errors: number;
  /** Errors that would have happened had the failing hosts never been ejected. */
  errorsWithoutEjection: number;
  /** Requests answered 503 UH by the proxy itself: every host ejected and panic mode off. */
  noHealthyUpstream: number;
  notes: string[];
}

interface HostState {
  name: string;
  consecutive5xx: number;
  consecutiveGateway: number;
  ejectedAt: number | null;
  ejectionMs: number;
  timesEjected: number;
  timeline: HostTimeline;
}

function statusAt(failures: FailureWindow[], host: string, t: number): number {
  for (const f of failures) if (f.host === host && t >= f.fromMs && t < f.toMs) return f.status ?? 503;
  return 200;
}

function simulate(input: OutlierInput): Omit<OutlierResult, never> {
  const r = new Reader(input, 'input');
  r.dict();
  const settings = readOutlierSettings(input.outlierDetection);
  const hosts = r.child('hosts').strList();
  if (hosts.length === 0) throw r.err('hosts needs at least one host', ['hosts']);
  if (new Set(hosts).size !== hosts.length) throw r.err('hosts must be unique', ['hosts']);
  if (hosts.length > 100) throw r.err('at most 100 hosts', ['hosts']);
  const failures: FailureWindow[] = r
    .child('failures')
    .list()
    .map((f) => {
      const host = f.child('host').scalar();
      if (!hosts.includes(host)) throw f.err(`${f.where}.host ${host} is not one of the hosts`, ['host']);
      const fromMs = f.child('fromMs').num();
      const toMs = f.child('toMs').num();
      if (toMs < fromMs) throw f.err(`${f.where}.toMs is before fromMs`, ['toMs']);
      const status = f.child('status').optNum();
      return status === undefined ? { host, fromMs, toMs } : { host, fromMs, toMs, status };
    });
  const rps = r.child('rps').optNum() ?? 10;
  if (rps <= 0 || rps > 1000) throw r.err('rps must be between 1 and 1000', ['rps']);
  const durationMs = r.child('durationMs').num();
  if (durationMs <= 0 || durationMs > 3_600_000) throw r.err('durationMs must be between 1 and 3,600,000 (one hour)', ['durationMs']);

  const notes: string[] = [];
  if (settings.consecutive5xxErrors === 0 && settings.consecutiveGatewayErrors === 0) notes.push('consecutive5xxErrors is 0: 5xx responses never eject a host.');
  const states: HostState[] = hosts.map((name) => ({
    name,
    consecutive5xx: 0,
    consecutiveGateway: 0,
    ejectedAt: null,
    ejectionMs: 0,
    timesEjected: 0,
    timeline: { host: name, ejections: [], requests: 0, errors: 0, timesEjected: 0 },
  }));
  const events: OutlierEvent[] = [];
  const step = 1000 / rps;
  let nextTick = settings.intervalMs;
  let rr = 0;
  let requests = 0;
  let errors = 0;
  let errorsWithoutEjection = 0;
  let noHealthyUpstream = 0;
  let rrAll = 0;

  const sweep = (t: number) => {
    for (const s of states) {
      if (s.ejectedAt !== null && t >= s.ejectedAt + s.ejectionMs) {
        s.ejectedAt = null;
        s.consecutive5xx = 0;
        s.consecutiveGateway = 0;
        const last = s.timeline.ejections[s.timeline.ejections.length - 1];
        if (last) last.toMs = t;
        events.push({ t, host: s.name, kind: 'returned', reason: `${s.name} returns to the pool at the interval sweep (its ejection time has passed).` });
      }
    }
  };

  const tryEject = (s: HostState, t: number, why: string) => {
    const active = states.filter((x) => x.ejectedAt !== null).length;
    // Envoy: eject only if 100 × (ejected + 1) / hosts <= maxEjectionPercent.
    const after = (100 * (active + 1)) / states.length;
    if (after > settings.maxEjectionPercent) {
      events.push({
        t,
        host: s.name,
        kind: 'ejection-blocked',
        reason: `${s.name} ${why}, but ejecting it would put ${active + 1} of ${states.length} hosts (${Math.round(after)}%) out of the pool and maxEjectionPercent is ${settings.maxEjectionPercent}.`,
      });
      return;
    }
    s.timesEjected += 1;
    s.timeline.timesEjected = s.timesEjected;
    s.ejectionMs = Math.min(settings.baseEjectionTimeMs * s.timesEjected, settings.maxEjectionTimeMs);
    s.ejectedAt = t;
    s.consecutive5xx = 0;
    s.consecutiveGateway = 0;
    s.timeline.ejections.push({ fromMs: t, toMs: null, ejectionMs: s.ejectionMs });
    const capped = settings.baseEjectionTimeMs * s.timesEjected > settings.maxEjectionTimeMs;
    events.push({
      t,
      host: s.name,
      kind: 'ejected',
      timesEjected: s.timesEjected,
      ejectionMs: s.ejectionMs,
      reason: `${s.name} ${why}: ejected for ${s.ejectionMs / 1000}s (baseEjectionTime × ${s.timesEjected}${capped ? ', capped' : ''}).`,
    });
  };

  for (let t = 0; t < durationMs; t += step) {
    while (nextTick <= t) {
      sweep(nextTick);
      nextTick += settings.intervalMs;
    }
    // What would happen with no outlier detection: plain round robin over every host.
    const naive = states[rrAll % states.length]!;
    rrAll++;
    if (statusAt(failures, naive.name, t) >= 500) errorsWithoutEjection++;

    let pool = states.filter((s) => s.ejectedAt === null);
    // Panic mode: below minHealthPercent healthy, Envoy balances over every host. At 0 it never panics.
    if (settings.minHealthPercent > 0 && (100 * pool.length) / states.length < settings.minHealthPercent) pool = states;
    if (pool.length === 0) {
      requests++;
      errors++;
      noHealthyUpstream++;
      continue;
    }
    const s = pool[rr % pool.length]!;
    rr++;
    requests++;
    s.timeline.requests++;
    const status = statusAt(failures, s.name, t);
    if (status >= 500) {
      errors++;
      s.timeline.errors++;
      s.consecutive5xx++;
      const gateway = status === 502 || status === 503 || status === 504;
      s.consecutiveGateway = gateway ? s.consecutiveGateway + 1 : 0;
      if (s.ejectedAt === null) {
        if (settings.consecutive5xxErrors > 0 && s.consecutive5xx === settings.consecutive5xxErrors) {
          tryEject(s, t, `returned ${settings.consecutive5xxErrors} 5xx in a row`);
        } else if (settings.consecutiveGatewayErrors > 0 && s.consecutiveGateway === settings.consecutiveGatewayErrors) {
          tryEject(s, t, `returned ${settings.consecutiveGatewayErrors} gateway errors (502/503/504) in a row`);
        }
      }
    } else {
      s.consecutive5xx = 0;
      s.consecutiveGateway = 0;
    }
  }
  if (noHealthyUpstream > 0)
    notes.push(`${noHealthyUpstream} requests found every host ejected: minHealthPercent is ${settings.minHealthPercent}, so panic mode is off and the proxy answered them 503 UH (no healthy upstream) until a host returned.`);
  return { settings, events, hosts: states.map((s) => s.timeline), requests, errors, errorsWithoutEjection, noHealthyUpstream, notes };
}

/** Simulates outlier detection over generated round-robin traffic. Never throws. */
export function simulateOutlierDetection(input: OutlierInput): EngineResult<{ result: OutlierResult }> {
  return guard(() => ({ result: simulate(input) }));
}

/** Counts per index over `n` weighted picks. */
export function sampleSplit(weights: readonly number[], n: number, seed: string | number): number[] {
  const random = createRandom(seed);
  const counts = weights.map(() => 0);
  const count = Math.max(0, Math.min(1_000_000, Math.floor(n)));
  for (let i = 0; i < count; i++) {
    const k = pickWeighted(weights, random);
    if (k >= 0) counts[k]! += 1;
  }
  return counts;
}

export interface FaultSample {
  n: number;
  delayed: number;
  aborted: number;
  /** Delayed then aborted. */
  both: number;
  expectedDelayed: number;
  expectedAborted: number;
}

/** Delay and abort are rolled independently for each request, each at its own percentage (0..100). */
export function sampleFault(fault: { delay?: { percentage: number }; abort?: { percentage: number } } | null, n: number, seed: string | number): FaultSample {
  const random = createRandom(seed);
  const count = Math.max(0, Math.min(1_000_000, Math.floor(n)));
  const pd = Math.min(100, Math.max(0, fault?.delay?.percentage ?? 0)) / 100;
  const pa = Math.min(100, Math.max(0, fault?.abort?.percentage ?? 0)) / 100;
  let delayed = 0;
  let aborted = 0;
  let both = 0;
  for (let i = 0; i < count; i++) {
    const d = fault?.delay ? random() < pd : false;
    const a = fault?.abort ? random() < pa : false;
    if (d) delayed++;
    if (a) aborted++;
    if (d && a) both++;
  }
  return { n: count, delayed, aborted, both, expectedDelayed: count * pd, expectedAborted: count * pa };
}

export interface RouteSample {
  n: number;
  /** Requests per destination index of the decision. */
  byDestination: number[];
  /** Requests that got a proxy-generated response instead (abort, 503 NC/UH, 404 NR...). */
  byStatus: Record<string, number>;
  delayed: number;
}

/**
 * Samples `n` requests through a routing decision: the weighted split, then the fault (abort answers
 * before any upstream), then NC/UH destinations answering 503.
 */
export function sampleRoute(decision: RouteDecision, n: number, seed: string | number): RouteSample {
  const count = Math.max(0, Math.min(1_000_000, Math.floor(n)));
  const byDestination = decision.destinations.map(() => 0);
  const byStatus: Record<string, number> = {};
  const bump = (k: string) => (byStatus[k] = (byStatus[k] ?? 0) + 1);
  let delayed = 0;
  if (decision.destinations.length === 0) {
    if (decision.httpStatus !== null) byStatus[`${decision.httpStatus}${decision.responseFlag ? ` ${decision.responseFlag}` : ''}`] = count;
    return { n: count, byDestination, byStatus, delayed };
  }
  const random = createRandom(seed);
  const shares = decision.destinations.map((d) => d.share);
  const fault = decision.fault;
  for (let i = 0; i < count; i++) {
    const k = pickWeighted(shares, random);
    if (fault?.delay && random() < fault.delay.percentage / 100) delayed++;
    if (fault?.abort && random() < fault.abort.percentage / 100) {
      bump(fault.abort.httpStatus !== undefined ? `${fault.abort.httpStatus} fault` : `grpc ${fault.abort.grpcStatus ?? ''} fault`);
      continue;
    }
    const d = decision.destinations[k];
    if (!d) continue;
    byDestination[k]! += 1;
    if (d.status !== 'ok') bump(`503 ${d.status}`);
  }
  return { n: count, byDestination, byStatus, delayed };
}
