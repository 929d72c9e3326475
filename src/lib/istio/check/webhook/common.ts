/**
 * Checks istiod's webhook shares across kinds (istio/istio pkg/config/validation/agent/validation.go,
 * pkg/config/labels/instance.go and validation.go at 1.26.8): hosts, durations, header names, ports,
 * RE2 regexes.
 */
import { compileRe2 } from '../../engine/regex';
import { isIPv4, isIPv6 } from '../schema-check';

const dns1123Label = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const wildcardLabel = /^(\*|(\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;
export const isDns1123Label = (v: string) => v.length <= 63 && dns1123Label.test(v);
const isWildcardLabel = (v: string) => v.length <= 63 && wildcardLabel.test(v);
export const isIP = (v: string) => isIPv4(v) || isIPv6(v);

function preconditions(name: string): string | undefined {
  if (name.length > 255) return `domain name ${JSON.stringify(name)} too long (max 255)`;
  if (name.length === 0) return 'empty domain name not allowed';
  return undefined;
}

function dns1123Labels(domain: string): string | undefined {
  const parts = domain.split('.');
  const top = parts[parts.length - 1]!;
  if (/^[+-]?\d+$/.test(top)) return `domain name ${JSON.stringify(domain)} invalid (top level domain ${JSON.stringify(top)} cannot be all-numeric)`;
  for (const [i, label] of parts.entries()) {
    if (i === parts.length - 1 && label === '') return undefined;
    if (!isDns1123Label(label)) return `domain name ${JSON.stringify(domain)} invalid (label ${JSON.stringify(label)} invalid)`;
  }
  return undefined;
}

/** ValidateFQDN */
export function fqdnError(name: string): string | undefined {
  return preconditions(name) ?? dns1123Labels(name);
}

/** ValidateWildcardDomain: a wildcard only in the first label. */
export function wildcardDomainError(domain: string): string | undefined {
  const pre = preconditions(domain);
  if (pre) return pre;
  const dot = domain.indexOf('.');
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (!isWildcardLabel(first)) return `domain name ${JSON.stringify(domain)} invalid (label ${JSON.stringify(first)} invalid)`;
  return dot < 0 ? undefined : dns1123Labels(domain.slice(dot + 1));
}

/** ValidatePartialWildCard */
export function partialWildcardError(host: string): string | undefined {
  return host.includes('*') && host.length !== 1 && !host.startsWith('*.') ? `partial wildcard ${JSON.stringify(host)} not allowed` : undefined;
}

/** validateSidecarOrGatewayHostnamePart */
function hostnamePartErrors(hostname: string, isGateway: boolean): string[] {
  const out: string[] = [];
  if (hostname !== '*' && !hostname.includes('.')) out.push('short names (non FQDN) are not allowed');
  const e = wildcardDomainError(hostname);
  if (e) {
    if (!isGateway) out.push(e);
    if (!isIP(hostname)) out.push(e);
  }
  const p = partialWildcardError(hostname);
  if (p) out.push(p);
  return out;
}

/** ValidateNamespaceSlashWildcardHostname: `namespace/dnsName` hosts of Gateway servers and Sidecar egress. */
export function namespaceSlashHostErrors(hostname: string, isGateway: boolean): string[] {
  const slash = hostname.indexOf('/');
  if (slash < 0) return isGateway ? hostnamePartErrors(hostname, true) : ['host must be of form namespace/dnsName'];
  const ns = hostname.slice(0, slash);
  const dns = hostname.slice(slash + 1);
  const out: string[] = [];
  if (ns.length === 0 || dns.length === 0) out.push('config namespace and dnsName in host entry cannot be empty');
  const allowed = isGateway ? ['*', '.'] : ['*', '.', '~'];
  if (!allowed.includes(ns) && !isDns1123Label(ns)) out.push(`invalid namespace value ${JSON.stringify(ns)} in ${isGateway ? 'gateway' : 'sidecar'}`);
  out.push(...hostnamePartErrors(dns, isGateway));
  return out;
}

/** A duration as a Go duration string (`1.5s`, `1m`, `250ms`), in milliseconds; undefined when it is not one. */
export function parseDuration(v: string): number | undefined {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, 'µs': 0.001, ns: 0.000001 };
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:h|ms|m|s|us|µs|ns))+$/.exec(v);
  if (!m) return undefined;
  let ms = 0;
  for (const part of v.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(h|ms|m|s|us|µs|ns)/g)) ms += Number(part[1]) * units[part[2]!]!;
  return m[1] === '-' ? -ms : ms;
}

/** agent.ValidateDuration: at least 1ms, in whole milliseconds. */
export function checkDuration(v: string): string | undefined {
  const ms = parseDuration(v);
  if (ms === undefined) return `time: invalid duration ${JSON.stringify(v)}`;
  if (ms < 1) return 'duration must be greater than 1ms';
  if (Math.abs(ms - Math.round(ms)) > 1e-9) return 'only durations to ms precision are supported';
  return undefined;
}

const tchars = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;
const pseudoHeaders = new Set([':method', ':scheme', ':authority', ':path', ':status']);

/** ValidateHTTPHeaderNameOrJwtClaimRoute (match headers) */
export function checkHeaderNameOrClaim(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (name.startsWith('@request.auth.claims.') || name.startsWith('@request.auth.claims[')) return undefined;
  if (pseudoHeaders.has(name)) return undefined;
  return tchars.test(name) ? undefined : `header name ${name} is not a valid header name`;
}

/** ValidateStrictHTTPHeaderName */
export function checkStrictHeaderName(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  return /^[-_A-Za-z0-9]+$/.test(name) ? undefined : `header name ${name} is not a valid header name`;
}

/** ValidateHTTPHeaderOperationName (remove, response headers) */
export function checkHeaderOperationName(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (name.toLowerCase() === 'host') return `invalid header ${JSON.stringify(name)}: cannot set Host header`;
  if (name.startsWith(':')) return `invalid header ${JSON.stringify(name)}: header cannot have ":" prefix`;
  return undefined;
}

/** ValidateHTTPHeaderWithAuthorityOperationName (request set/add) */
export function checkHeaderWithAuthorityName(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (name.startsWith(':') && name.toLowerCase() !== ':authority') return `invalid header ${JSON.stringify(name)}: header cannot have ":" prefix`;
  return undefined;
}

/** validateStringRegexp: at most 1024 characters, RE2 syntax (Go's regexp, as istiod compiles it). */
export function regexError(re: string, where: string): string | undefined {
  if (re.length > 1024) return `${JSON.stringify(where)}: regex is too large, max length allowed is 1024`;
  const compiled = compileRe2(re);
  if (typeof compiled !== 'string') return undefined;
  return `${JSON.stringify(where)}: ${compiled}; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)`;
}

/** validateStringMatch: a prefix must not be empty; a regex must compile. */
export function stringMatchError(sm: unknown, where: string): string | undefined {
  if (typeof sm !== 'object' || sm === null) return undefined;
  const m = sm as Record<string, unknown>;
  if (typeof m.prefix === 'string' && m.prefix === '') return `${JSON.stringify(where)}: prefix string match should not be empty`;
  if (typeof m.regex === 'string') return m.regex === '' ? `${JSON.stringify(where)}: regex string match should not be empty` : regexError(m.regex, where);
  return undefined;
}

/** agent.ValidatePort */
export function portError(port: number): string | undefined {
  return port >= 1 && port <= 65535 ? undefined : `port number ${port} must be in the range 1..65535`;
}

const tagKey = /^([a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)*\/)?((?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$/;
const tagValue = /^((?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** labels.Instance.Validate: subset labels, sourceLabels. */
export function labelErrors(labels: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(labels)) {
    const m = tagKey.exec(k);
    if (!m) out.push([k, `invalid tag key: ${JSON.stringify(k)}`]);
    else if (m[1] && m[1].length - 1 > 253) out.push([k, `invalid tag key: ${JSON.stringify(k)} (DNS prefix is too long)`]);
    else if (m[2]!.length > 63) out.push([k, `invalid tag key: ${JSON.stringify(k)} (name is too long)`]);
    if (!tagValue.test(String(v))) out.push([k, `invalid tag value: ${JSON.stringify(String(v))}`]);
  }
  return out;
}

/** protocol.Parse: the protocols istiod knows (case-insensitive). */
const protocols = ['tcp', 'udp', 'grpc', 'grpc-web', 'http', 'http_proxy', 'http2', 'https', 'tls', 'mongo', 'redis', 'mysql'];
export const knownProtocol = (p: string) => protocols.includes(p.toLowerCase());
export const isTlsProtocol = (p: string) => ['https', 'tls'].includes(p.toLowerCase());
export const isHttpProtocol = (p: string) => ['http', 'http2', 'grpc', 'grpc-web', 'http_proxy'].includes(p.toLowerCase());
