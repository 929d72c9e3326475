/** Other correct forms and typical mistakes for the traffic tasks (test data only, never shipped). */
import type { TaskCases } from './cases';

export const trafficCases: Record<string, TaskCases> = {
  'route-jason-to-v2': {
    alternatives: [
      `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews-route
spec:
  hosts: [reviews.bookinfo.svc.cluster.local]
  http:
  - match:
    - headers:
        end-user: {regex: "jason"}
    route:
    - destination: {host: reviews.bookinfo.svc.cluster.local, subset: v2}
  - route:
    - destination: {host: reviews.bookinfo.svc.cluster.local, subset: v1}
      weight: 100
`,
      `apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata:
  name: reviews
  namespace: bookinfo
spec:
  hosts:
  - reviews
  http:
  - name: jason
    match:
    - headers:
        end-user:
          exact: jason
    route:
    - destination:
        host: reviews
        subset: v2
  - name: default
    match:
    - uri:
        prefix: /
    route:
    - destination:
        host: reviews
        subset: v1
`,
    ],
    mistakes: [
      {
        why: 'catch-all rule first',
        breaks: ['jason-v2'],
        answer: `apiVersion: networking.istio.io/v1
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
      },
      {
        why: 'default route to v3',
        breaks: ['others-v1'],
        answer: `apiVersion: networking.istio.io/v1
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
        subset: v3
`,
      },
    ],
  },
};
