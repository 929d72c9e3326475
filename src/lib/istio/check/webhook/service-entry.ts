/**
 * istiod's checks of a ServiceEntry and a WorkloadEntry (istio/istio pkg/config/validation/validation.go
 * ValidateServiceEntry, validateWorkloadEntry, ValidatePortName, ValidateProtocol at 1.26.8): hosts,
 * addresses, ports, resolution against endpoints.
 */
import type { PathSegment } from '../../../yaml/field-path';
import { fqdnError, isDns1123Label, isHttpProtocol, isIP, isTlsProtocol, knownProtocol, labelErrors, partialWildcardError, portError, wildcardDomainError } from './common';
import { isObj, list, newReport, obj, str, strings, type Obj, type Report } from './report';
import { isIPv4, isIPv6 } from '../schema-check';

/** agent.ValidateIPSubnet */
function subnetError(subnet: string): string | undefined {
  if (subnet.split('/').length === 2) {
    const [addr = '', bits = ''] = subnet.split('/');
    const max = isIPv4(addr) ? 32 : isIPv6(addr) ? 128 : -1;
    return max >= 0 && /^\d+$/.test(bits) && Number(bits) <= max ? undefined : `${subnet} is not a valid CIDR block`;
  }
  return isIP(subnet) ? undefined : `${subnet} is not a valid IP`;
}

const portNameError = (name: string) => (isDns1123Label(name) ? undefined : `invalid port name: ${name}`);

function checkEndpoint(r: Report, ep: Obj, at: PathSegment[], servicePorts: Set<string> | undefined, allowFqdn: boolean): void {
  const addr = str(ep.address);
  if (addr === '') {
    if (!str(ep.network)) return r.deny(at, 'address is required');
    r.warn(at, `address is unset with network ${JSON.stringify(str(ep.network))}`);
  }
  const unix = addr.startsWith('unix://');
  if (unix) {
    const path = addr.slice('unix://'.length);
    if (path === '') r.deny([...at, 'address'], 'unix address must not be empty');
    else if (!path.startsWith('@') && (!path.startsWith('/') || path.endsWith('/'))) r.deny([...at, 'address'], `${path} is not an absolute path to a file`);
    if (Object.keys(obj(ep.ports)).length) r.deny([...at, 'ports'], `unix endpoint ${addr} must not include ports`);
  } else if (addr !== '' && !isIP(addr)) {
    if (!allowFqdn) r.deny([...at, 'address'], `endpoint address ${JSON.stringify(addr)} is not a valid IP address`);
    else if (fqdnError(addr)) r.deny([...at, 'address'], `endpoint address ${JSON.stringify(addr)} is not a valid FQDN or an IP address`);
  }
  for (const [name, port] of Object.entries(obj(ep.ports))) {
    if (servicePorts && !servicePorts.has(name)) r.deny([...at, 'ports', name], `endpoint port ${String(port)} is not defined by the service entry`);
    const e = portNameError(name) ?? portError(Number(port));
    if (e) r.deny([...at, 'ports', name], e);
  }
  for (const [k, e] of labelErrors(obj(ep.labels))) r.deny([...at, 'labels', k], e);
  if (unix && servicePorts && servicePorts.size !== 1) r.deny(at, 'exactly 1 service port required for unix endpoints');
}

export function checkWorkloadEntry(spec: Obj): Report {
  const r = newReport();
  checkEndpoint(r, spec, ['spec'], undefined, true);
  return r;
}

export function checkServiceEntry(spec: Obj): Report {
  const r = newReport();
  const selector = spec.workloadSelector;
  if (isObj(selector) && Object.keys(obj(selector.labels)).length === 0) {
    r.warn(['spec', 'workloadSelector'], 'service entry: workload selector specified without labels, will be applied to all services in namespace');
  }
  if (isObj(selector) && spec.endpoints !== undefined) r.deny(['spec', 'workloadSelector'], 'only one of WorkloadSelector or Endpoints is allowed in Service Entry');
  const hosts = strings(spec.hosts);
  if (hosts.length === 0) r.deny(['spec'], 'service entry must have at least one host');
  hosts.forEach((h, i) => {
    if (h === '*') return r.deny(['spec', 'hosts', i], `invalid host ${h}`);
    const e = wildcardDomainError(h);
    if (e) r.deny(['spec', 'hosts', i], e);
    const w = partialWildcardError(h);
    if (w) r.warn(['spec', 'hosts', i], w);
  });
  const resolution = str(spec.resolution) || 'NONE';
  let cidr = false;
  strings(spec.addresses).forEach((a, i) => {
    cidr ||= a.includes('/');
    const e = subnetError(a);
    if (e) r.deny(['spec', 'addresses', i], e);
  });
  if (cidr && resolution !== 'NONE' && resolution !== 'STATIC') r.deny(['spec', 'resolution'], 'CIDR addresses are allowed only for NONE/STATIC resolution types');
  const names = new Set<string>();
  const numbers = new Set<number>();
  const ports = list(spec.ports).map(obj);
  ports.forEach((p, i) => {
    const at: PathSegment[] = ['spec', 'ports', i];
    const name = str(p.name);
    const number = Number(p.number ?? 0);
    if (names.has(name)) r.deny([...at, 'name'], `service entry port name ${JSON.stringify(name)} already defined`);
    names.add(name);
    if (numbers.has(number)) r.deny([...at, 'number'], `service entry port ${number} already defined`);
    numbers.add(number);
    if (typeof p.targetPort === 'number' && p.targetPort !== 0) {
      const e = portError(p.targetPort);
      if (e) r.deny([...at, 'targetPort'], e);
    }
    const nameError = portNameError(name);
    if (nameError) r.deny([...at, 'name'], nameError);
    if (str(p.protocol) && !knownProtocol(str(p.protocol))) r.deny([...at, 'protocol'], `unsupported protocol: ${str(p.protocol)}`);
    const pe = portError(number);
    if (pe) r.deny([...at, 'number'], pe);
  });
  const endpoints = list(spec.endpoints);
  if (resolution === 'NONE') {
    if (endpoints.length) r.deny(['spec', 'endpoints'], 'no endpoints should be provided for resolution type none');
    if (isObj(selector)) r.warn(['spec', 'workloadSelector'], 'workloadSelector should not be set when resolution mode is NONE');
  } else if (resolution === 'STATIC') {
    endpoints.forEach((ep, i) => (isObj(ep) ? checkEndpoint(r, ep, ['spec', 'endpoints', i], names, false) : r.deny(['spec', 'endpoints', i], 'endpoint cannot be nil')));
  } else if (resolution === 'DNS' || resolution === 'DNS_ROUND_ROBIN') {
    if (endpoints.length === 0) {
      hosts.forEach((h, i) => {
        if (fqdnError(h)) r.deny(['spec', 'hosts', i], `hosts must be FQDN if no endpoints are provided for resolution mode ${resolution}`);
      });
    }
    if (resolution === 'DNS_ROUND_ROBIN' && endpoints.length > 1) r.deny(['spec', 'endpoints'], `there must only be 0 or 1 endpoint for resolution mode ${resolution}`);
    endpoints.forEach((raw, i) => {
      const at: PathSegment[] = ['spec', 'endpoints', i];
      if (!isObj(raw)) return r.deny(at, 'endpoint cannot be nil');
      const addr = str(raw.address);
      if (!isIP(addr) && fqdnError(addr)) r.deny([...at, 'address'], `endpoint address ${JSON.stringify(addr)} is not a valid FQDN or an IP address`);
      for (const [k, e] of labelErrors(obj(raw.labels))) r.deny([...at, 'labels', k], e);
      for (const [name, port] of Object.entries(obj(raw.ports))) {
        if (!names.has(name)) r.deny([...at, 'ports', name], `endpoint port ${String(port)} is not defined by the service entry`);
        const e = portNameError(name) ?? portError(Number(port));
        if (e) r.deny([...at, 'ports', name], e);
      }
    });
  }
  if (resolution !== 'NONE' && hosts.length > 1 && ports.some((p) => !isHttpProtocol(str(p.protocol)) && !isTlsProtocol(str(p.protocol)))) {
    r.deny(['spec', 'ports'], 'multiple hosts provided with non-HTTP, non-TLS ports');
  }
  return r;
}
