/**
 * istiod's checks of a DestinationRule (istio/istio pkg/config/validation/validation.go
 * ValidateDestinationRule, validateTrafficPolicy and agent.ValidateTLS at 1.26.8): host, subset names and
 * labels, traffic policy (outlier detection, connection pool, load balancer, TLS, port-level settings).
 */
import type { PathSegment } from '../../../yaml/field-path';
import { checkDuration, fqdnError, isDns1123Label, isIP, labelErrors, portError, wildcardDomainError } from './common';
import { isObj, list, newReport, obj, str, type Obj, type Report } from './report';
import { checkWorkloadSelector } from './security';

const nonNegative = (r: Report, o: Obj, field: string, at: PathSegment[], message: string) => {
  if (typeof o[field] === 'number' && o[field] < 0) r.deny([...at, field], message);
};
const duration = (r: Report, o: Obj, field: string, at: PathSegment[]) => {
  if (typeof o[field] !== 'string') return;
  const e = checkDuration(o[field]);
  if (e) r.deny([...at, field], e);
};

function isPrime(x: number): boolean {
  if (x !== 0 && x < 4) return true;
  if (x % 2 === 0) return false;
  for (let f = 3; f <= Math.sqrt(x); f += 2) if (x % f === 0) return false;
  return true;
}

function checkOutlier(r: Report, o: unknown, at: PathSegment[]): void {
  if (!isObj(o)) return;
  duration(r, o, 'baseEjectionTime', at);
  duration(r, o, 'interval', at);
  if (typeof o.consecutiveErrors === 'number' && o.consecutiveErrors !== 0) {
    r.warn([...at, 'consecutiveErrors'], 'outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead');
  }
  if (o.splitExternalLocalOriginErrors !== true && Number(o.consecutiveLocalOriginFailures ?? 0) > 0) {
    r.deny([...at, 'consecutiveLocalOriginFailures'], 'outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false');
  }
  for (const f of ['maxEjectionPercent', 'minHealthPercent']) {
    const v = o[f];
    if (typeof v === 'number' && (v < 0 || v > 100)) r.deny([...at, f], `percentage ${v} is not in range 0..100`);
  }
}

function checkConnectionPool(r: Report, c: unknown, at: PathSegment[]): void {
  if (!isObj(c)) return;
  if (!isObj(c.http) && !isObj(c.tcp)) return r.deny(at, 'connection pool must have at least one field');
  if (isObj(c.http)) {
    const h = c.http;
    const hat = [...at, 'http'];
    nonNegative(r, h, 'http1MaxPendingRequests', hat, 'http1 max pending requests must be non-negative');
    nonNegative(r, h, 'http2MaxRequests', hat, 'http2 max requests must be non-negative');
    nonNegative(r, h, 'maxRequestsPerConnection', hat, 'max requests per connection must be non-negative');
    nonNegative(r, h, 'maxRetries', hat, 'max retries must be non-negative');
    duration(r, h, 'idleTimeout', hat);
    if (h.h2UpgradePolicy === 'UPGRADE' && h.useClientProtocol === true) r.deny([...hat, 'useClientProtocol'], 'use client protocol must not be true when H2UpgradePolicy is UPGRADE');
    nonNegative(r, h, 'maxConcurrentStreams', hat, 'max concurrent streams must be non-negative');
  }
  if (isObj(c.tcp)) {
    const t = c.tcp;
    const tat = [...at, 'tcp'];
    nonNegative(r, t, 'maxConnections', tat, 'max connections must be non-negative');
    duration(r, t, 'connectTimeout', tat);
    duration(r, t, 'maxConnectionDuration', tat);
    if (typeof t.idleTimeout === 'string' && !/^0+(\.0*)?[a-z]*$/.test(t.idleTimeout)) duration(r, t, 'idleTimeout', tat);
    if (isObj(t.tcpKeepalive)) {
      duration(r, t.tcpKeepalive, 'time', [...tat, 'tcpKeepalive']);
      duration(r, t.tcpKeepalive, 'interval', [...tat, 'tcpKeepalive']);
    }
  }
}

function checkLoadBalancer(r: Report, lb: unknown, at: PathSegment[]): void {
  if (!isObj(lb)) return;
  if (isObj(lb.consistentHash)) {
    const ch = lb.consistentHash;
    const cat = [...at, 'consistentHash'];
    if (isObj(ch.httpCookie) && !str(ch.httpCookie.name)) r.deny([...cat, 'httpCookie'], 'name required for HttpCookie');
    if (Number(ch.minimumRingSize ?? 0) !== 0) {
      r.warn([...cat, 'minimumRingSize'], "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead");
      if (isObj(ch.ringHash) || isObj(ch.maglev)) r.deny(cat, 'only one of MinimumRingSize or Maglev/Ringhash can be specified');
    }
    if (isObj(ch.maglev)) {
      const size = Number(ch.maglev.tableSize ?? 0);
      if (size === 0) r.deny([...cat, 'maglev'], 'tableSize must be set for maglev');
      if (size >= 5000011) r.deny([...cat, 'maglev', 'tableSize'], 'tableSize must be less than 5000011 for maglev');
      if (!isPrime(size)) r.deny([...cat, 'maglev', 'tableSize'], 'tableSize must be a prime number for maglev');
    }
  }
  if (isObj(lb.warmup)) {
    const w = lb.warmup;
    if (typeof w.duration !== 'string') r.deny([...at, 'warmup'], 'duration is required');
    else duration(r, w, 'duration', [...at, 'warmup']);
    if (Number(w.minimumPercent ?? 0) > 100) r.deny([...at, 'warmup', 'minimumPercent'], 'minimumPercent value should be less than or equal to 100');
    if (w.aggression !== undefined && Number(w.aggression) < 1) r.deny([...at, 'warmup', 'aggression'], 'aggression should be greater than or equal to 1');
  }
}

/** agent.ValidateTLS: client TLS settings toward the destination. */
function checkClientTls(r: Report, tls: unknown, at: PathSegment[]): void {
  if (!isObj(tls)) return;
  const mode = str(tls.mode) || 'DISABLE';
  const set = (f: string) => str(tls[f]) !== '';
  if (tls.insecureSkipVerify === true) {
    if (mode === 'SIMPLE' && (set('caCertificates') || set('credentialName') || tls.subjectAltNames !== undefined)) {
      r.deny(at, 'cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true');
    }
    if (mode === 'MUTUAL' && (set('caCertificates') || tls.subjectAltNames !== undefined)) r.deny(at, 'cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true');
  }
  if ((mode === 'SIMPLE' || mode === 'MUTUAL') && set('credentialName')) {
    if (set('clientCertificate') || set('caCertificates') || set('privateKey') || set('caCrl')) r.deny(at, 'cannot specify client certificates or CA certificate or CA CRL If credentialName is set');
    return;
  }
  if (mode === 'MUTUAL') {
    if (!set('clientCertificate')) r.deny(at, 'client certificate required for mutual tls');
    if (!set('privateKey')) r.deny(at, 'private key required for mutual tls');
  }
}

function checkTrafficPolicy(r: Report, p: unknown, at: PathSegment[]): void {
  if (!isObj(p)) return;
  const fields = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls', 'portLevelSettings', 'tunnel', 'proxyProtocol'];
  if (!fields.some((f) => p[f] !== undefined && p[f] !== null)) return r.deny(at, 'traffic policy must have at least one field');
  if (isObj(p.tunnel) && isObj(p.proxyProtocol)) return r.deny(at, 'tunnel and proxyProtocol must not be set together');
  checkOutlier(r, p.outlierDetection, [...at, 'outlierDetection']);
  checkConnectionPool(r, p.connectionPool, [...at, 'connectionPool']);
  checkLoadBalancer(r, p.loadBalancer, [...at, 'loadBalancer']);
  checkClientTls(r, p.tls, [...at, 'tls']);
  list(p.portLevelSettings).forEach((raw, i) => {
    const pl = obj(raw);
    const pat: PathSegment[] = [...at, 'portLevelSettings', i];
    if (!isObj(pl.port)) r.deny(pat, 'portTrafficPolicy must have valid port');
    if (!['outlierDetection', 'connectionPool', 'loadBalancer', 'tls'].some((f) => isObj(pl[f]))) return r.deny(pat, 'port traffic policy must have at least one field');
    checkOutlier(r, pl.outlierDetection, [...pat, 'outlierDetection']);
    checkConnectionPool(r, pl.connectionPool, [...pat, 'connectionPool']);
    checkLoadBalancer(r, pl.loadBalancer, [...pat, 'loadBalancer']);
    checkClientTls(r, pl.tls, [...pat, 'tls']);
  });
  if (isObj(p.tunnel)) {
    const t = p.tunnel;
    const tat = [...at, 'tunnel'];
    if (str(t.protocol) && t.protocol !== 'CONNECT' && t.protocol !== 'POST') r.deny([...tat, 'protocol'], 'tunnel protocol must be "CONNECT" or "POST"');
    const fq = fqdnError(str(t.targetHost));
    if (fq && !isIP(str(t.targetHost))) r.deny([...tat, 'targetHost'], `tunnel target host must be valid FQDN or IP address: ${fq}; ${str(t.targetHost)} is not a valid IP`);
    const pe = portError(Number(t.targetPort ?? 0));
    if (pe) r.deny([...tat, 'targetPort'], `tunnel target port is invalid: ${pe}`);
  }
}

export function checkDestinationRule(spec: Obj): Report {
  const r = newReport();
  const hostError = wildcardDomainError(str(spec.host));
  if (hostError) r.deny(['spec', 'host'], hostError);
  checkTrafficPolicy(r, spec.trafficPolicy, ['spec', 'trafficPolicy']);
  const names = new Set<string>();
  list(spec.subsets).forEach((raw, i) => {
    const at: PathSegment[] = ['spec', 'subsets', i];
    if (!isObj(raw)) return r.deny(at, 'subset may not be null');
    const name = str(raw.name);
    if (names.has(name)) r.deny([...at, 'name'], `duplicate subset names: ${name}`);
    names.add(name);
    if (name === '') r.deny([...at, 'name'], 'subset name cannot be empty');
    else if (!isDns1123Label(name)) r.deny([...at, 'name'], `subset name is invalid: ${name}`);
    for (const [k, e] of labelErrors(obj(raw.labels))) r.deny([...at, 'labels', k], e);
    checkTrafficPolicy(r, raw.trafficPolicy, [...at, 'trafficPolicy']);
  });
  checkWorkloadSelector(r, spec.workloadSelector, ['spec', 'workloadSelector']);
  return r;
}
