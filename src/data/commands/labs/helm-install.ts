import { referencePatch } from '../../versions';
import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/helm-install.mdx (manifests in src/examples/labs/helm-
 * install/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'helm-search-repo-istiod-exam-version',
    command: `helm search repo istio/istiod --version ${referencePatch}`,
    summary: `Checks that the chart index has the istiod chart in version ${referencePatch}. Chart versions equal Istio versions, so this is the release you will install.`,
    tags: ['install', 'helm', 'version', 'lab'],
    output: `NAME          CHART VERSION   APP VERSION   DESCRIPTION\nistio/istiod  ${referencePatch}          ${referencePatch}        Helm chart for istio control plane`,
    page: '/labs/helm-install/',
  },
  {
    id: 'helm-install-istio-ingress-nodeport',
    command: `helm install istio-ingress istio/gateway -n istio-ingress --version ${referencePatch} --set service.type=NodePort --wait`,
    summary: 'Installs an ingress gateway from the gateway chart with a NodePort Service. On a cluster without a load balancer (kind, minikube) this lets --wait finish: Helm waits for a LoadBalancer Service to get an address.',
    tags: ['install', 'helm', 'gateway', 'lab'],
    page: '/labs/helm-install/',
  },
  {
    id: 'helm-ls-all-namespaces',
    command: 'helm ls -A',
    summary: 'Lists the Helm releases of every namespace with their revision, status, chart version and app version.',
    tags: ['install', 'helm', 'verify', 'lab'],
    output: `NAME           NAMESPACE      REVISION  STATUS    CHART                 APP VERSION\nistio-base     istio-system   1         deployed  base-${referencePatch}           ${referencePatch}\nistio-ingress  istio-ingress  1         deployed  gateway-${referencePatch}        ${referencePatch}\nistiod         istio-system   1         deployed  istiod-${referencePatch}         ${referencePatch}`,
    page: '/labs/helm-install/',
  },
  {
    id: 'helm-status-istiod',
    command: 'helm status istiod -n istio-system',
    summary: 'Shows the state of the istiod release: STATUS deployed, its REVISION (one more after every upgrade) and the chart notes.',
    tags: ['install', 'helm', 'verify', 'lab'],
    page: '/labs/helm-install/',
  },
  {
    id: 'helm-get-values-istio-ingress',
    command: 'helm get values istio-ingress -n istio-ingress',
    summary: 'Shows only the values you passed to the gateway release (the chart defaults are not listed).',
    tags: ['install', 'helm', 'verify', 'lab'],
    output: 'USER-SUPPLIED VALUES:\nservice:\n  type: NodePort',
    page: '/labs/helm-install/',
  },
  {
    id: 'kubectl-get-crd-istio',
    command: 'kubectl get crd -o name | grep istio.io',
    summary: 'Lists the Istio CRDs in the cluster. They stay after helm uninstall of the base release (istioctl uninstall --purge, by contrast, deletes them).',
    tags: ['install', 'crd', 'verify', 'lab'],
    page: '/labs/helm-install/',
  },
];
