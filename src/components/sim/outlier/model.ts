/**
 * Outlier-ejection lab: pods, a failure pattern and DestinationRule `outlierDetection` settings → the
 * ejection timeline computed by the engine: summary, one row per pod, the events, the settings as YAML.
 */
import { simulateOutlierDetection, type FailureWindow } from '../../../lib/istio/engine/resilience';
import { parseNumber } from '../kit/fields';
import { fieldProblem, type Problem } from '../kit/outcome';
import { h, type VNode } from '../kit/vnode';

/** The settings, then three optional failures (`f<i>-pod` 0 = none), as the form holds them. */
export interface OutlierFields {
  consecutive5xxErrors: string;
  consecutiveGatewayErrors: string;
  intervalS: string;
  baseEjectionTimeS: string;
  maxEjectionPercent: string;
  pods: string;
  rps: string;
  durationS: string;
  'f0-pod': string;
  'f0-from': string;
  'f0-to': string;
  'f0-status': string;
  'f1-pod': string;
  'f1-from': string;
  'f1-to': string;
  'f1-status': string;
  'f2-pod': string;
  'f2-from': string;
  'f2-to': string;
  'f2-status': string;
}

export const FAILURE_ROWS = [0, 1, 2] as const;
export const STATUSES = [503, 500, 502, 504];
export const MAX_PODS = 10;

export const outlierExample: OutlierFields = {
  consecutive5xxErrors: '5',
  consecutiveGatewayErrors: '0',
  intervalS: '10',
  baseEjectionTimeS: '30',
  maxEjectionPercent: '25',
  pods: '4',
  rps: '10',
  durationS: '180',
  'f0-pod': '2',
  'f0-from': '20',
  'f0-to': '150',
  'f0-status': '503',
  'f1-pod': '3',
  'f1-from': '40',
  'f1-to': '70',
  'f1-status': '500',
  'f2-pod': '0',
  'f2-from': '0',
  'f2-to': '60',
  'f2-status': '503',
};

export const podName = (i: number): string => `reviews-${i}`;

interface Settings {
  consecutive5xxErrors: number;
  consecutiveGatewayErrors: number;
  intervalS: number;
  baseEjectionTimeS: number;
  maxEjectionPercent: number;
  pods: number;
  rps: number;
  durationS: number;
}

const BOUNDS: Record<keyof Settings, [label: string, min: number, max: number]> = {
  consecutive5xxErrors: ['consecutive5xxErrors', 0, 100],
  consecutiveGatewayErrors: ['consecutiveGatewayErrors (0 = off)', 0, 100],
  intervalS: ['interval (s)', 1, 600],
  baseEjectionTimeS: ['baseEjectionTime (s)', 1, 600],
  maxEjectionPercent: ['maxEjectionPercent', 0, 100],
  pods: ['Pods', 1, MAX_PODS],
  rps: ['Requests per second', 1, 100],
  durationS: ['Duration (s)', 10, 900],
};

export function outlierYaml(s: Settings): string {
  const lines = ['outlierDetection:', `  consecutive5xxErrors: ${s.consecutive5xxErrors}`];
  if (s.consecutiveGatewayErrors > 0) lines.push(`  consecutiveGatewayErrors: ${s.consecutiveGatewayErrors}`);
  lines.push(`  interval: ${s.intervalS}s`, `  baseEjectionTime: ${s.baseEjectionTimeS}s`, `  maxEjectionPercent: ${s.maxEjectionPercent}`);
  return lines.join('\n');
}

function read(f: OutlierFields): { ok: true; settings: Settings; failures: FailureWindow[] } | Problem {
  const settings = {} as Settings;
  for (const [k, [label, min, max]] of Object.entries(BOUNDS) as [keyof Settings, [string, number, number]][]) {
    const n = parseNumber(f[k], k, label, { min, max, integer: true });
    if (!n.ok) return n;
    settings[k] = n.value!;
  }
  const failures: FailureWindow[] = [];
  for (const i of FAILURE_ROWS) {
    const pod = Number(f[`f${i}-pod`]);
    if (!pod) continue;
    const row = `Failure ${i + 1}`;
    if (!Number.isInteger(pod) || pod < 1 || pod > MAX_PODS) return fieldProblem(`f${i}-pod`, `${row}, Pod`, 'choose a pod from the list.');
    if (pod > settings.pods) return fieldProblem(`f${i}-pod`, `${row}, Pod`, `${podName(pod)} does not exist with ${settings.pods} pod${settings.pods === 1 ? '' : 's'}.`);
    const from = parseNumber(f[`f${i}-from`], `f${i}-from`, `${row}, From (s)`, { min: 0, max: 900, integer: true });
    if (!from.ok) return from;
    const to = parseNumber(f[`f${i}-to`], `f${i}-to`, `${row}, To (s)`, { min: 0, max: 900, integer: true });
    if (!to.ok) return to;
    if (to.value! <= from.value!) return fieldProblem(`f${i}-to`, `${row}, To (s)`, `must be after From (${from.value} s).`);
    const status = Number(f[`f${i}-status`]);
    if (!STATUSES.includes(status)) return fieldProblem(`f${i}-status`, `${row}, Answers`, 'choose a status from the list.');
    failures.push({ host: podName(pod), fromMs: from.value! * 1000, toMs: to.value! * 1000, status });
  }
  return { ok: true, settings, failures };
}

const sec = (ms: number) => `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s`;
const KINDS: Record<string, string> = { ejected: 'Ejected', returned: 'Back in the pool', 'ejection-blocked': 'Not ejected' };

export type OutlierOutcome = { ok: true; view: VNode; verdict: string } | Problem;

export function computeOutlier(fields: OutlierFields): OutlierOutcome {
  const r = read(fields);
  if (!r.ok) return r;
  const { settings: s, failures } = r;
  const outlierDetection: Record<string, unknown> = {
    consecutive5xxErrors: s.consecutive5xxErrors,
    interval: `${s.intervalS}s`,
    baseEjectionTime: `${s.baseEjectionTimeS}s`,
    maxEjectionPercent: s.maxEjectionPercent,
  };
  if (s.consecutiveGatewayErrors > 0) outlierDetection['consecutiveGatewayErrors'] = s.consecutiveGatewayErrors;
  const durationMs = s.durationS * 1000;
  const hosts = Array.from({ length: s.pods }, (_, i) => podName(i + 1));
  const sim = simulateOutlierDetection({ outlierDetection, hosts, failures, rps: s.rps, durationMs });
  if (!sim.ok) return fieldProblem('consecutive5xxErrors', 'outlierDetection', `${sim.error.path ? `${sim.error.path}: ` : ''}${sim.error.message}`);
  const res = sim.result;
  const ejections = res.events.filter((e) => e.kind === 'ejected').length;
  const blocked = res.events.filter((e) => e.kind === 'ejection-blocked').length;
  const verdict =
    `${res.requests.toLocaleString('en-US')} requests over ${s.durationS} s: clients saw ${res.errors.toLocaleString('en-US')} errors ` +
    `(${res.errorsWithoutEjection.toLocaleString('en-US')} without outlier detection). ` +
    `${ejections} ejection${ejections === 1 ? '' : 's'}` +
    (blocked ? `, ${blocked} blocked by maxEjectionPercent.` : '.');
  const at = (ms: number) => `${((100 * ms) / durationMs).toFixed(2)}%`;
  const rows = res.hosts.map((host) => {
    const failing = failures.filter((x) => x.host === host.host).map((x) => ({ from: x.fromMs, to: Math.min(x.toMs, durationMs), status: x.status ?? 503 }));
    const ejected = host.ejections.map((e) => ({ from: e.fromMs, to: e.toMs ?? durationMs }));
    const text = [...failing.map((x) => `fails ${x.from / 1000}–${x.to / 1000} s (${x.status})`), ...ejected.map((x) => `ejected ${(x.from / 1000).toFixed(1)}–${(x.to / 1000).toFixed(1)} s`)].join('; ') || 'healthy';
    return h(
      'tr',
      null,
      h('th', { scope: 'row' }, host.host),
      h(
        'td',
        { class: 'sim-track-cell', 'data-label': 'Timeline' },
        h('div', { class: 'sim-track', 'aria-hidden': 'true' }, failing.map((x) => h('span', { class: 'sim-track-fail', style: `left:${at(x.from)};width:${at(x.to - x.from)}` })), ejected.map((x) => h('span', { class: 'sim-track-eject', style: `left:${at(x.from)};width:${at(x.to - x.from)}` }))),
        h('span', { class: 'sim-note' }, text),
      ),
      h('td', { 'data-label': 'Result' }, `${host.requests} requests, ${host.errors} errors, ejected ${host.timesEjected} time${host.timesEjected === 1 ? '' : 's'}`),
    );
  });
  const view = h(
    'div',
    { class: 'sim-output' },
    h('pre', { class: 'sim-yaml', tabindex: 0, role: 'region', 'aria-label': 'The outlierDetection settings as YAML' }, h('code', { class: 'ol-yaml' }, outlierYaml(s))),
    h('p', { class: 'sim-verdict is-ok' }, verdict),
    res.notes.length ? h('ul', null, res.notes.map((n) => h('li', null, n))) : null,
    h('p', { class: 'sim-note', 'aria-hidden': 'true' }, h('span', { class: 'sim-key sim-track-fail' }), 'pod answers 5xx ', h('span', { class: 'sim-key sim-track-eject' }), 'pod ejected'),
    h(
      'div',
      { class: 'sim-table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Timeline per pod' },
      h(
        'table',
        { class: 'sim-stack' },
        h('caption', null, 'Per pod: failures, ejections, requests'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Pod'), h('th', { scope: 'col' }, `Timeline, 0 to ${s.durationS} s`), h('th', { scope: 'col' }, 'Result'))),
        h('tbody', null, rows),
      ),
    ),
    h(
      'div',
      { class: 'sim-table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Ejection events' },
      h(
        'table',
        { class: 'sim-stack' },
        h('caption', null, 'Events'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Time'), h('th', { scope: 'col' }, 'Pod'), h('th', { scope: 'col' }, 'Event'), h('th', { scope: 'col' }, 'Why'))),
        h('tbody', null, res.events.map((e) => h('tr', null, h('td', { 'data-label': 'Time' }, sec(e.t)), h('td', { 'data-label': 'Pod' }, e.host), h('td', { 'data-label': 'Event' }, KINDS[e.kind] ?? e.kind), h('td', { 'data-label': 'Why' }, e.reason)))),
      ),
    ),
    h('p', { class: 'sim-note' }, 'Not modelled: ', h('code', null, 'minHealthPercent'), ", and a pod's errors while it is out of the pool (it gets no traffic)."),
  );
  return { ok: true, view, verdict };
}
