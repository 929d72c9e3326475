/**
 * Canary slider: two weights → the VirtualService YAML (networking.istio.io/v1, subsets v1 and v2), the
 * normalized shares (weight ÷ sum) and 1,000 requests sampled with the engine's seeded generator.
 * Used at build time and by canary.ts.
 */
import { sampleSplit } from '../../../lib/istio/engine/resilience';

export interface CanaryForm {
  host: string;
  namespace: string;
  v1: number;
  v2: number;
  seed: string;
}

export const N = 1000;

export function canaryYaml(f: CanaryForm): string {
  return [
    'apiVersion: networking.istio.io/v1',
    'kind: VirtualService',
    'metadata:',
    `  name: ${f.host}`,
    `  namespace: ${f.namespace}`,
    'spec:',
    '  hosts:',
    `  - ${f.host}`,
    '  http:',
    '  - name: canary',
    '    route:',
    '    - destination:',
    `        host: ${f.host}`,
    '        subset: v1',
    `      weight: ${f.v1}`,
    '    - destination:',
    `        host: ${f.host}`,
    '        subset: v2',
    `      weight: ${f.v2}`,
  ].join('\n');
}

export interface CanaryView {
  shares: [number, number];
  sampled: [number, number];
  summary: string;
  notes: string[];
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Both weights 0 is an error for the caller to report (Istio needs a total above 0). */
export function runCanary(f: CanaryForm): CanaryView {
  const total = f.v1 + f.v2;
  const shares: [number, number] = [f.v1 / total, f.v2 / total];
  const [a, b] = sampleSplit([f.v1, f.v2], N, f.seed) as [number, number];
  const notes: string[] = [];
  if (total !== 100) notes.push(`The weights add up to ${total}, not 100: each subset gets its weight ÷ ${total}. Istio accepts any total above 0; writing weights that add up to 100 is the convention.`);
  for (const [name, w] of [['v1', f.v1], ['v2', f.v2]] as const) if (w === 0) notes.push(`${name} has weight 0: it gets no requests, even though it stays in the route.`);
  return {
    shares,
    sampled: [a, b],
    summary: `v1 gets ${pct(shares[0])}, v2 gets ${pct(shares[1])}. Of ${N.toLocaleString('en-US')} sampled requests (seed "${f.seed}"): ${a} to v1, ${b} to v2.`,
    notes,
  };
}
