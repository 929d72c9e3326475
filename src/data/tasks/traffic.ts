/** Traffic Management tasks (35% of the exam). */
import { policyProbe, routeDetailProbe, routeProbe, worldProbe, ms } from '../../lib/exam/grade/probes';
import { gatewayServerProbe, serviceEntryProbe, sidecarReachProbe } from '../../lib/exam/grade/config-probes';
import type { Task } from '../../lib/exam/types';
import { bookinfoServices, docs, istioDocs, ratingsSubsets, reviewsSubsets, service } from './context';

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
];
