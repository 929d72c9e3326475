/**
 * The Gateway analyzers (analyzers/gateway/): a Gateway port its ingress Service does not expose (IST0162),
 * a selector that matches no pod (IST0101 "selector"), a missing or unusable `credentialName` Secret
 * (IST0101 "credentialName", IST0161), one certificate on several Gateways (IST0138), and Gateways that
 * claim the same host on the same port for the same workloads (IST0145).
 */
import type { Analyzer } from '../context';
import { fullName } from '../context';
import type { Resource } from '../load';
import { firstLabel, selectorMatches, selectorString, toLabels } from '../labels';
import { arr, num, obj, shortOrFull, str, byteOrder } from './util';

const selectorOf = (gw: Resource) => toLabels(gw.spec.selector);
const selectorField = (selector: string) => `{.spec.selector.${firstLabel(selector)}}`;
const servers = (gw: Resource) => arr(gw.spec.servers).map(obj);

export const ingressGatewayPortAnalyzer: Analyzer = {
  name: 'gateway.IngressGatewayPortAnalyzer',
  inputs: ['Gateway', 'Pod', 'Service'],
  analyze(ctx) {
    for (const gw of ctx.list('Gateway')) {
      const selector = selectorOf(gw);
      const servicePorts = new Set<number>();
      const portToTarget = new Map<number, number>();
      let matches = 0;
      for (const pod of ctx.list('Pod')) {
        if (!selectorMatches(selector, pod.labels)) continue;
        matches++;
        for (const svc of ctx.list('Service')) {
          if (svc.namespace !== pod.namespace || !selectorMatches(toLabels(svc.spec.selector), pod.labels)) continue;
          for (const p of arr(svc.spec.ports).map(obj)) {
            if (p.protocol !== 'TCP') continue; // Only ports that say TCP count (no defaulting from files).
            const target = typeof p.targetPort === 'number' ? p.targetPort : /^\d+$/.test(str(p.targetPort)) ? Number(p.targetPort) : 0;
            if (target !== 0) {
              servicePorts.add(target);
              if (!portToTarget.has(num(p.port))) portToTarget.set(num(p.port), target);
            } else servicePorts.add(num(p.port));
          }
        }
      }
      const sel = selectorString(selector);
      if (matches === 0) {
        ctx.report('IST0101', gw, ['selector', sel], selectorField(sel));
        continue;
      }
      for (const server of servers(gw)) {
        if (server.port === undefined || server.port === null) continue;
        const port = num(obj(server.port).number);
        if (!servicePorts.has(port) && !portToTarget.has(port)) ctx.report('IST0162', gw, [port, sel], selectorField(sel));
      }
    }
  },
};

function sameCertificate(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ca = str(a.credentialName);
  const cb = str(b.credentialName);
  if (ca !== '' && cb !== '') return ca === cb;
  if (ca === '' && cb === '') {
    const sa = str(a.serverCertificate);
    const sb = str(b.serverCertificate);
    if (sa !== '' && sb !== '' && sa === sb) {
      const ka = str(a.privateKey);
      const kb = str(b.privateKey);
      return ka !== '' && kb !== '' && ka === kb;
    }
  }
  return false;
}

/** Every selector key of x present in y with the same value. */
function selectorSubset(x: ReadonlyMap<string, string>, y: ReadonlyMap<string, string>): boolean {
  for (const [k, v] of x) if (y.get(k) !== v) return false;
  return true;
}

export const certificateAnalyzer: Analyzer = {
  name: 'gateway.CertificateAnalyzer',
  inputs: ['Gateway'],
  analyze(ctx) {
    for (const gw of ctx.list('Gateway')) {
      const selector = selectorOf(gw);
      for (const other of ctx.list('Gateway')) {
        if (other === gw) continue;
        if (selector.size > 0 && !selectorSubset(selector, selectorOf(other))) continue;
        for (const a of servers(gw)) {
          for (const b of servers(other)) {
            if (a.tls === undefined || a.tls === null || b.tls === undefined || b.tls === null) continue;
            if (sameCertificate(obj(a.tls), obj(b.tls))) ctx.report('IST0138', gw, [[fullName(gw), fullName(other)]], '{.metadata.name}');
          }
        }
      }
    }
  },
};

/** Decodes base64 Secret data; undefined when it is not valid base64. */
function base64Bytes(value: string): Uint8Array | undefined {
  const clean = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined;
  try {
    return Uint8Array.from(atob(clean), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * A Secret a Gateway can serve (ExtractCertInfo + ValidateCertificate): `cert`/`key` or `tls.crt`/`tls.key`,
 * non-empty, with at least one PEM CERTIFICATE block whose body is DER (an ASN.1 SEQUENCE). This checks the
 * structure, not every X.509 field Go's parser checks.
 */
function usableSecret(secret: Resource): boolean {
  const data = obj(secret.object.data);
  const pair = ['cert', 'key'].every((k) => str(data[k]) !== '') ? 'cert' : ['tls.crt', 'tls.key'].every((k) => str(data[k]) !== '') ? 'tls.crt' : undefined;
  if (!pair) return false;
  const cert = base64Bytes(str(data[pair]));
  if (!cert) return false;
  const pem = new TextDecoder().decode(cert);
  const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  if (blocks.length === 0) return false;
  return blocks.every((b) => {
    const der = base64Bytes(b[1]!);
    return der !== undefined && der.length > 2 && der[0] === 0x30;
  });
}

export const secretAnalyzer: Analyzer = {
  name: 'gateway.SecretAnalyzer',
  inputs: ['Gateway', 'Pod', 'Secret'],
  analyze(ctx) {
    for (const gw of ctx.list('Gateway')) {
      const selector = selectorOf(gw);
      const pod = ctx.list('Pod').find((p) => selectorMatches(selector, p.labels));
      if (!pod || pod.namespace === '') {
        const sel = selectorString(selector);
        ctx.report('IST0101', gw, ['selector', sel], selectorField(sel));
        continue;
      }
      servers(gw).forEach((server, i) => {
        if (server.tls === undefined || server.tls === null) return;
        const cn = str(obj(server.tls).credentialName);
        if (cn === '') return;
        const ref = shortOrFull(pod.namespace, cn);
        const secret = ctx.find('Secret', ref.namespace, ref.name);
        const field = `{.spec.servers[${i}].tls.credentialName}`;
        if (!secret) ctx.report('IST0101', gw, ['credentialName', cn], field);
        else if (!usableSecret(secret)) ctx.report('IST0161', gw, [gw.name, pod.namespace], field);
      });
    }
  },
};

export const conflictingGatewayAnalyzer: Analyzer = {
  name: 'gateway.ConflictingGatewayAnalyzer',
  inputs: ['Gateway', 'Pod'],
  analyze(ctx) {
    // "selector~port" → gateway full name → host → bind
    const known = new Map<string, Map<string, Map<string, string>>>();
    for (const gw of ctx.list('Gateway')) {
      const sel = selectorString(selectorOf(gw));
      for (const server of servers(gw)) {
        const key = `${sel}~${num(obj(server.port).number)}`;
        const byGateway = known.get(key) ?? new Map<string, Map<string, string>>();
        byGateway.set(fullName(gw), new Map(arr(server.hosts).map((h) => [str(h), str(server.bind)])));
        known.set(key, byGateway);
      }
    }
    for (const gw of ctx.list('Gateway')) {
      const selector = selectorOf(gw);
      const sel = selectorString(selector);
      const hits = new Map<string, Map<string, Map<string, string>>>();
      for (const [key, value] of known) {
        const other = key.slice(0, key.lastIndexOf('~'));
        let matched = other === sel;
        if (!matched && (other.includes(sel) || sel.includes(other))) {
          const otherSelector = new Map(other.split(',').flatMap((kv) => {
            const parts = kv.split('=');
            return parts.length === 2 ? [[parts[0]!, parts[1]!] as [string, string]] : [];
          }));
          matched = ctx.list('Pod').some((p) => selectorMatches(selector, p.labels) && selectorMatches(otherSelector, p.labels));
        }
        if (matched) hits.set(key, value);
      }
      if (sel !== '' && hits.size === 0) {
        ctx.report('IST0101', gw, ['selector', sel], selectorField(sel));
        continue;
      }
      for (const server of servers(gw)) {
        const port = String(num(obj(server.port).number));
        const hosts = arr(server.hosts).map(str);
        const bind = str(server.bind);
        const conflicts: string[] = [];
        for (const [key, byGateway] of hits) {
          if (key.slice(key.lastIndexOf('~') + 1) !== port) continue;
          for (const [name, hostBinds] of byGateway) {
            if (name === fullName(gw)) continue;
            const duplicates = hosts.filter((h) => hostBinds.has(h) && hostBinds.get(h) === bind);
            // Istio's duplicate check records the hosts when there is no clash, so later servers see them.
            if (duplicates.length === 0) for (const h of hosts) hostBinds.set(h, bind);
            else conflicts.push(name);
          }
        }
        if (conflicts.length > 0) ctx.report('IST0145', gw, [conflicts.sort(byteOrder).join(','), sel, port, hosts.join(',')]);
      }
    }
  },
};
