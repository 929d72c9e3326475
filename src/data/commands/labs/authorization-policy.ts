import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/authorization-policy.mdx (manifests in
 * src/examples/labs/authorization-policy/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'kubectl-exec-curl-path-body',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s http://<service>:<port>/<path>',
    summary: 'Sends one GET request from the curl pod and prints the response body, to read the text of an error such as the one a denied request gets.',
    tags: ['authorization', 'test', 'lab'],
    output: 'RBAC: access denied',
    page: '/labs/authorization-policy/',
  },
  {
    id: 'kubectl-logs-istio-proxy-grep-enforced',
    command: 'kubectl logs <pod> -n <namespace> -c istio-proxy | grep enforced',
    summary: 'Keeps the RBAC decisions from a sidecar log (after rbac:debug was turned on): "enforced allowed" or "enforced denied", each with the policy and rule that matched, or none.',
    tags: ['authorization', 'debug', 'logging', 'lab'],
    output: '... rbac ... enforced denied, matched policy ns[shop]-policy[httpbin-deny-teapot]-rule[0]',
    page: '/labs/authorization-policy/',
  },
];
