import type { CommandEntry } from './types';

/**
 * Commands for the pages added to cover request handling, TCP/TLS routing, egress TLS origination,
 * certificate management, CUSTOM authorization, proxy traffic knobs and the Kubernetes Gateway API.
 */
export const commands: CommandEntry[] = [
  // Request handling (rewrite, redirect, headers, CORS, direct response).
  {
    id: 'kubectl-exec-curl-response-headers',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -D - http://<service>:<port>/<path>',
    summary: 'Prints only the response headers of one request from the curl pod: the status line, a redirect\'s Location, and any header a VirtualService set or removed.',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['routing', 'headers', 'redirect', 'test'],
    page: '/traffic/request-handling/',
  },
  {
    id: 'kubectl-exec-curl-cors-preflight',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -D - -X OPTIONS -H "Origin: <origin>" -H "Access-Control-Request-Method: <method>" http://<service>:<port>/<path>',
    summary: 'Sends a CORS preflight the way a browser would and prints the response headers; an allowed origin comes back in access-control-allow-origin.',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['routing', 'cors', 'headers', 'test'],
    page: '/traffic/request-handling/',
  },
  {
    id: 'curl-ingress-host-header-response-headers',
    command: 'curl -s -o /dev/null -D - -H "Host: <host>" http://<ingress-ip>:<ingress-port>/<path>',
    summary: 'Sends one request through the ingress gateway with the given Host header and prints the response headers, to see a redirect, a direct response or a header rule at the edge.',
    domain: 'traffic',
    tool: 'curl',
    tags: ['ingress', 'headers', 'redirect', 'test'],
    page: '/traffic/request-handling/',
  },

  // TCP and TLS routing.
  {
    id: 'kubectl-exec-nc-tcp-loop',
    command: `kubectl exec deploy/curl -n <namespace> -- sh -c 'for i in $(seq 1 20); do (echo hello; sleep 1) | nc <service> <port>; done' | sort | uniq -c`,
    summary: 'Opens 20 TCP connections from the curl pod and counts the answers. With the tcp-echo sample, v1 answers "one hello" and v2 "two hello", so the counts show the split.',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['tcp', 'shifting', 'test'],
    output: '     16 one hello\n      4 two hello',
    page: '/traffic/tcp-tls-routing/',
  },

  // Certificate management.
  {
    id: 'shell-make-root-ca',
    command: 'make -f ../tools/certs/Makefile.selfsigned.mk root-ca',
    summary: 'Run in a certs folder inside the Istio release: creates a self-signed root key and certificate (root-key.pem, root-cert.pem) for a test CA hierarchy.',
    domain: 'security',
    tool: 'shell',
    tags: ['certificate', 'ca'],
    page: '/security/certificate-management/',
  },
  {
    id: 'shell-make-cluster-cacerts',
    command: 'make -f ../tools/certs/Makefile.selfsigned.mk <cluster>-cacerts',
    summary: 'Creates an intermediate CA for one cluster, signed by the root, in the folder <cluster>: ca-cert.pem, ca-key.pem, cert-chain.pem and a copy of root-cert.pem.',
    domain: 'security',
    tool: 'shell',
    tags: ['certificate', 'ca'],
    page: '/security/certificate-management/',
  },
  {
    id: 'kubectl-create-secret-cacerts',
    command: 'kubectl create secret generic cacerts -n istio-system --from-file=<cluster>/ca-cert.pem --from-file=<cluster>/ca-key.pem --from-file=<cluster>/root-cert.pem --from-file=<cluster>/cert-chain.pem',
    summary: 'Stores the four CA files in the secret istiod reads at startup. Create it before installing istiod, or restart istiod afterwards.',
    domain: 'security',
    tool: 'kubectl',
    tags: ['certificate', 'ca', 'install'],
    output: 'secret/cacerts created',
    page: '/security/certificate-management/',
  },
  {
    id: 'istioctl-pc-secret-chain-to-file',
    command: `istioctl proxy-config secret <pod> -n <namespace> -o json | jq -r '.dynamicActiveSecrets[] | select(.name=="default") | .secret.tlsCertificate.certificateChain.inlineBytes' | base64 -d > chain.pem`,
    summary: 'Writes the workload certificate chain the sidecar presents (its SDS secret named default) to chain.pem, decoded to PEM.',
    domain: 'security',
    tool: 'istioctl',
    tags: ['certificate', 'mtls', 'debug'],
    page: '/security/certificate-management/',
  },
  {
    id: 'shell-openssl-print-chain',
    command: 'openssl crl2pkcs7 -nocrl -certfile chain.pem | openssl pkcs7 -print_certs -noout',
    summary: 'Prints the subject and issuer of every certificate in chain.pem, so you can follow the chain from the workload to your intermediate and root.',
    domain: 'security',
    tool: 'shell',
    tags: ['certificate', 'debug'],
    page: '/security/certificate-management/',
  },

  // CUSTOM authorization and dry run.
  {
    id: 'kubectl-logs-istio-proxy-shadow-denied',
    command: 'kubectl logs <pod> -n <namespace> -c istio-proxy | grep "shadow denied"',
    summary: 'Finds the requests a dry-run policy would have denied. The rbac logger must be at debug level first (istioctl proxy-config log ... --level rbac:debug).',
    domain: 'security',
    tool: 'kubectl',
    tags: ['authorization', 'dry-run', 'debug'],
    output: '2026-12-06T02:20:41.118512Z\tdebug\tenvoy rbac\tshadow denied, matched policy ns[shop]-policy[deny-outside-callers]-rule[0]',
    page: '/security/custom-authorization/',
  },
  {
    id: 'kubectl-exec-pilot-agent-stats-dry-run',
    command: 'kubectl exec <pod> -n <namespace> -c istio-proxy -- pilot-agent request GET stats | grep istio_dry_run',
    summary: 'Shows the shadow counters of dry-run policies: how many requests they would have allowed or denied since the proxy started.',
    domain: 'security',
    tool: 'kubectl',
    tags: ['authorization', 'dry-run', 'debug'],
    page: '/security/custom-authorization/',
  },

  // Proxy traffic knobs.
  {
    id: 'kubectl-get-pod-istio-init-args',
    command: "kubectl get pod <pod> -n <namespace> -o jsonpath='{.spec.initContainers[0].args}'",
    summary: 'Prints the istio-iptables arguments injected into the istio-init container: -x excluded outbound CIDRs, -o excluded outbound ports, -d excluded inbound ports.',
    domain: 'install',
    tool: 'kubectl',
    tags: ['injection', 'iptables', 'debug'],
    page: '/install/proxy-traffic-knobs/',
  },

  // Kubernetes Gateway API.
  {
    id: 'kubectl-apply-gateway-api-experimental-crds',
    command: 'kubectl apply -f https://github.com/kubernetes-sigs/gateway-api/releases/download/<gateway-api-version>/experimental-install.yaml',
    summary: 'Installs the experimental channel of the Gateway API CRDs: the standard resources plus TCPRoute, TLSRoute and experimental fields such as HTTPRoute retry.',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['gateway-api', 'install'],
    page: '/traffic/gateway-api/',
  },
  {
    id: 'kubectl-wait-gtw-programmed',
    command: 'kubectl wait --for=condition=programmed gtw/<name> -n <namespace>',
    summary: 'Waits until istiod has deployed and configured the gateway for a Gateway API Gateway (condition Programmed).',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['gateway-api', 'ingress'],
    page: '/traffic/gateway-api/',
  },
  {
    id: 'kubectl-get-gtw',
    command: 'kubectl get gtw -n <namespace>',
    summary: 'Lists Gateway API Gateways with their class, address and Programmed status. gtw is the Gateway API short name; gw is the Istio Gateway.',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['gateway-api', 'ingress'],
    page: '/traffic/gateway-api/',
  },
  {
    id: 'kubectl-describe-httproute',
    command: 'kubectl describe httproute <name> -n <namespace>',
    summary: 'Shows an HTTPRoute with its status per parent: Accepted (attached to the Gateway or Service) and ResolvedRefs (every backend found and permitted).',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['gateway-api', 'routing', 'debug'],
    page: '/traffic/gateway-api/',
  },
];
