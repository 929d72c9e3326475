/**
 * The domain of a lab's commands, read from the lab page's front matter. Build-time only (it reads files),
 * which is why it is not in derive.ts, whose helpers also run in the browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCompetency } from '../../data/curriculum';
import type { CommandDomain } from '../../data/commands/types';

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
