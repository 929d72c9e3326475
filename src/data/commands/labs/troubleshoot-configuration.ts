import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/troubleshoot-configuration.mdx (manifests in
 * src/examples/labs/troubleshoot-configuration/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'kubectl-exec-curl-loop-status-helloworld',
    command: `kubectl exec deploy/curl -n <namespace> -- sh -c 'for i in $(seq 1 10); do curl -s -o /dev/null -w "%{http_code}\\n" http://helloworld:5000/hello; done' | sort | uniq -c`,
    summary: 'Sends ten requests from the curl pod to helloworld and counts the status codes, so a partial failure shows up as two lines.',
    tags: ['test', 'status-code', 'lab'],
    output: '     10 200',
    page: '/labs/troubleshoot-configuration/',
  },
  {
    id: 'kubectl-get-vs-dr-namespace',
    command: 'kubectl get vs,dr -n <namespace>',
    summary: 'Lists the VirtualServices (with their gateways and hosts) and DestinationRules (with their host) of one namespace in a single table: the quickest way to spot a wrong host or gateway.',
    tags: ['routing', 'verify', 'lab'],
    output: 'NAME                                            GATEWAYS   HOSTS            AGE\nvirtualservice.networking.istio.io/helloworld              ["helloworld"]   3m\n\nNAME                                                  HOST         AGE\ndestinationrule.networking.istio.io/helloworld        helloworld   3m',
    page: '/labs/troubleshoot-configuration/',
  },
  {
    id: 'istioctl-pc-routes-name',
    command: 'istioctl proxy-config routes <pod> -n <namespace> --name <port>',
    summary: 'Shows one route table of the proxy (route tables are named after the port) as a summary: the domains of each virtual host, the match and the VirtualService that produced it.',
    tags: ['data-plane', 'proxy-config', 'rds', 'routing', 'lab'],
    page: '/labs/troubleshoot-configuration/',
  },
  {
    id: 'shell-export-pod-by-selector',
    command: `export POD=$(kubectl get pod -n <namespace> -l <selector> -o jsonpath='{.items[0].metadata.name}')`,
    summary: 'Stores the name of the first pod that matches a label selector in the shell variable POD, for commands that need a real pod name.',
    tags: ['pod', 'lab'],
    page: '/labs/troubleshoot-configuration/',
  },
  {
    id: 'istioctl-x-describe-pod-var',
    command: 'istioctl x describe pod $POD -n <namespace>',
    summary: 'Describes how the mesh treats the pod whose name is in $POD: its Service, the DestinationRule and subset it matches, the VirtualServices that route to it and its mTLS mode.',
    tags: ['describe', 'routing', 'lab'],
    page: '/labs/troubleshoot-configuration/',
  },
];
