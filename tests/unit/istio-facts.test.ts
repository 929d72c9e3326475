/**
 * Facts the site states as data, pinned to what Istio 1.26.8's source says, and checked against the command
 * catalog. When Istio changes one of them, read the source named in the test, then update the data file and
 * this test together; never the test alone.
 */
import { describe, expect, it } from 'vitest';
import { commands } from '~/data/commands';
import {
  helmChartPlatforms,
  helmChartProfiles,
  helmChartsWithProfiles,
  istioctlProfiles,
  upgradeMinorJump,
  workloadEntryDefaults,
} from '~/data/istio-facts';
import { istioKinds } from '~/data/versions';

const minor = (v: string) => v.split('.').map(Number) as [number, number];
const before = (a: string, b: string) => {
  const [a1, a2] = minor(a);
  const [b1, b2] = minor(b);
  return a1 < b1 || (a1 === b1 && a2 < b2);
};

describe('install facts (istio/istio 1.26.8 manifests/)', () => {
  it('istioctl knows the profiles under manifests/profiles/', () => {
    expect([...istioctlProfiles].sort()).toEqual(
      ['ambient', 'default', 'demo', 'empty', 'minimal', 'openshift', 'openshift-ambient', 'preview', 'remote', 'stable'],
    );
  });

  it('the Helm charts know only the profiles they ship a files/profile-<name>.yaml for', () => {
    expect([...helmChartProfiles].sort()).toEqual(['ambient', 'demo', 'preview', 'remote', 'stable']);
    expect([...helmChartPlatforms].sort()).toEqual(['gke', 'k3d', 'k3s', 'microk8s', 'minikube', 'openshift']);
    expect([...helmChartsWithProfiles].sort()).toEqual(['base', 'cni', 'gateway', 'istiod', 'ztunnel']);
    // The istioctl-only names are what a reader is most likely to try in Helm: they fail there.
    for (const name of ['default', 'minimal', 'empty']) expect(helmChartProfiles).not.toContain(name);
  });

  it('every catalog command passes a profile its tool knows', () => {
    const problems: string[] = [];
    for (const c of commands) {
      for (const m of c.command.matchAll(/(?:--set\s+|\s)profile=([\w-]+)/g)) {
        const name = m[1]!;
        const known: readonly string[] = c.tool === 'helm' ? helmChartProfiles : istioctlProfiles;
        if (!known.includes(name)) problems.push(`${c.id}: ${c.tool} does not know profile "${name}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a revision-based upgrade may jump two minor versions, an in-place one only one (istio.io 1.26 upgrade pages)', () => {
    expect(upgradeMinorJump).toEqual({ inPlace: 1, revisionBased: 2 });
  });
});

describe('istiod defaults (istio/istio 1.26.8 pilot/pkg/features/pilot.go)', () => {
  it('WorkloadEntry auto-registration and health checks are on, with a 10s cleanup grace period', () => {
    expect(workloadEntryDefaults).toEqual({ autoRegistration: true, healthChecks: true, cleanupGracePeriod: '10s' });
  });
});

describe('first release of each kind (the CRD name in istio/istio install manifests at x.y.0 tags)', () => {
  const introduced = Object.fromEntries(istioKinds.map((k) => [k.kind, k.introducedIn]));

  it('matches the releases checked in the source', () => {
    expect(introduced).toEqual({
      VirtualService: '0.7',
      DestinationRule: '0.7',
      Gateway: '0.8',
      ServiceEntry: '0.8',
      Sidecar: '1.1',
      WorkloadEntry: '1.6',
      WorkloadGroup: '1.8',
      EnvoyFilter: '1.0',
      ProxyConfig: '1.13',
      AuthorizationPolicy: '1.4',
      PeerAuthentication: '1.5',
      RequestAuthentication: '1.5',
      Telemetry: '1.10',
      WasmPlugin: '1.12',
    });
  });

  it('no apiVersion of a kind is said to be served before the kind existed', () => {
    const problems: string[] = [];
    for (const k of istioKinds) {
      for (const v of k.versions) {
        if (v.since && before(v.since, k.introducedIn)) problems.push(`${k.kind} ${v.version} since ${v.since} < ${k.introducedIn}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
