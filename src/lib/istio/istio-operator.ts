/**
 * IstioOperator `spec` as `istioctl install -f` reads it in Istio 1.26 (istio/istio
 * `operator/pkg/apis/types.go` at tag 1.26.8). `@kubernetes-models/istio` ships no schema for it, so this is
 * the one field list written by hand. `meshConfig`, `values` and `unvalidatedValues` are free-form there too.
 */
import type { FieldNode } from './field-node';

const free: FieldNode = { freeForm: true };
const leaf = (description: string): FieldNode => ({ description });
const obj = (fields: Record<string, FieldNode>, description?: string): FieldNode => ({
  ...(description ? { description } : {}),
  fields: new Map(Object.entries(fields)),
});

const k8s = obj(
  Object.fromEntries(
    [
      'affinity', 'env', 'hpaSpec', 'imagePullPolicy', 'nodeSelector', 'podDisruptionBudget', 'podAnnotations',
      'priorityClassName', 'readinessProbe', 'replicaCount', 'resources', 'service', 'strategy', 'tolerations',
      'serviceAnnotations', 'securityContext', 'volumes', 'volumeMounts', 'overlays',
    ].map((k) => [k, free]),
  ),
  'Kubernetes settings of the component (resources, replicas, autoscaling, service, overlays).',
);

const component = (description: string) =>
  obj(
    {
      enabled: leaf('Whether the component is installed.'),
      namespace: leaf('Namespace the component is installed in.'),
      hub: leaf('Image registry for the component.'),
      tag: free,
      k8s,
    },
    description,
  );

const gateway = (description: string) =>
  ({
    items: obj(
      {
        enabled: leaf('Whether the gateway is installed.'),
        namespace: leaf('Namespace the gateway is installed in.'),
        name: leaf('Name of the gateway deployment and service.'),
        label: { description: 'Labels of the gateway pods (what a Gateway `selector` matches).', values: {} },
        hub: leaf('Image registry for the gateway.'),
        tag: free,
        k8s,
      },
      description,
    ),
  }) satisfies FieldNode;

export const istioOperatorSpec: FieldNode = obj(
  {
    profile: leaf('Built-in configuration profile to start from (default, demo, minimal, ambient, empty, ...).'),
    installPackagePath: leaf('Path or URL of the charts and profiles to install from.'),
    hub: leaf('Default image registry for all components.'),
    tag: free,
    namespace: leaf('Namespace the control plane is installed in.'),
    revision: leaf('Revision name of this control plane (used for canary upgrades).'),
    compatibilityVersion: leaf('Keep the behaviour defaults of an older Istio release.'),
    meshConfig: { ...free, description: 'Mesh-wide configuration (free-form MeshConfig).' },
    components: obj(
      {
        base: component('Cluster-wide resources: CRDs and the base roles.'),
        pilot: component('istiod, the control plane.'),
        cni: component('The Istio CNI node agent.'),
        ztunnel: component('The ambient mode node proxy.'),
        istiodRemote: component('Resources for a remote cluster in a multicluster mesh.'),
        ingressGateways: gateway('An ingress gateway deployment.'),
        egressGateways: gateway('An egress gateway deployment.'),
      },
      'Which components are installed, and their Kubernetes settings.',
    ),
    values: { ...free, description: 'Helm values passed to the charts (free-form).' },
    unvalidatedValues: { ...free, description: 'Helm values that are not validated (free-form).' },
  },
  'Installation options read by istioctl install.',
);
