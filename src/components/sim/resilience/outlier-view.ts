/**
 * Outlier-ejection lab: the inputs a learner edits, the engine call, and what the page shows (summary,
 * timeline rows, events, the YAML of the settings). Used at build time and by outlier-lab.ts.
 */
import { simulateOutlierDetection, type FailureWindow, type OutlierResult } from '../../../lib/istio/engine/resilience';

export interface OutlierForm {
  pods: number;
  consecutive5xxErrors: number;
  consecutiveGatewayErrors: number;
  intervalS: number;
  baseEjectionTimeS: number;
  maxEjectionPercent: number;
  durationS: number;
  rps: number;
  failures: { pod: number; fromS: number; toS: number; status: number }[];
}

export const outlierDefaults: OutlierForm = {
  pods: 4,
  consecutive5xxErrors: 5,
  consecutiveGatewayErrors: 0,
  intervalS: 10,
  baseEjectionTimeS: 30,
  maxEjectionPercent: 25,
  durationS: 180,
  rps: 10,
  failures: [
    { pod: 2, fromS: 20, toS: 150, status: 503 },
    { pod: 3, fromS: 40, toS: 70, status: 500 },
  ],
};

export const podName = (i: number): string => `reviews-${i}`;

export function outlierYaml(f: OutlierForm): string {
  const lines = ['outlierDetection:', `  consecutive5xxErrors: ${f.consecutive5xxErrors}`];
  if (f.consecutiveGatewayErrors > 0) lines.push(`  consecutiveGatewayErrors: ${f.consecutiveGatewayErrors}`);
  lines.push(`  interval: ${f.intervalS}s`, `  baseEjectionTime: ${f.baseEjectionTimeS}s`, `  maxEjectionPercent: ${f.maxEjectionPercent}`);
  return lines.join('\n');
}

export interface OutlierView {
  summary: string;
  notes: string[];
  durationMs: number;
  rows: { pod: string; failing: { from: number; to: number; status: number }[]; ejected: { from: number; to: number; ms: number }[]; detail: string }[];
  events: { t: string; pod: string; kind: string; reason: string }[];
}

const sec = (ms: number) => `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s`;

export function runOutlier(f: OutlierForm): { ok: true; view: OutlierView; result: OutlierResult } | { ok: false; message: string } {
  const hosts = Array.from({ length: f.pods }, (_, i) => podName(i + 1));
  const failures: FailureWindow[] = f.failures
    .filter((x) => x.pod >= 1 && x.pod <= f.pods)
    .map((x) => ({ host: podName(x.pod), fromMs: x.fromS * 1000, toMs: x.toS * 1000, status: x.status }));
  const outlierDetection: Record<string, unknown> = {
    consecutive5xxErrors: f.consecutive5xxErrors,
    interval: `${f.intervalS}s`,
    baseEjectionTime: `${f.baseEjectionTimeS}s`,
    maxEjectionPercent: f.maxEjectionPercent,
  };
  if (f.consecutiveGatewayErrors > 0) outlierDetection['consecutiveGatewayErrors'] = f.consecutiveGatewayErrors;
  const r = simulateOutlierDetection({ outlierDetection, hosts, failures, rps: f.rps, durationMs: f.durationS * 1000 });
  if (!r.ok) return { ok: false, message: `${r.error.path ? `${r.error.path}: ` : ''}${r.error.message}` };
  const res = r.result;
  const durationMs = f.durationS * 1000;
  const ejections = res.events.filter((e) => e.kind === 'ejected').length;
  const blocked = res.events.filter((e) => e.kind === 'ejection-blocked').length;
  const summary =
    `${res.requests.toLocaleString('en-US')} requests over ${f.durationS} s: clients saw ${res.errors.toLocaleString('en-US')} errors ` +
    `(${res.errorsWithoutEjection.toLocaleString('en-US')} without outlier detection). ` +
    `${ejections} ejection${ejections === 1 ? '' : 's'}` +
    (blocked ? `, ${blocked} blocked by maxEjectionPercent.` : '.');
  const rows = res.hosts.map((h) => ({
    pod: h.host,
    failing: failures.filter((x) => x.host === h.host).map((x) => ({ from: x.fromMs, to: Math.min(x.toMs, durationMs), status: x.status ?? 503 })),
    ejected: h.ejections.map((e) => ({ from: e.fromMs, to: e.toMs ?? durationMs, ms: e.ejectionMs })),
    detail: `${h.requests} requests, ${h.errors} errors, ejected ${h.timesEjected} time${h.timesEjected === 1 ? '' : 's'}`,
  }));
  const kinds: Record<string, string> = { ejected: 'Ejected', returned: 'Back in the pool', 'ejection-blocked': 'Not ejected' };
  const events = res.events.map((e) => ({ t: sec(e.t), pod: e.host, kind: kinds[e.kind] ?? e.kind, reason: e.reason }));
  return { ok: true, view: { summary, notes: res.notes, durationMs, rows, events }, result: res };
}
