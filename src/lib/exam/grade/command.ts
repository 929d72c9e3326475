/**
 * Grades a typed istioctl command by meaning: the subcommand path (aliases allowed), flags in any order, short or
 * long, `--flag=value` or `--flag value`, `--set` keys with or without `spec.`, and a pod written as
 * `name.namespace` instead of `name -n namespace`. The command check of the catalog (src/lib/commands/validate.ts)
 * decides what istioctl would refuse (unknown subcommand or flag): such a command scores 0.
 */
import { istioctlCommands, istioctlGlobalFlags } from '../../../data/istioctl-reference';
import { checkIstioctlWords, childrenOf, isBoolFlag, parseFlagList, shellWords } from '../../commands/validate';
import type { CommandExpectation, Diagnostic, ProbeResult } from '../types';

interface ParsedCommand {
  path: string;
  flags: Map<string, string[]>;
  args: string[];
}

function parse(words: string[]): ParsedCommand {
  let path = '';
  const flags = new Map<string, string[]>();
  const args: string[] = [];
  const add = (k: string, v: string) => flags.set(k, [...(flags.get(k) ?? []), v]);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith('-') && w !== '-') {
      const spec = istioctlCommands[path];
      const known = parseFlagList(istioctlGlobalFlags, { long: new Set(), short: new Map() });
      if (spec) parseFlagList(spec.f, known);
      const eq = w.indexOf('=');
      const name = eq >= 0 ? w.slice(0, eq) : w;
      const long = name.startsWith('--') ? name.slice(2) : (known.short.get(name.slice(1, 2)) ?? name.slice(1));
      if (eq >= 0) add(long, w.slice(eq + 1));
      else if (!isBoolFlag(name, spec) && i + 1 < words.length && !words[i + 1]!.startsWith('-') && !(args.length === 0 && childrenOf(path).has(words[i + 1]!))) add(long, words[++i]!);
      else add(long, 'true');
      continue;
    }
    const canonical = args.length === 0 ? childrenOf(path).get(w) : undefined;
    if (canonical) path = path ? `${path} ${canonical}` : canonical;
    else args.push(w);
  }
  return { path, flags, args };
}

const setKey = (k: string) => k.replace(/^spec\./, '');

export function gradeCommandLine(expect: CommandExpectation, line: string): { probes: ProbeResult[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const probes: ProbeResult[] = [];
  const probe = (id: string, requirement: string, pass: boolean, saw: string) => probes.push({ id, requirement, pass, saw });
  let words: string[] = [];
  try {
    words = shellWords(line.trim().replace(/^\$\s+/, '').slice(0, 4096));
  } catch (e) {
    diagnostics.push({ severity: 'error', code: 'parse', source: 'schema', message: `The command could not be read: ${(e as Error).message}.` });
  }
  const tool = words[0]?.split('/').pop();
  if (words.length && tool !== expect.tool) diagnostics.push({ severity: 'error', code: 'tool', source: 'schema', message: `The command starts with "${words[0]}"; the task asks for an ${expect.tool} command.` });
  const rest = words.slice(1);
  const check = checkIstioctlWords(rest);
  if (words.length && tool === expect.tool) for (const p of check.problems) diagnostics.push({ severity: 'error', code: 'istioctl', source: 'schema', message: `istioctl would refuse it: ${p}.` });
  if (!words.length) diagnostics.push({ severity: 'error', code: 'empty', source: 'schema', message: 'No command was typed.' });
  const cmd = parse(rest);

  probe('command', `istioctl ${expect.path}`, cmd.path === expect.path, cmd.path === expect.path ? `the command is istioctl ${cmd.path}.` : `the command is istioctl ${cmd.path || '(no subcommand)'}; the task asks for istioctl ${expect.path}.`);

  const ns = typeof expect.flags?.namespace === 'string' ? expect.flags.namespace : undefined;
  const argNamespace = (expected: string, got: string | undefined) => (ns && got === `${expected}.${ns}` ? ns : undefined);
  for (const [i, want] of (expect.args ?? []).entries()) {
    const got = cmd.args[i];
    const pass = got === want || argNamespace(want, got) !== undefined;
    probe(`arg-${i}`, `argument ${want}`, pass, pass ? `the argument is ${got}.` : `the argument is ${got ?? 'missing'}; the task asks for ${want}.`);
  }
  const sets = new Map<string, string>();
  for (const v of cmd.flags.get('set') ?? []) {
    const eq = v.indexOf('=');
    if (eq > 0) sets.set(setKey(v.slice(0, eq)), v.slice(eq + 1));
  }
  for (const [name, want] of Object.entries(expect.flags ?? {})) {
    // `--revision x` and `--set revision=x` mean the same to istioctl install.
    const viaSet = name === 'revision' && sets.has('revision') ? [sets.get('revision')!] : [];
    const got = cmd.flags.get(name) ?? (viaSet.length ? viaSet : undefined);
    const viaArg = name === 'namespace' && (expect.args ?? []).some((a, i) => argNamespace(a, cmd.args[i]) !== undefined);
    const pass = viaArg || (got !== undefined && (want === true ? got.includes('true') : got.includes(want)));
    const label = want === true ? `--${name}` : `--${name} ${want}`;
    probe(`flag-${name}`, label, pass, pass ? `${label} is given${viaArg ? ' (as the pod name suffix)' : ''}.` : `--${name} is ${got ? got.join(', ') : 'missing'}; the task asks for ${label}.`);
  }
  for (const [k, want] of Object.entries(expect.sets ?? {})) {
    const got = sets.get(setKey(k));
    probe(`set-${setKey(k)}`, `--set ${k}=${want}`, got === want, got === want ? `--set ${k}=${want} is given.` : `${setKey(k)} is ${got ?? 'not set'}; the task asks for ${want}.`);
  }
  return { probes, diagnostics };
}
