import type { CommandEntry } from './types';

/**
 * Commands of the two Securing Workloads labs: /labs/mtls-strict/ and /labs/authorization-policy/.
 * Commands those labs share with the topic pages (status-code curl, authz check, describe) live in their
 * domain files and are reused by id.
 */
export const commands: CommandEntry[] = [
  {
    id: 'kubectl-exec-curl-headers-spiffe',
    command: `kubectl exec deploy/curl -n <namespace> -- curl -s http://<service>:<port>/headers | grep -o '[A-Za-z]*=spiffe[^;"]*'`,
    summary: 'Asks httpbin to echo the request headers it received and keeps only the SPIFFE IDs in them. They come from the X-Forwarded-Client-Cert header, which the receiving sidecar adds only when the call arrived over Istio mutual TLS; no output means the call was plaintext.',
    domain: 'security',
    tool: 'kubectl',
    tags: ['mtls', 'identity', 'test', 'lab'],
    output: 'By=spiffe://cluster.local/ns/shop/sa/httpbin\nURI=spiffe://cluster.local/ns/shop/sa/curl',
    page: '/labs/mtls-strict/',
  },
  {
    id: 'shell-export-httpbin-pod',
    command: `export HTTPBIN_POD=$(kubectl get pod -n <namespace> -l app=httpbin -o jsonpath='{.items[0].metadata.name}')`,
    summary: 'Stores the name of the first httpbin pod in the shell variable HTTPBIN_POD, for commands that need a real pod name rather than deploy/httpbin.',
    domain: 'security',
    tool: 'shell',
    tags: ['pod', 'lab'],
    page: '/labs/mtls-strict/',
  },
  {
    id: 'istioctl-x-describe-pod-httpbin',
    command: 'istioctl x describe pod $HTTPBIN_POD -n <namespace>',
    summary: 'Describes the httpbin pod stored in HTTPBIN_POD: its Service and ports, and at the end the PeerAuthentication policies that select it and the mTLS mode that results from them, per port where a port differs.',
    domain: 'security',
    tool: 'istioctl',
    tags: ['mtls', 'peerauthentication', 'debug', 'lab'],
    output: 'Effective PeerAuthentication:\n   Workload mTLS mode: STRICT\nApplied PeerAuthentication:\n   default.shop',
    page: '/labs/mtls-strict/',
  },
  {
    id: 'kubectl-exec-curl-method-path-status',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -w "%{http_code}\\n" -X <method> http://<service>:<port>/<path>',
    summary: 'Sends one request with the given HTTP method and path from the curl pod and prints only the status code: 200 when allowed, 403 when an AuthorizationPolicy denies it.',
    domain: 'security',
    tool: 'kubectl',
    tags: ['authorization', 'test', 'lab'],
    output: '403',
    page: '/labs/authorization-policy/',
  },
  {
    id: 'kubectl-exec-curl-path-body',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s http://<service>:<port>/<path>',
    summary: 'Sends one GET request from the curl pod and prints the response body, to read the text of an error such as the one a denied request gets.',
    domain: 'security',
    tool: 'kubectl',
    tags: ['authorization', 'test', 'lab'],
    output: 'RBAC: access denied',
    page: '/labs/authorization-policy/',
  },
  {
    id: 'kubectl-exec-curl-header-path-status',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -w "%{http_code}\\n" -H "<header>: <value>" http://<service>:<port>/<path>',
    summary: 'Sends one GET request with an extra request header from the curl pod and prints only the status code, to test a rule that has a when condition on request.headers.',
    domain: 'security',
    tool: 'kubectl',
    tags: ['authorization', 'header', 'test', 'lab'],
    output: '200',
    page: '/labs/authorization-policy/',
  },
  {
    id: 'istioctl-pc-log-rbac-debug',
    command: 'istioctl proxy-config log <pod> -n <namespace> --level rbac:debug',
    summary: 'Turns on debug logging for the RBAC filter only, in one sidecar, so that its log says for every request whether a policy allowed or denied it and which one.',
    domain: 'security',
    tool: 'istioctl',
    tags: ['authorization', 'debug', 'logging', 'lab'],
    page: '/labs/authorization-policy/',
  },
  {
    id: 'kubectl-logs-istio-proxy-grep-enforced',
    command: 'kubectl logs <pod> -n <namespace> -c istio-proxy | grep enforced',
    summary: 'Keeps the RBAC decisions from a sidecar log (after rbac:debug was turned on): "enforced allowed" or "enforced denied", each with the policy and rule that matched, or none.',
    domain: 'security',
    tool: 'kubectl',
    tags: ['authorization', 'debug', 'logging', 'lab'],
    output: '... rbac ... enforced denied, matched policy ns[shop]-policy[httpbin-deny-teapot]-rule[0]',
    page: '/labs/authorization-policy/',
  },
];
