/**
 * One triggering fixture and one clean fixture per analyzer, written for these tests. The expected texts are
 * the templates of Istio 1.26's messages.yaml filled as istioctl fills them.
 */
import { describe, expect, it } from 'vitest';
import { codes, doc, lines, namespace, pod } from './helpers';

const vs = (name: string, ns: string, spec: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}
  namespace: ${ns}
spec:
${spec}`;

const dr = (name: string, ns: string, spec: string) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${name}
  namespace: ${ns}
spec:
${spec}`;

const gateway = (name: string, ns: string, spec: string) => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: ${name}
  namespace: ${ns}
spec:
${spec}`;

const service = (name: string, ns: string, spec: string, meta = '') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
${meta}spec:
${spec}`;

describe('annotations.K8sAnalyzer', () => {
  const annotated = (kind: string, annotations: Record<string, string>) => `apiVersion: ${kind === 'Deployment' ? 'apps/v1' : 'v1'}
kind: ${kind}
metadata:
  name: web
  namespace: shop
  annotations: ${JSON.stringify(annotations)}
spec: {}`;

  it('reports unknown, misplaced, invalid and deprecated Istio annotations', () => {
    expect(lines(annotated('Service', { 'sidecar.istio.io/notathing': 'x' }))).toContain(
      'Warning [IST0108] (Service shop/web fixture.yaml:1) Unknown annotation: sidecar.istio.io/notathing',
    );
    expect(lines(annotated('Service', { 'sidecar.istio.io/proxyCPU': '100m' }))).toContain(
      'Warning [IST0107] (Service shop/web fixture.yaml:1) Misplaced annotation: sidecar.istio.io/proxyCPU can only be applied to Pod',
    );
    expect(lines(annotated('Pod', { 'sidecar.istio.io/interceptionMode': 'SOMETIMES' }))).toContain(
      'Warning [IST0125] (Pod shop/web fixture.yaml:1) Invalid annotation sidecar.istio.io/interceptionMode: interceptionMode invalid, use REDIRECT,TPROXY,NONE: SOMETIMES',
    );
    expect(lines(annotated('Pod', { 'traffic.sidecar.istio.io/excludeInboundPorts': '80,http' }))).toContain(
      `Warning [IST0125] (Pod shop/web fixture.yaml:1) Invalid annotation traffic.sidecar.istio.io/excludeInboundPorts: excludeInboundPorts invalid: failed parsing port 'http': failed parsing port 'http': strconv.ParseUint: parsing "http": invalid syntax`,
    );
    expect(lines(annotated('Pod', { 'sidecar.istio.io/inject': 'true' }))).toContain(
      'Info [IST0135] (Pod shop/web fixture.yaml:1) Annotation "sidecar.istio.io/inject" has been deprecated in favor of the "sidecar.istio.io/inject" label and may not work in future Istio versions.',
    );
  });

  it('accepts well-placed, valid annotations and ignores non-Istio ones', () => {
    const clean = annotated('Pod', {
      'sidecar.istio.io/proxyCPU': '100m',
      'traffic.sidecar.istio.io/excludeOutboundIPRanges': '10.0.0.0/8,192.168.0.0/16',
      'prometheus.istio.io/merge-metrics': 'false',
      'example.com/owner': 'team-a',
      'sidecar.istio.io/status': '{}',
    });
    expect(codes(clean, ['IST0107', 'IST0108', 'IST0125', 'IST0135'])).toEqual([]);
  });
});

describe('auth.AuthorizationPoliciesAnalyzer', () => {
  const policy = (spec: string) => `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: allow-frontend
  namespace: shop
spec:
${spec}`;
  const spec = `  selector:
    matchLabels:
      app: cart
  rules:
  - from:
    - source:
        namespaces: ["frontend"]`;

  it('reports a selector with no meshed pod and a namespace that does not exist', () => {
    const out = lines(doc(policy(spec), namespace('shop', { 'istio-injection': 'enabled' }), pod('cart-1', 'shop', { app: 'checkout' })));
    expect(out).toContain('Warning [IST0127] (AuthorizationPolicy shop/allow-frontend fixture.yaml:1) No matching workloads for this resource with the following labels: app=cart');
    expect(out).toContain('Error [IST0101] (AuthorizationPolicy shop/allow-frontend fixture.yaml:13) Referenced namespace not found: "frontend"');
  });

  it('is quiet when a meshed pod matches and the namespace exists', () => {
    const text = doc(policy(spec), namespace('shop', { 'istio-injection': 'enabled' }), namespace('frontend'), pod('cart-1', 'shop', { app: 'cart' }));
    expect(codes(text, ['IST0127', 'IST0101'])).toEqual([]);
  });
});

describe('deployment analyzers', () => {
  const deployment = (name: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: ${name}, sidecar.istio.io/inject: "true"}
    spec:
${extra || '      containers:\n      - name: app\n        image: example/app:1'}`;
  const svc = (name: string, ports: string) => service(name, 'shop', `  selector: {app: api}\n  ports:\n${ports}`);

  it('MultiServiceAnalyzer reports one port with two protocols and one targetPort with two ports', () => {
    const text = doc(deployment('api'), svc('api-tcp', '  - {port: 8080, protocol: TCP, name: http}'), svc('api-udp', '  - {port: 8080, protocol: UDP, name: dns}'));
    expect(lines(text)).toContain(
      'Warning [IST0116] (Deployment shop/api fixture.yaml:4) This deployment api is associated with multiple services using port 8080 but different protocols: [shop/api-tcp shop/api-udp]',
    );
    const ports = doc(deployment('api'), svc('api-a', '  - {port: 80, targetPort: 8080, name: http}'), svc('api-b', '  - {port: 9090, targetPort: 8080, name: http-alt}'));
    expect(lines(ports)).toContain(
      'Warning [IST0137] (Deployment shop/api fixture.yaml:4) This deployment api is associated with multiple services [shop/api-a shop/api-b] using targetPort "8080" but different ports: [80 9090].',
    );
  });

  it('MultiServiceAnalyzer is quiet for one service per port', () => {
    expect(codes(doc(deployment('api'), svc('api', '  - {port: 8080, name: http}')), ['IST0116', 'IST0137'])).toEqual([]);
  });

  it('ApplicationUIDAnalyzer reports UID 1337 outside the proxy, not in the proxy', () => {
    const bad = deployment('api', '      containers:\n      - name: app\n        securityContext: {runAsUser: 1337}');
    expect(lines(bad)).toContain('Warning [IST0144] (Deployment shop/api fixture.yaml:1) User ID (UID) 1337 is reserved for the sidecar proxy.');
    const ok = deployment('api', '      containers:\n      - name: istio-proxy\n        securityContext: {runAsUser: 1337}\n      - name: app\n        securityContext: {runAsUser: 1000}');
    expect(codes(ok, ['IST0144'])).toEqual([]);
  });
});

describe('deprecation.DeprecationAnalyzer', () => {
  it('reports fault.delay.percent and Sidecar egressProxy', () => {
    const text = doc(
      vs('ratings', 'shop', '  hosts: [ratings]\n  http:\n  - fault:\n      delay: {percent: 10, fixedDelay: 5s}\n    route:\n    - destination: {host: ratings}'),
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: egress, namespace: shop}\nspec:\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n    egressProxy: {host: proxy.example.com}',
    );
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        'Warning [IST0002] (VirtualService shop/ratings fixture.yaml:1) Deprecated: HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage',
        'Warning [IST0002] (Sidecar shop/egress fixture.yaml:14) Deprecated: OutboundTrafficPolicy.EgressProxy ignored',
      ]),
    );
  });

  it('accepts percentage', () => {
    const text = vs('ratings', 'shop', '  hosts: [ratings]\n  http:\n  - fault:\n      delay: {percentage: {value: 10}, fixedDelay: 5s}\n    route:\n    - destination: {host: ratings}');
    expect(codes(text, ['IST0002'])).toEqual([]);
  });
});

describe('destinationrule.CaCertificateAnalyzer', () => {
  it('reports SIMPLE/MUTUAL without caCertificates, at rule and port level', () => {
    const text = dr('db', 'shop', '  host: db.example.com\n  trafficPolicy:\n    tls: {mode: SIMPLE}\n    portLevelSettings:\n    - port: {number: 5432}\n      tls: {mode: MUTUAL, clientCertificate: /c, privateKey: /k}');
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        'Warning [IST0128] (DestinationRule shop/db fixture.yaml:1) DestinationRule shop/db in namespace shop has TLS mode set to SIMPLE but no caCertificates are set to validate server identity for host: db.example.com',
        'Warning [IST0129] (DestinationRule shop/db fixture.yaml:1) DestinationRule shop/db in namespace shop has TLS mode set to MUTUAL but no caCertificates are set to validate server identity for host: db.example.com at port number:5432',
      ]),
    );
  });

  it('is quiet with caCertificates, or credentialName on a workload-selected rule', () => {
    expect(codes(dr('db', 'shop', '  host: db.example.com\n  trafficPolicy:\n    tls: {mode: SIMPLE, caCertificates: /etc/ca.pem}'), ['IST0128', 'IST0129'])).toEqual([]);
    const selected = dr('db', 'shop', '  host: db.example.com\n  workloadSelector: {matchLabels: {app: api}}\n  trafficPolicy:\n    tls: {mode: SIMPLE, credentialName: db-ca}');
    expect(codes(selected, ['IST0128', 'IST0129'])).toEqual([]);
  });
});

describe('envoyfilter.EnvoyPatchAnalyzer', () => {
  const filter = (patches: string, priority = '') => `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata: {name: lua, namespace: shop}
spec:
${priority}  configPatches:
${patches}`;

  it('reports operations ignored for their applyTo and relative operations without priority', () => {
    const text = filter(`  - applyTo: HTTP_ROUTE
    patch: {operation: ADD, value: {name: r}}
  - applyTo: CLUSTER
    patch: {operation: REPLACE, value: {name: c}}
  - applyTo: HTTP_FILTER
    patch: {operation: INSERT_BEFORE, value: {name: envoy.lua}}`);
    expect(codes(text, ['IST0151', 'IST0152', 'IST0153', 'IST0154', 'IST0155']).sort()).toEqual([
      'IST0151 EnvoyFilter shop/lua',
      'IST0152 EnvoyFilter shop/lua',
      'IST0153 EnvoyFilter shop/lua',
    ]);
  });

  it('is quiet for INSERT_FIRST and for relative operations with a priority', () => {
    const text = filter('  - applyTo: HTTP_FILTER\n    patch: {operation: INSERT_BEFORE, value: {name: envoy.lua}}\n', '  priority: 10\n');
    const first = filter('  - applyTo: HTTP_FILTER\n    patch: {operation: INSERT_FIRST, value: {name: envoy.lua}}');
    expect(codes(doc(text, first.replace('name: lua', 'name: lua2')), ['IST0151', 'IST0152', 'IST0153', 'IST0154', 'IST0155'])).toEqual([]);
  });
});

describe('gateway analyzers', () => {
  const ingressPod = pod('ingress-1', 'istio-system', { istio: 'ingressgateway' });
  const gw = (port: number, tls = '') =>
    gateway('web', 'shop', `  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: ${port}, name: p, protocol: HTTPS}\n    hosts: ["shop.example.com"]\n${tls}`);

  it('IngressGatewayPortAnalyzer reports a port the ingress Service does not expose', () => {
    expect(lines(gw(8443))).toContain(
      'Warning [IST0162] (Gateway shop/web fixture.yaml:7) The gateway is listening on a target port (port 8443) that is not defined in the Service associated with its workload instances (Pod selector istio=ingressgateway). If you need to access the gateway port through the gateway Service, it will not be available.',
    );
    expect(codes(gw(443), ['IST0162'])).toEqual([]);
  });

  it('reports a selector no pod carries', () => {
    const text = gateway('web', 'shop', '  selector: {istio: egress}\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["*"]');
    expect(lines(text)).toContain('Error [IST0101] (Gateway shop/web fixture.yaml:7) Referenced selector not found: "istio=egress"');
  });

  it('SecretAnalyzer reports a missing credentialName and an unusable Secret', () => {
    const tls = '    tls: {mode: SIMPLE, credentialName: web-cert}';
    expect(lines(gw(443, tls))).toContain('Error [IST0101] (Gateway shop/web fixture.yaml:11) Referenced credentialName not found: "web-cert"');
    const secret = (data: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: web-cert, namespace: istio-system}\ntype: kubernetes.io/tls\ndata:\n${data}`;
    const broken = doc(gw(443, tls), ingressPod, secret(`  tls.crt: ${btoa('not a certificate')}\n  tls.key: ${btoa('key')}`));
    expect(codes(broken, ['IST0161'])).toEqual(['IST0161 Gateway shop/web']);
    const pem = `-----BEGIN CERTIFICATE-----\n${btoa(String.fromCharCode(0x30, 0x82, 0x01, 0x0a, 0x02, 0x01))}\n-----END CERTIFICATE-----\n`;
    const good = doc(gw(443, tls), ingressPod, secret(`  tls.crt: ${btoa(pem)}\n  tls.key: ${btoa('key')}`));
    expect(codes(good, ['IST0161', 'IST0101'])).toEqual([]);
  });

  it('CertificateAnalyzer reports one credential on two gateways for the same workloads', () => {
    const a = gateway('a', 'shop', '  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: ["a.example.com"]\n    tls: {mode: SIMPLE, credentialName: shared}');
    const b = a.replace('name: a', 'name: b').replace('a.example.com', 'b.example.com');
    expect(lines(doc(a, b))).toContain(
      'Warning [IST0138] (Gateway shop/a fixture.yaml:4) Duplicate certificate in multiple gateways [shop/a shop/b] may cause 404s if clients re-use HTTP2 connections.',
    );
    expect(codes(doc(a, b.replace('credentialName: shared', 'credentialName: other')), ['IST0138'])).toEqual([]);
  });

  it('ConflictingGatewayAnalyzer reports the same host and port on the same selector', () => {
    const a = gateway('a', 'shop', '  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["shop.example.com"]');
    const b = a.replace('name: a', 'name: b');
    expect(lines(doc(a, b))).toContain(
      'Error [IST0145] (Gateway shop/a fixture.yaml:1) Conflict with gateways shop/b (workload selector istio=ingressgateway, port 80, hosts shop.example.com).',
    );
    expect(codes(doc(a, b.replace('shop.example.com', 'api.example.com')), ['IST0145'])).toEqual([]);
  });
});

describe('injection analyzers', () => {
  it('reports a namespace without injection label and a pod without proxy in an injected namespace', () => {
    const text = doc(namespace('plain'), namespace('meshed', { 'istio-injection': 'enabled' }), pod('web-1', 'meshed', { app: 'web' }));
    const out = lines(text);
    expect(out).toContain(
      "Info [IST0102] (Namespace plain fixture.yaml:4) The namespace is not enabled for Istio injection. Run 'kubectl label namespace plain istio-injection=enabled' to enable it, or 'kubectl label namespace plain istio-injection=disabled' to explicitly mark it as not needing injection.",
    );
    expect(out).toContain('Warning [IST0103] (Pod meshed/web-1 fixture.yaml:13) The pod meshed/web-1 is missing the Istio proxy. This can often be resolved by restarting or redeploying the workload.');
  });

  it('reports two kinds of injection label', () => {
    expect(lines(namespace('both', { 'istio-injection': 'enabled', 'istio.io/rev': 'canary' }))).toContain(
      'Warning [IST0123] (Namespace both fixture.yaml:1) The namespace has more than one type of injection labels [istio-injection=enabled istio.io/rev=canary], which may lead to undefined behavior. Make sure only one injection label exists.',
    );
  });

  it('is quiet for labelled namespaces, opted-out pods and pods with a proxy', () => {
    const injected = pod('web-1', 'meshed', { app: 'web' }, '  - name: istio-proxy\n    image: docker.io/istio/proxyv2:1.26.8');
    const optedOut = pod('job-1', 'meshed', { 'sidecar.istio.io/inject': 'false' });
    const text = doc(namespace('meshed', { 'istio-injection': 'enabled' }), namespace('off', { 'istio-injection': 'disabled' }), injected, optedOut);
    expect(codes(text, ['IST0102', 'IST0103', 'IST0123'])).toEqual([]);
  });

  it('reports image: auto that no injection webhook replaces', () => {
    const auto = pod('manual', 'shop', { app: 'x' }, '  - name: istio-proxy\n    image: auto');
    expect(lines(auto)).toContain(
      'Error [IST0147] (Pod shop/manual fixture.yaml:1) Pod manual contains `image: auto` but does not match any Istio injection webhook selectors.',
    );
    expect(codes(pod('plain', 'shop', { app: 'x' }), ['IST0146', 'IST0147'])).toEqual([]);
  });
});

describe('k8sgateway.SelectorAnalyzer', () => {
  const ra = (selector: string) => `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata: {name: jwt, namespace: shop}
spec:
${selector}  jwtRules:
  - issuer: https://issuer.example.com`;
  const gwPod = pod('gw-1', 'shop', { 'gateway.networking.k8s.io/gateway-name': 'shop-gw', app: 'shop-gw' });

  it('reports a selector on a Gateway API gateway pod', () => {
    expect(lines(doc(ra('  selector: {matchLabels: {app: shop-gw}}\n'), gwPod))).toContain(
      'Warning [IST0166] (RequestAuthentication shop/jwt fixture.yaml:1) Ineffective selector on Kubernetes Gateway shop-gw. Use the TargetRef field instead.',
    );
  });

  it('is quiet with targetRef', () => {
    expect(codes(doc(ra('  targetRef: {kind: Gateway, group: gateway.networking.k8s.io, name: shop-gw}\n'), gwPod), ['IST0166'])).toEqual([]);
  });
});

describe('service.PortNameAnalyzer', () => {
  it('reports port names Istio cannot read a protocol from', () => {
    const text = service('web', 'shop', '  ports:\n  - {name: web, port: 8080, targetPort: 80}\n  - {port: 9000}');
    const out = lines(text);
    expect(out).toContain("Info [IST0118] (Service shop/web fixture.yaml:8) Port name web (port: 8080, targetPort: 80) doesn't follow the naming convention of Istio port.");
    expect(out).toContain("Info [IST0118] (Service shop/web fixture.yaml:9) Port name  (port: 9000, targetPort: 0) doesn't follow the naming convention of Istio port.");
  });

  it('reports a tcp port on an ExternalName Service', () => {
    expect(codes(service('db', 'shop', '  type: ExternalName\n  externalName: db.example.com\n  ports:\n  - {name: tcp, port: 5432}'), ['IST0150'])).toEqual([
      'IST0150 Service shop/db',
    ]);
  });

  it('accepts protocol prefixes, appProtocol, UDP and well-known ports', () => {
    const text = service('web', 'shop', '  ports:\n  - {name: http-web, port: 8080}\n  - {name: x, appProtocol: grpc, port: 9090}\n  - {name: dns, protocol: UDP, port: 5353}\n  - {name: db, port: 3306}\n  - {name: grpc-web-ui, port: 81}');
    expect(codes(text, ['IST0118', 'IST0150'])).toEqual([]);
  });
});

describe('serviceentry.Analyzer', () => {
  const se = (extra: string) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: db, namespace: shop}
spec:
  hosts: [db.example.com]
  location: MESH_EXTERNAL
  resolution: DNS
${extra}`;

  it('reports TCP or unset protocol without addresses', () => {
    expect(lines(se('  ports:\n  - number: 5432\n    name: postgres\n    protocol: tcp'))).toContain(
      'Warning [IST0134] (ServiceEntry shop/db fixture.yaml:10) ServiceEntry addresses are required for this protocol.',
    );
  });

  it('is quiet with addresses, with HTTP, or with DNS auto-allocation in the mesh config', () => {
    expect(codes(se('  addresses: [10.9.0.1]\n  ports:\n  - {number: 5432, name: postgres, protocol: TCP}'), ['IST0134'])).toEqual([]);
    expect(codes(se('  ports:\n  - {number: 80, name: http, protocol: HTTP}'), ['IST0134'])).toEqual([]);
    const mesh = { defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true', ISTIO_META_DNS_AUTO_ALLOCATE: 'true' } } };
    expect(codes(se('  ports:\n  - {number: 5432, name: postgres, protocol: TCP}'), ['IST0134'], { meshConfig: mesh })).toEqual([]);
  });
});

describe('sidecar.SelectorAnalyzer', () => {
  const sidecar = (name: string, selector: string) =>
    `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${selector}  egress:\n  - hosts: ["./*"]`;

  it('reports no matching pod, two Sidecars on one pod, and two without selector', () => {
    const out = lines(doc(sidecar('a', '  workloadSelector: {labels: {app: cart}}\n'), sidecar('b', '  workloadSelector: {labels: {app: cart}}\n'), pod('cart-1', 'shop', { app: 'cart' })));
    expect(out).toContain(
      'Error [IST0110] (Sidecar shop/a fixture.yaml:3) The Sidecars [a b] in namespace "shop" select the same workload pod "cart-1", which can lead to undefined behavior.',
    );
    expect(lines(sidecar('a', '  workloadSelector: {labels: {app: nothing}}\n'))).toContain(
      'Error [IST0101] (Sidecar shop/a fixture.yaml:5) Referenced selector not found: "app=nothing"',
    );
    expect(lines(doc(sidecar('a', ''), sidecar('b', '')))).toContain(
      'Error [IST0111] (Sidecar shop/a fixture.yaml:1) The Sidecars [a b] in namespace "shop" have no workload selector, which can lead to undefined behavior.',
    );
  });

  it('is quiet for one namespace default and one workload Sidecar', () => {
    const text = doc(sidecar('default', ''), sidecar('cart', '  workloadSelector: {labels: {app: cart}}\n'), pod('cart-1', 'shop', { app: 'cart' }));
    expect(codes(text, ['IST0101', 'IST0110', 'IST0111', 'IST0167'])).toEqual([]);
  });
});

describe('telemetry analyzers', () => {
  const telemetry = (name: string, spec: string) => `apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${spec}`;

  it('reports access logging without provider, two namespace-wide Telemetries, and a selector with no pod', () => {
    expect(lines(telemetry('logs', '  accessLogging:\n  - {}'))).toContain(
      'Warning [IST0157] (Telemetry shop/logs fixture.yaml:1) The Telemetry logs in namespace "shop" with empty providers will be ignored.',
    );
    expect(codes(doc(telemetry('a', '  tracing: [{}]'), telemetry('b', '  tracing: [{}]')), ['IST0160'])).toEqual(['IST0160 Telemetry shop/a', 'IST0160 Telemetry shop/b']);
    expect(lines(telemetry('t', '  selector: {matchLabels: {app: gone}}\n  tracing: [{}]'))).toContain(
      'Error [IST0101] (Telemetry shop/t fixture.yaml:5) Referenced selector not found: "app=gone"',
    );
  });

  it('reports two Telemetries selecting one pod', () => {
    const sel = '  selector: {matchLabels: {app: cart}}\n  tracing: [{}]';
    expect(codes(doc(telemetry('a', sel), telemetry('b', sel), pod('cart-1', 'shop', { app: 'cart' })), ['IST0159'])).toEqual([
      'IST0159 Telemetry shop/a',
      'IST0159 Telemetry shop/b',
    ]);
  });

  it('is quiet with a provider, or a mesh default provider', () => {
    expect(codes(telemetry('logs', '  accessLogging:\n  - providers: [{name: envoy}]'), ['IST0157'])).toEqual([]);
    expect(codes(telemetry('logs', '  accessLogging:\n  - {}'), ['IST0157'], { meshConfig: { defaultProviders: { accessLogging: ['envoy'] } } })).toEqual([]);
  });

  it('reports a Lightstep provider as deprecated', () => {
    const mesh = { extensionProviders: [{ name: 'ls', lightstep: { address: 'ls.example.com:443' } }] };
    expect(lines(telemetry('trace', '  tracing:\n  - providers: [{name: ls}]'), { meshConfig: mesh })).toContain(
      'Warning [IST0002] (Telemetry shop/trace fixture.yaml:1) Deprecated: The Lightstep provider ls is deprecated, please migrate to OpenTelemetry provider.',
    );
  });
});

describe('virtualservice analyzers', () => {
  const reviewsSvc = service('reviews', 'shop', '  selector: {app: reviews}\n  ports:\n  - {name: http, port: 9080}');

  it('DestinationRuleAnalyzer reports a subset no DestinationRule defines', () => {
    const text = doc(vs('reviews', 'shop', '  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews, subset: v3}'), dr('reviews', 'shop', '  host: reviews\n  subsets:\n  - {name: v1, labels: {version: v1}}'));
    expect(lines(text)).toContain('Error [IST0101] (VirtualService shop/reviews fixture.yaml:10) Referenced host+subset in destinationrule not found: "reviews+v3"');
    expect(codes(doc(text.replace('subset: v3', 'subset: v1'), reviewsSvc), ['IST0101'])).toEqual([]);
  });

  it('DestinationHostAnalyzer reports unknown hosts, ports and a missing port choice', () => {
    const twoPorts = service('reviews', 'shop', '  ports:\n  - {name: http, port: 9080}\n  - {name: http-admin, port: 9090}');
    const route = (dest: string) => vs('reviews', 'shop', `  hosts: [reviews]\n  http:\n  - route:\n    - destination: ${dest}`);
    expect(lines(route('{host: nothing}'))).toContain('Error [IST0101] (VirtualService shop/reviews fixture.yaml:10) Referenced host not found: "nothing"');
    expect(lines(doc(route('{host: reviews, port: {number: 8000}}'), reviewsSvc))).toContain(
      'Error [IST0101] (VirtualService shop/reviews fixture.yaml:10) Referenced host:port not found: "reviews:8000"',
    );
    expect(lines(doc(route('{host: reviews}'), twoPorts))).toContain(
      'Error [IST0112] (VirtualService shop/reviews fixture.yaml:10) This VirtualService routes to a service "reviews" that exposes multiple ports [9080 9090]. Specifying a port in the destination is required to disambiguate.',
    );
    expect(codes(doc(route('{host: reviews}'), reviewsSvc), ['IST0101', 'IST0112'])).toEqual([]);
  });

  it('GatewayAnalyzer reports a missing gateway and a host the gateway does not serve', () => {
    const bound = (gws: string) => vs('web', 'shop', `  hosts: [web.example.com]\n  gateways: [${gws}]\n  http:\n  - route:\n    - destination: {host: web}`);
    const out = lines(bound('missing'));
    expect(out).toContain('Error [IST0101] (VirtualService shop/web fixture.yaml:8) Referenced gateway not found: "missing"');
    expect(out).toContain('Warning [IST0132] (VirtualService shop/web fixture.yaml:8) one or more host [web.example.com] defined in VirtualService shop/web not found in Gateway shop/missing.');
    const gw = gateway('public', 'shop', '  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["*.example.com"]');
    expect(lines(doc(bound('public'), gw)).filter((l) => l.includes('Referenced gateway') || l.includes('[IST0132]'))).toEqual([]);
  });

  it('ConflictingMeshGatewayHostsAnalyzer reports two mesh VirtualServices for one host', () => {
    const a = vs('a', 'shop', '  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews}');
    const b = a.replace('name: a', 'name: b');
    expect(lines(doc(a, b))).toContain(
      'Error [IST0109] (VirtualService shop/a fixture.yaml:4) The VirtualServices shop/a,shop/b associated with mesh gateway define the same host */reviews.shop.svc.cluster.local which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.',
    );
    expect(codes(doc(a, b.replace('hosts: [reviews]', 'hosts: [ratings]')), ['IST0109'])).toEqual([]);
  });

  it('DestinationHostAnalyzer reports a gateway route without subset next to a subset route (IST0140)', () => {
    const mesh = vs('reviews', 'shop', '  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews, subset: v1}');
    const ingress = vs('edge', 'shop', '  hosts: [shop.example.com]\n  gateways: [public]\n  http:\n  - route:\n    - destination: {host: reviews}');
    expect(lines(doc(mesh, ingress, reviewsSvc))).toContain(
      'Warning [IST0140] (VirtualService shop/edge fixture.yaml:12) Subset in virtual service shop/reviews has no effect on ingress gateway shop/edge requests',
    );
  });

  it('JWTClaimRouteAnalyzer reports claim routing without a RequestAuthentication on the gateway pods', () => {
    const gw = gateway('public', 'istio-system', '  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["*"]');
    const claims = vs('claims', 'shop', '  hosts: ["*"]\n  gateways: [istio-system/public]\n  http:\n  - match:\n    - headers:\n        "@request.auth.claims.group": {exact: admin}\n    route:\n    - destination: {host: admin}');
    const out = lines(doc(gw, claims));
    expect(out.some((l) => l.startsWith('Error [IST0149] (VirtualService shop/claims') && l.includes('(key: @request.auth.claims.group)') && l.includes('gateway (istio-system/public) pod (istio-ingressgateway-dummypod)'))).toBe(true);
    const ra = 'apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata: {name: jwt, namespace: istio-system}\nspec:\n  selector: {matchLabels: {istio: ingressgateway}}';
    expect(codes(doc(gw, claims, ra), ['IST0149'])).toEqual([]);
  });
});

describe('schema.ValidationAnalyzer', () => {
  it('reports rules after a catch-all and duplicate matches (IST0130, IST0131)', () => {
    const text = vs('r', 'shop', '  hosts: [r]\n  http:\n  - route:\n    - destination: {host: r}\n  - route:\n    - destination: {host: r}');
    expect(lines(text)).toContain('Warning [IST0130] (VirtualService shop/r fixture.yaml:1) VirtualService rule #1 not used (only the last rule can have no matches).');
    const dup = vs('r', 'shop', '  hosts: [r]\n  http:\n  - name: first\n    match:\n    - uri: {exact: /a}\n    route:\n    - destination: {host: r}\n  - match:\n    - uri: {exact: /a}\n    route:\n    - destination: {host: r}');
    const out = lines(dup);
    expect(out).toContain('Info [IST0131] (VirtualService shop/r fixture.yaml:1) VirtualService rule #1 match #0 is not used (duplicate/overlapping match in rule "first").');
    expect(out).toContain('Warning [IST0130] (VirtualService shop/r fixture.yaml:1) VirtualService rule #1 not used (all matches used by prior rules).');
  });

  it('reports a longer prefix that a shorter one already takes', () => {
    const text = vs('r', 'shop', '  hosts: [r]\n  http:\n  - match:\n    - uri: {prefix: /api}\n    route:\n    - destination: {host: r}\n  - match:\n    - uri: {prefix: /api/v2}\n    route:\n    - destination: {host: r}');
    expect(lines(text)).toContain(
      'Info [IST0131] (VirtualService shop/r fixture.yaml:1) VirtualService rule #1 match #0 of prefix /api/v2 is not used (duplicate/overlapping match in rule #0 of prefix /api on #0).',
    );
    expect(codes(text.replace('/api/v2', '/web'), ['IST0130', 'IST0131'])).toEqual([]);
  });

  it('turns schema check findings into IST0106 and IST0133', () => {
    const schemaCheck = () => [
      { severity: 'error' as const, message: 'weight must be between 0 and 100', path: 'spec.http[0].route[0].weight' },
      { severity: 'warning' as const, message: 'something is odd' },
    ];
    const out = lines(vs('r', 'shop', '  hosts: [r]\n  http:\n  - route:\n    - destination: {host: r}'), { schemaCheck });
    expect(out).toContain('Error [IST0106] (VirtualService shop/r fixture.yaml:1) Schema validation error: weight must be between 0 and 100');
    expect(out).toContain('Warning [IST0133] (VirtualService shop/r fixture.yaml:1) Schema validation warning: something is odd');
  });
});
