import type { CommandEntry } from './types';

/**
 * Commands of the two resilience labs: /labs/timeouts-retries/ and /labs/circuit-breaking/. Commands the
 * labs share with the topic pages (the timing curl, the status-code loop, the fortio load test, the fortio
 * stats, the curl sidecar's access log) live in traffic-policy.ts and are reused by id.
 */
export const commands: CommandEntry[] = [
  {
    id: 'kubectl-exec-curl-status-and-time-path',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -w "%{http_code} %{time_total}s\\n" http://<service>:<port>/<path>',
    summary: 'Calls one path of a service from the curl pod and prints the status code and how long the call took. With httpbin, the path delay/3 answers after 3 seconds and status/503 answers 503 at once, which makes timeouts and retries easy to see.',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['timeouts', 'retries', 'verify', 'curl', 'lab'],
    output: '504 1.004187s',
    page: '/labs/timeouts-retries/',
  },
  {
    id: 'kubectl-logs-httpbin-istio-proxy-count-path',
    command: 'kubectl logs deploy/httpbin -n <namespace> -c istio-proxy | grep -c <path>',
    summary: 'Counts the lines for one request path in the access log of httpbin\'s own sidecar. That sidecar logs every try it receives, so after one call the count is the number of tries: 1 without retries, 1 + the retries otherwise. The count covers the whole log, so repeat calls add up.',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['retries', 'access-log', 'verify', 'lab'],
    output: '4',
    page: '/labs/timeouts-retries/',
  },
  {
    id: 'kubectl-apply-fortio-sample',
    command: 'kubectl apply -n <namespace> -f samples/httpbin/sample-client/fortio-deploy.yaml',
    summary: 'Deploys the fortio load-testing client from the unpacked release: a Deployment named fortio-deploy (container fortio) and a Service named fortio. Its pod template asks the sidecar to keep per-cluster outbound statistics, which the circuit-breaking checks read.',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['sample', 'fortio', 'circuit-breaking', 'lab'],
    page: '/labs/circuit-breaking/',
  },
  {
    id: 'kubectl-delete-fortio-sample',
    command: 'kubectl delete -n <namespace> -f samples/httpbin/sample-client/fortio-deploy.yaml',
    summary: 'Removes the fortio client Deployment and Service created from the release sample.',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['sample', 'fortio', 'cleanup', 'lab'],
    page: '/labs/circuit-breaking/',
  },
  {
    id: 'kubectl-exec-fortio-load-httpbin-one-connection',
    command: 'kubectl exec deploy/fortio-deploy -n <namespace> -c fortio -- /usr/bin/fortio load -c 1 -qps 0 -n 20 -loglevel Warning http://httpbin:8000/get',
    summary: 'Runs 20 requests to httpbin from the fortio client over a single connection, one after the other. Even a connection pool of one connection and one queued request holds this load, so every request should succeed.',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['circuit-breaking', 'load-test', 'fortio', 'lab'],
    output: 'Code 200 : 20 (100.0 %)',
    page: '/labs/circuit-breaking/',
  },
  {
    id: 'kubectl-logs-fortio-istio-proxy-count-uo',
    command: `kubectl logs deploy/fortio-deploy -n <namespace> -c istio-proxy --tail=30 | grep -c ' 503 UO '`,
    summary: 'Counts, among the last 30 access-log lines of the fortio client\'s sidecar, the requests answered 503 with the response flag UO (upstream overflow): the ones the circuit breaker turned away before they left the client pod.',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['circuit-breaking', 'access-log', 'response-flags', 'lab'],
    output: '11',
    page: '/labs/circuit-breaking/',
  },
  {
    id: 'kubectl-get-pods-httpbin-wide',
    command: 'kubectl get pods -n <namespace> -l app=httpbin -o wide',
    summary: 'Lists every pod with the label app=httpbin, which is every pod behind the httpbin Service, with its IP address, so you can tell which endpoint in the proxy\'s list is which pod.',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['pods', 'endpoints', 'outlier-detection', 'lab'],
    output: 'NAME                              READY   STATUS    RESTARTS   AGE   IP            NODE\nhttpbin-7c5f8d8b9c-q2x7m          2/2     Running   0          40m   10.244.0.12   kind-control-plane\nhttpbin-broken-6d4b9f7c86-wz5kt   2/2     Running   0          2m    10.244.0.19   kind-control-plane',
    page: '/labs/circuit-breaking/',
  },
  {
    id: 'istioctl-pc-endpoint-curl-httpbin',
    command: 'istioctl proxy-config endpoint deploy/curl -n <namespace> --cluster "outbound|8000||httpbin.<namespace>.svc.cluster.local"',
    summary: 'Lists the httpbin endpoints as the curl pod\'s sidecar sees them. STATUS is the health reported by Kubernetes; OUTLIER CHECK turns from OK to FAILED while this caller has ejected the endpoint.',
    domain: 'traffic',
    tool: 'istioctl',
    tags: ['outlier-detection', 'proxy-config', 'endpoints', 'lab'],
    output: 'ENDPOINT            STATUS      OUTLIER CHECK     CLUSTER\n10.244.0.12:8080    HEALTHY     OK                outbound|8000||httpbin.shop.svc.cluster.local\n10.244.0.19:8080    HEALTHY     FAILED            outbound|8000||httpbin.shop.svc.cluster.local',
    page: '/labs/circuit-breaking/',
  },
];
