/** VirtualService `StringMatch` (exact, prefix, regex) read from YAML and applied to a value. */
import { compileRe2, re2FullMatch } from './regex';
import type { Reader } from './reader';

export type StringMatch =
  | { type: 'exact'; value: string }
  | { type: 'prefix'; value: string }
  | { type: 'regex'; value: string }
  /** `{}` or an empty value: the header/parameter only has to be present. */
  | { type: 'present' };

export interface StringMatchOptions {
  /** `{}`/null is a presence match (headers, query parameters). */
  allowPresent: boolean;
  /** `regex: "*"` is a presence match, not RE2 (withoutHeaders; Istio's canBeConvertedToPresentMatch). */
  starIsPresent?: boolean;
  /** An empty prefix is allowed (uri only; Istio's validateStringMatch rejects it elsewhere). */
  emptyPrefixOk?: boolean;
  /** The field named in messages (`headers`, `uri`...). */
  where: string;
}

/** Istio rejects a regex longer than this at admission (validateStringRegexp). */
export const MAX_REGEX_LENGTH = 1024;

/** Reads a StringMatch with the checks Istio's validation applies to it. */
export function readStringMatch(r: Reader, opts: StringMatchOptions): StringMatch {
  if (r.isMissing()) {
    if (opts.allowPresent) return { type: 'present' };
    throw r.err(`${r.where} needs one of exact, prefix or regex`);
  }
  const d = r.dict();
  const keys = Object.keys(d);
  const known = keys.filter((k): k is 'exact' | 'prefix' | 'regex' => k === 'exact' || k === 'prefix' || k === 'regex');
  const unknown = keys.filter((k) => k !== 'exact' && k !== 'prefix' && k !== 'regex');
  if (unknown.length > 0) throw r.err(`${r.where} has "${unknown[0]}": a StringMatch takes exact, prefix or regex only`, [unknown[0]!]);
  if (known.length > 1) throw r.err(`${r.where} sets ${known.join(' and ')}: a StringMatch takes exactly one of exact, prefix, regex`);
  if (known.length === 0) {
    if (opts.allowPresent) return { type: 'present' };
    throw r.err(`${r.where} is empty: it needs one of exact, prefix or regex`);
  }
  const type = known[0] as 'exact' | 'prefix' | 'regex';
  const value = r.child(type).scalar();
  if (type === 'prefix' && value === '' && !opts.emptyPrefixOk) throw r.err(`${r.where}.prefix: the API server rejects an empty prefix in ${opts.where}`, ['prefix']);
  if (type === 'regex') {
    if (value === '*' && opts.starIsPresent) return { type: 'present' };
    if (value === '') throw r.err(`${r.where}.regex: the API server rejects an empty regex`, ['regex']);
    if (value.length > MAX_REGEX_LENGTH) throw r.err(`${r.where}.regex is ${value.length} characters long: the API server rejects a regex longer than ${MAX_REGEX_LENGTH}`, ['regex']);
    const re = compileRe2(value);
    if (typeof re === 'string') throw r.err(`${r.where}.regex is not a valid RE2 expression: ${re}`, ['regex']);
  }
  return { type, value };
}

export function describeMatch(m: StringMatch): string {
  if (m.type === 'present') return 'present (any value)';
  return `${m.type} ${JSON.stringify(m.value)}`;
}

/** Applies a StringMatch to a value that is present. `ignoreCase` affects exact and prefix only. */
export function applyStringMatch(m: StringMatch, value: string, ignoreCase = false): boolean {
  switch (m.type) {
    case 'present':
      return true;
    case 'exact':
      return ignoreCase ? value.toLowerCase() === m.value.toLowerCase() : value === m.value;
    case 'prefix':
      return ignoreCase ? value.toLowerCase().startsWith(m.value.toLowerCase()) : value.startsWith(m.value);
    case 'regex':
      return re2FullMatch(m.value, value);
  }
}
