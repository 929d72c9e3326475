/** More paths through the analyzers: ambient, revisions, injector config, exportTo, wildcards, mirrors. */
import { describe, expect, it } from 'vitest';
import { codes, doc, lines, namespace, pod } from './helpers';

const injectorConfigMap = (values: unknown) => `apiVersion: v1
kind: ConfigMap
metadata: {name: istio-sidecar-injector, namespace: istio-system}
data:
  values: '${JSON.stringify(values)}'`;

describe('injection analyzers with the injector ConfigMap', () => {
  it('says a namespace is injected by default when the injector enables namespaces by default (IST0148)', () => {
    const text = doc(injectorConfigMap({ sidecarInjectorWebhook: { enableNamespacesByDefault: true } }), namespace('plain'));
    expect(lines(text)).toContain('Info [IST0148] (Namespace plain fixture.yaml:7) is enabled for Istio injection, as Istio is installed with enableNamespacesByDefault as true.');
    expect(codes(text, ['IST0102'])).toEqual([]);
  });

  it('reports proxies whose image differs from the injector image (IST0158)', () => {
    const cm = injectorConfigMap({ global: { hub: 'docker.io/istio', tag: '1.26.8', proxy: { image: 'proxyv2' } } });
    const old = pod('old-1', 'meshed', { app: 'a' }, '  - name: istio-proxy\n    image: docker.io/istio/proxyv2:1.25.0');
    const current = pod('new-1', 'meshed', { app: 'a' }, '  - name: istio-proxy\n    image: docker.io/istio/proxyv2:1.26.8');
    const text = doc(cm, namespace('meshed', { 'istio-injection': 'enabled' }), old, current);
    expect(codes(text, ['IST0158'])).toEqual(['IST0158 Namespace meshed']);
    expect(lines(text).find((l) => l.includes('[IST0158]'))).toContain('(pod names: [old-1])');
    expect(codes(doc(cm, namespace('meshed', { 'istio-injection': 'enabled' }), current), ['IST0158'])).toEqual([]);
  });

  it('warns about image: auto in a Deployment no webhook selects, and not when one does (IST0146)', () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - {name: istio-proxy, image: auto}`;
    expect(lines(deployment)).toContain(
      'Warning [IST0146] (Deployment shop/api fixture.yaml:1) Deployment api contains `image: auto` but does not match any Istio injection webhook selectors.',
    );
    const webhook = `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: istio-sidecar-injector}
webhooks:
- name: namespace.sidecar-injector.istio.io
  namespaceSelector:
    matchExpressions:
    - {key: istio-injection, operator: In, values: [enabled]}`;
    expect(codes(doc(deployment, webhook, namespace('shop', { 'istio-injection': 'enabled' })), ['IST0146'])).toEqual([]);
    expect(codes(doc(deployment, webhook, namespace('shop')), ['IST0146'])).toEqual(['IST0146 Deployment shop/api']);
  });

  it('leaves ambient namespaces alone', () => {
    expect(codes(namespace('amb', { 'istio.io/dataplane-mode': 'ambient' }), ['IST0102', 'IST0123'])).toEqual([]);
  });
});

describe('ambient and root-namespace policies', () => {
  const sidecar = (name: string, ns: string, selector = '') => `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${selector}  outboundTrafficPolicy: {mode: REGISTRY_ONLY}`;

  it('reports Sidecars that cannot apply in ambient mode (IST0167)', () => {
    expect(lines(doc(sidecar('s', 'amb'), namespace('amb', { 'istio.io/dataplane-mode': 'ambient' })))).toContain(
      'Warning [IST0167] (Sidecar amb/s fixture.yaml:1) The policy has no impact: namespace is in ambient mode, the policy has no impact.',
    );
    const ambientPod = pod('w', 'shop', { app: 'w' }).replace('  labels:', '  annotations: {ambient.istio.io/redirection: enabled}\n  labels:');
    expect(codes(doc(sidecar('s', 'shop', '  workloadSelector: {labels: {app: w}}\n'), ambientPod), ['IST0167', 'IST0110'])).toEqual(['IST0167 Sidecar shop/s']);
  });

  it('checks root-namespace AuthorizationPolicies against pods in every namespace', () => {
    const policy = (selector: string) => `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: mesh, namespace: istio-system}\nspec:\n${selector}  action: DENY\n  rules: [{}]`;
    const meshed = pod('api-1', 'shop', { app: 'api', 'sidecar.istio.io/inject': 'true' });
    expect(codes(doc(policy('  selector: {matchLabels: {app: api}}\n'), meshed), ['IST0127'])).toEqual([]);
    expect(codes(doc(policy('  selector: {matchLabels: {app: gone}}\n'), meshed), ['IST0127'])).toEqual(['IST0127 AuthorizationPolicy istio-system/mesh']);
    expect(codes(doc(policy(''), meshed), ['IST0127'])).toEqual([]);
    expect(codes(policy('').replace('istio-system', 'empty'), ['IST0127'])).toEqual(['IST0127 AuthorizationPolicy empty/mesh']);
  });
});

describe('destination hosts: ServiceEntries, exportTo, wildcards and mirrors', () => {
  const route = (dest: string, extra = '') => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: out, namespace: shop}
spec:
  hosts: [api.example.com]
${extra}  tcp:
  - route:
    - destination: ${dest}`;
  const se = (hosts: string, exportTo = '') => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: ext, namespace: other}
spec:
  hosts: ${hosts}
${exportTo}  ports:
  - {number: 443, name: tls, protocol: TLS}
  resolution: DNS`;

  it('resolves a host through a ServiceEntry exported to the route namespace, a wildcard entry, but not a hidden one', () => {
    expect(codes(doc(route('{host: api.example.com}'), se('[api.example.com]')), ['IST0101'])).toEqual([]);
    expect(codes(doc(route('{host: api.example.com}'), se('["*.example.com"]')), ['IST0101'])).toEqual([]);
    expect(codes(doc(route('{host: api.example.com}'), se('[api.example.com]', '  exportTo: [shop]\n')), ['IST0101'])).toEqual([]);
    expect(codes(doc(route('{host: api.example.com}'), se('[api.example.com]', '  exportTo: ["."]\n')), ['IST0101'])).toEqual(['IST0101 VirtualService shop/out']);
  });

  it('checks mirror hosts and mirror subsets', () => {
    const mirrored = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: m, namespace: shop}
spec:
  hosts: [api]
  http:
  - route:
    - destination: {host: api}
    mirror: {host: shadow, subset: v2}
    mirrors:
    - destination: {host: api, subset: v9}`;
    const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec:\n  ports: [{name: http, port: 80}]';
    const out = lines(doc(mirrored, svc));
    expect(out).toContain('Error [IST0101] (VirtualService shop/m fixture.yaml:9) Referenced mirror host not found: "shadow"');
    expect(out).toContain('Error [IST0101] (VirtualService shop/m fixture.yaml:9) Referenced mirror+subset in destinationrule not found: "shadow+v2"');
    // istioctl looks the line up under `mirrors[j].host` (not `.destination.host`), finds none, and prints the resource line.
    expect(out).toContain('Error [IST0101] (VirtualService shop/m fixture.yaml:1) Referenced mirror+subset in destinationrule not found: "api+v9"');
  });

  it('reports a Service hidden by its exportTo annotation', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: other\n  annotations: {networking.istio.io/exportTo: "."}\nspec:\n  ports: [{name: http, port: 80}]';
    expect(codes(doc(route('{host: api.other.svc.cluster.local}'), svc), ['IST0101'])).toEqual(['IST0101 VirtualService shop/out']);
    expect(codes(doc(route('{host: api.other.svc.cluster.local}'), svc.replace('"."', '"shop"')), ['IST0101'])).toEqual([]);
  });

  it('warns about a gateway reference to a generated internal Gateway (IST0165)', () => {
    const text = route('{host: api.example.com}', '  gateways: [shop/web-istio-autogenerated-k8s-gateway-http]\n');
    expect(lines(text)).toContain(
      'Warning [IST0165] (VirtualService shop/out fixture.yaml:6) Gateway reference in VirtualService shop/out is to an implementation-generated internal Gateway: shop/web-istio-autogenerated-k8s-gateway-http.',
    );
  });
});

describe('deprecated custom resource types', () => {
  it('reports the removed rbac.istio.io kinds (IST0002)', () => {
    const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: serviceroles.rbac.istio.io}\nspec:\n  group: rbac.istio.io\n  names: {kind: ServiceRole}';
    expect(lines(crd)).toContain('Warning [IST0002] (CustomResourceDefinition serviceroles.rbac.istio.io fixture.yaml:1) Deprecated: Custom resource type rbac.istio.io ServiceRole is removed');
    expect(codes(crd.replace(/rbac\.istio\.io/g, 'example.com'), ['IST0002'])).toEqual([]);
  });
});

describe('duplicate matches', () => {
  it('treats empty fields as absent, as Go JSON does, and ignores match names', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: r, namespace: shop}
spec:
  hosts: [r]
  http:
  - match:
    - {name: a, uri: {exact: /a}}
    route: [{destination: {host: r}}]
  - match:
    - {name: b, uri: {exact: /a}, headers: {}, ignoreUriCase: false}
    route: [{destination: {host: r}}]`;
    expect(codes(text, ['IST0130', 'IST0131'])).toEqual(['IST0130 VirtualService shop/r', 'IST0131 VirtualService shop/r']);
    expect(lines(text)).toContain('Info [IST0131] (VirtualService shop/r fixture.yaml:1) VirtualService rule #1 match "b" is not used (duplicate/overlapping match in rule #0).');
    expect(codes(text.replace('ignoreUriCase: false', 'ignoreUriCase: true'), ['IST0130', 'IST0131'])).toEqual([]);
  });
});
