import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { commands, getCommand } from '../../src/data/commands';
import { checkCatalog, formatProblems } from '../../src/lib/commands/validate';
import { scanMdxForCommands } from '../../src/lib/commands/mdx-scan';
import { istioctlCommands } from '../../src/data/istioctl-reference';
import { pageExists } from '../../src/lib/commands/pages';
import { checkProxyStatusTable } from '../../src/lib/commands/lab-outputs';
import { commandDomains, domainLabel, toolOf } from '../../src/lib/commands/derive';
import { labDomain } from '../../src/lib/commands/lab-domain';
import { examDomains } from '../../src/data/curriculum';

const root = join(import.meta.dirname, '../..');
const docsDir = join(root, 'src/content/docs');

describe('command catalog', () => {
  it('has at least 80 commands', () => {
    expect(commands.length).toBeGreaterThanOrEqual(80);
  });

  it('every entry passes the schema and the istioctl reference', () => {
    const problems = checkCatalog(commands);
    expect(problems, `\n${formatProblems(problems)}`).toEqual([]);
  });

  it('getCommand finds entries and names the unknown id', () => {
    const first = commands[0]!;
    expect(getCommand(first.id)).toBe(first);
    expect(() => getCommand('no-such-command')).toThrow(/Unknown command id "no-such-command"/);
  });

  it('covers every tool and the CLI sections of the notes', () => {
    const texts = new Set(commands.map((c) => c.command));
    for (const t of ['istioctl', 'kubectl', 'helm', 'curl'] as const) expect(commands.some((c) => c.tool === t), t).toBe(true);
    for (const needed of [
      'istioctl dashboard kiali',
      'istioctl dashboard grafana',
      'istioctl dashboard jaeger',
      'istioctl dashboard envoy <pod>.<namespace>',
      'istioctl uninstall --purge -y',
    ]) {
      expect(texts.has(needed), needed).toBe(true);
    }
  });

  it('every command page exists', () => {
    const missing = commands.filter((c) => c.page && !pageExists(c.page)).map((c) => `${c.id}: ${c.page}`);
    expect(missing).toEqual([]);
  });

  it('sample proxy-status tables have the 1.26 columns and ages', () => {
    const bad = commands.flatMap((c) => (c.output ? checkProxyStatusTable(c.output).map((p) => `${c.id}: ${p}`) : []));
    expect(bad).toEqual([]);
  });

  it('removed commands are kept as history with a replacement', () => {
    const removed = commands.filter((c) => c.removedIn);
    expect(removed.map((c) => c.command)).toEqual(expect.arrayContaining(['istioctl verify-install']));
    for (const c of removed) expect(c.replacedBy, c.id).toBeTruthy();
  });
});

describe('MDX pages use the catalog', () => {
  const scan = scanMdxForCommands(docsDir);
  const ids = new Set(commands.map((c) => c.id));

  it('no shell code fences (commands come from the catalog)', () => {
    const fences = scan.fences.map((f) => `${f.file}:${f.line}: \`\`\`${f.lang}`);
    expect(fences).toEqual([]);
  });

  it('every <Command id> and <CommandTable ids> names an existing command', () => {
    const unknown = scan.refs.filter((r) => !ids.has(r.id)).map((r) => `${r.file}:${r.line}: ${r.id}`);
    expect(unknown).toEqual([]);
  });

  it('no page renders a removed command', () => {
    const removed = new Set(commands.filter((c) => c.removedIn).map((c) => c.id));
    const bad = scan.refs.filter((r) => removed.has(r.id)).map((r) => `${r.file}:${r.line}: ${r.id}`);
    expect(bad).toEqual([]);
  });
});

describe('the committed istioctl reference', () => {
  it('has the aliases the site uses', () => {
    expect(istioctlCommands['proxy-config']?.a).toContain('pc');
    expect(istioctlCommands['proxy-status']?.a).toContain('ps');
    expect(istioctlCommands['experimental']?.a).toContain('x');
  });
});

it('the docs folder exists', () => {
  expect(readdirSync(docsDir).length).toBeGreaterThan(0);
});

describe('catalog layout: per domain for topic pages, per lab for labs', () => {
  const mdxFiles = readdirSync(docsDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && /\.mdx?$/.test(d.name));
  /** Where each id is used: `topic`, or the labs that use it (an id counts as used where the page quotes it). */
  const usedBy = new Map<string, { topic: boolean; labs: string[] }>();
  for (const d of mdxFiles) {
    const rel = join(d.parentPath, d.name).slice(docsDir.length + 1).replace(/\.mdx?$/, '');
    const lab = rel.startsWith('labs/') && rel !== 'labs/index' ? rel.slice(5) : undefined;
    const text = readFileSync(join(d.parentPath, d.name), 'utf8');
    for (const c of commands) {
      if (!text.includes(`'${c.id}'`) && !text.includes(`"${c.id}"`)) continue;
      const u = usedBy.get(c.id) ?? { topic: false, labs: [] };
      if (lab) u.labs.push(lab);
      else u.topic = true;
      usedBy.set(c.id, u);
    }
  }
  const labOrder = (lab: string) => Number(/^\s+order:\s*(\d+)/m.exec(readFileSync(join(docsDir, 'labs', `${lab}.mdx`), 'utf8'))?.[1] ?? 999);

  it('a command that a topic page uses lives in topics/<domain>.ts; a lab-only one in labs/<first lab using it>.ts', () => {
    const misplaced = commands.flatMap((c) => {
      const u = usedBy.get(c.id);
      if (!u || u.topic) return c.source.startsWith('topics/') ? [] : [`${c.id}: in ${c.source}, used by a topic page or by no page: move it to topics/<domain>.ts`];
      const first = [...u.labs].sort((a, b) => labOrder(a) - labOrder(b))[0];
      return c.source === `labs/${first}` ? [] : [`${c.id}: in ${c.source}, first used by the lab ${first}: move it to labs/${first}.ts`];
    });
    expect(misplaced).toEqual([]);
  });

  it('lab files mirror the labs and their examples: one name per lab', () => {
    const labs = new Set(readdirSync(join(docsDir, 'labs')).filter((f) => f.endsWith('.mdx') && f !== 'index.mdx').map((f) => f.replace(/\.mdx$/, '')));
    const examples = readdirSync(join(root, 'src/examples/labs'));
    for (const e of examples) expect(labs, `src/examples/labs/${e}`).toContain(e);
    for (const c of commands.filter((x) => x.source.startsWith('labs/'))) expect(labs).toContain(c.source.slice(5));
  });

  it('derives domain and tool', () => {
    expect(getCommand('kubectl-apply-helloworld-sample').tool).toBe('kubectl');
    expect(getCommand('istioctl-proxy-status')).toMatchObject({ tool: 'istioctl', domain: 'troubleshooting', source: 'topics/troubleshooting' });
    for (const c of commands.filter((x) => x.source.startsWith('labs/troubleshoot-'))) expect(c.domain).toBe('troubleshooting');
    expect(toolOf('LANG=C curl -s x')).toBe('curl');
    expect(toolOf('export PATH=$PWD/bin:$PATH')).toBe('shell');
    expect(toolOf('shell-thing')).toBe('shell');
    expect(commandDomains).toEqual(['fundamentals', ...examDomains.map((d) => d.id), 'exam']);
    expect(domainLabel('security')).toBe('Securing Workloads');
    expect(domainLabel('fundamentals')).toBe('Fundamentals');
    expect(() => labDomain('no-such-lab')).toThrow(/name the file after its lab/);
  });
});
