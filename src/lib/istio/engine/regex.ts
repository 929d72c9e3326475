/**
 * RE2 full-match semantics (Envoy `RE2::FullMatch`) through re2js: linear time, so no pattern can hang
 * the page. Compiled patterns are cached (bounded).
 */
import { RE2JS } from 're2js';

const cache = new Map<string, RE2JS | string>();
const CACHE_LIMIT = 500;

/** Compiles an RE2 pattern; returns the error message instead of throwing. */
export function compileRe2(pattern: string): RE2JS | string {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  let out: RE2JS | string;
  try {
    out = RE2JS.compile(pattern);
  } catch (e) {
    out = e instanceof Error ? e.message : String(e);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, out);
  return out;
}

/** True when the whole value matches (not a substring). Throws nothing; a bad pattern matches nothing. */
export function re2FullMatch(pattern: string, value: string): boolean {
  const re = compileRe2(pattern);
  if (typeof re === 'string') return false;
  return re.matcher(value).matches();
}
