import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/traffic-shifting.mdx (manifests in
 * src/examples/labs/traffic-shifting/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'kubectl-logs-helloworld-v2-shadow',
    command: 'kubectl logs deploy/helloworld-v2 -n <namespace> -c istio-proxy | grep helloworld-shadow | tail -n 3',
    summary: 'Shows the last three requests that reached the v2 sidecar with the authority helloworld-shadow, that is the mirrored copies (access logging must be on, as in the demo profile).',
    tags: ['mirroring', 'logs', 'verify', 'lab'],
    output: '[2026-11-27T09:14:03.118Z] "GET /hello HTTP/1.1" 200 - via_upstream - "-" 0 65 152 151 "..." "curl/8.11.0" "..." "helloworld-shadow:5000" "10.244.0.19:5000" inbound|5000|| ...',
    page: '/labs/traffic-shifting/',
  },
  {
    id: 'kubectl-logs-helloworld-v2-shadow-count',
    command: 'kubectl logs deploy/helloworld-v2 -n <namespace> -c istio-proxy | grep -c helloworld-shadow',
    summary: 'Counts the mirrored requests the v2 sidecar has logged so far. Run it before and after a batch of requests: the difference is the number of copies v2 received.',
    tags: ['mirroring', 'logs', 'verify', 'lab'],
    output: '100',
    page: '/labs/traffic-shifting/',
  },
];
