/**
 * sidecar.SelectorAnalyzer (analyzers/sidecar/selector.go): a workloadSelector that matches no pod (IST0101
 * "selector"), several Sidecars selecting one pod (IST0110), several Sidecars without a selector in one
 * namespace (IST0111), and Sidecars on ambient workloads or namespaces, where they do nothing (IST0167).
 */
import type { Analyzer } from '../context';
import type { Resource } from '../load';
import { firstLabel, selectorMatches, selectorString, toLabels } from '../labels';
import { namespaceInAmbient, obj, podInAmbient, sortedNames } from './util';

export const sidecarSelectorAnalyzer: Analyzer = {
  name: 'sidecar.SelectorAnalyzer',
  inputs: ['Sidecar', 'Pod', 'Namespace'],
  analyze(ctx) {
    const podSidecars = new Map<Resource, Resource[]>();
    const namespaceSidecars = new Map<string, Resource[]>();
    for (const sc of ctx.list('Sidecar')) {
      const selector = toLabels(obj(sc.spec.workloadSelector).labels);
      if (selector.size === 0) {
        namespaceSidecars.set(sc.namespace, [...(namespaceSidecars.get(sc.namespace) ?? []), sc]);
        continue;
      }
      let found = false;
      for (const pod of ctx.list('Pod')) {
        if (pod.namespace !== sc.namespace || !selectorMatches(selector, pod.labels)) continue;
        found = true;
        podSidecars.set(pod, [...(podSidecars.get(pod) ?? []), sc]);
      }
      if (!found) {
        const sel = selectorString(selector);
        ctx.report('IST0101', sc, ['selector', sel], `{.spec.workloadSelector.labels.${firstLabel(sel)}}`);
      }
    }
    const reported = new Set<Resource>();
    const ineffective = (sc: Resource, why: string) => {
      if (reported.has(sc)) return;
      reported.add(sc);
      ctx.report('IST0167', sc, [why]);
    };
    for (const [pod, list] of podSidecars) {
      const ambient = podInAmbient(pod);
      if (list.length === 1 && !ambient) continue;
      for (const sc of list) {
        if (ambient) ineffective(sc, 'selected workload is in ambient mode, the policy has no impact');
        else ctx.report('IST0110', sc, [sortedNames(list), pod.namespace, pod.name], '{.metadata.name}');
      }
    }
    for (const [ns, list] of namespaceSidecars) {
      if (namespaceInAmbient(ctx.find('Namespace', '', ns))) {
        for (const sc of list) ineffective(sc, 'namespace is in ambient mode, the policy has no impact');
        continue;
      }
      if (list.length > 1) for (const sc of list) ctx.report('IST0111', sc, [sortedNames(list), ns]);
    }
  },
};
