/**
 * istiod's checks of an EnvoyFilter (istio/istio pkg/config/validation/envoyfilter/envoyfilter.go at 1.26.8,
 * with pkg/config/xds/deprecated.go and pkg/wellknown for filter names): the standing warning, the workload
 * selector, and each config patch's applyTo, patch, proxy version regex and match. Building the patch
 * value into Envoy's own proto (unknown types, deprecated type URLs) needs Envoy's descriptors and is not
 * reproduced here.
 */
import type { PathSegment } from '../../../yaml/field-path';
import { compileRe2 } from '../../engine/regex';
import { isObj, list, newReport, obj, str, type Obj, type Report } from './report';

const httpConnectionManager = 'envoy.filters.network.http_connection_manager';

/**
 * xds.ReverseDeprecatedFilterNames: old name → current name. `envoy.ext_authz` is left out: istiod maps it
 * to the HTTP or the network filter depending on Go's map order, so its advice is not fixed.
 */
const currentFilterNames: Record<string, string> = {
  'envoy.buffer': 'envoy.filters.http.buffer',
  'envoy.cors': 'envoy.filters.http.cors',
  'envoy.csrf': 'envoy.filters.http.csrf',
  'envoy.http_dynamo_filter': 'envoy.filters.http.dynamo',
  'envoy.fault': 'envoy.filters.http.fault',
  'envoy.grpc_http1_bridge': 'envoy.filters.http.grpc_http1_bridge',
  'envoy.grpc_json_transcoder': 'envoy.filters.http.grpc_json_transcoder',
  'envoy.grpc_web': 'envoy.filters.http.grpc_web',
  'envoy.gzip': 'envoy.filters.http.gzip',
  'envoy.health_check': 'envoy.filters.http.health_check',
  'envoy.ip_tagging': 'envoy.filters.http.ip_tagging',
  'envoy.lua': 'envoy.filters.http.lua',
  'envoy.rate_limit': 'envoy.filters.http.ratelimit',
  'envoy.router': 'envoy.filters.http.router',
  'envoy.squash': 'envoy.filters.http.squash',
  'envoy.listener.http_inspector': 'envoy.filters.listener.http_inspector',
  'envoy.listener.original_dst': 'envoy.filters.listener.original_dst',
  'envoy.listener.original_src': 'envoy.filters.listener.original_src',
  'envoy.listener.proxy_protocol': 'envoy.filters.listener.proxy_protocol',
  'envoy.listener.tls_inspector': 'envoy.filters.listener.tls_inspector',
  'envoy.client_ssl_auth': 'envoy.filters.network.client_ssl_auth',
  'envoy.http_connection_manager': httpConnectionManager,
  'envoy.mongo_proxy': 'envoy.filters.network.mongo_proxy',
  'envoy.ratelimit': 'envoy.filters.network.ratelimit',
  'envoy.redis_proxy': 'envoy.filters.network.redis_proxy',
  'envoy.tcp_proxy': 'envoy.filters.network.tcp_proxy',
};

const listenerClass = ['LISTENER', 'FILTER_CHAIN', 'NETWORK_FILTER', 'HTTP_FILTER'];
const routeClass = ['ROUTE_CONFIGURATION', 'VIRTUAL_HOST', 'HTTP_ROUTE'];

function checkFilterName(r: Report, name: string, at: PathSegment[]): void {
  const current = Object.hasOwn(currentFilterNames, name) ? currentFilterNames[name] : undefined;
  if (current) r.warn(at, `using deprecated filter name ${JSON.stringify(name)}; use ${JSON.stringify(current)} instead`);
}

/** The listener filter match of a listener-class patch: `filter` and `subFilter` names. */
function checkFilterMatch(r: Report, applyTo: string, filter: Obj, at: PathSegment[]): void {
  if (applyTo === 'LISTENER' || applyTo === 'FILTER_CHAIN') r.warn(at, `Envoy filter: filter match has no effect when used with ${applyTo}`);
  const name = str(filter.name);
  if (name === '') return r.deny(at, 'Envoy filter: filter match has no name to match on');
  if (isObj(filter.subFilter)) {
    if (applyTo !== 'HTTP_FILTER') return r.deny([...at, 'subFilter'], 'Envoy filter: subfilter match can be used with applyTo HTTP_FILTER only');
    if (name !== httpConnectionManager && name !== 'envoy.http_connection_manager') {
      return r.deny([...at, 'name'], `Envoy filter: subfilter match requires filter match with ${httpConnectionManager}`);
    }
    if (str(filter.subFilter.name) === '') return r.deny([...at, 'subFilter'], 'Envoy filter: subfilter match has no name to match on');
  }
  checkFilterName(r, name, [...at, 'name']);
  checkFilterName(r, str(obj(filter.subFilter).name), [...at, 'subFilter', 'name']);
}

function checkPatch(r: Report, cp: Obj, at: PathSegment[]): void {
  const applyTo = str(cp.applyTo);
  if (applyTo === '' || applyTo === 'INVALID') return r.deny(cp.applyTo === undefined ? at : [...at, 'applyTo'], 'Envoy filter: missing applyTo');
  if (!isObj(cp.patch)) return r.deny(at, 'Envoy filter: missing patch');
  const operation = str(cp.patch.operation);
  if (operation === '' || operation === 'INVALID') {
    return r.deny(cp.patch.operation === undefined ? [...at, 'patch'] : [...at, 'patch', 'operation'], 'Envoy filter: missing patch operation');
  }
  if (operation !== 'REMOVE' && !isObj(cp.patch.value)) return r.deny([...at, 'patch'], 'Envoy filter: missing patch value for non-remove operation');
  const match = obj(cp.match);
  const proxyVersion = str(obj(match.proxy).proxyVersion);
  if (proxyVersion !== '') {
    const compiled = compileRe2(proxyVersion);
    if (typeof compiled === 'string') return r.deny([...at, 'match', 'proxy', 'proxyVersion'], `Envoy filter: invalid regex for proxy version, [${compiled}]`);
  }
  // The match's object type: at most one of listener, routeConfiguration, cluster (the CRD's oneOf).
  const objectType = ['listener', 'routeConfiguration', 'cluster'].find((k) => isObj(match[k]));
  if (!objectType) return;
  const matchAt: PathSegment[] = [...at, 'match', objectType];
  if (listenerClass.includes(applyTo)) {
    if (objectType !== 'listener') return r.deny(matchAt, 'Envoy filter: applyTo for listener class objects cannot have non listener match');
    const filter = obj(match.listener).filterChain;
    if (isObj(filter) && isObj(filter.filter)) checkFilterMatch(r, applyTo, filter.filter, [...matchAt, 'filterChain', 'filter']);
  } else if (routeClass.includes(applyTo)) {
    if (objectType !== 'routeConfiguration') r.deny(matchAt, 'Envoy filter: applyTo for http route class objects cannot have non route configuration match');
  } else if (applyTo === 'CLUSTER') {
    if (objectType !== 'cluster') r.deny(matchAt, 'Envoy filter: applyTo for cluster class objects cannot have non cluster match');
  }
}

export function checkEnvoyFilter(spec: Obj): Report {
  const r = newReport();
  // ValidateAlphaWorkloadSelector: an error here ends the check, warnings included. The CRD already refuses `*` in values.
  const selector = spec.workloadSelector;
  const labels = obj(obj(selector).labels);
  for (const [k, v] of Object.entries(labels)) {
    const pair = JSON.stringify(`${k}=${str(v)}`);
    if (k === '') r.deny(['spec', 'workloadSelector', 'labels', k], `empty key is not supported in selector: ${pair}`);
    if (k.includes('*') || str(v).includes('*')) r.deny(['spec', 'workloadSelector', 'labels', k], `wildcard is not supported in selector: ${pair}`);
  }
  if (r.findings.length) return r;
  r.warn(['spec'], 'EnvoyFilter exposes internal implementation details that may change at any time. Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.');
  if (isObj(selector) && Object.keys(labels).length === 0) {
    r.warn(['spec', 'workloadSelector'], 'Envoy filter: workload selector specified without labels, will be applied to all services in namespace');
  }
  list(spec.configPatches).forEach((cp, i) => {
    if (isObj(cp)) checkPatch(r, cp, ['spec', 'configPatches', i]);
  });
  return r;
}
