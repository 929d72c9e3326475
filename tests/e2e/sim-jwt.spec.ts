import { expect, test } from '@playwright/test';
import { axeViolations, useTheme, watchErrors } from './support/site';

const url = '/security/jwt-request-authentication/';

const cell = (page: import('@playwright/test').Page, row: RegExp, col: number) =>
  page.locator('jwt-matrix').getByRole('row', { name: row }).getByRole('cell').nth(col);

test('jwt: the matrix is rendered without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  await expect(cell(page, /^No token/, 0)).toContainText('200');
  await expect(cell(page, /^No token/, 1)).toContainText('403');
  await expect(cell(page, /bad signature/, 1)).toContainText('401');
  await expect(cell(page, /wrong-audience/, 0)).toContainText('403');
  await expect(cell(page, /^Valid: iss/, 3)).toContainText('403');
  await expect(page.locator('jwt-matrix').getByRole('textbox', { name: /issuer/ })).toBeHidden();
  await context.close();
});

test('jwt: changing the token and the principal updates the cells and counts the changes', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(url);
  const sim = page.locator('jwt-matrix');
  await sim.getByRole('textbox', { name: 'sub', exact: true }).fill('bob');
  await expect(cell(page, /^Valid: iss/, 3)).toContainText('200');
  await expect(cell(page, /^Valid: iss/, 3)).toContainText('was 403');
  await expect(sim.getByRole('status')).toContainText('changed');
  // Clearing the jwtRule audiences: the wrong-audience token is accepted.
  await sim.getByRole('textbox', { name: /audiences/ }).fill('');
  await expect(cell(page, /wrong-audience/, 0)).toContainText('200');
  // A token from another issuer is a 401 whatever the policy.
  await sim.getByRole('textbox', { name: 'iss', exact: true }).fill('https://other.example.org');
  await expect(cell(page, /^Valid: iss/, 0)).toContainText('401');
  expect(errors).toEqual([]);
});

test('jwt: bad input is named, markup stays text, the last matrix is kept', async ({ page }) => {
  await page.goto(url);
  const sim = page.locator('jwt-matrix');
  await sim.getByRole('textbox', { name: 'issuer', exact: true }).fill('');
  await expect(sim.getByRole('alert')).toContainText('issuer: must not be empty');
  await expect(sim.getByRole('textbox', { name: 'issuer', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(cell(page, /^No token/, 0)).toContainText('200');
  await sim.getByRole('textbox', { name: 'issuer', exact: true }).fill('https://auth.example.com');
  await sim.getByRole('textbox', { name: 'sub', exact: true }).fill('<script>alert(1)</script>');
  await expect(sim.getByRole('row', { name: /^Valid: iss/ })).toContainText('sub <script>alert(1)</script>');
  expect(await sim.locator('tbody script').count()).toBe(0);
});

test('jwt: keyboard only', async ({ page }) => {
  await page.goto(url);
  const sim = page.locator('jwt-matrix');
  await sim.getByRole('textbox', { name: 'issuer', exact: true }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(sim.getByRole('textbox', { name: 'sub', exact: true })).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type('-x');
  await expect(sim.getByRole('row', { name: /^Valid: iss/ })).toContainText('sub alice-x');
});

for (const theme of ['light', 'dark'] as const) {
  test(`jwt: no axe violations in the changed state (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto(url);
    const sim = page.locator('jwt-matrix');
    await sim.getByRole('textbox', { name: 'sub', exact: true }).fill('bob');
    await sim.getByRole('textbox', { name: 'aud (comma-separated)', exact: true }).fill('other');
    await sim.getByRole('textbox', { name: 'issuer', exact: true }).fill('');
    await expect(sim.getByRole('alert')).toBeVisible();
    await sim.getByText("The engine's reasoning, cell by cell").click();
    expect(await axeViolations(page, 'jwt-matrix')).toEqual([]);
  });
}

test('jwt: fits a 360 px wide screen (the matrix scrolls inside its region)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(url);
  const overflow = await page.locator('jwt-matrix').evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  expect(overflow).toBe(false);
});
