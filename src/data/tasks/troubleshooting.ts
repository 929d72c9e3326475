/** Troubleshooting tasks (20% of the exam): broken manifests to fix, and the commands that diagnose. */
import { namespaceLabelProbe } from '../../lib/exam/grade/config-probes';
import { at, authzProbe, effectivePolicy, mtlsProbe, policyProbe, routeProbe, worldProbe } from '../../lib/exam/grade/probes';
import type { Task } from '../../lib/exam/types';
import { bookinfoServices, docs, istioDocs, reviewsSubsets, workload } from './context';

const ns = 'bookinfo';
const reviews = (headers: Record<string, string> = {}) => ({ host: 'reviews', namespace: ns, port: 9080, headers });
const viaGateway = (path: string) => ({ host: 'bookinfo.example.com', namespace: ns, port: 80, path, gateway: 'bookinfo/bookinfo-gateway' });

const ingressGateway = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: bookinfo-gateway
  namespace: bookinfo
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - bookinfo.example.com`;

export const troubleshootingTasks: Task[] = [
  {
    id: 'fix-503-nc-subset',
    kind: 'troubleshoot',
    competency: 'troubleshooting.configuration',
    title: '503 NC for one user',
    context: 'Requests from jason to reviews fail with 503 and the access log shows the response flag NC; istioctl analyze reports IST0101 for the VirtualService. reviews v3 pods are labelled version: v3. Fix the manifests below.',
    requirements: ['end-user: jason reaches reviews v3.', 'Everyone else still reaches reviews v1.'],
    namespace: ns,
    given: bookinfoServices,
    starter: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: bookinfo
spec:
  hosts:
  - reviews
  http:
  - match:
    - headers:
        end-user:
          exact: jason
    route:
    - destination:
        host: reviews
        subset: v3
  - route:
    - destination:
        host: reviews
        subset: v1
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: bookinfo
spec:
  host: reviews
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
`,
    solution: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: bookinfo
spec:
  hosts:
  - reviews
  http:
  - match:
    - headers:
        end-user:
          exact: jason
    route:
    - destination:
        host: reviews
        subset: v3
  - route:
    - destination:
        host: reviews
        subset: v1
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: bookinfo
spec:
  host: reviews
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
  - name: v3
    labels:
      version: v3
`,
    probes: [
      routeProbe('jason-v3', 'jason reaches v3', reviews({ 'end-user': 'jason' }), { to: 'reviews', subset: 'v3' }),
      routeProbe('others-v1', 'others reach v1', reviews(), { to: 'reviews', subset: 'v1' }),
    ],
    docsUrl: istioDocs('ops/common-problems/network-issues'),
    pagePath: '/troubleshooting/data-plane/',
    explanation: 'NC (no cluster) means the route names a cluster that does not exist: here subset v3, which no DestinationRule defines. Adding the subset creates the cluster.',
    hints: ['NC = no cluster found.', 'Which subsets does the DestinationRule define?'],
  },
  {
    id: 'fix-gateway-reference',
    kind: 'troubleshoot',
    competency: 'troubleshooting.configuration',
    title: '404 at the ingress gateway',
    context: 'curl http://bookinfo.example.com/productpage through the ingress gateway returns 404; istioctl analyze reports IST0101 (referenced gateway not found) for VirtualService bookinfo. The Gateway shown is correct. Fix the VirtualService.',
    requirements: ['/productpage through the gateway reaches productpage.', '/static/... through the gateway reaches productpage.'],
    namespace: ns,
    given: docs(bookinfoServices, ingressGateway),
    starter: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: bookinfo
  namespace: bookinfo
spec:
  hosts:
  - bookinfo.example.com
  gateways:
  - bookinfo-gw
  http:
  - match:
    - uri:
        exact: /productpage
    - uri:
        prefix: /static
    route:
    - destination:
        host: productpage
        port:
          number: 9080
`,
    solution: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: bookinfo
  namespace: bookinfo
spec:
  hosts:
  - bookinfo.example.com
  gateways:
  - bookinfo-gateway
  http:
  - match:
    - uri:
        exact: /productpage
    - uri:
        prefix: /static
    route:
    - destination:
        host: productpage
        port:
          number: 9080
`,
    probes: [
      routeProbe('productpage', '/productpage reaches productpage', viaGateway('/productpage'), { to: 'productpage' }),
      routeProbe('static', '/static/... reaches productpage', viaGateway('/static/bootstrap.css'), { to: 'productpage' }),
    ],
    docsUrl: istioDocs('ops/diagnostic-tools/istioctl-analyze'),
    pagePath: '/troubleshooting/istioctl-analyze/',
    explanation: 'spec.gateways names Gateway objects (name, or namespace/name); a name that matches no Gateway binds the routes nowhere, so the gateway has no route for the host and answers 404 (NR).',
    hints: ['Compare spec.gateways with the Gateway\'s name.'],
  },
  {
    id: 'analyze-namespace',
    kind: 'command',
    competency: 'troubleshooting.configuration',
    title: 'Analyze one namespace',
    context: 'Something in namespace bookinfo is misconfigured.',
    requirements: ['Type the istioctl command that analyzes the live configuration of namespace bookinfo only.'],
    solution: 'istioctl analyze -n bookinfo',
    expect: { tool: 'istioctl', path: 'analyze', flags: { namespace: 'bookinfo' } },
    docsUrl: istioDocs('ops/diagnostic-tools/istioctl-analyze'),
    pagePath: '/troubleshooting/istioctl-analyze/',
    explanation: 'istioctl analyze reads the cluster (and files given as arguments); -n limits it to a namespace, -A covers all namespaces.',
    hints: ['-n or --namespace.'],
  },
  {
    id: 'fix-rbac-denied',
    kind: 'troubleshoot',
    competency: 'troubleshooting.data-plane',
    title: '403 RBAC: access denied',
    context: 'productpage (service account bookinfo-productpage) gets "403 RBAC: access denied" from details. Only productpage should be allowed to call details. Fix the policy.',
    requirements: ['GET requests from productpage to details are allowed.', 'Requests from reviews (bookinfo-reviews) to details stay denied.'],
    namespace: ns,
    given: bookinfoServices,
    starter: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: details-viewer
  namespace: bookinfo
spec:
  selector:
    matchLabels:
      app: details
  action: ALLOW
  rules:
  - from:
    - source:
        principals: ["cluster.local/ns/default/sa/bookinfo-productpage"]
`,
    solution: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: details-viewer
  namespace: bookinfo
spec:
  selector:
    matchLabels:
      app: details
  action: ALLOW
  rules:
  - from:
    - source:
        principals: ["cluster.local/ns/bookinfo/sa/bookinfo-productpage"]
`,
    probes: [
      authzProbe('productpage-allowed', 'productpage → details allowed', { to: workload('details'), from: 'bookinfo/bookinfo-productpage', path: '/details/0' }, 'allow'),
      authzProbe('reviews-denied', 'reviews → details denied', { to: workload('details'), from: 'bookinfo/bookinfo-reviews', path: '/details/0' }, 'deny'),
    ],
    docsUrl: istioDocs('ops/common-problems/security-issues'),
    pagePath: '/troubleshooting/data-plane/',
    explanation: 'The principal names namespace default, but productpage runs in bookinfo: the SPIFFE identity is cluster.local/ns/<namespace>/sa/<service account>.',
    hints: ['Read the principal segment by segment.'],
  },
  {
    id: 'fix-injection-labels',
    kind: 'troubleshoot',
    competency: 'troubleshooting.data-plane',
    title: 'Pods stay 1/1',
    context: 'New web pods in namespace shop start without a sidecar (READY 1/1). Fix the manifests so that new pods get one from the default injector.',
    requirements: ['Namespace shop enables sidecar injection.', 'The web pod template does not opt out of injection.'],
    namespace: 'shop',
    given: '',
    starter: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enable
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        sidecar.istio.io/inject: "false"
    spec:
      containers:
      - name: web
        image: nginx:1.27
`,
    solution: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enabled
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
`,
    probes: [
      namespaceLabelProbe('namespace-label', 'istio-injection=enabled on shop', 'shop', { 'istio-injection': 'enabled' }),
      worldProbe('pod-opt-out', 'pod template does not set sidecar.istio.io/inject=false', (w) => {
        const d = w.ofKind('Deployment').find((o) => o.name === 'web' && o.namespace === 'shop');
        if (!d) return { pass: false, saw: 'there is no Deployment web in shop; the task asks to keep it.' };
        const meta = ((d.value.spec as { template?: { metadata?: { labels?: Record<string, unknown>; annotations?: Record<string, unknown> } } } | undefined)?.template?.metadata) ?? {};
        const value = meta.labels?.['sidecar.istio.io/inject'] ?? meta.annotations?.['sidecar.istio.io/inject'];
        const pass = value === undefined || String(value) === 'true';
        return { pass, saw: `the pod template has sidecar.istio.io/inject ${value === undefined ? 'unset' : `= ${String(value)}`}${pass ? '' : '; the task asks for pods that are injected'}.` };
      }),
    ],
    docsUrl: istioDocs('ops/common-problems/injection'),
    pagePath: '/troubleshooting/sidecar-injection/',
    explanation: 'The injector reacts to istio-injection=enabled only (not "enable"); a pod label sidecar.istio.io/inject="false" opts the pod out even in an enabled namespace.',
    hints: ['Check the exact label value.', 'Look at the pod template labels too.'],
  },
  {
    id: 'routes-of-one-pod',
    kind: 'command',
    competency: 'troubleshooting.data-plane',
    title: 'The routes one proxy has',
    context: 'The pod productpage-v1-6c8d9b7f5-x2x4k in namespace bookinfo sends reviews traffic to the wrong version.',
    requirements: ['Type the istioctl command that shows the route configuration for port 9080 (route name 9080) of that pod\'s proxy.'],
    solution: 'istioctl proxy-config routes productpage-v1-6c8d9b7f5-x2x4k -n bookinfo --name 9080',
    expect: { tool: 'istioctl', path: 'proxy-config route', args: ['productpage-v1-6c8d9b7f5-x2x4k'], flags: { namespace: 'bookinfo', name: '9080' } },
    docsUrl: istioDocs('ops/diagnostic-tools/proxy-cmd'),
    pagePath: '/troubleshooting/data-plane/',
    explanation: 'proxy-config (pc) reads the Envoy configuration of one pod; routes are named after the port for sidecar outbound HTTP routes, so --name 9080 shows the table used for reviews:9080.',
    hints: ['istioctl pc r is the short form.', 'A pod can be written name.namespace.'],
  },
  {
    id: 'clusters-for-host',
    kind: 'command',
    competency: 'troubleshooting.data-plane',
    title: 'Which clusters a proxy has for one host',
    context: 'Pod reviews-v1-7f99d8c6b-abcde in bookinfo gets 503 NC when calling ratings.',
    requirements: ['Type the istioctl command that lists the Envoy clusters of that pod for the host ratings.bookinfo.svc.cluster.local.'],
    solution: 'istioctl proxy-config cluster reviews-v1-7f99d8c6b-abcde -n bookinfo --fqdn ratings.bookinfo.svc.cluster.local',
    expect: { tool: 'istioctl', path: 'proxy-config cluster', args: ['reviews-v1-7f99d8c6b-abcde'], flags: { namespace: 'bookinfo', fqdn: 'ratings.bookinfo.svc.cluster.local' } },
    docsUrl: istioDocs('ops/diagnostic-tools/proxy-cmd'),
    pagePath: '/troubleshooting/data-plane/',
    explanation: 'Each subset becomes its own cluster (outbound|9080|v1|ratings...); --fqdn filters by host so a missing subset cluster is easy to spot.',
    hints: ['proxy-config cluster (or clusters, c).', '--fqdn filters.'],
  },
  {
    id: 'proxy-status-revision',
    kind: 'command',
    competency: 'troubleshooting.control-plane',
    title: 'Are the canary proxies in sync?',
    context: 'Revision canary runs beside the default control plane.',
    requirements: ['Type the istioctl command that shows the sync status of the proxies connected to the canary revision\'s istiod.'],
    solution: 'istioctl proxy-status --revision canary',
    expect: { tool: 'istioctl', path: 'proxy-status', flags: { revision: 'canary' } },
    docsUrl: istioDocs('ops/diagnostic-tools/proxy-cmd'),
    pagePath: '/troubleshooting/control-plane/',
    explanation: 'proxy-status (ps) asks istiod which config each connected proxy has acknowledged (SYNCED, NOT SENT, STALE); --revision picks the istiod to ask.',
    hints: ['ps is the short form.'],
  },
  {
    id: 'istiod-log-level',
    kind: 'command',
    competency: 'troubleshooting.control-plane',
    title: 'Turn up istiod\'s xDS logging',
    context: 'Proxies do not receive updates and you want istiod\'s ads logging at debug level without restarting it.',
    requirements: ['Type the istioctl command that sets istiod\'s ads log scope to debug.'],
    solution: 'istioctl admin log --level ads:debug',
    expect: { tool: 'istioctl', path: 'admin log', flags: { level: 'ads:debug' } },
    docsUrl: istioDocs('ops/diagnostic-tools/component-logging'),
    pagePath: '/troubleshooting/control-plane/',
    explanation: 'istioctl admin log (alias istiod log) changes istiod\'s log levels at run time through its ControlZ port; scope:level pairs are comma-separated.',
    hints: ['istioctl admin has a log subcommand.'],
  },
  {
    id: 'precheck-revision',
    kind: 'command',
    competency: 'troubleshooting.control-plane',
    title: 'Check the cluster before a canary',
    context: 'You are about to install revision canary.',
    requirements: ['Type the istioctl command that checks the cluster for problems before installing revision canary.'],
    solution: 'istioctl x precheck --revision canary',
    expect: { tool: 'istioctl', path: 'experimental precheck', flags: { revision: 'canary' } },
    docsUrl: istioDocs('setup/upgrade/canary'),
    pagePath: '/troubleshooting/control-plane/',
    explanation: 'experimental precheck (x precheck) looks for issues that would stop an install or upgrade; --revision names the revision you plan to install.',
    hints: ['It is an experimental (x) command.'],
  },
  {
    id: 'fix-unreachable-rule',
    kind: 'troubleshoot',
    competency: 'troubleshooting.configuration',
    title: 'A rule that never matches',
    context: 'jason should see reviews v2 but always gets v1; istioctl analyze reports IST0130 (VirtualServiceUnreachableRule) for VirtualService reviews. The DestinationRule reviews defines v1, v2 and v3. Fix the VirtualService.',
    requirements: ['end-user: jason goes to v2.', 'Everyone else goes to v1.'],
    namespace: ns,
    given: docs(bookinfoServices, reviewsSubsets),
    starter: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: bookinfo
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v1
  - match:
    - headers:
        end-user:
          exact: jason
    route:
    - destination:
        host: reviews
        subset: v2
`,
    solution: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: bookinfo
spec:
  hosts:
  - reviews
  http:
  - match:
    - headers:
        end-user:
          exact: jason
    route:
    - destination:
        host: reviews
        subset: v2
  - route:
    - destination:
        host: reviews
        subset: v1
`,
    probes: [
      routeProbe('jason-v2', 'jason goes to v2', reviews({ 'end-user': 'jason' }), { to: 'reviews', subset: 'v2' }),
      routeProbe('others-v1', 'others go to v1', reviews({ 'end-user': 'alice' }), { to: 'reviews', subset: 'v1' }),
    ],
    docsUrl: istioDocs('ops/diagnostic-tools/istioctl-analyze'),
    pagePath: '/troubleshooting/istioctl-analyze/',
    explanation: 'A rule without match takes every request, so rules after it are never used (IST0130). Put specific matches first and the catch-all last.',
    hints: ['Rules are tried in order.'],
  },
  {
    id: 'fix-mtls-conflict',
    kind: 'troubleshoot',
    competency: 'troubleshooting.data-plane',
    title: '503 after turning on STRICT',
    context: 'After the PeerAuthentication below was applied, calls to ratings fail with 503 ("upstream connect error or disconnect/reset before headers"). The DestinationRule ratings sets LEAST_REQUEST and was written long ago. Fix it without weakening STRICT mTLS.',
    requirements: ['Clients connect to ratings with Istio mutual TLS (ISTIO_MUTUAL, or no tls setting so auto mTLS applies).', 'ratings keeps LEAST_REQUEST load balancing.', 'Namespace bookinfo stays STRICT.'],
    namespace: ns,
    given: bookinfoServices,
    starter: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: bookinfo
spec:
  mtls:
    mode: STRICT
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ratings
  namespace: bookinfo
spec:
  host: ratings
  trafficPolicy:
    loadBalancer:
      simple: LEAST_REQUEST
    tls:
      mode: DISABLE
`,
    solution: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ratings
  namespace: bookinfo
spec:
  host: ratings
  trafficPolicy:
    loadBalancer:
      simple: LEAST_REQUEST
    tls:
      mode: ISTIO_MUTUAL
`,
    probes: [
      worldProbe('client-tls', 'clients use Istio mTLS to ratings', (w) => {
        const eff = effectivePolicy(w, 'ratings', ns);
        const mode = eff ? at(eff.policy, 'tls.mode') : undefined;
        const pass = mode === undefined || mode === 'ISTIO_MUTUAL';
        return { pass, saw: `the client TLS mode for ratings is ${mode === undefined ? 'not set (auto mTLS)' : String(mode)}${pass ? '' : '; the task asks for ISTIO_MUTUAL or no setting'}.` };
      }),
      policyProbe('load-balancer', 'LEAST_REQUEST kept', { host: 'ratings', namespace: ns }, { 'loadBalancer.simple': 'LEAST_REQUEST' }),
      mtlsProbe('strict-kept', 'bookinfo stays STRICT', workload('ratings'), 'STRICT'),
    ],
    docsUrl: istioDocs('ops/common-problems/network-issues'),
    pagePath: '/troubleshooting/symptoms/',
    explanation: 'tls.mode DISABLE makes the client send plaintext, which a STRICT server refuses, so the connection fails and the client returns 503. ISTIO_MUTUAL, or leaving tls out so auto mTLS decides, fixes it.',
    hints: ['The client side of mTLS is the DestinationRule.', 'What does the client send to a STRICT server?'],
  },
];
