import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/mtls-strict.mdx (manifests in src/examples/labs/mtls-
 * strict/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'kubectl-exec-curl-headers-spiffe',
    command: `kubectl exec deploy/curl -n <namespace> -- curl -s http://<service>:<port>/headers | grep -o '[A-Za-z]*=spiffe[^;"]*'`,
    summary: 'Asks httpbin to echo the request headers it received and keeps only the SPIFFE IDs in them. They come from the X-Forwarded-Client-Cert header, which the receiving sidecar adds only when the call arrived over Istio mutual TLS; no output means the call was plaintext.',
    tags: ['mtls', 'identity', 'test', 'lab'],
    output: 'By=spiffe://cluster.local/ns/shop/sa/httpbin\nURI=spiffe://cluster.local/ns/shop/sa/curl',
    page: '/labs/mtls-strict/',
  },
  {
    id: 'shell-export-httpbin-pod',
    command: `export HTTPBIN_POD=$(kubectl get pod -n <namespace> -l app=httpbin -o jsonpath='{.items[0].metadata.name}')`,
    summary: 'Stores the name of the first httpbin pod in the shell variable HTTPBIN_POD, for commands that need a real pod name rather than deploy/httpbin.',
    tags: ['pod', 'lab'],
    page: '/labs/mtls-strict/',
  },
  {
    id: 'istioctl-x-describe-pod-httpbin',
    command: 'istioctl x describe pod $HTTPBIN_POD -n <namespace>',
    summary: 'Describes the httpbin pod stored in HTTPBIN_POD: its Service and ports, and at the end the PeerAuthentication policies that select it and the mTLS mode that results from them, per port where a port differs.',
    tags: ['mtls', 'peerauthentication', 'debug', 'lab'],
    output: 'Effective PeerAuthentication:\n   Workload mTLS mode: STRICT\nApplied PeerAuthentication:\n   default.shop',
    page: '/labs/mtls-strict/',
  },
];
