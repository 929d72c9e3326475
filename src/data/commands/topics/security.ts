import type { CommandSpec } from '../types';

/**
 * Commands of the Securing Workloads pages: mTLS, authorization, JWT and edge TLS.
 * Domain: security (from this file's name); tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'istioctl-proxy-config-secret',
    command: 'istioctl proxy-config secret <pod> -n <namespace>',
    summary: 'Lists the certificates the pod\'s sidecar holds (its workload certificate and the root CA), with serial numbers and validity dates, so you can see that they exist and are being rotated.',
    tags: ['mtls', 'certificate', 'identity', 'debug'],
    page: '/security/identity-spiffe/',
  },
  {
    id: 'istioctl-proxy-config-secret-spiffe',
    command: 'istioctl proxy-config secret <pod> -n <namespace> -o json | grep spiffe',
    summary: 'Dumps the sidecar\'s certificates as JSON and keeps the lines that mention a SPIFFE ID, which shows the identity the workload presents to its peers.',
    tags: ['mtls', 'identity', 'spiffe', 'debug'],
    page: '/security/identity-spiffe/',
  },
  {
    id: 'kubectl-get-pod-service-account',
    command: "kubectl get pod <pod> -n <namespace> -o jsonpath='{.spec.serviceAccountName}'",
    summary: 'Prints the service account a pod runs as: the last part of its SPIFFE ID and the name to use in an AuthorizationPolicy principal.',
    tags: ['identity', 'service-account', 'authorization'],
    page: '/security/identity-spiffe/',
  },
  {
    id: 'kubectl-get-peerauthentication-all',
    command: 'kubectl get peerauthentication -A',
    summary: 'Lists every PeerAuthentication in the cluster with its mode and age; look in the root namespace for the mesh-wide policy and compare creation times when several apply at one level.',
    tags: ['mtls', 'peerauthentication'],
    page: '/security/mtls-peer-authentication/',
  },
  {
    id: 'kubectl-get-authorizationpolicy-all',
    command: 'kubectl get authorizationpolicy -A',
    summary: 'Lists every AuthorizationPolicy in the cluster with its action, so you can spot a forgotten deny-all or a mesh-wide policy in the root namespace.',
    tags: ['authorization', 'authorizationpolicy'],
    page: '/security/authorization-policy/',
  },
  {
    id: 'istioctl-x-authz-check',
    command: 'istioctl x authz check <pod> -n <namespace>',
    summary: 'Shows the authorization policies that the pod\'s sidecar has actually received, with their action and rules, as Envoy sees them.',
    tags: ['authorization', 'debug'],
    page: '/security/authorization-policy/',
  },
  {
    id: 'kubectl-exec-curl-bearer-token',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -w "%{http_code}\\n" -H "Authorization: Bearer <token>" http://<service>:<port>/',
    summary: 'Sends one request with a JWT in the Authorization header from the curl pod and prints only the status code (200, 401 or 403).',
    tags: ['jwt', 'requestauthentication', 'test'],
    page: '/security/jwt-request-authentication/',
  },
  {
    id: 'shell-openssl-create-root-ca',
    command: "openssl req -x509 -sha256 -nodes -days 365 -newkey rsa:2048 -subj '/O=<organization>/CN=<root-name>' -keyout <root-name>.key -out <root-name>.crt",
    summary: 'Creates a self-signed root certificate and its key, to sign test certificates for a gateway.',
    tags: ['tls', 'certificate', 'gateway'],
    page: '/security/edge-tls/',
  },
  {
    id: 'shell-openssl-create-csr',
    command: "openssl req -newkey rsa:2048 -nodes -subj '/O=<organization>/CN=<host>' -keyout <host>.key -out <host>.csr",
    summary: 'Creates a private key and a certificate signing request for one host name (a server certificate, or a client certificate when CN names a client).',
    tags: ['tls', 'certificate', 'gateway'],
    page: '/security/edge-tls/',
  },
  {
    id: 'shell-openssl-sign-csr',
    command: 'openssl x509 -req -sha256 -days 365 -CA <root-name>.crt -CAkey <root-name>.key -set_serial 1 -in <host>.csr -out <host>.crt',
    summary: 'Signs the request with the test root, producing the certificate that goes into the Kubernetes secret.',
    tags: ['tls', 'certificate', 'gateway'],
    page: '/security/edge-tls/',
  },
  {
    id: 'kubectl-create-secret-tls-gateway',
    command: 'kubectl create -n istio-system secret tls <secret-name> --key=<host>.key --cert=<host>.crt',
    summary: 'Stores a server certificate and key as a TLS secret in the namespace of the ingress gateway pods, where a Gateway\'s credentialName looks for it.',
    tags: ['tls', 'gateway', 'secret'],
    page: '/security/edge-tls/',
  },
  {
    id: 'kubectl-create-secret-generic-gateway-mutual',
    command: 'kubectl create -n istio-system secret generic <secret-name> --from-file=tls.crt=<host>.crt --from-file=tls.key=<host>.key --from-file=ca.crt=<root-name>.crt',
    summary: 'Stores the server certificate, its key and the CA that signs client certificates in one secret, as a MUTUAL Gateway server needs.',
    tags: ['tls', 'mtls', 'gateway', 'secret'],
    page: '/security/edge-tls/',
  },
  {
    id: 'curl-resolve-cacert',
    command: 'curl -v --resolve "<host>:443:<ingress-ip>" --cacert <root-name>.crt "https://<host>:443/"',
    summary: 'Calls the gateway over HTTPS with the right SNI and Host without touching DNS, and checks the server certificate against the test root.',
    tags: ['tls', 'gateway', 'test'],
    page: '/security/edge-tls/',
  },
  {
    id: 'curl-resolve-client-cert',
    command: 'curl -v --resolve "<host>:443:<ingress-ip>" --cacert <root-name>.crt --cert <client>.crt --key <client>.key "https://<host>:443/"',
    summary: 'The same call, also presenting a client certificate, as a MUTUAL Gateway server requires.',
    tags: ['tls', 'mtls', 'gateway', 'test'],
    page: '/security/edge-tls/',
  },
];
