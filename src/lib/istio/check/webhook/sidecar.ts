/**
 * istiod's checks of a Sidecar (istio/istio pkg/config/validation/validation.go ValidateSidecar and its
 * helpers at 1.26.8): a non-empty configuration, ingress ports, egress listeners and their
 * `namespace/host` entries, the outbound traffic policy's egress proxy.
 */
import type { PathSegment } from '../../../yaml/field-path';
import { fqdnError, isDns1123Label, isIP, knownProtocol, namespaceSlashHostErrors, portError } from './common';
import { isObj, list, newReport, obj, str, strings, type Obj, type Report } from './report';

function checkPort(r: Report, port: Obj, bind: string, at: PathSegment[]): void {
  if (str(port.name) && !isDns1123Label(str(port.name))) r.deny([...at, 'port', 'name'], `invalid port name: ${str(port.name)}`);
  if (str(port.protocol) && !knownProtocol(str(port.protocol))) r.deny([...at, 'port', 'protocol'], `unsupported protocol: ${str(port.protocol)}`);
  const e = portError(Number(port.number ?? 0));
  if (e) r.deny([...at, 'port', 'number'], e);
  if (bind && !isIP(bind)) r.deny([...at, 'bind'], `${bind} is not a valid IP`);
}

export function checkSidecar(spec: Obj): Report {
  const r = newReport();
  const selector = spec.workloadSelector;
  if (isObj(selector)) {
    const labels = obj(selector.labels);
    for (const [k, v] of Object.entries(labels)) {
      if (k === '') r.deny(['spec', 'workloadSelector', 'labels'], `empty key is not supported in selector: ${JSON.stringify(`${k}=${str(v)}`)}`);
      if (k.includes('*') || str(v).includes('*')) r.deny(['spec', 'workloadSelector', 'labels', k], `wildcard is not supported in selector: ${JSON.stringify(`${k}=${str(v)}`)}`);
    }
    if (Object.keys(labels).length === 0) r.warn(['spec', 'workloadSelector'], 'sidecar: workload selector specified without labels, will be applied to all services in namespace');
  }
  const ingress = list(spec.ingress);
  const egress = list(spec.egress);
  if (egress.length === 0 && ingress.length === 0 && !isObj(spec.outboundTrafficPolicy) && !isObj(spec.inboundConnectionPool)) {
    r.deny(['spec'], 'sidecar: empty configuration provided');
    return r;
  }
  const ingressPorts = new Set<number>();
  ingress.forEach((raw, i) => {
    const at: PathSegment[] = ['spec', 'ingress', i];
    const l = obj(raw);
    if (!isObj(l.port)) return r.deny(at, 'sidecar: port is required for ingress listeners');
    checkPort(r, l.port, str(l.bind), at);
    const n = Number(l.port.number ?? 0);
    if (ingressPorts.has(n)) r.deny([...at, 'port', 'number'], 'sidecar: ports on IP bound listeners must be unique');
    ingressPorts.add(n);
    const endpoint = str(l.defaultEndpoint);
    if (endpoint && !endpoint.startsWith('unix://')) {
      const m = /^(\[[^\]]*\]|[^:]*):(.*)$/.exec(endpoint);
      const host = m ? m[1]!.replace(/^\[|\]$/g, '') : '';
      if (host && !['127.0.0.1', '0.0.0.0', '::1', '::'].includes(host)) {
        r.deny([...at, 'defaultEndpoint'], 'sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset');
      }
      if (!m || !/^\d+$/.test(m[2]!)) r.deny([...at, 'defaultEndpoint'], `sidecar: defaultEndpoint port (${m ? m[2] : ''}) is not a number`);
      else {
        const e = portError(Number(m[2]));
        if (e) r.deny([...at, 'defaultEndpoint'], e);
      }
    }
  });
  const egressPorts = new Set<number>();
  let catchAll = false;
  egress.forEach((raw, i) => {
    const at: PathSegment[] = ['spec', 'egress', i];
    const l = obj(raw);
    if (!isObj(l.port)) {
      if (catchAll) return r.deny(at, 'sidecar: egress can have only one listener with empty port');
      if (i === egress.length - 1) catchAll = true;
      else r.deny(at, 'sidecar: the egress listener with empty port should be the last listener in the list');
    } else {
      const n = Number(l.port.number ?? 0);
      if (n !== 0) {
        checkPort(r, l.port, str(l.bind), at);
        if (egressPorts.has(n)) r.deny([...at, 'port', 'number'], 'sidecar: ports on IP bound listeners must be unique');
        egressPorts.add(n);
      } else if (!str(l.bind).startsWith('unix://')) r.deny([...at, 'bind'], 'sidecar: ports with 0 value must have a unix domain socket bind address');
    }
    const hosts = strings(l.hosts);
    if (hosts.length === 0) r.deny(at, 'sidecar: egress listener must contain at least one host');
    hosts.forEach((h, j) => {
      for (const e of namespaceSlashHostErrors(h, false)) r.deny([...at, 'hosts', j], e);
    });
  });
  const tp = obj(spec.outboundTrafficPolicy);
  if (isObj(tp.egressProxy)) {
    const at: PathSegment[] = ['spec', 'outboundTrafficPolicy', 'egressProxy'];
    if (str(tp.mode) !== 'ALLOW_ANY') r.deny(at, 'sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode');
    else {
      const e = fqdnError(str(tp.egressProxy.host));
      if (e) r.deny([...at, 'host'], e);
      if (!isObj(tp.egressProxy.port)) r.deny(at, 'sidecar: egress_proxy port must be non-nil');
    }
  }
  return r;
}
