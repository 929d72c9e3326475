/**
 * Scans the MDX/Markdown pages for commands: shell code fences (forbidden: commands come from the catalog),
 * <Command id="..."> and <CommandTable ids={[...]}> references, and inline code that looks like a command.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface FenceHit { file: string; line: number; lang: string }
export interface RefHit { file: string; line: number; id: string }
export interface InlineHit { file: string; line: number; text: string; context: string }

const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'shellsession', 'shell-session', 'terminal']);

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.mdx?$/.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

export function scanMdxForCommands(docsDir: string) {
  const fences: FenceHit[] = [];
  const refs: RefHit[] = [];
  const inlineCommands: InlineHit[] = [];
  for (const abs of files(docsDir)) {
    const file = relative(process.cwd(), abs);
    const text = readFileSync(abs, 'utf8');
    const lines = text.split('\n');
    lines.forEach((l, i) => {
      const fence = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(l);
      if (fence && SHELL_LANGS.has(fence[2].toLowerCase())) fences.push({ file, line: i + 1, lang: fence[2] });
      for (const m of l.matchAll(/<Command\s[^>]*\bid=["']([^"']+)["']/g)) refs.push({ file, line: i + 1, id: m[1] });
      for (const m of l.matchAll(/`((?:istioctl|kubectl|helm) [^`]+)`/g)) inlineCommands.push({ file, line: i + 1, text: m[1], context: l });
    });
    // CommandTable ids may span lines: ids={['a', 'b']}
    for (const m of text.matchAll(/<CommandTable\b[^>]*?\bids=\{\[([\s\S]*?)\]\}/g)) {
      const line = text.slice(0, m.index).split('\n').length;
      for (const idm of m[1].matchAll(/["']([^"']+)["']/g)) refs.push({ file, line, id: idm[1] });
    }
  }
  return { fences, refs, inlineCommands };
}
