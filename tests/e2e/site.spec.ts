import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { axeBothThemes, builtPages, cspViolations, pagePaths, watchCspViolations, watchErrors } from './support/site';

const paths = pagePaths();

// Every test here stands alone: let both workers share the file's tests.
test.describe.configure({ mode: 'parallel' });

test('the built site has the home page and the pipeline pages', () => {
  expect(paths).toContain('/');
  expect(paths).toContain('/exam/overview/');
  expect(paths).toContain('/traffic/virtualservice-destinationrule/');
});

// Each page is opened once: the whole WCAG 2.2 AA rule set in the light theme, then the colour rules again after
// switching to the dark theme (the themes differ only in CSS colours, so no other rule can change outcome).
// Pages are checked in small batches, one browser page each, so that a batch reuses its renderer; every page's
// findings are reported under its own path and a failing page does not hide the others.
const batchSize = 6;
const batches = Array.from({ length: Math.ceil(paths.length / batchSize) }, (_, i) => paths.slice(i * batchSize, (i + 1) * batchSize));
test.describe('every page answers 200, logs no error, breaks no CSP rule, and axe finds no WCAG 2.2 AA violation in either theme', () => {
  for (const batch of batches) {
    test(`${batch[0]} … ${batch.at(-1)}`, async ({ page }) => {
      test.setTimeout(180_000); // a ceiling for six pages on a busy machine, not a wait
      const errors = watchErrors(page);
      await watchCspViolations(page);
      for (const path of batch) {
        await test.step(path, async () => {
          errors.length = 0;
          const res = await page.goto(path);
          expect.soft(res?.status(), path).toBe(200);
          expect.soft(await axeBothThemes(page), path).toEqual([]);
          await page.waitForLoadState('networkidle');
          expect.soft(errors, path).toEqual([]);
          expect.soft(await cspViolations(page), path).toEqual([]);
        });
      }
    });
  }
});

test('every page fits a 360 px wide phone screen without sideways scrolling', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const wide: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 360) wide.push(`${path}: ${width}px`);
  }
  await context.close();
  expect(wide).toEqual([]);
});

test('no internal link or anchor is broken', () => {
  const pages = builtPages();
  const idsOf = new Map<string, Set<string>>();
  const ids = (path: string) => {
    let set = idsOf.get(path);
    if (!set) {
      const html = readFileSync(pages.get(path)!, 'utf8');
      set = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
      idsOf.set(path, set);
    }
    return set;
  };
  const broken: string[] = [];
  for (const [path, file] of pages) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<a\s[^>]*href="([^"]+)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      if (/^(https?:|mailto:|data:)/.test(href)) continue;
      const url = new URL(href, `http://site${path}`);
      const target = decodeURI(url.pathname);
      if (/\.(xml|svg|png|ico|txt|pdf|css|js)$/.test(target)) continue;
      if (!pages.has(target)) {
        broken.push(`${path} → ${href} (no such page)`);
        continue;
      }
      const hash = decodeURIComponent(url.hash.slice(1));
      if (hash && !ids(target).has(hash)) broken.push(`${path} → ${href} (no element with id "${hash}")`);
    }
  }
  expect(broken).toEqual([]);
});

test('command flags in code keep their double hyphen (no smart dash)', () => {
  const bad: string[] = [];
  for (const [path, file] of builtPages()) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<code[^>]*>([^<]*[\u2013\u2014][a-z][^<]*)<\/code>/g)) bad.push(`${path}: ${m[1]}`);
  }
  expect(bad).toEqual([]);
});

test('Ctrl+K opens search, and "subset" finds the VirtualService page', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('textbox', { name: 'Search' });
  await expect(input).toBeFocused();
  await input.fill('subset');
  const results = dialog.locator('.pagefind-ui__result-link');
  await expect(results.first()).toBeVisible();
  const hrefs = await results.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(hrefs.slice(0, 3)).toContain('/traffic/virtualservice-destinationrule/');
});

test.describe('field annotations', () => {
  const pagePath = '/traffic/virtualservice-destinationrule/';

  test('a marker opens its note with the keyboard, and screen readers get the note text', async ({ page }) => {
    await page.goto(pagePath);
    const example = page.locator('figure.istio-example[data-example="traffic/reviews-jason-v2.yaml"]');
    const marker = example.getByRole('button', { name: 'Note 2' });
    const note = example.locator('.field-notes li[data-note="2"]');
    await expect(note).toBeHidden();
    // Reach the marker with Tab alone, starting from the block's title.
    await example.locator('figcaption').first().click();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await marker.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(marker).toBeFocused();
    await expect(note).toBeVisible();
    await expect(note).toContainText('Header names are written in lowercase');
    await expect(marker).toHaveAccessibleDescription(/Header names are written in lowercase/);
    // Where the API describes the field, its own description is shown beside ours.
    await expect(example.locator('.field-notes li[data-note="3"]')).toContainText('API: The name of a subset within the service.');
    await page.keyboard.press('Tab');
    await expect(note).toBeHidden();
  });

  test('hovering a marker opens its note', async ({ page }) => {
    await page.goto(pagePath);
    const example = page.locator('figure.istio-example[data-example="traffic/reviews-destinationrule.yaml"]');
    await example.getByRole('button', { name: 'Note 1' }).hover();
    await expect(example.locator('.field-notes li[data-note="1"]')).toBeVisible();
  });

  test('the copy button copies the YAML without notes or header', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(pagePath);
    const example = page.locator('figure.istio-example[data-example="traffic/reviews-jason-v2.yaml"]');
    await example.getByRole('button', { name: /copy/i }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith('apiVersion: networking.istio.io/v1\nkind: VirtualService')).toBe(true);
    expect(copied).not.toContain('@note');
    expect(copied).not.toContain('Note 1');
  });

  test('a broken-on-purpose example says so', async ({ page }) => {
    await page.goto(pagePath);
    const example = page.locator('figure.istio-example[data-example="traffic/missing-subset.yaml"]');
    await expect(example.getByText('Broken on purpose')).toBeVisible();
    await expect(example).toContainText('defines v1 and v2');
  });

  test('in print, the notes appear under the block as numbered footnotes', async ({ page }) => {
    await page.goto(pagePath);
    await page.emulateMedia({ media: 'print' });
    const example = page.locator('figure.istio-example[data-example="traffic/reviews-jason-v2.yaml"]');
    const notes = example.locator('.field-notes li');
    await expect(notes).toHaveCount(4);
    for (const note of await notes.all()) await expect(note).toBeVisible();
    // Footnotes sit below the code, in document flow, numbered as a list.
    const codeBox = await example.locator('pre').boundingBox();
    const firstNote = await notes.first().boundingBox();
    expect(firstNote!.y).toBeGreaterThan(codeBox!.y + codeBox!.height - 1);
    expect(await notes.first().evaluate((li) => getComputedStyle(li).display)).toBe('list-item');
    await expect(example.getByRole('button', { name: 'Note 1' })).toBeVisible();
    await expect(page.locator('header.header')).toBeHidden();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    if (text !== undefined) {
      expect(text).toContain('Header names are written in lowercase');
      expect(text).toContain('Must be a subset defined by a DestinationRule');
    }
  });
});

/** The PDF's text via poppler's pdftotext when it is installed (.ci/run installs it). */
async function pdfText(pdf: Buffer): Promise<string | undefined> {
  const { execFileSync } = await import('node:child_process');
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    if (process.env.CI) throw new Error('pdftotext (poppler-utils) is required on CI');
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  const file = join(dir, 'page.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
