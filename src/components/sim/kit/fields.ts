/**
 * Parsers for the simulators' small text fields. Each returns the value or a {@link Problem} tied to its
 * field (`input` = the field's `name`) and, for multi-line fields, to the line. Maps are null-prototype
 * objects, so `__proto__` or `constructor` typed as a key stays a key.
 */
import { labelKeyProblem, isLabelValue } from '../../../lib/istio';
import { MAX_LINE, MAX_LINES } from './limits';
import { fieldProblem, type Problem } from './outcome';

export type Parsed<T> = { ok: true; value: T } | Problem;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function tooLong(text: string, input: string, label: string, max: number): Problem | undefined {
  return text.length > max ? fieldProblem(input, label, `at most ${max.toLocaleString('en-US')} characters (this is ${text.length.toLocaleString('en-US')}).`) : undefined;
}

/** `name: value` per line (HTTP headers), names lower-cased. Blank lines are skipped. */
export function parseHeaderLines(text: string, input = 'headers', label = 'Headers'): Parsed<Record<string, string>> {
  const long = tooLong(text, input, label, MAX_LINES);
  if (long) return long;
  const out = Object.create(null) as Record<string, string>;
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return fieldProblem(input, label, 'write one header per line as name: value', i + 1);
    const name = line.slice(0, colon).trim();
    if (!HEADER_NAME.test(name)) return fieldProblem(input, label, `"${name.slice(0, 40)}" is not a valid header name`, i + 1);
    out[name.toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { ok: true, value: out };
}

/** `app=web, version=v1` → labels, each key and value checked as Kubernetes does. */
export function parseLabels(text: string, input: string, label: string): Parsed<Record<string, string>> {
  const long = tooLong(text, input, label, MAX_LINE);
  if (long) return long;
  const out = Object.create(null) as Record<string, string>;
  for (const part of text.split(/[,\n]/)) {
    const p = part.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    if (eq <= 0) return fieldProblem(input, label, `write labels as key=value, separated by commas ("${p.slice(0, 40)}")`);
    const key = p.slice(0, eq).trim();
    const value = p.slice(eq + 1).trim();
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) return fieldProblem(input, label, `label key "${key.slice(0, 40)}" ${keyProblem}`);
    if (!isLabelValue(value)) return fieldProblem(input, label, `label value "${value.slice(0, 40)}" must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`);
    out[key] = value;
  }
  return { ok: true, value: out };
}

export function parsePort(text: string, input = 'port', label = 'Port'): Parsed<number | undefined> {
  const t = text.trim();
  if (!t) return { ok: true, value: undefined };
  if (!/^\d{1,5}$/.test(t) || Number(t) < 1 || Number(t) > 65535) return fieldProblem(input, label, 'enter a port number between 1 and 65535');
  return { ok: true, value: Number(t) };
}

/** A one-line text field, trimmed, within {@link MAX_LINE}. */
export function parseLine(text: string, input: string, label: string): Parsed<string> {
  return tooLong(text, input, label, MAX_LINE) ?? { ok: true, value: text.trim() };
}

/** Percent with one decimal, e.g. 0.8 → "80%", 1/3 → "33.3%". */
export function pct(share: number): string {
  const v = Math.round(share * 1000) / 10;
  return `${v}%`;
}

/** A number field within [min, max] (`integer`: whole numbers only; `optional`: empty gives undefined). */
export function parseNumber(text: string, input: string, label: string, opts: { min: number; max: number; integer?: boolean; optional?: boolean }): Parsed<number | undefined> {
  const raw = text.trim();
  if (raw === '') return opts.optional ? { ok: true, value: undefined } : fieldProblem(input, label, 'enter a number.');
  const n = Number(raw);
  if (raw.length > 40 || !Number.isFinite(n)) return fieldProblem(input, label, `"${raw.slice(0, 40)}" is not a number.`);
  if (opts.integer && !Number.isInteger(n)) return fieldProblem(input, label, 'must be a whole number.');
  if (n < opts.min || n > opts.max) return fieldProblem(input, label, `must be between ${opts.min} and ${opts.max}.`);
  return { ok: true, value: n };
}

/** A seed field: any text within {@link MAX_LINE}, not blank. */
export function parseSeed(text: string, input = 'seed', label = 'Seed'): Parsed<string> {
  if (text.trim() === '') return fieldProblem(input, label, 'enter any text or number.');
  return tooLong(text, input, label, MAX_LINE) ?? { ok: true, value: text };
}
