import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/locality-failover.mdx (manifests in
 * src/examples/labs/locality-failover/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'shell-write-kind-config-three-nodes',
    command: `printf 'kind: Cluster\\napiVersion: kind.x-k8s.io/v1alpha4\\nnodes:\\n- role: control-plane\\n- role: worker\\n- role: worker\\n' > kind-locality.yaml`,
    summary: 'Writes a kind configuration file for a cluster with one control-plane node and two worker nodes, so that the two workers can stand for two localities.',
    tags: ['kind', 'cluster', 'locality', 'lab'],
    page: '/labs/locality-failover/',
  },
  {
    id: 'shell-kind-create-cluster-locality',
    command: 'kind create cluster --name istio-locality --config kind-locality.yaml',
    summary: 'Creates a local kind cluster from the configuration file, here with three nodes: istio-locality-control-plane, istio-locality-worker and istio-locality-worker2.',
    tags: ['kind', 'cluster', 'locality', 'lab'],
    page: '/labs/locality-failover/',
  },
  {
    id: 'kubectl-label-node-topology',
    command: 'kubectl label node <node> topology.kubernetes.io/region=<region> topology.kubernetes.io/zone=<zone> --overwrite',
    summary: 'Gives a node a region and a zone label. Istio derives the locality of every pod on that node from these labels; cloud providers set them for you, local clusters need them by hand.',
    tags: ['locality', 'nodes', 'failover', 'lab'],
    output: 'node/istio-locality-worker labeled',
    page: '/labs/locality-failover/',
  },
  {
    id: 'kubectl-get-pods-namespace-wide',
    command: 'kubectl get pods -n <namespace> -o wide',
    summary: 'Lists the pods of a namespace with their IP and the NODE they run on, for example to check that a nodeSelector placed each pod in the intended zone.',
    tags: ['pods', 'nodes', 'locality', 'lab'],
    page: '/labs/locality-failover/',
  },
  {
    id: 'istioctl-pc-endpoints-helloworld',
    command: 'istioctl proxy-config endpoints deploy/curl -n <namespace> --cluster "outbound|5000||helloworld.<namespace>.svc.cluster.local"',
    summary: 'Lists the helloworld endpoints as the curl pod\'s sidecar sees them. The OUTLIER CHECK column shows FAILED for a pod that outlier detection has ejected.',
    tags: ['locality', 'failover', 'outlier-detection', 'proxy-config', 'lab'],
    output: 'ENDPOINT            STATUS      OUTLIER CHECK     CLUSTER\n10.244.1.7:5000     HEALTHY     FAILED            outbound|5000||helloworld.shop.svc.cluster.local\n10.244.2.9:5000     HEALTHY     OK                outbound|5000||helloworld.shop.svc.cluster.local',
    page: '/labs/locality-failover/',
  },
  {
    id: 'kubectl-exec-pilot-agent-drain-listeners',
    command: 'kubectl exec deploy/<name> -n <namespace> -c istio-proxy -- pilot-agent request POST drain_listeners',
    summary: 'Asks the sidecar of one Deployment\'s pod to drain its listeners through the Envoy admin API. The pod keeps running but its proxy stops accepting new connections, which makes it fail for callers: the way the istio.io locality failover task breaks a locality.',
    tags: ['locality', 'failover', 'envoy', 'lab'],
    output: 'OK',
    page: '/labs/locality-failover/',
  },
  {
    id: 'shell-kind-delete-cluster-locality',
    command: 'kind delete cluster --name istio-locality',
    summary: 'Deletes the kind cluster of the locality lab with everything in it, Istio included.',
    tags: ['kind', 'cluster', 'cleanup', 'lab'],
    page: '/labs/locality-failover/',
  },
  {
    id: 'kubectl-label-node-topology-remove',
    command: 'kubectl label node <node> topology.kubernetes.io/region- topology.kubernetes.io/zone-',
    summary: 'Removes the region and zone labels from a node again (a trailing minus deletes a label). Only for labels you added by hand on a practice cluster.',
    tags: ['locality', 'nodes', 'cleanup', 'lab'],
    output: 'node/istio-locality-worker unlabeled',
    page: '/labs/locality-failover/',
  },
];
