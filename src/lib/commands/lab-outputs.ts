/**
 * Mechanical checks of the outputs lab steps show (see labCommands in src/lib/labs.ts):
 * - after `kubectl apply -f X` / `kubectl delete -f X`, the output names exactly the kinds and names in X;
 * - a status code shown agrees with the status the step states in backticks (`503`);
 * - READY counts shown (`2/2`) are ones the step's text states;
 * - `istioctl analyze` names the namespace the command analyses;
 * - a proxy-status table has Istio 1.26's columns, with the age after every SYNCED.
 */
import { parseAllDocuments } from 'yaml';
import type { LabCommand } from '../labs';

export interface OutputProblem {
  line: number;
  id: string;
  reason: string;
}

/** kind, API group and name of every document in a manifest. */
export function manifestObjects(yamlText: string): { kind: string; group: string; name: string }[] {
  return parseAllDocuments(yamlText)
    .map((d) => d.toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string } } | null)
    .filter((o): o is NonNullable<typeof o> => !!o && typeof o === 'object')
    .map((o) => {
      const api = String(o.apiVersion ?? '');
      return { kind: String(o.kind ?? ''), group: api.includes('/') ? api.slice(0, api.lastIndexOf('/')) : '', name: String(o.metadata?.name ?? '') };
    });
}

/** How kubectl names an object in apply/delete output: `virtualservice.networking.istio.io/reviews`, `service/httpbin`. */
export const kubectlResourceName = (o: { kind: string; group: string }) => `${o.kind.toLowerCase()}${o.group ? `.${o.group}` : ''}`;

/**
 * Checks an apply or delete output against the manifest it names. Lines starting with `Warning:` are
 * skipped; an `Error from server` line stands for an object the API server rejected and must name the file.
 */
export function checkManifestOutput(verb: 'apply' | 'delete', file: string, output: string, yamlText: string): string[] {
  const problems: string[] = [];
  const expected = manifestObjects(yamlText).map((o) => (verb === 'apply' ? `${kubectlResourceName(o)}/${o.name}` : `${kubectlResourceName(o)} "${o.name}"`));
  const seen: string[] = [];
  for (const line of output.split('\n').filter((l) => l.trim() && !l.startsWith('Warning:'))) {
    if (/^Error from server/.test(line)) {
      if (!line.includes(`"${file}"`)) problems.push(`the error line does not name the file ${file}: ${line}`);
      seen.push('<rejected>');
      continue;
    }
    const m = verb === 'apply' ? /^(\S+) (created|configured|unchanged)$/.exec(line) : /^(\S+ "[^"]+") deleted$/.exec(line);
    if (!m) {
      problems.push(`"${line}" is not a kubectl ${verb} result line`);
      continue;
    }
    seen.push(m[1]!);
  }
  const rejected = seen.filter((s) => s === '<rejected>').length;
  const named = seen.filter((s) => s !== '<rejected>');
  const missing = expected.filter((e) => !named.includes(e));
  const extra = named.filter((n) => !expected.includes(n));
  for (const e of extra) problems.push(`names ${e}, which ${file} does not hold`);
  if (missing.length !== rejected) problems.push(`${file} holds ${expected.join(', ')}; the output names ${named.join(', ') || 'none'}${rejected ? ` and ${rejected} rejected` : ''}`);
  if (new Set(named).size !== named.length) problems.push('names an object twice');
  return problems;
}

const STATUS_IN_PROSE = /`(?:\d+ )?([1-5]\d\d)`/g;
/**
 * Status codes an output shows: a line that is a 2xx-5xx code (optionally after a `uniq -c` count, optionally
 * followed by a time such as `3.01s`), or an HTTP status line.
 */
export function statusCodesShown(output: string): string[] {
  const codes: string[] = [];
  for (const line of output.split('\n')) {
    const m = /^\s*(?:\d+\s+)?([2-5]\d\d)(?:\s+[\d.]+s)?\s*$/.exec(line) ?? /^HTTP\/[\d.]+ ([1-5]\d\d)\b/.exec(line);
    if (m) codes.push(m[1]!);
  }
  return codes;
}

/**
 * The status codes a step states for a command: in the prose just before it (since the previous command),
 * else just after it, else anywhere in the step.
 */
export function statedStatusCodes(c: Pick<LabCommand, 'before' | 'after' | 'stepText'>): string[] {
  for (const text of [c.before, c.after, c.stepText]) {
    const codes = [...text.matchAll(STATUS_IN_PROSE)].map((m) => m[1]!);
    if (codes.length) return codes;
  }
  return [];
}

/** READY values in a table output with a READY column. */
export function readyCountsShown(output: string): string[] {
  const lines = output.split('\n');
  const header = lines.findIndex((l) => /^NAME\s.*\bREADY\b/.test(l));
  if (header < 0) return [];
  const col = lines[header]!.indexOf('READY');
  const counts: string[] = [];
  for (const row of lines.slice(header + 1)) {
    const m = /^(\d+\/\d+)/.exec(row.slice(col));
    if (m) counts.push(m[1]!);
  }
  return counts;
}

/** The header istioctl 1.26 prints for proxy-status (istioctl/pkg/writer/pilot/status.go). */
const PROXY_STATUS_HEADER = ['NAME', 'CLUSTER', 'CDS', 'LDS', 'EDS', 'RDS', 'ECDS', 'ISTIOD', 'VERSION'];

/** Problems with a proxy-status table: other columns, or a SYNCED without its age, `SYNCED (2m14s)`. */
export function checkProxyStatusTable(output: string): string[] {
  const [header, ...rows] = output.split('\n');
  if (!header || !/^NAME\s+CLUSTER\s+CDS\b/.test(header)) return [];
  const problems: string[] = [];
  if (header.trim().split(/\s+/).join(' ') !== PROXY_STATUS_HEADER.join(' ')) problems.push(`proxy-status columns are ${PROXY_STATUS_HEADER.join(' ')}, got: ${header.trim()}`);
  for (const row of rows) if (/\bSYNCED(?! \(\w+\))/.test(row)) problems.push(`proxy-status prints the age after SYNCED, e.g. "SYNCED (2m14s)": ${row.trim()}`);
  return problems;
}

/** Checks one lab's commands; `readExample(file)` returns the text of src/examples/labs/<lab>/<file>, or undefined. */
export function checkLabOutputs(cmds: LabCommand[], readExample: (file: string) => string | undefined): OutputProblem[] {
  const problems: OutputProblem[] = [];
  for (const c of cmds) {
    if (c.output === undefined) continue;
    const add = (reason: string) => problems.push({ line: c.line, id: c.id, reason });
    const manifestVerb = c.id === 'kubectl-apply-file' ? 'apply' : c.id === 'kubectl-delete-file' ? 'delete' : undefined;
    if (manifestVerb) {
      const file = c.values.file ?? '';
      const text = readExample(file);
      if (text === undefined) add(`no example file ${file} for this lab`);
      else for (const p of checkManifestOutput(manifestVerb, file, c.output, text)) add(p);
    }
    const shown = statusCodesShown(c.output);
    if (shown.length) {
      const stated = statedStatusCodes(c);
      if (!stated.length) add(`shows status ${shown.join(', ')} but the step states no status in backticks`);
      for (const s of new Set(shown)) if (stated.length && !stated.includes(s)) add(`shows status ${s}; the step states ${stated.join(', ')}`);
    }
    const analysed = /when analyzing namespace: ([\w-]+)\./.exec(c.output)?.[1];
    if (analysed && c.values.namespace && analysed !== c.values.namespace) add(`analyze output names namespace ${analysed}; the command analyses ${c.values.namespace}`);
    for (const p of checkProxyStatusTable(c.output)) add(p);
    const ready = readyCountsShown(c.output);
    if (ready.length) {
      const stated = new Set([...c.stepText.matchAll(/\b(\d+\/\d+)\b/g)].map((m) => m[1]!));
      for (const r of new Set(ready)) if (!stated.has(r)) add(`shows READY ${r}, which the step's text does not state (${[...stated].join(', ') || 'none'})`);
    }
  }
  return problems;
}
