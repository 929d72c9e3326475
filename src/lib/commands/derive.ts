/**
 * What the catalog derives instead of writing it on every entry: a command's tool (from its first word) and its
 * domain (from the file it is written in), with the one list of domains taken from src/data/curriculum.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { examDomains, findCompetency } from '../../data/curriculum';
import { commandTools, type CommandDomain, type CommandTool } from '../../data/commands/types';

/** Every command domain in display order: Fundamentals, the exam domains of the curriculum, Exam. */
export const commandDomains: readonly CommandDomain[] = ['fundamentals', ...examDomains.map((d) => d.id), 'exam'];

/** A domain's label: the curriculum's short title for exam domains, the section name otherwise. */
export function domainLabel(domain: CommandDomain): string {
  return examDomains.find((d) => d.id === domain)?.shortTitle ?? domain.charAt(0).toUpperCase() + domain.slice(1);
}

export const isCommandDomain = (s: string): s is CommandDomain => (commandDomains as readonly string[]).includes(s);

/** The program a command line starts with, skipping `VAR=value` assignments; `shell` for anything else. */
export function toolOf(command: string): CommandTool {
  const first = command.trim().split(/\s+/).find((w) => !/^\w+=/.test(w)) ?? '';
  return (commandTools as readonly string[]).includes(first) && first !== 'shell' ? (first as CommandTool) : 'shell';
}

/** The domain of a lab: that of the first competency in its front matter (src/content/docs/labs/<lab>.mdx). */
export function labDomain(lab: string, docsDir = join(process.cwd(), 'src/content/docs')): CommandDomain {
  const file = join(docsDir, 'labs', `${lab}.mdx`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`src/data/commands/labs/${lab}.ts has no lab page src/content/docs/labs/${lab}.mdx: name the file after its lab`);
  }
  const id = /^competencies:\s*\n\s*-\s*([\w.-]+)/m.exec(text)?.[1];
  const domain = id ? findCompetency(id)?.domain.id : undefined;
  if (!domain) throw new Error(`src/content/docs/labs/${lab}.mdx: its first competency names no curriculum domain`);
  return domain;
}
