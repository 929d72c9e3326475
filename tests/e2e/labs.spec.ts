import { expect, test } from '@playwright/test';
import { pagePaths } from './support/site';

/** The hands-on labs: the overview maps every competency to a lab, and every lab reads as a task to do. */
const labPaths = pagePaths().filter((p) => p.startsWith('/labs/') && p !== '/labs/');

test('the labs overview links at least one lab for every competency of the curriculum', async ({ page }) => {
  await page.goto('/labs/');
  const table = page.getByRole('table', { name: /^Labs for each competency of the ICA curriculum/ });
  await expect(table).toBeVisible();
  await expect(table).not.toContainText('no lab yet');
  // 4 domains, 17 competencies: one row each.
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(1 + 17);
  for (const row of await rows.all()) {
    if ((await row.getByRole('columnheader').count()) > 0) continue; // the header row
    const links = row.getByRole('link');
    expect(await links.count(), await row.innerText()).toBeGreaterThan(0);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(labPaths).toContain(href);
  }
  // The ordered list names every lab once.
  const listed = await page.locator('ol.lab-index__list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect([...listed].sort()).toEqual([...labPaths].sort());
});

test('the curriculum table on the exam overview names a lab to practise each competency', async ({ page }) => {
  await page.goto('/exam/overview/');
  const table = page.getByRole('table', { name: /^ICA curriculum in force since/ });
  const items = table.getByRole('listitem');
  await expect(items).toHaveCount(17);
  for (const item of await items.all()) await expect(item).toContainText('practise:');
});

test('a command with filled placeholders is copied exactly as shown', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/labs/install-and-inject/');
  const block = page.locator('[data-command-id="kubectl-exec-curl-status-code"]');
  await expect(block).toContainText('kubectl exec deploy/curl -n shop -- curl');
  await expect(block).toContainText('http://httpbin:8000/');
  await block.getByRole('button', { name: /copy/i }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe('kubectl exec deploy/curl -n shop -- curl -s -o /dev/null -w "%{http_code}\\n" http://httpbin:8000/');
});

test('a lab step shows the output it produces, never the catalog sample; topic pages keep the sample', async ({ page }) => {
  await page.goto('/labs/request-routing/');
  await expect(page.getByText('Sample output', { exact: true })).toHaveCount(0);
  // Step 2: the route names a subset that does not exist yet, so the step's own output is 503.
  const status = page.locator('[data-command-id="kubectl-exec-curl-helloworld-path-status"]').first();
  const details = status.locator('details');
  await expect(details).not.toHaveAttribute('open');
  await status.getByText('Output', { exact: true }).click();
  await expect(details).toHaveAttribute('open');
  await expect(details.locator('pre code')).toHaveText('503');
  // Leading spaces of `uniq -c` counts survive MDX.
  const loop = page.locator('[data-command-id="kubectl-exec-curl-loop-helloworld-versions"]').first();
  expect(await loop.locator('details pre code').textContent()).toMatch(/^ {5}52 Hello version: v1/);

  await page.goto('/troubleshooting/control-plane/');
  await expect(page.getByText('Sample output', { exact: true }).first()).toBeAttached();
});

for (const path of labPaths) {
  test(`${path} states an exam-style task, numbered steps, checks and a cleanup`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Lab: /);
    await expect(page.getByRole('complementary', { name: 'Exam-style task' })).toBeVisible();
    for (const name of ['Goal', 'How to verify', 'Cleanup', 'Reference']) {
      await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
    }
    // Steps are an ordered list with at least three steps.
    expect(await page.locator('ol.sl-steps > li').count()).toBeGreaterThanOrEqual(3);
    // "How to verify" has a table with a header row and at least two checks.
    const verify = page.getByRole('region', { name: 'Table: How to verify' }).first().getByRole('table');
    await expect(verify.getByRole('columnheader').first()).toBeVisible();
    expect(await verify.getByRole('row').count()).toBeGreaterThanOrEqual(3);
    // Every command block on a lab page is copyable.
    const commands = page.locator('.command');
    expect(await commands.count()).toBeGreaterThan(0);
    for (const c of (await commands.all()).slice(0, 3)) await expect(c.getByRole('button', { name: /copy/i })).toBeAttached();
    // Lab commands paste as they are: every catalog placeholder is filled with the lab's own names.
    const copied = await commands.evaluateAll((els) => els.map((el) => el.querySelector('button[data-code]')?.getAttribute('data-code') ?? ''));
    const unfilled = copied.filter((c) => /<[a-z][a-z0-9-]*>/.test(c));
    expect(unfilled, 'commands with unfilled placeholders').toEqual([]);
  });
}
