/** Other correct forms and typical mistakes for the traffic tasks (test data only, never shipped). */
import { edit, type CaseBuilder } from './cases';

export const trafficCases: Record<string, CaseBuilder> = {
  'route-jason-to-v2': () => ({
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
  }),

  'route-uri-prefix': (s) => ({
    alternatives: [
      edit(s, ['prefix: /ratings/vip', 'regex: "/ratings/vip.*"']),
      edit(s, ['  - route:\n    - destination:\n        host: ratings\n        subset: v1', '  - match:\n    - uri:\n        prefix: /\n    route:\n    - destination:\n        host: ratings.bookinfo.svc.cluster.local\n        subset: v1']),
    ],
    mistakes: [
      { why: 'exact instead of prefix', breaks: ['vip-v2'], answer: edit(s, ['prefix: /ratings/vip', 'exact: /ratings/vip']) },
      { why: 'default to v2', breaks: ['others-v1'], answer: edit(s, ['        subset: v1', '        subset: v2']) },
    ],
  }),
  'mirror-to-v2': (s) => ({
    alternatives: [
      edit(s, ['value: 10', 'value: 10.0'], ['  - reviews\n', '  - reviews.bookinfo.svc.cluster.local\n']),
      edit(s, ['    - destination:\n        host: reviews\n        subset: v1\n', '    - destination:\n        host: reviews\n        subset: v1\n      weight: 100\n']),
    ],
    mistakes: [
      { why: 'every request mirrored', breaks: ['mirror-v2'], answer: edit(s, ['    mirrorPercentage:\n      value: 10\n', '']) },
      { why: 'served by v2', breaks: ['served-v1'], answer: edit(s, ['        subset: v1', '        subset: v2']) },
    ],
  }),
  'shift-80-20-jason-v3': (s) => ({
    alternatives: [
      edit(s, ['weight: 80', 'weight: 80'], ['exact: jason', 'regex: jason']),
      `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: bookinfo
spec:
  hosts: [reviews.bookinfo.svc.cluster.local]
  http:
  - match: [{headers: {end-user: {exact: jason}}}]
    route: [{destination: {host: reviews, subset: v3}, weight: 100}]
  - route:
    - {destination: {host: reviews, subset: v2}, weight: 20}
    - {destination: {host: reviews, subset: v1}, weight: 80}
`,
    ],
    mistakes: [
      { why: 'weights swapped', breaks: ['split'], answer: edit(s, ['weight: 80', 'weight: X'], ['weight: 20', 'weight: 80'], ['weight: X', 'weight: 20']) },
      { why: 'jason rule last', breaks: ['jason-v3'], answer: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: bookinfo
spec:
  hosts: [reviews]
  http:
  - route:
    - {destination: {host: reviews, subset: v1}, weight: 80}
    - {destination: {host: reviews, subset: v2}, weight: 20}
  - match: [{headers: {end-user: {exact: jason}}}]
    route: [{destination: {host: reviews, subset: v3}}]
` },
    ],
  }),
  'canary-subsets-90-10': (s) => ({
    alternatives: [
      edit(s, ['  host: reviews\n', '  host: reviews.bookinfo.svc.cluster.local\n']),
      edit(s, ['  - name: v1\n    labels:\n      version: v1\n  - name: v3\n    labels:\n      version: v3\n', '  - name: v3\n    labels:\n      version: v3\n  - name: v1\n    labels:\n      version: v1\n'], ['weight: 90', 'weight: 90']),
    ],
    mistakes: [
      { why: 'weights reversed', breaks: ['split'], answer: edit(s, ['weight: 90', 'weight: X'], ['weight: 10', 'weight: 90'], ['weight: X', 'weight: 10']) },
      { why: 'subset v3 selects the v2 label', breaks: ['subset-labels'], answer: edit(s, ['      version: v3', '      version: v2']) },
    ],
  }),
  'shift-by-source': (s) => ({
    alternatives: [
      edit(s, ['weight: 50', 'weight: 1'], ['weight: 50', 'weight: 1']),
      edit(s, ['  - route:\n    - destination:\n        host: reviews\n        subset: v1\n', '  - match:\n    - uri:\n        prefix: /\n    route:\n    - destination:\n        host: reviews\n        subset: v1\n']),
    ],
    mistakes: [
      { why: 'no sourceLabels match', breaks: ['others-v1'], answer: edit(s, ['  - match:\n    - sourceLabels:\n        app: productpage\n    route:', '  - route:']) },
      { why: 'wrong source label', breaks: ['productpage-split'], answer: edit(s, ['app: productpage', 'app: reviews']) },
    ],
  }),
  'dr-least-request': (s) => ({
    alternatives: [
      edit(s, ['  host: reviews\n', '  host: reviews.bookinfo.svc.cluster.local\n']),
      edit(s, ['  - name: v1\n    labels:\n      version: v1\n', '  - name: v1\n    labels:\n      version: v1\n    trafficPolicy:\n      loadBalancer:\n        simple: LEAST_REQUEST\n']),
    ],
    mistakes: [
      { why: 'ROUND_ROBIN at the top level', breaks: ['v1-least-request'], answer: edit(s, ['simple: LEAST_REQUEST', 'simple: ROUND_ROBIN']) },
      { why: 'no subset override', breaks: ['v2-round-robin'], answer: edit(s, ['    trafficPolicy:\n      loadBalancer:\n        simple: ROUND_ROBIN\n', '']) },
    ],
  }),
  'dr-consistent-hash-mtls': (s) => ({
    alternatives: [
      edit(s, ['  host: ratings\n', '  host: ratings.bookinfo.svc.cluster.local\n']),
      edit(s, ['    tls:\n      mode: ISTIO_MUTUAL\n', '    tls: {mode: ISTIO_MUTUAL}\n    connectionPool:\n      tcp:\n        maxConnections: 100\n']),
    ],
    mistakes: [
      { why: 'cookie instead of header', breaks: ['hash-header'], answer: edit(s, ['        httpHeaderName: x-user', '        httpCookie:\n          name: x-user\n          ttl: 0s']) },
      { why: 'SIMPLE TLS', breaks: ['istio-mutual'], answer: edit(s, ['mode: ISTIO_MUTUAL', 'mode: SIMPLE']) },
    ],
  }),
  'dr-subset-pool': (s) => ({
    alternatives: [
      edit(s, ['  host: ratings\n', '  host: ratings.bookinfo.svc.cluster.local\n']),
      edit(s, ['        http:\n          http2MaxRequests: 100\n', '        http:\n          http2MaxRequests: 100\n      loadBalancer:\n        simple: RANDOM\n']),
    ],
    mistakes: [
      { why: 'subset v2 resets the load balancer', breaks: ['v2-pool'], answer: edit(s, ['        http:\n          http2MaxRequests: 100\n', '        http:\n          http2MaxRequests: 100\n      loadBalancer:\n        simple: LEAST_REQUEST\n']) },
      { why: 'load balancer only in subset v2', breaks: ['v1-random'], answer: edit(s, ['  trafficPolicy:\n    loadBalancer:\n      simple: RANDOM\n', ''], ['        http:\n          http2MaxRequests: 100\n', '        http:\n          http2MaxRequests: 100\n      loadBalancer:\n        simple: RANDOM\n']) },
    ],
  }),
  'timeout-and-retries': (s) => ({
    alternatives: [
      edit(s, ['timeout: 2s', 'timeout: 2000ms']),
      edit(s, ['      perTryTimeout: 500ms\n', '      retryOn: 5xx\n']),
    ],
    mistakes: [
      { why: 'two milliseconds', breaks: ['timeout'], answer: edit(s, ['timeout: 2s', 'timeout: 2ms']) },
      { why: 'three tries, not three retries', breaks: ['retries'], answer: edit(s, ['attempts: 3', 'attempts: 2']) },
    ],
  }),
  'circuit-breaker': (s) => ({
    alternatives: [
      edit(s, ['interval: 10s', 'interval: 10000ms'], ['baseEjectionTime: 30s', 'baseEjectionTime: 0.5m']),
      edit(s, ['  host: reviews\n', '  host: reviews.bookinfo.svc.cluster.local\n']),
    ],
    mistakes: [
      { why: 'ten connections', breaks: ['pool'], answer: edit(s, ['maxConnections: 1', 'maxConnections: 10']) },
      { why: 'no consecutive5xxErrors', breaks: ['outlier'], answer: edit(s, ['      consecutive5xxErrors: 3\n', '']) },
    ],
  }),
  'retry-on-5xx': (s) => ({
    alternatives: [
      edit(s, ['retryOn: 5xx,connect-failure', 'retryOn: connect-failure,5xx']),
      edit(s, ['perTryTimeout: 1s', 'perTryTimeout: 1000ms'], ['retryOn: 5xx,connect-failure', 'retryOn: "5xx,connect-failure,reset"']),
    ],
    mistakes: [
      { why: 'only gateway errors', breaks: ['retry-on'], answer: edit(s, ['retryOn: 5xx,connect-failure', 'retryOn: gateway-error,connect-failure']) },
      { why: 'per-try timeout too long', breaks: ['per-try'], answer: edit(s, ['perTryTimeout: 1s', 'perTryTimeout: 10s']) },
    ],
  }),
  'fault-delay-jason': (s) => ({
    alternatives: [
      edit(s, ['fixedDelay: 7s', 'fixedDelay: 7000ms']),
      edit(s, ['value: 100', 'value: 100.0'], ['exact: jason', 'regex: jason']),
    ],
    mistakes: [
      { why: 'delay on 10%', breaks: ['jason-delayed'], answer: edit(s, ['value: 100', 'value: 10']) },
      { why: 'no header match', breaks: ['others-not-delayed'], answer: edit(s, ['  - match:\n    - headers:\n        end-user:\n          exact: jason\n    fault:', '  - fault:']) },
    ],
  }),
  'fault-abort-half': (s) => ({
    alternatives: [
      edit(s, ['value: 50', 'value: 50.0']),
      edit(s, ['  - ratings\n', '  - ratings.bookinfo.svc.cluster.local\n']),
    ],
    mistakes: [
      { why: '503 instead of 500', breaks: ['status'], answer: edit(s, ['httpStatus: 500', 'httpStatus: 503']) },
      { why: '5%', breaks: ['share'], answer: edit(s, ['value: 50', 'value: 5']) },
    ],
  }),
  'fault-delay-and-abort': (s) => ({
    alternatives: [
      edit(s, ['fixedDelay: 3s', 'fixedDelay: 3000ms']),
      edit(s, ['      delay:\n        fixedDelay: 3s\n        percentage:\n          value: 25\n      abort:\n        httpStatus: 503\n        percentage:\n          value: 10\n', '      abort:\n        percentage:\n          value: 10\n        httpStatus: 503\n      delay:\n        percentage:\n          value: 25\n        fixedDelay: 3s\n']),
    ],
    mistakes: [
      { why: 'delay percentages swapped', breaks: ['delay', 'abort'], answer: edit(s, ['value: 25', 'value: X'], ['value: 10', 'value: 25'], ['value: X', 'value: 10']) },
      { why: 'abort status 500', breaks: ['abort'], answer: edit(s, ['httpStatus: 503', 'httpStatus: 500']) },
    ],
  }),
  'ingress-gateway-http': (s) => ({
    alternatives: [
      edit(s, ['  gateways:\n  - bookinfo-gateway', '  gateways:\n  - bookinfo/bookinfo-gateway']),
      edit(s, ['    hosts:\n    - bookinfo.example.com', '    hosts:\n    - "*"'], ['        host: productpage\n', '        host: productpage.bookinfo.svc.cluster.local\n']),
    ],
    mistakes: [
      { why: 'VirtualService not bound to the gateway', breaks: ['route'], answer: edit(s, ['  gateways:\n  - bookinfo-gateway\n', '']) },
      { why: 'Gateway for another host', breaks: ['server'], answer: edit(s, ['    hosts:\n    - bookinfo.example.com', '    hosts:\n    - shop.example.com']) },
    ],
  }),
  'ingress-path-routing': (s) => ({
    alternatives: [
      edit(s, ['  gateways:\n  - bookinfo-gateway', '  gateways:\n  - bookinfo/bookinfo-gateway']),
      edit(s, ['prefix: /reviews', 'regex: "/reviews(/.*)?"']),
    ],
    mistakes: [
      { why: 'exact path', breaks: ['reviews'], answer: edit(s, ['prefix: /reviews', 'exact: /reviews']) },
      { why: 'no catch-all', breaks: ['productpage'], answer: edit(s, ['  - route:\n    - destination:\n        host: productpage', '  - match:\n    - uri:\n        exact: /\n    route:\n    - destination:\n        host: productpage']) },
    ],
  }),
  'sidecar-egress-scope': (s) => ({
    alternatives: [
      edit(s, ['"./*"', '"bookinfo/*"']),
      `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: bookinfo
spec:
  egress:
  # istiod wants the listener without a port last.
  - port: {number: 15012, protocol: GRPC, name: grpc-xds}
    hosts: ["istio-system/*"]
  - hosts: ["./*"]
`,
    ],
    mistakes: [
      { why: 'every namespace', breaks: ['other-namespaces'], answer: edit(s, ['"./*"', '"*/*"']) },
      { why: 'istio-system missing', breaks: ['istio-system'], answer: edit(s, ['    - "istio-system/*"\n', '']) },
    ],
  }),
  'serviceentry-https-api': (s) => ({
    alternatives: [
      edit(s, ['  location: MESH_EXTERNAL\n', ''], ['    name: tls\n    protocol: TLS', '    name: https\n    protocol: HTTPS']),
      edit(s, ['  - api.example.com\n', '  - api.example.com\n  - www.example.com\n']),
    ],
    mistakes: [
      { why: 'HTTP on 443', breaks: ['port'], answer: edit(s, ['    name: tls\n    protocol: TLS', '    name: http\n    protocol: HTTP']) },
      { why: 'resolution NONE', breaks: ['resolution'], answer: edit(s, ['resolution: DNS', 'resolution: NONE']) },
    ],
  }),
  'serviceentry-http-timeout': (s) => ({
    alternatives: [
      edit(s, ['  - timeout: 3s\n', '  - timeout: 3000ms\n']),
      edit(s, ['  location: MESH_EXTERNAL\n', ''], ['    name: http\n', '    name: http-ext\n']),
    ],
    mistakes: [
      { why: 'timeout 30s', breaks: ['timeout'], answer: edit(s, ['timeout: 3s', 'timeout: 30s']) },
      { why: 'STATIC resolution', breaks: ['entry'], answer: edit(s, ['resolution: DNS', 'resolution: NONE']) },
    ],
  }),
  'serviceentry-vm-static': (s) => ({
    alternatives: [
      edit(s, ['    name: tcp-postgres\n', '    name: tcp\n']),
      edit(s, ['  endpoints:\n  - address: 10.0.0.5\n', '  endpoints:\n  - address: 10.0.0.5\n    ports:\n      tcp-postgres: 5432\n']),
    ],
    mistakes: [
      { why: 'MESH_EXTERNAL', breaks: ['entry'], answer: edit(s, ['MESH_INTERNAL', 'MESH_EXTERNAL']) },
      { why: 'DNS resolution', breaks: ['static-endpoint'], answer: edit(s, ['resolution: STATIC', 'resolution: DNS']) },
    ],
  }),
};
