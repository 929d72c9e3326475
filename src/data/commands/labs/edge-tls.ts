import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/edge-tls.mdx (manifests in src/examples/labs/edge-tls/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'kubectl-get-secret-istio-system',
    command: 'kubectl get secret <secret-name> -n istio-system',
    summary: 'Shows one secret in the namespace of the ingress gateway pods, with its type (kubernetes.io/tls or Opaque) and how many keys it holds.',
    tags: ['tls', 'gateway', 'secret', 'lab'],
    output: 'NAME                 TYPE                DATA   AGE\nhttpbin-credential   kubernetes.io/tls   2      12s',
    page: '/labs/edge-tls/',
  },
  {
    id: 'kubectl-delete-secret-istio-system',
    command: 'kubectl delete secret <secret-name> -n istio-system',
    summary: 'Deletes a secret from the namespace of the ingress gateway pods, for example to create it again with other keys.',
    tags: ['tls', 'gateway', 'secret', 'cleanup', 'lab'],
    page: '/labs/edge-tls/',
  },
  {
    id: 'curl-resolve-localhost-no-cacert',
    command: 'curl -sS -o /dev/null -w "%{http_code}\\n" --resolve <host>:<port>:127.0.0.1 https://<host>:<port>/status/418',
    summary: 'Calls the host name over HTTPS through the local port-forward, trusting only the system CAs. A gateway certificate signed by a private test root must fail the check.',
    tags: ['tls', 'gateway', 'test', 'lab'],
    output: 'curl: (60) SSL certificate problem: unable to get local issuer certificate\n000',
    page: '/labs/edge-tls/',
  },
  {
    id: 'curl-resolve-localhost-cacert',
    command: 'curl -sS -o /dev/null -w "%{http_code}\\n" --resolve <host>:<port>:127.0.0.1 --cacert <root-name>.crt https://<host>:<port>/status/418',
    summary: 'The same call, checking the gateway certificate against the test root: --resolve sends it to the port-forward while SNI, Host and the certificate check use the host name.',
    tags: ['tls', 'gateway', 'test', 'lab'],
    output: '418',
    page: '/labs/edge-tls/',
  },
  {
    id: 'curl-resolve-localhost-client-cert',
    command: 'curl -sS -o /dev/null -w "%{http_code}\\n" --resolve <host>:<port>:127.0.0.1 --cacert <root-name>.crt --cert <client>.crt --key <client>.key https://<host>:<port>/status/418',
    summary: 'The same call, also presenting a client certificate and its key, as a MUTUAL Gateway server requires.',
    tags: ['tls', 'mtls', 'gateway', 'test', 'lab'],
    output: '418',
    page: '/labs/edge-tls/',
  },
  {
    id: 'curl-localhost-head-redirect',
    command: 'curl -s -I --resolve <host>:<port>:127.0.0.1 http://<host>:<port>/status/418',
    summary: 'Sends a plain HTTP request to the host name through the local port-forward and shows only the response headers; with httpsRedirect the answer is 301 with a Location on https.',
    tags: ['ingress', 'gateway', 'tls', 'redirect', 'lab'],
    page: '/labs/edge-tls/',
  },
];
