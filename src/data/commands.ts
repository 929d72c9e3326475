/**
 * The command catalog: every command the site shows, from one source. Commands of topic pages live in
 * src/data/commands/topics/<domain>.ts, commands only labs use in src/data/commands/labs/<lab>.ts (the lab
 * that uses them first, in the labs' order). Domain and tool are derived here (src/lib/commands/derive.ts);
 * duplicate ids are rejected.
 */
import type { CommandEntry, CommandSpec } from './commands/types';
import { isCommandDomain, toolOf } from '../lib/commands/derive';
import { labDomain } from '../lib/commands/lab-domain';

export type { CommandDomain, CommandEntry, CommandSpec, CommandTool } from './commands/types';

type CatalogModule = { commands: CommandSpec[] };
const topicModules = import.meta.glob<CatalogModule>('./commands/topics/*.ts', { eager: true });
const labModules = import.meta.glob<CatalogModule>('./commands/labs/*.ts', { eager: true });

const fileName = (path: string) => path.replace(/^.*\/|\.ts$/g, '');

function entries(modules: Record<string, CatalogModule>, folder: 'topics' | 'labs'): CommandEntry[] {
  return Object.entries(modules).flatMap(([path, m]) => {
    const name = fileName(path);
    if (folder === 'topics' && !isCommandDomain(name)) throw new Error(`src/data/commands/topics/${name}.ts: a topic file is named after a domain`);
    const domain = folder === 'topics' && isCommandDomain(name) ? name : labDomain(name);
    return m.commands.map((c) => ({ ...c, domain, tool: toolOf(c.command), source: `${folder}/${name}` }));
  });
}

export const commands: CommandEntry[] = [...entries(topicModules, 'topics'), ...entries(labModules, 'labs')];

const seen = new Map<string, number>();
for (const c of commands) seen.set(c.id, (seen.get(c.id) ?? 0) + 1);
const duplicates = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
if (duplicates.length) throw new Error(`Duplicate command ids in src/data/commands/: ${duplicates.join(', ')}`);

export function getCommand(id: string): CommandEntry {
  const c = commands.find((x) => x.id === id);
  if (!c) throw new Error(`Unknown command id "${id}": add it to a file in src/data/commands/topics/ or labs/ (known ids include ${commands.slice(0, 5).map((x) => x.id).join(', ')})`);
  return c;
}
