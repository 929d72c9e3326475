/**
 * Checker figures for npm run bench: the browser bundle's size (gzip) with and without the libraries it
 * shares with the simulators (yaml, re2js), and the time to check a 64 KB multi-document file (every valid
 * example of the site, repeated), in Node and in Chromium. Reported, not asserted. Also runs alone:
 *   npx tsx scripts/bench-checker.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser } from '@playwright/test';
import { checkManifests } from '../src/lib/istio/check';
import { examplesDir, listExampleFiles } from '../src/lib/istio/examples';

const entry = join(import.meta.dirname, '../src/lib/istio/check/index.ts');

async function bundle(external: string[], format: 'esm' | 'iife' = 'esm'): Promise<string> {
  const out = await build({ entryPoints: [entry], bundle: true, minify: true, format, globalName: 'checker', platform: 'browser', external, write: false, logLevel: 'error' });
  return out.outputFiles[0]!.text;
}

/** About 64 KB of valid manifests, `---` separated. */
export function sixtyFourKilobytes(): string {
  const docs = listExampleFiles()
    .map((f) => readFileSync(join(examplesDir, f), 'utf8'))
    .filter((t) => !t.includes('@expect-invalid'))
    .map((t) => t.split('\n').filter((l) => !l.startsWith('#')).join('\n').trim());
  let text = '';
  for (let i = 0; text.length < 64 * 1024; i++) text += `${docs[i % docs.length]}\n---\n`;
  return text;
}

function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    if (i > 0) min = Math.min(min, performance.now() - t0);
  }
  return Math.round(min * 10) / 10;
}

export async function measureChecker(browser?: Browser): Promise<Array<Record<string, string | number>>> {
  const kb = (s: string) => `${(gzipSync(s).length / 1024).toFixed(1)} KB`;
  const text = sixtyFourKilobytes();
  const result = checkManifests(text);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const rows: Array<Record<string, string | number>> = [
    { figure: 'bundle gzip: checker + schemas + CEL (yaml, re2js shared, not counted)', value: kb(await bundle(['yaml', 're2js'])), budget: '<= 120 KB' },
    { figure: 'bundle gzip: the same with yaml', value: kb(await bundle(['re2js'])), budget: '<= 120 KB' },
    { figure: 'bundle gzip: everything (yaml and re2js included)', value: kb(await bundle([])), budget: 'report' },
    { figure: `Node: check ${(text.length / 1024).toFixed(0)} KB, ${result.documents.length} documents (${errors} errors), best ms`, value: best(6, () => checkManifests(text)), budget: '<= 50 ms' },
  ];
  if (browser) {
    const page = await browser.newPage();
    await page.addScriptTag({ content: await bundle([], 'iife') });
    const ms = await page.evaluate((input) => {
      const check = (globalThis as unknown as { checker: { checkManifests: (t: string) => unknown } }).checker.checkManifests;
      let min = Infinity;
      for (let i = 0; i < 6; i++) {
        const t0 = performance.now();
        check(input);
        if (i > 0) min = Math.min(min, performance.now() - t0);
      }
      return Math.round(min * 10) / 10;
    }, text);
    rows.push({ figure: `Chromium: check the same ${(text.length / 1024).toFixed(0)} KB, best ms`, value: ms, budget: '<= 50 ms' });
    await page.close();
  }
  return rows;
}

if (process.argv[1]?.endsWith('bench-checker.ts')) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  console.table(await measureChecker(browser));
  await browser.close();
}
