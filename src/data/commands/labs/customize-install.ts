import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/customize-install.mdx (manifests in
 * src/examples/labs/customize-install/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'istioctl-manifest-generate-named-file',
    command: 'istioctl manifest generate -f <file>',
    summary: 'Renders an IstioOperator file without touching the cluster. istioctl validates the file first, so a field in the wrong section fails here, before anything is installed.',
    tags: ['install', 'customize', 'manifest', 'validate', 'lab'],
    page: '/labs/customize-install/',
  },
  {
    id: 'istioctl-manifest-generate-file-kinds',
    command: "istioctl manifest generate -f istio-install.yaml | grep '^kind:' | sort | uniq -c",
    summary: 'Counts the kinds of object your IstioOperator file would install: a quick preview of which components it switches on (one Deployment per component).',
    tags: ['install', 'customize', 'manifest', 'lab'],
    page: '/labs/customize-install/',
  },
  {
    id: 'kubectl-get-pod-proxy-requests',
    command: `kubectl get pods -n <namespace> -l app=<app> -o jsonpath='{.items[0].spec.containers[?(@.name=="istio-proxy")].resources.requests}'`,
    summary: 'Prints the CPU and memory requests of the istio-proxy container of the first pod with the given app label: for a sidecar they come from values.global.proxy.resources, for a gateway from its k8s.resources.',
    tags: ['install', 'customize', 'verify', 'injection', 'lab'],
    output: '{"cpu":"25m","memory":"64Mi"}',
    page: '/labs/customize-install/',
  },
  {
    id: 'kubectl-get-istiooperator-installed-state',
    command: 'kubectl get istiooperator installed-state -n istio-system -o yaml',
    summary: 'The way older notes read back the installed configuration. On a fresh Istio 1.26 cluster it fails: istioctl no longer stores installed-state and the IstioOperator CRD is not installed.',
    tags: ['install', 'customize', 'istiooperator', 'lab'],
    output: 'error: the server doesn\'t have a resource type "istiooperator"',
    page: '/labs/customize-install/',
  },
];
