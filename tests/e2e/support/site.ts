/** Helpers shared by the e2e specs: the built site's pages, themes, axe. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

/** The built site; DIST_DIR lets a second checkout of the build run beside the default `dist/`. */
export const distDir = process.env.DIST_DIR ?? join(process.cwd(), 'dist');

/**
 * Every page of the built site as a path (e.g. `/traffic/virtualservice-destinationrule/`), sorted: each
 * `index.html` in dist. The 404 page is left out (it is served for missing paths, not linked). Read from the
 * files rather than the sitemap, which is only written when SITE_URL is set.
 */
export function pagePaths(): string[] {
  return [...builtPages().keys()].filter((p) => p.endsWith('/')).sort();
}

/** Every HTML file in dist, as a site path. */
export function builtPages(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) {
        const rel = '/' + relative(distDir, full).split(sep).join('/');
        out.set(rel.replace(/index\.html$/, ''), full);
      }
    }
  };
  walk(distDir);
  return out;
}

export type Theme = 'light' | 'dark';

/** Starlight reads the theme from localStorage before it paints. */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The only WCAG rules whose outcome depends on colours: all a second theme can change on the same page. */
export const colourRules = ['color-contrast', 'link-in-text-block'];

/** axe-core's browser bundle, read once per worker and evaluated in each page that is checked. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * WCAG 2.2 AA violations on the page (or inside the `include` selector), by axe-core run in the page itself.
 * `rules` narrows the run to those rule ids (e.g. `colourRules` after a theme switch). axe-core is called
 * directly rather than through @axe-core/playwright, whose frame-by-frame protocol opens a second page for
 * every call and costs several seconds a page; the site has no frames.
 */
export async function axeViolations(page: Page, include?: string, rules?: readonly string[]) {
  // Expressive Code makes an overflowing code block focusable (tabindex) once the browser is idle;
  // check the page as a reader gets it, after that has happened.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.expressive-code pre')].every((p) => p.scrollWidth <= p.clientWidth || p.hasAttribute('tabindex')),
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async ({ include, tags, rules }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } }).axe;
      const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags };
      const results = await axe.run(include ? { include: [include] } : document, { runOnly, resultTypes: ['violations'] });
      return results.violations;
    },
    { include, tags: wcagTags, rules },
  );
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`),
  }));
}

/** Switches the open page to a Starlight theme the way its theme picker does (attribute and stored choice). */
export async function switchTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate((t) => {
    localStorage.setItem('starlight-theme', t);
    document.documentElement.dataset.theme = t;
  }, theme);
}

/**
 * axe in both themes on the page as it is now: every WCAG 2.2 AA rule in the light theme, then the colour
 * rules in the dark theme, then back to light. Each violation names its theme.
 */
export async function axeBothThemes(page: Page, include?: string) {
  await switchTheme(page, 'light');
  const light = (await axeViolations(page, include)).map((v) => ({ theme: 'light', ...v }));
  await switchTheme(page, 'dark');
  const dark = (await axeViolations(page, include, colourRules)).map((v) => ({ theme: 'dark', ...v }));
  await switchTheme(page, 'light');
  return [...light, ...dark];
}

/** Collects console errors and uncaught page errors. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`${res.status()} ${res.url()}`);
  });
  return errors;
}

/**
 * Records every Content-Security-Policy violation the page reports (the `securitypolicyviolation` event), from
 * before the first script runs. Read them with `cspViolations(page)`.
 */
export async function watchCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}
