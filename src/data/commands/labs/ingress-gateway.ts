import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/ingress-gateway.mdx (manifests in
 * src/examples/labs/ingress-gateway/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'kubectl-port-forward-ingressgateway',
    command: 'kubectl port-forward -n istio-system svc/istio-ingressgateway 8080:80 8443:443',
    summary: 'Makes the ingress gateway reachable on your machine without a load balancer: local port 8080 leads to its port 80 and 8443 to its port 443. It runs until you stop it, so use a second terminal.',
    tags: ['ingress', 'gateway', 'port-forward', 'lab'],
    output: 'Forwarding from 127.0.0.1:8080 -> 8080\nForwarding from 127.0.0.1:8443 -> 8443',
    page: '/labs/edge-tls/',
  },
  {
    id: 'curl-ingress-host-header-path',
    command: 'curl -s -o /dev/null -w "%{http_code}\\n" -H "Host: <host>" http://<ingress-ip>:<ingress-port>/<path>',
    summary: 'Sends a request for one path to the ingress gateway with the host name in the Host header, and prints only the status code.',
    tags: ['ingress', 'gateway', 'test', 'lab'],
    output: '200',
    page: '/labs/ingress-gateway/',
  },
];
