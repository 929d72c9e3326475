/**
 * Fault-injection lab: a VirtualService `fault` block → expected vs sampled outcomes per 1,000 requests,
 * sampled by the engine with a seeded generator (same seed, same result). Used at build time and by
 * fault-lab.ts.
 */
import { sampleFault } from '../../../lib/istio/engine/resilience';

export interface FaultForm {
  delay: boolean;
  delaySeconds: number;
  /** undefined = the percentage field is left out (nothing is delayed). */
  delayPct: number | undefined;
  abort: boolean;
  abortStatus: number;
  abortPct: number | undefined;
  seed: string;
}

export const faultDefaults: FaultForm = { delay: true, delaySeconds: 2, delayPct: 50, abort: true, abortStatus: 500, abortPct: 10, seed: 'istio' };

export const N = 1000;

export function faultYaml(f: FaultForm): string {
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

export interface FaultRow {
  label: string;
  expected: number;
  sampled: number;
  cls: string;
}

export interface FaultView {
  summary: string;
  rows: FaultRow[];
  notes: string[];
}

const round = (x: number) => (Math.abs(x - Math.round(x)) < 1e-9 ? String(Math.round(x)) : x.toFixed(1));
export const fmtExpected = round;

export function runFault(f: FaultForm): FaultView {
  const fault: { delay?: { percentage: number }; abort?: { percentage: number } } = {};
  if (f.delay) fault.delay = { percentage: f.delayPct ?? 0 };
  if (f.abort) fault.abort = { percentage: f.abortPct ?? 0 };
  const s = sampleFault(f.delay || f.abort ? fault : null, N, f.seed);
  const pd = f.delay ? (f.delayPct ?? 0) / 100 : 0;
  const pa = f.abort ? (f.abortPct ?? 0) / 100 : 0;
  const rows: FaultRow[] = [
    { label: `Delayed ${f.delaySeconds}s, then answered by the service`, expected: N * pd * (1 - pa), sampled: s.delayed - s.both, cls: 'sim-c1' },
    { label: `Aborted at once with ${f.abortStatus}`, expected: N * pa * (1 - pd), sampled: s.aborted - s.both, cls: 'sim-c2' },
    { label: `Delayed ${f.delaySeconds}s, then aborted with ${f.abortStatus}`, expected: N * pd * pa, sampled: s.both, cls: 'sim-c3' },
    { label: 'No fault: answered by the service', expected: N * (1 - pd) * (1 - pa), sampled: N - s.delayed - s.aborted + s.both, cls: 'sim-c0' },
  ];
  const notes: string[] = [];
  if (f.delay && f.delayPct === undefined) notes.push('The delay has no percentage: no request is delayed. Write percentage.value (100 for every request).');
  if (f.abort && f.abortPct === undefined) notes.push('The abort has no percentage: no request is aborted. Write percentage.value (100 for every request).');
  if (f.delay && f.abort) notes.push('Delay and abort are rolled independently for each request; a request can get both (the delay first, then the abort).');
  const summary =
    `Seed "${f.seed}", ${N.toLocaleString('en-US')} requests: ${s.delayed} delayed (expected ${round(N * pd)}), ` +
    `${s.aborted} aborted with ${f.abortStatus} (expected ${round(N * pa)}), ${s.both} of them both.`;
  return { summary: f.delay || f.abort ? summary : `Seed "${f.seed}": no fault, all ${N.toLocaleString('en-US')} requests reach the service.`, rows, notes };
}
