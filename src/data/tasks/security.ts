/** Securing Workloads tasks (25% of the exam). */
import { gatewayServerProbe } from '../../lib/exam/grade/config-probes';
import { authzProbe, jwtProbe, mtlsProbe, routeProbe, worldProbe } from '../../lib/exam/grade/probes';
import type { Task } from '../../lib/exam/types';
import { bookinfoServices, istioDocs, workload } from './context';

const ns = 'bookinfo';
const issuer = 'https://auth.example.com';
const valid = { state: 'valid' as const, iss: issuer, sub: 'alice' };

export const securityTasks: Task[] = [
  {
    id: 'mtls-namespace-strict-exception',
    kind: 'yaml',
    competency: 'security.authentication',
    title: 'Strict mTLS with one exception',
    context: 'Bookinfo runs in namespace bookinfo with sidecars. The details pods (app: details) still receive plaintext calls from a legacy client outside the mesh.',
    requirements: ['Workloads in bookinfo accept only mutual TLS.', 'The details workload accepts both mTLS and plaintext.'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: bookinfo
spec:
  mtls:
    mode: STRICT
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: details
  namespace: bookinfo
spec:
  selector:
    matchLabels:
      app: details
  mtls:
    mode: PERMISSIVE
`,
    probes: [
      mtlsProbe('namespace-strict', 'bookinfo workloads STRICT', workload('reviews'), 'STRICT'),
      mtlsProbe('details-permissive', 'details PERMISSIVE', workload('details'), 'PERMISSIVE'),
    ],
    docsUrl: istioDocs('tasks/security/authentication/authn-policy'),
    pagePath: '/security/mtls-peer-authentication/',
    explanation: 'A PeerAuthentication without selector sets the namespace; one with a selector overrides it for the matching workloads (workload beats namespace beats mesh).',
    hints: ['Two PeerAuthentications.', 'The exception uses selector.matchLabels.'],
  },
  {
    id: 'mtls-mesh-strict-legacy',
    kind: 'yaml',
    competency: 'security.authentication',
    title: 'Mesh-wide strict mTLS',
    context: 'Istio\'s root namespace is istio-system. Namespace legacy still receives plaintext traffic and must keep doing so for now.',
    requirements: ['Every workload in the mesh accepts only mutual TLS (check: namespace bookinfo).', 'Workloads in namespace legacy accept mTLS and plaintext.'],
    namespace: 'istio-system',
    given: '',
    starter: '',
    solution: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: istio-system
spec:
  mtls:
    mode: STRICT
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: legacy
spec:
  mtls:
    mode: PERMISSIVE
`,
    probes: [
      mtlsProbe('mesh-strict', 'mesh STRICT (bookinfo)', workload('reviews'), 'STRICT'),
      mtlsProbe('legacy-permissive', 'legacy PERMISSIVE', workload('old-app', 'legacy'), 'PERMISSIVE'),
    ],
    docsUrl: istioDocs('tasks/security/authentication/mtls-migration'),
    pagePath: '/security/mtls-peer-authentication/',
    explanation: 'A PeerAuthentication without selector in the root namespace (istio-system) applies to the whole mesh; a namespace policy overrides it for its namespace.',
    hints: ['The mesh-wide policy lives in istio-system.', 'Namespace legacy gets its own policy.'],
  },
  {
    id: 'jwt-require-token',
    kind: 'yaml',
    competency: 'security.authentication',
    title: 'Require a valid JWT on productpage',
    context: `Tokens are issued by ${issuer}; its keys are at ${issuer}/.well-known/jwks.json. productpage pods are labelled app: productpage in bookinfo.`,
    requirements: ['Requests to productpage with an invalid token are rejected (401).', 'Requests to productpage without a token are refused (403).', 'Requests with a valid token are allowed.'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata:
  name: productpage-jwt
  namespace: bookinfo
spec:
  selector:
    matchLabels:
      app: productpage
  jwtRules:
  - issuer: ${issuer}
    jwksUri: ${issuer}/.well-known/jwks.json
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: require-jwt
  namespace: bookinfo
spec:
  selector:
    matchLabels:
      app: productpage
  action: ALLOW
  rules:
  - from:
    - source:
        requestPrincipals: ["*"]
`,
    probes: [
      jwtProbe('invalid-401', 'invalid token → 401', { to: workload('productpage'), token: { state: 'invalid' } }, 401),
      jwtProbe('none-403', 'no token → 403', { to: workload('productpage'), token: { state: 'none' } }, 403),
      jwtProbe('valid-200', 'valid token → allowed', { to: workload('productpage'), token: valid }, 200),
    ],
    docsUrl: istioDocs('tasks/security/authorization/authz-jwt'),
    pagePath: '/security/jwt-request-authentication/',
    explanation: 'RequestAuthentication only validates tokens that are present; a request without a token passes it with no identity. The AuthorizationPolicy requiring a request principal turns "no token" into 403.',
    hints: ['RequestAuthentication with jwtRules.', 'An ALLOW policy with requestPrincipals: ["*"].'],
  },
  {
    id: 'authz-get-from-reviews',
    kind: 'yaml',
    competency: 'security.authorization',
    title: 'Only reviews may read ratings',
    context: 'Bookinfo runs in namespace bookinfo with mTLS. reviews runs as service account bookinfo-reviews, productpage as bookinfo-productpage; ratings pods are labelled app: ratings.',
    requirements: ['GET requests from reviews to ratings are allowed.', 'Other methods from reviews are denied.', 'Requests from any other workload are denied.'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: ratings-viewer
  namespace: bookinfo
spec:
  selector:
    matchLabels:
      app: ratings
  action: ALLOW
  rules:
  - from:
    - source:
        principals: ["cluster.local/ns/bookinfo/sa/bookinfo-reviews"]
    to:
    - operation:
        methods: ["GET"]
`,
    probes: [
      authzProbe('get-allowed', 'GET from reviews allowed', { to: workload('ratings'), from: 'bookinfo/bookinfo-reviews', method: 'GET', path: '/ratings/0' }, 'allow'),
      authzProbe('post-denied', 'POST from reviews denied', { to: workload('ratings'), from: 'bookinfo/bookinfo-reviews', method: 'POST', path: '/ratings/0' }, 'deny'),
      authzProbe('others-denied', 'GET from productpage denied', { to: workload('ratings'), from: 'bookinfo/bookinfo-productpage', method: 'GET', path: '/ratings/0' }, 'deny'),
    ],
    docsUrl: istioDocs('tasks/security/authorization/authz-http'),
    pagePath: '/security/authorization-policy/',
    explanation: 'Once an ALLOW policy selects a workload, requests that match no ALLOW rule are denied. from and to in one rule must both match.',
    hints: ['principals take the SPIFFE form without spiffe://.', 'from and to in the same rule.'],
  },
  {
    id: 'authz-deny-admin',
    kind: 'yaml',
    competency: 'security.authorization',
    title: 'Block the admin paths',
    context: 'productpage pods in bookinfo are labelled app: productpage. No AuthorizationPolicy exists yet.',
    requirements: ['Requests to productpage under /admin are denied for every caller.', 'Other requests to productpage stay allowed.'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-admin
  namespace: bookinfo
spec:
  selector:
    matchLabels:
      app: productpage
  action: DENY
  rules:
  - to:
    - operation:
        paths: ["/admin*"]
`,
    probes: [
      authzProbe('admin-denied', '/admin/... denied', { to: workload('productpage'), from: 'istio-system/istio-ingressgateway-service-account', path: '/admin/users' }, 'deny'),
      authzProbe('others-allowed', 'other paths allowed', { to: workload('productpage'), from: 'istio-system/istio-ingressgateway-service-account', path: '/productpage' }, 'allow'),
    ],
    docsUrl: istioDocs('tasks/security/authorization/authz-deny'),
    pagePath: '/security/authorization-policy/',
    explanation: 'A DENY policy only removes what it matches; without any ALLOW policy everything else stays allowed. paths take exact, prefix* and *suffix forms.',
    hints: ['action: DENY.', 'paths: ["/admin*"].'],
  },
  {
    id: 'authz-namespace-lockdown',
    kind: 'yaml',
    competency: 'security.authorization',
    title: 'Lock down a namespace, open the front door',
    context: 'Namespace shop runs frontend (app: frontend) and backend (app: backend). The ingress gateway runs as istio-system/istio-ingressgateway-service-account; frontend runs as shop/frontend.',
    requirements: ['The ingress gateway may send GET requests to frontend.', 'The ingress gateway may not POST to frontend.', 'Nothing else is allowed in shop (e.g. frontend calling backend).'],
    namespace: 'shop',
    given: '',
    starter: '',
    solution: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: allow-nothing
  namespace: shop
spec: {}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: frontend-from-ingress
  namespace: shop
spec:
  selector:
    matchLabels:
      app: frontend
  action: ALLOW
  rules:
  - from:
    - source:
        principals: ["cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account"]
    to:
    - operation:
        methods: ["GET"]
`,
    probes: [
      authzProbe('ingress-get', 'ingress GET frontend allowed', { to: workload('frontend', 'shop'), from: 'istio-system/istio-ingressgateway-service-account', method: 'GET' }, 'allow'),
      authzProbe('ingress-post', 'ingress POST frontend denied', { to: workload('frontend', 'shop'), from: 'istio-system/istio-ingressgateway-service-account', method: 'POST' }, 'deny'),
      authzProbe('backend-closed', 'frontend → backend denied', { to: workload('backend', 'shop'), from: 'shop/frontend', method: 'GET' }, 'deny'),
    ],
    docsUrl: istioDocs('tasks/security/authorization/authz-http'),
    pagePath: '/security/authorization-policy/',
    explanation: 'An ALLOW policy with an empty spec (no rules) matches nothing, so it denies every request in its namespace; a second ALLOW policy then opens exactly what is needed.',
    hints: ['spec: {} is "allow nothing".', 'Then one ALLOW policy for frontend.'],
  },
  {
    id: 'authz-from-namespace',
    kind: 'yaml',
    competency: 'security.authorization',
    title: 'Allow one namespace',
    context: 'httpbin runs in namespace api (app: httpbin) with mTLS. Clients run in namespaces web and batch.',
    requirements: ['Requests to httpbin from any workload in namespace web are allowed.', 'Requests to httpbin from namespace batch are denied.', 'Plaintext requests (no mTLS identity) are denied.'],
    namespace: 'api',
    given: '',
    starter: '',
    solution: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: httpbin-from-web
  namespace: api
spec:
  selector:
    matchLabels:
      app: httpbin
  action: ALLOW
  rules:
  - from:
    - source:
        namespaces: ["web"]
`,
    probes: [
      authzProbe('web-allowed', 'from web allowed', { to: workload('httpbin', 'api'), from: 'web/client' }, 'allow'),
      authzProbe('batch-denied', 'from batch denied', { to: workload('httpbin', 'api'), from: 'batch/job' }, 'deny'),
      authzProbe('plaintext-denied', 'plaintext denied', { to: workload('httpbin', 'api') }, 'deny'),
    ],
    docsUrl: istioDocs('reference/config/security/authorization-policy'),
    pagePath: '/security/authorization-policy/',
    explanation: 'source.namespaces is read from the peer\'s mTLS identity, so a plaintext caller never matches it.',
    hints: ['source.namespaces.'],
  },
  {
    id: 'gateway-simple-tls-redirect',
    kind: 'yaml',
    competency: 'security.edge-tls',
    title: 'HTTPS at the edge with a redirect',
    context: 'The ingress gateway (istio: ingressgateway) runs in istio-system. The Secret bookinfo-cert in istio-system holds the certificate for bookinfo.example.com.',
    requirements: ['Port 443 serves HTTPS for bookinfo.example.com, terminating TLS with the secret bookinfo-cert.', 'Plain HTTP requests on port 80 are redirected to HTTPS.'],
    namespace: ns,
    given: '',
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: bookinfo-gateway
  namespace: bookinfo
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 443
      name: https
      protocol: HTTPS
    hosts:
    - bookinfo.example.com
    tls:
      mode: SIMPLE
      credentialName: bookinfo-cert
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - bookinfo.example.com
    tls:
      httpsRedirect: true
`,
    probes: [
      gatewayServerProbe('https', 'port 443 SIMPLE TLS with bookinfo-cert', { gatewayLabels: { istio: 'ingressgateway' }, host: 'bookinfo.example.com', port: 443, protocol: 'HTTPS', tlsMode: 'SIMPLE', credentialName: 'bookinfo-cert' }),
      gatewayServerProbe('redirect', 'port 80 redirects to HTTPS', { gatewayLabels: { istio: 'ingressgateway' }, host: 'bookinfo.example.com', port: 80, httpsRedirect: true }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/ingress/secure-ingress'),
    pagePath: '/security/edge-tls/',
    explanation: 'tls.mode SIMPLE terminates TLS with the certificate in credentialName (a Secret in the gateway\'s namespace); tls.httpsRedirect on the HTTP server answers with a 301 to https.',
    hints: ['Two servers in one Gateway.', 'httpsRedirect goes under tls of the port 80 server.'],
  },
  {
    id: 'gateway-mutual-tls',
    kind: 'yaml',
    competency: 'security.edge-tls',
    title: 'Client certificates at the edge',
    context: 'The Secret partner-cred in istio-system holds the server certificate and the CA certificate of partner clients. The ingress gateway has the label istio: ingressgateway.',
    requirements: ['Port 443 accepts partner.example.com only from clients with a certificate (mutual TLS) using partner-cred.', 'Requests for partner.example.com through that gateway go to the service partner-api (port 8080) in namespace partners.'],
    namespace: 'partners',
    given: '',
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: partner-gateway
  namespace: partners
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 443
      name: https
      protocol: HTTPS
    hosts:
    - partner.example.com
    tls:
      mode: MUTUAL
      credentialName: partner-cred
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: partner
  namespace: partners
spec:
  hosts:
  - partner.example.com
  gateways:
  - partner-gateway
  http:
  - route:
    - destination:
        host: partner-api
        port:
          number: 8080
`,
    probes: [
      gatewayServerProbe('mutual', 'port 443 MUTUAL with partner-cred', { gatewayLabels: { istio: 'ingressgateway' }, host: 'partner.example.com', port: 443, tlsMode: 'MUTUAL', credentialName: 'partner-cred' }),
      routeProbe('route', 'routed to partner-api', { host: 'partner.example.com', namespace: 'partners', port: 443, gateway: 'partners/partner-gateway' }, { to: 'partner-api' }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/ingress/secure-ingress'),
    pagePath: '/security/edge-tls/',
    explanation: 'MUTUAL asks the client for a certificate and checks it against the CA certificate in the same credential (the ca.crt key, or a <name>-cacert Secret).',
    hints: ['tls.mode: MUTUAL.', 'Bind the VirtualService to the Gateway.'],
  },
  {
    id: 'gateway-passthrough',
    kind: 'yaml',
    competency: 'security.edge-tls',
    title: 'Let the backend terminate TLS',
    context: 'nginx in namespace web (service my-nginx, port 443) serves its own certificate for nginx.example.com. The ingress gateway has the label istio: ingressgateway.',
    requirements: ['The gateway accepts TLS for nginx.example.com on port 443 without terminating it (PASSTHROUGH).', 'Connections for SNI nginx.example.com are forwarded to my-nginx on port 443.'],
    namespace: 'web',
    given: '',
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: nginx-gateway
  namespace: web
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 443
      name: tls
      protocol: TLS
    hosts:
    - nginx.example.com
    tls:
      mode: PASSTHROUGH
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: nginx
  namespace: web
spec:
  hosts:
  - nginx.example.com
  gateways:
  - nginx-gateway
  tls:
  - match:
    - port: 443
      sniHosts:
      - nginx.example.com
    route:
    - destination:
        host: my-nginx
        port:
          number: 443
`,
    probes: [
      gatewayServerProbe('passthrough', 'port 443 TLS PASSTHROUGH', { gatewayLabels: { istio: 'ingressgateway' }, host: 'nginx.example.com', port: 443, protocol: 'TLS', tlsMode: 'PASSTHROUGH' }),
      worldProbe('sni-route', 'SNI nginx.example.com forwarded to my-nginx:443', (w) => {
        for (const vs of w.ofKind('VirtualService')) {
          const spec = (vs.value.spec ?? {}) as { gateways?: unknown; tls?: unknown };
          const gws = Array.isArray(spec.gateways) ? spec.gateways.map(String) : [];
          if (!gws.some((g) => g === 'nginx-gateway' || g === 'web/nginx-gateway')) continue;
          for (const rule of Array.isArray(spec.tls) ? (spec.tls as Record<string, unknown>[]) : []) {
            const matches = Array.isArray(rule?.match) ? (rule.match as Record<string, unknown>[]) : [];
            const sni = matches.some((m) => Array.isArray(m?.sniHosts) && (m.sniHosts as unknown[]).some((h) => h === 'nginx.example.com' || h === '*.example.com' || h === '*'));
            if (!sni) continue;
            const dest = ((Array.isArray(rule.route) ? rule.route[0] : undefined) as { destination?: { host?: unknown; port?: { number?: unknown } } } | undefined)?.destination;
            const host = String(dest?.host ?? '');
            const pass = (host === 'my-nginx' || host === 'my-nginx.web.svc.cluster.local') && Number(dest?.port?.number ?? 443) === 443;
            return { pass, saw: `SNI nginx.example.com goes to ${host || 'nowhere'}:${String(dest?.port?.number ?? 'the only port')}${pass ? '' : '; the task asks for my-nginx:443'}.` };
          }
        }
        return { pass: false, saw: 'no tls route bound to nginx-gateway matches SNI nginx.example.com; the task asks for one.' };
      }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/ingress/ingress-sni-passthrough'),
    pagePath: '/security/edge-tls/',
    explanation: 'PASSTHROUGH forwards the encrypted stream; the gateway can only route on the SNI name, so the VirtualService uses a tls rule with sniHosts, not an http rule.',
    hints: ['Server protocol TLS with mode PASSTHROUGH.', 'VirtualService tls: with match.sniHosts.'],
  },
  {
    id: 'authz-deny-other-namespaces',
    kind: 'yaml',
    competency: 'security.authorization',
    title: 'Deny every namespace but one',
    context: 'httpbin runs in namespace api (app: httpbin) with mTLS. Other teams may add ALLOW policies later; your policy must win over them.',
    requirements: ['Requests to httpbin from namespace web are not denied by your policy.', 'Requests to httpbin from any other namespace (e.g. batch) are denied, whatever ALLOW policies exist.'],
    namespace: 'api',
    given: '',
    starter: '',
    solution: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: only-web
  namespace: api
spec:
  selector:
    matchLabels:
      app: httpbin
  action: DENY
  rules:
  - from:
    - source:
        notNamespaces: ["web"]
`,
    probes: [
      authzProbe('web-allowed', 'from web allowed', { to: workload('httpbin', 'api'), from: 'web/client' }, 'allow'),
      authzProbe('batch-denied', 'from batch denied', { to: workload('httpbin', 'api'), from: 'batch/job' }, 'deny'),
    ],
    docsUrl: istioDocs('tasks/security/authorization/authz-deny'),
    pagePath: '/security/authorization-policy/',
    explanation: 'DENY policies are evaluated before ALLOW policies, so a DENY with notNamespaces cannot be undone by an ALLOW policy someone adds later.',
    hints: ['action: DENY.', 'notNamespaces.'],
  },
  {
    id: 'authz-two-rules',
    kind: 'yaml',
    competency: 'security.authorization',
    title: 'An API for one caller, a health check for all',
    context: 'backend runs in namespace shop (app: backend). frontend runs as service account shop/frontend; the kubelet probes /healthz without mTLS.',
    requirements: ['frontend may send GET requests to paths under /api/.', 'frontend may not POST to /api/.', 'Anyone may GET /healthz, even without mTLS.', 'Other callers may not reach /api/.'],
    namespace: 'shop',
    given: '',
    starter: '',
    solution: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: backend
  namespace: shop
spec:
  selector:
    matchLabels:
      app: backend
  action: ALLOW
  rules:
  - from:
    - source:
        principals: ["cluster.local/ns/shop/sa/frontend"]
    to:
    - operation:
        methods: ["GET"]
        paths: ["/api/*"]
  - to:
    - operation:
        methods: ["GET"]
        paths: ["/healthz"]
`,
    probes: [
      authzProbe('frontend-get', 'frontend GET /api/items allowed', { to: workload('backend', 'shop'), from: 'shop/frontend', method: 'GET', path: '/api/items' }, 'allow'),
      authzProbe('frontend-post', 'frontend POST /api/items denied', { to: workload('backend', 'shop'), from: 'shop/frontend', method: 'POST', path: '/api/items' }, 'deny'),
      authzProbe('healthz', 'plaintext GET /healthz allowed', { to: workload('backend', 'shop'), method: 'GET', path: '/healthz' }, 'allow'),
      authzProbe('others-api', 'other callers denied on /api/', { to: workload('backend', 'shop'), from: 'shop/batch', method: 'GET', path: '/api/items' }, 'deny'),
    ],
    docsUrl: istioDocs('tasks/security/authorization/authz-http'),
    pagePath: '/security/authorization-policy/',
    explanation: 'Rules of one policy are ORed: the first rule opens the API to frontend only, the second opens /healthz to anyone (a rule without from matches any source, also plaintext).',
    hints: ['Two rules in one ALLOW policy.', 'The health rule has no from.'],
  },
  {
    id: 'mtls-port-exception',
    kind: 'yaml',
    competency: 'security.authentication',
    title: 'Strict mTLS except a metrics port',
    context: 'The db workload in namespace data (app: db) serves PostgreSQL on port 5432 and plaintext Prometheus metrics on container port 9100.',
    requirements: ['db accepts only mutual TLS on port 5432.', 'db accepts plaintext on port 9100.'],
    namespace: 'data',
    given: '',
    starter: '',
    solution: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: db
  namespace: data
spec:
  selector:
    matchLabels:
      app: db
  mtls:
    mode: STRICT
  portLevelMtls:
    9100:
      mode: PERMISSIVE
`,
    probes: [
      mtlsProbe('db-strict', 'port 5432 STRICT', workload('db', 'data'), 'STRICT', 5432),
      mtlsProbe('metrics-open', 'port 9100 accepts plaintext', workload('db', 'data'), ['PERMISSIVE', 'DISABLE'], 9100),
    ],
    docsUrl: istioDocs('reference/config/security/peer_authentication'),
    pagePath: '/security/mtls-peer-authentication/',
    explanation: 'portLevelMtls overrides the mode for one container port; it needs a selector (a namespace-wide policy cannot set it). PERMISSIVE accepts both plaintext and mTLS; DISABLE would also pass this check, but PERMISSIVE keeps mTLS working for mesh clients.',
    hints: ['portLevelMtls is keyed by port number.', 'It only works with a selector.'],
  },
  {
    id: 'jwt-audience-public-path',
    kind: 'yaml',
    competency: 'security.authentication',
    title: 'JWT with an audience and a public path',
    context: 'Tokens come from https://auth.example.com (keys at https://auth.example.com/.well-known/jwks.json). The api workload in namespace shop has the label app: api.',
    requirements: ['Only tokens issued for the audience shop-api are accepted.', 'Requests under /public/ are allowed without a token.', 'Other paths need a valid token.'],
    namespace: 'shop',
    given: '',
    starter: '',
    solution: `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata:
  name: api-jwt
  namespace: shop
spec:
  selector:
    matchLabels:
      app: api
  jwtRules:
  - issuer: https://auth.example.com
    jwksUri: https://auth.example.com/.well-known/jwks.json
    audiences: ["shop-api"]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: api-access
  namespace: shop
spec:
  selector:
    matchLabels:
      app: api
  action: ALLOW
  rules:
  - from:
    - source:
        requestPrincipals: ["*"]
  - to:
    - operation:
        paths: ["/public/*"]
`,
    probes: [
      jwtProbe('wrong-audience', 'token for another audience rejected', { to: workload('api', 'shop'), token: { state: 'valid', iss: issuer, sub: 'alice', aud: ['other'] }, path: '/orders' }, 403),
      jwtProbe('public', '/public/ without token allowed', { to: workload('api', 'shop'), token: { state: 'none' }, path: '/public/info' }, 200),
      jwtProbe('private-needs-token', 'other paths without token denied', { to: workload('api', 'shop'), token: { state: 'none' }, path: '/orders' }, 403),
      jwtProbe('right-audience', 'token for shop-api allowed', { to: workload('api', 'shop'), token: { state: 'valid', iss: issuer, sub: 'alice', aud: ['shop-api'] }, path: '/orders' }, 200),
    ],
    docsUrl: istioDocs('reference/config/security/request_authentication'),
    pagePath: '/security/jwt-request-authentication/',
    explanation: 'jwtRules.audiences limits the accepted aud claims; a token for another audience fails validation. The ALLOW policy ORs two rules: any request principal, or a /public/ path.',
    hints: ['audiences sits in the jwtRule.', 'Two ALLOW rules.'],
  },
  {
    id: 'gateway-two-certificates',
    kind: 'yaml',
    competency: 'security.edge-tls',
    title: 'Two hosts, two certificates',
    context: 'The ingress gateway (istio: ingressgateway) serves shop.example.com and blog.example.com on port 443. Secrets shop-cert and blog-cert in istio-system hold their certificates.',
    requirements: ['shop.example.com is served with TLS termination using shop-cert.', 'blog.example.com is served with TLS termination using blog-cert.'],
    namespace: 'web',
    given: '',
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: web-gateway
  namespace: web
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 443
      name: https-shop
      protocol: HTTPS
    hosts:
    - shop.example.com
    tls:
      mode: SIMPLE
      credentialName: shop-cert
  - port:
      number: 443
      name: https-blog
      protocol: HTTPS
    hosts:
    - blog.example.com
    tls:
      mode: SIMPLE
      credentialName: blog-cert
`,
    probes: [
      gatewayServerProbe('shop', 'shop.example.com with shop-cert', { gatewayLabels: { istio: 'ingressgateway' }, host: 'shop.example.com', port: 443, tlsMode: 'SIMPLE', credentialName: 'shop-cert' }),
      gatewayServerProbe('blog', 'blog.example.com with blog-cert', { gatewayLabels: { istio: 'ingressgateway' }, host: 'blog.example.com', port: 443, tlsMode: 'SIMPLE', credentialName: 'blog-cert' }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/ingress/secure-ingress'),
    pagePath: '/security/edge-tls/',
    explanation: 'Servers on the same port are told apart by SNI: each server lists its hosts and its own credentialName; port names must be unique within the Gateway.',
    hints: ['Two servers on port 443.', 'Each with its own credentialName.'],
  },
];
