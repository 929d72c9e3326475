/**
 * Checks the command catalog: the shape of each entry, and each istioctl command against the project's compact
 * istioctl reference (src/data/istioctl-reference.ts): subcommand path (or alias) and flags must exist;
 * removed commands may appear only in entries marked `removedIn`.
 */
import type { CommandEntry } from '../../data/commands/types';
import { isCommandDomain, toolOf } from './derive';
import { istioctlCommands, istioctlGlobalFlags, istioctlRemoved, type IstioctlCommandSpec } from '../../data/istioctl-reference';

export interface CommandProblem {
  id: string;
  command: string;
  reason: string;
}

/** Splits a shell command line into words, honouring single and double quotes and backslash escapes. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) cur += line.charAt(++i);
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line.charAt(++i);
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unclosed ${quote} quote`);
  if (inWord) words.push(cur);
  return words;
}

/** Splits a command line into the simple commands of its pipelines and lists (`|`, `||`, `&&`, `;`). */
export function simpleCommands(line: string): string[][] {
  const out: string[][] = [[]];
  for (const w of shellWords(line)) {
    if (w === '|' || w === '||' || w === '&&' || w === ';') out.push([]);
    else out[out.length - 1]!.push(w);
  }
  return out.filter((c) => c.length > 0);
}

export interface FlagSet {
  long: Set<string>;
  /** short letter → long name */
  short: Map<string, string>;
}

export function parseFlagList(list: string, into: FlagSet): FlagSet {
  for (const f of list.split(',').filter(Boolean)) {
    const m = /^--([\w-]+)(?:\(-(\w)\))?$/.exec(f);
    if (!m) throw new Error(`bad flag spec ${f}`);
    const long = m[1]!;
    into.long.add(long);
    if (m[2]) into.short.set(m[2], long);
  }
  return into;
}

/** Children of a path ('' = the root) with their aliases. */
export function childrenOf(path: string): Map<string, string> {
  const prefix = path ? `${path} ` : '';
  const map = new Map<string, string>();
  for (const [p, spec] of Object.entries(istioctlCommands)) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    if (rest.includes(' ')) continue;
    map.set(rest, rest);
    for (const a of spec.a) map.set(a, rest);
  }
  return map;
}

function removedChild(path: string, word: string): string | undefined {
  const p = path ? `${path} ${word}` : word;
  return istioctlRemoved[p] ? p : undefined;
}

export interface IstioctlParse {
  /** The canonical subcommand path, e.g. `proxy-config cluster`. */
  path: string;
  /** Set when the command uses a subcommand removed from istioctl. */
  removed?: { path: string; in: string };
  problems: string[];
}

const isPlaceholder = (w: string) => /^<[^>]+>$/.test(w);

/**
 * Parses the words after `istioctl` and checks them. A flag without `=` followed by a word that is not a
 * subcommand is read as taking that word as its value (so `-n foo analyze` and `analyze -n foo` both work).
 */
export function checkIstioctlWords(words: string[]): IstioctlParse {
  const problems: string[] = [];
  let path = '';
  let spec: IstioctlCommandSpec | undefined;
  const flags: string[] = [];
  let sawPositional = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') break;
    if (w.startsWith('-') && w !== '-') {
      flags.push(w);
      if (!w.includes('=') && i + 1 < words.length) {
        const next = words[i + 1]!;
        const isSub = !sawPositional && childrenOf(path).has(next);
        if (!next.startsWith('-') && !isSub && !isBoolFlag(w, spec)) i++;
      }
      continue;
    }
    if (!sawPositional) {
      const children = childrenOf(path);
      const canonical = children.get(w);
      if (canonical) {
        path = path ? `${path} ${canonical}` : canonical;
        spec = istioctlCommands[path];
        continue;
      }
      const removed = removedChild(path, w);
      if (removed) {
        // Take the longest removed path (`profile dump`), then stop: nothing else can be checked.
        const nextWord = words[i + 1];
        const longer = nextWord !== undefined ? removedChild(removed, nextWord) : undefined;
        const p = longer ?? removed;
        const release = istioctlRemoved[p] ?? '?';
        return { path: p, removed: { path: p, in: release }, problems: [`"istioctl ${p}" was removed in Istio ${release}`] };
      }
      if (children.size > 0) {
        problems.push(path ? `unknown subcommand "${w}" of "istioctl ${path}"` : `unknown subcommand "istioctl ${w}"`);
        return { path, problems };
      }
      sawPositional = true;
      if (spec && !spec.args && !isPlaceholder(w)) {
        // Leaf commands accept extra arguments in cobra; only flag it when the usage takes none and it is no placeholder.
        problems.push(`"istioctl ${path}" takes no positional argument, got "${w}"`);
      }
      continue;
    }
  }
  if (!path) {
    problems.push('no istioctl subcommand');
    return { path, problems };
  }
  if (spec?.group) {
    problems.push(`"istioctl ${path}" needs a subcommand (one of ${[...new Set(childrenOf(path).values())].join(', ')})`);
  }
  const allowed = parseFlagList(istioctlGlobalFlags, { long: new Set(), short: new Map() });
  if (spec) parseFlagList(spec.f, allowed);
  for (const f of flags) {
    if (f.startsWith('--')) {
      const name = f.slice(2).split('=')[0] ?? '';
      if (!allowed.long.has(name)) problems.push(`unknown flag --${name} for "istioctl ${path}"`);
    } else {
      const letter = f.slice(1, 2);
      if (!allowed.short.has(letter)) problems.push(`unknown flag -${letter} for "istioctl ${path}"`);
    }
  }
  return { path, problems };
}

/** Flags that take no value (so the next word is not their value). Extend when a command uses another one. */
const BOOL_LONG = new Set([
  'all-namespaces', 'skip-confirmation', 'purge', 'reset', 'verify', 'dry-run', 'force', 'short', 'browser',
  'overwrite', 'recursive', 'use-kube', 'verbose', 'list-analyzers', 'ignore-unknown', 'wait', 'insecure',
  'plaintext', 'full-secrets', 'ignore-errs', 'no-descriptions', 'remote', 'ignoreUnmeshed', 'autoregister',
  'skip-controlplane', 'cluster-specific', 'create-service-account',
]);
/** Whether a flag takes no value, reading a short flag through the command's own flag list (`-s` is `--set` on install, `--short` on version). */
export function isBoolFlag(flag: string, spec: IstioctlCommandSpec | undefined): boolean {
  if (flag.startsWith('--')) return BOOL_LONG.has(flag.slice(2));
  const flags = parseFlagList(istioctlGlobalFlags, { long: new Set(), short: new Map() });
  if (spec) parseFlagList(spec.f, flags);
  const long = flags.short.get(flag.charAt(1));
  return long !== undefined && BOOL_LONG.has(long);
}

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks one entry: schema, then (for istioctl) the command against the reference. */
export function checkCommand(c: CommandEntry, allIds?: Set<string>): CommandProblem[] {
  const problems: CommandProblem[] = [];
  const add = (reason: string) => problems.push({ id: c.id, command: c.command, reason });
  if (!ID_RE.test(c.id)) add('id must be kebab-case');
  if (!c.command?.trim()) add('empty command');
  if (c.command !== c.command.trim()) add('command has leading or trailing spaces');
  if (/^\$\s/.test(c.command)) add('command starts with a "$ " prompt');
  if (!c.summary || c.summary.trim().length < 15) add('summary missing or too short');
  if (!isCommandDomain(c.domain)) add(`unknown domain "${c.domain}"`);
  if (c.tool !== toolOf(c.command)) add(`tool is "${c.tool}" but the command starts with a word that makes it "${toolOf(c.command)}"`);
  if (!Array.isArray(c.tags) || c.tags.length === 0) add('needs at least one tag');
  else if (c.tags.some((t) => !ID_RE.test(t))) add('tags must be kebab-case');
  if (c.page !== undefined && !/^\/[a-z0-9-/]*\/$/.test(c.page)) add(`page "${c.page}" must be a site path with a trailing slash`);
  if (c.since !== undefined && !/^1\.\d+$/.test(c.since)) add(`since "${c.since}" must look like 1.NN`);
  if (c.removedIn !== undefined && !/^1\.\d+$/.test(c.removedIn)) add(`removedIn "${c.removedIn}" must look like 1.NN`);
  if (c.replacedBy !== undefined) {
    if (!c.removedIn) add('replacedBy without removedIn');
    if (allIds && !allIds.has(c.replacedBy)) add(`replacedBy "${c.replacedBy}" is not a command id`);
  }
  if (c.removedIn && !c.replacedBy) add('a removed command needs replacedBy');
  if (c.id && c.tool && c.tool !== 'shell' && !c.id.startsWith(`${c.tool}-`)) add(`id must start with "${c.tool}-"`);

  let parts: string[][];
  try {
    parts = simpleCommands(c.command);
  } catch (e) {
    add(`cannot parse: ${(e as Error).message}`);
    return problems;
  }

  let usesRemoved = false;
  for (const words of parts) {
    const start = words.findIndex((w) => w === 'istioctl' || w.endsWith('/istioctl'));
    if (start !== 0) continue;
    const r = checkIstioctlWords(words.slice(1));
    if (r.removed) {
      usesRemoved = true;
      if (!c.removedIn) add(r.problems.join('; ') + ': mark the entry removedIn and show it only as history');
      continue;
    }
    for (const p of r.problems) add(p);
  }
  if (c.removedIn && c.tool === 'istioctl' && !usesRemoved) add(`marked removedIn ${c.removedIn} but uses no removed istioctl command`);
  return problems;
}

const singular = (w: string) => (/ies$/.test(w) ? w.replace(/ies$/, 'y') : /[^s]s$/.test(w) ? w.slice(0, -1) : w);

/**
 * A command's canonical form, to find the same command typed twice in different spellings: istioctl aliases
 * become their full subcommand names (`pc clusters` = `proxy-config cluster`), kubectl resource names become
 * singular (`get authorizationpolicies` = `get authorizationpolicy`), spacing is normalised.
 */
export function canonicalCommand(line: string): string {
  let parts: string[][];
  try {
    parts = simpleCommands(line);
  } catch {
    return line.replace(/\s+/g, ' ').trim();
  }
  return parts
    .map((words) => {
      if (words[0] === 'istioctl') {
        let path = '';
        const out = ['istioctl'];
        let inPath = true;
        for (const w of words.slice(1)) {
          const canonical = inPath && !w.startsWith('-') ? childrenOf(path).get(w) : undefined;
          if (canonical) {
            path = path ? `${path} ${canonical}` : canonical;
            out.push(canonical);
          } else {
            if (!w.startsWith('-')) inPath = false;
            out.push(w);
          }
        }
        return out.join(' ');
      }
      if (words[0] === 'kubectl') {
        return words.map((w, i) => (i > 0 && /^(get|describe|delete|edit)$/.test(words[i - 1] ?? '') && /^[a-z]+$/.test(w) ? singular(w) : w)).join(' ');
      }
      return words.join(' ');
    })
    .join(' | ');
}

/** Checks the whole catalog: each entry, duplicate ids and duplicate command texts. */
export function checkCatalog(entries: CommandEntry[]): CommandProblem[] {
  const ids = new Set(entries.map((c) => c.id));
  const problems = entries.flatMap((c) => checkCommand(c, ids));
  const byId = new Map<string, number>();
  const byText = new Map<string, string>();
  for (const c of entries) {
    byId.set(c.id, (byId.get(c.id) ?? 0) + 1);
    const norm = canonicalCommand(c.command);
    const other = byText.get(norm);
    if (other) problems.push({ id: c.id, command: c.command, reason: `same command text as "${other}": reuse that id` });
    else byText.set(norm, c.id);
  }
  for (const [id, n] of byId) if (n > 1) problems.push({ id, command: '', reason: `id used ${n} times` });
  return problems;
}

export const formatProblems = (ps: CommandProblem[]) => ps.map((p) => `${p.id}: ${p.reason}\n    ${p.command}`).join('\n');
