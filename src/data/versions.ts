/**
 * Every version fact the site states lives here; prose and components read it from this file.
 * The apiVersion matrix is what Istio 1.26 serves (istio/api `kubernetes/customresourcedefinitions.gen.yaml`
 * at tag 1.26.8).
 */
import { curriculum } from './curriculum';

/** The Istio minor version the exam environment runs. */
export const examIstioVersion = '1.26';
/** The patch release whose CRDs the matrix below was read from. */
export const referencePatch = '1.26.8';
/** The date the current ICA curriculum took effect. */
export const curriculumDate = curriculum.effective;
/** The release that promoted the networking, security and telemetry APIs to v1. */
export const v1ApiSince = '1.22';
/** The release that removed `istioctl profile` and `istioctl verify-install`, and the in-cluster operator. */
export const operatorRemovedIn = '1.24';
/** Ambient mode became generally available in this release. */
export const ambientGaIn = '1.24';

export interface ApiVersionInfo {
  version: string;
  /** The version etcd stores objects in (exactly one per kind). */
  storage: boolean;
  /** The Istio release that first served this version, where we have it from a source. */
  since?: string;
}

export interface IstioKind {
  group: string;
  kind: string;
  shortNames: string[];
  /** Served versions in Istio 1.26, newest first. */
  versions: ApiVersionInfo[];
  /** The istio.io reference page for the kind. */
  reference: string;
  /**
   * The first Istio minor release whose install manifests carry the kind's CRD (checked with `git grep` of
   * the CRD name over istio/istio's `x.y.0` tags; see `tests/unit/istio-facts.test.ts`).
   */
  introducedIn: string;
}

const ref = (path: string) => `https://istio.io/v${examIstioVersion}/docs/reference/config/${path}/`;

/** Networking kinds: v1alpha3 is as old as the kind itself, so its `since` is the kind's first release. */
const networkingV1 = (introducedIn: string): ApiVersionInfo[] => [
  { version: 'v1', storage: false, since: v1ApiSince },
  { version: 'v1beta1', storage: true },
  { version: 'v1alpha3', storage: false, since: introducedIn },
];
const networking = (kind: string, shortNames: string[], introducedIn: string, page: string): IstioKind => ({
  group: 'networking.istio.io',
  kind,
  shortNames,
  versions: networkingV1(introducedIn),
  reference: ref(`networking/${page}`),
  introducedIn,
});
const securityV1: ApiVersionInfo[] = [
  { version: 'v1', storage: false, since: v1ApiSince },
  { version: 'v1beta1', storage: true },
];

/** The Istio kinds served by Istio 1.26. */
export const istioKinds: IstioKind[] = [
  networking('VirtualService', ['vs'], '0.7', 'virtual-service'),
  networking('DestinationRule', ['dr'], '0.7', 'destination-rule'),
  networking('Gateway', ['gw'], '0.8', 'gateway'),
  networking('ServiceEntry', ['se'], '0.8', 'service-entry'),
  networking('Sidecar', [], '1.1', 'sidecar'),
  networking('WorkloadEntry', ['we'], '1.6', 'workload-entry'),
  networking('WorkloadGroup', ['wg'], '1.8', 'workload-group'),
  { group: 'networking.istio.io', kind: 'EnvoyFilter', shortNames: [], versions: [{ version: 'v1alpha3', storage: true }], reference: ref('networking/envoy-filter'), introducedIn: '1.0' },
  { group: 'networking.istio.io', kind: 'ProxyConfig', shortNames: [], versions: [{ version: 'v1beta1', storage: true }], reference: ref('networking/proxy-config'), introducedIn: '1.13' },
  { group: 'security.istio.io', kind: 'AuthorizationPolicy', shortNames: ['ap'], versions: securityV1, reference: ref('security/authorization-policy'), introducedIn: '1.4' },
  { group: 'security.istio.io', kind: 'PeerAuthentication', shortNames: ['pa'], versions: securityV1, reference: ref('security/peer_authentication'), introducedIn: '1.5' },
  { group: 'security.istio.io', kind: 'RequestAuthentication', shortNames: ['ra'], versions: securityV1, reference: ref('security/request_authentication'), introducedIn: '1.5' },
  {
    group: 'telemetry.istio.io',
    kind: 'Telemetry',
    shortNames: ['telemetry'],
    versions: [
      { version: 'v1', storage: false, since: v1ApiSince },
      { version: 'v1alpha1', storage: true },
    ],
    reference: ref('telemetry'),
    introducedIn: '1.10',
  },
  { group: 'extensions.istio.io', kind: 'WasmPlugin', shortNames: [], versions: [{ version: 'v1alpha1', storage: true }], reference: ref('proxy_extensions/wasm-plugin'), introducedIn: '1.12' },
];

/**
 * Not a served resource: the input file of `istioctl install -f` (the in-cluster operator that once served
 * it was removed in 1.24).
 */
export const istioOperatorKind = {
  apiVersion: 'install.istio.io/v1alpha1',
  kind: 'IstioOperator',
  reference: `https://istio.io/v${examIstioVersion}/docs/reference/config/istio.operator.v1alpha1/`,
} as const;

/** Kubernetes kinds an example may contain beside Istio's own. */
export const kubernetesKinds: ReadonlyArray<{ apiVersion: string; kind: string }> = [
  { apiVersion: 'v1', kind: 'Namespace' },
  { apiVersion: 'v1', kind: 'Service' },
  { apiVersion: 'v1', kind: 'ServiceAccount' },
  { apiVersion: 'v1', kind: 'Secret' },
  { apiVersion: 'v1', kind: 'ConfigMap' },
  { apiVersion: 'v1', kind: 'Pod' },
  { apiVersion: 'apps/v1', kind: 'Deployment' },
];

/** `group/version` strings served for a kind, e.g. `networking.istio.io/v1`. */
export function servedApiVersions(kind: string): string[] {
  const k = istioKinds.find((x) => x.kind === kind);
  return k ? k.versions.map((v) => `${k.group}/${v.version}`) : [];
}

export function findIstioKind(apiVersion: string, kind: string): IstioKind | undefined {
  return istioKinds.find((k) => k.kind === kind && k.versions.some((v) => `${k.group}/${v.version}` === apiVersion));
}
