import { expect, test } from '@playwright/test';
import { watchErrors } from './support/site';
import { describeSimulator, enhanced, holdUpgrade } from './support/simulator';

const url = '/fundamentals/sidecar-vs-ambient/';
const tag = 'request-path-stepper';

test('request path: the hops and both modes are in the page without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  const sim = page.locator(tag);
  await expect(sim.getByRole('heading', { name: 'Sidecar mode' })).toBeVisible();
  await expect(sim.getByRole('heading', { name: 'Ambient mode, no waypoint' })).toBeVisible();
  await expect(sim.getByRole('heading', { name: 'Ambient mode with a waypoint' })).toBeVisible();
  await expect(sim.getByText('Mutual TLS between the sidecars.')).toBeVisible();
  await expect(sim.getByText('Waypoint (L7, for the destination).')).toBeVisible();
  await expect(sim.locator('[data-mode-figure="sidecar"] svg')).toBeVisible();
  await expect(sim.locator('[data-mode-figure="ambient"] svg')).toBeVisible();
  await expect(sim.getByRole('button', { name: 'Next hop' })).toBeDisabled();
  await context.close();
});

test('request path: step through the hops and switch to ambient with a waypoint', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(url);
  const sim = page.locator(tag);
  await enhanced(sim);
  const live = sim.getByRole('status');
  await expect(sim.getByText('Hop 1 of 6', { exact: true })).toBeVisible();
  await expect(sim.getByRole('button', { name: 'Previous hop' })).toHaveAttribute('aria-disabled', 'true');
  await expect(sim.getByRole('heading', { name: 'Ambient mode, no waypoint' })).toBeHidden();
  await sim.getByRole('button', { name: 'Next hop' }).click();
  await sim.getByRole('button', { name: 'Next hop' }).click();
  await expect(live).toContainText('Hop 3 of 6, Sidecar mode: Client sidecar');
  await expect(sim.locator('[data-mode-figure="sidecar"] [data-part="sidecar-a"]')).toHaveClass(/is-current/);
  await expect(sim.getByRole('listitem').and(sim.locator('[aria-current="step"]'))).toContainText('Client sidecar: routing and client policies.');
  // The figure is drawn as SVG in the browser too, not as unknown HTML elements.
  const svg = sim.locator('[data-mode-figure="sidecar"] svg');
  expect(await svg.evaluate((el) => el.namespaceURI)).toBe('http://www.w3.org/2000/svg');
  expect((await svg.boundingBox())!.height).toBeGreaterThan(100);
  await sim.getByRole('radio', { name: 'Ambient' }).check();
  await expect(live).toContainText('Hop 1 of 6, Ambient mode, no waypoint');
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
  const sim = page.locator(tag);
  await enhanced(sim);
  await sim.getByRole('button', { name: 'Next hop' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await expect(sim.getByRole('status')).toContainText('Hop 3 of 6');
  await page.keyboard.press('End');
  await expect(sim.getByRole('status')).toContainText('Hop 6 of 6');
  await expect(sim.getByRole('button', { name: 'Next hop' })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Home');
  await expect(sim.getByRole('status')).toContainText('Hop 1 of 6');
  // The radios: arrows move between them.
  await sim.getByRole('radio', { name: 'Sidecar' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(sim.getByRole('radio', { name: 'Ambient' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(sim.getByRole('checkbox', { name: /waypoint/ })).toBeChecked();
  await expect(sim.getByRole('status')).toContainText('Hop 1 of 7');
});

test('request path: hops stepped before the script arrives are kept', async ({ page }) => {
  const release = await holdUpgrade(page);
  await page.goto(url);
  const sim = page.locator(tag);
  await enhanced(sim);
  await sim.getByRole('button', { name: 'Next hop' }).click();
  await sim.getByRole('button', { name: 'Next hop' }).click();
  await page.keyboard.press('ArrowRight');
  // All three happened before the element module arrived.
  await expect(sim).not.toHaveAttribute('data-upgraded', 'true');
  release();
  await expect(sim.getByRole('status')).toContainText('Hop 4 of 6, Sidecar mode: Mutual TLS between the sidecars');
  await expect(sim.getByText('Hop 4 of 6', { exact: true })).toBeVisible();
});

describeSimulator({
  name: 'request path',
  url,
  tag,
  noJsText: 'Mutual TLS between the sidecars.',
  change: async (sim) => {
    await sim.getByRole('radio', { name: 'Ambient' }).check();
    await sim.getByRole('checkbox', { name: /waypoint/ }).check();
    await sim.getByRole('button', { name: 'Next hop' }).click();
    await expect(sim.getByRole('status')).toContainText('Hop 2 of 7');
  },
});
