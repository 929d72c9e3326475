/**
 * Messages as istioctl 1.26 builds, orders and prints them (pkg/config/analysis/diag, istioctl/pkg/util/formatting):
 * `<Level> [<code>] (<Kind> <ns>/<name> <file>:<line>) <text>`.
 */
import { messageTypes, type Level, type MessageCode } from './messages.gen';

export interface AnalysisMessage {
  code: MessageCode;
  level: Level;
  /** `Kind namespace/name`, or `Kind name` for cluster-scoped kinds. */
  resource: string;
  message: string;
  file: string;
  line: number;
  /** Field path the line points at (`spec.gateways[0]`), when the message names one. */
  path?: string;
}

/** A value for a Go format verb: strings, numbers and lists of them (printed as Go prints `[a b]`). */
export type GoValue = string | number | readonly (string | number)[];

/** Go's strconv.Quote for the characters a manifest holds. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff)
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function verb(v: string, value: GoValue | undefined): string {
  if (value === undefined) return `%!${v}(MISSING)`;
  if (Array.isArray(value)) return `[${value.map((x) => (v === 'q' ? goQuote(String(x)) : String(x))).join(' ')}]`;
  if (v === 'q') return goQuote(String(value));
  return String(value);
}

/** Fills a Go format string with %s, %v, %q and %d verbs. */
export function goFormat(template: string, args: readonly GoValue[]): string {
  let i = 0;
  return template.replace(/%([svqd%])/g, (_, v: string) => (v === '%' ? '%' : verb(v, args[i++])));
}

export function messageText(code: MessageCode, args: readonly GoValue[]): string {
  return goFormat(messageTypes[code].template, args);
}

/** Where a message points: `file:line`, or just the file for JSON input, as istioctl prints it. */
export function location(m: Pick<AnalysisMessage, 'file' | 'line'>): string {
  if (!m.file) return '';
  if (m.line > 0 && !m.file.endsWith('.json')) return `${m.file}:${m.line}`;
  return m.file;
}

/** One line of `istioctl analyze` output (without colour). */
export function formatMessage(m: AnalysisMessage): string {
  const where = location(m);
  return `${m.level} [${m.code}] (${m.resource}${where ? ` ${where}` : ''}) ${m.message}`;
}

const levelOrder: Record<Level, number> = { Error: 0, Warning: 1, Info: 2 };

/** istioctl's resource comparator: kind/name/namespace. */
function comparator(resource: string): string {
  const space = resource.indexOf(' ');
  const kind = resource.slice(0, space);
  const full = resource.slice(space + 1);
  const slash = full.indexOf('/');
  return slash < 0 ? `${kind}/${full}/` : `${kind}/${full.slice(slash + 1)}/${full.slice(0, slash)}`;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts as istioctl does (level, code, resource, then the printed line) and drops exact repeats. */
export function sortAndDedupe(messages: readonly AnalysisMessage[]): AnalysisMessage[] {
  const sorted = [...messages].sort(
    (a, b) =>
      levelOrder[a.level] - levelOrder[b.level] ||
      byteOrder(a.code, b.code) ||
      byteOrder(comparator(a.resource), comparator(b.resource)) ||
      byteOrder(formatMessage(a), formatMessage(b)),
  );
  const out: AnalysisMessage[] = [];
  for (const m of sorted) if (out.length === 0 || formatMessage(out[out.length - 1]!) !== formatMessage(m)) out.push(m);
  return out;
}

/** What istioctl prints to stderr when nothing is found. */
export function noIssuesLine(fileNames: readonly string[], target: string): string {
  if (fileNames.length > 1) return `\u2714 No validation issues found when analyzing:\n  - ${fileNames.join('\n  - ')}`;
  if (fileNames.length === 1) return `\u2714 No validation issues found when analyzing ${fileNames[0]}.`;
  return `\u2714 No validation issues found when analyzing ${target}.`;
}
