import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/troubleshoot-control-plane.mdx (manifests in
 * src/examples/labs/troubleshoot-control-plane/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'istioctl-admin-log',
    command: 'istioctl admin log',
    summary: 'Lists istiod\'s logging scopes and their current levels. Change one with --level <scope>:<level>, undo with --reset.',
    tags: ['logging', 'control-plane'],
    page: '/troubleshooting/control-plane/',
  },
  {
    id: 'istioctl-proxy-status-deploy',
    command: 'istioctl proxy-status deploy/<name> -n <namespace>',
    summary: 'Compares what istiod would send to one pod of the Deployment with what its proxy holds, per configuration type.',
    tags: ['control-plane', 'sync', 'xds', 'lab'],
    page: '/labs/troubleshoot-control-plane/',
  },
  {
    id: 'kubectl-logs-istiod-recent-ads',
    command: 'kubectl logs -n istio-system deploy/istiod --since=2m | grep ads',
    summary: 'Shows the lines istiod logged in the last two minutes from its ads scope, the xDS server that pushes configuration to the proxies.',
    tags: ['control-plane', 'istiod', 'logs', 'lab'],
    page: '/labs/troubleshoot-control-plane/',
  },
  {
    id: 'istioctl-admin-log-reset',
    command: 'istioctl admin log --reset',
    summary: 'Puts every istiod logging scope back to its default level after a debugging session.',
    tags: ['control-plane', 'istiod', 'logs', 'lab'],
    page: '/labs/troubleshoot-control-plane/',
  },
  {
    id: 'kubectl-get-validatingwebhooks-failure-policy',
    command: `kubectl get validatingwebhookconfigurations -o custom-columns='NAME:.metadata.name,FAILURE POLICY:.webhooks[*].failurePolicy'`,
    summary: 'Lists the validating webhooks with their failure policy: Fail means the API server refuses a change when it cannot reach the webhook, Ignore means it lets the change through unchecked.',
    tags: ['webhook', 'validate', 'control-plane', 'lab'],
    page: '/labs/troubleshoot-control-plane/',
  },
  {
    id: 'kubectl-get-mutatingwebhooks-failure-policy',
    command: `kubectl get mutatingwebhookconfigurations -o custom-columns='NAME:.metadata.name,FAILURE POLICY:.webhooks[*].failurePolicy'`,
    summary: 'Lists the mutating webhooks, including Istio\'s sidecar injector, with their failure policy (Fail: no pod is created in a selected namespace while the webhook cannot be reached).',
    tags: ['webhook', 'injection', 'control-plane', 'lab'],
    page: '/labs/troubleshoot-control-plane/',
  },
  {
    id: 'kubectl-scale-istiod-zero',
    command: 'kubectl scale deployment istiod -n istio-system --replicas=0',
    summary: 'Stops the control plane on a practice cluster by scaling istiod to zero pods, to see what keeps working without it. Never do this on a cluster others use.',
    tags: ['control-plane', 'istiod', 'outage', 'lab'],
    page: '/labs/troubleshoot-control-plane/',
  },
  {
    id: 'kubectl-scale-istiod-one',
    command: 'kubectl scale deployment istiod -n istio-system --replicas=1',
    summary: 'Brings istiod back with one pod after the outage drill.',
    tags: ['control-plane', 'istiod', 'lab'],
    page: '/labs/troubleshoot-control-plane/',
  },
];
