import { expect, test } from '@playwright/test';
import { watchErrors } from './support/site';
import { describeSimulator } from './support/simulator';

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
  await expect(page.locator('jwt-matrix').getByRole('textbox', { name: /issuer/ })).toBeDisabled();
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
  await expect(sim.locator('.sim-error')).toContainText('issuer: must not be empty');
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

test('jwt: the status never claims a recompute while an input error is shown', async ({ page }) => {
  await page.goto(url);
  const sim = page.locator('jwt-matrix');
  await expect(sim).toHaveAttribute('data-enhanced', 'true');
  await sim.getByRole('textbox', { name: 'sub', exact: true }).fill('bob');
  await expect(sim.getByRole('status')).toContainText('Matrix recomputed');
  await sim.getByRole('textbox', { name: 'issuer', exact: true }).fill('');
  await expect(sim.locator('.sim-error')).toBeVisible();
  await expect(sim.getByRole('status')).toHaveText(/^Cannot decide: issuer: must not be empty/);
  await expect(sim.locator('.sim-result')).toHaveClass(/is-stale/);
});

describeSimulator({
  name: 'jwt matrix',
  url,
  tag: 'jwt-matrix',
  noJsText: '401',
  change: async (sim) => {
    await sim.getByRole('textbox', { name: 'sub', exact: true }).fill('bob');
    await sim.getByRole('textbox', { name: 'aud (comma-separated)', exact: true }).fill('other');
    await expect(sim.getByRole('status')).toContainText('Matrix recomputed');
    await sim.getByRole('textbox', { name: 'issuer', exact: true }).fill('');
    await expect(sim.locator('.sim-error')).toBeVisible();
    await sim.getByText("The engine's reasoning, cell by cell").click();
  },
  hostile: [
    { name: 'markup in the token subject stays text', fields: { sub: '<b>bold</b>' }, expect: /Matrix recomputed/ },
    { name: 'an empty issuer is refused on its field', fields: { issuer: '' }, expect: /must not be empty/, invalid: 'issuer' },
  ],
});
