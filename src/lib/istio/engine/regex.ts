/**
 * RE2 full-match semantics (Envoy `RE2::FullMatch`) through re2js. RE2 never backtracks, but its cost is
 * still program size × text length (and compiling costs program size), so one evaluation gets a bounded
 * amount of regex work: past it, {@link WorkLimitError} stops the evaluation and says which limit was hit.
 * Compiled patterns are cached (bounded).
 */
import { RE2JS } from 're2js';

const cache = new Map<string, RE2JS | string>();
const CACHE_LIMIT = 500;

/**
 * Regex work one evaluation may do, in program instructions × characters (a few hundred milliseconds of CPU; the simulators run it in a Worker).
 * Compiling a pattern counts as {@link COMPILE_COST} × its program size.
 */
export const REGEX_WORK_BUDGET = 10_000_000;
const COMPILE_COST = 80;

/** Raised when an evaluation would exceed a work limit; the engine reports it instead of freezing the page. */
export class WorkLimitError extends Error {
  constructor(
    readonly limit: 'regex-work',
    message: string,
  ) {
    super(message);
    this.name = 'WorkLimitError';
  }
}

let budget: { left: number; compiled: Set<string> } | null = null;

/** Runs `fn` with a fresh regex work budget (every engine entry point does, through `guard`). */
export function withRegexBudget<T>(units: number, fn: () => T): T {
  const outer = budget;
  budget = { left: units, compiled: new Set() };
  try {
    return fn();
  } finally {
    budget = outer;
  }
}

function charge(units: number, pattern: string): void {
  if (!budget) return;
  budget.left -= units;
  if (budget.left < 0) {
    const shown = pattern.length > 40 ? `${pattern.slice(0, 40)}…` : pattern;
    throw new WorkLimitError(
      'regex-work',
      `Regex work limit reached while matching ${JSON.stringify(shown)}: this input needs more than ${REGEX_WORK_BUDGET.toLocaleString('en-US')} steps of regular-expression work (program size × text length). Shorten the path or header values, or use fewer or smaller regexes.`,
    );
  }
}

function compileCached(pattern: string): RE2JS | string {
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

/** Compiles an RE2 pattern; returns the error message instead of throwing (a work limit still throws). */
export function compileRe2(pattern: string): RE2JS | string {
  const re = compileCached(pattern);
  // Charged once per evaluation whether or not the cache held it, so the same input gets the same answer.
  if (typeof re !== 'string' && budget && !budget.compiled.has(pattern)) {
    budget.compiled.add(pattern);
    charge(re.programSize() * COMPILE_COST, pattern);
  }
  return re;
}

/** True when the whole value matches (not a substring). A bad pattern matches nothing. */
export function re2FullMatch(pattern: string, value: string): boolean {
  const re = compileRe2(pattern);
  if (typeof re === 'string') return false;
  charge(re.programSize() * (value.length + 1), pattern);
  return re.matcher(value).matches();
}
