/**
 * k8sgateway.SelectorAnalyzer (analyzers/k8sgateway/workloadselector.go): a policy that selects a Kubernetes
 * Gateway API gateway's pods with `selector` instead of `targetRef` (IST0166).
 */
import type { Analyzer } from '../context';
import { selectorMatches, toLabels } from '../labels';
import type { Resource } from '../load';
import { obj } from './util';

const gatewayNameLabel = 'gateway.networking.k8s.io/gateway-name';
const policyKinds = ['AuthorizationPolicy', 'RequestAuthentication', 'Telemetry', 'WasmPlugin'];

export const k8sGatewaySelectorAnalyzer: Analyzer = {
  name: 'k8sgateway.SelectorAnalyzer',
  inputs: [...policyKinds, 'Pod'],
  analyze(ctx) {
    const gatewayPods = new Map<string, Resource[]>();
    for (const pod of ctx.list('Pod')) {
      if (!pod.labels.has(gatewayNameLabel)) continue;
      gatewayPods.set(pod.namespace, [...(gatewayPods.get(pod.namespace) ?? []), pod]);
    }
    for (const kind of policyKinds) {
      for (const r of ctx.list(kind)) {
        if (r.spec.targetRef !== undefined && r.spec.targetRef !== null) continue;
        if (r.spec.selector === undefined || r.spec.selector === null) continue;
        const selector = toLabels(obj(r.spec.selector).matchLabels);
        for (const pod of gatewayPods.get(r.namespace) ?? []) {
          if (selectorMatches(selector, pod.labels)) ctx.report('IST0166', r, [pod.labels.get(gatewayNameLabel)!]);
        }
      }
    }
  },
};
