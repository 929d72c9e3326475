import { expect, test } from '@playwright/test';
import { watchErrors } from './support/site';
import { describeSimulator, hostileYaml, ranSince, runs } from './support/simulator';

/** SIM_PAGE points the spec at another page holding the simulator (used while the pages were written). */
const url = process.env['SIM_PAGE'] ?? '/security/authorization-policy/';

test('authz evaluator: the worked example is rendered without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  const sim = page.locator('authz-sim');
  await expect(sim.locator('.sim-verdict')).toHaveText('Allowed: the request reaches the workload');
  await expect(sim.locator('.sim-result')).toContainText('ALLOW shop/orders-read');
  await expect(sim.getByRole('button', { name: 'Evaluate the request' })).toBeHidden();
  await context.close();
});

test('authz evaluator: presets and edits change the decision and the path taken', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(url);
  const sim = page.locator('authz-sim');
  // Wait until the controls are live (kit/boot.ts).
  await expect(sim).toHaveAttribute('data-enhanced', 'true');
  const status = sim.getByRole('status');
  await sim.getByRole('combobox', { name: 'Method' }).selectOption('POST');
  await expect(status).toHaveText('Denied: 403 RBAC: access denied');
  await expect(sim.locator('.sim-result')).toContainText('methods: the method "POST" matches none of [GET]');
  await sim.getByRole('button', { name: 'Deny all in a namespace' }).click();
  await expect(status).toHaveText('Denied: 403 RBAC: access denied');
  await expect(sim.locator('.sim-result')).toContainText('spec: {} allows nothing');
  await sim.getByRole('button', { name: 'Deny an IP block' }).click();
  await expect(status).toHaveText('Denied: 403 RBAC: access denied');
  await expect(sim.locator('.sim-result')).toContainText('2. DENY policies: shop/block-range rule 0 matches: 403');
  await sim.getByRole('textbox', { name: 'Source IP', exact: true }).fill('198.51.100.7');
  await sim.getByRole('button', { name: 'Evaluate the request' }).click();
  await expect(status).toHaveText('Allowed: the request reaches the workload');
  await sim.getByRole('button', { name: 'Require a JWT' }).click();
  await expect(status).toHaveText('Denied: 403 RBAC: access denied');
  await sim.getByRole('textbox', { name: /JWT principal/ }).fill('https://auth.example.com/alice');
  await sim.getByRole('button', { name: 'Evaluate the request' }).click();
  await expect(status).toHaveText('Allowed: the request reaches the workload');
  // On TCP, requestPrincipals (HTTP-only) cannot match: the ALLOW rule is dropped.
  await sim.getByText('Protocol and external authorizer').click();
  await sim.getByRole('combobox', { name: 'Protocol' }).selectOption('tcp');
  await expect(status).toHaveText('Denied: the TCP connection is closed');
  await expect(sim.locator('.sim-result')).toContainText('is HTTP-only: on TCP an ALLOW rule using it never matches');
  expect(errors).toEqual([]);
});

test('authz evaluator: bad input keeps the last good result and names the line or field', async ({ page }) => {
  await page.goto(url);
  const sim = page.locator('authz-sim');
  // Wait until the controls are live (kit/boot.ts).
  await expect(sim).toHaveAttribute('data-enhanced', 'true');
  const yaml = sim.getByRole('textbox', { name: /AuthorizationPolicies/ });
  await sim.getByRole('button', { name: 'Evaluate the request' }).click();
  await yaml.fill((await yaml.inputValue()).replace('principals:', 'principal:'));
  await sim.getByRole('button', { name: 'Evaluate the request' }).click();
  await expect(sim.locator('.sim-error')).toContainText('line 14, spec.rules[0].from[0].source.principal');
  await expect(sim.locator('.sim-result .sim-verdict')).toHaveText('Allowed: the request reaches the workload');
  await yaml.fill('apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: x\n');
  await sim.getByRole('button', { name: 'Evaluate the request' }).click();
  await expect(sim.locator('.sim-error')).toContainText('line 2, kind: kind VirtualService is not one this simulator reads');
  await expect(yaml).toHaveAttribute('aria-invalid', 'true');
  await sim.getByRole('button', { name: 'Allow GET /api/* from one service account' }).click();
  await sim.getByRole('textbox', { name: /Headers/ }).fill('x-test: <script>window.__xss = 1</script>');
  await sim.getByRole('button', { name: 'Evaluate the request' }).click();
  await expect(sim.getByRole('status')).toHaveText('Allowed: the request reaches the workload');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await sim.getByRole('textbox', { name: /Headers/ }).fill('not a header line');
  await sim.getByRole('button', { name: 'Evaluate the request' }).click();
  await expect(sim.locator('.sim-error')).toContainText('Headers, line 1');
});

test('authz evaluator: keyboard only', async ({ page }) => {
  await page.goto(url);
  const sim = page.locator('authz-sim');
  // Wait until the controls are live (kit/boot.ts).
  await expect(sim).toHaveAttribute('data-enhanced', 'true');
  await sim.getByRole('button', { name: 'Deny all in a namespace' }).focus();
  await page.keyboard.press('Enter');
  await expect(sim.getByRole('status')).toHaveText('Denied: 403 RBAC: access denied');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(sim.getByRole('status')).toHaveText('Allowed: the request reaches the workload');
  await sim.getByRole('textbox', { name: 'Path', exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('/admin');
  await page.keyboard.press('Enter');
  await expect(sim.getByRole('status')).toHaveText('Denied: 403 RBAC: access denied');
});

const yamlField = 'AuthorizationPolicies, separated by --- (YAML)';
const policy = (spec: string) => `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: { name: p, namespace: shop }\nspec:\n${spec}`;

describeSimulator({
  name: 'authz evaluator',
  url,
  tag: 'authz-sim',
  noJsText: 'Allowed: the request reaches the workload',
  change: async (sim) => {
    const before = await runs(sim);
    await sim.getByRole('button', { name: 'Deny an IP block' }).click();
    await ranSince(sim, before);
    await expect(sim.getByRole('status')).toHaveText('Denied: 403 RBAC: access denied');
  },
  hostile: [
    ...hostileYaml(yamlField, {
      yaml: policy('  selector: { matchLabels: { __proto__: "<img src=x onerror=alert(1)>" } }\n  action: DENY\n  rules: [{}]\n'),
      answer: /label key "__proto__"/,
    }),
    {
      name: 'claims[constructor] is not a present claim (no token, not denied)',
      fields: { [yamlField]: policy('  action: DENY\n  rules: [{ when: [{ key: "request.auth.claims[constructor]", values: ["*"] }] }]\n'), 'JWT principal iss/sub (empty = no token)': '' },
      expect: /^Allowed/,
    },
    { name: 'a __proto__ pod label is refused on its field', fields: { 'Pod labels (key=value, ...)': '__proto__=x' }, expect: /label key "__proto__"/, invalid: 'Pod labels (key=value, ...)' },
  ],
});
