/**
 * Build time only (imported from .astro frontmatter): the site's example files under src/examples/, so a
 * simulator can start from the very YAML its page shows. The `# @title` / `# @note` header is dropped.
 */
import { exampleBody } from './example-body';

const examples = import.meta.glob<string>('/src/examples/**/*.yaml', { query: '?raw', import: 'default', eager: true });

export function exampleYaml(file: string, component: string): string {
  const text = examples[`/src/examples/${file}`];
  if (text === undefined) throw new Error(`<${component} files>: no example file src/examples/${file}`);
  return exampleBody(text);
}

/** Several example files as one multi-document text. */
export function examplesYaml(files: readonly string[], component: string): string {
  return files.map((f) => exampleYaml(f, component)).join('---\n');
}
