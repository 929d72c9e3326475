/**
 * Site pages that exist at build time, read from src/content/docs, so tables and cheat sheets link only to
 * pages that exist and name them by their title.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const docsDir = join(process.cwd(), 'src/content/docs');
const cache = new Map<string, string | undefined>();

/** The file of a site path like `/traffic/mirroring/`, if it exists. */
export function pageFile(path: string): string | undefined {
  const slug = path.replace(/^\/|\/$/g, '');
  for (const ext of ['.mdx', '.md']) {
    for (const f of [join(docsDir, slug + ext), join(docsDir, slug, 'index' + ext)]) if (existsSync(f)) return f;
  }
  return undefined;
}

/** The front matter title of a site page, or undefined when the page does not exist. */
export function pageTitle(path: string): string | undefined {
  if (cache.has(path)) return cache.get(path);
  const file = pageFile(path);
  let title: string | undefined;
  if (file) {
    const fm = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'));
    const m = fm ? /^title:\s*(.+)$/m.exec(fm[1] ?? '') : null;
    title = m?.[1] ? m[1].trim().replace(/^(['"])(.*)\1$/, '$2') : path;
  }
  cache.set(path, title);
  return title;
}

export const pageExists = (path: string) => pageFile(path) !== undefined;
