/**
 * deployment.MultiServiceAnalyzer (analyzers/deployment/services.go): a meshed Deployment selected by several
 * Services that use one port with different protocols (IST0116) or one targetPort with different ports
 * (IST0137). applicationUID.Analyzer (deployment/pod.go): an application container running as UID 1337,
 * the proxy's own UID (IST0144).
 */
import type { Analyzer } from '../context';
import { fullName } from '../context';
import type { Resource } from '../load';
import { selectorMatches, toLabels } from '../labels';
import { arr, byteOrder, containerName, deploymentInMesh, intOrString, isIstioControlPlane, num, obj, podSpec, str } from './util';

function matchingServices(d: Resource, services: readonly Resource[]): Resource[] {
  const podLabels = toLabels(obj(obj(d.spec.template).metadata).labels);
  return services.filter((s) => {
    const selector = toLabels(s.spec.selector);
    return selector.size > 0 && selectorMatches(selector, podLabels) && s.namespace === d.namespace;
  });
}

export const multiServiceAnalyzer: Analyzer = {
  name: 'deployment.MultiServiceAnalyzer',
  inputs: ['Service', 'Deployment', 'Namespace'],
  analyze(ctx) {
    for (const d of ctx.list('Deployment')) {
      if (d.labels.get('gateway.istio.io/managed') === 'istio.io/mesh-controller' || !deploymentInMesh(d, ctx)) continue;
      const services = matchingServices(d, ctx.list('Service'));

      // port → protocol → service names
      const byPort = new Map<number, Map<string, string[]>>();
      for (const s of services) {
        for (const p of arr(s.spec.ports)) {
          const port = num(obj(p).port);
          const protocol = str(obj(p).protocol) || 'TCP';
          const protocols = byPort.get(port) ?? new Map<string, string[]>();
          protocols.set(protocol, [...(protocols.get(protocol) ?? []), fullName(s)]);
          byPort.set(port, protocols);
        }
      }
      for (const [port, protocols] of byPort) {
        if (protocols.size < 2) continue;
        const names = [...protocols.values()].flat().sort(byteOrder);
        ctx.report('IST0116', d, [d.name, port, names], '{.metadata.name}');
      }

      // targetPort → port → service name
      const byTarget = new Map<string, Map<number, string>>();
      for (const s of services) {
        for (const p of arr(s.spec.ports)) {
          const port = num(obj(p).port);
          let target = intOrString(obj(p).targetPort);
          if (target === '0' || target === '') target = String(port);
          const ports = byTarget.get(target) ?? new Map<number, string>();
          ports.set(port, fullName(s));
          byTarget.set(target, ports);
        }
      }
      for (const [target, ports] of byTarget) {
        if (ports.size < 2) continue;
        const names = [...ports.values()].sort(byteOrder);
        const numbers = [...ports.keys()].sort((a, b) => a - b);
        ctx.report('IST0137', d, [d.name, names, target, numbers], '{.metadata.name}');
      }
    }
  },
};

const proxyUid = 1337;

export const applicationUidAnalyzer: Analyzer = {
  name: 'applicationUID.Analyzer',
  inputs: ['Pod', 'Deployment'],
  analyze(ctx) {
    for (const kind of this.inputs) {
      for (const r of ctx.list(kind)) {
        if (isIstioControlPlane(r)) continue;
        const spec = podSpec(r);
        if (obj(spec.securityContext).runAsUser === proxyUid) ctx.report('IST0144', r, []);
        for (const c of arr(spec.containers)) {
          const name = containerName(c);
          if (name === 'istio-proxy' || name === 'istio-operator') continue;
          if (obj(obj(c).securityContext).runAsUser === proxyUid) ctx.report('IST0144', r, []);
        }
      }
    }
  },
};
