/**
 * service.PortNameAnalyzer (analyzers/service/portname.go): a Service port whose protocol Istio cannot tell
 * from its name or appProtocol (IST0118), or a `tcp` port on an ExternalName Service (IST0150). Protocol
 * rules from pkg/config/kube/conversion.go and pkg/config/protocol.
 */
import type { Analyzer } from '../context';
import { arr, intOrString, isIstioControlPlane, num, obj, str } from './util';

const knownProtocols = new Set(['tcp', 'udp', 'grpc', 'grpc-web', 'http', 'http_proxy', 'http2', 'https', 'tls', 'mongo', 'redis', 'mysql']);
/** SMTP, DNS, MySQL, MongoDB: treated as TCP when the name says nothing. */
const wellKnownPorts = new Set([25, 53, 3306, 27017]);
const k8sAppProtocols = new Set(['kubernetes.io/h2c', 'kubernetes.io/ws', 'kubernetes.io/wss']);

/** True when Istio falls back to protocol sniffing for this port. */
export function portProtocolUnknown(port: number, name: string, protocol: string, appProtocol: string | undefined): boolean {
  if (protocol === 'UDP') return false;
  let n = name;
  if (appProtocol !== undefined) {
    if (k8sAppProtocols.has(appProtocol)) return false;
    n = appProtocol;
  }
  if (n.length >= 8 && n.slice(0, 8).toLowerCase() === 'grpc-web') return false;
  const dash = n.indexOf('-');
  if (dash >= 0) n = n.slice(0, dash);
  if (knownProtocols.has(n.toLowerCase())) return false;
  return !wellKnownPorts.has(port);
}

export const portNameAnalyzer: Analyzer = {
  name: 'service.PortNameAnalyzer',
  inputs: ['Service'],
  analyze(ctx) {
    for (const r of ctx.list('Service')) {
      if (isIstioControlPlane(r)) continue;
      const managed = r.labels.get('gateway.istio.io/managed');
      if (managed === 'istio.io/gateway-controller' || (managed ?? '') === 'istio.io/mesh-controller') continue;
      const external = r.spec.type === 'ExternalName';
      arr(r.spec.ports).forEach((p, i) => {
        const port = obj(p);
        const name = str(port.name);
        const appProtocol = typeof port.appProtocol === 'string' ? port.appProtocol : undefined;
        if (!portProtocolUnknown(num(port.port), name, str(port.protocol), appProtocol) && !(name === 'tcp' && external)) return;
        const field = `{.spec.ports[${i}].port}`;
        if (external) ctx.report('IST0150', r, [], field);
        else ctx.report('IST0118', r, [name, num(port.port), intOrString(port.targetPort)], field);
      });
    }
  },
};
