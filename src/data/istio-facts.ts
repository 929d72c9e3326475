/**
 * Istio 1.26 facts that pages state as data: names and defaults a reader may type or rely on. Pages import
 * them instead of repeating them in prose, and `tests/unit/istio-facts.test.ts` pins each one to the value
 * read in istio/istio at tag 1.26.8 (the source is named next to each constant) and checks that the catalog
 * and the pages do not contradict them.
 */

/** Profiles `istioctl install --set profile=<name>` knows: `manifests/profiles/<name>.yaml`. */
export const istioctlProfiles = [
  'ambient',
  'default',
  'demo',
  'empty',
  'minimal',
  'openshift',
  'openshift-ambient',
  'preview',
  'remote',
  'stable',
] as const;

/**
 * The profiles every Istio Helm chart ships: `manifests/charts/<chart>/files/profile-<name>.yaml`. The
 * charts' `templates/zzz_profile.yaml` fails with "unknown profile" for a name without such a file, so the
 * istioctl-only profiles `default`, `minimal`, `empty` and `openshift` do not exist in Helm. (The same
 * folder holds `profile-platform-<name>` and `profile-compatibility-version-<x.y>` files, which belong to
 * the `platform` and `compatibilityVersion` values.)
 */
export const helmChartProfiles = ['ambient', 'demo', 'preview', 'remote', 'stable'] as const;

/** Values the charts accept for `platform` (`files/profile-platform-<name>.yaml`); others fail with "unknown platform". */
export const helmChartPlatforms = ['gke', 'k3d', 'k3s', 'microk8s', 'minikube', 'openshift'] as const;

/** Published charts that carry the profile files (the same set in each), by their repository name. */
export const helmChartsWithProfiles = ['base', 'istiod', 'cni', 'ztunnel', 'gateway'] as const;

/**
 * How many minor versions one upgrade may cross (istio.io 1.26 "Canary upgrades": revision-based upgrades may
 * jump two minor versions, in-place upgrades go through every intermediate minor release).
 */
export const upgradeMinorJump = { inPlace: 1, revisionBased: 2 } as const;

/** istiod defaults for VM workloads: `pilot/pkg/features/pilot.go`. */
export const workloadEntryDefaults = {
  /** `PILOT_ENABLE_WORKLOAD_ENTRY_AUTOREGISTRATION` */
  autoRegistration: true,
  /** `PILOT_ENABLE_WORKLOAD_ENTRY_HEALTHCHECKS` */
  healthChecks: true,
  /** `PILOT_WORKLOAD_ENTRY_GRACE_PERIOD`: how long a disconnected VM keeps its auto-registered entry. */
  cleanupGracePeriod: '10s',
} as const;
