/**
 * auth.AuthorizationPoliciesAnalyzer (analyzers/authz/authorizationpolicies.go): a policy whose selector
 * matches no pod in the mesh (IST0127), and a `source.namespaces`/`notNamespaces` entry naming a namespace
 * that does not exist (IST0101 "namespace").
 */
import type { Analyzer } from '../context';
import { selectorMatches, selectorString, toLabels, type Labels } from '../labels';
import { arr, obj, podInAmbient, podInMesh, str } from './util';

function namespaceMatches(ns: string, exp: string): boolean {
  if (exp === '*') return true;
  if (exp.startsWith('*')) return ns.endsWith(exp.slice(1));
  if (exp.endsWith('*')) return ns.startsWith(exp.slice(0, -1));
  return ns.toLowerCase() === exp.toLowerCase();
}

export const authorizationPoliciesAnalyzer: Analyzer = {
  name: 'auth.AuthorizationPoliciesAnalyzer',
  inputs: ['AuthorizationPolicy', 'Namespace', 'Pod'],
  analyze(ctx) {
    // Labels of the pods in the mesh (sidecar or ambient), by namespace.
    const podLabels = new Map<string, Labels[]>();
    for (const pod of ctx.list('Pod')) {
      const list = podLabels.get(pod.namespace) ?? [];
      if (podInMesh(pod, ctx)) list.push(pod.labels);
      if (podInAmbient(pod)) list.push(pod.labels);
      podLabels.set(pod.namespace, list);
    }
    const namespaces = ctx.list('Namespace').map((n) => n.name);

    for (const r of ctx.list('AuthorizationPolicy')) {
      const selector = r.spec.selector === undefined || r.spec.selector === null ? undefined : toLabels(obj(r.spec.selector).matchLabels);
      if (r.namespace === ctx.mesh.rootNamespace) {
        if (selector && ![...podLabels.values()].some((list) => list.some((l) => selectorMatches(selector, l)))) {
          ctx.report('IST0127', r, [selectorString(selector)]);
        }
      } else if (!selector) {
        if ((podLabels.get(r.namespace) ?? []).length === 0) ctx.report('IST0127', r, ['']);
      } else if (!(podLabels.get(r.namespace) ?? []).some((l) => selectorMatches(selector, l))) {
        ctx.report('IST0127', r, [selectorString(selector)]);
      }

      arr(r.spec.rules).forEach((rule, i) => {
        arr(obj(rule).from).forEach((from, j) => {
          const source = obj(obj(from).source);
          const listed = arr(source.namespaces).map(str);
          [...listed, ...arr(source.notNamespaces).map(str)].forEach((ns, k) => {
            if (namespaces.some((n) => namespaceMatches(n, ns))) return;
            const index = k >= listed.length ? k - listed.length : k;
            ctx.report('IST0101', r, ['namespace', ns], `{.spec.rules[${i}].from[${j}].source.namespaces[${index}]}`);
          });
        });
      });
    }
  },
};
