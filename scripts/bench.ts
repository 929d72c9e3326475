/**
 * npm run bench: builds the site, then measures what each page type costs a reader before any
 * interaction (JavaScript and CSS, raw and gzip), the service worker's precache, the Pagefind index, the
 * build time, each cheat sheet's PDF page count, and Lighthouse's mobile scores for five page types
 * (`--no-lighthouse` skips them). Prints tables and writes bench-results/latest.json. Figures, not
 * assertions: this machine is shared and noisy. Budget: a content page loads at most 7.5 KB gzip of JS.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { measureLighthouse } from './bench-lighthouse';

const root = process.cwd();
const dist = join(root, 'dist');

/** BENCH_PORT, else a port the OS reports free now. */
function freePort(): number {
  if (process.env.BENCH_PORT) return Number(process.env.BENCH_PORT);
  const probe = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).stdout.trim());
}
const port = freePort();
const base = `http://127.0.0.1:${port}`;

/** Every page of the build as a site path ("/labs/edge-tls/"), from the index.html files. */
function builtPagePaths(): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else if (name === 'index.html') out.push(prefix);
    }
  };
  walk(dist, '/');
  return out.sort();
}

/** The service worker's precache list (dist/sw.js) and the bytes it downloads on the first visit. */
function precacheSize(): { entries: number; bytes: number } {
  const sw = join(dist, 'sw.js');
  if (!existsSync(sw)) return { entries: 0, bytes: 0 };
  const urls = [...readFileSync(sw, 'utf8').matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
  let bytes = 0;
  for (const url of urls) {
    const file = join(dist, url === '/' ? 'index.html' : url.endsWith('/') ? `${url}index.html` : url);
    if (existsSync(file)) bytes += statSync(file).size;
  }
  return { entries: urls.length, bytes };
}

function dirSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else {
        files++;
        bytes += st.size;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { files, bytes };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const skipBuild = process.argv.includes('--no-build');
  let buildMs = 0;
  if (!skipBuild) {
    const t0 = performance.now();
    const r = spawnSync('npx', ['astro', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], cwd: root });
    buildMs = performance.now() - t0;
    if (r.status !== 0) throw new Error('astro build failed');
  }
  const pages = builtPagePaths();

  // One representative page per type, plus every page whose type is rare (simulators, cheat sheets).
  const types: Array<{ type: string; path: string }> = [];
  const pick = (type: string, path: string | undefined) => {
    if (path && pages.includes(path)) types.push({ type, path });
  };
  pick('home (splash)', '/');
  pick('content page (no simulator)', '/traffic/destination-rule-policies/');
  pick('exam page', '/exam/overview/');
  pick('lab page', '/labs/edge-tls/');
  pick('commands page', '/commands/');
  pick('mock exam page', '/mock-exam/');
  pick('cheat sheet', pages.find((p) => p.startsWith('/cheat-sheets/') && p !== '/cheat-sheets/'));
  // A simulator is a custom element framed by the kit's SimShell (class "sim"): route-sim, fault-lab, ...
  for (const p of pages) {
    const file = join(dist, p, 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    const tags = new Set([...html.matchAll(/<([a-z]+-[a-z-]+) class="sim not-content"/g)].map((m) => m[1]!));
    if (tags.size > 0) pick(`simulator: ${[...tags].join(', ')}`, p);
  }

  // Own process group, so stopping it also stops the astro process npx starts.
  const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], { cwd: root, stdio: 'ignore', detached: true });
  try {
    for (let i = 0; i < 60; i++) {
      try {
        if ((await fetch(base)).ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
    const browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const rows: Array<Record<string, string | number>> = [];
    // No service worker: its precache downloads are not what the page itself loads.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    for (const { type, path } of types) {
      const page = await context.newPage();
      const assets: Array<{ kind: 'js' | 'css'; url: string; raw: number; gzip: number }> = [];
      page.on('response', async (res) => {
        const t = res.request().resourceType();
        if (t !== 'script' && t !== 'stylesheet') return;
        try {
          const body = await res.body();
          assets.push({ kind: t === 'script' ? 'js' : 'css', url: res.url(), raw: body.length, gzip: gzipSync(body).length });
        } catch {
          /* navigation ended */
        }
      });
      await page.goto(base + path, { waitUntil: 'networkidle' });
      await page.waitForTimeout(300);
      const html = await page.content();
      const inlineJs = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').join('');
      const sum = (k: 'js' | 'css', f: 'raw' | 'gzip') => assets.filter((a) => a.kind === k).reduce((s, a) => s + a[f], 0);
      rows.push({
        type,
        path,
        'js files': assets.filter((a) => a.kind === 'js').length,
        'js raw': sum('js', 'raw') + Buffer.byteLength(inlineJs),
        'js gzip': sum('js', 'gzip') + gzipSync(inlineJs).length,
        'css raw': sum('css', 'raw'),
        'css gzip': sum('css', 'gzip'),
      });
      await page.close();
    }
    await context.close();

    let pdf: unknown = undefined;
    const pdfModule = join(root, 'scripts', 'bench-pdf.ts');
    if (existsSync(pdfModule)) {
      const mod = (await import(pdfModule)) as { measureCheatSheetPdfs?: (browser: unknown, base: string) => Promise<unknown> };
      if (mod.measureCheatSheetPdfs) pdf = await mod.measureCheatSheetPdfs(browser, base);
    }
    const { measureChecker } = await import('./bench-checker');
    const checker = await measureChecker(browser, base);
    const examBench = await import('./bench-exam');
    const exam = { grading: examBench.measureGrading(), ...(await examBench.measureMockOpen(browser, base)) };
    await browser.close();

    const lighthousePaths = ['/', '/traffic/destination-rule-policies/', '/labs/edge-tls/', '/commands/', '/traffic/virtualservice-destinationrule/'].filter(
      (p): p is string => p !== undefined && pages.includes(p),
    );
    const lighthouseRows = process.argv.includes('--no-lighthouse') ? [] : await measureLighthouse(base, lighthousePaths);

    const { measureEngine } = await import('./bench-engine');
    const engine = measureEngine();
    const pagefind = dirSize(join(dist, 'pagefind'));
    const precache = precacheSize();
    const result = {
      date: new Date().toISOString(),
      buildMs: Math.round(buildMs),
      pagesBuilt: pages.length,
      pagefind,
      precache,
      pageTypes: rows,
      lighthouse: lighthouseRows,
      cheatSheetPdfs: pdf,
      engine,
      checker,
      exam,
    };
    console.log(`\nBuild: ${skipBuild ? 'skipped' : `${(buildMs / 1000).toFixed(1)} s`} for ${pages.length} pages`);
    console.log(`Pagefind index: ${pagefind.files} files, ${kb(pagefind.bytes)}`);
    console.log(`Service worker precache: ${precache.entries} files, ${kb(precache.bytes)}`);
    console.log('\nLoaded before any interaction (JS includes inline scripts):');
    console.table(
      rows.map((r) => ({
        type: r.type,
        path: r.path,
        'js files': r['js files'],
        'js raw': kb(Number(r['js raw'])),
        'js gzip': kb(Number(r['js gzip'])),
        'css raw': kb(Number(r['css raw'])),
        'css gzip': kb(Number(r['css gzip'])),
      })),
    );
    console.log('\nExam rehearsal (grading every task\'s model solution; opening mock 1 in Chromium):');
    console.table({ ...exam.grading, openMockMs: exam.openMockMs });
    if (lighthouseRows.length > 0) {
      console.log('\nLighthouse, mobile (target: performance >= 95, the others 100):');
      console.table(lighthouseRows.map(({ losses: _losses, ...scores }) => scores));
      for (const r of lighthouseRows) if (r.losses.length > 0) console.log(`  ${r.path}: ${r.losses.join('; ')}`);
    }
    console.log('\nEngine on hostile input (best of several runs):');
    console.table(engine);
    console.log('\nChecker (src/lib/istio/check):');
    console.table(checker);
    if (pdf) {
      console.log('\nCheat sheet PDFs:');
      console.table(pdf);
    }
    mkdirSync(join(root, 'bench-results'), { recursive: true });
    writeFileSync(join(root, 'bench-results', 'latest.json'), JSON.stringify(result, null, 2));
    console.log('\nWritten to bench-results/latest.json');
  } finally {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      server.kill();
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
