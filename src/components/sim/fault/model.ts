/**
 * Fault-injection lab: a VirtualService `fault` block → expected vs sampled outcomes per 1,000 requests,
 * sampled by the engine with a seeded generator (same seed, same result).
 */
import { sampleFault } from '../../../lib/istio/engine/resilience';
import { parseNumber, parseSeed } from '../kit/fields';
import { fieldProblem, type Problem } from '../kit/outcome';
import { h, type VNode } from '../kit/vnode';

/** Every field as the form holds it; the checkboxes read 'true' or 'false'. */
export interface FaultFields {
  delay: string;
  delaySeconds: string;
  /** Empty = the percentage field is left out (nothing is delayed). */
  delayPct: string;
  abort: string;
  abortStatus: string;
  abortPct: string;
  seed: string;
}

export const faultExample: FaultFields = { delay: 'true', delaySeconds: '2', delayPct: '50', abort: 'true', abortStatus: '500', abortPct: '10', seed: 'istio' };

export const N = 1000;

interface Fault {
  delay: boolean;
  delaySeconds: number;
  delayPct: number | undefined;
  abort: boolean;
  abortStatus: number;
  abortPct: number | undefined;
  seed: string;
}

export type FaultOutcome = { ok: true; view: VNode; verdict: string } | Problem;

export function faultYaml(f: Fault): string {
  if (!f.delay && !f.abort) return '# no fault block: every request goes to the destination';
  const out = ['fault:'];
  if (f.delay) {
    out.push('  delay:', `    fixedDelay: ${f.delaySeconds}s`);
    if (f.delayPct !== undefined) out.push('    percentage:', `      value: ${f.delayPct}`);
  }
  if (f.abort) {
    out.push('  abort:', `    httpStatus: ${f.abortStatus}`);
    if (f.abortPct !== undefined) out.push('    percentage:', `      value: ${f.abortPct}`);
  }
  return out.join('\n');
}

function percentage(text: string, input: string, label: string): { ok: true; value: number | undefined } | Problem {
  const p = parseNumber(text, input, label, { min: 0, max: 100, optional: true });
  if (p.ok && p.value !== undefined && p.value > 0 && p.value < 0.0001) return fieldProblem(input, label, 'must be 0 or between 0.0001 and 100.');
  return p;
}

function read(f: FaultFields): { ok: true; value: Fault } | Problem {
  const delaySeconds = parseNumber(f.delaySeconds, 'delaySeconds', 'fixedDelay (s)', { min: 0.001, max: 600 });
  if (!delaySeconds.ok) return delaySeconds;
  const delayPct = percentage(f.delayPct, 'delayPct', 'Delay percentage.value');
  if (!delayPct.ok) return delayPct;
  const abortStatus = parseNumber(f.abortStatus, 'abortStatus', 'httpStatus', { min: 200, max: 599, integer: true });
  if (!abortStatus.ok) return abortStatus;
  const abortPct = percentage(f.abortPct, 'abortPct', 'Abort percentage.value');
  if (!abortPct.ok) return abortPct;
  const seed = parseSeed(f.seed);
  if (!seed.ok) return seed;
  return {
    ok: true,
    value: { delay: f.delay === 'true', delaySeconds: delaySeconds.value!, delayPct: delayPct.value, abort: f.abort === 'true', abortStatus: abortStatus.value!, abortPct: abortPct.value, seed: seed.value },
  };
}

const round = (x: number) => (Math.abs(x - Math.round(x)) < 1e-9 ? String(Math.round(x)) : x.toFixed(1));

export function computeFault(fields: FaultFields): FaultOutcome {
  const r = read(fields);
  if (!r.ok) return r;
  const f = r.value;
  const fault: { delay?: { percentage: number }; abort?: { percentage: number } } = {};
  if (f.delay) fault.delay = { percentage: f.delayPct ?? 0 };
  if (f.abort) fault.abort = { percentage: f.abortPct ?? 0 };
  const s = sampleFault(f.delay || f.abort ? fault : null, N, f.seed);
  const pd = f.delay ? (f.delayPct ?? 0) / 100 : 0;
  const pa = f.abort ? (f.abortPct ?? 0) / 100 : 0;
  const rows = [
    { label: `Delayed ${f.delaySeconds}s, then answered by the service`, expected: N * pd * (1 - pa), sampled: s.delayed - s.both, seg: 'sim-seg-1' },
    { label: `Aborted at once with ${f.abortStatus}`, expected: N * pa * (1 - pd), sampled: s.aborted - s.both, seg: 'sim-seg-5' },
    { label: `Delayed ${f.delaySeconds}s, then aborted with ${f.abortStatus}`, expected: N * pd * pa, sampled: s.both, seg: 'sim-seg-3' },
    { label: 'No fault: answered by the service', expected: N * (1 - pd) * (1 - pa), sampled: N - s.delayed - s.aborted + s.both, seg: 'sim-seg-0' },
  ];
  const notes: string[] = [];
  if (f.delay && f.delayPct === undefined) notes.push('The delay has no percentage: no request is delayed. Write percentage.value (100 for every request).');
  if (f.abort && f.abortPct === undefined) notes.push('The abort has no percentage: no request is aborted. Write percentage.value (100 for every request).');
  if (f.delay && f.abort) notes.push('Delay and abort are rolled independently for each request; a request can get both (the delay first, then the abort).');
  const verdict =
    f.delay || f.abort
      ? `Seed "${f.seed}", ${N.toLocaleString('en-US')} requests: ${s.delayed} delayed (expected ${round(N * pd)}), ${s.aborted} aborted with ${f.abortStatus} (expected ${round(N * pa)}), ${s.both} of them both.`
      : `Seed "${f.seed}": no fault, all ${N.toLocaleString('en-US')} requests reach the service.`;
  const view = h(
    'div',
    { class: 'sim-output' },
    h('pre', { class: 'sim-yaml', tabindex: 0, role: 'region', 'aria-label': 'The fault block as YAML' }, h('code', { class: 'fl-yaml' }, faultYaml(f))),
    h('p', { class: 'sim-verdict is-ok' }, verdict),
    notes.length ? h('ul', null, notes.map((n) => h('li', null, n))) : null,
    h('div', { class: 'sim-bar', 'aria-hidden': 'true' }, rows.map((r) => h('span', { class: `sim-seg ${r.seg}`, style: `width:${(100 * r.sampled) / N}%` }))),
    h(
      'div',
      { class: 'sim-table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Outcomes' },
      h(
        'table',
        null,
        h('caption', null, `Outcomes per ${N.toLocaleString('en-US')} requests`),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Outcome'), h('th', { scope: 'col' }, 'Expected'), h('th', { scope: 'col' }, 'Sampled'))),
        h('tbody', null, rows.map((r) => h('tr', null, h('th', { scope: 'row' }, h('span', { class: `sim-key ${r.seg}`, 'aria-hidden': 'true' }), r.label), h('td', null, round(r.expected)), h('td', null, String(r.sampled))))),
      ),
    ),
  );
  return { ok: true, view, verdict };
}
