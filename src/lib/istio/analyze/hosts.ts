/**
 * Host names as the analyzers compare them (pkg/config/host, analyzers/util/hosts.go and service_lookup.go).
 */
import type { Resource } from './load';

/** host.Name.Matches: equal, or one wildcard covers the other. */
export function hostMatches(n: string, o: string): boolean {
  const nw = n.startsWith('*');
  const ow = o.startsWith('*');
  if (nw) {
    if (ow) return n.length < o.length ? o.slice(1).endsWith(n.slice(1)) : n.slice(1).endsWith(o.slice(1));
    return o.endsWith(n.slice(1));
  }
  if (ow) return n.endsWith(o.slice(1));
  return n === o;
}

/** A short name becomes `<name>.<namespace>.svc.cluster.local`; names with a dot or a wildcard stay. */
export function toFqdn(namespace: string, host: string): string {
  return !host.startsWith('*') && !host.includes('.') ? `${host}.${namespace}.svc.cluster.local` : host;
}

const fqdnPattern = /^(.+)\.(.+)\.svc\.cluster\.local$/;

/** namespace/name of a Kubernetes service host, or undefined for other hosts. */
export function serviceOfFqdn(fqdn: string): { namespace: string; name: string } | undefined {
  const m = fqdnPattern.exec(fqdn);
  return m ? { namespace: m[2]!, name: m[1]! } : undefined;
}

/** The key the analyzers use for a host: its namespace when it names a service, else the host itself. */
export function resourceNameOfHost(defaultNamespace: string, host: string): string {
  const s = serviceOfFqdn(host);
  return s ? `${s.namespace}/${s.name}` : `${defaultNamespace}/${host}`;
}

export interface HostEntry {
  ports: readonly { number: number; name: string; protocol: string }[];
}

/** Visible hosts keyed `scope/fqdn` (scope `*`, or a namespace), from ServiceEntries and Services. */
export type HostMap = Map<string, HostEntry>;

const scoped = (scope: string, namespace: string, host: string) => `${scope}/${toFqdn(namespace, host)}`;

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function buildHostMap(serviceEntries: readonly Resource[], services: readonly Resource[]): HostMap {
  const out: HostMap = new Map();
  for (const r of serviceEntries) {
    const exportTo = asArray(r.spec.exportTo).map(String);
    const entry: HostEntry = {
      ports: asArray(r.spec.ports).map((p) => {
        const o = (p ?? {}) as Record<string, unknown>;
        return { number: Number(o.number ?? 0), name: String(o.name ?? ''), protocol: String(o.protocol ?? '') };
      }),
    };
    let all = false;
    for (const h of asArray(r.spec.hosts).map(String)) {
      if (exportTo.length === 0 || all) {
        out.set(scoped('*', r.namespace, h), entry);
        continue;
      }
      for (const ns of exportTo) {
        if (ns === '*') {
          out.set(scoped('*', r.namespace, h), entry);
          all = true;
        } else if (ns === '.') out.set(scoped(r.namespace, r.namespace, h), entry);
        else out.set(scoped(ns, r.namespace, h), entry);
        if (all) break;
      }
    }
  }
  for (const r of services) {
    const entry: HostEntry = {
      ports: asArray(r.spec.ports).map((p) => {
        const o = (p ?? {}) as Record<string, unknown>;
        return { number: Number(o.port ?? 0), name: String(o.name ?? ''), protocol: String(o.protocol ?? '') };
      }),
    };
    const anno = r.annotations.get('networking.istio.io/exportTo') ?? '';
    const scopes = anno === '' ? ['*'] : anno.split(',').map((s) => (s.trim() === '.' ? r.namespace : s.trim()));
    for (const scope of scopes) out.set(scoped(scope, r.namespace, r.name), entry);
  }
  return out;
}

/** util.GetDestinationHost: the ServiceEntry or Service a route destination resolves to, if any. */
export function findDestinationHost(sourceNamespace: string, exportTo: readonly string[], host: string, hosts: HostMap): HostEntry | undefined {
  const all = hosts.get(scoped('*', sourceNamespace, host));
  if (all) return all;
  if (exportTo.length === 0) {
    const local = hosts.get(scoped(sourceNamespace, sourceNamespace, host));
    if (local) return local;
  } else {
    for (const e of exportTo) {
      const found = hosts.get(scoped(e === '.' ? sourceNamespace : e, sourceNamespace, host));
      if (found) return found;
    }
  }
  for (const [key, entry] of hosts) {
    const slash = key.indexOf('/');
    const scope = key.slice(0, slash);
    const seHost = key.slice(slash + 1);
    if (!seHost.startsWith('*')) continue;
    if (scope !== '*' && scope !== sourceNamespace) continue;
    const bare = host.startsWith('*') ? host.slice(1) : host;
    if (bare.endsWith(seHost.slice(1))) return entry;
  }
  return undefined;
}
