import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/timeouts-retries.mdx (manifests in
 * src/examples/labs/timeouts-retries/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'kubectl-exec-curl-status-and-time-path',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -w "%{http_code} %{time_total}s\\n" http://<service>:<port>/<path>',
    summary: 'Calls one path of a service from the curl pod and prints the status code and how long the call took. With httpbin, the path delay/3 answers after 3 seconds and status/503 answers 503 at once, which makes timeouts and retries easy to see.',
    tags: ['timeouts', 'retries', 'verify', 'curl', 'lab'],
    output: '504 1.004187s',
    page: '/labs/timeouts-retries/',
  },
  {
    id: 'kubectl-logs-httpbin-istio-proxy-count-path',
    command: 'kubectl logs deploy/httpbin -n <namespace> -c istio-proxy | grep -c <path>',
    summary: 'Counts the lines for one request path in the access log of httpbin\'s own sidecar. That sidecar logs every try it receives, so after one call the count is the number of tries: 1 without retries, 1 + the retries otherwise. The count covers the whole log, so repeat calls add up.',
    tags: ['retries', 'access-log', 'verify', 'lab'],
    output: '4',
    page: '/labs/timeouts-retries/',
  },
];
