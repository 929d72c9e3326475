/**
 * annotations.K8sAnalyzer (analyzers/annotations/annotations.go): Istio annotations on Namespaces, Services,
 * Pods and Deployments that are unknown (IST0108), deprecated (IST0135), on the wrong kind (IST0107) or carry a
 * value the injector rejects (IST0125; pkg/kube/inject/validate.go).
 */
import type { Analyzer } from '../context';
import { istioAnnotations } from '../annotations.gen';

/** Never reported (maturity.AlwaysIgnoredAnnotations). */
const ignored = new Set(['sidecar.istio.io/status', 'gateway.istio.io/controller-version', 'istio.io/rev']);

const deprecationNote: Record<string, string> = {
  'sidecar.istio.io/inject': ' in favor of the "sidecar.istio.io/inject" label',
};

function isIstioAnnotation(name: string): boolean {
  return name === 'kubernetes.io/ingress.class' || name.split('/')[0]!.endsWith('istio.io');
}

const syntax = (fn: string, v: string) => `strconv.${fn}: parsing ${JSON.stringify(v)}: invalid syntax`;

function parseUint(value: string, bits: number): string | undefined {
  if (!/^\d+$/.test(value)) return syntax('ParseUint', value);
  if (BigInt(value) >= 1n << BigInt(bits)) return `strconv.ParseUint: parsing ${JSON.stringify(value)}: value out of range`;
  return undefined;
}

function portError(port: string): string | undefined {
  const e = parseUint(port.trim(), 16);
  return e && `failed parsing port '${port}': ${e}`;
}

function portList(parameter: string, ports: string): string | undefined {
  const list = ports.trim();
  if (list === '') return undefined;
  for (const p of list.split(',')) {
    const e = portError(p);
    if (e) return `${parameter} invalid: failed parsing port '${p}': ${e}`;
  }
  return undefined;
}

function cidrList(parameter: string, cidrs: string): string | undefined {
  if (cidrs === '') return undefined;
  for (const c of cidrs.split(',')) {
    const slash = c.indexOf('/');
    if (slash < 0) return `${parameter} invalid: failed parsing cidr '${c}': netip.ParsePrefix(${JSON.stringify(c)}): no '/'`;
    const addr = c.slice(0, slash);
    const bits = c.slice(slash + 1);
    const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(addr);
    const okAddr = v4 ? v4.slice(1).every((o) => Number(o) <= 255 && !(o.length > 1 && o.startsWith('0'))) : /^[0-9a-fA-F:.]+$/.test(addr) && addr.includes(':');
    const max = v4 ? 32 : 128;
    if (!okAddr || !/^\d+$/.test(bits) || Number(bits) > max) {
      return `${parameter} invalid: failed parsing cidr '${c}': netip.ParsePrefix(${JSON.stringify(c)}): invalid prefix`;
    }
  }
  return undefined;
}

const boolValues = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

/** The injector's value checks; each returns the Go error text, or undefined when the value is fine. */
const validators: Record<string, (v: string) => string | undefined> = {
  'sidecar.istio.io/interceptionMode': (v) =>
    ['REDIRECT', 'TPROXY', 'NONE'].includes(v) ? undefined : `interceptionMode invalid, use REDIRECT,TPROXY,NONE: ${v}`,
  'status.sidecar.istio.io/port': (v) => {
    const e = portError(v);
    return e && `excludeInboundPorts invalid: ${e}`;
  },
  'readiness.status.sidecar.istio.io/initialDelaySeconds': (v) => parseUint(v, 32),
  'readiness.status.sidecar.istio.io/periodSeconds': (v) => parseUint(v, 32),
  'readiness.status.sidecar.istio.io/failureThreshold': (v) => parseUint(v, 32),
  'traffic.sidecar.istio.io/includeOutboundIPRanges': (v) => (v === '*' ? undefined : cidrList('includeIPRanges', v)),
  'traffic.sidecar.istio.io/excludeOutboundIPRanges': (v) => cidrList('excludeIPRanges', v),
  'traffic.sidecar.istio.io/includeInboundPorts': (v) => (v === '*' ? undefined : portList('includeInboundPorts', v)),
  'traffic.sidecar.istio.io/excludeInboundPorts': (v) => portList('excludeInboundPorts', v),
  'traffic.sidecar.istio.io/excludeOutboundPorts': (v) => portList('excludeOutboundPorts', v),
  'prometheus.istio.io/merge-metrics': (v) => (boolValues.has(v) ? undefined : syntax('ParseBool', v)),
};

export const annotationsAnalyzer: Analyzer = {
  name: 'annotations.K8sAnalyzer',
  inputs: ['Namespace', 'Service', 'Pod', 'Deployment'],
  analyze(ctx) {
    for (const kind of this.inputs) {
      for (const r of ctx.list(kind)) {
        for (const [name, value] of r.annotations) {
          if (!isIstioAnnotation(name) || ignored.has(name)) continue;
          const info = istioAnnotations.get(name);
          if (!info) {
            ctx.report('IST0108', r, [name]);
            continue;
          }
          // The inject annotation next to the inject label is tolerated.
          if (info.deprecated && !(name === 'sidecar.istio.io/inject' && r.labels.has('sidecar.istio.io/inject'))) {
            ctx.report('IST0135', r, [name, deprecationNote[name] ?? '']);
          }
          if (info.resources.includes('Any')) continue;
          if (!info.resources.includes(kind)) {
            ctx.report('IST0107', r, [name, info.resources.join(', ')]);
            continue;
          }
          const error = Object.hasOwn(validators, name) ? validators[name]!(value) : undefined;
          if (error) ctx.report('IST0125', r, [name, error]);
        }
      }
    }
  },
};
