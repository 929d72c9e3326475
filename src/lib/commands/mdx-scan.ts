/**
 * Scans the MDX/Markdown pages for commands: shell code fences and <Code lang="bash"> blocks (forbidden:
 * commands come from the catalog), and <Command id="..."> and <CommandTable ids={[...]}> references.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface FenceHit { file: string; line: number; lang: string }
export interface RefHit { file: string; line: number; id: string }

const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'shellsession', 'shell-session', 'terminal']);

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.mdx?$/.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

export function scanMdxForCommands(docsDir: string) {
  const fences: FenceHit[] = [];
  const refs: RefHit[] = [];
  for (const abs of files(docsDir)) {
    const file = relative(process.cwd(), abs);
    const text = readFileSync(abs, 'utf8');
    const lines = text.split('\n');
    lines.forEach((l, i) => {
      const fence = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(l);
      const lang = fence?.[2] ?? '';
      if (fence && SHELL_LANGS.has(lang.toLowerCase())) fences.push({ file, line: i + 1, lang });
      for (const m of l.matchAll(/<Command\s[^>]*\bid=["']([^"']+)["']/g)) refs.push({ file, line: i + 1, id: m[1]! });
      // A shell block written with Starlight's <Code> bypasses the catalog just like a fence does.
      for (const m of l.matchAll(/<Code\s[^>]*\blang=["']([\w-]+)["']/g)) {
        if (SHELL_LANGS.has((m[1] ?? '').toLowerCase())) fences.push({ file, line: i + 1, lang: `<Code lang="${m[1]}">` });
      }
    });
    // CommandTable ids may span lines: ids={['a', 'b']}
    for (const m of text.matchAll(/<CommandTable\b[^>]*?\bids=\{\[([\s\S]*?)\]\}/g)) {
      const line = text.slice(0, m.index).split('\n').length;
      for (const idm of (m[1] ?? '').matchAll(/["']([^"']+)["']/g)) refs.push({ file, line, id: idm[1]! });
    }
  }
  return { fences, refs };
}
