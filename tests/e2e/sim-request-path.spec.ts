import { expect, test } from '@playwright/test';
import { watchErrors } from './support/site';
import { describeSimulator } from './support/simulator';

const url = '/fundamentals/sidecar-vs-ambient/';

test('request path: the hops and both modes are in the page without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  const sim = page.locator('request-path-sim');
  await expect(sim.getByRole('heading', { name: 'Sidecar mode' })).toBeVisible();
  await expect(sim.getByRole('heading', { name: 'Ambient mode with a waypoint' })).toBeVisible();
  await expect(sim.getByText('Mutual TLS between the sidecars.')).toBeVisible();
  await expect(sim.getByRole('button', { name: 'Next hop' })).toBeHidden();
  await context.close();
});

test('request path: step through the hops and switch to ambient with a waypoint', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(url);
  const sim = page.locator('request-path-sim');
  const live = sim.getByRole('status');
  await expect(sim.getByText('Hop 1 of 6', { exact: true })).toBeVisible();
  await sim.getByRole('button', { name: 'Next hop' }).click();
  await sim.getByRole('button', { name: 'Next hop' }).click();
  await expect(live).toContainText('Hop 3 of 6');
  await expect(live).toContainText('Client sidecar');
  await expect(sim.locator('[data-mode-figure="sidecar"] [data-part="sidecar-a"]')).toHaveClass(/is-current/);
  await sim.getByRole('radio', { name: 'Ambient' }).check();
  await expect(live).toContainText('Hop 1 of 6');
  await expect(sim.locator('[data-mode-figure="sidecar"]')).toBeHidden();
  await sim.getByRole('checkbox', { name: /waypoint/ }).check();
  await expect(live).toContainText('Hop 1 of 7');
  for (let i = 0; i < 3; i++) await sim.getByRole('button', { name: 'Next hop' }).click();
  await expect(live).toContainText('Waypoint (L7, for the destination)');
  await expect(sim.locator('[data-part="waypoint"]')).toHaveClass(/is-current/);
  expect(errors).toEqual([]);
});

test('request path: keyboard only', async ({ page }) => {
  await page.goto(url);
  const sim = page.locator('request-path-sim');
  await sim.getByRole('button', { name: 'Next hop' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await expect(sim.getByRole('status')).toContainText('Hop 3 of 6');
  await page.keyboard.press('End');
  await expect(sim.getByRole('status')).toContainText('Hop 6 of 6');
  await expect(sim.getByRole('button', { name: 'Next hop' })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Home');
  await expect(sim.getByRole('status')).toContainText('Hop 1 of 6');
  // Shift+Tab back to the waypoint checkbox, then the radios: arrows move between them.
  await sim.getByRole('radio', { name: 'Sidecar' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(sim.getByRole('radio', { name: 'Ambient' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(sim.getByRole('checkbox', { name: /waypoint/ })).toBeChecked();
  await expect(sim.getByRole('status')).toContainText('Hop 1 of 7');
});

describeSimulator({
  name: 'request path',
  url,
  tag: 'request-path-sim',
  kit: false,
  noJsText: 'Mutual TLS between the sidecars.',
  change: async (sim) => {
    await sim.getByRole('radio', { name: 'Ambient' }).check();
    await sim.getByRole('checkbox', { name: /waypoint/ }).check();
    await sim.getByRole('button', { name: 'Next hop' }).click();
  },
});
