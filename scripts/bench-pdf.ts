/**
 * Prints every cheat sheet to PDF (print media, A4 and US Letter) and reports the page counts, plus the size
 * of the Pagefind search index. `npm run bench` calls `benchPdf()`; it also runs alone:
 *   npx tsx scripts/bench-pdf.ts            (serves ./dist itself)
 *   npx tsx scripts/bench-pdf.ts http://127.0.0.1:4321
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';

export interface SheetPdfCount {
  /** Site path, e.g. `/cheat-sheets/cli/`. */
  path: string;
  a4: number;
  letter: number;
}
export interface PdfBench {
  sheets: SheetPdfCount[];
  /** Total bytes of dist/pagefind (the search index and its UI), when present. */
  pagefindBytes?: number;
}

/** Counts the pages of a PDF by its page objects (`/Type /Page`, not `/Pages`). */
export function countPdfPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

/** The cheat sheet paths in a built site. */
export function sheetPaths(distDir: string): string[] {
  const dir = join(distDir, 'cheat-sheets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'index.html')))
    .sort()
    .map((d) => `/cheat-sheets/${d}/`);
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.png': 'image/png', '.woff2': 'font/woff2', '.xml': 'application/xml',
};

/** A minimal static server over dist (no dependency), for running without `astro preview`. */
export function serveDist(distDir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(distDir, path));
    if (!file.startsWith(distDir)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}

/**
 * Page counts of every cheat sheet printed (print media) on A4 and on US Letter, with an open browser and the
 * base URL of a server over the built site. The entry point `npm run bench` (scripts/bench.ts) calls.
 */
export async function measureCheatSheetPdfs(browser: Browser, base: string, distDir = join(process.cwd(), 'dist')): Promise<SheetPdfCount[]> {
  const page = await browser.newPage();
  try {
    const sheets: SheetPdfCount[] = [];
    for (const path of sheetPaths(distDir)) {
      await page.goto(base + path, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const a4 = countPdfPages(await page.pdf({ format: 'A4' }));
      const letter = countPdfPages(await page.pdf({ format: 'Letter' }));
      sheets.push({ path, a4, letter });
    }
    return sheets;
  } finally {
    await page.close();
  }
}

/** Standalone: launches Chromium, serves dist itself unless given a base URL, adds the Pagefind index size. */
export async function benchPdf(opts: { baseURL?: string; distDir?: string } = {}): Promise<PdfBench> {
  const distDir = opts.distDir ?? join(process.cwd(), 'dist');
  const served = opts.baseURL ? undefined : await serveDist(distDir);
  const base = opts.baseURL ?? served!.url;
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const sheets = await measureCheatSheetPdfs(browser, base, distDir);
    const pf = join(distDir, 'pagefind');
    return existsSync(pf) ? { sheets, pagefindBytes: dirBytes(pf) } : { sheets };
  } finally {
    await browser.close();
    served?.server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchPdf(process.argv[2] ? { baseURL: process.argv[2] } : {});
  for (const s of r.sheets) console.log(`${s.path.padEnd(34)} A4 ${String(s.a4).padStart(2)} pages   Letter ${String(s.letter).padStart(2)} pages`);
  if (r.pagefindBytes !== undefined) console.log(`pagefind index: ${(r.pagefindBytes / 1024).toFixed(0)} KiB`);
}
