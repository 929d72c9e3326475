import type { CommandEntry } from './types';

/**
 * Commands of the edge labs: ingress gateway, egress gateway, external services and workloads outside the
 * mesh. Shared apply/delete commands are in labs.ts; the topic pages' commands (traffic-edge.ts) are reused.
 */
export const commands: CommandEntry[] = [
  {
    id: 'curl-ingress-host-header-path',
    command: 'curl -s -o /dev/null -w "%{http_code}\\n" -H "Host: <host>" http://<ingress-ip>:<ingress-port>/<path>',
    summary: 'Sends a request for one path to the ingress gateway with the host name in the Host header, and prints only the status code.',
    domain: 'traffic',
    tool: 'curl',
    tags: ['ingress', 'gateway', 'test', 'lab'],
    output: '200',
    page: '/labs/ingress-gateway/',
  },
  {
    id: 'shell-export-legacy-ip',
    command: "export LEGACY_IP=$(kubectl get pods -n <namespace> -l app=<app> -o jsonpath='{.items[0].status.podIP}') && echo $LEGACY_IP",
    summary: 'Stores the IP address of the first pod with the given app label in the variable LEGACY_IP and prints it.',
    domain: 'traffic',
    tool: 'shell',
    tags: ['vm', 'workloadentry', 'lab'],
    output: '10.244.0.17',
    page: '/labs/external-workloads/',
  },
  {
    id: 'shell-sed-address-kubectl-apply',
    command: 'sed "s/<old-address>/$LEGACY_IP/" <file> | kubectl apply -f -',
    summary: 'Replaces the example address in a saved manifest with the address stored in LEGACY_IP, and applies the result without changing the file.',
    domain: 'traffic',
    tool: 'shell',
    tags: ['vm', 'workloadentry', 'apply', 'lab'],
    output: 'workloadentry.networking.istio.io/legacy-api-1 created',
    page: '/labs/external-workloads/',
  },
  {
    id: 'kubectl-exec-curl-resolve-status',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -w "%{http_code}\\n" --resolve <host>:<port>:<ip> http://<host>:<port>/<path>',
    summary: 'Calls a host name that no DNS server knows from the curl pod: --resolve tells curl which IP address to connect to, and the request still carries the host name for the sidecar to route on.',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['vm', 'workloadentry', 'serviceentry', 'test', 'lab'],
    output: '200',
    page: '/labs/external-workloads/',
  },
  {
    id: 'istioctl-pc-endpoints-cluster-host',
    command: 'istioctl proxy-config endpoints <pod> -n <namespace> --cluster "outbound|<port>||<host>"',
    summary: 'Lists the endpoints a proxy has for one ServiceEntry host and port: for a workloadSelector entry, the addresses of the selected WorkloadEntries and pods.',
    domain: 'traffic',
    tool: 'istioctl',
    tags: ['vm', 'workloadentry', 'serviceentry', 'proxy-config', 'lab'],
    output: 'ENDPOINT             STATUS      OUTLIER CHECK     CLUSTER\n10.244.0.17:8080     HEALTHY     OK                outbound|80||legacy-api.example.internal',
    page: '/labs/external-workloads/',
  },
];
