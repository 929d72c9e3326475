// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import tailwindcss from '@tailwindcss/vite';
import starlightLinksValidator from 'starlight-links-validator';
import AstroPWA from '@vite-pwa/astro';
import { sidebarGroups } from './src/data/curriculum.ts';
import { validateExamples } from './src/integrations/validate-examples.ts';
import { prunePagefind } from './src/integrations/prune-pagefind.ts';
import { cspInlineHashes } from './src/integrations/csp-inline-hashes.ts';

// The project pins its Astro version: `npm start` should not invite an upgrade (read by Astro's dev server).
process.env.ASTRO_DISABLE_UPDATE_CHECK ??= 'true';

const docs = new URL('./src/content/docs/', import.meta.url);

/** A sidebar group is shown only when its folder holds at least one page. */
const hasPages = (/** @type {string} */ dir) => {
  const url = new URL(`${dir}/`, docs);
  return existsSync(url) && readdirSync(url, { recursive: true }).some((f) => /\.mdx?$/.test(String(f)));
};

/**
 * The service worker (Workbox, through @vite-pwa/astro): after the first visit every page, asset and the
 * search index are cached, so the whole site works offline. A new deployment waits until the reader accepts
 * the update prompt (src/components/overrides/pwa-update.ts).
 * @type {import('@vite-pwa/astro').PwaOptions}
 */
const pwaOptions = {
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Istio ICA Guide',
    short_name: 'ICA Guide',
    description: 'Study notes, commands, cheat sheets, labs and simulators for the Istio Certified Associate exam.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1d4ed8',
    icons: [
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{html,js,css,svg,png,ico,webmanifest,json,pf_meta,pf_index,pf_fragment,pagefind}'],
    // The 404 page is not a navigation target of its own.
    globIgnores: ['404.html'],
    navigateFallback: null,
    maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
    // Pagefind asks for its entry file with a cache-busting `?ts=`; the precached copy matches the index.
    ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/],
    cleanupOutdatedCaches: true,
  },
};

const sidebar = [
  {
    label: 'Start here',
    items: [
      { label: 'Home', link: '/' },
      ...(hasPages('start') ? [{ autogenerate: { directory: 'start' } }] : []),
      ...(hasPages('exam') ? [{ autogenerate: { directory: 'exam' } }] : []),
    ],
  },
  {
    label: 'Rehearse',
    items: [
      { label: 'Mock exam', link: '/mock-exam/' },
      { label: 'Practice tasks', link: '/practice/' },
      { label: 'Drills', link: '/drills/' },
      { label: 'Your progress', link: '/progress/' },
    ],
  },
  ...sidebarGroups
    .filter((g) => hasPages(g.directory))
    .map((g) => ({
      label: g.label,
      items: [
        // The command finder sits with the cheat sheets it ties together.
        ...(g.directory === 'cheat-sheets' && existsSync(new URL('commands.mdx', docs)) ? [{ label: 'All commands', link: '/commands/' }] : []),
        { autogenerate: { directory: g.directory } },
      ],
    })),
];

/**
 * Build warnings known to be harmless, dropped where they are raised so that a clean build prints a short log.
 * MODULE_LEVEL_DIRECTIVE: Astro marks every MDX page module with "use astro:head-inject" for its own use; the
 * bundler warns that it may not keep the directive, which Astro does not need after bundling.
 * @param {{ code?: string, message: string }} log
 */
const isKnownHarmless = (log) => log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject');

export default defineConfig({
  // The public address, for the sitemap and canonical links: `SITE_URL=https://... npm run build`. Without it
  // the build makes no sitemap and printed links show the site path ("/traffic/timeouts-retries/").
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  trailingSlash: 'always',
  // Starlight turns on Astro's link prefetching (1.1 KB gzip on every page). The service worker already caches
  // every page during the first visit, so prefetching bought little and cost the content-page JS budget.
  prefetch: false,
  // Keep smart quotes, but never turn "--" into a dash: command flags (--set, --use-kube) must stay exact,
  // also where MDX treats them as text (e.g. <code> inside a <summary>).
  // Expressive Code highlights every code block; Astro's own Shiki step is off (it would also clash with the CSP).
  markdown: { processor: satteri({ features: { smartPunctuation: { dashes: false } } }), syntaxHighlight: false },
  integrations: [
    validateExamples(),
    starlight({
      title: 'Istio ICA Guide',
      description: 'Study notes, annotated and validated Istio 1.26 YAML, commands and cheat sheets for the Istio Certified Associate exam.',
      favicon: '/favicon.svg',
      lastUpdated: false,
      sidebar,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      customCss: ['./src/styles/global.css'],
      head: [
        { tag: 'meta', attrs: { name: 'referrer', content: 'strict-origin-when-cross-origin' } },
        { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' } },
        { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon-180.png' } },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#1d4ed8' } },
      ],
      // A link to a page or heading that does not exist fails the build.
      plugins: [starlightLinksValidator()],
      components: {
        Search: './src/components/overrides/Search.astro',
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
        Footer: './src/components/overrides/Footer.astro',
      },
    }),
    prunePagefind(),
    cspInlineHashes(),
    AstroPWA(pwaOptions),
  ],
  security: {
    // A Content-Security-Policy <meta> on every page, with hashes for the scripts that must stay inline
    // (Astro hashes its bundled scripts; src/integrations/csp-inline-hashes.ts adds Starlight's is:inline ones).
    // Styles need 'unsafe-inline': Expressive Code and the field notes set style attributes.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        // Pagefind runs its search in a worker and compiles its WebAssembly.
        "worker-src 'self' blob:",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  vite: {
    plugins: [tailwindcss()],
    build: {
      // The large chunks are the checker (every 1.26 CRD schema) inside the simulators' and the check page's
      // Workers, and the exam editor: each loads on intent, on its own pages (sizes: `npm run bench`).
      chunkSizeWarningLimit: 800,
      rollupOptions: {
        onLog(level, log, handler) {
          if (!isKnownHarmless(log)) handler(level, log);
        },
      },
    },
  },
});
