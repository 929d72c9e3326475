import { expect, test } from '@playwright/test';
import { watchErrors } from './support/site';
import { describeSimulator, enhanced, holdUpgrade } from './support/simulator';

const url = '/traffic/traffic-shifting/';

test('canary: the 90/10 example is rendered without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  const sim = page.locator('canary-slider');
  await expect(sim.locator('.sim-result')).toContainText('v1 gets 90%, v2 gets 10%');
  await expect(sim.locator('.cs-yaml')).toContainText('apiVersion: networking.istio.io/v1');
  await expect(sim.getByRole('slider')).toBeDisabled();
  await context.close();
});

test('canary: the slider and the weights drive the YAML and the sample', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(url);
  const sim = page.locator('canary-slider');
  await sim.getByRole('slider', { name: 'Share of v2 (%)' }).fill('50');
  await expect(sim.getByRole('spinbutton', { name: 'weight of v1' })).toHaveValue('50');
  await expect(sim.getByRole('status')).toContainText('v1 gets 50%, v2 gets 50%');
  await expect(sim.locator('.cs-yaml')).toContainText('subset: v2\n      weight: 50');
  await sim.getByRole('spinbutton', { name: 'weight of v1' }).fill('3');
  await sim.getByRole('spinbutton', { name: 'weight of v2' }).fill('1');
  await expect(sim.getByRole('status')).toContainText('v1 gets 75%, v2 gets 25%');
  await expect(sim.getByText('The weights add up to 4, not 100')).toBeVisible();
  await expect(sim.getByRole('slider')).toHaveValue('25');
  await sim.getByRole('spinbutton', { name: 'weight of v1' }).fill('0');
  await expect(sim.getByRole('status')).toContainText(/0 to v1, 1000 to v2/);
  await sim.getByRole('spinbutton', { name: 'weight of v2' }).fill('0');
  await expect(sim.locator('.sim-error')).toContainText('both 0');
  await expect(sim.getByRole('spinbutton', { name: 'weight of v2' })).toHaveAttribute('aria-invalid', 'true');
  // The last result stays on screen, marked as stale.
  await expect(sim.locator('.sim-result')).toContainText(/0 to v1, 1000 to v2/);
  expect(errors).toEqual([]);
});

test('canary: same seed, same sample; markup stays text', async ({ page }) => {
  await page.goto(url);
  const sim = page.locator('canary-slider');
  const seed = sim.getByRole('textbox', { name: 'Seed' });
  await seed.fill('x');
  await expect(sim.getByRole('status')).toContainText('seed "x"');
  const a = await sim.getByRole('status').textContent();
  await seed.fill('y');
  await seed.fill('x');
  await expect(sim.getByRole('status')).toHaveText(a!);
  await seed.fill('<b>bold</b>');
  await expect(sim.getByRole('status')).toContainText('seed "<b>bold</b>"');
  expect(await sim.locator('b').count()).toBe(0);
});

test('canary: keyboard only', async ({ page }) => {
  await page.goto(url);
  const sim = page.locator('canary-slider');
  await sim.getByRole('slider').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(sim.getByRole('status')).toContainText('v1 gets 85%, v2 gets 15%');
  await page.keyboard.press('Tab');
  await expect(sim.getByRole('spinbutton', { name: 'weight of v1' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(sim.locator('.cs-yaml')).toContainText('weight: 86');
});

test('canary: the slider moved before the script arrives keeps the weights in step', async ({ page }) => {
  const release = await holdUpgrade(page);
  await page.goto(url);
  const sim = page.locator('canary-slider');
  await enhanced(sim);
  await sim.getByRole('slider', { name: 'Share of v2 (%)' }).fill('40');
  await expect(sim).not.toHaveAttribute('data-upgraded', 'true');
  release();
  await expect(sim.getByRole('spinbutton', { name: 'weight of v2' })).toHaveValue('40');
  await expect(sim.getByRole('status')).toContainText('v1 gets 60%, v2 gets 40%');
});

describeSimulator({
  name: 'canary',
  url,
  tag: 'canary-slider',
  noJsText: 'v1 gets 90%, v2 gets 10%',
  change: async (sim) => {
    await sim.getByRole('slider').fill('30');
    await expect(sim.getByRole('status')).toContainText('v2 gets 30%');
    await sim.getByRole('spinbutton', { name: 'weight of v1' }).fill('5000');
    await expect(sim.locator('.sim-error')).toBeVisible();
  },
  hostile: [
    { name: 'a weight of 1e308 is refused on its field', fields: { 'weight of v1': '1e308' }, expect: /between 0 and 1000/, invalid: 'weight of v1' },
    { name: 'markup in the seed stays text', fields: { Seed: '<b>bold</b>' }, expect: /v1 gets/ },
  ],
});
