// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import tailwindcss from '@tailwindcss/vite';
import { sidebarGroups } from './src/data/curriculum.ts';
import { validateExamples } from './src/integrations/validate-examples.ts';

const docs = new URL('./src/content/docs/', import.meta.url);

/** A sidebar group is shown only when its folder holds at least one page. */
const hasPages = (/** @type {string} */ dir) => {
  const url = new URL(`${dir}/`, docs);
  return existsSync(url) && readdirSync(url, { recursive: true }).some((f) => /\.mdx?$/.test(String(f)));
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

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://istio-ica-guide.example.org',
  trailingSlash: 'always',
  // Keep smart quotes, but never turn "--" into a dash: command flags (--set, --use-kube) must stay exact,
  // also where MDX treats them as text (e.g. <code> inside a <summary>).
  markdown: { processor: satteri({ features: { smartPunctuation: { dashes: false } } }) },
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
      components: {
        Search: './src/components/overrides/Search.astro',
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
      },
    }),
  ],
  vite: {
    plugins: [tailwindcss()],
  },
});
