/**
 * Checker figures for npm run bench: the browser bundle's size (gzip) with and without the libraries it
 * shares with the simulators (yaml, re2js), and the time to check a 64 KB multi-document file (every valid
 * example of the site, repeated): the checker alone in Node and in Chromium, and what the Check YAML page
 * does with it in its Worker (kubectl's checks and istioctl analyze). The first check after the Worker
 * starts runs before the JIT has compiled the checker, so it is reported apart from later checks.
 * Reported, not asserted. Also runs alone (the page figures need a preview server: pass its address):
 *   npx tsx scripts/bench-checker.ts [http://127.0.0.1:4321]
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

/** Best process CPU time of several runs: steadier than wall time on a shared machine. */
function bestCpu(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    if (i > 0) min = Math.min(min, (used.user + used.system) / 1000);
  }
  return Math.round(min * 10) / 10;
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The Check YAML page in the built site: paste the 64 KB file, then edit it twenty times; each time read the
 * Worker's own time for the check (`data-ms` on the results).
 */
async function measureCheckPage(browser: Browser, base: string, text: string): Promise<Array<Record<string, string | number>>> {
  const page = await browser.newPage();
  await page.goto(`${base}/troubleshooting/check-yaml/`);
  await page.locator('#check-yaml-input').focus();
  await page.locator('form.check-form[data-editor="ready"]').waitFor();
  const results = page.locator('[data-check-results]');
  const checkOnce = async (input: string): Promise<number> => {
    await results.evaluate((el) => el.removeAttribute('data-ms'));
    await page.locator('.cm-content').evaluate((el, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, input);
    await page.locator('.cm-content').press('Control+a');
    await page.locator('[data-check-results][data-ms][aria-busy="false"]').waitFor();
    return Number(await results.getAttribute('data-ms'));
  };
  await page.locator('.cm-content').press('Control+a');
  const first = await checkOnce(text);
  const later: number[] = [];
  for (let i = 0; i < 20; i++) later.push(await checkOnce(`${text}# edit ${i}\n`));
  await page.close();
  return [
    { figure: 'Check YAML page (Chromium, its Worker): first check of the 64 KB file after the Worker starts, ms', value: first, budget: 'report' },
    { figure: 'Check YAML page: the next 10 checks (edits), median ms (the JIT still compiling)', value: median(later.slice(0, 10)), budget: 'report' },
    { figure: 'Check YAML page: checks 12-21, median ms (compiled)', value: median(later.slice(10)), budget: '<= 50 ms' },
  ];
}

export async function measureChecker(browser?: Browser, base?: string): Promise<Array<Record<string, string | number>>> {
  const kb = (s: string) => `${(gzipSync(s).length / 1024).toFixed(1)} KB`;
  const text = sixtyFourKilobytes();
  const result = checkManifests(text);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const rows: Array<Record<string, string | number>> = [
    { figure: 'bundle gzip: checker + schemas + CEL (yaml, re2js shared, not counted)', value: kb(await bundle(['yaml', 're2js'])), budget: '<= 120 KB' },
    { figure: 'bundle gzip: the same with yaml', value: kb(await bundle(['re2js'])), budget: '<= 120 KB' },
    { figure: 'bundle gzip: everything (yaml and re2js included)', value: kb(await bundle([])), budget: 'report' },
    { figure: `Node: check ${(text.length / 1024).toFixed(0)} KB, ${result.documents.length} documents (${errors} errors), best ms`, value: best(6, () => checkManifests(text)), budget: '<= 50 ms' },
    { figure: 'Node: the same, best CPU ms (of which the yaml parser about 60%)', value: bestCpu(8, () => checkManifests(text)), budget: '<= 50 ms' },
  ];
  if (browser) {
    const page = await browser.newPage();
    await page.addScriptTag({ content: await bundle([], 'iife') });
    const times = await page.evaluate((input) => {
      const check = (globalThis as unknown as { checker: { checkManifests: (t: string) => unknown } }).checker.checkManifests;
      const out: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        check(input);
        out.push(Math.round((performance.now() - t0) * 10) / 10);
      }
      return out;
    }, text);
    rows.push({ figure: `Chromium: check the same ${(text.length / 1024).toFixed(0)} KB, first run (cold JIT), ms`, value: times[0]!, budget: 'report' });
    rows.push({ figure: 'Chromium: the same, median of runs 11-20 (compiled), ms', value: median(times.slice(10)), budget: '<= 50 ms' });
    await page.close();
    if (base) rows.push(...(await measureCheckPage(browser, base, text)));
  }
  return rows;
}

if (process.argv[1]?.endsWith('bench-checker.ts')) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  console.table(await measureChecker(browser, process.argv[2]));
  await browser.close();
}
