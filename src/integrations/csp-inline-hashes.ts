/**
 * Astro's `security.csp` hashes the scripts it bundles, but not `is:inline` scripts, and Starlight keeps a
 * few inline on purpose (the theme is applied before the first paint, the sidebar keeps its scroll position,
 * the search shortcut shows the right key). After the build this step adds the SHA-256 of every inline
 * script of each page to that page's Content-Security-Policy <meta>, so they run and nothing else inline
 * does. Must run before the service worker's precache list is made (it fingerprints the HTML).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const cspMeta = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/;
const inlineScript = /<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;

/** The page with a hash for each of its inline scripts added to `script-src` (unchanged without a CSP meta). */
export function addInlineScriptHashes(html: string): string {
  const meta = cspMeta.exec(html);
  if (!meta) return html;
  const hashes = new Set<string>();
  for (const [, attrs, body] of html.matchAll(inlineScript)) {
    if (/type="application\/(ld\+)?json"/.test(attrs ?? '')) continue;
    hashes.add(`'sha256-${createHash('sha256').update(body ?? '', 'utf8').digest('base64')}'`);
  }
  const policy = meta[2]!;
  const missing = [...hashes].filter((h) => !policy.includes(h));
  if (missing.length === 0) return html;
  const updated = policy.replace(/script-src ([^;]*)/, (_all, sources: string) => `script-src ${sources.trim()} ${missing.join(' ')}`);
  return html.replace(cspMeta, `$1${updated}$3`);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

export function cspInlineHashes(): AstroIntegration {
  return {
    name: 'csp-inline-hashes',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let changed = 0;
        for (const file of await htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const updated = addInlineScriptHashes(html);
          if (updated !== html) {
            await writeFile(file, updated);
            changed++;
          }
        }
        logger.info(`inline script hashes added to the CSP of ${changed} pages`);
      },
    },
  };
}
