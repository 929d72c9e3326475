/**
 * Drill cards, made at build time from the site's own facts: the check-yourself questions of every page, the
 * defaults tables of the traffic cheat sheet, the Envoy response flags table, the IST codes table, and the
 * command catalog (purpose → command). Node-only (reads the MDX sources); the drills page embeds the result.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CommandEntry } from '../../data/commands/types';
import * as versions from '../../data/versions';

export type Deck = 'check' | 'defaults' | 'flags' | 'codes' | 'commands';

export interface Card {
  id: string;
  deck: Deck;
  front: string;
  back: string;
  /** The page the fact comes from (site path). */
  source: string;
}

export const deckTitles: Record<Deck, string> = {
  check: 'Check-yourself questions',
  defaults: 'Defaults',
  flags: 'Envoy response flags',
  codes: 'istioctl analyze codes',
  commands: 'Command for a purpose',
};

/** From the project root (the build and the tests run there; a bundled page has no stable import.meta.url). */
const docsDir = join(process.cwd(), 'src/content/docs/');

/** MDX/markdown to plain text: tags and components dropped, inline code and emphasis marks removed. */
export function plainText(md: string): string {
  return md
    .replace(/<Version of="(\w+)"\s*\/>/g, (whole, key: string) => {
      const v = (versions as Record<string, unknown>)[key];
      return typeof v === 'string' ? v : whole;
    })
    .replace(/<[^>]+>/g, ' ')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/[`*_]/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const sitePath = (file: string) => `/${relative(docsDir, file).replace(/\\/g, '/').replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '')}/`.replace(/\/+/g, '/');

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? mdxFiles(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** The body of a `## Heading` (or `### Heading`) section, up to the next heading of that level or higher. */
export function section(text: string, heading: RegExp): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^#{2,3} /.test(l) && heading.test(l.replace(/^#+ /, '')));
  if (start < 0) return undefined;
  const level = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((l, i) => i > start && new RegExp(`^#{1,${level}} `).test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Rows of the first markdown table in `text`, header and separator dropped, cells as plain text. */
export function tableRows(text: string): string[][] {
  const rows = text.split('\n').filter((l) => l.trim().startsWith('|'));
  return rows.slice(2).map((r) => r.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => plainText(c)));
}

export function checkYourselfCards(): Card[] {
  return mdxFiles(docsDir).flatMap((file) => {
    const body = section(readFileSync(file, 'utf8'), /^Check yourself$/);
    if (!body) return [];
    const source = sitePath(file);
    return [...body.matchAll(/<details>\s*<summary>([\s\S]*?)<\/summary>([\s\S]*?)<\/details>/g)].map((m, i) => ({ id: `check:${source}#${i + 1}`, deck: 'check' as const, front: plainText(m[1]!), back: plainText(m[2]!), source }));
  });
}

export function defaultsCards(): Card[] {
  const file = join(docsDir, 'cheat-sheets/traffic-defaults.mdx');
  const text = readFileSync(file, 'utf8');
  const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
  return headings.flatMap((hd) =>
    tableRows(section(text, new RegExp(`^${hd.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)) ?? '')
      .filter((r) => r.length >= 2 && r[0] && r[1])
      .map((r) => ({ id: `defaults:${hd}:${r[0]}`, deck: 'defaults' as const, front: `${hd}: ${r[0]}, when you set nothing?`, back: r[1]!, source: sitePath(file) })),
  );
}

export function flagCards(): Card[] {
  const file = join(docsDir, 'troubleshooting/data-plane.mdx');
  return tableRows(section(readFileSync(file, 'utf8'), /response flags you must know/) ?? '').map(([flag, status, meaning, suspect]) => ({
    id: `flags:${flag}`,
    deck: 'flags' as const,
    front: `Envoy response flag ${flag}: what happened, and what do you suspect first?`,
    back: `${meaning} (usually with ${status}). First suspect: ${suspect}.`,
    source: sitePath(file),
  }));
}

export function codeCards(): Card[] {
  const file = join(docsDir, 'troubleshooting/istioctl-analyze.mdx');
  return tableRows(section(readFileSync(file, 'utf8'), /codes worth knowing/) ?? '').map(([code, name, level, what]) => ({
    id: `codes:${code}`,
    deck: 'codes' as const,
    front: `istioctl analyze ${code}: what does it report?`,
    back: `${name} (${level}): ${what}.`,
    source: sitePath(file),
  }));
}

export function commandCards(commands: readonly CommandEntry[]): Card[] {
  return commands
    .filter((c) => !c.removedIn && c.tool === 'istioctl' && !/[<>]/.test(c.command.replace(/<[a-z-]+>/g, '')))
    .map((c) => ({ id: `commands:${c.id}`, deck: 'commands' as const, front: `Which command? ${c.summary}`, back: c.command, source: c.page ?? '/commands/' }));
}

export function allCards(commands: readonly CommandEntry[]): Card[] {
  return [...checkYourselfCards(), ...defaultsCards(), ...flagCards(), ...codeCards(), ...commandCards(commands)];
}
