import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/fault-injection.mdx (manifests in
 * src/examples/labs/fault-injection/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'kubectl-exec-curl-loop-1000-status-codes',
    command: `kubectl exec deploy/curl -n <namespace> -- sh -c 'for i in $(seq 1 1000); do curl -s -o /dev/null -w "%{http_code}\\n" http://<service>:<port>/; done' | sort | uniq -c`,
    summary: 'Sends 1,000 requests from the curl pod and counts the answers per status code. Large enough to see a small fault percentage such as 1 (about 10 in 1,000); it takes a little while to run.',
    tags: ['fault-injection', 'verify', 'curl', 'lab'],
    output: '    991 200\n      9 503',
    page: '/labs/fault-injection/',
  },
  {
    id: 'kubectl-exec-curl-status-and-time-end-user-jason',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -w "%{http_code} %{time_total}s\\n" -H "end-user: jason" http://<service>:<port>/',
    summary: 'Sends one request with the header end-user: jason and prints the status code and the total time. Compare it with the same request without the header to check a fault scoped to one user.',
    tags: ['fault-injection', 'headers', 'verify', 'curl', 'lab'],
    output: '200 3.012477s',
    page: '/labs/fault-injection/',
  },
  {
    id: 'kubectl-exec-curl-productpage-status-and-time',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -w "%{http_code} %{time_total}s\\n" http://productpage:9080/productpage',
    summary: 'Loads the Bookinfo product page from the curl pod and prints the status code and the total time. The page calls reviews, which calls ratings, so delays further down the chain show up here.',
    tags: ['fault-injection', 'timeouts', 'bookinfo', 'curl', 'lab'],
    output: '200 1.046381s',
    page: '/labs/fault-injection/',
  },
  {
    id: 'kubectl-exec-curl-productpage-reviews-error',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s http://productpage:9080/productpage | grep -o "product reviews are currently unavailable"',
    summary: 'Loads the Bookinfo product page and prints the error text the page shows when its call to reviews failed. No output means the reviews section loaded normally.',
    tags: ['fault-injection', 'timeouts', 'bookinfo', 'curl', 'lab'],
    output: 'product reviews are currently unavailable',
    page: '/labs/fault-injection/',
  },
  {
    id: 'kubectl-delete-bookinfo-sample',
    command: 'kubectl delete -n <namespace> -f samples/bookinfo/platform/kube/bookinfo.yaml',
    summary: 'Removes the Bookinfo Services, Deployments and service accounts that the sample manifest created in the namespace. Run it from the Istio release folder.',
    tags: ['bookinfo', 'cleanup', 'lab'],
    page: '/labs/fault-injection/',
  },
];
