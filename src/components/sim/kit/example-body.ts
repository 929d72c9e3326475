/**
 * The YAML of an example file as a simulator shows it: without the `# @title` / `# @note` /
 * `# @expect-invalid` header, ending in one newline. No dependencies, so presets can use it in the browser
 * and in Web Workers as well as at build time.
 */
export function exampleBody(text: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '' && !l.startsWith('#'));
  return `${lines.slice(Math.max(0, first)).join('\n').trim()}\n`;
}
