/**
 * What the catalog derives instead of writing it on every entry: a command's tool (from its first word) and its
 * domain (from the file it is written in), with the one list of domains taken from src/data/curriculum.ts.
 * Browser-safe: the exam's command grading uses it. A lab's domain is read from its page in lab-domain.ts.
 */
import { examDomains } from '../../data/curriculum';
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
