/** The CRDs' x-kubernetes-validations rules, evaluated with CEL: one failing and one passing case per family. */
import { describe, expect, it } from 'vitest';
import { checkManifests } from '~/lib/istio/check';

const rules = (text: string) => checkManifests(text).diagnostics.filter((d) => d.code === 'rule').map((d) => [d.path, d.message]);

describe('CEL rules of the Istio CRDs', () => {
  it('PeerAuthentication: portLevelMtls requires selector (has())', () => {
    const pa = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: p\nspec:\n  portLevelMtls:\n    8080:\n      mode: DISABLE\n';
    expect(rules(pa)).toEqual([['spec', 'spec: Invalid value: "object": portLevelMtls requires selector']]);
    const withSelector = pa.replace('spec:\n', 'spec:\n  selector:\n    matchLabels:\n      app: web\n');
    expect(checkManifests(withSelector).diagnostics).toEqual([]);
  });

  it('ServiceEntry: port number range, at the port', () => {
    const se = (n: number) => `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: se\nspec:\n  hosts: [api.example.com]\n  resolution: DNS\n  ports:\n  - {number: ${n}, name: https, protocol: TLS}\n`;
    expect(rules(se(0))).toEqual([['spec.ports[0].number', 'spec.ports[0].number: Invalid value: "integer": port must be between 1-65535']]);
    expect(checkManifests(se(443)).diagnostics).toEqual([]);
  });

  it('durations: duration() >= 1ms', () => {
    const dr = (d: string) => `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: r\nspec:\n  host: r\n  trafficPolicy:\n    outlierDetection:\n      interval: ${d}\n`;
    expect(rules(dr('0s')).map(([p]) => p)).toEqual(['spec.trafficPolicy.outlierDetection.interval']);
    expect(rules(dr('10s'))).toEqual([]);
  });

  it('Gateway API: a rule with all()/exists_one() and a messageExpression-free message', () => {
    const route = (filters: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r
spec:
  rules:
  - backendRefs:
    - name: web
      port: 80
    filters:
${filters}`;
    const redirect = '    - type: RequestRedirect\n      requestRedirect:\n        scheme: https\n';
    expect(rules(route(redirect))).toEqual([['spec.rules[0]', 'spec.rules[0]: Invalid value: "object": RequestRedirect filter must not be used together with backendRefs']]);
    const header = '    - type: RequestHeaderModifier\n      requestHeaderModifier:\n        set:\n        - {name: x-a, value: b}\n';
    expect(rules(route(header))).toEqual([]);
  });

  it('Kubernetes URL functions: isURL, url().getScheme() (WasmPlugin url)', () => {
    const wasm = (url: string) => `apiVersion: extensions.istio.io/v1alpha1\nkind: WasmPlugin\nmetadata:\n  name: w\nspec:\n  url: ${url}\n`;
    expect(rules(wasm('oci://ghcr.io/org/filter:1.0'))).toEqual([]);
    expect(rules(wasm('docker.io/org/filter:1.0'))).toEqual([]);
    expect(rules(wasm('ftp://example.com/filter.wasm')).length).toBe(1);
  });

  it('does not run rules on a resource the schema already rejects', () => {
    const pa = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: p\nspec:\n  mtls:\n    mode: STRICTLY\n  portLevelMtls:\n    8080:\n      mode: DISABLE\n';
    expect(checkManifests(pa).diagnostics.map((d) => d.code)).toEqual(['unsupported-value']);
  });
});
