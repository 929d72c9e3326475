/**
 * Canary slider: a v2 weight → the VirtualService that sets it (generated YAML, checked by routing it
 * through the engine) and where 1,000 sampled requests go.
 */
import { routeHttp, sampleRoute, type RouteSample } from '../../../lib/istio';
import { h, type VNode } from '../shared/vnode';
import { parseAllDocuments } from 'yaml';

export interface CanaryFields {
  v2: string;
  host: string;
}

export type CanaryOutcome = { ok: true; yaml: string; sample: RouteSample; view: VNode; verdict: string } | { ok: false; message: string; field?: string };

export function canaryYaml(host: string, w1: number, w2: number): string {
  return `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${host}
spec:
  hosts:
  - ${host}
  http:
  - route:
    - destination:
        host: ${host}
        subset: v1
      weight: ${w1}
    - destination:
        host: ${host}
        subset: v2
      weight: ${w2}
`;
}

const drYaml = (host: string) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${host}
spec:
  host: ${host}
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
`;

export function computeCanary(f: CanaryFields): CanaryOutcome {
  const host = f.host.trim();
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(host)) return { ok: false, message: 'Service: enter a Service name (lower case letters, digits, dashes).', field: 'host' };
  const w2 = Number(f.v2);
  if (!Number.isInteger(w2) || w2 < 0 || w2 > 100) return { ok: false, message: 'v2 weight: a whole number from 0 to 100.', field: 'v2' };
  const w1 = 100 - w2;
  const yaml = canaryYaml(host, w1, w2);
  const [vs] = parseAllDocuments(yaml).map((d) => d.toJS() as unknown);
  const [dr] = parseAllDocuments(drYaml(host)).map((d) => d.toJS() as unknown);
  const r = routeHttp({ virtualService: vs, destinationRules: [dr], request: { authority: host } });
  if (!r.ok) return { ok: false, message: r.error.message };
  const sample = sampleRoute(r.decision, 1000, `canary-${w2}`);
  const [n1 = 0, n2 = 0] = sample.byDestination;
  const verdict = `v1 ${w1}%, v2 ${w2}%: of 1,000 sampled requests ${n1} went to v1 and ${n2} to v2`;
  const view = h(
    'div',
    { class: 'sim-output' },
    h('p', { class: 'sim-verdict is-ok' }, verdict),
    h('div', { class: 'sim-bar', 'aria-hidden': 'true' }, n1 ? h('span', { class: 'sim-seg sim-seg-0', style: `width: ${n1 / 10}%` }) : null, n2 ? h('span', { class: 'sim-seg sim-seg-1', style: `width: ${n2 / 10}%` }) : null),
    h(
      'ul',
      { class: 'sim-legend' },
      h('li', null, h('span', { class: 'sim-key sim-seg-0', 'aria-hidden': 'true' }), `v1: ${n1} sampled (weight ${w1})`),
      h('li', null, h('span', { class: 'sim-key sim-seg-1', 'aria-hidden': 'true' }), `v2: ${n2} sampled (weight ${w2})`),
    ),
    w2 === 0 || w2 === 100 ? h('p', { class: 'sim-note' }, `Weight 0 gets nothing: every request goes to ${w2 === 0 ? 'v1' : 'v2'}.`) : null,
    h(
      'figure',
      { class: 'sim-code' },
      h('figcaption', null, 'The VirtualService for this split (the DestinationRule defines subsets v1 and v2 by the version label)'),
      h('pre', { tabindex: 0, 'aria-label': 'Generated VirtualService' }, h('code', null, yaml)),
    ),
  );
  return { ok: true, yaml, sample, verdict, view };
}
