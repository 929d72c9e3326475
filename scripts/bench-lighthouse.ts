/**
 * Lighthouse (mobile: emulated phone, simulated slow 4G and CPU) on a few page types of the running preview
 * server, with the Chromium at CHROME_PATH (or CHROMIUM_PATH, or /usr/bin/chromium). Scores 0-100 for
 * performance, accessibility, best practices and SEO, plus the audits that cost points. Reported by
 * `npm run bench`, never asserted: timings on a shared machine are noisy.
 */
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export interface LighthouseRow {
  path: string;
  performance: number;
  accessibility: number;
  'best-practices': number;
  seo: number;
  /** Audits below a full score in the categories other than performance, and performance's weakest metrics. */
  losses: string[];
}

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export async function measureLighthouse(base: string, paths: string[]): Promise<LighthouseRow[]> {
  const chromePath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const chrome = await chromeLauncher.launch({
    ...(chromePath ? { chromePath } : {}),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const rows: LighthouseRow[] = [];
  try {
    for (const path of paths) {
      const result = await lighthouse(base + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned no report for ${path}`);
      const score = (c: (typeof categories)[number]) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
      const losses: string[] = [];
      for (const c of categories) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
          losses.push(`${c}: ${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
        }
      }
      rows.push({
        path,
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
        losses,
      });
    }
  } finally {
    chrome.kill();
  }
  return rows;
}
