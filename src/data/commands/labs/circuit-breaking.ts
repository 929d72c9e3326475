import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/circuit-breaking.mdx (manifests in
 * src/examples/labs/circuit-breaking/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'kubectl-apply-fortio-sample',
    command: 'kubectl apply -n <namespace> -f samples/httpbin/sample-client/fortio-deploy.yaml',
    summary: 'Deploys the fortio load-testing client from the unpacked release: a Deployment named fortio-deploy (container fortio) and a Service named fortio. Its pod template asks the sidecar to keep per-cluster outbound statistics, which the circuit-breaking checks read.',
    tags: ['sample', 'fortio', 'circuit-breaking', 'lab'],
    page: '/labs/circuit-breaking/',
  },
  {
    id: 'kubectl-delete-fortio-sample',
    command: 'kubectl delete -n <namespace> -f samples/httpbin/sample-client/fortio-deploy.yaml',
    summary: 'Removes the fortio client Deployment and Service created from the release sample.',
    tags: ['sample', 'fortio', 'cleanup', 'lab'],
    page: '/labs/circuit-breaking/',
  },
  {
    id: 'kubectl-exec-fortio-load-httpbin-one-connection',
    command: 'kubectl exec deploy/fortio-deploy -n <namespace> -c fortio -- /usr/bin/fortio load -c 1 -qps 0 -n 20 -loglevel Warning http://httpbin:8000/get',
    summary: 'Runs 20 requests to httpbin from the fortio client over a single connection, one after the other. Even a connection pool of one connection and one queued request holds this load, so every request should succeed.',
    tags: ['circuit-breaking', 'load-test', 'fortio', 'lab'],
    output: 'Code 200 : 20 (100.0 %)',
    page: '/labs/circuit-breaking/',
  },
  {
    id: 'kubectl-logs-fortio-istio-proxy-count-uo',
    command: `kubectl logs deploy/fortio-deploy -n <namespace> -c istio-proxy --tail=30 | grep -c ' 503 UO '`,
    summary: 'Counts, among the last 30 access-log lines of the fortio client\'s sidecar, the requests answered 503 with the response flag UO (upstream overflow): the ones the circuit breaker turned away before they left the client pod.',
    tags: ['circuit-breaking', 'access-log', 'response-flags', 'lab'],
    output: '11',
    page: '/labs/circuit-breaking/',
  },
  {
    id: 'kubectl-get-pods-httpbin-wide',
    command: 'kubectl get pods -n <namespace> -l app=httpbin -o wide',
    summary: 'Lists every pod with the label app=httpbin, which is every pod behind the httpbin Service, with its IP address, so you can tell which endpoint in the proxy\'s list is which pod.',
    tags: ['pods', 'endpoints', 'outlier-detection', 'lab'],
    output: 'NAME                              READY   STATUS    RESTARTS   AGE   IP            NODE\nhttpbin-7c5f8d8b9c-q2x7m          2/2     Running   0          40m   10.244.0.12   kind-control-plane\nhttpbin-broken-6d4b9f7c86-wz5kt   2/2     Running   0          2m    10.244.0.19   kind-control-plane',
    page: '/labs/circuit-breaking/',
  },
  {
    id: 'istioctl-pc-endpoint-curl-httpbin',
    command: 'istioctl proxy-config endpoint deploy/curl -n <namespace> --cluster "outbound|8000||httpbin.<namespace>.svc.cluster.local"',
    summary: 'Lists the httpbin endpoints as the curl pod\'s sidecar sees them. STATUS is the health reported by Kubernetes; OUTLIER CHECK turns from OK to FAILED while this caller has ejected the endpoint.',
    tags: ['outlier-detection', 'proxy-config', 'endpoints', 'lab'],
    output: 'ENDPOINT            STATUS      OUTLIER CHECK     CLUSTER\n10.244.0.12:8080    HEALTHY     OK                outbound|8000||httpbin.shop.svc.cluster.local\n10.244.0.19:8080    HEALTHY     FAILED            outbound|8000||httpbin.shop.svc.cluster.local',
    page: '/labs/circuit-breaking/',
  },
];
