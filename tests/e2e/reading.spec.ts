import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, pagePaths } from './support/site';
import { splitWords } from './support/split-words';

const paths = pagePaths();
const cells = '.sl-markdown-content :is(th, td, caption), .sl-markdown-content :is(h1, h2, h3, h4, h5, h6), h1#_top';
const headings = '.sl-markdown-content :is(h1, h2, h3, h4, h5, h6), h1#_top';

/** Loads every page in one tab and lists the words split inside `selector`. */
async function splitOnEveryPage(page: Page, selector: string) {
  const split: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    for (const w of await splitWords(page, selector)) split.push(`${path} ${w}`);
  }
  return split;
}

test.describe('no word is broken across two lines', () => {
  // One tab walks all 70-odd pages: allow for a slow machine.
  test.describe.configure({ timeout: 600_000 });

  test('in table cells and headings, on every page at 1280 px', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    expect(await splitOnEveryPage(await context.newPage(), cells)).toEqual([]);
    await context.close();
  });

  test('in headings, on every page at 360 px', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    expect(await splitOnEveryPage(await context.newPage(), headings)).toEqual([]);
    await context.close();
  });

  test('in table cells and headings, on every page in print (A4 text width)', async ({ browser }) => {
    // 190 mm: an A4 page less the cheat sheets' 10 mm side margins.
    const context = await browser.newContext({ viewport: { width: 718, height: 1000 } });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    expect(await splitOnEveryPage(page, cells)).toEqual([]);
    await context.close();
  });
});

test.describe('field notes', () => {
  const pagePath = '/traffic/virtualservice-destinationrule/';
  const exampleOf = (page: Page, file: string) => page.locator(`figure.istio-example[data-example="${file}"]`);

  test('on every page, each block numbers its markers 1, 2, 3... from top to bottom', () => {
    const wrong: string[] = [];
    for (const [path, file] of builtPages()) {
      const html = readFileSync(file, 'utf8');
      for (const figure of html.split('<figure class="istio-example').slice(1)) {
        const numbers = [...figure.matchAll(/class="fn-marker" data-note="(\d+)"/g)].map((m) => Number(m[1]));
        if (numbers.some((n, i) => n !== i + 1)) wrong.push(`${path}: ${numbers.join(',')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('Tab moves from marker to marker in number order, and Escape closes the focused note', async ({ page }) => {
    await page.goto(pagePath);
    const example = exampleOf(page, 'traffic/reviews-jason-v2.yaml');
    const count = await example.locator('.fn-marker').count();
    expect(count).toBeGreaterThan(2);
    await example.getByRole('button', { name: 'Note 1' }).focus();
    for (let n = 2; n <= count; n++) {
      await page.keyboard.press('Tab');
      await expect(example.getByRole('button', { name: `Note ${n}` })).toBeFocused();
    }
    const last = example.locator(`.field-notes li[data-note="${count}"]`);
    await expect(last).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(last).toBeHidden();
    await expect(example.getByRole('button', { name: `Note ${count}` })).toBeFocused();
    // Focus elsewhere and back: the note opens again.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(last).toBeVisible();
  });

  for (const width of [1280, 360]) {
    test(`an open note lies inside the viewport (${width} px)`, async ({ browser }) => {
      test.setTimeout(180_000);
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(pagePath);
      const outside: string[] = [];
      for (const marker of await page.locator('.fn-marker').all()) {
        await marker.focus();
        const id = await marker.getAttribute('aria-describedby');
        const note = page.locator(`[id="${id}"]`);
        await expect(note).toBeVisible();
        // The note is placed (anchor positioning) in the frames after focus scrolls its marker into view: wait
        // for it to settle inside the viewport, and report where it stayed if it never does.
        const placement = async () => {
          const box = (await note.boundingBox())!;
          const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= 800;
          return inside ? 'inside' : `${id}: ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`;
        };
        await expect.poll(placement, { timeout: 5_000 }).toBe('inside').catch(async () => outside.push(await placement()));
      }
      await context.close();
      expect(outside).toEqual([]);
    });
  }

  test('"Show all notes" lists every note under the block, and unchecking hides them again', async ({ page }) => {
    await page.goto(pagePath);
    const example = exampleOf(page, 'traffic/reviews-jason-v2.yaml');
    const notes = example.locator('.field-notes li');
    const toggle = example.getByRole('checkbox', { name: /Show all \d+ notes/ });
    await expect(notes.first()).toBeHidden();
    await toggle.check();
    for (const note of await notes.all()) await expect(note).toBeVisible();
    const codeBox = (await example.locator('pre').boundingBox())!;
    expect((await notes.first().boundingBox())!.y).toBeGreaterThan(codeBox.y + codeBox.height - 1);
    await toggle.uncheck();
    await expect(notes.first()).toBeHidden();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search button says that search needs JavaScript', async ({ page }) => {
    await page.goto('/');
    // Playwright's text matching skips <noscript>, so find the message by its class.
    await expect(page.locator('.search-nojs')).toHaveText('Search needs JavaScript');
    await expect(page.locator('.search-nojs')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Search' })).toBeDisabled();
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`with no theme chosen, the site follows the system's ${scheme} preference`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto('/traffic/timeouts-retries/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await context.close();
  });
}

test('each competency in the home page cards links to the page that teaches it', async ({ page }) => {
  await page.goto('/');
  const items = page.locator('.card-grid li');
  expect(await items.count()).toBeGreaterThan(10);
  const pages = pagePaths();
  for (const item of await items.all()) {
    const link = item.getByRole('link');
    await expect(link, await item.innerText()).toHaveCount(1);
    expect(pages).toContain(await link.getAttribute('href'));
  }
});

test('printed endnotes give real addresses: the site path when no SITE_URL is set, never a placeholder domain', () => {
  const html = readFileSync(builtPages().get('/cheat-sheets/traffic-defaults/')!, 'utf8');
  const endnotes = /<section class="cheatsheet__endnotes[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  expect(endnotes).toContain(': /traffic/timeouts-retries/');
  for (const [path, file] of builtPages()) expect(readFileSync(file, 'utf8'), path).not.toContain('istio-ica-guide.example.org');
});

test('a wide table scrolls inside a labelled region that the keyboard can reach', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto('/commands/');
  const region = page.getByRole('region', { name: /./ }).filter({ has: page.locator('table') }).first();
  await expect(region).toHaveAttribute('tabindex', '0');
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await context.close();
});
