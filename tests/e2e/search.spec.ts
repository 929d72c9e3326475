import { expect, test, type Page } from '@playwright/test';

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
  ['sidecar resource egress hosts', ['/traffic/sidecar-resource/']],
  ['proxy-config routes', ['/troubleshooting/data-plane/']],
];

/**
 * Queries where a second page is a near miss: the page that teaches the topic must rank above it (the
 * other page may also appear, lower, or not at all).
 */
const orderings: Array<[query: string, teaches: string, below: string]> = [
  ['proxy-config routes', '/troubleshooting/data-plane/', '/traffic/sidecar-resource/'],
];

/** Pathnames of a query's results, best first, read from the built Pagefind index in the page. */
async function rankedPaths(page: Page, queryList: string[], depth: number): Promise<Record<string, string[]>> {
  return page.evaluate(
    async ({ list, n }) => {
      // @ts-expect-error: Pagefind's runtime module is served by the built site.
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const out: Record<string, string[]> = {};
      for (const query of list) {
        const search = await pagefind.search(query);
        const top = await Promise.all(search.results.slice(0, n).map((r: { data: () => Promise<{ url: string }> }) => r.data()));
        out[query] = top.map((d: { url: string }) => new URL(d.url, location.href).pathname);
      }
      return out;
    },
    { list: queryList, n: depth },
  );
}

test('learner queries find the right page in the top 3 results', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const ranked = await rankedPaths(page, queries.map(([q]) => q), 3);
  const misses = queries
    .filter(([query, expected]) => !ranked[query]!.some((u) => expected.includes(u)))
    .map(([query, expected]) => `"${query}": expected one of ${expected.join(', ')}; got ${ranked[query]!.join(', ') || 'nothing'}`);
  expect(queries.length).toBeGreaterThanOrEqual(25);
  expect(misses).toEqual([]);
});

test('the page that teaches a command ranks above the page that only shares its words', async ({ page }) => {
  await page.goto('/');
  const ranked = await rankedPaths(page, orderings.map(([q]) => q), 10);
  const wrong = orderings
    .filter(([query, teaches, below]) => {
      const list = ranked[query]!;
      const a = list.indexOf(teaches);
      const b = list.indexOf(below);
      return a === -1 || a > 2 || (b !== -1 && b < a);
    })
    .map(([query, teaches, below]) => `"${query}": ${teaches} must be in the top 3 and above ${below}; got ${ranked[query]!.join(', ')}`);
  expect(wrong).toEqual([]);
});
