import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { commands, getCommand } from '../../src/data/commands';
import { checkCatalog, formatProblems } from '../../src/lib/commands/validate';
import { scanMdxForCommands } from '../../src/lib/commands/mdx-scan';
import { istioctlCommands } from '../../src/data/istioctl-reference';
import { pageExists } from '../../src/lib/commands/pages';
import { checkProxyStatusTable } from '../../src/lib/commands/lab-outputs';

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

  const shared = join(root, '../shared/reference/istioctl-commands.tsv');
  it.runIf(existsSync(shared))('knows every command of ../shared/reference/istioctl-commands.tsv', () => {
    const rows = readFileSync(shared, 'utf8').trim().split('\n').slice(2);
    for (const row of rows) {
      const path = (row.split('\t')[0] ?? '').replace(/^istioctl /, '');
      expect(istioctlCommands[path], path).toBeDefined();
    }
  });
});

it('the docs folder exists', () => {
  expect(readdirSync(docsDir).length).toBeGreaterThan(0);
});
