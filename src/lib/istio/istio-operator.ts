/**
 * IstioOperator `spec` as `istioctl install -f` reads it in Istio 1.26 (istio/istio
 * `operator/pkg/apis/types.go` at tag 1.26.8). IstioOperator is not a served resource in 1.26 (no CRD), so
 * this is the one Istio schema written by hand. `meshConfig`, `values` and `unvalidatedValues` are
 * free-form there too.
 */
import { bool, free, freeObject, list, obj, str, stringMap, type SchemaTree } from './check/schema-tree';

const k8s = obj(
  Object.fromEntries(
    [
      'affinity', 'env', 'hpaSpec', 'imagePullPolicy', 'nodeSelector', 'podDisruptionBudget', 'podAnnotations',
      'priorityClassName', 'readinessProbe', 'replicaCount', 'resources', 'service', 'strategy', 'tolerations',
      'serviceAnnotations', 'securityContext', 'volumes', 'volumeMounts', 'overlays',
    ].map((k) => [k, free]),
  ),
);

const component = obj({ enabled: bool, namespace: str, hub: str, tag: free, k8s });
const gateway = list(obj({ enabled: bool, namespace: str, name: str, label: stringMap, hub: str, tag: free, k8s }));

export const istioOperatorSpec: SchemaTree = obj({
  profile: str,
  installPackagePath: str,
  hub: str,
  tag: free,
  namespace: str,
  revision: str,
  compatibilityVersion: str,
  meshConfig: freeObject,
  components: obj({
    base: component,
    pilot: component,
    cni: component,
    ztunnel: component,
    istiodRemote: component,
    ingressGateways: gateway,
    egressGateways: gateway,
  }),
  values: freeObject,
  unvalidatedValues: freeObject,
});

/** Field notes on an IstioOperator example: what each part of `spec` holds. */
export const istioOperatorDescriptions: Record<string, string> = {
  'spec.profile': 'Built-in configuration profile to start from (default, demo, minimal, ambient, empty, ...).',
  'spec.installPackagePath': 'Path or URL of the charts and profiles to install from.',
  'spec.hub': 'Default image registry for all components.',
  'spec.namespace': 'Namespace the control plane is installed in.',
  'spec.revision': 'Revision name of this control plane (used for canary upgrades).',
  'spec.compatibilityVersion': 'Keep the behaviour defaults of an older Istio release.',
  'spec.meshConfig': 'Mesh-wide configuration (free-form MeshConfig).',
  'spec.components': 'Which components are installed, and their Kubernetes settings.',
  'spec.components.base': 'Cluster-wide resources: CRDs and the base roles.',
  'spec.components.pilot': 'istiod, the control plane.',
  'spec.components.cni': 'The Istio CNI node agent.',
  'spec.components.ztunnel': 'The ambient mode node proxy.',
  'spec.components.istiodRemote': 'Resources for a remote cluster in a multicluster mesh.',
  'spec.components.ingressGateways[]': 'An ingress gateway deployment.',
  'spec.components.egressGateways[]': 'An egress gateway deployment.',
  'spec.components.ingressGateways[].label': 'Labels of the gateway pods (what a Gateway `selector` matches).',
  'spec.components.egressGateways[].label': 'Labels of the gateway pods (what a Gateway `selector` matches).',
  'spec.values': 'Helm values passed to the charts (free-form).',
  'spec.unvalidatedValues': 'Helm values that are not validated (free-form).',
};
