import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/troubleshoot-data-plane.mdx (manifests in
 * src/examples/labs/troubleshoot-data-plane/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'istioctl-pc-endpoints-service-cluster',
    command: 'istioctl proxy-config endpoints <pod> -n <namespace> --cluster "outbound|<port>||<service>.<namespace>.svc.cluster.local"',
    summary: 'Lists the pod addresses behind the whole service (the empty third field means no subset) and the health of each.',
    tags: ['data-plane', 'proxy-config', 'eds', 'lab'],
    output: 'ENDPOINT             STATUS      OUTLIER CHECK     CLUSTER\n10.244.0.15:8080     HEALTHY     OK                outbound|8000||httpbin.shop.svc.cluster.local',
    page: '/labs/troubleshoot-data-plane/',
  },
  {
    id: 'istioctl-pc-log-router-debug',
    command: 'istioctl proxy-config log <pod> -n <namespace> --level router:debug',
    summary: 'Raises a single Envoy logger, router (the part that picks a route and an upstream cluster), to debug and leaves the others as they are.',
    tags: ['data-plane', 'proxy-config', 'logs', 'lab'],
    page: '/labs/troubleshoot-data-plane/',
  },
  {
    id: 'kubectl-logs-deploy-istio-proxy-tail',
    command: 'kubectl logs deploy/<name> -n <namespace> -c istio-proxy --tail=5',
    summary: 'Shows the last five lines of the sidecar log of one pod of a Deployment: for a server, its inbound access log lines.',
    tags: ['data-plane', 'access-log', 'logs', 'lab'],
    page: '/labs/troubleshoot-data-plane/',
  },
  {
    id: 'kubectl-exec-pilot-agent-clusters-grep',
    command: 'kubectl exec <pod> -n <namespace> -c istio-proxy -- pilot-agent request GET clusters | grep <service>',
    summary: 'Asks Envoy\'s admin API for its clusters and keeps the lines of one service: one line per endpoint and counter, such as health_flags, rq_total, rq_error and cx_connect_fail.',
    tags: ['data-plane', 'envoy-admin', 'lab'],
    page: '/labs/troubleshoot-data-plane/',
  },
  {
    id: 'kubectl-exec-pilot-agent-config-dump-file',
    command: 'kubectl exec <pod> -n <namespace> -c istio-proxy -- pilot-agent request GET config_dump > config_dump.json',
    summary: 'Saves the proxy\'s complete Envoy configuration (listeners, routes, clusters and more) to a local file, to search it or attach it to a bug report.',
    tags: ['data-plane', 'envoy-admin', 'lab'],
    page: '/labs/troubleshoot-data-plane/',
  },
];
