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
    id: 'kubectl-exec-curl-header-path-status',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -w "%{http_code}\\n" -H "<header>: <value>" http://<service>:<port>/<path>',
    summary: 'Sends one GET request with an extra request header from the curl pod and prints only the status code, to test a rule that has a when condition on request.headers.',
    tags: ['authorization', 'header', 'test', 'lab'],
    output: '200',
    page: '/labs/authorization-policy/',
  },
  {
    id: 'istioctl-pc-log-rbac-debug',
    command: 'istioctl proxy-config log <pod> -n <namespace> --level rbac:debug',
    summary: 'Turns on debug logging for the RBAC filter only, in one sidecar, so that its log says for every request whether a policy allowed or denied it and which one.',
    tags: ['authorization', 'debug', 'logging', 'lab'],
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
