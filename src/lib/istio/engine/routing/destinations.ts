/**
 * DestinationRules as routing uses them: which rules apply to a host, the subset a route names, the traffic
 * policy in effect (subset over top level, part by part) and whether a destination fails (503 NC or UH).
 */
import { hostCovers } from '../hosts';
import { POLICY_PARTS, type RouteDestination } from './types';

/** One subset of a DestinationRule, with the rule it comes from. */
export interface SubsetDef {
  name: string;
  labels: Record<string, string>;
  dr: { name: string; namespace: string };
  trafficPolicy: Record<string, unknown> | undefined;
}

/** One DestinationRule, its host fully qualified. */
export interface DrIndex {
  host: string;
  name: string;
  namespace: string;
  trafficPolicy: Record<string, unknown> | undefined;
  subsets: SubsetDef[];
}

/** Subset policy over top-level policy, part by part, each part replaced whole (MergeTrafficPolicy). */
export function mergeTrafficPolicy(top: Record<string, unknown> | undefined, subset: Record<string, unknown> | undefined): { effective: Record<string, unknown>; fromSubset: string[]; fromTopLevel: string[] } {
  const effective: Record<string, unknown> = {};
  const fromSubset: string[] = [];
  const fromTopLevel: string[] = [];
  for (const part of POLICY_PARTS) {
    if (subset && subset[part] !== undefined && subset[part] !== null) {
      effective[part] = subset[part];
      fromSubset.push(part);
    } else if (top && top[part] !== undefined && top[part] !== null) {
      effective[part] = top[part];
      fromTopLevel.push(part);
    }
  }
  return { effective, fromSubset, fromTopLevel };
}

/** The DestinationRules for a host: those naming it exactly, else those whose wildcard host covers it. */
function drsFor(drs: DrIndex[], host: string): DrIndex[] {
  const exact = drs.filter((d) => d.host === host);
  return exact.length > 0 ? exact : drs.filter((d) => hostCovers(d.host, host));
}

function findSubset(drs: DrIndex[], host: string, subset: string): { def: SubsetDef; dr: DrIndex } | undefined {
  for (const d of drsFor(drs, host)) {
    const s = d.subsets.find((x) => x.name === subset);
    if (s) return { def: s, dr: d };
  }
  return undefined;
}

/**
 * Completes a route destination from the DestinationRules and the endpoints: the subset's DestinationRule and
 * labels, the traffic policy in effect, and its status (NC when no DestinationRule defines the subset, UH when
 * it has no healthy endpoint) with the reason.
 */
export function resolveDestination(out: RouteDestination, drs: DrIndex[], noEndpoints: Set<string>): RouteDestination {
  const { host, fqdn: full, subset, share } = out;
  const label = `${host}${subset ? ` subset ${subset}` : ''}`;
  if (subset !== undefined) {
    const found = findSubset(drs, full, subset);
    if (!found) {
      out.status = 'NC';
      out.reason = `No DestinationRule for ${full} defines subset ${subset}: the cluster does not exist, 503 NC.`;
      return out;
    }
    out.subsetDefinedBy = { name: found.def.dr.name, namespace: found.def.dr.namespace, labels: found.def.labels };
    const merged = mergeTrafficPolicy(found.dr.trafficPolicy, found.def.trafficPolicy);
    if (merged.fromSubset.length + merged.fromTopLevel.length > 0) out.trafficPolicy = { destinationRule: { name: found.dr.name, namespace: found.dr.namespace }, ...merged };
  } else {
    const dr = drsFor(drs, full).find((x) => x.trafficPolicy);
    if (dr) {
      const merged = mergeTrafficPolicy(dr.trafficPolicy, undefined);
      if (merged.fromTopLevel.length > 0) out.trafficPolicy = { destinationRule: { name: dr.name, namespace: dr.namespace }, ...merged };
    }
  }
  const keys = [host.toLowerCase(), full, ...(subset ? [`${host.toLowerCase()}/${subset}`, `${full}/${subset}`] : [])];
  const gone = subset ? keys.slice(2).some((k) => noEndpoints.has(k)) || keys.slice(0, 2).some((k) => noEndpoints.has(k)) : keys.some((k) => noEndpoints.has(k));
  if (gone) {
    out.status = 'UH';
    out.reason = `${label} has no healthy endpoint: 503 UH.`;
    return out;
  }
  out.reason =
    share === 0 ? `${label} has weight 0: it gets no requests.` : `${label} gets ${(share * 100).toFixed(share * 100 === Math.round(share * 100) ? 0 : 1)}% of the requests.`;
  return out;
}
