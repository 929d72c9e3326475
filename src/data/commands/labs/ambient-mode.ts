import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/ambient-mode.mdx (manifests in src/examples/labs/ambient-
 * mode/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'kubectl-exec-curl-method-path-status',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -w "%{http_code}\\n" -X <method> http://<service>:<port>/<path>',
    summary: 'Sends one request with the given HTTP method and path from the curl pod and prints only the status code: 200 when allowed, 403 when an AuthorizationPolicy denies it.',
    tags: ['authorization', 'test', 'lab'],
    output: '403',
    page: '/labs/authorization-policy/',
  },
  {
    id: 'kubectl-get-daemonsets-istio-system',
    command: 'kubectl get daemonsets -n istio-system',
    summary: 'Lists the DaemonSets of the control plane namespace. An ambient install has two, istio-cni-node and ztunnel, each with one pod per node.',
    tags: ['ambient', 'ztunnel', 'cni', 'verify', 'lab'],
    page: '/labs/ambient-mode/',
  },
  {
    id: 'istioctl-waypoint-delete-all',
    command: 'istioctl waypoint delete --all -n <namespace>',
    summary: 'Deletes every waypoint (Gateway API Gateway of class istio-waypoint) in the namespace.',
    tags: ['ambient', 'waypoint', 'cleanup', 'lab'],
    page: '/labs/ambient-mode/',
  },
  {
    id: 'kubectl-label-namespace-remove-use-waypoint',
    command: 'kubectl label namespace <namespace> istio.io/use-waypoint-',
    summary: 'Removes the label that sends the namespace\'s traffic through a waypoint (the trailing dash removes it).',
    tags: ['ambient', 'waypoint', 'labels', 'cleanup', 'lab'],
    page: '/labs/ambient-mode/',
  },
  {
    id: 'kubectl-delete-gateway-api-crds',
    command: 'kubectl delete -f https://github.com/kubernetes-sigs/gateway-api/releases/download/<gateway-api-version>/standard-install.yaml',
    summary: 'Removes the standard Gateway API CRDs again, and with them every Gateway and HTTPRoute stored in the cluster. Only for a cluster you are about to throw away or reuse from scratch.',
    tags: ['ambient', 'gateway-api', 'crd', 'cleanup', 'lab'],
    page: '/labs/ambient-mode/',
  },
  {
    id: 'kubectl-apply-file',
    command: 'kubectl apply -f <file>',
    summary: 'Applies the manifest you saved in a file. Each manifest in the labs names its namespace, so no -n is needed.',
    tags: ['apply', 'lab'],
    output: 'gateway.networking.istio.io/httpbin-gateway created',
    page: '/exam/exam-day/',
  },
  {
    id: 'kubectl-delete-file',
    command: 'kubectl delete -f <file>',
    summary: 'Deletes everything a saved manifest file created, for example when a lab step asks you to undo a change.',
    tags: ['cleanup', 'lab'],
    page: '/exam/exam-day/',
  },
  {
    id: 'kubectl-get-namespace-show-labels',
    command: 'kubectl get namespace <namespace> --show-labels',
    summary: 'Shows every label of one namespace, including istio.io/rev, which the istio-injection column does not show.',
    tags: ['injection', 'labels', 'revisions'],
    page: '/troubleshooting/sidecar-injection/',
  },
];
