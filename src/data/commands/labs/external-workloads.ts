import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/external-workloads.mdx (manifests in
 * src/examples/labs/external-workloads/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'shell-export-legacy-ip',
    command: "export LEGACY_IP=$(kubectl get pods -n <namespace> -l app=<app> -o jsonpath='{.items[0].status.podIP}') && echo $LEGACY_IP",
    summary: 'Stores the IP address of the first pod with the given app label in the variable LEGACY_IP and prints it.',
    tags: ['vm', 'workloadentry', 'lab'],
    output: '10.244.0.17',
    page: '/labs/external-workloads/',
  },
  {
    id: 'shell-sed-address-kubectl-apply',
    command: 'sed "s/<old-address>/$LEGACY_IP/" <file> | kubectl apply -f -',
    summary: 'Replaces the example address in a saved manifest with the address stored in LEGACY_IP, and applies the result without changing the file.',
    tags: ['vm', 'workloadentry', 'apply', 'lab'],
    output: 'workloadentry.networking.istio.io/legacy-api-1 created',
    page: '/labs/external-workloads/',
  },
  {
    id: 'kubectl-exec-curl-resolve-status',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -w "%{http_code}\\n" --resolve <host>:<port>:<ip> http://<host>:<port>/<path>',
    summary: 'Calls a host name that no DNS server knows from the curl pod: --resolve tells curl which IP address to connect to, and the request still carries the host name for the sidecar to route on.',
    tags: ['vm', 'workloadentry', 'serviceentry', 'test', 'lab'],
    output: '200',
    page: '/labs/external-workloads/',
  },
  {
    id: 'istioctl-pc-endpoints-cluster-host',
    command: 'istioctl proxy-config endpoints <pod> -n <namespace> --cluster "outbound|<port>||<host>"',
    summary: 'Lists the endpoints a proxy has for one ServiceEntry host and port: for a workloadSelector entry, the addresses of the selected WorkloadEntries and pods.',
    tags: ['vm', 'workloadentry', 'serviceentry', 'proxy-config', 'lab'],
    output: 'ENDPOINT             STATUS      OUTLIER CHECK     CLUSTER\n10.244.0.17:8080     HEALTHY     OK                outbound|80||legacy-api.example.internal',
    page: '/labs/external-workloads/',
  },
];
