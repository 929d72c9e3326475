/**
 * The checker's schemas are generated from Istio 1.26's own CRDs (scripts/gen-schemas.ts): what 1.26
 * serves and accepts, not what newer releases do.
 */
import { describe, expect, it } from 'vitest';
import { checkManifests, knownKinds } from '~/lib/istio/check';

const codes = (text: string) => checkManifests(text).diagnostics.map((d) => [d.code, d.path]);

describe('schemas of Istio 1.26 and Gateway API v1.3.0', () => {
  it('serves the versions Istio 1.26 serves', () => {
    const served = (kind: string) => knownKinds().filter((k) => k.kind === kind).map((k) => k.apiVersion);
    expect(served('VirtualService')).toEqual(['networking.istio.io/v1', 'networking.istio.io/v1alpha3', 'networking.istio.io/v1beta1']);
    expect(served('ProxyConfig')).toEqual(['networking.istio.io/v1beta1']);
    expect(served('AuthorizationPolicy')).toEqual(['security.istio.io/v1', 'security.istio.io/v1beta1']);
    expect(served('HTTPRoute')).toEqual(['gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1']);
    expect(served('TLSRoute')).toEqual(['gateway.networking.k8s.io/v1alpha2']);
    expect(knownKinds().find((k) => k.kind === 'TCPRoute')!.experimental).toBe(true);
    expect(knownKinds().find((k) => k.kind === 'GRPCRoute')!.experimental).toBe(false);
  });

  it('rejects an enum value newer than 1.26 (ServiceEntry resolution DYNAMIC_DNS)', () => {
    const se = 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: x\nspec:\n  hosts: [x.example.com]\n  resolution: DYNAMIC_DNS\n';
    expect(codes(se)).toEqual([['unsupported-value', 'spec.resolution']]);
    expect(codes(se.replace('DYNAMIC_DNS', 'DNS'))).toEqual([]);
  });

  it('knows both Gateway kinds by their group', () => {
    const istio = 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: g\nspec:\n  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["*"]\n';
    expect(codes(istio)).toEqual([]);
    const k8s = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: g\nspec:\n  gatewayClassName: istio\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n';
    expect(codes(k8s)).toEqual([]);
    expect(codes(k8s.replace('  gatewayClassName: istio\n', ''))).toEqual([['required', 'spec.gatewayClassName']]);
  });
});
