import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/request-routing.mdx (manifests in
 * src/examples/labs/request-routing/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'kubectl-get-pods-helloworld-versions',
    command: 'kubectl get pods -n <namespace> -l app=helloworld -L version',
    summary: 'Lists the helloworld pods with an extra VERSION column taken from their version label, the label the DestinationRule subsets select on.',
    tags: ['helloworld', 'subsets', 'verify', 'lab'],
    output: 'NAME                             READY   STATUS    RESTARTS   AGE   VERSION\nhelloworld-v1-6b8d5cf9d8-4zq7x   2/2     Running   0          40s   v1\nhelloworld-v2-7c9f8b6d55-m2kx8   2/2     Running   0          40s   v2',
    page: '/labs/request-routing/',
  },
  {
    id: 'kubectl-exec-curl-helloworld-path-status',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -w "%{http_code}\\n" http://helloworld:5000/<path>',
    summary: 'Sends one request for a path of the helloworld service from the curl pod and prints only the status code. The sample serves /hello and /health; other paths give 404 from the application.',
    tags: ['verify', 'curl', 'status-code', 'lab'],
    output: '200',
    page: '/labs/request-routing/',
  },
  {
    id: 'kubectl-exec-curl-helloworld-canary-query',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s "http://helloworld:5000/hello?canary=yes"',
    summary: 'Requests /hello with the query parameter canary=yes, to test a VirtualService match block that combines a URI prefix with a queryParams condition.',
    tags: ['verify', 'curl', 'match', 'lab'],
    output: 'Hello version: v2, instance: helloworld-v2-7c9f8b6d55-m2kx8',
    page: '/labs/request-routing/',
  },
  {
    id: 'kubectl-exec-curl-loop-helloworld-jason',
    command: `kubectl exec deploy/curl -n <namespace> -- sh -c 'for i in $(seq 1 20); do curl -s -H "end-user: jason" http://helloworld:5000/hello; done' | sort | uniq -c`,
    summary: 'Sends 20 requests with the header end-user: jason and counts the answers per instance. When a header rule works, every answer comes from the version it names.',
    tags: ['headers', 'ab-testing', 'verify', 'curl', 'lab'],
    output: '     20 Hello version: v2, instance: helloworld-v2-7c9f8b6d55-m2kx8',
    page: '/labs/request-routing/',
  },
  {
    id: 'kubectl-apply-helloworld-sample',
    command: 'kubectl apply -n <namespace> -f samples/helloworld/helloworld.yaml',
    summary: 'Deploys the helloworld sample from the Istio release folder: one Service on port 5000 and two Deployments, helloworld-v1 and helloworld-v2, whose pods carry the labels version: v1 and version: v2.',
    tags: ['samples', 'deploy', 'lab'],
    output: 'service/helloworld created\ndeployment.apps/helloworld-v1 created\ndeployment.apps/helloworld-v2 created',
    page: '/labs/troubleshoot-configuration/',
  },
  {
    id: 'kubectl-delete-helloworld-sample',
    command: 'kubectl delete -n <namespace> -f samples/helloworld/helloworld.yaml',
    summary: 'Removes the helloworld Service and both of its Deployments.',
    tags: ['samples', 'cleanup', 'lab'],
    page: '/labs/troubleshoot-configuration/',
  },
];
