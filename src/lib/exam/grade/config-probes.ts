/**
 * Probes for objects the semantics engine does not simulate: Gateway servers, ServiceEntries, Sidecar egress
 * and IstioOperator install settings. Each reads the object the way istiod would use it (defaults applied,
 * host names and protocols compared by meaning, not by spelling).
 */
import { fqdn, hostCovers } from '../../istio';
import type { ClusterObject, Probe, World } from '../types';
import { at, sameValue } from './probes';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const dict = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const labelsMatch = (selector: Record<string, unknown>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === str(v));

export interface ServerWant {
  /** Labels of the gateway pods, e.g. `{ istio: 'ingressgateway' }`. */
  gatewayLabels: Record<string, string>;
  host: string;
  port: number;
  protocol?: string;
  tlsMode?: string;
  credentialName?: string;
  httpsRedirect?: boolean;
}

/** The Gateway server that would accept `host` on `port`, with its protocol and TLS settings. */
export function gatewayServerProbe(id: string, requirement: string, want: ServerWant): Probe {
  return {
    id,
    requirement,
    run(w) {
      const host = want.host.toLowerCase();
      for (const gw of w.ofKind('Gateway')) {
        const spec = dict(gw.value.spec);
        if (!labelsMatch(dict(spec.selector), want.gatewayLabels)) continue;
        for (const server of list(spec.servers).map(dict)) {
          const port = dict(server.port);
          if (Number(port.number) !== want.port) continue;
          const hosts = list(server.hosts).map((h) => (str(h) ?? '').toLowerCase().split('/').pop() ?? '');
          if (!hosts.some((h) => hostCovers(h, host))) continue;
          const tls = dict(server.tls);
          const problems: string[] = [];
          const protocol = (str(port.protocol) ?? '').toUpperCase();
          if (want.protocol && protocol !== want.protocol) problems.push(`protocol ${protocol || 'not set'} (the task asks for ${want.protocol})`);
          const mode = str(tls.mode) ?? (Object.keys(tls).length ? 'PASSTHROUGH' : 'none');
          if (want.tlsMode && mode !== want.tlsMode) problems.push(`TLS mode ${mode} (the task asks for ${want.tlsMode})`);
          if (want.credentialName && str(tls.credentialName) !== want.credentialName) problems.push(`credentialName ${str(tls.credentialName) ?? 'not set'} (the task asks for ${want.credentialName})`);
          if (want.httpsRedirect !== undefined && (tls.httpsRedirect === true) !== want.httpsRedirect) problems.push(`httpsRedirect ${tls.httpsRedirect === true} (the task asks for ${want.httpsRedirect})`);
          const where = `Gateway ${gw.name} accepts ${host} on port ${want.port}`;
          return problems.length ? { pass: false, saw: `${where} with ${problems.join(', ')}.` } : { pass: true, saw: `${where}${want.tlsMode ? ` with TLS ${want.tlsMode}` : ''}.` };
        }
      }
      return { pass: false, saw: `no Gateway on pods labelled ${Object.entries(want.gatewayLabels).map(([k, v]) => `${k}=${v}`).join(',')} accepts ${host} on port ${want.port}; the task asks for one that does.` };
    },
  };
}

export interface EntryWant {
  host: string;
  port?: number;
  /** Accepted protocols (TLS and HTTPS both mean "the client speaks TLS"). */
  protocol?: string | string[];
  resolution?: string;
  location?: string;
}

/** The ServiceEntry that adds `host` to the registry, its port, resolution (default NONE) and location (default MESH_EXTERNAL). */
export function serviceEntryProbe(id: string, requirement: string, want: EntryWant): Probe {
  return {
    id,
    requirement,
    run(w) {
      const host = want.host.toLowerCase();
      const se = w.ofKind('ServiceEntry').find((o) => list(dict(o.value.spec).hosts).some((h) => hostCovers((str(h) ?? '').toLowerCase(), host)));
      if (!se) return { pass: false, saw: `no ServiceEntry adds ${host} to the mesh's registry; the task asks for one.` };
      const spec = dict(se.value.spec);
      const problems: string[] = [];
      if (want.port !== undefined) {
        const port = list(spec.ports).map(dict).find((p) => Number(p.number) === want.port);
        if (!port) problems.push(`no port ${want.port}`);
        else if (want.protocol && ![want.protocol].flat().includes((str(port.protocol) ?? '').toUpperCase())) problems.push(`port ${want.port} has protocol ${str(port.protocol) ?? 'not set'} (the task asks for ${[want.protocol].flat().join(' or ')})`);
      }
      const resolution = str(spec.resolution) ?? 'NONE';
      if (want.resolution && resolution !== want.resolution) problems.push(`resolution ${resolution} (the task asks for ${want.resolution})`);
      const location = str(spec.location) ?? 'MESH_EXTERNAL';
      if (want.location && location !== want.location) problems.push(`location ${location} (the task asks for ${want.location})`);
      return problems.length ? { pass: false, saw: `ServiceEntry ${se.name} for ${host} has ${problems.join(', ')}.` } : { pass: true, saw: `ServiceEntry ${se.name} adds ${host}${want.port ? ` on port ${want.port}` : ''}.` };
    },
  };
}

/** The Sidecar that configures a workload: one whose selector matches, else the namespace's one without selector, else the root namespace's. */
export function sidecarFor(w: World, ns: string, labels: Record<string, string>, rootNamespace = 'istio-system'): ClusterObject | undefined {
  const sidecars = w.ofKind('Sidecar');
  const inNs = sidecars.filter((s) => s.namespace === ns);
  const selected = inNs.find((s) => {
    const sel = dict(dict(dict(s.value.spec).workloadSelector).labels);
    return Object.keys(sel).length > 0 && labelsMatch(sel, labels);
  });
  return selected ?? inNs.find((s) => !dict(s.value.spec).workloadSelector) ?? sidecars.find((s) => s.namespace === rootNamespace && !dict(s.value.spec).workloadSelector);
}

/** Whether a workload's proxy knows a service (`service.namespace`): the Sidecar's egress hosts decide (`ns/host`, `.`, `*`, `~`). */
export function sidecarReachProbe(id: string, requirement: string, from: { namespace: string; labels: Record<string, string> }, service: { host: string; namespace: string }, expect: boolean): Probe {
  return {
    id,
    requirement,
    run(w) {
      const sc = sidecarFor(w, from.namespace, from.labels);
      const target = fqdn(service.host, service.namespace);
      let reach = true;
      let why = 'no Sidecar applies, so every service is known';
      if (sc) {
        const hosts = list(dict(sc.value.spec).egress).flatMap((e) => list(dict(e).hosts)).map((h) => str(h) ?? '');
        reach = hosts.some((h) => {
          const [nsPart, dns] = h.includes('/') ? (h.split('/', 2) as [string, string]) : ['*', h];
          const ns = nsPart === '.' ? sc.namespace : nsPart;
          if (ns === '~') return false;
          if (ns !== '*' && ns !== service.namespace) return false;
          return hostCovers(dns.toLowerCase(), target);
        });
        why = `Sidecar ${sc.namespace}/${sc.name} applies`;
      }
      const said = `${why}: ${target} is ${reach ? '' : 'not '}in the proxy's configuration`;
      return { pass: reach === expect, saw: reach === expect ? `${said}.` : `${said}; the task asks for it to be ${expect ? 'reachable' : 'left out'}.` };
    },
  };
}

/** A setting of the IstioOperator file `istioctl install -f` reads (`profile` defaults to `default`). */
export function installProbe(id: string, requirement: string, path: string, want: string | number | boolean, fallback?: string | number | boolean): Probe {
  return {
    id,
    requirement,
    run(w) {
      const iop = w.ofKind('IstioOperator')[0];
      if (!iop) return { pass: false, saw: 'the answer has no IstioOperator; the task asks for one.' };
      const raw = at(iop.value.spec, path);
      const got = raw === undefined ? fallback : raw;
      const pass = got !== undefined && sameValue(got, want);
      return { pass, saw: `spec.${path} is ${got === undefined ? 'not set' : String(got)}${raw === undefined && fallback !== undefined ? ' (the default)' : ''}${pass ? '' : `; the task asks for ${String(want)}`}.` };
    },
  };
}

/** The enabled flag of a named gateway component (`components.ingressGateways[name=...]`). */
export function gatewayComponentProbe(id: string, requirement: string, kind: 'ingressGateways' | 'egressGateways', name: string, enabled: boolean): Probe {
  return {
    id,
    requirement,
    run(w) {
      const iop = w.ofKind('IstioOperator')[0];
      if (!iop) return { pass: false, saw: 'the answer has no IstioOperator; the task asks for one.' };
      const gws = list(at(iop.value.spec, `components.${kind}`)).map(dict);
      const gw = gws.find((g) => g.name === name);
      const on = gw ? gw.enabled === true : false;
      return { pass: on === enabled, saw: `${name} is ${gw ? (on ? 'enabled' : 'not enabled') : 'not listed'}${on === enabled ? '' : `; the task asks for it to be ${enabled ? 'enabled' : 'disabled'}`}.` };
    },
  };
}

/** Labels of a Namespace object: each wanted label has the value given, or is absent when the value is null. */
export function namespaceLabelProbe(id: string, requirement: string, namespace: string, want: Record<string, string | null>): Probe {
  return {
    id,
    requirement,
    run(w) {
      const obj = w.ofKind('Namespace').find((o) => o.name === namespace);
      if (!obj) return { pass: false, saw: `there is no Namespace ${namespace}; the task asks for one.` };
      const labels = dict(dict(obj.value.metadata).labels);
      const wrong = Object.entries(want).filter(([k, v]) => (v === null ? k in labels : str(labels[k]) !== v));
      const shown = Object.entries(labels).map(([k, v]) => `${k}=${String(v)}`).join(', ') || 'no labels';
      if (!wrong.length) return { pass: true, saw: `namespace ${namespace} has ${shown}.` };
      return { pass: false, saw: `namespace ${namespace} has ${shown}; the task asks for ${wrong.map(([k, v]) => (v === null ? `no ${k} label` : `${k}=${v}`)).join(', ')}.` };
    },
  };
}
