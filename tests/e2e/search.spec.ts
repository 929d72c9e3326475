import { expect, test } from '@playwright/test';

/**
 * Learner queries against the built Pagefind index: the page that teaches the topic must be among the
 * first three results. Uses Pagefind's own JavaScript API, the same index the search dialog uses.
 */
const queries: Array<[query: string, expected: string[]]> = [
  ['subset', ['/traffic/virtualservice-destinationrule/']],
  ['first match wins', ['/traffic/virtualservice-destinationrule/']],
  ['circuit breaker', ['/traffic/circuit-breaking/']],
  ['outlier', ['/traffic/circuit-breaking/']],
  ['maxEjectionPercent', ['/traffic/circuit-breaking/']],
  ['mirror', ['/traffic/mirroring/']],
  ['canary upgrade', ['/install/upgrades/', '/labs/canary-upgrade/']],
  ['revision', ['/install/upgrades/', '/labs/canary-upgrade/']],
  ['JWT', ['/security/jwt-request-authentication/']],
  ['RequestAuthentication', ['/security/jwt-request-authentication/']],
  ['STRICT', ['/security/mtls-peer-authentication/']],
  ['PeerAuthentication', ['/security/mtls-peer-authentication/']],
  ['AuthorizationPolicy', ['/security/authorization-policy/']],
  ['RBAC: access denied', ['/security/authorization-policy/', '/troubleshooting/symptoms/']],
  ['503', ['/troubleshooting/symptoms/']],
  ['response flags', ['/troubleshooting/symptoms/', '/troubleshooting/data-plane/']],
  ['SPIFFE', ['/security/identity-spiffe/']],
  ['egress', ['/traffic/egress-gateway/']],
  ['ServiceEntry', ['/traffic/service-entry/']],
  ['ztunnel', ['/fundamentals/sidecar-vs-ambient/', '/install/ambient/']],
  ['waypoint', ['/fundamentals/sidecar-vs-ambient/', '/install/ambient/']],
  ['retries', ['/traffic/timeouts-retries/']],
  ['timeout', ['/traffic/timeouts-retries/']],
  ['sidecar injection', ['/install/sidecar-injection/', '/troubleshooting/sidecar-injection/']],
  ['fault injection', ['/traffic/fault-injection/']],
  ['traffic shifting', ['/traffic/traffic-shifting/']],
  ['weights', ['/traffic/traffic-shifting/']],
  ['proxy-config', ['/troubleshooting/data-plane/']],
  ['istioctl analyze', ['/troubleshooting/istioctl-analyze/']],
  ['PASSTHROUGH', ['/security/edge-tls/', '/traffic/egress-gateway/']],
  ['credentialName', ['/security/edge-tls/', '/traffic/ingress-gateway/']],
  ['ingress gateway', ['/traffic/ingress-gateway/']],
  ['WorkloadEntry', ['/traffic/workload-entry/']],
  ['profiles', ['/install/profiles/']],
  ['Helm', ['/install/helm-install/']],
  ['IstioOperator', ['/install/customize/']],
  ['LEAST_REQUEST', ['/traffic/destination-rule-policies/']],
  ['locality failover', ['/traffic/failover/']],
  ['exam domains weights', ['/exam/overview/']],
];

test('learner queries find the right page in the top 3 results', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const misses = await page.evaluate(async (cases) => {
    // @ts-expect-error: Pagefind's runtime module is served by the built site.
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const out: string[] = [];
    for (const [query, expected] of cases) {
      const search = await pagefind.search(query);
      const top = await Promise.all(search.results.slice(0, 3).map((r: { data: () => Promise<{ url: string }> }) => r.data()));
      const urls = top.map((d: { url: string }) => new URL(d.url, location.href).pathname);
      if (!urls.some((u: string) => expected.includes(u))) out.push(`"${query}": expected one of ${expected.join(', ')}; got ${urls.join(', ') || 'nothing'}`);
    }
    return out;
  }, queries);
  expect(queries.length).toBeGreaterThanOrEqual(25);
  expect(misses).toEqual([]);
});
