/**
 * Pagefind writes several ready-made UIs next to its index. The site loads its UI from the
 * `@pagefind/default-ui` package (bundled, on intent) and fetches only the index, `pagefind.js`, its worker
 * and the WebAssembly from dist/pagefind/, so the unused UIs (about 430 KB) are deleted after the build and
 * never reach the host or the service worker's precache.
 * Must run after Starlight's Pagefind step and before the service worker is generated.
 */
import { rm } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

export const unusedPagefindFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

export function prunePagefind(): AstroIntegration {
  return {
    name: 'prune-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = new URL('pagefind/', dir);
        await Promise.all(unusedPagefindFiles.map((f) => rm(new URL(f, pagefind), { force: true })));
        logger.info(`removed ${unusedPagefindFiles.length} unused Pagefind UI files`);
      },
    },
  };
}
