import type { CommandSpec } from '../types';

/**
 * Commands of the Fundamentals pages: the mesh, its components and how to look at them.
 * Domain: fundamentals (from this file's name); tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'kubectl-label-namespace-injection',
    command: 'kubectl label namespace <namespace> istio-injection=enabled',
    summary: 'Turns on automatic sidecar injection for a namespace. Only pods created after the label get the istio-proxy container; restart existing workloads to add it to them.',
    tags: ['injection', 'sidecar', 'labels'],
    page: '/fundamentals/sidecar-vs-ambient/',
  },
  {
    id: 'kubectl-get-namespace-injection-label',
    command: 'kubectl get namespace -L istio-injection',
    summary: 'Lists every namespace with an extra column showing its istio-injection label, so you can see at a glance where sidecar injection is on.',
    tags: ['injection', 'labels', 'verify'],
    output: 'NAME           STATUS   AGE   ISTIO-INJECTION\nbookinfo       Active   1h    enabled\ndefault        Active   2d\nistio-system   Active   2d',
    page: '/fundamentals/sidecar-vs-ambient/',
  },
  {
    id: 'kubectl-get-pods-namespace',
    command: 'kubectl get pods -n <namespace>',
    summary: 'Lists the pods of a namespace. In sidecar mode a meshed pod with one application container shows 2/2 in READY: the application plus istio-proxy.',
    tags: ['injection', 'verify', 'pods'],
    output: 'NAME                             READY   STATUS    RESTARTS   AGE\nproductpage-v1-6c58956f4-x7k2q   2/2     Running   0          3m\nreviews-v1-5b6f9d8c77-pq8zl      2/2     Running   0          3m',
    page: '/fundamentals/sidecar-vs-ambient/',
  },
  {
    id: 'kubectl-rollout-restart-namespace',
    command: 'kubectl rollout restart deployment -n <namespace>',
    summary: 'Restarts every Deployment in a namespace. New pods pass through the injection webhook again, so they pick up (or lose) the sidecar according to the current labels.',
    tags: ['injection', 'restart', 'upgrade'],
    page: '/fundamentals/sidecar-vs-ambient/',
  },
  {
    id: 'kubectl-label-namespace-ambient',
    command: 'kubectl label namespace <namespace> istio.io/dataplane-mode=ambient',
    summary: 'Adds every pod of a namespace to the ambient mesh. No restart is needed: the node\'s ztunnel takes over the pods\' traffic as soon as the label is seen.',
    tags: ['ambient', 'labels', 'ztunnel'],
    page: '/fundamentals/sidecar-vs-ambient/',
  },
  {
    id: 'kubectl-get-namespace-dataplane-mode-label',
    command: 'kubectl get namespace -L istio.io/dataplane-mode',
    summary: 'Lists every namespace with a column for its istio.io/dataplane-mode label, showing which namespaces are in the ambient mesh.',
    tags: ['ambient', 'labels', 'verify'],
    output: 'NAME           STATUS   AGE   DATAPLANE-MODE\nbookinfo       Active   1h    ambient\ndefault        Active   2d\nistio-system   Active   2d',
    page: '/fundamentals/sidecar-vs-ambient/',
  },
  {
    id: 'istioctl-install-profile-ambient',
    command: 'istioctl install --set profile=ambient --skip-confirmation',
    summary: 'Installs Istio for ambient mode: istiod, the Istio CNI node agent and the ztunnel DaemonSet (no ingress gateway).',
    tags: ['ambient', 'install', 'profile'],
    output: '...\n✔ Istio core installed ⛵️\n✔ Istiod installed 🧠\n✔ CNI installed 🪢\n✔ Ztunnel installed 🔒\n✔ Installation complete\nThe ambient profile has been installed successfully, enjoy Istio without sidecars!',
    page: '/fundamentals/sidecar-vs-ambient/',
  },
  {
    id: 'kubectl-get-pods-ztunnel',
    command: 'kubectl get pods -n istio-system -l app=ztunnel -o wide',
    summary: 'Lists the ztunnel pods with the node each one runs on: one per node, because ztunnel is a DaemonSet.',
    tags: ['ambient', 'ztunnel', 'verify'],
    page: '/fundamentals/sidecar-vs-ambient/',
  },
  {
    id: 'istioctl-ztunnel-config-workloads',
    command: 'istioctl ztunnel-config workloads',
    summary: 'Shows the workloads ztunnel knows about. Pods in the ambient mesh have HBONE in the PROTOCOL column; pods outside it show TCP.',
    tags: ['ambient', 'ztunnel', 'verify', 'debug'],
    page: '/fundamentals/sidecar-vs-ambient/',
  },
  {
    id: 'istioctl-waypoint-apply-enroll-namespace',
    command: 'istioctl waypoint apply -n <namespace> --enroll-namespace',
    summary: 'Deploys a waypoint proxy (a Kubernetes Gateway API Gateway named waypoint) in the namespace and labels the namespace so its services use it for L7 processing. Needs the Gateway API CRDs in the cluster.',
    tags: ['ambient', 'waypoint', 'l7'],
    page: '/fundamentals/sidecar-vs-ambient/',
  },
];
