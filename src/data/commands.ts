/**
 * The command catalog: every command the site shows, from one source. Entries live in one file per
 * domain under src/data/commands/; this module joins them and rejects duplicate ids.
 */
import type { CommandEntry } from './commands/types';

export type { CommandEntry } from './commands/types';

const modules = import.meta.glob<{ commands: CommandEntry[] }>('./commands/*.ts', { eager: true });

export const commands: CommandEntry[] = Object.entries(modules)
  .filter(([path]) => !path.endsWith('/types.ts'))
  .flatMap(([, m]) => m.commands ?? []);

const seen = new Map<string, number>();
for (const c of commands) seen.set(c.id, (seen.get(c.id) ?? 0) + 1);
const duplicates = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
if (duplicates.length) throw new Error(`Duplicate command ids in src/data/commands/: ${duplicates.join(', ')}`);

export function getCommand(id: string): CommandEntry {
  const c = commands.find((x) => x.id === id);
  if (!c) throw new Error(`Unknown command id "${id}": add it to a file in src/data/commands/ (known ids include ${commands.slice(0, 5).map((x) => x.id).join(', ')})`);
  return c;
}
