import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/destination-rule-policies.mdx (manifests in
 * src/examples/labs/destination-rule-policies/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'istioctl-pc-cluster-helloworld-policy-grep',
    command: `istioctl proxy-config cluster deploy/curl -n <namespace> --fqdn helloworld.<namespace>.svc.cluster.local -o json | grep -E '"name": *"outbound|"lbPolicy"|"maxConnections"|"maxPendingRequests"|"maxRequests"'`,
    summary: 'Prints, for each helloworld cluster in the curl sidecar (the service and one per subset), its name, the load-balancing policy Envoy uses and the circuit-breaker limits that connectionPool turned into. 4294967295 means no limit.',
    tags: ['destination-rule', 'load-balancing', 'connection-pool', 'debug', 'lab'],
    output: '    "name": "outbound|5000|v2|helloworld.shop.svc.cluster.local",\n    "lbPolicy": "RANDOM",\n          "maxConnections": 4294967295,\n          "maxPendingRequests": 4294967295,\n          "maxRequests": 10,',
    page: '/labs/destination-rule-policies/',
  },
  {
    id: 'istioctl-pc-routes-helloworld-hash-policy',
    command: 'istioctl proxy-config route deploy/curl -n <namespace> --name 5000 -o json | grep -A 4 hashPolicy',
    summary: 'Shows the hash policy on the curl sidecar\'s routes for port 5000. Consistent hashing is split in two: the cluster gets a hashing load balancer, the route says which request value (here a header) is hashed.',
    tags: ['destination-rule', 'load-balancing', 'consistent-hash', 'debug', 'lab'],
    page: '/labs/destination-rule-policies/',
  },
  {
    id: 'kubectl-exec-curl-loop-helloworld-user-header',
    command: `kubectl exec deploy/curl -n <namespace> -- sh -c 'for i in $(seq 1 30); do curl -s -H "x-user: <user>" http://helloworld:5000/hello; done' | sort | uniq -c`,
    summary: 'Sends 30 requests that all carry the same x-user header value and counts the answers per pod. With consistent hashing on that header, a single line (one pod) is expected.',
    tags: ['consistent-hash', 'load-balancing', 'verify', 'curl', 'lab'],
    output: '     30 Hello version: v1, instance: helloworld-v1-6b8d5cf9d8-tq9vd',
    page: '/labs/destination-rule-policies/',
  },
  {
    id: 'kubectl-scale-deployment',
    command: 'kubectl scale deployment/<name> -n <namespace> --replicas=<replicas>',
    summary: 'Sets the number of pods of a Deployment; 0 removes every endpoint of its Service.',
    tags: ['deploy', 'endpoints', 'lab'],
    page: '/labs/troubleshoot-data-plane/',
  },
];
