/** Host names as istiod reads them: a short name is relative to the namespace of the resource. */

export const DEFAULT_DOMAIN = 'svc.cluster.local';

/** `reviews` in namespace `bookinfo` → `reviews.bookinfo.svc.cluster.local`; a name with a dot is kept. */
export function fqdn(host: string, namespace: string): string {
  const h = host.trim().toLowerCase();
  if (h === '*' || h.startsWith('*.') || h.includes('.')) return h;
  return `${h}.${namespace}.${DEFAULT_DOMAIN}`;
}

/** Does a (possibly wildcard) host pattern cover a concrete host? Both already lower case. */
export function hostCovers(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return pattern === host;
}

/** The names a client may use for a Kubernetes service host (`reviews`, `reviews.ns`, `reviews.ns.svc`...). */
export function aliasesOf(fullHost: string): string[] {
  const suffix = `.${DEFAULT_DOMAIN}`;
  if (!fullHost.endsWith(suffix)) return [fullHost];
  const base = fullHost.slice(0, -suffix.length);
  const [svc, ns] = base.split('.');
  if (!svc || !ns || base.split('.').length !== 2) return [fullHost];
  return [fullHost, svc, `${svc}.${ns}`, `${svc}.${ns}.svc`];
}

/** Splits `host:port` (also `[v6]:port`). */
export function splitAuthority(authority: string): { host: string; port?: number } {
  const a = authority.trim().toLowerCase();
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(a);
  if (!m) return { host: a };
  const out: { host: string; port?: number } = { host: m[1] ?? a };
  if (m[2] !== undefined) out.port = Number(m[2]);
  return out;
}
