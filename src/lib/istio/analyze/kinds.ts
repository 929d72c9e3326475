/**
 * The kinds `istioctl analyze` 1.26 loads from files (the inputs of its analyzers), with the facts the loader
 * needs: which versions it accepts, whether the kind is cluster-scoped, and whether istioctl's file loader
 * drops it (Service, Namespace, Node, Pod and Secret: pkg/config/analysis/legacy/util/kuberesource).
 * Anything else in a file is skipped silently, as istioctl skips a kind it has no schema for.
 */
export interface KindInfo {
  group: string;
  versions: readonly string[];
  clusterScoped: boolean;
  /** Dropped by `istioctl analyze --use-kube=false` (it reads these from a live cluster only). */
  runtime: boolean;
  /** An Istio config kind: checked by the schema validation analyzer (IST0106). */
  istio: boolean;
}

const networking = ['v1alpha3', 'v1beta1', 'v1'];
const security = ['v1beta1', 'v1'];
const telemetry = ['v1alpha1', 'v1'];
const istio = (group: string, versions: readonly string[]): KindInfo => ({ group, versions, clusterScoped: false, runtime: false, istio: true });
const kube = (group: string, versions: readonly string[], extra: Partial<KindInfo> = {}): KindInfo => ({
  group,
  versions,
  clusterScoped: false,
  runtime: false,
  istio: false,
  ...extra,
});

export const kinds: Readonly<Record<string, KindInfo>> = {
  VirtualService: istio('networking.istio.io', networking),
  DestinationRule: istio('networking.istio.io', networking),
  Gateway: istio('networking.istio.io', networking),
  ServiceEntry: istio('networking.istio.io', networking),
  Sidecar: istio('networking.istio.io', networking),
  WorkloadEntry: istio('networking.istio.io', networking),
  WorkloadGroup: istio('networking.istio.io', networking),
  EnvoyFilter: istio('networking.istio.io', ['v1alpha3']),
  ProxyConfig: istio('networking.istio.io', ['v1beta1']),
  AuthorizationPolicy: istio('security.istio.io', security),
  PeerAuthentication: istio('security.istio.io', security),
  RequestAuthentication: istio('security.istio.io', security),
  Telemetry: istio('telemetry.istio.io', telemetry),
  WasmPlugin: istio('extensions.istio.io', ['v1alpha1']),
  Service: kube('', ['v1'], { runtime: true }),
  Pod: kube('', ['v1'], { runtime: true }),
  Secret: kube('', ['v1'], { runtime: true }),
  Namespace: kube('', ['v1'], { runtime: true, clusterScoped: true }),
  ConfigMap: kube('', ['v1']),
  Deployment: kube('apps', ['v1']),
  MutatingWebhookConfiguration: kube('admissionregistration.k8s.io', ['v1'], { clusterScoped: true }),
  CustomResourceDefinition: kube('apiextensions.k8s.io', ['v1'], { clusterScoped: true }),
};

/** The kind entry for an apiVersion/kind pair, or undefined when istioctl would skip the document. */
export function lookupKind(apiVersion: string, kind: string): KindInfo | undefined {
  const info = Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
  if (!info) return undefined;
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return group === info.group && info.versions.includes(version) ? info : undefined;
}
