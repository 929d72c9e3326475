import { expect, test } from '@playwright/test';
import { watchErrors } from './support/site';

/**
 * After one visit, the service worker has cached the whole site: with the network cut, pages open, search
 * answers and a simulator runs.
 */
test('after the first visit the site works offline: navigate, search, use a simulator', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto('/');
  // The worker is installed once everything on its precache list is stored; wait until it has finished
  // activating (the state after `ready` may still be "activating").
  const cached = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state === 'activating') {
      await new Promise<void>((done) => worker.addEventListener('statechange', () => worker.state !== 'activating' && done()));
    }
    const names = await caches.keys();
    let count = 0;
    for (const name of names) count += (await (await caches.open(name)).keys()).length;
    return { active: registration.active?.state, count };
  });
  expect(cached.active).toBe('activated');
  expect(cached.count).toBeGreaterThan(150);

  await context.setOffline(true);
  const errors = watchErrors(page);

  // Navigate: a page never opened before comes from the cache.
  await page.goto('/security/authorization-policy/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/AuthorizationPolicy/);
  await page.getByRole('link', { name: 'Timeouts and retries' }).first().click();
  await expect(page).toHaveURL(/\/traffic\/timeouts-retries\/$/);

  // Search: the UI, Pagefind's WebAssembly and the index all come from the cache. (The button is enabled once
  // the search element is ready, and click waits for that.)
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('textbox', { name: 'Search' }).fill('subset');
  // Compiling Pagefind's WebAssembly can take a while on a busy machine.
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');

  // A simulator: its engine loads on intent, also offline.
  await page.goto('/traffic/virtualservice-destinationrule/');
  const sim = page.locator('route-sim');
  await expect(sim).toHaveAttribute('data-enhanced', 'true');
  await sim.getByRole('textbox', { name: /Headers/ }).fill('end-user: mary');
  await sim.getByRole('button', { name: 'Route the request' }).click();
  await expect(sim.getByRole('status')).toHaveText('Routed by rule 1 to reviews v1');

  expect(errors).toEqual([]);
  await context.close();
});

test('search that failed to load while offline tells the reader, and loads once the network is back', async ({ browser }) => {
  // No service worker here, so going offline really makes the load fail.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto('/');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog.getByRole('alert')).toContainText('offline');
  await context.setOffline(false);
  const input = dialog.getByRole('textbox', { name: 'Search' });
  await expect(input).toBeVisible();
  await expect(dialog.getByRole('alert')).toBeHidden();
  await input.fill('subset');
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 30_000 });
  // A huge paste is cut to the search box's limit.
  await input.fill('word '.repeat(2000));
  expect((await input.inputValue()).length).toBeLessThanOrEqual(200);
  await context.close();
});
