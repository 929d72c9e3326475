/**
 * The VirtualService analyzers (analyzers/virtualservice/): hosts shared by mesh-bound VirtualServices
 * (IST0109), destinations whose host, port or subset does not exist (IST0101 "host", "host:port",
 * "mirror host", "host+subset in destinationrule", "mirror+subset in destinationrule"), a destination with
 * several ports and no port (IST0112), gateway routes without subsets next to subset routes (IST0140),
 * missing or internal gateways (IST0101 "gateway", IST0165), hosts the gateway does not serve (IST0132) and
 * JWT claim routing without a RequestAuthentication for the gateway's pods (IST0149).
 */
import type { Analyzer } from '../context';
import { fullName } from '../context';
import { buildHostMap, findDestinationHost, hostMatches, resourceNameOfHost, toFqdn, type HostEntry } from '../hosts';
import type { Resource } from '../load';
import { selectorMatches, toLabels } from '../labels';
import { arr, isObj, num, obj, shortOrFull, str } from './util';

interface Destination {
  /** `tcp`, `tls`, `http`, `http.mirror` or `http.mirrors`. */
  rule: string;
  ruleIndex: number;
  index: number;
  destination: Record<string, unknown>;
}

function routeDestinations(vs: Resource): Destination[] {
  const out: Destination[] = [];
  for (const rule of ['tcp', 'tls', 'http']) {
    arr(vs.spec[rule]).forEach((r, i) => {
      arr(obj(r).route).forEach((rd, j) => out.push({ rule, ruleIndex: i, index: j, destination: obj(obj(rd).destination) }));
    });
  }
  return out;
}

function mirrorDestinations(vs: Resource): Destination[] {
  const out: Destination[] = [];
  arr(vs.spec.http).forEach((r, i) => {
    const http = obj(r);
    if (isObj(http.mirror)) out.push({ rule: 'http.mirror', ruleIndex: i, index: 0, destination: http.mirror });
    arr(http.mirrors).forEach((m, j) => out.push({ rule: 'http.mirrors', ruleIndex: i, index: j, destination: obj(obj(m).destination) }));
  });
  return out;
}

function hostField(d: Destination): string {
  if (d.rule === 'http.mirror') return `{.spec.http[${d.ruleIndex}].mirror.host}`;
  if (d.rule === 'http.mirrors') return `{.spec.http[${d.ruleIndex}].mirrors[${d.index}].host}`;
  return `{.spec.${d.rule}[${d.ruleIndex}].route[${d.index}].destination.host}`;
}

const gatewaysOf = (vs: Resource) => arr(vs.spec.gateways).map(str);
const hostsOf = (vs: Resource) => arr(vs.spec.hosts).map(str);
const exportToOf = (r: Resource) => arr(r.spec.exportTo).map(str);

export const conflictingMeshGatewayHostsAnalyzer: Analyzer = {
  name: 'virtualservice.ConflictingMeshGatewayHostsAnalyzer',
  inputs: ['VirtualService'],
  analyze(ctx) {
    // "scope/fqdn" → VirtualServices bound to the mesh gateway that claim it.
    const claims = new Map<string, Resource[]>();
    for (const vs of ctx.list('VirtualService')) {
      const gateways = gatewaysOf(vs);
      if (gateways.length > 0 && !gateways.includes('mesh')) continue;
      const exportTo = exportToOf(vs);
      const scopes = exportTo.length === 0 || exportTo.includes('*') ? ['*'] : [...new Set(exportTo.map((e) => (e === '.' ? vs.namespace : e)))];
      for (const scope of scopes) {
        for (const h of hostsOf(vs)) {
          const key = `${scope}/${toFqdn(vs.namespace, h)}`;
          claims.set(key, [...(claims.get(key) ?? []), vs]);
        }
      }
    }
    const reported = new Set<Resource>();
    for (const [key, own] of claims) {
      const slash = key.indexOf('/');
      const scope = key.slice(0, slash);
      const host = key.slice(slash + 1);
      const list = [...own];
      if (scope !== '*') {
        for (const [otherKey, others] of claims) {
          const os = otherKey.indexOf('/');
          if (otherKey.slice(0, os) === '*' && hostMatches(host, otherKey.slice(os + 1))) list.push(...others);
        }
      }
      if (list.length < 2) continue;
      const names = list.map((r) => fullName(r)).sort().join(',');
      for (const vs of list) {
        if (reported.has(vs)) continue;
        reported.add(vs);
        ctx.report('IST0109', vs, [names, key], '{.metadata.name}');
      }
    }
  },
};

function checkPorts(ctx: Parameters<Analyzer['analyze']>[0], vs: Resource, d: Destination, entry: HostEntry): void {
  const host = str(d.destination.host);
  if (!isObj(d.destination.port)) {
    if (entry.ports.length > 1) ctx.report('IST0112', vs, [host, entry.ports.map((p) => p.number)], hostField(d));
    return;
  }
  const port = num(d.destination.port.number);
  if (!entry.ports.some((p) => p.number === port)) ctx.report('IST0101', vs, ['host:port', `${host}:${port}`], hostField(d));
}

export const destinationHostAnalyzer: Analyzer = {
  name: 'virtualservice.DestinationHostAnalyzer',
  inputs: ['ServiceEntry', 'VirtualService', 'Service'],
  analyze(ctx) {
    const hosts = buildHostMap(ctx.list('ServiceEntry'), ctx.list('Service'));
    // VirtualService → its subset destinations that route to one of its own hosts.
    const subsetRoutes = new Map<Resource, Record<string, unknown>[]>();
    for (const vs of ctx.list('VirtualService')) {
      for (const http of arr(vs.spec.http)) {
        for (const rd of arr(obj(http).route)) {
          const dest = obj(obj(rd).destination);
          if (str(dest.subset) === '') continue;
          for (const h of hostsOf(vs)) if (str(dest.host) === h) subsetRoutes.set(vs, [...(subsetRoutes.get(vs) ?? []), dest]);
        }
      }
    }
    for (const vs of ctx.list('VirtualService')) {
      for (const d of routeDestinations(vs)) {
        const host = str(d.destination.host);
        const entry = findDestinationHost(vs.namespace, exportToOf(vs), host, hosts);
        if (!entry) ctx.report('IST0101', vs, ['host', host], hostField(d));
        else checkPorts(ctx, vs, d, entry);
      }
      for (const d of mirrorDestinations(vs)) {
        const host = str(d.destination.host);
        const entry = findDestinationHost(vs.namespace, exportToOf(vs), host, hosts);
        if (!entry) ctx.report('IST0101', vs, ['mirror host', host], hostField(d));
        else checkPorts(ctx, vs, d, entry);
      }
      if (gatewaysOf(vs).length === 0) continue;
      arr(vs.spec.http).forEach((http, i) => {
        arr(obj(http).route).forEach((rd, j) => {
          const dest = obj(obj(rd).destination);
          if (str(dest.subset) !== '') return;
          for (const [other, dests] of subsetRoutes) {
            for (const sd of dests) {
              if (str(sd.host) !== str(dest.host)) continue;
              // Istio builds this field key from the route's name, so it rarely finds a line.
              ctx.report('IST0140', vs, [fullName(other), fullName(vs)], `{.spec.${str(obj(http).name)}[${i}].route[${j}].destination.host}`);
            }
          }
        });
      });
    }
  },
};

export const destinationRuleAnalyzer: Analyzer = {
  name: 'virtualservice.DestinationRuleAnalyzer',
  inputs: ['VirtualService', 'DestinationRule'],
  analyze(ctx) {
    const subsets = new Set<string>();
    for (const dr of ctx.list('DestinationRule')) {
      for (const s of arr(dr.spec.subsets)) subsets.add(`${resourceNameOfHost(dr.namespace, str(dr.spec.host))}+${str(obj(s).name)}`);
    }
    const missing = (vs: Resource, d: Destination) => {
      const subset = str(d.destination.subset);
      return subset !== '' && !subsets.has(`${resourceNameOfHost(vs.namespace, str(d.destination.host))}+${subset}`);
    };
    for (const vs of ctx.list('VirtualService')) {
      for (const d of routeDestinations(vs)) {
        if (missing(vs, d)) ctx.report('IST0101', vs, ['host+subset in destinationrule', `${str(d.destination.host)}+${str(d.destination.subset)}`], hostField(d));
      }
      for (const d of mirrorDestinations(vs)) {
        if (missing(vs, d)) ctx.report('IST0101', vs, ['mirror+subset in destinationrule', `${str(d.destination.host)}+${str(d.destination.subset)}`], hostField(d));
      }
    }
  },
};

/** Gateway server hosts a VirtualService in `vsNamespace` can bind to (host.NamesForNamespace after Istio's clean-up). */
function gatewayHostsFor(gw: Resource, vsNamespace: string): string[] {
  const out: string[] = [];
  for (const server of arr(gw.spec.servers)) {
    const hosts = arr(obj(server).hosts).map(str);
    const cleaned: string[] = [];
    for (const h of hosts) {
      const slash = h.indexOf('/');
      if (slash < 0) cleaned.push(h);
      else if (h.slice(0, slash) === '.') cleaned.push(`${gw.namespace}/${h.slice(slash + 1)}`);
      else if (h.slice(0, slash) === '*') {
        if (h.slice(slash + 1) === '*') {
          cleaned.length = 0;
          cleaned.push('*');
          break;
        }
        cleaned.push(h.slice(slash + 1));
      } else cleaned.push(h);
    }
    for (const h of cleaned) {
      const slash = h.indexOf('/');
      if (slash < 0) out.push(h);
      else if (h.slice(0, slash) === vsNamespace || h.slice(0, slash) === '*') out.push(h.slice(slash + 1));
    }
  }
  return out;
}

export const gatewayAnalyzer: Analyzer = {
  name: 'virtualservice.GatewayAnalyzer',
  inputs: ['Gateway', 'VirtualService'],
  analyze(ctx) {
    for (const vs of ctx.list('VirtualService')) {
      gatewaysOf(vs).forEach((gwName, i) => {
        if (gwName === 'mesh') return;
        const field = `{.spec.gateways[${i}]}`;
        const bare = gwName.includes('/') ? gwName.slice(gwName.indexOf('/') + 1) : gwName;
        if (bare.includes('-istio-autogenerated-k8s-gateway-')) {
          ctx.report('IST0165', vs, [fullName(vs), gwName], field);
          return;
        }
        const ref = shortOrFull(vs.namespace, gwName);
        const gw = ctx.find('Gateway', ref.namespace, ref.name);
        if (!gw) ctx.report('IST0101', vs, ['gateway', gwName], field);
        const gwHosts = gw ? gatewayHostsFor(gw, vs.namespace) : [];
        if (!gwHosts.some((gh) => hostsOf(vs).some((h) => hostMatches(gh, h)))) {
          ctx.report('IST0132', vs, [hostsOf(vs), fullName(vs), fullName(ref)], field);
        }
      });
    }
  },
};

/** A header name that routes on a JWT claim (`@request.auth.claims.x` or `@request.auth.claims[x]`), per pkg/jwt/routing.go. */
function isClaimHeader(header: string): boolean {
  const prefix = '@request.auth.claims';
  if (!header.toLowerCase().startsWith(prefix)) return false;
  const rest = header.slice(prefix.length);
  return (rest.startsWith('.') && rest.length > 1) || (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2);
}

function claimRouteKey(vs: Resource): string {
  for (const http of arr(vs.spec.http)) {
    for (const m of arr(obj(http).match)) {
      for (const key of [...Object.keys(obj(obj(m).headers)), ...Object.keys(obj(obj(m).withoutHeaders))]) if (isClaimHeader(key)) return key;
    }
  }
  return '';
}

export const jwtClaimRouteAnalyzer: Analyzer = {
  name: 'virtualservice.JWTClaimRouteAnalyzer',
  inputs: ['VirtualService', 'RequestAuthentication', 'Gateway', 'Pod'],
  analyze(ctx) {
    const requestAuthn = new Map<string, ReadonlyMap<string, string>[]>();
    for (const ra of ctx.list('RequestAuthentication')) {
      requestAuthn.set(ra.namespace, [...(requestAuthn.get(ra.namespace) ?? []), toLabels(obj(ra.spec.selector).matchLabels)]);
    }
    for (const vs of ctx.list('VirtualService')) {
      const key = claimRouteKey(vs);
      if (key === '') continue;
      for (const gwName of gatewaysOf(vs)) {
        if (gwName === 'mesh') continue;
        const ref = shortOrFull(vs.namespace, gwName);
        const gw = ctx.find('Gateway', ref.namespace, ref.name);
        if (!gw) continue;
        const selector = toLabels(gw.spec.selector);
        for (const pod of ctx.list('Pod')) {
          if (!selectorMatches(selector, pod.labels)) continue;
          const selectors = [...(requestAuthn.get('istio-system') ?? []), ...(requestAuthn.get(pod.namespace) ?? [])];
          if (!selectors.some((s) => selectorMatches(s, pod.labels))) ctx.report('IST0149', vs, [key, fullName(ref), pod.name]);
        }
      }
    }
  },
};
