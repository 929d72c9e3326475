import { expect, test } from '@playwright/test';
import { watchErrors } from './support/site';
import { describeSimulator } from './support/simulator';

const outlierUrl = '/traffic/circuit-breaking/';
const faultUrl = '/traffic/fault-injection/';

test('outlier lab: the worked example is rendered without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(outlierUrl);
  const lab = page.locator('outlier-lab');
  await expect(lab.locator('.sim-result')).toContainText('1,800 requests over 180 s');
  await expect(lab.getByRole('table', { name: 'Events' })).toContainText('baseEjectionTime × 2');
  await expect(lab.getByRole('table', { name: 'Events' })).toContainText('maxEjectionPercent is 25');
  await expect(lab.getByRole('spinbutton', { name: 'maxEjectionPercent' })).toBeDisabled();
  await context.close();
});

test('outlier lab: raising maxEjectionPercent lets the second failing pod be ejected', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(outlierUrl);
  const lab = page.locator('outlier-lab');
  const events = lab.getByRole('table', { name: 'Events' });
  await expect(events).toContainText('Not ejected');
  await lab.getByRole('spinbutton', { name: 'maxEjectionPercent' }).fill('50');
  await expect(events).not.toContainText('Not ejected');
  await expect(events.getByRole('row').filter({ hasText: 'reviews-3' }).first()).toContainText('Ejected');
  await expect(lab.getByRole('status')).toContainText('ejections');
  await expect(lab.locator('.ol-yaml')).toContainText('maxEjectionPercent: 50');
  // The default, 10, is less than one pod in four: Envoy ejects nothing at all.
  await lab.getByRole('spinbutton', { name: 'maxEjectionPercent' }).fill('10');
  await expect(events).toContainText('Not ejected');
  await expect(events).not.toContainText('Ejected');
  await expect(events).toContainText('1 of 4 hosts (25%)');
  expect(errors).toEqual([]);
});

test('outlier lab: a bad value names the field and keeps the last result', async ({ page }) => {
  await page.goto(outlierUrl);
  const lab = page.locator('outlier-lab');
  const verdict = lab.locator('.sim-result .sim-verdict');
  const before = await verdict.textContent();
  const field = lab.getByRole('spinbutton', { name: 'baseEjectionTime (s)' });
  await field.fill('0');
  await expect(lab.locator('.sim-error')).toContainText('baseEjectionTime (s): must be between 1 and 600');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(verdict).toHaveText(before!);
  await lab.getByRole('spinbutton', { name: 'Pods' }).fill('2');
  await field.fill('30');
  await expect(lab.locator('.sim-error')).toContainText('Failure 2, Pod: reviews-3 does not exist');
  await expect(lab.getByRole('combobox', { name: 'Pod' }).nth(1)).toHaveAttribute('aria-invalid', 'true');
  await lab.getByRole('button', { name: 'Reset to the worked example' }).click();
  await expect(lab.locator('.sim-error')).toBeHidden();
  await expect(lab.getByRole('status')).toHaveText(before!);
});

test('outlier lab: keyboard only', async ({ page }) => {
  await page.goto(outlierUrl);
  const lab = page.locator('outlier-lab');
  await lab.getByRole('spinbutton', { name: 'consecutive5xxErrors' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(lab.getByRole('spinbutton', { name: 'baseEjectionTime (s)' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(lab.locator('.ol-yaml')).toContainText('baseEjectionTime: 31s');
  await expect(lab.getByRole('table', { name: 'Events' })).toContainText('ejected for 31s');
});

test('fault lab: expected vs sampled, same seed same result', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(faultUrl);
  const lab = page.locator('fault-lab');
  const status = lab.locator('.sim-result .sim-verdict');
  await expect(status).toContainText('Seed "istio", 1,000 requests');
  await lab.getByRole('spinbutton', { name: 'percentage.value (empty = left out)' }).nth(1).fill('100');
  await expect(status).toContainText('1000 aborted with 500 (expected 1000)');
  const table = lab.getByRole('table');
  await expect(table.getByRole('row', { name: /No fault/ })).toContainText('0');
  await lab.getByRole('spinbutton', { name: 'percentage.value (empty = left out)' }).nth(1).fill('');
  await expect(lab.getByText('The abort has no percentage: no request is aborted.')).toBeVisible();
  await expect(status).toContainText('0 aborted');
  const seed = lab.getByRole('textbox', { name: 'Seed' });
  await seed.fill('<img src=x onerror=alert(1)>');
  await expect(status).toContainText('Seed "<img src=x onerror=alert(1)>"');
  expect(await lab.locator('img').count()).toBe(0);
  await seed.fill('abc');
  await expect(status).toContainText('Seed "abc"');
  const first = await status.textContent();
  await seed.fill('abd');
  await seed.fill('abc');
  await expect(status).toHaveText(first!);
  expect(errors).toEqual([]);
});

test('fault lab: keyboard only, bad percentage is named', async ({ page }) => {
  await page.goto(faultUrl);
  const lab = page.locator('fault-lab');
  await lab.getByRole('checkbox', { name: 'Inject a delay' }).focus();
  await page.keyboard.press('Space');
  await expect(lab.locator('.fl-yaml')).not.toContainText('delay');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0.00001');
  await expect(lab.locator('.sim-error')).toContainText('must be 0 or between 0.0001 and 100');
  await lab.getByRole('button', { name: 'New seed' }).focus();
  await page.keyboard.press('Enter');
  await expect(lab.getByRole('textbox', { name: 'Seed' })).not.toHaveValue('istio');
});

describeSimulator({
  name: 'outlier lab',
  url: outlierUrl,
  tag: 'outlier-lab',
  noJsText: '1,800 requests over 180 s',
  change: async (lab) => {
    await lab.getByRole('spinbutton', { name: 'maxEjectionPercent' }).fill('50');
    await expect(lab.getByRole('table', { name: 'Events' })).not.toContainText('Not ejected');
    await lab.getByRole('spinbutton', { name: 'interval (s)' }).fill('0');
    await expect(lab.locator('.sim-error')).toBeVisible();
  },
  hostile: [{ name: '1e308 consecutive errors is refused on its field', fields: { consecutive5xxErrors: '1e308' }, expect: /between 0 and 100/, invalid: 'consecutive5xxErrors' }],
});

describeSimulator({
  name: 'fault lab',
  url: faultUrl,
  tag: 'fault-lab',
  noJsText: /delay/i,
  change: async (fl) => {
    await fl.getByRole('textbox', { name: 'Seed' }).fill('seed-2');
    await expect(fl.getByRole('status')).toContainText('seed-2');
    await fl.getByRole('spinbutton', { name: 'httpStatus' }).fill('9999');
    await expect(fl.locator('.sim-error')).toBeVisible();
  },
  hostile: [
    { name: 'markup in the seed stays text', fields: { Seed: '<b>bold</b>' }, expect: /./ },
    { name: 'an httpStatus of 1e308 is refused on its field', fields: { httpStatus: '1e308' }, expect: /between 200 and 599/, invalid: 'httpStatus' },
  ],
});
