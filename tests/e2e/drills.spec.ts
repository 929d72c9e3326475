import { expect, test } from '@playwright/test';
import { axeBothThemes } from './support/site';

test('drills: Space shows the answer, 3 grades it, the next card comes, and the grade is kept', async ({ page }) => {
  await page.goto('/drills/');
  const count = page.locator('[data-drill-count]');
  await expect(count).toHaveAttribute('data-drill-count', /\d+/);
  const before = Number(await count.getAttribute('data-drill-count'));
  const front = await page.locator('#drill-front').textContent();
  await page.getByRole('button', { name: 'Show answer (Space)' }).focus();
  await page.keyboard.press('Space');
  await expect(page.locator('#drill-back')).toBeVisible();
  await expect(page.getByRole('button', { name: '3 Good' })).toBeFocused();
  await page.keyboard.press('3');
  await expect(count).toHaveAttribute('data-drill-count', String(before - 1));
  await expect(page.locator('#drill-front')).not.toHaveText(front!);
  await page.reload();
  await expect(count).toHaveAttribute('data-drill-count', String(before - 1));
});

test('drills: choosing decks narrows the cards', async ({ page }) => {
  await page.goto('/drills/');
  for (const name of [/^Check-yourself/, /^Defaults/, /^istioctl analyze codes/, /^Command for a purpose/]) await page.getByRole('checkbox', { name }).uncheck();
  await expect(page.locator('#drill-front')).toHaveText(/^Envoy response flag [A-Z]+:/);
});

test(`axe finds nothing on a flipped card (light and dark themes)`, async ({ page }) => {
  await page.goto('/drills/');
  await page.getByRole('button', { name: 'Show answer (Space)' }).click();
  await expect(page.locator('#drill-back')).toBeVisible();
  expect(await axeBothThemes(page)).toEqual([]);
});
