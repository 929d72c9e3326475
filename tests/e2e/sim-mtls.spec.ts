import { expect, test } from '@playwright/test';
import { watchErrors } from './support/site';
import { describeSimulator, enhanced, holdUpgrade, hostileYaml, ranSince, runs } from './support/simulator';

/** SIM_PAGE points the spec at another page holding the simulator (used while the pages were written). */
const url = process.env['SIM_PAGE'] ?? '/security/mtls-peer-authentication/';

const row = (sim: import('@playwright/test').Locator, workload: string, port: string) =>
  sim.getByRole('row').filter({ has: sim.page().getByRole('rowheader', { name: workload }) }).filter({ hasText: new RegExp(`^${workload}${port}`) });

test('mTLS resolver: the grid is rendered without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  const sim = page.locator('mtls-sim');
  await expect(row(sim, 'legacy/billing', '8080')).toContainText('PERMISSIVE');
  await expect(row(sim, 'shop/web', '8080')).toContainText('STRICT');
  await context.close();
});

test('mTLS resolver: a policy change updates the cells and marks what changed', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(url);
  const sim = page.locator('mtls-sim');
  // Wait until the controls are live (kit/boot.ts).
  await expect(sim).toHaveAttribute('data-enhanced', 'true');
  const yaml = sim.getByRole('textbox', { name: /PeerAuthentications/ });
  await yaml.fill((await yaml.inputValue()).replace('mode: PERMISSIVE', 'mode: DISABLE'));
  await sim.getByRole('button', { name: 'Resolve the modes' }).click();
  await expect(sim.getByRole('status')).toContainText('1 DISABLE; 1 changed');
  await expect(row(sim, 'legacy/billing', '8080')).toContainText('DISABLE (was PERMISSIVE)');
  await sim.getByRole('button', { name: 'Workload port exception' }).click();
  await expect(row(sim, 'shop/web', '9090')).toContainText('PERMISSIVE');
  await expect(row(sim, 'shop/web', '9090')).toContainText('port: shop/web-metrics (portLevelMtls 9090)');
  await sim.getByRole('button', { name: 'Selector in the root namespace (ignored)' }).click();
  await expect(sim.locator('.sim-result')).toContainText('a policy with a selector in the root namespace (istio-system) is ignored');
  await sim.getByRole('button', { name: 'Two namespace policies: the oldest wins' }).click();
  await expect(row(sim, 'shop/orders', '8080')).toContainText('namespace: shop/permissive-first');
  expect(errors).toEqual([]);
});

test('mTLS resolver: bad input names the line or field and keeps the grid', async ({ page }) => {
  await page.goto(url);
  const sim = page.locator('mtls-sim');
  // Wait until the controls are live (kit/boot.ts).
  await expect(sim).toHaveAttribute('data-enhanced', 'true');
  const yaml = sim.getByRole('textbox', { name: /PeerAuthentications/ });
  await yaml.fill((await yaml.inputValue()).replace('mode: STRICT', 'mode: MUTUAL'));
  await sim.getByRole('button', { name: 'Resolve the modes' }).click();
  await expect(sim.locator('.sim-error')).toContainText('line 8, spec.mtls.mode');
  await expect(row(sim, 'legacy/billing', '8080')).toContainText('PERMISSIVE');
  const workloads = sim.getByRole('textbox', { name: /Workloads/ });
  await sim.getByRole('button', { name: 'Mesh STRICT, one namespace PERMISSIVE' }).click();
  await expect(sim.getByRole('status')).toContainText('4 ports');
  await workloads.fill('shop/web app=web');
  await sim.getByRole('button', { name: 'Resolve the modes' }).click();
  await expect(sim.locator('.sim-error')).toContainText('Workloads, line 1');
  await expect(workloads).toHaveAttribute('aria-invalid', 'true');
  await expect(workloads).toHaveValue('shop/web app=web');
});

test('mTLS resolver: keyboard only', async ({ page }) => {
  await page.goto(url);
  const sim = page.locator('mtls-sim');
  // Wait until the controls are live (kit/boot.ts).
  await expect(sim).toHaveAttribute('data-enhanced', 'true');
  await sim.getByRole('button', { name: 'Workload port exception' }).focus();
  await page.keyboard.press('Enter');
  await expect(sim.getByRole('status')).toContainText('1 PERMISSIVE');
  await sim.getByRole('textbox', { name: /Workloads/ }).focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nlegacy/batch app=batch 7000');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(sim.getByRole('status')).toContainText('5 ports');
});

test('mTLS resolver: the changed count is the same whichever run (typed or button) finishes last', async ({ page }) => {
  await page.goto(url);
  const sim = page.locator('mtls-sim');
  await expect(sim).toHaveAttribute('data-enhanced', 'true');
  const yaml = sim.getByRole('textbox', { name: /PeerAuthentications/ });
  const before = await runs(sim);
  // fill() starts the typed (delayed) run; the click starts another at once. Both measure from the page's example.
  await yaml.fill((await yaml.inputValue()).replace('mode: PERMISSIVE', 'mode: DISABLE'));
  await sim.getByRole('button', { name: 'Resolve the modes' }).click();
  await ranSince(sim, before);
  await expect(sim.getByRole('status')).toContainText('1 DISABLE; 1 changed');
  // Type again (same text): the typed run finishes after the button run and says the same.
  const after = await runs(sim);
  await yaml.press('End');
  await yaml.press('Space');
  await ranSince(sim, after);
  await expect(sim.getByRole('status')).toContainText('1 DISABLE; 1 changed');
});

test('mTLS resolver: an edit and a run before the script arrives are kept, and the page does not reload', async ({ page }) => {
  const release = await holdUpgrade(page);
  await page.goto(url);
  const sim = page.locator('mtls-sim');
  await enhanced(sim);
  const yaml = sim.getByRole('textbox', { name: /PeerAuthentications/ });
  const edited = (await yaml.inputValue()).replace('mode: PERMISSIVE', 'mode: DISABLE');
  await yaml.fill(edited);
  await sim.getByRole('button', { name: 'Resolve the modes' }).click();
  await expect(sim).not.toHaveAttribute('data-upgraded', 'true');
  release();
  await expect(sim.getByRole('status')).toContainText('1 DISABLE; 1 changed');
  expect(page.url()).not.toContain('?');
  expect(await yaml.inputValue()).toBe(edited);
});

describeSimulator({
  name: 'mTLS resolver',
  url,
  tag: 'mtls-sim',
  noJsText: 'PERMISSIVE',
  change: async (sim) => {
    const yaml = sim.getByRole('textbox', { name: /PeerAuthentications/ });
    const before = await runs(sim);
    await yaml.fill((await yaml.inputValue()).replace('mode: PERMISSIVE', 'mode: DISABLE'));
    await sim.getByRole('button', { name: 'Resolve the modes' }).click();
    await ranSince(sim, before);
    await expect(sim.getByRole('status')).toContainText('1 changed');
  },
  hostile: hostileYaml('PeerAuthentications, separated by --- (YAML)', {
    yaml: 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: { name: p, namespace: shop }\nspec:\n  selector: { matchLabels: { __proto__: "<img src=x onerror=alert(1)>" } }\n  mtls: { mode: STRICT }\n',
    answer: /label key "__proto__"/,
  }),
});
