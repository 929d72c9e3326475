import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { countPdfPages, sheetPaths } from '../../scripts/bench-pdf';
import { distDir, useTheme } from './support/site';

/** Page targets per printed sheet: [A4, Letter]. The CLI and Resources sheets must fit on 2 A4 pages. */
const targets: Record<string, [number, number]> = {
  '/cheat-sheets/cli/': [2, 2],
  '/cheat-sheets/resources/': [2, 2],
  '/cheat-sheets/key-combinations/': [2, 2],
  '/cheat-sheets/security/': [2, 2],
  '/cheat-sheets/traffic-defaults/': [2, 2],
  '/cheat-sheets/print-all/': [12, 13],
};
const paths = sheetPaths(distDir);
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const squash = (s: string) => s.replace(/\s+/g, '');

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'sheet-'));
  const file = join(dir, 'sheet.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

/** Mm to CSS px. */
const px = (mm: number) => Math.floor((mm / 25.4) * 96);
const formats = { A4: { width: 210, height: 297 }, Letter: { width: 215.9, height: 279.4 } } as const;
/** The sheets' @page margins: 12mm top, 10mm sides and bottom. */
const contentWidth = (f: keyof typeof formats) => px(formats[f].width - 20);

async function sheetFacts(page: Page) {
  return page.evaluate(() => {
    const sheets = [...document.querySelectorAll<HTMLElement>('.cheatsheet')];
    const commands = sheets.flatMap((s) =>
      [...s.querySelectorAll<HTMLElement>('[data-command-id]')].map((el) => ({
        id: el.dataset.commandId!,
        text: (el.querySelector('pre') ?? el).textContent ?? '',
      })),
    );
    const endnotes = sheets.flatMap((s) => [...s.querySelectorAll('.cheatsheet__endnotes li')].map((li) => li.textContent ?? ''));
    const links = sheets.flatMap((s) => [...new Set([...s.querySelectorAll<HTMLAnchorElement>('.cheatsheet__body a[href]:not(.sl-anchor-link)')].map((a) => a.getAttribute('href')!).filter((h) => !h.startsWith('#')))]);
    return { names: sheets.map((s) => s.dataset.sheetName!), commands, endnotes, links };
  });
}

test('there is a cheat sheet for each topic and a print-all page', () => {
  expect(paths).toEqual(expect.arrayContaining(Object.keys(targets)));
});

for (const path of paths) {
  test.describe(path, () => {
    test('on screen: a Print button; in print: no site chrome', async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('button', { name: /^Print (this sheet|all cheat sheets)$/ }).first()).toBeVisible();
      await expect(page.getByRole('banner')).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('banner')).toBeHidden();
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
      for (const nav of await page.getByRole('navigation', { name: 'On this page' }).all()) await expect(nav).toBeHidden();
      await expect(page.getByRole('button', { name: 'Search' })).toBeHidden();
      await expect(page.getByRole('button', { name: /^Print / }).first()).toBeHidden();
      for (const select of await page.locator('starlight-theme-select').all()) await expect(select).toBeHidden();
    });

    test('in print: text at least 8pt, rows and code blocks never split, nothing wider than the page', async ({ page }) => {
      for (const f of ['A4', 'Letter'] as const) {
        await page.setViewportSize({ width: contentWidth(f), height: 1000 });
        await page.goto(path);
        await page.emulateMedia({ media: 'print' });
        const r = await page.evaluate(() => {
          const small: string[] = [];
          const splittable: string[] = [];
          const wide: string[] = [];
          const limit = document.documentElement.clientWidth;
          for (const root of document.querySelectorAll<HTMLElement>('.cheatsheet, .cheatsheets-all__front')) {
            for (const el of root.querySelectorAll<HTMLElement>('*')) {
              const cs = getComputedStyle(el);
              if (cs.display === 'none' || el.closest('[hidden]')) continue;
              const rect = el.getBoundingClientRect();
              if (rect.width === 0 && rect.height === 0) continue;
              const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
              if (ownText && parseFloat(cs.fontSize) < 10.66) small.push(`${el.tagName}.${el.className} ${cs.fontSize} "${el.textContent!.trim().slice(0, 30)}"`);
              if ((el.tagName === 'TR' || el.tagName === 'PRE') && cs.breakInside !== 'avoid') splittable.push(`${el.tagName} ${el.textContent!.trim().slice(0, 30)}`);
              if (rect.right > limit + 1 || el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll', 'hidden'].includes(cs.overflowX)) wide.push(`${el.tagName}.${el.className} right=${Math.round(rect.right)} > ${limit}`);
            }
          }
          return { small: small.slice(0, 5), splittable: splittable.slice(0, 5), wide: wide.slice(0, 5) };
        });
        expect(r.small, `${f}: text smaller than 8pt`).toEqual([]);
        expect(r.splittable, `${f}: rows or code blocks that may split`).toEqual([]);
        expect(r.wide, `${f}: content wider than the page box`).toEqual([]);
      }
    });

    test('PDF on A4 and Letter: page count, every command, links as endnotes, running header', async ({ page }) => {
      await page.goto(path);
      const facts = await sheetFacts(page);
      expect(facts.names.length).toBeGreaterThan(0);
      // Every link of the sheet has an endnote with its full address.
      expect(facts.endnotes.length).toBe(facts.links.length);
      await page.emulateMedia({ media: 'print' });
      const [maxA4, maxLetter] = targets[path] ?? [2, 2];
      for (const [format, max] of [['A4', maxA4], ['Letter', maxLetter]] as const) {
        const pdf = await page.pdf({ format });
        const pages = countPdfPages(pdf);
        test.info().annotations.push({ type: 'pages', description: `${path} ${format}: ${pages}` });
        expect(pages, `${path} on ${format}`).toBeLessThanOrEqual(max);
        if (!hasPdftotext) continue;
        const text = squash(pdfText(pdf));
        for (const c of facts.commands) expect(text, `${format}: command ${c.id}`).toContain(squash(c.text));
        for (const name of facts.names) expect(text, `${format}: running header of ${name}`).toContain(squash(`${name} · Istio 1.26 · built`));
        for (const note of facts.endnotes) expect(text, `${format}: endnote`).toContain(squash(note));
        if (facts.links.length) expect(text).toContain('[1]');
      }
    });
  });
}

test('a sheet prints black on white even from the dark theme', async ({ page }) => {
  await useTheme(page, 'dark');
  await page.goto('/cheat-sheets/cli/');
  await page.emulateMedia({ media: 'print' });
  const colors = await page.evaluate(() =>
    [...document.querySelectorAll('.cheatsheet :is(p, td, th, code, a)')].slice(0, 40).map((el) => getComputedStyle(el).color),
  );
  expect(new Set(colors)).toEqual(new Set(['rgb(0, 0, 0)']));
});

test('print-all collects every sheet with its own table of contents', async ({ page }) => {
  await page.goto('/cheat-sheets/print-all/');
  const toc = page.getByRole('navigation', { name: 'Contents' });
  const sheets = paths.filter((p) => p !== '/cheat-sheets/print-all/');
  await expect(toc.getByRole('link')).toHaveCount(sheets.length);
  for (const link of await toc.getByRole('link').all()) {
    const id = (await link.getAttribute('href'))!.slice(1);
    await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
  }
  await expect(page.locator('.cheatsheet')).toHaveCount(sheets.length);
});

// axe on every sheet, in both themes, is part of site.spec.ts (every page of the site).

test('the built site has the sheets this spec checks', () => {
  expect(existsSync(join(distDir, 'cheat-sheets'))).toBe(true);
});
