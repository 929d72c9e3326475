/** Traffic Management tasks (35% of the exam). */
import { policyProbe, routeDetailProbe, routeProbe, worldProbe, ms } from '../../lib/exam/grade/probes';
import { gatewayServerProbe, serviceEntryProbe, sidecarReachProbe } from '../../lib/exam/grade/config-probes';
import type { Task } from '../../lib/exam/types';
import { bookinfoServices, docs, istioDocs, ratingsSubsets, reviewsSubsets } from './context';

const ns = 'bookinfo';
const reviews = (headers: Record<string, string> = {}) => ({ host: 'reviews', namespace: ns, port: 9080, headers });
const ratings = (path = '/ratings/0', headers: Record<string, string> = {}) => ({ host: 'ratings', namespace: ns, port: 9080, path, headers });

export const trafficTasks: Task[] = [
  {
    id: 'route-jason-to-v2',
    kind: 'yaml',
    competency: 'traffic.routing',
    title: 'Send one user to reviews v2',
    context: 'Bookinfo runs in namespace bookinfo. The DestinationRule reviews already defines subsets v1, v2 and v3.',
    requirements: ['Requests to reviews with the header end-user: jason go to subset v2.', 'All other requests to reviews go to subset v1.'],
    namespace: ns,
    given: docs(bookinfoServices, reviewsSubsets),
    starter: '',
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
      routeProbe('jason-v2', 'end-user: jason goes to v2', reviews({ 'end-user': 'jason' }), { to: 'reviews', subset: 'v2' }),
      routeProbe('others-v1', 'everyone else goes to v1', reviews({ 'end-user': 'alice' }), { to: 'reviews', subset: 'v1' }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/request-routing'),
    pagePath: '/traffic/virtualservice-destinationrule/',
    explanation: 'Rules are evaluated in order and the first match wins, so the header rule must come before the catch-all rule that has no match. Header values are compared case-sensitively with exact.',
    hints: ['One VirtualService for host reviews with two http rules.', 'Put the rule with the header match first; a rule without match catches everything after it.'],
  },
  {
    id: 'route-uri-prefix',
    kind: 'yaml',
    competency: 'traffic.routing',
    title: 'Route a path prefix to ratings v2',
    context: 'Bookinfo runs in namespace bookinfo. The DestinationRule ratings defines subsets v1 and v2.',
    requirements: ['Requests to ratings whose path starts with /ratings/vip go to subset v2.', 'Every other request to ratings goes to subset v1.'],
    namespace: ns,
    given: docs(bookinfoServices, ratingsSubsets),
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings
  namespace: bookinfo
spec:
  hosts:
  - ratings
  http:
  - match:
    - uri:
        prefix: /ratings/vip
    route:
    - destination:
        host: ratings
        subset: v2
  - route:
    - destination:
        host: ratings
        subset: v1
`,
    probes: [
      routeProbe('vip-v2', '/ratings/vip... goes to v2', ratings('/ratings/vip/7'), { to: 'ratings', subset: 'v2' }),
      routeProbe('others-v1', 'other paths go to v1', ratings('/ratings/7'), { to: 'ratings', subset: 'v1' }),
    ],
    docsUrl: istioDocs('reference/config/networking/virtual-service'),
    pagePath: '/traffic/virtualservice-destinationrule/',
    explanation: 'uri.prefix matches any path that starts with the value; exact would only match /ratings/vip itself. The rule without match sends the rest to v1.',
    hints: ['Use match.uri.prefix.', 'Keep a last rule without match for everything else.'],
  },
  {
    id: 'mirror-to-v2',
    kind: 'yaml',
    competency: 'traffic.routing',
    title: 'Mirror a share of live traffic',
    context: 'Bookinfo runs in namespace bookinfo. The DestinationRule reviews defines subsets v1, v2 and v3.',
    requirements: ['All requests to reviews are served by subset v1.', 'A copy of 10% of those requests is mirrored to subset v2.'],
    namespace: ns,
    given: docs(bookinfoServices, reviewsSubsets),
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
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
    mirror:
      host: reviews
      subset: v2
    mirrorPercentage:
      value: 10
`,
    probes: [
      routeProbe('served-v1', 'requests are served by v1', reviews(), { to: 'reviews', subset: 'v1' }),
      routeDetailProbe('mirror-v2', '10% mirrored to v2', reviews(), (d) => {
        const m = d.mirrors.find((x) => x.subset === 'v2' && x.host.split('.')[0] === 'reviews');
        const pass = m !== undefined && Math.abs(m.percentage - 10) < 1e-9 && d.mirrors.length === 1;
        const got = d.mirrors.map((x) => `${x.host} ${x.subset ?? ''} at ${x.percentage}%`).join(', ') || 'no mirror';
        return { pass, saw: `mirroring is ${got}${pass ? '' : '; the task asks for 10% to reviews v2'}.` };
      }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/mirroring'),
    pagePath: '/traffic/mirroring/',
    explanation: 'mirror sends a copy of each request (responses to the copy are discarded); mirrorPercentage.value limits the share. Without mirrorPercentage every request is mirrored.',
    hints: ['mirror sits next to route in the same http rule.', 'mirrorPercentage takes a value between 0 and 100.'],
  },
  {
    id: 'shift-80-20-jason-v3',
    kind: 'yaml',
    competency: 'traffic.shifting',
    title: 'Shift a fifth of the traffic to v2',
    context: 'Bookinfo runs in namespace bookinfo. The DestinationRule reviews defines subsets v1, v2 and v3.',
    requirements: ['Requests to reviews are split 80% to v1 and 20% to v2.', 'Requests with the header end-user: jason all go to v3.'],
    namespace: ns,
    given: docs(bookinfoServices, reviewsSubsets),
    starter: '',
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
      weight: 80
    - destination:
        host: reviews
        subset: v2
      weight: 20
`,
    probes: [
      routeProbe('split', '80% v1, 20% v2', reviews(), { split: { v1: 80, v2: 20 } }),
      routeProbe('jason-v3', 'end-user: jason goes to v3', reviews({ 'end-user': 'jason' }), { to: 'reviews', subset: 'v3' }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/traffic-shifting'),
    pagePath: '/traffic/traffic-shifting/',
    explanation: 'Weights split one rule between destinations. The header rule goes first, otherwise the weighted catch-all would take jason too.',
    hints: ['Two destinations in one route, each with a weight.', 'Match rules are tried in order.'],
  },
  {
    id: 'canary-subsets-90-10',
    kind: 'yaml',
    competency: 'traffic.shifting',
    title: 'Define the subsets and start a 10% canary',
    context: 'Namespace bookinfo runs reviews pods labelled version: v1 and version: v3. No DestinationRule or VirtualService exists for reviews.',
    requirements: ['A DestinationRule for reviews defines subset v1 (pods labelled version: v1) and subset v3 (pods labelled version: v3).', 'A VirtualService sends 90% of requests to reviews to v1 and 10% to v3.'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
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
  - name: v3
    labels:
      version: v3
---
apiVersion: networking.istio.io/v1
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
      weight: 90
    - destination:
        host: reviews
        subset: v3
      weight: 10
`,
    probes: [
      routeProbe('split', '90% v1, 10% v3', reviews(), { split: { v1: 90, v3: 10 } }),
      worldProbe('subset-labels', 'subset v3 selects version: v3', (w) => {
        const dr = w.ofKind('DestinationRule').find((o) => (o.value.spec as { host?: unknown } | undefined)?.host !== undefined && String((o.value.spec as { host: unknown }).host).split('.')[0] === 'reviews');
        const subsets = ((dr?.value.spec as { subsets?: { name?: unknown; labels?: Record<string, unknown> }[] } | undefined)?.subsets ?? []);
        const v3 = subsets.find((s) => s?.name === 'v3');
        const labels = v3?.labels ?? {};
        const pass = labels.version === 'v3' && Object.keys(labels).length === 1;
        return { pass, saw: v3 ? `subset v3 selects ${JSON.stringify(labels)}${pass ? '' : '; the task asks for version: v3'}.` : 'no subset v3 is defined; the task asks for one selecting version: v3.' };
      }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/traffic-shifting'),
    pagePath: '/traffic/traffic-shifting/',
    explanation: 'A subset is a label selector on the service\'s pods; a VirtualService can only name subsets that a DestinationRule defines (otherwise 503 NC). The weights of one route split it.',
    hints: ['Two objects: the DestinationRule with the subsets, the VirtualService with the weights.', 'Weights are integers in each destination.'],
  },
  {
    id: 'shift-by-source',
    kind: 'yaml',
    competency: 'traffic.shifting',
    title: 'Split only the traffic from productpage',
    context: 'Bookinfo runs in namespace bookinfo. The DestinationRule reviews defines subsets v1, v2 and v3. productpage pods are labelled app: productpage.',
    requirements: ['Requests to reviews sent by productpage pods are split 50% to v2 and 50% to v3.', 'Requests to reviews from any other client go to v1.'],
    namespace: ns,
    given: docs(bookinfoServices, reviewsSubsets),
    starter: '',
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
    - sourceLabels:
        app: productpage
    route:
    - destination:
        host: reviews
        subset: v2
      weight: 50
    - destination:
        host: reviews
        subset: v3
      weight: 50
  - route:
    - destination:
        host: reviews
        subset: v1
`,
    probes: [
      routeProbe('productpage-split', 'from productpage: 50% v2, 50% v3', { ...reviews(), fromLabels: { app: 'productpage', version: 'v1' } }, { split: { v2: 50, v3: 50 } }),
      routeProbe('others-v1', 'other clients go to v1', { ...reviews(), fromLabels: { app: 'tester' } }, { to: 'reviews', subset: 'v1' }),
    ],
    docsUrl: istioDocs('reference/config/networking/virtual-service'),
    pagePath: '/traffic/traffic-shifting/',
    explanation: 'match.sourceLabels selects the client workloads whose sidecars get the rule; other clients fall through to the catch-all.',
    hints: ['sourceLabels is a match condition.', 'Equal weights of 50 each.'],
  },
  {
    id: 'dr-least-request',
    kind: 'yaml',
    competency: 'traffic.destination-rules',
    title: 'Load balancing per subset',
    context: 'Namespace bookinfo runs reviews v1, v2 and v3. No DestinationRule exists for reviews.',
    requirements: ['Traffic to reviews subset v1 is balanced with LEAST_REQUEST (subsets v1, v2, v3 select the version label).', 'Traffic to subset v2 uses ROUND_ROBIN.'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: bookinfo
spec:
  host: reviews
  trafficPolicy:
    loadBalancer:
      simple: LEAST_REQUEST
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
    trafficPolicy:
      loadBalancer:
        simple: ROUND_ROBIN
  - name: v3
    labels:
      version: v3
`,
    probes: [
      policyProbe('v1-least-request', 'v1 uses LEAST_REQUEST', { host: 'reviews', namespace: ns, subset: 'v1' }, { 'loadBalancer.simple': 'LEAST_REQUEST' }),
      policyProbe('v2-round-robin', 'v2 uses ROUND_ROBIN', { host: 'reviews', namespace: ns, subset: 'v2' }, { 'loadBalancer.simple': 'ROUND_ROBIN' }),
    ],
    docsUrl: istioDocs('reference/config/networking/destination-rule'),
    pagePath: '/traffic/destination-rule-policies/',
    explanation: 'A subset\'s trafficPolicy overrides the top-level one for that subset; subsets without one inherit the top level.',
    hints: ['Top-level trafficPolicy for the common case.', 'A trafficPolicy inside subset v2 for the exception.'],
  },
  {
    id: 'dr-consistent-hash-mtls',
    kind: 'yaml',
    competency: 'traffic.destination-rules',
    title: 'Sticky sessions by header',
    context: 'Namespace bookinfo runs ratings. No DestinationRule exists for ratings.',
    requirements: ['Requests to ratings with the same x-user header reach the same pod (consistent hash on that header).', 'Connections to ratings use Istio mutual TLS (ISTIO_MUTUAL).'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ratings
  namespace: bookinfo
spec:
  host: ratings
  trafficPolicy:
    loadBalancer:
      consistentHash:
        httpHeaderName: x-user
    tls:
      mode: ISTIO_MUTUAL
`,
    probes: [
      policyProbe('hash-header', 'consistent hash on x-user', { host: 'ratings', namespace: ns }, { 'loadBalancer.consistentHash.httpHeaderName': 'x-user' }),
      policyProbe('istio-mutual', 'TLS mode ISTIO_MUTUAL', { host: 'ratings', namespace: ns }, { 'tls.mode': 'ISTIO_MUTUAL' }),
    ],
    docsUrl: istioDocs('reference/config/networking/destination-rule'),
    pagePath: '/traffic/destination-rule-policies/',
    explanation: 'loadBalancer.consistentHash.httpHeaderName hashes on a request header; tls.mode ISTIO_MUTUAL makes the client sidecar use the mesh certificates.',
    hints: ['consistentHash sits under loadBalancer.', 'tls sits beside loadBalancer in trafficPolicy.'],
  },
  {
    id: 'dr-subset-pool',
    kind: 'yaml',
    competency: 'traffic.destination-rules',
    title: 'A connection limit for one subset',
    context: 'Bookinfo runs in namespace bookinfo; ratings v1 and v2 pods carry the version label. No DestinationRule exists for ratings.',
    requirements: ['All traffic to ratings (subsets v1 and v2) is balanced with RANDOM.', 'Subset v2 also limits concurrent HTTP/2 requests to 100 (http2MaxRequests).'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ratings
  namespace: bookinfo
spec:
  host: ratings
  trafficPolicy:
    loadBalancer:
      simple: RANDOM
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
    trafficPolicy:
      connectionPool:
        http:
          http2MaxRequests: 100
`,
    probes: [
      policyProbe('v1-random', 'v1 uses RANDOM', { host: 'ratings', namespace: ns, subset: 'v1' }, { 'loadBalancer.simple': 'RANDOM' }),
      policyProbe('v2-pool', 'v2 uses RANDOM and http2MaxRequests 100', { host: 'ratings', namespace: ns, subset: 'v2' }, { 'loadBalancer.simple': 'RANDOM', 'connectionPool.http.http2MaxRequests': 100 }),
    ],
    docsUrl: istioDocs('reference/config/networking/destination-rule'),
    pagePath: '/traffic/destination-rule-policies/',
    explanation: 'Settings merge part by part: subset v2 sets only connectionPool, so it keeps the top-level loadBalancer.',
    hints: ['The load balancer goes at the top level.', 'Only the pool goes into subset v2.'],
  },
  {
    id: 'timeout-and-retries',
    kind: 'yaml',
    competency: 'traffic.resilience',
    title: 'A timeout and retries for ratings',
    context: 'Bookinfo runs in namespace bookinfo. No VirtualService exists for ratings.',
    requirements: ['Requests to ratings time out after 2 seconds.', 'Failed requests to ratings are retried up to 3 times.'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings
  namespace: bookinfo
spec:
  hosts:
  - ratings
  http:
  - route:
    - destination:
        host: ratings
    timeout: 2s
    retries:
      attempts: 3
      perTryTimeout: 500ms
`,
    probes: [
      routeDetailProbe('timeout', 'timeout 2s', ratings(), (d) => {
        const pass = d.timeout.ms === 2000;
        return { pass, saw: `the timeout is ${d.timeout.text}${pass ? '' : '; the task asks for 2s'}.` };
      }),
      routeDetailProbe('retries', 'up to 3 retries', ratings(), (d) => {
        const pass = d.retries.attempts === 3;
        return { pass, saw: `retries: ${d.retries.attempts} attempts (${d.retries.source === 'default' ? 'the default policy' : 'from the rule'})${pass ? '' : '; the task asks for 3'}.` };
      }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/request-timeouts'),
    pagePath: '/traffic/timeouts-retries/',
    explanation: 'timeout is the whole request, retries included; retries.attempts is the number of retries after the first try. Without a retries block Istio applies 2 retries by default.',
    hints: ['Both fields sit on the http rule.', 'attempts counts retries, not tries.'],
  },
  {
    id: 'circuit-breaker',
    kind: 'yaml',
    competency: 'traffic.resilience',
    title: 'Trip a circuit breaker early',
    context: 'Namespace bookinfo runs reviews. No DestinationRule exists for reviews.',
    requirements: ['At most 1 TCP connection and 1 pending HTTP request to reviews.', 'A reviews pod returning 3 consecutive 5xx errors is ejected; checks every 10s; ejected for at least 30s.'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: bookinfo
spec:
  host: reviews
  trafficPolicy:
    connectionPool:
      tcp:
        maxConnections: 1
      http:
        http1MaxPendingRequests: 1
    outlierDetection:
      consecutive5xxErrors: 3
      interval: 10s
      baseEjectionTime: 30s
`,
    probes: [
      policyProbe('pool', 'maxConnections 1, http1MaxPendingRequests 1', { host: 'reviews', namespace: ns }, { 'connectionPool.tcp.maxConnections': 1, 'connectionPool.http.http1MaxPendingRequests': 1 }),
      policyProbe('outlier', 'eject after 3 consecutive 5xx, interval 10s, base ejection 30s', { host: 'reviews', namespace: ns }, { 'outlierDetection.consecutive5xxErrors': 3, 'outlierDetection.interval': '10s', 'outlierDetection.baseEjectionTime': '30s' }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/circuit-breaking'),
    pagePath: '/traffic/circuit-breaking/',
    explanation: 'connectionPool caps connections and queued requests (the overflow gets 503 UO); outlierDetection ejects hosts that keep failing.',
    hints: ['connectionPool has tcp and http parts.', 'outlierDetection takes durations like 10s.'],
  },
  {
    id: 'retry-on-5xx',
    kind: 'yaml',
    competency: 'traffic.resilience',
    title: 'Retry on server errors',
    context: 'Bookinfo runs in namespace bookinfo. No VirtualService exists for ratings.',
    requirements: ['Requests to ratings are retried up to 5 times.', 'They are retried on 5xx responses and on connect failures.', 'Each try gets 1 second.'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings
  namespace: bookinfo
spec:
  hosts:
  - ratings
  http:
  - route:
    - destination:
        host: ratings
    retries:
      attempts: 5
      retryOn: 5xx,connect-failure
      perTryTimeout: 1s
`,
    probes: [
      routeDetailProbe('attempts', 'up to 5 retries', ratings(), (d) => ({ pass: d.retries.attempts === 5, saw: `${d.retries.attempts} retries${d.retries.attempts === 5 ? '' : '; the task asks for 5'}.` })),
      routeDetailProbe('retry-on', 'retry on 5xx and connect-failure', ratings(), (d) => {
        const on = (d.retries.retryOn ?? '').split(',').map((s) => s.trim());
        const pass = on.includes('5xx') && on.includes('connect-failure');
        return { pass, saw: `retries happen on ${d.retries.retryOn ?? 'nothing'}${pass ? '' : '; the task asks for 5xx and connect-failure'}.` };
      }),
      routeDetailProbe('per-try', '1s per try', ratings(), (d) => {
        const pass = ms(d.retries.perTryTimeout) === 1000;
        return { pass, saw: `each try gets ${d.retries.perTryTimeout ?? 'no per-try timeout'}${pass ? '' : '; the task asks for 1s'}.` };
      }),
    ],
    docsUrl: istioDocs('reference/config/networking/virtual-service'),
    pagePath: '/traffic/timeouts-retries/',
    explanation: 'retryOn takes Envoy retry conditions separated by commas; 5xx covers every 5xx response and connect-failure a failed connection.',
    hints: ['retries has attempts, retryOn and perTryTimeout.', 'retryOn is one comma-separated string.'],
  },
  {
    id: 'fault-delay-jason',
    kind: 'yaml',
    competency: 'traffic.fault-injection',
    title: 'Delay one user',
    context: 'Bookinfo runs in namespace bookinfo. Requests to ratings carry the end-user header of the signed-in user.',
    requirements: ['Every request to ratings with end-user: jason is delayed by 7 seconds.', 'Requests from other users are not delayed.'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings
  namespace: bookinfo
spec:
  hosts:
  - ratings
  http:
  - match:
    - headers:
        end-user:
          exact: jason
    fault:
      delay:
        fixedDelay: 7s
        percentage:
          value: 100
    route:
    - destination:
        host: ratings
  - route:
    - destination:
        host: ratings
`,
    probes: [
      routeDetailProbe('jason-delayed', 'jason delayed 7s every time', ratings('/ratings/0', { 'end-user': 'jason' }), (d) => {
        const delay = d.fault?.delay;
        const pass = delay !== undefined && delay.ms === 7000 && delay.percentage === 100;
        return { pass, saw: delay ? `a ${delay.fixedDelay} delay on ${delay.percentage}% of requests${pass ? '' : '; the task asks for 7s on 100%'}.` : 'no delay; the task asks for 7s on 100%.' };
      }),
      routeDetailProbe('others-not-delayed', 'others not delayed', ratings('/ratings/0', { 'end-user': 'alice' }), (d) => {
        const delay = d.fault?.delay;
        const pass = !delay || delay.percentage === 0;
        return { pass, saw: pass ? 'no delay.' : `a ${delay!.fixedDelay} delay on ${delay!.percentage}% of requests; the task asks for none.` };
      }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/fault-injection'),
    pagePath: '/traffic/fault-injection/',
    explanation: 'fault is per http rule, so the header match limits it to jason. Without percentage no request is delayed (the API says so), so give 100 explicitly.',
    hints: ['fault.delay.fixedDelay and fault.delay.percentage.value.', 'A second rule without fault for everyone else.'],
  },
  {
    id: 'fault-abort-half',
    kind: 'yaml',
    competency: 'traffic.fault-injection',
    title: 'Abort half the requests',
    context: 'Bookinfo runs in namespace bookinfo. No VirtualService exists for ratings.',
    requirements: ['Requests to ratings fail with HTTP 500.', 'Only 50% of requests fail; the rest reach ratings.'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings
  namespace: bookinfo
spec:
  hosts:
  - ratings
  http:
  - fault:
      abort:
        httpStatus: 500
        percentage:
          value: 50
    route:
    - destination:
        host: ratings
`,
    probes: [
      routeDetailProbe('status', 'aborted with 500', ratings(), (d) => {
        const a = d.fault?.abort;
        const pass = a?.httpStatus === 500;
        return { pass, saw: a ? `aborted requests get ${a.httpStatus ?? a.grpcStatus}${pass ? '' : '; the task asks for 500'}.` : 'no abort; the task asks for 500.' };
      }),
      routeDetailProbe('share', '50% aborted', ratings(), (d) => {
        const a = d.fault?.abort;
        const pass = a !== undefined && a.percentage === 50;
        return { pass, saw: a ? `${a.percentage}% of requests are aborted${pass ? '' : '; the task asks for 50%'}.` : 'no abort; the task asks for 50%.' };
      }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/fault-injection'),
    pagePath: '/traffic/fault-injection/',
    explanation: 'fault.abort.httpStatus is the status the sidecar returns itself; percentage.value is the share of requests aborted.',
    hints: ['fault.abort.httpStatus.', 'percentage.value: 50.'],
  },
  {
    id: 'fault-delay-and-abort',
    kind: 'yaml',
    competency: 'traffic.fault-injection',
    title: 'Delay and abort together',
    context: 'Bookinfo runs in namespace bookinfo. No VirtualService exists for details.',
    requirements: ['25% of requests to details are delayed by 3 seconds.', '10% of requests to details are aborted with 503.'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: details
  namespace: bookinfo
spec:
  hosts:
  - details
  http:
  - fault:
      delay:
        fixedDelay: 3s
        percentage:
          value: 25
      abort:
        httpStatus: 503
        percentage:
          value: 10
    route:
    - destination:
        host: details
`,
    probes: [
      routeDetailProbe('delay', '3s delay on 25%', { host: 'details', namespace: ns, port: 9080 }, (d) => {
        const x = d.fault?.delay;
        const pass = x !== undefined && x.ms === 3000 && x.percentage === 25;
        return { pass, saw: x ? `a ${x.fixedDelay} delay on ${x.percentage}%${pass ? '' : '; the task asks for 3s on 25%'}.` : 'no delay; the task asks for 3s on 25%.' };
      }),
      routeDetailProbe('abort', '503 on 10%', { host: 'details', namespace: ns, port: 9080 }, (d) => {
        const x = d.fault?.abort;
        const pass = x !== undefined && x.httpStatus === 503 && x.percentage === 10;
        return { pass, saw: x ? `${x.httpStatus ?? x.grpcStatus} on ${x.percentage}%${pass ? '' : '; the task asks for 503 on 10%'}.` : 'no abort; the task asks for 503 on 10%.' };
      }),
    ],
    docsUrl: istioDocs('reference/config/networking/virtual-service'),
    pagePath: '/traffic/fault-injection/',
    explanation: 'One fault block can hold both delay and abort, each with its own percentage.',
    hints: ['fault.delay and fault.abort side by side.'],
  },
  {
    id: 'ingress-gateway-http',
    kind: 'yaml',
    competency: 'traffic.ingress-egress',
    title: 'Expose productpage through the ingress gateway',
    context: 'Istio\'s default ingress gateway runs in istio-system with the label istio: ingressgateway. Bookinfo runs in namespace bookinfo.',
    requirements: ['A Gateway named bookinfo-gateway in bookinfo accepts HTTP for bookinfo.example.com on port 80 of the ingress gateway.', 'Requests for bookinfo.example.com/productpage arriving there go to productpage on port 9080.'],
    namespace: ns,
    given: bookinfoServices,
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
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - bookinfo.example.com
---
apiVersion: networking.istio.io/v1
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
        prefix: /productpage
    route:
    - destination:
        host: productpage
        port:
          number: 9080
`,
    probes: [
      gatewayServerProbe('server', 'the gateway accepts bookinfo.example.com on port 80 (HTTP)', { gatewayLabels: { istio: 'ingressgateway' }, host: 'bookinfo.example.com', port: 80, protocol: 'HTTP' }),
      routeProbe('route', '/productpage goes to productpage', { host: 'bookinfo.example.com', namespace: ns, port: 80, path: '/productpage', gateway: 'bookinfo/bookinfo-gateway' }, { to: 'productpage' }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/ingress/ingress-control'),
    pagePath: '/traffic/ingress-gateway/',
    explanation: 'The Gateway opens the port on the gateway pods; a VirtualService bound to it through spec.gateways routes the requests. Without gateways a VirtualService applies only to sidecars (mesh).',
    hints: ['selector istio: ingressgateway.', 'List the Gateway under the VirtualService\'s gateways.'],
  },
  {
    id: 'ingress-path-routing',
    kind: 'yaml',
    competency: 'traffic.ingress-egress',
    title: 'Two services behind one host',
    context: 'The Gateway bookinfo-gateway in bookinfo accepts bookinfo.example.com on port 80 of the ingress gateway.',
    requirements: ['At the gateway, requests for bookinfo.example.com whose path starts with /reviews go to reviews (port 9080).', 'All other requests for bookinfo.example.com go to productpage (port 9080).'],
    namespace: ns,
    given: docs(bookinfoServices, `apiVersion: networking.istio.io/v1
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
    - bookinfo.example.com`),
    starter: '',
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
        prefix: /reviews
    route:
    - destination:
        host: reviews
        port:
          number: 9080
  - route:
    - destination:
        host: productpage
        port:
          number: 9080
`,
    probes: [
      routeProbe('reviews', '/reviews... goes to reviews', { host: 'bookinfo.example.com', namespace: ns, port: 80, path: '/reviews/1', gateway: 'bookinfo/bookinfo-gateway' }, { to: 'reviews' }),
      routeProbe('productpage', 'other paths go to productpage', { host: 'bookinfo.example.com', namespace: ns, port: 80, path: '/productpage', gateway: 'bookinfo/bookinfo-gateway' }, { to: 'productpage' }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/ingress/ingress-control'),
    pagePath: '/traffic/ingress-gateway/',
    explanation: 'One VirtualService bound to the gateway routes by path; the first matching rule wins.',
    hints: ['gateways: [bookinfo-gateway].', 'A prefix rule, then a catch-all.'],
  },
  {
    id: 'sidecar-egress-scope',
    kind: 'yaml',
    competency: 'traffic.ingress-egress',
    title: 'Limit what the bookinfo proxies know',
    context: 'Namespace bookinfo runs Bookinfo; namespace shop runs unrelated services; istio-system runs the control plane.',
    requirements: ['Proxies in bookinfo know the services of their own namespace.', 'They also know the services in istio-system.', 'They do not receive configuration for services in other namespaces such as shop.'],
    namespace: ns,
    given: bookinfoServices,
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: bookinfo
spec:
  egress:
  - hosts:
    - "./*"
    - "istio-system/*"
`,
    probes: [
      sidecarReachProbe('own-namespace', 'own namespace known', { namespace: ns, labels: { app: 'reviews' } }, { host: 'ratings', namespace: ns }, true),
      sidecarReachProbe('istio-system', 'istio-system known', { namespace: ns, labels: { app: 'reviews' } }, { host: 'istiod', namespace: 'istio-system' }, true),
      sidecarReachProbe('other-namespaces', 'shop not known', { namespace: ns, labels: { app: 'reviews' } }, { host: 'cart', namespace: 'shop' }, false),
    ],
    docsUrl: istioDocs('reference/config/networking/sidecar'),
    pagePath: '/traffic/sidecar-resource/',
    explanation: 'egress.hosts entries are namespace/dnsName; "." is the Sidecar\'s own namespace and "*" any name. A Sidecar without workloadSelector applies to the whole namespace.',
    hints: ['Kind Sidecar, no workloadSelector.', 'Hosts look like ./* and istio-system/*.'],
  },
  {
    id: 'serviceentry-https-api',
    kind: 'yaml',
    competency: 'traffic.external',
    title: 'Register an external HTTPS API',
    context: 'The mesh runs with outboundTrafficPolicy REGISTRY_ONLY. Pods in namespace bookinfo must call https://api.example.com.',
    requirements: ['api.example.com is in the registry on port 443 as TLS (the application itself speaks TLS).', 'Its addresses are resolved through DNS.'],
    namespace: ns,
    given: '',
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: example-api
  namespace: bookinfo
spec:
  hosts:
  - api.example.com
  location: MESH_EXTERNAL
  ports:
  - number: 443
    name: tls
    protocol: TLS
  resolution: DNS
`,
    probes: [
      serviceEntryProbe('port', 'port 443, protocol TLS', { host: 'api.example.com', port: 443, protocol: ['TLS', 'HTTPS'], location: 'MESH_EXTERNAL' }),
      serviceEntryProbe('resolution', 'resolution DNS', { host: 'api.example.com', resolution: 'DNS' }),
    ],
    docsUrl: istioDocs('tasks/traffic-management/egress/egress-control'),
    pagePath: '/traffic/service-entry/',
    explanation: 'With REGISTRY_ONLY only hosts in the registry are reachable. For traffic the application encrypts, the port protocol is TLS (HTTPS is read the same way: the proxy routes on SNI). location defaults to MESH_EXTERNAL.',
    hints: ['Kind ServiceEntry.', 'resolution: DNS, port protocol TLS.'],
  },
  {
    id: 'serviceentry-http-timeout',
    kind: 'yaml',
    competency: 'traffic.external',
    title: 'An external HTTP service with a timeout',
    context: 'Pods in namespace bookinfo call http://httpbin.org (plain HTTP). The mesh allows only registered hosts.',
    requirements: ['httpbin.org is registered on port 80 as HTTP with DNS resolution.', 'Calls to httpbin.org time out after 3 seconds.'],
    namespace: ns,
    given: '',
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: httpbin-ext
  namespace: bookinfo
spec:
  hosts:
  - httpbin.org
  ports:
  - number: 80
    name: http
    protocol: HTTP
  resolution: DNS
  location: MESH_EXTERNAL
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: httpbin-ext
  namespace: bookinfo
spec:
  hosts:
  - httpbin.org
  http:
  - timeout: 3s
    route:
    - destination:
        host: httpbin.org
`,
    probes: [
      serviceEntryProbe('entry', 'httpbin.org on port 80 (HTTP, DNS)', { host: 'httpbin.org', port: 80, protocol: 'HTTP', resolution: 'DNS' }),
      routeDetailProbe('timeout', '3s timeout', { host: 'httpbin.org', namespace: ns, port: 80 }, (d) => ({ pass: d.timeout.ms === 3000, saw: `the timeout is ${d.timeout.text}${d.timeout.ms === 3000 ? '' : '; the task asks for 3s'}.` })),
    ],
    docsUrl: istioDocs('tasks/traffic-management/egress/egress-control'),
    pagePath: '/traffic/service-entry/',
    explanation: 'The ServiceEntry adds the host; a VirtualService can then apply routing rules such as a timeout to it, like to any mesh service.',
    hints: ['ServiceEntry plus VirtualService for the same host.'],
  },
  {
    id: 'serviceentry-vm-static',
    kind: 'yaml',
    competency: 'traffic.external',
    title: 'A database on a VM inside the mesh',
    context: 'A PostgreSQL server runs on a VM at 10.0.0.5, port 5432, with an Istio sidecar. Pods in namespace bookinfo reach it as db.internal.',
    requirements: ['db.internal is registered on port 5432 with protocol TCP as part of the mesh (MESH_INTERNAL).', 'Its endpoint is the static address 10.0.0.5 (resolution STATIC).'],
    namespace: ns,
    given: '',
    starter: '',
    solution: `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: db
  namespace: bookinfo
spec:
  hosts:
  - db.internal
  location: MESH_INTERNAL
  ports:
  - number: 5432
    name: tcp-postgres
    protocol: TCP
  resolution: STATIC
  endpoints:
  - address: 10.0.0.5
`,
    probes: [
      serviceEntryProbe('entry', 'db.internal, port 5432 TCP, MESH_INTERNAL', { host: 'db.internal', port: 5432, protocol: 'TCP', location: 'MESH_INTERNAL' }),
      worldProbe('static-endpoint', 'STATIC with endpoint 10.0.0.5', (w) => {
        const se = w.ofKind('ServiceEntry').find((o) => JSON.stringify((o.value.spec as { hosts?: unknown })?.hosts ?? []).includes('"db.internal"'));
        const spec = (se?.value.spec ?? {}) as { resolution?: unknown; endpoints?: { address?: unknown }[] };
        const addresses = (Array.isArray(spec.endpoints) ? spec.endpoints : []).map((e) => e?.address);
        const pass = spec.resolution === 'STATIC' && addresses.length === 1 && addresses[0] === '10.0.0.5';
        return { pass, saw: `resolution ${String(spec.resolution ?? 'NONE')} with endpoints ${addresses.join(', ') || 'none'}${pass ? '' : '; the task asks for STATIC with 10.0.0.5'}.` };
      }),
    ],
    docsUrl: istioDocs('reference/config/networking/service-entry'),
    pagePath: '/traffic/workload-entry/',
    explanation: 'MESH_INTERNAL says the endpoints run sidecars (mTLS applies); STATIC takes the addresses from endpoints instead of DNS.',
    hints: ['location: MESH_INTERNAL, resolution: STATIC.', 'endpoints is a list of address entries.'],
  },
];
