/**
 * The `istioctl analyze` codes our analyzer (src/lib/istio/analyze) reports, in our words: what each means,
 * how to fix it, the page that teaches the topic, and a minimal example that triggers it.
 * tests/unit/analyzer-codes.test.ts runs every example through the analyzer (as a cluster would hold it:
 * every kind kept, every namespace reported) and checks that an entry exists for every code the analyzers
 * emit. The Check YAML page links each finding to `/troubleshooting/analyzer-codes/#<code lowercased>`.
 * Also here: a one-line explanation of each checker code (what `kubectl apply` would reject).
 */
import { messageTypes, type MessageCode } from '~/lib/istio/analyze/messages.gen';
import type { DiagnosticCode } from '~/lib/istio/check/types';

export interface AnalyzerCode {
  code: MessageCode;
  /** What the message means, one or two sentences. */
  meaning: string;
  /** How to make it go away for the right reason. */
  fix: string;
  /** The page that teaches the topic (site path with trailing slash). */
  teaches: string;
  /** A minimal set of manifests that triggers the code. */
  example: string;
  /** A MeshConfig the example needs, when the message depends on it. */
  meshConfig?: unknown;
}

const vs = '/traffic/virtualservice-destinationrule/';
const analyzePage = '/troubleshooting/istioctl-analyze/';
const injection = '/troubleshooting/sidecar-injection/';

export const analyzerCodes: AnalyzerCode[] = [
  {
    code: 'IST0002',
    meaning: 'A field you set still works in Istio 1.26 but is deprecated and will go away.',
    fix: 'Move the value to the field that replaced it (the message names both).',
    teaches: '/traffic/fault-injection/',
    example: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings
spec:
  hosts:
  - ratings
  http:
  - fault:
      delay:
        percent: 50
        fixedDelay: 5s
    route:
    - destination:
        host: ratings`,
  },
  {
    code: 'IST0101',
    meaning: 'A resource points at something that does not exist: a host, a subset, a Gateway, a namespace, a Secret or a workload label.',
    fix: 'Create the missing object, or correct the name (mind the namespace: a short name is read in the resource\'s own namespace).',
    teaches: vs,
    example: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v3
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  subsets:
  - name: v1
    labels:
      version: v1
---
apiVersion: v1
kind: Service
metadata:
  name: reviews
spec:
  selector:
    app: reviews
  ports:
  - name: http
    port: 9080`,
  },
  {
    code: 'IST0102',
    meaning: 'A namespace has no injection label, so its pods get no sidecar.',
    fix: 'Label the namespace `istio-injection=enabled` (or `istio.io/rev=<revision>`) and restart its workloads, or label it `istio-injection=disabled` to say that is intended.',
    teaches: injection,
    example: `apiVersion: v1
kind: Namespace
metadata:
  name: shop`,
  },
  {
    code: 'IST0103',
    meaning: 'A pod in a namespace with injection turned on runs without the istio-proxy container: it started before the label, or injection was skipped.',
    fix: 'Restart the workload (`kubectl rollout restart deployment/<name>`) so the injector sees the new pod.',
    teaches: injection,
    example: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enabled
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.27`,
  },
  {
    code: 'IST0106',
    meaning: 'istiod\'s validation rejects the resource: the API server would refuse it on apply.',
    fix: 'Read the error after "Schema validation error:" and correct that field; the Check YAML page shows the same error at its exact line.',
    teaches: analyzePage,
    example: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v1
    labels:
      version: v2`,
  },
  {
    code: 'IST0107',
    meaning: 'An Istio annotation sits on a kind it does not apply to (for example a pod annotation on a Service), so it has no effect.',
    fix: 'Move the annotation to the kind named in the message, usually the pod template of the Deployment.',
    teaches: injection,
    example: `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    sidecar.istio.io/proxyCPU: 200m
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80`,
  },
  {
    code: 'IST0108',
    meaning: 'An annotation uses an Istio prefix but is not an annotation Istio knows: usually a typo.',
    fix: 'Correct the name against the Istio annotation reference, or remove it.',
    teaches: injection,
    example: `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    sidecar.istio.io/injekt: "true"
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80`,
  },
  {
    code: 'IST0109',
    meaning: 'Two VirtualServices for sidecars (no gateways) claim the same host; which one wins is undefined.',
    fix: 'Merge the routes into one VirtualService per host.',
    teaches: vs,
    example: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews-a
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews-b
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews`,
  },
  {
    code: 'IST0110',
    meaning: 'Two Sidecar resources select the same pod; the proxy gets only one of them, and which is undefined.',
    fix: 'Give each workload one Sidecar: merge them or make the selectors disjoint.',
    teaches: '/traffic/sidecar-resource/',
    example: `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: a
spec:
  workloadSelector:
    labels:
      app: cart
  outboundTrafficPolicy:
    mode: REGISTRY_ONLY
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: b
spec:
  workloadSelector:
    labels:
      app: cart
  outboundTrafficPolicy:
    mode: ALLOW_ANY
---
apiVersion: v1
kind: Pod
metadata:
  name: cart-1
  labels:
    app: cart
spec:
  containers:
  - name: cart
    image: example/cart:1`,
  },
  {
    code: 'IST0111',
    meaning: 'A namespace has more than one Sidecar without a workload selector; only one namespace-wide Sidecar is allowed.',
    fix: 'Keep one Sidecar without a selector per namespace; give the others a `workloadSelector`.',
    teaches: '/traffic/sidecar-resource/',
    example: `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: a
spec:
  outboundTrafficPolicy:
    mode: REGISTRY_ONLY
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: b
spec:
  outboundTrafficPolicy:
    mode: ALLOW_ANY`,
  },
  {
    code: 'IST0112',
    meaning: 'A route sends traffic to a Service with several ports but does not say which port.',
    fix: 'Add `port: { number: N }` to the destination.',
    teaches: vs,
    example: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
---
apiVersion: v1
kind: Service
metadata:
  name: reviews
spec:
  selector:
    app: reviews
  ports:
  - name: http
    port: 9080
  - name: http-admin
    port: 9090`,
  },
  {
    code: 'IST0116',
    meaning: 'One Deployment is behind several Services that use the same port with different protocols (TCP and UDP); the proxy cannot serve both.',
    fix: 'Use one protocol per port for the workload, or different ports.',
    teaches: '/fundamentals/architecture/',
    example: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
        sidecar.istio.io/inject: "true"
    spec:
      containers:
      - name: api
        image: example/api:1
---
apiVersion: v1
kind: Service
metadata:
  name: api-tcp
spec:
  selector:
    app: api
  ports:
  - name: tcp
    port: 8080
    protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: api-udp
spec:
  selector:
    app: api
  ports:
  - name: udp
    port: 8080
    protocol: UDP`,
  },
  {
    code: 'IST0118',
    meaning: 'A Service port name does not start with a protocol Istio knows (`http`, `http2`, `grpc`, `tcp`, `tls`, ...), and no `appProtocol` is set, so the protocol has to be guessed.',
    fix: 'Name the port `<protocol>` or `<protocol>-<suffix>` (for example `http-web`), or set `appProtocol`.',
    teaches: '/troubleshooting/symptoms/',
    example: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: web
    port: 8080
    targetPort: 80`,
  },
  {
    code: 'IST0123',
    meaning: 'A namespace carries both `istio-injection` and `istio.io/rev`; which injector handles its pods is unclear.',
    fix: 'Keep one injection label: `istio-injection` for the default revision, or `istio.io/rev` for a canary.',
    teaches: '/install/upgrades/',
    example: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enabled
    istio.io/rev: canary`,
  },
  {
    code: 'IST0125',
    meaning: 'A known Istio annotation has a value it cannot use (wrong format or an unknown option).',
    fix: 'Correct the value; the message says which values are allowed.',
    teaches: injection,
    example: `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    sidecar.istio.io/interceptionMode: SOMETIMES
spec:
  containers:
  - name: web
    image: nginx:1.27`,
  },
  {
    code: 'IST0127',
    meaning: 'A policy (AuthorizationPolicy, RequestAuthentication...) selects workload labels that no pod in its namespace has, so it applies to nothing.',
    fix: 'Match the selector to the pods\' labels (`kubectl get pods --show-labels`), or create the workload.',
    teaches: '/security/authorization-policy/',
    example: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: allow-frontend
spec:
  selector:
    matchLabels:
      app: cart
  action: ALLOW
  rules:
  - from:
    - source:
        namespaces:
        - default`,
  },
  {
    code: 'IST0128',
    meaning: 'A DestinationRule originates TLS (SIMPLE or MUTUAL) but gives no `caCertificates`, so the server\'s certificate is not verified.',
    fix: 'Set `caCertificates` (or a `credentialName` holding the CA) to verify the server; ISTIO_MUTUAL needs neither.',
    teaches: '/traffic/egress-gateway/',
    example: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: db
spec:
  host: db.example.com
  trafficPolicy:
    tls:
      mode: SIMPLE`,
  },
  {
    code: 'IST0129',
    meaning: 'The same as IST0128, for TLS set on one port under `portLevelSettings`.',
    fix: 'Set `caCertificates` for that port\'s TLS settings.',
    teaches: '/traffic/egress-gateway/',
    example: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: db
spec:
  host: db.example.com
  trafficPolicy:
    portLevelSettings:
    - port:
        number: 5432
      tls:
        mode: SIMPLE`,
  },
  {
    code: 'IST0130',
    meaning: 'An HTTP rule can never be used: an earlier rule without `match` takes every request, or earlier rules already take all of its matches.',
    fix: 'Put specific rules first and the catch-all rule last.',
    teaches: vs,
    example: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v1
  - route:
    - destination:
        host: reviews
        subset: v2`,
  },
  {
    code: 'IST0131',
    meaning: 'One match condition of a rule is covered by an earlier rule\'s match, so that condition is never used (the rule still serves its other matches).',
    fix: 'Remove the covered condition, or move the more specific rule above the broader one.',
    teaches: vs,
    example: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: web
spec:
  hosts:
  - web
  http:
  - match:
    - uri:
        prefix: /api
    route:
    - destination:
        host: web
  - match:
    - uri:
        prefix: /api/v2
    - uri:
        prefix: /static
    route:
    - destination:
        host: web`,
  },
  {
    code: 'IST0132',
    meaning: 'A VirtualService bound to a Gateway lists a host that Gateway does not serve, so that host gets no route at the gateway.',
    fix: 'Add the host to the Gateway\'s server `hosts`, or correct the VirtualService\'s host.',
    teaches: '/traffic/ingress-gateway/',
    example: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: web-gw
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - shop.example.com
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: web
spec:
  hosts:
  - web.example.com
  gateways:
  - web-gw
  http:
  - route:
    - destination:
        host: web`,
  },
  {
    code: 'IST0133',
    meaning: 'istiod accepts the resource but warns about it: it works, yet probably not as you meant.',
    fix: 'Read the warning after "Schema validation warning:"; for a DENY policy with only HTTP fields, add the ports it is for.',
    teaches: '/security/authorization-policy/',
    example: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-delete
spec:
  action: DENY
  rules:
  - to:
    - operation:
        methods:
        - DELETE`,
  },
  {
    code: 'IST0134',
    meaning: 'A ServiceEntry for a TCP (non-HTTP) port has no `addresses`; without an address the sidecar cannot tell this service\'s traffic apart on that port.',
    fix: 'Add `addresses` (an IP or CIDR), or turn on DNS proxying with address allocation in the mesh config.',
    teaches: '/traffic/service-entry/',
    example: `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: db
spec:
  hosts:
  - db.example.com
  location: MESH_EXTERNAL
  resolution: DNS
  ports:
  - number: 5432
    name: postgres
    protocol: TCP`,
  },
  {
    code: 'IST0135',
    meaning: 'An annotation is deprecated; it may stop working in a later release.',
    fix: 'Use what replaced it; for injection, the `sidecar.istio.io/inject` label instead of the annotation.',
    teaches: injection,
    example: `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    sidecar.istio.io/inject: "false"
spec:
  containers:
  - name: web
    image: nginx:1.27`,
  },
  {
    code: 'IST0137',
    meaning: 'Services that send to the same Deployment target port expose it on different Service ports, which confuses the proxy\'s inbound setup.',
    fix: 'Use the same Service port for a given target port.',
    teaches: '/fundamentals/architecture/',
    example: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
        sidecar.istio.io/inject: "true"
    spec:
      containers:
      - name: api
        image: example/api:1
---
apiVersion: v1
kind: Service
metadata:
  name: api-a
spec:
  selector:
    app: api
  ports:
  - name: http
    port: 80
    targetPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: api-b
spec:
  selector:
    app: api
  ports:
  - name: http
    port: 9090
    targetPort: 8080`,
  },
  {
    code: 'IST0138',
    meaning: 'Several Gateways use the same TLS certificate; a browser may reuse one HTTP/2 connection across their hosts and get 404s.',
    fix: 'Serve those hosts from one Gateway server, or give each Gateway its own certificate.',
    teaches: '/security/edge-tls/',
    example: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: a
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 443
      name: https
      protocol: HTTPS
    hosts:
    - a.example.com
    tls:
      mode: SIMPLE
      credentialName: shared
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: b
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 443
      name: https
      protocol: HTTPS
    hosts:
    - b.example.com
    tls:
      mode: SIMPLE
      credentialName: shared`,
  },
  {
    code: 'IST0140',
    meaning: 'A gateway route sends to a host whose mesh route picks a subset; the subset of the mesh route does not apply to requests coming through the gateway.',
    fix: 'Set the subset in the gateway VirtualService\'s destination too.',
    teaches: '/traffic/ingress-gateway/',
    example: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v1
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: edge
spec:
  hosts:
  - shop.example.com
  gateways:
  - public
  http:
  - route:
    - destination:
        host: reviews
---
apiVersion: v1
kind: Service
metadata:
  name: reviews
spec:
  selector:
    app: reviews
  ports:
  - name: http
    port: 9080`,
  },
  {
    code: 'IST0144',
    meaning: 'A container runs as user ID 1337, which Istio reserves for the sidecar; its traffic would bypass the proxy.',
    fix: 'Run the application with another user ID.',
    teaches: injection,
    example: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      securityContext:
        runAsUser: 1337
      containers:
      - name: api
        image: example/api:1`,
  },
  {
    code: 'IST0145',
    meaning: 'Two Gateways select the same gateway pods and declare the same port and host; one of them is ignored.',
    fix: 'Serve that host on that port from one Gateway.',
    teaches: '/traffic/ingress-gateway/',
    example: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: a
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - shop.example.com
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: b
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - shop.example.com`,
  },
  {
    code: 'IST0146',
    meaning: 'A Deployment uses `image: auto` (filled in by the injector) but no injection webhook selects it, so the image stays "auto" and the pod cannot start.',
    fix: 'Enable injection for its namespace or pods, or set a real image.',
    teaches: '/install/customize/',
    example: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: gateway
spec:
  selector:
    matchLabels:
      app: gateway
  template:
    metadata:
      labels:
        app: gateway
    spec:
      containers:
      - name: istio-proxy
        image: auto`,
  },
  {
    code: 'IST0147',
    meaning: 'The same as IST0146 for a Pod: its `image: auto` is never replaced.',
    fix: 'Enable injection for the pod\'s namespace, or set a real image.',
    teaches: '/install/customize/',
    example: `apiVersion: v1
kind: Pod
metadata:
  name: gateway
spec:
  containers:
  - name: istio-proxy
    image: auto`,
  },
  {
    code: 'IST0148',
    meaning: 'The injector is installed with namespaces injected by default, so this namespace gets sidecars although it has no injection label.',
    fix: 'Nothing to fix if that is intended; label the namespace `istio-injection=disabled` to keep sidecars out.',
    teaches: injection,
    example: `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio-sidecar-injector
  namespace: istio-system
data:
  values: '{"sidecarInjectorWebhook":{"enableNamespacesByDefault":true}}'
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop`,
  },
  {
    code: 'IST0149',
    meaning: 'A gateway route matches on a JWT claim (`@request.auth.claims...`), but no RequestAuthentication applies to the gateway pods, so the claim is never available.',
    fix: 'Add a RequestAuthentication that selects the gateway pods.',
    teaches: '/security/jwt-request-authentication/',
    example: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: public
  namespace: istio-system
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - "*"
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: admin
spec:
  hosts:
  - "*"
  gateways:
  - istio-system/public
  http:
  - match:
    - headers:
        "@request.auth.claims.group":
          exact: admin
    route:
    - destination:
        host: admin`,
  },
  {
    code: 'IST0150',
    meaning: 'An ExternalName Service has a port named `tcp...` (or unnamed); the proxy handles such ports in a way that can drop traffic for it.',
    fix: 'Name the port after its real protocol (`http`, `tls`...), as for any Service.',
    teaches: '/traffic/service-entry/',
    example: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: ExternalName
  externalName: db.example.com
  ports:
  - name: tcp
    port: 5432`,
  },
  {
    code: 'IST0151',
    meaning: 'An EnvoyFilter uses a relative operation (INSERT_BEFORE/AFTER...) without `priority`; its order against other filters is not fixed.',
    fix: 'Set `priority`, or use an absolute operation.',
    teaches: '/troubleshooting/data-plane/',
    example: `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: lua
spec:
  configPatches:
  - applyTo: HTTP_FILTER
    patch:
      operation: INSERT_BEFORE
      value:
        name: envoy.lua`,
  },
  {
    code: 'IST0152',
    meaning: 'An EnvoyFilter uses REPLACE on something other than an HTTP or network filter; Envoy patching supports REPLACE only there.',
    fix: 'Use MERGE for clusters, listeners and routes.',
    teaches: '/troubleshooting/data-plane/',
    example: `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: cluster
spec:
  configPatches:
  - applyTo: CLUSTER
    patch:
      operation: REPLACE
      value:
        name: c`,
  },
  {
    code: 'IST0153',
    meaning: 'An EnvoyFilter uses ADD on a route configuration or an HTTP route, where ADD is ignored.',
    fix: 'Use MERGE, or apply to VIRTUAL_HOST to add a route.',
    teaches: '/troubleshooting/data-plane/',
    example: `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: route
spec:
  configPatches:
  - applyTo: HTTP_ROUTE
    patch:
      operation: ADD
      value:
        name: r`,
  },
  {
    code: 'IST0154',
    meaning: 'An EnvoyFilter uses REMOVE on a route configuration or an HTTP route, where REMOVE is ignored.',
    fix: 'Remove the route through its virtual host, or change it with MERGE.',
    teaches: '/troubleshooting/data-plane/',
    example: `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: route
spec:
  configPatches:
  - applyTo: ROUTE_CONFIGURATION
    patch:
      operation: REMOVE`,
  },
  {
    code: 'IST0155',
    meaning: 'An EnvoyFilter patches a filter relative to another (no `priority`) after an earlier patch of the same filter was tied to a proxy version; after an upgrade the filter it is placed against may be missing.',
    fix: 'Set `priority`.',
    teaches: '/troubleshooting/data-plane/',
    example: `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: lua
spec:
  configPatches:
  - applyTo: HTTP_FILTER
    match:
      proxy:
        proxyVersion: ^1\\.26.*
    patch:
      operation: INSERT_FIRST
      value:
        name: envoy.lua
  - applyTo: HTTP_FILTER
    patch:
      operation: INSERT_AFTER
      value:
        name: envoy.lua`,
  },
  {
    code: 'IST0157',
    meaning: 'A Telemetry entry names no provider and the mesh has no default provider for it, so it is ignored.',
    fix: 'List a provider (for example `envoy` for access logs), or set a default provider in the mesh config.',
    teaches: '/troubleshooting/data-plane/',
    example: `apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: logs
spec:
  accessLogging:
  - {}`,
  },
  {
    code: 'IST0158',
    meaning: 'Some pods in an injected namespace run a proxy image other than the one the injector now uses: they were injected before an upgrade.',
    fix: 'Restart those workloads so they get the current proxy.',
    teaches: '/install/upgrades/',
    example: `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio-sidecar-injector
  namespace: istio-system
data:
  values: '{"global":{"hub":"docker.io/istio","tag":"1.26.8","proxy":{"image":"proxyv2"}}}'
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enabled
---
apiVersion: v1
kind: Pod
metadata:
  name: web-1
  namespace: shop
spec:
  containers:
  - name: web
    image: nginx:1.27
  - name: istio-proxy
    image: docker.io/istio/proxyv2:1.25.0`,
  },
  {
    code: 'IST0159',
    meaning: 'Two Telemetry resources select the same pod; which one applies is undefined.',
    fix: 'Merge them, or make their selectors disjoint.',
    teaches: '/troubleshooting/data-plane/',
    example: `apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: a
spec:
  selector:
    matchLabels:
      app: cart
  tracing:
  - randomSamplingPercentage: 10
---
apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: b
spec:
  selector:
    matchLabels:
      app: cart
  tracing:
  - randomSamplingPercentage: 50
---
apiVersion: v1
kind: Pod
metadata:
  name: cart-1
  labels:
    app: cart
spec:
  containers:
  - name: cart
    image: example/cart:1`,
  },
  {
    code: 'IST0160',
    meaning: 'A namespace has several Telemetry resources without a selector; only one namespace-wide Telemetry can apply.',
    fix: 'Keep one namespace-wide Telemetry; give the others a selector.',
    teaches: '/troubleshooting/data-plane/',
    example: `apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: a
spec:
  tracing:
  - randomSamplingPercentage: 10
---
apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: b
spec:
  tracing:
  - randomSamplingPercentage: 50`,
  },
  {
    code: 'IST0161',
    meaning: 'The Secret a Gateway\'s `credentialName` names exists but holds no usable certificate.',
    fix: 'Recreate the Secret from the certificate and key files (`kubectl create secret tls ...`) in the gateway\'s namespace.',
    teaches: '/security/edge-tls/',
    example: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: web
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 443
      name: https
      protocol: HTTPS
    hosts:
    - shop.example.com
    tls:
      mode: SIMPLE
      credentialName: web-cert
---
apiVersion: v1
kind: Pod
metadata:
  name: istio-ingressgateway-1
  namespace: istio-system
  labels:
    istio: ingressgateway
spec:
  containers:
  - name: istio-proxy
    image: docker.io/istio/proxyv2:1.26.8
---
apiVersion: v1
kind: Secret
metadata:
  name: web-cert
  namespace: istio-system
type: kubernetes.io/tls
data:
  tls.crt: bm90IGEgY2VydGlmaWNhdGU=
  tls.key: a2V5`,
  },
  {
    code: 'IST0162',
    meaning: 'A Gateway listens on a port that the gateway pods\' Service does not expose, so clients cannot reach it through that Service.',
    fix: 'Use a Gateway port that the Service maps (80 and 443 on the default ingress gateway), or add the port to the Service.',
    teaches: '/traffic/ingress-gateway/',
    example: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: web
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 8443
      name: https
      protocol: HTTP
    hosts:
    - shop.example.com
---
apiVersion: v1
kind: Pod
metadata:
  name: istio-ingressgateway-1
  namespace: istio-system
  labels:
    istio: ingressgateway
spec:
  containers:
  - name: istio-proxy
    image: docker.io/istio/proxyv2:1.26.8
---
apiVersion: v1
kind: Service
metadata:
  name: istio-ingressgateway
  namespace: istio-system
spec:
  selector:
    istio: ingressgateway
  ports:
  - name: http2
    port: 80
    targetPort: 8080`,
  },
  {
    code: 'IST0165',
    meaning: 'A VirtualService names a Gateway that Istio generates from a Gateway API Gateway; such internal names are not meant to be referenced and can change.',
    fix: 'Attach routes to a Gateway API Gateway with an HTTPRoute, or bind to an Istio Gateway you created.',
    teaches: '/traffic/ingress-gateway/',
    example: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: out
spec:
  hosts:
  - api.example.com
  gateways:
  - default/web-istio-autogenerated-k8s-gateway-http
  http:
  - route:
    - destination:
        host: api.example.com`,
  },
  {
    code: 'IST0166',
    meaning: 'A policy selects the pods of a Gateway API gateway with `selector`; for those, Istio expects `targetRef` pointing at the Gateway.',
    fix: 'Replace `selector` with `targetRef: { group: gateway.networking.k8s.io, kind: Gateway, name: <gateway> }`.',
    teaches: '/security/jwt-request-authentication/',
    example: `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata:
  name: jwt
spec:
  selector:
    matchLabels:
      app: shop-gw
  jwtRules:
  - issuer: https://issuer.example.com
---
apiVersion: v1
kind: Pod
metadata:
  name: shop-gw-1
  labels:
    app: shop-gw
    gateway.networking.k8s.io/gateway-name: shop-gw
spec:
  containers:
  - name: istio-proxy
    image: docker.io/istio/proxyv2:1.26.8`,
  },
  {
    code: 'IST0167',
    meaning: 'A sidecar-only policy (such as a Sidecar resource) targets a namespace or workload in ambient mode, where no sidecar reads it.',
    fix: 'Use the ambient equivalent (a waypoint and policies that target it), or take the namespace out of ambient mode.',
    teaches: '/fundamentals/sidecar-vs-ambient/',
    example: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio.io/dataplane-mode: ambient
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: shop
spec:
  outboundTrafficPolicy:
    mode: REGISTRY_ONLY`,
  },
];

const byCode = new Map<string, AnalyzerCode>(analyzerCodes.map((c) => [c.code, c]));

/** One line per checker code: what `kubectl apply` (API server or istiod webhook) rejects. */
export const checkerCodes: Record<DiagnosticCode, { summary: string; teaches: string }> = {
  'yaml-syntax': { summary: 'The text is not valid YAML: check indentation (spaces only) and the line above.', teaches: '/exam/exam-day/' },
  'input-limit': { summary: 'The input is larger or deeper than the checker reads; check a smaller part.', teaches: '/troubleshooting/check-yaml/' },
  'not-an-object': { summary: 'A document must be a mapping of fields, starting with apiVersion and kind.', teaches: '/exam/api-versions/' },
  'missing-kind': { summary: 'Every document needs apiVersion and kind.', teaches: '/exam/api-versions/' },
  'unknown-kind': { summary: 'The cluster serves no such kind in that API group: check the spelling and the group.', teaches: '/exam/api-versions/' },
  'unserved-version': { summary: 'The kind exists but not in this version on Istio 1.26: use a served apiVersion.', teaches: '/exam/api-versions/' },
  'unknown-field': { summary: 'A field the API does not have, usually a typo or a field at the wrong indentation; kubectl refuses it.', teaches: vs },
  'invalid-type': { summary: 'The value has the wrong type (a list where a map belongs, text where a number belongs...).', teaches: vs },
  'unsupported-value': { summary: 'The value is not one of the values the field allows (enums are case-sensitive).', teaches: vs },
  required: { summary: 'A field the API requires is missing.', teaches: vs },
  'invalid-value': { summary: 'The value breaks a format or range rule of the field.', teaches: vs },
  'too-many': { summary: 'The list or map holds more items than the API allows.', teaches: vs },
  'too-long': { summary: 'The value is longer than the API allows.', teaches: vs },
  duplicate: { summary: 'An item appears twice where each must be unique.', teaches: vs },
  rule: { summary: 'A validation rule of the CRD rejects this combination of fields.', teaches: vs },
  webhook: { summary: 'istiod\'s validating webhook rejects the resource (the same check istioctl analyze reports as IST0106).', teaches: analyzePage },
  experimental: { summary: 'This Gateway API field or version is only in the experimental channel.', teaches: '/traffic/ingress-gateway/' },
};

export interface CodeExplanation {
  summary: string;
  href: string;
  linkText: string;
}

/** A finding code's one-line explanation and the page to read: IST codes link to their reference entry. */
export function explainCode(code: string): CodeExplanation | undefined {
  const ist = byCode.get(code);
  if (ist) return { summary: ist.meaning, href: `/troubleshooting/analyzer-codes/#${code.toLowerCase()}`, linkText: `How to fix ${code}` };
  const checker = (checkerCodes as Record<string, { summary: string; teaches: string }>)[code];
  if (checker) return { summary: checker.summary, href: checker.teaches, linkText: `Read more about ${code}` };
  return undefined;
}

/** The istioctl name and level of a code. */
export const codeInfo = (code: MessageCode) => messageTypes[code];
