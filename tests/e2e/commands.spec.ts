import { expect, test, type Page } from '@playwright/test';
import { axeBothThemes } from './support/site';

/** The finder's tables, one per domain, named by their captions ("Troubleshooting: 81 commands"). */
const domainTables = (page: Page) => page.getByRole('table', { name: /^[^:]+: \d+ commands$/ });
/** The table rows of the finder that are currently shown (excluding the header rows). */
const shownRows = (page: Page) => domainTables(page).locator('tbody tr:not([hidden])');
const status = (page: Page) => page.getByRole('status');

test.describe('command search', () => {
  test('searching "proxy-status" gives that command\'s own entry first', async ({ page }) => {
    await page.goto('/commands/');
    await page.getByRole('button', { name: 'Search' }).first().click();
    const box = page.getByRole('dialog', { name: 'Search' }).getByRole('textbox');
    await expect(box).toBeVisible();
    await box.fill('proxy-status');
    const first = page.locator('.pagefind-ui__result').first();
    await expect(first).toBeVisible();
    const links = first.getByRole('link');
    await expect(links.first()).toHaveAttribute('href', '/commands/');
    // The first sub-result is the command's own anchor.
    await expect(links.nth(1)).toHaveAttribute('href', '/commands/#istioctl-proxy-status');
    await expect(links.nth(1)).toHaveText(/^istioctl proxy-status$/);
  });

  test('each command has its own heading and anchor', async ({ page }) => {
    await page.goto('/commands/#istioctl-proxy-status');
    const heading = page.getByRole('heading', { name: 'istioctl proxy-status', exact: true });
    await expect(heading).toHaveAttribute('id', 'istioctl-proxy-status');
    await expect(heading).toBeInViewport();
  });
});

test.describe('/commands/ finder', () => {
  test('filters by domain', async ({ page }) => {
    await page.goto('/commands/');
    const total = await shownRows(page).count();
    expect(total).toBeGreaterThanOrEqual(80);
    await page.getByRole('combobox', { name: 'Domain' }).selectOption('security');
    const n = await shownRows(page).count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(total);
    await expect(status(page)).toHaveText(`${n} of ${total} commands shown`);
    for (const domain of await shownRows(page).locator('td:nth-child(3)').allTextContents()) expect(domain).toBe('Securing Workloads');
    // The other domains' tables are hidden, header and all.
    await expect(domainTables(page)).toHaveCount(1);
    await expect(domainTables(page)).toHaveAccessibleName(`Securing Workloads: ${n} commands`);
    await expect(page).toHaveURL(/domain=security/);
  });

  test('filters by tool', async ({ page }) => {
    await page.goto('/commands/');
    await page.getByRole('combobox', { name: 'Tool' }).selectOption('helm');
    const tools = await shownRows(page).locator('td:nth-child(4)').allTextContents();
    expect(tools.length).toBeGreaterThan(0);
    expect(new Set(tools)).toEqual(new Set(['helm']));
  });

  test('filters by text', async ({ page }) => {
    await page.goto('/commands/');
    await page.getByRole('searchbox', { name: /Filter commands/ }).fill('istioctl dashboard kiali');
    await expect(shownRows(page)).toHaveCount(1);
    await expect(shownRows(page).getByRole('heading')).toHaveText('istioctl dashboard kiali');
    await expect(status(page)).toHaveText(/^1 of \d+ commands shown$/);
    await page.getByRole('searchbox', { name: /Filter commands/ }).fill('no-such-thing-anywhere');
    await expect(shownRows(page)).toHaveCount(0);
    await expect(status(page)).toHaveText(/^0 of \d+ commands shown$/);
  });

  test('keyboard: / focuses the filter, arrows move between rows, Enter copies the command alone', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/commands/');
    await page.locator('body').press('/');
    const filter = page.getByRole('searchbox', { name: /Filter commands/ });
    await expect(filter).toBeFocused();
    await page.keyboard.type('proxy-status');
    await page.keyboard.press('ArrowDown');
    const firstCopy = shownRows(page).nth(0).getByRole('button', { name: /^Copy / });
    await expect(firstCopy).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const secondCopy = shownRows(page).nth(1).getByRole('button', { name: /^Copy / });
    await expect(secondCopy).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(firstCopy).toBeFocused();
    const name = await firstCopy.getAttribute('aria-label');
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText(/^Copied: /);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(`Copy ${copied}`).toBe(name);
    expect(copied).toMatch(/^istioctl /);
    expect(copied).not.toMatch(/^\$|\n/);
    // Escape in the filter clears it.
    await page.locator('body').press('/');
    await expect(filter).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(filter).toHaveValue('');
    await expect(status(page)).toHaveText(/^(\d+) of \1 commands shown$/);
  });

  test('keyboard: the arrow keys cross from one domain table to the next, scrolling the row into view', async ({ page }) => {
    await page.goto('/commands/');
    const copyButtons = (table: number) => domainTables(page).nth(table).getByRole('button', { name: /^Copy / });
    await copyButtons(0).last().focus();
    await page.keyboard.press('ArrowDown');
    // The next table starts far below the screen, where it was not yet rendered (content-visibility: auto).
    await expect(copyButtons(1).first()).toBeFocused();
    await expect(copyButtons(1).first()).toBeInViewport();
    await page.keyboard.press('ArrowUp');
    await expect(copyButtons(0).last()).toBeFocused();
  });

  test('without JavaScript: a plain readable table of every command', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/commands/');
    await expect(domainTables(page).first()).toBeVisible();
    expect(await domainTables(page).locator('tbody tr').count()).toBeGreaterThanOrEqual(80);
    await expect(page.getByRole('columnheader', { name: 'Command' }).first()).toBeVisible();
    await expect(page.getByRole('searchbox', { name: /Filter commands/ })).toBeHidden();
    await expect(page.getByRole('button', { name: /^Copy / })).toHaveCount(0);
    await context.close();
  });

  test('in print: every domain table laid out, each row within the page width, no Copy buttons', async ({ page }) => {
    await page.goto('/commands/');
    await page.emulateMedia({ media: 'print' });
    const tables = await domainTables(page).all();
    expect(tables.length).toBeGreaterThan(1);
    // On screen, tables far from the viewport are left unrendered (content-visibility: auto); print renders all.
    for (const table of tables) expect(await table.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
    const overflowing = await page.locator('.cmd-catalog tbody tr').evaluateAll((rows) =>
      rows.filter((r) => r.scrollWidth > r.clientWidth || r.getBoundingClientRect().right > document.documentElement.clientWidth).map((r) => r.querySelector('h2')?.id),
    );
    expect(overflowing).toEqual([]);
    await expect(page.getByRole('button', { name: /^Copy / })).toHaveCount(0);
  });

  test('no axe violation on /commands/ with a domain chosen, in either theme', async ({ page }) => {
    await page.goto('/commands/');
    await page.getByRole('combobox', { name: 'Domain' }).selectOption('troubleshooting');
    expect(await axeBothThemes(page)).toEqual([]);
  });
});

test.describe('copy buttons on pages', () => {
  test('a command block copies the command alone', async ({ page }) => {
    await page.goto('/cheat-sheets/cli/');
    const block = page.locator('[data-command-id="istioctl-proxy-status"]').first();
    const button = block.getByRole('button', { name: /copy/i });
    await expect(button).toHaveCount(1);
    // Expressive Code copies data-code (line breaks stored as U+007F).
    const code = (await button.getAttribute('data-code'))?.replace(/\u007f/g, '\n');
    expect(code).toBe('istioctl proxy-status');
  });
});
