import { expect, test } from '@playwright/test';
import { watchErrors } from './support/site';
import { describeSimulator, hostileYaml, ranSince, runs } from './support/simulator';

/** SIM_PAGE points the spec at another page holding the simulator (used while the pages were written). */
const url = process.env['SIM_PAGE'] ?? '/traffic/virtualservice-destinationrule/';

test('route simulator: the worked example is rendered without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  const sim = page.locator('route-sim');
  await expect(sim.locator('.sim-verdict')).toHaveText('Routed by rule 0 to reviews v2');
  await expect(sim.getByText(/The winning rule is highlighted: lines \d+–\d+\./)).toBeVisible();
  await expect(sim.getByRole('button', { name: 'Route the request' })).toBeHidden();
  await context.close();
});

test('route simulator: change the request and the YAML, see the rule, the reason and the split', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(url);
  const sim = page.locator('route-sim');
  // Wait until the controls are live (kit/boot.ts).
  await expect(sim).toHaveAttribute('data-enhanced', 'true');
  const status = sim.getByRole('status');
  await sim.getByRole('textbox', { name: /Headers/ }).fill('end-user: mary');
  await sim.getByRole('button', { name: 'Route the request' }).click();
  await expect(status).toHaveText('Routed by rule 1 to reviews v1');
  await expect(sim.locator('.sim-rules')).toContainText('header end-user exact "jason": the request has "mary"');
  await sim.getByRole('button', { name: 'Weighted split 80/20' }).click();
  await expect(status).toHaveText('Routed by rule 0 to reviews v1 (80%), reviews v2 (20%)');
  await expect(sim.locator('.sim-legend')).toContainText('(configured 80%)');
  const counts = await sim.locator('.sim-legend li').allTextContents();
  const sampled = counts.map((t) => Number(/: ([\d,]+)/.exec(t)?.[1]?.replace(',', '') ?? NaN));
  expect(sampled[0]! + sampled[1]!).toBe(1000);
  expect(sampled[0]).toBeGreaterThan(700);
  await sim.getByRole('button', { name: 'Subset missing from the DestinationRule' }).click();
  await expect(status).toHaveText('503 NC: the subset is not defined');
  await sim.getByRole('button', { name: 'URI prefixes in the wrong order' }).click();
  await expect(status).toHaveText('Routed by rule 0 to reviews v1');
  await sim.getByRole('button', { name: "This page's example" }).click();
  await expect(status).toHaveText('Routed by rule 0 to reviews v2');
  await expect(sim.getByRole('button', { name: "This page's example" })).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

test('route simulator: bad input keeps the text and the last good result, and names the line', async ({ page }) => {
  await page.goto(url);
  const sim = page.locator('route-sim');
  // Wait until the controls are live (kit/boot.ts).
  await expect(sim).toHaveAttribute('data-enhanced', 'true');
  const yaml = sim.getByRole('textbox', { name: /VirtualService, then DestinationRules/ });
  await sim.getByRole('button', { name: 'Route the request' }).click();
  await expect(sim.getByRole('status')).toHaveText('Routed by rule 0 to reviews v2');
  const broken = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nspec:\n  hosts: [reviews\n';
  await yaml.fill(broken);
  await sim.getByRole('button', { name: 'Route the request' }).click();
  await expect(sim.locator('.sim-error')).toContainText(/line \d+/);
  await expect(yaml).toHaveValue(broken);
  await expect(yaml).toHaveAttribute('aria-invalid', 'true');
  await expect(sim.locator('.sim-result .sim-verdict')).toHaveText('Routed by rule 0 to reviews v2');
  await expect(sim.locator('.sim-result')).toHaveClass(/is-stale/);
  // The wrong kind, a regex RE2 rejects, then markup in a header value (must stay text).
  await yaml.fill('apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n');
  await sim.getByRole('button', { name: 'Route the request' }).click();
  await expect(sim.locator('.sim-error')).toContainText('no VirtualService found (found Service)');
  await sim.getByRole('button', { name: 'Header match: jason → v2' }).click();
  await yaml.fill((await yaml.inputValue()).replace('exact: jason', 'regex: "(?=j)ason"'));
  await sim.getByRole('button', { name: 'Route the request' }).click();
  await expect(sim.locator('.sim-error')).toContainText('line 13, spec.http[0].match[0].headers.end-user.regex');
  await sim.getByRole('button', { name: 'Header match: jason → v2' }).click();
  await sim.getByRole('textbox', { name: /Headers/ }).fill('end-user: <img src=x onerror="window.__xss=1">');
  await sim.getByRole('button', { name: 'Route the request' }).click();
  await expect(sim.getByRole('status')).toHaveText('Routed by rule 1 to reviews v1');
  await expect(sim.locator('.sim-result img')).toHaveCount(0);
  await expect(sim.locator('.sim-rules')).toContainText('<img src=x');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('route simulator: a 64 KB VirtualService and a pathological regex get an answer, not a hang', async ({ page }) => {
  test.slow();
  await page.goto(url);
  const sim = page.locator('route-sim');
  // Wait until the controls are live (kit/boot.ts).
  await expect(sim).toHaveAttribute('data-enhanced', 'true');
  let text = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: big\nspec:\n  hosts: [reviews]\n  http:\n';
  for (let i = 0; text.length < 64 * 1024; i++) text += `  - match:\n    - uri:\n        regex: "/v${i}/(a+)+$"\n    route:\n    - destination:\n        host: reviews\n`;
  // Pasted in one go (typing 64 KB through fill() would measure Playwright, not the simulator).
  await sim.getByRole('textbox', { name: /VirtualService, then DestinationRules/ }).evaluate((el, t) => {
    (el as HTMLTextAreaElement).value = t;
  }, text);
  await sim.getByRole('textbox', { name: 'Path and query' }).fill(`/v7/${'a'.repeat(200)}!`);
  const before = await runs(sim);
  await sim.getByRole('button', { name: 'Route the request' }).click();
  // Timing is measured by npm run bench, not asserted here (the machine is shared).
  await ranSince(sim, before);
  await expect(sim.getByRole('status')).toHaveText('404 NR: no rule matches');
});

test('route simulator: keyboard only', async ({ page }) => {
  await page.goto(url);
  const sim = page.locator('route-sim');
  // Wait until the controls are live (kit/boot.ts).
  await expect(sim).toHaveAttribute('data-enhanced', 'true');
  await sim.getByRole('button', { name: 'Weighted split 80/20' }).focus();
  await page.keyboard.press('Enter');
  await expect(sim.getByRole('status')).toContainText('80%');
  await sim.getByRole('textbox', { name: /Headers/ }).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('end-user: jason');
  await sim.getByRole('button', { name: 'Header match: jason → v2' }).focus();
  await page.keyboard.press('Space');
  await expect(sim.getByRole('status')).toHaveText('Routed by rule 0 to reviews v2');
  await sim.getByRole('combobox', { name: 'Method' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('other-host');
  await page.keyboard.press('Enter');
  await expect(sim.getByRole('status')).toHaveText('This VirtualService does not apply here');
});

const vsHead = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: big\nspec:\n  hosts: [reviews]\n  http:\n';
const yamlField = 'VirtualService, then DestinationRules after --- (YAML)';

describeSimulator({
  name: 'route simulator',
  url,
  tag: 'route-sim',
  noJsText: 'Routed by rule 0 to reviews v2',
  change: async (sim) => {
    const before = await runs(sim);
    await sim.getByRole('button', { name: 'Weighted split 80/20' }).click();
    await ranSince(sim, before);
    await expect(sim.getByRole('status')).toContainText('80%');
  },
  hostile: [
    ...hostileYaml(yamlField, {
      yaml: `${vsHead}  - match: [{ sourceLabels: { __proto__: "<img src=x onerror=alert(1)>" } }]\n    route: [{ destination: { host: reviews } }]\n`,
      answer: /label key "__proto__"/,
    }),
    {
      // Whichever bound comes first on this machine (regex work, or the run deadline when the CPU is shared), it is named.
      name: '1,000 rules of regex (.*){1000}N stop at a named limit',
      fields: { [yamlField]: vsHead + '  - match: [{ uri: { regex: "(.*){1000}N" } }]\n    route: [{ destination: { host: reviews } }]\n'.repeat(1000) },
      expect: /Regex work limit|time limit/,
      invalid: yamlField,
    },
    { name: 'a 100,000-character path is refused on its field', fields: { 'Path and query': `/${'a'.repeat(100_000)}` }, expect: /Path: at most 2,048 characters/, invalid: 'Path and query' },
    {
      name: 'a weight of 1e308 is refused with its line',
      fields: { [yamlField]: `${vsHead}  - route:\n    - destination: { host: reviews }\n      weight: 1e308\n    - destination: { host: reviews }\n      weight: 1\n` },
      expect: /32-bit integer/,
      invalid: yamlField,
    },
  ],
});
