/**
 * Canary slider: two weights → the VirtualService (networking.istio.io/v1, subsets v1 and v2), the
 * normalized shares (weight ÷ sum) and 1,000 requests sampled with the engine's seeded generator.
 */
import { sampleSplit } from '../../../lib/istio/engine/resilience';
import { parseLine, parseNumber, parseSeed, pct } from '../kit/fields';
import { fieldProblem, type Problem } from '../kit/outcome';
import { h, type VNode } from '../kit/vnode';

export interface CanaryFields {
  host: string;
  namespace: string;
  v1: string;
  v2: string;
  seed: string;
}

export type CanaryOutcome = { ok: true; view: VNode; verdict: string; shares: [number, number]; sampled: [number, number] } | Problem;

export const N = 1000;

export function canaryYaml(host: string, namespace: string, v1: number, v2: number): string {
  return [
    'apiVersion: networking.istio.io/v1',
    'kind: VirtualService',
    'metadata:',
    `  name: ${host}`,
    `  namespace: ${namespace}`,
    'spec:',
    '  hosts:',
    `  - ${host}`,
    '  http:',
    '  - name: canary',
    '    route:',
    '    - destination:',
    `        host: ${host}`,
    '        subset: v1',
    `      weight: ${v1}`,
    '    - destination:',
    `        host: ${host}`,
    '        subset: v2',
    `      weight: ${v2}`,
  ].join('\n');
}

export function computeCanary(f: CanaryFields): CanaryOutcome {
  const host = parseLine(f.host, 'host', 'Host');
  if (!host.ok) return host;
  const namespace = parseLine(f.namespace, 'namespace', 'Namespace');
  if (!namespace.ok) return namespace;
  const w1 = parseNumber(f.v1, 'v1', 'weight of v1', { min: 0, max: 1000, integer: true });
  if (!w1.ok) return w1;
  const w2 = parseNumber(f.v2, 'v2', 'weight of v2', { min: 0, max: 1000, integer: true });
  if (!w2.ok) return w2;
  const seed = parseSeed(f.seed);
  if (!seed.ok) return seed;
  const v1 = w1.value!;
  const v2 = w2.value!;
  const total = v1 + v2;
  if (total === 0) return fieldProblem('v2', 'Weights', 'weight of v1 and weight of v2 are both 0: the total must be above 0, or no request has anywhere to go.');
  const shares: [number, number] = [v1 / total, v2 / total];
  const sampled = sampleSplit([v1, v2], N, seed.value) as [number, number];
  const notes: string[] = [];
  if (total !== 100) notes.push(`The weights add up to ${total}, not 100: each subset gets its weight ÷ ${total}. Istio accepts any total above 0; writing weights that add up to 100 is the convention.`);
  for (const [name, w] of [['v1', v1], ['v2', v2]] as const) if (w === 0) notes.push(`${name} has weight 0: it gets no requests, even though it stays in the route.`);
  const verdict = `v1 gets ${pct(shares[0])}, v2 gets ${pct(shares[1])}. Of ${N.toLocaleString('en-US')} sampled requests (seed "${seed.value}"): ${sampled[0]} to v1, ${sampled[1]} to v2.`;
  const view = h(
    'div',
    { class: 'sim-output' },
    h('p', { class: 'sim-verdict is-ok' }, verdict),
    h('div', { class: 'sim-bar', 'aria-hidden': 'true' }, sampled.map((s, i) => h('span', { class: `sim-seg sim-seg-${i}`, style: `width:${(100 * s) / N}%` }))),
    h('p', { class: 'sim-note', 'aria-hidden': 'true' }, h('span', { class: 'sim-key sim-seg-0' }), 'v1 ', h('span', { class: 'sim-key sim-seg-1' }), `v2 (the bar: ${N.toLocaleString('en-US')} sampled requests)`),
    notes.length ? h('ul', null, notes.map((n) => h('li', null, n))) : null,
    h('pre', { class: 'sim-yaml', tabindex: 0, role: 'region', 'aria-label': 'The generated VirtualService' }, h('code', { class: 'cs-yaml' }, canaryYaml(host.value, namespace.value, v1, v2))),
  );
  return { ok: true, view, verdict, shares, sampled };
}
