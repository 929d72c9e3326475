/**
 * istiod's validating webhook for WorkloadGroup, Telemetry, WasmPlugin, EnvoyFilter and ProxyConfig
 * (istio/istio pkg/config/validation/validation.go and envoyfilter/envoyfilter.go at 1.26.8): for each rule
 * the CRD leaves to the webhook, a resource that trips it, with istiod's words, and a clean one.
 */
import { describe, expect, it } from 'vitest';
import { checkManifests } from '~/lib/istio/check';
import { denied, resource } from './helpers';

/** [path, message] of each warning, without kubectl's `Warning: `. */
const warnings = (text: string) =>
  checkManifests(text)
    .diagnostics.filter((d) => d.severity === 'warning')
    .map((d) => [d.path, d.message.replace(/^Warning: /, '')]);

const allowedTargets = '[/v1, Kind=Service networking.istio.io/v1, Kind=ServiceEntry gateway.networking.k8s.io/v1, Kind=Gateway gateway.networking.k8s.io/v1, Kind=GatewayClass]';

describe('WorkloadGroup', () => {
  const wg = (spec: string) => resource('networking.istio.io/v1', 'WorkloadGroup', spec);
  const template = '  template:\n    serviceAccount: ratings\n';

  it('accepts a WorkloadGroup with labels and an HTTP probe', () => {
    const clean = wg(`  metadata:\n    labels: {app: ratings}\n${template}  probe:\n    periodSeconds: 5\n    httpGet:\n      path: /ready\n      port: 8080\n      httpHeaders: [{name: x-probe, value: a}]\n`);
    expect(denied(clean)).toEqual([]);
    expect(warnings(clean)).toEqual([]);
  });

  it('template labels must be Kubernetes labels, in the multierror istiod wraps', () => {
    expect(denied(wg(`  metadata:\n    labels: {"app name": ratings}\n${template}`))).toEqual([
      ['spec.metadata.labels["app name"]', 'invalid labels: 1 error occurred:\n\t* invalid tag key: "app name"'],
    ]);
    // Two bad labels: one error listing both; the probe is not looked at after it.
    expect(denied(wg(`  metadata:\n    labels: {"a b": x, c: "d e"}\n${template}  probe: {exec: {command: []}}\n`))).toEqual([
      ['spec.metadata.labels', 'invalid labels: 2 errors occurred:\n\t* invalid tag key: "a b"\n\t* invalid tag value: "d e"'],
    ]);
  });

  it('probe header names: no underscore (the CRD allows one), not empty', () => {
    const header = (h: string) => wg(`${template}  probe:\n    httpGet:\n      port: 8080\n      httpHeaders: [${h}]\n`);
    expect(denied(header('{name: x_probe, value: a}'))).toEqual([['spec.probe.httpGet.httpHeaders[0].name', 'header name x_probe is not a valid header name']]);
    expect(denied(header('{value: a}'))).toEqual([['spec.probe.httpGet.httpHeaders[0]', 'header name cannot be empty']]);
  });

  it('exec needs a command; a probe needs a method istiod handles', () => {
    expect(denied(wg(`${template}  probe:\n    exec: {command: []}\n`))).toEqual([['spec.probe.exec.command', 'exec.command is required']]);
    expect(denied(wg(`${template}  probe:\n    periodSeconds: 5\n`))).toEqual([['spec.probe', 'unknown health check method <nil>']]);
    expect(denied(wg(`${template}  probe:\n    grpc: {port: 8080}\n`))).toEqual([['spec.probe.grpc', 'unknown health check method *v1alpha3.ReadinessProbe_Grpc']]);
    expect(denied(wg(`${template}  probe:\n    tcpSocket: {port: 8080}\n`))).toEqual([]);
  });
});

describe('Telemetry', () => {
  const tel = (spec: string) => resource('telemetry.istio.io/v1', 'Telemetry', spec);

  it('accepts a workload-scoped Telemetry with tracing, metrics and access logs', () => {
    const clean = tel(
      '  selector:\n    matchLabels: {app: reviews}\n  tracing:\n  - providers: [{name: zipkin}]\n    randomSamplingPercentage: 10\n    customTags:\n      env: {literal: {value: prod}}\n' +
        '  metrics:\n  - providers: [{name: prometheus}]\n    overrides:\n    - tagOverrides:\n        request_protocol: {operation: REMOVE}\n  accessLogging:\n  - providers: [{name: envoy}]\n',
    );
    expect(denied(clean)).toEqual([]);
    expect(warnings(clean)).toEqual([]);
  });

  it('targetRef must name a kind a policy attaches to; a selector without labels is a warning', () => {
    expect(denied(tel('  targetRef: {kind: Deployment, group: apps, name: reviews}\n'))).toEqual([['spec.targetRef', `targetRef must be to one of ${allowedTargets} but was apps/Deployment`]]);
    expect(denied(tel('  targetRefs:\n  - {kind: Gateway, group: gateway.networking.k8s.io, name: gw}\n'))).toEqual([]);
    expect(warnings(tel('  selector: {}\n'))).toEqual([['spec.selector', 'workload selector specified without labels']]);
  });

  it('custom tags need a name; tag overrides without one are a warning', () => {
    expect(denied(tel('  tracing:\n  - customTags:\n      "": {literal: {value: a}}\n'))).toEqual([['spec.tracing[0].customTags[""]', 'tag name may not be empty']]);
    expect(warnings(tel('  metrics:\n  - overrides:\n    - tagOverrides:\n        "": {operation: REMOVE}\n'))).toEqual([['spec.metrics[0].overrides[0].tagOverrides[""]', 'tagOverrides.name may not be empty']]);
  });

  it('more than one tracing block, or provider, is a warning', () => {
    expect(warnings(tel('  tracing:\n  - providers: [{name: zipkin}]\n  - providers: [{name: otel}]\n'))).toEqual([['spec.tracing', 'multiple tracing is not currently supported']]);
    expect(warnings(tel('  tracing:\n  - providers: [{name: zipkin}, {name: otel}]\n'))).toEqual([['spec.tracing[0].providers', 'multiple providers is not currently supported']]);
  });
});

describe('WasmPlugin', () => {
  const wasm = (spec: string) => resource('extensions.istio.io/v1alpha1', 'WasmPlugin', `  url: oci://ghcr.io/example/filter:1.0\n${spec}`);

  it('accepts a plugin bound to a gateway', () => {
    const clean = wasm('  targetRefs:\n  - {kind: Gateway, group: gateway.networking.k8s.io, name: gw}\n  phase: AUTHN\n');
    expect(denied(clean)).toEqual([]);
    expect(warnings(clean)).toEqual([]);
  });

  it('targetRef kind; a selector without labels is a warning', () => {
    expect(denied(wasm('  targetRef: {kind: Pod, name: reviews}\n'))).toEqual([['spec.targetRef', `targetRef must be to one of ${allowedTargets} but was /Pod`]]);
    expect(warnings(wasm('  selector: {}\n'))).toEqual([['spec.selector', 'workload selector specified without labels']]);
  });
});

describe('ProxyConfig', () => {
  const pc = (spec: string) => resource('networking.istio.io/v1beta1', 'ProxyConfig', spec);

  it('accepts a workload ProxyConfig; a selector without labels is a warning', () => {
    const clean = pc('  selector:\n    matchLabels: {app: reviews}\n  concurrency: 2\n');
    expect(denied(clean)).toEqual([]);
    expect(warnings(clean)).toEqual([]);
    expect(warnings(pc('  selector: {}\n  concurrency: 0\n'))).toEqual([['spec.selector', 'workload selector specified without labels']]);
  });
});

describe('EnvoyFilter', () => {
  const ef = (spec: string) => resource('networking.istio.io/v1alpha3', 'EnvoyFilter', spec);
  const standing = ['spec', 'EnvoyFilter exposes internal implementation details that may change at any time. Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.'];
  const patch = (applyTo: string, match: string, operation = 'MERGE', value = '\n      value: {}') => ef(`  configPatches:\n  - applyTo: ${applyTo}\n    match:\n${match}    patch:\n      operation: ${operation}${value}\n`);
  const httpFilter = (filter: string) => `      listener:\n        filterChain:\n          filter:\n${filter}`;

  it('accepts a Lua filter patch, with the warning every EnvoyFilter gets', () => {
    const clean = patch('HTTP_FILTER', `      context: SIDECAR_INBOUND\n${httpFilter('            name: envoy.filters.network.http_connection_manager\n            subFilter: {name: envoy.filters.http.router}\n')}`, 'INSERT_BEFORE');
    expect(denied(clean)).toEqual([]);
    expect(warnings(clean)).toEqual([standing]);
  });

  it('workload selector keys: no wildcard, not empty; an error drops the warnings', () => {
    expect(denied(ef('  workloadSelector:\n    labels: {"app*": reviews}\n'))).toEqual([['spec.workloadSelector.labels.app*', 'wildcard is not supported in selector: "app*=reviews"']]);
    expect(warnings(ef('  workloadSelector:\n    labels: {"app*": reviews}\n'))).toEqual([]);
    expect(denied(ef('  workloadSelector:\n    labels: {"": reviews}\n'))).toEqual([['spec.workloadSelector.labels[""]', 'empty key is not supported in selector: "=reviews"']]);
    expect(warnings(ef('  workloadSelector: {}\n'))).toEqual([standing, ['spec.workloadSelector', 'Envoy filter: workload selector specified without labels, will be applied to all services in namespace']]);
  });

  it('a patch needs applyTo, a patch, an operation and, unless it removes, a value', () => {
    expect(denied(ef('  configPatches:\n  - patch: {operation: MERGE, value: {}}\n'))).toEqual([['spec.configPatches[0]', 'Envoy filter: missing applyTo']]);
    expect(denied(ef('  configPatches:\n  - applyTo: INVALID\n    patch: {operation: MERGE, value: {}}\n'))).toEqual([['spec.configPatches[0].applyTo', 'Envoy filter: missing applyTo']]);
    expect(denied(ef('  configPatches:\n  - applyTo: CLUSTER\n'))).toEqual([['spec.configPatches[0]', 'Envoy filter: missing patch']]);
    expect(denied(ef('  configPatches:\n  - applyTo: CLUSTER\n    patch: {value: {}}\n'))).toEqual([['spec.configPatches[0].patch', 'Envoy filter: missing patch operation']]);
    expect(denied(ef('  configPatches:\n  - applyTo: CLUSTER\n    patch: {operation: MERGE}\n'))).toEqual([['spec.configPatches[0].patch', 'Envoy filter: missing patch value for non-remove operation']]);
    expect(denied(ef('  configPatches:\n  - applyTo: CLUSTER\n    patch: {operation: REMOVE}\n'))).toEqual([]);
  });

  it('the proxy version is a Go (RE2) regex', () => {
    const proxy = (v: string) => patch('CLUSTER', `      proxy: {proxyVersion: '${v}'}\n`);
    expect(denied(proxy('^1\\.(26'))).toEqual([['spec.configPatches[0].match.proxy.proxyVersion', 'Envoy filter: invalid regex for proxy version, [error parsing regexp: missing closing ): `^1\\.(26`]']]);
    expect(denied(proxy('^1\\.26.*'))).toEqual([]);
  });

  it('applyTo and the match object type must agree', () => {
    expect(denied(patch('HTTP_FILTER', '      cluster: {service: reviews.default.svc.cluster.local}\n'))).toEqual([
      ['spec.configPatches[0].match.cluster', 'Envoy filter: applyTo for listener class objects cannot have non listener match'],
    ]);
    expect(denied(patch('HTTP_ROUTE', '      listener: {portNumber: 8080}\n'))).toEqual([
      ['spec.configPatches[0].match.listener', 'Envoy filter: applyTo for http route class objects cannot have non route configuration match'],
    ]);
    expect(denied(patch('CLUSTER', '      routeConfiguration: {portNumber: 8080}\n'))).toEqual([
      ['spec.configPatches[0].match.routeConfiguration', 'Envoy filter: applyTo for cluster class objects cannot have non cluster match'],
    ]);
    expect(denied(patch('VIRTUAL_HOST', '      routeConfiguration: {portNumber: 8080}\n'))).toEqual([]);
  });

  it('filter and subFilter matches', () => {
    const at = 'spec.configPatches[0].match.listener.filterChain.filter';
    expect(denied(patch('NETWORK_FILTER', httpFilter('            subFilter: {name: envoy.filters.http.router}\n')))).toEqual([[at, 'Envoy filter: filter match has no name to match on']]);
    expect(denied(patch('NETWORK_FILTER', httpFilter('            name: envoy.filters.network.http_connection_manager\n            subFilter: {name: envoy.filters.http.router}\n')))).toEqual([
      [`${at}.subFilter`, 'Envoy filter: subfilter match can be used with applyTo HTTP_FILTER only'],
    ]);
    expect(denied(patch('HTTP_FILTER', httpFilter('            name: envoy.filters.network.tcp_proxy\n            subFilter: {name: envoy.filters.http.router}\n')))).toEqual([
      [`${at}.name`, 'Envoy filter: subfilter match requires filter match with envoy.filters.network.http_connection_manager'],
    ]);
    expect(denied(patch('HTTP_FILTER', httpFilter('            name: envoy.filters.network.http_connection_manager\n            subFilter: {}\n')))).toEqual([
      [`${at}.subFilter`, 'Envoy filter: subfilter match has no name to match on'],
    ]);
  });

  it('warns about a filter match on a listener or filter chain, and about deprecated filter names', () => {
    expect(warnings(patch('FILTER_CHAIN', httpFilter('            name: envoy.filters.network.tcp_proxy\n')))).toEqual([
      standing,
      ['spec.configPatches[0].match.listener.filterChain.filter', 'Envoy filter: filter match has no effect when used with FILTER_CHAIN'],
    ]);
    expect(warnings(patch('HTTP_FILTER', httpFilter('            name: envoy.http_connection_manager\n            subFilter: {name: envoy.router}\n'), 'INSERT_BEFORE'))).toEqual([
      standing,
      ['spec.configPatches[0].match.listener.filterChain.filter.name', 'using deprecated filter name "envoy.http_connection_manager"; use "envoy.filters.network.http_connection_manager" instead'],
      ['spec.configPatches[0].match.listener.filterChain.filter.subFilter.name', 'using deprecated filter name "envoy.router"; use "envoy.filters.http.router" instead'],
    ]);
  });
});
